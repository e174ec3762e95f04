//! Checked `Decimal` arithmetic, out of line.
//!
//! rust_decimal's `checked_mul` and `checked_add` are `#[inline(always)]` down to their
//! implementations, so each call site carries its own copy of the whole multiplication or
//! addition: 1–2 KB of wasm a site. Code outside the planner's search loops (the break-even
//! picture, the charts, the demand set-up) calls these instead, so the page carries one copy of
//! each. Same results exactly.

use rust_decimal::Decimal;

/// `a × b`, `None` on overflow ([`Decimal::checked_mul`]).
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a + b`, `None` on overflow ([`Decimal::checked_add`]).
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a ÷ b`, `None` when `b` is zero or on overflow ([`Decimal::checked_div`]).
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}
