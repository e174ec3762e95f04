//! A job line as a form holds it: text exactly as typed, so a bad entry is kept and shown with
//! its message instead of being lost. The cascade of choices (service → model → mode →
//! duration) is decided here, not in the view, so it is tested natively.

use super::catalog::{opening_catalog, Billing, Catalog, Choice, Pool, Service, Variant};
use super::error::{Field, InputError};
use super::estimate::{price_line, LineEstimate};
use super::fields::{
    carried_by, line_field, Check, Kind, Setting, FORECAST_KEY, PER_USE_POOL_SETTINGS, POOL_SETTINGS, TOP_SETTINGS,
};
use super::format::group;
use super::mix::{parse_line, JobLine, RawLine, RawNumber};
use super::plan::{Balance, Peak, PlanOptions, PoolRate, UserPack, MAX_HORIZON_MONTHS};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The text of every field of one job line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftLine {
    pub service: String,
    pub model: String,
    pub mode: String,
    pub duration: String,
    pub quantity: String,
    pub video_seconds: String,
    pub attempts_per_kept: String,
    /// The line's [`Variant`]s, each as picked; empty for the model's plain one (the first it
    /// offers), so a line of a model without variants (every seed-2025 line) leaves them empty.
    pub audio: String,
    pub resolution: String,
    pub input: String,
    /// The user's own units figure, where the catalog's is a guess (empty: the catalog's).
    pub own_units: String,
}

