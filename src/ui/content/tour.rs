//! The guided tour's steps: one sentence, one thing to do or notice, the scene it sets, and at
//! a few steps a prediction to make before the answer is shown.

use super::{Scene, NEAR_MISS_QUESTION, PRICE_QUESTION};
use crate::ui::state::ViewId;

/// The entry point's words.
pub(crate) const START: &str = "Start the tour";
/// The entry point when a tour was left part-way.
pub(crate) fn resume(step: usize) -> String {
    format!("Resume the tour (step {step})")
}
/// Progress, e.g. "Step 3 of 11".
pub(crate) fn progress(step: usize, total: usize) -> String {
    format!("Step {step} of {total}")
}
/// Buttons.
pub(crate) const BACK: &str = "Back";
/// Next step.
pub(crate) const NEXT: &str = "Next";
/// The last step's button.
pub(crate) const FINISH: &str = "Finish";
/// Close at any time.
pub(crate) const CLOSE: &str = "Close tour";
/// Skip a prediction.
pub(crate) const SHOW_ANSWER: &str = "Just show me";
/// The label in front of the thing to do.
pub(crate) const DO_LABEL: &str = "Try:";
/// Shown after a right prediction.
pub(crate) const RIGHT: &str = "Right.";
/// Shown after a wrong prediction.
pub(crate) const NOT_QUITE: &str = "Not quite.";
/// Keyboard hint.
pub(crate) const KEYS: &str = "← → step · 1-3 answer · Esc close";
/// The panel's accessible name.
pub(crate) const PANEL_LABEL: &str = "Guided tour";

/// A question to answer before the step's scene is shown.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Predict {
    /// The question.
    pub(crate) question: &'static str,
    /// The choices (at most three, so the keys 1-3 reach them).
    pub(crate) choices: &'static [&'static str],
    /// Index of the right choice.
    pub(crate) correct: usize,
    /// Shown after answering.
    pub(crate) reveal: &'static str,
    /// The scene shown while the learner thinks (the step's scene comes on reveal).
    pub(crate) before: Scene,
}

/// One step.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    /// Stable id (test hook).
    pub(crate) id: &'static str,
    /// The one sentence.
    pub(crate) text: &'static str,
    /// The one thing to do or notice.
    pub(crate) action: &'static str,
    /// The state the step sets.
    pub(crate) scene: Scene,
    /// A prediction to make first, if any.
    pub(crate) predict: Option<Predict>,
}

const fn scene(
    view: ViewId,
    question: Option<&'static str>,
    retrieval: bool,
    tuned: bool,
    version: &'static str,
    curated: bool,
) -> Scene {
    Scene {
        view,
        question,
        retrieval,
        tuned,
        version,
        curated,
    }
}

