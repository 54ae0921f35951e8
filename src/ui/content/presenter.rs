//! Presenter mode's words.

/// The badge shown while presenting.
pub const BADGE: &str = "Presenter mode";
/// How to step.
pub const KEYS: &str = "← → to step · Esc to leave";
/// The leave button.
pub const LEAVE: &str = "Leave presenter mode";
/// Panel counter, e.g. "3 / 8".
pub fn counter(at: usize, of: usize) -> String {
    format!("{at} / {of}")
}
