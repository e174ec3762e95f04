//! The searches a plan runs, run here, recorded, or replayed from a record.
//!
//! A plan's time is its searches (`search/`): the best plan's and its alternatives', up to a
//! few hundred milliseconds on a long horizon with quotes. Everything else (setting up,
//! replaying, explaining, comparing) takes a few. So the page plans off its thread: a worker
//! runs [`plan_with`](super::plan_with) recording each search's outcome
//! ([`Searches::record`]), and the page runs it again replaying them ([`Searches::replay`]),
//! in milliseconds, with the same answer to the byte.
//!
//! Each outcome is recorded with a fingerprint of the search it answers (the instance, the
//! packages allowed, the work budget). A replay hands an outcome only to the search with the
//! same fingerprint, in the same order; at the first that differs (a record made for other
//! input, or cut short), it stops replaying and runs the searches left itself. So a record can
//! make a plan faster, never different.
//!
//! The record is a list of 64-bit words, which a worker can post as it is. Its layout is this
//! module's own: per search, the fingerprint, the work spent, a tag, then the outcome's words
//! ([`put_outcome`]).

use super::config::SearchConfig;
use super::search::{self, Cost, Instance, Outcome, Solution};
use std::hash::{DefaultHasher, Hash, Hasher};

/// How a plan runs its searches: see the module's documentation.
#[derive(Debug, Default)]
pub struct Searches {
    mode: Mode,
    config: SearchConfig,
    /// Work spent by the searches run here (not those replayed).
    work: u64,
}

#[derive(Debug, Default)]
enum Mode {
    #[default]
    Run,
    Record(Vec<u64>),
    Replay {
        words: Vec<u64>,
        at: usize,
        /// Set at the first search the record does not answer: it runs, and so do all after it.
        missed: bool,
    },
}

impl Searches {
    /// Runs every search here (what [`plan`](super::plan) does).
    pub fn run() -> Searches {
        Searches::default()
    }

    /// Runs every search here with `config` rather than the default: for measuring the
    /// search (`examples/plan_ablation.rs`).
    pub fn configured(config: SearchConfig) -> Searches {
        Searches {
            config,
            ..Searches::default()
        }
    }

    /// Runs every search and records its outcome ([`Searches::into_record`]).
    pub fn record() -> Searches {
        Searches {
            mode: Mode::Record(Vec::new()),
            ..Searches::default()
        }
    }

    /// The configuration the searches run with.
    pub fn config(&self) -> &SearchConfig {
        &self.config
    }

    /// The work the searches run here have spent, in the search's units: a count that does
    /// not depend on the machine, for tests that bound a plan's effort.
    pub fn work(&self) -> u64 {
        self.work
    }

    /// Takes each search's outcome from `record` while it answers them, in order; runs the
    /// rest.
    pub fn replay(record: Vec<u64>) -> Searches {
        Searches {
            mode: Mode::Replay {
                words: record,
                at: 0,
                missed: false,
            },
            ..Searches::default()
        }
    }

    /// The record made ([`Searches::record`]); empty otherwise.
    pub fn into_record(self) -> Vec<u64> {
        match self.mode {
            Mode::Record(words) => words,
            _ => Vec::new(),
        }
    }

    /// Whether a replay had to run a search itself (the record was for another input).
    pub fn missed(&self) -> bool {
        matches!(self.mode, Mode::Replay { missed: true, .. })
    }

    /// [`search::solve`], or its outcome from the record.
    pub(super) fn solve(&mut self, inst: &Instance, allowed: &[bool], budget: u64) -> (Outcome, u64) {
        let print = fingerprint(inst, allowed, budget, &self.config);
        if let Mode::Replay { words, at, missed } = &mut self.mode {
            if !*missed {
                let mut r = Reader { words, at: *at };
                match r.search(print) {
                    Some(found) => {
                        *at = r.at;
                        return found;
                    }
                    None => *missed = true,
                }
            }
        }
        let (outcome, spent) = search::solve(inst, allowed, budget, &self.config);
        self.work = self.work.saturating_add(spent);
        if let Mode::Record(words) = &mut self.mode {
            words.extend([print, spent]);
            put_outcome(words, &outcome);
        }
        (outcome, spent)
    }
}

/// What tells one search from another: everything `solve` reads, hashed.
fn fingerprint(inst: &Instance, allowed: &[bool], budget: u64, config: &SearchConfig) -> u64 {
    let mut h = DefaultHasher::new();
    (inst, allowed, budget, config).hash(&mut h);
    h.finish()
}

/// An outcome's words: a tag (0 optimal, 1 bounded, 2 infeasible, 3 unsolved), then for a
/// bounded one its lower bound and whether a better plan follows the plan, for an infeasible one
/// its period; each plan as [`put_solution`].
fn put_outcome(words: &mut Vec<u64>, outcome: &Outcome) {
    match outcome {
        Outcome::Optimal(sol) => {
            words.push(0);
            put_solution(words, sol);
        }
        Outcome::Bounded { sol, lower, better } => {
            words.push(1);
            put_u128(words, *lower);
            words.push(u64::from(better.is_some()));
            put_solution(words, sol);
            if let Some(b) = better {
                put_solution(words, b);
            }
        }
        Outcome::Infeasible { period } => words.extend([2, *period as u64]),
        Outcome::Unsolved => words.push(3),
    }
}

