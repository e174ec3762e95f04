//! The job-line editors: a keyed `<For>` of [`LineEditor`]s (key: the line's stable id). Adding,
//! removing or moving a line adds, removes or moves that line's elements only; an edit writes
//! only the parts of its own editor that changed, each behind a memo. A box being typed in is
//! never re-rendered, and its text is written only when it differs from what the box holds.
//!
//! A keystroke's path: the box's `on:input` ([`number_field`]) edits the line's draft
//! (`DraftLine::edit`), the line's `priced` memo prices it (`DraftLine::price`), and the views
//! that read the memo (the figures, the box's message, the totals) redraw.

use super::choices::{self, Choice, Priced};
use super::Live;
use super::{focus, live, live_view};
use crate::app::dom;
use crate::app::state::{AppState, Line};
use kling_pricing::catalog::{Catalog, Status};
use kling_pricing::error::InputError;
use kling_pricing::estimate::LineEstimate;
use kling_pricing::fields::{Kind, LineField, LINE_FIELDS};
use kling_pricing::format;
use leptos::either::Either;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

/// The list of editors, one per line, in order.
#[component]
pub fn Lines(state: AppState) -> impl IntoView {
    view! {
        <ol class="kp-lines" data-testid="lines">
            <For each=move || state.lines.get() key=|l| l.id let(line)>
                <LineEditor state line/>
            </For>
        </ol>
    }
}

/// Keeps every line's share of the total. An edit moves the total, so every share may move, but
/// at one decimal most stay the same: one effect works them all out and tells only the lines
/// whose text changed, instead of every line's editor waking up on every keystroke (on a 100-line
/// mix that would be about a third of a keystroke's update).
pub fn shares(state: AppState) {
    crate::app::effect(move || update_shares(state));
}

/// Gives each line whose share of the total changed its new text.
pub fn update_shares(state: AppState) {
    let total = state.sums.with(|s| s.total_value);
    state.lines.with(|ls| {
        for l in ls {
            let text = l.priced.with(|p| choices::share_text(p, total));
            if l.share.with_untracked(|s| *s != text) {
                l.share.set(text);
            }
        }
    });
}

/// A button's click handler, boxed so that every button shares one handler type (each closure
/// type of its own would compile the event machinery again).
pub fn on_press(f: impl Fn(ev::MouseEvent) + 'static) -> Box<dyn FnMut(ev::MouseEvent)> {
    Box::new(f)
}

/// One job line's editor: its selects and number boxes, figures, share of the total and buttons.
#[component]
fn LineEditor(state: AppState, line: Line) -> impl IntoView {
    let cat = state.catalog;
    let id = line.id;
    // Its place in the list (1 first) and how many lines there are: what moves change.
    let place = Memo::new(move |_| {
        state
            .lines
            .with(|ls| (ls.iter().position(|l| l.id == id).unwrap_or(0) + 1, ls.len()))
    });
    let n = move || place.get().0;
    let last = move || place.with(|(n, len)| n == len);
    let moved = move |delta| on_press(move |ev| focus::kept(ev, || state.move_line(id, delta)));
    view! {
        <li class="kp-line" data-testid="line" aria-label=live(move || format!("Job line {}", n()))>
            <div class="kp-line-fields">
                {LINE_FIELDS.iter().map(|f| field_editor(state, line, f)).collect_view()}
            </div>
            <div class="kp-line-figures">
                <div class="kp-figures" aria-live="polite">{live(move || line.priced.with(|p| figures(cat, p)))}</div>
                <span class="kp-muted kp-share" data-testid="line-share">{live(move || line.share.get())}</span>
                <div class="kp-line-actions" role="group" aria-label=live(move || format!("Line {}", n()))>
                    <button type="button" class="kp-icon" data-testid="move-up" title="Move up"
                        disabled=live(move || n() == 1) on:click=moved(-1)>
                        "↑"<span class="kp-sr">" Move line up"</span>
                    </button>
                    <button type="button" class="kp-icon" data-testid="move-down" title="Move down"
                        disabled=live(last) on:click=moved(1)>
                        "↓"<span class="kp-sr">" Move line down"</span>
                    </button>
                    <button type="button" class="kp-secondary" data-testid="duplicate-line"
                        on:click=on_press(move |ev| focus::kept(ev, || state.duplicate_line(id)))>"Duplicate"</button>
                    <button type="button" class="kp-remove" data-testid="remove-line"
                        on:click=on_press(move |ev| focus::kept(ev, || state.remove_line(id)))>"Remove"</button>
                </div>
            </div>
        </li>
    }
}

/// The control of `field`: a select or a number box, as its row says.
fn field_editor(state: AppState, line: Line, field: &'static LineField) -> impl IntoView {
    match field.kind {
        Kind::Select => Either::Left(select_field(state, line, field)),
        Kind::Number => Either::Right(number_field(state, line, field)),
    }
}

