//! The JS API, exported with wasm-bindgen and packaged by wasm-pack.
//!
//! A thin shell over [`kling_pricing`]: it converts JS values to the core's raw input types and the
//! core's results back. Money and units cross as decimal strings ("5670", "0.0035") so nothing is
//! rounded by a JS number. The TypeScript declarations below are the public contract.

use kling_pricing::plan::{plan as plan_core, PlanOptions};
use kling_pricing::{estimate::estimate_raw, InputError, RawMix};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A decimal number written as a string, exact: "5670", "0.0035", "3.5". */
export type DecimalString = string;
/** A number as a JS number or as text ("1,000" and "2.5" are accepted). */
export type NumberInput = number | string;
export type PoolId = "video" | "image" | "try-on";

/** One line of a job mix: a priced combination and how many kept outputs a month. */
export interface JobLineInput {
  /** Service id from `catalog().services`, e.g. "video", "lip-sync", "text-to-image". */
  service: string;
  /** Model id, e.g. "v2.1"; may be left out when the service has only one. */
  model?: string;
  /** "std" or "pro" where the service has modes. */
  mode?: string;
  /** Output duration in seconds (5 or 10) where the service is priced by duration. */
  duration?: NumberInput;
  /** Kept outputs per month, a whole number from 0 to 10,000,000. */
  quantity: NumberInput;
  /** Lip-sync only: length of the input video in seconds (1 to 3,600). */
  videoSeconds?: NumberInput;
  /** Paid generations per output kept (1 to 100, default 1). */
  attemptsPerKept?: NumberInput;
}

export interface JobMixInput {
  /** Catalog edition id; the default edition when left out. */
  edition?: string;
  lines: JobLineInput[];
}

/** A checked job line as the calculator read it. */
export interface JobLine {
  service: string;
  model?: string;
  mode?: string;
  duration?: number;
  quantity: number;
  videoSeconds?: number;
  attemptsPerKept: DecimalString;
}

export interface Provenance {
  source: string;
  status: "confirmed" | "contradicted" | "unconfirmed";
  confirmedBy?: string;
  note?: string;
}

export interface LineEstimate {
  /** Index of the line in the input mix, from 0. */
  index: number;
  line: JobLine;
  label: string;
  pool: PoolId;
  unitsPerJob: DecimalString;
  /** Lip-sync only: billable 5-second segments per job (a started segment counts whole). */
  segments?: number;
  /** Units per month: unitsPerJob × quantity × attemptsPerKept. */
  units: DecimalString;
  /** List value per month in dollars: units × the pool's unit price. */
  value: DecimalString;
  provenance: Provenance;
}

export interface PoolTotal {
  pool: PoolId;
  unitPrice: DecimalString;
  units: DecimalString;
  value: DecimalString;
}

export interface Estimate {
  edition: string;
  lines: LineEstimate[];
  /** Always three entries: video, image, try-on. */
  pools: PoolTotal[];
  /** List value of all pools per month, in dollars. */
  totalValue: DecimalString;
}

/** One problem with the input, precise enough to show next to the field. */
export interface InputProblem {
  /** Job line index from 0, or null for the mix as a whole. */
  line: number | null;
  field: "edition" | "lines" | "service" | "model" | "mode" | "duration" | "quantity" | "videoSeconds" | "attemptsPerKept";
  /** The value as given ("" when missing). */
  value: string;
  problem: { kind: string; [detail: string]: unknown };
  message: string;
}

/** Thrown by `estimate` when any part of the mix is invalid. */
export interface EstimateError extends Error {
  problems: InputProblem[];
}

