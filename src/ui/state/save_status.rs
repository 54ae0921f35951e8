//! Where saving the learner's work stands, as the page says it.

/// Where saving stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet (the app as shipped).
    Nothing,
    /// The latest work is saved.
    Saved,
    /// The latest save failed; the text says why and what to do.
    Failed(String),
}

impl SaveStatus {
    /// True when the learner must be told something went wrong.
    pub fn is_error(&self) -> bool {
        matches!(self, SaveStatus::Failed(_))
    }
}

impl std::fmt::Display for SaveStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveStatus::Nothing => write!(f, "Nothing saved yet: the app is as shipped."),
            SaveStatus::Saved => write!(f, "Saved in this browser."),
            SaveStatus::Failed(why) => write!(f, "{why}"),
        }
    }
}
