//! One editable job line: service → model → mode → duration, quantity, and its figures.

use super::fields::{handler, Choice, NumberField};
use crate::app::state::{AppState, Line};
use crate::core::report;
use crate::core::{DraftLine, Field, InputError};
use leptos::prelude::*;

/// The editor for one line of the mix.
#[component]
pub fn LineEditor(line: Line) -> impl IntoView {
    let state = expect_context::<AppState>();
    let cat = state.catalog;
    let draft = line.draft;
    let lid = line.id;
    let fid = move |f: &str| format!("kp-l{lid}-{f}");
    let service = Memo::new(move |_| draft.with(|d| cat.service(&d.service)));
    let priced = line.priced;
    let error_for = move |field: Field| {
        Signal::derive(move || {
            priced.with(|p| match p {
                Err(errs) => {
                    let msgs: Vec<&str> = errs
                        .iter()
                        .filter(|e: &&InputError| e.field == field)
                        .map(|e| e.message.split_once(": ").map(|(_, m)| m).unwrap_or(&e.message))
                        .collect();
                    (!msgs.is_empty()).then(|| msgs.join("; "))
                }
                _ => None,
            })
        })
    };
    let edit = move |f: fn(&mut DraftLine, String)| Callback::new(move |v: String| draft.update(|d| f(d, v)));

    let services: Vec<(String, String)> = cat
        .services
        .iter()
        .map(|s| (s.id.to_string(), s.name.to_string()))
        .collect();
    let label = |ids: Vec<&'static str>| -> Vec<(String, String)> {
        ids.into_iter()
            .map(|i| (i.to_string(), cat.label(i).to_string()))
            .collect()
    };
    let models = Signal::derive(move || service.get().map(|s| label(s.models())).unwrap_or_default());
    let modes = Signal::derive(move || {
        let model = draft.with(|d| d.model.clone());
        service
            .get()
            .map(|s| label(s.modes(Some(&model).filter(|m| !m.is_empty()).map(|m| m.as_str()))))
            .unwrap_or_default()
    });
    let durations = Signal::derive(move || {
        let (model, mode) = draft.with(|d| (d.model.clone(), d.mode.clone()));
        let opt = |s: &String| (!s.is_empty()).then(|| s.clone());
        service
            .get()
            .map(|s| {
                s.durations(opt(&model).as_deref(), opt(&mode).as_deref())
                    .into_iter()
                    .map(|d| (d.to_string(), format!("{d} s")))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let no_seconds = Signal::derive(move || !service.get().is_some_and(|s| s.takes_video_seconds()));
    let remove = handler(move |_: web_sys::MouseEvent| state.remove_line(lid));
    let duplicate = handler(move |_: web_sys::MouseEvent| state.duplicate_line(lid));
    let up = handler(move |_: web_sys::MouseEvent| state.move_line(lid, -1));
    let down = handler(move |_: web_sys::MouseEvent| state.move_line(lid, 1));
    let position = Memo::new(move |_| state.lines.with(|ls| (ls.iter().position(|l| l.id == lid), ls.len())));
    let is_first = Signal::derive(move || position.get().0 == Some(0));
    let is_last = Signal::derive(move || {
        let (p, n) = position.get();
        p.map(|p| p + 1 == n).unwrap_or(true)
    });
    let number = move || position.get().0.map(|p| p + 1).unwrap_or(0);
    let line_label = Signal::derive(move || format!("Job line {}", number()));
    let actions_label = Signal::derive(move || format!("Line {}", number()));
    let figures = Signal::derive(move || priced.with(|p| report::line_figures_html(cat, p)));
    let share = line.share;
    let share = Signal::derive(move || share.get());

    view! {
        <li class="kp-line" data-testid="line" aria-label=line_label>
            <div class="kp-line-fields">
                <Choice
                    id=fid("service")
                    label="Service"
                    choices=services
                    current=Signal::derive(move || draft.with(|d| d.service.clone()))
                    set=Callback::new(move |v: String| draft.update(|d| d.set_service(cat, &v)))
                    testid="service"
                />
                    <Choice
                        id=fid("model")
                        label="Model"
                        choices=models
                        current=Signal::derive(move || draft.with(|d| d.model.clone()))
                        set=Callback::new(move |v: String| draft.update(|d| d.set_model(cat, &v)))
                        testid="model"
                    />
                    <Choice
                        id=fid("mode")
                        label="Mode"
                        choices=modes
                        current=Signal::derive(move || draft.with(|d| d.mode.clone()))
                        set=Callback::new(move |v: String| draft.update(|d| d.set_mode(cat, &v)))
                        testid="mode"
                    />
                    <Choice
                        id=fid("duration")
                        label="Duration"
                        choices=durations
                        current=Signal::derive(move || draft.with(|d| d.duration.clone()))
                        set=edit(|d, v| d.duration = v)
                        testid="duration"
                    />
                <NumberField
                    id=fid("quantity")
                    label="Kept outputs / month"
                    value=Signal::derive(move || draft.with(|d| d.quantity.clone()))
                    error=error_for(Field::Quantity)
                    set=edit(|d, v| d.quantity = v)
                    testid="quantity"
                />
                    <NumberField
                        id=fid("seconds")
                        label="Video length"
                        value=Signal::derive(move || draft.with(|d| d.video_seconds.clone()))
                        error=error_for(Field::VideoSeconds)
                        set=edit(|d, v| d.video_seconds = v)
                        testid="video-seconds"
                        suffix="s"
                        hidden=no_seconds
                    />
                <NumberField
                    id=fid("attempts")
                    label="Attempts per kept output"
                    value=Signal::derive(move || draft.with(|d| d.attempts_per_kept.clone()))
                    error=error_for(Field::AttemptsPerKept)
                    set=edit(|d, v| d.attempts_per_kept = v)
                    testid="attempts"
                />
            </div>
            <div class="kp-line-figures">
                <div class="kp-figures" aria-live="polite" inner_html=figures></div>
                <span class="kp-muted kp-share" data-testid="line-share">{share}</span>
                <div class="kp-line-actions" role="group" aria-label=actions_label>
                    <button type="button" class="kp-icon" data-testid="move-up" on:click=up disabled=is_first title="Move up">
                        "↑"<span class="kp-sr">" Move line up"</span>
                    </button>
                    <button type="button" class="kp-icon" data-testid="move-down" on:click=down disabled=is_last title="Move down">
                        "↓"<span class="kp-sr">" Move line down"</span>
                    </button>
                    <button type="button" class="kp-secondary" data-testid="duplicate-line" on:click=duplicate>"Duplicate"</button>
                    <button type="button" class="kp-remove" data-testid="remove-line" on:click=remove>"Remove"</button>
                </div>
            </div>
        </li>
    }
}
