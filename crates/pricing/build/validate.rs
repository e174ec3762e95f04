//! Validate: every rule a catalog must keep, checked on the parsed file before anything is
//! emitted. The result holds what emitting needs beyond the file as written: pools as
//! `Pool` variants, numbers as decimals, and every entry's provenance resolved.

use crate::parse::{CatalogFile, PackageFile, PoolFile, ProvFile, RowFile, ServiceFile};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

/// What is wrong with a catalog data file: the file, the entry (`package "pro"`,
/// `service "video" row 3`; empty for the file as a whole) and the rule it breaks.
#[derive(Debug, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub entry: String,
    pub message: String,
}

impl CatalogError {
    pub fn new(file: &str, entry: &str, message: String) -> CatalogError {
        CatalogError {
            file: file.to_string(),
            entry: entry.to_string(),
            message,
        }
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid catalog {}: ", self.file)?;
        if !self.entry.is_empty() {
            write!(f, "{}: ", self.entry)?;
        }
        f.write_str(&self.message)
    }
}

type Result<T> = std::result::Result<T, CatalogError>;

/// An entry's provenance with inheritance and defaults applied; `status` is the name of a
/// `Status` variant.
pub struct Prov {
    pub source: String,
    pub status: &'static str,
    pub confirmed_by: Option<String>,
    pub note: Option<String>,
}

/// A checked catalog: the file as written, plus what emitting needs that checking worked out.
pub struct Checked<'f> {
    pub file: &'f CatalogFile,
    pub pools: Vec<CheckedPool<'f>>,
    pub packages: Vec<CheckedPackage<'f>>,
    pub services: Vec<CheckedService<'f>>,
}

pub struct CheckedPool<'f> {
    pub file: &'f PoolFile,
    /// The `Pool` variant.
    pub variant: &'static str,
    pub unit_price: Decimal,
    pub prov: Prov,
}

pub struct CheckedPackage<'f> {
    pub file: &'f PackageFile,
    pub pool: &'static str,
    pub price: Option<Decimal>,
    pub discount_percent: Option<Decimal>,
    pub prov: Prov,
}

pub struct CheckedService<'f> {
    pub file: &'f ServiceFile,
    pub pool: &'static str,
    pub prov: Prov,
    pub rows: Vec<CheckedRow<'f>>,
}

pub struct CheckedRow<'f> {
    pub file: &'f RowFile,
    pub units: Decimal,
    pub prov: Prov,
}

/// Checks `f`, parsed from the data file `file` of edition `edition`.
pub fn validate<'f>(file: &str, edition: &str, f: &'f CatalogFile) -> Result<Checked<'f>> {
    let cx = Context {
        file,
        f,
        sources: f.sources.keys().map(String::as_str).collect(),
    };
    if f.edition != edition {
        let why = format!("edition is {:?} but the file name says {edition:?}", f.edition);
        return Err(cx.error("", why));
    }
    if !cx.sources.contains(f.default_source.as_str()) {
        let why = format!("default_source {:?} is not a key of [sources]", f.default_source);
        return Err(cx.error("", why));
    }
    let pools = cx.pools()?;
    let mut ids = HashSet::new();
    let packages = f
        .packages
        .iter()
        .map(|p| cx.package(p, &mut ids))
        .collect::<Result<_>>()?;
    let mut ids = HashSet::new();
    let services = f
        .services
        .iter()
        .map(|s| cx.service(s, &mut ids))
        .collect::<Result<_>>()?;
    Ok(Checked {
        file: f,
        pools,
        packages,
        services,
    })
}

/// The file being checked, for messages and look-ups.
struct Context<'c, 'f> {
    file: &'c str,
    f: &'f CatalogFile,
    sources: HashSet<&'f str>,
}

