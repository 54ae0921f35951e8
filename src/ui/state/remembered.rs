//! What views remember across visits, as one root context: views are unmounted when the learner
//! navigates, so anything a view shows again on return lives here, one field per job. Provided
//! by `ui::app`; the view named beside each field is its only writer.

use leptos::prelude::*;

use super::cost_assumptions::CostAssumptions;
use super::timeline_story::TimelineStory;

/// The views' memory; `Copy`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Remembered {
    /// The price assumptions (the Cost view).
    pub(crate) cost: CostAssumptions,
    /// The freshness timeline's moments (the Timeline view).
    pub(crate) story: TimelineStory,
}

impl Remembered {
    /// The memory provided at the root.
    pub(crate) fn use_context() -> Self {
        expect_context::<Remembered>()
    }
}
