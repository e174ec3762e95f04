//! The packs an account holds, read from Kling's `GET /account/costs` response.
//!
//! The response lists every pack bought in the queried window under
//! `data.resource_pack_subscribe_infos`, each with its name, total and remaining units, its
//! purchase, start and expiry times (Unix milliseconds) and its status (`online`, `runout`,
//! `expired`, …). [`import_costs`] turns the packs that can still be drawn on into [`Lot`]s: the
//! units left, the pool (from the pack's name, or left for the person to pick), the day it
//! expires and its concurrency where known. Every other pack is listed as left out, with the
//! reason, and every problem names the pack and the field it is in. Nothing here asks for a key
//! or makes a request: the response is what a person pasted.
//!
//! Quantities are read from the JSON text of each number into a `Decimal` (a remaining
//! quantity may be fractional: a lip-sync draws half a unit).

use crate::catalog::Pool;
use crate::date::Day;
use crate::format;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::str::FromStr;

/// A paste larger than this is refused before it is read: a response listing 10,000 packs is
/// about 3.3 MB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// At most this many lots are kept (those expiring first): more is no account a planner can
/// serve in a page, and each lot is a column of the plan.
pub const MAX_LOTS: usize = 50;

/// Units above this are not a pack's (the largest package holds 60,000).
const MAX_UNITS: i64 = 100_000_000;

/// Unix times below this are read as seconds, not milliseconds: 10¹¹ ms is 1973-03-03, and
/// 10¹¹ s is in the year 5138.
const SECONDS_BELOW: i64 = 100_000_000_000;

/// Units an account holds in one pack, as the planner draws on them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Lot {
    /// The pack's name, as Kling gives it (shown, never put in a link).
    pub name: String,
    /// The pool it serves; `null` when its name does not say (ask which).
    pub pool: Option<Pool>,
    /// The units left.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    /// The day it expires, `2027-01-12`: the UTC day of the pack's expiry time. It serves the
    /// days before.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub expires: Day,
    /// How many tasks it runs at once, where known.
    pub concurrency: Option<u32>,
}

/// A pack that is not a lot, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LeftOut {
    pub name: String,
    pub reason: String,
}

/// Something wrong with the response: where (`pack 3 ("Video Generation - 10,000 entries"),
/// remaining_quantity`) and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportProblem {
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// What a response held: the lots in expiry order, the packs left out, and the problems found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Imported {
    pub lots: Vec<Lot>,
    pub left_out: Vec<LeftOut>,
    pub problems: Vec<ImportProblem>,
}

/// Reads a pasted `/account/costs` response (the whole of it, or its `data`) as of `today`.
/// A paste that cannot be a response (not JSON, too large, another shape, a `code` other than
/// 0) is one problem and no lots; a pack with a bad field is left out with its problem, and the
/// other packs are read.
pub fn import_costs(text: &str, today: Day) -> Imported {
    if text.len() > MAX_BYTES {
        return too_large(text.len());
    }
    match packs(text) {
        Ok(list) => read_packs(list, today),
        Err(problem) => Imported {
            problems: vec![problem],
            ..Imported::default()
        },
    }
}

/// What a paste of `len` bytes, more than [`MAX_BYTES`], holds: one problem, and nothing read.
pub fn too_large(len: usize) -> Imported {
    Imported {
        problems: vec![ImportProblem {
            at: "the response".to_string(),
            message: format!(
                "it is {} KB; a response is at most {} KB (paste the JSON of /account/costs only)",
                len / 1024,
                MAX_BYTES / 1024
            ),
        }],
        ..Imported::default()
    }
}

/// The list of packs in the response, or why there is none.
fn packs(text: &str) -> Result<Vec<Value>, ImportProblem> {
    let whole = |message: String| ImportProblem {
        at: "the response".to_string(),
        message,
    };
    let value: Value = serde_json::from_str(text).map_err(|e| whole(format!("not JSON ({e})")))?;
    let Value::Object(top) = value else {
        return Err(whole("not a JSON object".to_string()));
    };
    let data = match top.get("data") {
        Some(data) => {
            check_code(&top)?;
            data.as_object()
                .ok_or_else(|| whole("\"data\" is not an object".to_string()))?
                .clone()
        }
        None => top,
    };
    match data.get("resource_pack_subscribe_infos") {
        Some(Value::Array(list)) => Ok(list.clone()),
        Some(_) => Err(whole("\"resource_pack_subscribe_infos\" is not a list".to_string())),
        None => Err(whole(
            "no \"resource_pack_subscribe_infos\": this is not a /account/costs response".to_string(),
        )),
    }
}

