//! Per-stage latency bars: for each mode, the mean time of each pipeline stage over the
//! evaluation run, stacked; a table alternative lists the same means with medians and p90s.
//!
//! Means, not medians: the browser's clock may tick in 0.1 ms steps, so the median of a stage
//! that takes microseconds reads 0, while the mean over hundreds of questions stays a fair
//! estimate (see [`crate::core::eval::Summary`]).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::eval::{EvalReport, StageLatency, Summary};
use crate::core::modes::Mode;
use crate::ui::components::chart::scale::nice_ceiling;
use crate::ui::components::chart::{
    mode_class, mode_short, ms, ms_number, ChartTable, Linear, ModeKey, ModeMark,
};
use crate::ui::components::figure_download::{workbench_caption, Figure, FigureDownload};
use crate::ui::components::notice::NoticeCaption;
use crate::ui::state::AppStore;

use super::story;

/// A stage of the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Embedding the question.
    Embed,
    /// Searching the index.
    Search,
    /// The reader picking a sentence.
    Read,
    /// The tuned heads.
    Infer,
    /// Rendering the house format.
    Render,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub(crate) const ALL: [Stage; 5] = [
        Stage::Embed,
        Stage::Search,
        Stage::Read,
        Stage::Infer,
        Stage::Render,
    ];

    /// Its name.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Stage::Embed => "embed",
            Stage::Search => "search",
            Stage::Read => "read",
            Stage::Infer => "tuned model",
            Stage::Render => "format",
        }
    }

    /// Its percentiles in `latency`.
    pub(crate) fn of(self, latency: &StageLatency) -> Summary {
        match self {
            Stage::Embed => latency.embed,
            Stage::Search => latency.search,
            Stage::Read => latency.read,
            Stage::Infer => latency.infer,
            Stage::Render => latency.render,
        }
    }
}

/// One piece of a stacked bar.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Segment {
    /// Which stage.
    pub(crate) stage: Stage,
    /// Its mean, ms.
    pub(crate) ms: f64,
    /// Where it starts, SVG units.
    pub(crate) x: f64,
    /// How wide, SVG units.
    pub(crate) width: f64,
}

/// Canvas and plot edges.
pub(crate) const WIDTH: f64 = 560.0;
/// Where bars start (mode names to the left, wide enough for "Fine-tuned" at the phone type
/// size).
pub(crate) const LEFT: f64 = 158.0;
/// Where bars end at the axis maximum (totals to the right).
pub(crate) const RIGHT: f64 = 450.0;
/// Height of one row.
pub(crate) const ROW: f64 = 46.0;
/// Space above the first row.
pub(crate) const TOP: f64 = 12.0;

/// The x axis: 0 to a round number above the longest stack.
pub(crate) fn x_scale(report: &EvalReport) -> Linear {
    let longest = Mode::ALL
        .iter()
        .map(|m| stacked_ms(&report.modes.get(*m).stages))
        .fold(0.0, f64::max);
    Linear::new((0.0, nice_ceiling(longest)), (LEFT, RIGHT))
}

/// The sum of the stage means (the mean of the whole answer).
pub(crate) fn stacked_ms(latency: &StageLatency) -> f64 {
    Stage::ALL.iter().map(|s| s.of(latency).mean).sum()
}

/// The stacked segments of one mode (stages that take no time are left out).
pub(crate) fn segments(latency: &StageLatency, scale: &Linear) -> Vec<Segment> {
    let mut start = 0.0;
    let mut out = Vec::new();
    for stage in Stage::ALL {
        let ms = stage.of(latency).mean;
        if ms > 0.0 {
            let x = scale.at(start);
            out.push(Segment {
                stage,
                ms,
                x,
                width: scale.at(start + ms) - x,
            });
            start += ms;
        }
    }
    out
}

