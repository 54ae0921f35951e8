//! The timeline's evidence cards: what published studies found about updated facts and
//! freshness, and the "our toy" line under each, decided from the latest moment's numbers.

use crate::core::modes::Mode;
use crate::ui::components::chart::{EvidenceItem, Verification};
use crate::ui::components::compare::{pct, relate, Relation};
use crate::ui::state::timeline_story::{index, Moment};

/// Fine-tuned models learn updated facts poorly.
pub(crate) const FINETUNEBENCH: EvidenceItem = EvidenceItem {
    source: "Wu, Wu and Zou, “FineTuneBench”",
    year: "2024",
    reference: "arXiv:2411.05059",
    figure: "Commercial fine-tuning services taught models updated knowledge poorly: on average \
             19% of updated facts were learned, and 37% of new facts asked in new wording.",
    verification: Verification::Primary,
};

/// Retrieval keeps answers fresh.
pub(crate) const FRESHQA: EvidenceItem = EvidenceItem {
    source: "Vu et al., “FreshLLMs / FreshQA”",
    year: "2023",
    reference: "arXiv:2310.03214",
    figure: "Reported: putting search results in the prompt raised GPT-4's accuracy on \
             fast-changing questions by 47 points (strict scoring).",
    verification: Verification::Reported,
};

/// The line both cards show while no model is fine-tuned (the fine-tuned mode then declines
/// every question, so it has no answers to compare).
const UNTUNED: &str = "Nothing to compare yet: no model is fine-tuned, so the fine-tuned mode \
                       declines every question.";

/// Our toy against [`FINETUNEBENCH`]: the latest moment's changed facts.
pub(crate) fn ours_updates(moments: &[Moment]) -> String {
    let Some(last) = moments.last() else {
        return String::new();
    };
    let Some(trained_on) = last.tuned_on.as_deref() else {
        return UNTUNED.to_string();
    };
    let tuned = last.changed[index(Mode::Tuned)];
    let rag = last.changed[index(Mode::Rag)];
    let (Some(t), Some(r)) = (tuned, rag) else {
        return match last.changed_facts {
            0 => format!(
                "No fact has changed since the model was trained on {trained_on}, so there is \
                 no gap to show here yet."
            ),
            _ => format!(
                "No question here asks about the facts changed since the model was trained on \
                 {trained_on}, so there is no gap to show here yet."
            ),
        };
    };
    let (t, r) = (pct(t), pct(r));
    match relate(tuned, rag) {
        Some(Relation::Lower) => format!(
            "Our toy shows the same direction: of the facts that changed since the model was \
             trained, the fine-tuned model states {t} of the new values, retrieval {r}."
        ),
        Some(Relation::Same) => format!(
            "Our toy does not show a gap on changed facts right now: the fine-tuned model \
             states about as many of the new values as retrieval ({t} against {r})."
        ),
        _ => format!(
            "Our toy does not show this right now: on the facts that changed since the model \
             was trained, the fine-tuned model states more of the new values than retrieval \
             ({t} against {r})."
        ),
    }
}

/// Our toy against [`FRESHQA`]: the latest moment's stale answers.
pub(crate) fn ours_fresh(moments: &[Moment]) -> String {
    let Some(last) = moments.last() else {
        return String::new();
    };
    let Some(trained_on) = last.tuned_on.as_deref() else {
        return UNTUNED.to_string();
    };
    let tuned = last.stale[index(Mode::Tuned)];
    let rag = last.stale[index(Mode::Rag)];
    let (Some(t), Some(r)) = (tuned, rag) else {
        return format!(
            "No fact question was scored with the documents as of {}, so there are no \
             out-of-date answers to count.",
            last.key.version
        );
    };
    let (t, r) = (pct(t), pct(r));
    match relate(tuned, rag) {
        Some(Relation::Higher) => format!(
            "Our toy shows the same direction: with the documents as of {}, {t} of the \
             fine-tuned answers are out of date, {r} of retrieval's.",
            last.key.version
        ),
        Some(Relation::Same) if last.changed_facts == 0 => format!(
            "Right now the fine-tuned answers are about as up to date as retrieval's ({t} \
             against {r} out of date): no fact has changed since the model was trained on \
             {trained_on}."
        ),
        Some(Relation::Same) => format!(
            "Right now the fine-tuned answers are about as up to date as retrieval's ({t} \
             against {r} out of date)."
        ),
        _ => format!(
            "Right now retrieval gives more out-of-date answers than the fine-tuned model ({r} \
             against {t})."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::timeline_story::tests::{key, trained};
    use crate::ui::state::timeline_story::Story;

    fn story(changed: usize, tuned: f64, rag: f64) -> Story {
        let mut story = Story::default();
        story.observe(key("v2", "v1", 0), &trained("v1", changed, tuned, rag));
        story
    }

    #[test]
    fn the_update_card_follows_the_changed_facts() {
        let gap = story(4, 0.1, 0.8);
        assert!(ours_updates(gap.moments()).starts_with("Our toy shows the same direction"));
        let level = story(4, 0.81, 0.8);
        assert!(ours_updates(level.moments())
            .contains("about as many of the new values as retrieval (81.0% against 80.0%)"));
        // The old line called this "no gap" although the fine-tuned model was far ahead.
        let ahead = story(4, 0.9, 0.5);
        assert!(
            ours_updates(ahead.moments()).contains("the fine-tuned model states more of the new values than retrieval (90.0% against 50.0%)")
        );
        let none = story(0, 0.9, 0.5);
        let text = ours_updates(none.moments());
        assert!(
            text.starts_with("No fact has changed since the model was trained on v1"),
            "{text}"
        );
    }

    #[test]
    fn the_fresh_card_gives_a_reason_only_when_the_numbers_do() {
        // Stale rates are 1 - accuracy: 90% against 20% out of date.
        let stale = story(4, 0.1, 0.8);
        assert!(
            ours_fresh(stale.moments()).contains("90.0% of the fine-tuned answers are out of date")
        );
        // About as current although facts changed: no "the model has learned" reason.
        let level = story(4, 0.8, 0.81);
        assert_eq!(
            ours_fresh(level.moments()),
            "Right now the fine-tuned answers are about as up to date as retrieval's (20.0% \
             against 19.0% out of date)."
        );
        let unchanged = story(0, 0.8, 0.81);
        assert!(ours_fresh(unchanged.moments())
            .ends_with("no fact has changed since the model was trained on v1."));
        let fresher = story(4, 0.9, 0.5);
        assert!(ours_fresh(fresher.moments())
            .starts_with("Right now retrieval gives more out-of-date answers"));
    }

    #[test]
    fn without_a_model_the_cards_compare_nothing() {
        let mut r = trained("v1", 0, 0.0, 0.8);
        r.tuned_on = None;
        let mut story = Story::default();
        story.observe(key("v1", "v1", 0), &r);
        assert_eq!(ours_updates(story.moments()), UNTUNED);
        assert_eq!(ours_fresh(story.moments()), UNTUNED);
    }
}