/// A plan's words: its dollars (two words), units, packages, the number of purchases, then each
/// purchase's month, kind and count.
fn put_solution(words: &mut Vec<u64>, sol: &Solution) {
    put_u128(words, sol.cost.money);
    words.extend([sol.cost.units, sol.cost.count, sol.buys.len() as u64]);
    for &(t, k, n) in &sol.buys {
        words.extend([t as u64, k as u64, n]);
    }
}

fn put_u128(words: &mut Vec<u64>, x: u128) {
    words.extend([(x >> 64) as u64, x as u64]);
}

/// Reads a record from word `at` on; `None` at anything it does not expect.
struct Reader<'a> {
    words: &'a [u64],
    at: usize,
}

impl Reader<'_> {
    fn word(&mut self) -> Option<u64> {
        let w = *self.words.get(self.at)?;
        self.at += 1;
        Some(w)
    }

    fn index(&mut self) -> Option<usize> {
        usize::try_from(self.word()?).ok()
    }

    fn u128(&mut self) -> Option<u128> {
        Some((u128::from(self.word()?) << 64) | u128::from(self.word()?))
    }

    /// The next search's outcome and work spent, if its fingerprint is `print`.
    fn search(&mut self, print: u64) -> Option<(Outcome, u64)> {
        if self.word()? != print {
            return None;
        }
        let spent = self.word()?;
        Some((self.outcome()?, spent))
    }

    fn outcome(&mut self) -> Option<Outcome> {
        Some(match self.word()? {
            0 => Outcome::Optimal(self.solution()?),
            1 => {
                let lower = self.u128()?;
                let has_better = self.word()? == 1;
                let sol = self.solution()?;
                let better = if has_better { Some(self.solution()?) } else { None };
                Outcome::Bounded { sol, lower, better }
            }
            2 => Outcome::Infeasible { period: self.index()? },
            3 => Outcome::Unsolved,
            _ => return None,
        })
    }

    fn solution(&mut self) -> Option<Solution> {
        let cost = Cost {
            money: self.u128()?,
            units: self.word()?,
            count: self.word()?,
        };
        let n = self.index()?;
        // Three words a purchase: never more purchases than words left.
        if n > self.words.len().saturating_sub(self.at) / 3 {
            return None;
        }
        let mut buys = Vec::with_capacity(n);
        for _ in 0..n {
            buys.push((self.index()?, self.index()?, self.word()?));
        }
        Some(Solution { cost, buys })
    }
}

#[cfg(test)]
mod tests {
    use super::super::search::tests::kind;
    use super::*;

    fn instance(demand: Vec<u64>) -> Instance {
        Instance {
            demand,
            kinds: vec![kind(9, 1, 1, true), kind(40, 4, 1, false), kind(60, 10, 2, false)],
            balances: vec![(1, 3, 0)],
            need_conc: 0,
            per_use: Some(12),
        }
    }

    /// A replay answers the searches it recorded with the same outcomes and work, and runs
    /// none of them itself.
    #[test]
    fn a_replay_gives_back_what_was_recorded() {
        let insts = [instance(vec![10, 20, 30]), instance(vec![7, 0, 13, 29])];
        let allowed = [true, true, false];
        let mut rec = Searches::record();
        let ran: Vec<_> = insts.iter().map(|i| rec.solve(i, &allowed, 1_000_000)).collect();
        // Out of work at once: a bounded outcome, its lower bound and maybe a better plan.
        let starved = rec.solve(&insts[1], &[true; 3], 0);
        let mut replay = Searches::replay(rec.into_record());
        for (inst, want) in insts.iter().zip(&ran) {
            let got = replay.solve(inst, &allowed, 1_000_000);
            assert_eq!(format!("{got:?}"), format!("{want:?}"));
        }
        let got = replay.solve(&insts[1], &[true; 3], 0);
        assert_eq!(format!("{got:?}"), format!("{starved:?}"));
        assert!(!replay.missed());
    }

    /// A record for other searches, or cut short, is not used: the searches run, with the
    /// outcomes they have without it.
    #[test]
    fn a_record_for_other_searches_is_not_used() {
        let (a, b) = (instance(vec![10, 20, 30]), instance(vec![10, 20, 31]));
        let all = [true; 3];
        let mut rec = Searches::record();
        rec.solve(&a, &all, 1_000_000);
        let record = rec.into_record();
        let own = format!("{:?}", search::solve(&b, &all, 1_000_000, &SearchConfig::default()));
        let mut replay = Searches::replay(record.clone());
        assert_eq!(format!("{:?}", replay.solve(&b, &all, 1_000_000)), own);
        assert!(replay.missed());
        // The same search under another budget is another search.
        let mut replay = Searches::replay(record.clone());
        replay.solve(&a, &all, 999_999);
        assert!(replay.missed());
        // Cut anywhere, the record answers nothing it cannot read whole.
        for cut in 0..record.len() {
            let mut replay = Searches::replay(record[..cut].to_vec());
            let (outcome, _) = replay.solve(&a, &all, 1_000_000);
            assert_eq!(
                format!("{outcome:?}"),
                format!("{:?}", search::solve(&a, &all, 1_000_000, &SearchConfig::default()).0)
            );
            assert!(replay.missed());
        }
    }
}
