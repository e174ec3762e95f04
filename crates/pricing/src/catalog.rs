//! The price catalog: what Kling charges, as data.
//!
//! The numbers live in `catalog/*.toml`; `build.rs` turns each file into a `static Catalog`
//! (see `generated` below), so this module holds only the types and the look-ups.

use rust_decimal::Decimal;
use serde::Serialize;

/// A resource pack type. Each has its own balance and unit price: video units cannot pay for
/// images, and the deduction API names the product type of every charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PoolId"))]
pub enum Pool {
    #[serde(rename = "video")]
    Video,
    #[serde(rename = "image")]
    Image,
    #[serde(rename = "try-on")]
    TryOn,
}

impl Pool {
    /// Every pool, in display order.
    pub const ALL: [Pool; 3] = [Pool::Video, Pool::Image, Pool::TryOn];

    /// The id used in data files, URLs and the JS API.
    pub fn id(self) -> &'static str {
        match self {
            Pool::Video => "video",
            Pool::Image => "image",
            Pool::TryOn => "try-on",
        }
    }

    /// Parses a pool id as written by [`Pool::id`].
    pub fn from_id(id: &str) -> Option<Pool> {
        Pool::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// How far an official page agrees with a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Status {
    /// An official page gives the same number.
    Confirmed,
    /// An official page gives a different number; the catalog keeps its own and says so.
    Contradicted,
    /// No official page gives this number.
    Unconfirmed,
}

/// How sure a price is, in the words shown next to it. Editions from 2026 on state one for
/// every number, because most 2026 prices are not on an official page and a user planning a
/// budget must see which ones are guesses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Confidence {
    /// Kling's own documentation gives it.
    Official,
    /// Derived from pass-through resellers' prices (they charge exactly the list price per unit).
    Inferred,
    /// The 2025 pricing guide's figure, not confirmed for the edition's year.
    Seed,
    /// A per-use seller's own price page gives it (its price, not Kling's).
    Listed,
    /// A third-party guide gives it (one written in 2026, say), and no Kling page confirms it.
    Guide,
    /// No source gives Kling's figure: a guess (its note says from what), which a job line may
    /// replace with the user's own figure. A plan that buys packages for such a line says so.
    Assumed,
}

impl Confidence {
    /// The word data files and exports use (`official`, `assumed`, …).
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Official => "official",
            Confidence::Inferred => "inferred",
            Confidence::Seed => "seed",
            Confidence::Listed => "listed",
            Confidence::Guide => "guide",
            Confidence::Assumed => "assumed",
        }
    }

    /// The words a page shows before the date ("inferred from reseller prices, as of 2026-03").
    pub fn words(self) -> &'static str {
        match self {
            Confidence::Official => "official",
            Confidence::Inferred => "inferred from reseller prices",
            Confidence::Seed => "the 2025 guide's figure",
            Confidence::Listed => "the seller's listed price",
            Confidence::Guide => "a third-party guide's figure",
            Confidence::Assumed => "assumed (a guess; no Kling figure is known)",
        }
    }
}

/// Where a number comes from and how far to trust it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Provenance {
    /// Key of the [`Source`] the number is taken from.
    pub source: &'static str,
    pub status: Status,
    /// Key of the official [`Source`] that confirms or contradicts it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub confirmed_by: Option<&'static str>,
    /// What a user must know about the number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub note: Option<&'static str>,
    /// How sure the number is; `None` in editions that predate the field (seed-2025, whose
    /// `status` says the same against the official pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub confidence: Option<Confidence>,
    /// When the number was seen (`2026-03-13`, `2026-03` or `2026`), whenever `confidence` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub as_of: Option<&'static str>,
}

/// A document prices are taken from or checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    /// Empty when the document has no public address.
    pub url: &'static str,
    /// When the copy quoted was made or published, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub date: Option<&'static str>,
}

/// A resource pool's list price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PoolInfo {
    pub pool: Pool,
    pub name: &'static str,
    /// Dollars per unit before any package discount.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub unit_price: Decimal,
    pub provenance: Provenance,
}

/// A package menu: one reading of which prepaid packages Kling sells. An edition may carry
/// more than one when the sources disagree (the 2025 guide's menu and a 2026 guide's), so a
/// plan can say which it assumes and a user can switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Menu {
    /// The id in links (`m=`) and the JS API's `menu` option.
    pub id: &'static str,
    /// How the page names it: "the 2026 guide's menu".
    pub name: &'static str,
    pub provenance: Provenance,
}

