//! The break-even chart: cumulative cost of retrieval, fine-tuning and both over the number
//! of questions answered, under the editable price assumptions, with the point where
//! fine-tuning becomes cheaper than retrieval marked; and its table alternative.

use leptos::prelude::*;

use super::story::dollars;
use crate::core::cost::{break_even, cost_line, CostLine, Prices, Workload};
use crate::core::modes::Mode;
use crate::ui::components::chart::axis::Y_TITLE_ROOM;
use crate::ui::components::chart::scale::nice_ceiling;
use crate::ui::components::chart::{
    mode_class, plain_number, ChartTable, Linear, ModeKey, ModeMark, XAxis, YAxis,
};

/// Canvas and plot edges.
pub(crate) const WIDTH: f64 = 580.0;
/// Canvas height.
pub(crate) const HEIGHT: f64 = 384.0;
/// Plot edges.
pub(crate) const LEFT: f64 = 86.0;
/// Plot edges.
pub(crate) const RIGHT: f64 = 556.0;
/// Plot edges (room above for the y axis title).
pub(crate) const TOP: f64 = 20.0 + Y_TITLE_ROOM;
/// Plot edges.
pub(crate) const BOTTOM: f64 = 316.0;

/// Room the break-even label takes beside its drop line: two lines, "break-even:" over
/// "123,456 questions" (one line did not fit right of the crossing).
const LABEL_WIDTH: f64 = 170.0;

/// The modes drawn (the base model is left out: it cannot answer, so its cost is moot).
pub(crate) const DRAWN: [Mode; 3] = [Mode::Rag, Mode::Tuned, Mode::Both];

/// Everything the chart draws, computed from the assumptions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct BreakEven {
    /// Cost line per mode in [`Mode::ALL`] order.
    pub(crate) lines: [CostLine; 4],
    /// Questions after which fine-tuning is cheaper than retrieval.
    pub(crate) questions: Option<f64>,
    /// The x axis maximum.
    pub(crate) x_max: f64,
    /// The y axis maximum.
    pub(crate) y_max: f64,
}

impl BreakEven {
    /// Computes the lines and the break-even point.
    pub(crate) fn new(prices: &Prices, workload: &Workload) -> Self {
        let lines = Mode::ALL.map(|m| cost_line(m, prices, workload));
        let questions = break_even(&lines[1], &lines[2]);
        let x_max = nice_ceiling(questions.map_or(100_000.0, |n| (n * 1.6).max(1_000.0)));
        let y_max = nice_ceiling(
            DRAWN
                .iter()
                .map(|m| lines[index(*m)].at(x_max))
                .fold(0.0, f64::max),
        );
        Self {
            lines,
            questions,
            x_max,
            y_max,
        }
    }

    /// The line of `mode`.
    pub(crate) fn line(&self, mode: Mode) -> &CostLine {
        &self.lines[index(mode)]
    }

    /// Questions to x.
    pub(crate) fn x_scale(&self) -> Linear {
        Linear::new((0.0, self.x_max), (LEFT, RIGHT))
    }

    /// Dollars to y.
    pub(crate) fn y_scale(&self) -> Linear {
        Linear::new((0.0, self.y_max), (BOTTOM, TOP))
    }
}

/// A y tick label: whole dollars without cents ("$25"), so the labels stay short on a phone.
fn tick_dollars(value: f64) -> String {
    if value >= 1.0 && value.fract() == 0.0 {
        format!("${}", plain_number(value))
    } else {
        dollars(value)
    }
}

fn index(mode: Mode) -> usize {
    Mode::ALL.iter().position(|m| *m == mode).unwrap_or(0)
}

