//! The job mix: what a user plans to run each month, and how raw input becomes a checked mix.
//!
//! Input arrives loosely typed (a JS object, a URL parameter, a text box), so parsing is its own
//! step with errors that name the line, the field and the value. One bad line never loses the
//! others: [`parse_mix`] returns every good line alongside every problem.

use super::catalog::{Catalog, Choice, Durations, Service, Variant};
use super::error::{Field, InputError, Problem};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Most jobs of one kind a line may ask for per month. Far above any real workload (it is
/// 1.4 million dollars of V2.1 Master video a month), low enough to catch a stray extra digit.
pub const MAX_QUANTITY: u64 = 10_000_000;
/// Longest lip-sync input video, in seconds, a line may give.
pub const MAX_VIDEO_SECONDS: u32 = 3_600;
/// Most generation attempts per kept output.
pub const MAX_ATTEMPTS: u32 = 100;
/// Largest units figure of the user's own, per second or per job (Kling's largest listed
/// figure is 16 image units a job; this leaves room for any guess to be corrected).
pub const MAX_OWN_UNITS: u64 = 1_000;
/// Most decimal places of the user's own units figure (the catalog's figures have two).
pub const OWN_UNITS_PLACES: u32 = 2;
/// Most lines in one mix.
pub const MAX_LINES: usize = 500;

/// One checked line: a priced combination, a monthly quantity, and how many attempts a kept
/// output costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JobLine {
    pub service: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub model: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub mode: Option<String>,
    /// Audio variant (`none`, `native`, `voice`), for models that offer one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub audio: Option<String>,
    /// Resolution variant (`720p`, `1080p`, `4k`, …), for models that offer one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub resolution: Option<String>,
    /// Input variant (`text-image`, `video-edit`, …), for models that offer one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub input: Option<String>,
    /// Output duration in seconds, for services priced by duration (any whole second of the
    /// row's range for a per-second model).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub duration: Option<u32>,
    /// Kept outputs per month.
    pub quantity: u64,
    /// Length of the input video, for services billed per segment (lip-sync).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub video_seconds: Option<u32>,
    /// Paid generations per output kept (failed tasks are free; discarded outputs are not).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub attempts_per_kept: Decimal,
    /// The user's own units per second (per job for a row priced per job), in place of the
    /// catalog's figure where that is a guess (its confidence is `assumed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "DecimalString"))]
    pub own_units: Option<Decimal>,
}

impl JobLine {
    /// A line with the defaults a new line gets: quantity 0, one attempt per kept output.
    pub fn new(service: &str) -> JobLine {
        JobLine {
            service: service.to_string(),
            model: None,
            mode: None,
            audio: None,
            resolution: None,
            input: None,
            duration: None,
            quantity: 0,
            video_seconds: None,
            attempts_per_kept: Decimal::ONE,
            own_units: None,
        }
    }

    /// The line's options, as the catalog looks rows up.
    pub fn choice(&self) -> Choice<'_> {
        Choice {
            model: self.model.as_deref(),
            mode: self.mode.as_deref(),
            variants: [&self.audio, &self.resolution, &self.input].map(|v| v.as_deref()),
            seconds: self.duration,
        }
    }
}

/// A number as it arrives from JSON or a form: a JS number or the text someone typed.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "NumberInput"))]
pub enum RawNumber {
    Int(i64),
    /// A JS number with a fraction. Only the JS API receives these (the page's input is text),
    /// so the page is built without it and carries no float formatting (about 10 KB of wasm).
    #[cfg(feature = "float-input")]
    #[cfg_attr(feature = "ts", ts(skip))] // a JS number either way: `Int` declares it
    Float(f64),
    Text(String),
}

impl RawNumber {
    /// The text of the number as the user gave it (for error messages).
    pub fn shown(&self) -> String {
        match self {
            RawNumber::Int(i) => i.to_string(),
            // Rust prints the shortest text that reads back as the same f64, i.e. what was typed.
            #[cfg(feature = "float-input")]
            RawNumber::Float(f) => f.to_string(),
            RawNumber::Text(s) => s.clone(),
        }
    }

    /// The exact decimal the user meant. Floats go through their shortest text, so 1.1 is 1.1.
    pub fn to_decimal(&self) -> Option<Decimal> {
        match self {
            RawNumber::Int(i) => Some(Decimal::from(*i)),
            #[cfg(feature = "float-input")]
            RawNumber::Float(f) if f.is_finite() => Decimal::from_str(&f.to_string()).ok(),
            #[cfg(feature = "float-input")]
            RawNumber::Float(_) => None,
            RawNumber::Text(s) => {
                let t: String = s.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
                if t.is_empty() {
                    return None;
                }
                Decimal::from_str(&t).or_else(|_| Decimal::from_scientific(&t)).ok()
            }
        }
    }
}

