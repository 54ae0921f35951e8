//! The timeline's story: a short list of moments, one per change the learner made (another
//! version published, a retrain, an edit, another k), each with every mode's scores then.
//! Plain data, tested natively; [`TimelineStory`] keeps one story at the root for as long as
//! the app is open, so a learner can edit in the corpus view and come back to the moment it made.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::core::eval::EvalReport;
use crate::core::modes::Mode;
use crate::core::workbench::Workbench;
use leptos::prelude::*;

/// The timeline's story, kept at the root in [`Remembered`](super::remembered::Remembered); `Copy`. The Timeline view is the
/// only writer: it adds a moment per change it sees and seeds an empty story.
#[derive(Clone, Copy)]
pub(crate) struct TimelineStory {
    /// The moments so far.
    pub(crate) story: RwSignal<Story>,
}

impl TimelineStory {
    /// An empty story.
    pub(crate) fn new() -> Self {
        Self {
            story: RwSignal::new(Story::default()),
        }
    }
}

impl Default for TimelineStory {
    fn default() -> Self {
        Self::new()
    }
}

/// Moments kept; older ones drop off the left.
pub(crate) const KEEP: usize = 8;

/// What identifies a workbench state for the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MomentKey {
    /// The corpus version.
    pub(crate) version: String,
    /// A fingerprint of the learner's edits.
    pub(crate) edits: u64,
    /// The tuned model: the version it learned and a fingerprint of the run.
    pub(crate) model: Option<(String, u64)>,
    /// k and the threshold's bits.
    pub(crate) settings: (usize, u32),
}

impl MomentKey {
    /// The edits fingerprint of a workbench without edits.
    pub(crate) const NO_EDITS: u64 = 0;

    /// The key of `bench` as it stands.
    pub(crate) fn of(bench: &Workbench) -> Self {
        let mut edits = DefaultHasher::new();
        for edit in bench.edits().iter() {
            edit.hash(&mut edits);
        }
        // No edits is always [`Self::NO_EDITS`], so a step can tell "edits undone" apart.
        let edits = if bench.edits().iter().next().is_none() {
            Self::NO_EDITS
        } else {
            edits.finish().max(1)
        };
        let model = bench.tuned().map(|m| {
            let mut run = DefaultHasher::new();
            m.train_ms.to_bits().hash(&mut run);
            m.loss.iter().for_each(|l| l.to_bits().hash(&mut run));
            (m.version.clone(), run.finish())
        });
        let settings = bench.settings();
        Self {
            version: bench.version().to_string(),
            edits,
            model,
            settings: (settings.k, settings.threshold.to_bits()),
        }
    }

    /// The same state at another version.
    pub(crate) fn at_version(&self, version: &str) -> Self {
        Self {
            version: version.to_string(),
            ..self.clone()
        }
    }
}

/// What changed to make a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MomentKind {
    /// Where the story starts (one per version up to the current one).
    Start,
    /// The documents moved to another version.
    Version,
    /// The model was retrained.
    Retrain,
    /// The learner edited a document.
    Edit,
    /// k or the threshold changed.
    Settings,
}

/// One point in time.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Moment {
    /// The state it measured.
    pub(crate) key: MomentKey,
    /// What made it.
    pub(crate) kind: MomentKind,
    /// The version the tuned model had learned then.
    pub(crate) tuned_on: Option<String>,
    /// Knowledge accuracy per mode, in [`Mode::ALL`] order.
    pub(crate) knowledge: [Option<f64>; 4],
    /// Knowledge accuracy on facts changed since the model's training version, per mode.
    pub(crate) changed: [Option<f64>; 4],
    /// Stale-answer rate per mode.
    pub(crate) stale: [Option<f64>; 4],
    /// How many facts changed since the tuned model's training version (0: none yet).
    pub(crate) changed_facts: usize,
}

impl Moment {
    /// A moment of `kind` for the state `key`, scored by `report`.
    pub(crate) fn new(key: MomentKey, kind: MomentKind, report: &EvalReport) -> Self {
        let per_mode = |f: fn(&crate::core::eval::ModeMetrics) -> Option<f64>| {
            Mode::ALL.map(|m| f(report.modes.get(m)))
        };
        Self {
            key,
            kind,
            tuned_on: report.tuned_on.clone(),
            knowledge: per_mode(|m| m.knowledge_accuracy),
            changed: per_mode(|m| m.changed_accuracy),
            stale: per_mode(|m| m.stale_rate),
            changed_facts: report.questions.changed_facts,
        }
    }

    /// The first line of its label: the version.
    pub(crate) fn title(&self) -> String {
        self.key.version.clone()
    }

