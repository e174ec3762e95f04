//! The catalog a planner test hands the planner: the seed edition with only the case's video
//! packages, named `k0`, `k1`, … (shared by the brute force and the oracle, which build their
//! cases differently but must give the planner the same kind of catalog).

use kling_pricing::catalog::{default_catalog, Catalog, Package, Pool};
use rust_decimal::Decimal;

/// One package's terms: (price in cents, whole units, validity days, concurrency, trial).
pub type Terms = (u64, u64, u32, Option<u32>, bool);

/// The seed catalog with `packages` as its only packages (leaked: a test's catalog lives as
/// long as the test, and the planner takes a `&'static Catalog`).
pub fn catalog_with(packages: &[Terms]) -> &'static Catalog {
    let base = default_catalog();
    let provenance = base.packages[0].provenance;
    let packages: Vec<Package> = packages
        .iter()
        .enumerate()
        .map(|(i, &(cents, units, days, concurrency, trial))| {
            let id: &'static str = Box::leak(format!("k{i}").into_boxed_str());
            Package {
                id,
                name: id,
                pool: Pool::Video,
                menu: None,
                price: Some(Decimal::new(cents as i64, 2)),
                units: Some(units),
                validity_days: Some(days),
                discount_percent: None,
                concurrency,
                trial,
                custom: false,
                best_for: "",
                provenance,
            }
        })
        .collect();
    Box::leak(Box::new(Catalog {
        packages: Box::leak(packages.into_boxed_slice()),
        ..*base
    }))
}
