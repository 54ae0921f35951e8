//! The user's own corpus through the unchanged pipeline: three documents and five pairs make a
//! corpus the workbench indexes, retrieval answers with citations, tuning trains on the pairs,
//! every mode answers, and the evaluation runs; then a scenario of it round-trips and restores.

mod common;

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::eval::{evaluate, EvalSet};
use rag_or_tune::core::modes::{answer_all, Mode};
use rag_or_tune::core::own_documents::{
    document_from_paste, documents_from_file, pairs_from_file, user_corpus, QaPair, UserDocument,
    USER_VERSION,
};
use rag_or_tune::core::scenario::{self, capture, restore, ActiveCorpus, Toggles, UserWork};
use rag_or_tune::core::workbench::{Edits, TrainData, TuneSettings, Workbench};

const HANDBOOK: &str = "# Leave policy\n\nEvery employee gets 27 days of paid leave per year. \
Unused leave carries over until the end of March.\n\n## Sick leave\n\nSick leave needs a \
doctor's note after 3 days away.";
const EXPENSES: &str = "<html><head><title>Expenses</title><script>document.title='owned'\
</script></head><body><h1>Expenses</h1><p>Meals on business trips are refunded up to $45 per \
day.</p><p>Claims are filed in the Ledgerly app within 30 days.</p></body></html>";
const IT: &str = "Laptops are replaced every 4 years. The help desk is open 08:00\u{2013}18:00 \
CET on weekdays. Passwords must have at least 14 characters.";
const PAIRS: &str = "question,answer\r\n\
\"How many days of paid leave do I get?\",27 days\r\n\
How much can I spend on meals when travelling?,$45 per day\r\n\
\"When must I file an expense claim?\",\"within 30 days\"\r\n\
How often is my laptop replaced?,every 4 years\r\n\
How long must a password be?,14 characters\r\n";

fn user_work() -> (Vec<UserDocument>, Vec<QaPair>) {
    let mut docs = documents_from_file("handbook.md", HANDBOOK.as_bytes(), &[]).unwrap();
    docs.extend(documents_from_file("expenses.html", EXPENSES.as_bytes(), &docs).unwrap());
    docs.push(document_from_paste("IT rules", IT, &docs).unwrap());
    let pairs = pairs_from_file("pairs.csv", PAIRS.as_bytes()).unwrap();
    (docs, pairs)
}

fn user_bench() -> (Workbench, Vec<UserDocument>, Vec<QaPair>) {
    let (docs, pairs) = user_work();
    let corpus = user_corpus(&docs, &pairs).unwrap();
    let bench = Workbench::new(load_shipped().unwrap(), corpus, &NoClock).unwrap();
    (bench, docs, pairs)
}

fn tuning() -> TuneSettings {
    TuneSettings {
        data: TrainData::Current,
        ..TuneSettings::default()
    }
}

#[test]
fn the_user_corpus_has_one_version_every_document_and_a_fact_per_pair() {
    let (docs, pairs) = user_work();
    assert_eq!(
        docs.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(),
        ["Leave policy", "Expenses", "IT rules"]
    );
    assert!(!docs[1].text.contains("owned"), "script content dropped");
    let corpus = user_corpus(&docs, &pairs).unwrap();
    assert_eq!(corpus.versions.len(), 1);
    assert_eq!(corpus.latest(), USER_VERSION);
    assert_eq!(corpus.documents.len(), 3);
    assert_eq!(corpus.facts.len(), 5);
    assert_eq!(corpus.questions.len(), 5);
    for fact in &corpus.facts {
        let value = fact.at(USER_VERSION).unwrap();
        let doc = corpus.document(&value.doc_id, USER_VERSION).unwrap();
        assert!(doc.text.contains(&value.passage), "{}", fact.key);
        assert!(
            !common::gold_chunk_ids(&corpus, fact, USER_VERSION).is_empty(),
            "{} has a gold passage",
            fact.key
        );
    }
    let leave = corpus.fact("pair.1").unwrap().at(USER_VERSION).unwrap();
    assert!(leave.passage.contains("27 days"), "{}", leave.passage);
    assert_eq!(corpus.eval_items().len(), 5);
}

#[test]
fn retrieval_answers_with_a_citation_from_the_users_documents() {
    let (bench, _, _) = user_bench();
    assert!(!bench.chunks().is_empty());
    let answers = answer_all(
        &bench,
        "How many days of paid leave do employees get?",
        &NoClock,
    );
    let rag = answers.iter().find(|a| a.mode == Mode::Rag).unwrap();
    assert!(!rag.abstained, "{}", rag.text);
    assert!(rag.text.contains("27 days"), "{}", rag.text);
    assert_eq!(rag.citations[0].doc_id, "leave-policy");
    assert_eq!(rag.citations[0].citation.title, "Leave policy");
    let tuned = answers.iter().find(|a| a.mode == Mode::Tuned).unwrap();
    assert!(tuned.abstained, "no model trained yet: {}", tuned.text);
}

