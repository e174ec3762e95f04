//! Inputs of the stress set (`bench/stress-inputs.js`, 300 inputs, seed 12) whose video pool
//! came back with no plan at all ("unsolved": the search's work limit ran out before any plan
//! was found): 36 months (35 for one) of demand growing about 21.5 % a month, a custom quote of
//! odd size and per use on. The expiry-free bound was charged to the work budget as if it tried
//! 256 copies of the odd quote even when, with so much demand still to come, it takes one
//! division; the first searches ran out on it. Each must now come back with a plan that serves
//! every month, and say honestly how far from the cheapest it may be. Eight inputs with long
//! quotes, not proven before the planner's exchange rules or its probes, must now come back
//! proven optimal at the totals a search with a hundred times the work found.
//!
//! The inputs are given as the JS API takes them and go its way: the mix estimated, per use
//! resolved for its lines, then `plan()` on each pool's units.

use kling_pricing::estimate::estimate_raw;
use kling_pricing::plan::{plan_with, PlanOptions, PlanResult, PoolOutcome, Searches};
use kling_pricing::RawMix;
use rust_decimal::Decimal;

/// (index in the stress set, mix, options), decimals as text as the JS API passes them.
const UNSOLVED: [(usize, &str, &str); 5] = [
    (
        151,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":2603,"duration":7},{"service":"video","model":"kling-v2.5-turbo","mode":"pro","audio":"none","quantity":16,"duration":5},{"service":"text-to-image","model":"kolors-v2.1","quantity":107,"attemptsPerKept":"1.8"},{"service":"video","model":"kling-v3","mode":"pro","audio":"none","resolution":"1080p","quantity":27,"duration":14,"attemptsPerKept":"1.4"}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"8672.85","units":"75695","validityDays":270,"concurrency":19}],"perUseSource":"fal"}"#,
    ),
    (
        191,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"voice","resolution":"1080p","quantity":694,"duration":14},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":578,"duration":6}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"2821.68","units":"25506","validityDays":365}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1891"}]}"#,
    ),
    (
        192,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":25,"duration":13},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":4443},{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":294,"duration":13}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"quotes":[{"pool":"video","name":"Quote 1","price":"4488.95","units":"30312","validityDays":30,"concurrency":5}],"perUseSource":"fal"}"#,
    ),
    (
        255,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":1434,"duration":6},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":1483},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":71,"duration":10}]}"#,
        r#"{"horizonMonths":35,"growthPercent":"22.5","peak":{"pool":"video","jobsPerHour":"69","minutesPerJob":"0.5"},"quotes":[{"pool":"video","name":"Quote 1","price":"9879.07","units":"100048","validityDays":270,"concurrency":7}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1769"},{"pool":"image","price":"0.00382"}]}"#,
    ),
    (
        278,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":955,"duration":12}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","balances":[{"pool":"video","units":"2199","daysLeft":93}],"peak":{"pool":"video","jobsPerHour":"56","minutesPerJob":"0.5"},"quotes":[{"pool":"video","name":"Quote 1","price":"2747.39","units":"19963","validityDays":30}],"perUseSource":"fal"}"#,
    ),
];

