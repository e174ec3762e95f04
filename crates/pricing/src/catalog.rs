//! The price catalog: what Kling charges, as data.
//!
//! The numbers live in `catalog/*.toml`; `build.rs` turns each file into a `static Catalog`
//! (see `generated` below), so this module holds only the types and the look-ups.

use rust_decimal::Decimal;
use serde::Serialize;

/// A resource pack type. Each has its own balance and unit price: video units cannot pay for
/// images, and the deduction API names the product type of every charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PoolId"))]
pub enum Pool {
    #[serde(rename = "video")]
    Video,
    #[serde(rename = "image")]
    Image,
    #[serde(rename = "try-on")]
    TryOn,
}

impl Pool {
    /// Every pool, in display order.
    pub const ALL: [Pool; 3] = [Pool::Video, Pool::Image, Pool::TryOn];

    /// The id used in data files, URLs and the JS API.
    pub fn id(self) -> &'static str {
        match self {
            Pool::Video => "video",
            Pool::Image => "image",
            Pool::TryOn => "try-on",
        }
    }

    /// Parses a pool id as written by [`Pool::id`].
    pub fn from_id(id: &str) -> Option<Pool> {
        Pool::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// How far an official page agrees with a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Status {
    /// An official page gives the same number.
    Confirmed,
    /// An official page gives a different number; the catalog keeps its own and says so.
    Contradicted,
    /// No official page gives this number.
    Unconfirmed,
}

/// Where a number comes from and how far to trust it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Provenance {
    /// Key of the [`Source`] the number is taken from.
    pub source: &'static str,
    pub status: Status,
    /// Key of the official [`Source`] that confirms or contradicts it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub confirmed_by: Option<&'static str>,
    /// What a user must know about the number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub note: Option<&'static str>,
}

/// A document prices are taken from or checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    /// Empty when the document has no public address.
    pub url: &'static str,
}

/// A resource pool's list price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PoolInfo {
    pub pool: Pool,
    pub name: &'static str,
    /// Dollars per unit before any package discount.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub unit_price: Decimal,
    pub provenance: Provenance,
}

/// A prepaid package on the menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Package {
    pub id: &'static str,
    pub name: &'static str,
    pub pool: Pool,
    /// `None` for a custom package, whose price is negotiated.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub price: Option<Decimal>,
    pub units: Option<u64>,
    pub validity_days: Option<u32>,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub discount_percent: Option<Decimal>,
    /// Concurrent tasks allowed while this is the highest active package.
    pub concurrency: Option<u32>,
    /// Trials can be bought once per account.
    pub trial: bool,
    /// A custom package is never priced by the calculator; the user enters a quote.
    pub custom: bool,
    pub best_for: &'static str,
    pub provenance: Provenance,
}

impl Package {
    /// Dollars per unit, when the package has a price.
    pub fn unit_price(&self) -> Option<Decimal> {
        match (self.price, self.units) {
            (Some(p), Some(u)) if u > 0 => Some(p / Decimal::from(u)),
            _ => None,
        }
    }
}

/// How a service turns one job into units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Billing {
    /// A fixed number of units per successful job.
    PerJob,
    /// Units per started segment of the input video (lip-sync).
    PerSegment { seconds: u32 },
}

/// One priced combination of a service's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PriceRow {
    pub model: Option<&'static str>,
    pub mode: Option<&'static str>,
    /// Output duration in seconds, for services priced by duration.
    pub seconds: Option<u32>,
    /// Units per job (per segment for [`Billing::PerSegment`]).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    pub provenance: Provenance,
}

/// A billable API feature and its deduction table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Service {
    pub id: &'static str,
    pub name: &'static str,
    pub pool: Pool,
    pub description: &'static str,
    pub billing: Billing,
    pub provenance: Provenance,
    pub rows: &'static [PriceRow],
}

impl Service {
    /// The row for exactly this combination of options, if the catalog prices it.
    pub fn row(&self, model: Option<&str>, mode: Option<&str>, seconds: Option<u32>) -> Option<&'static PriceRow> {
        self.rows
            .iter()
            .find(|r| r.model == model && r.mode == mode && r.seconds == seconds)
    }

    /// The distinct models, in catalog order (empty when the service has no model choice).
    pub fn models(&self) -> Vec<&'static str> {
        distinct(self.rows.iter().filter_map(|r| r.model))
    }

    /// The modes offered for `model`, in catalog order.
    pub fn modes(&self, model: Option<&str>) -> Vec<&'static str> {
        distinct(self.rows.iter().filter(|r| r.model == model).filter_map(|r| r.mode))
    }

    /// The durations offered for `model` and `mode`, in catalog order.
    pub fn durations(&self, model: Option<&str>, mode: Option<&str>) -> Vec<u32> {
        distinct(
            self.rows
                .iter()
                .filter(|r| r.model == model && r.mode == mode)
                .filter_map(|r| r.seconds),
        )
    }

    /// Whether a job line for this service gives the length of its input video.
    pub fn takes_video_seconds(&self) -> bool {
        matches!(self.billing, Billing::PerSegment { .. })
    }
}

fn distinct<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// One edition of the catalog: every price, package and source, as of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalog {
    pub edition: &'static str,
    pub title: &'static str,
    pub as_of: &'static str,
    /// When the numbers were last checked against official pages.
    pub checked: &'static str,
    pub assumptions: &'static [&'static str],
    pub sources: &'static [Source],
    /// Human names of option ids, serialized as an object.
    #[serde(serialize_with = "pairs_as_map")]
    #[cfg_attr(feature = "ts", ts(type = "Record<string, string>"))]
    pub labels: &'static [(&'static str, &'static str)],
    pub pools: &'static [PoolInfo],
    pub packages: &'static [Package],
    pub services: &'static [Service],
}

impl Catalog {
    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&'static Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The list price of a pool. Every edition lists every pool (checked at build time).
    pub fn pool(&self, pool: Pool) -> &'static PoolInfo {
        self.pools.iter().find(|p| p.pool == pool).unwrap_or(&self.pools[0])
    }

    /// The package with this id.
    pub fn package(&self, id: &str) -> Option<&'static Package> {
        self.packages.iter().find(|p| p.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A human name for an option id; the id itself when none is given.
    pub fn label<'a>(&self, id: &'a str) -> &'a str {
        self.labels
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, v)| *v)
            .unwrap_or(id)
    }
}

fn pairs_as_map<S: serde::Serializer>(pairs: &&[(&str, &str)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
}

pub use generated::EDITIONS;

/// The edition used when none is asked for.
pub fn default_catalog() -> &'static Catalog {
    EDITIONS[0]
}

/// The catalog edition with this id.
pub fn edition(id: &str) -> Option<&'static Catalog> {
    EDITIONS.iter().copied().find(|c| c.edition == id)
}
