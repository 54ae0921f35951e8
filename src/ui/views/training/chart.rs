//! The loss curve: an SVG line that grows epoch by epoch while training runs, on a fixed log
//! axis (so it does not rescale mid-run), with a table alternative.

use leptos::prelude::*;

use crate::ui::components::figure_download::{
    workbench_caption, CsvDownload, Figure, FigureDownload,
};
use crate::ui::state::AppStore;

/// The loss curve as a downloadable figure (one line: no legend).
const FIGURE: Figure = Figure {
    slug: "training-loss",
    what: "the training loss chart",
    title: "Training loss per epoch (log scale)",
    chart: ".loss-chart__svg",
    legend: None,
};

/// Drawing area, in SVG user units. The left margin fits "0.00001" at the phone type size
/// (`training.css`), where the chart is drawn at about half size.
const WIDTH: f32 = 600.0;
const HEIGHT: f32 = 230.0;
const LEFT: f32 = 96.0;
const RIGHT: f32 = 12.0;
const TOP: f32 = 16.0;
const BOTTOM: f32 = 34.0;
/// The log axis spans 10^LOW_EXP ..= 10^HIGH_EXP; losses outside are drawn at the edge.
const LOW_EXP: i32 = -5;
const HIGH_EXP: i32 = 1;

/// The y coordinate of `loss` on the log axis.
fn y_of(loss: f32) -> f32 {
    let exponent = loss.max(f32::MIN_POSITIVE).log10();
    let t = (exponent.clamp(LOW_EXP as f32, HIGH_EXP as f32) - LOW_EXP as f32)
        / (HIGH_EXP - LOW_EXP) as f32;
    TOP + (1.0 - t) * (HEIGHT - TOP - BOTTOM)
}

/// The x coordinate of epoch `epoch` (1-based) of `total`.
fn x_of(epoch: usize, total: usize) -> f32 {
    let span = total.saturating_sub(1).max(1) as f32;
    LEFT + (epoch.saturating_sub(1) as f32 / span) * (WIDTH - LEFT - RIGHT)
}

/// The SVG path of `losses` (one per epoch) on an axis of `total` epochs; empty for no points.
pub(crate) fn loss_path(losses: &[f32], total: usize) -> String {
    let total = total.max(losses.len());
    losses
        .iter()
        .enumerate()
        .filter(|(_, loss)| loss.is_finite())
        .map(|(i, &loss)| (x_of(i + 1, total), y_of(loss)))
        .enumerate()
        .map(|(n, (x, y))| format!("{}{x:.1},{y:.1}", if n == 0 { "M" } else { " L" }))
        .collect()
}

/// A loss as people read it: three decimals, or scientific notation when tiny.
pub(crate) fn format_loss(loss: f32) -> String {
    if loss >= 0.001 {
        format!("{loss:.3}")
    } else {
        format!("{loss:.1e}")
    }
}

/// The label of the gridline at 10^`exp`, written out ("0.001") as people read it.
pub(crate) fn tick_label(exp: i32) -> String {
    if exp >= 0 {
        10u64.pow(exp.unsigned_abs()).to_string()
    } else {
        format!("{:.*}", exp.unsigned_abs() as usize, 10f64.powi(exp))
    }
}

/// What the chart shows, in words (its accessible name).
pub(crate) fn describe(losses: &[f32], total: usize) -> String {
    match (losses.first(), losses.last()) {
        (Some(first), Some(last)) => format!(
            "Training loss per epoch, log scale: {} after epoch 1, {} after epoch {} of {}.",
            format_loss(*first),
            format_loss(*last),
            losses.len(),
            total.max(losses.len())
        ),
        _ => "Training loss per epoch: no run yet.".to_string(),
    }
}