fn text(s: &str) -> Option<RawNumber> {
    let t = s.trim();
    (!t.is_empty()).then(|| RawNumber::Text(t.to_string()))
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl DraftLine {
    /// A line for `service` with its first priced options and the given quantity.
    pub fn for_service(catalog: &Catalog, service: &str, quantity: u64) -> DraftLine {
        let mut d = DraftLine {
            quantity: quantity.to_string(),
            attempts_per_kept: "1".into(),
            ..Default::default()
        };
        d.set_service(catalog, service);
        d
    }

    /// The form text of a checked line.
    pub fn from_line(line: &JobLine) -> DraftLine {
        DraftLine {
            service: line.service.clone(),
            model: line.model.clone().unwrap_or_default(),
            mode: line.mode.clone().unwrap_or_default(),
            duration: line.duration.map(|d| d.to_string()).unwrap_or_default(),
            quantity: line.quantity.to_string(),
            video_seconds: line.video_seconds.map(|d| d.to_string()).unwrap_or_default(),
            attempts_per_kept: line.attempts_per_kept.normalize().to_string(),
            audio: line.audio.clone().unwrap_or_default(),
            resolution: line.resolution.clone().unwrap_or_default(),
            input: line.input.clone().unwrap_or_default(),
            own_units: line.own_units.map(|u| u.to_string()).unwrap_or_default(),
        }
    }

    /// The loose input the core checks.
    pub fn to_raw(&self) -> RawLine {
        RawLine {
            service: opt(&self.service),
            model: opt(&self.model),
            mode: opt(&self.mode),
            duration: text(&self.duration),
            quantity: Some(RawNumber::Text(self.quantity.trim().to_string())),
            video_seconds: text(&self.video_seconds),
            attempts_per_kept: text(&self.attempts_per_kept),
            audio: opt(&self.audio),
            resolution: opt(&self.resolution),
            input: opt(&self.input),
            own_units: text(&self.own_units),
        }
    }

    /// Checks and prices the line (`index` from 0, for messages).
    pub fn price(&self, catalog: &Catalog, index: usize) -> Result<LineEstimate, Vec<InputError>> {
        let line = parse_line(catalog, &self.to_raw())
            .map_err(|es| es.into_iter().map(|e| e.at_line(index)).collect::<Vec<_>>())?;
        price_line(catalog, index, &line).map_err(|e| vec![e])
    }

    /// Switches service, keeping the model, mode and duration where the new service offers them.
    pub fn set_service(&mut self, catalog: &Catalog, service: &str) {
        self.service = service.to_string();
        self.cascade(catalog);
    }

    /// Whether the line, as its choices stand, gives the length of an input video: a lip-sync,
    /// or a model given a reference or source video.
    pub fn takes_video_seconds(&self, catalog: &Catalog) -> bool {
        catalog
            .service(&self.service)
            .is_some_and(|svc| svc.takes_video_seconds(&self.picked(svc, None).0))
    }

    /// Whether the line's units figure, as its choices stand, is a guess the user may replace.
    pub fn guessed(&self, catalog: &Catalog) -> bool {
        catalog
            .service(&self.service)
            .is_some_and(|svc| svc.guessed(&self.picked(svc, None).0))
    }

    /// The line's choice as it prices (a variant left empty or no longer offered counts as
    /// its plain value), walked up to `stop`, with the values offered for `stop`.
    fn picked(&self, svc: &Service, stop: Option<Variant>) -> (Choice<'_>, Vec<&'static str>) {
        fn given(s: &str) -> Option<&str> {
            Some(s.trim()).filter(|t| !t.is_empty())
        }
        let mut choice = Choice {
            model: given(&self.model),
            mode: given(&self.mode),
            ..Choice::default()
        };
        for (i, v) in Variant::ALL.into_iter().enumerate() {
            let offered = svc.variant_choices(&choice, v);
            if Some(v) == stop {
                return (choice, offered);
            }
            let picked = self.variant(v).trim();
            choice.variants[i] = offered
                .iter()
                .copied()
                .find(|c| *c == picked)
                .or(offered.first().copied());
        }
        (choice, Vec::new())
    }

    /// The input video's length a line starts with when it comes to need one: 30 s for a
    /// lip-sync, as long as the output for a reference video.
    fn default_video_seconds(&self, svc: &Service) -> String {
        match svc.billing {
            Billing::PerSecond => self.duration.trim().to_string(),
            _ => "30".into(),
        }
    }

    /// Switches model and re-picks mode and duration if they are no longer offered.
    pub fn set_model(&mut self, catalog: &Catalog, model: &str) {
        self.model = model.to_string();
        self.cascade(catalog);
    }

    /// Switches mode and re-picks the duration if it is no longer offered.
    pub fn set_mode(&mut self, catalog: &Catalog, mode: &str) {
        self.mode = mode.to_string();
        self.cascade(catalog);
    }

    /// Sets line field `id` (a row of [`LINE_FIELDS`](super::fields::LINE_FIELDS)) to `value`, as
    /// typed or picked. A new choice brings the cascade of choices after it (a new service also
    /// its default video length). False when there is no such field.
    pub fn edit(&mut self, catalog: &Catalog, id: &str, value: String) -> bool {
        let Some(field) = line_field(id) else { return false };
        match (field.kind, field.field) {
            (Kind::Select, Field::Service) => self.set_service(catalog, &value),
            (Kind::Select, _) => {
                *(field.get_mut)(self) = value;
                self.cascade(catalog);
            }
            (Kind::Number, _) => *(field.get_mut)(self) = value,
        }
        true
    }

    /// The text of `variant` (the [`LINE_FIELDS`](super::fields::LINE_FIELDS) row of the same id).
    pub fn variant(&self, variant: Variant) -> &str {
        line_field(variant.id()).map_or("", |f| (f.get)(self))
    }

    /// The values the catalog offers for `variant` given the line's model, mode and earlier
    /// variants (an earlier one left empty counts as its plain value, as when priced), plain
    /// first. Empty when the model has no such choice: what the line's select offers.
    pub fn variant_choices(&self, catalog: &Catalog, variant: Variant) -> Vec<&'static str> {
        catalog
            .service(&self.service)
            .map(|svc| self.picked(svc, Some(variant)).1)
            .unwrap_or_default()
    }

    /// Makes model, mode and duration a combination the catalog prices, changing as little as
    /// possible: each keeps its value when still offered, else takes the first choice. A
    /// variant keeps its value when still offered, else becomes plain (empty): the line then
    /// costs what the new model charges without extras, rather than an extra picked for us.
    pub fn cascade(&mut self, catalog: &Catalog) {
        let Some(svc) = catalog.service(&self.service) else {
            return;
        };
        fn keep_or_first(current: &str, choices: &[&'static str]) -> String {
            if choices.contains(&current) {
                current.to_string()
            } else {
                choices.first().map(|s| s.to_string()).unwrap_or_default()
            }
        }
        self.model = keep_or_first(&self.model, &svc.models());
        let model = opt(&self.model);
        self.mode = keep_or_first(&self.mode, &svc.modes(model.as_deref()));
        let mode = opt(&self.mode);
        let durations: Vec<String> = svc
            .durations(model.as_deref(), mode.as_deref())
            .iter()
            .map(u32::to_string)
            .collect();
        let durations: Vec<&str> = durations.iter().map(String::as_str).collect();
        let current = self.duration.trim().to_string();
        self.duration = if durations.contains(&current.as_str()) {
            current
        } else {
            durations.first().map(|s| s.to_string()).unwrap_or_default()
        };
        for v in Variant::ALL {
            let offered = self.variant_choices(catalog, v);
            if let Some(f) = line_field(v.id()).filter(|_| !offered.contains(&self.variant(v).trim())) {
                (f.get_mut)(self).clear();
            }
        }
        if !self.guessed(catalog) {
            self.own_units.clear();
        }
        if !self.takes_video_seconds(catalog) {
            self.video_seconds.clear();
        } else if self.video_seconds.trim().is_empty() {
            self.video_seconds = self.default_video_seconds(svc);
        }
    }
}

/// The mix a new visitor of the page sees, priced from [`opening_catalog`]: the brief's example
/// in today's line-up, 400 ten-second Video 3.0 Professional clips with native audio, 60
/// lip-syncs of 30 s and 5,000 Image 3.0 images a month. Built through [`DraftLine::edit`], as a
/// person would pick it, so a catalog change that drops one of its choices shows as a line with
/// a problem (and fails the tests) rather than as a quietly different mix.
///
/// Its settings ([`opening_options`]) buy per use from the cheapest seller of each pool (fal.ai
/// sells the video at the list price with no expiry, ComfyUI the images): without it, the
/// cheapest of Kling's own packs would be the answer even where nobody should buy one, and the
/// images, which no pack on the menu serves, would be left out of the plan.
pub fn opening_sample() -> (&'static Catalog, Vec<DraftLine>) {
    let cat = opening_catalog();
    (cat, opening_sample_in(cat))
}

/// The opening mix as edition `cat` prices it (an edition without its models gives lines with
/// problems), so a test can pin the figures of one edition whichever the page opens on.
pub fn opening_sample_in(cat: &Catalog) -> Vec<DraftLine> {
    let line = |service: &str, quantity: u64, picks: &[(&str, &str)]| {
        let mut d = DraftLine::for_service(cat, service, quantity);
        for (field, value) in picks {
            d.edit(cat, field, value.to_string());
        }
        d
    };
    let video = [
        ("model", "kling-v3"),
        ("mode", "pro"),
        ("audio", "native"),
        ("duration", "10"),
    ];
    vec![
        line("video", 400, &video),
        line("lip-sync", 60, &[("seconds", "30")]),
        line("image", 5000, &[("model", "kling-v3-image")]),
    ]
}

/// The settings a new visitor of the page starts with: the defaults, buying per use from the
/// cheapest seller of each pool.
pub fn opening_options() -> DraftOptions {
    DraftOptions {
        per_use_source: crate::plan::CHEAPEST.to_string(),
        ..DraftOptions::default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_opening_sample_is_the_brief_in_todays_line_up() {
        let (cat, lines) = opening_sample();
        assert_eq!(cat.edition, "kling-2026-12");
        let priced: Vec<_> = lines.iter().map(|d| d.price(cat, 0).unwrap()).collect();
        let units: Vec<_> = priced.iter().map(|e| e.units).collect();
        // 400 × 10 s × 1.2; 60 × 6 segments × 0.5; 5,000 × 8 image units.
        assert_eq!(units, [Decimal::from(4800), Decimal::from(180), Decimal::from(40000)]);
        let value: Decimal = priced.iter().map(|e| e.value).sum();
        assert_eq!(value, Decimal::new(83720, 2), "$697.20 of video, $140 of images");
        assert!(priced.iter().all(|e| e.retired.is_none()), "current models only");
    }

    /// A line keeps its text when the edition changes: priced where the new edition has its
    /// choices, flagged (its problem naming the model and the edition's choices) where not.
    #[test]
    fn a_line_moved_to_another_edition_is_kept_as_typed() {
        let (cat, lines) = opening_sample();
        let seed = default_catalog();
        let video = &lines[0];
        let errs = video.price(seed, 0).unwrap_err();
        assert!(errs[0].message.contains("kling-v3"), "{}", errs[0].message);
        assert_eq!(lines[1].price(seed, 1).unwrap().units, Decimal::from(180));
        let mut old = DraftLine::for_service(seed, "video", 400);
        old.set_model(seed, "v2.1");
        old.set_mode(seed, "pro");
        let e = old.price(cat, 0).unwrap();
        assert_eq!(
            e.units,
            Decimal::from(1400),
            "V2.1 Pro 5 s is 3.5 units in both editions"
        );
        assert!(e.retired.is_some(), "and retired in 2026");
    }

    #[test]
    fn edits_cascade_and_ids_read_back() {
        use crate::fields::line_field;
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        assert!(d.edit(cat, "service", "lip-sync".into()));
        assert_eq!(d.video_seconds, "30");
        assert!(d.edit(cat, "seconds", "12".into()));
        assert_eq!(d.video_seconds, "12");
        assert!(!d.edit(cat, "colour", "red".into()));
        assert!(d.edit(cat, "model", "v2.1".into()));
        assert_eq!(d.model, "", "lip-sync has no models: the cascade clears it");
        assert_eq!(line_field("seconds").map(|f| f.testid), Some("video-seconds"));
        assert!(line_field("kp-l42-seconds").is_none());
    }

    use super::*;
    use crate::default_catalog;

    #[test]
    fn cascade_keeps_what_still_applies() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        d.set_model(cat, "v2.1");
        d.set_mode(cat, "pro");
        d.duration = "10".into();
        d.set_service(cat, "multi-elements");
        assert_eq!(
            (d.model.as_str(), d.mode.as_str(), d.duration.as_str()),
            ("v1.6", "pro", "10")
        );
        d.set_service(cat, "lip-sync");
        assert_eq!((d.model.as_str(), d.mode.as_str(), d.duration.as_str()), ("", "", ""));
        assert_eq!(d.video_seconds, "30");
        d.set_service(cat, "video");
        d.set_model(cat, "v2.1-master");
        assert_eq!(d.mode, "");
        assert_eq!(d.video_seconds, "");
    }

    #[test]
    fn bad_text_is_kept_and_explained() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        d.quantity = "-3".into();
        let errs = d.price(cat, 2).unwrap_err();
        assert_eq!(d.quantity, "-3");
        assert_eq!(errs[0].message, "line 3: quantity -3 is negative; it must be 0 or more");
    }

    fn kling_2026() -> &'static Catalog {
        crate::catalog::edition("kling-2026").unwrap()
    }

    /// Video 3.0 Professional, 10 s, one a month, on edition kling-2026.
    fn v3_pro(cat: &Catalog) -> DraftLine {
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.set_model(cat, "kling-v3");
        d.set_mode(cat, "pro");
        d.duration = "10".into();
        d
    }

    #[test]
    fn native_audio_prices_video_3_pro_10_s_at_12_units() {
        let cat = kling_2026();
        let mut d = v3_pro(cat);
        assert_eq!(d.price(cat, 0).unwrap().units, Decimal::from(8), "plain: no audio");
        assert!(d.edit(cat, "audio", "native".into()));
        let e = d.price(cat, 0).unwrap();
        assert_eq!((e.units, e.value), (Decimal::from(12), Decimal::new(168, 2)));
        assert_eq!(DraftLine::from_line(&e.line).audio, "native");
    }

    #[test]
    fn variant_choices_follow_the_model_and_mode() {
        let cat = kling_2026();
        let mut d = v3_pro(cat);
        assert_eq!(d.variant_choices(cat, Variant::Audio), ["none", "native", "voice"]);
        assert_eq!(d.variant_choices(cat, Variant::Resolution), ["1080p", "4k"]);
        assert_eq!(d.variant_choices(cat, Variant::Input), Vec::<&str>::new());
        d.set_mode(cat, "std");
        assert_eq!(d.variant_choices(cat, Variant::Resolution), ["720p", "4k"]);
        d.audio = "voice".into();
        assert_eq!(
            d.variant_choices(cat, Variant::Resolution),
            ["720p"],
            "no 4K with voice control"
        );
        let seed = default_catalog();
        let s = DraftLine::for_service(seed, "video", 1);
        for v in Variant::ALL {
            assert_eq!(s.variant_choices(seed, v), Vec::<&str>::new(), "{v:?}");
        }
    }

    #[test]
    fn cascade_keeps_a_variant_still_offered_and_clears_the_rest() {
        let cat = kling_2026();
        let mut d = v3_pro(cat);
        d.edit(cat, "audio", "voice".into());
        d.edit(cat, "resolution", "1080p".into());
        d.set_mode(cat, "std");
        assert_eq!(
            (d.audio.as_str(), d.resolution.as_str()),
            ("voice", ""),
            "1080p is pro's"
        );
        d.set_model(cat, "kling-v2.5-turbo");
        assert_eq!(d.audio, "", "2.5 Turbo has no voice control");
        d.set_model(cat, "kling-v3");
        d.edit(cat, "audio", "native".into());
        d.set_model(cat, "kling-v2.6");
        d.set_mode(cat, "pro");
        assert_eq!(d.audio, "", "2.6 std has no native audio, so it went on the way");
    }

    #[test]
    fn round_trips_a_checked_line() {
        let cat = default_catalog();
        let d = DraftLine::for_service(cat, "lip-sync", 60);
        let est = d.price(cat, 0).unwrap();
        assert_eq!(DraftLine::from_line(&est.line), d);
    }
}

