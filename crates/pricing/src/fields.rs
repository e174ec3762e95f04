//! Every field of the form, described once: the fields of a job line ([`LINE_FIELDS`]) and the
//! plan settings ([`TOP_SETTINGS`], and [`POOL_SETTINGS`] once per pool).
//!
//! Why tables: the draft, the link codec and the form each used to list these fields by name, so
//! adding or renaming one meant finding every list. Each row now says everything about its
//! field (the id the form and the messages use, the label, where the link carries it, how to
//! read and write its text), and the code that handles fields iterates the rows.
//!
//! The `link` columns are part of the link format (a public contract, see [`crate::share`]):
//! changing one changes what old links mean. `tests/share_format1.rs` pins them.

use crate::catalog::Pool;
use crate::draft::{DraftLine, DraftOptions, DraftPool};
use crate::error::Field;
use crate::plan::{MAX_HORIZON_MONTHS, MAX_PACK_UNITS, MAX_PRICE, MAX_VALIDITY_DAYS};
use rust_decimal::Decimal;

/// How the form asks for a job-line field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A `<select>` of what the catalog offers (the choices cascade: see [`DraftLine::cascade`]).
    Select,
    /// A text box for a number, kept as typed.
    Number,
}

/// One field of a job line.
#[derive(Clone, Copy)]
pub struct LineField {
    /// The id in the form's element ids (`kp-l7-seconds`) and edits.
    pub id: &'static str,
    /// The form's label.
    pub label: &'static str,
    /// The control's `data-testid`.
    pub testid: &'static str,
    pub kind: Kind,
    /// Written after the box (`s` for seconds); empty for none.
    pub suffix: &'static str,
    /// The field's place among the `~`-separated fields of a link's `l=` value.
    pub link: usize,
    /// The text a line takes when its link value stops before this field;
    /// [`encode`](crate::share::encode) leaves out trailing fields that hold it.
    pub absent: &'static str,
    /// The first link format that carries the field: a reader of an older format reads only
    /// the fields it knew, so an old link keeps its meaning (see [`crate::share`]).
    pub format: u32,
    /// The field its problems are reported on; its [`Field::name`] also names it in a link's
    /// problems ("the quantity field: …").
    pub field: Field,
    pub get: fn(&DraftLine) -> &str,
    pub get_mut: fn(&mut DraftLine) -> &mut String,
}

