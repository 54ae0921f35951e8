//! What happened between two moments of the timeline's story, read from the two states' keys.
//!
//! A moment's [`MomentKind`](super::timeline_story::MomentKind) names one change (a new model
//! first), but one step can carry several: a restored scenario moves the version and the model
//! at once, and "documents back to v2" is a version change even when a retrain came before it.
//! The timeline's sentences say what caused each rise or fall, so they read the causes here,
//! from every field that differs, and never guess them from the moment's kind.

use super::timeline_story::{Moment, MomentKey};
use crate::core::modes::Mode;

/// One thing that changed from one moment to the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    /// The model was retrained (or another one installed); `on` is the version it learned.
    Retrain {
        /// The version the new model learned (`None`: no model any more).
        on: Option<String>,
    },
    /// The documents moved to another version.
    Version {
        /// The version before.
        from: String,
        /// The version after.
        to: String,
    },
    /// The learner's document edits changed: an edit made or changed, or (`cleared`) every
    /// edit undone.
    Edit {
        /// True when no edit is left.
        cleared: bool,
    },
    /// The number of retrieved passages changed.
    K {
        /// k before.
        from: usize,
        /// k after.
        to: usize,
    },
    /// The reader's threshold changed.
    Threshold,
}

/// Every change from `before` to `after`, the model first (it is what retraining changes),
/// then the documents, then retrieval's settings. Empty when the two states are the same.
pub(crate) fn causes(before: &MomentKey, after: &MomentKey) -> Vec<Cause> {
    let mut out = Vec::new();
    if before.model != after.model {
        out.push(Cause::Retrain {
            on: after.model.as_ref().map(|(version, _)| version.clone()),
        });
    }
    if before.version != after.version {
        out.push(Cause::Version {
            from: before.version.clone(),
            to: after.version.clone(),
        });
    }
    if before.edits != after.edits {
        out.push(Cause::Edit {
            cleared: after.edits == MomentKey::NO_EDITS,
        });
    }
    if before.settings.0 != after.settings.0 {
        out.push(Cause::K {
            from: before.settings.0,
            to: after.settings.0,
        });
    }
    if before.settings.1 != after.settings.1 {
        out.push(Cause::Threshold);
    }
    out
}

/// One step of the story: from moment `at - 1` to moment `at`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Step {
    /// The index of the later moment.
    pub(crate) at: usize,
    /// What changed.
    pub(crate) causes: Vec<Cause>,
    /// The version the model had learned after the step.
    pub(crate) tuned_on: Option<String>,
    /// The fine-tuned model's knowledge accuracy before and after.
    pub(crate) tuned: (Option<f64>, Option<f64>),
    /// Retrieval's knowledge accuracy before and after.
    pub(crate) rag: (Option<f64>, Option<f64>),
}

/// The steps between consecutive moments, oldest first.
pub(crate) fn steps(moments: &[Moment]) -> Vec<Step> {
    moments
        .windows(2)
        .enumerate()
        .map(|(i, pair)| {
            let (a, b) = (&pair[0], &pair[1]);
            Step {
                at: i + 1,
                causes: causes(&a.key, &b.key),
                tuned_on: b.key.model.as_ref().map(|(v, _)| v.clone()),
                tuned: (a.knowledge_of(Mode::Tuned), b.knowledge_of(Mode::Tuned)),
                rag: (a.knowledge_of(Mode::Rag), b.knowledge_of(Mode::Rag)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::timeline_story::tests::{key, report};
    use crate::ui::state::timeline_story::Story;

    #[test]
    fn every_field_that_differs_is_a_cause() {
        let a = key("v3", "v2", 0);
        assert!(causes(&a, &a).is_empty());
        // The model and the version changed in one step (a restored scenario): both are named,
        // though the moment's kind says only "retrain".
        let b = key("v2", "v3", 4);
        assert_eq!(
            causes(&a, &b),
            [
                Cause::Retrain {
                    on: Some("v3".into())
                },
                Cause::Version {
                    from: "v3".into(),
                    to: "v2".into()
                },
                Cause::Edit { cleared: false },
            ]
        );
        let mut cleared = b.clone();
        cleared.edits = MomentKey::NO_EDITS;
        assert_eq!(causes(&b, &cleared), [Cause::Edit { cleared: true }]);
        let mut c = a.clone();
        c.settings = (3, 9);
        assert_eq!(
            causes(&a, &c),
            [Cause::K { from: 5, to: 3 }, Cause::Threshold]
        );
    }

    /// The reported case: a retrain, then the documents moved back to the model's version.
    /// The last rise's step names the version change, not the retrain before it.
    #[test]
    fn a_rise_after_a_retrain_is_put_down_to_what_changed_in_it() {
        let mut story = Story::default();
        story.observe(key("v2", "v1", 0), &report(0.5, 0.8));
        story.observe(key("v2", "v2", 0), &report(0.9, 0.8));
        story.observe(key("v3", "v2", 0), &report(0.6, 0.8));
        story.observe(key("v2", "v2", 0), &report(0.9, 0.8));
        let steps = steps(story.moments());
        assert_eq!(steps.len(), 3);
        assert_eq!(
            steps[0].causes,
            [Cause::Retrain {
                on: Some("v2".into())
            }]
        );
        assert_eq!(
            steps[2].causes,
            [Cause::Version {
                from: "v3".into(),
                to: "v2".into()
            }]
        );
        assert_eq!(steps[2].tuned, (Some(0.6), Some(0.9)));
        assert_eq!(steps[2].tuned_on.as_deref(), Some("v2"));
    }
}
