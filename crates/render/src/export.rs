//! Exports of a calculation: CSV for spreadsheets, JSON for programs. Pure text builders, so the
//! exact content is tested natively; the page only turns the text into a download. The JSON is
//! `serde_json`'s from the pricing crate's derives, the shapes the JS API returns.

use kling_pricing::catalog::{Catalog, Confidence};
use kling_pricing::estimate::{Estimate, LineEstimate};
use kling_pricing::plan::{PlanError, PlanResult, PoolOutcome};
use rust_decimal::Decimal;
use serde::Serialize;

/// One CSV cell: quoted when needed, and defused when a spreadsheet would read it as a formula.
pub fn csv_cell(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => format!("'{text}"),
        Some('-') if text.parse::<rust_decimal::Decimal>().is_err() => format!("'{text}"),
        _ => text.to_string(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// CSV text being written.
struct Csv(String);

impl Csv {
    /// Appends one row: every cell through [`csv_cell`], then CRLF.
    fn row(&mut self, cells: &[&str]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.0.push_str(&csv_cell(c));
        }
        self.0.push_str("\r\n");
    }
}

/// An exact decimal without trailing zeros, as a spreadsheet reads it.
fn num(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The lines, totals and best plan as CSV (RFC 4180, CRLF line ends). Figures are exact
/// decimals, not formatted, so a spreadsheet reads them as numbers.
///
/// After the totals, a blank row and the plan: a heading row (months, growth, total), then per
/// pool its message, what to buy and when, the summary that the page's plan shows (cost, dollars
/// per used unit next to the list price, units forfeited and their list value), its notes and
/// the alternatives. An invalid plan is one row with its message.
pub fn estimate_csv(catalog: &Catalog, est: &Estimate, plan: &Result<PlanResult, PlanError>) -> String {
    let mut out = Csv(String::new());
    out.row(&[
        "Kling AI API cost estimate",
        "",
        "catalog",
        catalog.edition,
        "as of",
        catalog.as_of,
    ]);
    out.row(&[
        "line",
        "service",
        "model",
        "mode",
        "duration_s",
        "video_s",
        "quantity_per_month",
        "attempts_per_kept",
        "pool",
        "units_per_job",
        "units_per_month",
        "list_value_usd_per_month",
        "units_confidence",
    ]);
    for l in &est.lines {
        let n = (l.index + 1).to_string();
        let dur = l.line.duration.map(|d| d.to_string()).unwrap_or_default();
        let vs = l.line.video_seconds.map(|d| d.to_string()).unwrap_or_default();
        out.row(&[
            &n,
            &l.line.service,
            l.line.model.as_deref().unwrap_or(""),
            l.line.mode.as_deref().unwrap_or(""),
            &dur,
            &vs,
            &l.line.quantity.to_string(),
            &l.line.attempts_per_kept.to_string(),
            l.pool.id(),
            &l.units_per_job.to_string(),
            &l.units.to_string(),
            &l.value.to_string(),
            units_confidence(l),
        ]);
    }
    out.0 += "\r\n";
    out.row(&["pool", "unit_price_usd", "units_per_month", "list_value_usd_per_month"]);
    for p in &est.pools {
        out.row(&[
            p.pool.id(),
            &p.unit_price.to_string(),
            &p.units.to_string(),
            &p.value.to_string(),
        ]);
    }
    out.row(&["total", "", "", &est.total_value.to_string()]);
    out.0 += "\r\n";
    match plan {
        Ok(plan) => plan_csv(&mut out, plan),
        Err(e) => out.row(&["plan_error", &e.message]),
    }
    out.0
}

/// The plan section of [`estimate_csv`]: what the page's plan (`report::plan_html`) shows, except the
/// month-by-month balance (the JSON has it).
/// How sure a line's units figure is, as one word: the row's confidence (`assumed` for a
/// guess), `yours` for the user's own figure, empty in an edition that states none.
fn units_confidence(l: &LineEstimate) -> &'static str {
    if l.line.own_units.is_some() {
        return "yours";
    }
    l.provenance.confidence.map_or("", Confidence::id)
}

fn plan_csv(out: &mut Csv, plan: &PlanResult) {
    out.row(&[
        "Best plan",
        "",
        "horizon_months",
        &plan.horizon_months.to_string(),
        "growth_percent",
        &num(plan.growth_percent),
        "trials_used",
        if plan.trials_used { "true" } else { "false" },
        "total_cost_usd",
        &num(plan.total_cost),
    ]);
    if !plan.demand_by_month.is_empty() {
        // Each month's multiplier of the mix, month 1 first.
        let mut row = vec!["demand_by_month".to_string(), String::new()];
        row.extend(plan.demand_by_month.iter().map(|k| num(*k)));
        out.row(&row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    for p in &plan.pools {
        let id = p.pool.id();
        out.row(&["plan_pool", id, &p.message]);
        if !p.purchases.is_empty() {
            out.row(&["month", "pool", "package", "count", "units", "cost_usd"]);
            for b in &p.purchases {
                out.row(&[
                    &b.month.to_string(),
                    id,
                    &b.name,
                    &b.count.to_string(),
                    &num(b.units * Decimal::from(b.count)),
                    &num(b.cost),
                ]);
            }
        }
        if p.outcome == PoolOutcome::Planned {
            out.row(&[
                "pool",
                "total_cost_usd",
                "effective_usd_per_used_unit",
                "list_usd_per_unit",
                "forfeited_units",
                "forfeited_value_usd",
            ]);
            out.row(&[
                id,
                &num(p.total_cost),
                &p.effective_unit_price.map(num).unwrap_or_default(),
                &num(p.list_price),
                &num(p.forfeited_units),
                &num(p.forfeited_value),
            ]);
        }
        if !p.optimal {
            let gap = p.cost_gap.map(num).unwrap_or_default();
            out.row(&["not_proven_cheapest", id, "cost_gap_usd", &gap]);
        }
        let notes = [
            p.custom.as_ref().map(|c| &c.message),
            p.concurrency.as_ref().map(|c| &c.message),
        ];
        for m in notes.into_iter().flatten() {
            out.row(&["note", id, m]);
        }
        for a in &p.alternatives {
            out.row(&["alternative", id, &a.reason]);
        }
    }
}

/// The JSON export's top level: the catalog edition and the assumptions the figures rest on,
/// the estimate in the shape the JS API's `estimate()` returns, and the best plan in the shape
/// `plan()` returns, or, when the plan options are invalid, its message. The pricing crate's
/// `Serialize` derives give the shapes, so the export and the JS API cannot drift apart.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonExport<'a> {
    edition: &'a str,
    as_of: &'a str,
    assumptions: &'a [&'a str],
    estimate: &'a Estimate,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a PlanResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_error: Option<&'a str>,
}

/// The whole estimate as JSON (see [`JsonExport`]), pretty-printed with two-space indents.
pub fn estimate_json(catalog: &Catalog, est: &Estimate, plan: &Result<PlanResult, PlanError>) -> String {
    let export = JsonExport {
        edition: catalog.edition,
        as_of: catalog.as_of,
        assumptions: catalog.assumptions,
        estimate: est,
        plan: plan.as_ref().ok(),
        plan_error: plan.as_ref().err().map(|e| e.message.as_str()),
    };
    // Cannot fail: every field serialises to a string, number, bool, array or string-keyed object.
    // Not `expect`: that formats the error with its `Debug`, which keeps serde_json's error
    // formatting, io::Error's and std's escaped-string `Debug` in the page (1.2 KB gzip) for a
    // message that is never shown.
    serde_json::to_string_pretty(&export).unwrap_or_else(|_| unreachable!("the export serialises"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::catalog::Pool;
    use kling_pricing::estimate::estimate_lines;
    use kling_pricing::plan::{PlanOptions, UserPack};
    use kling_pricing::{default_catalog, JobLine};

    /// The best plan for `est`'s units per pool, as the page and `plan()` make it.
    fn plan_with(est: &Estimate, opts: &PlanOptions) -> Result<PlanResult, PlanError> {
        let units: Vec<_> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
        kling_pricing::plan::plan(default_catalog(), &units, opts)
    }

    fn plan_of(est: &Estimate) -> Result<PlanResult, PlanError> {
        plan_with(est, &PlanOptions::default())
    }

    /// The sample mix the page opens with.
    fn sample() -> Estimate {
        let lines = kling_pricing::estimate::brief_lines();
        estimate_lines(default_catalog(), &lines).0
    }

    /// The CSV's rows after the totals' blank row.
    fn plan_rows(csv: &str) -> Vec<&str> {
        let at = csv.find("\r\ntotal,").expect("a total row");
        let rest = &csv[at + 2..];
        let start = rest.find("\r\n\r\n").expect("a blank row after the totals") + 4;
        rest[start..]
            .strip_suffix("\r\n")
            .expect("a final CRLF")
            .split("\r\n")
            .collect()
    }

    #[test]
    fn csv_carries_the_best_plan() {
        // 1,580 video units a month for 3 months: Package 1 once. No image package is on sale.
        let est = sample();
        let plan = plan_of(&est);
        let csv = estimate_csv(default_catalog(), &est, &plan);
        assert!(csv.contains("\r\ntotal,,,291.2\r\n\r\nBest plan,"), "{csv}");
        assert_eq!(
            plan_rows(&csv),
            [
                "Best plan,,horizon_months,3,growth_percent,0,trials_used,false,total_cost_usd,4200",
                "plan_pool,video,\"Buy Package 1 in month 1: $4,200.00 in all; forfeits 25,260 units ($3,536.40 at list price).\"",
                "month,pool,package,count,units,cost_usd",
                "1,video,Package 1,1,30000,4200",
                "pool,total_cost_usd,effective_usd_per_used_unit,list_usd_per_unit,forfeited_units,forfeited_value_usd",
                // $4,200 for the 4,740 units used: $0.886076 a unit, against $0.14 at list price.
                "video,4200,0.886076,0.14,25260,3536.4",
                "alternative,video,\"Package 2 alone: $5,670.00, forfeits 40,260 units; $1,470.00 more than the best plan.\"",
                "alternative,video,\"Package 3 alone: $6,720.00, forfeits 55,260 units; $2,520.00 more than the best plan.\"",
                "alternative,video,\"Trials only: cannot cover month 1 (1,580 units).\"",
                "plan_pool,image,\"No image package to plan with: enter one (price, units, validity days).\"",
            ]
        );
    }

    #[test]
    fn csv_plan_cells_are_defused_and_notes_kept() {
        // A user's image pack named like a formula: 20,000 units for $70, bought every month.
        let est = sample();
        let opts = PlanOptions {
            packs: vec![UserPack {
                pool: Pool::Image,
                name: "=SUM(A1)".into(),
                price: Decimal::from(70),
                units: Decimal::from(20000),
                validity_days: 30,
                concurrency: None,
            }],
            ..PlanOptions::default()
        };
        let csv = estimate_csv(default_catalog(), &est, &plan_with(&est, &opts));
        let rows = plan_rows(&csv);
        assert_eq!(
            rows[0],
            "Best plan,,horizon_months,3,growth_percent,0,trials_used,false,total_cost_usd,4410"
        );
        let image = rows.iter().position(|r| r.starts_with("plan_pool,image,")).unwrap();
        assert_eq!(
            rows[image + 1..],
            [
                "month,pool,package,count,units,cost_usd",
                "1,image,'=SUM(A1),1,20000,70",
                "2,image,'=SUM(A1),1,20000,70",
                "3,image,'=SUM(A1),1,20000,70",
                "pool,total_cost_usd,effective_usd_per_used_unit,list_usd_per_unit,forfeited_units,forfeited_value_usd",
                "image,210,0.0035,0.0035,0,0",
                "note,image,\"Months 1–3 need 60,000 units, more than the largest package (20,000 units): ask Kling's sales team for a custom package and enter the quote. A quote must cost less than $0.0035 per unit to beat this plan.\"",
            ]
        );
    }

    #[test]
    fn json_carries_the_best_plan_as_plan_returns_it() {
        let est = sample();
        let plan = plan_of(&est);
        let json: serde_json::Value = serde_json::from_str(&estimate_json(default_catalog(), &est, &plan)).unwrap();
        // The keys that were there before, unchanged.
        assert_eq!(json["edition"], "seed-2025");
        assert_eq!(json["asOf"], "2025");
        assert!(json["assumptions"].as_array().is_some_and(|a| !a.is_empty()));
        assert_eq!(json["estimate"], serde_json::to_value(&est).unwrap());
        // The plan, in the shape the JS API's `plan()` returns.
        assert_eq!(json["plan"], serde_json::to_value(plan.as_ref().unwrap()).unwrap());
        assert!(json.get("planError").is_none());
        let p = &json["plan"];
        assert_eq!(p["totalCost"], "4200");
        assert_eq!(p["horizonMonths"], 3);
        assert_eq!(p["optimal"], true);
        let video = &p["pools"][0];
        assert_eq!(video["pool"], "video");
        assert_eq!(video["outcome"], "planned");
        assert_eq!(
            video["purchases"],
            serde_json::json!([{
                "month": 1,
                "packageId": "package-1",
                "name": "Package 1",
                "source": "catalog",
                "trial": false,
                "count": 1,
                "price": "4200",
                "units": "30000",
                "validityDays": 90,
                "cost": "4200"
            }])
        );
        assert_eq!(video["totalCost"], "4200");
        assert_eq!(video["effectiveUnitPrice"], "0.886076");
        assert_eq!(video["forfeitedUnits"], "25260");
        assert_eq!(video["forfeitedValue"], "3536.4");
        assert_eq!(p["pools"][1]["pool"], "image");
        assert_eq!(p["pools"][1]["outcome"], "noPackage");
        assert_eq!(p["pools"].as_array().map(Vec::len), Some(2));
    }

    /// The top-level keys of a pretty-printed JSON object, in the order written (a
    /// `serde_json::Value` sorts them).
    fn top_level_keys(json: &str) -> Vec<&str> {
        json.lines()
            .filter_map(|l| l.strip_prefix("  \""))
            .filter_map(|l| l.split_once('"').map(|(k, _)| k))
            .collect()
    }

    #[test]
    fn json_is_pretty_with_the_edition_first() {
        let est = sample();
        let json = estimate_json(default_catalog(), &est, &plan_of(&est));
        assert!(
            json.starts_with("{\n  \"edition\": \"seed-2025\",\n  \"asOf\": \"2025\",\n  \"assumptions\": [\n    \""),
            "{json}"
        );
        assert!(json.ends_with("\n}"), "no newline after the closing brace");
        assert_eq!(
            top_level_keys(&json),
            ["edition", "asOf", "assumptions", "estimate", "plan"]
        );
        let bad = plan_with(
            &est,
            &PlanOptions {
                horizon_months: 0,
                ..PlanOptions::default()
            },
        );
        let json = estimate_json(default_catalog(), &est, &bad);
        assert_eq!(
            top_level_keys(&json),
            ["edition", "asOf", "assumptions", "estimate", "planError"]
        );
    }

    #[test]
    fn an_invalid_plan_is_its_message() {
        let est = sample();
        let bad = plan_with(
            &est,
            &PlanOptions {
                horizon_months: 0,
                ..PlanOptions::default()
            },
        );
        let message = "horizonMonths 0 is out of range; it must be from 1 to 36";
        assert_eq!(bad.as_ref().map_err(|e| e.message.as_str()).err(), Some(message));
        let csv = estimate_csv(default_catalog(), &est, &bad);
        assert_eq!(plan_rows(&csv), [format!("plan_error,{message}")]);
        let json: serde_json::Value = serde_json::from_str(&estimate_json(default_catalog(), &est, &bad)).unwrap();
        assert_eq!(json["planError"], message);
        assert!(json.get("plan").is_none());
        assert_eq!(json["estimate"]["totalValue"], "291.2");
    }

    #[test]
    fn csv_has_every_line_and_total() {
        let cat = default_catalog();
        let lines = vec![
            (
                0,
                JobLine {
                    quantity: 60,
                    video_seconds: Some(30),
                    ..JobLine::new("lip-sync")
                },
            ),
            (
                1,
                JobLine {
                    model: Some("kolors-v2.1".into()),
                    quantity: 5000,
                    ..JobLine::new("text-to-image")
                },
            ),
        ];
        let (est, _) = estimate_lines(cat, &lines);
        let plan = plan_of(&est);
        let csv = estimate_csv(cat, &est, &plan);
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            rows[2], "1,lip-sync,,,,30,60,1,video,3,180,25.2,",
            "seed-2025 states no confidence"
        );
        assert_eq!(rows[3], "2,text-to-image,kolors-v2.1,,,,5000,1,image,4,20000,70,");
        assert!(csv.contains("\r\ntotal,,,95.2\r\n"));
        let json: serde_json::Value = serde_json::from_str(&estimate_json(cat, &est, &plan)).unwrap();
        assert_eq!(json["estimate"]["totalValue"], "95.2");
        assert_eq!(json["edition"], "seed-2025");
    }
}
