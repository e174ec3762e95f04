//! The npm package's TypeScript declarations are generated from the Rust types (ts-rs derives
//! behind kling-pricing's `ts` feature) into `src/types.d.ts`, which the wasm build includes as
//! a custom section of `kling_pricing.d.ts`. The file is committed so the wasm build needs no
//! ts-rs; this test fails when it differs from what the Rust types give today, so the
//! declarations cannot drift from the shapes serde produces.
//!
//! To rewrite the file after changing a type:
//! `UPDATE_DECLARATIONS=1 cargo test -p kling-pricing-js --test declarations`

use kling_pricing::account::{ImportProblem, Imported, LeftOut, Lot};
use kling_pricing::catalog::{Billing, Menu, Package, PoolInfo, PriceRow, Provenance, Service, Source, Status};
use kling_pricing::catalog::{Confidence, Durations, Retirement, Variant, VariantChoices};
use kling_pricing::catalog::{EditionInfo, PerUsePrice, PerUseSource};
use kling_pricing::plan::{Alternative, Balance, ConcurrencyVerdict, CustomAdvice, OptionList, PackSource};
use kling_pricing::plan::{ComparisonKind, ComparisonRow, MenuVerdict, PerUsePlan, PoolRate, Purchase, UserPack};
use kling_pricing::plan::{Peak, PeriodRow, PlanError, PlanField, PlanOptions, PlanResult, PoolOutcome, PoolPlan};
use kling_pricing::{Catalog, Estimate, Field, InputError, JobLine, LineEstimate, Pool, PoolTotal, Problem};
use kling_pricing::{RawLine, RawMix, RawNumber};
use std::collections::BTreeSet;
use ts_rs::{Config, TS};

/// One declaration: its TypeScript and Rust names, its text, and the names it refers to.
struct Decl {
    name: String,
    rust_name: &'static str,
    text: String,
    uses: Vec<String>,
}

fn decl<T: TS + 'static>(cfg: &Config) -> Decl {
    let docs = T::docs().map(|d| tidy_docs(&d)).unwrap_or_default();
    Decl {
        name: T::ident(cfg),
        rust_name: std::any::type_name::<T>().rsplit("::").next().unwrap_or_default(),
        text: format!("{docs}export {}\n", layout(&T::decl(cfg))),
        uses: T::dependencies(cfg).into_iter().map(|d| d.ts_name).collect(),
    }
}

/// Every type that crosses the JS boundary, in the order the file lists them: the mix, the
/// estimate, input problems, the catalog, the plan's options, the plan, its problems.
fn declarations() -> Vec<Decl> {
    // serde-wasm-bindgen's json_compatible serializer writes u64 and usize as JS numbers.
    let cfg = Config::new().with_large_int("number");
    vec![
        decl::<RawMix>(&cfg),
        decl::<RawLine>(&cfg),
        decl::<RawNumber>(&cfg),
        decl::<Estimate>(&cfg),
        decl::<LineEstimate>(&cfg),
        decl::<JobLine>(&cfg),
        decl::<PoolTotal>(&cfg),
        decl::<Pool>(&cfg),
        decl::<InputError>(&cfg),
        decl::<Field>(&cfg),
        decl::<Problem>(&cfg),
        decl::<EditionInfo>(&cfg),
        decl::<Catalog>(&cfg),
        decl::<Source>(&cfg),
        decl::<PoolInfo>(&cfg),
        decl::<Menu>(&cfg),
        decl::<Package>(&cfg),
        decl::<Service>(&cfg),
        decl::<Billing>(&cfg),
        decl::<VariantChoices>(&cfg),
        decl::<Variant>(&cfg),
        decl::<PriceRow>(&cfg),
        decl::<Durations>(&cfg),
        decl::<Retirement>(&cfg),
        decl::<Provenance>(&cfg),
        decl::<Status>(&cfg),
        decl::<Confidence>(&cfg),
        decl::<PerUseSource>(&cfg),
        decl::<PerUsePrice>(&cfg),
        decl::<PlanOptions>(&cfg),
        decl::<PoolRate>(&cfg),
        decl::<Balance>(&cfg),
        decl::<UserPack>(&cfg),
        decl::<Peak>(&cfg),
        decl::<PlanResult>(&cfg),
        decl::<MenuVerdict>(&cfg),
        decl::<PoolPlan>(&cfg),
        decl::<PoolOutcome>(&cfg),
        decl::<Purchase>(&cfg),
        decl::<PackSource>(&cfg),
        decl::<PeriodRow>(&cfg),
        decl::<Alternative>(&cfg),
        decl::<CustomAdvice>(&cfg),
        decl::<PerUsePlan>(&cfg),
        decl::<ComparisonRow>(&cfg),
        decl::<ComparisonKind>(&cfg),
        decl::<ConcurrencyVerdict>(&cfg),
        decl::<PlanError>(&cfg),
        decl::<PlanField>(&cfg),
        decl::<OptionList>(&cfg),
        decl::<Imported>(&cfg),
        decl::<Lot>(&cfg),
        decl::<LeftOut>(&cfg),
        decl::<ImportProblem>(&cfg),
    ]
}

