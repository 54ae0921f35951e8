//! After a run: the three accuracies and the training time; below, the history of runs with
//! the change from the run before, and a "use this model" button per kept model.

use leptos::prelude::*;

use crate::ui::components::figure_download::CsvDownload;

use crate::ui::state::training_panel::history::{percent, Metric, RunHistory, RunRecord};
use crate::ui::state::training_panel::timing::SliceTiming;

/// The three accuracies of the last run, each with what it means.
#[component]
pub(crate) fn LatestRun(
    /// The last run's record.
    record: RunRecord,
) -> impl IntoView {
    let tiles = [
        (
            "Trained phrasings",
            record.trained,
            "questions worded exactly as in training",
        ),
        (
            "Held-out paraphrases",
            record.heldout,
            "the same questions in wordings it never saw",
        ),
        (
            "Old facts",
            record.old_facts,
            "facts that did not change since the earlier version",
        ),
    ];
    let since = record.old_since.clone();
    view! {
        <div class="training-results" role="group" aria-label="Accuracy after the last run">
            {tiles
                .into_iter()
                .map(|(label, value, meaning)| {
                    let meaning = if label == "Old facts" {
                        format!("facts unchanged since {since}")
                    } else {
                        meaning.to_string()
                    };
                    view! {
                        <div class="training-results__tile">
                            <span class="training-results__value">{percent(value)}</span>
                            <span class="training-results__label">{label}</span>
                            <span class="training-results__meaning">{meaning}</span>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// How long the last run took, in one sentence.
pub(crate) fn timing_sentence(timing: &SliceTiming) -> String {
    format!(
        "Trained in {:.0} ms: {:.0} ms of computing in {} slices, the longest {:.0} ms, so the \
         page never stopped responding for longer than that.",
        timing.wall_ms, timing.compute_ms, timing.slices, timing.longest_ms
    )
}

/// A change from the previous run, as an arrow and points ("▲ 12", "▼ 70"), or nothing.
pub(crate) fn change_badge(change: Option<f32>) -> Option<(&'static str, String)> {
    let points = (change? * 100.0).round();
    if points.abs() < 5.0 {
        return None;
    }
    Some(if points > 0.0 {
        ("up", format!("\u{25b2} {points:.0}"))
    } else {
        ("down", format!("\u{25bc} {:.0}", -points))
    })
}

/// The settings cells of one run (scope, phrasings, epochs, capacity), or `None` for a model
/// the panel did not train.
fn settings_cells(record: &RunRecord) -> Option<[String; 4]> {
    let s = record.settings.as_ref()?;
    Some([
        s.scope_label(),
        s.phrasings.to_string(),
        s.epochs.to_string(),
        if s.hidden == 0 {
            "linear".to_string()
        } else {
            s.hidden.to_string()
        },
    ])
}

/// The history table.
#[component]
pub(crate) fn HistoryTable(
    /// The runs.
    history: RwSignal<RunHistory>,
    /// The run whose model is in use, if it is one of them.
    in_use: Signal<Option<usize>>,
    /// Puts run `number`'s model back in use.
    on_use: Callback<usize>,
    /// True while training (the buttons wait).
    busy: Signal<bool>,
) -> impl IntoView {
    let cell = move |record: &RunRecord, metric: Metric, value: Option<f32>| {
        let badge = history.with(|h| change_badge(h.change(record.number, metric)));
        view! {
            <td class="training-history__accuracy" data-metric=metric.key() data-label=metric.label()>
                {percent(value)}
                {badge.map(|(direction, text)| view! {
                    <span class=format!("training-history__change training-history__change--{direction}")>
                        {text}
                    </span>
                })}
            </td>
        }
    };
    let table = NodeRef::new();
    view! {
        <div class="training-history__scroll" tabindex="0" role="region" aria-label="Runs so far" hidden=move || history.with(RunHistory::is_empty)>
            <table class="training-history" node_ref=table>
                <caption>"Runs so far (newest last). Arrows show the change from the run above, in points."</caption>
                <thead>
                    <tr>
                        <th scope="col">"Run"</th>
                        <th scope="col">"Learned"</th>
                        <th scope="col">"What"</th>
                        <th scope="col">"Phrasings"</th>
                        <th scope="col">"Epochs"</th>
                        <th scope="col">"Capacity"</th>
                        <th scope="col">"Trained"</th>
                        <th scope="col">"Held-out"</th>
                        <th scope="col">"Old facts"</th>
                        <th scope="col">"Time"</th>
                        <th scope="col">"Model"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || history.with(|h| h.records()).into_iter().map(|record| {
                        let number = record.number;
                        let settings = match settings_cells(&record) {
                            Some([scope, phrasings, epochs, capacity]) => view! {
                                <td class="training-history__what" data-label="What">{scope}</td>
                                <td data-label="Phrasings">{phrasings}</td>
                                <td data-label="Epochs">{epochs}</td>
                                <td data-label="Capacity">{capacity}</td>
                            }.into_any(),
                            None => view! {
                                <td class="training-history__what" colspan="4" data-label="What">
                                    "the model in use when this panel opened"
                                </td>
                            }.into_any(),
                        };
                        let has_model = history.with(|h| h.model(number).is_some());
                        view! {
                            <tr class:training-history__in-use=move || in_use.get() == Some(number)>
                                <th scope="row" data-label="Run">{format!("#{number}")}</th>
                                <td data-label="Learned">{record.trained_on.clone()}</td>
                                {settings}
                                {cell(&record, Metric::Trained, record.trained)}
                                {cell(&record, Metric::Heldout, record.heldout)}
                                {cell(&record, Metric::OldFacts, record.old_facts)}
                                <td data-label="Time">{format!("{:.0} ms", record.train_ms)}</td>
                                <td data-label="Model">
                                    {move || if in_use.get() == Some(number) {
                                        view! { <span class="training-history__badge">"in use"</span> }.into_any()
                                    } else if has_model {
                                        view! {
                                            <button type="button" class="training-history__use"
                                                prop:disabled=move || busy.get()
                                                aria-label=format!("Use the model of run {number}")
                                                on:click=move |_| on_use.run(number)>
                                                "Use"
                                            </button>
                                        }.into_any()
                                    } else {
                                        view! { <span>"\u{2014}"</span> }.into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Show when=move || !history.with(RunHistory::is_empty)>
            <CsvDownload table=table slug="training-history" what="the training history table"/>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_changes_get_no_badge_and_large_ones_an_arrow() {
        assert_eq!(change_badge(None), None);
        assert_eq!(change_badge(Some(0.03)), None);
        assert_eq!(
            change_badge(Some(-0.7)),
            Some(("down", "\u{25bc} 70".to_string()))
        );
        assert_eq!(
            change_badge(Some(0.12)),
            Some(("up", "\u{25b2} 12".to_string()))
        );
    }

    #[test]
    fn the_timing_sentence_names_the_longest_pause() {
        let timing = SliceTiming {
            wall_ms: 240.4,
            compute_ms: 180.2,
            slices: 16,
            longest_ms: 13.6,
        };
        let text = timing_sentence(&timing);
        assert!(text.starts_with("Trained in 240 ms"), "{text}");
        assert!(text.contains("16 slices, the longest 14 ms"), "{text}");
    }
}
