//! The trade-off chart's table alternative: every mode's scores, the same numbers the points
//! are placed by (each cell also carries the exact value in `data-value`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::eval::{EvalReport, ModeMetrics};
use crate::core::modes::Mode;
use crate::ui::components::chart::{ms_number, percent, ChartTable, ModeKey};

/// A column: header, what it measures, and how to read it from a mode's metrics.
struct Column {
    key: &'static str,
    header: &'static str,
    value: fn(&ModeMetrics) -> Option<f64>,
    milliseconds: bool,
}

const COLUMNS: [Column; 12] = [
    Column {
        key: "knowledge_accuracy",
        header: "Today's fact",
        value: |m| m.knowledge_accuracy,
        milliseconds: false,
    },
    Column {
        key: "format_compliance",
        header: "House format",
        value: |m| m.format_compliance,
        milliseconds: false,
    },
    Column {
        key: "stale_rate",
        header: "Out-of-date answers",
        value: |m| m.stale_rate,
        milliseconds: false,
    },
    Column {
        key: "citation_correctness",
        header: "Cites the right document",
        value: |m| m.citation_correctness,
        milliseconds: false,
    },
    Column {
        key: "abstention_accuracy",
        header: "Declines unanswerable",
        value: |m| m.abstention_accuracy,
        milliseconds: false,
    },
    Column {
        key: "trained_accuracy",
        header: "Trained wording",
        value: |m| m.trained_accuracy,
        milliseconds: false,
    },
    Column {
        key: "heldout_accuracy",
        header: "New wording",
        value: |m| m.heldout_accuracy,
        milliseconds: false,
    },
    Column {
        key: "keyword_accuracy",
        header: "Keywords",
        value: |m| m.keyword_accuracy,
        milliseconds: false,
    },
    Column {
        key: "yesno_accuracy",
        header: "Yes/no",
        value: |m| m.yesno_accuracy,
        milliseconds: false,
    },
    Column {
        key: "direct_accuracy",
        header: "Short questions",
        value: |m| m.direct_accuracy,
        milliseconds: false,
    },
    Column {
        key: "over_abstention_rate",
        header: "Declines answerable",
        value: |m| m.over_abstention_rate,
        milliseconds: false,
    },
    Column {
        key: "latency_ms_mean",
        header: "Mean ms",
        value: |m| Some(m.latency_ms_mean),
        milliseconds: true,
    },
];

fn cell_text(value: Option<f64>, milliseconds: bool, mode: Mode, key: &str) -> String {
    match value {
        None if key == "citation_correctness" && !mode.retrieval() => "cannot cite".to_string(),
        None => "n/a".to_string(),
        // "0" and "< 0.01", never "0.000": the exact value is in data-value.
        Some(v) if milliseconds => ms_number(v),
        Some(v) => percent(Some(v)),
    }
}

/// The table.
#[component]
pub(crate) fn TradeoffTable(
    /// The live evaluation.
    report: Memo<Option<Arc<EvalReport>>>,
) -> impl IntoView {
    let rows = move || {
        report.get().map(|r| {
            Mode::ALL
                .into_iter()
                .map(|mode| {
                    let m = r.modes.get(mode).clone();
                    let cells = COLUMNS
                        .iter()
                        .map(|c| {
                            let value = (c.value)(&m);
                            view! {
                                <td data-key=c.key data-value=value.map(|v| v.to_string()).unwrap_or_default()>
                                    {cell_text(value, c.milliseconds, mode, c.key)}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-mode=mode.key()>
                            <th scope="row"><ModeKey mode=mode/></th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let caption = move || {
        report.get().map(|r| {
            format!(
                "Scores over {} answerable and {} unanswerable questions, documents as of {}, \
                 fine-tuned on {}.",
                r.questions.answerable,
                r.questions.unanswerable,
                r.version,
                r.tuned_on.as_deref().unwrap_or("nothing yet")
            )
        })
    };
    let head = view! {
        <th scope="col">"Mode"</th>
        {COLUMNS.iter().map(|c| view! { <th scope="col">{c.header}</th> }).collect_view()}
    };
    view! {
        <ChartTable class="tradeoff-table" file="trade-off-table" what="the trade-off table" open=true summary="The numbers behind the chart"
            label="Table, scrolls sideways" caption=view! { <caption>{caption}</caption> }.into_any()
            head=head.into_any() rows=rows.into_any()/>
    }
}
