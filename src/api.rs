//! The JS API, exported with wasm-bindgen and packaged by wasm-pack.
//!
//! A thin shell over [`crate::core`]: it converts JS values to the core's raw input types and the
//! core's results back. Money and units cross as decimal strings ("5670", "0.0035") so nothing is
//! rounded by a JS number. The TypeScript declarations below are the public contract.

use crate::core::{self, estimate::estimate_raw, InputError, RawMix};
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
        None | Some("") => core::default_catalog(),
        Some(id) => {
            core::catalog::edition(id).ok_or_else(|| JsError::new(&format!("unknown catalog edition \"{id}\"")))?
        }
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
