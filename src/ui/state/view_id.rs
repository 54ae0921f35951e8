//! Which view is showing, and how it is spelled in the URL query (`?view=...`).

/// One view of the app. The order is the navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViewId {
    /// Ask a question; the four modes answer side by side.
    Ask,
    /// The retrieved passages, their scores, HNSW versus exact search.
    Inspector,
    /// A 2D map of every passage's embedding, the question and its neighbours.
    Map,
    /// The documents by version; edit them, or bring your own.
    Corpus,
    /// The learner's own documents and question-answer pairs, saved in the browser.
    YourDocuments,
    /// Fine-tune the small model: controls, loss curve, accuracies.
    Training,
    /// Knowledge accuracy against format compliance, one point per mode.
    Tradeoff,
    /// Knowledge accuracy over corpus versions, with retrain marks.
    Timeline,
    /// Per-stage latency and the cost break-even.
    Cost,
    /// Short explanations, each with a "show me" action.
    Concepts,
    /// Questions about your use case leading to a recommendation.
    Guide,
    /// A short knowledge check on what the learner saw, explained after submission.
    Check,
}

/// The group a view belongs to in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ViewGroup {
    /// Asking and looking at retrieval.
    Explore,
    /// Training the tuned model.
    Tune,
    /// Measured comparisons.
    Measure,
    /// Text that teaches.
    Learn,
}

impl ViewId {
    /// Every view, in navigation order.
    pub(crate) const ALL: [ViewId; 12] = [
        ViewId::Ask,
        ViewId::Inspector,
        ViewId::Map,
        ViewId::Corpus,
        ViewId::YourDocuments,
        ViewId::Training,
        ViewId::Tradeoff,
        ViewId::Timeline,
        ViewId::Cost,
        ViewId::Concepts,
        ViewId::Guide,
        ViewId::Check,
    ];

    /// The view shown when the URL names none (or names an unknown one).
    pub(crate) const DEFAULT: ViewId = ViewId::Ask;

    /// The value used in `?view=`.
    pub(crate) fn slug(self) -> &'static str {
        match self {
            ViewId::Ask => "ask",
            ViewId::Inspector => "inspector",
            ViewId::Map => "map",
            ViewId::Corpus => "corpus",
            ViewId::YourDocuments => "mine",
            ViewId::Training => "training",
            ViewId::Tradeoff => "tradeoff",
            ViewId::Timeline => "timeline",
            ViewId::Cost => "cost",
            ViewId::Concepts => "concepts",
            ViewId::Guide => "guide",
            ViewId::Check => "check",
        }
    }

    /// Parses a `?view=` value; `None` for anything unknown.
    pub fn from_slug(slug: &str) -> Option<ViewId> {
        ViewId::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// The short name in the navigation.
    pub(crate) fn title(self) -> &'static str {
        match self {
            ViewId::Ask => "Ask",
            ViewId::Inspector => "Retrieval inspector",
            ViewId::Map => "Embedding map",
            ViewId::Corpus => "Corpus",
            ViewId::YourDocuments => "Your documents",
            ViewId::Training => "Training",
            ViewId::Tradeoff => "Trade-off",
            ViewId::Timeline => "Freshness timeline",
            ViewId::Cost => "Cost & latency",
            ViewId::Concepts => "Concepts",
            ViewId::Guide => "Decision guide",
            ViewId::Check => "Knowledge check",
        }
    }

    /// The navigation group.
    pub(crate) fn group(self) -> ViewGroup {
        match self {
            ViewId::Ask
            | ViewId::Inspector
            | ViewId::Map
            | ViewId::Corpus
            | ViewId::YourDocuments => ViewGroup::Explore,
            ViewId::Training => ViewGroup::Tune,
            ViewId::Tradeoff | ViewId::Timeline | ViewId::Cost => ViewGroup::Measure,
            ViewId::Concepts | ViewId::Guide | ViewId::Check => ViewGroup::Learn,
        }
    }
}

impl ViewGroup {
    /// Every group, in navigation order.
    pub(crate) const ALL: [ViewGroup; 4] = [
        ViewGroup::Explore,
        ViewGroup::Tune,
        ViewGroup::Measure,
        ViewGroup::Learn,
    ];

    /// The group's heading in the navigation.
    pub(crate) fn title(self) -> &'static str {
        match self {
            ViewGroup::Explore => "Explore",
            ViewGroup::Tune => "Tune",
            ViewGroup::Measure => "Measure",
            ViewGroup::Learn => "Learn",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for view in ViewId::ALL {
            assert_eq!(ViewId::from_slug(view.slug()), Some(view));
        }
        let mut slugs: Vec<_> = ViewId::ALL.iter().map(|v| v.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), ViewId::ALL.len());
    }

    #[test]
    fn unknown_slugs_are_rejected() {
        assert_eq!(ViewId::from_slug(""), None);
        assert_eq!(ViewId::from_slug("ASK"), None);
        assert_eq!(ViewId::from_slug("<script>"), None);
    }

    #[test]
    fn every_group_has_a_view() {
        for group in ViewGroup::ALL {
            assert!(ViewId::ALL.iter().any(|v| v.group() == group));
        }
    }
}
