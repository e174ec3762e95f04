//! Parse: a catalog data file's text into its entries, as written (nothing checked yet beyond
//! the shape: an unknown key or a wrong type is a parse error).

use crate::validate::CatalogError;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    pub edition: String,
    pub title: String,
    pub as_of: String,
    pub checked: String,
    pub default_source: String,
    #[serde(default)]
    pub assumptions: Vec<String>,
    pub sources: BTreeMap<String, SourceFile>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    pub pools: Vec<PoolFile>,
    /// The package menus: which set of prepaid packages the planner buys from. At least one;
    /// the first is the edition's default (a link or a call that names none).
    #[serde(default)]
    pub menus: Vec<MenuFile>,
    pub packages: Vec<PackageFile>,
    pub services: Vec<ServiceFile>,
    /// Retired models by model id: every row of the model, in any service, is marked.
    #[serde(default)]
    pub retirements: BTreeMap<String, RetirementFile>,
    /// Sellers of Kling's models per use (no expiry, no minimum), each with its price list.
    #[serde(default)]
    pub per_use: Vec<PerUseFile>,
}

/// A per-use seller's price list as written: prices keyed to catalog rows.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerUseFile {
    pub id: String,
    pub name: String,
    pub source: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
    pub note: Option<String>,
    pub prices: Vec<PerUsePriceFile>,
}

/// One per-use price: the catalog row it is for (service and the row's options, as the row
/// writes them), the dollars, and the unit they are per (`second`, `segment` or `job`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerUsePriceFile {
    pub service: String,
    pub model: Option<String>,
    pub mode: Option<String>,
    pub seconds: Option<u32>,
    pub audio: Option<String>,
    pub resolution: Option<String>,
    pub input: Option<String>,
    pub price: String,
    pub per: String,
    pub source: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
    pub note: Option<String>,
}

/// A model's retirement as written; both fields are checked (and required) by validate.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetirementFile {
    pub date: Option<String>,
    pub source: Option<String>,
}

/// The whole durations a per-second row takes: `min` to `max` by `step` (1 when left out).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationsFile {
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub step: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub title: String,
    pub kind: String,
    pub url: String,
    pub date: Option<String>,
}

/// An entry's provenance as written; a field left out is inherited or defaulted when checked.
#[derive(Default, Clone)]
pub struct ProvFile {
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
}

/// The provenance fields of an entry. (They are not a flattened struct because serde cannot
/// deny unknown keys through `flatten`, and a typo in a key must fail the build.)
macro_rules! prov_of {
    ($entry:expr) => {
        ProvFile {
            source: $entry.source.clone(),
            status: $entry.status.clone(),
            confirmed_by: $entry.confirmed_by.clone(),
            note: $entry.note.clone(),
            confidence: $entry.confidence.clone(),
            as_of: $entry.as_of.clone(),
        }
    };
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolFile {
    pub id: String,
    pub name: String,
    pub unit_price: String,
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
}

/// A package menu as written: a named set of packages with its own source and confidence.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuFile {
    pub id: String,
    pub name: String,
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageFile {
    pub id: String,
    pub name: String,
    pub pool: String,
    /// The menu the package is on; left out, every menu of the edition.
    pub menu: Option<String>,
    pub price: Option<String>,
    pub units: Option<u64>,
    pub validity_days: Option<u32>,
    pub concurrency: Option<u32>,
    pub discount_percent: Option<String>,
    #[serde(default)]
    pub trial: bool,
    #[serde(default)]
    pub custom: bool,
    pub best_for: String,
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceFile {
    pub id: String,
    pub name: String,
    pub pool: String,
    pub description: String,
    pub segment_seconds: Option<u32>,
    /// Rows are priced per second of requested output (each row gives its `durations`).
    #[serde(default)]
    pub per_second: bool,
    /// The values each variant (audio, resolution, input) takes in this service's rows, the
    /// plain one first.
    #[serde(default)]
    pub variants: BTreeMap<String, Vec<String>>,
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
    pub rows: Vec<RowFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowFile {
    pub model: Option<String>,
    pub mode: Option<String>,
    pub seconds: Option<u32>,
    pub audio: Option<String>,
    pub resolution: Option<String>,
    pub input: Option<String>,
    pub durations: Option<DurationsFile>,
    /// A job takes an input (reference or source) video as well as its output, and is billed
    /// for max(input, output) + output seconds.
    #[serde(default)]
    pub input_video: bool,
    pub units: String,
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
    pub confidence: Option<String>,
    pub as_of: Option<String>,
}

impl PoolFile {
    pub fn prov(&self) -> ProvFile {
        prov_of!(self)
    }
}

impl MenuFile {
    pub fn prov(&self) -> ProvFile {
        prov_of!(self)
    }
}

impl PackageFile {
    pub fn prov(&self) -> ProvFile {
        prov_of!(self)
    }
}

impl ServiceFile {
    pub fn prov(&self) -> ProvFile {
        prov_of!(self)
    }
}

impl RowFile {
    pub fn prov(&self) -> ProvFile {
        prov_of!(self)
    }
}

/// A per-use entry's or price's provenance: no official page confirms a seller's price, so
/// its status is always unconfirmed.
macro_rules! per_use_prov_of {
    ($entry:expr) => {
        ProvFile {
            source: $entry.source.clone(),
            status: Some("unconfirmed".to_string()),
            confirmed_by: None,
            note: $entry.note.clone(),
            confidence: $entry.confidence.clone(),
            as_of: $entry.as_of.clone(),
        }
    };
}

impl PerUseFile {
    pub fn prov(&self) -> ProvFile {
        per_use_prov_of!(self)
    }
}

impl PerUsePriceFile {
    pub fn prov(&self) -> ProvFile {
        per_use_prov_of!(self)
    }
}

/// The entries of the data file `file` (named in errors) holding `text`.
pub fn parse(file: &str, text: &str) -> Result<CatalogFile, CatalogError> {
    toml::from_str(text).map_err(|e| CatalogError::new(file, "", e.to_string()))
}
