//! The map as a table: the same points with document, kind, position and whether retrieval
//! picked them, for readers who cannot use the plot.

use leptos::prelude::*;

use super::MapState;
use crate::ui::components::figure_download::CsvDownload;
use crate::ui::components::kinds::KindTag;

/// The table alternative, folded away in a `<details>`.
#[component]
pub(crate) fn PointTable() -> impl IntoView {
    let state = expect_context::<MapState>();
    let rows = move || {
        state.layout.with(|l| match l {
            Some(Ok(l)) => l
                .points
                .iter()
                .map(|p| {
                    let i = p.chunk;
                    let title = p.title.clone();
                    let kind = p.kind;
                    let [x, y] = p.at;
                    view! {
                        <tr class:map-table__retrieved=move || state.rank_of(i).is_some()>
                            <th scope="row">{i + 1}</th>
                            <td>{title}</td>
                            <td><KindTag kind=kind/></td>
                            <td class="num">{format!("{x:.3}")}</td>
                            <td class="num">{format!("{y:.3}")}</td>
                            <td>
                                {move || match state.rank_of(i) {
                                    Some(r) => format!("yes (rank {r})"),
                                    None => "no".to_string(),
                                }}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any(),
            _ => ().into_any(),
        })
    };
    let summary = move || {
        let n = state.layout.with(|l| match l {
            Some(Ok(l)) => l.points.len(),
            _ => 0,
        });
        let question = match state.query_at.get() {
            Some([x, y]) => format!(" The question sits at x {x:.3}, y {y:.3}."),
            None => String::new(),
        };
        format!("The {n} points as a table.{question}")
    };
    let table = NodeRef::new();
    view! {
        <details class="map-table">
            <summary>{summary}</summary>
            <div class="table-scroll">
                <table node_ref=table>
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
                            <th scope="col">"Document"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"x"</th>
                            <th scope="col">"y"</th>
                            <th scope="col">"Retrieved"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <CsvDownload table=table slug="embedding-map-table" what="the embedding map table"/>
        </details>
    }
}
