//! The timeline's story: a short list of moments, one per change the learner made (another
//! version published, a retrain, an edit, another k), each with every mode's scores then.
//! Plain data, tested natively; the view keeps one story for the whole visit.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::core::eval::EvalReport;
use crate::core::modes::Mode;
use crate::core::workbench::Workbench;
use crate::ui::components::chart::{percent, EvidenceItem, Verification};

/// Moments kept; older ones drop off the left.
pub const KEEP: usize = 8;

/// What identifies a workbench state for the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MomentKey {
    /// The corpus version.
    pub version: String,
    /// A fingerprint of the learner's edits.
    pub edits: u64,
    /// The tuned model: the version it learned and a fingerprint of the run.
    pub model: Option<(String, u64)>,
    /// k and the threshold's bits.
    pub settings: (usize, u32),
}

impl MomentKey {
    /// The key of `bench` as it stands.
    pub fn of(bench: &Workbench) -> Self {
        let mut edits = DefaultHasher::new();
        for edit in bench.edits().iter() {
            edit.hash(&mut edits);
        }
        let model = bench.tuned().map(|m| {
            let mut run = DefaultHasher::new();
            m.train_ms.to_bits().hash(&mut run);
            m.loss.iter().for_each(|l| l.to_bits().hash(&mut run));
            (m.version.clone(), run.finish())
        });
        let settings = bench.settings();
        Self {
            version: bench.version().to_string(),
            edits: edits.finish(),
            model,
            settings: (settings.k, settings.threshold.to_bits()),
        }
    }

    /// The same state at another version.
    pub fn at_version(&self, version: &str) -> Self {
        Self {
            version: version.to_string(),
            ..self.clone()
        }
    }
}

/// What changed to make a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MomentKind {
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
pub struct Moment {
    /// The state it measured.
    pub key: MomentKey,
    /// What made it.
    pub kind: MomentKind,
    /// The version the tuned model had learned then.
    pub tuned_on: Option<String>,
    /// Knowledge accuracy per mode, in [`Mode::ALL`] order.
    pub knowledge: [Option<f64>; 4],
    /// Knowledge accuracy on facts changed since the model's training version, per mode.
    pub changed: [Option<f64>; 4],
    /// Stale-answer rate per mode.
    pub stale: [Option<f64>; 4],
}

impl Moment {
    /// A moment of `kind` for the state `key`, scored by `report`.
    pub fn new(key: MomentKey, kind: MomentKind, report: &EvalReport) -> Self {
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
        }
    }

    /// The first line of its label: the version.
    pub fn title(&self) -> String {
        self.key.version.clone()
    }

    /// The second line: what happened (short, it sits under a narrow column).
    pub fn subtitle(&self) -> String {
        match self.kind {
            MomentKind::Start | MomentKind::Version => "new docs".to_string(),
            MomentKind::Retrain => "retrain".to_string(),
            MomentKind::Edit => "edit".to_string(),
            MomentKind::Settings => format!("k={}", self.key.settings.0),
        }
    }

    /// Knowledge accuracy of `mode`.
    pub fn knowledge_of(&self, mode: Mode) -> Option<f64> {
        self.knowledge[index(mode)]
    }
}

fn index(mode: Mode) -> usize {
    Mode::ALL.iter().position(|m| *m == mode).unwrap_or(0)
}

/// The moments so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Story {
    moments: Vec<Moment>,
}

impl Story {
    /// The moments, oldest first.
    pub fn moments(&self) -> &[Moment] {
        &self.moments
    }

    /// True before anything was measured.
    pub fn is_empty(&self) -> bool {
        self.moments.is_empty()
    }

    /// Forgets every moment.
    pub fn clear(&mut self) {
        self.moments.clear();
    }

    /// Adds `moment`, dropping the oldest beyond [`KEEP`].
    pub fn push(&mut self, moment: Moment) {
        self.moments.push(moment);
        if self.moments.len() > KEEP {
            self.moments.remove(0);
        }
    }

