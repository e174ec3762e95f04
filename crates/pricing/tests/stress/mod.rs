//! Inputs of the stress set (`bench/stress-inputs.js`, each named by its seed and index there)
//! as the JS API takes them, and the way they are planned: shared by `tests/plan_stress.rs` and
//! `examples/oracle_totals.rs`.

#![allow(dead_code)] // each user (test, example) uses part of it

use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::estimate::estimate_raw;
use kling_pricing::plan::PlanOptions;
use kling_pricing::RawMix;
use rust_decimal::Decimal;

/// An input: its seed and index in the stress set, the mix and the options, decimals as text as
/// the JS API passes them.
#[derive(Clone, Copy, Debug)]
pub struct Input {
    pub seed: u32,
    pub index: usize,
    pub mix: &'static str,
    pub options: &'static str,
}

impl Input {
    /// "seed 12, #151".
    pub fn name(&self) -> String {
        format!("seed {}, #{}", self.seed, self.index)
    }

    /// The input as the JS API plans it: the mix estimated, per use resolved for its lines;
    /// the catalog, each pool's monthly units and the options.
    pub fn prepare(&self) -> (&'static Catalog, Vec<(Pool, Decimal)>, PlanOptions) {
        let raw: RawMix = serde_json::from_str(self.mix).unwrap();
        let mut opts: PlanOptions = serde_json::from_str(self.options).unwrap();
        let (est, problems) = estimate_raw(&raw);
        assert!(problems.is_empty(), "{problems:?}");
        let catalog = kling_pricing::catalog::edition(est.edition).unwrap();
        let lines: Vec<_> = est.lines.iter().map(|l| l.line.clone()).collect();
        kling_pricing::per_use::apply(catalog, &lines, &mut opts).unwrap();
        let units = est.pools.iter().map(|p| (p.pool, p.units)).collect();
        (catalog, units, opts)
    }
}

/// Video pools of 35 or 36 months growing about 21.5 % a month, each with a custom quote of odd
/// size, per use, some with a peak or a balance, and the optimum the MILP solver of
/// `tests/oracle` proves for each (`cargo run --release -p kling-pricing --example
/// oracle_totals`).
pub const GROWING: [(Input, &str); 5] = [
    (
        Input {
            seed: 12,
            index: 151,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":2603,"duration":7},{"service":"video","model":"kling-v2.5-turbo","mode":"pro","audio":"none","quantity":16,"duration":5},{"service":"text-to-image","model":"kolors-v2.1","quantity":107,"attemptsPerKept":"1.8"},{"service":"video","model":"kling-v3","mode":"pro","audio":"none","resolution":"1080p","quantity":27,"duration":14,"attemptsPerKept":"1.4"}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"8672.85","units":"75695","validityDays":270,"concurrency":19}],"perUseSource":"fal"}"#,
        },
        "10780104.112",
    ),
    (
        Input {
            seed: 12,
            index: 191,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"voice","resolution":"1080p","quantity":694,"duration":14},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":578,"duration":6}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"2821.68","units":"25506","validityDays":365}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1891"}]}"#,
        },
        "13680934.691445",
    ),
    (
        Input {
            seed: 12,
            index: 192,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":25,"duration":13},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":4443},{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":294,"duration":13}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"quotes":[{"pool":"video","name":"Quote 1","price":"4488.95","units":"30312","validityDays":30,"concurrency":5}],"perUseSource":"fal"}"#,
        },
        "4052535.852",
    ),
    (
        Input {
            seed: 12,
            index: 255,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":1434,"duration":6},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":1483},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":71,"duration":10}]}"#,
            options: r#"{"horizonMonths":35,"growthPercent":"22.5","peak":{"pool":"video","jobsPerHour":"69","minutesPerJob":"0.5"},"quotes":[{"pool":"video","name":"Quote 1","price":"9879.07","units":"100048","validityDays":270,"concurrency":7}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1769"},{"pool":"image","price":"0.00382"}]}"#,
        },
        "14626441.70856",
    ),
    (
        Input {
            seed: 12,
            index: 278,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":955,"duration":12}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","balances":[{"pool":"video","units":"2199","daysLeft":93}],"peak":{"pool":"video","jobsPerHour":"56","minutesPerJob":"0.5"},"quotes":[{"pool":"video","name":"Quote 1","price":"2747.39","units":"19963","validityDays":30}],"perUseSource":"fal"}"#,
        },
        "6612680.32",
    ),
];

