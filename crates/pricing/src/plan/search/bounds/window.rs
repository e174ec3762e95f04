//! The demand of a run of months, which the peak's bound (`bounds/peak.rs`) and the cap on
//! what each expiry bucket holds (`transitions.rs`) need: read from the demand from each month
//! on ([`demand_after`], [`demand_between`]), and the most any run of a given length holds
//! ([`busiest`]), which is the most a package lasting that long can serve.

/// The demand from each month on, one entry per month and a last 0: the demand of any run of
/// months is a difference of two ([`demand_between`]).
pub(crate) fn demand_after(demand: &[u64]) -> Vec<u64> {
    let mut after = vec![0u64; demand.len() + 1];
    for t in (0..demand.len()).rev() {
        after[t] = after[t + 1].saturating_add(demand[t]);
    }
    after
}

/// The demand of months `from..to` (cut at the horizon), from [`demand_after`]'s `after`.
pub(crate) fn demand_between(after: &[u64], from: usize, to: usize) -> u64 {
    let h = after.len() - 1;
    after[from.min(h)] - after[to.min(h)]
}

/// The most demand `months` months in a row hold, starting in any month of `starts`: the most a
/// package lasting that long, bought in one of them, can serve.
pub(super) fn busiest(after: &[u64], starts: impl Iterator<Item = usize>, months: usize) -> u64 {
    starts.map(|b| demand_between(after, b, b + months)).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Months of 5 and 20 units: the demand from each month on, of any run, and the busiest
    /// run of one and of two months.
    #[test]
    fn runs_of_months_hold_their_demand() {
        let after = demand_after(&[5, 20]);
        assert_eq!(after, vec![25, 20, 0]);
        assert_eq!(demand_between(&after, 0, 1), 5);
        assert_eq!(demand_between(&after, 1, 5), 20);
        assert_eq!(busiest(&after, 0..2, 1), 20);
        assert_eq!(busiest(&after, 0..2, 2), 25);
    }
}
