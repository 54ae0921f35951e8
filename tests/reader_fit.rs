//! The reader's fitted weights: refitting on the shipped corpus (train phrasings, the
//! generated near misses and the demonstrations, see `core::reader_fit`) reproduces the
//! weights in `src/core/reader/weights.rs`. `READER_REFIT=1 cargo test --release --features
//! offline --test reader_fit -- --nocapture` prints the file to paste after a change.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::{Corpus, Split};
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::reader::{
    ReaderModel, ANSWER_FEATURES, ANSWER_FEATURE_NAMES, DEFAULT_THRESHOLD, SENTENCE_FEATURE_NAMES,
};
use rag_or_tune::core::reader_fit::{fit, gather, FitPlan, Seen, TrainingData};
use rag_or_tune::core::workbench::Workbench;

fn data() -> TrainingData {
    let corpus = Corpus::load_default().expect("shipped corpus");
    let mut bench = Workbench::new(load_shipped().unwrap(), corpus, &NoClock).unwrap();
    gather(&mut bench)
}

fn summary(label: &str, data: &TrainingData, model: &ReaderModel, threshold: f32) {
    let answered = |set: &[Seen]| {
        let (mut picked, mut right) = (0, 0);
        for s in set {
            if let Some(p) = model.pick(&s.measured) {
                if s.right[p.row] {
                    picked += 1;
                    right += usize::from(p.score >= threshold && !s.gated);
                }
            }
        }
        let n = set.len();
        (
            format!("picks right {picked}/{n}, answers right {right}/{n}"),
            right as f64 / n.max(1) as f64,
        )
    };
    let declined = data
        .unanswerable
        .iter()
        .filter(|s| s.gated || model.pick(&s.measured).is_none_or(|p| p.score < threshold))
        .count();
    println!(
        "{label} t={threshold}: train {}; variants {}; demonstrations {}; declined {declined}/{}; dev objective {:.3}",
        answered(&data.answerable).0,
        answered(&data.variants).0,
        answered(&data.demonstrations).0,
        data.unanswerable.len(),
        0.5 * answered(&data.demonstrations).1 + 0.5 * declined as f64 / data.unanswerable.len().max(1) as f64
    );
}

#[test]
#[ignore = "a sweep of selector settings, judged on train phrasings and demonstrations"]
fn sweep_selectors() {
    let data = data();
    let hand = ReaderModel {
        select: [
            0.5, 0.3, 0.0, 0.2, 0.0, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        ],
        check: [0.0; ANSWER_FEATURES],
    };
    summary("hand weights", &data, &hand, 0.0);
    let reachable = |set: &[Seen]| set.iter().filter(|s| s.right.iter().any(|r| *r)).count();
    println!(
        "reachable t=: train {} demonstrations {}",
        reachable(&data.answerable),
        reachable(&data.demonstrations)
    );
    for steps in [8000, 20000] {
        let settings = rag_or_tune::core::reader_fit::FitSettings {
            steps,
            learning_rate: 1.0,
            l2: 1e-3,
        };
        let fitted = fit(
            &data,
            FitPlan {
                settings,
                selector_l2: 1e-2,
                ..FitPlan::default()
            },
        );
        summary(&format!("steps {steps} lr 1"), &data, &fitted.model, 0.0);
        println!("{:?}", fitted.model.select);
    }
    for l2 in [1e-3, 1e-2, 3e-2, 1e-1, 3e-1] {
        let fitted = fit(
            &data,
            FitPlan {
                selector_l2: l2,
                ..FitPlan::default()
            },
        );
        summary(&format!("selector l2 {l2}"), &data, &fitted.model, 0.0);
    }
}

#[test]
#[ignore = "a sweep of fitting plans, judged on train phrasings, demonstrations and generated near misses"]
fn sweep_plans() {
    let data = data();
    // Which answer features the check may use, in ANSWER_FEATURE_NAMES order.
    let all = [true; ANSWER_FEATURES];
    let mut no_pick_coverage = all;
    no_pick_coverage[4] = false;
    let mut minimal = all;
    for left_out in [3, 4, 5, 7, 8] {
        minimal[left_out] = false;
    }
    let mut minimal_without_agreement = minimal;
    minimal_without_agreement[10] = false;
    minimal_without_agreement[11] = false;
    let mut no_passage = all;
    no_passage[8] = false;
    let mut minimal_without_soft = minimal;
    minimal_without_soft[12] = false;
    let subsets = [
        ("all", all),
        ("no pick coverage", no_pick_coverage),
        ("minimal", minimal),
        ("minimal without agreement", minimal_without_agreement),
        ("no passage", no_passage),
        ("minimal without soft coverage", minimal_without_soft),
    ];
    println!("variants t=: {}", data.variants.len());
    for share in [0.25, 0.5] {
        for folds in [4] {
            for on_train in [false, true] {
                for use_variants in [false, true] {
                    for (name, mask) in subsets {
                        let plan = FitPlan {
                            unanswerable_share: share,
                            folds,
                            threshold_on_train: on_train,
                            use_variants,
                            check_features: mask,
                            ..FitPlan::default()
                        };
                        let fitted = fit(&data, plan);
                        summary(
                        &format!("share {share} folds {folds} on_train {on_train} variants {use_variants} {name}"),
                        &data,
                        &fitted.model,
                        fitted.threshold,
                    );
                    }
                }
            }
        }
    }
}