/// The plan settings of one pool as a form holds them (text as typed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftPool {
    pub balance_units: String,
    pub balance_days: String,
    pub pack_price: String,
    pub pack_units: String,
    pub pack_days: String,
    pub quote_price: String,
    pub quote_units: String,
    pub quote_days: String,
    /// The user's own per-use price in this pool, dollars per unit (empty: none).
    pub per_use_rate: String,
}

/// The planner's settings as a form holds them. Pools are in [`Pool::ALL`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftOptions {
    pub horizon: String,
    pub growth: String,
    pub trials_used: bool,
    pub peak_jobs_per_hour: String,
    pub peak_minutes_per_job: String,
    pub pools: [DraftPool; 3],
    /// The per-use seller chosen (a seller id of the edition, or `rate` for the rates entered;
    /// empty: packs only), as typed. Checked against the edition when planning
    /// ([`crate::per_use::apply`]).
    pub per_use_source: String,
    /// The package menu chosen (a menu id of the edition; empty: its first), as picked.
    pub menu: String,
    /// Each month's multiplier of the mix, month 1 first, as typed (`1, 1, 3`; empty: none).
    pub demand_by_month: String,
}

impl Default for DraftOptions {
    fn default() -> DraftOptions {
        DraftOptions {
            horizon: "3".into(),
            growth: "0".into(),
            trials_used: false,
            peak_jobs_per_hour: String::new(),
            peak_minutes_per_job: String::new(),
            pools: Default::default(),
            per_use_source: String::new(),
            menu: String::new(),
            demand_by_month: String::new(),
        }
    }
}

