//! Same-origin fetches of the shipped assets (model, corpus), with readable errors.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

/// Fetches `path` (relative to the page, so the app works from any folder) as bytes.
/// The single-file build carries its assets inline; those are used before the network.
pub(crate) async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    if let Some(bytes) = inline_asset(path) {
        return Ok(bytes);
    }
    let response = fetch(path).await?;
    let buffer = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| format!("could not read {path}"))?,
    )
    .await
    .map_err(|_| format!("the download of {path} broke off"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Fetches `path` as UTF-8 text.
pub(crate) async fn fetch_text(path: &str) -> Result<String, String> {
    let bytes = fetch_bytes(path).await?;
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
}

/// The bytes of `path` from the single-file build's inline table (`window.__ragtuneAsset`,
/// defined by `tools/single-file/build.mjs`); `None` in the normal build.
fn inline_asset(path: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let lookup = js_sys::Reflect::get(&window, &"__ragtuneAsset".into()).ok()?;
    let lookup: js_sys::Function = lookup.dyn_into().ok()?;
    let value = lookup.call1(&window, &path.into()).ok()?;
    let bytes: Uint8Array = value.dyn_into().ok()?;
    Some(bytes.to_vec())
}

async fn fetch(path: &str) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    let request = Request::new_with_str_and_init(path, &init)
        .map_err(|_| format!("bad asset path {path}"))?;
    let value = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| format!("could not load {path} (is the site served over http?)"))?;
    let response: Response = value
        .dyn_into()
        .map_err(|_| format!("unexpected answer for {path}"))?;
    if !response.ok() {
        return Err(format!("{path}: the server answered {}", response.status()));
    }
    Ok(response)
}
