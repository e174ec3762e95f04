//! Validate: every rule a catalog must keep, checked on the parsed file before anything is
//! emitted. The result holds what emitting needs beyond the file as written: pools as
//! `Pool` variants, numbers as decimals, and every entry's provenance resolved.

use crate::date::Day;
use crate::parse::{
    CatalogFile, DurationsFile, MenuFile, PackageFile, PerUseFile, PerUsePriceFile, PoolFile, ProvFile, RowFile,
    ServiceFile,
};
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
    /// The name of a `Confidence` variant.
    pub confidence: Option<&'static str>,
    pub as_of: Option<String>,
}

/// The variants a job line can choose, as (id in data files, `Variant` variant), in the
/// order the crate's `Variant::ALL` lists them (`tests/catalog_build.rs` checks they agree).
pub const VARIANTS: [(&str, &str); 3] = [("audio", "Audio"), ("resolution", "Resolution"), ("input", "Input")];

/// The confidence words of data files, as (word, `Confidence` variant).
const CONFIDENCES: [(&str, &str); 5] = [
    ("official", "Official"),
    ("inferred", "Inferred"),
    ("seed", "Seed"),
    ("guide", "Guide"),
    ("assumed", "Assumed"),
];

/// The confidence words of a per-use price, as (word, `Confidence` variant): the seller's own
/// price page gives it, or it is read from one (a mode the page does not name, say).
const PER_USE_CONFIDENCES: [(&str, &str); 2] = [("listed", "Listed"), ("inferred", "Inferred")];

/// The unit a per-use price is per, by the billing of the row it prices: (word, what a row
/// billed that way is priced per, for messages).
const PER_USE_UNITS: [(&str, &str); 3] = [
    ("second", "per second (per_second = true)"),
    ("segment", "per segment (segment_seconds)"),
    ("job", "per job"),
];

/// A checked catalog: the file as written, plus what emitting needs that checking worked out.
pub struct Checked<'f> {
    pub file: &'f CatalogFile,
    pub pools: Vec<CheckedPool<'f>>,
    pub menus: Vec<CheckedMenu<'f>>,
    pub packages: Vec<CheckedPackage<'f>>,
    pub services: Vec<CheckedService<'f>>,
    pub per_use: Vec<CheckedPerUse<'f>>,
}

/// A per-use seller's checked price list.
pub struct CheckedPerUse<'f> {
    pub file: &'f PerUseFile,
    pub prov: Prov,
    pub prices: Vec<CheckedPerUsePrice<'f>>,
}

/// A per-use price, with the catalog row it prices found.
pub struct CheckedPerUsePrice<'f> {
    pub file: &'f PerUsePriceFile,
    /// Index of the row in its service's rows.
    pub row: usize,
    pub price: Decimal,
    pub prov: Prov,
}

pub struct CheckedPool<'f> {
    pub file: &'f PoolFile,
    /// The `Pool` variant.
    pub variant: &'static str,
    pub unit_price: Decimal,
    pub prov: Prov,
}

pub struct CheckedMenu<'f> {
    pub file: &'f MenuFile,
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
    /// The declared variants as (`Variant` variant, values), in `VARIANTS` order.
    pub variants: Vec<(&'static str, &'f [String])>,
}

pub struct CheckedRow<'f> {
    pub file: &'f RowFile,
    pub units: Decimal,
    pub prov: Prov,
    /// (min, max, step) of a per-second row.
    pub durations: Option<(u32, u32, u32)>,
    /// (date, source) when the row's model is retired.
    pub retired: Option<(&'f str, &'f str)>,
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
    cx.date("", "checked", &f.checked)?;
    cx.date("", "as_of", &f.as_of)?;
    if !cx.sources.contains(f.default_source.as_str()) {
        let why = format!("default_source {:?} is not a key of [sources]", f.default_source);
        return Err(cx.error("", why));
    }
    let pools = cx.pools()?;
    let menus = cx.menus()?;
    let mut ids = HashSet::new();
    let packages = f
        .packages
        .iter()
        .map(|p| cx.package(p, &mut ids))
        .collect::<Result<_>>()?;
    cx.menus_stocked()?;
    let mut ids = HashSet::new();
    let mut services: Vec<CheckedService> = f
        .services
        .iter()
        .map(|s| cx.service(s, &mut ids))
        .collect::<Result<_>>()?;
    cx.sources_dated()?;
    cx.retire(&mut services)?;
    let mut ids = HashSet::new();
    let per_use = f
        .per_use
        .iter()
        .map(|p| cx.per_use(p, &mut ids))
        .collect::<Result<_>>()?;
    let checked = Checked {
        file: f,
        pools,
        menus,
        packages,
        services,
        per_use,
    };
    cx.confidence_everywhere(&checked)?;
    Ok(checked)
}