    /// The second line: what happened (short, it sits under a narrow column).
    pub(crate) fn subtitle(&self) -> String {
        match self.kind {
            MomentKind::Start => "new docs".to_string(),
            // Not "new docs": the documents may have moved back to an older version.
            MomentKind::Version => "docs moved".to_string(),
            MomentKind::Retrain => "retrain".to_string(),
            MomentKind::Edit => "edit".to_string(),
            MomentKind::Settings => format!("k={}", self.key.settings.0),
        }
    }

    /// Knowledge accuracy of `mode`.
    pub(crate) fn knowledge_of(&self, mode: Mode) -> Option<f64> {
        self.knowledge[index(mode)]
    }
}

/// Where `mode` sits in a moment's per-mode arrays ([`Mode::ALL`] order).
pub(crate) fn index(mode: Mode) -> usize {
    Mode::ALL.iter().position(|m| *m == mode).unwrap_or(0)
}

/// The moments so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Story {
    moments: Vec<Moment>,
}

impl Story {
    /// The moments, oldest first.
    pub(crate) fn moments(&self) -> &[Moment] {
        &self.moments
    }

    /// True before anything was measured.
    pub(crate) fn is_empty(&self) -> bool {
        self.moments.is_empty()
    }

    /// Forgets every moment.
    pub(crate) fn clear(&mut self) {
        self.moments.clear();
    }

    /// Adds `moment`, dropping the oldest beyond [`KEEP`].
    pub(crate) fn push(&mut self, moment: Moment) {
        self.moments.push(moment);
        if self.moments.len() > KEEP {
            self.moments.remove(0);
        }
    }

    /// Records the state `key` scored by `report` if it differs from the last moment; the
    /// kind says what changed (a new model first, then the version, then edits). Returns
    /// whether a moment was added.
    pub(crate) fn observe(&mut self, key: MomentKey, report: &EvalReport) -> bool {
        let kind = match self.moments.last() {
            None => MomentKind::Start,
            Some(last) if last.key == key => return false,
            Some(last) if last.key.model != key.model => MomentKind::Retrain,
            Some(last) if last.key.version != key.version => MomentKind::Version,
            Some(last) if last.key.edits != key.edits => MomentKind::Edit,
            Some(_) => MomentKind::Settings,
        };
        self.push(Moment::new(key, kind, report));
        true
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::eval::ModeMetrics;

    pub(crate) fn key(version: &str, model: &str, edits: u64) -> MomentKey {
        MomentKey {
            version: version.into(),
            edits,
            model: Some((model.into(), 7)),
            settings: (5, 0),
        }
    }

    /// A report with the model tuned on `model`, every share of a mode derived from its
    /// knowledge accuracy, and `changed` facts changed since training.
    pub(crate) fn trained(model: &str, changed: usize, tuned: f64, rag: f64) -> EvalReport {
        let mut r = EvalReport::default();
        let m = |k: f64| ModeMetrics {
            knowledge_accuracy: Some(k),
            changed_accuracy: (changed > 0).then_some(k),
            stale_rate: Some(1.0 - k),
            ..ModeMetrics::default()
        };
        r.tuned_on = Some(model.into());
        r.questions.changed_facts = changed;
        r.modes.tuned = m(tuned);
        r.modes.rag = m(rag);
        r
    }

    pub(crate) fn report(tuned: f64, rag: f64) -> EvalReport {
        trained("v1", 5, tuned, rag)
    }

    #[test]
    fn each_change_becomes_a_moment_of_its_kind() {
        let mut story = Story::default();
        assert!(story.observe(key("v1", "v1", 0), &report(0.9, 0.8)));
        assert!(
            !story.observe(key("v1", "v1", 0), &report(0.9, 0.8)),
            "same state"
        );
        assert!(story.observe(key("v2", "v1", 0), &report(0.5, 0.8)));
        assert!(story.observe(key("v2", "v1", 3), &report(0.4, 0.8)));
        assert!(story.observe(key("v2", "v2", 3), &report(0.9, 0.8)));
        let kinds: Vec<MomentKind> = story.moments().iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                MomentKind::Start,
                MomentKind::Version,
                MomentKind::Edit,
                MomentKind::Retrain
            ]
        );
        assert_eq!(story.moments()[3].subtitle(), "retrain");
        assert_eq!(story.moments()[1].subtitle(), "docs moved");
        assert_eq!(story.moments()[1].knowledge_of(Mode::Tuned), Some(0.5));
        for i in 0..KEEP {
            story.observe(key(&format!("v{i}"), "v2", 3), &report(0.9, 0.8));
        }
        assert_eq!(story.moments().len(), KEEP);
    }
}
