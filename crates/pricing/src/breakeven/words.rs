//! The picture's curves and its words: the cheapest way in each stretch of volumes, and the
//! mix's own volume.

use super::sample::{Ctx, Sample};
use super::{BreakEven, BuyKind, Change, Curve, CurveKind, Stretch, Way};
use crate::catalog::{Catalog, Pool};
use crate::dec::add;
use crate::format::{units, usd};
use rust_decimal::Decimal;

/// The curves: the best plan, per use at each seller (sellers with the same dollars everywhere
/// together), each package alone.
pub(super) fn curves(catalog: &Catalog, samples: &[Sample]) -> Vec<Curve> {
    let mut out = vec![Curve {
        label: "Best plan".to_string(),
        kind: CurveKind::Best,
        costs: samples.iter().map(|s| s.best).collect(),
    }];
    // Per use: labels in the comparison's order, first seen first.
    let mut labels: Vec<String> = Vec::new();
    for s in samples {
        for (l, _) in &s.per_use {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
    }
    let mut per_use: Vec<(Vec<String>, Vec<Option<Decimal>>)> = Vec::new();
    for l in labels {
        let costs: Vec<Option<Decimal>> = samples
            .iter()
            .map(|s| s.per_use.iter().find(|(x, _)| *x == l).and_then(|(_, c)| *c))
            .collect();
        if costs.iter().all(Option::is_none) {
            continue;
        }
        match per_use.iter_mut().find(|(_, c)| *c == costs) {
            Some((names, _)) => names.push(l),
            None => per_use.push((vec![l], costs)),
        }
    }
    for (names, costs) in per_use {
        out.push(Curve {
            label: joined_sellers(&names),
            kind: CurveKind::PerUse,
            costs,
        });
    }
    // Packages: every non-trial package seen alone or bought, catalog order first.
    let mut packages: Vec<(Pool, String)> = Vec::new();
    for s in samples {
        for o in &s.off {
            let names = o
                .alone
                .iter()
                .map(|(n, _)| n)
                .chain(o.bought.iter().filter(|(_, trial)| !trial).map(|(n, _)| n));
            for n in names {
                if !packages.iter().any(|(p, m)| *p == o.pool && m == n) {
                    packages.push((o.pool, n.clone()));
                }
            }
        }
    }
    let order = |n: &str| {
        catalog
            .packages
            .iter()
            .position(|p| p.name == n)
            .unwrap_or(catalog.packages.len())
    };
    // Stable: packages the catalog does not list keep the order they were seen in.
    crate::sort::sort_by_key(&mut packages, |(_, n)| order(n));
    for (pool, name) in &packages {
        out.push(Curve {
            label: format!("{name} alone"),
            kind: CurveKind::Package,
            costs: samples.iter().map(|s| package_cost(s, *pool, name)).collect(),
        });
    }
    out
}

/// "Per use only (fal.ai, Runware)" from the labels "Per use only (fal.ai)" and "… (Runware)".
pub(super) fn joined_sellers(labels: &[String]) -> String {
    if labels.len() == 1 {
        return labels[0].clone();
    }
    let names: Vec<&str> = labels
        .iter()
        .map(|l| {
            l.strip_prefix("Per use only (")
                .and_then(|r| r.strip_suffix(')'))
                .unwrap_or(l)
        })
        .collect();
    format!("Per use only ({})", names.join(", "))
}

/// Package `name` alone in `pool`, the mix's other pools as the best plan buys them.
pub(super) fn package_cost(s: &Sample, pool: Pool, name: &str) -> Option<Decimal> {
    if s.volume.is_zero() {
        return Some(Decimal::ZERO);
    }
    let o = s.off.iter().find(|o| o.pool == pool)?;
    let own = match o.alone.iter().find(|(n, _)| n == name) {
        Some((_, c)) => (*c)?,
        // Not listed: the alternative was the packs-only plan itself.
        None if o.served && o.bought.iter().all(|(n, _)| n == name) => o.total,
        None => return None,
    };
    let mut total = own;
    for (p, c) in &s.pool_best {
        if *p != pool {
            total = add(total, (*c)?)?;
        }
    }
    Some(total.normalize())
}

/// The stretches between the changes, with their kinds in words.
pub(super) fn stretches(samples: &[Sample], changes: &[Change], ctx: &Ctx) -> Vec<Stretch> {
    let first = samples
        .iter()
        .find(|s| s.volume >= Decimal::ONE && s.volume.fract().is_zero());
    let Some(first) = first else {
        return Vec::new();
    };
    let mut out = vec![Stretch {
        from: first.volume,
        to: None,
        kind: first.kind.clone(),
        words: kind_words(ctx, first.kind.as_ref()),
    }];
    for c in changes {
        if let Some(last) = out.last_mut() {
            last.to = Some(c.last_before);
        }
        out.push(Stretch {
            from: c.volume,
            to: None,
            kind: c.to.clone(),
            words: kind_words(ctx, c.to.as_ref()),
        });
    }
    out
}

/// A kind of purchase in words: "per use from fal.ai", "the trials, then per use from fal.ai",
/// "Package 1 plus top-ups (the trials or per use from fal.ai)", "Package 3 only"; each pool
/// named ("… for video") when the mix has more than one.
pub(super) fn kind_words(ctx: &Ctx, kind: Option<&BuyKind>) -> String {
    let Some(kind) = kind else {
        return "none (the planner cannot plan this volume)".to_string();
    };
    let seller = ctx.opts.per_use.as_ref().map_or("", |r| r.name.as_str());
    let n = kind.pools.len();
    if n == 0 {
        return "to buy nothing".to_string();
    }
    let mut out = String::new();
    for (i, p) in kind.pools.iter().enumerate() {
        let per_use_on = ctx.opts.per_use.as_ref().and_then(|r| r.price(p.pool)).is_some();
        let what = match &p.way {
            Way::Unserved => "none (no plan serves every month)".to_string(),
            Way::Nothing => "to buy nothing (the balance covers it)".to_string(),
            Way::PerUse => format!("per use from {seller}"),
            Way::Trials if per_use_on => format!("the trials, then per use from {seller}"),
            Way::Trials => "the trials".to_string(),
            Way::Packages { packages, topped_up } => {
                let names: Vec<&str> = packages.iter().map(|k| k.name.as_str()).collect();
                match (topped_up, per_use_on) {
                    (true, true) => format!(
                        "{} plus top-ups (the trials or per use from {seller})",
                        and_list(&names)
                    ),
                    (true, false) => format!("{} plus the trials", and_list(&names)),
                    (false, true) => format!("{} only", and_list(&names)),
                    (false, false) => and_list(&names),
                }
            }
        };
        out.push_str(separator(i, n));
        out.push_str(&what);
        if n > 1 {
            out.push_str(" for ");
            out.push_str(&ctx.catalog.pool(p.pool).name.to_ascii_lowercase());
        }
    }
    out
}

/// "the image pool", "the image and virtual try-on pools".
pub(super) fn pools_words(catalog: &Catalog, pools: &[Pool]) -> String {
    let mut out = String::from("the ");
    for (i, p) in pools.iter().enumerate() {
        out.push_str(separator(i, pools.len()));
        out.push_str(&catalog.pool(*p).name.to_ascii_lowercase());
    }
    out.push_str(if pools.len() == 1 { " pool" } else { " pools" });
    out
}

/// "A", "A and B", "A, B and C".
pub(super) fn and_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        out.push_str(separator(i, items.len()));
        out.push_str(s);
    }
    out
}

