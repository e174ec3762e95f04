//! Keeping the page's address in step: our parameters are replaced, everyone else's are kept in
//! their order and exactly as written.

use kling_pricing::share::{decode, encode, merge_query, ShareState};

#[test]
fn replaces_ours_and_keeps_foreign_in_order() {
    let existing = "?utm_source=news&v=1&l=old~1&fbclid=abc&e=seed-2025&h=9&ref=a%20b+c";
    let ours = "v=1&e=seed-2025&l=video~v2.1~pro~5~400";
    assert_eq!(
        merge_query(existing, ours),
        "?v=1&e=seed-2025&l=video~v2.1~pro~5~400&utm_source=news&fbclid=abc&ref=a%20b+c"
    );
    let d = decode(existing);
    assert_eq!(
        d.foreign,
        [("utm_source", "news"), ("fbclid", "abc"), ("ref", "a%20b+c")].map(|(k, v)| (k.to_string(), v.to_string()))
    );
}

#[test]
fn foreign_parameters_are_kept_byte_for_byte() {
    // No `=`, empty names, odd escapes, case-different names and unicode are all someone else's.
    let existing = "flag&=x&L=1&V=2&lines=3&a=%zz&b%3D=1&é=ü&x==y";
    assert_eq!(
        merge_query(existing, "v=1"),
        "?v=1&flag&=x&L=1&V=2&lines=3&a=%zz&b%3D=1&é=ü&x==y"
    );
    let d = decode(existing);
    assert!(!d.ours);
    assert_eq!(d.foreign.len(), 9);
    assert_eq!(d.foreign[0], ("flag".to_string(), String::new()));
    assert_eq!(d.foreign[8], ("x".to_string(), "=y".to_string()));
}

#[test]
fn empty_parts() {
    assert_eq!(merge_query("", ""), "");
    assert_eq!(merge_query("?", ""), "");
    assert_eq!(merge_query("?v=1&l=x", ""), "");
    assert_eq!(merge_query("?a=1&&c=2&", ""), "?a=1&c=2");
    // `b` is ours (a balance), so it goes.
    assert_eq!(merge_query("?a=1&b=2", ""), "?a=1");
    assert_eq!(merge_query("", "v=1"), "?v=1");
    assert_eq!(merge_query("?", "?v=1"), "?v=1");
    assert_eq!(merge_query("a=1", "v=1"), "?v=1&a=1");
}

#[test]
fn merged_address_decodes_to_the_state_and_keeps_the_foreign() {
    let mut s = ShareState::default();
    s.options.horizon = "12".into();
    let first = merge_query("?ref=x&h=3&y", &encode(&s));
    assert_eq!(first, "?v=1&e=seed-2025&h=12&ref=x&y");
    s.options.horizon = "3".into();
    let second = merge_query(&first, &encode(&s));
    assert_eq!(second, "?v=1&e=seed-2025&ref=x&y");
    let d = decode(&second);
    assert_eq!(d.state, s);
    assert_eq!(
        d.foreign,
        [("ref", "x"), ("y", "")].map(|(k, v)| (k.to_string(), v.to_string()))
    );
}