/// The fields of a job line, in form order. Their order in a link is their `link` place: the
/// variants, added in format 2, come after the seven fields of format 1, and the user's own
/// units figure, added in format 3, after them.
pub const LINE_FIELDS: [LineField; 11] = [
    LineField {
        id: "service",
        label: "Service",
        testid: "service",
        kind: Kind::Select,
        suffix: "",
        link: 0,
        absent: "",
        format: 1,
        field: Field::Service,
        get: |l| &l.service,
        get_mut: |l| &mut l.service,
    },
    LineField {
        id: "model",
        label: "Model",
        testid: "model",
        kind: Kind::Select,
        suffix: "",
        link: 1,
        absent: "",
        format: 1,
        field: Field::Model,
        get: |l| &l.model,
        get_mut: |l| &mut l.model,
    },
    LineField {
        id: "mode",
        label: "Mode",
        testid: "mode",
        kind: Kind::Select,
        suffix: "",
        link: 2,
        absent: "",
        format: 1,
        field: Field::Mode,
        get: |l| &l.mode,
        get_mut: |l| &mut l.mode,
    },
    LineField {
        id: "duration",
        label: "Duration",
        testid: "duration",
        kind: Kind::Select,
        suffix: "",
        link: 3,
        absent: "",
        format: 1,
        field: Field::Duration,
        get: |l| &l.duration,
        get_mut: |l| &mut l.duration,
    },
    LineField {
        id: "audio",
        label: "Audio",
        testid: "audio",
        kind: Kind::Select,
        suffix: "",
        link: 7,
        absent: "",
        format: 2,
        field: Field::Audio,
        get: |l| &l.audio,
        get_mut: |l| &mut l.audio,
    },
    LineField {
        id: "resolution",
        label: "Resolution",
        testid: "resolution",
        kind: Kind::Select,
        suffix: "",
        link: 8,
        absent: "",
        format: 2,
        field: Field::Resolution,
        get: |l| &l.resolution,
        get_mut: |l| &mut l.resolution,
    },
    LineField {
        id: "input",
        label: "Input",
        testid: "input",
        kind: Kind::Select,
        suffix: "",
        link: 9,
        absent: "",
        format: 2,
        field: Field::Input,
        get: |l| &l.input,
        get_mut: |l| &mut l.input,
    },
    LineField {
        id: "quantity",
        label: "Kept outputs / month",
        testid: "quantity",
        kind: Kind::Number,
        suffix: "",
        link: 4,
        absent: "",
        format: 1,
        field: Field::Quantity,
        get: |l| &l.quantity,
        get_mut: |l| &mut l.quantity,
    },
    LineField {
        id: "seconds",
        label: "Input video length",
        testid: "video-seconds",
        kind: Kind::Number,
        suffix: "s",
        link: 5,
        absent: "",
        format: 1,
        field: Field::VideoSeconds,
        get: |l| &l.video_seconds,
        get_mut: |l| &mut l.video_seconds,
    },
    LineField {
        id: "attempts",
        label: "Attempts per kept output",
        testid: "attempts",
        kind: Kind::Number,
        suffix: "",
        link: 6,
        // Links made before the field existed meant one attempt per kept output.
        absent: "1",
        format: 1,
        field: Field::AttemptsPerKept,
        get: |l| &l.attempts_per_kept,
        get_mut: |l| &mut l.attempts_per_kept,
    },
    LineField {
        id: "units",
        label: "Your units figure (replaces the guess)",
        testid: "own-units",
        kind: Kind::Number,
        suffix: "",
        link: 10,
        absent: "",
        format: 3,
        field: Field::OwnUnits,
        get: |l| &l.own_units,
        get_mut: |l| &mut l.own_units,
    },
];

/// A link parameter that carries plan settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// The parameter's name (`pk`).
    pub key: &'static str,
    /// What it holds, as a link's problems say it ("dropped the peak load: …").
    pub what: &'static str,
}

const HORIZON: Param = Param {
    key: "h",
    what: "horizon",
};
const GROWTH: Param = Param {
    key: "g",
    what: "growth",
};
const PEAK: Param = Param {
    key: "pk",
    what: "peak load",
};
const BALANCE: Param = Param {
    key: "b",
    what: "balance",
};
const PACK: Param = Param { key: "p", what: "pack" };
const QUOTE: Param = Param {
    key: "q",
    what: "quote",
};
/// The per-use seller chosen (`pu=fal`, or `pu=rate` for the rate entered): text, read by
/// [`crate::share`] itself, since it is no number.
pub const PER_USE_SOURCE: Param = Param {
    key: "pu",
    what: "per-use source",
};
/// The package menu chosen (`m=guide-2025`): text, read by [`crate::share`] itself.
pub const MENU: Param = Param {
    key: "m",
    what: "package menu",
};
/// Each month's multiplier of the mix (`f=1,1,3`): the text as typed, read by [`crate::share`]
/// itself, since it is a list.
pub const FORECAST: Param = Param {
    key: "f",
    what: "month-by-month forecast",
};
const PER_USE_RATE: Param = Param {
    key: "pr",
    what: "per-use rate",
};

/// Where a link carries a plan setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub param: Param,
    /// The setting's place among the parameter's `~`-separated fields. A pool's parameters
    /// hold the pool's id at 0, so their settings start at 1.
    pub position: usize,
    /// The field's name in a link's problems ("the daysLeft field: …").
    pub name: &'static str,
}

