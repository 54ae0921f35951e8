//! Same-origin fetches of the shipped assets (model, corpus), with readable errors.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

/// Fetches `path` (relative to the page, so the app works from any folder) as bytes.
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
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
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let bytes = fetch_bytes(path).await?;
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
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