/// A job line as it arrives, before any checking. Every field may be missing or wrong.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "JobLineInput", optional_fields))]
pub struct RawLine {
    /// Service id from `catalog().services`, e.g. "video", "lip-sync", "text-to-image". Required:
    /// a line without one is reported, not guessed.
    #[cfg_attr(feature = "ts", ts(optional = false, type = "string"))]
    pub service: Option<String>,
    /// Model id, e.g. "v2.1"; may be left out when the service has only one.
    pub model: Option<String>,
    /// "std" or "pro" where the service has modes.
    pub mode: Option<String>,
    /// Audio where the model offers a choice: "none", "native" or "voice" (voice control);
    /// left out, the model's plain one.
    pub audio: Option<String>,
    /// Resolution where the model offers a choice, e.g. "720p", "1080p", "4k"; left out, the
    /// mode's own.
    pub resolution: Option<String>,
    /// Input where the model offers a choice: "text-image", or "video-edit" / "image-edit";
    /// left out, "text-image".
    pub input: Option<String>,
    /// Output duration in seconds where the service is priced by duration: 5 or 10 for a
    /// per-clip model, any whole second of the model's range (3 to 15 for Video 3.0) for a
    /// per-second one.
    pub duration: Option<RawNumber>,
    /// Kept outputs per month, a whole number from 0 to 10,000,000. Required.
    #[cfg_attr(feature = "ts", ts(optional = false, as = "RawNumber"))]
    pub quantity: Option<RawNumber>,
    /// Lip-sync only: length of the input video in seconds (1 to 3,600).
    pub video_seconds: Option<RawNumber>,
    /// Paid generations per output kept (1 to 100, up to 4 decimal places; default 1).
    pub attempts_per_kept: Option<RawNumber>,
    /// Your own units per second (per job for images), where the catalog's figure is a guess
    /// (Kling 4.0, Image 4.0: confidence `assumed`): more than 0, up to 1,000, at most 2
    /// decimal places. Refused on a row whose figure comes from a source.
    pub own_units: Option<RawNumber>,
}

/// A job mix as it arrives.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "JobMixInput", optional_fields))]
pub struct RawMix {
    /// Catalog edition; the default edition when absent.
    pub edition: Option<String>,
    /// At most 500 lines.
    #[serde(default)]
    pub lines: Vec<RawLine>,
}

/// The good lines of a mix (with their index in the input) and the problems with the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedMix {
    pub lines: Vec<(usize, JobLine)>,
    pub errors: Vec<InputError>,
}

/// Checks every line; keeps the good ones and reports every problem of the bad ones.
pub fn parse_mix(catalog: &Catalog, raw: &RawMix) -> ParsedMix {
    let mut out = ParsedMix {
        lines: Vec::new(),
        errors: Vec::new(),
    };
    if raw.lines.len() > MAX_LINES {
        out.errors.push(InputError::mix(
            Field::Lines,
            raw.lines.len().to_string(),
            Problem::TooMany { max: MAX_LINES as u64 },
        ));
    }
    for (i, line) in raw.lines.iter().take(MAX_LINES).enumerate() {
        match parse_line(catalog, line) {
            Ok(l) => out.lines.push((i, l)),
            Err(errs) => out.errors.extend(errs.into_iter().map(|e| e.at_line(i))),
        }
    }
    out
}

