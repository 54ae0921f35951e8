//! Presenter mode's words.

/// The badge shown while presenting.
pub const BADGE: &str = "Presenting";
/// How to step.
pub const KEYS: &str = "← → or a clicker: next view or tour step · Esc: stop";
/// The header button that starts presenting.
pub const PRESENT: &str = "Present";
/// The header button while presenting.
pub const LEAVE: &str = "Stop presenting";
/// The button's tooltip.
pub const BUTTON_HINT: &str = "Large type for a projector; arrow keys move between views";
/// Panel counter, e.g. "3 / 8".
pub fn counter(at: usize, of: usize) -> String {
    format!("{at} / {of}")
}
