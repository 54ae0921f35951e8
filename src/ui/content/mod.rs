//! All the teaching text in one place (concepts, tour, decision guide, presenter hints), so it
//! can be reviewed and translated without reading components. Components only render it.

pub(crate) mod check;
pub(crate) mod concepts;
pub(crate) mod embedding;
pub(crate) mod guide;
pub(crate) mod presenter;
pub(crate) mod tour;

use crate::ui::state::share::ShareState;
use crate::ui::state::ViewId;

/// A published result the text rests on. `reported` marks figures read only in a secondary
/// summary, which the UI labels as such.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// Authors or publisher and short title.
    pub(crate) source: &'static str,
    /// Year of publication; `None` for undated documentation pages.
    pub(crate) year: Option<u16>,
    /// Where to find it (arXiv id or document name).
    pub(crate) locator: &'static str,
    /// What it found, in plain words.
    pub(crate) finding: &'static str,
    /// True when the figure comes from a secondary summary.
    pub(crate) reported: bool,
}

/// A state of the live views that demonstrates something: which view, which system
/// (retrieval and tuned toggles), which corpus version, which question, curation on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scene {
    /// The view to show.
    pub(crate) view: ViewId,
    /// The question to ask (`None`: keep the learner's).
    pub(crate) question: Option<&'static str>,
    /// Retrieval toggle.
    pub(crate) retrieval: bool,
    /// Tuned-weights toggle.
    pub(crate) tuned: bool,
    /// Corpus version id.
    pub(crate) version: &'static str,
    /// Leave outdated and low-signal documents out of the index.
    pub(crate) curated: bool,
}

impl Scene {
    /// The shareable state this scene sets (every field named, so nothing lingers from before).
    pub(crate) fn share_state(&self) -> ShareState {
        ShareState {
            question: self.question.map(str::to_string),
            retrieval: Some(self.retrieval),
            tuned: Some(self.tuned),
            version: Some(self.version.to_string()),
            k: None,
            threshold: None,
            curated: Some(self.curated),
        }
    }
}

/// The question most scenes use: a price that changed after the tuned model's snapshot.
pub(crate) const PRICE_QUESTION: &str = "How much does the Pro plan cost?";

/// A question the documents cannot answer, close to one they can.
pub(crate) const NEAR_MISS_QUESTION: &str = "How many API calls can a Pro workspace make per day?";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenes_name_every_toggle() {
        let scene = Scene {
            view: ViewId::Ask,
            question: Some(PRICE_QUESTION),
            retrieval: false,
            tuned: true,
            version: "v2",
            curated: false,
        };
        let state = scene.share_state();
        assert_eq!(state.retrieval, Some(false));
        assert_eq!(state.curated, Some(false));
        assert_eq!(state.version.as_deref(), Some("v2"));
    }
}
