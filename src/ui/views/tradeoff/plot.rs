//! The trade-off scatter: one labelled point per mode, x = knowledge accuracy, y = format
//! compliance, a halo whose area grows with mean answer time. Points move with a CSS
//! transition on `transform` (none under reduced motion, where `--motion` is 0 ms).

use std::sync::Arc;

use leptos::prelude::*;

use super::layout::{
    label_lines, label_offset, plot_points, x_scale, y_scale, PlotPoint, AXIS_BOTTOM, AXIS_LEFT,
    BOTTOM, HEIGHT, LEFT, RIGHT, TITLE_BAND, TOP, VALUE_LINE, WIDTH,
};
use crate::core::eval::EvalReport;
use crate::core::modes::Mode;
use crate::ui::components::chart::{mode_class, ms, percent, Linear, ModeMark, XAxis, YAxis};

fn percent_ticks() -> Vec<(f64, String)> {
    [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|v| (v, format!("{:.0}%", v * 100.0)))
        .collect()
}

/// `scale` stretched to begin at the axis line `start`: the same mapping, so ticks stay where
/// the data scale puts them, with the axis line drawn from `start`.
fn axis(scale: Linear, start: f64) -> Linear {
    Linear::new(
        (scale.invert(start), scale.domain.1),
        (start, scale.range.1),
    )
}

/// The chart's accessible name: every point in words.
fn describe(points: &[PlotPoint]) -> String {
    let each: Vec<String> = points
        .iter()
        .map(|p| {
            format!(
                "{}: knowledge {}, format {}, mean {}",
                p.mode.title(),
                percent(Some(p.knowledge)),
                percent(Some(p.format)),
                ms(p.latency_ms)
            )
        })
        .collect();
    format!(
        "Scatter plot of knowledge accuracy (across) against format compliance (up). {}.",
        each.join("; ")
    )
}

/// The scatter plot.
#[component]
pub(crate) fn TradeoffPlot(
    /// The live evaluation.
    report: Memo<Option<Arc<EvalReport>>>,
) -> impl IntoView {
    let points =
        Memo::new(move |_| report.with(|r| r.as_deref().map(plot_points).unwrap_or_default()));
    let marks = Mode::ALL
        .into_iter()
        .map(|mode| {
            let point = Memo::new(move |_| {
                points.with(|ps| ps.iter().find(|p| p.mode == mode).cloned())
            });
            let label = move || {
                point.get().map(|p| {
                    let (dx, dy, anchor) = label_offset(p.side, p.halo);
                    let (name, value) = label_lines(mode, p.knowledge, p.format);
                    // One text, the value line in ems below the name, so the gap follows the
                    // larger type on a phone.
                    view! {
                        <text x=dx y=dy text-anchor=anchor>
                            <tspan class="tradeoff-point__name">{name}</tspan>
                            <tspan class="tradeoff-point__value" x=dx dy=format!("{VALUE_LINE}em")>
                                {value}
                            </tspan>
                        </text>
                    }
                })
            };
            view! {
                <g
                    class=format!("tradeoff-point {}", mode_class(mode))
                    data-mode=mode.key()
                    data-x=move || point.get().map(|p| p.knowledge.to_string())
                    data-y=move || point.get().map(|p| p.format.to_string())
                    style=move || {
                        point
                            .get()
                            .map(|p| format!("transform: translate({:.2}px, {:.2}px)", p.x, p.y))
                    }
                >
                    <circle class="tradeoff-point__halo" r=move || point.get().map(|p| format!("{:.1}", p.halo))></circle>
                    <ModeMark mode=mode radius=10.0/>
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart tradeoff-chart"
            viewBox=format!("0 {} {WIDTH} {}", -TITLE_BAND, HEIGHT + TITLE_BAND)
            role="img"
            aria-label=move || points.with(|p| describe(p))
            data-left=LEFT
            data-right=RIGHT
            data-top=TOP
            data-bottom=BOTTOM
        >
            <XAxis
                scale=axis(x_scale(), AXIS_LEFT)
                at_y=AXIS_BOTTOM
                top=TOP - 20.0
                ticks=percent_ticks()
                title="Knowledge: states today's fact".to_string()
            />
            <YAxis
                scale=axis(y_scale(), AXIS_BOTTOM)
                at_x=AXIS_LEFT
                right=RIGHT + 20.0
                ticks=percent_ticks()
                title="Behaviour: house format".to_string()
                title_lift=TOP + TITLE_BAND - 26.0
            />
            {marks}
        </svg>
    }
}