/// A response whose `code` is not 0 is an error from Kling, with its message.
fn check_code(top: &Map<String, Value>) -> Result<(), ImportProblem> {
    match top.get("code") {
        None => Ok(()),
        Some(code) if code.as_i64() == Some(0) => Ok(()),
        Some(code) => {
            let message = top.get("message").and_then(Value::as_str).unwrap_or("no message");
            Err(ImportProblem {
                at: "the response".to_string(),
                message: format!("Kling answered code {code} ({message}), not a list of packs"),
            })
        }
    }
}

/// The lots and left-out packs of `list`.
fn read_packs(list: Vec<Value>, today: Day) -> Imported {
    let mut out = Imported::default();
    let mut seconds = Vec::new();
    for (i, pack) in list.iter().enumerate() {
        let name = pack
            .get("resource_pack_name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let at = |field: &str| format!("pack {} ({:?}), {field}", i + 1, name);
        match read_pack(pack, &name, today, &at) {
            Ok(Read::Lot(lot, in_seconds)) => {
                if in_seconds {
                    seconds.push(i + 1);
                }
                out.lots.push(lot);
            }
            Ok(Read::LeftOut(reason)) => out.left_out.push(LeftOut { name, reason }),
            Err(problem) => {
                out.left_out.push(LeftOut {
                    name: name.clone(),
                    reason: problem.message.clone(),
                });
                out.problems.push(problem);
            }
        }
    }
    if !seconds.is_empty() {
        out.problems.push(ImportProblem {
            at: format!("invalid_time of pack {}", list_numbers(&seconds)),
            message: "in seconds, not milliseconds: read as seconds".to_string(),
        });
    }
    crate::sort::sort_by_key(&mut out.lots, |l| l.expires);
    if out.lots.len() > MAX_LOTS {
        let dropped = out.lots.split_off(MAX_LOTS);
        out.problems.push(ImportProblem {
            at: "the response".to_string(),
            message: format!(
                "{} packs hold units; the planner takes the {MAX_LOTS} expiring first",
                MAX_LOTS + dropped.len()
            ),
        });
        for lot in dropped {
            out.left_out.push(LeftOut {
                name: lot.name,
                reason: format!("one of more than {MAX_LOTS} packs"),
            });
        }
    }
    out
}

/// "1, 4 and 7".
fn list_numbers(n: &[usize]) -> String {
    let text: Vec<String> = n.iter().map(usize::to_string).collect();
    match text.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => text.join(""),
    }
}

/// One pack read: a lot (and whether its time was in seconds), or why it is left out.
enum Read {
    Lot(Lot, bool),
    LeftOut(String),
}

/// Reads one pack; `at(field)` says where a field is, for a problem.
fn read_pack(pack: &Value, name: &str, today: Day, at: &dyn Fn(&str) -> String) -> Result<Read, ImportProblem> {
    let problem = |field: &str, message: String| ImportProblem { at: at(field), message };
    if !pack.is_object() {
        return Err(problem("the pack", "not a JSON object".to_string()));
    }
    let status = pack.get("status").and_then(Value::as_str).unwrap_or("");
    let remaining = quantity(pack, "remaining_quantity").map_err(|m| problem("remaining_quantity", m))?;
    let (expires, in_seconds) = expiry(pack).map_err(|m| problem("invalid_time", m))?;
    if status != "online" {
        let reason = match status {
            "runout" => "used up (status runout)".to_string(),
            "expired" => format!("expired on {expires} (status expired)"),
            "" => "no status".to_string(),
            other => format!("status {other:?}, not online"),
        };
        return Ok(Read::LeftOut(reason));
    }
    if remaining.is_zero() {
        return Ok(Read::LeftOut("nothing remaining".to_string()));
    }
    if expires <= today {
        return Ok(Read::LeftOut(format!("expired on {expires}")));
    }
    Ok(Read::Lot(
        Lot {
            name: name.to_string(),
            pool: pool_of(name),
            units: remaining,
            expires,
            concurrency: None,
        },
        in_seconds,
    ))
}

/// The quantity `field` of `pack`: a number of units from 0 to [`MAX_UNITS`].
fn quantity(pack: &Value, field: &str) -> Result<Decimal, String> {
    let number = match pack.get(field) {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.trim().to_string(),
        Some(other) => return Err(format!("{other} is not a number")),
        None => return Err("missing".to_string()),
    };
    let units = Decimal::from_str(&number)
        .or_else(|_| Decimal::from_scientific(&number))
        .map_err(|_| format!("{:?} is not a number", number))?;
    if units.is_sign_negative() && !units.is_zero() {
        return Err(format!(
            "{} units: a pack cannot hold less than none",
            format::units(units)
        ));
    }
    if units > Decimal::from(MAX_UNITS) {
        return Err(format!("{} units: more than any pack holds", format::units(units)));
    }
    Ok(units)
}