/// The handler of `field`'s control: applies what a person entered to the line (`Line::edit`).
fn edit(state: AppState, line: Line, field: &'static LineField) -> impl Fn(ev::Event) + 'static {
    move |ev| {
        line.edit(state.catalog, field.id, event_target_value(&ev));
    }
}

/// The select of `field`: its choices follow the line's earlier choices, and it is hidden while
/// it has none.
fn select_field(state: AppState, line: Line, field: &'static LineField) -> impl IntoView {
    let id = choices::line_field_id(line.id, field.id);
    let for_id = id.clone();
    let options = Memo::new(move |_| line.draft.with(|d| choices::select_choices(state.catalog, d, field)));
    view! {
        <label class="kp-field" for=for_id hidden=live(move || options.with(Vec::is_empty))>
            <span class="kp-label">{field.label}</span>
            <select id=id data-testid=field.testid on:input=edit(state, line, field)>
                {live_view(move || options.get().into_iter().map(option).collect_view())}
            </select>
        </label>
    }
}

/// One `<option>` of a select.
pub fn option(c: Choice) -> impl IntoView {
    view! { <option value=c.value selected=c.selected>{c.label}</option> }
}

/// The number box of `field`, holding the text as typed, with its message.
fn number_field(state: AppState, line: Line, field: &'static LineField) -> impl IntoView {
    let id = choices::line_field_id(line.id, field.id);
    let for_id = id.clone();
    let value = Memo::new(move |_| line.draft.with(|d| (field.get)(d).to_string()));
    let shown = Memo::new(move |_| line.draft.with(|d| choices::number_applies(state.catalog, d, field)));
    let message = Memo::new(move |_| line.priced.with(|p| choices::number_message(p, field)));
    let input = NodeRef::<html::Input>::new();
    // Written only when the text differs from the box's (a new service's default length), so
    // the caret of a box being typed in never moves.
    crate::app::effect(move || {
        let text = value.get();
        if let Some(el) = input.get() {
            dom::set_value(&el, &text);
        }
    });
    view! {
        <label class="kp-field" for=for_id hidden=live(move || !shown.get())>
            <span class="kp-label">{field.label}</span>
            <span class="kp-input-wrap">
                <input id=id.clone() type="text" inputmode="decimal" autocomplete="off" data-testid=field.testid
                    value=value.get_untracked() node_ref=input on:input=edit(state, line, field)
                    aria-invalid=invalid(message) aria-describedby=described_by(&id, message)/>
                {(!field.suffix.is_empty()).then(|| view! { <span class="kp-suffix">{field.suffix}</span> })}
            </span>
            <span class="kp-field-msg">{field_message(&id, message)}</span>
        </label>
    }
}

/// The inline message of the box with id `id` (nothing when the box is fine); its id is what
/// the box's `aria-describedby` points at.
pub fn field_message(id: &str, message: Memo<Option<String>>) -> Live<AnyView> {
    let id = id.to_string();
    live_view(move || {
        message
            .get()
            .map(|m| view! { <span class="kp-error" id=format!("{id}-err") role="alert">{m}</span> })
    })
}

/// A box's `aria-invalid`: whether it has a message.
pub fn invalid(message: Memo<Option<String>>) -> Live<&'static str> {
    live(move || if message.with(Option::is_some) { "true" } else { "false" })
}

/// A box's `aria-describedby`: its message's id while it has one.
pub fn described_by(id: &str, message: Memo<Option<String>>) -> Live<Option<String>> {
    let err = format!("{id}-err");
    live(move || message.with(Option::is_some).then(|| err.clone()))
}

/// A line's figures: units and list value; or why it is not counted.
fn figures(catalog: &'static Catalog, priced: &Priced) -> AnyView {
    match priced {
        Ok(l) => counted(catalog, l).into_any(),
        Err(errs) => excluded(errs).into_any(),
    }
}

/// The figures of a priced line: its units, value, how sure its price is, a contradicted
/// price's note, and lip-sync's segments, the cheapest per-use offer and the seconds billed.
fn counted(catalog: &'static Catalog, l: &LineEstimate) -> impl IntoView {
    let p = &l.provenance;
    let note = if p.status == Status::Contradicted {
        let text = format!("⚠ {}", p.note.unwrap_or("An official page gives a different price."));
        Some(("kp-note", "line-contradiction", text))
    } else {
        p.confidence
            .and(p.note)
            .map(|n| ("kp-muted kp-source-note", "line-note", n.to_string()))
    };
    let segments = l
        .segments
        .map(|n| format!("{n} segment{} of 5 s per job", if n == 1 { "" } else { "s" }));
    let per_use = kling_pricing::per_use::cheapest_offer(catalog, &l.line).map(|o| {
        format!(
            "per use from {} a job at {} ({} a month)",
            format::usd(o.per_job),
            o.seller,
            format::usd(o.per_month)
        )
    });
    let billed = l
        .billed_seconds
        .map(|n| format!("{n} s billed per job for {} s delivered", l.line.duration.unwrap_or(0)));
    view! {
        <span class="kp-units" data-testid="line-units">
            {format!("{} {} units", format::units(l.units), catalog.pool(l.pool).name)}
        </span>
        <span class="kp-value" data-testid="line-value">{format::usd(l.value)}</span>
        {trust(catalog, l)}
        {note.map(|(class, testid, text)| view! { <span class=class data-testid=testid>{text}</span> })}
        {segments.map(|s| view! { <span class="kp-muted kp-share">{s}</span> })}
        {per_use.map(|s| view! { <span class="kp-muted kp-share" data-testid="line-per-use">{s}</span> })}
        {billed.map(|s| view! { <span class="kp-muted kp-share" data-testid="line-billed">{s}</span> })}
    }
}

