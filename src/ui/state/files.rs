//! Files in and out of the browser, without any network: reading what the learner chose or
//! dropped (`File::array_buffer`), and saving text or a blob as a download (a `Blob`, an object URL and an
//! `<a download>` clicked once).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// One file the learner picked, read into memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PickedFile {
    /// The file's name as the browser reports it (user text: show it as text only).
    pub(crate) name: String,
    /// Its bytes.
    pub(crate) bytes: Vec<u8>,
}

/// The files in a `FileList` (from an `<input type=file>` or a drop), in order.
pub(crate) fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files chosen in the `<input type=file>` that fired `event`, clearing the input so that
/// choosing the same file again still fires a change.
pub(crate) fn take_chosen(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = files_of(input.files());
    input.set_value("");
    files
}

/// Reads one file's bytes. The error names the file.
pub(crate) async fn read_file(file: &web_sys::File) -> Result<PickedFile, String> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{name}: the browser could not read this file."))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(PickedFile { name, bytes })
}

/// Offers `text` as a download named `file_name`, typed `mime` (for example
/// `"application/json"` or `"text/csv;charset=utf-8"`). Nothing leaves the machine.
pub(crate) fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| save_failed("the browser refused to make the file"))?;
    download_blob(file_name, &blob)
}

/// Offers `blob` as a download named `file_name`: an object URL and an `<a download>` clicked
/// once. The one way the app saves a file (exports, figures, tables); nothing goes to a server.
pub(crate) fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| save_failed("the browser refused to make a link to it"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| save_failed("no document"))?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| save_failed("no link element"))?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download starts asynchronously: free the object URL a little later, not now.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

fn save_failed(what: &str) -> String {
    format!("The file could not be saved: {what}.")
}

/// Reads the first of `files` (used by the pairs and scenario imports, which take one file).
pub(crate) async fn read_first(files: Vec<web_sys::File>) -> Option<Result<PickedFile, String>> {
    let file = files.into_iter().next()?;
    Some(read_file(&file).await)
}
