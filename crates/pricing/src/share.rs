//! Sharing by URL: the whole calculator state as query parameters, and back.
//!
//! Format 1 (`v=1`). Every parameter is optional; a missing one takes the default shown.
//!
//! | parameter | holds | default |
//! |-----------|-------|---------|
//! | `v`  | format version | `1` |
//! | `e`  | catalog edition | `seed-2025` |
//! | `l`  | one job line, repeated: `service~model~mode~duration~quantity~videoSeconds~attemptsPerKept` | no lines |
//! | `h`  | horizon, months | `3` |
//! | `g`  | monthly growth, percent | `0` |
//! | `t`  | trials already used: `1` or `0` | `0` |
//! | `pk` | peak video load: `jobsPerHour~minutesPerJob` | none |
//! | `b`  | a balance held, one per pool: `pool~units~daysLeft` | none |
//! | `p`  | a pack on offer, one per pool: `pool~price~units~validityDays` | none |
//! | `q`  | a custom quote, one per pool: `pool~price~units~validityDays` | none |
//! | `pu` | per-use source: a seller id of the edition (`fal`, …), or `rate` for `pr` | none (packs only) |
//! | `pr` | your per-use rate, one per pool: `pool~dollarsPerUnit` | none |
//! | `m`  | package menu: a menu id of the edition (`guide-2025`, …) | the edition's first menu |
//! | `f`  | month-by-month forecast: each month's multiplier of the mix, as typed (`1,1,3`) | none |
//!
//! Fields are the text exactly as typed (an entry not yet fixed survives a link; it is checked
//! later, like any other input). A missing trailing field is empty, except `attemptsPerKept`,
//! which is `1` when absent: a line given with all seven fields and an empty last one has an
//! empty attempts field. Every byte but the RFC 3986 unreserved characters other than `~`
//! (`A–Z a–z 0–9 - . _`) is percent-encoded by [`encode`]; [`decode`] also reads `+` as a
//! space, as browsers' form encoding writes it. Parameters that are not ours are kept as they are.
//!
//! Format 2 (`v=2`) is format 1 plus three optional trailing fields of `l`, the line's
//! variants: `…~attemptsPerKept~audio~resolution~input` (empty: the model's plain one).
//! [`encode`] writes the oldest format that carries the state: `v=1` unless a line has a
//! variant, so a link without variants is the same as before format 2 existed, and a link
//! with them tells an older page it comes from a newer release (which then drops those lines
//! as having too many fields, and says so) instead of pricing them without their variants.
//!
//! Format 3 (`v=3`) is format 2 plus one optional trailing field of `l`, the user's own units
//! figure where the catalog's is a guess: `…~input~ownUnits`. [`encode`] writes `v=3` only
//! when a line has one, for the same reason as format 2.
//!
//! `pu` and `pr` were added later as optional parameters of formats 1 and 2 (they change no
//! line, so no new format): [`encode`] writes them only when set, so every other link is as
//! before, and a release that predates them keeps them as parameters that are not its own.
//!
//! `m` was added later in the same way. A link without it means the edition's first menu, and
//! an edition's menus keep their order (a new one goes after the others), so an old link keeps
//! the menu it was made with. `f` too: a link without it has no forecast.
//!
//! A link without `e` (formats 1 and 2) means [`EDITION_WITHOUT_E`], the only edition when
//! format 1 was made, whatever the default edition is now.
//!
//! Stability: a link once made keeps loading the same state. [`decode`] reads every format it
//! has ever written; the format-1 reader is its own function and its behaviour is pinned by
//! literal links in `tests/share_format1.rs`.

use super::catalog::{self, Pool};
use super::draft::DraftPool;
use super::draft::{DraftLine, DraftOptions};
use super::fields::{
    carried_by, Param, Setting, FORECAST, LINE_FIELDS, MENU, PER_USE_POOL_SETTINGS, PER_USE_SOURCE, POOL_SETTINGS,
    TOP_SETTINGS,
};
use super::mix::MAX_LINES;
use std::fmt;

