//! Start-up: fetch the model and the corpus from the site itself, validate them, embed and
//! index the passages, and install the workbench. Every failure becomes a readable message.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock::BrowserClock;
use super::corpus_fetch::fetch_corpus_files;
use super::digest::sha256_hex;
use super::fetch::fetch_bytes;
use super::store::{AppStore, LoadState};
use crate::core::corpus::Corpus;
use crate::core::embed::{Embedder, FileDigests};
use crate::core::workbench::{TuneSettings, Workbench};

/// Starts loading in the background; progress and the outcome land in `store.load`.
pub(crate) fn start(store: AppStore) {
    spawn_local(async move {
        match load(store).await {
            Ok(bench) => {
                store.install(bench);
                // Only now: the worker's precache downloads every asset again and would
                // compete with the start-up downloads.
                super::service_worker::register();
            }
            Err(message) => store.load.set(LoadState::Failed(message)),
        }
    });
}

async fn load(store: AppStore) -> Result<Workbench, String> {
    let step = |text: &str, done: f32| store.load.set(LoadState::Loading(text.into(), done));
    mark("ragtune:load-start");
    step("Loading the embedding model and the sample documents", 0.05);
    // Model and corpus at once (index.html preloads both while the wasm starts).
    let (model, files) = futures::join!(
        async {
            let model = futures::try_join!(
                fetch_bytes("model/manifest.json"),
                fetch_bytes("model/vocab.txt"),
                fetch_bytes("model/model.bin"),
            );
            mark("ragtune:model-fetched");
            model
        },
        async {
            let files = fetch_corpus_files().await;
            mark("ragtune:corpus-fetched");
            files
        },
    );
    let (manifest, vocab, table) = model?;
    let files = files?;
    step("Checking the model", 0.5);
    yield_now().await;
    mark("ragtune:parse-start");
    let (vocab_digest, table_digest) = futures::join!(sha256_hex(&vocab), sha256_hex(&table));
    let embedder = match (vocab_digest, table_digest) {
        (Some(vocab_sha), Some(table_sha)) => {
            let digests = FileDigests {
                vocab: vocab_sha,
                table: table_sha,
            };
            Embedder::from_bytes_with_digests(&manifest, &vocab, &table, &digests)
        }
        _ => Embedder::from_bytes(&manifest, &vocab, &table),
    }
    .map_err(|e| format!("The embedding model could not be used: {e}"))?;
    mark("ragtune:model-parsed");

    step("Reading the sample documents", 0.6);
    let corpus = Corpus::parse(&files).map_err(|errors| {
        let first: Vec<String> = errors.iter().take(3).map(|e| e.to_string()).collect();
        format!(
            "The sample documents have {} problem(s): {}",
            errors.len(),
            first.join("; ")
        )
    })?;

    step("Embedding and indexing the passages", 0.75);
    yield_now().await;
    mark("ragtune:index-start");
    let mut bench = Workbench::new(embedder, corpus, &BrowserClock)
        .map_err(|e| format!("The search index could not be built: {e}"))?;
    mark("ragtune:index-built");

    // Every mode should answer from the first question: tune once on the v1 snapshot, as a
    // team would have done when the documents were new.
    step("Fine-tuning the small model on the training snapshot", 0.9);
    yield_now().await;
    mark("ragtune:train-start");
    bench
        .train(&TuneSettings::default(), &BrowserClock)
        .map_err(|e| format!("The small model could not be trained: {e}"))?;
    mark("ragtune:train-done");
    Ok(bench)
}

/// Records a `performance` mark so the browser benchmark can time the start-up stages.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Lets the browser paint the progress indicator before a long synchronous step.
pub(crate) async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
