//! The page's reactive state: the job lines as typed, and the estimate derived from them.

use kling_pricing::calculation::PlanInput;
use kling_pricing::draft::{opening_options, opening_sample, DraftOptions, OptionError};
use kling_pricing::estimate::{pool_totals, Estimate, LineEstimate};
use kling_pricing::plan::PlanOptions;
use kling_pricing::share::{self, ShareProblem, ShareState};
use kling_pricing::{catalog, default_catalog, Catalog, DraftLine};
use kling_pricing_render::answer::PlanAnswer;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// Line ids are unique across every calculator on the page, so element ids never collide.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// One job line: a stable id (for keyed rendering and element ids) and its form text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: u32,
    pub draft: RwSignal<DraftLine>,
    /// This line's figures or problems. Its own memo, so a keystroke re-prices one line, not all.
    pub priced: Memo<Priced>,
    /// This line's share of the total as shown ("12.5% of the total"), kept by
    /// `views::lines::shares`.
    pub share: RwSignal<String>,
}

impl Line {
    /// Applies an edit of its field `field` (see [`DraftLine::edit`]): the text as typed, with
    /// the cascade a new choice brings.
    pub fn edit(&self, catalog: &Catalog, field: &str, value: String) {
        self.draft.maybe_update(|d| d.edit(catalog, field, value));
    }

    /// A line holding `draft`, priced from `catalog` (the calculator's edition).
    pub fn new(catalog: &'static Catalog, draft: DraftLine) -> Line {
        let draft = RwSignal::new(draft);
        Line {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            draft,
            // Priced as line 0; the list position is set where lines are gathered.
            priced: Memo::new(move |_| draft.with(|d| d.price(catalog, 0))),
            share: RwSignal::new(String::new()),
        }
    }
}

/// The planner's input as the lines and totals stand now (read tracked).
pub(crate) fn plan_input(lines: RwSignal<Vec<Line>>, sums: Memo<Estimate>) -> PlanInput {
    let units = sums.with(|e| e.pools.iter().map(|p| (p.pool, p.units)).collect());
    let jobs = lines
        .read()
        .iter()
        .filter_map(|l| l.priced.read().as_ref().ok().map(|e| e.line.clone()))
        .collect();
    (units, jobs)
}

/// The calculation as a link carries it: the edition, the lines and the settings as typed (read
/// tracked).
fn share_state(catalog: &Catalog, lines: RwSignal<Vec<Line>>, options: RwSignal<DraftOptions>) -> ShareState {
    ShareState {
        edition: catalog.edition.to_string(),
        lines: lines.with(|ls| ls.iter().map(|l| l.draft.get()).collect()),
        options: options.get(),
    }
}

/// A line's figures, or the problems that keep it out of the totals.
pub use crate::app::views::choices::Priced;

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub catalog: &'static Catalog,
    pub lines: RwSignal<Vec<Line>>,
    /// The totals per pool and overall, with `lines` left empty: what a keystroke changes,
    /// added up from the line memos without copying their figures ([`AppState::estimate`] has
    /// the lines).
    pub sums: Memo<Estimate>,
    /// The planner's settings as typed.
    pub options: RwSignal<DraftOptions>,
    /// The settings the planner uses, and the problems with the rest.
    pub parsed_options: Memo<(PlanOptions, Vec<OptionError>)>,
    /// The best purchase plan for the valid lines, ready to show: `None` until the planner
    /// first answers.
    pub plan: RwSignal<Option<PlanAnswer>>,
    /// What the plan shown is for: the planner's input and options.
    pub plan_for: RwSignal<Option<(PlanInput, PlanOptions)>>,
    /// The planner's input as last handed on: a frame after the lines, so that a keystroke's
    /// figures come first. Each change asks the planner for a plan (see `app::planner`).
    pub planned: RwSignal<PlanInput>,
    /// The planner is working out a plan for input the plan shown is not for.
    pub planning: RwSignal<bool>,
    /// Why the planner did not answer the last request (its module could not be loaded, say).
    pub planner_failed: RwSignal<Option<String>>,
    /// The break-even picture's markup once asked for; cleared when the plan changes, so it
    /// never shows another mix.
    pub break_even: RwSignal<Option<String>>,
    /// "auto" (the system's), "light" or "dark". Outlives the state: kept when the calculator
    /// reopens on another edition.
    pub theme: RwSignal<String>,
    /// What "Copy link" says it copied (empty until it is pressed).
    pub copied: RwSignal<String>,
    /// The link the calculator was opened with; setting it reopens the calculator on that state
    /// (see [`AppState::switch_edition`]). Outlives the state, like `theme`.
    pub query: RwSignal<String>,
}

