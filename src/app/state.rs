//! The page's reactive state: the job lines as typed, and the estimate derived from them.

use kling_pricing::breakeven::break_even;
use kling_pricing::draft::{opening_options, opening_sample, DraftOptions, OptionError};
use kling_pricing::estimate::{pool_totals, Estimate, LineEstimate};
use kling_pricing::mix::JobLine;
use kling_pricing::plan::{PlanError, PlanOptions, PlanResult, Searches};
use kling_pricing::share::{self, ShareProblem, ShareState};
use kling_pricing::{catalog, default_catalog, per_use, Catalog, DraftLine, Pool};
use kling_pricing_render::{breakeven, report};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

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

/// What the planner works from: the units per pool, and the valid lines (whose shape gives a
/// per-use seller's price per unit).
pub type PlanInput = (Vec<(Pool, Decimal)>, Vec<JobLine>);

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

/// What the planner works from for the lines `drafts`, without signals: what the state derives
/// as the lines change (the planner's worker derives it from a link, `app::planner`).
pub fn plan_input_of(catalog: &'static Catalog, drafts: &[DraftLine]) -> PlanInput {
    let priced: Vec<LineEstimate> = drafts.iter().filter_map(|d| d.price(catalog, 0).ok()).collect();
    let figures: Vec<_> = priced.iter().map(|e| (e.pool, e.units)).collect();
    let units = pool_totals(catalog, &figures)
        .pools
        .iter()
        .map(|p| (p.pool, p.units))
        .collect();
    (units, priced.into_iter().map(|e| e.line).collect())
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

/// The record of a plan's searches (`kling_pricing::plan::Searches`) the planner's worker made,
/// with the input it was made for.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub input: PlanInput,
    pub options: PlanOptions,
    pub searches: Vec<u64>,
}

/// A plan slower than this (in ms, about a frame) makes the next one wait for a pause in typing.
const SLOW_PLAN_MS: f64 = 16.0;

/// Milliseconds since some fixed moment, for timing the planner (0 natively, where the tests
/// run without a clock of the page's).
fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// A line's figures, or the problems that keep it out of the totals.
pub use kling_pricing_render::form::Priced;

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
    /// The best purchase plan for the valid lines.
    pub plan: Memo<Result<PlanResult, PlanError>>,
    /// The planner's input as last handed on (see [`PlanInput`]): a frame after the lines, or
    /// after a pause in typing when the last plan was slow. Each change sends the plan on its way
    /// (to the worker, or made here), and what it is made from lands in `record`.
    pub planned: RwSignal<PlanInput>,
    /// What the plan is made from, with the record of its searches from the planner's worker
    /// (`app::planner`) once it comes.
    pub record: RwSignal<Record>,
    /// The planner's worker is planning an input the plan shown is not for.
    pub planning: RwSignal<bool>,
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
        // How long the last plan took, in milliseconds: a timing, never a figure shown.
        let last_ms = StoredValue::new(0.0_f64);
        let pending = StoredValue::new(None::<TimeoutHandle>);
        crate::app::effect(move || {
            // The planner follows the totals one frame later, so typing updates the figures
            // first; its input is copied over only when it changes. When the last plan was slow
            // (a long horizon with quotes can take a few hundred ms, a rare one a second), it
            // waits until the typing pauses, so a burst of keystrokes never queues behind it.
            let now = plan_input(lines, sums);
            if planned.with_untracked(|p| *p == now) {
                return;
            }
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let took = last_ms.get_value();
            if took <= SLOW_PLAN_MS {
                request_animation_frame(move || planned.set(now));
            } else {
                let wait = Duration::from_millis((took * 2.0).clamp(150.0, 1000.0) as u64);
                pending.set_value(set_timeout_with_handle(move || planned.set(now), wait).ok());
            }
        });
        // What the plan is made from: the input and options, and the record of its searches
        // from the planner's worker (empty where there is none: the plan runs them itself).
        let record = RwSignal::new(Record {
            input: untrack(|| plan_input(lines, sums)),
            options: parsed_options.with_untracked(|(o, _)| o.clone()),
            searches: Vec::new(),
        });
        let planning = RwSignal::new(false);
        crate::app::effect(move || {
            planned.track();
            parsed_options.track();
            // Made from the lines as they are now, together with the link the worker plans
            // from, so the two always match (`planned` may be a frame behind them).
            let now = untrack(|| Record {
                input: plan_input(lines, sums),
                options: parsed_options.with(|(o, _)| o.clone()),
                searches: Vec::new(),
            });
            if record.with_untracked(|r| (&r.input, &r.options) == (&now.input, &now.options)) {
                // Back to what the plan shown is for: a record still to come is for other input.
                #[cfg(all(target_arch = "wasm32", not(feature = "element")))]
                crate::app::planner::cancel();
                planning.set(false);
                return;
            }
            #[cfg(all(target_arch = "wasm32", not(feature = "element")))]
            {
                let query = untrack(|| share::encode(&share_state(catalog, lines, options)));
                let asked = now.clone();
                if crate::app::planner::ask(&query, move |searches| {
                    record.try_set(Record { searches, ..asked });
                    planning.try_set(false);
                }) {
                    planning.set(true);
                    return;
                }
            }
            record.set(now);
        });
        let plan = Memo::new(move |_| {
            let start = now_ms();
            let p = record.with(|r| {
                let (units, jobs) = &r.input;
                let mut searches = Searches::replay(r.searches.clone());
                per_use::plan_mix_with(catalog, units, jobs, &r.options, &mut searches)
            });
            last_ms.set_value(now_ms() - start);
            p
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
            planned,
            record,
            planning,
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
            (AppState::new_with_sample(), Vec::new())
        };
        (AppState { query, theme, ..state }, problems)
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

    /// Draws the break-even picture for the mix as the planner has it now: the cost over the
    /// horizon of each way to buy at other monthly volumes, and where the cheapest way changes
    /// (`kling_pricing::breakeven::break_even`). It plans the mix about a hundred times, so it runs
    /// only when asked, never on a keystroke.
    pub fn draw_break_even(&self) {
        let catalog = self.catalog;
        let html = self.record.with_untracked(|r| {
            let (units, jobs) = &r.input;
            let be = per_use::resolved(catalog, jobs, &r.options).and_then(|o| break_even(catalog, units, &o));
            match be {
                Ok(be) => breakeven::chart(&be),
                Err(e) => report::plan_error_html(&e),
            }
        });
        self.break_even.set(Some(html));
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

    /// Applies an edit of field `field` of line `id` (see [`DraftLine::edit`]): the text as
    /// typed, with the cascade a new choice brings.
    pub fn edit_line(&self, id: u32, field: &str, value: String) {
        let cat = self.catalog;
        let line = self.lines.with_untracked(|ls| ls.iter().find(|l| l.id == id).copied());
        if let Some(l) = line {
            l.draft.maybe_update(|d| d.edit(cat, field, value));
        }
    }
}
