//! Numbers as people read them: thousands separators and dollars, from exact decimals.

use rust_decimal::{Decimal, RoundingStrategy};

/// Groups the integer part in threes: `1234567.5` → `1,234,567.5`.
pub fn group(d: Decimal) -> String {
    let s = d.normalize().to_string();
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Units, exact, grouped: `3.5`, `15,000`, `0.25`.
pub fn units(d: Decimal) -> String {
    group(d)
}

/// Dollars with cents; sub-cent amounts keep up to four places so a $0.0035 image is not "$0.00".
pub fn usd(d: Decimal) -> String {
    let cents = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let shown = if cents == d.normalize() || d.abs() >= Decimal::ONE {
        cents
    } else {
        d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
    };
    let mut s = group(shown.abs());
    match s.split_once('.') {
        None => s.push_str(".00"),
        Some((_, f)) if f.len() == 1 => s.push('0'),
        _ => {}
    }
    if d.is_sign_negative() && !shown.is_zero() {
        format!("-${s}")
    } else {
        format!("${s}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group(d("0")), "0");
        assert_eq!(group(d("999")), "999");
        assert_eq!(group(d("1000")), "1,000");
        assert_eq!(group(d("1234567.50")), "1,234,567.5");
        assert_eq!(group(d("-45000")), "-45,000");
    }

    #[test]
    fn dollars() {
        assert_eq!(usd(d("5670")), "$5,670.00");
        assert_eq!(usd(d("0.49")), "$0.49");
        assert_eq!(usd(d("0.0035")), "$0.0035");
        assert_eq!(usd(d("0.014")), "$0.014");
        assert_eq!(usd(d("1234.565")), "$1,234.57");
        assert_eq!(usd(d("0.1")), "$0.10");
        assert_eq!(usd(d("0")), "$0.00");
        assert_eq!(usd(d("-3.5")), "-$3.50");
    }
}