fn generated() -> String {
    let decls = declarations();
    let body: Vec<&str> = decls.iter().map(|d| d.text.as_str()).collect();
    let text = format!(
        "// Generated from the Rust types by crates/js/tests/declarations.rs; do not edit.\n\n{}",
        body.join("\n")
    );
    code_spans_in_ts(&text, &decls)
}

/// The doc comments are written for Rust readers; in their code spans (the only backticks in
/// ts-rs output) a Rust type becomes its TypeScript name, a snake_case field its camelCase
/// name, and `None` becomes `null`, as a JS reader sees them.
fn code_spans_in_ts(text: &str, decls: &[Decl]) -> String {
    let span = |code: &str| match decls.iter().find(|d| d.rust_name == code) {
        Some(d) => d.name.clone(),
        None if code == "None" => "null".to_string(),
        None if code.contains('_') && code.chars().all(|c| c.is_ascii_lowercase() || c == '_') => {
            let mut words = code.split('_');
            let first = words.next().unwrap_or_default().to_string();
            words.fold(first, |acc, w| acc + &w[..1].to_uppercase() + &w[1..])
        }
        None => code.to_string(),
    };
    let parts: Vec<String> = text
        .split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { span(part) } else { part.to_string() })
        .collect();
    parts.join("`")
}

/// ts-rs writes a declaration on one line. An object type gets one field per line, a long
/// union one member per line, so the published `.d.ts` reads like hand-written TypeScript.
fn layout(decl: &str) -> String {
    let decl = decl.replace(", }", " }");
    let (head, body) = decl.split_once(" = ").expect("a ts-rs declaration is `type X = …;`");
    let body = body.strip_suffix(';').unwrap_or(body);
    let members = split_top(body, '|');
    let object = members.len() == 1 && body.starts_with("{ ") && body.ends_with(" }");
    if object {
        let fields = split_top(&body[2..body.len() - 2], ',');
        let lines: Vec<String> = fields.iter().map(|f| field_lines(f)).collect();
        return format!("{head} = {{\n{}}};", lines.concat());
    }
    if body.len() > 90 && members.len() > 1 {
        let lines: Vec<String> = members.iter().map(|m| format!("\n  | {m}")).collect();
        return format!("{head} ={};", lines.concat());
    }
    format!("{head} = {body};")
}

/// One field, with its doc comment, indented by two spaces and closed with `;`.
fn field_lines(field: &str) -> String {
    let (docs, field) = match field.rfind("*/") {
        Some(end) => (tidy_docs(&field[..end + 2]), field[end + 2..].trim()),
        None => (String::new(), field),
    };
    let docs: String = docs.lines().map(|l| format!("  {l}\n")).collect();
    format!("{docs}  {field};\n")
}

/// A JSDoc comment on one line when it is one line long; Rust intra-doc links become code.
fn tidy_docs(docs: &str) -> String {
    let docs = docs.trim().replace("[`", "`").replace("`]", "`");
    let lines: Vec<&str> = docs.lines().map(str::trim).collect();
    match lines.as_slice() {
        ["/**", line, "*/"] => format!("/** {} */\n", line.trim_start_matches("* ")),
        _ => format!("{docs}\n"),
    }
}

/// Splits at `sep` outside brackets, strings and comments; each part trimmed, empty ones dropped.
fn split_top(text: &str, sep: char) -> Vec<String> {
    let (mut parts, mut current, mut depth) = (Vec::new(), String::new(), 0i32);
    let (mut in_string, mut in_comment) = (false, false);
    let mut prev = ' ';
    for c in text.chars() {
        match c {
            '"' if !in_comment => in_string = !in_string,
            '*' if prev == '/' && !in_string => in_comment = true,
            '/' if prev == '*' && in_comment => in_comment = false,
            '{' | '<' | '(' | '[' if !in_string && !in_comment => depth += 1,
            '}' | '>' | ')' | ']' if !in_string && !in_comment => depth -= 1,
            _ => {}
        }
        if c == sep && depth == 0 && !in_string && !in_comment {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
        prev = c;
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/types.d.ts")
}

#[test]
fn committed_declarations_match_the_rust_types() {
    let fresh = generated();
    if std::env::var_os("UPDATE_DECLARATIONS").is_some() {
        std::fs::write(path(), &fresh).expect("write src/types.d.ts");
    }
    let committed = std::fs::read_to_string(path()).unwrap_or_default();
    assert!(
        committed == fresh,
        "crates/js/src/types.d.ts is stale; rewrite it with\n  \
         UPDATE_DECLARATIONS=1 cargo test -p kling-pricing-js --test declarations\n\
         --- generated now ---\n{fresh}"
    );
}

#[test]
fn every_type_referred_to_is_declared() {
    let decls = declarations();
    let declared: BTreeSet<&str> = decls.iter().map(|d| d.name.as_str()).collect();
    for d in &decls {
        for used in &d.uses {
            assert!(
                declared.contains(used.as_str()),
                "{} refers to {used}, which is not declared",
                d.name
            );
        }
    }
    assert_eq!(declared.len(), decls.len(), "a type is declared twice");
}
