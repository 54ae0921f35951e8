//! The ranked passages: rank, document, version, kind, quality, score as a number and a bar,
//! the passage text, which passage the reader quoted, and its dense and keyword ranks.

use leptos::prelude::*;

use super::report::{bar_fraction, PassageRow};
use crate::ui::components::badges::QualityBadge;
use crate::ui::components::kinds::KindTag;

/// "#3", or "–" when that ranking did not list the passage.
fn rank_text(rank: Option<usize>) -> String {
    rank.map_or_else(|| "–".to_string(), |r| format!("#{r}"))
}

/// The passage list.
#[component]
pub(crate) fn PassageList(passages: Vec<PassageRow>) -> impl IntoView {
    let rows = passages
        .into_iter()
        .map(|p| {
            let width = format!("{:.1}%", bar_fraction(p.score) * 100.0);
            view! {
                <li class="passage" class:passage--picked=p.picked>
                    <div class="passage__head">
                        <span class="passage__rank" aria-label=format!("Rank {}", p.rank)>
                            {format!("#{}", p.rank)}
                        </span>
                        <span class="passage__title">{p.title}</span>
                        <span class="passage__meta">
                            <KindTag kind=p.kind/>
                            <span class="passage__version" title="Corpus version and document date">
                                {format!("{} · dated {}", p.version, p.date)}
                            </span>
                            <QualityBadge quality=p.quality/>
                            {p.picked.then(|| view! {
                                <span class="picked-badge">
                                    <span aria-hidden="true">"❝ "</span>
                                    "Reader's pick"
                                </span>
                            })}
                        </span>
                    </div>
                    <div class="passage__score">
                        // Named on screen: in the fused order a lower meaning score can rank
                        // higher, and a bare "0.401" above "0.500" read as a wrong order.
                        <span class="passage__score-number">
                            <span class="passage__score-label">"meaning "</span>
                            {format!("{:.3}", p.score)}
                        </span>
                        <span class="score-bar" aria-hidden="true">
                            <span class="score-bar__fill" style:width=width></span>
                        </span>
                        <span
                            class="passage__ranks"
                            title="Rank by meaning (embeddings) and by shared words (BM25) before the two lists are fused"
                        >
                            {format!("rank by meaning {} · by words {}", rank_text(p.ranks.dense), rank_text(p.ranks.lexical))}
                        </span>
                    </div>
                    <p class="passage__text">
                        {p.text}
                        {(p.clipped > 0).then(|| view! {
                            <span class="passage__clipped">
                                {format!("… ({} more characters in this passage)", p.clipped)}
                            </span>
                        })}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="passages">{rows}</ol> }
}
