//! `ragtune corpus <stats|chunks|eval|check> [--json] [--version vN] [--dir DIR]`:
//! the sample corpus in numbers, its chunks (for teacher rankings), the evaluation listing, and
//! a validation run that prints every problem with file and line.

use std::path::PathBuf;

use rag_or_tune::core::corpus::{default_corpus_dir, Corpus};
use serde_json::json;

use crate::args::Args;

const USAGE: &str =
    "usage: ragtune corpus <stats|chunks|eval|check> [--json] [--version vN] [--dir DIR]";

/// Runs the subcommand.
pub fn run(mut args: Args) -> Result<(), String> {
    let dir = args
        .value("dir")
        .map(PathBuf::from)
        .unwrap_or_else(default_corpus_dir);
    let version = args.value("version");
    let as_json = args.flag("json");
    let action = args.next_positional().ok_or(USAGE)?;
    args.finish()?;
    let corpus = Corpus::load_dir(&dir).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!(
            "{} problem(s) in {}:\n{}",
            errors.len(),
            dir.display(),
            lines.join("\n")
        )
    })?;
    if let Some(v) = version.as_deref() {
        if corpus.version(v).is_none() {
            return Err(format!("unknown version '{v}'"));
        }
    }
    match action.as_str() {
        "stats" => stats(&corpus, as_json),
        "chunks" => chunks(&corpus, version.as_deref(), as_json),
        "eval" => eval(&corpus, as_json),
        "check" => {
            println!("{}: ok", dir.display());
            Ok(())
        }
        other => Err(format!("unknown corpus action '{other}'; {USAGE}")),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

fn stats(corpus: &Corpus, as_json: bool) -> Result<(), String> {
    let s = corpus.stats();
    if as_json {
        println!("{}", to_json(&s)?);
        return Ok(());
    }
    println!("{} ({} versions)", corpus.name, s.versions);
    for v in &s.per_version {
        println!(
            "  {} {}: {} documents, {} chunks, {} words, {} facts changed",
            v.version, v.date, v.documents, v.chunks, v.words, v.facts_changed_from_previous
        );
    }
    println!(
        "  {} distinct documents, {} distinct chunks; facts: {} changed, {} stable",
        s.documents, s.chunks, s.facts.changed, s.facts.stable
    );
    println!(
        "  questions: {} train, {} held-out, {} unanswerable, {} demonstrations",
        s.questions.train,
        s.questions.heldout,
        s.questions.unanswerable,
        s.questions.demonstrations
    );
    Ok(())
}

fn chunks(corpus: &Corpus, version: Option<&str>, as_json: bool) -> Result<(), String> {
    let versions: Vec<&str> = match version {
        Some(v) => vec![v],
        None => corpus.versions.iter().map(|v| v.id.as_str()).collect(),
    };
    let rows: Vec<_> = versions
        .iter()
        .flat_map(|v| corpus.chunks_at(v))
        .map(|c| {
            json!({
                "id": c.id, "doc_id": c.doc_id, "version": c.version, "title": c.title,
                "kind": c.kind, "quality": c.quality, "start": c.span.start, "end": c.span.end,
                "text": c.text,
            })
        })
        .collect();
    if as_json {
        println!("{}", to_json(&rows)?);
    } else {
        for row in &rows {
            println!("{}\t{}\t{}", row["version"], row["id"], row["text"]);
        }
    }
    Ok(())
}

fn eval(corpus: &Corpus, as_json: bool) -> Result<(), String> {
    let items = corpus.eval_items();
    if as_json {
        println!("{}", to_json(&items)?);
    } else {
        for item in &items {
            let category = to_json(&item.category)?;
            println!("{}\t{}\t{}", item.id, category.trim_matches('"'), item.text);
        }
    }
    Ok(())
}
