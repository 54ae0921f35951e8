//! The ranked passages: rank, document, version, kind, quality, score as a number and a bar
//! (with the reader's threshold marked on it), and the passage text.

use leptos::prelude::*;

use super::report::{bar_fraction, PassageRow};
use crate::ui::views::corpus::badges::QualityBadge;
use crate::ui::views::map::kinds::KindTag;

/// The passage list; `threshold` is drawn on every score bar.
#[component]
pub fn PassageList(passages: Vec<PassageRow>, threshold: f32) -> impl IntoView {
    let threshold_at = format!("{:.1}%", bar_fraction(threshold) * 100.0);
    let rows = passages
        .into_iter()
        .map(|p| {
            let width = format!("{:.1}%", bar_fraction(p.score) * 100.0);
            let below = p.score < threshold;
            view! {
                <li class="passage" class:passage--below=below>
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
                        </span>
                    </div>
                    <div class="passage__score">
                        <span class="passage__score-number">
                            <span class="visually-hidden">"Score "</span>
                            {format!("{:.3}", p.score)}
                        </span>
                        <span class="score-bar" aria-hidden="true">
                            <span class="score-bar__fill" style:width=width></span>
                            <span class="score-bar__threshold" style:left=threshold_at.clone()></span>
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
