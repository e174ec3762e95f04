//! Units and list value of a job mix: per line, per pool, in total.
//!
//! This is where every service is priced: a line's units are its catalog row's units, times
//! segments for lip-sync, times quantity, times attempts per kept output. Dollars are units times
//! the pool's list price. All of it in `Decimal`, so the figures are exact.

use super::catalog::{Billing, Catalog, Pool, PriceRow, Provenance, Retirement, Service, Variant};
use super::error::{Field, InputError, Problem};
use super::mix::{parse_mix, JobLine, RawMix};
use rust_decimal::Decimal;
use serde::Serialize;

/// The figures for one job line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineEstimate {
    /// Index of the line in the input mix (from 0).
    pub index: usize,
    pub line: JobLine,
    /// A human description, e.g. "Text-to-video / image-to-video · Kling V2.1 · Professional (1080p) · 5 s".
    pub label: String,
    pub pool: Pool,
    /// Units of one successful job (all segments of a lip-sync video).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units_per_job: Decimal,
    /// Billable segments per job (lip-sync only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub segments: Option<u64>,
    /// Units per second of requested video, for a model priced per second (units per job is
    /// this times the duration).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "DecimalString"))]
    pub units_per_second: Option<Decimal>,
    /// Seconds billed per job when they differ from the seconds delivered: a model given an
    /// input video is billed for max(input, output) + output seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub billed_seconds: Option<u32>,
    /// Set when the line's model is retired: it still prices, and a page says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub retired: Option<Retirement>,
    /// Units per month: units per job × quantity × attempts per kept output.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    /// List value per month in dollars: units × the pool's unit price.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub value: Decimal,
    /// Where the price comes from and, in editions that state it, its confidence and date.
    pub provenance: Provenance,
}

/// Units and list value of one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PoolTotal {
    pub pool: Pool,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub unit_price: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub value: Decimal,
}

/// The estimate of a whole mix for one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Estimate {
    pub edition: &'static str,
    pub lines: Vec<LineEstimate>,
    /// One entry per pool, in [`Pool::ALL`] order, zero when unused.
    pub pools: Vec<PoolTotal>,
    /// List value of all pools per month. Units of different pools are not added: they are
    /// different currencies.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub total_value: Decimal,
}

impl Estimate {
    /// The total of one pool.
    pub fn pool(&self, pool: Pool) -> &PoolTotal {
        self.pools.iter().find(|p| p.pool == pool).unwrap_or(&self.pools[0])
    }
}

/// Billable segments of a video of `seconds` when billed per `segment` seconds: a started
/// segment counts whole (the conservative reading; the guide does not say).
pub fn segments(seconds: u32, segment: u32) -> u64 {
    u64::from(seconds.div_ceil(segment.max(1)))
}

/// The seconds a per-second line is billed for per job (`find` matched its duration to the
/// row's range, so it is there; an input video is there when the row takes one).
pub fn billed(row: &PriceRow, line: &JobLine) -> u32 {
    row.billed_seconds(line.duration.unwrap_or(0), line.video_seconds.unwrap_or(0))
}