/// What goes before the `i`-th of `n` items in "A, B and C".
pub(super) fn separator(i: usize, n: usize) -> &'static str {
    if i == 0 {
        ""
    } else if i + 1 == n {
        " and "
    } else {
        ", "
    }
}

/// The picture in words: the cheapest way in each stretch, then the mix's own volume.
pub(super) fn describe(be: &BreakEven, ctx: &Ctx, samples: &[Sample], changes: &[Change]) -> String {
    let unit = ctx.pool_word();
    let months = if be.horizon_months == 1 {
        "1 month".to_string()
    } else {
        format!("{} months", be.horizon_months)
    };
    let mut text = stretch_words(be, changes, &unit, &months);
    if let Some(s) = samples.iter().find(|s| s.yours) {
        let cost = s.best.map_or_else(|| "no plan".to_string(), usd);
        text.push_str(&format!(
            " At your {} {unit}: {}, {cost}.",
            units(s.volume),
            kind_words(ctx, s.kind.as_ref())
        ));
    }
    // The best plan buys per use from the chosen source; another may cost less.
    if let Some(s) = samples.iter().find(|s| s.yours) {
        let cheaper: Vec<&str> = s
            .per_use
            .iter()
            .filter(|(_, c)| matches!((c, s.best), (Some(c), Some(b)) if *c < b))
            .map(|(label, _)| label.as_str())
            .collect();
        if !cheaper.is_empty() {
            text.push_str(&format!(
                " {} costs less than the best plan at your volume: choose it as the per-use source to plan with it.",
                and_list(&cheaper)
            ));
        }
    }
    if be.shape.len() > 1 {
        text.push_str(&format!(" Every pool scales with the {unit} (at your volume, "));
        let n = be.shape.len() - 1;
        for (i, (p, u)) in be.shape.iter().filter(|(p, _)| *p != be.pool).enumerate() {
            text.push_str(separator(i, n));
            text.push_str(&units(*u));
            text.push(' ');
            text.push_str(&ctx.catalog.pool(*p).name.to_ascii_lowercase());
            text.push_str(" units");
        }
        text.push_str(").");
    }
    if !be.left_out.is_empty() {
        text.push_str(&format!(
            " Left out: {}, which nothing on sale serves (no package, no per-use price).",
            pools_words(ctx.catalog, &be.left_out)
        ));
    }
    if !be.complete {
        text.push_str(" Some changes were located only between two volumes: the work limit was reached.");
    }
    text
}

/// Where each way is cheapest, stretch by stretch, in one sentence.
fn stretch_words(be: &BreakEven, changes: &[Change], unit: &str, months: &str) -> String {
    let mut text = String::new();
    let stretches = &be.stretches;
    if stretches.len() == 1 {
        text.push_str(&format!(
            "Up to {} {unit}, the cheapest way to buy over {months} is {}.",
            units(be.end),
            stretches[0].words
        ));
    } else if let Some(first) = stretches.first() {
        let bound = match changes.first() {
            Some(c) if !c.located() => format!("Up to {}", units(c.last_before)),
            _ => format!("Below {}", units(stretches[1].from)),
        };
        text.push_str(&format!(
            "{bound} {unit}, the cheapest way to buy over {months} is {}",
            first.words,
        ));
        for (s, c) in stretches[1..].iter().zip(changes) {
            if c.located() {
                text.push_str(&format!("; from {}, {}", units(c.volume), s.words));
            } else {
                text.push_str(&format!(
                    "; from between {} and {}, {}",
                    units(c.last_before + Decimal::ONE),
                    units(c.volume),
                    s.words
                ));
            }
        }
        text.push('.');
    }
    text
}