/** Planner settings; every field is optional. Decimal fields accept numbers or strings. */
export interface PlanOptionsInput {
  /** Months to plan, 1 to 36 (default 3), each a 30-day period. */
  horizonMonths?: number;
  /** Monthly growth of demand in percent, -100 to 1000 (default 0). */
  growthPercent?: NumberInput;
  /** The trial packages were already bought on this account (default false). */
  trialsUsed?: boolean;
  /** Units already held (at most 4 per pool). */
  balances?: { pool: PoolId; units: NumberInput; daysLeft: number; concurrency?: number }[];
  /** Packs you can buy that the catalog does not list, e.g. an image pack (at most 4 per pool). */
  packs?: UserPackInput[];
  /** Custom-package quotes from Kling's sales team (at most 4 per pool). */
  quotes?: UserPackInput[];
  /** The busiest hour, for the concurrency check (video pool unless `pool` is given). */
  peak?: { pool?: PoolId; jobsPerHour: NumberInput; minutesPerJob: NumberInput } | null;
}
export interface UserPackInput {
  pool: PoolId; name?: string; price: NumberInput; units: NumberInput; validityDays: number; concurrency?: number;
}
export interface Purchase {
  month: number; packageId: string; name: string; source: "catalog" | "pack" | "quote"; trial: boolean;
  count: number; price: DecimalString; units: DecimalString; validityDays: number; cost: DecimalString;
}
export interface PeriodRow {
  month: number; demand: DecimalString; startBalance: DecimalString; bought: DecimalString; used: DecimalString;
  forfeited: DecimalString; endBalance: DecimalString; concurrency: number | null; carriesPeak: boolean | null;
}
export interface Alternative {
  label: string; feasible: boolean; totalCost: DecimalString | null; forfeitedUnits: DecimalString | null;
  purchaseCount: number | null; extraCost: DecimalString | null; purchases: Purchase[];
  /** Why it loses, e.g. "Package 2 alone: $5,670.00, forfeits 5,000 units: $1,050.00 more than the best plan." */
  reason: string;
}
export interface PoolPlan {
  pool: PoolId; poolName: string;
  outcome: "planned" | "noDemand" | "noPackage" | "infeasible" | "unsolved";
  message: string; listPrice: DecimalString; unitStep: DecimalString; demand: DecimalString[];
  purchases: Purchase[]; totalCost: DecimalString; unitsBought: DecimalString; unitsUsed: DecimalString;
  unitsUsedFromPurchases: DecimalString; forfeitedUnits: DecimalString; forfeitedValue: DecimalString;
  leftAtEnd: DecimalString; effectiveUnitPrice: DecimalString | null; periods: PeriodRow[];
  alternatives: Alternative[];
  custom: { firstMonth: number; lastMonth: number; windowUnits: DecimalString; largestPackageUnits: DecimalString;
            quoteMustBeat: DecimalString | null; message: string } | null;
  concurrency: { inFlight: DecimalString; needed: number; bestAvailable: number | null; enforced: boolean;
                 carried: boolean; message: string } | null;
  optimal: boolean; costGap: DecimalString | null; unservedMonth: number | null;
}
export interface PlanResult {
  edition: string; horizonMonths: number; growthPercent: DecimalString; trialsUsed: boolean;
  /** One entry per pool with demand or a balance. */
  pools: PoolPlan[];
  totalCost: DecimalString; optimal: boolean; assumptions: string[];
}
/** Thrown by `plan` for a bad option: `problem` names the field and value. */
export interface PlanError extends Error {
  problem?: { field: string; entry: string | null; index: number | null; pool: PoolId | null; month: number | null;
              value: string; message: string };
  problems?: InputProblem[];
}

export interface Source { id: string; title: string; kind: string; url: string; }
export interface PoolInfo { pool: PoolId; name: string; unitPrice: DecimalString; provenance: Provenance; }
export interface Package {
  id: string; name: string; pool: PoolId;
  /** null for the custom package, whose price is negotiated. */
  price: DecimalString | null; units: number | null; validityDays: number | null;
  discountPercent: DecimalString | null; concurrency: number | null;
  trial: boolean; custom: boolean; bestFor: string; provenance: Provenance;
}
export interface PriceRow {
  model: string | null; mode: string | null; seconds: number | null;
  /** Units per job; per segment for per-segment billing. */
  units: DecimalString; provenance: Provenance;
}
export interface Service {
  id: string; name: string; pool: PoolId; description: string;
  billing: { kind: "perJob" } | { kind: "perSegment"; seconds: number };
  provenance: Provenance; rows: PriceRow[];
}
export interface Catalog {
  edition: string; title: string; asOf: string; checked: string;
  assumptions: string[]; sources: Source[];
  /** Human names of option ids, e.g. { "v2.1": "Kling V2.1", "pro": "Professional (1080p)" }. */
  labels: Record<string, string>;
  pools: PoolInfo[]; packages: Package[]; services: Service[];
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "JobMixInput")]
    pub type JobMixInput;
    #[wasm_bindgen(typescript_type = "Estimate")]
    pub type EstimateJs;
    #[wasm_bindgen(typescript_type = "Catalog")]
    pub type CatalogJs;
    #[wasm_bindgen(typescript_type = "InputProblem[]")]
    pub type ProblemsJs;
    #[wasm_bindgen(typescript_type = "PlanOptionsInput")]
    pub type PlanOptionsInput;
    #[wasm_bindgen(typescript_type = "PlanResult")]
    pub type PlanResultJs;
}

/// Option fields that hold decimals: a JS number there is turned into its shortest text, so
/// 1.3 reaches the planner as exactly 1.3.
const DECIMAL_KEYS: [&str; 5] = ["growthPercent", "units", "price", "jobsPerHour", "minutesPerJob"];