/// Longest duration, in seconds, a per-second row may allow (a job line's limit too).
const MAX_SECONDS: u32 = 3_600;

/// What makes a row's option combination: model, mode, fixed seconds, variant values.
type Combo<'f> = (
    &'f Option<String>,
    &'f Option<String>,
    Option<u32>,
    [Option<&'f String>; 3],
);

/// A row's variant values, in `VARIANTS` order.
fn row_variants(r: &RowFile) -> [Option<&String>; 3] {
    [r.audio.as_ref(), r.resolution.as_ref(), r.input.as_ref()]
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

    /// The package menus: at least one, each id once, each with its provenance.
    fn menus(&self) -> Result<Vec<CheckedMenu<'f>>> {
        if self.f.menus.is_empty() {
            let why = "an edition needs at least one [[menus]] entry (the first is its default menu)";
            return Err(self.error("", why.into()));
        }
        let mut ids = HashSet::new();
        let mut menus = Vec::new();
        for m in &self.f.menus {
            let entry = format!("menu {:?}", m.id);
            if !ids.insert(m.id.as_str()) {
                return Err(self.error(&entry, "is listed twice".into()));
            }
            let prov = self.prov(&entry, &m.prov(), None)?;
            menus.push(CheckedMenu { file: m, prov });
        }
        Ok(menus)
    }

    /// Every menu offers at least one priced package: a menu the planner cannot buy from is
    /// a mistake in the file, not a choice for the user.
    fn menus_stocked(&self) -> Result<()> {
        for m in &self.f.menus {
            let on = |p: &&PackageFile| p.menu.as_ref().is_none_or(|id| *id == m.id);
            if !self.f.packages.iter().filter(on).any(|p| !p.custom) {
                let why = "offers no priced package (give a package menu = this id)";
                return Err(self.error(&format!("menu {:?}", m.id), why.into()));
            }
        }
        Ok(())
    }

    /// A package: a new id, a known pool and menu, and the terms a package you can buy must
    /// state.
    fn package(&self, p: &'f PackageFile, ids: &mut HashSet<&'f str>) -> Result<CheckedPackage<'f>> {
        let entry = format!("package {:?}", p.id);
        if !ids.insert(&p.id) {
            return Err(self.error(&entry, "is listed twice".into()));
        }
        if let Some(menu) = p.menu.as_ref().filter(|id| !self.f.menus.iter().any(|m| m.id == **id)) {
            return Err(self.error(&entry, format!("menu {menu:?} is not the id of a [[menus]] entry")));
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
        if s.per_second && s.segment_seconds.is_some() {
            let why = "a service is billed per second or per segment, not both";
            return Err(self.error(&entry, why.into()));
        }
        let variants = self.variants(&entry, s)?;
        let prov = self.prov(&entry, &s.prov(), None)?;
        let mut combos = HashSet::new();
        let rows = s.rows.iter().enumerate();
        let rows = rows.map(|(i, r)| self.row(&format!("{entry} row {}", i + 1), r, s, &mut combos));
        let rows = rows.collect::<Result<Vec<_>>>()?;
        self.variants_per_model(&entry, &rows)?;
        Ok(CheckedService {
            file: s,
            pool,
            prov,
            rows,
            variants,
        })
    }

    /// A service's declared variants: known kinds, each value once and labelled.
    fn variants(&self, entry: &str, s: &'f ServiceFile) -> Result<Vec<(&'static str, &'f [String])>> {
        if let Some(kind) = s.variants.keys().find(|k| !VARIANTS.iter().any(|(id, _)| id == k)) {
            let why = format!("variant {kind:?} is not audio, resolution or input");
            return Err(self.error(entry, why));
        }
        let mut out = Vec::new();
        for (id, variant) in VARIANTS {
            let Some(values) = s.variants.get(id) else { continue };
            let mut seen = HashSet::new();
            if let Some(v) = values.iter().find(|v| !seen.insert(v.as_str())) {
                return Err(self.error(entry, format!("{id} value {v:?} is listed twice")));
            }
            if values.is_empty() {
                return Err(self.error(entry, format!("variant {id} lists no values")));
            }
            self.labelled(entry, values.iter())?;
            out.push((variant, values.as_slice()));
        }
        Ok(out)
    }

    /// Within a service, a model's rows either all name a variant or none does: a row that
    /// left it out would otherwise be a choice no line could make.
    fn variants_per_model(&self, entry: &str, rows: &[CheckedRow]) -> Result<()> {
        for (i, r) in rows.iter().enumerate() {
            let first = rows.iter().find(|o| o.file.model == r.file.model).map(|o| o.file);
            let Some(first) = first else { continue };
            if let Some((id, _)) = VARIANTS
                .iter()
                .zip(row_variants(first).iter().zip(row_variants(r.file)))
                .find(|(_, (a, b))| a.is_some() != b.is_some())
                .map(|(v, _)| *v)
            {
                let why = format!("{id} must be given on every row of this model or on none");
                return Err(self.error(&format!("{entry} row {}", i + 1), why));
            }
        }
        Ok(())
    }

    /// A price row: an option combination not priced before, labelled options, variant values
    /// the service declares, durations that fit its billing, positive units.
    fn row(
        &self,
        entry: &str,
        r: &'f RowFile,
        service: &'f ServiceFile,
        combos: &mut HashSet<Combo<'f>>,
    ) -> Result<CheckedRow<'f>> {
        if !combos.insert((&r.model, &r.mode, r.seconds, row_variants(r))) {
            let why = "the same model, mode and seconds are priced twice (with the same variants)";
            return Err(self.error(entry, why.into()));
        }
        self.labelled(entry, r.model.iter().chain(r.mode.iter()))?;
        for ((id, _), value) in VARIANTS.iter().zip(row_variants(r)) {
            let declared = service.variants.get(*id);
            match (value, declared) {
                (Some(v), None) => {
                    return Err(self.error(entry, format!("{id} {v:?} is not among the service's variants")))
                }
                (Some(v), Some(vs)) if !vs.contains(v) => {
                    return Err(self.error(entry, format!("{id} {v:?} is not one of {}", vs.join(", "))))
                }
                _ => {}
            }
        }
        if r.input_video && !service.per_second {
            let why = "input_video is for a per-second service (the billed seconds count the input video's)";
            return Err(self.error(entry, why.into()));
        }
        Ok(CheckedRow {
            file: r,
            units: self.decimal(entry, "units", &r.units, false)?,
            prov: self.prov(entry, &r.prov(), Some(&service.prov()))?,
            durations: self.durations(entry, r, service.per_second)?,
            retired: None,
        })
    }

    /// A per-second row's durations (required there, and not `seconds`); none elsewhere.
    fn durations(&self, entry: &str, r: &RowFile, per_second: bool) -> Result<Option<(u32, u32, u32)>> {
        let d = match (&r.durations, per_second) {
            (None, false) => return Ok(None),
            (Some(_), false) => {
                let why = "durations are for a per-second service (per_second = true); use seconds";
                return Err(self.error(entry, why.into()));
            }
            (None, true) => {
                let why = "a per-second row needs durations = { min, max } (and step when not 1)";
                return Err(self.error(entry, why.into()));
            }
            (Some(d), true) => d,
        };
        if r.seconds.is_some() {
            let why = "a per-second row gives durations, not seconds";
            return Err(self.error(entry, why.into()));
        }
        let DurationsFile {
            min: Some(min),
            max: Some(max),
            step,
        } = *d
        else {
            return Err(self.error(entry, "durations needs both min and max".into()));
        };
        let step = step.unwrap_or(1);
        if min == 0 || step == 0 || max > MAX_SECONDS {
            let why = format!("durations must be whole seconds from 1 to {MAX_SECONDS} with a positive step");
            return Err(self.error(entry, why));
        }
        if min > max || (max - min) % step != 0 {
            let why = format!("durations min {min} to max {max} by {step} is not a range (min must not exceed max, and max must be min plus whole steps)");
            return Err(self.error(entry, why));
        }
        Ok(Some((min, max, step)))
    }

    /// Every id of `ids` has a human name in [labels].
    fn labelled<'i>(&self, entry: &str, mut ids: impl Iterator<Item = &'i String>) -> Result<()> {
        match ids.find(|id| !self.f.labels.contains_key(*id)) {
            Some(id) => Err(self.error(entry, format!("option {id:?} has no entry in [labels]"))),
            None => Ok(()),
        }
    }

    /// Marks every row of each retired model, after checking the retirement: a model some
    /// row prices, a date, and a known source.
    fn retire(&self, services: &mut [CheckedService<'f>]) -> Result<()> {
        for (model, r) in &self.f.retirements {
            let entry = format!("retirement {model:?}");
            let (Some(date), Some(source)) = (&r.date, &r.source) else {
                return Err(self.error(&entry, "a retirement needs a date and a source".into()));
            };
            self.date(&entry, "date", date)?;
            if !self.sources.contains(source.as_str()) {
                return Err(self.error(&entry, format!("source {source:?} is not a key of [sources]")));
            }
            let rows = services.iter_mut().flat_map(|s| s.rows.iter_mut());
            let mut marked = 0;
            for row in rows.filter(|row| row.file.model.as_ref() == Some(model)) {
                row.retired = Some((date, source));
                marked += 1;
            }
            if marked == 0 {
                return Err(self.error(&entry, "no row prices this model".into()));
            }
        }
        Ok(())
    }

    /// A per-use seller: a new id, a dated and sourced confidence, and prices for catalog rows.
    fn per_use(&self, p: &'f PerUseFile, ids: &mut HashSet<&'f str>) -> Result<CheckedPerUse<'f>> {
        let entry = format!("per_use {:?}", p.id);
        if !ids.insert(&p.id) {
            return Err(self.error(&entry, "is listed twice".into()));
        }
        if p.prices.is_empty() {
            return Err(self.error(&entry, "has no prices".into()));
        }
        let prov = self.per_use_prov(&entry, &p.prov(), None)?;
        let mut rows = HashSet::new();
        let mut prices = Vec::new();
        for (i, price) in p.prices.iter().enumerate() {
            let entry = format!("{entry} price {}", i + 1);
            let checked = self.per_use_price(&entry, price, &p.prov())?;
            if !rows.insert((price.service.as_str(), checked.row)) {
                return Err(self.error(&entry, "prices a row this seller already prices".into()));
            }
            prices.push(checked);
        }
        Ok(CheckedPerUse { file: p, prov, prices })
    }

    /// One per-use price: the catalog row it names, per the unit that row bills, positive.
    fn per_use_price(&self, entry: &str, p: &'f PerUsePriceFile, parent: &ProvFile) -> Result<CheckedPerUsePrice<'f>> {
        let Some(service) = self.f.services.iter().find(|s| s.id == p.service) else {
            return Err(self.error(entry, format!("service {:?} is not in this catalog", p.service)));
        };
        let options = [p.audio.as_ref(), p.resolution.as_ref(), p.input.as_ref()];
        let row = service.rows.iter().position(|r| {
            r.model == p.model && r.mode == p.mode && r.seconds == p.seconds && row_variants(r) == options
        });
        let Some(row) = row else {
            let why = format!(
                "names no row of service {:?} (model {:?}, mode {:?}, seconds {:?}, audio {:?}, resolution {:?}, input {:?})",
                p.service, p.model, p.mode, p.seconds, p.audio, p.resolution, p.input
            );
            return Err(self.error(entry, why));
        };
        let billed = match (service.per_second, service.segment_seconds) {
            (true, _) => PER_USE_UNITS[0],
            (false, Some(_)) => PER_USE_UNITS[1],
            (false, None) => PER_USE_UNITS[2],
        };
        if p.per != billed.0 {
            let why = format!(
                "per {:?} does not match the row, which is billed {}: write per = {:?}",
                p.per, billed.1, billed.0
            );
            return Err(self.error(entry, why));
        }
        Ok(CheckedPerUsePrice {
            file: p,
            row,
            price: self.decimal(entry, "price", &p.price, false)?,
            prov: self.per_use_prov(entry, &p.prov(), Some(parent))?,
        })
    }

    /// A per-use provenance: as [`Context::prov`], with the per-use confidence words, and a
    /// confidence and date required (a seller's price moves; every one says when it was seen).
    fn per_use_prov(&self, entry: &str, own: &ProvFile, parent: Option<&ProvFile>) -> Result<Prov> {
        let word = own.confidence.clone().or(parent.and_then(|p| p.confidence.clone()));
        let strip = |p: &ProvFile| ProvFile {
            confidence: None,
            ..p.clone()
        };
        let mut prov = self.prov(entry, &strip(own), parent.map(strip).as_ref())?;
        let Some(word) = word else {
            return Err(self.error(entry, "a per-use price needs a confidence (listed or inferred)".into()));
        };
        let Some((_, variant)) = PER_USE_CONFIDENCES.iter().find(|(w, _)| *w == word) else {
            return Err(self.error(entry, format!("confidence {word:?} is not listed or inferred")));
        };
        if prov.as_of.is_none() {
            let why = "a per-use price needs a date: as_of here or on its seller, or a date on the source";
            return Err(self.error(entry, why.into()));
        }
        prov.confidence = Some(variant);
        Ok(prov)
    }

    /// Every source's date, when it has one, is a date.
    fn sources_dated(&self) -> Result<()> {
        for (id, src) in &self.f.sources {
            if let Some(d) = &src.date {
                self.date(&format!("source {id:?}"), "date", d)?;
            }
        }
        Ok(())
    }

    /// A file that states a confidence states one for every pool, package, service and row:
    /// a price without one would be shown as if it were as sure as its neighbours.
    fn confidence_everywhere(&self, c: &Checked) -> Result<()> {
        let mut entries: Vec<(String, &Prov)> = Vec::new();
        entries.extend(c.pools.iter().map(|p| (format!("pool {:?}", p.file.id), &p.prov)));
        entries.extend(c.menus.iter().map(|m| (format!("menu {:?}", m.file.id), &m.prov)));
        entries.extend(c.packages.iter().map(|p| (format!("package {:?}", p.file.id), &p.prov)));
        for s in &c.services {
            let entry = format!("service {:?}", s.file.id);
            entries.extend(
                s.rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("{entry} row {}", i + 1), &r.prov)),
            );
            entries.push((entry, &s.prov));
        }
        if entries.iter().all(|(_, p)| p.confidence.is_none()) {
            return Ok(());
        }
        match entries.iter().find(|(_, p)| p.confidence.is_none()) {
            Some((entry, _)) => {
                let why = "no confidence (official, inferred, seed, guide or assumed), though other entries of the file state one";
                Err(self.error(entry, why.into()))
            }
            None => Ok(()),
        }
    }

    /// `text` of `entry`'s field `what` is a date as the notes write them: `2026`,
    /// `2026-03` or `2026-03-13`, and a day of the calendar ([`Day::parse`], which the page
    /// uses to say how old an edition's prices are, reads it).
    fn date(&self, entry: &str, what: &str, text: &str) -> Result<()> {
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let ok = !parts.is_empty()
            && parts.len() <= 3
            && digits(parts[0], 4)
            && parts[1..].iter().all(|p| digits(p, 2))
            && Day::parse(text).is_some();
        if ok {
            Ok(())
        } else {
            Err(self.error(
                entry,
                format!("{what} {text:?} is not a date (2026, 2026-03 or 2026-03-13)"),
            ))
        }
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
        let confidence = self.confidence(entry, own.confidence.clone().or(up.confidence))?;
        if confidence == Some("Assumed") && own.note.is_none() && up.note.is_none() {
            let why = "an assumed figure needs a note saying what it is guessed from";
            return Err(self.error(entry, why.into()));
        }
        let source_date = self.f.sources.get(&source).and_then(|s| s.date.clone());
        let as_of = own.as_of.clone().or(up.as_of).or(source_date);
        if let Some(d) = &as_of {
            self.date(entry, "as_of", d)?;
        }
        if confidence.is_some() && as_of.is_none() {
            let why = "a confidence needs a date: as_of here or on the service, or a date on the source";
            return Err(self.error(entry, why.into()));
        }
        Ok(Prov {
            source,
            status,
            confirmed_by,
            note: own.note.clone(),
            confidence,
            as_of,
        })
    }

    /// The `Confidence` variant of the word `word`, if one is given.
    fn confidence(&self, entry: &str, word: Option<String>) -> Result<Option<&'static str>> {
        let Some(word) = word else { return Ok(None) };
        match CONFIDENCES.iter().find(|(w, _)| *w == word) {
            Some((_, variant)) => Ok(Some(variant)),
            None => Err(self.error(
                entry,
                format!("confidence {word:?} is not official, inferred, seed, guide or assumed"),
            )),
        }
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
