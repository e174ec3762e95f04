//! The JS API, exported with wasm-bindgen and packaged by wasm-pack as npm "kling-pricing".
//!
//! A thin shell over [`kling_pricing`]: it converts JS values to the core's raw input types and the
//! core's results back. Money and units cross as decimal strings ("5670", "0.0035") so nothing is
//! rounded by a JS number.
//!
//! Every argument is checked by [`guard`] before anything converts it: whatever JS passes, an
//! export returns or throws an `Error` that names the function and the argument; it never traps.
//!
//! The TypeScript declarations are the public contract. They are generated from the Rust types
//! (ts-rs derives behind kling-pricing's `ts` feature) into `types.d.ts` by
//! `tests/declarations.rs`, which fails when the committed file differs from the types; only
//! what has no Rust type is written by hand below.

mod guard;

use guard::Arg;
use kling_pricing::estimate::Estimate;
use kling_pricing::per_use::plan_mix;
use kling_pricing::plan::{PlanError, PlanOptions};
use kling_pricing::{estimate::estimate_raw, RawMix};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Every result and input type, generated from the Rust types (see the crate docs).
#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("types.d.ts");

/// The declarations no Rust type gives: decimals are serialized as text (rust_decimal's
/// `serde-str`) and ts-rs knows no decimal type, so the generated fields name this alias; the
/// errors are JS `Error`s this crate builds, not serde values.
#[wasm_bindgen(typescript_custom_section)]
const HAND_WRITTEN_TYPES: &str = r#"
/** A decimal number written as a string, exact: "5670", "0.0035", "3.5". */
export type DecimalString = string;

/** Thrown by `estimate` and `plan` when any part of the mix is invalid. */
export interface EstimateError extends Error {
  problems: InputProblem[];
}

/** Thrown by `plan`: `problem` names the bad option's field and value, `problems` a bad mix. */
export interface PlanError extends Error {
  problem?: PlanProblem;
  problems?: InputProblem[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `catalog`'s argument: declared a string, but taken as whatever JS passes and checked
    /// here, because wasm-bindgen's own string conversion writes out of bounds on a non-string.
    #[wasm_bindgen(typescript_type = "string")]
    pub type EditionId;
    #[wasm_bindgen(typescript_type = "JobMixInput")]
    pub type JobMixInput;
    #[wasm_bindgen(typescript_type = "Estimate")]
    pub type EstimateJs;
    #[wasm_bindgen(typescript_type = "Catalog")]
    pub type CatalogJs;
    #[wasm_bindgen(typescript_type = "EditionInfo[]")]
    pub type EditionsJs;
    #[wasm_bindgen(typescript_type = "InputProblem[]")]
    pub type ProblemsJs;
    #[wasm_bindgen(typescript_type = "PlanOptionsInput")]
    pub type PlanOptionsInput;
    #[wasm_bindgen(typescript_type = "PlanResult")]
    pub type PlanResultJs;
    /// `importCosts`'s arguments: declared strings, taken as whatever JS passes and checked.
    #[wasm_bindgen(typescript_type = "string")]
    pub type Text;
    #[wasm_bindgen(typescript_type = "Imported")]
    pub type ImportedJs;
}

/// Option fields that hold decimals. serde-str reads a decimal only from text, so a JS number
/// there is first turned into its shortest text: 1.3 reaches the planner as exactly 1.3.
const DECIMAL_KEYS: [&str; 5] = ["growthPercent", "units", "price", "jobsPerHour", "minutesPerJob"];

/// The option fields that hold objects with decimals of their own.
const NESTED_KEYS: [&str; 5] = ["balances", "packs", "quotes", "peak", "perUseRate"];

/// Option fields that are lists of decimals.
const DECIMAL_LIST_KEYS: [&str; 1] = ["demandByMonth"];

/// Rewrites, in place, every decimal option given as a JS number into its text.
fn numbers_to_text(v: &JsValue) {
    if let Some(arr) = v.dyn_ref::<js_sys::Array>() {
        arr.iter().for_each(|x| numbers_to_text(&x));
    } else if v.is_object() {
        for key in DECIMAL_LIST_KEYS {
            let list = js_sys::Reflect::get(v, &JsValue::from_str(key)).ok();
            if let Some(arr) = list.as_ref().and_then(|l| l.dyn_ref::<js_sys::Array>()) {
                for (i, x) in arr.iter().enumerate() {
                    if let Some(n) = x.as_f64() {
                        arr.set(i as u32, JsValue::from_str(&n.to_string()));
                    }
                }
            }
        }
        for key in DECIMAL_KEYS {
            let k = JsValue::from_str(key);
            if let Some(n) = js_sys::Reflect::get(v, &k).ok().and_then(|x| x.as_f64()) {
                let _ = js_sys::Reflect::set(v, &k, &JsValue::from_str(&n.to_string()));
            }
        }
        for key in NESTED_KEYS {
            if let Ok(x) = js_sys::Reflect::get(v, &JsValue::from_str(key)) {
                numbers_to_text(&x);
            }
        }
    }
}

/// A result as plain JS data: the JSON-compatible serializer gives objects (not `Map`s) and
/// numbers (not `BigInt`s), the shapes the declarations promise.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the result for JS: {e}")).into())
}

