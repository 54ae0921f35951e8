//! Axes for SVG charts: a baseline, tick marks with labels, light gridlines across the plot,
//! and a title. Drawn inside the chart's `<svg>`; positions come from a [`Linear`] scale.
//!
//! The y axis title is written level, above the top tick label and starting at the canvas's
//! left edge, rather than turned on its side beside the ticks: on a phone the chart is drawn
//! at about half size with larger type, and a turned title there ran into the tick labels.
//! A chart leaves [`Y_TITLE_ROOM`] above its top tick for it.

use leptos::prelude::*;

use super::scale::Linear;

/// A horizontal axis along the bottom of the plot.
#[component]
pub(crate) fn XAxis(
    /// Data to x.
    scale: Linear,
    /// The y of the axis line.
    at_y: f64,
    /// The top of the plot (gridlines run up to it).
    top: f64,
    /// Tick values and their labels.
    ticks: Vec<(f64, String)>,
    /// What the axis measures.
    title: String,
) -> impl IntoView {
    let (x0, x1) = scale.range;
    let middle = (x0 + x1) / 2.0;
    let marks = ticks
        .into_iter()
        .map(|(value, label)| {
            let x = scale.at(value);
            view! {
                <line class="chart-grid" x1=x x2=x y1=top y2=at_y></line>
                <line class="chart-tick" x1=x x2=x y1=at_y y2=at_y + 5.0></line>
                <text class="chart-tick-label" x=x y=at_y + 18.0 text-anchor="middle">{label}</text>
            }
        })
        .collect_view();
    view! {
        <g class="chart-axis chart-axis--x" aria-hidden="true">
            {marks}
            <line class="chart-axis__line" x1=x0 x2=x1 y1=at_y y2=at_y></line>
            <text class="chart-axis__title" x=middle y=at_y + 42.0 text-anchor="middle">{title}</text>
        </g>
    }
}

/// How far above the top of the y axis the title's baseline sits by default: clear of the top
/// tick label at the phone type size (`chart.css`).
pub(crate) const Y_TITLE_LIFT: f64 = 22.0;

/// The room a chart leaves between its canvas top and the top of the y axis for the title
/// (the default lift plus the title's height at the phone type size).
pub(crate) const Y_TITLE_ROOM: f64 = Y_TITLE_LIFT + 18.0;

/// A vertical axis along the left of the plot, its title above it.
#[component]
pub(crate) fn YAxis(
    /// Data to y.
    scale: Linear,
    /// The x of the axis line.
    at_x: f64,
    /// The right edge of the plot (gridlines run to it).
    right: f64,
    /// Tick values and their labels.
    ticks: Vec<(f64, String)>,
    /// What the axis measures.
    title: String,
    /// How far above the top of the axis the title's baseline sits (more when the chart draws
    /// its own labels just above the plot).
    #[prop(default = Y_TITLE_LIFT)]
    title_lift: f64,
) -> impl IntoView {
    let (y0, y1) = scale.range;
    let top = y0.min(y1);
    let marks = ticks
        .into_iter()
        .map(|(value, label)| {
            let y = scale.at(value);
            view! {
                <line class="chart-grid" x1=at_x x2=right y1=y y2=y></line>
                <line class="chart-tick" x1=at_x - 5.0 x2=at_x y1=y y2=y></line>
                <text class="chart-tick-label" x=at_x - 8.0 y=y + 4.0 text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    view! {
        <g class="chart-axis chart-axis--y" aria-hidden="true">
            {marks}
            <line class="chart-axis__line" x1=at_x x2=at_x y1=y0 y2=y1></line>
            <text class="chart-axis__title chart-axis__title--y" x="0" y=top - title_lift text-anchor="start">
                {title}
            </text>
        </g>
    }
}
