//! `ragtune ask "question" [--mode base|rag|tuned|both] [--version vN]`: the question answered
//! the way the app's Ask view answers it, with where each answer comes from (the passages it
//! cites, or "from weights" with the training snapshot and the model's confidence).
//!
//! As in the app, the tuned model is first trained with the default settings on the v1
//! snapshot; without `--mode`, all four modes answer.

use rag_or_tune::core::clock::MonotonicClock;
use rag_or_tune::core::modes::{answer, answer_all, Mode, ModeAnswer};
use rag_or_tune::core::workbench::{TuneSettings, Workbench};

use crate::args::Args;
use crate::train::load_workbench;

const USAGE: &str = "usage: ragtune ask \"question\" [--mode base|rag|tuned|both] [--version vN]";

/// The lines printed for one answer: a heading, the answer text, where it comes from, timing.
fn describe(bench: &Workbench, answer: &ModeAnswer) -> String {
    let mut lines = vec![format!(
        "== {} ({})",
        answer.mode.title(),
        answer.mode.key()
    )];
    lines.extend(answer.text.lines().map(|line| format!("  {line}")));
    for cited in &answer.citations {
        let chunk = &bench.chunks()[cited.chunk];
        let sentence = chunk
            .text
            .get(cited.sentence.0..cited.sentence.1)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        lines.push(format!(
            "  cites: {} [{}] ({}, {}): \"{}\"",
            cited.citation.title,
            cited.doc_id,
            cited.citation.version,
            cited.citation.date,
            sentence
        ));
    }
    if let Some(weights) = &answer.from_weights {
        lines.push(format!(
            "  from weights: trained on {} ({}), confidence {:.0}%, cannot cite a source",
            weights.trained_on,
            weights.date,
            weights.confidence * 100.0
        ));
    }
    lines.push(format!(
        "  house format: {}; {:.3} ms",
        if answer.follows_format() { "yes" } else { "no" },
        answer.timings.total_ms()
    ));
    lines.join("\n")
}

/// Runs the subcommand.
pub fn run(mut args: Args) -> Result<(), String> {
    let version = args.value("version");
    let mode =
        match args.value("mode") {
            None => None,
            Some(key) => Some(Mode::from_key(&key).ok_or_else(|| {
                format!("--mode: '{key}' is not base, rag, tuned or both\n{USAGE}")
            })?),
        };
    let question = args.next_positional().ok_or(USAGE)?;
    args.finish()?;
    if question.trim().is_empty() {
        return Err(format!("the question is empty\n{USAGE}"));
    }
    let mut bench = load_workbench(version.as_deref())?;
    let clock = MonotonicClock::default();
    bench
        .train(&TuneSettings::default(), &clock)
        .map_err(|e| format!("training failed: {e}"))?;
    println!("Q: {question}  (documents as of {})", bench.version());
    let answers: Vec<ModeAnswer> = match mode {
        Some(mode) => vec![answer(&bench, &question, mode, &clock)],
        None => answer_all(&bench, &question, &clock).into(),
    };
    for answer in &answers {
        println!("{}", describe(&bench, answer));
    }
    Ok(())
}
