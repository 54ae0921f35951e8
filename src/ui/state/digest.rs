//! sha256 by the browser's WebCrypto, for the model's checksums at start-up: the 2 MB table
//! hashes in a few milliseconds there, against most of the parse time in portable wasm code.
//! WebCrypto exists only in secure contexts (https, localhost, file://); elsewhere (a workshop
//! laptop serving plain http on its network address) the caller falls back to the wasm hash.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen_futures::JsFuture;

use crate::core::embed::lowercase_hex;

/// The sha256 of `data` in lowercase hex, or `None` when WebCrypto is not available.
pub(crate) async fn sha256_hex(data: &[u8]) -> Option<String> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let subtle = window.crypto().ok()?.subtle();
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", data).ok()?;
    let buffer: ArrayBuffer = JsFuture::from(promise).await.ok()?.into();
    let bytes = Uint8Array::new(&buffer).to_vec();
    (bytes.len() == 32).then(|| lowercase_hex(&bytes))
}