impl AppState {
    /// State holding `drafts`.
    pub fn new(catalog: &'static Catalog, drafts: Vec<DraftLine>, options: DraftOptions) -> AppState {
        let lines = RwSignal::new(drafts.into_iter().map(|d| Line::new(catalog, d)).collect::<Vec<_>>());
        let sums = Memo::new(move |_| {
            let figures: Vec<_> = lines
                .read()
                .iter()
                .filter_map(|l| l.priced.read().as_ref().ok().map(|e| (e.pool, e.units)))
                .collect();
            pool_totals(catalog, &figures)
        });
        let options = RwSignal::new(options);
        let parsed_options = Memo::new(move |_| options.with(DraftOptions::to_options));
        let planned = RwSignal::new(plan_input(lines, sums));
        crate::app::effect(move || {
            // The planner follows the totals one frame later, so typing updates the figures
            // first; its input is copied over only when it changes.
            let now = plan_input(lines, sums);
            if planned.with_untracked(|p| *p != now) {
                request_animation_frame(move || {
                    planned.try_set(now);
                });
            }
        });
        let plan = RwSignal::new(None);
        let plan_for = RwSignal::new(None);
        let planning = RwSignal::new(false);
        let planner_failed = RwSignal::new(None);
        crate::app::effect(move || {
            planned.track();
            parsed_options.track();
            // Made from the lines as they are now, together with the link the planner works
            // from, so the two always match (`planned` may be a frame behind them).
            let now = untrack(|| (plan_input(lines, sums), parsed_options.with(|(o, _)| o.clone())));
            if plan_for.with_untracked(|f| f.as_ref() == Some(&now)) {
                // Back to what the plan shown is for: an answer still to come is for other input.
                crate::app::planner::cancel_plan();
                planning.set(false);
                return;
            }
            let query = untrack(|| share::encode(&share_state(catalog, lines, options)));
            planning.set(true);
            crate::app::planner::plan(&query, move |answer| {
                match answer {
                    Ok(answer) => {
                        plan.try_set(Some(answer));
                        plan_for.try_set(Some(now));
                        planner_failed.try_set(None);
                    }
                    Err(why) => {
                        planner_failed.try_set(Some(why));
                    }
                }
                planning.try_set(false);
            });
        });
        let break_even = RwSignal::new(None);
        crate::app::effect(move || {
            plan.track();
            break_even.set(None);
        });
        AppState {
            catalog,
            lines,
            sums,
            options,
            parsed_options,
            plan,
            plan_for,
            planned,
            planning,
            planner_failed,
            break_even,
            theme: RwSignal::new(String::from("auto")),
            copied: RwSignal::new(String::new()),
            query: RwSignal::new(String::new()),
        }
    }

    /// The state `query` describes (a link's `search` part), the opening sample when it says
    /// nothing, and whatever the link held that could not be used (shown once, when the page
    /// opens). `query` and `theme` belong to the calculator, not the state: they are kept when it
    /// reopens.
    pub fn open(query: RwSignal<String>, theme: RwSignal<String>) -> (AppState, Vec<ShareProblem>) {
        let decoded = query.with_untracked(|q| share::decode(q));
        let (state, problems) = if decoded.ours {
            // The link's edition prices its lines (the decoder has already checked it is known,
            // or reported it and fallen back to the default).
            let catalog = catalog::edition(&decoded.state.edition).unwrap_or_else(default_catalog);
            let state = AppState::new(catalog, decoded.state.lines, decoded.state.options);
            (state, decoded.problems)
        } else {
            let state = AppState::new_with_sample();
            state.adopt_opening_plan();
            (state, Vec::new())
        };
        (AppState { query, theme, ..state }, problems)
    }

    /// Shows the plan the build made for the opening sample (index.html's copy, see
    /// `kling_pricing_render::prerender::opening_plan`) when it is this state's calculation,
    /// so the opening view keeps its plan without loading the planner.
    fn adopt_opening_plan(&self) {
        let Some(plan) = crate::app::planner::opening_plan(&self.share_query()) else {
            return;
        };
        self.plan.set(Some(plan));
        self.plan_for.set(Some(untrack(|| {
            (
                plan_input(self.lines, self.sums),
                self.parsed_options.with(|(o, _)| o.clone()),
            )
        })));
    }