/// (index in the stress set, mix, options) of inputs with long quotes that were not proven
/// optimal before the exchange rules of `docs/planner.md` (normal form 6) and the dominance that
/// counts per use: two quotes of 180 and 289 days over 18 months; a 207-day quote over 33
/// months with per use; a 180-day quote with a peak and per use over 24 months. Five more
/// came back proven only with the probes below the first plan and the checks within a
/// transition: quotes of 183 and 180 days over 16 months growing 45.5 % a month; of 120 and 320
/// days with a peak over 36 months; of 128 and 45 days with a peak and a negotiated per-use
/// rate over 36 months; of 60 and 303 days over 36 months; of 45 and 180 days with a balance
/// and a peak over 24 months. All with per use. Three more came back proven only with the
/// dominance that makes up what a state holds less with copies of a package: quotes of 273 and
/// 270 days and two balances over 36 months growing 21.5 % a month, without per use; a 180-day
/// quote with a peak over 18 months; quotes of 302 and 365 days over 36 months, flat. Three
/// more only with the bound on what the units still to buy cost (`plan/search/bounds/cover.rs`): a
/// 270-day quote over 36 months; quotes of 90 and 38 days and a balance over 21 months growing 40 %
/// a month; of 79 and 216 days over 36 months. All three with per use. One more only once a
/// probe that runs out has its states finished by the beam: quotes of 311, 89 and 45 days with
/// a peak and per use over 19 months growing 44 % a month. One more only once those states are
/// finished by every transition rather than the beam's few levels (a probe at the lower bound
/// then reaches it): quotes of 60 and 270 days with a peak and an own per-use rate over 36
/// months growing 21.5 % a month.
const LONG_QUOTES: [(usize, &str, &str); 16] = [
    (
        6,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":13,"duration":7}]}"#,
        r#"{"horizonMonths":18,"growthPercent":"46","quotes":[{"pool":"video","name":"Quote 1","price":"12838.41","units":"142139","validityDays":180},{"pool":"video","name":"Quote 2","price":"1157.33","units":"8932","validityDays":289}],"perUseSource":"fal"}"#,
    ),
    (
        67,
        r#"{"edition":"kling-2026","lines":[{"service":"image","model":"kling-image-o1","resolution":"1k-2k","quantity":1732},{"service":"lip-sync","quantity":270,"videoSeconds":95,"attemptsPerKept":"1.3"}]}"#,
        r#"{"horizonMonths":33,"growthPercent":"24","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"quotes":[{"pool":"video","name":"Quote 1","price":"10946.25","units":"79885","validityDays":207}],"perUseSource":"fal"}"#,
    ),
    (
        208,
        r#"{"edition":"kling-2026","lines":[{"service":"lip-sync","quantity":44,"videoSeconds":15,"attemptsPerKept":"1.2"},{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":9,"duration":13},{"service":"text-to-image","model":"kolors-v2.1","quantity":138},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":444,"duration":3,"attemptsPerKept":"1.6"}]}"#,
        r#"{"horizonMonths":24,"growthPercent":"35","peak":{"pool":"video","jobsPerHour":"45","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"1705.66","units":"13772","validityDays":180}],"perUseSource":"fal"}"#,
    ),
    (
        15,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":283,"duration":3,"attemptsPerKept":"2.0"},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"none","quantity":51,"duration":5},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":313,"duration":5},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"none","resolution":"4k","input":"text-image","quantity":1011,"duration":11}]}"#,
        r#"{"horizonMonths":16,"growthPercent":"45.5","trialsUsed":true,"quotes":[{"pool":"video","name":"Quote 1","price":"19074.15","units":"166126","validityDays":183},{"pool":"video","name":"Quote 2","price":"1003.31","units":"8465","validityDays":180}],"perUseSource":"fal"}"#,
    ),
    (
        142,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":2119,"duration":8},{"service":"video","model":"kling-v3-turbo","mode":"std","audio":"native","quantity":1708,"duration":9},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":2933,"duration":5}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","peak":{"pool":"video","jobsPerHour":"59","minutesPerJob":"3"},"quotes":[{"pool":"video","name":"Quote 1","price":"12477.42","units":"132567","validityDays":120},{"pool":"video","name":"Quote 2","price":"1490.99","units":"10048","validityDays":320}],"perUseSource":"fal"}"#,
    ),
    (
        198,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"native","resolution":"1080p","input":"text-image","quantity":2876,"duration":6}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"6.5","peak":{"pool":"video","jobsPerHour":"66","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"14177.94","units":"101873","validityDays":128},{"pool":"video","name":"Quote 2","price":"1284.40","units":"13865","validityDays":45,"concurrency":15}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1161"}]}"#,
    ),
    (
        58,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"720p","quantity":3141,"duration":10}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"5529.56","units":"60068","validityDays":60},{"pool":"video","name":"Quote 2","price":"19954.15","units":"170072","validityDays":303,"concurrency":8}],"perUseSource":"fal"}"#,
    ),
    (
        234,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"std","audio":"native","quantity":3200,"duration":14,"attemptsPerKept":"1.7"},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"720p","quantity":145,"duration":11,"attemptsPerKept":"1.6"}]}"#,
        r#"{"horizonMonths":24,"growthPercent":"35","balances":[{"pool":"video","units":"1109","daysLeft":287}],"peak":{"pool":"video","jobsPerHour":"72","minutesPerJob":"3"},"quotes":[{"pool":"video","name":"Quote 1","price":"9481.84","units":"75557","validityDays":45},{"pool":"video","name":"Quote 2","price":"6822.34","units":"70535","validityDays":180}],"perUseSource":"fal"}"#,
    ),
    (
        93,
        r#"{"edition":"kling-2026","lines":[{"service":"text-to-image","model":"kolors-v2.1","quantity":14946},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"none","resolution":"1080p","input":"video-edit","quantity":9,"duration":4},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":64,"duration":4,"attemptsPerKept":"1.5"},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"voice","quantity":5,"duration":5}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","balances":[{"pool":"video","units":"2176","daysLeft":101},{"pool":"image","units":"17272","daysLeft":347}],"quotes":[{"pool":"video","name":"Quote 1","price":"3607.84","units":"30775","validityDays":273,"concurrency":13},{"pool":"video","name":"Quote 2","price":"2110.96","units":"16808","validityDays":270}]}"#,
    ),
    (
        153,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":36,"duration":11},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":1326,"duration":5},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":1346},{"service":"video","model":"kling-v3","mode":"pro","audio":"none","resolution":"1080p","quantity":2059,"duration":15}]}"#,
        r#"{"horizonMonths":18,"growthPercent":"22","peak":{"pool":"video","jobsPerHour":"106","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote (peak)","price":"21315.19","units":"163963","validityDays":180,"concurrency":10}],"perUseSource":"fal"}"#,
    ),
    (
        298,
        r#"{"edition":"kling-2026","lines":[{"service":"text-to-image","model":"kolors-v2.1","quantity":2204},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":3339,"duration":5},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":15,"duration":10,"attemptsPerKept":"1.5"}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"0","quotes":[{"pool":"video","name":"Quote 1","price":"7916.57","units":"80766","validityDays":302},{"pool":"video","name":"Quote 2","price":"16435.82","units":"141410","validityDays":365}],"perUseSource":"fal"}"#,
    ),
    (
        151,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":2603,"duration":7},{"service":"video","model":"kling-v2.5-turbo","mode":"pro","audio":"none","quantity":16,"duration":5},{"service":"text-to-image","model":"kolors-v2.1","quantity":107,"attemptsPerKept":"1.8"},{"service":"video","model":"kling-v3","mode":"pro","audio":"none","resolution":"1080p","quantity":27,"duration":14,"attemptsPerKept":"1.4"}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"8672.85","units":"75695","validityDays":270,"concurrency":19}],"perUseSource":"fal"}"#,
    ),
    (
        258,
        r#"{"edition":"kling-2026","lines":[{"service":"video-to-audio","quantity":41},{"service":"video","model":"kling-v2.5-turbo","mode":"std","audio":"none","quantity":2046,"duration":5}]}"#,
        r#"{"horizonMonths":21,"growthPercent":"40","balances":[{"pool":"video","units":"6096","daysLeft":231}],"quotes":[{"pool":"video","name":"Quote 1","price":"13812.62","units":"123403","validityDays":90,"concurrency":17},{"pool":"video","name":"Quote 2","price":"31602.19","units":"276762","validityDays":38,"concurrency":7}],"perUseSource":"fal"}"#,
    ),
    (
        280,
        r#"{"edition":"kling-2026","lines":[{"service":"lip-sync","quantity":918,"videoSeconds":104},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":252,"duration":6},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":133,"duration":15}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"1191.56","units":"10650","validityDays":79},{"pool":"video","name":"Quote 2","price":"2128.08","units":"19462","validityDays":216}],"perUseSource":"fal"}"#,
    ),
    (
        127,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v2.6","mode":"pro","audio":"none","quantity":215,"duration":5},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":34,"duration":8,"attemptsPerKept":"1.7"},{"service":"image","model":"kling-image-o1","resolution":"4k","quantity":335}]}"#,
        r#"{"horizonMonths":19,"growthPercent":"44","peak":{"pool":"video","jobsPerHour":"89","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"28357.60","units":"231507","validityDays":311,"concurrency":14},{"pool":"video","name":"Quote 2","price":"860.85","units":"9351","validityDays":89},{"pool":"video","name":"Quote (peak)","price":"11935.95","units":"91815","validityDays":45,"concurrency":10}],"perUseSource":"fal"}"#,
    ),
    (
        180,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"native","resolution":"1080p","input":"text-image","quantity":37,"duration":4},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"none","resolution":"4k","input":"text-image","quantity":1081,"duration":9},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":1528,"duration":5},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":12914}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","peak":{"pool":"video","jobsPerHour":"114","minutesPerJob":"4"},"quotes":[{"pool":"image","name":"Quote 1","price":"546.26","units":"145299","validityDays":30,"concurrency":10},{"pool":"video","name":"Quote 2","price":"641.22","units":"5855","validityDays":60},{"pool":"video","name":"Quote (peak)","price":"3905.20","units":"30040","validityDays":270,"concurrency":10}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1358"},{"pool":"image","price":"0.00256"}]}"#,
    ),
];