/// The bars.
#[component]
pub(crate) fn LatencyBars(
    /// The live evaluation.
    report: Memo<Option<Arc<EvalReport>>>,
) -> impl IntoView {
    let height = TOP + ROW * 4.0 + 52.0;
    let chart = move || {
        report.get().map(|r| {
            let scale = x_scale(&r);
            // Few ticks and bare numbers (the axis title gives the unit): on a phone, labels
            // like "0.05 ms" every 0.05 ran together.
            let ticks = scale
                .ticks(3)
                .into_iter()
                .map(|v| (v, v.to_string()))
                .collect::<Vec<_>>();
            let rows = Mode::ALL
                .into_iter()
                .enumerate()
                .map(|(i, mode)| {
                    let y = TOP + ROW * i as f64;
                    let m = r.modes.get(mode);
                    let bars = segments(&m.stages, &scale)
                        .into_iter()
                        .map(|s| {
                            let show = s.width > 44.0;
                            view! {
                                <rect
                                    class=format!("stage stage--{}", s.stage.label().replace(' ', "-"))
                                    data-stage=s.stage.label()
                                    data-ms=s.ms.to_string()
                                    x=format!("{:.2}", s.x)
                                    y=y + 8.0
                                    width=format!("{:.2}", s.width.max(0.5))
                                    height=ROW - 18.0
                                >
                                    <title>{format!("{}: {} (mean)", s.stage.label(), ms(s.ms))}</title>
                                </rect>
                                {show.then(|| view! {
                                    <text class="stage__label" x=s.x + s.width / 2.0 y=y + ROW / 2.0 + 4.0 text-anchor="middle">
                                        {s.stage.label()}
                                    </text>
                                })}
                            }
                        })
                        .collect_view();
                    let total = ms(m.latency_ms_mean);
                    view! {
                        <g class=format!("latency-row {}", mode_class(mode)) data-mode=mode.key()>
                            <g transform=format!("translate(14 {:.1})", y + ROW / 2.0 - 1.0)>
                                <ModeMark mode=mode radius=7.0/>
                            </g>
                            <text class="latency-row__name" x="28" y=y + ROW / 2.0 + 4.0>{mode_short(mode)}</text>
                            {bars}
                            <text class="latency-row__total" x=RIGHT + 8.0 y=y + ROW / 2.0 + 4.0>{total}</text>
                        </g>
                    }
                })
                .collect_view();
            let axis_y = TOP + ROW * 4.0;
            view! {
                <svg
                    class="chart latency-chart"
                    viewBox=format!("0 0 {WIDTH} {height}")
                    role="img"
                    aria-label=describe(&r)
                >
                    <crate::ui::components::chart::XAxis
                        scale=scale
                        at_y=axis_y
                        top=TOP
                        ticks=ticks
                        title="Mean time per stage, milliseconds".to_string()
                    />
                    {rows}
                </svg>
            }
        })
    };
    let legend = Stage::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li>
                    <svg class="stage-key" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
                        <rect class=format!("stage stage--{}", s.label().replace(' ', "-")) width="14" height="14"></rect>
                    </svg>
                    {s.label()}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="latency">
            {chart}
            <ul class="stage-legend mode--base" aria-label="Stages, left to right">{legend}</ul>
        </div>
    }
}

fn describe(report: &EvalReport) -> String {
    let rows: Vec<String> = Mode::ALL
        .iter()
        .map(|&mode| {
            let m = report.modes.get(mode);
            let parts: Vec<String> = Stage::ALL
                .iter()
                .filter(|s| s.of(&m.stages).mean > 0.0)
                .map(|s| format!("{} {}", s.label(), ms(s.of(&m.stages).mean)))
                .collect();
            format!(
                "{}: {}",
                mode.title(),
                if parts.is_empty() {
                    "nothing runs".to_string()
                } else {
                    parts.join(", ")
                }
            )
        })
        .collect();
    format!("Stacked bars of mean time per stage. {}.", rows.join(". "))
}

/// A cell's mean / median / p90, one per line: on one line they made the table about 1,400 px
/// wide, more than its card on a desktop.
#[component]
fn Triple(
    /// Mean, ms.
    mean: f64,
    /// Median, ms.
    p50: f64,
    /// 90th percentile, ms.
    p90: f64,
) -> impl IntoView {
    view! {
        <span class="latency-table__stat">{format!("{} /", ms_number(mean))}</span>
        " "
        <span class="latency-table__stat">{format!("{} /", ms_number(p50))}</span>
        " "
        <span class="latency-table__stat">{ms_number(p90)}</span>
    }
}