/// The chart.
#[component]
pub(crate) fn BreakEvenChart(
    /// The computed lines.
    data: Memo<BreakEven>,
) -> impl IntoView {
    let chart = move || {
        let d = data.get();
        let (xs, ys) = (d.x_scale(), d.y_scale());
        let x_ticks = xs
            .ticks(4)
            .into_iter()
            .map(|v| (v, plain_number(v)))
            .collect::<Vec<_>>();
        let y_ticks = ys
            .ticks(4)
            .into_iter()
            .map(|v| (v, tick_dollars(v)))
            .collect::<Vec<_>>();
        let lines = DRAWN
            .into_iter()
            .map(|mode| {
                let line = *d.line(mode);
                let (x0, y0) = (xs.at(0.0), ys.at(line.upfront));
                let (x1, y1) = (xs.at(d.x_max), ys.at(line.at(d.x_max)));
                view! {
                    <g class=format!("cost-line {}", mode_class(mode)) data-mode=mode.key()>
                        <line x1=x0 y1=y0 x2=x1 y2=y1></line>
                        <g transform=format!("translate({x1:.1} {y1:.1})")>
                            <ModeMark mode=mode radius=7.0/>
                        </g>
                    </g>
                }
            })
            .collect_view();
        let marker = d.questions.map(|n| {
            let (x, y) = (xs.at(n), ys.at(d.line(Mode::Rag).at(n)));
            // Right of the drop line when the label fits there: every line rises to the right,
            // so the corner under them past the crossing is empty; to its left the retrieval
            // line starts at the axis and runs through the label's row.
            let anchor = if x + LABEL_WIDTH < RIGHT {
                "start"
            } else {
                "end"
            };
            let dx = if anchor == "end" { -10.0 } else { 10.0 };
            view! {
                <g class="break-even" data-questions=n.to_string()>
                    <line class="break-even__drop" x1=x x2=x y1=y y2=BOTTOM></line>
                    <circle cx=x cy=y r="6"></circle>
                    // Just above the axis, not by the crossing point, where it ran across the
                    // fine-tuned line.
                    <text class="break-even__label" x=x + dx y=BOTTOM - 30.0 text-anchor=anchor>
                        "break-even: "
                        <tspan x=x + dx dy="1.3em">{format!("{} questions", plain_number(n))}</tspan>
                    </text>
                </g>
            }
        });
        let label = match d.questions {
            Some(n) => format!(
                "Cumulative cost over questions: fine-tuning becomes cheaper than retrieval after {} questions.",
                plain_number(n)
            ),
            None => "Cumulative cost over questions: fine-tuning never becomes cheaper than retrieval.".to_string(),
        };
        view! {
            <svg
                class="chart break-even-chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=label
                data-break-even=d.questions.map(|n| n.to_string()).unwrap_or_default()
            >
                <XAxis scale=xs at_y=BOTTOM top=TOP ticks=x_ticks title="Questions answered".to_string()/>
                <YAxis scale=ys at_x=LEFT right=RIGHT ticks=y_ticks title="Total cost, USD".to_string()/>
                {lines}
                {marker}
            </svg>
        }
    };
    let legend = DRAWN
        .into_iter()
        .map(|mode| view! { <li><ModeKey mode=mode/></li> })
        .collect_view();
    view! {
        <div class="break-even-frame">
            {chart}
            <ul class="stage-legend" aria-label="Lines">{legend}</ul>
        </div>
    }
}

/// The table alternative.
#[component]
pub(crate) fn BreakEvenTable(
    /// The computed lines.
    data: Memo<BreakEven>,
) -> impl IntoView {
    const AT: [f64; 3] = [1_000.0, 10_000.0, 100_000.0];
    let rows = move || {
        let d = data.get();
        Mode::ALL
            .into_iter()
            .map(|mode| {
                let line = *d.line(mode);
                view! {
                    <tr data-mode=mode.key()>
                        <th scope="row"><ModeKey mode=mode/></th>
                        <td data-key="upfront" data-value=line.upfront.to_string()>{dollars(line.upfront)}</td>
                        <td data-key="per_question" data-value=line.per_question.to_string()>{dollars(line.per_question * 1000.0)}</td>
                        {AT.into_iter().map(|n| view! {
                            <td data-key=format!("at_{n}") data-value=line.at(n).to_string()>{dollars(line.at(n))}</td>
                        }).collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    let caption = move || match data.get().questions {
        Some(n) => format!(
            "Fine-tuning becomes cheaper than retrieval after {} questions.",
            plain_number(n)
        ),
        None => "Fine-tuning never becomes cheaper than retrieval at these prices.".to_string(),
    };
    let caption = view! {
        <caption data-break-even=move || data.get().questions.map(|n| n.to_string()).unwrap_or_default()>
            {caption}
        </caption>
    };
    let head = view! {
        <th scope="col">"Mode"</th>
        <th scope="col">"Up front"</th>
        <th scope="col">"Per 1,000 questions"</th>
        {AT.into_iter().map(|n| view! {
            <th scope="col">{format!("After {} questions", plain_number(n))}</th>
        }).collect_view()}
    };
    view! {
        <ChartTable class="break-even-table" file="break-even-table" what="the break-even table" summary="The cost numbers"
            label="Table, scrolls sideways" caption=caption.into_any() head=head.into_any()
            rows=rows.into_any()/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axes_show_the_break_even_with_room_after_it() {
        let w = Workload {
            question_tokens: 10.0,
            answer_tokens: 30.0,
            context_passages: 5,
            passage_tokens: 80.0,
            training_examples: 200,
            epochs: 60,
            corpus_tokens: 20_000.0,
            training_runs: 1,
        };
        let d = BreakEven::new(&Prices::default(), &w);
        let n = d.questions.unwrap();
        assert!(d.x_max >= n * 1.6 && d.x_max < n * 4.0, "{n} {}", d.x_max);
        assert!(d.y_max >= d.line(Mode::Both).at(d.x_max));
        let x = d.x_scale().at(n);
        assert!(x > LEFT && x < RIGHT);
        let dearer = Prices {
            training: 30.0,
            ..Prices::default()
        };
        assert!(BreakEven::new(&dearer, &w).questions.unwrap() > n * 9.0);
    }

    #[test]
    fn whole_dollar_ticks_drop_the_cents() {
        assert_eq!(tick_dollars(25.0), "$25");
        assert_eq!(tick_dollars(1_000.0), "$1,000");
        assert_eq!(tick_dollars(0.0), "$0");
        assert_eq!(tick_dollars(2.5), "$2.50");
        assert_eq!(tick_dollars(0.05), "$0.05");
    }
}
