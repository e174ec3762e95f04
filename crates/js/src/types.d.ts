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
  /**
   * Audio where the model offers a choice: "none", "native" or "voice" (voice control);
   * left out, the model's plain one.
   */
  audio?: string;
  /**
   * Resolution where the model offers a choice, e.g. "720p", "1080p", "4k"; left out, the
   * mode's own.
   */
  resolution?: string;
  /**
   * Input where the model offers a choice: "text-image", or "video-edit" / "image-edit";
   * left out, "text-image".
   */
  input?: string;
  /**
   * Output duration in seconds where the service is priced by duration: 5 or 10 for a
   * per-clip model, any whole second of the model's range (3 to 15 for Video 3.0) for a
   * per-second one.
   */
  duration?: NumberInput;
  /** Kept outputs per month, a whole number from 0 to 10,000,000. Required. */
  quantity: NumberInput;
  /** Lip-sync only: length of the input video in seconds (1 to 3,600). */
  videoSeconds?: NumberInput;
  /** Paid generations per output kept (1 to 100, up to 4 decimal places; default 1). */
  attemptsPerKept?: NumberInput;
  /**
   * Your own units per second (per job for images), where the catalog's figure is a guess
   * (Kling 4.0, Image 4.0: confidence `assumed`): more than 0, up to 1,000, at most 2
   * decimal places. Refused on a row whose figure comes from a source.
   */
  ownUnits?: NumberInput;
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
  /**
   * Units per second of requested video, for a model priced per second (units per job is
   * this times the duration).
   */
  unitsPerSecond?: DecimalString;
  /**
   * Seconds billed per job when they differ from the seconds delivered: a model given an
   * input video is billed for max(input, output) + output seconds.
   */
  billedSeconds?: number;
  /** Set when the line's model is retired: it still prices, and a page says so. */
  retired?: Retirement;
  /** Units per month: units per job × quantity × attempts per kept output. */
  units: DecimalString;
  /** List value per month in dollars: units × the pool's unit price. */
  value: DecimalString;
  /** Where the price comes from and, in editions that state it, its confidence and date. */
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
  /** Audio variant (`none`, `native`, `voice`), for models that offer one. */
  audio?: string;
  /** Resolution variant (`720p`, `1080p`, `4k`, …), for models that offer one. */
  resolution?: string;
  /** Input variant (`text-image`, `video-edit`, …), for models that offer one. */
  input?: string;
  /**
   * Output duration in seconds, for services priced by duration (any whole second of the
   * row's range for a per-second model).
   */
  duration?: number;
  /** Kept outputs per month. */
  quantity: number;
  /** Length of the input video, for services billed per segment (lip-sync). */
  videoSeconds?: number;
  /** Paid generations per output kept (failed tasks are free; discarded outputs are not). */
  attemptsPerKept: DecimalString;
  /**
   * The user's own units per second (per job for a row priced per job), in place of the
   * catalog's figure where that is a guess (its confidence is `assumed`).
   */
  ownUnits?: DecimalString;
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
  /** Index of the job line (from 0), or `null` for the mix as a whole. */
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
  | "audio"
  | "resolution"
  | "input"
  | "duration"
  | "quantity"
  | "videoSeconds"
  | "attemptsPerKept"
  | "ownUnits";

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
  | { "kind": "notApplicable", service: string }
  | { "kind": "durations", allowed: Durations, of: string }
  | { "kind": "notAGuess", of: string };

/**
 * One edition as `editions()` lists it: what a caller needs to offer the choice, and which
 * edition the APIs default to and the page opens on.
 */
export type EditionInfo = {
  edition: string;
  title: string;
  asOf: string;
  checked: string;
  /** The edition used when none is given (a mix without `edition`, a link without `e`). */
  isDefault: boolean;
  /** The edition a new visitor of the page sees. */
  opensThePage: boolean;
};

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
  /** The package menus, the default first (at least one, checked at build time). */
  menus: Array<Menu>;
  /** Every menu's packages; `Package::menu` says which menu each is on. */
  packages: Array<Package>;
  services: Array<Service>;
  /** Sellers of the models per use, with their price lists (none in seed-2025). */
  perUse?: Array<PerUseSource>;
};

/** A document prices are taken from or checked against. */
export type Source = {
  id: string;
  title: string;
  kind: string;
  /** Empty when the document has no public address. */
  url: string;
  /** When the copy quoted was made or published, where known. */
  date?: string;
};

/** A resource pool's list price. */
export type PoolInfo = {
  pool: PoolId;
  name: string;
  /** Dollars per unit before any package discount. */
  unitPrice: DecimalString;
  provenance: Provenance;
};