/// How sure a priced line's price is, when its row states it ("inferred from reseller prices,
/// as of 2026-03"), and a retired model's date and source: most 2026 prices are not official,
/// and a budget built on them must say so. Seed-2025 rows state neither, so their lines show
/// nothing here.
fn trust(catalog: &'static Catalog, l: &LineEstimate) -> impl IntoView {
    let p = &l.provenance;
    let sure = if l.line.own_units.is_some() {
        Some("your figure, in place of the catalog's guess".to_string())
    } else {
        p.confidence.map(|c| match p.as_of {
            Some(d) => format!("{}, as of {d}", c.words()),
            None => c.words().to_string(),
        })
    };
    let retired = l.retired.map(|r| {
        let source = catalog.source(r.source).map_or(r.source, |s| s.title);
        format!("retired {} ({source})", r.date)
    });
    view! {
        {sure.map(|s| view! { <span class="kp-muted" data-testid="line-confidence">{s}</span> })}
        {retired.map(|s| view! { <span class="kp-note" data-testid="line-retired">{s}</span> })}
    }
}

/// The figures of a line that is not counted: the line-level messages without the "line N,
/// field:" prefix (the editor shows which line).
fn excluded(errs: &[InputError]) -> impl IntoView {
    let messages: Vec<String> = choices::line_level(errs)
        .map(|e| choices::without_line(&e.message).to_string())
        .collect();
    view! {
        <span class="kp-excluded" data-testid="line-excluded">"Not counted until fixed"</span>
        {messages.into_iter().map(|m| view! { <span class="kp-error" role="alert">{m}</span> }).collect_view()}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::{default_catalog, DraftLine};

    /// A line's figures as HTML, as the editor draws them.
    fn figures_html(catalog: &'static Catalog, d: &DraftLine) -> String {
        crate::app::tests::with_owner(|| figures(catalog, &d.price(catalog, 0)).to_html())
    }

    #[test]
    fn the_contradicted_row_is_flagged_on_its_line() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "extension", 10);
        d.set_model(cat, "v1.0");
        d.set_mode(cat, "std");
        let html = figures_html(cat, &d);
        assert!(html.contains("line-contradiction"), "{html}");
        assert!(html.contains("official page says 2 units"), "{html}");
    }

    /// A kling-2026 Video 3.0 Professional line, 10 s, with `audio` ("" = the plain value).
    fn v3_pro_line(audio: &str) -> String {
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.set_model(cat, "kling-v3");
        d.set_mode(cat, "pro");
        d.duration = "10".into();
        d.audio = audio.into();
        figures_html(cat, &d)
    }

    #[test]
    fn a_line_states_how_sure_its_price_is() {
        let inferred = v3_pro_line("native");
        assert!(
            inferred.contains(r#"<span data-testid="line-confidence" class="kp-muted">inferred from reseller prices, as of 2026-03-13</span>"#),
            "{inferred}"
        );
        let official = v3_pro_line("");
        assert!(
            official.contains(r#"data-testid="line-confidence" class="kp-muted">official, as of 2026</span>"#),
            "{official}"
        );
        assert!(!official.contains("line-retired"));
    }

    #[test]
    fn a_retired_models_line_says_when_and_who_says_so() {
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.set_model(cat, "v2.1");
        let html = figures_html(cat, &d);
        assert!(
            html.contains(
                r#"data-testid="line-retired" class="kp-note">retired 2026-09-15 (ComfyUI docs: partner notice"#
            ),
            "{html}"
        );
    }

    /// Seed-2025 rows state no confidence: a seed line shows its units and value only.
    #[test]
    fn a_seed_line_shows_no_confidence() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 2);
        d.set_model(cat, "v2.1-master");
        let html = figures_html(cat, &d).replace("<!>", "");
        assert_eq!(
            html,
            r#"<span data-testid="line-units" class="kp-units">20 Video units</span><span data-testid="line-value" class="kp-value">$2.80</span>"#
        );
    }

    #[test]
    fn errors_are_escaped() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.model = "<img src=x onerror=alert(1)>".into();
        let html = figures_html(cat, &d);
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
        assert!(!html.contains("<img"));
    }
}
