//! Small components shared by several views.

pub mod chart;
pub mod presenter;
pub mod share_bar;
pub mod tour;
pub mod version_picker;
