//! What each rule of the search earns: every rule of [`Rules`] turned off alone, on a fixed
//! set of inputs checked against an optimum the planner did not compute.
//!
//! ```text
//! node --input-type=module -e 'import { stressInputs } from "./bench/stress-inputs.js";
//!   console.log(JSON.stringify(stressInputs()))' > stress.json
//! cargo run --release -p kling-pricing --example plan_ablation -- \
//!   [--stress stress.json] [--oracle 300] [--seed 7] [--rules a,b] [--bytes bytes.tsv] [--list]
//! ```
//!
//! The inputs: `--oracle N` seeded inputs of the oracle (`tests/oracle/mod.rs`), each solved
//! once by the MILP solver, and the stress set's inputs, whose reference is the default
//! search's proven total. For the default and for each rule off, one row:
//! - proven: inputs the planner proves optimal, and how many the default proves that it does
//!   not (lost);
//! - wrong: answers that contradict a proven optimum: proven optimal at another total, or
//!   cheaper than it. It must be 0: a rule off only makes the search look at more;
//! - the median, p95 and max time of a plan, and the work spent (a count that does not depend
//!   on the machine);
//! - lines: the lines of the items in `src/plan/` that serve only that rule;
//! - bytes: the page's gzipped wasm less with the rule compiled out, from `--bytes`, the file
//!   `scripts/ablation.sh` writes.
//!
//! `scripts/ablation.sh` runs it with the stress set and the wasm sizes.

#[path = "common/inputs.rs"]
mod inputs;
#[path = "../tests/oracle/mod.rs"]
mod oracle;

use kling_pricing::plan::{plan_with, PoolOutcome, Rules, SearchConfig, Searches};
use oracle::{generate, half_cent, planner_answer, solver_answer, Rng, Solved};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

/// The items of `src/plan/` that serve only one rule, by file: `fn name`, `struct Name`, `impl
/// Name` or `mod name`. Items shared by several rules are counted for none.
const CODE: &[(&str, &[(&str, &str)])] = &[
    (
        "cover_bound",
        &[
            ("search/bounds/cover.rs", "*"),
            ("search/bounds/mod.rs", "fn bought_bound"),
        ],
    ),
    (
        "peak_bound",
        &[
            ("search/bounds/peak.rs", "struct PeakBound"),
            ("search/bounds/peak.rs", "impl PeakBound"),
            ("search/bounds/peak.rs", "struct Links"),
            ("search/bounds/peak.rs", "struct LinkGroup"),
            ("search/bounds/peak.rs", "impl Default for Links"),
            ("search/bounds/peak.rs", "impl Links"),
            ("search/bounds/peak.rs", "fn peak_bound"),
            ("search/bounds/peak.rs", "fn peak_need"),
            ("search/bounds/peak.rs", "fn peak_worth"),
        ],
    ),
    ("chain_cover", &[("search/bounds/peak.rs", "fn chain_cover")]),
    (
        "transition_bound",
        &[
            ("search/bounds/transition.rs", "fn beaten_so_far"),
            ("search/bounds/transition.rs", "fn rest_bound"),
        ],
    ),
    (
        "month_extra",
        &[
            ("search/bounds/transition.rs", "fn month_extra"),
            ("search/bounds/transition.rs", "struct Later"),
            ("search/bounds/transition.rs", "impl Later"),
        ],
    ),
    (
        "level_limit",
        &[
            ("search/bounds/transition.rs", "fn level_limit"),
            ("search/bounds/transition.rs", "struct LevelEstimate"),
            ("search/bounds/transition.rs", "fn level_estimate"),
            ("search/bounds/transition.rs", "fn estimate"),
        ],
    ),
    (
        "drawn_limit",
        &[
            ("search/normal_form.rs", "fn drawn_limits"),
            ("search/normal_form.rs", "fn swap_limit"),
        ],
    ),
    ("shortfall_cap", &[("search/normal_form.rs", "fn shortfall_cap")]),
    ("bucket_cap", &[("search/transitions.rs", "fn cap_to_demand")]),
    ("split_classes", &[("search/transitions.rs", "fn split_class")]),
    (
        "dominance",
        &[
            ("search/dominance.rs", "fn undominated"),
            ("search/dominance.rs", "fn keep_staircase"),
            ("search/dominance.rs", "fn keep_pairwise"),
            ("search/dominance.rs", "fn suffix_sums"),
            ("search/dominance.rs", "fn checking_order"),
            ("search/dominance.rs", "fn restock"),
        ],
    ),
    (
        "restock_copies",
        &[
            ("search/dominance.rs", "struct Restock"),
            ("search/dominance.rs", "impl Restock"),
        ],
    ),
    ("probes", &[("search/strategy.rs", "fn probe")]),
    ("rescue", &[("search/strategy.rs", "fn run_or_finish")]),
];