/// A prepaid package on a menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Package {
    pub id: &'static str,
    pub name: &'static str,
    pub pool: Pool,
    /// The [`Menu`] the package is on; `None`: every menu of the edition (a custom package).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub menu: Option<&'static str>,
    /// `None` for a custom package, whose price is negotiated.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub price: Option<Decimal>,
    pub units: Option<u64>,
    pub validity_days: Option<u32>,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub discount_percent: Option<Decimal>,
    /// Concurrent tasks allowed while this is the highest active package.
    pub concurrency: Option<u32>,
    /// Trials can be bought once per account.
    pub trial: bool,
    /// A custom package is never priced by the calculator; the user enters a quote.
    pub custom: bool,
    pub best_for: &'static str,
    pub provenance: Provenance,
}

impl Package {
    /// Whether the package is on menu `menu`.
    pub fn on(&self, menu: &Menu) -> bool {
        self.menu.is_none_or(|id| id == menu.id)
    }

    /// Dollars per unit, when the package has a price.
    pub fn unit_price(&self) -> Option<Decimal> {
        match (self.price, self.units) {
            (Some(p), Some(u)) if u > 0 => Some(p / Decimal::from(u)),
            _ => None,
        }
    }
}

/// How a service turns one job into units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Billing {
    /// A fixed number of units per successful job.
    PerJob,
    /// Units per started segment of the input video (lip-sync).
    PerSegment { seconds: u32 },
    /// Units per second of requested output: a row's `units` are per second, and each row
    /// says which whole durations a job may request ([`PriceRow::durations`]).
    PerSecond,
}

/// The whole durations a per-second row accepts: `min`, `min + step`, … up to `max`.
/// The 3.0 family takes any second from 3 to 15 (step 1); the 2.x models 5 or 10 (step 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Durations {
    pub min: u32,
    pub max: u32,
    pub step: u32,
}

impl Durations {
    /// Whether a job may request `seconds`.
    pub fn contains(self, seconds: u32) -> bool {
        (self.min..=self.max).contains(&seconds) && (seconds - self.min) % self.step.max(1) == 0
    }

    /// Every duration allowed, shortest first.
    pub fn seconds(self) -> impl Iterator<Item = u32> {
        (self.min..=self.max).step_by(self.step.max(1) as usize)
    }

    /// The durations as a message says them: "3 to 15 s", "5 or 10 s".
    pub fn describe(self) -> String {
        let all: Vec<String> = self.seconds().map(|s| s.to_string()).collect();
        match all.as_slice() {
            [one] => format!("{one} s"),
            _ if self.step <= 1 => format!("{} to {} s", self.min, self.max),
            [init @ .., last] => format!("{} or {last} s", init.join(", ")),
            [] => String::new(),
        }
    }
}

/// A model's retirement: old mixes still price, and the line says the model is gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Retirement {
    /// The day the model stops (`2026-09-15`).
    pub date: &'static str,
    /// Key of the [`Source`] that announces it.
    pub source: &'static str,
}

/// A choice a 2026 model may offer besides model, mode and duration. The kinds are fixed
/// (a job line has a field for each); which values a service offers, in which order, is data
/// ([`Service::variants`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Variant {
    /// No audio, native audio, or audio with voice control.
    Audio,
    /// 720p / 1080p (the mode's own) or 4K; 1K-2K or 4K for images.
    Resolution,
    /// A text or image prompt, or a video (or image) to edit.
    Input,
}

impl Variant {
    /// Every kind, in the order a line's choices cascade (each narrows the next).
    pub const ALL: [Variant; 3] = [Variant::Audio, Variant::Resolution, Variant::Input];

    /// The id used in data files, job lines and the JS API.
    pub fn id(self) -> &'static str {
        match self {
            Variant::Audio => "audio",
            Variant::Resolution => "resolution",
            Variant::Input => "input",
        }
    }
}

/// The values a service offers for one [`Variant`], the plain one first: a line that leaves
/// the variant out gets the first value the chosen model offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VariantChoices {
    pub variant: Variant,
    pub choices: &'static [&'static str],
}

