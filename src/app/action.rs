//! What a person asked for, read from the control they used, and what it does to the state.
//!
//! Every control says what it does in data attributes: `data-act` (the action), `data-line` (the
//! line's stable id) and `data-field` (a line field or a settings key). The root's two listeners
//! ([`super::events`]) read them through [`Action::from_element`] and hand the result to
//! [`apply`]. Test ids and element ids are left to the tests and to labels: dispatch never reads
//! them, so a change of either cannot change what a button does.

use super::browser;
use super::state::AppState;
use kling_pricing::fields;
use leptos::prelude::*;

/// A downloadable file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// One change a control asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Field `field` (the id of a row of `kling_pricing::fields::LINE_FIELDS`) of line `line`
    /// now reads `value`.
    Edit {
        line: u32,
        field: &'static str,
        value: String,
    },
    /// The plan setting `key` (see [`fields::setting_mut`]) now reads `value`.
    SetSetting {
        key: String,
        value: String,
    },
    SetTrialsUsed(bool),
    /// Price the mix from this catalog edition (see [`AppState::switch_edition`]).
    SetEdition(String),
    /// "auto", "light" or "dark".
    SetTheme(String),
    AddLine,
    RemoveLine(u32),
    DuplicateLine(u32),
    /// Move line `line` by `delta` places (−1 up, +1 down).
    Move {
        line: u32,
        delta: isize,
    },
    Clear,
    Export(Format),
    /// Draw the break-even picture (see [`AppState::draw_break_even`]).
    BreakEven,
    Print,
    CopyLink,
}

/// What [`Action::from_element`] reads of a control: implemented for DOM elements, and by a stub
/// in the native tests.
pub trait Control {
    /// The attribute `name`, if the element has it.
    fn attr(&self, name: &str) -> Option<String>;
    /// The text of a box or the value of a select's choice.
    fn value(&self) -> String;
    /// Whether a checkbox is ticked.
    fn checked(&self) -> bool;
}

impl Control for web_sys::Element {
    fn attr(&self, name: &str) -> Option<String> {
        self.get_attribute(name)
    }