/// Checks one line against the catalog. All problems of the line are reported together.
pub fn parse_line(catalog: &Catalog, raw: &RawLine) -> Result<JobLine, Vec<InputError>> {
    let mut errors = Vec::new();
    let Some(service_id) = raw.service.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Err(vec![InputError::new(Field::Service, String::new(), Problem::Missing)]);
    };
    let Some(service) = catalog.service(service_id) else {
        return Err(vec![InputError::new(
            Field::Service,
            service_id.to_string(),
            Problem::Unknown {
                choices: catalog.services.iter().map(|s| s.id.to_string()).collect(),
            },
        )]);
    };
    let mut line = JobLine::new(service.id);
    let resolved = options(catalog, service, raw, &mut line, &mut errors);

    match &raw.quantity {
        None => errors.push(InputError::new(Field::Quantity, String::new(), Problem::Missing)),
        Some(n) => match whole(n, 0, MAX_QUANTITY) {
            Ok(q) => line.quantity = q,
            Err(p) => errors.push(InputError::new(Field::Quantity, n.shown(), p)),
        },
    }

    if service.takes_video_seconds(&line.choice()) {
        match &raw.video_seconds {
            None => errors.push(InputError::new(Field::VideoSeconds, String::new(), Problem::Missing)),
            Some(n) => match whole(n, 1, MAX_VIDEO_SECONDS as u64) {
                Ok(s) => line.video_seconds = Some(s as u32),
                Err(p) => errors.push(InputError::new(Field::VideoSeconds, n.shown(), p)),
            },
        }
    } else if let Some(n) = raw.video_seconds.as_ref().filter(|_| resolved) {
        // Whether an input video applies depends on the model: said once the options resolve.
        errors.push(InputError::new(
            Field::VideoSeconds,
            n.shown(),
            Problem::NotApplicable { service: service.id },
        ));
    }

    if let Some(n) = &raw.attempts_per_kept {
        match n.to_decimal() {
            None => errors.push(InputError::new(Field::AttemptsPerKept, n.shown(), Problem::NotANumber)),
            Some(a) if a < Decimal::ONE || a > Decimal::from(MAX_ATTEMPTS) => errors.push(InputError::new(
                Field::AttemptsPerKept,
                n.shown(),
                Problem::OutOfRange {
                    min: Decimal::ONE,
                    max: Decimal::from(MAX_ATTEMPTS),
                },
            )),
            Some(a) if a.scale() > 4 => errors.push(InputError::new(
                Field::AttemptsPerKept,
                n.shown(),
                Problem::TooPrecise { places: 4 },
            )),
            Some(a) => line.attempts_per_kept = a.normalize(),
        }
    }

    if let Some(n) = &raw.own_units {
        match own_units(catalog, service, &line, n, resolved) {
            Ok(u) => line.own_units = u,
            Err(e) => errors.extend(e),
        }
    }

    if errors.is_empty() {
        Ok(line)
    } else {
        Err(errors)
    }
}

/// The user's own units figure `n` for `line`: a positive number of at most two places, for a
/// row whose figure is a guess. `None` (no error) while the line's options do not resolve.
fn own_units(
    catalog: &Catalog,
    service: &Service,
    line: &JobLine,
    n: &RawNumber,
    resolved: bool,
) -> Result<Option<Decimal>, Option<InputError>> {
    let problem = |p| Some(InputError::new(Field::OwnUnits, n.shown(), p));
    let max = Decimal::from(MAX_OWN_UNITS);
    let d = n.to_decimal().ok_or_else(|| problem(Problem::NotANumber))?;
    if d <= Decimal::ZERO || d > max {
        return Err(problem(Problem::OutOfRange {
            min: Decimal::new(1, OWN_UNITS_PLACES),
            max,
        }));
    }
    if d.normalize().scale() > OWN_UNITS_PLACES {
        return Err(problem(Problem::TooPrecise {
            places: OWN_UNITS_PLACES,
        }));
    }
    if !resolved {
        return Err(None);
    }
    if !service.guessed(&line.choice()) {
        let of = catalog.label(line.model.as_deref().unwrap_or(service.name)).to_string();
        return Err(problem(Problem::NotAGuess { of }));
    }
    Ok(Some(d.normalize()))
}

/// Checks a line's model, mode, variants and duration, and writes what it resolves to into
/// `line` (or its problems into `errors`). True when they resolve to a priced row.
fn options(
    catalog: &Catalog,
    service: &'static Service,
    raw: &RawLine,
    line: &mut JobLine,
    errors: &mut Vec<InputError>,
) -> bool {
    let duration = match &raw.duration {
        None => None,
        Some(n) => match whole(n, 1, 3_600) {
            Ok(v) => Some(v as u32),
            Err(p) => {
                errors.push(InputError::new(Field::Duration, n.shown(), p));
                None
            }
        },
    };
    let given = Choice {
        model: raw.model.as_deref(),
        mode: raw.mode.as_deref(),
        variants: [&raw.audio, &raw.resolution, &raw.input].map(|v| v.as_deref()),
        seconds: duration,
    };
    match resolve_options(catalog, service, &given) {
        Ok(c) => {
            line.model = c.model.map(str::to_string);
            line.mode = c.mode.map(str::to_string);
            [line.audio, line.resolution, line.input] = c.variants.map(|v| v.map(str::to_string));
            line.duration = c.seconds;
            true
        }
        // The duration's own problem is already reported.
        Err(e) if raw.duration.is_some() && !errors.is_empty() && e.field == Field::Duration => false,
        Err(e) => {
            errors.push(e);
            false
        }
    }
}

