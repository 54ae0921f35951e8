//! `ragtune embed "text" [--model DIR]`: the text's tokens, their weights and its vector, as JSON.

use std::path::PathBuf;

use rag_or_tune::core::embed::native;
use serde_json::json;

use crate::args::Args;

/// Runs the subcommand.
pub fn run(mut args: Args) -> Result<(), String> {
    let dir = args
        .value("model")
        .map(PathBuf::from)
        .unwrap_or_else(native::shipped_model_dir);
    let text = args
        .next_positional()
        .ok_or("usage: ragtune embed \"text\" [--model DIR]")?;
    args.finish()?;
    let model = native::load_dir(&dir).map_err(|e| e.to_string())?;
    let tokens: Vec<_> = model
        .token_weights(&text)
        .into_iter()
        .map(|t| json!({"token": t.token, "id": t.id, "weight": t.weight}))
        .collect();
    let out = json!({
        "text": text,
        "model": model.info().summary(),
        "tokens": tokens,
        "vector": model.embed(&text),
    });
    println!(
        "{}",
        serde_json::to_string(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}
