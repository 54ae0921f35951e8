//! Exact search against the HNSW graph for the current question: do the lists agree, the
//! graph's recall@k, and what each search costs. Both lists are the search by meaning alone,
//! before the ranking by words is fused in, so the block says it compares a list other than the
//! one beside it (a learner read "Same passages in the same order" as about that list).

use leptos::prelude::*;

use super::report::{Agreement, Comparison, TIMING_REPEATS};
use crate::core::index::SearchMethod;
use crate::ui::components::chart::ms;
use crate::ui::components::figure_download::CsvDownload;

/// The comparison block; `indexed` is the number of passages in the index, `segments` the
/// number of graphs they are in.
#[component]
pub(crate) fn ComparisonBlock(
    comparison: Comparison,
    indexed: usize,
    segments: usize,
    k: usize,
    /// Whether the list beside it is the fused ranking (then it is not the list compared here).
    fused: bool,
) -> impl IntoView {
    let c = comparison;
    let what = if fused {
        format!(
            "Retrieval first finds the top {k} passages by meaning, then fuses them with the \
             ranking by words into the list beside. This box checks that first step only: the \
             fast approximate graph (HNSW) against an exact scan of every passage."
        )
    } else {
        format!(
            "The list beside is the top {k} by meaning. This box checks it: the fast approximate \
             graph (HNSW) against an exact scan of every passage."
        )
    };
    let verdict_class = match c.agreement {
        Agreement::Identical => "verdict verdict--same",
        Agreement::Reordered => "verdict verdict--reordered",
        Agreement::Different { .. } => "verdict verdict--different",
    };
    let verdict_icon = match c.agreement {
        Agreement::Identical => "✓ ",
        Agreement::Reordered => "≈ ",
        Agreement::Different { .. } => "≠ ",
    };
    let used = match c.used {
        SearchMethod::Exact if segments > 1 => format!(
            "Your {} passages are indexed in {segments} small graphs, built one at a time so the \
             page never froze. Walking that many small graphs costs more than one scan of every \
             passage, so the app scans exactly; one graph pays from about 2,000 passages.",
            crate::core::text::thousands(indexed as u64)
        ),
        SearchMethod::Exact => format!(
            "At {} passages the app scores every passage exactly (a scan is faster than walking \
             the graph at this size); the HNSW graph is built beside it, and is what a large \
             corpus would rely on.",
            indexed
        ),
        SearchMethod::Hnsw => "The app uses the HNSW graph at this size.".to_string(),
    };
    let table = NodeRef::new();
    let rows = c
        .rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <tr class:compare-row--differs=row.differs>
                    <th scope="row">{i + 1}</th>
                    <td>{row.exact}</td>
                    <td>
                        {row.hnsw}
                        {row.differs.then_some(view! { <span class="compare-row__flag">" (differs)"</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="inspector__note compare-what">{what}</p>
        <p class=verdict_class>
            <span aria-hidden="true">{verdict_icon}</span>
            {c.agreement.sentence()}
        </p>
        <dl class="facts-grid">
            <div>
                <dt>{format!("Recall@{k} of HNSW")}</dt>
                <dd class="compare-recall">{format!("{:.0}%", c.recall * 100.0)}</dd>
            </div>
            <div>
                <dt>"HNSW search"</dt>
                <dd>{ms(c.hnsw_ms)}</dd>
            </div>
            <div>
                <dt>"Exact search"</dt>
                <dd>{ms(c.exact_ms)}</dd>
            </div>
        </dl>
        <p class="inspector__note">
            {format!(
                "Recall@{k} is the share of the exact top {k} that the graph also found. Times are the \
                 mean of {TIMING_REPEATS} runs in your browser. "
            )}
            {used}
        </p>
        <details class="compare-details">
            <summary>"Both lists side by side"</summary>
            <div class="table-scroll">
                <table class="compare-table" node_ref=table>
                    <thead>
                        <tr>
                            <th scope="col">"Rank"</th>
                            <th scope="col">"Exact search"</th>
                            <th scope="col">"HNSW graph"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <CsvDownload table=table slug="exact-vs-hnsw-table" what="the exact and HNSW lists"/>
        </details>
    }
}
