//! How a mode looks in every chart: its colour (`--mode-*` tokens via a class), its shape
//! (base circle, retrieval square, fine-tuned triangle, both diamond) and its name, so a mode
//! is never told by colour alone.

use leptos::prelude::*;

use crate::core::modes::Mode;
use crate::ui::components::kinds::{shape_path, Shape};

/// The mode's marker shape.
fn mode_shape(mode: Mode) -> Shape {
    match mode {
        Mode::Base => Shape::Circle,
        Mode::Rag => Shape::Square,
        Mode::Tuned => Shape::TriangleUp,
        Mode::Both => Shape::Diamond,
    }
}

/// The CSS class that sets `--mode` to the mode's colour (`mode--rag`, ...).
pub(crate) fn mode_class(mode: Mode) -> &'static str {
    match mode {
        Mode::Base => "mode--base",
        Mode::Rag => "mode--rag",
        Mode::Tuned => "mode--tuned",
        Mode::Both => "mode--both",
    }
}

/// The mode's short name, for labels inside charts (legends and tables use the full title).
pub(crate) fn mode_short(mode: Mode) -> &'static str {
    match mode {
        Mode::Base => "Base",
        Mode::Rag => "Retrieval",
        Mode::Tuned => "Fine-tuned",
        Mode::Both => "Both",
    }
}

/// The mode's marker as an SVG path centred on the origin (use inside an `<svg>`).
#[component]
pub(crate) fn ModeMark(
    /// Which mode.
    mode: Mode,
    /// Radius of the circle the shape fits.
    #[prop(default = 8.0)]
    radius: f32,
) -> impl IntoView {
    view! {
        <path
            class=format!("mode-mark {}", mode_class(mode))
            d=shape_path(mode_shape(mode), radius)
        ></path>
    }
}

/// A small inline marker followed by the mode's name, for legends and table headers.
#[component]
pub(crate) fn ModeKey(
    /// Which mode.
    mode: Mode,
) -> impl IntoView {
    view! {
        <span class=format!("mode-key {}", mode_class(mode))>
            <svg class="mode-key__mark" viewBox="-10 -10 20 20" width="14" height="14" aria-hidden="true">
                <ModeMark mode=mode radius=7.0/>
            </svg>
            <span class="mode-key__name">{mode.title()}</span>
        </span>
    }
}

/// The legend of every mode's mark and name, as the charts that plot all four show it.
#[component]
pub(crate) fn ModeLegend() -> impl IntoView {
    view! {
        <ul class="chart-legend">
            {Mode::ALL.into_iter().map(|m| view! { <li><ModeKey mode=m/></li> }).collect_view()}
        </ul>
    }
}