/**
 * A package menu: one reading of which prepaid packages Kling sells. An edition may carry
 * more than one when the sources disagree (the 2025 guide's menu and a 2026 guide's), so a
 * plan can say which it assumes and a user can switch.
 */
export type Menu = {
  /** The id in links (`m=`) and the JS API's `menu` option. */
  id: string;
  /** How the page names it: "the 2026 guide's menu". */
  name: string;
  provenance: Provenance;
};

/** A prepaid package on a menu. */
export type Package = {
  id: string;
  name: string;
  pool: PoolId;
  /** The `Menu` the package is on; `null`: every menu of the edition (a custom package). */
  menu?: string;
  /** `null` for a custom package, whose price is negotiated. */
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
  /** The variants the service's rows use, in `Variant::ALL` order (empty for none). */
  variants?: Array<VariantChoices>;
};

/** How a service turns one job into units. */
export type Billing = { "kind": "perJob" } | { "kind": "perSegment", seconds: number } | { "kind": "perSecond" };

/**
 * The values a service offers for one `Variant`, the plain one first: a line that leaves
 * the variant out gets the first value the chosen model offers.
 */
export type VariantChoices = {
  variant: Variant;
  choices: Array<string>;
};

/**
 * A choice a 2026 model may offer besides model, mode and duration. The kinds are fixed
 * (a job line has a field for each); which values a service offers, in which order, is data
 * (`Service::variants`).
 */
export type Variant = "audio" | "resolution" | "input";

/** One priced combination of a service's options. */
export type PriceRow = {
  model: string | null;
  mode: string | null;
  /** Output duration in seconds, for services priced per clip of a fixed length. */
  seconds: number | null;
  /**
   * Units per job (per segment for `Billing::PerSegment`, per second for
   * `Billing::PerSecond`).
   */
  units: DecimalString;
  provenance: Provenance;
  audio?: string;
  resolution?: string;
  input?: string;
  /** The durations a job may request, for `Billing::PerSecond`. */
  durations?: Durations;
  /**
   * A job of this row takes an input video (a reference to follow, or a video to edit) and
   * is billed for max(input, output) + output seconds (`PriceRow::billed_seconds`).
   */
  inputVideo?: boolean;
  /** Set when the model is retired; the row still prices. */
  retired?: Retirement;
};

/**
 * The whole durations a per-second row accepts: `min`, `min + step`, … up to `max`.
 * The 3.0 family takes any second from 3 to 15 (step 1); the 2.x models 5 or 10 (step 5).
 */
export type Durations = {
  min: number;
  max: number;
  step: number;
};

/** A model's retirement: old mixes still price, and the line says the model is gone. */
export type Retirement = {
  /** The day the model stops (`2026-09-15`). */
  date: string;
  /** Key of the `Source` that announces it. */
  source: string;
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
  /**
   * How sure the number is; `null` in editions that predate the field (seed-2025, whose
   * `status` says the same against the official pages).
   */
  confidence?: Confidence;
  /** When the number was seen (`2026-03-13`, `2026-03` or `2026`), whenever `confidence` is set. */
  asOf?: string;
};

/** How far an official page agrees with a number. */
export type Status = "confirmed" | "contradicted" | "unconfirmed";

/**
 * How sure a price is, in the words shown next to it. Editions from 2026 on state one for
 * every number, because most 2026 prices are not on an official page and a user planning a
 * budget must see which ones are guesses.
 */
export type Confidence = "official" | "inferred" | "seed" | "listed" | "guide" | "assumed";

/**
 * A seller of Kling's models per use (fal.ai, Runware, …): no expiry, no minimum, no pack.
 * A row it has no price for is a model it does not offer, as far as the sources show.
 */
export type PerUseSource = {
  id: string;
  name: string;
  provenance: Provenance;
  prices: Array<PerUsePrice>;
};

/**
 * One price of a per-use seller: dollars for one unit of what a catalog row bills (a second
 * of a per-second row, a segment of a per-segment row, a job otherwise).
 */
export type PerUsePrice = {
  /** The id of the row's service. */
  service: string;
  /** Index of the row in its service's `rows` (checked at build time). */
  row: number;
  /** Dollars per second, segment or job, as the row bills. */
  price: DecimalString;
  provenance: Provenance;
};