    fn value(&self) -> String {
        js_sys::Reflect::get(self, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    fn checked(&self) -> bool {
        js_sys::Reflect::get(self, &"checked".into()).is_ok_and(|v| v.is_truthy())
    }
}

impl Action {
    /// The action `el` stands for (with the value it holds now), or `None` for an element that
    /// is not a control or names no known line field.
    pub fn from_element(el: &impl Control) -> Option<Action> {
        let line = || el.attr("data-line")?.parse::<u32>().ok();
        let field = || el.attr("data-field");
        Some(match el.attr("data-act")?.as_str() {
            "edit" => Action::Edit {
                line: line()?,
                field: kling_pricing::fields::line_field(&field()?)?.id,
                value: el.value(),
            },
            "set" => Action::SetSetting {
                key: field()?,
                value: el.value(),
            },
            "trials" => Action::SetTrialsUsed(el.checked()),
            "theme" => Action::SetTheme(el.value()),
            "edition" => Action::SetEdition(el.value()),
            "add" => Action::AddLine,
            "remove" => Action::RemoveLine(line()?),
            "duplicate" => Action::DuplicateLine(line()?),
            "move-up" => Action::Move {
                line: line()?,
                delta: -1,
            },
            "move-down" => Action::Move {
                line: line()?,
                delta: 1,
            },
            "clear" => Action::Clear,
            "export-csv" => Action::Export(Format::Csv),
            "export-json" => Action::Export(Format::Json),
            "breakeven" => Action::BreakEven,
            "print" => Action::Print,
            "copy-link" => Action::CopyLink,
            _ => return None,
        })
    }
}

/// Carries out `action`: one change of the state, or one request to the browser (download,
/// print, clipboard). The views follow the state.
pub fn apply(state: AppState, action: Action) {
    match action {
        Action::Edit { line, field, value } => state.edit_line(line, field, value),
        Action::SetSetting { key, value } => {
            state
                .options
                .maybe_update(|o| fields::setting_mut(o, &key).map(|f| *f = value).is_some());
        }
        Action::SetTrialsUsed(used) => state.options.update(|o| o.trials_used = used),
        Action::SetEdition(id) => state.switch_edition(&id),
        Action::SetTheme(theme) => state.theme.set(theme),
        Action::AddLine => state.add_line(),
        Action::RemoveLine(id) => state.remove_line(id),
        Action::DuplicateLine(id) => state.duplicate_line(id),
        Action::Move { line, delta } => state.move_line(line, delta),
        Action::Clear => state.clear(),
        Action::Export(format) => browser::export(state, format == Format::Json),
        Action::BreakEven => state.draw_break_even(),
        Action::Print => browser::print(),
        Action::CopyLink => {
            if let Some(url) = browser::copy_link(state) {
                state.copied.set(format!("Link copied: {url}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::draft::DraftOptions;
    use kling_pricing::{default_catalog, DraftLine};

    /// A control as the tests describe it: attributes, a value and a tick.
    #[derive(Default)]
    struct Stub {
        attrs: Vec<(&'static str, String)>,
        value: String,
        checked: bool,
    }

    impl Control for Stub {
        fn attr(&self, name: &str) -> Option<String> {
            self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
        }
        fn value(&self) -> String {
            self.value.clone()
        }
        fn checked(&self) -> bool {
            self.checked
        }
    }

    fn control(attrs: &[(&'static str, &str)], value: &str) -> Stub {
        Stub {
            attrs: attrs.iter().map(|(n, v)| (*n, v.to_string())).collect(),
            value: value.into(),
            checked: false,
        }
    }

    /// A state with `n` video lines of 100 outputs, inside a reactive owner.
    fn with_state(n: usize, test: impl FnOnce(AppState)) {
        crate::app::tests::with_owner(|| {
            let cat = default_catalog();
            let drafts = (0..n).map(|_| DraftLine::for_service(cat, "video", 100)).collect();
            test(AppState::new(default_catalog(), drafts, DraftOptions::default()));
        });
    }

    fn ids(state: AppState) -> Vec<u32> {
        state.lines.with(|ls| ls.iter().map(|l| l.id).collect())
    }

    #[test]
    fn controls_say_what_they_do() {
        let edit = control(
            &[("data-act", "edit"), ("data-line", "7"), ("data-field", "quantity")],
            "12",
        );
        assert_eq!(
            Action::from_element(&edit),
            Some(Action::Edit {
                line: 7,
                field: "quantity",
                value: "12".into()
            })
        );
        let up = control(&[("data-act", "move-up"), ("data-line", "3")], "");
        assert_eq!(Action::from_element(&up), Some(Action::Move { line: 3, delta: -1 }));
        let setting = control(&[("data-act", "set"), ("data-field", "video.pack.price")], "70");
        assert_eq!(
            Action::from_element(&setting),
            Some(Action::SetSetting {
                key: "video.pack.price".into(),
                value: "70".into()
            })
        );
        let trials = Stub {
            checked: true,
            ..control(&[("data-act", "trials")], "on")
        };
        assert_eq!(Action::from_element(&trials), Some(Action::SetTrialsUsed(true)));
        let edition = control(&[("data-act", "edition")], "kling-2026");
        assert_eq!(
            Action::from_element(&edition),
            Some(Action::SetEdition("kling-2026".into()))
        );
        assert_eq!(
            Action::from_element(&control(&[("data-act", "export-json")], "")),
            Some(Action::Export(Format::Json))
        );
    }

    #[test]
    fn test_ids_and_unknown_names_do_nothing() {
        // A test id alone, an unknown field, a line that is not a number, no line at all.
        for attrs in [
            &[("data-testid", "add-line")][..],
            &[("data-act", "edit"), ("data-line", "7"), ("data-field", "colour")],
            &[("data-act", "remove"), ("data-line", "kp-l7")],
            &[("data-act", "duplicate")],
            &[("data-act", "launch")],
        ] {
            assert_eq!(Action::from_element(&control(attrs, "x")), None, "{attrs:?}");
        }
    }

    /// The planner's worker plans from the state's link (`app::planner`): what it derives from
    /// it is what the state plans from, a line that does not price left out alike, and the
    /// same options.
    #[test]
    fn a_states_link_gives_the_planner_its_input() {
        with_state(3, |state| {
            let [a, b, _] = ids(state)[..] else { unreachable!() };
            let edit = |line, field, value: &str| {
                apply(
                    state,
                    Action::Edit {
                        line,
                        field,
                        value: value.into(),
                    },
                )
            };
            edit(a, "quantity", "-3");
            edit(b, "service", "lip-sync");
            let decoded = kling_pricing::share::decode(&state.share_query());
            let catalog = kling_pricing::catalog::edition(&decoded.state.edition).unwrap();
            let from_link = kling_pricing::calculation::plan_input(catalog, &decoded.state.lines);
            assert_eq!(from_link, crate::app::state::plan_input(state.lines, state.sums));
            assert_eq!(from_link.1.len(), 2);
            let (options, _) = decoded.state.options.to_options();
            assert_eq!(options, state.parsed_options.with(|(o, _)| o.clone()));
        });
    }

    #[test]
    fn edits_change_one_line_and_the_totals() {
        with_state(2, |state| {
            let [a, b] = ids(state)[..] else { unreachable!() };
            let before = state.sums.with(|s| s.total_value);
            apply(
                state,
                Action::Edit {
                    line: b,
                    field: "quantity",
                    value: "300".into(),
                },
            );
            let draft = |id: u32| {
                state
                    .lines
                    .with(|ls| ls.iter().find(|l| l.id == id).unwrap().draft.get())
            };
            assert_eq!(draft(b).quantity, "300");
            assert_eq!(draft(a).quantity, "100");
            assert_eq!(
                state.sums.with(|s| s.total_value),
                before * rust_decimal::Decimal::from(2)
            );
            // A new service brings its own choices (lip-sync: a 30 s default length).
            apply(
                state,
                Action::Edit {
                    line: a,
                    field: "service",
                    value: "lip-sync".into(),
                },
            );
            assert_eq!(draft(a).video_seconds, "30");
        });
    }

    #[test]
    fn buttons_add_duplicate_move_remove_and_clear() {
        with_state(2, |state| {
            let [a, b] = ids(state)[..] else { unreachable!() };
            apply(state, Action::Move { line: b, delta: -1 });
            assert_eq!(ids(state), [b, a]);
            apply(state, Action::Move { line: b, delta: -1 });
            assert_eq!(ids(state), [b, a], "the first line stays first");
            apply(state, Action::DuplicateLine(b));
            let now = ids(state);
            assert_eq!((now.len(), now[0], now[2]), (3, b, a));
            apply(state, Action::RemoveLine(b));
            assert_eq!(ids(state)[1..], [a]);
            apply(state, Action::AddLine);
            assert_eq!(ids(state).len(), 3);
            apply(state, Action::Clear);
            assert!(ids(state).is_empty());
        });
    }

    #[test]
    fn settings_trials_and_theme() {
        with_state(1, |state| {
            let set = |key: &str, value: &str| {
                apply(
                    state,
                    Action::SetSetting {
                        key: key.into(),
                        value: value.into(),
                    },
                )
            };
            set("horizon", "40");
            set("image.pack.price", "70");
            set("audio.pack.price", "1");
            state.options.with(|o| {
                assert_eq!((o.horizon.as_str(), o.pools[1].pack_price.as_str()), ("40", "70"));
            });
            assert!(state
                .parsed_options
                .with(|(_, errs)| errs.iter().any(|e| e.key == "horizon")));
            apply(state, Action::SetTrialsUsed(true));
            assert!(state.options.with(|o| o.trials_used));
            apply(state, Action::SetTheme("dark".into()));
            assert_eq!(state.theme.get(), "dark");
        });
    }

    /// Picking an edition reopens the calculator on a link holding the same lines and settings,
    /// as typed, in the edition picked; an unknown edition or the current one changes nothing.
    #[test]
    fn picking_an_edition_reopens_on_it_with_the_lines_as_typed() {
        with_state(2, |state| {
            apply(
                state,
                Action::SetSetting {
                    key: "horizon".into(),
                    value: "40".into(),
                },
            );
            for same in ["seed-2025", "kling-1999"] {
                apply(state, Action::SetEdition(same.into()));
                assert_eq!(state.query.get(), "", "{same}");
            }
            apply(state, Action::SetEdition("kling-2026".into()));
            let reopened = kling_pricing::share::decode(&state.query.get());
            assert!(reopened.problems.is_empty(), "{:?}", reopened.problems);
            assert_eq!(reopened.state.edition, "kling-2026");
            assert_eq!(
                reopened.state.lines,
                state
                    .lines
                    .with(|ls| ls.iter().map(|l| l.draft.get()).collect::<Vec<_>>())
            );
            assert_eq!(
                reopened.state.options.horizon, "40",
                "a bad setting is kept as typed too"
            );
        });
    }
}
