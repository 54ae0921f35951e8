//! The freshness chart: one column per moment of the story, spread over the whole plot (the
//! columns narrow as the story grows, up to [`crate::ui::state::timeline_story::KEEP`]), knowledge accuracy per mode as lines with
//! the mode's marker at each moment, and retrains and edits marked with a dashed line.
//!
//! Retrieval and "both" often score the same: their lines sit a few pixels apart within each
//! moment's column ([`x_offset`]; x is a moment, not a quantity, so no number moves), retrieval
//! dashed and drawn last, so neither hides the other.

use leptos::prelude::*;

use crate::core::modes::Mode;
use crate::ui::components::chart::{mode_class, percent, Linear, ModeMark, YAxis};
use crate::ui::state::timeline_story::{Moment, MomentKind};

/// The SVG canvas.
pub(crate) const WIDTH: f64 = 560.0;
/// The SVG canvas (room below the plot for two staggered rows of moment subtitles on a phone).
pub(crate) const HEIGHT: f64 = 364.0;
/// Plot edges.
pub(crate) const LEFT: f64 = 72.0;
/// Plot edges.
pub(crate) const RIGHT: f64 = 552.0;
/// Plot edges: above the plot, the retrain labels and above them the y axis title.
pub(crate) const TOP: f64 = 58.0;
/// Plot edges.
pub(crate) const BOTTOM: f64 = 300.0;
/// How far above the plot the y axis title sits: over both rows of retrain and edit labels.
const TITLE_LIFT: f64 = 44.0;

/// The order the lines are drawn in: retrieval last, on top of the "both" line it often
/// coincides with.
pub(crate) const DRAW_ORDER: [Mode; 4] = [Mode::Base, Mode::Tuned, Mode::Both, Mode::Rag];

/// The marker radius of `mode`: "both" larger and retrieval smaller, so a square drawn on a
/// diamond at the same point leaves the diamond's outline showing.
fn marker_radius(mode: Mode) -> f32 {
    match mode {
        Mode::Both => 9.0,
        Mode::Rag => 5.5,
        _ => 7.0,
    }
}

/// The x of slot `i` of `n`: the columns share the plot's whole width.
pub(crate) fn slot_x(i: usize, n: usize) -> f64 {
    LEFT + (i as f64 + 0.5) * (RIGHT - LEFT) / n.max(1) as f64
}

/// How far `mode`'s line and markers sit from the column's centre: "both" a little left and
/// retrieval a little right, so two equal scores show as two marks side by side.
pub(crate) fn x_offset(mode: Mode) -> f64 {
    match mode {
        Mode::Both => -6.0,
        Mode::Rag => 6.0,
        _ => 0.0,
    }
}

/// Per moment, whether its mark's label goes on the upper row: a marked moment right after a
/// marked moment on the lower row goes up, so two labels never share a row side by side
/// ("retrained on v3" ran into "edit" when both sat on one row).
pub(crate) fn lifted_labels(moments: &[Moment]) -> Vec<bool> {
    let marked = |m: &Moment| matches!(m.kind, MomentKind::Retrain | MomentKind::Edit);
    let mut out: Vec<bool> = Vec::with_capacity(moments.len());
    for (i, m) in moments.iter().enumerate() {
        let after_low = i > 0 && marked(&moments[i - 1]) && !out[i - 1];
        out.push(marked(m) && after_low);
    }
    out
}

/// Knowledge accuracy to y.
pub(crate) fn y_scale() -> Linear {
    Linear::new((0.0, 1.0), (BOTTOM, TOP))
}