/// Inputs with custom quotes of 30 to 365 days, most over 16 to 36 months of growing demand,
/// many with per use, a peak or balances, and the optimum of each: the least total, in dollars,
/// of every pool's plan, as the MILP solver of `tests/oracle` proves it (`cargo run --release
/// -p kling-pricing --example oracle_totals`, within 2 minutes a pool).
pub const PROVEN: [(Input, &str); 17] = [
    (
        Input {
            seed: 12,
            index: 6,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":13,"duration":7}]}"#,
            options: r#"{"horizonMonths":18,"growthPercent":"46","quotes":[{"pool":"video","name":"Quote 1","price":"12838.41","units":"142139","validityDays":180},{"pool":"video","name":"Quote 2","price":"1157.33","units":"8932","validityDays":289}],"perUseSource":"fal"}"#,
        },
        "22155.744",
    ),
    (
        Input {
            seed: 12,
            index: 67,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"image","model":"kling-image-o1","resolution":"1k-2k","quantity":1732},{"service":"lip-sync","quantity":270,"videoSeconds":95,"attemptsPerKept":"1.3"}]}"#,
            options: r#"{"horizonMonths":33,"growthPercent":"24","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"quotes":[{"pool":"video","name":"Quote 1","price":"10946.25","units":"79885","validityDays":207}],"perUseSource":"fal"}"#,
        },
        "2129531.139",
    ),
    (
        Input {
            seed: 12,
            index: 208,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"lip-sync","quantity":44,"videoSeconds":15,"attemptsPerKept":"1.2"},{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":9,"duration":13},{"service":"text-to-image","model":"kolors-v2.1","quantity":138},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":444,"duration":3,"attemptsPerKept":"1.6"}]}"#,
            options: r#"{"horizonMonths":24,"growthPercent":"35","peak":{"pool":"video","jobsPerHour":"45","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"1705.66","units":"13772","validityDays":180}],"perUseSource":"fal"}"#,
        },
        "2830405.78",
    ),
    (
        Input {
            seed: 12,
            index: 15,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":283,"duration":3,"attemptsPerKept":"2.0"},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"none","quantity":51,"duration":5},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":313,"duration":5},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"none","resolution":"4k","input":"text-image","quantity":1011,"duration":11}]}"#,
            options: r#"{"horizonMonths":16,"growthPercent":"45.5","trialsUsed":true,"quotes":[{"pool":"video","name":"Quote 1","price":"19074.15","units":"166126","validityDays":183},{"pool":"video","name":"Quote 2","price":"1003.31","units":"8465","validityDays":180}],"perUseSource":"fal"}"#,
        },
        "3624498.388",
    ),
    (
        Input {
            seed: 12,
            index: 142,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":2119,"duration":8},{"service":"video","model":"kling-v3-turbo","mode":"std","audio":"native","quantity":1708,"duration":9},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":2933,"duration":5}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","peak":{"pool":"video","jobsPerHour":"59","minutesPerJob":"3"},"quotes":[{"pool":"video","name":"Quote 1","price":"12477.42","units":"132567","validityDays":120},{"pool":"video","name":"Quote 2","price":"1490.99","units":"10048","validityDays":320}],"perUseSource":"fal"}"#,
        },
        "21304816.11",
    ),
    (
        Input {
            seed: 12,
            index: 198,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"native","resolution":"1080p","input":"text-image","quantity":2876,"duration":6}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"6.5","peak":{"pool":"video","jobsPerHour":"66","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"14177.94","units":"101873","validityDays":128},{"pool":"video","name":"Quote 2","price":"1284.40","units":"13865","validityDays":45,"concurrency":15}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1161"}]}"#,
        },
        "212953.669325",
    ),
    (
        Input {
            seed: 12,
            index: 58,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"720p","quantity":3141,"duration":10}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"5529.56","units":"60068","validityDays":60},{"pool":"video","name":"Quote 2","price":"19954.15","units":"170072","validityDays":303,"concurrency":8}],"perUseSource":"fal"}"#,
        },
        "8938564.991",
    ),
    (
        Input {
            seed: 12,
            index: 234,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"std","audio":"native","quantity":3200,"duration":14,"attemptsPerKept":"1.7"},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"720p","quantity":145,"duration":11,"attemptsPerKept":"1.6"}]}"#,
            options: r#"{"horizonMonths":24,"growthPercent":"35","balances":[{"pool":"video","units":"1109","daysLeft":287}],"peak":{"pool":"video","jobsPerHour":"72","minutesPerJob":"3"},"quotes":[{"pool":"video","name":"Quote 1","price":"9481.84","units":"75557","validityDays":45},{"pool":"video","name":"Quote 2","price":"6822.34","units":"70535","validityDays":180}],"perUseSource":"fal"}"#,
        },
        "23167847.92",
    ),
    (
        Input {
            seed: 12,
            index: 153,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":36,"duration":11},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":1326,"duration":5},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":1346},{"service":"video","model":"kling-v3","mode":"pro","audio":"none","resolution":"1080p","quantity":2059,"duration":15}]}"#,
            options: r#"{"horizonMonths":18,"growthPercent":"22","peak":{"pool":"video","jobsPerHour":"106","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote (peak)","price":"21315.19","units":"163963","validityDays":180,"concurrency":10}],"perUseSource":"fal"}"#,
        },
        "808052.592",
    ),
    (
        Input {
            seed: 12,
            index: 298,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"text-to-image","model":"kolors-v2.1","quantity":2204},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":3339,"duration":5},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"native","quantity":15,"duration":10,"attemptsPerKept":"1.5"}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"0","quotes":[{"pool":"video","name":"Quote 1","price":"7916.57","units":"80766","validityDays":302},{"pool":"video","name":"Quote 2","price":"16435.82","units":"141410","validityDays":365}],"perUseSource":"fal"}"#,
        },
        "61085.99",
    ),
    (
        Input {
            seed: 12,
            index: 127,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v2.6","mode":"pro","audio":"none","quantity":215,"duration":5},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":34,"duration":8,"attemptsPerKept":"1.7"},{"service":"image","model":"kling-image-o1","resolution":"4k","quantity":335}]}"#,
            options: r#"{"horizonMonths":19,"growthPercent":"44","peak":{"pool":"video","jobsPerHour":"89","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"28357.60","units":"231507","validityDays":311,"concurrency":14},{"pool":"video","name":"Quote 2","price":"860.85","units":"9351","validityDays":89},{"pool":"video","name":"Quote (peak)","price":"11935.95","units":"91815","validityDays":45,"concurrency":10}],"perUseSource":"fal"}"#,
        },
        "256307.125",
    ),
    (
        Input {
            seed: 12,
            index: 180,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"native","resolution":"1080p","input":"text-image","quantity":37,"duration":4},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"none","resolution":"4k","input":"text-image","quantity":1081,"duration":9},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":1528,"duration":5},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":12914}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","peak":{"pool":"video","jobsPerHour":"114","minutesPerJob":"4"},"quotes":[{"pool":"image","name":"Quote 1","price":"546.26","units":"145299","validityDays":30,"concurrency":10},{"pool":"video","name":"Quote 2","price":"641.22","units":"5855","validityDays":60},{"pool":"video","name":"Quote (peak)","price":"3905.20","units":"30040","validityDays":270,"concurrency":10}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1358"},{"pool":"image","price":"0.00256"}]}"#,
        },
        "23156025.54247",
    ),
    (
        Input {
            seed: 27,
            index: 84,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v2.6","mode":"std","audio":"none","quantity":93,"duration":5},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"native","resolution":"1080p","input":"text-image","quantity":95,"duration":14},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":3216,"duration":6}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"0","peak":{"pool":"video","jobsPerHour":"54","minutesPerJob":"3"},"quotes":[{"pool":"video","name":"Quote 1","price":"8964.02","units":"86750","validityDays":365}],"perUseSource":"rate","perUseRate":[{"pool":"video","price":"0.1488"}]}"#,
        },
        "80640",
    ),
    (
        Input {
            seed: 27,
            index: 160,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v2.5-turbo","mode":"pro","audio":"none","quantity":72,"duration":10,"attemptsPerKept":"1.6"}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","peak":{"pool":"video","jobsPerHour":"62","minutesPerJob":"4"},"quotes":[{"pool":"video","name":"Quote 1","price":"3895.18","units":"34763","validityDays":228},{"pool":"video","name":"Quote 2","price":"3708.61","units":"30064","validityDays":365}],"perUseSource":"fal"}"#,
        },
        "348937.415",
    ),
    (
        Input {
            seed: 27,
            index: 299,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"voice","resolution":"720p","quantity":244,"duration":11},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":5,"duration":4},{"service":"image","model":"kling-image-o1","resolution":"4k","quantity":1723,"attemptsPerKept":"2.0"},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":62,"attemptsPerKept":"1.8"}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"peak":{"pool":"video","jobsPerHour":"95","minutesPerJob":"2"},"quotes":[{"pool":"video","name":"Quote 1","price":"9019.07","units":"68044","validityDays":120},{"pool":"video","name":"Quote 2","price":"10649.40","units":"79411","validityDays":322}],"perUseSource":"fal"}"#,
        },
        "2772562.052",
    ),
    (
        Input {
            seed: 15,
            index: 293,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":25,"duration":14},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":22,"duration":9}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"20.5","balances":[{"pool":"video","units":"269","daysLeft":340}],"quotes":[{"pool":"video","name":"Quote 1","price":"2794.27","units":"20078","validityDays":229},{"pool":"video","name":"Quote 2","price":"3357.49","units":"29405","validityDays":45}],"perUseSource":"fal"}"#,
        },
        "239575.842",
    ),
    (
        Input {
            seed: 18,
            index: 118,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":274,"duration":13},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":287,"duration":6},{"service":"image","model":"kling-v3-image","resolution":"1k-2k","input":"image-edit","quantity":29798,"attemptsPerKept":"1.3"}]}"#,
            options: r#"{"horizonMonths":30,"growthPercent":"8","trialsUsed":true,"packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"balances":[{"pool":"video","units":"1417","daysLeft":196}],"quotes":[{"pool":"image","name":"Quote 1","price":"139.64","units":"39874","validityDays":120},{"pool":"video","name":"Quote 2","price":"34104.43","units":"234783","validityDays":60}]}"#,
        },
        "326184.52",
    ),
];

