//! Small components shared by several views.

pub mod version_picker;