/// One priced combination of a service's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PriceRow {
    pub model: Option<&'static str>,
    pub mode: Option<&'static str>,
    /// Output duration in seconds, for services priced per clip of a fixed length.
    pub seconds: Option<u32>,
    /// Units per job (per segment for [`Billing::PerSegment`], per second for
    /// [`Billing::PerSecond`]).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    pub provenance: Provenance,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub audio: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub resolution: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub input: Option<&'static str>,
    /// The durations a job may request, for [`Billing::PerSecond`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub durations: Option<Durations>,
    /// A job of this row takes an input video (a reference to follow, or a video to edit) and
    /// is billed for max(input, output) + output seconds ([`PriceRow::billed_seconds`]).
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub input_video: bool,
    /// Set when the model is retired; the row still prices.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub retired: Option<Retirement>,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl PriceRow {
    /// The seconds a per-second job of `output` seconds is billed for: the output, or with an
    /// input video of `input` seconds, max(input, output) + output (a 10 s output from a 6 s
    /// reference bills 20 s; from a 25 s reference, 35 s). Kling 4.0's reference-video rule as
    /// its sellers state it; an edition marks the rows it applies to (`input_video`).
    pub fn billed_seconds(&self, output: u32, input: u32) -> u32 {
        if self.input_video {
            input.max(output).saturating_add(output)
        } else {
            output
        }
    }

    /// The row's value for `variant` (`None`: the row's model has no such choice).
    pub fn variant(&self, variant: Variant) -> Option<&'static str> {
        match variant {
            Variant::Audio => self.audio,
            Variant::Resolution => self.resolution,
            Variant::Input => self.input,
        }
    }
}

/// A billable API feature and its deduction table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Service {
    pub id: &'static str,
    pub name: &'static str,
    pub pool: Pool,
    pub description: &'static str,
    pub billing: Billing,
    pub provenance: Provenance,
    pub rows: &'static [PriceRow],
    /// The variants the service's rows use, in [`Variant::ALL`] order (empty for none).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<VariantChoices>>", optional))]
    pub variants: &'static [VariantChoices],
}

/// One combination of a service's options, as a job line gives it (`None`: not given).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Choice<'a> {
    pub model: Option<&'a str>,
    pub mode: Option<&'a str>,
    /// The line's value for each [`Variant`], in [`Variant::ALL`] order.
    pub variants: [Option<&'a str>; 3],
    pub seconds: Option<u32>,
}

impl Choice<'_> {
    /// Whether `row` has this model and mode, and the same value for each variant before
    /// `upto` in [`Variant::ALL`] (the choices a cascade has already made).
    fn options_before(&self, row: &PriceRow, upto: usize) -> bool {
        row.model == self.model
            && row.mode == self.mode
            && Variant::ALL[..upto]
                .iter()
                .zip(self.variants)
                .all(|(&v, given)| row.variant(v) == given)
    }
}

impl Service {
    /// The row for exactly this combination of options, if the catalog prices it (a row
    /// without variants; see [`Service::find`] for the rest).
    pub fn row(&self, model: Option<&str>, mode: Option<&str>, seconds: Option<u32>) -> Option<&'static PriceRow> {
        self.find(&Choice {
            model,
            mode,
            seconds,
            ..Choice::default()
        })
    }

    /// The row pricing `choice`: same options and variants, and a duration the row takes (its
    /// fixed `seconds`, or one of its per-second [`Durations`]).
    pub fn find(&self, choice: &Choice) -> Option<&'static PriceRow> {
        self.rows.iter().find(|r| {
            choice.options_before(r, Variant::ALL.len())
                && match r.durations {
                    Some(d) => choice.seconds.is_some_and(|s| d.contains(s)),
                    None => r.seconds == choice.seconds,
                }
        })
    }

    /// The distinct models, in catalog order (empty when the service has no model choice).
    pub fn models(&self) -> Vec<&'static str> {
        distinct(self.rows.iter().filter_map(|r| r.model))
    }

    /// The modes offered for `model`, in catalog order.
    pub fn modes(&self, model: Option<&str>) -> Vec<&'static str> {
        distinct(self.rows.iter().filter(|r| r.model == model).filter_map(|r| r.mode))
    }

    /// The durations offered for `model` and `mode` over all their variants, in catalog
    /// order (every whole second of a per-second row's range).
    pub fn durations(&self, model: Option<&str>, mode: Option<&str>) -> Vec<u32> {
        distinct(
            self.rows
                .iter()
                .filter(|r| r.model == model && r.mode == mode)
                .flat_map(|r| {
                    r.seconds
                        .into_iter()
                        .chain(r.durations.into_iter().flat_map(Durations::seconds))
                }),
        )
    }

    /// The values offered for `variant` once `choice`'s model, mode and earlier variants are
    /// chosen, plain first (the service's declared order). Empty when the model has no such
    /// choice. What a line editor offers, and what [`crate::mix::parse_line`] accepts.
    pub fn variant_choices(&self, choice: &Choice, variant: Variant) -> Vec<&'static str> {
        let upto = Variant::ALL.iter().position(|&v| v == variant).unwrap_or(0);
        let offered = distinct(
            self.rows
                .iter()
                .filter(|r| choice.options_before(r, upto))
                .filter_map(|r| r.variant(variant)),
        );
        // Every value a row uses is in the declared list (checked at build time).
        let declared = self.variants.iter().find(|c| c.variant == variant);
        let declared = declared.map_or(&[][..], |c| c.choices);
        declared.iter().copied().filter(|c| offered.contains(c)).collect()
    }

    /// The durations a per-second row takes for `choice`'s options and variants (its
    /// duration is ignored); `None` for a service priced per clip or job.
    pub fn seconds_range(&self, choice: &Choice) -> Option<Durations> {
        self.rows
            .iter()
            .find(|r| choice.options_before(r, Variant::ALL.len()))
            .and_then(|r| r.durations)
    }

    /// Whether the units of `choice`'s row (its duration ignored) are a guess, which a job
    /// line may replace with the user's own figure.
    pub fn guessed(&self, choice: &Choice) -> bool {
        self.rows
            .iter()
            .find(|r| choice.options_before(r, Variant::ALL.len()))
            .is_some_and(|r| r.provenance.confidence == Some(Confidence::Assumed))
    }

    /// The retirement of `model`, if the catalog marks it retired.
    pub fn retirement(&self, model: Option<&str>) -> Option<Retirement> {
        self.rows.iter().filter(|r| r.model == model).find_map(|r| r.retired)
    }

    /// Whether a job line of `choice` (its model, mode and variants; the duration is ignored)
    /// gives the length of an input video: lip-sync, billed per segment of it, and a row billed
    /// for its input video as well as its output ([`PriceRow::input_video`]).
    pub fn takes_video_seconds(&self, choice: &Choice) -> bool {
        matches!(self.billing, Billing::PerSegment { .. })
            || self
                .rows
                .iter()
                .any(|r| r.input_video && choice.options_before(r, Variant::ALL.len()))
    }
}