/// A JS `Error` with `message`, carrying `detail` (when it converts) as the property `key`, so
/// a caller can both print the error and show each problem next to its field.
fn error_with<T: Serialize>(message: &str, key: &str, detail: &T) -> JsValue {
    let err = js_sys::Error::new(message);
    if let Ok(value) = to_js(detail) {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(key), &value);
    }
    err.into()
}

/// What the message says of a mix that is not an object, or that serde cannot read.
const MIX_SHAPE: &str = "the job mix is not of the shape { edition?, lines: [...] }";

/// What the message says of plan options that are not an object, or that serde cannot read.
const OPTIONS_SHAPE: &str = "the plan options are not of the documented shape";

/// The `edition` argument of `catalog`: left out, `null`, `undefined`, or a string of at most
/// [`guard::MAX_TEXT`] characters (an id is a few; a longer one is not copied into wasm).
fn read_edition(edition: Option<EditionId>) -> Result<Option<String>, JsValue> {
    let Some(value) = edition.map(JsValue::from) else {
        return Ok(None);
    };
    let arg = Arg {
        func: "catalog",
        name: "edition",
    };
    match guard::text_len(&value) {
        Some(len) if len > guard::MAX_TEXT => Err(arg.error(&format!(
            " is text of {len} characters; an edition id such as \"kling-2026\" is at most {}",
            guard::MAX_TEXT
        ))),
        Some(_) => Ok(value.as_string()),
        None => Err(arg.error(&format!(
            " must be a string (an edition id such as \"kling-2026\") or left out; got {}",
            guard::kind(&value)
        ))),
    }
}

/// The mix as the core's loose input type, which accepts anything shaped like an object; read
/// from a plain copy (see [`guard`]), so nothing JS can pass reaches serde unchecked.
fn read_mix(func: &'static str, mix: JobMixInput) -> Result<RawMix, JsValue> {
    let arg = Arg { func, name: "mix" };
    let copy = guard::object_copy(&arg, &mix.into(), MIX_SHAPE)?;
    serde_wasm_bindgen::from_value(copy).map_err(|e| arg.error(&format!(": {MIX_SHAPE}: {e}")))
}

/// The estimate of a mix, or an `EstimateError` naming every problem, so a total never
/// silently leaves a line out.
fn checked_estimate(func: &'static str, mix: JobMixInput) -> Result<Estimate, JsValue> {
    let (est, problems) = estimate_raw(&read_mix(func, mix)?);
    if problems.is_empty() {
        return Ok(est);
    }
    let text: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    let message = format!("invalid job mix: {}", text.join("; "));
    Err(error_with(&message, "problems", &problems))
}

/// The planner's options; absent, `null` and `undefined` all mean the defaults. Read from a
/// plain copy (see [`guard`]), whose numbers are then rewritten: the caller's object is left
/// as it was.
fn read_plan_options(options: Option<PlanOptionsInput>) -> Result<PlanOptions, JsValue> {
    let Some(options) = options else {
        return Ok(PlanOptions::default());
    };
    let arg = Arg {
        func: "plan",
        name: "options",
    };
    let copy = guard::object_copy(&arg, &options.into(), OPTIONS_SHAPE)?;
    numbers_to_text(&copy);
    serde_wasm_bindgen::from_value(copy).map_err(|e| arg.error(&format!(": {OPTIONS_SHAPE}: {e}")))
}

/// A `PlanError`: the message, with the field and value as `problem`.
fn plan_error(e: &PlanError) -> JsValue {
    error_with(&format!("invalid plan options: {}", e.message), "problem", e)
}

/// The catalog edition `edition` (the default when left out): everything a UI needs to offer
/// choices, with each number's source. Throws for an unknown id, or an `edition` that is not a
/// string.
#[wasm_bindgen(js_name = catalog)]
pub fn catalog_js(edition: Option<EditionId>) -> Result<CatalogJs, JsValue> {
    let cat = match read_edition(edition)?.as_deref() {
        None | Some("") => kling_pricing::default_catalog(),
        Some(id) => kling_pricing::catalog::edition(id)
            .ok_or_else(|| JsError::new(&format!("unknown catalog edition \"{id}\"")))?,
    };
    Ok(to_js(cat)?.unchecked_into())
}

