//! Fuzzing the link decoder with adversarial query strings: it never panics, stays within its
//! limits, and what it reads is a fixed point (encoding the state it read and decoding that
//! gives the same state, cleanly).
//!
//! `SHARE_FUZZ_CASES` sets the number of inputs (default 2,000, so `cargo test` stays quick);
//! `scripts/fuzz-share.sh` runs a million. `SHARE_FUZZ_SEED` varies the inputs. The run ends by
//! printing `<passed> passed, <failed> failed`.

use kling_pricing::mix::MAX_LINES;
use kling_pricing::share::{decode, encode, merge_query, ShareState, KEYS, MAX_PROBLEMS};
use proptest::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// splitmix64: small, fast, and good enough to spread inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const OTHER_KEYS: &[&str] = &[
    "",
    "zz",
    "utm_source",
    "L",
    "V",
    "ll",
    "v ",
    " l",
    "l%3D",
    "?l",
    "pk~",
    "%6C",
    "é",
    "#",
    "q2",
];

const TOKENS: &[&str] = &[
    "~",
    "~~",
    "~~~~~~~",
    "%",
    "%7E",
    "%7e",
    "%zz",
    "%2",
    "%C3",
    "%A9",
    "%C3%A9",
    "%E2%82",
    "%FF",
    "%00",
    "%25",
    "%26",
    "%3D",
    "+",
    "=",
    "?",
    "#",
    "/",
    " ",
    "1",
    "0",
    "3",
    "01",
    "9",
    "-2.5",
    "1e3",
    "1,200",
    "video",
    "v2.1",
    "pro",
    "5",
    "400",
    "seed-2025",
    "seed-2031",
    "video~",
    "image~",
    "try-on~",
    "lip-sync",
    "é",
    "😀",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "<script>",
    "\"><img src=x onerror=alert(1)>",
    "&amp;",
    "\\",
];

/// A value: a few tokens, random characters, and now and then something long.
fn value(rng: &mut Rng, out: &mut String) {
    for _ in 0..rng.below(9) {
        match rng.below(10) {
            0..=5 => out.push_str(rng.pick(TOKENS)),
            6 | 7 => out.push(char::from(b' ' + rng.below(95) as u8)),
            8 => out.push(char::from_u32(rng.next() as u32 % 0x11_0000).unwrap_or('\u{fffd}')),
            _ => {
                if rng.below(50) == 0 {
                    let t = rng.pick(TOKENS);
                    out.push_str(&t.repeat(1 + rng.below(1200)));
                } else {
                    out.push_str(&rng.next().to_string());
                }
            }
        }
    }
}

/// A small valid state's link, to mutate.
fn valid_link(rng: &mut Rng) -> String {
    let mut s = ShareState::default();
    for _ in 0..rng.below(5) {
        let mut l = kling_pricing::DraftLine::default();
        for f in [
            &mut l.service,
            &mut l.model,
            &mut l.mode,
            &mut l.duration,
            &mut l.quantity,
            &mut l.video_seconds,
            &mut l.attempts_per_kept,
        ] {
            value(rng, f);
        }
        s.lines.push(l);
    }
    value(rng, &mut s.options.horizon);
    s.options.trials_used = rng.below(2) == 0;
    for p in s.options.pools.iter_mut() {
        if rng.below(3) == 0 {
            value(rng, &mut p.balance_units);
            value(rng, &mut p.quote_days);
        }
    }
    encode(&s)
}

/// One adversarial query string.
fn input(rng: &mut Rng) -> String {
    let mut q = String::new();
    match rng.below(20) {
        // Random bytes, made text the way a browser would.
        0 => {
            let bytes: Vec<u8> = (0..rng.below(80)).map(|_| rng.next() as u8).collect();
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        // A valid link with a few characters changed, inserted or removed.
        1..=3 => {
            let mut chars: Vec<char> = valid_link(rng).chars().collect();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(chars.len() + 1);
                let c = *b"~%&=+#?zlv019A".get(rng.below(14)).unwrap_or(&b'~') as char;
                match rng.below(3) {
                    0 if at < chars.len() => chars[at] = c,
                    1 if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ => chars.insert(at, c),
                }
            }
            return chars.into_iter().collect();
        }
        // More lines than a mix may hold.
        4 if rng.below(200) == 0 => {
            for i in 0..MAX_LINES + rng.below(5) {
                q.push_str(&format!("l=video~~~~{i}&"));
            }
        }
        _ => {}
    }
    if rng.below(4) == 0 {
        q.push('?');
    }
    for i in 0..rng.below(16) {
        if i > 0 {
            q.push_str(if rng.below(10) == 0 { "&&" } else { "&" });
        }
        q.push_str(if rng.below(5) == 0 {
            rng.pick(OTHER_KEYS)
        } else {
            rng.pick(&KEYS)
        });
        if rng.below(10) != 0 {
            q.push('=');
        }
        value(rng, &mut q);
    }
    q
}

/// The properties every input must have.
fn check(q: &str) {
    let d = decode(q);
    assert!(d.state.lines.len() <= MAX_LINES);
    assert!(d.problems.len() <= MAX_PROBLEMS + 1);
    let link = encode(&d.state);
    assert!(
        link.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b)),
        "{link}"
    );
    let again = decode(&link);
    assert_eq!(again.state, d.state);
    assert_eq!(again.problems, vec![]);
    assert!(again.ours && again.foreign.is_empty());
    // As the page's address: ours replaced, the foreign kept as they were.
    let merged = decode(&merge_query(q, &link));
    assert_eq!(merged.state, d.state);
    assert_eq!(merged.problems, vec![]);
    assert_eq!(merged.foreign, d.foreign);
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(default)
}

#[test]
fn fuzz_decode() {
    let cases = env_number("SHARE_FUZZ_CASES", 2_000);
    let seed = env_number("SHARE_FUZZ_SEED", 0x5EED_2025);
    let mut rng = Rng(seed);
    let (mut passed, mut failed) = (0u64, 0u64);
    let mut failures = Vec::new();
    for _ in 0..cases {
        let q = input(&mut rng);
        if catch_unwind(AssertUnwindSafe(|| check(&q))).is_ok() {
            passed += 1;
        } else {
            failed += 1;
            if failures.len() < 5 {
                failures.push(q);
            }
        }
    }
    for q in &failures {
        println!("failed on {q:?}");
    }
    println!("{passed} passed, {failed} failed");
    assert_eq!(failed, 0, "seed {seed}");
}

proptest! {
    /// The same properties over proptest's arbitrary strings (it shrinks a failure to a small
    /// input); `PROPTEST_CASES` sets how many.
    #[test]
    fn arbitrary_strings(q in any::<String>()) {
        check(&q);
    }

    #[test]
    fn strings_over_our_alphabet(q in "[?&=~%+lvehtgpkbq0-9A-Fa-fz é.-]{0,60}") {
        check(&q);
    }
}
