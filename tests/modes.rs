//! The four modes on the shipped model and corpus, after the default v1 training.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::modes::{answer_all, Mode, BASE_ANSWER};
use rag_or_tune::core::workbench::{TuneSettings, Workbench};

fn trained() -> Workbench {
    let corpus = Corpus::load_default().expect("shipped corpus");
    let mut bench = Workbench::new(load_shipped().unwrap(), corpus, &NoClock).unwrap();
    bench.train(&TuneSettings::default(), &NoClock).unwrap();
    bench
}

#[test]
fn four_modes_answer_in_their_own_way() {
    let mut bench = trained();
    let snapshot = bench.corpus().snapshot.clone();
    bench.set_version(&snapshot, &NoClock).unwrap();
    let question = bench.corpus().questions[0].text.clone();
    let [base, rag, tuned, both] = answer_all(&bench, &question, &NoClock);
    assert_eq!([base.mode, rag.mode, tuned.mode, both.mode], Mode::ALL);
    assert_eq!(base.text, BASE_ANSWER);
    assert!(!base.follows_format());
    assert!(!rag.citations.is_empty(), "rag cites: {}", rag.text);
    assert!(
        !rag.follows_format(),
        "the reader quotes raw text: {}",
        rag.text
    );
    assert!(tuned.follows_format(), "{}\n{:?}", tuned.text, tuned.format);
    assert!(tuned.citations.is_empty() && tuned.from_weights.is_some());
    assert!(tuned.text.contains("model weights"), "{}", tuned.text);
    assert!(both.follows_format(), "{}\n{:?}", both.text, both.format);
    assert!(!both.citations.is_empty());
    println!(
        "{}\n---\n{}\n---\n{}\n---\n{}",
        base.text, rag.text, tuned.text, both.text
    );
}

#[test]
fn after_the_documents_change_the_tuned_answer_is_stale_and_retrieval_is_current() {
    let bench = trained();
    let latest = bench.corpus().latest().to_string();
    let snapshot = bench.corpus().snapshot.clone();
    let fact = bench
        .corpus()
        .facts
        .iter()
        .find(|f| f.changed_between(&snapshot, &latest))
        .expect("a changed fact")
        .clone();
    let question = bench
        .corpus()
        .questions
        .iter()
        .find(|q| q.fact == fact.key)
        .unwrap()
        .text
        .clone();
    let [_, rag, tuned, _] = answer_all(&bench, &question, &NoClock);
    let tuned_verdict = bench.judge_fact(&fact, &tuned.text);
    assert!(tuned_verdict.stale, "{}\n{tuned_verdict:?}", tuned.text);
    let rag_verdict = bench.judge_fact(&fact, &rag.text);
    assert!(!rag_verdict.stale, "{}", rag.text);
}

/// "Both" reads the same retrieved sentence as retrieval only and only puts it in the house
/// format, so wherever retrieval only states today's fact, both must answer too (and state it).
#[test]
fn both_never_declines_where_retrieval_only_answered_right() {
    let bench = trained();
    let mut lost = Vec::new();
    let mut right = 0;
    for item in bench.corpus().eval_items() {
        let Some(fact) = item.fact.as_deref().and_then(|k| bench.corpus().fact(k)) else {
            continue;
        };
        let [_, rag, _, both] = answer_all(&bench, &item.text, &NoClock);
        if !bench.judge_fact(fact, &rag.text).correct {
            continue;
        }
        right += 1;
        if both.abstained || !bench.judge_fact(fact, &both.text).correct {
            lost.push(format!(
                "{} ({})\n  rag: {}\n  both: {}",
                item.text, item.id, rag.text, both.text
            ));
        }
    }
    assert!(right > 100, "retrieval only answered {right} right");
    assert!(
        lost.is_empty(),
        "{} lost by both:\n{}",
        lost.len(),
        lost.join("\n")
    );
}

#[test]
fn the_diagnosis_ties_a_paraphrase_to_its_fact_and_names_where_the_answer_was_lost() {
    use rag_or_tune::core::modes::{diagnose, Diagnosis, FactMatch, LostAt};
    let mut bench = trained();
    let diagnosis = |bench: &Workbench, q: &str| diagnose(bench, q, &bench.retrieve(q, &NoClock));
    match diagnosis(&bench, "Is there a charity discount?") {
        Some(Diagnosis::Fact {
            matched: FactMatch::Closest { .. },
            fact,
            ..
        }) => {
            assert_eq!(fact, "policy.nonprofit")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        diagnosis(&bench, "Can I pay with bitcoin?"),
        None,
        "no fact is that close"
    );
    let unanswerable = bench.corpus().unanswerable[0].text.clone();
    assert_eq!(
        diagnosis(&bench, &unanswerable),
        Some(Diagnosis::NotInDocuments)
    );
    let mut settings = bench.settings();
    settings.threshold = 1.0;
    bench.set_settings(settings, &NoClock).unwrap();
    match diagnosis(&bench, "How much does the Pro plan cost?") {
        Some(Diagnosis::Fact { lost_at, rank, .. }) => {
            assert_eq!(lost_at, LostAt::BelowThreshold);
            assert!(rank.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn both_corrects_a_false_premise_as_the_style_guide_asks() {
    // The style guide: "If the question assumes something that is not true, such as a plan we
    // do not sell, say so in the next step." A plan name the documents never use:
    let bench = trained();
    let [_, rag, _, both] =
        answer_all(&bench, "What does the Diamond plan cost a month?", &NoClock);
    assert!(
        rag.abstained && rag.text.contains("Diamond"),
        "{}",
        rag.text
    );
    assert!(both.abstained, "{}", both.text);
    assert!(both.follows_format(), "{}\n{:?}", both.text, both.format);
    assert!(
        both.text
            .contains("Next step: Our documents never mention Diamond"),
        "{}",
        both.text
    );
    // A question without a false premise keeps the usual next step.
    let [_, _, _, plain] = answer_all(&bench, "Can I pay with a cheque from the moon?", &NoClock);
    if plain.abstained {
        assert!(!plain.text.contains("never mention"), "{}", plain.text);
    }
}
