//! Fixed-decimal float formatting (`{:.N}`) without `core::fmt`.
//!
//! Every report row carries a few rounded floats (score, prior age, 16 similarities),
//! and `format!("{v:.2}")` goes through core's exact float printer (Grisu with a Dragon
//! fallback on big integers) and a fresh `String` each time: about 2.5 % of a run. The
//! values printed here are small and have few decimals, so they can be rounded exactly
//! with integer arithmetic on the float's binary mantissa: `|v| = m · 2^e`, and
//! `m · 10^d · 2^e` is rounded half to even, as `core::fmt` rounds the exact binary
//! value. Anything outside that fast range (non-finite, huge, more than
//! [`MAX_DECIMALS`] decimals) falls back to `write!`, so the output is always
//! byte-for-byte what `format!("{v:.d$}")` gives (checked by a property test).

use std::io::Write;

/// Most decimals handled without `core::fmt`: `m · 10^d` must fit in a `u128`.
pub const MAX_DECIMALS: usize = 9;

/// Appends `v` with `decimals` decimals, exactly as `format!("{v:.decimals$}")`.
pub fn push_fixed(out: &mut Vec<u8>, v: f64, decimals: usize) {
    if !push_fast(out, v, decimals) {
        // Vec<u8> as io::Write cannot fail.
        let _ = write!(out, "{v:.decimals$}");
    }
}

/// `format!("{v:.decimals$}")` without `core::fmt` for the common cases.
pub fn fixed(v: f64, decimals: usize) -> String {
    let mut out = Vec::with_capacity(8 + decimals);
    push_fixed(&mut out, v, decimals);
    // Only ASCII digits, '-', '.' (or core's own output) were written.
    String::from_utf8(out).unwrap_or_default()
}

/// The exact, rounded `|v| · 10^decimals` when it can be computed in a u128.
fn scaled(v: f64, decimals: usize) -> Option<u128> {
    if !v.is_finite() || decimals > MAX_DECIMALS {
        return None;
    }
    let bits = v.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // |v| = m · 2^e with m < 2^53.
    let (m, e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let n = u128::from(m) * 10u128.pow(decimals as u32);
    if e >= 0 {
        // An integer: only small ones (n · 2^e must stay in range).
        return (e < 128 - 53 - 30).then(|| n << e);
    }
    let s = (-e) as u32;
    if s >= 127 {
        // n < 2^83, so n / 2^s < 2^-44: rounds to zero.
        return Some(0);
    }
    let q = n >> s;
    let r = n & ((1u128 << s) - 1);
    let half = 1u128 << (s - 1);
    Some(if r > half || (r == half && q & 1 == 1) {
        q + 1
    } else {
        q
    })
}

/// Writes `v` if [`scaled`] can; `false` leaves `out` untouched.
fn push_fast(out: &mut Vec<u8>, v: f64, decimals: usize) -> bool {
    let Some(q) = scaled(v, decimals) else {
        return false;
    };
    if v.is_sign_negative() {
        // core::fmt keeps the sign of negative values that round to zero ("-0.0").
        out.push(b'-');
    }
    // Digits of q, at least decimals + 1 of them (leading zeros for 0.0x).
    let mut digits = [0u8; 48];
    let mut i = digits.len();
    let mut q = q;
    loop {
        i -= 1;
        digits[i] = b'0' + (q % 10) as u8;
        q /= 10;
        if q == 0 && digits.len() - i > decimals {
            break;
        }
    }
    let digits = &digits[i..];
    let int_len = digits.len() - decimals;
    out.extend_from_slice(&digits[..int_len]);
    if decimals > 0 {
        out.push(b'.');
        out.extend_from_slice(&digits[int_len..]);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(v: f64, d: usize) {
        assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} with {d} decimals");
    }

    #[test]
    fn ties_and_edges() {
        let values = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            0.05,
            0.15,
            0.25,
            0.35,
            0.45,
            1.005,
            2.675,
            99.95,
            99.99999,
            100.0,
            87.5,
            -0.01,
            -0.04,
            -1.25,
            1e-300,
            5e-324,
            -5e-324,
            1e15,
            123_456_789.123_456_79,
            9.007199254740993e15,
            1e30,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for v in values {
            for d in 0..=12 {
                check(v, d);
            }
        }
        for k in 0..=2000 {
            let v = k as f64 / 1000.0;
            for d in 0..=4 {
                check(v, d);
                check(v * 100.0, d);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (CI runs the full count in release).
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1024)
    ))]

        #[test]
        fn equals_format_any_bits(bits in any::<u64>(), d in 0usize..=10) {
            let v = f64::from_bits(bits);
            prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }

        #[test]
        fn equals_format_report_range(v in -10.0f64..1000.0, d in 0usize..=4) {
            prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }

        #[test]
        fn equals_format_ratios(a in 0u32..2000, b in 1u32..2000, d in 0usize..=4) {
            // Scores and pass rates are ratios of small integers.
            let v = 100.0 * f64::from(a) / f64::from(b);
            prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
            let r = f64::from(a) / f64::from(b);
            prop_assert_eq!(fixed(r, d), format!("{r:.d$}"));
        }
    }
}