/// Their totals, found by the planner as it was before those rules with a hundred times the work
/// budget, where it proved each optimal (the next five: as it was before the probes, with a
/// hundred times the work, and a thousand for the 60- and 303-day quotes; the last seven: as
/// it was before that dominance, with forty times the work; the last: as it was before the
/// rescue used every transition, with three and thirty times the work).
const LONG_QUOTE_TOTALS: [&str; 16] = [
    "22155.744",
    "2129531.139",
    "2830405.78",
    "3624498.388",
    "21304816.11",
    "212953.669325",
    "8938564.991",
    "23167847.92",
    "707917.51",
    "808052.592",
    "61085.99",
    "10780104.112",
    "1008628.083",
    "9567130.975",
    "256307.125",
    "23156025.54247",
];

/// `plan()` on an input as the JS API runs it.
fn plan_json(mix: &str, options: &str) -> PlanResult {
    plan_json_with(mix, options, &mut Searches::run())
}

/// [`plan_json`] with the searches run, recorded or replayed as `searches` says.
fn plan_json_with(mix: &str, options: &str, searches: &mut Searches) -> PlanResult {
    let raw: RawMix = serde_json::from_str(mix).unwrap();
    let mut opts: PlanOptions = serde_json::from_str(options).unwrap();
    let (est, problems) = estimate_raw(&raw);
    assert!(problems.is_empty(), "{problems:?}");
    let catalog = kling_pricing::catalog::edition(est.edition).unwrap();
    let lines: Vec<_> = est.lines.iter().map(|l| l.line.clone()).collect();
    kling_pricing::per_use::apply(catalog, &lines, &mut opts).unwrap();
    let units: Vec<_> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
    plan_with(catalog, &units, &opts, searches).unwrap()
}

