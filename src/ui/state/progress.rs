//! What the learner has done, for course platforms: the views visited, the furthest tour step
//! reached, whether the tour was finished, and the knowledge check's score once there is one.
//! The host API reports it as the `progress` message whenever it changes, and takes it back
//! (`restoreProgress`) so a learner resumes in an LMS on another day or device. Plain structs,
//! tested natively; the context handle is [`Progress`].

use std::cell::RefCell;

use leptos::prelude::*;

use super::host_api::post_json;

use super::view_id::ViewId;

/// The knowledge check's result, as the `check` field of the `progress` message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CheckScore {
    /// The learner submitted their answers.
    pub(crate) submitted: bool,
    /// Questions answered right.
    pub(crate) correct: u32,
    /// Questions in the check.
    pub(crate) total: u32,
    /// `correct` as a whole percentage of `total` (what an LMS records as the raw score).
    pub(crate) score_percent: u32,
}

impl CheckScore {
    /// A submitted check with `correct` of `total` right (`correct` is capped at `total`).
    pub(crate) fn submitted(correct: u32, total: u32) -> Self {
        let correct = correct.min(total);
        let score_percent = (correct * 100).checked_div(total).unwrap_or(0);
        Self {
            submitted: true,
            correct,
            total,
            score_percent,
        }
    }
}

/// The facts the `progress` message reports ([`LearnerProgress::message_json`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LearnerProgress {
    /// The views opened: bit `i` is `ViewId::ALL[i]` (a set with no sorting code in the wasm).
    visited: u32,
    /// The furthest tour step (1-based) the learner reached; 0 before the tour.
    pub(crate) tour_step_reached: u32,
    /// How many steps the tour has.
    pub(crate) tour_steps: u32,
    /// The learner reached the end of the tour and pressed Finish.
    pub(crate) tour_completed: bool,
    /// Whether the app has a knowledge check, so a host knows whether to wait for `check`.
    pub(crate) check_available: bool,
    /// The knowledge check's result; `None` until it is submitted.
    pub(crate) check: Option<CheckScore>,
}

impl LearnerProgress {
    /// Nothing done yet, in a tour of `tour_steps` steps.
    pub(crate) fn new(tour_steps: usize) -> Self {
        Self {
            tour_steps: tour_steps as u32,
            check_available: true,
            ..Self::default()
        }
    }

    /// Records a visit to `view`; true when it is the first.
    pub(crate) fn visit(&mut self, view: ViewId) -> bool {
        let bit = 1 << ViewId::ALL.iter().position(|v| *v == view).unwrap_or(0);
        let first = self.visited & bit == 0;
        self.visited |= bit;
        first
    }

    /// Slugs of the views opened, in navigation order.
    pub(crate) fn views_visited(&self) -> Vec<&'static str> {
        ViewId::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| self.visited & (1 << i) != 0)
            .map(|(_, v)| v.slug())
            .collect()
    }

    /// Records that the tour showed step `step` (1-based); true when it is further than before.
    pub(crate) fn reach_step(&mut self, step: usize) -> bool {
        let step = (step as u32).min(self.tour_steps);
        if step <= self.tour_step_reached {
            return false;
        }
        self.tour_step_reached = step;
        true
    }

    /// Records that the learner finished the tour; true the first time.
    pub(crate) fn complete_tour(&mut self) -> bool {
        let first = !self.tour_completed;
        self.tour_completed = true;
        self.tour_step_reached = self.tour_steps;
        first
    }

    /// The step a "Resume the tour" button should open, from progress alone (a tour left
    /// part-way, not finished); `None` when there is nothing to resume.
    pub(crate) fn resume_step(&self) -> Option<usize> {
        (!self.tour_completed && self.tour_step_reached > 1)
            .then_some(self.tour_step_reached as usize)
    }

    /// The `progress` message as JSON text: `{"source":"rag-or-tune","type":"progress",
    /// "viewsVisited":[..],"tourStepReached":n,"tourSteps":n,"tourCompleted":b,
    /// "checkAvailable":b,"check":null|{"submitted":b,"correct":n,"total":n,"scorePercent":n}}`.
    /// Written by hand: a serde derive of it cost several KB of wasm. View slugs are plain
    /// lowercase words, so nothing needs escaping.
    pub(crate) fn message_json(&self) -> String {
        let views: Vec<String> = self
            .views_visited()
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect();
        let check = self.check.map_or_else(
            || "null".to_string(),
            |c| {
                format!(
                    r#"{{"submitted":{},"correct":{},"total":{},"scorePercent":{}}}"#,
                    c.submitted, c.correct, c.total, c.score_percent
                )
            },
        );
        format!(
            r#"{{"source":"{}","type":"progress","viewsVisited":[{}],"tourStepReached":{},"tourSteps":{},"tourCompleted":{},"checkAvailable":{},"check":{}}}"#,
            super::host_api::SOURCE,
            views.join(","),
            self.tour_step_reached,
            self.tour_steps,
            self.tour_completed,
            self.check_available,
            check
        )
    }

    /// Adds progress saved elsewhere (an LMS's suspend data, through `restoreProgress`): views
    /// are joined (unknown ones dropped), the furthest step (capped at the tour's length) and a
    /// finished tour kept. True when anything changed.
    pub(crate) fn merge(&mut self, restored: &RestoredProgress) -> bool {
        let mut changed = false;
        for view in restored
            .views_visited
            .iter()
            .filter_map(|s| ViewId::from_slug(s))
        {
            changed |= self.visit(view);
        }
        changed |= self.reach_step(restored.tour_step_reached as usize);
        if restored.tour_completed {
            changed |= self.complete_tour();
        }
        changed
    }
}

