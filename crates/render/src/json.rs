//! The JSON export's writer: the estimate and the plan in exactly the shape their `serde`
//! derives give (the JS API's `estimate()` and `plan()`), written field by field.
//!
//! Why not `serde_json` in the page: serialising through serde compiles a copy of the
//! serialiser for every field type of every exported struct, 10.9 KB of the page's wasm (4.5 KB
//! gzip) against its size budget; this writer is a fraction of that. The JS API keeps serde.
//! Tests check the output against `serde_json` for the same values, so the two shapes cannot
//! drift apart unnoticed.

use kling_pricing::catalog::{Pool, Provenance, Status};
use kling_pricing::estimate::{Estimate, LineEstimate, PoolTotal};
use kling_pricing::mix::JobLine;
use kling_pricing::plan::{
    Alternative, ConcurrencyVerdict, CustomAdvice, PackSource, PeriodRow, PlanResult, PoolOutcome, PoolPlan, Purchase,
};
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Pretty-printed JSON (two-space indent, as `serde_json::to_string_pretty`), written in order.
#[derive(Default)]
pub struct Json {
    out: String,
    depth: usize,
    /// Nothing written yet in the innermost object or array.
    empty: bool,
}

impl Json {
    pub fn new() -> Json {
        Json::default()
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Starts the next member or element.
    fn next(&mut self) {
        if self.depth > 0 {
            if !self.empty {
                self.out.push(',');
            }
            self.newline();
        }
        self.empty = false;
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, c: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(c);
        self.empty = false;
    }

    /// An object, its members written by `f`.
    pub fn object(&mut self, f: impl FnOnce(&mut Json)) {
        self.open('{');
        f(self);
        self.close('}');
    }

    /// An array of `items`, each written by `f`.
    pub fn array<T>(&mut self, items: &[T], f: impl Fn(&mut Json, &T)) {
        self.open('[');
        for item in items {
            self.next();
            f(self, item);
        }
        self.close(']');
    }

    /// Starts member `key` of the current object; its value is written next.
    pub fn key(&mut self, key: &str) -> &mut Json {
        self.next();
        self.quoted(key);
        self.out.push_str(": ");
        self
    }

    fn quoted(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    pub fn str(&mut self, text: &str) {
        self.quoted(text);
    }

    /// A decimal, as a string (how `rust_decimal`'s `serde-str` writes it).
    pub fn dec(&mut self, d: Decimal) {
        self.quoted(&d.to_string());
    }

    pub fn int(&mut self, n: u64) {
        let _ = write!(self.out, "{n}");
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    pub fn opt_dec(&mut self, d: Option<Decimal>) {
        match d {
            Some(d) => self.dec(d),
            None => self.null(),
        }
    }

    pub fn opt_int(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.int(n),
            None => self.null(),
        }
    }

    /// An array of strings.
    pub fn strs(&mut self, items: &[&str]) {
        self.array(items, |j, s| j.str(s));
    }
}

fn pool(j: &mut Json, p: Pool) {
    j.str(p.id());
}

fn job_line(j: &mut Json, l: &JobLine) {
    j.object(|j| {
        j.key("service").str(&l.service);
        if let Some(m) = &l.model {
            j.key("model").str(m);
        }
        if let Some(m) = &l.mode {
            j.key("mode").str(m);
        }
        if let Some(d) = l.duration {
            j.key("duration").int(d.into());
        }
        j.key("quantity").int(l.quantity);
        if let Some(s) = l.video_seconds {
            j.key("videoSeconds").int(s.into());
        }
        j.key("attemptsPerKept").dec(l.attempts_per_kept);
    });
}

fn provenance(j: &mut Json, p: &Provenance) {
    j.object(|j| {
        j.key("source").str(p.source);
        j.key("status").str(match p.status {
            Status::Confirmed => "confirmed",
            Status::Contradicted => "contradicted",
            Status::Unconfirmed => "unconfirmed",
        });
        if let Some(c) = p.confirmed_by {
            j.key("confirmedBy").str(c);
        }
        if let Some(n) = p.note {
            j.key("note").str(n);
        }
    });
}

fn line_estimate(j: &mut Json, l: &LineEstimate) {
    j.object(|j| {
        j.key("index").int(l.index as u64);
        job_line(j.key("line"), &l.line);
        j.key("label").str(&l.label);
        pool(j.key("pool"), l.pool);
        j.key("unitsPerJob").dec(l.units_per_job);
        if let Some(s) = l.segments {
            j.key("segments").int(s);
        }
        j.key("units").dec(l.units);
        j.key("value").dec(l.value);
        provenance(j.key("provenance"), &l.provenance);
    });
}

fn pool_total(j: &mut Json, p: &PoolTotal) {
    j.object(|j| {
        pool(j.key("pool"), p.pool);
        j.key("unitPrice").dec(p.unit_price);
        j.key("units").dec(p.units);
        j.key("value").dec(p.value);
    });
}

/// An [`Estimate`] as the JS API's `estimate()` returns it.
pub fn estimate(j: &mut Json, e: &Estimate) {
    j.object(|j| {
        j.key("edition").str(e.edition);
        j.key("lines").array(&e.lines, line_estimate);
        j.key("pools").array(&e.pools, pool_total);
        j.key("totalValue").dec(e.total_value);
    });
}

fn purchase(j: &mut Json, p: &Purchase) {
    j.object(|j| {
        j.key("month").int(p.month.into());
        j.key("packageId").str(&p.package_id);
        j.key("name").str(&p.name);
        j.key("source").str(match p.source {
            PackSource::Catalog => "catalog",
            PackSource::Pack => "pack",
            PackSource::Quote => "quote",
        });
        j.key("trial").bool(p.trial);
        j.key("count").int(p.count);
        j.key("price").dec(p.price);
        j.key("units").dec(p.units);
        j.key("validityDays").int(p.validity_days.into());
        j.key("cost").dec(p.cost);
    });
}

fn period(j: &mut Json, p: &PeriodRow) {
    j.object(|j| {
        j.key("month").int(p.month.into());
        j.key("demand").dec(p.demand);
        j.key("startBalance").dec(p.start_balance);
        j.key("bought").dec(p.bought);
        j.key("used").dec(p.used);
        j.key("forfeited").dec(p.forfeited);
        j.key("endBalance").dec(p.end_balance);
        j.key("concurrency").opt_int(p.concurrency.map(u64::from));
        match p.carries_peak {
            Some(b) => j.key("carriesPeak").bool(b),
            None => j.key("carriesPeak").null(),
        }
    });
}

fn alternative(j: &mut Json, a: &Alternative) {
    j.object(|j| {
        j.key("label").str(&a.label);
        j.key("feasible").bool(a.feasible);
        j.key("totalCost").opt_dec(a.total_cost);
        j.key("forfeitedUnits").opt_dec(a.forfeited_units);
        j.key("purchaseCount").opt_int(a.purchase_count);
        j.key("extraCost").opt_dec(a.extra_cost);
        j.key("purchases").array(&a.purchases, purchase);
        j.key("reason").str(&a.reason);
    });
}

fn custom(j: &mut Json, c: &CustomAdvice) {
    j.object(|j| {
        j.key("firstMonth").int(c.first_month.into());
        j.key("lastMonth").int(c.last_month.into());
        j.key("windowUnits").dec(c.window_units);
        j.key("largestPackageUnits").dec(c.largest_package_units);
        j.key("quoteMustBeat").opt_dec(c.quote_must_beat);
        j.key("message").str(&c.message);
    });
}

fn concurrency(j: &mut Json, c: &ConcurrencyVerdict) {
    j.object(|j| {
        j.key("inFlight").dec(c.in_flight);
        j.key("needed").int(c.needed.into());
        j.key("bestAvailable").opt_int(c.best_available.map(u64::from));
        j.key("enforced").bool(c.enforced);
        j.key("carried").bool(c.carried);
        j.key("message").str(&c.message);
    });
}

fn pool_plan(j: &mut Json, p: &PoolPlan) {
    j.object(|j| {
        pool(j.key("pool"), p.pool);
        j.key("poolName").str(p.pool_name);
        j.key("outcome").str(match p.outcome {
            PoolOutcome::Planned => "planned",
            PoolOutcome::NoDemand => "noDemand",
            PoolOutcome::NoPackage => "noPackage",
            PoolOutcome::Infeasible => "infeasible",
            PoolOutcome::Unsolved => "unsolved",
        });
        j.key("message").str(&p.message);
        j.key("listPrice").dec(p.list_price);
        j.key("unitStep").dec(p.unit_step);
        j.key("demand").array(&p.demand, |j, d| j.dec(*d));
        j.key("purchases").array(&p.purchases, purchase);
        j.key("totalCost").dec(p.total_cost);
        j.key("unitsBought").dec(p.units_bought);
        j.key("unitsUsed").dec(p.units_used);
        j.key("unitsUsedFromPurchases").dec(p.units_used_from_purchases);
        j.key("forfeitedUnits").dec(p.forfeited_units);
        j.key("forfeitedValue").dec(p.forfeited_value);
        j.key("leftAtEnd").dec(p.left_at_end);
        j.key("effectiveUnitPrice").opt_dec(p.effective_unit_price);
        j.key("periods").array(&p.periods, period);
        j.key("alternatives").array(&p.alternatives, alternative);
        match &p.custom {
            Some(c) => custom(j.key("custom"), c),
            None => j.key("custom").null(),
        }
        match &p.concurrency {
            Some(c) => concurrency(j.key("concurrency"), c),
            None => j.key("concurrency").null(),
        }
        j.key("optimal").bool(p.optimal);
        j.key("costGap").opt_dec(p.cost_gap);
        j.key("unservedMonth").opt_int(p.unserved_month.map(u64::from));
    });
}

/// A [`PlanResult`] as the JS API's `plan()` returns it.
pub fn plan(j: &mut Json, p: &PlanResult) {
    j.object(|j| {
        j.key("edition").str(p.edition);
        j.key("horizonMonths").int(p.horizon_months.into());
        j.key("growthPercent").dec(p.growth_percent);
        j.key("trialsUsed").bool(p.trials_used);
        j.key("pools").array(&p.pools, pool_plan);
        j.key("totalCost").dec(p.total_cost);
        j.key("optimal").bool(p.optimal);
        j.key("assumptions").strs(p.assumptions);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Json)) -> String {
        let mut j = Json::new();
        f(&mut j);
        j.finish()
    }

    #[test]
    fn writes_as_serde_json_pretty_does() {
        // Keys in alphabetical order: `json!` sorts them.
        let expected = serde_json::to_string_pretty(&serde_json::json!({
            "a": "x\"y\\z\n\t\u{1}\u{8}é",
            "b": [],
            "c": {},
            "d": ["1.5", null],
            "e": 7,
            "f": [true, false]
        }))
        .unwrap();
        let ours = text(|j| {
            j.object(|j| {
                j.key("a").str("x\"y\\z\n\t\u{1}\u{8}é");
                j.key("b").array::<u8>(&[], |_, _| {});
                j.key("c").object(|_| {});
                j.key("d")
                    .array(&[Some(Decimal::new(15, 1)), None], |j, d| j.opt_dec(*d));
                j.key("e").int(7);
                j.key("f").array(&[true, false], |j, b| j.bool(*b));
            })
        });
        assert_eq!(ours, expected);
    }

    /// Estimates and plans that between them set every field, optional or not: lip-sync
    /// segments, a contradicted price with its note, user packs, quotes and balances, custom
    /// advice, a concurrency verdict, pools with no demand or no package, an unservable peak.
    fn cases() -> (Vec<Estimate>, Vec<PlanResult>) {
        use kling_pricing::estimate::{brief_lines, estimate_lines};
        use kling_pricing::plan::{plan, Balance, Peak, PlanOptions, UserPack};
        let cat = kling_pricing::default_catalog();
        let mut lines = brief_lines();
        lines.push((
            3,
            JobLine {
                model: Some("v1.0".into()),
                mode: Some("std".into()),
                quantity: 3,
                ..JobLine::new("extension")
            },
        ));
        let estimates = vec![estimate_lines(cat, &lines).0, estimate_lines(cat, &[]).0];
        let d = |n: i64| Decimal::from(n);
        let pack = |pool, price: i64, units: i64, days| UserPack {
            pool,
            name: "Mine \"x\"".into(),
            price: d(price),
            units: d(units),
            validity_days: days,
            concurrency: Some(3),
        };
        let rich = PlanOptions {
            horizon_months: 4,
            growth_percent: Decimal::new(125, 1),
            trials_used: true,
            balances: vec![Balance {
                pool: Pool::Video,
                units: d(900),
                days_left: 20,
                concurrency: None,
            }],
            packs: vec![pack(Pool::Image, 70, 20_000, 30)],
            quotes: vec![pack(Pool::Video, 9_000, 80_000, 180)],
            peak: Some(Peak::video(d(60), d(2))),
        };
        let options = [
            PlanOptions::default(),
            rich,
            PlanOptions {
                growth_percent: d(200),
                ..Default::default()
            },
            PlanOptions {
                peak: Some(Peak::video(d(100_000), d(10))),
                ..Default::default()
            },
            // Only a balance that expires in month 1 carries the peak: later months go unserved.
            PlanOptions {
                balances: vec![Balance {
                    pool: Pool::Video,
                    units: d(100),
                    days_left: 20,
                    concurrency: Some(50),
                }],
                peak: Some(Peak::video(d(2_400), d(1))),
                ..Default::default()
            },
        ];
        let demands = [
            vec![(Pool::Video, d(1_580)), (Pool::Image, d(20_000))],
            vec![(Pool::Video, d(15_000)), (Pool::TryOn, d(10))],
        ];
        let mut plans = Vec::new();
        for o in &options {
            for units in &demands {
                plans.push(plan(cat, units, o).expect("valid options"));
            }
        }
        (estimates, plans)
    }

    #[test]
    fn estimates_and_plans_are_byte_for_byte_what_serde_json_writes() {
        let (estimates, plans) = cases();
        for e in &estimates {
            assert_eq!(text(|j| estimate(j, e)), serde_json::to_string_pretty(e).unwrap());
        }
        let mut seen = [false; 6];
        for p in &plans {
            assert_eq!(text(|j| plan(j, p)), serde_json::to_string_pretty(p).unwrap());
            for pp in &p.pools {
                seen[0] |= pp.custom.is_some();
                seen[1] |= pp.concurrency.is_some();
                seen[2] |= pp.outcome == PoolOutcome::NoPackage;
                seen[3] |= pp.outcome == PoolOutcome::Infeasible;
                seen[4] |= pp.purchases.iter().any(|x| x.source == PackSource::Quote);
                seen[5] |= pp.alternatives.iter().any(|a| !a.feasible);
            }
        }
        assert_eq!(seen, [true; 6], "the cases cover every optional part");
        assert!(estimates[0]
            .lines
            .iter()
            .any(|l| l.segments.is_some() && l.provenance.note.is_none()));
        assert!(estimates[0].lines.iter().any(|l| l.provenance.note.is_some()));
    }
}
