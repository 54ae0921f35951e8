//! Small components shared by several views.

pub mod share_bar;
pub mod version_picker;
