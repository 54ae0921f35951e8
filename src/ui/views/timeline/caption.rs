//! The timeline's notice, decided from what happened between the moments: a short headline on
//! the fine-tuned line's last rise or fall and its cause, and one sentence per step behind it.
//! Causes come from [`steps`], which reads every field that changed (version, edits, model,
//! settings), so a rise after the documents moved back to the model's version is put down to
//! the documents, not to an earlier retrain.

use crate::ui::components::compare::{pct, relate, Relation};
use crate::ui::components::notice::Notice;
use crate::ui::state::timeline_steps::{steps, Cause, Step};
use crate::ui::state::timeline_story::Moment;

/// What the caption says before there is a change to show.
const PUBLISH_NEXT: &str = "Publish the next version to see what happens to each mode's accuracy.";

/// The notice: the headline names the last step that moved the fine-tuned line (by more than
/// [`crate::ui::components::compare::CLOSE`]) and what changed in it; the details tell every
/// step.
pub(crate) fn caption(moments: &[Moment]) -> Notice {
    let steps = steps(moments);
    if steps.is_empty() {
        return Notice::short(PUBLISH_NEXT);
    }
    let moved = steps
        .iter()
        .rev()
        .find_map(|s| moved(s.tuned).map(|verb| (s, verb)));
    let headline = match moved {
        Some((step, verb)) => format!(
            "Notice: fine-tuned {verb} {} → {} {}.",
            pct(step.tuned.0.unwrap_or(0.0)),
            pct(step.tuned.1.unwrap_or(0.0)),
            short_cause(step)
        ),
        None => match moments.first().and_then(|m| m.knowledge_of(FINE_TUNED)) {
            Some(first) => format!(
                "Notice: the fine-tuned line has stayed within 2 points of {}.",
                pct(first)
            ),
            None => PUBLISH_NEXT.to_string(),
        },
    };
    let mut details: Vec<String> = steps.iter().map(step_sentence).collect();
    if let Some(hint) = retrain_hint(moments, &steps) {
        details.push(hint);
    }
    Notice { headline, details }
}

const FINE_TUNED: crate::core::modes::Mode = crate::core::modes::Mode::Tuned;

/// "rose" or "fell" when the pair moved by more than the tolerance; `None` otherwise.
fn moved(pair: (Option<f64>, Option<f64>)) -> Option<&'static str> {
    match relate(pair.1, pair.0)? {
        Relation::Higher => Some("rose"),
        Relation::Lower => Some("fell"),
        Relation::Same => None,
    }
}

/// The step's cause in a few words, for the headline (two lines on a phone); the details say
/// it in full, with retrieval's numbers.
fn short_cause(step: &Step) -> String {
    match step.causes.as_slice() {
        [Cause::Retrain { on: Some(v) }] => format!("after retraining on {v}"),
        [Cause::Retrain { on: None }] => "when the model was removed".to_string(),
        [Cause::Version { to, .. }] => format!("when the documents moved to {to}"),
        [Cause::Edit { cleared: false }] => "after a document edit".to_string(),
        [Cause::Edit { cleared: true }] => "when the edits were undone".to_string(),
        [Cause::K { from, to }] => format!("when k went from {from} to {to}"),
        [Cause::Threshold] => "when the reader's threshold changed".to_string(),
        [] => "with nothing recorded changed".to_string(),
        many => format!("after {} changes at once", many.len()),
    }
}

/// One cause in words, with the model's version when it explains the fine-tuned line: moving
/// to the version the model learned raises it, moving away from it lowers it.
fn one_cause(cause: &Cause, tuned_on: Option<&str>) -> String {
    match cause {
        Cause::Retrain { on: Some(v) } => format!("the model was retrained on {v}"),
        Cause::Retrain { on: None } => "the fine-tuned model was removed".to_string(),
        Cause::Version { from, to } if tuned_on == Some(to.as_str()) => {
            format!("the documents moved from {from} to {to}, the version the model learned")
        }
        Cause::Version { from, to } if tuned_on == Some(from.as_str()) => {
            format!("the documents moved from {from}, the version the model learned, to {to}")
        }
        Cause::Version { from, to } => format!("the documents moved from {from} to {to}"),
        Cause::Edit { cleared: false } => "a document was edited".to_string(),
        Cause::Edit { cleared: true } => "the document edits were undone".to_string(),
        Cause::K { from, to } => format!("k went from {from} to {to}"),
        Cause::Threshold => "the reader's threshold changed".to_string(),
    }
}

/// Every cause of `step`, joined ("the model was retrained on v3 and the documents moved ...").
fn cause_words(step: &Step) -> String {
    let parts: Vec<String> = step
        .causes
        .iter()
        .map(|c| one_cause(c, step.tuned_on.as_deref()))
        .collect();
    match parts.len() {
        0 => "nothing it records changed".to_string(),
        1 => parts[0].clone(),
        _ => {
            let (last, rest) = parts.split_last().expect("two or more");
            format!("{} and {last}", rest.join(", "))
        }
    }
}

