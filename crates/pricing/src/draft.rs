//! A job line as a form holds it: text exactly as typed, so a bad entry is kept and shown with
//! its message instead of being lost. The cascade of choices (service → model → mode →
//! duration) is decided here, not in the view, so it is tested natively.

use super::catalog::Catalog;
use super::catalog::Pool;
use super::error::InputError;
use super::estimate::{price_line, LineEstimate};
use super::format::group;
use super::mix::{parse_line, JobLine, RawLine, RawNumber};
use super::plan::{
    Balance, Peak, PlanOptions, UserPack, MAX_HORIZON_MONTHS, MAX_PACK_UNITS, MAX_PRICE, MAX_VALIDITY_DAYS,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The text of every field of one job line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftLine {
    pub service: String,
    pub model: String,
    pub mode: String,
    pub duration: String,
    pub quantity: String,
    pub video_seconds: String,
    pub attempts_per_kept: String,
}

fn text(s: &str) -> Option<RawNumber> {
    let t = s.trim();
    (!t.is_empty()).then(|| RawNumber::Text(t.to_string()))
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl DraftLine {
    /// A line for `service` with its first priced options and the given quantity.
    pub fn for_service(catalog: &Catalog, service: &str, quantity: u64) -> DraftLine {
        let mut d = DraftLine {
            quantity: quantity.to_string(),
            attempts_per_kept: "1".into(),
            ..Default::default()
        };
        d.set_service(catalog, service);
        d
    }

    /// The form text of a checked line.
    pub fn from_line(line: &JobLine) -> DraftLine {
        DraftLine {
            service: line.service.clone(),
            model: line.model.clone().unwrap_or_default(),
            mode: line.mode.clone().unwrap_or_default(),
            duration: line.duration.map(|d| d.to_string()).unwrap_or_default(),
            quantity: line.quantity.to_string(),
            video_seconds: line.video_seconds.map(|d| d.to_string()).unwrap_or_default(),
            attempts_per_kept: line.attempts_per_kept.normalize().to_string(),
        }
    }

    /// The loose input the core checks.
    pub fn to_raw(&self) -> RawLine {
        RawLine {
            service: opt(&self.service),
            model: opt(&self.model),
            mode: opt(&self.mode),
            duration: text(&self.duration),
            quantity: Some(RawNumber::Text(self.quantity.trim().to_string())),
            video_seconds: text(&self.video_seconds),
            attempts_per_kept: text(&self.attempts_per_kept),
        }
    }

    /// Checks and prices the line (`index` from 0, for messages).
    pub fn price(&self, catalog: &Catalog, index: usize) -> Result<LineEstimate, Vec<InputError>> {
        let line = parse_line(catalog, &self.to_raw())
            .map_err(|es| es.into_iter().map(|e| e.at_line(index)).collect::<Vec<_>>())?;
        price_line(catalog, index, &line).map_err(|e| vec![e])
    }

    /// Switches service, keeping the model, mode and duration where the new service offers them.
    pub fn set_service(&mut self, catalog: &Catalog, service: &str) {
        self.service = service.to_string();
        self.cascade(catalog);
        if let Some(s) = catalog.service(service) {
            if s.takes_video_seconds() && self.video_seconds.trim().is_empty() {
                self.video_seconds = "30".into();
            }
            if !s.takes_video_seconds() {
                self.video_seconds.clear();
            }
        }
    }

    /// Switches model and re-picks mode and duration if they are no longer offered.
    pub fn set_model(&mut self, catalog: &Catalog, model: &str) {
        self.model = model.to_string();
        self.cascade(catalog);
    }

    /// Switches mode and re-picks the duration if it is no longer offered.
    pub fn set_mode(&mut self, catalog: &Catalog, mode: &str) {
        self.mode = mode.to_string();
        self.cascade(catalog);
    }

    /// Makes model, mode and duration a combination the catalog prices, changing as little as
    /// possible: each keeps its value when still offered, else takes the first choice.
    pub fn cascade(&mut self, catalog: &Catalog) {
        let Some(svc) = catalog.service(&self.service) else {
            return;
        };
        fn keep_or_first(current: &str, choices: &[&'static str]) -> String {
            if choices.contains(&current) {
                current.to_string()
            } else {
                choices.first().map(|s| s.to_string()).unwrap_or_default()
            }
        }
        self.model = keep_or_first(&self.model, &svc.models());
        let model = opt(&self.model);
        self.mode = keep_or_first(&self.mode, &svc.modes(model.as_deref()));
        let mode = opt(&self.mode);
        let durations: Vec<String> = svc
            .durations(model.as_deref(), mode.as_deref())
            .iter()
            .map(u32::to_string)
            .collect();
        let durations: Vec<&str> = durations.iter().map(String::as_str).collect();
        let current = self.duration.trim().to_string();
        self.duration = if durations.contains(&current.as_str()) {
            current
        } else {
            durations.first().map(|s| s.to_string()).unwrap_or_default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_catalog;

    #[test]
    fn cascade_keeps_what_still_applies() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        d.set_model(cat, "v2.1");
        d.set_mode(cat, "pro");
        d.duration = "10".into();
        d.set_service(cat, "multi-elements");
        assert_eq!(
            (d.model.as_str(), d.mode.as_str(), d.duration.as_str()),
            ("v1.6", "pro", "10")
        );
        d.set_service(cat, "lip-sync");
        assert_eq!((d.model.as_str(), d.mode.as_str(), d.duration.as_str()), ("", "", ""));
        assert_eq!(d.video_seconds, "30");
        d.set_service(cat, "video");
        d.set_model(cat, "v2.1-master");
        assert_eq!(d.mode, "");
        assert_eq!(d.video_seconds, "");
    }

    #[test]
    fn bad_text_is_kept_and_explained() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        d.quantity = "-3".into();
        let errs = d.price(cat, 2).unwrap_err();
        assert_eq!(d.quantity, "-3");
        assert_eq!(errs[0].message, "line 3: quantity -3 is negative; it must be 0 or more");
    }

    #[test]
    fn round_trips_a_checked_line() {
        let cat = default_catalog();
        let d = DraftLine::for_service(cat, "lip-sync", 60);
        let est = d.price(cat, 0).unwrap();
        assert_eq!(DraftLine::from_line(&est.line), d);
    }
}

/// The plan settings of one pool as a form holds them (text as typed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftPool {
    pub balance_units: String,
    pub balance_days: String,
    pub pack_price: String,
    pub pack_units: String,
    pub pack_days: String,
    pub quote_price: String,
    pub quote_units: String,
    pub quote_days: String,
}

/// The planner's settings as a form holds them. Pools are in [`Pool::ALL`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftOptions {
    pub horizon: String,
    pub growth: String,
    pub trials_used: bool,
    pub peak_jobs_per_hour: String,
    pub peak_minutes_per_job: String,
    pub pools: [DraftPool; 3],
}

impl Default for DraftOptions {
    fn default() -> DraftOptions {
        DraftOptions {
            horizon: "3".into(),
            growth: "0".into(),
            trials_used: false,
            peak_jobs_per_hour: String::new(),
            peak_minutes_per_job: String::new(),
            pools: Default::default(),
        }
    }
}

/// A problem with one plan setting. `key` names the form field: `horizon`, `growth`,
/// `peak.jobsPerHour`, `peak.minutesPerJob`, or `<pool>.<balance|pack|quote>.<part>` with part
/// `units`, `days` or `price` (e.g. `image.pack.price`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub key: String,
    pub message: String,
}