fn distinct<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// One price of a per-use seller: dollars for one unit of what a catalog row bills (a second
/// of a per-second row, a segment of a per-segment row, a job otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PerUsePrice {
    /// The id of the row's service.
    pub service: &'static str,
    /// Index of the row in its service's `rows` (checked at build time).
    pub row: usize,
    /// Dollars per second, segment or job, as the row bills.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub price: Decimal,
    pub provenance: Provenance,
}

/// A seller of Kling's models per use (fal.ai, Runware, …): no expiry, no minimum, no pack.
/// A row it has no price for is a model it does not offer, as far as the sources show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PerUseSource {
    pub id: &'static str,
    pub name: &'static str,
    pub provenance: Provenance,
    pub prices: &'static [PerUsePrice],
}

impl PerUseSource {
    /// The seller's price for `row` of service `service`, if it lists one.
    pub fn price(&self, service: &Service, row: &PriceRow) -> Option<&'static PerUsePrice> {
        let index = service.rows.iter().position(|r| std::ptr::eq(r, row))?;
        self.prices.iter().find(|p| p.service == service.id && p.row == index)
    }
}

/// One edition of the catalog: every price, package and source, as of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalog {
    pub edition: &'static str,
    pub title: &'static str,
    pub as_of: &'static str,
    /// When the numbers were last checked against official pages.
    pub checked: &'static str,
    pub assumptions: &'static [&'static str],
    pub sources: &'static [Source],
    /// Human names of option ids, serialized as an object.
    #[serde(serialize_with = "pairs_as_map")]
    #[cfg_attr(feature = "ts", ts(type = "Record<string, string>"))]
    pub labels: &'static [(&'static str, &'static str)],
    pub pools: &'static [PoolInfo],
    /// The package menus, the default first (at least one, checked at build time).
    pub menus: &'static [Menu],
    /// Every menu's packages; [`Package::menu`] says which menu each is on.
    pub packages: &'static [Package],
    pub services: &'static [Service],
    /// Sellers of the models per use, with their price lists (none in seed-2025).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<PerUseSource>>", optional))]
    pub per_use: &'static [PerUseSource],
}

