//! `ragtune train --json [options]`: one fine-tuning run of the small model on the sample
//! corpus, with what the training panel shows: the training set's counts, the loss curve, the
//! training time, and accuracy on trained phrasings, held-out paraphrases and old facts.
//!
//! Like the app, the documents are at the latest version unless `--version vN` says otherwise.
//! A `changes` or `replay` run continues from a model first trained fresh on the v1 snapshot
//! with the same settings (what the app's learner has after "Train" at v1), so the forgetting
//! that continued training causes is visible in one command.

use rag_or_tune::core::clock::MonotonicClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native;
use rag_or_tune::core::tune::KnowledgeReport;
use rag_or_tune::core::workbench::{TrainData, TrainScope, TuneSettings, TunedModel, Workbench};
use serde_json::{json, Value};

use crate::args::Args;

const USAGE: &str = "usage: ragtune train --json [--epochs N] [--lr X] [--hidden N] [--seed N] \
[--phrasings 1-4] [--data snapshot|current] [--version vN] [--scope fresh|changes|replay] \
[--replay SHARE]";

/// Loads the shipped model and corpus into a workbench at `version` (latest when `None`).
pub fn load_workbench(version: Option<&str>) -> Result<Workbench, String> {
    let corpus = Corpus::load_default().map_err(|errors| {
        let first: Vec<String> = errors.iter().take(3).map(|e| e.to_string()).collect();
        format!("the sample corpus has problems: {}", first.join("; "))
    })?;
    if let Some(version) = version {
        if corpus.version(version).is_none() {
            let known: Vec<&str> = corpus.versions.iter().map(|v| v.id.as_str()).collect();
            return Err(format!(
                "unknown version '{version}' (known: {})",
                known.join(", ")
            ));
        }
    }
    let embedder = native::load_shipped().map_err(|e| e.to_string())?;
    let clock = MonotonicClock::default();
    let mut bench = Workbench::new(embedder, corpus, &clock).map_err(|e| e.to_string())?;
    if let Some(version) = version {
        bench
            .set_version(version, &clock)
            .map_err(|e| e.to_string())?;
    }
    Ok(bench)
}

/// Parses `--name` as a `T`, naming the option in the error.
fn parsed<T: std::str::FromStr>(args: &mut Args, name: &str) -> Result<Option<T>, String> {
    args.value(name)
        .map(|raw| {
            raw.parse()
                .map_err(|_| format!("--{name}: '{raw}' is not a valid value"))
        })
        .transpose()
}

/// Reads the training options over the app's defaults.
fn settings(args: &mut Args) -> Result<TuneSettings, String> {
    let mut settings = TuneSettings::default();
    let config = &mut settings.config;
    if let Some(epochs) = parsed(args, "epochs")? {
        config.epochs = epochs;
    }
    if let Some(lr) = parsed(args, "lr")? {
        config.learning_rate = lr;
    }
    if let Some(hidden) = parsed(args, "hidden")? {
        config.hidden = hidden;
    }
    if let Some(seed) = parsed(args, "seed")? {
        config.seed = seed;
    }
    if let Some(phrasings) = parsed::<usize>(args, "phrasings")? {
        if !(1..=4).contains(&phrasings) {
            return Err("--phrasings must be between 1 and 4".into());
        }
        settings.phrasings = phrasings;
    }
    settings.data = match args.value("data").as_deref() {
        None | Some("snapshot") => TrainData::Snapshot,
        Some("current") => TrainData::Current,
        Some(other) => return Err(format!("--data: '{other}' is not snapshot or current")),
    };
    let replay: Option<f32> = parsed(args, "replay")?;
    if let Some(share) = replay {
        if !(0.0..=1.0).contains(&share) {
            return Err("--replay must be a share between 0 and 1".into());
        }
    }
    settings.scope = match args.value("scope").as_deref() {
        None | Some("fresh") => TrainScope::Fresh,
        Some("changes") => TrainScope::ChangesOnly,
        Some("replay") => TrainScope::Replay(replay.unwrap_or(0.5)),
        Some(other) => {
            return Err(format!(
                "--scope: '{other}' is not fresh, changes or replay"
            ))
        }
    };
    Ok(settings)
}

