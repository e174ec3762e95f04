//! Emit: a checked catalog as Rust source, one `static` per edition. Every value is written
//! as a const expression (decimals as `Decimal::from_parts`), so nothing is parsed at run time.

use crate::validate::{Checked, CheckedMenu, CheckedPackage, CheckedPerUse, CheckedService, Prov};
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// The `static` named `ident` holding catalog `c`.
pub fn emit(ident: &str, c: &Checked) -> String {
    let f = c.file;
    let mut s = String::new();
    let _ = writeln!(s, "pub static {ident}: Catalog = Catalog {{");
    let _ = writeln!(
        s,
        "    edition: {:?}, title: {:?}, as_of: {:?}, checked: {:?},",
        f.edition, f.title, f.as_of, f.checked
    );
    let assumptions: Vec<String> = f.assumptions.iter().map(|a| format!("{a:?}")).collect();
    let _ = writeln!(s, "    assumptions: &[{}],", assumptions.join(", "));
    s.push_str("    sources: &[\n");
    for (id, src) in &f.sources {
        let _ = writeln!(
            s,
            "        Source {{ id: {id:?}, title: {:?}, kind: {:?}, url: {:?}, date: {} }},",
            src.title,
            src.kind,
            src.url,
            opt_str(&src.date)
        );
    }
    s.push_str("    ],\n    labels: &[\n");
    for (k, v) in &f.labels {
        let _ = writeln!(s, "        ({k:?}, {v:?}),");
    }
    s.push_str("    ],\n    pools: &[\n");
    for p in &c.pools {
        let _ = writeln!(
            s,
            "        PoolInfo {{ pool: Pool::{}, name: {:?}, unit_price: {}, provenance: {} }},",
            p.variant,
            p.file.name,
            decimal(p.unit_price),
            provenance(&p.prov)
        );
    }
    s.push_str("    ],\n    menus: &[\n");
    c.menus.iter().for_each(|m| menu(&mut s, m));
    s.push_str("    ],\n    packages: &[\n");
    c.packages.iter().for_each(|p| package(&mut s, p));
    s.push_str("    ],\n    services: &[\n");
    c.services.iter().for_each(|svc| service(&mut s, svc));
    s.push_str("    ],\n    per_use: &[\n");
    c.per_use.iter().for_each(|p| per_use(&mut s, p));
    s.push_str("    ],\n};\n");
    s
}

/// The list of every edition's static, `names` in order (the first is the default).
pub fn editions(names: &[String]) -> String {
    let refs: Vec<String> = names.iter().map(|n| format!("&{n}")).collect();
    format!(
        "/// Every compiled-in catalog edition; the first is the default.\npub static EDITIONS: &[&Catalog] = &[{}];\n",
        refs.join(", ")
    )
}

fn menu(s: &mut String, c: &CheckedMenu) {
    let _ = writeln!(
        s,
        "        Menu {{ id: {:?}, name: {:?}, provenance: {} }},",
        c.file.id,
        c.file.name,
        provenance(&c.prov)
    );
}

fn package(s: &mut String, c: &CheckedPackage) {
    let p = c.file;
    let _ = writeln!(
        s,
        "        Package {{ id: {:?}, name: {:?}, pool: Pool::{}, menu: {}, price: {}, units: {:?}, validity_days: {:?}, discount_percent: {}, concurrency: {:?}, trial: {}, custom: {}, best_for: {:?}, provenance: {} }},",
        p.id,
        p.name,
        c.pool,
        opt_str(&p.menu),
        opt_code(c.price.map(decimal)),
        p.units,
        p.validity_days,
        opt_code(c.discount_percent.map(decimal)),
        p.concurrency,
        p.trial,
        p.custom,
        p.best_for,
        provenance(&c.prov)
    );
}

fn service(s: &mut String, c: &CheckedService) {
    let svc = c.file;
    let billing = match (svc.segment_seconds, svc.per_second) {
        (Some(n), _) => format!("Billing::PerSegment {{ seconds: {n} }}"),
        (None, true) => "Billing::PerSecond".to_string(),
        (None, false) => "Billing::PerJob".to_string(),
    };
    let _ = writeln!(
        s,
        "        Service {{ id: {:?}, name: {:?}, pool: Pool::{}, description: {:?}, billing: {billing}, provenance: {}, rows: &[",
        svc.id,
        svc.name,
        c.pool,
        svc.description,
        provenance(&c.prov)
    );
    for r in &c.rows {
        let durations = r
            .durations
            .map(|(min, max, step)| format!("Durations {{ min: {min}, max: {max}, step: {step} }}"));
        let retired = r
            .retired
            .map(|(date, source)| format!("Retirement {{ date: {date:?}, source: {source:?} }}"));
        let _ = writeln!(
            s,
            "            PriceRow {{ model: {}, mode: {}, seconds: {:?}, units: {}, provenance: {}, audio: {}, resolution: {}, input: {}, durations: {}, input_video: {}, retired: {} }},",
            opt_str(&r.file.model),
            opt_str(&r.file.mode),
            r.file.seconds,
            decimal(r.units),
            provenance(&r.prov),
            opt_str(&r.file.audio),
            opt_str(&r.file.resolution),
            opt_str(&r.file.input),
            opt_code(durations),
            r.file.input_video,
            opt_code(retired)
        );
    }
    s.push_str("        ], variants: &[");
    for (variant, values) in &c.variants {
        let _ = write!(
            s,
            "VariantChoices {{ variant: Variant::{variant}, choices: &{values:?} }}, "
        );
    }
    s.push_str("] },\n");
}

fn per_use(s: &mut String, c: &CheckedPerUse) {
    let _ = writeln!(
        s,
        "        PerUseSource {{ id: {:?}, name: {:?}, provenance: {}, prices: &[",
        c.file.id,
        c.file.name,
        provenance(&c.prov)
    );
    for p in &c.prices {
        let _ = writeln!(
            s,
            "            PerUsePrice {{ service: {:?}, row: {}, price: {}, provenance: {} }},",
            p.file.service,
            p.row,
            decimal(p.price),
            provenance(&p.prov)
        );
    }
    s.push_str("        ] },\n");
}

fn provenance(p: &Prov) -> String {
    format!(
        "Provenance {{ source: {:?}, status: Status::{}, confirmed_by: {}, note: {}, confidence: {}, as_of: {} }}",
        p.source,
        p.status,
        opt_str(&p.confirmed_by),
        opt_str(&p.note),
        opt_code(p.confidence.map(|c| format!("Confidence::{c}"))),
        opt_str(&p.as_of)
    )
}

/// A (checked, not negative) decimal as a const expression, so the static needs no parsing.
fn decimal(d: Decimal) -> String {
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

fn opt_code(v: Option<String>) -> String {
    match v {
        Some(s) => format!("Some({s})"),
        None => "None".into(),
    }
}