/// "90.0% → 50.0% (fell)".
fn change(pair: (Option<f64>, Option<f64>)) -> String {
    match pair {
        (Some(a), Some(b)) => {
            let how = moved(pair).unwrap_or("about the same");
            format!("{} → {} ({how})", pct(a), pct(b))
        }
        _ => "not measured".to_string(),
    }
}

/// One step as a sentence: "Moment 3: the model was retrained on v2. Fine-tuned 50.0% → 85.0%
/// (rose); retrieval 81.0% → 81.0% (about the same)."
fn step_sentence(step: &Step) -> String {
    let mut cause = cause_words(step);
    if let Some(first) = cause.get(..1) {
        cause = first.to_uppercase() + &cause[1..];
    }
    format!(
        "Moment {}: {cause}. Fine-tuned {}; retrieval {}.",
        step.at + 1,
        change(step.tuned),
        change(step.rag)
    )
}

/// A pointer to "Retrain now" when the last step lowered the fine-tuned line and the model did
/// not learn the documents' current version.
fn retrain_hint(moments: &[Moment], steps: &[Step]) -> Option<String> {
    let last = steps.last()?;
    let now = moments.last()?;
    let stale = now.tuned_on.as_deref() != Some(now.key.version.as_str());
    (moved(last.tuned) == Some("fell") && stale).then(|| {
        format!(
            "The model learned {}, the documents are at {}: “Retrain now” trains it on {}.",
            now.tuned_on.as_deref().unwrap_or("nothing"),
            now.key.version,
            now.key.version
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::components::notice::HEADLINE_MAX;
    use crate::ui::state::timeline_story::tests::{key, report, trained};
    use crate::ui::state::timeline_story::Story;

    #[test]
    fn the_headline_tells_the_drop_and_its_cause() {
        let mut story = Story::default();
        story.observe(key("v1", "v1", 0), &report(0.9, 0.8));
        assert!(caption(story.moments())
            .headline
            .starts_with("Publish the next version"));
        story.observe(key("v2", "v1", 0), &trained("v1", 5, 0.5, 0.81));
        let notice = caption(story.moments());
        assert_eq!(
            notice.headline,
            "Notice: fine-tuned fell 90.0% → 50.0% when the documents moved to v2."
        );
        assert!(notice.headline.chars().count() <= HEADLINE_MAX);
        assert_eq!(
            notice.details[0],
            "Moment 2: The documents moved from v1, the version the model learned, to v2. \
             Fine-tuned 90.0% → 50.0% (fell); retrieval 80.0% → 81.0% (about the same)."
        );
        assert!(notice.details[1].contains("“Retrain now” trains it on v2"));
    }

    /// The reported misstatement: after a retrain on v2, the documents went to v3 and back to
    /// v2. The last rise came from the documents, and the headline says so.
    #[test]
    fn a_rise_from_moving_the_documents_back_is_not_called_a_retrain() {
        let mut story = Story::default();
        story.observe(key("v2", "v1", 0), &trained("v1", 5, 0.5, 0.8));
        story.observe(key("v2", "v2", 0), &trained("v2", 0, 0.9, 0.8));
        story.observe(key("v3", "v2", 0), &trained("v2", 4, 0.6, 0.8));
        story.observe(key("v2", "v2", 0), &trained("v2", 0, 0.9, 0.8));
        let notice = caption(story.moments());
        assert_eq!(
            notice.headline,
            "Notice: fine-tuned rose 60.0% → 90.0% when the documents moved to v2."
        );
        assert!(!notice.headline.contains("retrain"), "{}", notice.headline);
        assert!(notice.details[0].starts_with("Moment 2: The model was retrained on v2."));
        assert_eq!(
            notice.details.len(),
            3,
            "no retrain hint: the model knows v2"
        );
    }

    /// A change of k alone is named as such, and a level line is not called a fall.
    #[test]
    fn the_caption_claims_only_what_the_moments_show() {
        let mut story = Story::default();
        story.observe(key("v1", "v1", 0), &report(0.9, 0.5));
        let mut k1 = key("v1", "v1", 0);
        k1.settings = (1, 0);
        story.observe(k1, &report(0.6, 0.8));
        let notice = caption(story.moments());
        assert_eq!(
            notice.headline,
            "Notice: fine-tuned fell 90.0% → 60.0% when k went from 5 to 1."
        );
        assert!(notice.details[0].contains("retrieval 50.0% → 80.0% (rose)"));
        let mut level = Story::default();
        level.observe(key("v1", "v1", 0), &report(0.7, 0.5));
        level.observe(key("v2", "v1", 0), &report(0.69, 0.5));
        let notice = caption(level.moments());
        assert!(
            notice.headline.contains("has stayed within 2 points"),
            "{notice:?}"
        );
        assert!(notice.details.iter().all(|d| !d.contains("Retrain now")));
    }
}