/// `plan()` on the input `what` comes back proven optimal at `total` dollars.
fn assert_proven_at(what: &str, mix: &str, options: &str, total: &str) {
    let r = plan_json(mix, options);
    assert!(r.optimal, "{what}: not proven");
    assert_eq!(r.total_cost, total.parse::<Decimal>().unwrap(), "{what}");
}

#[test]
fn the_stress_sets_unsolved_inputs_get_a_plan() {
    for (index, mix, options) in UNSOLVED {
        let r = plan_json(mix, options);
        for p in &r.pools {
            if p.outcome == PoolOutcome::NoPackage {
                continue;
            }
            assert_eq!(p.outcome, PoolOutcome::Planned, "#{index} {:?}: {}", p.pool, p.message);
            assert!(!p.purchases.is_empty() || p.per_use.is_some(), "#{index} {:?}", p.pool);
            // Every month's demand is drawn from what is held, bought or bought per use.
            for row in &p.periods {
                let per_use = row.per_use_units.unwrap_or(Decimal::ZERO);
                assert!(
                    row.used + per_use >= row.demand,
                    "#{index} {:?} month {}",
                    p.pool,
                    row.month
                );
            }
            // Proven, or not proven with the most it may cost above the cheapest.
            assert_eq!(p.optimal, p.cost_gap.is_none(), "#{index} {:?}", p.pool);
            if let Some(gap) = p.cost_gap {
                assert!(
                    gap >= Decimal::ZERO && gap < p.total_cost,
                    "#{index} {:?}: gap {gap}",
                    p.pool
                );
            }
        }
        assert!(!r.optimal || r.pools.iter().all(|p| p.optimal), "#{index}");
    }
}

#[test]
fn long_quotes_come_back_proven_optimal() {
    for ((index, mix, options), total) in LONG_QUOTES.iter().zip(LONG_QUOTE_TOTALS) {
        assert_proven_at(&format!("#{index}"), mix, options, total);
    }
}

