//! Leptos components. They render state and call `crate::core`; they never reimplement it.

pub(crate) mod app;
pub(crate) mod components;
pub(crate) mod content;
pub(crate) mod panic_panel;
pub(crate) mod shell;
pub mod state;
#[cfg(test)]
pub(crate) mod test_bench;
pub(crate) mod views;

/// Installs the panic panel and mounts the app on `<body>`.
pub fn mount() {
    panic_panel::install();
    leptos::mount::mount_to_body(app::App);
}