/// The tour, in order.
pub(crate) const STEPS: &[Step] = &[
    Step {
        id: "four-systems",
        text: "One question, four systems: a base model, retrieval over a made-up company's \
               documents, a model fine-tuned on the company's questions, and both together.",
        action: "Read the four answer cards: only the base model does not know the price of \
                 the Pro plan.",
        scene: scene(ViewId::Ask, Some(PRICE_QUESTION), true, true, "v1", true),
        predict: None,
    },
    Step {
        id: "price-change",
        text: "In July 2024 the company raised the Pro price from $12 to $14; the tuned model \
               was trained on the January 2024 documents.",
        action: "Compare the retrieval card with the tuned card.",
        scene: scene(ViewId::Ask, Some(PRICE_QUESTION), true, true, "v2", true),
        predict: Some(Predict {
            question: "What will the tuned model say now?",
            choices: &[
                "$12, the old price",
                "$14, the new price",
                "That it does not know",
            ],
            correct: 0,
            reveal: "It still says $12: what it learned is frozen at its training snapshot. \
                     Retrieval read the July documents and says $14, with a citation.",
            before: scene(ViewId::Ask, Some(PRICE_QUESTION), true, true, "v1", true),
        }),
    },
    Step {
        id: "citations",
        text: "Retrieval can show exactly where an answer came from.",
        action: "Look at the top passage and its score: the pricing document. A tuned model \
                 has nothing to point at.",
        scene: scene(
            ViewId::Inspector,
            Some(PRICE_QUESTION),
            true,
            false,
            "v2",
            true,
        ),
        predict: None,
    },
    Step {
        id: "retrain",
        text: "Fine-tuning can catch up with the change, but only by training again.",
        action: "Press \"Retrain on v2 now\" under the toggles and watch the tuned card; note \
                 how long training took.",
        scene: scene(ViewId::Ask, Some(PRICE_QUESTION), true, true, "v2", true),
        predict: None,
    },
    Step {
        id: "wording",
        text: "A tuned model learns the wording it was trained on better than the facts \
               behind it.",
        action: "Compare its accuracy on the trained phrasings with its accuracy on held-out \
                 paraphrases of the same facts.",
        scene: scene(
            ViewId::Training,
            Some(PRICE_QUESTION),
            true,
            true,
            "v2",
            true,
        ),
        predict: None,
    },
    Step {
        id: "near-miss",
        text: "A new question: \"How many API calls can a Pro workspace make per day?\" The \
               documents do not say.",
        action: "Compare what the retrieval card and the tuned card do with a question that \
                 has no answer.",
        scene: scene(
            ViewId::Ask,
            Some(NEAR_MISS_QUESTION),
            true,
            true,
            "v3",
            true,
        ),
        predict: Some(Predict {
            question: "What will the tuned model do?",
            choices: &[
                "Say it does not know",
                "Answer anyway, with something that sounds right",
            ],
            correct: 1,
            reveal: "It answers anyway: a tuned model always produces some answer, here one \
                     borrowed from a similar fact. Retrieval either declines or quotes the \
                     closest passage it found, and its citation lets you check that the passage \
                     does not answer the question.",
            before: scene(ViewId::Ask, Some(PRICE_QUESTION), true, true, "v3", true),
        }),
    },
    Step {
        id: "format",
        text: "Fine-tuning changes behaviour: the tuned answers follow the company's house \
               format.",
        action: "On the chart, find the tuned points high on format compliance and the \
                 retrieval point further right on knowledge.",
        scene: scene(
            ViewId::Tradeoff,
            Some(PRICE_QUESTION),
            true,
            true,
            "v3",
            true,
        ),
        predict: None,
    },
    Step {
        id: "freshness",
        text: "Across three versions of the documents, retrieval keeps up and the tuned model \
               falls behind until it is retrained.",
        action: "Follow each system's accuracy from January 2024 to January 2025.",
        scene: scene(
            ViewId::Timeline,
            Some(PRICE_QUESTION),
            true,
            true,
            "v3",
            true,
        ),
        predict: None,
    },
    Step {
        id: "documents",
        text: "Retrieval is only as good as the documents it searches.",
        action: "The app normally leaves outdated and low-signal documents out of the index; \
                 they are back in while you predict, and out again now. Compare the passages.",
        scene: scene(
            ViewId::Inspector,
            Some(PRICE_QUESTION),
            true,
            false,
            "v3",
            true,
        ),
        predict: Some(Predict {
            question: "If outdated and low-signal documents are left out, will retrieval find \
                       the right document more often or less often?",
            choices: &["More often", "Less often", "No difference"],
            correct: 0,
            reveal: "More often: fewer distractors compete for the top five places. The \
                     Concepts page measures it on every evaluation question.",
            before: scene(
                ViewId::Inspector,
                Some(PRICE_QUESTION),
                true,
                false,
                "v3",
                false,
            ),
        }),
    },
    Step {
        id: "cost",
        text: "Retrieval costs a little on every question; fine-tuning costs up front, and \
               again at every retrain.",
        action: "Find where the two cost lines cross: past that many questions, tuning's \
                 upfront cost has paid off.",
        scene: scene(ViewId::Cost, Some(PRICE_QUESTION), true, true, "v3", true),
        predict: None,
    },
    Step {
        id: "decide",
        text: "Now apply the rule to your own case: retrieval for knowledge, fine-tuning for \
               behaviour, both when you need both.",
        action: "Answer the seven questions and read the reasons behind the recommendation.",
        scene: scene(ViewId::Guide, Some(PRICE_QUESTION), true, true, "v3", true),
        predict: None,
    },
    Step {
        id: "check",
        text: "Check what you learned: a few questions on what you just saw, each explained \
               after you submit, with a link to the view that proves it.",
        action: "Answer every question, then press Submit and read why.",
        scene: scene(ViewId::Check, Some(PRICE_QUESTION), true, true, "v3", true),
        predict: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tour_has_eight_to_twelve_steps_and_a_few_predictions() {
        assert!((8..=12).contains(&STEPS.len()));
        let predictions = STEPS.iter().filter(|s| s.predict.is_some()).count();
        assert!((2..=3).contains(&predictions));
    }

    #[test]
    fn predictions_are_well_formed() {
        for step in STEPS {
            if let Some(p) = step.predict {
                assert!((2..=3).contains(&p.choices.len()), "{}", step.id);
                assert!(p.correct < p.choices.len(), "{}", step.id);
                assert_eq!(p.before.view, step.scene.view, "{}", step.id);
            }
        }
    }

    #[test]
    fn step_ids_are_unique() {
        let mut ids: Vec<_> = STEPS.iter().map(|s| s.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), STEPS.len());
    }
}