/// (index in seed 27 of the stress inputs, mix, options, total) of inputs with quotes of 120
/// to 365 days and a peak over 36 months that came back not proven (gap bounds of $244 to
/// $1,302) until the peak's chain counted what its links can serve, not only what they hold
/// (`plan/search/bounds/peak.rs`, `PeakBound::new`): a 365-day quote under flat demand, whose
/// optimum is Package 3 every three months (each serving 56,508 of its 60,000 units) and whose
/// bound at the start was $3,166 below it; quotes of 228 and 365 days; of 120 and 322 days. The
/// totals are those a search with sixteen times the work proved.
const CHAINED: [(usize, &str, &str, &str); 3] = [
    (
        84,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v2.6","mode":"std","audio":"none","quantity":93,"duration":5},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"native","resolution":"1080p","input":"text-image","quantity":95,"duration":14},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":3216,"duration":6}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"0","peak":{"pool":"video","jobsPerHour":"54","minutesPerJob":"3"},"quotes":[{"pool":"video","name":"Quote 1","price":"8964.02","units":"86750","validityDays":365}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1488"}]}"#,
        "80640",
    ),
    (
        160,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v2.5-turbo","mode":"pro","audio":"none","quantity":72,"duration":10,"attemptsPerKept":"1.6"}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","peak":{"pool":"video","jobsPerHour":"62","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"3895.18","units":"34763","validityDays":228},{"pool":"video","name":"Quote 2","price":"3708.61","units":"30064","validityDays":365}],"perUseSource":"fal"}"#,
        "348937.415",
    ),
    (
        299,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"voice","resolution":"720p","quantity":244,"duration":11},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":5,"duration":4},{"service":"image","model":"kling-image-o1","resolution":"4k","quantity":1723,"attemptsPerKept":"2.0"},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":62,"attemptsPerKept":"1.8"}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"peak":{"pool":"video","jobsPerHour":"95","minutesPerJob":"2"},"quotes":[{"pool":"video","name":"Quote 1","price":"9019.07","units":"68044","validityDays":120},{"pool":"video","name":"Quote 2","price":"10649.40","units":"79411","validityDays":322}],"perUseSource":"fal"}"#,
        "2772562.052",
    ),
];

#[test]
fn quotes_under_a_peak_come_back_proven_optimal() {
    for (index, mix, options, total) in CHAINED {
        assert_proven_at(&format!("seed 27, #{index}"), mix, options, total);
    }
}

/// (seed and index in the stress inputs, mix, options, total) of inputs whose optimum lies in
/// the upper half of the gap between the bound at the start and the first plan, not proven
/// while the probes' targets grew eightfold from a quarter of that gap up (they overshot the
/// optimum, leaving the exact search a first plan far above it to beat) and proven once the
/// probes climb a quarter of the gap at a time (`plan/search/strategy.rs`, `Solver::probe`): quotes
/// of 229 and 45 days and a balance; of 45 and 180 days, a balance and a peak; of 180 and 60 days
/// with an image pack; of 30 and 241 days over 27 months, without per use. All but the last with
/// per use. The plans of #92 and #119 are $831.06 and $2,136.61 cheaper than those the planner
/// returned before. The totals are those the planner as it was before proved with sixteen times the
/// work.
const CLIMBED: [(u32, usize, &str, &str, &str); 4] = [
    (
        15,
        293,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":25,"duration":14},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":22,"duration":9}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"20.5","balances":[{"pool":"video","units":"269","daysLeft":340}],"quotes":[{"pool":"video","name":"Quote 1","price":"2794.27","units":"20078","validityDays":229},{"pool":"video","name":"Quote 2","price":"3357.49","units":"29405","validityDays":45}],"perUseSource":"fal"}"#,
        "239575.842",
    ),
    (
        22,
        92,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-video-o1","mode":"pro","input":"text-image","quantity":69,"duration":5,"attemptsPerKept":"1.5"},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"720p","quantity":15,"duration":14},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":1318,"duration":15},{"service":"video","model":"kling-v2.6","mode":"std","audio":"none","quantity":328,"duration":5}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"11.5","balances":[{"pool":"video","units":"104","daysLeft":274}],"peak":{"pool":"video","jobsPerHour":"25","minutesPerJob":"2"},"quotes":[{"pool":"video","name":"Quote 1","price":"21244.79","units":"218509","validityDays":45},{"pool":"video","name":"Quote 2","price":"5238.12","units":"43023","validityDays":180,"concurrency":17}],"perUseSource":"fal"}"#,
        "2529532.14",
    ),
    (
        23,
        24,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":85,"duration":9,"attemptsPerKept":"1.5"},{"service":"text-to-image","model":"kolors-v2.1","quantity":1843},{"service":"video","model":"kling-v3","mode":"pro","audio":"none","resolution":"1080p","quantity":36,"duration":14},{"service":"image","model":"kling-image-o1","resolution":"1k-2k","quantity":79}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"quotes":[{"pool":"video","name":"Quote 1","price":"3717.19","units":"26693","validityDays":180},{"pool":"video","name":"Quote 2","price":"25021.83","units":"225821","validityDays":60,"concurrency":19}],"perUseSource":"fal"}"#,
        "2344027.106",
    ),
    (
        27,
        119,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-omni","mode":"std","audio":"none","resolution":"720p","input":"text-image","quantity":866,"duration":7},{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":8,"duration":13,"attemptsPerKept":"1.6"}]}"#,
        r#"{"horizonMonths":27,"growthPercent":"27.5","quotes":[{"pool":"video","name":"Quote 1","price":"3816.61","units":"37796","validityDays":30},{"pool":"video","name":"Quote 2","price":"7692.09","units":"52597","validityDays":241}]}"#,
        "994099.53",
    ),
];

