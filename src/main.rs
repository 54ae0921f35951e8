//! The web app's entry point: mounts the Leptos app, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    rag_or_tune::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app (build it with trunk); the native CLI is `ragtune`.");
}
