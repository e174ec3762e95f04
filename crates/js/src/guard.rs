//! Reading what JavaScript hands the API without trapping.
//!
//! A wasm trap (an out-of-bounds access, a stack overflow, a panic under `panic = "abort"`)
//! cannot be caught in Rust and can leave the module's memory unusable, so every argument is
//! read here before anything converts it. An object is copied into plain data ([`plain_copy`]):
//! nesting, sizes and text lengths are bounded, cycles and values JSON has no place for
//! (symbols, BigInts, functions) are refused, and every read that can run the caller's code (a
//! getter, a Proxy trap) goes through a binding that catches what it throws. serde then reads
//! the copy, which has no getters, no Proxies and no depth that could overflow its recursion.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Deepest nesting of objects and arrays read. Valid input is 3 deep (`mix.lines[0]`,
/// `options.packs[0]`); serde's recursion on data thousands deep overflows the wasm stack,
/// which is a trap.
const MAX_DEPTH: usize = 32;
/// Most items of one array or properties of one object: twice the 500 lines a mix may hold,
/// so a mix just over the limit still gets the core's own problem, yet ten million items are
/// never converted.
const MAX_ITEMS: u32 = 1_000;
/// Longest text read (in UTF-16 units): ids, numbers and pack names are short.
pub const MAX_TEXT: u32 = 1_000;
/// Most values read from one argument in all (a mix of 1,000 lines has about 11,000), so data
/// that is wide at every level (a thousand arrays of a thousand) is refused early.
const MAX_VALUES: u32 = 50_000;
/// Most characters of text read from one argument in all (property names included), so the
/// copy cannot exhaust the wasm memory, which would abort.
const MAX_CHARS: u32 = 1_000_000;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy. js-sys's binding does not catch, and
    /// an exception unwinding through the wasm leaves its stack pointer behind.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Object.keys`, which runs a Proxy's traps; caught for the same reason.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn keys(value: &JsValue) -> Result<Array, JsValue>;
}

/// One argument of an exported function, named in every message about it.
pub struct Arg {
    pub func: &'static str,
    pub name: &'static str,
}

impl Arg {
    /// A JS `Error`: `func: argument "name"` followed by `text`.
    pub fn error(&self, text: &str) -> JsValue {
        js_sys::Error::new(&format!("{}: argument \"{}\"{text}", self.func, self.name)).into()
    }
}

/// What a JS value is, for the "got …" of a message.
pub fn kind(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "undefined"
    } else if v.is_string() {
        "a string"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.is_symbol() {
        "a symbol"
    } else if v.is_bigint() {
        "a BigInt"
    } else if v.is_function() {
        "a function"
    } else if is_array(v) == Ok(true) {
        "an array"
    } else {
        "an object"
    }
}

/// The length of `v` in UTF-16 units if it is a string, read without copying it into wasm.
pub fn text_len(v: &JsValue) -> Option<u32> {
    v.dyn_ref::<JsString>().map(JsString::length)
}

/// A plain copy of `value`, which must be an object (not an array): `shape` is what the message
/// says when it is something else.
pub fn object_copy(arg: &Arg, value: &JsValue, shape: &str) -> Result<JsValue, JsValue> {
    match kind(value) {
        "an object" => plain_copy(arg, value),
        got => Err(arg.error(&format!(": {shape}: expected an object, got {got}"))),
    }
}

/// A plain copy of `value`, an object or array, within the limits above; or an `Error` naming
/// the argument, where in it the problem is, and what it is.
fn plain_copy(arg: &Arg, value: &JsValue) -> Result<JsValue, JsValue> {
    let mut reader = Reader {
        arg,
        ancestors: Vec::new(),
        path: Vec::new(),
        values_left: MAX_VALUES,
        chars_left: MAX_CHARS,
    };
    reader.copy(value)
}

/// The walk of one argument.
struct Reader<'a> {
    arg: &'a Arg,
    /// The objects and arrays being read, outermost first: a cycle is one that comes again.
    ancestors: Vec<JsValue>,
    /// The keys and indices from the argument to the value being read.
    path: Vec<JsValue>,
    /// What is left of [`MAX_VALUES`] and [`MAX_CHARS`].
    values_left: u32,
    chars_left: u32,
}