#[test]
fn an_optimum_high_in_the_gap_is_proven() {
    for (seed, index, mix, options, total) in CLIMBED {
        assert_proven_at(&format!("seed {seed}, #{index}"), mix, options, total);
    }
}

/// (seed and index in the stress inputs, mix, options, optimum) of inputs with quotes of 45
/// days or more that the planner's work budget may not prove: a 120-day image quote next to a
/// 30-day image pack over 30 months; a 365-day quote over 36 months of nearly flat demand,
/// without per use; a 60-day quote with per use over 36 months growing 21.5 % a month. The
/// optimum is a search's with thirty-two times the work, proven.
const RETRIED: [(u32, usize, &str, &str, &str); 3] = [
    (
        18,
        118,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":274,"duration":13},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":287,"duration":6},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":29798,"attemptsPerKept":"1.3"}]}"#,
        r#"{"horizonMonths":30,"growthPercent":"8","trialsUsed":true,"packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"balances":[{"pool":"video","units":"1417","daysLeft":196}],"quotes":[{"pool":"image","name":"Quote 1","price":"139.64","units":"39874","validityDays":120},{"pool":"video","name":"Quote 2","price":"34104.43","units":"234783","validityDays":60}]}"#,
        "326184.52",
    ),
    (
        28,
        268,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"voice","resolution":"720p","quantity":1344,"duration":10}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"1","quotes":[{"pool":"video","name":"Quote 1","price":"6125.82","units":"45863","validityDays":365}]}"#,
        "78831.43",
    ),
    (
        31,
        174,
        r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":926,"duration":3}]}"#,
        r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"12944.38","units":"115814","validityDays":60}],"perUseSource":"fal"}"#,
        "1921432.171",
    ),
];

/// A plan not proven is honest: no cheaper than the optimum, and its gap bound reaches it.
#[test]
fn a_plan_not_proven_is_within_its_gap_bound() {
    for (seed, index, mix, options, optimum) in RETRIED {
        let (what, optimum) = (format!("seed {seed}, #{index}"), optimum.parse::<Decimal>().unwrap());
        let r = plan_json(mix, options);
        assert!(r.total_cost >= optimum, "{what}: {} below the optimum", r.total_cost);
        let gap: Decimal = r.pools.iter().filter_map(|p| p.cost_gap).sum();
        assert!(
            r.total_cost - gap <= optimum,
            "{what}: {} less its gap {gap}",
            r.total_cost
        );
        assert!(
            !r.optimal || r.total_cost == optimum,
            "{what}: proven at {}",
            r.total_cost
        );
    }
}

/// The page plans in a worker recording the searches, then on its own thread replaying them:
/// on these hard inputs (plans not proven, proven only with most of the work, no plan at all
/// once) the replay answers every search and the answer is the plan's own, to the byte.
#[test]
fn a_plan_replayed_from_its_record_is_the_plan() {
    let inputs = UNSOLVED
        .iter()
        .chain(&LONG_QUOTES)
        .map(|&(_, mix, options)| (mix, options))
        .chain(CHAINED.iter().map(|&(_, mix, options, _)| (mix, options)))
        .chain(CLIMBED.iter().map(|&(_, _, mix, options, _)| (mix, options)))
        .chain(RETRIED.iter().map(|&(_, _, mix, options, _)| (mix, options)));
    for (mix, options) in inputs {
        let mut record = Searches::record();
        let recorded = plan_json_with(mix, options, &mut record);
        let record = record.into_record();
        assert!(!record.is_empty());
        let mut replay = Searches::replay(record);
        let replayed = plan_json_with(mix, options, &mut replay);
        assert!(!replay.missed(), "{options}");
        let json = |r: &PlanResult| serde_json::to_string(r).unwrap();
        assert_eq!(json(&replayed), json(&recorded), "{options}");
        assert_eq!(json(&replayed), json(&plan_json(mix, options)), "{options}");
    }
}