/// One text field of the plan settings, read from `T`: [`DraftOptions`] for the top-level
/// settings, [`DraftPool`] for a pool's.
pub struct Setting<T: 'static> {
    /// The field's key (the form's `data-testid`, and the key of an
    /// [`OptionError`](crate::draft::OptionError)). A pool's settings are keyed
    /// `<pool>.<key>` (`image.pack.price`).
    pub key: &'static str,
    /// The form's label.
    pub label: &'static str,
    /// Written after the box (`%`); empty for none.
    pub suffix: &'static str,
    pub link: Slot,
    /// What its text must be (see [`DraftOptions::to_options`]).
    pub check: Check,
    pub get: fn(&T) -> &str,
    pub get_mut: fn(&mut T) -> &mut String,
}

const fn slot(param: Param, position: usize, name: &'static str) -> Slot {
    Slot { param, position, name }
}

/// What a setting's text must be: a number from `min` to `max` with at most `places` decimal
/// places (0: a whole number). `label` starts its messages ("Days left 4000 is out of range…").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    pub label: &'static str,
    pub min: Decimal,
    pub max: Decimal,
    pub places: u32,
}

/// `num` × 10^-`scale`, for the bounds in the tables.
const fn dec(num: i64, scale: u32) -> Decimal {
    let m = num.unsigned_abs();
    Decimal::from_parts(m as u32, (m >> 32) as u32, 0, num < 0, scale)
}

const fn check(label: &'static str, min: Decimal, max: Decimal, places: u32) -> Check {
    Check {
        label,
        min,
        max,
        places,
    }
}

/// A whole number from `min` to `max`.
const fn whole(label: &'static str, min: u32, max: u32) -> Check {
    check(label, dec(min as i64, 0), dec(max as i64, 0), 0)
}

const ZERO: Decimal = Decimal::ZERO;
const PACK_UNITS: Decimal = dec(MAX_PACK_UNITS as i64, 0);
/// A pack's or quote's price, units and validity.
const PRICE: Check = check("Price", ZERO, dec(MAX_PRICE as i64, 0), 6);
const UNITS: Check = check("Units", dec(1, 4), PACK_UNITS, 4);
const VALIDITY: Check = whole("Validity", 1, MAX_VALIDITY_DAYS);

/// The top-level text settings, in form order. The trials checkbox (a `bool`, link `t`) sits
/// between the first two and the last two.
pub const TOP_SETTINGS: [Setting<DraftOptions>; 4] = [
    Setting {
        key: "horizon",
        label: "Horizon (months, 1–36)",
        suffix: "",
        link: slot(HORIZON, 0, "horizon"),
        check: whole("Horizon", 1, MAX_HORIZON_MONTHS),
        get: |o| &o.horizon,
        get_mut: |o| &mut o.horizon,
    },
    Setting {
        key: "growth",
        label: "Growth per month",
        suffix: "%",
        link: slot(GROWTH, 0, "growth"),
        check: check("Growth", dec(-100, 0), dec(1000, 0), 4),
        get: |o| &o.growth,
        get_mut: |o| &mut o.growth,
    },
    Setting {
        key: "peak.jobsPerHour",
        label: "Peak video jobs per hour",
        suffix: "",
        link: slot(PEAK, 0, "jobsPerHour"),
        check: check("Peak jobs per hour", ZERO, dec(1_000_000, 0), 4),
        get: |o| &o.peak_jobs_per_hour,
        get_mut: |o| &mut o.peak_jobs_per_hour,
    },
    Setting {
        key: "peak.minutesPerJob",
        label: "Minutes per job",
        suffix: "",
        link: slot(PEAK, 1, "minutesPerJob"),
        check: check("Minutes per job", ZERO, dec(1440, 0), 4),
        get: |o| &o.peak_minutes_per_job,
        get_mut: |o| &mut o.peak_minutes_per_job,
    },
];

