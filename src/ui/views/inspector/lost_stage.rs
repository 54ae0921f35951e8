//! The inspector's answer to "why did retrieval only fail?": which stage lost the answer.

use leptos::prelude::*;

use crate::core::modes::{Diagnosis, FactMatch, LostAt};

/// The sentence shown for `diagnosis` (k passages, reader threshold `threshold`), and whether
/// it reports a loss. `None`: there is no question.
pub(crate) fn lost_stage_text(
    diagnosis: Option<&Diagnosis>,
    k: usize,
    threshold: f32,
) -> (String, bool) {
    let Some(diagnosis) = diagnosis else {
        return (
            "Which stage lost an answer can be told only for a question tied to a known fact \
             (one of the corpus's questions, or close in meaning to one); this one is not."
                .to_string(),
            false,
        );
    };
    let Diagnosis::Fact {
        matched,
        document,
        rank,
        best,
        lost_at,
        ..
    } = diagnosis
    else {
        return (
            "This is one of the corpus's unanswerable questions: the documents do not say, so \
             declining is the right answer."
                .to_string(),
            false,
        );
    };
    let tied = match matched {
        FactMatch::SameText => String::new(),
        FactMatch::Closest { question, cosine } => {
            format!("Taken to ask what “{question}” asks (cosine {cosine:.2}). ")
        }
    };
    let score = best.as_ref().map_or(0.0, |(_, s)| *s);
    let stage = match lost_at {
        LostAt::Nothing => format!(
            "Nothing lost: “{document}” (passage {}) states the answer and the reader quotes it.",
            rank.unwrap_or(0)
        ),
        LostAt::NotRetrieved => format!(
            "Lost at retrieval: “{document}”, which states the answer, is not in the top {k}."
        ),
        LostAt::NotPicked => format!(
            "Lost at reading: “{document}” is retrieved (passage {}), but the reader's best \
             sentence is another one: “{}”",
            rank.unwrap_or(0),
            best.as_ref().map_or("", |(s, _)| s.as_str())
        ),
        LostAt::BelowThreshold => format!(
            "Lost at the threshold: the reader picked the answering sentence in “{document}” but \
             scored it {score:.2}, under the threshold {threshold:.2}."
        ),
    };
    (format!("{tied}{stage}"), *lost_at != LostAt::Nothing)
}

/// The diagnosis line under the reader's verdict.
#[component]
pub(crate) fn LostStage(diagnosis: Option<Diagnosis>, k: usize, threshold: f32) -> impl IntoView {
    let (text, lost) = lost_stage_text(diagnosis.as_ref(), k, threshold);
    view! {
        <p class="lost-stage" class:lost-stage--lost=lost>
            {text}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(lost_at: LostAt, rank: Option<usize>) -> Diagnosis {
        Diagnosis::Fact {
            matched: FactMatch::SameText,
            fact: "price.pro".into(),
            document: "Pricing".into(),
            rank,
            best: Some(("Pro costs $14.".into(), 0.02)),
            lost_at,
        }
    }

    #[test]
    fn each_stage_is_named_with_its_evidence() {
        let (text, lost) = lost_stage_text(Some(&fact(LostAt::NotRetrieved, None)), 5, 0.06);
        assert!(lost && text.contains("not in the top 5"), "{text}");
        let (text, _) = lost_stage_text(Some(&fact(LostAt::NotPicked, Some(2))), 5, 0.06);
        assert!(
            text.contains("passage 2") && text.contains("Pro costs $14."),
            "{text}"
        );
        let (text, _) = lost_stage_text(Some(&fact(LostAt::BelowThreshold, Some(1))), 5, 0.06);
        assert!(
            text.contains("scored it 0.02, under the threshold 0.06"),
            "{text}"
        );
        let (text, lost) = lost_stage_text(Some(&fact(LostAt::Nothing, Some(1))), 5, 0.06);
        assert!(!lost && text.starts_with("Nothing lost"), "{text}");
    }

    #[test]
    fn a_question_without_a_known_fact_says_so() {
        let (text, lost) = lost_stage_text(None, 5, 0.06);
        assert!(!lost && text.contains("not"), "{text}");
        let (text, _) = lost_stage_text(Some(&Diagnosis::NotInDocuments), 5, 0.06);
        assert!(text.contains("declining is the right answer"), "{text}");
    }
}