/// Every catalog edition compiled in: its id, title and dates, which one is the default (a mix
/// without `edition`) and which one the page opens on. Pass an id to `catalog(edition)` for its
/// rows.
#[wasm_bindgen]
pub fn editions() -> Result<EditionsJs, JsValue> {
    Ok(to_js(&kling_pricing::catalog::editions())?.unchecked_into())
}

/// Units and list value of a job mix. Throws an `EstimateError` listing every problem when any
/// line is invalid, so a total never silently leaves a line out.
#[wasm_bindgen]
pub fn estimate(mix: JobMixInput) -> Result<EstimateJs, JsValue> {
    Ok(to_js(&checked_estimate("estimate", mix)?)?.unchecked_into())
}

/// Every problem with a job mix, without throwing: an empty list means `estimate` will succeed.
#[wasm_bindgen]
pub fn validate(mix: JobMixInput) -> Result<ProblemsJs, JsValue> {
    let (_, problems) = estimate_raw(&read_mix("validate", mix)?);
    Ok(to_js(&problems)?.unchecked_into())
}

/// The cheapest way to buy a job mix over time: for each pool, which packages to buy in which
/// month, what it costs, what expires unused, and why the alternatives lose. With
/// `perUseSource` (a seller of the edition, or `"rate"` with `perUseRate`), what the packages
/// leave uncovered is bought per use, and the result compares every seller. Throws an
/// `EstimateError` for an invalid mix and a `PlanError` for an invalid option. Synchronous and
/// bounded: milliseconds for most mixes, up to about half a second for the hardest; call it
/// from a Web Worker to keep a page responsive meanwhile.
#[wasm_bindgen]
pub fn plan(mix: JobMixInput, options: Option<PlanOptionsInput>) -> Result<PlanResultJs, JsValue> {
    let est = checked_estimate("plan", mix)?;
    let opts = read_plan_options(options)?;
    let catalog = kling_pricing::catalog::edition(est.edition).unwrap_or_else(kling_pricing::default_catalog);
    // The per-use seller's price for this mix (and every seller's, for the comparison).
    let lines: Vec<_> = est.lines.iter().map(|l| l.line.clone()).collect();
    let units: Vec<_> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
    let result = plan_mix(catalog, &units, &lines, &opts).map_err(|e| plan_error(&e))?;
    Ok(to_js(&result)?.unchecked_into())
}

/// The packs an account holds, from a pasted `GET /account/costs` response (the whole of it or
/// its `data`), as of `today` (`"2026-12-08"`; left out, the machine's UTC day): each online
/// pack with units left and an expiry after today is a lot (its pool from its name, `null` when
/// the name does not say); every other pack is in `leftOut` with the reason; `problems` says
/// what was wrong and where (a pack and its field, or the whole response). Never throws for a
/// bad response: that is a problem. Makes no request: the text is all it reads.
#[wasm_bindgen(js_name = importCosts)]
pub fn import_costs(response: Text, today: Option<Text>) -> Result<ImportedJs, JsValue> {
    use kling_pricing::account::{import_costs, too_large, MAX_BYTES};
    use kling_pricing::date::Day;
    let today = match today.map(JsValue::from) {
        None => Day::from_unix_ms(js_sys::Date::now() as i64),
        Some(t) => {
            let arg = Arg {
                func: "importCosts",
                name: "today",
            };
            let text = read_text(&arg, &t, 10, "a date such as \"2026-12-08\"")?;
            Day::parse(&text)
                .filter(|_| text.len() == 10)
                .ok_or_else(|| arg.error(&format!(" \"{text}\" is not a date such as \"2026-12-08\"")))?
        }
    };
    let arg = Arg {
        func: "importCosts",
        name: "response",
    };
    let response = JsValue::from(response);
    // A paste too large to be a response is reported as the core reports it, without copying
    // it into the module's memory.
    let imported = match guard::text_len(&response) {
        Some(len) if len as usize > MAX_BYTES => too_large(len as usize),
        _ => import_costs(
            &read_text(
                &arg,
                &response,
                MAX_BYTES as u32,
                "the JSON text of a /account/costs response",
            )?,
            today,
        ),
    };
    Ok(to_js(&imported)?.unchecked_into())
}

/// The string argument `value`, at most `max` characters; `what` is what the message says it
/// should be.
fn read_text(arg: &Arg, value: &JsValue, max: u32, what: &str) -> Result<String, JsValue> {
    match guard::text_len(value) {
        Some(len) if len > max => Err(arg.error(&format!(" is text of {len} characters; {what} is at most {max}"))),
        Some(_) => Ok(value.as_string().unwrap_or_default()),
        None => Err(arg.error(&format!(" must be {what}; got {}", guard::kind(value)))),
    }
}
