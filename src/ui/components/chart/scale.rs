//! A linear scale from data to SVG units, with round tick values, and number formatting for
//! chart labels and tables.

/// Maps `domain` linearly onto `range` (either may run backwards, e.g. SVG y grows down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Linear {
    /// Data values at the two ends.
    pub(crate) domain: (f64, f64),
    /// SVG coordinates of the two ends.
    pub(crate) range: (f64, f64),
}

impl Linear {
    /// A scale from `domain` to `range`.
    pub(crate) fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self { domain, range }
    }

    /// The SVG coordinate of `value` (values outside the domain extrapolate; a zero-width
    /// domain maps everything to the start of the range).
    pub(crate) fn at(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 || !value.is_finite() {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The data value at SVG coordinate `position` (the inverse of [`Self::at`]).
    pub(crate) fn invert(&self, position: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (position - r0) / (r1 - r0) * (d1 - d0)
    }

    /// About `count` round tick values (1, 2 or 5 times a power of ten apart) inside the domain.
    pub(crate) fn ticks(&self, count: usize) -> Vec<f64> {
        let (lo, hi) = if self.domain.0 <= self.domain.1 {
            self.domain
        } else {
            (self.domain.1, self.domain.0)
        };
        if hi <= lo || count == 0 || !lo.is_finite() || !hi.is_finite() {
            return vec![lo];
        }
        let step = nice_step((hi - lo) / count as f64);
        let first = (lo / step).ceil() as i64;
        let last = (hi / step + 1e-9).floor() as i64;
        // Round to the step's decimals so 3 x 0.05 reads 0.15, not 0.15000000000000002.
        let decimals = (-step.log10().floor()).clamp(0.0, 12.0) as i32;
        let unit = 10f64.powi(decimals);
        (first..=last)
            .map(|i| (i as f64 * step * unit).round() / unit)
            .collect()
    }
}

/// The round step (1, 2 or 5 x 10^n) nearest to `raw` (on a log scale).
pub(crate) fn nice_step(raw: f64) -> f64 {
    if raw.is_nan() || raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction >= 50f64.sqrt() {
        10.0
    } else if fraction >= 10f64.sqrt() {
        5.0
    } else if fraction >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    nice * power
}

/// A round upper bound for an axis showing values up to `max` (1, 2 or 5 x 10^n, or more
/// steps of it).
pub(crate) fn nice_ceiling(max: f64) -> f64 {
    if max.is_nan() || max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let step = nice_step(max / 5.0);
    (max / step).ceil() * step
}

/// A share 0..=1 as a percentage with one decimal ("41.7%"), or "n/a".
pub(crate) fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "n/a".to_string(), |s| format!("{:.1}%", s * 100.0))
}

/// A number with thousands separators and no decimals ("14,203").
pub(crate) fn plain_number(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    let mut out = crate::core::text::thousands(value.round().abs() as u64);
    if value.round() < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_values_print_without_float_noise() {
        let ticks = Linear::new((0.0, 0.2), (0.0, 100.0)).ticks(4);
        let printed: Vec<String> = ticks.iter().map(|t| t.to_string()).collect();
        assert_eq!(printed, ["0", "0.05", "0.1", "0.15", "0.2"]);
    }

    #[test]
    fn maps_both_ways_and_backwards() {
        let y = Linear::new((0.0, 1.0), (300.0, 20.0));
        assert_eq!(y.at(0.0), 300.0);
        assert_eq!(y.at(1.0), 20.0);
        assert_eq!(y.at(0.5), 160.0);
        assert_eq!(y.invert(160.0), 0.5);
        assert_eq!(Linear::new((2.0, 2.0), (0.0, 10.0)).at(5.0), 0.0);
    }

    #[test]
    fn ticks_are_round_and_inside() {
        let s = Linear::new((0.0, 1.0), (0.0, 100.0));
        let ticks = s.ticks(5);
        let expected = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0];
        assert_eq!(ticks.len(), expected.len());
        assert!(ticks
            .iter()
            .zip(expected)
            .all(|(a, b)| (a - b).abs() < 1e-12));
        let t = Linear::new((0.0, 53_000.0), (0.0, 1.0)).ticks(5);
        assert_eq!(
            t,
            vec![0.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0, 50_000.0]
        );
        assert_eq!(nice_step(0.23), 0.2);
        assert_eq!(nice_step(0.4), 0.5);
        assert_eq!(nice_ceiling(53_000.0), 60_000.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(percent(Some(0.41666)), "41.7%");
        assert_eq!(percent(None), "n/a");
        assert_eq!(plain_number(14_203.4), "14,203");
        assert_eq!(plain_number(999.0), "999");
        assert_eq!(plain_number(-1_234_567.0), "-1,234,567");
    }
}
