//! Exports of a calculation: CSV for spreadsheets, JSON for programs. Pure text builders, so the
//! exact content is tested natively; the page only turns the text into a download.

use super::catalog::Catalog;
use super::estimate::Estimate;
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

fn row(cells: &[&str]) -> String {
    let mut line = cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// The lines and totals as CSV (RFC 4180, CRLF line ends). Figures are exact decimals, not
/// formatted, so a spreadsheet reads them as numbers.
pub fn estimate_csv(catalog: &Catalog, est: &Estimate) -> String {
    let mut out = row(&[
        "Kling AI API cost estimate",
        "",
        "catalog",
        catalog.edition,
        "as of",
        catalog.as_of,
    ]);
    out += &row(&[
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
    ]);
    for l in &est.lines {
        let n = (l.index + 1).to_string();
        let dur = l.line.duration.map(|d| d.to_string()).unwrap_or_default();
        let vs = l.line.video_seconds.map(|d| d.to_string()).unwrap_or_default();
        out += &row(&[
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
        ]);
    }
    out += "\r\n";
    out += &row(&["pool", "unit_price_usd", "units_per_month", "list_value_usd_per_month"]);
    for p in &est.pools {
        out += &row(&[
            p.pool.id(),
            &p.unit_price.to_string(),
            &p.units.to_string(),
            &p.value.to_string(),
        ]);
    }
    out += &row(&["total", "", "", &est.total_value.to_string()]);
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonExport<'a> {
    edition: &'a str,
    as_of: &'a str,
    assumptions: &'a [&'a str],
    estimate: &'a Estimate,
}

/// The whole estimate as JSON, in the same shape the JS API's `estimate()` returns, with the
/// catalog edition and the assumptions it rests on.
pub fn estimate_json(catalog: &Catalog, est: &Estimate) -> String {
    let doc = JsonExport {
        edition: catalog.edition,
        as_of: catalog.as_of,
        assumptions: catalog.assumptions,
        estimate: est,
    };
    // Serialising these types cannot fail (string keys, no floats); not formatting the error
    // keeps serde_json's error texts out of the wasm.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::estimate::estimate_lines;
    use crate::core::{default_catalog, JobLine};

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_cell("-3.5"), "-3.5");
        assert_eq!(csv_cell("-cmd"), "'-cmd");
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
        let csv = estimate_csv(cat, &est);
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(rows[2], "1,lip-sync,,,,30,60,1,video,3,180,25.2");
        assert_eq!(rows[3], "2,text-to-image,kolors-v2.1,,,,5000,1,image,4,20000,70");
        assert!(csv.contains("\r\ntotal,,,95.2\r\n"));
        let json: serde_json::Value = serde_json::from_str(&estimate_json(cat, &est)).unwrap();
        assert_eq!(json["estimate"]["totalValue"], "95.2");
        assert_eq!(json["edition"], "seed-2025");
    }
}