    /// Reopens the calculator on edition `id` with the same lines and settings, as typed: a line
    /// the new edition prices keeps its figures' inputs, one it does not is flagged with what is
    /// missing, and nothing the person entered is lost. Going back restores every figure.
    pub fn switch_edition(&self, id: &str) {
        if catalog::edition(id).is_none() || id == self.catalog.edition {
            return;
        }
        let mut state = self.share_state();
        state.edition = id.to_string();
        // A menu the new edition does not have falls back to its first, rather than an error.
        if catalog::edition(id).is_some_and(|c| c.menu(state.options.menu.trim()).is_none()) {
            state.options.menu.clear();
        }
        self.query.set(share::encode(&state));
    }

    /// Totals of the lines that are valid, with every line's figures: what the exports and the
    /// widget's event carry. Made on demand (a keystroke needs only `sums`).
    pub fn estimate(&self) -> Estimate {
        let lines = self
            .lines
            .read()
            .iter()
            .enumerate()
            .filter_map(|(i, l)| match &*l.priced.read() {
                Ok(e) => Some(LineEstimate { index: i, ..e.clone() }),
                Err(_) => None,
            })
            .collect();
        Estimate {
            lines,
            ..self.sums.get()
        }
    }

    /// Draws the break-even picture for the mix as it stands: the cost over the horizon of each
    /// way to buy at other monthly volumes, and where the cheapest way changes
    /// (`kling_pricing::breakeven`). It plans the mix about a hundred times, so it runs only
    /// when asked, in the planner's module, never on a keystroke.
    pub fn draw_break_even(&self) {
        let picture = self.break_even;
        picture.set(Some(kling_pricing_render::breakeven::drawing_html()));
        crate::app::planner::text(crate::app::planner::Ask::BreakEven, &self.share_query(), move |html| {
            picture.try_set(Some(html));
        });
    }

    /// False once the calculator has reopened (on another edition) and this state is gone: a
    /// timer or frame callback it scheduled checks this before reading it.
    pub fn is_live(&self) -> bool {
        !self.lines.is_disposed()
    }

    /// The whole state as a link carries it.
    pub fn share_state(&self) -> ShareState {
        share_state(self.catalog, self.lines, self.options)
    }

    /// The whole state as a link's query parameters (ours only).
    pub fn share_query(&self) -> String {
        share::encode(&self.share_state())
    }

    /// The sample a first-time visitor sees: the brief's example mix in today's line-up
    /// ([`opening_sample`]).
    pub fn new_with_sample() -> AppState {
        let (catalog, lines) = opening_sample();
        AppState::new(catalog, lines, opening_options())
    }

    pub fn add_line(&self) {
        let line = Line::new(self.catalog, DraftLine::for_service(self.catalog, "video", 100));
        self.lines.update(|ls| ls.push(line));
    }

    /// Inserts a copy of line `id` right after it.
    pub fn duplicate_line(&self, id: u32) {
        let cat = self.catalog;
        self.lines.update(|ls| {
            if let Some(i) = ls.iter().position(|l| l.id == id) {
                let copy = Line::new(cat, ls[i].draft.get_untracked());
                ls.insert(i + 1, copy);
            }
        });
    }

    /// Moves line `id` by `delta` places (−1 up, +1 down), staying within the list.
    pub fn move_line(&self, id: u32, delta: isize) {
        self.lines.update(|ls| {
            if let Some(i) = ls.iter().position(|l| l.id == id) {
                let j = i.saturating_add_signed(delta).min(ls.len().saturating_sub(1));
                if j != i {
                    let l = ls.remove(i);
                    ls.insert(j, l);
                }
            }
        });
    }

    pub fn remove_line(&self, id: u32) {
        self.lines.update(|ls| ls.retain(|l| l.id != id));
    }

    pub fn clear(&self) {
        self.lines.set(Vec::new());
    }