/// The polyline points of `mode` over `moments` (moments without a score are skipped).
pub(crate) fn line_points(moments: &[Moment], mode: Mode) -> String {
    let y = y_scale();
    let n = moments.len();
    moments
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            m.knowledge_of(mode)
                .map(|v| format!("{:.1},{:.1}", slot_x(i, n) + x_offset(mode), y.at(v)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn describe(moments: &[Moment]) -> String {
    let series: Vec<String> = Mode::ALL
        .iter()
        .map(|&mode| {
            let values: Vec<String> = moments
                .iter()
                .map(|m| percent(m.knowledge_of(mode)))
                .collect();
            format!("{}: {}", mode.title(), values.join(", "))
        })
        .collect();
    let when: Vec<String> = moments
        .iter()
        .map(|m| format!("{} {}", m.title(), m.subtitle()))
        .collect();
    format!(
        "Line chart of knowledge accuracy at each moment ({}). {}.",
        when.join("; "),
        series.join(". ")
    )
}

/// The chart.
#[component]
pub(crate) fn TimelinePlot(
    /// The story's moments.
    moments: Memo<Vec<Moment>>,
) -> impl IntoView {
    let y = y_scale();
    let ticks: Vec<(f64, String)> = [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|v| (v, format!("{:.0}%", v * 100.0)))
        .collect();
    let columns = move || {
        let all = moments.get();
        let n = all.len();
        let lifted = lifted_labels(&all);
        all.iter()
            .enumerate()
            .map(|(i, m)| {
                let x = slot_x(i, n);
                let marked = matches!(m.kind, MomentKind::Retrain | MomentKind::Edit);
                let label_y = if lifted[i] { TOP - 26.0 } else { TOP - 12.0 };
                let mark_label = match m.kind {
                    MomentKind::Retrain => {
                        format!("retrain ({})", m.tuned_on.clone().unwrap_or_default())
                    }
                    _ => "edit".to_string(),
                };
                view! {
                    // Odd slots' subtitles drop to a second row on a phone (timeline.css), where
                    // one row of them runs together.
                    <g
                        class=format!("timeline-moment timeline-moment--{:?}", m.kind).to_lowercase()
                        class:timeline-moment--odd=i % 2 == 1
                    >
                        {marked.then(|| view! {
                            <line class="timeline-mark" x1=x x2=x y1=label_y + 4.0 y2=BOTTOM></line>
                            <text class="timeline-mark__label" x=x y=label_y text-anchor="middle">
                                {mark_label}
                            </text>
                        })}
                        <text class="chart-tick-label timeline-moment__title" x=x y=BOTTOM + 20.0 text-anchor="middle">
                            {m.title()}
                        </text>
                        <text class="chart-tick-label timeline-moment__subtitle" x=x y=BOTTOM + 36.0 text-anchor="middle">
                            {m.subtitle()}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };
    let lines = DRAW_ORDER
        .into_iter()
        .map(|mode| {
            let markers = move || {
                let all = moments.get();
                let n = all.len();
                all.into_iter()
                    .enumerate()
                    .filter_map(|(i, m)| m.knowledge_of(mode).map(|v| (i, v)))
                    .map(|(i, v)| {
                        let x = slot_x(i, n) + x_offset(mode);
                        view! {
                            <g transform=format!("translate({:.1} {:.1})", x, y.at(v))>
                                <ModeMark mode=mode radius=marker_radius(mode)/>
                            </g>
                        }
                    })
                    .collect_view()
            };
            view! {
                <g
                    class=format!("timeline-line {}", mode_class(mode))
                    data-mode=mode.key()
                    data-values=move || {
                        moments.with(|ms| {
                            ms.iter()
                                .map(|m| m.knowledge_of(mode).map(|v| v.to_string()).unwrap_or_default())
                                .collect::<Vec<_>>()
                                .join(",")
                        })
                    }
                >
                    <polyline points=move || moments.with(|ms| line_points(ms, mode))></polyline>
                    {markers}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart timeline-chart"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="img"
            aria-label=move || moments.with(|m| describe(m))
        >
            <YAxis
                scale=y
                at_x=LEFT
                right=RIGHT
                ticks=ticks
                title="States today's fact".to_string()
                title_lift=TITLE_LIFT
            />
            <line class="chart-axis__line" x1=LEFT x2=RIGHT y1=BOTTOM y2=BOTTOM></line>
            <text class="chart-corner timeline-chart__time" x="0" y=BOTTOM + 20.0>"time →"</text>
            {columns}
            {lines}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::eval::{EvalReport, ModeMetrics};
    use crate::ui::state::timeline_story::{MomentKey, Story, KEEP};

    #[test]
    fn lines_put_each_moment_in_its_slot() {
        let mut story = Story::default();
        for (i, v) in [0.8, 0.4].into_iter().enumerate() {
            let mut r = EvalReport::default();
            r.modes.tuned = ModeMetrics {
                knowledge_accuracy: Some(v),
                ..ModeMetrics::default()
            };
            let key = MomentKey {
                version: format!("v{}", i + 1),
                edits: 0,
                model: None,
                settings: (5, 0),
            };
            story.observe(key, &r);
        }
        let points = line_points(story.moments(), Mode::Tuned);
        let expected = format!(
            "{:.1},{:.1} {:.1},{:.1}",
            slot_x(0, 2),
            y_scale().at(0.8),
            slot_x(1, 2),
            y_scale().at(0.4)
        );
        assert_eq!(points, expected);
        assert_eq!(
            line_points(story.moments(), Mode::Rag),
            "",
            "no rag scores, no line"
        );
        assert!(slot_x(KEEP - 1, KEEP) < RIGHT);
        // Two moments use the whole plot, not the left quarter of eight fixed slots.
        assert!(slot_x(1, 2) > (LEFT + RIGHT) / 2.0);
        assert!(slot_x(1, 2) + x_offset(Mode::Rag) < RIGHT);
    }

    #[test]
    fn neighbouring_labels_take_turns_on_two_rows() {
        let mut story = Story::default();
        let r = EvalReport::default();
        let k = |v: &str, model: &str, edits: u64| MomentKey {
            version: v.into(),
            edits,
            model: Some((model.into(), 1)),
            settings: (5, 0),
        };
        story.observe(k("v1", "v1", 0), &r); // start
        story.observe(k("v1", "v1", 1), &r); // edit
        story.observe(k("v1", "v3", 1), &r); // retrain
        story.observe(k("v1", "v3", 2), &r); // edit
        story.observe(k("v2", "v3", 2), &r); // version
        story.observe(k("v2", "v3", 3), &r); // edit
        assert_eq!(
            lifted_labels(story.moments()),
            [false, false, true, false, false, false]
        );
    }

    #[test]
    fn retrieval_is_drawn_last_and_smaller_than_both() {
        assert_eq!(DRAW_ORDER.last(), Some(&Mode::Rag));
        let mut drawn = DRAW_ORDER.to_vec();
        drawn.sort_by_key(|m| Mode::ALL.iter().position(|a| a == m));
        assert_eq!(drawn, Mode::ALL, "every mode drawn once");
        assert!(marker_radius(Mode::Rag) < marker_radius(Mode::Both));
        // Equal scores of the two still show as two marks: they sit apart by more than the
        // smaller marker's radius.
        assert!(
            (x_offset(Mode::Rag) - x_offset(Mode::Both)).abs()
                > f64::from(marker_radius(Mode::Rag))
        );
    }
}