/// The sources the items are in.
const SOURCES: &[(&str, &str)] = &[
    (
        "search/bounds/cover.rs",
        include_str!("../src/plan/search/bounds/cover.rs"),
    ),
    ("search/bounds/mod.rs", include_str!("../src/plan/search/bounds/mod.rs")),
    (
        "search/bounds/peak.rs",
        include_str!("../src/plan/search/bounds/peak.rs"),
    ),
    (
        "search/bounds/transition.rs",
        include_str!("../src/plan/search/bounds/transition.rs"),
    ),
    (
        "search/bounds/window.rs",
        include_str!("../src/plan/search/bounds/window.rs"),
    ),
    ("search/dominance.rs", include_str!("../src/plan/search/dominance.rs")),
    (
        "search/normal_form.rs",
        include_str!("../src/plan/search/normal_form.rs"),
    ),
    ("search/strategy.rs", include_str!("../src/plan/search/strategy.rs")),
    (
        "search/transitions.rs",
        include_str!("../src/plan/search/transitions.rs"),
    ),
];

struct Args {
    stress: Option<String>,
    oracle: u64,
    seed: u64,
    rules: Vec<String>,
    bytes: Option<String>,
    limit: u64,
}

fn args() -> Args {
    let mut a = Args {
        stress: None,
        oracle: 300,
        seed: 7,
        rules: Rules::ALL.iter().map(|(n, _)| n.to_string()).collect(),
        bytes: None,
        limit: 30,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("a value after {flag}"));
        match flag.as_str() {
            "--stress" => a.stress = Some(value()),
            "--oracle" => a.oracle = value().parse().expect("a number of inputs"),
            "--seed" => a.seed = value().parse().expect("a seed"),
            "--rules" => a.rules = value().split(',').map(str::to_string).collect(),
            "--bytes" => a.bytes = Some(value()),
            "--time-limit" => a.limit = value().parse().expect("seconds"),
            "--list" => {
                Rules::ALL.iter().for_each(|(name, _)| println!("{name}"));
                std::process::exit(0);
            }
            other => panic!("unknown argument {other}"),
        }
    }
    for r in &a.rules {
        assert!(Rules::default().set(r, false), "no rule named {r}");
    }
    a
}

/// One input and the total it must reach: a proven optimum (the solver's, or for the stress
/// set the default search's), or none known.
enum Input {
    Oracle(oracle::Case, Option<Decimal>),
    Stress(Box<inputs::Input>, Option<Decimal>),
}

impl Input {
    /// The proven optimum, when one is known.
    fn best(&self) -> Option<Decimal> {
        match self {
            Input::Oracle(_, best) | Input::Stress(_, best) => *best,
        }
    }
}

/// One plan: its total, whether proven optimal, the time, the work.
struct Answer {
    total: Option<Decimal>,
    optimal: bool,
    ms: f64,
    work: u64,
}

fn run(input: &Input, cfg: SearchConfig) -> Answer {
    let mut searches = Searches::configured(cfg);
    let start = Instant::now();
    let (total, optimal) = match input {
        Input::Oracle(case, _) => match planner_answer(case, &mut searches) {
            Some((t, optimal, _)) => (Some(t), optimal),
            None => (None, false),
        },
        Input::Stress(i, _) => {
            let r = plan_with(i.catalog, &i.units, &i.options, &mut searches).expect("a plan");
            // A pool without a plan (unsolved) leaves no total to compare.
            let planned = r.pools.iter().all(|p| p.outcome != PoolOutcome::Unsolved);
            (planned.then_some(r.total_cost), r.optimal)
        }
    };
    Answer {
        total,
        optimal,
        ms: start.elapsed().as_secs_f64() * 1e3,
        work: searches.work(),
    }
}

/// Whether `a` contradicts the input's proven optimum.
fn wrong(input: &Input, a: &Answer) -> bool {
    let Some(best) = input.best() else {
        return false;
    };
    a.total
        .is_some_and(|t| t < best - half_cent() || (a.optimal && (t - best).abs() >= half_cent()))
}

/// The lines of the item `needle` (with its doc comment) in `src`; `*` for the whole file.
fn item_lines(src: &str, needle: &str) -> usize {
    let lines: Vec<&str> = src.lines().collect();
    if needle == "*" {
        return lines.len();
    }
    let starts = |l: &str| {
        let t = l.trim_start();
        let t = ["pub(super) ", "pub(crate) ", "pub "]
            .iter()
            .fold(t, |t, p| t.strip_prefix(p).unwrap_or(t));
        t.strip_prefix(needle)
            .is_some_and(|rest| rest.starts_with(['(', '<', ' ', '{', ';']))
    };
    let Some(at) = lines.iter().position(|l| starts(l)) else {
        panic!("no item `{needle}`: the table in this example is out of date");
    };
    let indent = lines[at].len() - lines[at].trim_start().len();
    let mut first = at;
    while first > 0
        && ["///", "#["]
            .iter()
            .any(|p| lines[first - 1].trim_start().starts_with(p))
    {
        first -= 1;
    }
    let close = format!("{}}}", " ".repeat(indent));
    let last = (at..lines.len())
        .find(|&j| lines[j] == close || (j == at && lines[j].trim_end().ends_with(';')))
        .unwrap_or(at);
    last - first + 1
}

