//! Leptos components. They render state and call `crate::core`; they never reimplement it.

pub mod app;
pub mod components;
pub mod content;
pub mod panic_panel;
pub mod shell;
pub mod state;
#[cfg(test)]
pub(crate) mod test_bench;
pub mod views;

/// Installs the panic panel and mounts the app on `<body>`.
pub fn mount() {
    panic_panel::install();
    leptos::mount::mount_to_body(app::App);
}
