//! The knowledge check (issue 23, item 2): questions built on what the learner saw in the app
//! (the price change, the citation, the near miss, the trade-off chart, the cost crossing) and
//! on the decision guide's rule, each explained after submission with a "Show me" scene that
//! proves it. The view is `views/check`; the scoring is `state::check`.

use super::{Scene, NEAR_MISS_QUESTION, PRICE_QUESTION};
use crate::ui::state::ViewId;

/// One question: predict first, the explanation and its proof come after submission.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CheckQuestion {
    /// Stable id (test hook, storage).
    pub(crate) id: &'static str,
    /// The question.
    pub(crate) prompt: &'static str,
    /// The choices (two to four).
    pub(crate) choices: &'static [&'static str],
    /// Index of the right choice.
    pub(crate) correct: usize,
    /// Why, shown after submission whatever was chosen.
    pub(crate) explain: &'static str,
    /// The live state that proves it ("Show me").
    pub(crate) show_me: Scene,
}

const fn scene(view: ViewId, question: &'static str, tuned: bool, version: &'static str) -> Scene {
    Scene {
        view,
        question: Some(question),
        retrieval: true,
        tuned,
        version,
        curated: true,
    }
}

/// The check's heading.
pub(crate) const TITLE: &str = "Knowledge check";
/// What it is, above the questions.
pub(crate) const LEAD: &str =
    "Eight questions on what you saw. Answer all of them, then submit: each \
     answer is explained, with a link to the view that shows it. Your score stays in this browser.";
/// The submit button.
pub(crate) const SUBMIT: &str = "Submit answers";
/// Start again.
pub(crate) const RETRY: &str = "Try again";
/// The link to the proof.
pub(crate) const SHOW_ME: &str = "Show me";
/// Shown before the explanation of a right answer.
pub(crate) const RIGHT: &str = "Right.";
/// Shown before the explanation of a wrong answer.
pub(crate) const WRONG: &str = "Not quite.";

/// What is left before submitting, e.g. "3 questions left".
pub(crate) fn open_line(open: usize) -> String {
    match open {
        0 => "All answered: submit when ready.".to_string(),
        1 => "1 question left.".to_string(),
        n => format!("{n} questions left."),
    }
}

/// The score line after submission, e.g. "6 of 8 right (75%)".
pub(crate) fn score_line(correct: u32, total: u32, percent: u32) -> String {
    format!("{correct} of {total} right ({percent}%)")
}