/// The newest format [`encode`] writes (it writes the oldest one that carries the state).
pub const FORMAT: u32 = 3;
/// The edition of a link that names none. Fixed, not the default edition: changing the
/// default must not change what an old link prices.
pub const EDITION_WITHOUT_E: &str = "seed-2025";
/// Longest field text, in characters, a link may carry; a longer field drops its parameter.
pub const MAX_FIELD_CHARS: usize = 1000;
/// Most problems listed one by one; the rest are counted in a last one.
pub const MAX_PROBLEMS: usize = 100;
/// Longest parameter value quoted in a problem, in characters.
const MAX_QUOTED_CHARS: usize = 80;

/// The tables of a pool's settings the link carries: the form's, then the per-use rate.
const POOL_TABLES: [&[Setting<DraftPool>]; 2] = [&POOL_SETTINGS, &PER_USE_POOL_SETTINGS];

/// Every parameter name of ours, in the order [`encode`] writes them.
pub const KEYS: [&str; 14] = ["v", "e", "m", "l", "h", "g", "t", "pk", "b", "p", "q", "pu", "pr", "f"];

/// Everything a link carries: the catalog edition, the job lines and the planner settings, all
/// as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareState {
    pub edition: String,
    pub lines: Vec<DraftLine>,
    pub options: DraftOptions,
}

impl Default for ShareState {
    /// The default edition, no lines, default settings.
    fn default() -> ShareState {
        ShareState {
            edition: catalog::default_catalog().edition.to_string(),
            lines: Vec::new(),
            options: DraftOptions::default(),
        }
    }
}

/// Something in a link that was not used: the parameter, its value as it stands in the link
/// (cut to 80 characters, with `…`), and what was dropped and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareProblem {
    pub param: String,
    pub value: String,
    pub message: String,
}

impl fmt::Display for ShareProblem {
    /// `param=value: message`, or the message alone when no parameter is named.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.param.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}={}: {}", self.param, self.value, self.message)
        }
    }
}

/// What [`decode`] read from a query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The state the link describes (defaults where it says nothing).
    pub state: ShareState,
    /// Whether any of our parameters is present (if not, the link says nothing about the state).
    pub ours: bool,
    /// Every part that was dropped or replaced, in link order.
    pub problems: Vec<ShareProblem>,
    /// The parameters that are not ours, in order, name and value as they stand in the link
    /// (not percent-decoded; a parameter without `=` has an empty value).
    pub foreign: Vec<(String, String)>,
}

/// Whether `key` is the name of one of our parameters.
pub fn is_ours(key: &str) -> bool {
    KEYS.contains(&key)
}

// ---------------------------------------------------------------------------------------------
// Percent-encoding

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Appends `text` with every byte except `A–Z a–z 0–9 - . _` written as `%XX`.
fn escape_into(out: &mut String, text: &str) {
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

/// The text of a percent-encoded value (`+` is a space), or why it has none.
fn unescape(raw: &str) -> Result<String, String> {
    if !raw.contains(['%', '+']) {
        return Ok(raw.to_string());
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = |j: usize| bytes.get(j).and_then(|&c| char::from(c).to_digit(16));
                match (hex(i + 1), hex(i + 2)) {
                    (Some(hi), Some(lo)) => {
                        // Two hex digits: at most 255.
                        out.push((hi * 16 + lo) as u8);
                        i += 3;
                    }
                    _ => {
                        // `i` is at a `%`, an ASCII byte, so a char boundary.
                        let bad: String = raw[i..].chars().take(3).collect();
                        return Err(format!("\"{bad}\" is not a percent escape (% and two hex digits)"));
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "its percent escapes are not UTF-8 text".to_string())
}

// ---------------------------------------------------------------------------------------------
// Encoding

fn push_param(out: &mut String, key: &str, fields: &[&str]) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(key);
    out.push('=');
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push('~');
        }
        escape_into(out, f);
    }
}

