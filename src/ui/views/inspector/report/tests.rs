//! Tests of `report`.

use super::*;
use std::cell::Cell;

fn hits(ids: &[usize]) -> Vec<Hit> {
    ids.iter()
        .map(|&id| Hit {
            id,
            score: 1.0 - id as f32 / 100.0,
        })
        .collect()
}

#[test]
fn agreement_tells_identical_reordered_and_different_apart() {
    assert_eq!(
        Agreement::of(&hits(&[1, 2, 3]), &hits(&[1, 2, 3])),
        Agreement::Identical
    );
    assert_eq!(
        Agreement::of(&hits(&[2, 1, 3]), &hits(&[1, 2, 3])),
        Agreement::Reordered
    );
    assert_eq!(
        Agreement::of(&hits(&[1, 2, 9]), &hits(&[1, 2, 3])),
        Agreement::Different {
            shared: 2,
            exact: 3
        }
    );
    // A shorter HNSW list is a difference even when all it returned is right.
    assert_eq!(
        Agreement::of(&hits(&[1, 2]), &hits(&[1, 2, 3])),
        Agreement::Different {
            shared: 2,
            exact: 3
        }
    );
    assert_eq!(Agreement::of(&[], &[]), Agreement::Identical);
}

#[test]
fn compare_rows_pair_ranks_and_flag_differences() {
    let rows = CompareRow::pair(&hits(&[1, 2, 3]), &hits(&[1, 4]), &[]);
    assert_eq!(rows.len(), 3);
    assert!(!rows[0].differs);
    assert!(rows[1].differs);
    assert!(rows[2].differs);
    assert_eq!(rows[2].hnsw, "—");
    assert!(
        rows[0].exact.starts_with("passage 1 · 0.990"),
        "{}",
        rows[0].exact
    );
}

#[test]
fn agreement_sentences_name_the_counts() {
    let s = Agreement::Different {
        shared: 4,
        exact: 5,
    }
    .sentence();
    assert!(s.contains("4 of the 5"), "{s}");
    assert!(Agreement::Identical.sentence().starts_with("Same"));
}

/// A clock that advances 1 ms per reading, so durations are countable.
struct TickClock(Cell<f64>);
impl Clock for TickClock {
    fn now_ms(&self) -> f64 {
        let t = self.0.get();
        self.0.set(t + 1.0);
        t
    }
}

#[test]
fn mean_time_runs_the_work_the_given_number_of_times() {
    let runs = Cell::new(0);
    let clock = TickClock(Cell::new(0.0));
    let (out, ms) = mean_time(&clock, 10, || {
        runs.set(runs.get() + 1);
        runs.get()
    });
    assert_eq!(runs.get(), 10);
    assert_eq!(out, 10);
    // Four clock readings, 1 ms apart each: two spans of 1 ms over 10 runs.
    assert!((ms - 0.2).abs() < 1e-9, "{ms}");
    let (_, once) = mean_time(&clock, 0, || ());
    assert!(
        (once - 2.0).abs() < 1e-9,
        "zero repeats still runs once: {once}"
    );
}

#[test]
fn a_report_ranks_k_passages_and_compares_both_searches() {
    use crate::core::clock::NoClock;
    let mut bench = crate::ui::test_bench::shipped_bench();
    let question = "How much does the Pro plan cost?";
    let report = InspectorReport::build(&bench, question, &NoClock);
    let k = bench.settings().k;
    assert_eq!(report.passages.len(), k);
    let ranks: Vec<usize> = report.passages.iter().map(|p| p.rank).collect();
    assert_eq!(ranks, (1..=k).collect::<Vec<_>>());
    // Hybrid ranking orders by the fused rank, so cosines need not descend; every row
    // was placed by at least one of the two rankings.
    assert!(report
        .passages
        .iter()
        .all(|p| p.ranks.dense.is_some() || p.ranks.lexical.is_some()));
    // The list shown is the app's own retrieval.
    let own: Vec<usize> = bench
        .retrieve(question, &NoClock)
        .hits
        .iter()
        .map(|h| h.id)
        .collect();
    let shown: Vec<usize> = report.passages.iter().map(|p| p.chunk).collect();
    assert_eq!(shown, own);
    assert_eq!(report.comparison.exact.len(), k);
    assert_eq!(report.comparison.rows.len(), k);
    assert!((0.0..=1.0).contains(&report.comparison.recall));
    assert!(!report.tokens.is_empty());
    assert_eq!(report.index.len, bench.chunks().len());
    // The verdict is the reader's own, and its sentence comes from the passage marked.
    let ReaderVerdict::Answers { sentence, .. } = &report.reader else {
        panic!(
            "the reader answers a plain price question: {:?}",
            report.reader
        );
    };
    let picked: Vec<&PassageRow> = report.passages.iter().filter(|p| p.picked).collect();
    assert_eq!(picked.len(), 1);
    assert!(
        picked[0]
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(sentence.as_str()),
        "{sentence}"
    );
    let mut strict = bench.settings();
    strict.threshold = 1.0;
    bench.set_settings(strict, &NoClock).unwrap();
    let abstains = InspectorReport::build(&bench, question, &NoClock);
    assert_eq!(abstains.reader, ReaderVerdict::Abstains);
    assert!(abstains.passages.iter().all(|p| !p.picked));

    let mut settings = bench.settings();
    settings.threshold = 0.0;
    settings.k = 12;
    bench.set_settings(settings, &NoClock).unwrap();
    let wider = InspectorReport::build(&bench, question, &NoClock);
    assert_eq!(wider.passages.len(), 12);
}

#[test]
fn empty_and_hostile_questions_give_sensible_reports() {
    use crate::core::clock::NoClock;
    let bench = crate::ui::test_bench::shipped_bench();
    let empty = InspectorReport::build(&bench, "", &NoClock);
    assert!(empty.passages.is_empty());
    assert!(empty.tokens.is_empty());
    assert_eq!(empty.reader, ReaderVerdict::Idle);
    assert_eq!(empty.comparison.agreement, Agreement::Identical);

    let hostile = "<img src=x onerror=\"window.__pwned=1\"> 🙂🙂 ".repeat(4000);
    let report = InspectorReport::build(&bench, &hostile, &NoClock);
    assert!(report.tokens.len() <= report.token_limit);
    assert!(report.passages.iter().all(|p| p.score.is_finite()));
}

#[test]
fn zero_timings_read_as_below_the_clock_resolution() {
    assert_eq!(format_ms(0.0), "under 0.1 ms");
    assert_eq!(format_ms(f64::NAN), "under 0.1 ms");
    assert_eq!(format_ms(0.1), "0.10 ms");
}

#[test]
fn clip_chars_counts_characters_not_bytes() {
    assert_eq!(clip_chars("abc", 5), ("abc".to_string(), 0));
    assert_eq!(clip_chars("🙂🙂🙂", 2), ("🙂🙂".to_string(), 1));
    assert_eq!(clip_chars("", 0), (String::new(), 0));
}

#[test]
fn bar_fraction_clamps_and_survives_nan() {
    assert_eq!(bar_fraction(0.5), 0.5);
    assert_eq!(bar_fraction(-0.3), 0.0);
    assert_eq!(bar_fraction(1.5), 1.0);
    assert_eq!(bar_fraction(f32::NAN), 0.0);
}
