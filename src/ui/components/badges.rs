//! Small labels for a document's standing: its quality flag and whether the learner edited it.

use leptos::prelude::*;

use crate::core::corpus::Quality;

/// The words on a quality badge; `None` for a current document (which needs no badge).
pub(crate) fn quality_label(quality: Quality) -> Option<&'static str> {
    match quality {
        Quality::Current => None,
        Quality::Outdated => Some("Outdated"),
        Quality::LowSignal => Some("Low signal"),
    }
}

/// What the quality flag means for retrieval, in one sentence (the badge's tooltip).
pub(crate) fn quality_meaning(quality: Quality) -> &'static str {
    match quality {
        Quality::Current => "Maintained and correct for this version.",
        Quality::Outdated => "Once true, now stale: retrieving it can give an out-of-date answer.",
        Quality::LowSignal => {
            "Little factual content: it takes retrieval slots from better passages."
        }
    }
}

/// A badge for an outdated or low-signal document; nothing for a current one.
#[component]
pub(crate) fn QualityBadge(quality: Quality) -> impl IntoView {
    quality_label(quality).map(|label| {
        view! {
            <span class=format!("quality-badge quality-badge--{}", quality.key()) title=quality_meaning(quality)>
                <span aria-hidden="true">"⚠ "</span>
                {label}
            </span>
        }
    })
}

/// The "edited" marker of a document the learner changed.
#[component]
pub(crate) fn EditedBadge() -> impl IntoView {
    view! {
        <span class="edited-badge" title="You changed this document; Reset restores the original.">
            <span aria-hidden="true">"✎ "</span>
            "Edited"
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_flagged_documents_get_a_label() {
        assert_eq!(quality_label(Quality::Current), None);
        assert_eq!(quality_label(Quality::Outdated), Some("Outdated"));
        assert_eq!(quality_label(Quality::LowSignal), Some("Low signal"));
        for q in [Quality::Current, Quality::Outdated, Quality::LowSignal] {
            assert!(quality_meaning(q).ends_with('.'));
        }
    }
}
