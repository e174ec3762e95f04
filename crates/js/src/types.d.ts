// Generated from the Rust types by crates/js/tests/declarations.rs; do not edit.

/** A job mix as it arrives. */
export type JobMixInput = {
  /** Catalog edition; the default edition when absent. */
  edition?: string;
  /** At most 500 lines. */
  lines: Array<JobLineInput>;
};

/** A job line as it arrives, before any checking. Every field may be missing or wrong. */
export type JobLineInput = {
  /**
   * Service id from `catalog().services`, e.g. "video", "lip-sync", "text-to-image". Required:
   * a line without one is reported, not guessed.
   */
  service: string;
  /** Model id, e.g. "v2.1"; may be left out when the service has only one. */
  model?: string;
  /** "std" or "pro" where the service has modes. */
  mode?: string;
  /** Output duration in seconds (5 or 10) where the service is priced by duration. */
  duration?: NumberInput;
  /** Kept outputs per month, a whole number from 0 to 10,000,000. Required. */
  quantity: NumberInput;
  /** Lip-sync only: length of the input video in seconds (1 to 3,600). */
  videoSeconds?: NumberInput;
  /** Paid generations per output kept (1 to 100, up to 4 decimal places; default 1). */
  attemptsPerKept?: NumberInput;
};

/** A number as it arrives from JSON or a form: a JS number or the text someone typed. */
export type NumberInput = number | string;

/** The estimate of a whole mix for one month. */
export type Estimate = {
  edition: string;
  lines: Array<LineEstimate>;
  /** One entry per pool, in `Pool::ALL` order, zero when unused. */
  pools: Array<PoolTotal>;
  /**
   * List value of all pools per month. Units of different pools are not added: they are
   * different currencies.
   */
  totalValue: DecimalString;
};

/** The figures for one job line. */
export type LineEstimate = {
  /** Index of the line in the input mix (from 0). */
  index: number;
  line: JobLine;
  /** A human description, e.g. "Text-to-video / image-to-video · Kling V2.1 · Professional (1080p) · 5 s". */
  label: string;
  pool: PoolId;
  /** Units of one successful job (all segments of a lip-sync video). */
  unitsPerJob: DecimalString;
  /** Billable segments per job (lip-sync only). */
  segments?: number;
  /** Units per month: units per job × quantity × attempts per kept output. */
  units: DecimalString;
  /** List value per month in dollars: units × the pool's unit price. */
  value: DecimalString;
  provenance: Provenance;
};

/**
 * One checked line: a priced combination, a monthly quantity, and how many attempts a kept
 * output costs.
 */
export type JobLine = {
  service: string;
  model?: string;
  mode?: string;
  /** Output duration in seconds, for services priced by duration. */
  duration?: number;
  /** Kept outputs per month. */
  quantity: number;
  /** Length of the input video, for services billed per segment (lip-sync). */
  videoSeconds?: number;
  /** Paid generations per output kept (failed tasks are free; discarded outputs are not). */
  attemptsPerKept: DecimalString;
};

/** Units and list value of one pool. */
export type PoolTotal = {
  pool: PoolId;
  unitPrice: DecimalString;
  units: DecimalString;
  value: DecimalString;
};

/**
 * A resource pack type. Each has its own balance and unit price: video units cannot pay for
 * images, and the deduction API names the product type of every charge.
 */
export type PoolId = "video" | "image" | "try-on";

/** One problem with the input, located precisely enough to show next to the field. */
export type InputProblem = {
  /** Index of the job line (from 0), or `None` for the mix as a whole. */
  line: number | null;
  field: InputField;
  /** The value as given (empty when missing). */
  value: string;
  problem: Problem;
  /** The whole message, for people. */
  message: string;
};

/** The field of the input a problem is in. */
export type InputField =
  | "edition"
  | "lines"
  | "service"
  | "model"
  | "mode"
  | "duration"
  | "quantity"
  | "videoSeconds"
  | "attemptsPerKept";

/** What is wrong with a value. */
export type Problem =
  | { "kind": "missing" }
  | { "kind": "notANumber" }
  | { "kind": "negative" }
  | { "kind": "notWhole" }
  | { "kind": "tooPrecise", places: number }
  | { "kind": "outOfRange", min: DecimalString, max: DecimalString }
  | { "kind": "tooMany", max: number }
  | { "kind": "unknown", choices: Array<string> }
  | { "kind": "choose", choices: Array<string> }
  | { "kind": "notApplicable", service: string };

/** One edition of the catalog: every price, package and source, as of a date. */
export type Catalog = {
  edition: string;
  title: string;
  asOf: string;
  /** When the numbers were last checked against official pages. */
  checked: string;
  assumptions: Array<string>;
  sources: Array<Source>;
  /** Human names of option ids, serialized as an object. */
  labels: Record<string, string>;
  pools: Array<PoolInfo>;
  packages: Array<Package>;
  services: Array<Service>;
};

/** A document prices are taken from or checked against. */
export type Source = {
  id: string;
  title: string;
  kind: string;
  /** Empty when the document has no public address. */
  url: string;
};

/** A resource pool's list price. */
export type PoolInfo = {
  pool: PoolId;
  name: string;
  /** Dollars per unit before any package discount. */
  unitPrice: DecimalString;
  provenance: Provenance;
};

/** A prepaid package on the menu. */
export type Package = {
  id: string;
  name: string;
  pool: PoolId;
  /** `None` for a custom package, whose price is negotiated. */
  price: DecimalString | null;
  units: number | null;
  validityDays: number | null;
  discountPercent: DecimalString | null;
  /** Concurrent tasks allowed while this is the highest active package. */
  concurrency: number | null;
  /** Trials can be bought once per account. */
  trial: boolean;
  /** A custom package is never priced by the calculator; the user enters a quote. */
  custom: boolean;
  bestFor: string;
  provenance: Provenance;
};

/** A billable API feature and its deduction table. */
export type Service = {
  id: string;
  name: string;
  pool: PoolId;
  description: string;
  billing: Billing;
  provenance: Provenance;
  rows: Array<PriceRow>;
};

/** How a service turns one job into units. */
export type Billing = { "kind": "perJob" } | { "kind": "perSegment", seconds: number };

/** One priced combination of a service's options. */
export type PriceRow = {
  model: string | null;
  mode: string | null;
  /** Output duration in seconds, for services priced by duration. */
  seconds: number | null;
  /** Units per job (per segment for `Billing::PerSegment`). */
  units: DecimalString;
  provenance: Provenance;
};

/** Where a number comes from and how far to trust it. */
export type Provenance = {
  /** Key of the `Source` the number is taken from. */
  source: string;
  status: Status;
  /** Key of the official `Source` that confirms or contradicts it. */
  confirmedBy?: string;
  /** What a user must know about the number. */
  note?: string;
};

/** How far an official page agrees with a number. */
export type Status = "confirmed" | "contradicted" | "unconfirmed";