impl Reader<'_> {
    fn copy(&mut self, v: &JsValue) -> Result<JsValue, JsValue> {
        self.values_left = self.values_left.checked_sub(1).ok_or_else(|| {
            let text = format!(" is larger than any valid input: over {MAX_VALUES} values");
            self.arg.error(&text)
        })?;
        if let Some(len) = text_len(v) {
            self.text(len, "is text")?;
            return Ok(v.clone());
        }
        if v.is_null_or_undefined() || v.as_f64().is_some() || v.as_bool().is_some() {
            return Ok(v.clone());
        }
        if !v.is_object() {
            let got = kind(v);
            return Err(self.fail(&format!(
                " is {got}; only data is read (objects, arrays, strings, numbers, booleans, null)"
            )));
        }
        if self.ancestors.len() >= MAX_DEPTH {
            return Err(self.fail(&format!(" is nested more than {MAX_DEPTH} deep")));
        }
        if self.ancestors.contains(v) {
            return Err(self.fail(" is an object that contains itself (a cycle), which is not data"));
        }
        let array = is_array(v).map_err(|e| self.threw(&e))?;
        self.ancestors.push(v.clone());
        let copy = if array { self.array(v) } else { self.object(v) };
        self.ancestors.pop();
        copy
    }

    fn array(&mut self, v: &JsValue) -> Result<JsValue, JsValue> {
        let len = Reflect::get(v, &JsValue::from_str("length")).map_err(|e| self.threw(&e))?;
        let len = len.as_f64().unwrap_or(f64::NAN);
        if !(0.0..=f64::from(MAX_ITEMS)).contains(&len) {
            return Err(self.fail(&format!(
                " has {len} items; at most {MAX_ITEMS} are read (a mix holds at most 500 lines)"
            )));
        }
        let copy = Array::new();
        for i in 0..len as u32 {
            copy.push(&self.child(v, JsValue::from(i))?);
        }
        Ok(copy.into())
    }

    fn object(&mut self, v: &JsValue) -> Result<JsValue, JsValue> {
        let keys = keys(v).map_err(|e| self.threw(&e))?;
        if keys.length() > MAX_ITEMS {
            let n = keys.length();
            return Err(self.fail(&format!(" has {n} properties; at most {MAX_ITEMS} are read")));
        }
        let copy = Object::new();
        for key in keys.iter() {
            self.text(text_len(&key).unwrap_or(0), "has a property name")?;
            let value = self.child(v, key.clone())?;
            // Left out, as JSON leaves it out: serde reads a present `undefined` as a value.
            if !value.is_undefined() {
                Reflect::set(&copy, &key, &value)?;
            }
        }
        Ok(copy.into())
    }

    /// The copy of `parent[key]`, with `key` on the path while it is read.
    fn child(&mut self, parent: &JsValue, key: JsValue) -> Result<JsValue, JsValue> {
        let value = Reflect::get(parent, &key);
        self.path.push(key);
        let copy = value.map_err(|e| self.threw(&e)).and_then(|x| self.copy(&x));
        self.path.pop();
        copy
    }

    /// Counts a string of `len` characters against [`MAX_TEXT`] and [`MAX_CHARS`]; `what` it is
    /// heads the message.
    fn text(&mut self, len: u32, what: &str) -> Result<(), JsValue> {
        if len > MAX_TEXT {
            return Err(self.fail(&format!(" {what} of {len} characters; at most {MAX_TEXT} are read")));
        }
        self.chars_left = self.chars_left.checked_sub(len).ok_or_else(|| {
            let text = format!(" is larger than any valid input: over {MAX_CHARS} characters of text");
            self.arg.error(&text)
        })?;
        Ok(())
    }

    /// An `Error` about the value being read: its place, then `text`.
    fn fail(&self, text: &str) -> JsValue {
        self.arg.error(&format!(": {}{text}", self.at()))
    }

    /// An `Error` for an exception the caller's code threw while the value was read.
    fn threw(&self, e: &JsValue) -> JsValue {
        self.fail(&format!(" could not be read: it threw {}", describe(e)))
    }

    /// Where the value being read is: `mix.lines[0].quantity`.
    fn at(&self) -> String {
        let mut at = self.arg.name.to_string();
        for key in &self.path {
            match key.as_f64() {
                Some(i) => at += &format!("[{i}]"),
                None => at += &format!(".{}", key.as_string().unwrap_or_default()),
            }
        }
        at
    }
}

/// What was thrown, for a message: an `Error`'s message (at most 200 characters of it, read
/// without running more of the caller's code than a property read), or its kind.
fn describe(e: &JsValue) -> String {
    let message = Reflect::get(e, &JsValue::from_str("message")).ok();
    match message.as_ref().and_then(|m| m.dyn_ref::<JsString>()) {
        Some(m) => format!("\"{}\"", m.slice(0, 200).as_string().unwrap_or_default()),
        None => kind(e).to_string(),
    }
}