impl Catalog {
    /// The per-use seller with this id.
    pub fn per_use_source(&self, id: &str) -> Option<&'static PerUseSource> {
        self.per_use.iter().find(|s| s.id == id)
    }

    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&'static Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The list price of a pool. Every edition lists every pool (checked at build time).
    pub fn pool(&self, pool: Pool) -> &'static PoolInfo {
        self.pools.iter().find(|p| p.pool == pool).unwrap_or(&self.pools[0])
    }

    /// The menu with this id.
    pub fn menu(&self, id: &str) -> Option<&'static Menu> {
        self.menus.iter().find(|m| m.id == id)
    }

    /// The menu a plan uses when none is named: the first listed.
    pub fn default_menu(&self) -> &'static Menu {
        &self.menus[0]
    }

    /// The packages of `menu`, in catalog order.
    pub fn packages_on(&self, menu: &Menu) -> impl Iterator<Item = &'static Package> + '_ {
        let menu = *menu;
        self.packages.iter().filter(move |p| p.on(&menu))
    }

    /// The package with this id.
    pub fn package(&self, id: &str) -> Option<&'static Package> {
        self.packages.iter().find(|p| p.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A human name for an option id; the id itself when none is given.
    pub fn label<'a>(&self, id: &'a str) -> &'a str {
        self.labels
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, v)| *v)
            .unwrap_or(id)
    }
}

fn pairs_as_map<S: serde::Serializer>(pairs: &&[(&str, &str)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
}

pub use generated::EDITIONS;

/// The edition used when none is asked for: by the Rust and JS APIs, a mix without `edition` and
/// a link without `e`. It stays the 2025 guide's, so every call and link made so far keeps its
/// figures; a new visitor of the page opens [`OPENING_EDITION`] instead.
pub fn default_catalog() -> &'static Catalog {
    EDITIONS[0]
}

/// One edition as `editions()` lists it: what a caller needs to offer the choice, and which
/// edition the APIs default to and the page opens on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EditionInfo {
    pub edition: &'static str,
    pub title: &'static str,
    pub as_of: &'static str,
    pub checked: &'static str,
    /// The edition used when none is given (a mix without `edition`, a link without `e`).
    pub is_default: bool,
    /// The edition a new visitor of the page sees.
    pub opens_the_page: bool,
}

/// Every edition compiled in, in order, with which is the default and which opens the page.
pub fn editions() -> Vec<EditionInfo> {
    EDITIONS
        .iter()
        .map(|c| EditionInfo {
            edition: c.edition,
            title: c.title,
            as_of: c.as_of,
            checked: c.checked,
            is_default: c.edition == default_catalog().edition,
            opens_the_page: c.edition == OPENING_EDITION,
        })
        .collect()
}

/// The edition a new visitor of the page opens on: today's line-up.
pub const OPENING_EDITION: &str = "kling-2026-12";

/// The catalog of [`OPENING_EDITION`].
pub fn opening_catalog() -> &'static Catalog {
    edition(OPENING_EDITION).unwrap_or_else(default_catalog)
}

/// How many of an edition's prices (rows, pools and packages) carry each confidence, or, in an
/// edition that predates confidence (seed-2025), each status against the official pages: what
/// the page states next to the edition's name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrustCounts {
    pub official: usize,
    pub inferred: usize,
    pub seed: usize,
    /// A seller's own price (not expected among Kling's rows; counted if one is).
    pub listed: usize,
    /// A third-party guide's figure, unconfirmed.
    pub guide: usize,
    /// A guess: no source gives the figure.
    pub assumed: usize,
    pub confirmed: usize,
    pub contradicted: usize,
    pub unconfirmed: usize,
}

impl Catalog {
    /// Counts every price of the edition by its confidence (see [`TrustCounts`]).
    pub fn trust_counts(&self) -> TrustCounts {
        let rows = self.services.iter().flat_map(|s| s.rows.iter().map(|r| r.provenance));
        let pools = self.pools.iter().map(|p| p.provenance);
        let packs = self.packages.iter().filter(|p| !p.custom).map(|p| p.provenance);
        let mut c = TrustCounts::default();
        for p in rows.chain(pools).chain(packs) {
            let slot = match (p.confidence, p.status) {
                (Some(Confidence::Official), _) => &mut c.official,
                (Some(Confidence::Inferred), _) => &mut c.inferred,
                (Some(Confidence::Seed), _) => &mut c.seed,
                (Some(Confidence::Listed), _) => &mut c.listed,
                (Some(Confidence::Guide), _) => &mut c.guide,
                (Some(Confidence::Assumed), _) => &mut c.assumed,
                (None, Status::Confirmed) => &mut c.confirmed,
                (None, Status::Contradicted) => &mut c.contradicted,
                (None, Status::Unconfirmed) => &mut c.unconfirmed,
            };
            *slot += 1;
        }
        c
    }
}

/// The catalog edition with this id.
pub fn edition(id: &str) -> Option<&'static Catalog> {
    EDITIONS.iter().copied().find(|c| c.edition == id)
}