/** What to plan with, besides the job mix. */
export type PlanOptionsInput = {
  /** Months to plan for, 1 to 36 (default 3). */
  horizonMonths?: number;
  /** Monthly growth of demand in percent, from -100 to 1000 (up to 4 decimal places; default 0). */
  growthPercent?: NumberInput;
  /**
   * Each month's multiplier of the mix, month 1 first (`[1, 1, 3]`: month 3 needs three
   * times the mix, a launch), from 0 to 100 with up to 4 decimal places; a month past the
   * list is ×1. It multiplies the month's demand after growth, and does not compound: month
   * 4 grows from month 3's demand without its multiplier.
   */
  demandByMonth?: Array<NumberInput>;
  /**
   * The package menu to buy from: the id of one of the edition's menus (`catalog().menus`,
   * e.g. `guide-2026`). Left out, the edition's first menu.
   */
  menu?: string | null;
  /** The trial packages were already bought on this account (default false). */
  trialsUsed?: boolean;
  /** Units already held. */
  balances?: Array<BalanceInput>;
  /** Packages the user can buy that the catalog does not list (image and try-on packs). */
  packs?: Array<UserPackInput>;
  /** Custom-package quotes from Kling's sales team. */
  quotes?: Array<UserPackInput>;
  /** The busiest hour, for the concurrency check. */
  peak?: PeakInput | null;
  /**
   * Buy per use what the packs leave uncovered: a per-use seller's id in the catalog
   * edition (`fal`, `runware`, …), `"cheapest"` for the cheapest seller of each pool, or
   * `"rate"` for `perUseRate`. Left out: packs only.
   * Resolved into `PlanOptions::per_use` by `crate::per_use::apply`.
   */
  perUseSource?: string | null;
  /**
   * The user's own per-use price (a negotiated rate), dollars per unit per pool; used when
   * `perUseSource` is `"rate"`.
   */
  perUseRate?: Array<PoolRateInput>;
};

/** A per-use price in one pool, in dollars per unit. */
export type PoolRateInput = {
  pool: PoolId;
  /** Dollars per unit, more than 0, up to 10 decimal places. */
  price: NumberInput;
};

/** Units already held in a pool. */
export type BalanceInput = {
  pool: PoolId;
  units: NumberInput;
  /** Days until they expire; 0 means they are gone. */
  daysLeft: number;
  /** Concurrency of the package they came from (5 for Packages 1–3, 3 for a trial), if known. */
  concurrency?: number;
};

/** A package the user enters: an image or try-on pack, or a custom quote. */
export type UserPackInput = {
  pool: PoolId;
  /** Shown in the plan; a default name is used when empty. */
  name?: string;
  /** Dollars, up to 6 decimal places. */
  price: NumberInput;
  units: NumberInput;
  validityDays: number;
  concurrency?: number;
};

/** The busiest hour of the workload in one pool. */
export type PeakInput = {
  /** The pool whose concurrency limit applies (the video pool when left out). */
  pool?: PoolId;
  jobsPerHour: NumberInput;
  minutesPerJob: NumberInput;
};

/** The plan for every pool with demand or a balance. */
export type PlanResult = {
  edition: string;
  /** The package menu the plan buys from. */
  menu: Menu;
  horizonMonths: number;
  growthPercent: DecimalString;
  /** Each month's multiplier of the mix, as given (empty: none). */
  demandByMonth: Array<DecimalString>;
  trialsUsed: boolean;
  pools: Array<PoolPlan>;
  /** Dollars of all pools' plans. */
  totalCost: DecimalString;
  /** Every pool's plan is proven cheapest. */
  optimal: boolean;
  assumptions: Array<string>;
  /**
   * Each way to buy the mix over the horizon: per use at each seller (or why it is left
   * out), packs only, and the best plan; only when per use is on or sellers are compared.
   */
  comparison?: Array<ComparisonRow>;
  /**
   * The same mix planned on each other menu of the edition (see `MenuVerdict`); empty
   * for an edition with one menu, and from `plan()` of the Rust API, which plans one menu.
   */
  otherMenus?: Array<MenuVerdict>;
  /**
   * The lines whose units are a guess (the catalog's figure is assumed and the line gives
   * none of its own), in the pools where the plan buys packages: how many to buy rests on
   * that guess, and a page must say so. Each reads "Kling 4.0 … (1.1 units a second,
   * assumed)". Empty from `plan()` of the Rust API, which sees units, not lines.
   */
  guesses?: Array<string>;
};

/**
 * What the plan would be on another package menu of the edition: the sources disagree on
 * Kling's menu, so a plan says when the answer rests on which one is right.
 */
