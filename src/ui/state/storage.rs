//! The browser's localStorage, with its failures spelled out: a full store (quota) is an error
//! the learner must see, never a silent loss. Why localStorage rather than IndexedDB: a write is
//! synchronous and whole (it lands, or it throws and the previous value stays), so "Saved" is
//! said only after it committed and a pending save can still be written inside `pagehide`,
//! where an IndexedDB transaction may never complete; it works from `file://` and inside
//! iframes; and its `storage` event tells other tabs of each save. The saved work (at most ~4 MB
//! of text, see `core::own_documents::MAX_TOTAL_BYTES`) fits its usual 5 MB quota; a save that does not
//! fit says so.

use wasm_bindgen::JsCast;

/// Why a value could not be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum StoreError {
    /// The browser offers no localStorage here (disabled, or a sandboxed frame).
    Unavailable,
    /// The value does not fit in the space the browser gives this page.
    Quota {
        /// The size of what we tried to store, in bytes (UTF-16 counts double in most
        /// browsers, so the effective limit is lower than 5 MB of text).
        bytes: usize,
    },
    /// Another refusal, with the browser's words.
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable => write!(
                f,
                "This browser does not let the page save anything (storage is off or blocked), \
                 so your work will be lost on reload. Use Export to keep it in a file."
            ),
            StoreError::Quota { bytes } => write!(
                f,
                "Your work could not be saved: it is {} KB and the browser's storage for this \
                 page is full (about 5 MB). Your latest changes are kept until you close the \
                 page; use Export to keep them in a file, or remove some documents.",
                bytes.div_ceil(1024)
            ),
            StoreError::Other(why) => write!(f, "Your work could not be saved: {why}."),
        }
    }
}

impl StoreError {
    /// The cause in a few words, for a sentence that already says what failed and what to do
    /// (the held copy's notice), where the full message would repeat its advice.
    pub(crate) fn reason(&self) -> String {
        match self {
            StoreError::Unavailable => "this browser's storage is off".to_string(),
            StoreError::Quota { .. } => "this browser's storage is full".to_string(),
            StoreError::Other(why) => why.clone(),
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads `key`; `Ok(None)` when nothing is stored there.
pub(crate) fn read(key: &str) -> Result<Option<String>, StoreError> {
    let storage = local_storage().ok_or(StoreError::Unavailable)?;
    storage
        .get_item(key)
        .map_err(|e| StoreError::Other(describe(&e)))
}

/// Stores `value` under `key`.
pub(crate) fn write(key: &str, value: &str) -> Result<(), StoreError> {
    let storage = local_storage().ok_or(StoreError::Unavailable)?;
    storage.set_item(key, value).map_err(|e| {
        if is_quota(&e) {
            StoreError::Quota { bytes: value.len() }
        } else {
            StoreError::Other(describe(&e))
        }
    })
}

/// Removes `key` (nothing happens when it is absent).
pub(crate) fn remove(key: &str) -> Result<(), StoreError> {
    let storage = local_storage().ok_or(StoreError::Unavailable)?;
    storage
        .remove_item(key)
        .map_err(|e| StoreError::Other(describe(&e)))
}

fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.message())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quota_error_names_the_size_and_what_to_do() {
        let text = StoreError::Quota { bytes: 5_000_000 }.to_string();
        assert!(text.contains("4883 KB"), "{text}");
        assert!(text.contains("Export"), "{text}");
    }

    #[test]
    fn a_reason_is_a_few_words_without_advice() {
        let reason = StoreError::Quota { bytes: 5_000_000 }.reason();
        assert_eq!(reason, "this browser's storage is full");
        assert!(!reason.contains("Export"));
    }
}
