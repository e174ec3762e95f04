//! Broken links: every part that cannot be used is listed with what was dropped and why, and
//! everything else still loads.

use kling_pricing::mix::MAX_LINES;
use kling_pricing::share::{decode, ShareProblem, MAX_FIELD_CHARS, MAX_PROBLEMS};
use kling_pricing::DraftLine;

/// The problems of `link`, as the page shows them.
fn shown(link: &str) -> Vec<String> {
    decode(link).problems.iter().map(ShareProblem::to_string).collect()
}

fn services(link: &str) -> Vec<String> {
    decode(link).state.lines.into_iter().map(|l| l.service).collect()
}

#[test]
fn a_line_with_too_many_fields() {
    assert_eq!(
        shown("v=1&l=video~v2.1~pro~5~400~~~extra"),
        ["l=video~v2.1~pro~5~400~~~extra: dropped the line: it has 8 fields, at most 7"]
    );
}

#[test]
fn versions() {
    assert_eq!(
        shown("v=9&l=video"),
        ["v=9: this link was made by a newer version of the calculator (format 9); read as format 1 where possible"]
    );
    assert_eq!(services("v=9&l=video"), ["video"]);
    assert_eq!(
        shown("v=12345678901234567890"),
        [
            "v=12345678901234567890: this link was made by a newer version of the calculator \
          (format 123456789…); read as format 1 where possible"
        ]
    );
    for v in ["", "0", "1.0", "one", "-1", "%31"] {
        assert_eq!(
            shown(&format!("v={v}")),
            [format!("v={v}: unknown format version; read as format 1")]
        );
    }
    assert_eq!(shown("v=1&v=1"), ["v=1: v appears twice; used the first"]);
}

#[test]
fn editions() {
    let d = decode("v=1&e=seed-2031&l=video");
    assert_eq!(d.state.edition, "seed-2025");
    assert_eq!(d.state.lines.len(), 1);
    assert_eq!(
        shown("v=1&e=seed-2031"),
        ["e=seed-2031: unknown catalog edition; using seed-2025"]
    );
    assert_eq!(
        shown("e=seed%2"),
        [
            "e=seed%2: dropped the catalog edition: \"%2\" is not a percent escape (% and two hex digits); \
          using seed-2025"
        ]
    );
    assert_eq!(
        shown("e=seed-2025&e=seed-2025"),
        ["e=seed-2025: e appears twice; used the first"]
    );
}

#[test]
fn repeated_settings_keep_the_first() {
    let d = decode("h=12&g=1&h=6&h=&t=1&t=0&pk=1~2&pk=3");
    assert_eq!(
        (d.state.options.horizon.as_str(), d.state.options.trials_used),
        ("12", true)
    );
    assert_eq!(
        (
            d.state.options.peak_jobs_per_hour.as_str(),
            d.state.options.peak_minutes_per_job.as_str()
        ),
        ("1", "2")
    );
    let shown: Vec<String> = d.problems.iter().map(ShareProblem::to_string).collect();
    assert_eq!(
        shown,
        [
            "h=6: h appears twice; used the first",
            "h=: h appears 3 times; used the first",
            "t=0: t appears twice; used the first",
            "pk=3: pk appears twice; used the first",
        ]
    );
}

#[test]
fn a_malformed_first_setting_gives_way_to_a_good_one() {
    let d = decode("h=1%&h=6&t=yes&t=1");
    assert_eq!(d.state.options.horizon, "6");
    assert!(d.state.options.trials_used);
    assert_eq!(
        d.problems.iter().map(ShareProblem::to_string).collect::<Vec<_>>(),
        [
            "h=1%: dropped the horizon: \"%\" is not a percent escape (% and two hex digits)",
            "t=yes: dropped trials-used: it must be 1 (trials used) or 0 (not used)",
        ]
    );
}

#[test]
fn bad_escapes_drop_only_their_line() {
    let link = "l=video~v2.1&l=video~v2%zz~pro&l=lip-sync&l=%FF%FE&l=effect~%E2%82&l=text-to-image";
    assert_eq!(services(link), ["video", "lip-sync", "text-to-image"]);
    assert_eq!(
        shown(link),
        [
            "l=video~v2%zz~pro: dropped the line: the model field: \"%zz\" is not a percent escape \
             (% and two hex digits)",
            "l=%FF%FE: dropped the line: the service field: its percent escapes are not UTF-8 text",
            "l=effect~%E2%82: dropped the line: the model field: its percent escapes are not UTF-8 text",
        ]
    );
}

#[test]
fn pools() {
    let link = "b=moon~1~2&b=video~1&b=video~2&p=image~1~2~3~4&q=%zz&b=try-on~5&p=~1";
    let d = decode(link);
    assert_eq!(d.state.options.pools[0].balance_units, "1");
    assert_eq!(d.state.options.pools[2].balance_units, "5");
    assert_eq!(d.state.options.pools[1].pack_price, "");
    assert_eq!(
        d.problems.iter().map(ShareProblem::to_string).collect::<Vec<_>>(),
        [
            "b=moon~1~2: dropped the balance: unknown pool \"moon\"; it must be video, image, try-on",
            "b=video~2: b for video appears twice; used the first",
            "p=image~1~2~3~4: dropped the pack: it has 5 fields, at most 4",
            "q=%zz: dropped the quote: the pool field: \"%zz\" is not a percent escape (% and two hex digits)",
            "p=~1: dropped the pack: unknown pool \"\"; it must be video, image, try-on",
        ]
    );
    assert_eq!(
        shown("pk=1~2~3&b=video~1~2~3"),
        [
            "pk=1~2~3: dropped the peak load: it has 3 fields, at most 2",
            "b=video~1~2~3: dropped the balance: it has 4 fields, at most 3",
        ]
    );
}

