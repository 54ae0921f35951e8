//! Axes for SVG charts: a baseline, tick marks with labels, light gridlines across the plot,
//! and a title. Drawn inside the chart's `<svg>`; positions come from a [`Linear`] scale.

use leptos::prelude::*;

use super::scale::Linear;

/// A horizontal axis along the bottom of the plot.
#[component]
pub fn XAxis(
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
            <text class="chart-axis__title" x=middle y=at_y + 38.0 text-anchor="middle">{title}</text>
        </g>
    }
}

/// A vertical axis along the left of the plot.
#[component]
pub fn YAxis(
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
) -> impl IntoView {
    let (y0, y1) = scale.range;
    let middle = (y0 + y1) / 2.0;
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
            <text
                class="chart-axis__title"
                text-anchor="middle"
                transform=format!("translate({:.1} {:.1}) rotate(-90)", at_x - 46.0, middle)
            >
                {title}
            </text>
        </g>
    }
}