/// A problem with one plan setting. `key` names the form field: `horizon`, `growth`,
/// `peak.jobsPerHour`, `peak.minutesPerJob`, or `<pool>.<balance|pack|quote>.<part>` with part
/// `units`, `days` or `price` (e.g. `image.pack.price`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub key: String,
    pub message: String,
}

/// The number in `text`, or `None` with the problem added to `errs` under `key`.
fn checked(errs: &mut Vec<OptionError>, key: &str, check: &Check, text: &str) -> Option<Decimal> {
    let t = text.trim();
    let shown = if t.is_empty() { "(empty)" } else { t };
    let why = match RawNumber::Text(t.to_string()).to_decimal() {
        None => "is not a number".to_string(),
        Some(d) if d < check.min || d > check.max => format!(
            "is out of range; it must be from {} to {}",
            group(check.min),
            group(check.max)
        ),
        Some(d) if d.normalize().scale() > check.places => {
            format!("has more than {} decimal places", check.places)
        }
        Some(d) => return Some(d.normalize()),
    };
    let message = format!("{} {shown} {why}", check.label);
    errs.push(OptionError {
        key: key.to_string(),
        message,
    });
    None
}

/// What a group of settings all left blank means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Blank {
    /// A mistake, reported like any bad number (the horizon).
    Problem,
    /// The user has not asked for this: no growth, no peak, no balance, no pack.
    Nothing,
}

