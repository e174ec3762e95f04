//! The stability contract of shared links: these format-1 links, written out literally, must
//! decode to exactly these states in every later release. Never change an expectation here to
//! make a new format pass; give the new format its own reader instead.

use kling_pricing::default_catalog;
use kling_pricing::draft::{DraftOptions, DraftPool};
use kling_pricing::share::{decode, encode, ShareState};
use kling_pricing::DraftLine;

fn line(f: [&str; 7]) -> DraftLine {
    DraftLine {
        service: f[0].into(),
        model: f[1].into(),
        mode: f[2].into(),
        duration: f[3].into(),
        quantity: f[4].into(),
        video_seconds: f[5].into(),
        attempts_per_kept: f[6].into(),
        ..Default::default()
    }
}

fn state(lines: Vec<DraftLine>, options: DraftOptions) -> ShareState {
    ShareState {
        edition: "seed-2025".into(),
        lines,
        options,
    }
}

/// Decodes a link that must load cleanly, and checks that encoding its state writes it back.
fn clean(link: &str) -> ShareState {
    let d = decode(link);
    assert_eq!(d.problems, vec![], "{link}");
    assert!(d.ours, "{link}");
    d.state
}

// The README examples.

const README_ONE_LINE: &str = "?v=1&e=seed-2025&l=video~v2.1~pro~5~400";
const README_PLAN: &str = "?v=1&e=seed-2025&l=video~v2.1~pro~5~400~~1.5&l=lip-sync~~~~60~30\
     &l=text-to-image~kolors-v2.1~~~2000&h=12&g=5&t=1&pk=120~3&b=video~1000~45&p=image~70~20000~30\
     &q=video~5000~60000~90";
const README_AS_TYPED: &str = "?v=1&e=seed-2025&l=video~v2.1~std~10~1%2C200&l=effect~bloombloom~~~4OO~~&g=-2.5";

#[test]
fn readme_one_line() {
    let want = state(
        vec![line(["video", "v2.1", "pro", "5", "400", "", "1"])],
        DraftOptions::default(),
    );
    assert_eq!(clean(README_ONE_LINE), want);
    assert_eq!(format!("?{}", encode(&want)), README_ONE_LINE);
}

fn readme_plan_state() -> ShareState {
    let mut o = DraftOptions {
        horizon: "12".into(),
        growth: "5".into(),
        trials_used: true,
        peak_jobs_per_hour: "120".into(),
        peak_minutes_per_job: "3".into(),
        ..Default::default()
    };
    o.pools[0] = DraftPool {
        balance_units: "1000".into(),
        balance_days: "45".into(),
        quote_price: "5000".into(),
        quote_units: "60000".into(),
        quote_days: "90".into(),
        ..Default::default()
    };
    o.pools[1] = DraftPool {
        pack_price: "70".into(),
        pack_units: "20000".into(),
        pack_days: "30".into(),
        ..Default::default()
    };
    state(
        vec![
            line(["video", "v2.1", "pro", "5", "400", "", "1.5"]),
            line(["lip-sync", "", "", "", "60", "30", "1"]),
            line(["text-to-image", "kolors-v2.1", "", "", "2000", "", "1"]),
        ],
        o,
    )
}

#[test]
fn readme_plan() {
    let want = readme_plan_state();
    assert_eq!(clean(README_PLAN), want);
    assert_eq!(format!("?{}", encode(&want)), README_PLAN);
    // The example is a real plan: every line prices and every setting is valid.
    let cat = default_catalog();
    for (i, l) in want.lines.iter().enumerate() {
        assert!(l.price(cat, i).is_ok(), "{l:?}");
    }
    let (opts, errs) = want.options.to_options();
    assert_eq!(errs, vec![]);
    assert_eq!((opts.balances.len(), opts.packs.len(), opts.quotes.len()), (1, 1, 1));
}