impl<'f> Context<'_, 'f> {
    fn error(&self, entry: &str, message: String) -> CatalogError {
        CatalogError::new(self.file, entry, message)
    }

    /// Every pool once, all three of them.
    fn pools(&self) -> Result<Vec<CheckedPool<'f>>> {
        let mut pools: Vec<CheckedPool> = Vec::new();
        for p in &self.f.pools {
            let entry = format!("pool {:?}", p.id);
            let variant = self.pool_variant(&entry, &p.id)?;
            if pools.iter().any(|seen| seen.variant == variant) {
                return Err(self.error(&entry, "is listed twice".into()));
            }
            let unit_price = self.decimal(&entry, "unit_price", &p.unit_price, false)?;
            let prov = self.prov(&entry, &p.prov(), None)?;
            pools.push(CheckedPool {
                file: p,
                variant,
                unit_price,
                prov,
            });
        }
        if pools.len() != 3 {
            return Err(self.error("", "every edition must list the video, image and try-on pools".into()));
        }
        Ok(pools)
    }

    /// A package: a new id, a known pool, and the terms a package you can buy must state.
    fn package(&self, p: &'f PackageFile, ids: &mut HashSet<&'f str>) -> Result<CheckedPackage<'f>> {
        let entry = format!("package {:?}", p.id);
        if !ids.insert(&p.id) {
            return Err(self.error(&entry, "is listed twice".into()));
        }
        let pool = self.pool_variant(&entry, &p.pool)?;
        let terms = [
            p.price.is_some(),
            p.units.is_some(),
            p.validity_days.is_some(),
            p.concurrency.is_some(),
        ];
        if !p.custom && terms.contains(&false) {
            let why = "a non-custom package needs price, units, validity_days and concurrency";
            return Err(self.error(&entry, why.into()));
        }
        if p.units == Some(0) || p.validity_days == Some(0) {
            return Err(self.error(&entry, "units and validity_days must be positive".into()));
        }
        let decimal = |what, text: &Option<String>, zero_ok| {
            text.as_ref()
                .map(|t| self.decimal(&entry, what, t, zero_ok))
                .transpose()
        };
        Ok(CheckedPackage {
            file: p,
            pool,
            price: decimal("price", &p.price, false)?,
            discount_percent: decimal("discount_percent", &p.discount_percent, true)?,
            prov: self.prov(&entry, &p.prov(), None)?,
        })
    }

    /// A service: a new id, a known pool, a positive segment length, and its rows.
    fn service(&self, s: &'f ServiceFile, ids: &mut HashSet<&'f str>) -> Result<CheckedService<'f>> {
        let entry = format!("service {:?}", s.id);
        if !ids.insert(&s.id) {
            return Err(self.error(&entry, "is listed twice".into()));
        }
        if s.rows.is_empty() {
            return Err(self.error(&entry, "has no rows".into()));
        }
        let pool = self.pool_variant(&entry, &s.pool)?;
        if s.segment_seconds == Some(0) {
            return Err(self.error(&entry, "segment_seconds must be positive".into()));
        }
        let prov = self.prov(&entry, &s.prov(), None)?;
        let mut combos = HashSet::new();
        let rows = s.rows.iter().enumerate();
        let rows = rows.map(|(i, r)| self.row(&format!("{entry} row {}", i + 1), r, s, &mut combos));
        Ok(CheckedService {
            file: s,
            pool,
            prov,
            rows: rows.collect::<Result<_>>()?,
        })
    }

    /// A price row: an option combination not priced before, labelled options, positive units.
    fn row(
        &self,
        entry: &str,
        r: &'f RowFile,
        service: &ServiceFile,
        combos: &mut HashSet<(&'f Option<String>, &'f Option<String>, Option<u32>)>,
    ) -> Result<CheckedRow<'f>> {
        if !combos.insert((&r.model, &r.mode, r.seconds)) {
            return Err(self.error(entry, "the same model, mode and seconds are priced twice".into()));
        }
        if let Some(id) = r
            .model
            .iter()
            .chain(r.mode.iter())
            .find(|id| !self.f.labels.contains_key(*id))
        {
            return Err(self.error(entry, format!("option {id:?} has no entry in [labels]")));
        }
        Ok(CheckedRow {
            file: r,
            units: self.decimal(entry, "units", &r.units, false)?,
            prov: self.prov(entry, &r.prov(), Some(&service.prov()))?,
        })
    }

    /// The provenance of `entry`: its own fields, else its parent's (a row's service), else
    /// the default source. A row's own note stands alone: a service's note is shown on the
    /// service, not repeated per row.
    fn prov(&self, entry: &str, own: &ProvFile, parent: Option<&ProvFile>) -> Result<Prov> {
        let up = parent.cloned().unwrap_or_default();
        let source = own
            .source
            .clone()
            .or(up.source)
            .unwrap_or_else(|| self.f.default_source.clone());
        let confirmed_by = own.confirmed_by.clone().or(up.confirmed_by);
        let Some(status) = own.status.clone().or(up.status) else {
            return Err(self.error(entry, "no status (confirmed, contradicted or unconfirmed)".into()));
        };
        if let Some(s) = std::iter::once(&source)
            .chain(&confirmed_by)
            .find(|s| !self.sources.contains(s.as_str()))
        {
            return Err(self.error(entry, format!("source {s:?} is not a key of [sources]")));
        }
        let status = match status.as_str() {
            "confirmed" => "Confirmed",
            "contradicted" => "Contradicted",
            "unconfirmed" => "Unconfirmed",
            other => {
                let why = format!("status {other:?} is not confirmed, contradicted or unconfirmed");
                return Err(self.error(entry, why));
            }
        };
        if status != "Unconfirmed" && confirmed_by.is_none() {
            let why = format!("a {status} number must name the page in confirmed_by");
            return Err(self.error(entry, why));
        }
        let note = own.note.clone();
        Ok(Prov {
            source,
            status,
            confirmed_by,
            note,
        })
    }

    /// The `Pool` variant of pool id `id`.
    fn pool_variant(&self, entry: &str, id: &str) -> Result<&'static str> {
        match id {
            "video" => Ok("Video"),
            "image" => Ok("Image"),
            "try-on" => Ok("TryOn"),
            other => Err(self.error(entry, format!("pool {other:?} is not video, image or try-on"))),
        }
    }

    /// The number `text` of `entry`'s field `what`: a decimal, not negative, and not zero
    /// unless `zero_ok`.
    fn decimal(&self, entry: &str, what: &str, text: &str, zero_ok: bool) -> Result<Decimal> {
        let d = Decimal::from_str(text)
            .map_err(|e| self.error(entry, format!("{what} {text:?} is not a decimal number ({e})")))?;
        if d.is_sign_negative() || (!zero_ok && d.is_zero()) {
            return Err(self.error(entry, format!("{what} {text:?} must be positive")));
        }
        Ok(d)
    }
}