/// The lines of `src/plan/` that serve only `rule`.
fn rule_lines(rule: &str) -> usize {
    let items = CODE
        .iter()
        .find(|(r, _)| *r == rule)
        .map_or(&[][..], |(_, items)| *items);
    items
        .iter()
        .map(|(file, needle)| {
            let src = SOURCES.iter().find(|(f, _)| f == file).expect("a source").1;
            item_lines(src, needle)
        })
        .sum()
}

/// The wasm bytes each rule costs, from `scripts/ablation.sh`'s file: `rule<TAB>bytes`.
fn read_bytes(path: Option<&str>) -> Vec<(String, i64)> {
    let Some(path) = path else {
        return Vec::new();
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(r, b)| (r.to_string(), b.trim().parse().expect("bytes")))
        .collect()
}

/// The inputs, each with its proven optimum where one is known, and the default search's
/// answers.
fn inputs_of(a: &Args) -> (Vec<Input>, Vec<Answer>, usize) {
    let mut set = Vec::new();
    let mut rng = Rng::new(a.seed);
    for _ in 0..a.oracle {
        let case = generate(&mut rng);
        let best = match solver_answer(&case, Duration::from_secs(a.limit)) {
            Solved::Plan {
                dollars, proven: true, ..
            } => Some(dollars),
            _ => None,
        };
        set.push(Input::Oracle(case, best));
    }
    let n_oracle = set.len();
    if let Some(path) = &a.stress {
        set.extend(inputs::read(path).into_iter().map(|i| Input::Stress(Box::new(i), None)));
    }
    let base: Vec<Answer> = set.iter().map(|i| run(i, SearchConfig::default())).collect();
    for (input, b) in set.iter_mut().zip(&base) {
        if let Input::Stress(_, best @ None) = input {
            *best = b.total.filter(|_| b.optimal);
        }
    }
    (set, base, n_oracle)
}

/// One row of the report: `name`'s answers against the default's.
fn row(name: &str, set: &[Input], n_oracle: usize, answers: &[Answer], base: &[Answer], extra: (usize, String)) {
    let proven = |r: std::ops::Range<usize>| answers[r].iter().filter(|a| a.optimal).count();
    let lost = answers
        .iter()
        .zip(base)
        .filter(|(a, b)| b.optimal && !a.optimal)
        .count();
    let gained = answers
        .iter()
        .zip(base)
        .filter(|(a, b)| a.optimal && !b.optimal)
        .count();
    let mut wrong_answers = 0;
    for (k, (input, a)) in set.iter().zip(answers).enumerate().filter(|(_, (i, a))| wrong(i, a)) {
        let (kind, k) = if k < n_oracle {
            ("oracle", k)
        } else {
            ("stress", k - n_oracle)
        };
        eprintln!(
            "{name} off: {kind} input {k} plans {:?} (optimal: {}), the optimum is {:?}",
            a.total,
            a.optimal,
            input.best()
        );
        wrong_answers += 1;
    }
    let (median, p95, max) = inputs::spread(answers.iter().map(|a| a.ms).collect());
    let work: u64 = answers.iter().map(|a| a.work).sum();
    println!(
        "| {name} | {} | {} | {lost} | {gained} | {wrong_answers} | {median:.2} | {p95:.1} | {max:.0} | {:.1} | {} | {} |",
        proven(0..n_oracle),
        proven(n_oracle..set.len()),
        work as f64 / 1e6,
        extra.0,
        extra.1
    );
}

fn main() {
    let a = args();
    let started = Instant::now();
    let (set, base, n_oracle) = inputs_of(&a);
    let known = set
        .iter()
        .filter(|i| matches!(i, Input::Oracle(_, Some(_)) | Input::Stress(_, Some(_))))
        .count();
    let bytes = read_bytes(a.bytes.as_deref());
    let bytes_of = |r: &str| {
        bytes
            .iter()
            .find(|(name, _)| name == r)
            .map_or("".to_string(), |(_, b)| b.to_string())
    };
    println!(
        "{n_oracle} oracle inputs (seed {}), {} stress inputs; {known} with a proven optimum \
         (the solver's within {} s, or the default search's)\n",
        a.seed,
        set.len() - n_oracle,
        a.limit
    );
    println!("| rule off | proven (oracle) | proven (stress) | lost | gained | wrong | median ms | p95 ms | max ms | work (M) | lines | wasm bytes |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    row("none", &set, n_oracle, &base, &base, (0, String::new()));
    for rule in &a.rules {
        let mut cfg = SearchConfig::default();
        cfg.rules.set(rule, false);
        let answers: Vec<Answer> = set.iter().map(|i| run(i, cfg)).collect();
        row(
            rule,
            &set,
            n_oracle,
            &answers,
            &base,
            (rule_lines(rule), bytes_of(rule)),
        );
    }
    eprintln!("in {:.0} s", started.elapsed().as_secs_f64());
}