/// Inputs like those of [`PROVEN`] whose optimum the solver does not prove within 2 minutes a
/// pool: its best plan and its lower bound, in dollars (`oracle_totals` prints both; the bound
/// to the cent, as the solver has it in floating point).
pub const BEYOND_THE_SOLVER: [(Input, &str, &str); 8] = [
    (
        Input {
            seed: 12,
            index: 93,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"text-to-image","model":"kolors-v2.1","quantity":14946},{"service":"video","model":"kling-v3-omni","mode":"pro","audio":"none","resolution":"1080p","input":"video-edit","quantity":9,"duration":4},{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"4k","quantity":64,"duration":4,"attemptsPerKept":"1.5"},{"service":"video","model":"kling-v2.6","mode":"pro","audio":"voice","quantity":5,"duration":5}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","balances":[{"pool":"video","units":"2176","daysLeft":101},{"pool":"image","units":"17272","daysLeft":347}],"quotes":[{"pool":"video","name":"Quote 1","price":"3607.84","units":"30775","validityDays":273,"concurrency":13},{"pool":"video","name":"Quote 2","price":"2110.96","units":"16808","validityDays":270}]}"#,
        },
        "707917.51",
        "707710.97",
    ),
    (
        Input {
            seed: 12,
            index: 258,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video-to-audio","quantity":41},{"service":"video","model":"kling-v2.5-turbo","mode":"std","audio":"none","quantity":2046,"duration":5}]}"#,
            options: r#"{"horizonMonths":21,"growthPercent":"40","balances":[{"pool":"video","units":"6096","daysLeft":231}],"quotes":[{"pool":"video","name":"Quote 1","price":"13812.62","units":"123403","validityDays":90,"concurrency":17},{"pool":"video","name":"Quote 2","price":"31602.19","units":"276762","validityDays":38,"concurrency":7}],"perUseSource":"fal"}"#,
        },
        "1008628.083",
        "1008585.27",
    ),
    (
        Input {
            seed: 12,
            index: 280,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"lip-sync","quantity":918,"videoSeconds":104},{"service":"video","model":"kling-v3","mode":"std","audio":"native","resolution":"720p","quantity":252,"duration":6},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":133,"duration":15}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"1191.56","units":"10650","validityDays":79},{"pool":"video","name":"Quote 2","price":"2128.08","units":"19462","validityDays":216}],"perUseSource":"fal"}"#,
        },
        "9567130.975",
        "9567130.97",
    ),
    (
        Input {
            seed: 22,
            index: 92,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-video-o1","mode":"pro","input":"text-image","quantity":69,"duration":5,"attemptsPerKept":"1.5"},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"720p","quantity":15,"duration":14},{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":1318,"duration":15},{"service":"video","model":"kling-v2.6","mode":"std","audio":"none","quantity":328,"duration":5}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"11.5","balances":[{"pool":"video","units":"104","daysLeft":274}],"peak":{"pool":"video","jobsPerHour":"25","minutesPerJob":"2"},"quotes":[{"pool":"video","name":"Quote 1","price":"21244.79","units":"218509","validityDays":45},{"pool":"video","name":"Quote 2","price":"5238.12","units":"43023","validityDays":180,"concurrency":17}],"perUseSource":"fal"}"#,
        },
        "2529532.14",
        "2528137.13",
    ),
    (
        Input {
            seed: 23,
            index: 24,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"none","resolution":"4k","quantity":85,"duration":9,"attemptsPerKept":"1.5"},{"service":"text-to-image","model":"kolors-v2.1","quantity":1843},{"service":"video","model":"kling-v3","mode":"pro","audio":"none","resolution":"1080p","quantity":36,"duration":14},{"service":"image","model":"kling-image-o1","resolution":"1k-2k","quantity":79}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","packs":[{"pool":"image","name":"Image pack","price":"70","units":"20000","validityDays":30}],"quotes":[{"pool":"video","name":"Quote 1","price":"3717.19","units":"26693","validityDays":180},{"pool":"video","name":"Quote 2","price":"25021.83","units":"225821","validityDays":60,"concurrency":19}],"perUseSource":"fal"}"#,
        },
        "2344134.166",
        "2343356.92",
    ),
    (
        Input {
            seed: 27,
            index: 119,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3-omni","mode":"std","audio":"none","resolution":"720p","input":"text-image","quantity":866,"duration":7},{"service":"video","model":"kling-v3-turbo","mode":"pro","audio":"native","quantity":8,"duration":13,"attemptsPerKept":"1.6"}]}"#,
            options: r#"{"horizonMonths":27,"growthPercent":"27.5","quotes":[{"pool":"video","name":"Quote 1","price":"3816.61","units":"37796","validityDays":30},{"pool":"video","name":"Quote 2","price":"7692.09","units":"52597","validityDays":241}]}"#,
        },
        "994568.11",
        "992387.25",
    ),
    (
        Input {
            seed: 28,
            index: 268,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"std","audio":"voice","resolution":"720p","quantity":1344,"duration":10}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"1","quotes":[{"pool":"video","name":"Quote 1","price":"6125.82","units":"45863","validityDays":365}]}"#,
        },
        "78919.63",
        "78140.00",
    ),
    (
        Input {
            seed: 31,
            index: 174,
            mix: r#"{"edition":"kling-2026","lines":[{"service":"video","model":"kling-v3","mode":"pro","audio":"native","resolution":"1080p","quantity":926,"duration":3}]}"#,
            options: r#"{"horizonMonths":36,"growthPercent":"21.5","quotes":[{"pool":"video","name":"Quote 1","price":"12944.38","units":"115814","validityDays":60}],"perUseSource":"fal"}"#,
        },
        "1921432.171",
        "1921385.95",
    ),
];