#[test]
fn too_long_a_field() {
    let long = "9".repeat(MAX_FIELD_CHARS + 1);
    let d = decode(&format!("l=video&l=video~~~~{long}&l=effect&h={long}"));
    assert_eq!(d.state.lines.len(), 2);
    assert_eq!(d.state.options.horizon, "3");
    assert_eq!(
        d.problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>(),
        [
            "dropped the line: the quantity field: it is 1001 characters long, at most 1000",
            "dropped the horizon: it is 1001 characters long, at most 1000",
        ]
    );
    // The quoted value is cut short.
    assert_eq!(d.problems[1].value, format!("{}…", "9".repeat(80)));
    // Exactly the limit is kept, counted in characters, not bytes.
    let d = decode(&format!("l={}", "%C3%A9".repeat(MAX_FIELD_CHARS)));
    assert_eq!(d.problems, vec![]);
    assert_eq!(d.state.lines[0].service.chars().count(), MAX_FIELD_CHARS);
}

#[test]
fn at_most_max_lines() {
    let mut link = String::from("v=1&l=bad~~~~~~~~");
    for i in 0..MAX_LINES + 3 {
        link.push_str(&format!("&l=video~~~~{i}"));
    }
    let d = decode(&link);
    assert_eq!(d.state.lines.len(), MAX_LINES);
    assert_eq!(d.state.lines[MAX_LINES - 1].quantity, (MAX_LINES - 1).to_string());
    assert_eq!(
        d.problems.iter().map(ShareProblem::to_string).collect::<Vec<_>>(),
        [
            "l=bad~~~~~~~~: dropped the line: it has 9 fields, at most 7".to_string(),
            format!("l=video~~~~{MAX_LINES}: dropped this line and 2 more after the first 500: a mix holds at most 500 lines"),
        ]
    );
    let one_over = format!("{}&l=last", "&l=x".repeat(MAX_LINES));
    assert_eq!(
        shown(&one_over),
        ["l=last: dropped this line after the first 500: a mix holds at most 500 lines"]
    );
}

#[test]
fn problems_are_listed_up_to_a_limit() {
    let link = "t=x&".repeat(MAX_PROBLEMS + 25);
    let d = decode(&link);
    assert_eq!(d.problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        d.problems.last().unwrap().to_string(),
        "25 more problems in this link are not listed"
    );
}

#[test]
fn every_valid_line_loads_around_broken_parts() {
    let link = "?v=7&l=video~v2.1~pro~5~400&l=a~b~c~d~e~f~g~h&e=nope&l=lip-sync~~~~60~30&h=1&h=2\
                &l=%&zz=<b>&l=effect~yearbook~~~~~&b=mars&l=&t=2";
    let d = decode(link);
    assert!(d.ours);
    assert_eq!(
        d.state.lines,
        vec![
            DraftLine {
                service: "video".into(),
                model: "v2.1".into(),
                mode: "pro".into(),
                duration: "5".into(),
                quantity: "400".into(),
                video_seconds: "".into(),
                attempts_per_kept: "1".into(),
                ..Default::default()
            },
            DraftLine {
                service: "lip-sync".into(),
                quantity: "60".into(),
                video_seconds: "30".into(),
                attempts_per_kept: "1".into(),
                ..Default::default()
            },
            DraftLine {
                service: "effect".into(),
                model: "yearbook".into(),
                ..Default::default()
            },
            DraftLine {
                attempts_per_kept: "1".into(),
                ..Default::default()
            },
        ]
    );
    assert_eq!(d.state.options.horizon, "1");
    assert_eq!(d.foreign, vec![("zz".to_string(), "<b>".to_string())]);
    let params: Vec<&str> = d.problems.iter().map(|p| p.param.as_str()).collect();
    assert_eq!(params, ["v", "l", "e", "h", "l", "b", "t"]);
}

#[test]
fn hostile_inputs_do_not_panic() {
    let inputs = [
        "%".to_string(),
        "%%%".to_string(),
        "l=%".to_string(),
        "l=%F".to_string(),
        "l=%\u{e9}".to_string(),
        "l=~~~~~~~~~~~~~~~~~~~~~~~~~~~~".to_string(),
        "==&=&&=l=&l==&v=&e=&h=%00".to_string(),
        "\u{0}\u{ffff}l=\u{10ffff}".to_string(),
        "?".repeat(10),
        "&".repeat(100_000),
        format!("l={}", "~".repeat(100_000)),
        format!("l={}", "%".repeat(100_000)),
        "h=1&".repeat(50_000),
        "l=video&".repeat(20_000),
    ];
    for q in inputs {
        let d = decode(&q);
        assert!(d.problems.len() <= MAX_PROBLEMS + 1);
        assert!(d.state.lines.len() <= MAX_LINES);
    }
}
