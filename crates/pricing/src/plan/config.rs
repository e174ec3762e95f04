//! Every budget, width, cap and rule switch of the search, in one place ([`SearchConfig`]).
//!
//! The page and the APIs plan with [`SearchConfig::default`]. Another configuration is for
//! measuring the search: `examples/plan_ablation.rs` turns each rule off alone and counts
//! what it earns (`docs/planner.md`, "What each rule earns"). A rule turned off only makes
//! the search look at more: every switch leaves the answer exact, or says plainly that it is
//! not proven.

/// Rules compiled out of this build, for measuring what each costs in the wasm: the names in
/// `KLING_PLAN_OFF` (commas between) when it was built (`scripts/ablation.sh`). A rule compiled
/// out is off whatever its switch says, and the code only it reaches is dropped.
const COMPILED_OUT: &str = match option_env!("KLING_PLAN_OFF") {
    Some(names) => names,
    None => "",
};

/// Whether `name` is one of the comma-separated `list` (at compile time).
const fn listed(list: &str, name: &str) -> bool {
    let (list, name) = (list.as_bytes(), name.as_bytes());
    let mut start = 0;
    while start <= list.len() {
        let mut end = start;
        while end < list.len() && list[end] != b',' {
            end += 1;
        }
        if end - start == name.len() {
            let mut i = 0;
            while i < name.len() && list[start + i] == name[i] {
                i += 1;
            }
            if i == name.len() {
                return true;
            }
        }
        start = end + 1;
    }
    false
}

/// Declares [`Rules`] from one list: each rule's name, and its doc line, which is also the
/// one-line reason the ablation report prints.
macro_rules! rules {
    ($( #[doc = $why:literal] $name:ident, )*) => {
        /// The rules the search may use, each on by default. Each only narrows what the search
        /// looks at, keeping some optimal plan in view (`docs/planner.md` says why each is
        /// sound), so turning one off costs work, never exactness.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Rules {
            $( #[doc = $why] pub $name: bool, )*
        }

        impl Default for Rules {
            fn default() -> Rules {
                Rules { $( $name: true, )* }
            }
        }

        impl Rules {
            /// Every rule's name and why it is there.
            pub const ALL: &'static [(&'static str, &'static str)] = &[$( (stringify!($name), $why.trim_ascii()), )*];

            $(
                #[doc = concat!("Whether `", stringify!($name), "` is on: switched on, and not compiled out.")]
                #[inline]
                pub fn $name(&self) -> bool {
                    const OUT: bool = listed(COMPILED_OUT, stringify!($name));
                    self.$name && !OUT
                }
            )*

            /// Turns the rule `name` on or off; `false` when there is no such rule.
            pub fn set(&mut self, name: &str, on: bool) -> bool {
                match name {
                    $( stringify!($name) => self.$name = on, )*
                    _ => return false,
                }
                true
            }
        }
    };
}

rules! {
    /// Bound: the units a state must still buy cost at least their cheapest cover from packages of any sizes and per use.
    cover_bound,
    /// Bound: with a peak enforced, the months still to carry need a chain of packages that carry it, each costing its price less what its units can serve.
    peak_bound,
    /// Bound: the peak's chain and the cover of the units its links leave, together.
    chain_cover,
    /// Bound: a transition whose first picks already make every plan through it dearer is cut before the later classes are tried.
    transition_bound,
    /// Bound: what a month still needs after a class is bought now, at no less than the least price per unit left.
    month_extra,
    /// Bound: the levels of a class above the last one the transition bound keeps are not tried (binary search).
    level_limit,
    /// Normal form: a class expiring later draws less than a limit in the month it is bought, where an earlier class's copies hold its units for less.
    drawn_limit,
    /// Normal form: a month buys per use less than the smallest package cheaper per unit than per use.
    shortfall_cap,
    /// Normal form: each expiry bucket is capped at the demand of the months it can still serve, so states differing only in units bound to expire merge.
    bucket_cap,
    /// Normal form: a validity class whose composition table would be cut short is split, so every table is exact.
    split_classes,
    /// Dominance: a state holding no more at or after every bucket, at no less cost, is dropped.
    dominance,
    /// Dominance: a state holding less is dominated when cheaper by copies of a package that make the difference up.
    restock_copies,
    /// Strategy: exact searches against targets between the lower bound and the first plan, before the exact search.
    probes,
    /// Strategy: the first probe aims at the lower bound itself.
    bound_probe,
    /// Strategy: a search out of work finishes the best states it reached, a few a month, for a cheaper plan.
    rescue,
}

/// The search's budgets, widths, caps and rules. Work is counted in units: a transition or a
/// level tried is one; bound evaluations and dominance checks are charged by size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SearchConfig {
    /// Work a pool's search may spend: a million is about 0.15 s natively.
    pub budget: u64,
    /// The beam search that finds the first plan may use 1/this of the budget.
    pub beam_share: u64,
    /// States the beam search keeps per month.
    pub beam_width: usize,
    /// Levels the beam search tries per class and state, from the lowest.
    pub beam_levels: u64,
    /// The beam ranks this many times `beam_width` states by the cheap bound, then those by the
    /// dearer bounds.
    pub narrow_prefilter: usize,
    /// The one-state-a-month greedy pass, when the beam runs out, may use 1/this of the budget.
    pub greedy_share: u64,
    /// The probe at the lower bound may use 1/this of the budget.
    pub bound_probe_share: u64,
    /// The probes after it may use 1/this of the budget.
    pub probe_share: u64,
    /// The probes climb from the bound in steps of 1/this of the first gap.
    pub probe_steps: u128,
    /// A probe out of work may spend 1/this of the budget finishing its states.
    pub probe_rescue_share: u64,
    /// The exact search out of work may spend 1/this of the budget finishing its states.
    pub rescue_share: u64,
    /// Kept states a new state is compared with for dominance when stock spans 3 buckets or more.
    pub dominance_peers: usize,
    /// Residues (table size) of the cover bound: coarser steps only lower it.
    pub cover_residues: u64,
    /// Groups of the peak's chains kept per month and set of trials; the rest share one floor.
    pub link_groups: usize,
    /// Entries of a class's composition table; a class needing more is split (or, with
    /// `split_classes` off, its covers are not proven cheapest).
    pub table_cap: u64,
    /// Copies of a class's best-value package the exchange rules look through for a cheaper swap.
    pub swap_copies: u128,
    /// Trials left up to which the cover bound tries every subset of them; past it, all are
    /// counted free.
    pub trial_subsets: usize,
    pub rules: Rules,
}

