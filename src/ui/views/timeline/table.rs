//! The timeline's table alternative: one row per moment, knowledge accuracy per mode (exact
//! values in `data-value`).

use leptos::prelude::*;

use crate::core::modes::Mode;
use crate::ui::components::chart::{percent, ChartTable, ModeKey};
use crate::ui::state::timeline_story::Moment;

/// The table.
#[component]
pub(crate) fn TimelineTable(
    /// The story's moments.
    moments: Memo<Vec<Moment>>,
) -> impl IntoView {
    let rows = move || {
        moments
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, m)| {
                let cells = Mode::ALL
                    .into_iter()
                    .map(|mode| {
                        let value = m.knowledge_of(mode);
                        view! {
                            <td data-mode=mode.key() data-value=value.map(|v| v.to_string()).unwrap_or_default()>
                                {percent(value)}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-moment=i.to_string()>
                        <th scope="row">{format!("{} · {}", m.title(), m.subtitle())}</th>
                        <td class="timeline-table__model">{m.tuned_on.clone().unwrap_or_else(|| "—".into())}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let caption = view! {
        <caption>"Share of answerable questions answered with today's fact, at each moment."</caption>
    };
    let head = view! {
        <th scope="col">"Moment"</th>
        <th scope="col">"Fine-tuned on"</th>
        {Mode::ALL.into_iter().map(|m| view! { <th scope="col"><ModeKey mode=m/></th> }).collect_view()}
    };
    view! {
        <ChartTable class="timeline-table" file="timeline-table" what="the freshness timeline table" open=true summary="The numbers behind the chart"
            label="Table, scrolls sideways" caption=caption.into_any() head=head.into_any()
            rows=rows.into_any()/>
    }
}
