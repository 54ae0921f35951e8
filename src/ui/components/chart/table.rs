//! The table beside every chart: a disclosure with a summary, a sideways-scrolling region and
//! one table, and "Download CSV" under it. One component, so every chart's numbers read,
//! scroll and download alike.

use leptos::prelude::*;

use crate::ui::components::figure_download::CsvDownload;

/// `<details class="chart-table {class}">` around one table. `caption` is the whole
/// `<caption>` element, `head` the header row's cells, `rows` the body's rows.
#[component]
pub(crate) fn ChartTable(
    /// The view's own class beside `chart-table`.
    class: &'static str,
    /// Whether the table shows at first.
    #[prop(optional)]
    open: bool,
    /// The disclosure's summary.
    summary: &'static str,
    /// What the scroll region is called for screen readers.
    label: &'static str,
    /// The CSV file name's distinctive part (`trade-off-table`).
    file: &'static str,
    /// What the CSV button downloads ("the trade-off table").
    what: &'static str,
    /// The `<caption>` element.
    caption: AnyView,
    /// The header row's cells.
    head: AnyView,
    /// The body's rows.
    rows: AnyView,
) -> impl IntoView {
    let table = NodeRef::new();
    view! {
        <details class=format!("chart-table {class}") open=open>
            <summary>{summary}</summary>
            <div class="chart-table__scroll" tabindex="0" role="region" aria-label=label>
                <table node_ref=table>
                    {caption}
                    <thead>
                        <tr>{head}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <CsvDownload table=table slug=file what=what/>
        </details>
    }
}
