//! Registers the service worker (`sw.js`, beside `index.html`) that keeps every asset of the
//! build for offline use. Skipped where it cannot work: pages opened from `file://` (the
//! single-file build) and browsers without service workers.

use wasm_bindgen_futures::JsFuture;

/// Starts registration in the background; failure only means no offline copy.
pub(crate) fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let navigator = window.navigator();
    let supported = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .map(|v| !v.is_undefined())
        .unwrap_or(false);
    if !supported {
        return;
    }
    let promise = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A refused registration (private mode, policy) leaves the app working online.
        let _ = JsFuture::from(promise).await;
    });
}