#[test]
fn tuning_on_the_pairs_then_every_mode_answers_and_the_evaluation_runs() {
    let (mut bench, _, _) = user_bench();
    bench.train(&tuning(), &NoClock).unwrap();
    let model = bench.tuned().unwrap();
    assert_eq!(model.version, USER_VERSION);
    assert_eq!(model.counts.new_examples, 5, "one train phrasing per pair");
    let answers = answer_all(&bench, "How many days of paid leave do I get?", &NoClock);
    for a in &answers {
        assert!(!a.text.is_empty(), "{:?}", a.mode);
    }
    let tuned = answers.iter().find(|a| a.mode == Mode::Tuned).unwrap();
    assert!(tuned.text.contains("27 days"), "{}", tuned.text);
    assert!(tuned.from_weights.is_some());
    let both = answers.iter().find(|a| a.mode == Mode::Both).unwrap();
    assert!(!both.citations.is_empty(), "{}", both.text);

    let set = EvalSet::new(&bench);
    let report = evaluate(&bench, &set, &NoClock);
    assert_eq!(report.questions.answerable, 5);
    let tuned = report.modes.get(Mode::Tuned).knowledge_accuracy.unwrap();
    assert!(
        tuned >= 0.8,
        "the tuned model recalls its training pairs: {tuned}"
    );
    let rag = report.modes.get(Mode::Rag).knowledge_accuracy.unwrap();
    assert!(rag >= 0.6, "retrieval finds most answers: {rag}");
    assert_eq!(report.modes.get(Mode::Base).knowledge_accuracy, Some(0.0));
}

#[test]
fn retrieval_works_without_any_pairs() {
    let (docs, _) = user_work();
    let corpus = user_corpus(&docs, &[]).unwrap();
    assert!(corpus.facts.is_empty());
    let bench = Workbench::new(load_shipped().unwrap(), corpus, &NoClock).unwrap();
    let answers = answer_all(&bench, "How long must a password be?", &NoClock);
    assert!(
        answers[1].text.contains("14 characters"),
        "{}",
        answers[1].text
    );
}

#[test]
fn a_scenario_of_the_users_work_round_trips_and_restores_the_same_state() {
    let (mut bench, docs, pairs) = user_bench();
    bench.train(&tuning(), &NoClock).unwrap();
    let no_edits = Edits::default();
    let settings = tuning();
    let work = UserWork {
        active: ActiveCorpus::Own,
        sample_edits: &no_edits,
        documents: &docs,
        pairs: &pairs,
        tuning: &settings,
        toggles: Toggles {
            retrieval: true,
            tuned: true,
        },
        question: "How long must a password be? <script>alert(1)</script>",
    };
    let saved = capture(&bench, &work);
    let json = scenario::to_json(&saved);
    let loaded = scenario::from_json(&json).unwrap();
    assert_eq!(loaded, saved);
    assert_eq!(scenario::to_json(&loaded), json);

    let sample = Corpus::load_default().unwrap();
    let restored = restore(&loaded, &sample).unwrap();
    assert_eq!(restored.trained_on.as_deref(), Some(USER_VERSION));
    // The browser restores a step at a time; both ways give the saved state.
    let mut build = restored.start_build(load_shipped().unwrap());
    let mut steps = 0;
    while !build.finished() {
        build.step(&NoClock).unwrap();
        steps += 1;
    }
    assert!(
        steps >= 2,
        "split, embed and index are separate steps: {steps}"
    );
    let stepwise = restored
        .clone()
        .complete(build.finish(&NoClock).unwrap(), &NoClock)
        .unwrap();
    let again = restored
        .into_workbench(load_shipped().unwrap(), &NoClock)
        .unwrap();
    assert_eq!(again.chunks(), bench.chunks());
    assert_eq!(stepwise.chunks(), bench.chunks());
    assert_eq!(
        stepwise.tuned().map(|m| &m.version),
        bench.tuned().map(|m| &m.version)
    );
    let q = "How much can I spend on meals when travelling?";
    let before = answer_all(&bench, q, &NoClock);
    for restored in [&again, &stepwise] {
        let after = answer_all(restored, q, &NoClock);
        for (a, b) in before.iter().zip(&after) {
            assert_eq!(a.text, b.text, "{:?}", a.mode);
        }
    }
}

#[test]
fn free_text_answers_from_the_learners_pairs_come_back_in_the_house_format() {
    let doc = document_from_paste(
        "Parking policy",
        "Visitors park in the east lot. Staff park in the garage under building B. The garage \
         opens at 6:30 and closes at 22:00.",
        &[],
    )
    .unwrap();
    let pair = |q: &str, a: &str| QaPair {
        question: q.into(),
        answer: a.into(),
    };
    let pairs = [
        pair("Where do visitors park?", "the east lot"),
        pair("Where does staff park?", "the garage under building B"),
        pair("When does the garage open?", "6:30"),
    ];
    let corpus = user_corpus(&[doc], &pairs).unwrap();
    let mut bench = Workbench::new(load_shipped().unwrap(), corpus, &NoClock).unwrap();
    bench.train(&TuneSettings::default(), &NoClock).unwrap();
    for (question, detail) in [
        ("Where do visitors park?", "Name: The east lot"),
        (
            "Where does staff park?",
            "Name: The garage under building B",
        ),
        ("When does the garage open?", "Name: 6:30"),
    ] {
        for a in answer_all(&bench, question, &NoClock) {
            if matches!(a.mode, Mode::Tuned | Mode::Both) {
                assert!(!a.abstained, "{question} {:?}: {}", a.mode, a.text);
                assert!(
                    a.text.contains(detail),
                    "{question} {:?}: {}",
                    a.mode,
                    a.text
                );
                assert!(a.format.is_ok(), "{question} {:?}: {}", a.mode, a.text);
            }
        }
    }
}
