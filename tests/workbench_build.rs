//! A workbench built in steps: the same passages, vectors and answers as a build in one go;
//! progress that only moves forward; and rebuilds that reuse embeddings by text without ever
//! serving a stale one.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::index::normalize_in_place;
use rag_or_tune::core::own_documents::{document_from_paste, user_corpus, UserDocument};
use rag_or_tune::core::reader::SentenceWords;
use rag_or_tune::core::workbench::{BuildStage, Workbench, WorkbenchBuild, INDEX_SEGMENT_LEN};

const WORDS: &str = "plan costs month customers support team billing invoice refund policy \
days account data export storage region backup window hours office city laptop password \
leave travel meals expense claim approval manager deadline quarter release feature limit \
seats price discount contract notice security audit report incident response";

/// Seeded made-up documents, large enough for several index segments.
fn large_documents() -> Vec<UserDocument> {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let mut docs = Vec::new();
    for d in 0..3 {
        let mut text = String::new();
        while text.len() < 150_000 {
            if next() % 10 == 0 {
                text.push_str("\n\n## Part\n\n");
            }
            let sentence: Vec<&str> = (0..8 + next() % 12)
                .map(|_| words[next() % words.len()])
                .collect();
            text.push_str(&format!("{} {}. ", sentence.join(" "), next() % 100));
        }
        let doc = document_from_paste(&format!("Handbook {d}"), &text, &docs).unwrap();
        docs.push(doc);
    }
    docs
}

fn large_corpus() -> Corpus {
    user_corpus(&large_documents(), &[]).unwrap()
}

#[test]
fn stepping_gives_the_same_workbench_as_one_go_with_progress_that_only_moves_on() {
    let model = load_shipped().unwrap();
    let whole = Workbench::new(model.clone(), large_corpus(), &NoClock).unwrap();
    let mut build = WorkbenchBuild::start(model, large_corpus());
    let mut stages = vec![build.progress().stage];
    let mut last = build.progress();
    assert_eq!((last.done, last.total), (0, 3), "three documents to split");
    while !build.finished() {
        let now = build.step(&NoClock).unwrap();
        if now.stage == last.stage {
            assert_eq!(now.done, last.done + 1, "one step of work per call");
            assert_eq!(now.total, last.total);
        } else {
            assert_eq!(last.done + 1, last.total, "a stage ends with its last step");
            assert_eq!(now.done, 0, "the next stage starts at 0");
            stages.push(now.stage);
        }
        assert!(now.passages_done >= last.passages_done);
        last = now;
    }
    assert_eq!(
        stages,
        [
            BuildStage::Splitting,
            BuildStage::Embedding,
            BuildStage::Indexing,
            BuildStage::Done
        ]
    );
    assert_eq!(last.passages_done, last.passages_total);
    let stepped = build.finish(&NoClock).unwrap();

    let n = whole.chunks().len();
    assert!(
        n > INDEX_SEGMENT_LEN,
        "{n} passages make more than one segment"
    );
    assert_eq!(
        stepped.index().segment_count(),
        n.div_ceil(INDEX_SEGMENT_LEN)
    );
    assert_eq!(stepped.chunks(), whole.chunks());
    for question in [
        "How long is the backup window?",
        "What does the audit report cost?",
    ] {
        assert_eq!(
            stepped.retrieve(question, &NoClock).hits,
            whole.retrieve(question, &NoClock).hits
        );
    }
}

#[test]
fn a_large_corpus_still_finds_a_passage_from_its_last_segment() {
    let bench = Workbench::new(load_shipped().unwrap(), large_corpus(), &NoClock).unwrap();
    let last = bench.chunks().len() - 1;
    let hits = bench.retrieve(&bench.chunks()[last].text, &NoClock).hits;
    assert_eq!(hits[0].id, last);
}

#[test]
fn after_an_edit_every_vector_and_sentence_measure_is_of_its_current_text() {
    let model = load_shipped().unwrap();
    let mut bench = Workbench::new(model.clone(), Corpus::load_default().unwrap(), &NoClock)
        .expect("the sample corpus indexes");
    let doc = bench.documents()[0].clone();
    let edited = doc
        .text
        .replacen('.', ". Support now answers within 2 hours.", 1);
    bench.edit_document(&doc.id, edited, &NoClock).unwrap();
    assert!(bench
        .chunks()
        .iter()
        .any(|c| c.text.contains("Support now answers within 2 hours")));
    for (i, chunk) in bench.chunks().iter().enumerate() {
        let mut fresh = model.embed(&chunk.retrieval_text());
        normalize_in_place(&mut fresh);
        assert_eq!(
            bench.index().vector(i),
            Some(fresh.as_slice()),
            "passage {i}"
        );
        assert_eq!(
            bench.sentence_vectors(i),
            model.embed_batch(&chunk.sentence_texts()).as_slice(),
            "sentences of passage {i}"
        );
        assert_eq!(
            bench.sentence_words(i),
            SentenceWords::of_all(&chunk.sentence_texts(), Some(bench.embedder()))
                .into_iter()
                .map(|words| words.in_context(&chunk.title))
                .collect::<Vec<_>>()
                .as_slice(),
            "the reader's measures of passage {i}"
        );
    }
}
