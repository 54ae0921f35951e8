//! Decimal text to floating point, without the standard library's float parser.
//!
//! `str::parse::<f64>` links core's Eisel-Lemire tables (`POWER_OF_FIVE_128`, 10 KB that gzip
//! cannot shrink) and the slow-path big-decimal code: about 11 KiB of the gzipped app wasm, for
//! the handful of numbers the UI reads (prices, slider values, a URL threshold). This parser
//! accepts exactly the inputs `str::parse` accepts. When the significant digits, read as an
//! integer, are at most 2^53 (always so with 15 digits or fewer) and the decimal exponent left
//! after moving the point is within +-22 (every number a person types into this app), the result
//! is bit-identical to `str::parse` (Clinger's fast path: one exact multiply or divide). Longer
//! or more extreme inputs are scaled in a few steps and may differ from it in the last bits.

/// Powers of ten that are exact in `f64`.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Parses `text` with `str::parse::<f64>`'s grammar: an optional sign, then `inf`, `infinity`
/// or `nan` (any case), or digits with an optional point and an optional exponent. `None` when
/// `str::parse` would return an error.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, rest) = split_sign(text.as_bytes());
    let magnitude = parse_special(rest).or_else(|| parse_number(rest))?;
    Some(if negative { -magnitude } else { magnitude })
}

/// [`parse_f64`] rounded to `f32`. For inputs of up to 15 significant digits the double rounding
/// cannot change the result, so it equals `str::parse::<f32>`.
pub fn parse_f32(text: &str) -> Option<f32> {
    parse_f64(text).map(|value| value as f32)
}

/// An optional leading `-` or `+`: whether it was `-`, and the bytes after it.
fn split_sign(bytes: &[u8]) -> (bool, &[u8]) {
    match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    }
}

fn parse_special(rest: &[u8]) -> Option<f64> {
    if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if rest.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// Digits of a number: the first 19 significant ones and the power of ten they are scaled by.
struct Digits {
    mantissa: u64,
    significant: usize,
    exponent: i64,
}

impl Digits {
    fn push(&mut self, digit: u8, after_point: bool) {
        if self.mantissa == 0 && digit == 0 {
            // A leading zero: only a zero after the point shifts the value.
            self.exponent -= i64::from(after_point);
            return;
        }
        if self.significant < 19 {
            self.mantissa = self.mantissa * 10 + u64::from(digit);
            self.significant += 1;
            self.exponent -= i64::from(after_point);
        } else {
            // Digits past the 19th only change the magnitude (and round, see the module doc).
            self.significant += 1;
            self.exponent += i64::from(!after_point);
        }
    }
}

fn parse_number(rest: &[u8]) -> Option<f64> {
    let mut digits = Digits {
        mantissa: 0,
        significant: 0,
        exponent: 0,
    };
    let mut seen_digit = false;
    let mut after_point = false;
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            c @ b'0'..=b'9' => {
                digits.push(c - b'0', after_point);
                seen_digit = true;
            }
            b'.' if !after_point => after_point = true,
            b'e' | b'E' => break,
            _ => return None,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if i < rest.len() {
        digits.exponent = digits
            .exponent
            .saturating_add(parse_exponent(&rest[i + 1..])?);
    }
    Some(scale(digits))
}

/// The exponent after `e`: an optional sign and at least one digit, saturated far beyond any
/// finite `f64`.
fn parse_exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = split_sign(text);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits.iter().fold(0i64, |acc, d| {
        (acc * 10 + i64::from(d - b'0')).min(1_000_000)
    });
    Some(if negative { -value } else { value })
}

fn scale(digits: Digits) -> f64 {
    if digits.mantissa == 0 {
        return 0.0;
    }
    let exponent = digits.exponent;
    if digits.significant <= 19 && digits.mantissa <= 1 << 53 && (-22..=22).contains(&exponent) {
        let mantissa = digits.mantissa as f64;
        let power = EXACT_POWERS[exponent.unsigned_abs() as usize];
        return if exponent < 0 {
            mantissa / power
        } else {
            mantissa * power
        };
    }
    // Beyond the exact range: far enough out the answer is 0 or infinity; in between, scale in
    // steps of at most 1e22, dividing late so subnormal results keep what precision they can.
    let magnitude = i64::try_from(digits.significant).unwrap_or(i64::MAX) + exponent;
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -330 {
        return 0.0;
    }
    let mut value = digits.mantissa as f64;
    let mut remaining = exponent;
    while remaining > 0 {
        let step = remaining.min(22);
        value *= EXACT_POWERS[step as usize];
        remaining -= step;
    }
    while remaining < 0 {
        let step = (-remaining).min(22);
        value /= EXACT_POWERS[step as usize];
        remaining += step;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(text: &str) {
        let ours = parse_f64(text);
        let std = text.parse::<f64>().ok();
        match (ours, std) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {}
            (Some(a), Some(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{text:?}"),
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{text:?}: {a:?} vs {b:?}"),
        }
    }

    #[test]
    fn the_grammar_matches_str_parse() {
        for text in [
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1.e3",
            ".5",
            "5.",
            "-.5e-3",
            "+1",
            "1.2.3",
            "1e5.0",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "inf",
            "-Infinity",
            "NaN",
            "infinit",
            "nan1",
            "0",
            "-0",
            "00.000",
            "1E22",
            "1e23",
            "0.1",
            "2.50",
            "0.02",
            "1e400",
            "1e-400",
            "12345678901234567890",
            "9007199254740993",
            "$5",
            "1,5",
        ] {
            same(text);
        }
    }

    #[test]
    fn negative_zero_keeps_its_sign() {
        assert!(parse_f64("-0.0").unwrap().is_sign_negative());
    }

    #[test]
    fn f32_of_short_inputs_matches_str_parse() {
        for text in [
            "0.35",
            "0.02",
            "0.1",
            "1e-3",
            "3.4028235e38",
            "0.49",
            "16777217",
        ] {
            assert_eq!(parse_f32(text), text.parse::<f32>().ok(), "{text}");
        }
    }

    proptest! {
        #[test]
        fn short_decimals_are_bit_identical(
            mantissa in 0u64..1_000_000_000_000_000,
            point in 0usize..16,
            exponent in proptest::option::of(-7i64..7),
        ) {
            let digits = mantissa.to_string();
            let point = point.min(digits.len());
            let mut text = format!("{}.{}", &digits[..point], &digits[point..]);
            let fraction = (digits.len() - point) as i64;
            prop_assume!((-22..=22).contains(&(exponent.unwrap_or(0) - fraction)));
            if let Some(e) = exponent {
                text.push_str(&format!("e{e}"));
            }
            same(&text);
            prop_assert_eq!(parse_f32(&text), text.parse::<f32>().ok());
        }

        #[test]
        fn long_or_extreme_inputs_are_close(mantissa in 1u64..u64::MAX, exponent in -270i32..270) {
            let text = format!("{mantissa}0000e{exponent}");
            let ours = parse_f64(&text).unwrap();
            let std: f64 = text.parse().unwrap();
            prop_assert!(((ours - std) / std).abs() < 1e-14, "{} vs {}", ours, std);
        }

        #[test]
        fn any_text_is_accepted_exactly_when_str_parse_accepts_it(text in "[-+0-9.eE]{0,8}") {
            prop_assert_eq!(parse_f64(&text).is_some(), text.parse::<f64>().is_ok());
        }
    }
}