impl Default for SearchConfig {
    fn default() -> SearchConfig {
        SearchConfig {
            budget: 1_000_000,
            beam_share: 2,
            beam_width: 8,
            beam_levels: 4,
            narrow_prefilter: 4,
            greedy_share: 4,
            bound_probe_share: 2,
            probe_share: 4,
            probe_steps: 4,
            probe_rescue_share: 16,
            rescue_share: 4,
            dominance_peers: 4096,
            cover_residues: 1 << 17,
            link_groups: 16,
            table_cap: 1 << 16,
            swap_copies: 64,
            trial_subsets: 6,
            rules: Rules::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_name_and_a_reason_and_can_be_turned_off() {
        assert!(Rules::ALL.len() >= 10);
        for (name, why) in Rules::ALL {
            let mut rules = Rules::default();
            assert!(rules.set(name, false), "{name}");
            assert_ne!(rules, Rules::default(), "{name}");
            assert!(why.len() > 20 && !why.contains('\n'), "{name}: {why}");
        }
        assert!(!Rules::default().set("no_such_rule", false));
    }

    #[test]
    fn a_list_of_rules_names_each_exactly() {
        assert!(listed("probes", "probes"));
        assert!(listed("dominance,probes", "probes"));
        assert!(listed("probes,dominance", "probes"));
        assert!(!listed("bound_probe", "probes"));
        assert!(!listed("probes_x,x", "probes"));
        assert!(!listed("", "probes"));
        assert!(Rules::default().probes());
    }
}