/// The numbers of the settings of `table` that link parameter `param` carries, read from
/// `owner` (keys prefixed with `prefix`, a pool's `video.`), in link order; `None` when any is
/// bad (every bad one is reported, not only the first), or when all are blank and `blank` is
/// [`Blank::Nothing`].
fn numbers<T, const N: usize>(
    errs: &mut Vec<OptionError>,
    (table, param): (&'static [Setting<T>], &str),
    owner: &T,
    prefix: &str,
    blank: Blank,
) -> Option<[Decimal; N]> {
    let rows = carried_by(table, param);
    if blank == Blank::Nothing && rows.iter().all(|s| (s.get)(owner).trim().is_empty()) {
        return None;
    }
    let all: Vec<Option<Decimal>> = rows
        .iter()
        .map(|s| checked(errs, &format!("{prefix}{}", s.key), &s.check, (s.get)(owner)))
        .collect();
    all.into_iter().collect::<Option<Vec<Decimal>>>()?.try_into().ok()
}

/// A month's multiplier of the mix: from ×0 (nothing that month) to ×100, as the planner takes.
const MULTIPLIER: Check = Check {
    label: "the multiplier",
    min: Decimal::ZERO,
    max: Decimal::ONE_HUNDRED,
    places: 4,
};

/// The multipliers in `text` (numbers separated by commas, semicolons or spaces), month 1
/// first; none when any is bad or there are more than a plan's months (each problem reported
/// under [`FORECAST_KEY`], naming the month).
fn forecast(errs: &mut Vec<OptionError>, text: &str) -> Vec<Decimal> {
    let words: Vec<&str> = text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > MAX_HORIZON_MONTHS as usize {
        errs.push(OptionError {
            key: FORECAST_KEY.to_string(),
            message: format!(
                "Month by month: {} months given, at most {MAX_HORIZON_MONTHS}",
                words.len()
            ),
        });
        return Vec::new();
    }
    let before = errs.len();
    let all: Vec<Option<Decimal>> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let n = errs.len();
            let k = checked(errs, FORECAST_KEY, &MULTIPLIER, w);
            if let Some(e) = errs.get_mut(n) {
                e.message = format!("Month {}: {}", i + 1, e.message);
            }
            k
        })
        .collect();
    if errs.len() > before {
        return Vec::new();
    }
    all.into_iter().flatten().collect()
}