/// The table alternative: stage means, medians and p90s per mode.
#[component]
pub(crate) fn LatencyTable(
    /// The live evaluation.
    report: Memo<Option<Arc<EvalReport>>>,
) -> impl IntoView {
    let rows = move || {
        report.get().map(|r| {
            Mode::ALL
                .into_iter()
                .map(|mode| {
                    let m = r.modes.get(mode);
                    let cells = Stage::ALL
                        .into_iter()
                        .map(|s| {
                            let p = s.of(&m.stages);
                            view! {
                                <td data-stage=s.label() data-value=p.mean.to_string()>
                                    <Triple mean=p.mean p50=p.p50 p90=p.p90/>
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-mode=mode.key()>
                            <th scope="row"><ModeKey mode=mode/></th>
                            {cells}
                            <td data-stage="total" data-value=m.latency_ms_mean.to_string()>
                                <Triple mean=m.latency_ms_mean p50=m.latency_ms_p50 p90=m.latency_ms_p90/>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let caption = view! {
        <caption>"Per stage over every evaluation question. The clock may tick in 0.1 ms steps, so medians of microsecond stages can read 0; means average the ticks out."</caption>
    };
    let head = view! {
        <th scope="col">"Mode"</th>
        {Stage::ALL.into_iter().map(|s| view! { <th scope="col">{s.label()}</th> }).collect_view()}
        <th scope="col">"Whole answer"</th>
    };
    view! {
        <ChartTable class="latency-table" file="latency-table" what="the latency table" summary="The latency numbers (mean / median / p90, ms)"
            label="Latency numbers table" caption=caption.into_any() head=head.into_any()
            rows=rows.into_any()/>
    }
}

/// The latency bars as a downloadable figure.
const LATENCY_FIGURE: Figure = Figure {
    slug: "latency",
    what: "the latency chart",
    title: "Where the time goes: mean time per stage",
    chart: ".latency-chart",
    legend: Some(".latency .stage-legend li"),
};

/// "Where the time goes": the caption, the bars with their download, and the table.
#[component]
pub(crate) fn LatencySection(
    /// The live evaluation.
    report: Memo<Option<Arc<EvalReport>>>,
) -> impl IntoView {
    let store = AppStore::use_context();
    let caption = Signal::derive(move || {
        report
            .get()
            .map(|r| story::latency_caption(&r))
            .unwrap_or_default()
    });
    let figure_caption = workbench_caption(store, Vec::new);
    view! {
        <section class="cost-section" aria-labelledby="latency-title">
            <h3 id="latency-title">"Where the time goes"</h3>
            <NoticeCaption class="latency-caption" summary="What the times leave out"
                notice=caption/>
            <div class="chart-frame">
                <LatencyBars report=report/>
                <FigureDownload figure=&LATENCY_FIGURE caption=figure_caption/>
            </div>
            <LatencyTable report=report/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_stack_the_stages_that_ran() {
        let latency = StageLatency {
            embed: Summary {
                mean: 0.01,
                p50: 0.0,
                p90: 0.02,
            },
            search: Summary::default(),
            read: Summary {
                mean: 0.05,
                p50: 0.1,
                p90: 0.1,
            },
            ..StageLatency::default()
        };
        let scale = Linear::new((0.0, 0.1), (LEFT, RIGHT));
        let s = segments(&latency, &scale);
        assert_eq!(s.len(), 2, "search took no time");
        assert_eq!(s[0].stage, Stage::Embed);
        assert_eq!(s[1].x, s[0].x + s[0].width);
        assert!((s[1].width - 0.05 / 0.1 * (RIGHT - LEFT)).abs() < 1e-9);
        assert!((stacked_ms(&latency) - 0.06).abs() < 1e-12);
    }
}