/// The scored questions the fit must never read: held-out paraphrases, the keyword, yes/no
/// and direct styles, and every unanswerable question.
#[test]
fn the_fit_reads_no_scored_question() {
    let data = data();
    let corpus = Corpus::load_default().expect("shipped corpus");
    let normal = |t: &str| t.trim().to_lowercase();
    let read: std::collections::HashSet<String> = data.texts.iter().map(|t| normal(t)).collect();
    let scored: Vec<&str> = corpus
        .questions
        .iter()
        .filter(|q| q.split != Split::Train)
        .map(|q| q.text.as_str())
        .chain(corpus.unanswerable.iter().map(|u| u.text.as_str()))
        .collect();
    assert!(scored.len() >= 400, "{} scored questions", scored.len());
    let leaked: Vec<&&str> = scored
        .iter()
        .filter(|t| read.contains(&normal(t)))
        .collect();
    assert!(
        leaked.is_empty(),
        "the fit read scored questions: {leaked:?}"
    );
    // And it did read what it may: every train phrasing.
    let train = corpus.questions.iter().filter(|q| q.split == Split::Train);
    assert!(train.clone().count() > 100);
    assert!(train.into_iter().all(|q| read.contains(&normal(&q.text))));
}

#[test]
fn refitting_reproduces_the_shipped_weights() {
    let data = data();
    let fitted = fit(&data, FitPlan::default());
    summary("fitted", &data, &fitted.model, fitted.threshold);
    // Printed before the checks below, so a drifted refit still shows the file to paste.
    if std::env::var_os("READER_REFIT").is_some() {
        for (name, w) in SENTENCE_FEATURE_NAMES.iter().zip(fitted.model.select) {
            println!("select {w:>9.4}  {name}");
        }
        for (name, w) in ANSWER_FEATURE_NAMES.iter().zip(fitted.model.check) {
            println!("check  {w:>9.4}  {name}");
        }
        println!("{}", weights_file(&fitted.model, fitted.threshold));
    }
    // Close, not bit-equal: a change elsewhere (tokens, chunking, value extraction) moves the
    // features a little; a drift past 0.1% means the shipped weights are stale.
    let shipped = ReaderModel::default();
    let close = |a: &[f32], b: &[f32]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| (x - y).abs() <= 1e-3 * y.abs().max(1.0))
    };
    let refit_hint = "refit: READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture";
    assert!(
        close(&fitted.model.select, &shipped.select),
        "selector {:?} vs shipped {:?}; {refit_hint}",
        fitted.model.select,
        shipped.select
    );
    assert!(
        close(&fitted.model.check, &shipped.check),
        "check {:?} vs shipped {:?}; {refit_hint}",
        fitted.model.check,
        shipped.check
    );
    assert_eq!(fitted.threshold, DEFAULT_THRESHOLD, "{refit_hint}");
}

/// The text of `src/core/reader/weights.rs` for `model`.
fn weights_file(model: &ReaderModel, threshold: f32) -> String {
    let list = |w: &[f32]| {
        w.iter()
            .map(|x| format!("    {x:?},\n"))
            .collect::<String>()
    };
    format!(
        "//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --features \
         offline --test reader_fit -- --nocapture`\n//! from the train phrasings, questions \
         generated from them and the demonstrations (see\n//! `core::reader_fit`); \
         `tests/reader_fit.rs` checks that a refit reproduces them.\n\nuse super::features::{{ANSWER_FEATURES, SENTENCE_FEATURES}};\n\n\
         /// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.\n\
         pub const SELECT: [f32; SENTENCE_FEATURES] = [\n{}];\n\n\
         /// Answer check weights, in `ANSWER_FEATURE_NAMES` order.\n\
         pub const CHECK: [f32; ANSWER_FEATURES] = [\n{}];\n\n\
         /// The abstention threshold chosen with them.\npub const THRESHOLD: f32 = {threshold:?};\n",
        list(&model.select),
        list(&model.check)
    )
}