export type MenuVerdict = {
  menu: Menu;
  /** Dollars of the best plan on that menu. */
  totalCost: DecimalString;
  /** Whether that plan is proven cheapest. */
  optimal: boolean;
  /** What it buys, in a few words: "Package 2 (15,000 units) ×1 and per use at fal.ai". */
  buys: string;
  /**
   * Whether it buys differently from the plan it is compared with (other packages, or
   * the same at another cost): the verdict then depends on the menu.
   */
  differs: boolean;
};

/** The plan for one pool. */
export type PoolPlan = {
  pool: PoolId;
  poolName: string;
  outcome: PoolOutcome;
  /** One sentence for people. */
  message: string;
  /** The pool's list price per unit. */
  listPrice: DecimalString;
  /** Demand is rounded up to multiples of this. */
  unitStep: DecimalString;
  demand: Array<DecimalString>;
  purchases: Array<Purchase>;
  totalCost: DecimalString;
  unitsBought: DecimalString;
  /** Units drawn over the horizon (all the demand when planned). */
  unitsUsed: DecimalString;
  /** Of those, units drawn from packages bought (the rest came from the balance). */
  unitsUsedFromPurchases: DecimalString;
  /** Units not used within the horizon, including `leftAtEnd`. */
  forfeitedUnits: DecimalString;
  /** `forfeitedUnits` at the list price. */
  forfeitedValue: DecimalString;
  /** Units left at the end of the horizon that are still valid after it. */
  leftAtEnd: DecimalString;
  /** Dollars per unit drawn from purchases (6 decimal places), next to `listPrice`. */
  effectiveUnitPrice: DecimalString | null;
  periods: Array<PeriodRow>;
  alternatives: Array<Alternative>;
  custom: CustomAdvice | null;
  concurrency: ConcurrencyVerdict | null;
  /** The plan is proven cheapest. When `false`, `costGap` bounds how far it may be from it. */
  optimal: boolean;
  /** Most dollars the plan may cost above the cheapest (only when not proven optimal). */
  costGap: DecimalString | null;
  /** The month no plan can serve (1-based), when infeasible. */
  unservedMonth: number | null;
  /** What the plan buys per use (only when per use is on in this pool). */
  perUse?: PerUsePlan;
};

/** What became of a pool. */
export type PoolOutcome = "planned" | "noDemand" | "noPackage" | "infeasible" | "unsolved";

/** Packages of one kind bought at the start of one month. */
export type Purchase = {
  /** 1-based. */
  month: number;
  /** The catalog package id, or `pack-N` / `quote-N` (N is the 1-based index in the options). */
  packageId: string;
  name: string;
  source: PackSource;
  trial: boolean;
  count: number;
  /** Price of one package. */
  price: DecimalString;
  /** Units of one package. */
  units: DecimalString;
  validityDays: number;
  /** `count × price`. */
  cost: DecimalString;
};

/** Where a package on the plan comes from. */
export type PackSource = "catalog" | "pack" | "quote";

/** One month of a plan: the pool's stock from start to end. */
export type PeriodRow = {
  /** 1-based. */
  month: number;
  demand: DecimalString;
  /** Units held at the start of the month, before buying. */
  startBalance: DecimalString;
  bought: DecimalString;
  used: DecimalString;
  /** Units that expire unused at the end of the month. */
  forfeited: DecimalString;
  endBalance: DecimalString;
  /** Highest concurrency of the packages held this month (`null` when nothing known is held). */
  concurrency: number | null;
  /** Whether that carries the peak (`null` without a peak or without demand this month). */
  carriesPeak: boolean | null;
  /** Units bought per use this month: the demand the stock left undrawn (only with per use). */
  perUseUnits?: DecimalString;
  /** Their dollars (only with per use). */
  perUseCost?: DecimalString;
};

/** A plan that loses to the best one, and why. */
export type Alternative = {
  /** E.g. "Package 2 alone", "Trials only", "Without trials". */
  label: string;
  feasible: boolean;
  totalCost: DecimalString | null;
  forfeitedUnits: DecimalString | null;
  purchaseCount: number | null;
  /** Dollars more than the best plan. */
  extraCost: DecimalString | null;
  purchases: Array<Purchase>;
  /** E.g. "Package 2 alone: $5,670.00, forfeits 5,000 units: $1,050.00 more than the best plan." */
  reason: string;
};

/** When demand calls for a custom package. */
export type CustomAdvice = {
  /** The busiest window of three consecutive months (the whole horizon when shorter), 1-based. */
  firstMonth: number;
  lastMonth: number;
  windowUnits: DecimalString;
  /** Units of the largest package on sale in the pool (quotes aside). */
  largestPackageUnits: DecimalString;
  /**
   * A quote must cost less than this per unit to beat the plan (its cost per used unit,
   * rounded down to 6 decimal places); `null` when there is no plan.
   */
  quoteMustBeat: DecimalString | null;
  message: string;
};