/// Prices one checked line. Fails only if the line does not match the catalog (a line made by
/// hand rather than by [`crate::mix::parse_line`]).
pub fn price_line(catalog: &Catalog, index: usize, line: &JobLine) -> Result<LineEstimate, InputError> {
    let service = catalog.service(&line.service).ok_or_else(|| {
        InputError::new(
            Field::Service,
            line.service.clone(),
            Problem::Unknown {
                choices: catalog.services.iter().map(|s| s.id.to_string()).collect(),
            },
        )
        .at_line(index)
    })?;
    let row = service.find(&line.choice()).ok_or_else(|| {
        let what = [line.model.as_deref(), line.mode.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        InputError::new(
            Field::Model,
            what,
            Problem::Unknown {
                choices: service.models().iter().map(|m| m.to_string()).collect(),
            },
        )
        .at_line(index)
    })?;
    // The user's own figure replaces a guessed one (`parse_line` allows it nowhere else).
    let rate = line.own_units.unwrap_or(row.units);
    let (units_per_job, segs, per_second) = match service.billing {
        Billing::PerJob => (rate, None, None),
        Billing::PerSegment { seconds } => {
            let n = segments(line.video_seconds.unwrap_or(0), seconds);
            (rate * Decimal::from(n), Some(n), None)
        }
        Billing::PerSecond => (rate * Decimal::from(billed(row, line)), None, Some(rate)),
    };
    let units = (units_per_job * Decimal::from(line.quantity) * line.attempts_per_kept).normalize();
    let price = catalog.pool(service.pool).unit_price;
    Ok(LineEstimate {
        index,
        line: line.clone(),
        label: label(catalog, service, line),
        pool: service.pool,
        units_per_job: units_per_job.normalize(),
        segments: segs,
        units_per_second: per_second.map(|u| u.normalize()),
        billed_seconds: row.input_video.then(|| billed(row, line)),
        retired: row.retired,
        units,
        value: (units * price).normalize(),
        provenance: row.provenance,
    })
}

/// A human description of a line: service, model, mode, the variants that are not the plain
/// choice, duration, input video length.
fn label(catalog: &Catalog, service: &Service, line: &JobLine) -> String {
    let mut parts = vec![service.name.to_string()];
    parts.extend(
        line.model
            .iter()
            .chain(line.mode.iter())
            .map(|o| catalog.label(o).to_string()),
    );
    let choice = line.choice();
    let input_video = matches!(service.billing, Billing::PerSecond) && service.takes_video_seconds(&choice);
    for (v, value) in Variant::ALL.into_iter().zip(choice.variants) {
        let plain = service.variant_choices(&choice, v).first().copied();
        if let Some(value) = value.filter(|&value| Some(value) != plain) {
            parts.push(catalog.label(value).to_string());
        }
    }
    if let Some(s) = line.duration {
        parts.push(format!("{s} s"));
    }
    match (line.video_seconds, input_video) {
        (Some(s), true) => {
            let out = line.duration.unwrap_or(0);
            parts.push(format!(
                "{s} s input video, {} s billed",
                s.max(out).saturating_add(out)
            ));
        }
        (Some(s), false) => parts.push(format!("{s} s video")),
        (None, _) => {}
    }
    parts.join(" · ")
}

/// Adds up priced lines per pool and overall.
pub fn total(catalog: &'static Catalog, lines: Vec<LineEstimate>) -> Estimate {
    let figures: Vec<(Pool, Decimal)> = lines.iter().map(|l| (l.pool, l.units)).collect();
    Estimate {
        lines,
        ..pool_totals(catalog, &figures)
    }
}

/// The totals of lines given by their pool and units per month: [`total`] without the
/// per-line figures (its `lines` is empty). Cheap enough to redo on every keystroke.
pub fn pool_totals(catalog: &'static Catalog, lines: &[(Pool, Decimal)]) -> Estimate {
    let pools: Vec<PoolTotal> = Pool::ALL
        .iter()
        .map(|&pool| {
            let units: Decimal = lines.iter().filter(|l| l.0 == pool).map(|l| l.1).sum();
            let unit_price = catalog.pool(pool).unit_price;
            PoolTotal {
                pool,
                unit_price,
                units: units.normalize(),
                value: (units * unit_price).normalize(),
            }
        })
        .collect();
    let total_value = pools.iter().map(|p| p.value).sum::<Decimal>().normalize();
    Estimate {
        edition: catalog.edition,
        lines: Vec::new(),
        pools,
        total_value,
    }
}

/// Estimates checked lines. Lines that do not match the catalog are reported, not priced.
pub fn estimate_lines(catalog: &'static Catalog, lines: &[(usize, JobLine)]) -> (Estimate, Vec<InputError>) {
    let mut priced = Vec::with_capacity(lines.len());
    let mut errors = Vec::new();
    for (i, line) in lines {
        match price_line(catalog, *i, line) {
            Ok(l) => priced.push(l),
            Err(e) => errors.push(e),
        }
    }
    (total(catalog, priced), errors)
}

/// Parses and estimates a raw mix: the estimate of every good line, and every problem found.
/// An unknown edition is a problem, and the default edition is used so nothing else is lost.
pub fn estimate_raw(raw: &RawMix) -> (Estimate, Vec<InputError>) {
    let mut errors = Vec::new();
    let catalog = match raw.edition.as_deref() {
        None | Some("") => super::catalog::default_catalog(),
        Some(id) => super::catalog::edition(id).unwrap_or_else(|| {
            errors.push(InputError::mix(
                Field::Edition,
                id.to_string(),
                Problem::Unknown {
                    choices: super::catalog::EDITIONS.iter().map(|c| c.edition.to_string()).collect(),
                },
            ));
            super::catalog::default_catalog()
        }),
    };
    let parsed = parse_mix(catalog, raw);
    errors.extend(parsed.errors);
    let (est, more) = estimate_lines(catalog, &parsed.lines);
    errors.extend(more);
    (est, errors)
}

/// The brief's sample mix, as the page opens with it: 400 five-second V2.1 Professional videos,
/// 60 lip-syncs of 30 s, 5,000 Kolors V2.1 images a month. A fixture shared by this crate's and
/// the render crate's tests (not compiled into a build that does not call it).
pub fn brief_lines() -> Vec<(usize, JobLine)> {
    vec![
        (
            0,
            JobLine {
                model: Some("v2.1".into()),
                mode: Some("pro".into()),
                duration: Some(5),
                quantity: 400,
                ..JobLine::new("video")
            },
        ),
        (
            1,
            JobLine {
                quantity: 60,
                video_seconds: Some(30),
                ..JobLine::new("lip-sync")
            },
        ),
        (
            2,
            JobLine {
                model: Some("kolors-v2.1".into()),
                quantity: 5000,
                ..JobLine::new("text-to-image")
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;

    #[test]
    fn pool_totals_agree_with_total() {
        let cat = default_catalog();
        let lines = brief_lines();
        let (est, errors) = estimate_lines(cat, &lines);
        assert!(errors.is_empty());
        let figures: Vec<(Pool, Decimal)> = est.lines.iter().map(|l| (l.pool, l.units)).collect();
        let sums = pool_totals(cat, &figures);
        assert!(sums.lines.is_empty());
        assert_eq!(
            Estimate {
                lines: est.lines.clone(),
                ..sums
            },
            est
        );
        assert_eq!(pool_totals(cat, &[]).total_value, Decimal::ZERO);
    }
}
