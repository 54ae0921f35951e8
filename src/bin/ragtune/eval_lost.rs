//! `ragtune eval lost [--json] [--version vN]`: for every answerable evaluation question, the
//! stage where retrieval only lost the answer (the inspector's diagnosis), counted per question
//! style: not retrieved in the top k, retrieved but another sentence picked, picked but under
//! the threshold, or stated.

use std::collections::BTreeMap;

use rag_or_tune::core::clock::MonotonicClock;
use rag_or_tune::core::modes::{diagnose, Diagnosis, LostAt};
use rag_or_tune::core::workbench::Workbench;
use serde_json::json;

const STAGES: [(LostAt, &str); 4] = [
    (LostAt::NotRetrieved, "not_retrieved"),
    (LostAt::NotPicked, "not_picked"),
    (LostAt::BelowThreshold, "below_threshold"),
    (LostAt::Nothing, "stated"),
];

/// Prints the counts per style and in all.
pub fn print_lost(bench: &Workbench, as_json: bool) -> Result<(), String> {
    let clock = MonotonicClock::default();
    let mut counts: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for item in bench.corpus().eval_items() {
        if item.fact.is_none() {
            continue;
        }
        let retrieval = bench.retrieve(&item.text, &clock);
        let Some(Diagnosis::Fact { lost_at, .. }) = diagnose(bench, &item.text, &retrieval) else {
            continue;
        };
        let stage = STAGES.iter().position(|(s, _)| *s == lost_at).unwrap_or(0);
        for key in [
            format!("{:?}", item.category).to_lowercase(),
            "all".to_string(),
        ] {
            counts.entry(key).or_default()[stage] += 1;
        }
    }
    if as_json {
        let styles: serde_json::Map<String, serde_json::Value> = counts
            .iter()
            .map(|(style, n)| {
                let row: serde_json::Map<String, serde_json::Value> = STAGES
                    .iter()
                    .zip(n)
                    .map(|((_, name), n)| (name.to_string(), json!(n)))
                    .collect();
                (style.clone(), row.into())
            })
            .collect();
        println!(
            "{}",
            json!({"version": bench.version(), "k": bench.settings().k, "styles": styles})
        );
        return Ok(());
    }
    println!(
        "retrieval only at {} (k = {}): where each answerable question's answer is lost",
        bench.version(),
        bench.settings().k
    );
    println!(
        "  {:10} {:>14} {:>11} {:>16} {:>7}",
        "style", "not retrieved", "not picked", "below threshold", "stated"
    );
    for (style, n) in &counts {
        println!(
            "  {style:10} {:>14} {:>11} {:>16} {:>7}",
            n[0], n[1], n[2], n[3]
        );
    }
    Ok(())
}