/// The chart and its table.
#[component]
pub(crate) fn LossChart(
    /// Loss per completed epoch.
    losses: Signal<Vec<f32>>,
    /// Epochs the run will do (the x axis).
    epochs: Signal<usize>,
) -> impl IntoView {
    let gridlines = (LOW_EXP..=HIGH_EXP)
        .map(|exp| {
            let y = y_of(10f32.powi(exp));
            let label = tick_label(exp);
            view! {
                <line class="loss-chart__grid" x1=LEFT x2=WIDTH - RIGHT y1=y y2=y/>
                // Every other label is minor: a phone shows only the major ones (training.css).
                <text
                    class="loss-chart__tick"
                    class:loss-chart__tick--minor=(HIGH_EXP - exp) % 2 == 1
                    x=LEFT - 6.0
                    y=y + 4.0
                    text-anchor="end"
                >
                    {label}
                </text>
            }
        })
        .collect_view();
    let bottom = HEIGHT - BOTTOM;
    let table = NodeRef::new();
    let caption = workbench_caption(AppStore::use_context(), move || {
        let losses = losses.get();
        vec![
            format!(
                "{} of {} epochs",
                losses.len(),
                epochs.get().max(losses.len())
            ),
            losses
                .last()
                .map(|l| format!("last loss {}", format_loss(*l)))
                .unwrap_or_default(),
        ]
    });
    view! {
        <figure class="loss-chart">
            <svg
                class="loss-chart__svg"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=move || describe(&losses.get(), epochs.get())
            >
                {gridlines}
                <line class="loss-chart__axis" x1=LEFT x2=WIDTH - RIGHT y1=bottom y2=bottom/>
                <text class="loss-chart__tick" x=LEFT y=HEIGHT - 8.0>"epoch 1"</text>
                <text class="loss-chart__tick" x=WIDTH - RIGHT y=HEIGHT - 8.0 text-anchor="end">
                    {move || format!("epoch {}", epochs.get())}
                </text>
                <path class="loss-chart__line" d=move || loss_path(&losses.get(), epochs.get())/>
            </svg>
            <FigureDownload figure=&FIGURE caption=caption/>
            <figcaption class="loss-chart__caption">
                "Loss per epoch (log scale). It falls as the model fits its training examples; "
                "a low loss means it fits them, not that it knows more."
            </figcaption>
            <details class="loss-chart__table">
                <summary>"Loss per epoch as a table"</summary>
                <table node_ref=table>
                    <thead><tr><th scope="col">"Epoch"</th><th scope="col">"Loss"</th></tr></thead>
                    <tbody>
                        {move || losses
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, loss)| view! {
                                <tr><td>{i + 1}</td><td>{format_loss(loss)}</td></tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <CsvDownload table=table slug="training-loss-table" what="the loss table"/>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_has_one_point_per_epoch_and_falls_with_the_loss() {
        assert_eq!(loss_path(&[], 60), "");
        let path = loss_path(&[3.0, 0.5, 0.01], 60);
        let points: Vec<(f32, f32)> = path
            .split(['M', 'L'])
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                let (x, y) = p.trim().split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        assert_eq!(points.len(), 3);
        assert!(points.windows(2).all(|w| w[0].0 < w[1].0), "x grows");
        assert!(
            points.windows(2).all(|w| w[0].1 < w[1].1),
            "lower loss is lower on screen"
        );
        assert!(points[2].0 < WIDTH / 2.0, "3 of 60 epochs stay at the left");
    }

    #[test]
    fn losses_outside_the_axis_stay_on_the_chart() {
        for loss in [0.0, 1e-12, 1e6] {
            let y = y_of(loss);
            assert!((TOP..=HEIGHT - BOTTOM).contains(&y), "{loss} -> {y}");
        }
        assert!(!loss_path(&[f32::NAN, 1.0], 2).contains("NaN"));
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_loss(3.80258), "3.803");
        assert_eq!(format_loss(0.0000646), "6.5e-5");
        assert!(describe(&[3.8, 0.01], 60).contains("after epoch 2 of 60"));
        assert_eq!(tick_label(1), "10");
        assert_eq!(tick_label(0), "1");
        assert_eq!(tick_label(-3), "0.001");
        assert_eq!(tick_label(-5), "0.00001");
    }
}