/// The fields of line `l` as its `l=` value holds them, without the trailing ones a reader
/// restores anyway (those holding their [`absent`](crate::fields::LineField::absent) text),
/// and the format that first carries them all.
fn line_fields(l: &DraftLine) -> (Vec<&str>, u32) {
    let mut fields = vec![("", "", 1); LINE_FIELDS.len()];
    for f in &LINE_FIELDS {
        fields[f.link] = ((f.get)(l), f.absent, f.format);
    }
    while fields.last().is_some_and(|(text, absent, _)| text == absent) {
        fields.pop();
    }
    let format = fields.iter().map(|&(_, _, format)| format).max().unwrap_or(1);
    (fields.into_iter().map(|(text, _, _)| text).collect(), format)
}

/// The fields of settings parameter `key` of `owner` (after `lead`, a pool's id), without
/// trailing empty ones; `None` when every setting it carries holds its `default` text.
fn setting_fields<'a, T>(
    table: &'static [Setting<T>],
    key: &str,
    owner: &'a T,
    default: &T,
    lead: Option<&'a str>,
) -> Option<Vec<&'a str>> {
    let rows = carried_by(table, key);
    if rows.iter().all(|s| (s.get)(owner) == (s.get)(default)) {
        return None;
    }
    let mut fields: Vec<&str> = lead.into_iter().collect();
    fields.extend(rows.iter().map(|s| (s.get)(owner)));
    while fields.last().is_some_and(|f| f.is_empty()) {
        fields.pop();
    }
    Some(fields)
}

/// Appends settings parameter `key`: once if it carries top-level settings, else once per pool
/// whose settings it carries; each only where it differs from the defaults.
fn push_settings(out: &mut String, key: &str, options: &DraftOptions) {
    let defaults = DraftOptions::default();
    if let Some(fields) = setting_fields(&TOP_SETTINGS, key, options, &defaults, None) {
        push_param(out, key, &fields);
    }
    let pools = Pool::ALL.into_iter().zip(options.pools.iter().zip(&defaults.pools));
    for (pool, (d, default)) in pools {
        for table in POOL_TABLES {
            if let Some(fields) = setting_fields(table, key, d, default, Some(pool.id())) {
                push_param(out, key, &fields);
            }
        }
    }
}

