//! The decision guide's text: questions, options, recommendations and reasons.

use crate::core::decide::{Reason, Recommendation};

/// The view's heading.
pub(crate) const TITLE: &str = "Decision guide";
/// One sentence on what it does.
pub(crate) const LEAD: &str =
    "Seven questions about your own use case. The recommendation follows the \
rule this app demonstrates: retrieval for knowledge, fine-tuning for behaviour when there is \
enough data and the task is stable, and a better prompt before either when neither is needed yet.";
/// Shown until every question is answered.
pub(crate) const OPEN_PREFIX: &str = "Answer the remaining questions to see a recommendation: ";
/// Suffix after the count of open questions.
pub(crate) const OPEN_SUFFIX: &str = " left.";
/// Heading over the recommendation.
pub(crate) const RESULT_HEADING: &str = "Recommendation";
/// Heading over the reasons.
pub(crate) const REASONS_HEADING: &str = "Why";
/// The share link's label.
pub(crate) const SHARE_LABEL: &str = "Link to these answers";
/// The copy button.
pub(crate) const COPY: &str = "Copy";
/// After copying.
pub(crate) const COPIED: &str = "Copied";
/// The reset button.
pub(crate) const RESET: &str = "Start over";
/// A caution under every result.
pub(crate) const CAVEAT: &str =
    "A rule of thumb, not a verdict: try the recommendation on a small \
sample of your own questions and measure, as this app does.";

/// One multiple-choice question. `key` is its letter in the `guide=` code.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GuideQuestion {
    /// Letter in the URL code.
    pub(crate) key: char,
    /// The question.
    pub(crate) text: &'static str,
    /// A short hint under it.
    pub(crate) hint: &'static str,
    /// The options, in the order of their digit in the code.
    pub(crate) options: &'static [&'static str],
}

/// The questions, in order.
pub(crate) const QUESTIONS: &[GuideQuestion] = &[
    GuideQuestion {
        key: 'k',
        text: "Must it answer from your own documents?",
        hint: "Facts a public model cannot know: your prices, policies, products.",
        options: &["No", "Yes"],
    },
    GuideQuestion {
        key: 'c',
        text: "How often does that information change?",
        hint: "Prices, stock, rules, release notes.",
        options: &["Rarely", "About monthly", "Weekly or faster"],
    },
    GuideQuestion {
        key: 's',
        text: "Must answers cite their source?",
        hint: "So a reader or an auditor can check them.",
        options: &["No", "Yes"],
    },
    GuideQuestion {
        key: 'f',
        text: "Does a strict output format or tone matter?",
        hint: "A fixed template, a JSON shape, a house style.",
        options: &["No", "Yes"],
    },
    GuideQuestion {
        key: 'l',
        text: "Is latency tight?",
        hint: "Every extra step per request hurts (a search, a long prompt).",
        options: &["No", "Yes"],
    },
    GuideQuestion {
        key: 'e',
        text: "How many labelled examples do you have?",
        hint: "Pairs of a request and the ideal answer, checked by a person.",
        options: &["Fewer than 50", "50 to 1,000", "More than 1,000"],
    },
    GuideQuestion {
        key: 't',
        text: "Will the task stay the same for months?",
        hint: "Same kind of request, same kind of answer.",
        options: &["No, it is still changing", "Yes"],
    },
];

/// The recommendation's headline.
pub(crate) fn recommendation_title(rec: Recommendation) -> &'static str {
    match rec {
        Recommendation::Retrieval => "Retrieval (a base model plus your documents)",
        Recommendation::FineTuning => "Fine-tuning",
        Recommendation::Both => "Both: fine-tune for behaviour, retrieve for knowledge",
        Recommendation::PromptFirst => "Improve the prompt first",
    }
}

/// One sentence on what to do next.
pub(crate) fn recommendation_next(rec: Recommendation) -> &'static str {
    match rec {
        Recommendation::Retrieval => {
            "Index your documents, retrieve a few passages per \
            question, and have the model answer from them with citations."
        }
        Recommendation::FineTuning => {
            "Fine-tune on your checked examples, hold some back to \
            measure on new wording, and retrain when the task changes."
        }
        Recommendation::Both => {
            "Start with retrieval; once it works, fine-tune on examples \
            that include retrieved passages so the format comes from the tuning and the \
            facts from the documents."
        }
        Recommendation::PromptFirst => {
            "Write clear instructions and put a few examples in the \
            prompt; measure; come back here when you know what is still missing."
        }
    }
}

/// The sentence for one reason.
pub(crate) fn reason_text(reason: Reason) -> &'static str {
    match reason {
        Reason::DataChanges => {
            "The information changes often: retrieval uses a changed \
            document at once, while a tuned model stays stale until retrained."
        }
        Reason::MustCite => {
            "Answers must cite: only retrieval can point at the passage an \
            answer came from; a tuned model answers from its weights."
        }
        Reason::OwnKnowledge => {
            "The answers rest on your own documents: retrieval adds \
            knowledge more reliably than fine-tuning does."
        }
        Reason::FormatMatters => {
            "A strict format or tone is behaviour, and behaviour is what \
            fine-tuning teaches best."
        }
        Reason::LatencyTight => {
            "Latency is tight: a tuned model answers without a search step \
            or a long prompt of instructions."
        }
        Reason::TuningViable => {
            "You have enough examples and a stable task, so fine-tuning \
            is unlikely to overfit or need constant retraining."
        }
        Reason::TooFewExamples => {
            "With fewer than about 50 examples, fine-tuning tends to \
            overfit; examples in the prompt are the better first step."
        }
        Reason::TaskUnstable => {
            "The task is still changing: a tuned model would need \
            retraining every time it does."
        }
        Reason::RetrievalAddsLatency => {
            "Retrieval adds a step per request: keep the number of \
            passages small and measure the time it adds."
        }
        Reason::NothingToAdd => {
            "Nothing here needs new knowledge or new behaviour: a base \
            model with a clear prompt may be all it takes."
        }
        Reason::PromptForFormatMeanwhile => {
            "For the format, use instructions and examples in \
            the prompt for now; consider fine-tuning once you have enough examples and the \
            task has settled."
        }
    }
}