/// Progress a host saved earlier, as `restoreProgress` carries it (the `progress` message's
/// spelling; fields of another type are empty, unknown ones ignored). The check's result is
/// not taken back: the host keeps the score it was sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestoredProgress {
    /// View slugs.
    pub views_visited: Vec<String>,
    /// The furthest tour step reached.
    pub(crate) tour_step_reached: u32,
    /// The tour was finished.
    pub(crate) tour_completed: bool,
}

impl RestoredProgress {
    /// Reads the `progress` field of a `restoreProgress` message (already size-checked and
    /// parsed; `serde_json::Value` is in the wasm anyway, a derive would add to it).
    pub(crate) fn from_json(progress: &serde_json::Value) -> Self {
        let views = progress.get("viewsVisited").and_then(|v| v.as_array());
        Self {
            views_visited: views
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str())
                .filter(|slug| ViewId::from_slug(slug).is_some())
                .take(ViewId::ALL.len())
                .map(str::to_string)
                .collect(),
            tour_step_reached: progress
                .get("tourStepReached")
                .and_then(|v| v.as_u64())
                .map_or(0, |n| n.min(u32::MAX as u64) as u32),
            tour_completed: progress.get("tourCompleted").and_then(|v| v.as_bool()) == Some(true),
        }
    }
}

thread_local! {
    /// The record itself. Plain (not a signal): nothing renders it, and every change is posted
    /// to the host at once, which saved the wasm of a signal and an effect of its own.
    static RECORD: RefCell<LearnerProgress> = RefCell::default();
}

/// The learner's progress, provided once at the root: a `Copy` handle that changes the record
/// (kept in this thread) and the one thing a view shows from it, the step to resume the tour at.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Progress {
    /// The step a "Resume the tour" button opens when this browser remembers none (from
    /// progress restored by a course platform).
    pub(crate) resume_step: RwSignal<Option<usize>>,
}

impl Progress {
    /// Starts a fresh record for a tour of `tour_steps` steps.
    pub(crate) fn new(tour_steps: usize) -> Self {
        RECORD.with_borrow_mut(|p| *p = LearnerProgress::new(tour_steps));
        Self {
            resume_step: RwSignal::new(None),
        }
    }

    /// The handle provided by the app root.
    pub(crate) fn use_context() -> Self {
        expect_context::<Self>()
    }

    /// Changes the record with `change`; when it reports a change, the host page is sent the
    /// new `progress` message and the resume step is brought up to date.
    pub(crate) fn record(self, change: impl FnOnce(&mut LearnerProgress) -> bool) {
        let news =
            RECORD.with_borrow_mut(|p| change(p).then(|| (p.message_json(), p.resume_step())));
        if let Some((message, resume)) = news {
            post_json(&message);
            if self.resume_step.get_untracked() != resume {
                self.resume_step.set(resume);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_steps_and_completion_are_recorded_once() {
        let mut p = LearnerProgress::new(11);
        assert!(p.visit(ViewId::Map));
        assert!(p.visit(ViewId::Ask));
        assert!(!p.visit(ViewId::Map));
        assert_eq!(p.views_visited(), vec!["ask", "map"]);
        assert!(p.reach_step(3));
        assert!(!p.reach_step(2));
        assert!(!p.reach_step(3));
        assert_eq!(p.resume_step(), Some(3));
        assert!(p.complete_tour());
        assert!(!p.complete_tour());
        assert_eq!(p.tour_step_reached, 11);
        assert_eq!(p.resume_step(), None);
    }

    #[test]
    fn the_message_fields_are_spelled_as_documented() {
        let mut p = LearnerProgress::new(11);
        p.visit(ViewId::Ask);
        p.reach_step(2);
        p.check = Some(CheckScore::submitted(7, 8));
        assert_eq!(
            p.message_json(),
            r#"{"source":"rag-or-tune","type":"progress","viewsVisited":["ask"],"tourStepReached":2,"tourSteps":11,"tourCompleted":false,"checkAvailable":true,"check":{"submitted":true,"correct":7,"total":8,"scorePercent":87}}"#
        );
        let empty: serde_json::Value =
            serde_json::from_str(&LearnerProgress::new(11).message_json()).unwrap();
        assert_eq!(empty["check"], serde_json::Value::Null);
        assert_eq!(empty["viewsVisited"], serde_json::json!([]));
    }

    #[test]
    fn restored_progress_is_merged() {
        let mut p = LearnerProgress::new(11);
        p.visit(ViewId::Cost);
        let restored = RestoredProgress::from_json(&serde_json::json!({
            "viewsVisited": ["ask", "nowhere", 5, "map"], "tourStepReached": 999, "other": 1
        }));
        assert!(p.merge(&restored));
        assert_eq!(p.views_visited(), vec!["ask", "map", "cost"]);
        assert_eq!(p.tour_step_reached, 11, "capped at the tour's length");
        assert!(!p.tour_completed);
        assert!(!p.merge(&restored), "the same again changes nothing");
        assert!(p.merge(&RestoredProgress {
            tour_completed: true,
            ..RestoredProgress::default()
        }));
        assert!(p.tour_completed);
        for junk in [
            serde_json::json!({ "viewsVisited": "ask", "tourStepReached": -3 }),
            serde_json::json!("junk"),
            serde_json::json!({ "tourCompleted": "yes", "tourStepReached": 2.5 }),
        ] {
            assert_eq!(
                RestoredProgress::from_json(&junk),
                RestoredProgress::default()
            );
        }
    }

    #[test]
    fn a_check_with_no_questions_scores_zero() {
        assert_eq!(CheckScore::submitted(0, 0).score_percent, 0);
        assert_eq!(CheckScore::submitted(3, 6).score_percent, 50);
    }
}