/// The text settings of one pool, in form order.
pub const POOL_SETTINGS: [Setting<DraftPool>; 8] = [
    Setting {
        key: "balance.units",
        label: "Balance (units)",
        suffix: "",
        link: slot(BALANCE, 1, "units"),
        check: check("Balance", ZERO, PACK_UNITS, 4),
        get: |p| &p.balance_units,
        get_mut: |p| &mut p.balance_units,
    },
    Setting {
        key: "balance.days",
        label: "Days left",
        suffix: "",
        link: slot(BALANCE, 2, "daysLeft"),
        check: whole("Days left", 0, MAX_VALIDITY_DAYS),
        get: |p| &p.balance_days,
        get_mut: |p| &mut p.balance_days,
    },
    Setting {
        key: "pack.price",
        label: "Your pack: price ($)",
        suffix: "",
        link: slot(PACK, 1, "price"),
        check: PRICE,
        get: |p| &p.pack_price,
        get_mut: |p| &mut p.pack_price,
    },
    Setting {
        key: "pack.units",
        label: "units",
        suffix: "",
        link: slot(PACK, 2, "units"),
        check: UNITS,
        get: |p| &p.pack_units,
        get_mut: |p| &mut p.pack_units,
    },
    Setting {
        key: "pack.days",
        label: "valid for (days)",
        suffix: "",
        link: slot(PACK, 3, "validityDays"),
        check: VALIDITY,
        get: |p| &p.pack_days,
        get_mut: |p| &mut p.pack_days,
    },
    Setting {
        key: "quote.price",
        label: "Custom quote: price ($)",
        suffix: "",
        link: slot(QUOTE, 1, "price"),
        check: PRICE,
        get: |p| &p.quote_price,
        get_mut: |p| &mut p.quote_price,
    },
    Setting {
        key: "quote.units",
        label: "units",
        suffix: "",
        link: slot(QUOTE, 2, "units"),
        check: UNITS,
        get: |p| &p.quote_units,
        get_mut: |p| &mut p.quote_units,
    },
    Setting {
        key: "quote.days",
        label: "valid for (days)",
        suffix: "",
        link: slot(QUOTE, 3, "validityDays"),
        check: VALIDITY,
        get: |p| &p.quote_days,
        get_mut: |p| &mut p.quote_days,
    },
];

/// The per-use settings of one pool: the user's own per-use price (a negotiated rate, dollars
/// per unit), `pr=pool~rate` in a link. Apart from [`POOL_SETTINGS`] because the form does not
/// show it yet; the link, [`DraftOptions::to_options`] and [`setting_mut`] read this table.
pub const PER_USE_POOL_SETTINGS: [Setting<DraftPool>; 1] = [Setting {
    key: "perUse.rate",
    label: "Per-use rate ($ a unit)",
    suffix: "",
    link: slot(PER_USE_RATE, 1, "rate"),
    check: check("Per-use rate", dec(1, 10), dec(1000, 0), 10),
    get: |p| &p.per_use_rate,
    get_mut: |p| &mut p.per_use_rate,
}];

/// The key of the per-use source setting for [`setting_mut`] (text: a seller id or `rate`).
pub const PER_USE_SOURCE_KEY: &str = "perUse.source";

/// The settings key of the package menu chosen (a menu id of the edition).
pub const MENU_KEY: &str = "menu";

/// The settings key of the month-by-month forecast (multipliers of the mix, `1, 1, 3`).
pub const FORECAST_KEY: &str = "demandByMonth";

/// The row of [`LINE_FIELDS`] named `id` (`"quantity"`, `"seconds"`, …); `None` for no such field.
pub fn line_field(id: &str) -> Option<&'static LineField> {
    LINE_FIELDS.iter().find(|f| f.id == id)
}

