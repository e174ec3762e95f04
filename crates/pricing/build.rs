//! Compiles the catalog data files (`catalog/*.toml`) into Rust statics.
//!
//! Why at build time: the wasm then carries no TOML or JSON parser for its own prices, and a
//! malformed catalog (a typo in a source key, a duplicate row, a negative price) fails the build
//! with a message naming the file and entry, instead of failing in a user's browser.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::str::FromStr;
use std::{env, fs, path::Path};

/// Editions in the order they are listed; the first is the default.
const EDITIONS: &[&str] = &["seed-2025"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    edition: String,
    title: String,
    as_of: String,
    checked: String,
    default_source: String,
    #[serde(default)]
    assumptions: Vec<String>,
    sources: BTreeMap<String, SourceFile>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    pools: Vec<PoolFile>,
    packages: Vec<PackageFile>,
    services: Vec<ServiceFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    title: String,
    kind: String,
    url: String,
}

#[derive(Deserialize, Default, Clone)]
struct ProvFile {
    source: Option<String>,
    status: Option<String>,
    confirmed_by: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PoolFile {
    id: String,
    name: String,
    unit_price: String,
    source: Option<String>,
    status: Option<String>,
    confirmed_by: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackageFile {
    id: String,
    name: String,
    pool: String,
    price: Option<String>,
    units: Option<u64>,
    validity_days: Option<u32>,
    concurrency: Option<u32>,
    discount_percent: Option<String>,
    #[serde(default)]
    trial: bool,
    #[serde(default)]
    custom: bool,
    best_for: String,
    source: Option<String>,
    status: Option<String>,
    confirmed_by: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceFile {
    id: String,
    name: String,
    pool: String,
    description: String,
    segment_seconds: Option<u32>,
    source: Option<String>,
    status: Option<String>,
    confirmed_by: Option<String>,
    note: Option<String>,
    rows: Vec<RowFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RowFile {
    model: Option<String>,
    mode: Option<String>,
    seconds: Option<u32>,
    units: String,
    source: Option<String>,
    status: Option<String>,
    confirmed_by: Option<String>,
    note: Option<String>,
}

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("catalog");
    println!("cargo:rerun-if-changed=catalog");
    let mut out = String::new();
    let mut names = Vec::new();
    for edition in EDITIONS {
        let path = dir.join(format!("{edition}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("catalog/{edition}.toml"), &e.to_string()));
        let file: CatalogFile =
            toml::from_str(&text).unwrap_or_else(|e| fail(&format!("catalog/{edition}.toml"), &e.to_string()));
        let ctx = format!("catalog/{edition}.toml");
        if file.edition != *edition {
            fail(
                &ctx,
                &format!("edition is {:?} but the file name says {edition:?}", file.edition),
            );
        }
        let ident = format!("EDITION_{}", edition.to_uppercase().replace(['-', '.'], "_"));
        out.push_str(&gen_catalog(&ctx, &ident, &file));
        names.push(ident);
    }
    let _ = writeln!(
        out,
        "/// Every compiled-in catalog edition; the first is the default.\npub static EDITIONS: &[&Catalog] = &[{}];",
        names.iter().map(|n| format!("&{n}")).collect::<Vec<_>>().join(", ")
    );
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("catalogs.rs");
    fs::write(dest, out).unwrap();
}

fn fail(ctx: &str, msg: &str) -> ! {
    panic!("\n\ninvalid catalog {ctx}: {msg}\n\n");
}

fn gen_catalog(ctx: &str, ident: &str, f: &CatalogFile) -> String {
    let sources: HashSet<&str> = f.sources.keys().map(String::as_str).collect();
    if !sources.contains(f.default_source.as_str()) {
        fail(
            ctx,
            &format!("default_source {:?} is not a key of [sources]", f.default_source),
        );
    }
    let prov = |where_: &str, p: &ProvFile, parent: Option<&ProvFile>| -> String {
        let pick =
            |own: &Option<String>, up: Option<&Option<String>>| own.clone().or_else(|| up.and_then(|u| u.clone()));
        let source = pick(&p.source, parent.map(|x| &x.source)).unwrap_or_else(|| f.default_source.clone());
        let status = pick(&p.status, parent.map(|x| &x.status)).unwrap_or_else(|| {
            fail(
                ctx,
                &format!("{where_}: no status (confirmed, contradicted or unconfirmed)"),
            )
        });
        let confirmed_by = pick(&p.confirmed_by, parent.map(|x| &x.confirmed_by));
        // A row's own note stands alone; a service's note is shown on the service, not repeated per row.
        let note = p.note.clone();
        for s in std::iter::once(&source).chain(confirmed_by.iter()) {
            if !sources.contains(s.as_str()) {
                fail(ctx, &format!("{where_}: source {s:?} is not a key of [sources]"));
            }
        }
        let status = match status.as_str() {
            "confirmed" => "Confirmed",
            "contradicted" => "Contradicted",
            "unconfirmed" => "Unconfirmed",
            other => fail(
                ctx,
                &format!("{where_}: status {other:?} is not confirmed, contradicted or unconfirmed"),
            ),
        };
        if status != "Unconfirmed" && confirmed_by.is_none() {
            fail(
                ctx,
                &format!("{where_}: a {status} number must name the page in confirmed_by"),
            );
        }
        format!(
            "Provenance {{ source: {source:?}, status: Status::{status}, confirmed_by: {}, note: {} }}",
            opt_str(&confirmed_by),
            opt_str(&note)
        )
    };

    let mut s = String::new();
    let _ = writeln!(s, "pub static {ident}: Catalog = Catalog {{");
    let _ = writeln!(
        s,
        "    edition: {:?}, title: {:?}, as_of: {:?}, checked: {:?},",
        f.edition, f.title, f.as_of, f.checked
    );
    let _ = writeln!(
        s,
        "    assumptions: &[{}],",
        f.assumptions
            .iter()
            .map(|a| format!("{a:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    s.push_str("    sources: &[\n");
    for (id, src) in &f.sources {
        let _ = writeln!(
            s,
            "        Source {{ id: {id:?}, title: {:?}, kind: {:?}, url: {:?} }},",
            src.title, src.kind, src.url
        );
    }
    s.push_str("    ],\n    labels: &[\n");
    for (k, v) in &f.labels {
        let _ = writeln!(s, "        ({k:?}, {v:?}),");
    }
    s.push_str("    ],\n    pools: &[\n");
    let mut pools_seen = Vec::new();
    for p in &f.pools {
        let pool = pool_variant(ctx, &format!("pool {:?}", p.id), &p.id);
        if pools_seen.contains(&pool) {
            fail(ctx, &format!("pool {:?} is listed twice", p.id));
        }
        pools_seen.push(pool);
        let price = dec(ctx, &format!("pool {:?} unit_price", p.id), &p.unit_price, false);
        let pv = ProvFile {
            source: p.source.clone(),
            status: p.status.clone(),
            confirmed_by: p.confirmed_by.clone(),
            note: p.note.clone(),
        };
        let _ = writeln!(
            s,
            "        PoolInfo {{ pool: Pool::{pool}, name: {:?}, unit_price: {price}, provenance: {} }},",
            p.name,
            prov(&format!("pool {:?}", p.id), &pv, None)
        );
    }
    if pools_seen.len() != 3 {
        fail(ctx, "every edition must list the video, image and try-on pools");
    }
    s.push_str("    ],\n    packages: &[\n");
    let mut ids = HashSet::new();
    for p in &f.packages {
        let w = format!("package {:?}", p.id);
        if !ids.insert(p.id.clone()) {
            fail(ctx, &format!("{w} is listed twice"));
        }
        let pool = pool_variant(ctx, &w, &p.pool);
        if !p.custom && (p.price.is_none() || p.units.is_none() || p.validity_days.is_none() || p.concurrency.is_none())
        {
            fail(
                ctx,
                &format!("{w}: a non-custom package needs price, units, validity_days and concurrency"),
            );
        }
        if p.units == Some(0) || p.validity_days == Some(0) {
            fail(ctx, &format!("{w}: units and validity_days must be positive"));
        }
        let price = p.price.as_ref().map(|v| dec(ctx, &format!("{w} price"), v, false));
        let disc = p
            .discount_percent
            .as_ref()
            .map(|v| dec(ctx, &format!("{w} discount_percent"), v, true));
        let pv = ProvFile {
            source: p.source.clone(),
            status: p.status.clone(),
            confirmed_by: p.confirmed_by.clone(),
            note: p.note.clone(),
        };
        let _ = writeln!(
            s,
            "        Package {{ id: {:?}, name: {:?}, pool: Pool::{pool}, price: {}, units: {:?}, validity_days: {:?}, discount_percent: {}, concurrency: {:?}, trial: {}, custom: {}, best_for: {:?}, provenance: {} }},",
            p.id,
            p.name,
            opt_code(&price),
            p.units,
            p.validity_days,
            opt_code(&disc),
            p.concurrency,
            p.trial,
            p.custom,
            p.best_for,
            prov(&w, &pv, None)
        );
    }
    s.push_str("    ],\n    services: &[\n");
    let mut ids = HashSet::new();
    for svc in &f.services {
        let w = format!("service {:?}", svc.id);
        if !ids.insert(svc.id.clone()) {
            fail(ctx, &format!("{w} is listed twice"));
        }
        if svc.rows.is_empty() {
            fail(ctx, &format!("{w} has no rows"));
        }
        let pool = pool_variant(ctx, &w, &svc.pool);
        let billing = match svc.segment_seconds {
            Some(0) => fail(ctx, &format!("{w}: segment_seconds must be positive")),
            Some(n) => format!("Billing::PerSegment {{ seconds: {n} }}"),
            None => "Billing::PerJob".to_string(),
        };
        let sp = ProvFile {
            source: svc.source.clone(),
            status: svc.status.clone(),
            confirmed_by: svc.confirmed_by.clone(),
            note: svc.note.clone(),
        };
        let _ = writeln!(
            s,
            "        Service {{ id: {:?}, name: {:?}, pool: Pool::{pool}, description: {:?}, billing: {billing}, provenance: {}, rows: &[",
            svc.id,
            svc.name,
            svc.description,
            prov(&w, &sp, None)
        );
        let mut combos = HashSet::new();
        for (i, r) in svc.rows.iter().enumerate() {
            let rw = format!("{w} row {}", i + 1);
            if !combos.insert((r.model.clone(), r.mode.clone(), r.seconds)) {
                fail(ctx, &format!("{rw}: the same model, mode and seconds are priced twice"));
            }
            for id in r.model.iter().chain(r.mode.iter()) {
                if !f.labels.contains_key(id) {
                    fail(ctx, &format!("{rw}: option {id:?} has no entry in [labels]"));
                }
            }
            let units = dec(ctx, &format!("{rw} units"), &r.units, false);
            let rp = ProvFile {
                source: r.source.clone(),
                status: r.status.clone(),
                confirmed_by: r.confirmed_by.clone(),
                note: r.note.clone(),
            };
            let _ = writeln!(
                s,
                "            PriceRow {{ model: {}, mode: {}, seconds: {:?}, units: {units}, provenance: {} }},",
                opt_str(&r.model),
                opt_str(&r.mode),
                r.seconds,
                prov(&rw, &rp, Some(&sp))
            );
        }
        s.push_str("        ] },\n");
    }
    s.push_str("    ],\n};\n");
    s
}

fn pool_variant(ctx: &str, w: &str, id: &str) -> &'static str {
    match id {
        "video" => "Video",
        "image" => "Image",
        "try-on" => "TryOn",
        other => fail(ctx, &format!("{w}: pool {other:?} is not video, image or try-on")),
    }
}

/// A decimal literal as a const expression, so the static needs no runtime parsing.
fn dec(ctx: &str, w: &str, text: &str, zero_ok: bool) -> String {
    let d =
        Decimal::from_str(text).unwrap_or_else(|e| fail(ctx, &format!("{w}: {text:?} is not a decimal number ({e})")));
    if d.is_sign_negative() || (!zero_ok && d.is_zero()) {
        fail(ctx, &format!("{w}: {text:?} must be positive"));
    }
    let m = d.mantissa() as u128;
    format!(
        "Decimal::from_parts({}, {}, {}, false, {})",
        m as u32,
        (m >> 32) as u32,
        (m >> 64) as u32,
        d.scale()
    )
}

fn opt_str(v: &Option<String>) -> String {
    match v {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    }
}

fn opt_code(v: &Option<String>) -> String {
    match v {
        Some(s) => format!("Some({s})"),
        None => "None".into(),
    }
}