#[test]
fn readme_as_typed() {
    let want = state(
        vec![
            line(["video", "v2.1", "std", "10", "1,200", "", "1"]),
            line(["effect", "bloombloom", "", "", "4OO", "", ""]),
        ],
        DraftOptions {
            growth: "-2.5".into(),
            ..Default::default()
        },
    );
    assert_eq!(clean(README_AS_TYPED), want);
    assert_eq!(format!("?{}", encode(&want)), README_AS_TYPED);
    // The unfinished entry loads as typed and is explained by the normal checks.
    let errs = want.lines[1].price(default_catalog(), 1).unwrap_err();
    assert!(errs[0].message.contains("4OO"), "{errs:?}");
}

// Reading rules of format 1 that links in the wild may rely on.

#[test]
fn no_version_is_format_1_and_no_edition_is_the_default() {
    assert_eq!(
        clean("l=video~v2.1~pro~5~400"),
        state(
            vec![line(["video", "v2.1", "pro", "5", "400", "", "1"])],
            DraftOptions::default()
        )
    );
}

#[test]
fn missing_fields_are_empty_and_attempts_one() {
    assert_eq!(
        clean("v=1&l=&l=lip-sync&l=lip-sync~~~~60~30~&l=~~~~~~2"),
        state(
            vec![
                line(["", "", "", "", "", "", "1"]),
                line(["lip-sync", "", "", "", "", "", "1"]),
                line(["lip-sync", "", "", "", "60", "30", ""]),
                line(["", "", "", "", "", "", "2"]),
            ],
            DraftOptions::default()
        )
    );
    // A parameter without `=` is an empty one.
    assert_eq!(clean("v=1&l").lines, vec![line(["", "", "", "", "", "", "1"])]);
}

#[test]
fn escapes_plus_and_case() {
    let s = clean("v=01&l=my%20video~v2%2e1~%7Epro%7e~5+s~1%2C000~%E2%82%AC~%25&h=~&g=&t=0&pk=~3");
    assert_eq!(
        s.lines,
        vec![line(["my video", "v2.1", "~pro~", "5 s", "1,000", "€", "%"])]
    );
    let o = DraftOptions {
        horizon: "~".into(),
        growth: "".into(),
        peak_minutes_per_job: "3".into(),
        ..Default::default()
    };
    assert_eq!(s.options, o);
}

#[test]
fn settings_and_pools() {
    let s = clean("v=1&e=seed-2025&h=&g=0&t=1&pk=7&b=try-on~~3&b=image~5&p=try-on~1~2~3&q=image~~~30&q=video&b=video~");
    let mut o = DraftOptions {
        horizon: "".into(),
        growth: "0".into(),
        trials_used: true,
        peak_jobs_per_hour: "7".into(),
        ..Default::default()
    };
    o.pools[0] = DraftPool::default();
    o.pools[1] = DraftPool {
        balance_units: "5".into(),
        quote_days: "30".into(),
        ..Default::default()
    };
    o.pools[2] = DraftPool {
        balance_days: "3".into(),
        pack_price: "1".into(),
        pack_units: "2".into(),
        pack_days: "3".into(),
        ..Default::default()
    };
    assert_eq!(s, state(vec![], o));
}

#[test]
fn order_of_parameters_does_not_matter_but_order_of_lines_does() {
    let a = clean("h=6&l=effect~yearbook~~~3&zz=1&l=video~v1.6~std~5~9&v=1&e=seed-2025");
    let b = clean("v=1&e=seed-2025&l=effect~yearbook~~~3&l=video~v1.6~std~5~9&h=6");
    assert_eq!(a, b);
    assert_eq!(a.lines[0].service, "effect");
    assert_eq!(a.options.horizon, "6");
}

#[test]
fn a_link_with_none_of_ours_is_not_ours() {
    for q in ["", "?", "?utm_source=x", "&&", "V=1&L=video", "lines=3"] {
        let d = decode(q);
        assert!(!d.ours, "{q}");
        assert_eq!(d.problems, vec![], "{q}");
        assert_eq!(d.state, ShareState::default(), "{q}");
    }
}