    /// Sets the plan setting `key` (see [`kling_pricing::fields::setting_mut`]) to `value`, as
    /// typed; an unknown key changes nothing.
    pub fn set_setting(&self, key: &str, value: String) {
        self.options
            .maybe_update(|o| kling_pricing::fields::setting_mut(o, key).map(|f| *f = value).is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::draft::DraftOptions;
    use kling_pricing::{default_catalog, DraftLine};

    /// A state with `n` video lines of 100 outputs, inside a reactive owner.
    fn with_state(n: usize, test: impl FnOnce(AppState)) {
        crate::app::tests::with_owner(|| {
            let cat = default_catalog();
            let drafts = (0..n).map(|_| DraftLine::for_service(cat, "video", 100)).collect();
            test(AppState::new(cat, drafts, DraftOptions::default()));
        });
    }

    fn ids(state: AppState) -> Vec<u32> {
        state.lines.with(|ls| ls.iter().map(|l| l.id).collect())
    }

    /// Line `id`, as its editor's handlers reach it.
    fn line(state: AppState, id: u32) -> Line {
        state
            .lines
            .with(|ls| ls.iter().find(|l| l.id == id).copied())
            .unwrap_or_else(|| unreachable!("no line {id}"))
    }

    /// The planner's worker plans from the state's link (`app::planner`): what it derives from
    /// it is what the state plans from, a line that does not price left out alike, and the
    /// same options.
    #[test]
    fn a_states_link_gives_the_planner_its_input() {
        with_state(3, |state| {
            let [a, b, _] = ids(state)[..] else { unreachable!() };
            line(state, a).edit(state.catalog, "quantity", "-3".into());
            line(state, b).edit(state.catalog, "service", "lip-sync".into());
            let decoded = share::decode(&state.share_query());
            let catalog = catalog::edition(&decoded.state.edition).unwrap();
            let from_link = kling_pricing::calculation::plan_input(catalog, &decoded.state.lines);
            assert_eq!(from_link, plan_input(state.lines, state.sums));
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
            line(state, b).edit(state.catalog, "quantity", "300".into());
            let draft = |id: u32| line(state, id).draft.get();
            assert_eq!(draft(b).quantity, "300");
            assert_eq!(draft(a).quantity, "100");
            assert_eq!(
                state.sums.with(|s| s.total_value),
                before * rust_decimal::Decimal::from(2)
            );
            // A new service brings its own choices (lip-sync: a 30 s default length).
            line(state, a).edit(state.catalog, "service", "lip-sync".into());
            assert_eq!(draft(a).video_seconds, "30");
        });
    }

    #[test]
    fn lines_are_added_duplicated_moved_removed_and_cleared() {
        with_state(2, |state| {
            let [a, b] = ids(state)[..] else { unreachable!() };
            state.move_line(b, -1);
            assert_eq!(ids(state), [b, a]);
            state.move_line(b, -1);
            assert_eq!(ids(state), [b, a], "the first line stays first");
            state.duplicate_line(b);
            let now = ids(state);
            assert_eq!((now.len(), now[0], now[2]), (3, b, a));
            state.remove_line(b);
            assert_eq!(ids(state)[1..], [a]);
            state.add_line();
            assert_eq!(ids(state).len(), 3);
            state.clear();
            assert!(ids(state).is_empty());
        });
    }

    #[test]
    fn settings_are_kept_as_typed_and_checked() {
        with_state(1, |state| {
            state.set_setting("horizon", "40".into());
            state.set_setting("image.pack.price", "70".into());
            state.set_setting("audio.pack.price", "1".into());
            state.set_setting("menu", "guide-2025".into());
            state.options.with(|o| {
                assert_eq!((o.horizon.as_str(), o.pools[1].pack_price.as_str()), ("40", "70"));
                assert_eq!(o.menu, "guide-2025");
            });
            assert!(state
                .parsed_options
                .with(|(_, errs)| errs.iter().any(|e| e.key == "horizon")));
        });
    }

    /// Picking an edition reopens the calculator on a link holding the same lines and settings,
    /// as typed, in the edition picked; an unknown edition or the current one changes nothing.
    #[test]
    fn picking_an_edition_reopens_on_it_with_the_lines_as_typed() {
        with_state(2, |state| {
            state.set_setting("horizon", "40".into());
            for same in ["seed-2025", "kling-1999"] {
                state.switch_edition(same);
                assert_eq!(state.query.get(), "", "{same}");
            }
            state.switch_edition("kling-2026");
            let reopened = share::decode(&state.query.get());
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