/// The day the pack expires, from its `invalid_time` (Unix milliseconds; seconds are accepted
/// and reported), and whether it was in seconds.
fn expiry(pack: &Value) -> Result<(Day, bool), String> {
    let time = match pack.get("invalid_time") {
        Some(Value::Number(n)) => n
            .as_i64()
            .ok_or_else(|| format!("{n} is not a whole number of milliseconds"))?,
        Some(Value::String(s)) => s.trim().parse().map_err(|_| format!("{s:?} is not a time"))?,
        Some(other) => return Err(format!("{other} is not a time")),
        None => return Err("missing".to_string()),
    };
    if time <= 0 {
        return Err(format!("{time} is not a time"));
    }
    Ok(if time < SECONDS_BELOW {
        (Day::from_unix_ms(time.saturating_mul(1000)), true)
    } else {
        (Day::from_unix_ms(time), false)
    })
}

/// The pool a pack serves, from its name ("Video Generation - 10,000 entries"); `None` when
/// the name names none, or more than one.
pub fn pool_of(name: &str) -> Option<Pool> {
    let name = name.to_ascii_lowercase();
    let said = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let found: Vec<Pool> = [
        (Pool::TryOn, &["try-on", "try on", "tryon"][..]),
        (Pool::Video, &["video"][..]),
        (Pool::Image, &["image"][..]),
    ]
    .into_iter()
    .filter(|(_, words)| said(words))
    .map(|(pool, _)| pool)
    .collect();
    // A try-on pack's name may say "image" too ("Virtual Try-On Image"): try-on wins.
    match found[..] {
        [one] => Some(one),
        [Pool::TryOn, ..] => Some(Pool::TryOn),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Day {
        Day::parse("2026-12-08").unwrap()
    }

    /// 2027-01-12, 2027-03-01 and 2026-11-30 at midnight UTC, in milliseconds.
    const JAN_12: i64 = 1_799_712_000_000;
    const MAR_1: i64 = 1_803_859_200_000;
    const NOV_30: i64 = 1_795_996_800_000;

    fn pack(name: &str, remaining: &str, invalid: i64, status: &str) -> String {
        format!(
            r#"{{"resource_pack_name":"{name}","resource_pack_id":"x","resource_pack_type":"decreasing_total",
            "total_quantity":10000,"remaining_quantity":{remaining},"purchase_time":1790000000000,
            "effective_time":1790000000000,"invalid_time":{invalid},"status":"{status}"}}"#
        )
    }

    fn response(packs: &[String]) -> String {
        format!(
            r#"{{"code":0,"message":"SUCCEED","request_id":"r","data":{{"code":0,"msg":"ok","resource_pack_subscribe_infos":[{}]}}}}"#,
            packs.join(",")
        )
    }

    #[test]
    fn online_packs_become_lots_in_expiry_order_and_the_rest_are_left_out() {
        let text = response(&[
            pack("Video Generation - 10,000 entries", "4000", MAR_1, "online"),
            pack("Video Generation - 1,000 entries", "742", JAN_12, "online"),
            pack("Image Generation - 50,000 entries", "0", MAR_1, "runout"),
            pack("Video Generation - 1,000 entries", "258", NOV_30, "expired"),
            pack("Video Generation - 100 entries", "0", MAR_1, "online"),
            pack("Mystery pack", "12.5", MAR_1, "online"),
        ]);
        let got = import_costs(&text, today());
        assert_eq!(got.problems, []);
        let lots: Vec<_> = got
            .lots
            .iter()
            .map(|l| (l.pool, l.units.to_string(), l.expires.to_string()))
            .collect();
        assert_eq!(
            lots,
            [
                (Some(Pool::Video), "742".to_string(), "2027-01-12".to_string()),
                (Some(Pool::Video), "4000".to_string(), "2027-03-01".to_string()),
                (None, "12.5".to_string(), "2027-03-01".to_string()),
            ]
        );
        let reasons: Vec<_> = got.left_out.iter().map(|l| l.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "used up (status runout)",
                "expired on 2026-11-30 (status expired)",
                "nothing remaining"
            ]
        );
    }

    /// Its `data` alone reads the same as the whole response.
    #[test]
    fn the_data_alone_is_enough() {
        let whole = response(&[pack("Video Generation", "5", JAN_12, "online")]);
        let data = format!(
            r#"{{"resource_pack_subscribe_infos":[{}]}}"#,
            pack("Video Generation", "5", JAN_12, "online")
        );
        assert_eq!(import_costs(&whole, today()), import_costs(&data, today()));
        assert_eq!(import_costs(&data, today()).lots.len(), 1);
    }

    #[test]
    fn a_pack_past_its_expiry_is_left_out_even_if_online() {
        let got = import_costs(&response(&[pack("Video", "10", NOV_30, "online")]), today());
        assert!(got.lots.is_empty());
        assert_eq!(got.left_out[0].reason, "expired on 2026-11-30");
    }

    #[test]
    fn what_cannot_be_a_response_is_one_problem() {
        let cases = [
            ("{not json", "not JSON"),
            ("[1,2]", "not a JSON object"),
            (r#"{"code":0,"data":{"items":[]}}"#, "not a /account/costs response"),
            (
                r#"{"code":1002,"message":"Authorization is not active","data":null}"#,
                "code 1002 (Authorization is not active)",
            ),
            (r#"{"resource_pack_subscribe_infos":{"a":1}}"#, "is not a list"),
        ];
        for (text, said) in cases {
            let got = import_costs(text, today());
            assert!(got.lots.is_empty(), "{text}");
            assert_eq!(got.problems.len(), 1, "{text}");
            assert!(got.problems[0].message.contains(said), "{text}: {}", got.problems[0]);
        }
        let big = " ".repeat(5 * 1024 * 1024);
        let got = import_costs(&big, today());
        assert_eq!(
            got.problems[0].to_string(),
            "the response: it is 5120 KB; a response is at most 4096 KB (paste the JSON of /account/costs only)"
        );
    }

    /// A bad field leaves its pack out, says where, and the other packs are read.
    #[test]
    fn a_bad_pack_is_left_out_with_its_problem_and_the_rest_are_read() {
        let text = response(&[
            pack("Video A", "-5", JAN_12, "online"),
            pack("Video B", "1e12", JAN_12, "online"),
            pack("Video C", "\"lots\"", JAN_12, "online"),
            pack("Video D", "10", -1, "online"),
            pack("Video E", "10", JAN_12, "online"),
            "7".to_string(),
        ]);
        let got = import_costs(&text, today());
        assert_eq!(got.lots.len(), 1);
        assert_eq!(got.lots[0].name, "Video E");
        let problems: Vec<String> = got.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                r#"pack 1 ("Video A"), remaining_quantity: -5 units: a pack cannot hold less than none"#,
                r#"pack 2 ("Video B"), remaining_quantity: 1,000,000,000,000 units: more than any pack holds"#,
                r#"pack 3 ("Video C"), remaining_quantity: "lots" is not a number"#,
                r#"pack 4 ("Video D"), invalid_time: -1 is not a time"#,
                r#"pack 6 (""), the pack: not a JSON object"#,
            ]
        );
        assert_eq!(got.left_out.len(), 5);
    }

    #[test]
    fn times_in_seconds_are_read_as_seconds_and_said() {
        let text = response(&[
            pack("Video", "10", JAN_12 / 1000, "online"),
            pack("Video", "10", MAR_1, "online"),
            pack("Video", "10", MAR_1 / 1000, "online"),
        ]);
        let got = import_costs(&text, today());
        assert_eq!(got.lots.len(), 3);
        assert_eq!(got.lots[0].expires.to_string(), "2027-01-12");
        assert_eq!(
            got.problems[0].to_string(),
            "invalid_time of pack 1 and 3: in seconds, not milliseconds: read as seconds"
        );
    }

    #[test]
    fn ten_thousand_packs_keep_the_first_to_expire() {
        let packs: Vec<String> = (0..10_000)
            .map(|i| pack("Video Generation", "1", JAN_12 + i * 86_400_000, "online"))
            .collect();
        let got = import_costs(&response(&packs), today());
        assert_eq!(got.lots.len(), MAX_LOTS);
        assert_eq!(got.lots[0].expires.to_string(), "2027-01-12");
        assert_eq!(got.left_out.len(), 10_000 - MAX_LOTS);
        assert_eq!(
            got.problems[0].message,
            "10000 packs hold units; the planner takes the 50 expiring first"
        );
    }

    #[test]
    fn a_packs_pool_comes_from_its_name() {
        assert_eq!(pool_of("Video Generation - 10,000 entries"), Some(Pool::Video));
        assert_eq!(pool_of("IMAGE GENERATION"), Some(Pool::Image));
        assert_eq!(pool_of("Virtual Try-On Image Pack"), Some(Pool::TryOn));
        assert_eq!(pool_of("Video and image bundle"), None);
        assert_eq!(pool_of("Resource pack"), None);
    }
}
