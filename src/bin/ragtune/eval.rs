//! `ragtune eval`: the evaluation the app's charts draw, on the command line.
//!
//! - `ragtune eval [--json] [--version vN] [--train-on vN|current]`: every mode of the 2x2 on
//!   every evaluation question, as `{"modes": {"base": {..}, "rag": {..}, "tuned": {..},
//!   "both": {..}}, ..}`. Like the app at start-up: documents at the latest version, the tuned
//!   model trained on the v1 snapshot with the default settings.
//! - `ragtune eval rag [--json] [--version vN]`: the retrieval-only mode's metrics alone, flat.
//! - `ragtune eval lost [--json] [--version vN]`: where retrieval only lost each answer.
//! - `ragtune eval retrieval [--json]`: retrieval quality against the teacher (its own file).
//!
//! Fractions are 0..=1 (null where a measure does not apply, e.g. citations without
//! retrieval); times are milliseconds measured on this machine.

use rag_or_tune::core::clock::MonotonicClock;
use rag_or_tune::core::eval::{evaluate, EvalReport, EvalSet, ModeMetrics};
use rag_or_tune::core::modes::Mode;
use rag_or_tune::core::workbench::{TrainData, TuneSettings, Workbench};
use serde_json::{json, Value};

use crate::args::Args;
use crate::eval_lost::print_lost;
use crate::eval_retrieval;
use crate::train::load_workbench;

const USAGE: &str = "usage: ragtune eval [--json] [--version vN] [--train-on vN|current]
       ragtune eval rag [--json] [--version vN]
       ragtune eval lost [--json] [--version vN]
       ragtune eval retrieval [--json]";

/// Runs the subcommand.
pub fn run(mut args: Args) -> Result<(), String> {
    let as_json = args.flag("json");
    let version = args.value("version");
    let train_on = args.value("train-on");
    match args.next_positional().as_deref() {
        Some("retrieval") => {
            if version.is_some() || train_on.is_some() {
                return Err(format!("eval retrieval takes only --json\n{USAGE}"));
            }
            args.finish()?;
            let mut forwarded = vec!["retrieval".to_string()];
            if as_json {
                forwarded.push("--json".into());
            }
            eval_retrieval::run(Args::from_vec(forwarded))
        }
        Some("lost") => {
            if train_on.is_some() {
                return Err(format!(
                    "eval lost needs no tuned model: drop --train-on\n{USAGE}"
                ));
            }
            args.finish()?;
            let bench = load_workbench(version.as_deref())?;
            print_lost(&bench, as_json)
        }
        Some("rag") => {
            if train_on.is_some() {
                return Err(format!(
                    "eval rag needs no tuned model: drop --train-on\n{USAGE}"
                ));
            }
            args.finish()?;
            let bench = load_workbench(version.as_deref())?;
            let report = evaluate_now(&bench);
            print_rag(&report, as_json)
        }
        None => {
            args.finish()?;
            let bench = trained_workbench(version.as_deref(), train_on.as_deref())?;
            let report = evaluate_now(&bench);
            print_all(&report, as_json)
        }
        Some(other) => Err(format!("unknown eval target '{other}'\n{USAGE}")),
    }
}

fn evaluate_now(bench: &Workbench) -> EvalReport {
    let set = EvalSet::new(bench);
    evaluate(bench, &set, &MonotonicClock::default())
}

/// The workbench at `version` (latest by default) with a tuned model trained on `train_on`:
/// the snapshot by default, `current` for the evaluated version, or any version id.
fn trained_workbench(version: Option<&str>, train_on: Option<&str>) -> Result<Workbench, String> {
    let mut bench = load_workbench(version)?;
    let clock = MonotonicClock::default();
    let target = bench.version().to_string();
    let snapshot = bench.corpus().snapshot.clone();
    let train_version = match train_on {
        None => snapshot.clone(),
        Some("current") => target.clone(),
        Some(v) if bench.corpus().version(v).is_some() => v.to_string(),
        Some(v) => return Err(format!("--train-on: unknown version '{v}'\n{USAGE}")),
    };
    let settings = if train_version == snapshot {
        TuneSettings::default()
    } else {
        bench
            .set_version(&train_version, &clock)
            .map_err(|e| e.to_string())?;
        TuneSettings {
            data: TrainData::Current,
            ..TuneSettings::default()
        }
    };
    bench.train(&settings, &clock).map_err(|e| e.to_string())?;
    bench
        .set_version(&target, &clock)
        .map_err(|e| e.to_string())?;
    Ok(bench)
}

fn print_all(report: &EvalReport, as_json: bool) -> Result<(), String> {
    if as_json {
        println!(
            "{}",
            serde_json::to_string(report).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    println!(
        "{} answerable + {} unanswerable questions at {}; tuned on {}; k = {}; evaluated in {:.1} ms",
        report.questions.answerable,
        report.questions.unanswerable,
        report.version,
        report.tuned_on.as_deref().unwrap_or("(none)"),
        report.k,
        report.eval_ms
    );
    println!(
        "  {:6} {:>9} {:>6} {:>7} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "mode",
        "knowledge",
        "stale",
        "format",
        "citations",
        "abstain",
        "trained",
        "heldout",
        "keyword",
        "yes/no",
        "direct",
        "p50 ms"
    );
    for mode in Mode::ALL {
        let m = report.modes.get(mode);
        println!(
            "  {:6} {:>9} {:>6} {:>7} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9.4}",
            mode.key(),
            percent(m.knowledge_accuracy),
            percent(m.stale_rate),
            percent(m.format_compliance),
            percent(m.citation_correctness),
            percent(m.abstention_accuracy),
            percent(m.trained_accuracy),
            percent(m.heldout_accuracy),
            percent(m.keyword_accuracy),
            percent(m.yesno_accuracy),
            percent(m.direct_accuracy),
            m.latency_ms_p50
        );
    }
    Ok(())
}

fn print_rag(report: &EvalReport, as_json: bool) -> Result<(), String> {
    let rag: &ModeMetrics = &report.modes.rag;
    if as_json {
        let mut out = serde_json::to_value(rag).map_err(|e| e.to_string())?;
        if let Value::Object(map) = &mut out {
            map.insert("version".into(), json!(report.version));
            map.insert("k".into(), json!(report.k));
            map.insert("questions".into(), json!(report.questions));
        }
        println!("{out}");
        return Ok(());
    }
    println!(
        "retrieval only at {} (k = {}): knowledge {}, trained {}, held-out {}, keyword {}, yes/no {}, direct {}, over-abstention {}, citations {}, abstention {}, recall@5 {}",
        report.version,
        report.k,
        percent(rag.knowledge_accuracy),
        percent(rag.trained_accuracy),
        percent(rag.heldout_accuracy),
        percent(rag.keyword_accuracy),
        percent(rag.yesno_accuracy),
        percent(rag.direct_accuracy),
        percent(rag.over_abstention_rate),
        percent(rag.citation_correctness),
        percent(rag.abstention_accuracy),
        percent(rag.recall_at_5)
    );
    Ok(())
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "n/a".into(), |s| format!("{:.1}%", s * 100.0))
}
