//! Times in milliseconds, written with the precision they have: the browser's clock ticks in
//! steps of about 0.1 ms, and a stage that took microseconds read "0.0000" in every cell of the
//! cost tables. Below 0.01 ms the number says so ("< 0.01 ms") instead of a row of zeros.

/// `value` milliseconds for a table or a sentence: "0 ms" when nothing ran, "< 0.01 ms" below
/// that, two decimals below 1 ms, one below 10 ms, whole milliseconds above.
pub(crate) fn ms(value: f64) -> String {
    format!("{} ms", ms_number(value))
}

/// [`ms`] without the unit, for table cells under a heading that names it.
pub(crate) fn ms_number(value: f64) -> String {
    if value <= 0.0 {
        "0".to_string()
    } else if value < 0.01 {
        "< 0.01".to_string()
    } else if value < 1.0 {
        format!("{value:.2}")
    } else if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_times_say_how_tiny_instead_of_printing_zeros() {
        assert_eq!(ms(0.0), "0 ms");
        assert_eq!(ms(0.00004), "< 0.01 ms");
        assert_eq!(ms(0.0132), "0.01 ms");
        assert_eq!(ms(0.456), "0.46 ms");
        assert_eq!(ms(4.56), "4.6 ms");
        assert_eq!(ms(1234.4), "1234 ms");
        for v in [0.00001, 0.0004, 0.003, 0.02, 0.5] {
            assert!(!ms(v).contains("0.000"), "{v} -> {}", ms(v));
        }
    }
}