/// The settings of `table` that link parameter `key` carries, in their order in the link.
/// Sorted through [`crate::sort`]: std's `sort_by_key` here was a copy of std's stable sort per
/// table type, two in the page (1.7 KB gzip).
pub fn carried_by<T>(table: &'static [Setting<T>], key: &str) -> Vec<&'static Setting<T>> {
    let mut rows: Vec<_> = table.iter().filter(|s| s.link.param.key == key).collect();
    crate::sort::sort_by_key(&mut rows, |s| s.link.position);
    rows
}

/// The text setting named `key` (`horizon`, `peak.jobsPerHour`, `video.pack.price`, …), or
/// `None` for no such setting.
pub fn setting_mut<'a>(options: &'a mut DraftOptions, key: &str) -> Option<&'a mut String> {
    if let Some(s) = TOP_SETTINGS.iter().find(|s| s.key == key) {
        return Some((s.get_mut)(options));
    }
    if key == PER_USE_SOURCE_KEY {
        return Some(&mut options.per_use_source);
    }
    if key == MENU_KEY {
        return Some(&mut options.menu);
    }
    if key == FORECAST_KEY {
        return Some(&mut options.demand_by_month);
    }
    let (pool, part) = key.split_once('.')?;
    let i = Pool::ALL.iter().position(|p| p.id() == pool)?;
    let s = match POOL_SETTINGS.iter().find(|s| s.key == part) {
        Some(s) => s,
        None => PER_USE_POOL_SETTINGS.iter().find(|s| s.key == part)?,
    };
    Some((s.get_mut)(&mut options.pools[i]))
}

/// Every text setting's key the form shows, in form order (the per-use settings, not in the
/// form yet, are [`PER_USE_SOURCE_KEY`] and `<pool>.perUse.rate`).
pub fn setting_keys() -> Vec<String> {
    let mut keys: Vec<String> = TOP_SETTINGS.iter().map(|s| s.key.to_string()).collect();
    for p in Pool::ALL {
        keys.extend(POOL_SETTINGS.iter().map(|s| format!("{}.{}", p.id(), s.key)));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each table's link places are distinct and leave no gap, so a link value's fields map
    /// one to one onto the rows.
    #[test]
    fn link_places_are_a_sequence() {
        let mut lines: Vec<usize> = LINE_FIELDS.iter().map(|f| f.link).collect();
        lines.sort();
        assert_eq!(lines, (0..LINE_FIELDS.len()).collect::<Vec<_>>());
        // A format's line fields come before those a later format added, so a reader of
        // format N reads the first fields of a value and finds the newer ones after them.
        for f in &LINE_FIELDS {
            let older = LINE_FIELDS.iter().filter(|g| g.format < f.format);
            assert!(older.clone().all(|g| g.link < f.link), "{}", f.id);
        }
        for key in ["h", "g", "pk"] {
            let places: Vec<usize> = carried_by(&TOP_SETTINGS, key).iter().map(|s| s.link.position).collect();
            assert_eq!(places, (0..places.len()).collect::<Vec<_>>(), "{key}");
        }
        for key in ["b", "p", "q"] {
            let places: Vec<usize> = carried_by(&POOL_SETTINGS, key)
                .iter()
                .map(|s| s.link.position)
                .collect();
            assert_eq!(places, (1..=places.len()).collect::<Vec<_>>(), "{key}");
        }
    }

    #[test]
    fn accessors_reach_their_own_field() {
        let mut line = DraftLine::default();
        for (i, f) in LINE_FIELDS.iter().enumerate() {
            *(f.get_mut)(&mut line) = i.to_string();
        }
        for (i, f) in LINE_FIELDS.iter().enumerate() {
            assert_eq!((f.get)(&line), i.to_string(), "{}", f.id);
        }
        let mut o = DraftOptions::default();
        for (i, k) in setting_keys().iter().enumerate() {
            *setting_mut(&mut o, k).unwrap() = i.to_string();
        }
        let texts: Vec<&str> = TOP_SETTINGS.iter().map(|s| (s.get)(&o)).collect();
        assert_eq!(texts, ["0", "1", "2", "3"]);
        assert_eq!((POOL_SETTINGS[7].get)(&o.pools[2]), "27");
    }
}