/// An `f32` as the JSON number its shortest decimal form reads (0.02, not 0.0199999995...).
fn number(value: f32) -> Value {
    format!("{value}")
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// The report as JSON, with `null` for empty groups.
fn report_json(report: &KnowledgeReport) -> Value {
    let optional = |value: Option<f32>| value.map_or(Value::Null, number);
    json!({
        "trained_accuracy": optional(report.trained_accuracy),
        "heldout_accuracy": optional(report.heldout_accuracy),
        "changed_accuracy": optional(report.changed_accuracy),
        "old_fact_accuracy": optional(report.unchanged_accuracy),
        "answerable_confidence": optional(report.answerable_confidence),
        "unanswerable_confidence": optional(report.unanswerable_confidence),
    })
}

/// Trains with `settings`, timing the run with the native clock, and installs the model.
fn timed_train(bench: &mut Workbench, settings: &TuneSettings) -> Result<(), String> {
    bench
        .train(settings, &MonotonicClock::default())
        .map_err(|e| format!("training failed: {e}"))
}

/// The model the workbench now holds.
fn installed(bench: &Workbench) -> Result<&TunedModel, String> {
    bench
        .tuned()
        .ok_or_else(|| "no model was installed".to_string())
}

/// Runs the subcommand.
pub fn run(mut args: Args) -> Result<(), String> {
    let version = args.value("version");
    let settings = settings(&mut args)?;
    let json_output = args.flag("json");
    args.finish()?;
    if !json_output {
        return Err(format!("train prints JSON only; add --json\n{USAGE}"));
    }
    let mut bench = load_workbench(version.as_deref())?;
    let snapshot = bench.corpus().snapshot.clone();

    let start = if settings.scope == TrainScope::Fresh {
        None
    } else {
        let first = TuneSettings {
            data: TrainData::Snapshot,
            scope: TrainScope::Fresh,
            ..settings.clone()
        };
        timed_train(&mut bench, &first)?;
        let model = installed(&bench)?;
        let report = bench
            .knowledge_report(model, &model.version, &snapshot, settings.phrasings)
            .map_err(|e| e.to_string())?;
        Some(json!({
            "trained_on": model.version,
            "train_ms": model.train_ms,
            "report": report_json(&report),
        }))
    };
    let previous = bench.tuned().map(|m| m.version.clone());
    let since = bench.report_since(&settings, previous.as_deref());

    timed_train(&mut bench, &settings)?;
    let model = installed(&bench)?;
    let report = bench
        .knowledge_report(model, &model.version, &since, settings.phrasings)
        .map_err(|e| e.to_string())?;
    let current = bench.version().to_string();
    let against_current = bench
        .knowledge_report(model, &current, &snapshot, settings.phrasings)
        .map_err(|e| e.to_string())?;

    let config = &settings.config;
    let out = json!({
        "documents_version": current,
        "settings": {
            "epochs": config.epochs,
            "learning_rate": number(config.learning_rate),
            "hidden": config.hidden,
            "seed": config.seed,
            "batch_size": config.batch_size,
            "weight_decay": number(config.weight_decay),
            "phrasings": settings.phrasings,
            "data": match settings.data { TrainData::Snapshot => "snapshot", TrainData::Current => "current" },
            "scope": match settings.scope {
                TrainScope::Fresh => json!("fresh"),
                TrainScope::ChangesOnly => json!("changes"),
                TrainScope::Replay(share) => json!({"replay": number(share)}),
            },
        },
        "continued_from": start,
        "trained_on": model.version,
        "trained_on_date": model.date,
        "counts": {
            "changed_facts": model.counts.changed_facts,
            "unchanged_facts": model.counts.unchanged_facts,
            "new_examples": model.counts.new_examples,
            "replayed_examples": model.counts.replayed_examples,
            "behaviour_examples": model.demonstrations,
        },
        "loss_curve": model.loss.iter().copied().map(number).collect::<Vec<_>>(),
        "train_ms": model.train_ms,
        "report": {
            "gold_version": model.version,
            "old_since": since,
            "accuracy": report_json(&report),
        },
        "against_documents": {
            "gold_version": current,
            "changed_since": snapshot,
            "accuracy": report_json(&against_current),
        },
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}
