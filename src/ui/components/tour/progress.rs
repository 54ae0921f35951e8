//! Where the learner is in the tour: parsed from `?tour=N` (1-based) and remembered in
//! localStorage so a closed tour can be resumed. Plain functions, tested natively.

/// The localStorage key of the remembered step.
pub(crate) const STORAGE_KEY: &str = "ragtune.tour.step";

/// Reads a step number (1-based) from the URL or storage; `None` for anything that is not a
/// step of a tour with `total` steps.
pub(crate) fn parse_step(value: &str, total: usize) -> Option<usize> {
    value
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=total).contains(n))
}

/// What a key press does in the tour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TourKey {
    /// Next step (or reveal a pending prediction).
    Next,
    /// Previous step.
    Back,
    /// Close the tour.
    Close,
    /// Pick a prediction choice (0-based).
    Choose(usize),
}

/// Maps a `KeyboardEvent.key` value to a tour action.
pub(crate) fn tour_key(key: &str) -> Option<TourKey> {
    match key {
        // Presentation clickers send PageDown / PageUp.
        "ArrowRight" | "PageDown" => Some(TourKey::Next),
        "ArrowLeft" | "PageUp" => Some(TourKey::Back),
        "Escape" => Some(TourKey::Close),
        "1" | "2" | "3" => key.parse::<usize>().ok().map(|n| TourKey::Choose(n - 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_outside_the_tour_are_rejected() {
        assert_eq!(parse_step("3", 11), Some(3));
        assert_eq!(parse_step(" 11 ", 11), Some(11));
        assert_eq!(parse_step("0", 11), None);
        assert_eq!(parse_step("12", 11), None);
        assert_eq!(parse_step("x", 11), None);
        assert_eq!(parse_step("-1", 11), None);
    }

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(tour_key("ArrowRight"), Some(TourKey::Next));
        assert_eq!(tour_key("ArrowLeft"), Some(TourKey::Back));
        assert_eq!(tour_key("Escape"), Some(TourKey::Close));
        assert_eq!(tour_key("2"), Some(TourKey::Choose(1)));
        assert_eq!(tour_key("4"), None);
        assert_eq!(tour_key("a"), None);
    }
}