fn dec_field(
    errs: &mut Vec<OptionError>,
    key: &str,
    label: &str,
    text: &str,
    min: Decimal,
    max: Decimal,
    places: u32,
) -> Option<Decimal> {
    let t = text.trim();
    let shown = if t.is_empty() { "(empty)" } else { t };
    let fail = |errs: &mut Vec<OptionError>, why: String| {
        errs.push(OptionError {
            key: key.to_string(),
            message: format!("{label} {shown} {why}"),
        });
        None
    };
    let Some(d) = RawNumber::Text(t.to_string()).to_decimal() else {
        return fail(errs, "is not a number".into());
    };
    if d < min || d > max {
        return fail(
            errs,
            format!("is out of range; it must be from {} to {}", group(min), group(max)),
        );
    }
    if d.normalize().scale() > places {
        return fail(errs, format!("has more than {places} decimal places"));
    }
    Some(d.normalize())
}

fn whole_field(errs: &mut Vec<OptionError>, key: &str, label: &str, text: &str, min: u32, max: u32) -> Option<u32> {
    let d = dec_field(errs, key, label, text, Decimal::from(min), Decimal::from(max), 0)?;
    d.to_u32()
}

impl DraftOptions {
    /// The planner's options from the form, and every problem found. A bad field is left out
    /// (the default or nothing is used instead) and reported; everything else is kept.
    pub fn to_options(&self) -> (PlanOptions, Vec<OptionError>) {
        let mut errs = Vec::new();
        let mut o = PlanOptions::default();
        if let Some(h) = whole_field(&mut errs, "horizon", "Horizon", &self.horizon, 1, MAX_HORIZON_MONTHS) {
            o.horizon_months = h;
        }
        if self.growth.trim().is_empty() {
            o.growth_percent = Decimal::ZERO;
        } else if let Some(g) = dec_field(
            &mut errs,
            "growth",
            "Growth",
            &self.growth,
            Decimal::from(-100),
            Decimal::from(1000),
            4,
        ) {
            o.growth_percent = g;
        }
        o.trials_used = self.trials_used;
        let (jobs, mins) = (self.peak_jobs_per_hour.trim(), self.peak_minutes_per_job.trim());
        if !jobs.is_empty() || !mins.is_empty() {
            let j = dec_field(
                &mut errs,
                "peak.jobsPerHour",
                "Peak jobs per hour",
                jobs,
                Decimal::ZERO,
                Decimal::from(1_000_000),
                4,
            );
            let m = dec_field(
                &mut errs,
                "peak.minutesPerJob",
                "Minutes per job",
                mins,
                Decimal::ZERO,
                Decimal::from(1440),
                4,
            );
            if let (Some(j), Some(m)) = (j, m) {
                o.peak = Some(Peak::video(j, m));
            }
        }
        let max_units = Decimal::from(MAX_PACK_UNITS);
        for (pool, d) in Pool::ALL.into_iter().zip(self.pools.iter()) {
            let p = pool.id();
            if !d.balance_units.trim().is_empty() || !d.balance_days.trim().is_empty() {
                let u = dec_field(
                    &mut errs,
                    &format!("{p}.balance.units"),
                    "Balance",
                    &d.balance_units,
                    Decimal::ZERO,
                    max_units,
                    4,
                );
                let days = whole_field(
                    &mut errs,
                    &format!("{p}.balance.days"),
                    "Days left",
                    &d.balance_days,
                    0,
                    MAX_VALIDITY_DAYS,
                );
                if let (Some(units), Some(days_left)) = (u, days) {
                    o.balances.push(Balance {
                        pool,
                        units,
                        days_left,
                        concurrency: None,
                    });
                }
            }
            for (kind, price, units, days, list) in [
                ("pack", &d.pack_price, &d.pack_units, &d.pack_days, &mut o.packs),
                ("quote", &d.quote_price, &d.quote_units, &d.quote_days, &mut o.quotes),
            ] {
                if price.trim().is_empty() && units.trim().is_empty() && days.trim().is_empty() {
                    continue;
                }
                let pr = dec_field(
                    &mut errs,
                    &format!("{p}.{kind}.price"),
                    "Price",
                    price,
                    Decimal::ZERO,
                    Decimal::from(MAX_PRICE),
                    6,
                );
                let un = dec_field(
                    &mut errs,
                    &format!("{p}.{kind}.units"),
                    "Units",
                    units,
                    Decimal::new(1, 4),
                    max_units,
                    4,
                );
                let dy = whole_field(
                    &mut errs,
                    &format!("{p}.{kind}.days"),
                    "Validity",
                    days,
                    1,
                    MAX_VALIDITY_DAYS,
                );
                if let (Some(price), Some(units), Some(validity_days)) = (pr, un, dy) {
                    let name = if kind == "pack" { "Your pack" } else { "Custom quote" };
                    list.push(UserPack {
                        pool,
                        name: name.to_string(),
                        price,
                        units,
                        validity_days,
                        concurrency: None,
                    });
                }
            }
        }
        (o, errs)
    }
}

