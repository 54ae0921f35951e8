//! Small components shared by several views.

pub mod chart;
pub mod share_bar;
pub mod version_picker;