/// The query string (without `?`) of our parameters for `state`, in [`KEYS`] order: `v`, `e`,
/// one `l` per line, then the settings that differ from their defaults. Any text round-trips
/// through [`decode`].
pub fn encode(state: &ShareState) -> String {
    let lines: Vec<(Vec<&str>, u32)> = state.lines.iter().map(line_fields).collect();
    let format = lines.iter().map(|(_, f)| *f).max().unwrap_or(1);
    let mut out = String::new();
    for key in KEYS {
        match key {
            "v" => push_param(&mut out, key, &[&format.to_string()]),
            "e" => push_param(&mut out, key, &[&state.edition]),
            "l" => {
                for (fields, _) in &lines {
                    push_param(&mut out, key, fields);
                }
            }
            "t" if state.options.trials_used => push_param(&mut out, key, &["1"]),
            "t" => {}
            "pu" if !state.options.per_use_source.is_empty() => {
                push_param(&mut out, key, &[&state.options.per_use_source])
            }
            "m" if !state.options.menu.is_empty() => push_param(&mut out, key, &[&state.options.menu]),
            "f" if !state.options.demand_by_month.is_empty() => {
                push_param(&mut out, key, &[&state.options.demand_by_month])
            }
            "pu" | "m" | "f" => {}
            _ => push_settings(&mut out, key, &state.options),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// Problems in link order, at most [`MAX_PROBLEMS`] listed.
struct Problems {
    list: Vec<ShareProblem>,
    unlisted: usize,
}

impl Problems {
    fn push(&mut self, param: &str, raw: &str, message: String) {
        if self.list.len() >= MAX_PROBLEMS {
            self.unlisted += 1;
            return;
        }
        let mut value: String = raw.chars().take(MAX_QUOTED_CHARS).collect();
        if value.len() < raw.len() {
            value.push('…');
        }
        self.list.push(ShareProblem {
            param: param.to_string(),
            value,
            message,
        });
    }

    fn finish(mut self) -> Vec<ShareProblem> {
        if self.unlisted > 0 {
            self.list.push(ShareProblem {
                param: String::new(),
                value: String::new(),
                message: format!("{} more problems in this link are not listed", self.unlisted),
            });
        }
        self.list
    }
}

/// The decoded text of one field, or why it cannot be used.
fn field_text(raw: &str) -> Result<String, String> {
    let text = unescape(raw)?;
    let n = text.chars().count();
    if n > MAX_FIELD_CHARS {
        return Err(format!("it is {n} characters long, at most {MAX_FIELD_CHARS}"));
    }
    Ok(text)
}

/// The decoded fields of a `~`-separated value, or why it was dropped.
fn fields(raw: &str, names: &[&str]) -> Result<Vec<String>, String> {
    let count = raw.matches('~').count() + 1;
    if count > names.len() {
        return Err(format!("it has {count} fields, at most {}", names.len()));
    }
    raw.split('~')
        .zip(names)
        .map(|(f, name)| field_text(f).map_err(|why| format!("the {name} field: {why}")))
        .collect()
}

/// `text` in double quotes, cut to 80 characters (with `…`).
fn quoted(text: &str) -> String {
    let mut q: String = text.chars().take(MAX_QUOTED_CHARS).collect();
    if q.len() < text.len() {
        q.push('…');
    }
    format!("\"{q}\"")
}

fn times(n: usize) -> String {
    match n {
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// Reads a query string (with or without its leading `?`). Never fails: what cannot be used is
/// listed in [`Decoded::problems`] and everything else is kept.
pub fn decode(query: &str) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut ours = Vec::new();
    let mut foreign = Vec::new();
    for segment in query.split('&').filter(|s| !s.is_empty()) {
        let (key, value) = segment.split_once('=').unwrap_or((segment, ""));
        if is_ours(key) {
            ours.push((key, value));
        } else {
            foreign.push((key.to_string(), value.to_string()));
        }
    }
    let mut problems = Problems {
        list: Vec::new(),
        unlisted: 0,
    };
    // The version decides the reader. Every format ever written keeps its reader.
    let mut version_seen = 0;
    let mut format = 1;
    for &(key, raw) in &ours {
        if key != "v" {
            continue;
        }
        version_seen += 1;
        if version_seen > 1 {
            problems.push(key, raw, format!("v appears {}; used the first", times(version_seen)));
            continue;
        }
        let digits = raw.trim_start_matches('0');
        if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
            problems.push(key, raw, "unknown format version; read as format 1".to_string());
        } else if let Some(known) = (1..=FORMAT).find(|f| digits == f.to_string()) {
            format = known;
        } else {
            // Digits are ASCII, so any byte index is a char boundary.
            let format = if digits.len() <= 9 {
                digits.to_string()
            } else {
                format!("{}…", &digits[..9])
            };
            problems.push(
                key,
                raw,
                format!(
                    "this link was made by a newer version of the calculator (format {format}); \
                     read as format 1 where possible"
                ),
            );
        }
    }
    let state = match format {
        2 => decode_format_2(&ours, &mut problems),
        3 => decode_format_3(&ours, &mut problems),
        _ => decode_format_1(&ours, &mut problems),
    };
    Decoded {
        state,
        ours: !ours.is_empty(),
        problems: problems.finish(),
        foreign,
    }
}

/// The format-1 reader. Its results for a given link must never change: a new format gets a
/// new reader next to this one.
fn decode_format_1(params: &[(&str, &str)], problems: &mut Problems) -> ShareState {
    read(params, problems, 1)
}

/// The format-2 reader: format 1 with the line fields format 2 added (the variants).
fn decode_format_2(params: &[(&str, &str)], problems: &mut Problems) -> ShareState {
    read(params, problems, 2)
}

/// The format-3 reader: format 2 with the line field format 3 added (the own units figure).
fn decode_format_3(params: &[(&str, &str)], problems: &mut Problems) -> ShareState {
    read(params, problems, 3)
}

/// Reads `params` as link format `format`, whose lines hold the [`LINE_FIELDS`] of that
/// format and older; everything else is read the same in every format so far.
fn read(params: &[(&str, &str)], problems: &mut Problems, format: u32) -> ShareState {
    let mut reader = Format1 {
        format,
        state: ShareState::default(),
        problems,
        seen: Seen::default(),
        edition: chosen_edition(params),
        lines_over: Overflow::default(),
    };
    reader.state.edition = reader.edition.to_string();
    for &(key, raw) in params {
        match key {
            "e" => reader.edition(raw),
            "l" => reader.line(raw),
            "t" => reader.trials(raw),
            "pu" => reader.text(PER_USE_SOURCE, raw),
            "m" => reader.text(MENU, raw),
            "f" => reader.text(FORECAST, raw),
            // `v` is read by `decode`; it is carried by no setting, so nothing happens.
            _ => reader.setting(key, raw),
        }
    }
    reader.finish()
}

/// The edition a link is read in: the first `e` that names a known one, else
/// [`EDITION_WITHOUT_E`] (not the default edition: see there).
fn chosen_edition(params: &[(&str, &str)]) -> &'static str {
    params
        .iter()
        .filter(|(k, _)| *k == "e")
        .find_map(|(_, raw)| field_text(raw).ok().and_then(|id| catalog::edition(&id)))
        .map_or(EDITION_WITHOUT_E, |c| c.edition)
}

/// How often each setting has been given, so that a repeat is reported and the first kept.
/// Pool settings count per pool (`b` for video and `b` for image are not repeats).
#[derive(Default)]
struct Seen(Vec<(String, Option<Pool>, usize)>);

impl Seen {
    /// Counts a usable occurrence of `key` (for `pool`): true for the first, else reports it
    /// as a repeat and gives false.
    fn first(&mut self, problems: &mut Problems, key: &str, pool: Option<Pool>, raw: &str) -> bool {
        let n = match self.0.iter_mut().find(|(k, p, _)| k == key && *p == pool) {
            Some((_, _, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.0.push((key.to_string(), pool, 1));
                1
            }
        };
        if n > 1 {
            let what = match pool {
                Some(p) => format!("{key} for {}", p.id()),
                None => key.to_string(),
            };
            problems.push(key, raw, format!("{what} appears {}; used the first", times(n)));
        }
        n == 1
    }
}

/// The lines beyond [`MAX_LINES`]: how many, and the first of them (quoted in the one problem
/// reported for all of them).
#[derive(Default)]
struct Overflow<'q> {
    count: usize,
    first: &'q str,
}

/// A reader's state while it goes through a link's parameters in order.
struct Format1<'q, 'p> {
    /// The link's format, which decides the line fields read.
    format: u32,
    state: ShareState,
    problems: &'p mut Problems,
    seen: Seen,
    /// The edition chosen for the link (see [`chosen_edition`]), named in problems with `e`.
    edition: &'static str,
    lines_over: Overflow<'q>,
}

impl<'q> Format1<'q, '_> {
    /// An `e`: the chosen edition was found beforehand, so only problems are reported here.
    fn edition(&mut self, raw: &str) {
        let chosen = self.edition;
        match field_text(raw) {
            Err(why) => self
                .problems
                .push("e", raw, format!("dropped the catalog edition: {why}; using {chosen}")),
            Ok(id) if catalog::edition(&id).is_none() => {
                self.problems
                    .push("e", raw, format!("unknown catalog edition; using {chosen}"))
            }
            Ok(_) => {
                self.seen.first(self.problems, "e", None, raw);
            }
        }
    }

    /// An `l`: one job line, its fields in the link places of the [`LINE_FIELDS`] its format
    /// has (a field it lacks keeps its absent text: the variants are plain in format 1).
    fn line(&mut self, raw: &'q str) {
        if self.state.lines.len() >= MAX_LINES {
            if self.lines_over.count == 0 {
                self.lines_over.first = raw;
            }
            self.lines_over.count += 1;
            return;
        }
        let known: Vec<_> = LINE_FIELDS.iter().filter(|f| f.format <= self.format).collect();
        let mut names = vec![""; known.len()];
        for f in &known {
            names[f.link] = f.field.name();
        }
        match fields(raw, &names) {
            Err(why) => self.problems.push("l", raw, format!("dropped the line: {why}")),
            Ok(texts) => {
                let mut line = DraftLine::default();
                for f in &LINE_FIELDS {
                    *(f.get_mut)(&mut line) = texts.get(f.link).map_or(f.absent, String::as_str).to_string();
                }
                self.state.lines.push(line);
            }
        }
    }

    /// A `t`: whether the trial packs are used, `1` or `0` and nothing else.
    fn trials(&mut self, raw: &str) {
        match raw {
            "0" | "1" => {
                if self.seen.first(self.problems, "t", None, raw) {
                    self.state.options.trials_used = raw == "1";
                }
            }
            _ => self.problems.push(
                "t",
                raw,
                "dropped trials-used: it must be 1 (trials used) or 0 (not used)".to_string(),
            ),
        }
    }

    /// A `pu`: the per-use seller chosen, kept as typed (checked against the edition when
    /// planning, like any other entry).
    /// A parameter holding one setting as text (`pu`, `m`), checked when planning.
    fn text(&mut self, param: Param, raw: &str) {
        let (key, what) = (param.key, param.what);
        match field_text(raw) {
            Err(why) => self.problems.push(key, raw, format!("dropped the {what}: {why}")),
            Ok(text) => {
                if self.seen.first(self.problems, key, None, raw) {
                    *self.text_setting(param) = text;
                }
            }
        }
    }

    /// Where the text setting of `param` is kept.
    fn text_setting(&mut self, param: Param) -> &mut String {
        let options = &mut self.state.options;
        if param == MENU {
            &mut options.menu
        } else if param == FORECAST {
            &mut options.demand_by_month
        } else {
            &mut options.per_use_source
        }
    }

    /// A parameter that carries settings: top-level ones (`h`, `g`, `pk`) or a pool's (`b`,
    /// `p`, `q`, `pr`). Any other key carries none and is passed over.
    fn setting(&mut self, key: &str, raw: &str) {
        let top = carried_by(&TOP_SETTINGS, key);
        if let Some(first) = top.first() {
            let what = first.link.param.what;
            // A parameter of one setting is its text whole, `~` included.
            let texts = match top.len() {
                1 => field_text(raw).map(|t| vec![t]),
                _ => fields(raw, &link_names(&top, None)),
            };
            match texts {
                Err(why) => self.problems.push(key, raw, format!("dropped the {what}: {why}")),
                Ok(texts) => {
                    if self.seen.first(self.problems, key, None, raw) {
                        fill(&top, &mut self.state.options, &texts);
                    }
                }
            }
            return;
        }
        for table in POOL_TABLES {
            let rows = carried_by(table, key);
            if !rows.is_empty() {
                self.pool_setting(key, raw, &rows);
            }
        }
    }

    /// A pool's settings parameter (`b`, `p`, `q`): the pool, then the `rows` it carries.
    fn pool_setting(&mut self, key: &str, raw: &str, rows: &[&'static Setting<DraftPool>]) {
        let what = rows[0].link.param.what;
        let texts = match fields(raw, &link_names(rows, Some("pool"))) {
            Err(why) => return self.problems.push(key, raw, format!("dropped the {what}: {why}")),
            Ok(texts) => texts,
        };
        let pool_id = texts.first().map_or("", String::as_str);
        let Some(i) = Pool::ALL.iter().position(|p| p.id() == pool_id) else {
            let ids: Vec<&str> = Pool::ALL.iter().map(|p| p.id()).collect();
            let why = format!("unknown pool {}; it must be {}", quoted(pool_id), ids.join(", "));
            return self.problems.push(key, raw, format!("dropped the {what}: {why}"));
        };
        if self.seen.first(self.problems, key, Some(Pool::ALL[i]), raw) {
            fill(rows, &mut self.state.options.pools[i], &texts);
        }
    }

    /// The state read, once the lines beyond the limit are reported.
    fn finish(self) -> ShareState {
        let Overflow { count, first } = self.lines_over;
        if count > 0 {
            let more = match count {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            self.problems.push(
                "l",
                first,
                format!("dropped this line{more} after the first {MAX_LINES}: a mix holds at most {MAX_LINES} lines"),
            );
        }
        self.state
    }
}

/// The link names of `rows`' fields in link order, after `lead` (a pool parameter's first).
fn link_names<T>(rows: &[&Setting<T>], lead: Option<&'static str>) -> Vec<&'static str> {
    lead.into_iter().chain(rows.iter().map(|s| s.link.name)).collect()
}

/// Sets each of `rows` of `owner` to the text at its link place; a field the link left out
/// is empty.
fn fill<T>(rows: &[&Setting<T>], owner: &mut T, texts: &[String]) {
    for s in rows {
        *(s.get_mut)(owner) = texts.get(s.link.position).cloned().unwrap_or_default();
    }
}

/// The full search string (`?…`, or empty when there is nothing) for the page's address: our
/// parameters `ours` first (as [`encode`] gives them), then every parameter of
/// `existing_search` that is not ours, in its order and exactly as written.
pub fn merge_query(existing_search: &str, ours: &str) -> String {
    let existing = existing_search.strip_prefix('?').unwrap_or(existing_search);
    let ours = ours.strip_prefix('?').unwrap_or(ours);
    let mut parts: Vec<&str> = Vec::new();
    if !ours.is_empty() {
        parts.push(ours);
    }
    parts.extend(
        existing
            .split('&')
            .filter(|s| !s.is_empty() && !is_ours(s.split_once('=').map_or(*s, |(k, _)| k))),
    );
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_all_but_unreserved() {
        let mut s = String::new();
        escape_into(&mut s, "a-Z.0_~ &=#+%é");
        assert_eq!(s, "a-Z.0_%7E%20%26%3D%23%2B%25%C3%A9");
        assert_eq!(unescape(&s).unwrap(), "a-Z.0_~ &=#+%é");
    }

    #[test]
    fn unescape_reports_bad_escapes() {
        assert_eq!(unescape("a+b%2b").unwrap(), "a b+");
        assert_eq!(
            unescape("5%zz").unwrap_err(),
            "\"%zz\" is not a percent escape (% and two hex digits)"
        );
        assert_eq!(
            unescape("%é").unwrap_err(),
            "\"%é\" is not a percent escape (% and two hex digits)"
        );
        assert_eq!(
            unescape("%4").unwrap_err(),
            "\"%4\" is not a percent escape (% and two hex digits)"
        );
        assert_eq!(unescape("%FF").unwrap_err(), "its percent escapes are not UTF-8 text");
    }

    #[test]
    fn default_state_is_version_and_edition_only() {
        let s = ShareState::default();
        assert_eq!(encode(&s), format!("v=1&e={}", s.edition));
        let d = decode(&encode(&s));
        assert_eq!((d.state, d.ours, d.problems.len()), (s, true, 0));
    }
}
