//! Pieces the chart views share: linear scales with round ticks, the four modes' marks
//! (colour, shape and name together), an SVG axis, and evidence cards. Styles in `chart.css`.

pub mod axis;
pub mod duration;
pub mod evidence;
pub mod modes;
pub mod scale;
pub mod table;

pub use axis::{XAxis, YAxis};
pub use duration::{ms, ms_number};
pub use evidence::{EvidenceCard, EvidenceItem, Verification};
pub use modes::{mode_class, mode_shape, mode_short, ModeKey, ModeLegend, ModeMark};
pub use scale::{percent, plain_number, Linear};
pub use table::ChartTable;