/// The questions, in order.
pub(crate) const QUESTIONS: &[CheckQuestion] = &[
    CheckQuestion {
        id: "price-change",
        prompt: "After the July 2024 price change, retrieval answered $14 and the model \
                 fine-tuned on the January documents answered $12. Which was right, and why?",
        choices: &[
            "Retrieval: it read the July documents; the tuned model's knowledge is frozen at \
             its training snapshot",
            "The tuned model: training makes a model remember facts more reliably",
            "Both: each is right for its own version of the documents",
        ],
        correct: 0,
        explain: "The price is $14 since July 2024. Retrieval reads the documents as they are \
                  now; a tuned model only knows what its training data said, until it is \
                  retrained.",
        show_me: scene(ViewId::Ask, PRICE_QUESTION, true, "v2"),
    },
    CheckQuestion {
        id: "citation",
        prompt: "Which system can show the passage its answer came from?",
        choices: &["Retrieval", "The fine-tuned model", "Both"],
        correct: 0,
        explain: "Retrieval quotes a passage from a named document; a tuned model's answer \
                  comes from its weights, with nothing to point at.",
        show_me: scene(ViewId::Inspector, PRICE_QUESTION, false, "v2"),
    },
    CheckQuestion {
        id: "retrain",
        prompt: "How does a fine-tuned model catch up with a changed fact?",
        choices: &[
            "It picks it up at once from the new documents",
            "Only by being trained again on data with the new fact",
            "It cannot: tuned models never change",
        ],
        correct: 1,
        explain: "Retraining on the new version fixes the answer, at the cost of a training \
                  run every time the facts change.",
        show_me: scene(ViewId::Ask, PRICE_QUESTION, true, "v2"),
    },
    CheckQuestion {
        id: "near-miss",
        prompt: "The documents do not say how many API calls a Pro workspace may make per \
                 day. What does the tuned model do with that question?",
        choices: &[
            "Says it does not know",
            "Answers anyway, with something that sounds right",
            "Quotes the closest passage with its source",
        ],
        correct: 1,
        explain: "A tuned model always produces an answer, here one borrowed from a similar \
                  fact. Retrieval declines or quotes the closest passage, and its citation \
                  lets you check it.",
        show_me: scene(ViewId::Ask, NEAR_MISS_QUESTION, true, "v3"),
    },
    CheckQuestion {
        id: "format",
        prompt: "On the trade-off chart, which kind of system scores highest on following \
                 the company's house format?",
        choices: &[
            "Retrieval alone",
            "The systems with tuned weights",
            "The base model",
        ],
        correct: 1,
        explain: "Format is behaviour, and behaviour is what fine-tuning teaches; retrieval \
                  adds knowledge, further right on the chart.",
        show_me: scene(ViewId::Tradeoff, PRICE_QUESTION, true, "v3"),
    },
    CheckQuestion {
        id: "cost",
        prompt: "Where does fine-tuning's upfront cost pay off against retrieval's cost per \
                 question?",
        choices: &[
            "Never: retrieval is always cheaper",
            "Past the number of questions where the two cost lines cross",
            "At once: tuning is cheaper from the first question",
        ],
        correct: 1,
        explain: "Retrieval costs a little on every question; tuning costs up front and again \
                  at each retrain. Past the crossing, the upfront cost has paid off.",
        show_me: scene(ViewId::Cost, PRICE_QUESTION, true, "v3"),
    },
    CheckQuestion {
        id: "decide-weekly-cite",
        prompt: "Prices change weekly and answers must cite a source. Which approach?",
        choices: &["Retrieval", "Fine-tuning", "Better prompting first"],
        correct: 0,
        explain: "Both needs are knowledge needs: retrieval picks up a change at once and can \
                  point at its source.",
        show_me: scene(ViewId::Guide, PRICE_QUESTION, true, "v3"),
    },
    CheckQuestion {
        id: "decide-format",
        prompt: "Answers rest on your own documents, which change monthly, and must follow a \
                 strict format; you have thousands of examples and a stable task. Which \
                 approach?",
        choices: &["Retrieval", "Fine-tuning", "Both"],
        correct: 2,
        explain: "Retrieve for the changing knowledge, tune for the format: with enough \
                  examples and a stable task, tuning is viable.",
        show_me: scene(ViewId::Guide, PRICE_QUESTION, true, "v3"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decide::{decide, Answers, ChangeRate, Examples, Recommendation};

    #[test]
    fn six_to_ten_well_formed_questions() {
        assert!((6..=10).contains(&QUESTIONS.len()));
        let mut ids: Vec<_> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len(), "ids are unique");
        for q in QUESTIONS {
            assert!((2..=4).contains(&q.choices.len()), "{}", q.id);
            assert!(q.correct < q.choices.len(), "{}", q.id);
            assert!(!q.explain.is_empty() && !q.prompt.is_empty(), "{}", q.id);
        }
    }

    /// The decision scenarios say what the decision guide (core::decide) says.
    #[test]
    fn decision_questions_agree_with_the_guide() {
        let weekly_cite = Answers {
            own_knowledge: Some(true),
            change: Some(ChangeRate::Weekly),
            must_cite: Some(true),
            format_matters: Some(false),
            latency_tight: Some(false),
            examples: Some(Examples::Few),
            task_stable: Some(true),
        };
        let both = Answers {
            change: Some(ChangeRate::Monthly),
            must_cite: Some(false),
            format_matters: Some(true),
            examples: Some(Examples::Many),
            ..weekly_cite
        };
        let answer = |id: &str| {
            let q = QUESTIONS.iter().find(|q| q.id == id).unwrap();
            q.choices[q.correct]
        };
        assert_eq!(
            decide(&weekly_cite).unwrap().recommendation,
            Recommendation::Retrieval
        );
        assert_eq!(answer("decide-weekly-cite"), "Retrieval");
        assert_eq!(decide(&both).unwrap().recommendation, Recommendation::Both);
        assert_eq!(answer("decide-format"), "Both");
    }
}