/// Matches the chosen model, mode, variants and duration to a priced row. A choice the
/// service does not have is an error; a model or mode it needs and did not get is too, except
/// when there is only one; a variant left out is the plain one (the first the model offers).
pub fn resolve_options(
    catalog: &Catalog,
    service: &'static Service,
    given: &Choice,
) -> Result<Choice<'static>, InputError> {
    let model = pick(Field::Model, service.models(), text(given.model), service.id)?;
    let mode = pick(Field::Mode, service.modes(model), text(given.mode), service.id)?;
    let mut choice = Choice {
        model,
        mode,
        ..Choice::default()
    };
    for (i, variant) in Variant::ALL.into_iter().enumerate() {
        let offered = service.variant_choices(&choice, variant);
        choice.variants[i] = match (text(given.variants[i]), offered.first()) {
            (None, first) => first.copied(),
            (Some(g), _) => pick(variant_field(variant), offered, Some(g), service.id)?,
        };
    }
    choice.seconds = match service.seconds_range(&choice) {
        Some(range) => per_second(range, given.seconds, catalog.label(model.unwrap_or(service.name)))?,
        None => per_clip(service, model, mode, given.seconds)?,
    };
    Ok(choice)
}

/// A choice as given, trimmed; `None` when left out or blank.
fn text(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

/// The error field of a variant.
fn variant_field(variant: Variant) -> Field {
    match variant {
        Variant::Audio => Field::Audio,
        Variant::Resolution => Field::Resolution,
        Variant::Input => Field::Input,
    }
}

/// The duration of a per-second row: any of `range`, required unless the range has one value.
fn per_second(range: Durations, seconds: Option<u32>, of: &str) -> Result<Option<u32>, InputError> {
    match seconds {
        Some(s) if range.contains(s) => Ok(Some(s)),
        None if range.min == range.max => Ok(Some(range.min)),
        _ => Err(InputError::new(
            Field::Duration,
            seconds.map(|s| s.to_string()).unwrap_or_default(),
            Problem::Durations {
                allowed: range,
                of: of.to_string(),
            },
        )),
    }
}

/// The duration of a row priced per clip: one of the row's fixed lengths, if it has any.
fn per_clip(
    service: &'static Service,
    model: Option<&str>,
    mode: Option<&str>,
    seconds: Option<u32>,
) -> Result<Option<u32>, InputError> {
    let durations = service.durations(model, mode);
    let choices = || durations.iter().map(u32::to_string).collect();
    match (seconds, durations.as_slice()) {
        (None, []) => Ok(None),
        (None, [only]) => Ok(Some(*only)),
        (None, _) => Err(InputError::new(
            Field::Duration,
            String::new(),
            Problem::Choose { choices: choices() },
        )),
        (Some(s), _) if durations.contains(&s) => Ok(Some(s)),
        (Some(s), []) => Err(InputError::new(
            Field::Duration,
            s.to_string(),
            Problem::NotApplicable { service: service.id },
        )),
        (Some(s), _) => Err(InputError::new(
            Field::Duration,
            s.to_string(),
            Problem::Unknown { choices: choices() },
        )),
    }
}

fn pick(
    field: Field,
    choices: Vec<&'static str>,
    given: Option<&str>,
    service: &'static str,
) -> Result<Option<&'static str>, InputError> {
    match (given, choices.as_slice()) {
        (None, []) => Ok(None),
        (None, [only]) => Ok(Some(only)),
        (None, _) => Err(InputError::new(
            field,
            String::new(),
            Problem::Choose {
                choices: choices.iter().map(|c| c.to_string()).collect(),
            },
        )),
        (Some(g), []) => Err(InputError::new(
            field,
            g.to_string(),
            Problem::NotApplicable { service },
        )),
        (Some(g), _) => choices.iter().copied().find(|c| *c == g).map(Some).ok_or_else(|| {
            InputError::new(
                field,
                g.to_string(),
                Problem::Unknown {
                    choices: choices.iter().map(|c| c.to_string()).collect(),
                },
            )
        }),
    }
}

/// A whole number within `min..=max`, or what is wrong with it.
pub fn whole(n: &RawNumber, min: u64, max: u64) -> Result<u64, Problem> {
    let d = n.to_decimal().ok_or(Problem::NotANumber)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(Problem::Negative);
    }
    if d.fract() != Decimal::ZERO {
        return Err(Problem::NotWhole);
    }
    if d < Decimal::from(min) || d > Decimal::from(max) {
        return Err(Problem::OutOfRange {
            min: Decimal::from(min),
            max: Decimal::from(max),
        });
    }
    d.to_u64().ok_or(Problem::NotANumber)
}
