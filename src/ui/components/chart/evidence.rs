//! Evidence cards: the published result a chart mirrors (source, year, the figure, how far it
//! was verified) and whether this toy shows the same direction, said from the live numbers.

use leptos::prelude::*;

/// How far a figure was checked (see the project's evidence notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verification {
    /// Read in the primary source or its abstract.
    Primary,
    /// From a secondary summary only: shown as "reported".
    Reported,
    /// A vendor's own claim or list price.
    Vendor,
}

impl Verification {
    /// The small label on the card.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Verification::Primary => "from the paper",
            Verification::Reported => "reported (secondary source)",
            Verification::Vendor => "vendor figure",
        }
    }
}

/// One published result.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EvidenceItem {
    /// Authors or organisation and title, short.
    pub(crate) source: &'static str,
    /// Year of publication.
    pub(crate) year: &'static str,
    /// arXiv id or other reference.
    pub(crate) reference: &'static str,
    /// The figure or finding, in one or two sentences.
    pub(crate) figure: &'static str,
    /// How far the figure was verified.
    pub(crate) verification: Verification,
}

/// A card: the finding, and what our toy shows (`ours`, computed from live numbers; it says
/// so honestly when the toy does not show the same direction).
#[component]
pub(crate) fn EvidenceCard(
    /// The published result.
    item: EvidenceItem,
    /// One sentence on this toy's numbers.
    #[prop(into)]
    ours: Signal<String>,
) -> impl IntoView {
    let EvidenceItem {
        source,
        year,
        reference,
        figure,
        verification,
    } = item;
    view! {
        <article class="evidence-card">
            <h4 class="evidence-card__source">
                {source}
                <span class="evidence-card__year">{format!(" ({year})")}</span>
            </h4>
            <p class="evidence-card__figure">{figure}</p>
            <p class="evidence-card__meta">
                <span class="evidence-card__ref">{reference}</span>
                " · "
                <span class=format!("evidence-card__check evidence-card__check--{:?}", verification).to_lowercase()>
                    {verification.label()}
                </span>
            </p>
            <p class="evidence-card__ours">{move || ours.get()}</p>
        </article>
    }
}