fn numbers_to_text(v: &JsValue) {
    if let Some(arr) = v.dyn_ref::<js_sys::Array>() {
        arr.iter().for_each(|x| numbers_to_text(&x));
    } else if v.is_object() {
        for key in DECIMAL_KEYS {
            let k = JsValue::from_str(key);
            if let Ok(x) = js_sys::Reflect::get(v, &k) {
                if let Some(n) = x.as_f64() {
                    let text = n.to_string();
                    let _ = js_sys::Reflect::set(v, &k, &JsValue::from_str(&text));
                }
            }
        }
        for key in ["balances", "packs", "quotes", "peak"] {
            if let Ok(x) = js_sys::Reflect::get(v, &JsValue::from_str(key)) {
                numbers_to_text(&x);
            }
        }
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the result for JS: {e}")).into())
}

fn read_mix(mix: JsValue) -> Result<RawMix, JsValue> {
    serde_wasm_bindgen::from_value(mix).map_err(|e| {
        JsError::new(&format!(
            "the job mix is not of the shape {{ edition?, lines: [...] }}: {e}"
        ))
        .into()
    })
}

fn problems_error(problems: &[InputError]) -> JsValue {
    let text: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    let err = js_sys::Error::new(&format!("invalid job mix: {}", text.join("; ")));
    if let Ok(list) = to_js(&problems) {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &list);
    }
    err.into()
}

/// The catalog edition `edition` (the default when left out): everything a UI needs to offer
/// choices, with each number's source.
#[wasm_bindgen(js_name = catalog)]
pub fn catalog_js(edition: Option<String>) -> Result<CatalogJs, JsValue> {
    let cat = match edition.as_deref() {
        None | Some("") => kling_pricing::default_catalog(),
        Some(id) => kling_pricing::catalog::edition(id)
            .ok_or_else(|| JsError::new(&format!("unknown catalog edition \"{id}\"")))?,
    };
    Ok(to_js(cat)?.unchecked_into())
}

/// Units and list value of a job mix. Throws an `EstimateError` listing every problem when any
/// line is invalid, so a total never silently leaves a line out.
#[wasm_bindgen]
pub fn estimate(mix: JobMixInput) -> Result<EstimateJs, JsValue> {
    let raw = read_mix(mix.into())?;
    let (est, problems) = estimate_raw(&raw);
    if !problems.is_empty() {
        return Err(problems_error(&problems));
    }
    Ok(to_js(&est)?.unchecked_into())
}

/// Every problem with a job mix, without throwing: an empty list means `estimate` will succeed.
#[wasm_bindgen]
pub fn validate(mix: JobMixInput) -> Result<ProblemsJs, JsValue> {
    let raw = read_mix(mix.into())?;
    let (_, problems) = estimate_raw(&raw);
    Ok(to_js(&problems)?.unchecked_into())
}

/// The cheapest way to buy a job mix over time: for each pool, which packages to buy in which
/// month, what it costs, what expires unused, and why the alternatives lose. Throws an
/// `EstimateError` for an invalid mix and a `PlanError` for an invalid option.
#[wasm_bindgen]
pub fn plan(mix: JobMixInput, options: Option<PlanOptionsInput>) -> Result<PlanResultJs, JsValue> {
    let raw = read_mix(mix.into())?;
    let (est, problems) = estimate_raw(&raw);
    if !problems.is_empty() {
        return Err(problems_error(&problems));
    }
    let opts: PlanOptions = match options {
        None => PlanOptions::default(),
        Some(o) => {
            let v: JsValue = o.into();
            if v.is_null() || v.is_undefined() {
                PlanOptions::default()
            } else {
                // Work on a copy so the caller's object is not changed.
                let copy = js_sys::JSON::parse(&js_sys::JSON::stringify(&v)?.as_string().unwrap_or_default())?;
                numbers_to_text(&copy);
                serde_wasm_bindgen::from_value(copy).map_err(|e| {
                    JsValue::from(JsError::new(&format!(
                        "the plan options are not of the documented shape: {e}"
                    )))
                })?
            }
        }
    };
    let catalog = kling_pricing::catalog::edition(est.edition).unwrap_or_else(kling_pricing::default_catalog);
    let units: Vec<_> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
    match plan_core(catalog, &units, &opts) {
        Ok(result) => Ok(to_js(&result)?.unchecked_into()),
        Err(e) => {
            let err = js_sys::Error::new(&format!("invalid plan options: {}", e.message));
            if let Ok(p) = to_js(&e) {
                let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problem"), &p);
            }
            Err(err.into())
        }
    }
}
