//! `ragtune`: the command-line face of the same core the browser app runs.
//!
//! Each subcommand lives in its own file beside this one; this file only dispatches.

mod args;
mod ask;
mod corpus;
mod embed;
mod eval;
mod eval_lost;
mod eval_retrieval;
mod train;

use args::Args;
use std::process::ExitCode;

const HELP: &str = "\
ragtune - RAG or fine-tuning? The explainer's core on the command line.

USAGE:
    ragtune <COMMAND> [OPTIONS]

COMMANDS:
    help        Print this help
    version     Print the version
    corpus      The sample corpus: stats, chunks, eval listing, check
    embed       Tokens, weights and vector of a text under the tiny model (JSON)
    eval        eval [--json] [--version vN] [--train-on vN|current]: every mode's metrics
                (knowledge, stale, format, citations, abstention, latency); eval rag [--json];
                eval lost [--json]: where retrieval only lost each answer, per question style;
                eval retrieval [--json]: recall@1/@5 and MRR of student, teacher, BM25
    train       train --json [--epochs N --lr X --hidden N --seed N --phrasings 1-4
                --data snapshot|current --version vN --scope fresh|changes|replay
                --replay SHARE]: fine-tune the small model; loss, counts, accuracies, ms
    ask         ask \"question\" [--mode base|rag|tuned|both] [--version vN]: the answer,
                its citations or \"from weights\" line (all four modes without --mode)

OPTIONS:
    -h, --help       Print this help
    -V, --version    Print the version

Everything runs locally: no LLM, no network.
";

fn main() -> ExitCode {
    let mut args = Args::from_env();
    let command = args.next_positional();
    let result = match command.as_deref() {
        None | Some("help") => print_help(),
        Some("version") => print_version(),
        Some("corpus") => corpus::run(args),
        Some("embed") => embed::run(args),
        Some("eval") => eval::run(args),
        Some("train") => train::run(args),
        Some("ask") => ask::run(args),
        Some(other) => Err(format!("unknown command '{other}'; run 'ragtune --help'")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ragtune: {message}");
            ExitCode::from(2)
        }
    }
}

fn print_help() -> Result<(), String> {
    print!("{HELP}");
    Ok(())
}

fn print_version() -> Result<(), String> {
    println!("ragtune {}", env!("CARGO_PKG_VERSION"));
    Ok(())
}