impl DraftOptions {
    /// The planner's options from the form, and every problem found. A bad field is left out
    /// (the default or nothing is used instead) and reported; everything else is kept.
    /// Problems come in form order.
    pub fn to_options(&self) -> (PlanOptions, Vec<OptionError>) {
        let mut errs = Vec::new();
        let mut o = PlanOptions {
            trials_used: self.trials_used,
            ..PlanOptions::default()
        };
        if let Some([h]) = numbers(&mut errs, (&TOP_SETTINGS, "h"), self, "", Blank::Problem) {
            o.horizon_months = h.to_u32().unwrap_or(o.horizon_months);
        }
        if let Some([g]) = numbers(&mut errs, (&TOP_SETTINGS, "g"), self, "", Blank::Nothing) {
            o.growth_percent = g;
        }
        if let Some([jobs, minutes]) = numbers(&mut errs, (&TOP_SETTINGS, "pk"), self, "", Blank::Nothing) {
            o.peak = Some(Peak::video(jobs, minutes));
        }
        for (pool, d) in Pool::ALL.into_iter().zip(self.pools.iter()) {
            self.pool_options(&mut o, &mut errs, pool, d);
        }
        let source = self.per_use_source.trim();
        o.per_use_source = (!source.is_empty()).then(|| source.to_string());
        let menu = self.menu.trim();
        o.menu = (!menu.is_empty()).then(|| menu.to_string());
        o.demand_by_month = forecast(&mut errs, &self.demand_by_month);
        (o, errs)
    }

