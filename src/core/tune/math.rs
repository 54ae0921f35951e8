//! Portable `exp`, `ln` and softmax built from +, -, *, / and bit tricks only.
//!
//! `f32::exp` and `f32::ln` call the platform's maths library, whose last bits differ between
//! glibc (native) and the libm compiled into wasm. IEEE-754 guarantees correctly rounded basic
//! operations and `sqrt` everywhere, so these polynomial versions give the same bits on every
//! target, which keeps a seeded training run identical in the CLI and in the browser.

const LOG2_E: f32 = std::f32::consts::LOG2_E;
/// ln 2 split into a part with few mantissa bits (so `k * LN2_HI` is exact) and the rest.
const LN2_HI: f32 = 0.693_145_75;
const LN2_LO: f32 = 1.428_606_8e-6;
const LN2: f32 = std::f32::consts::LN_2;

/// e^x, relative error about 1e-7 for x in [-87, 88]; 0 below, saturates above.
pub fn exp(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    if x < -87.0 {
        return 0.0;
    }
    let x = x.min(88.0);
    let k = (x * LOG2_E + 0.5).floor();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Taylor series of e^r for |r| <= ln2/2, Horner form; degree 7 keeps the error under 1 ulp.
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    let exponent = k as i32;
    // exponent is in [-126, 128] here; 128 only at the clamp, handled by splitting the scale.
    if exponent > 127 {
        return p * pow2(127) * pow2(exponent - 127);
    }
    p * pow2(exponent)
}

/// 2^e for e in [-126, 127], built directly in the exponent bits.
fn pow2(e: i32) -> f32 {
    f32::from_bits(((e + 127) as u32) << 23)
}

/// Natural logarithm; inputs at or below the smallest normal float are clamped to it, so the
/// result is always finite (about -87.3 at worst).
pub fn ln(x: f32) -> f32 {
    let x = if x.is_nan() || x < f32::MIN_POSITIVE {
        f32::MIN_POSITIVE
    } else {
        x.min(f32::MAX)
    };
    let bits = x.to_bits();
    let mut exponent = ((bits >> 23) & 0xff) as i32 - 127;
    let mut mantissa = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    if mantissa > std::f32::consts::SQRT_2 {
        mantissa *= 0.5;
        exponent += 1;
    }
    // ln(m) = 2 atanh(s) with s = (m-1)/(m+1), |s| <= 0.172: a short odd series converges fast.
    let s = (mantissa - 1.0) / (mantissa + 1.0);
    let s2 = s * s;
    let series = 1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0))));
    exponent as f32 * LN2 + 2.0 * s * series
}

/// Writes softmax(logits) into `out` (same length), subtracting the maximum for stability.
/// Sums in index order so the result never depends on the target.
pub fn softmax_into(logits: &[f32], out: &mut [f32]) {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0f32;
    for (o, &z) in out.iter_mut().zip(logits) {
        *o = exp(z - max);
        sum += *o;
    }
    let inv = 1.0 / sum;
    for o in out.iter_mut() {
        *o *= inv;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_std_closely() {
        let mut x = -80.0f32;
        while x < 80.0 {
            let ours = exp(x);
            let std = x.exp();
            let rel = ((ours - std) / std).abs();
            assert!(rel < 5e-7, "exp({x}) = {ours}, std {std}, rel {rel}");
            x += 0.173;
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-100.0), 0.0);
        assert!(exp(200.0).is_finite());
    }

    #[test]
    fn ln_matches_std_closely() {
        let mut x = 1e-30f32;
        while x < 1e30 {
            let ours = ln(x);
            let std = x.ln();
            assert!(
                (ours - std).abs() <= 2e-6 * std.abs().max(1.0),
                "ln({x}) = {ours}, std {std}"
            );
            x *= 1.37;
        }
        assert_eq!(ln(1.0), 0.0);
        assert!(ln(0.0).is_finite());
        assert!(ln(-1.0).is_finite());
    }

    #[test]
    fn softmax_sums_to_one_and_orders_like_logits() {
        let logits = [1.0, 3.0, -2.0, 0.5];
        let mut p = [0.0; 4];
        softmax_into(&logits, &mut p);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[1] > p[0] && p[0] > p[3] && p[3] > p[2]);
    }
}
