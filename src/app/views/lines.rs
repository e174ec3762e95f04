//! The job-line editors: a keyed `<For>` of [`LineEditor`]s (key: the line's stable id). Adding,
//! removing or moving a line adds, removes or moves that line's elements only; an edit writes
//! only the parts of its own editor that changed, each behind a memo. A box being typed in is
//! never re-rendered, and its text is written only when it differs from what the box holds.

use super::{root_el, Root};
use crate::app::state::{AppState, Line};
use crate::app::{dom, effect};
use kling_pricing::fields::{Kind, LineField, LINE_FIELDS};
use kling_pricing_render::form;
use kling_pricing_render::report;
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;

/// Mounts the list of editors into the shell's `<ol data-r="lines">` once the shell is in the
/// page. The list belongs to the calculator's reactive owner, so it goes when the calculator
/// goes (the widget's `unmount`).
pub fn mount(state: AppState, root: Root) {
    let owner = Owner::current();
    let mounted = StoredValue::new_local(None);
    effect(move || {
        let Some(ol) = root_el(root).and_then(|r| dom::region(&r, "lines")) else {
            return;
        };
        let list = move || {
            view! {
                <For each=move || state.lines.get() key=|l| l.id let(line)>
                    <LineEditor state line/>
                </For>
            }
        };
        let mount = || leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(ol), list);
        let handle = match &owner {
            Some(o) => o.with(mount),
            None => mount(),
        };
        mounted.set_value(Some(handle));
    });
}

/// Keeps every line's share of the total. An edit moves the total, so every share may move, but
/// at one decimal most stay the same: one effect works them all out and tells only the lines
/// whose text changed, instead of every line's editor waking up on every keystroke (on a 100-line
/// mix that would be about a third of a keystroke's update).
pub fn shares(state: AppState) {
    effect(move || update_shares(state));
}

/// Gives each line whose share of the total changed its new text.
fn update_shares(state: AppState) {
    let total = state.sums.with(|s| s.total_value);
    state.lines.with(|ls| {
        for l in ls {
            let text = l.priced.with(|p| form::share_text(p, total));
            if l.share.with_untracked(|s| *s != text) {
                l.share.set(text);
            }
        }
    });
}

/// Every line's editor as HTML, as the page first draws it: what the build writes into
/// index.html for the opening view (`src/bin/prerender.rs`), made by the same component.
#[cfg(feature = "ssr")]
pub fn editors_html(state: AppState) -> String {
    update_shares(state);
    state
        .lines
        .get_untracked()
        .into_iter()
        .map(|line| view! { <LineEditor state line/> }.to_html())
        .collect()
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
    let figures = move || line.priced.with(|p| report::line_figures_html(cat, p));
    view! {
        <li class="kp-line" data-testid="line" aria-label=move || format!("Job line {}", n())>
            <div class="kp-line-fields">
                {LINE_FIELDS.iter().map(|f| field_editor(state, line, f)).collect_view()}
            </div>
            <div class="kp-line-figures">
                <div class="kp-figures" aria-live="polite" inner_html=figures></div>
                <span class="kp-muted kp-share" data-testid="line-share">{move || line.share.get()}</span>
                <div class="kp-line-actions" role="group" aria-label=move || format!("Line {}", n())>
                    <button type="button" class="kp-icon" data-testid="move-up" data-act="move-up" data-line=id
                        title="Move up" disabled=move || n() == 1>
                        "↑"<span class="kp-sr">" Move line up"</span>
                    </button>
                    <button type="button" class="kp-icon" data-testid="move-down" data-act="move-down" data-line=id
                        title="Move down" disabled=last>
                        "↓"<span class="kp-sr">" Move line down"</span>
                    </button>
                    <button type="button" class="kp-secondary" data-testid="duplicate-line" data-act="duplicate"
                        data-line=id>"Duplicate"</button>
                    <button type="button" class="kp-remove" data-testid="remove-line" data-act="remove"
                        data-line=id>"Remove"</button>
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

/// The select of `field`: its choices follow the line's earlier choices, and it is hidden while
/// it has none.
fn select_field(state: AppState, line: Line, field: &'static LineField) -> impl IntoView {
    let id = form::line_field_id(line.id, field.id);
    let for_id = id.clone();
    let options = Memo::new(move |_| line.draft.with(|d| form::select_options(state.catalog, d, field)));
    view! {
        <label class="kp-field" for=for_id hidden=move || options.with(String::is_empty)>
            <span class="kp-label">{field.label}</span>
            <select id=id data-testid=field.testid data-act="edit" data-line=line.id data-field=field.id
                inner_html=move || options.get()></select>
        </label>
    }
}

/// The number box of `field`, holding the text as typed, with its message.
fn number_field(state: AppState, line: Line, field: &'static LineField) -> impl IntoView {
    let id = form::line_field_id(line.id, field.id);
    let for_id = id.clone();
    let err_id = format!("{id}-err");
    let value = Memo::new(move |_| line.draft.with(|d| (field.get)(d).to_string()));
    let shown = Memo::new(move |_| line.draft.with(|d| form::number_applies(state.catalog, d, field)));
    let message = Memo::new(move |_| line.priced.with(|p| form::number_message(p, field)));
    let input = NodeRef::<html::Input>::new();
    // Written only when the text differs from the box's (a new service's default length), so
    // the caret of a box being typed in never moves.
    effect(move || {
        let text = value.get();
        if let Some(el) = input.get() {
            dom::set_value(&el, &text);
        }
    });
    let invalid = move || message.with(Option::is_some);
    let described = {
        let err_id = err_id.clone();
        move || invalid().then(|| err_id.clone())
    };
    view! {
        <label class="kp-field" for=for_id hidden=move || !shown.get()>
            <span class="kp-label">{field.label}</span>
            <span class="kp-input-wrap">
                <input id=id type="text" inputmode="decimal" autocomplete="off" data-testid=field.testid
                    data-act="edit" data-line=line.id data-field=field.id value=value.get_untracked()
                    aria-invalid=move || if invalid() { "true" } else { "false" }
                    aria-describedby=described node_ref=input/>
                {(!field.suffix.is_empty()).then(|| view! { <span class="kp-suffix">{field.suffix}</span> })}
            </span>
            <span class="kp-field-msg" inner_html=move || message.with(|m| report::field_error_html(&err_id, m.as_deref()))></span>
        </label>
    }
}