#[cfg(test)]
mod option_tests {
    use super::*;

    #[test]
    fn defaults_plan_three_months() {
        let (o, errs) = DraftOptions::default().to_options();
        assert!(errs.is_empty());
        assert_eq!(o, PlanOptions::default());
    }

    #[test]
    fn bad_fields_are_reported_and_the_rest_kept() {
        let mut d = DraftOptions {
            horizon: "40".into(),
            growth: "5".into(),
            trials_used: true,
            ..Default::default()
        };
        d.pools[1] = DraftPool {
            pack_price: "70".into(),
            pack_units: "20000".into(),
            pack_days: "30".into(),
            ..Default::default()
        };
        d.pools[0].quote_price = "5000".into();
        let (o, errs) = d.to_options();
        assert_eq!(o.horizon_months, 3);
        assert_eq!(o.growth_percent, Decimal::from(5));
        assert!(o.trials_used);
        assert_eq!(o.packs.len(), 1);
        assert_eq!(o.packs[0].pool, Pool::Image);
        assert!(o.quotes.is_empty());
        let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["horizon", "video.quote.units", "video.quote.days"]);
        assert_eq!(errs[0].message, "Horizon 40 is out of range; it must be from 1 to 36");
        assert_eq!(errs[1].message, "Units (empty) is not a number");
    }
}