    /// Adds `pool`'s balance, pack, quote and per-use rate from its settings `d` to `o`.
    fn pool_options(&self, o: &mut PlanOptions, errs: &mut Vec<OptionError>, pool: Pool, d: &DraftPool) {
        let prefix = format!("{}.", pool.id());
        if let Some([units, days]) = numbers(errs, (&POOL_SETTINGS, "b"), d, &prefix, Blank::Nothing) {
            if let Some(days_left) = days.to_u32() {
                o.balances.push(Balance {
                    pool,
                    units,
                    days_left,
                    concurrency: None,
                });
            }
        }
        for (param, name, list) in [("p", "Your pack", &mut o.packs), ("q", "Custom quote", &mut o.quotes)] {
            if let Some([price, units, days]) = numbers(errs, (&POOL_SETTINGS, param), d, &prefix, Blank::Nothing) {
                if let Some(validity_days) = days.to_u32() {
                    list.push(UserPack {
                        pool,
                        name: name.to_string(),
                        price,
                        units,
                        validity_days,
                        concurrency: None,
                    });
                }
            }
        }
        if let Some([price]) = numbers(errs, (&PER_USE_POOL_SETTINGS, "pr"), d, &prefix, Blank::Nothing) {
            o.per_use_rate.push(PoolRate { pool, price });
        }
    }
}

#[cfg(test)]
mod option_tests {
    use super::*;

    #[test]
    fn defaults_plan_three_months() {
        let (o, errs) = DraftOptions::default().to_options();
        assert!(errs.is_empty());
        assert_eq!(o, PlanOptions::default());
    }

    #[test]
    fn bad_fields_are_reported_and_the_rest_kept() {
        let mut d = DraftOptions {
            horizon: "40".into(),
            growth: "5".into(),
            trials_used: true,
            ..Default::default()
        };
        d.pools[1] = DraftPool {
            pack_price: "70".into(),
            pack_units: "20000".into(),
            pack_days: "30".into(),
            ..Default::default()
        };
        d.pools[0].quote_price = "5000".into();
        let (o, errs) = d.to_options();
        assert_eq!(o.horizon_months, 3);
        assert_eq!(o.growth_percent, Decimal::from(5));
        assert!(o.trials_used);
        assert_eq!(o.packs.len(), 1);
        assert_eq!(o.packs[0].pool, Pool::Image);
        assert!(o.quotes.is_empty());
        let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["horizon", "video.quote.units", "video.quote.days"]);
        assert_eq!(errs[0].message, "Horizon 40 is out of range; it must be from 1 to 36");
        assert_eq!(errs[1].message, "Units (empty) is not a number");
    }

    /// Every group of settings reaches the options when all its fields are good (each group's
    /// fields are read by position, so a row missing from the table would drop the group).
    #[test]
    fn every_group_is_read() {
        let mut d = DraftOptions {
            horizon: "12".into(),
            growth: "2.5".into(),
            peak_jobs_per_hour: "120".into(),
            peak_minutes_per_job: "3".into(),
            ..Default::default()
        };
        for p in d.pools.iter_mut() {
            *p = DraftPool {
                balance_units: "1000".into(),
                balance_days: "45".into(),
                pack_price: "70".into(),
                pack_units: "20000".into(),
                pack_days: "30".into(),
                quote_price: "5000".into(),
                quote_units: "60000".into(),
                quote_days: "90".into(),
                per_use_rate: "0.12".into(),
            };
        }
        d.per_use_source = "rate".into();
        let (o, errs) = d.to_options();
        assert_eq!(errs, []);
        assert_eq!((o.horizon_months, o.growth_percent), (12, Decimal::new(25, 1)));
        assert_eq!(o.peak, Some(Peak::video(Decimal::from(120), Decimal::from(3))));
        assert_eq!((o.balances.len(), o.packs.len(), o.quotes.len()), (3, 3, 3));
        assert_eq!((o.per_use_source.as_deref(), o.per_use_rate.len()), (Some("rate"), 3));
        assert_eq!(
            (o.balances[2].units, o.balances[2].days_left),
            (Decimal::from(1000), 45)
        );
        assert_eq!(o.quotes[1].name, "Custom quote");
        assert_eq!((o.packs[0].price, o.packs[0].validity_days), (Decimal::from(70), 30));
    }
}
