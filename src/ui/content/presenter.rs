//! Presenter mode's words.

/// The badge shown while presenting.
pub(crate) const BADGE: &str = "Presenting";
/// How to step.
pub(crate) const KEYS: &str = "← → or a clicker: next view or tour step · Esc: stop";
/// The header button that starts presenting.
pub(crate) const PRESENT: &str = "Present";
/// The header button while presenting.
pub(crate) const LEAVE: &str = "Stop presenting";
/// The button's tooltip.
pub(crate) const BUTTON_HINT: &str = "Large type for a projector; arrow keys move between views";
/// Panel counter, e.g. "3 / 8".
pub(crate) fn counter(at: usize, of: usize) -> String {
    format!("{at} / {of}")
}
