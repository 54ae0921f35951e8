//! Where saving the learner's work stands, as the page says it.

use super::persist::KEY;

/// Where saving stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SaveStatus {
    /// Nothing to save yet (the app as shipped).
    Nothing,
    /// The latest work is saved.
    Saved,
    /// The latest save failed; the text says why and what to do.
    Failed(String),
    /// Another tab saved or cleared the work while this one had changes of its own: nothing
    /// is saved until the learner chooses whose work to keep.
    ChangedElsewhere,
    /// A stored copy could be neither restored nor set aside: nothing is saved over it until
    /// the learner decides. The text says why.
    Held(String),
}

impl SaveStatus {
    /// True when the learner must be told something went wrong.
    pub(crate) fn is_error(&self) -> bool {
        matches!(
            self,
            SaveStatus::Failed(_) | SaveStatus::ChangedElsewhere | SaveStatus::Held(_)
        )
    }
}

impl std::fmt::Display for SaveStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveStatus::Nothing => write!(f, "Nothing saved yet: the app is as shipped."),
            SaveStatus::Saved => write!(f, "Saved in this browser."),
            SaveStatus::Failed(why) => write!(f, "{why}"),
            SaveStatus::ChangedElsewhere => write!(
                f,
                "Your work was changed in another tab of this browser while this tab had changes \
                 of its own. Nothing here is saved until you choose which work to keep."
            ),
            SaveStatus::Held(why) => write!(
                f,
                "{why} Nothing is saved over it (under \u{201c}{KEY}\u{201d}) until you choose: \
                 download it first, or save this tab's work in its place."
            ),
        }
    }
}