    /// Records the state `key` scored by `report` if it differs from the last moment; the
    /// kind says what changed (a new model first, then the version, then edits). Returns
    /// whether a moment was added.
    pub fn observe(&mut self, key: MomentKey, report: &EvalReport) -> bool {
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

/// The chart's caption: one sentence on what to notice.
pub fn caption(moments: &[Moment]) -> String {
    let tuned: Vec<f64> = moments
        .iter()
        .filter_map(|m| m.knowledge_of(Mode::Tuned))
        .collect();
    let rag: Vec<f64> = moments
        .iter()
        .filter_map(|m| m.knowledge_of(Mode::Rag))
        .collect();
    if tuned.len() < 2 {
        return "Publish the next version of the documents to see what happens to each \
                mode's accuracy."
            .to_string();
    }
    let first = tuned[0];
    let lowest = tuned.iter().copied().fold(f64::INFINITY, f64::min);
    let (rag_low, rag_high) = rag
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let retrained = moments
        .iter()
        .rposition(|m| m.kind == MomentKind::Retrain)
        .and_then(|i| moments[i].knowledge_of(Mode::Tuned));
    let fall = if lowest < first - 0.02 {
        format!(
            "the fine-tuned line (triangles) falls from {} to {} as the documents change",
            percent(Some(first)),
            percent(Some(lowest))
        )
    } else {
        "the fine-tuned line (triangles) has not fallen yet".to_string()
    };
    let steady = format!(
        "retrieval (squares) stays between {} and {}",
        percent(Some(rag_low)),
        percent(Some(rag_high))
    );
    let end = match retrained {
        Some(after) => format!(
            "retraining brought the fine-tuned line back to {}",
            percent(Some(after))
        ),
        None => "press “Retrain now” to bring it back".to_string(),
    };
    format!("Notice: {fall}, while {steady}; {end}.")
}

/// Fine-tuned models learn updated facts poorly.
pub const FINETUNEBENCH: EvidenceItem = EvidenceItem {
    source: "Wu, Wu and Zou, “FineTuneBench”",
    year: "2024",
    reference: "arXiv:2411.05059",
    figure: "Commercial fine-tuning services taught models updated knowledge poorly: on average \
             19% of updated facts were learned, and 37% of new facts asked in new wording.",
    verification: Verification::Primary,
};

/// Retrieval keeps answers fresh.
pub const FRESHQA: EvidenceItem = EvidenceItem {
    source: "Vu et al., “FreshLLMs / FreshQA”",
    year: "2023",
    reference: "arXiv:2310.03214",
    figure: "Reported: putting search results in the prompt raised GPT-4's accuracy on \
             fast-changing questions by 47 points (strict scoring).",
    verification: Verification::Reported,
};

/// Our toy against [`FINETUNEBENCH`]: the latest moment's changed facts.
pub fn ours_updates(moments: &[Moment]) -> String {
    let Some(last) = moments.last() else {
        return String::new();
    };
    let (tuned, rag) = (
        last.changed[index(Mode::Tuned)],
        last.changed[index(Mode::Rag)],
    );
    match (tuned, rag) {
        (Some(t), Some(r)) if t + 0.02 < r => format!(
            "Our toy shows the same direction: of the facts that changed since the model was \
             trained, the fine-tuned model states {} of the new values, retrieval {}.",
            percent(tuned),
            percent(rag)
        ),
        (Some(_), Some(_)) => format!(
            "Our toy does not show a gap on changed facts right now (fine-tuned {}, \
             retrieval {}).",
            percent(tuned),
            percent(rag)
        ),
        _ => "No fact has changed since the model was trained, so there is no gap to show \
              here yet."
            .to_string(),
    }
}

/// Our toy against [`FRESHQA`]: the latest moment's stale answers.
pub fn ours_fresh(moments: &[Moment]) -> String {
    let Some(last) = moments.last() else {
        return String::new();
    };
    let (tuned, rag) = (last.stale[index(Mode::Tuned)], last.stale[index(Mode::Rag)]);
    if tuned.unwrap_or(0.0) > rag.unwrap_or(0.0) + 0.02 {
        format!(
            "Our toy shows the same direction: with the documents as of {}, {} of the \
             fine-tuned answers are out of date, {} of retrieval's.",
            last.key.version,
            percent(tuned),
            percent(rag)
        )
    } else {
        format!(
            "Right now the fine-tuned answers are no staler than retrieval's ({} against {}): \
             the model has learned the current documents.",
            percent(tuned),
            percent(rag)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::eval::ModeMetrics;

    fn key(version: &str, model: &str, edits: u64) -> MomentKey {
        MomentKey {
            version: version.into(),
            edits,
            model: Some((model.into(), 7)),
            settings: (5, 0),
        }
    }

    fn report(tuned: f64, rag: f64) -> EvalReport {
        let mut r = EvalReport::default();
        let m = |k: f64| ModeMetrics {
            knowledge_accuracy: Some(k),
            changed_accuracy: Some(k),
            stale_rate: Some(1.0 - k),
            ..ModeMetrics::default()
        };
        r.modes.tuned = m(tuned);
        r.modes.rag = m(rag);
        r
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
        assert_eq!(story.moments()[1].knowledge_of(Mode::Tuned), Some(0.5));
        for i in 0..KEEP {
            story.observe(key(&format!("v{i}"), "v2", 3), &report(0.9, 0.8));
        }
        assert_eq!(story.moments().len(), KEEP);
    }

    #[test]
    fn the_caption_tells_the_drop_and_the_recovery() {
        let mut story = Story::default();
        story.observe(key("v1", "v1", 0), &report(0.9, 0.8));
        assert!(caption(story.moments()).starts_with("Publish the next version"));
        story.observe(key("v2", "v1", 0), &report(0.5, 0.82));
        let text = caption(story.moments());
        assert!(text.contains("falls from 90.0% to 50.0%"), "{text}");
        assert!(text.contains("stays between 80.0% and 82.0%"), "{text}");
        assert!(
            text.ends_with("press “Retrain now” to bring it back."),
            "{text}"
        );
        story.observe(key("v2", "v2", 0), &report(0.85, 0.82));
        assert!(caption(story.moments()).ends_with("brought the fine-tuned line back to 85.0%."));
        assert!(ours_updates(story.moments()).starts_with("Our toy does not show a gap"));
        story.observe(key("v3", "v2", 0), &report(0.3, 0.8));
        assert!(ours_updates(story.moments()).starts_with("Our toy shows the same direction"));
        assert!(ours_fresh(story.moments()).contains("70.0% of the fine-tuned answers"));
    }
}
