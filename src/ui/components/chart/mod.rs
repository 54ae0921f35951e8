//! Pieces the chart views share: linear scales with round ticks, the four modes' marks
//! (colour, shape and name together), an SVG axis, and evidence cards. Styles in `chart.css`.

pub(crate) mod axis;
pub(crate) mod duration;
pub(crate) mod evidence;
pub(crate) mod modes;
pub(crate) mod scale;
pub(crate) mod table;

pub(crate) use axis::{XAxis, YAxis};
pub(crate) use duration::{ms, ms_number};
pub(crate) use evidence::{EvidenceCard, EvidenceItem, Verification};
pub(crate) use modes::{mode_class, mode_short, ModeKey, ModeLegend, ModeMark};
pub(crate) use scale::{percent, plain_number, Linear};
pub(crate) use table::ChartTable;
