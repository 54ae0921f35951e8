//! The trade-off chart's notice: a headline of at most two lines, decided from the same
//! comparisons as the full caption ([`super::story::caption`]), which goes behind a disclosure
//! with its numbers. The full caption ran to five or six bold lines.

use super::story::{caption, standing, FACTS, FORMAT};
use crate::core::eval::EvalReport;
use crate::ui::components::compare::{relate, Relation};
use crate::ui::components::notice::Notice;

/// The notice: which way fine-tuning and retrieval move the answers, and where "both" sit
/// when they beat every single mode on both axes; the numbers are in the details.
pub(crate) fn notice(report: &EvalReport) -> Notice {
    let full = caption(report);
    if report.tuned_on.is_none() {
        return Notice {
            headline: "Notice: no model is fine-tuned yet.".to_string(),
            details: vec![full],
        };
    }
    let m = &report.modes;
    let format = relate(m.tuned.format_compliance, m.rag.format_compliance).map(|r| match r {
        Relation::Higher => "fine-tuning lifts the format",
        Relation::Same => "fine-tuning does not lift the format",
        Relation::Lower => "fine-tuning lowers the format",
    });
    // Fewer out-of-date answers is further right.
    let fresh = relate(m.rag.stale_rate, m.tuned.stale_rate).map(|r| match r {
        Relation::Lower => "retrieval adds today's facts",
        // As current as fine-tuning, named just before.
        Relation::Same => "retrieval is as current",
        Relation::Higher => "retrieval is less current",
    });
    let both_best = matches!(
        (standing(m, &FACTS), standing(m, &FORMAT)),
        (Some(k), Some(f)) if k.relation == Relation::Higher && f.relation == Relation::Higher
    );
    let singles: Vec<&str> = [format, fresh].into_iter().flatten().collect();
    let headline = match singles.as_slice() {
        [] => "Notice: right is stating today's facts, up is the house format.".to_string(),
        parts => format!("Notice: {}.", parts.join(", ")),
    };
    // Where "both" sit is plain on the chart; the headline keeps to two lines on a phone.
    let mut details = Vec::new();
    if both_best {
        details.push("Both together sit furthest up and right.".to_string());
    }
    details.push(full);
    Notice { headline, details }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::components::notice::HEADLINE_MAX;
    use crate::ui::views::tradeoff::story::tests::report;

    #[test]
    fn the_headline_is_short_and_the_numbers_are_behind_it() {
        let clear = report((0.8, 0.0, 0.02), (0.4, 0.9, 0.5), (0.9, 1.0, 0.0));
        let n = notice(&clear);
        assert_eq!(
            n.headline,
            "Notice: fine-tuning lifts the format, retrieval adds today's facts."
        );
        assert!(n.headline.chars().count() <= HEADLINE_MAX);
        assert_eq!(
            n.details,
            [
                "Both together sit furthest up and right.".to_string(),
                caption(&clear)
            ]
        );
        assert!(n.details[1].contains("90.0% against retrieval's 0.0%"));
    }

    /// "Furthest" only when both beat every single mode on both axes, as in the caption.
    #[test]
    fn the_headline_claims_no_more_than_the_caption() {
        let v3 = report((0.489, 0.2, 0.05), (0.3, 0.97, 0.4), (0.485, 0.97, 0.05));
        let n = notice(&v3);
        assert!(
            n.details.iter().all(|d| !d.contains("furthest up")),
            "{n:?}"
        );
        let flat = report((0.5, 0.5, 0.1), (0.5, 0.5, 0.1), (0.5, 0.5, 0.1));
        assert_eq!(
            notice(&flat).headline,
            "Notice: fine-tuning does not lift the format, retrieval is as current."
        );
        let mut untuned = flat;
        untuned.tuned_on = None;
        let n = notice(&untuned);
        assert_eq!(n.headline, "Notice: no model is fine-tuned yet.");
        assert_eq!(n.details, [caption(&untuned)]);
    }
}