/** What a pool's plan buys per use, and the two plain ways to buy next to it. */
export type PerUsePlan = {
  /** Who sells per use ("fal.ai", "your rate"). */
  name: string;
  /** Dollars per unit. */
  unitPrice: DecimalString;
  /** Units bought per use in each month. */
  unitsPerMonth: Array<DecimalString>;
  units: DecimalString;
  /** Dollars of those units (part of the plan's `totalCost`). */
  cost: DecimalString;
  /** Dollars over the horizon buying everything the balance leaves per use. */
  perUseOnlyCost: DecimalString;
  /** Dollars of the best plan with packages only (`null` when they cannot serve every month). */
  packsOnlyCost: DecimalString | null;
};

/** One way to buy the whole mix over the horizon, in the comparison of `PlanResult`. */
export type ComparisonRow = {
  /** "Per use only (fal.ai)", "Packs only", "Best plan". */
  label: string;
  /** `perUse` (a seller or the user's rate), `packsOnly` or `best`. */
  kind: ComparisonKind;
  /** Dollars over the horizon, all pools (`null` when this way cannot serve the mix). */
  totalCost: DecimalString | null;
  /** Dollars more than the best plan. */
  extraCost: DecimalString | null;
  /** Why it is left out, or what it costs against the best plan. */
  message: string;
};

/** The kind of a `ComparisonRow`. */
export type ComparisonKind = "perUse" | "packsOnly" | "best";

/** Whether the plan's concurrency carries the peak. */
export type ConcurrencyVerdict = {
  /** Tasks in flight at peak: jobs per hour × minutes per job ÷ 60 (2 decimal places). */
  inFlight: DecimalString;
  /** Concurrent tasks needed: `inFlight` rounded up. */
  needed: number;
  /** The highest concurrency any package or balance of the pool offers. */
  bestAvailable: number | null;
  /** The planner required a package carrying the peak in every month with demand. */
  enforced: boolean;
  /** Every month with demand holds enough concurrency. */
  carried: boolean;
  message: string;
};

/** A planning input that is out of bounds: the field, the value and the rule. */
export type PlanProblem = {
  field: PlanField;
  /** The list the value is in (with `index`), for a balance, pack, quote or the peak. */
  entry: OptionList | null;
  /** 0-based index in that list. */
  index: number | null;
  pool: PoolId | null;
  /** For demand: the 1-based month whose demand is out of range. */
  month: number | null;
  value: string;
  problem: Problem;
  /** The whole message, for people. */
  message: string;
};

/** The input a planning error is about. */
export type PlanField =
  | "horizonMonths"
  | "growthPercent"
  | "monthlyUnits"
  | "balances"
  | "balanceUnits"
  | "balanceDaysLeft"
  | "balanceConcurrency"
  | "packs"
  | "quotes"
  | "packPrice"
  | "packUnits"
  | "packValidityDays"
  | "packConcurrency"
  | "peakJobsPerHour"
  | "peakMinutesPerJob"
  | "perUsePrice"
  | "perUseSource"
  | "menu"
  | "demandByMonth";

/** The list of `PlanOptionsInput` a value with an error is in: `balances`, `packs`, `quotes` or `peak`. */
export type OptionList = "balance" | "pack" | "quote" | "peak" | "perUseRate";

/** What a response held: the lots in expiry order, the packs left out, and the problems found. */
export type Imported = {
  lots: Array<Lot>;
  leftOut: Array<LeftOut>;
  problems: Array<ImportProblem>;
};

/** Units an account holds in one pack, as the planner draws on them. */
export type Lot = {
  /** The pack's name, as Kling gives it (shown, never put in a link). */
  name: string;
  /** The pool it serves; `null` when its name does not say (ask which). */
  pool: PoolId | null;
  /** The units left. */
  units: DecimalString;
  /**
   * The day it expires, `2027-01-12`: the UTC day of the pack's expiry time. It serves the
   * days before.
   */
  expires: string;
  /** How many tasks it runs at once, where known. */
  concurrency: number | null;
};

/** A pack that is not a lot, and why. */
export type LeftOut = {
  name: string;
  reason: string;
};

/**
 * Something wrong with the response: where (`pack 3 ("Video Generation - 10,000 entries"),
 * remaining_quantity`) and what.
 */
export type ImportProblem = {
  at: string;
  message: string;
};
