//! The timeline chart's caption, decided from the moments' numbers.

use crate::core::modes::Mode;
use crate::ui::components::compare::{pct, relate, Relation};
use crate::ui::state::timeline_story::{Moment, MomentKind};

/// The chart's caption: one sentence on what to notice. Each part is decided from the
/// numbers it names (tolerance [`crate::ui::components::compare::CLOSE`]): "falls" needs a
/// wider drop, "as the documents change" a change of version or edits before the lowest point,
/// "stays" a spread within the tolerance.
pub fn caption(moments: &[Moment]) -> String {
    let tuned: Vec<(usize, f64)> = moments
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.knowledge_of(Mode::Tuned).map(|v| (i, v)))
        .collect();
    let [(first_at, first), ..] = tuned[..] else {
        return PUBLISH_NEXT.to_string();
    };
    if tuned.len() < 2 {
        return PUBLISH_NEXT.to_string();
    }
    let (lowest_at, lowest) =
        tuned.iter().copied().fold(
            (first_at, first),
            |low, p| if p.1 < low.1 { p } else { low },
        );
    let fell = relate(Some(lowest), Some(first)) == Some(Relation::Lower);
    let fall = if fell {
        let start = &moments[first_at].key;
        let documents_changed = moments[first_at..=lowest_at]
            .iter()
            .any(|m| m.key.version != start.version || m.key.edits != start.edits);
        let why = if documents_changed {
            " as the documents change"
        } else {
            ""
        };
        format!(
            "the fine-tuned line (triangles) falls from {} to {}{why}",
            pct(first),
            pct(lowest)
        )
    } else {
        format!(
            "the fine-tuned line (triangles) has not fallen yet (it starts at {} and is never \
             more than 2 points lower)",
            pct(first)
        )
    };
    let steady = retrieval_range(moments).map(|(low, high)| {
        let verb = match relate(Some(high), Some(low)) {
            Some(Relation::Higher) => "moves",
            _ => "stays",
        };
        format!(
            "retrieval (squares) {verb} between {} and {}",
            pct(low),
            pct(high)
        )
    });
    let end = retrain_effect(moments)
        .or_else(|| fell.then(|| "press “Retrain now” to bring it back".to_string()));
    let mut text = format!("Notice: {fall}");
    if let Some(steady) = steady {
        text.push_str(&format!(", while {steady}"));
    }
    if let Some(end) = end {
        text.push_str(&format!("; {end}"));
    }
    text.push('.');
    text
}

/// What the caption says before there is a change to show.
const PUBLISH_NEXT: &str = "Publish the next version of the documents to see what happens to \
                            each mode's accuracy.";

/// The lowest and highest retrieval accuracy so far; `None` when none was measured.
fn retrieval_range(moments: &[Moment]) -> Option<(f64, f64)> {
    moments
        .iter()
        .filter_map(|m| m.knowledge_of(Mode::Rag))
        .fold(None, |range, v| match range {
            None => Some((v, v)),
            Some((low, high)) => Some((f64::min(low, v), f64::max(high, v))),
        })
}

/// What the last retrain did to the fine-tuned line, against the moment just before it.
fn retrain_effect(moments: &[Moment]) -> Option<String> {
    let at = moments
        .iter()
        .rposition(|m| m.kind == MomentKind::Retrain)?;
    let after = moments[at].knowledge_of(Mode::Tuned)?;
    let before = at
        .checked_sub(1)
        .and_then(|i| moments[i].knowledge_of(Mode::Tuned));
    let (a, b) = (pct(after), before.map(pct).unwrap_or_default());
    Some(match relate(Some(after), before) {
        Some(Relation::Higher) => {
            format!("retraining brought the fine-tuned line back to {a} (from {b})")
        }
        Some(Relation::Same) => {
            format!("retraining left the fine-tuned line about where it was ({b}, then {a})")
        }
        Some(Relation::Lower) => format!("retraining lowered the fine-tuned line ({b}, then {a})"),
        None => format!("since the last retrain the fine-tuned line stands at {a}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::timeline_story::tests::{key, report};
    use crate::ui::state::timeline_story::Story;

    #[test]
    fn the_caption_tells_the_drop_and_the_recovery() {
        let mut story = Story::default();
        story.observe(key("v1", "v1", 0), &report(0.9, 0.8));
        assert!(caption(story.moments()).starts_with("Publish the next version"));
        story.observe(key("v2", "v1", 0), &report(0.5, 0.81));
        let text = caption(story.moments());
        assert!(
            text.starts_with(
                "Notice: the fine-tuned line (triangles) falls from 90.0% to 50.0% as the \
                 documents change, while retrieval (squares) stays between 80.0% and 81.0%"
            ),
            "{text}"
        );
        assert!(
            text.ends_with("press “Retrain now” to bring it back."),
            "{text}"
        );
        story.observe(key("v2", "v2", 0), &report(0.85, 0.81));
        let text = caption(story.moments());
        assert!(
            text.ends_with("retraining brought the fine-tuned line back to 85.0% (from 50.0%)."),
            "{text}"
        );
    }

    /// The old caption said "stays" however far retrieval moved, "falls ... as the documents
    /// change" after a change of k, and offered a retrain when nothing had fallen.
    #[test]
    fn the_caption_claims_only_what_the_moments_show() {
        let mut story = Story::default();
        story.observe(key("v1", "v1", 0), &report(0.9, 0.5));
        let mut k1 = key("v1", "v1", 0);
        k1.settings = (1, 0);
        story.observe(k1, &report(0.6, 0.8));
        let text = caption(story.moments());
        assert_eq!(
            text,
            "Notice: the fine-tuned line (triangles) falls from 90.0% to 60.0%, while \
             retrieval (squares) moves between 50.0% and 80.0%; press “Retrain now” to bring \
             it back."
        );
        let mut level = Story::default();
        level.observe(key("v1", "v1", 0), &report(0.7, 0.5));
        level.observe(key("v2", "v1", 0), &report(0.69, 0.5));
        let text = caption(level.moments());
        assert!(text.contains("has not fallen yet"), "{text}");
        assert!(!text.contains("Retrain"), "{text}");
        level.observe(key("v2", "v2", 0), &report(0.695, 0.5));
        let text = caption(level.moments());
        assert!(
            text.ends_with(
                "retraining left the fine-tuned line about where it was (69.0%, then 69.5%)."
            ),
            "{text}"
        );
    }
}
