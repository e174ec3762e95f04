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
    pub packages: Vec<PackageFile>,
    pub services: Vec<ServiceFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub title: String,
    pub kind: String,
    pub url: String,
}

/// An entry's provenance as written; a field left out is inherited or defaulted when checked.
#[derive(Default, Clone)]
pub struct ProvFile {
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageFile {
    pub id: String,
    pub name: String,
    pub pool: String,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceFile {
    pub id: String,
    pub name: String,
    pub pool: String,
    pub description: String,
    pub segment_seconds: Option<u32>,
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
    pub rows: Vec<RowFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowFile {
    pub model: Option<String>,
    pub mode: Option<String>,
    pub seconds: Option<u32>,
    pub units: String,
    pub source: Option<String>,
    pub status: Option<String>,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
}

impl PoolFile {
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

/// The entries of the data file `file` (named in errors) holding `text`.
pub fn parse(file: &str, text: &str) -> Result<CatalogFile, CatalogError> {
    toml::from_str(text).map_err(|e| CatalogError::new(file, "", e.to_string()))
}
