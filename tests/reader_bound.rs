//! Exports what `tools/distill/reader_bound.py` needs to measure how far a reader could get on
//! the shipped corpus with the teacher's embeddings instead of the tiny model's: every chunk of
//! the current version with its sentences and their tiny-model vectors, and every evaluation
//! question with the sentences that state its gold fact (judged as the evaluation judges) and
//! the passages the app's own retrieval returns for it (hybrid ranking, default k and k = 10).
//! Run `tools/distill/reader_bound.sh`; ignored in the normal test run.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::workbench::{RetrievalSettings, Workbench};
use serde_json::json;

#[test]
#[ignore = "writes target/reader_bound/sentences.json for tools/distill/reader_bound.py"]
fn export_sentences_for_the_reader_bound() {
    let mut bench = Workbench::new(
        load_shipped().unwrap(),
        Corpus::load_default().unwrap(),
        &NoClock,
    )
    .unwrap();
    let embed = |text: &str| bench.embedder().embed(text);
    let chunks: Vec<_> = bench
        .chunks()
        .iter()
        .map(|c| {
            let sentences = c.sentence_texts();
            let vectors: Vec<_> = sentences.iter().map(|s| embed(s)).collect();
            json!({"doc": c.doc_id, "text": c.text, "vector": embed(&c.text),
                   "sentences": sentences, "sentence_vectors": vectors})
        })
        .collect();
    let mut items = Vec::new();
    for item in bench.corpus().eval_items() {
        let mut gold = Vec::new();
        if let Some(key) = item.fact.as_deref() {
            let fact = bench.corpus().fact(key).unwrap();
            if fact.at(bench.version()).is_none() {
                continue;
            }
            for (c, chunk) in bench.chunks().iter().enumerate() {
                for (s, sentence) in chunk.sentence_texts().iter().enumerate() {
                    if bench.judge_fact(fact, sentence).correct {
                        gold.push((c, s));
                    }
                }
            }
            assert!(!gold.is_empty(), "{}: no sentence states its fact", item.id);
        }
        let retrieved = |bench: &Workbench| -> Vec<usize> {
            let hits = bench.retrieve(&item.text, &NoClock).hits;
            hits.iter().map(|h| h.id).collect()
        };
        let at_default = retrieved(&bench);
        let k = bench.settings().k;
        bench
            .set_settings(
                RetrievalSettings {
                    k: 10,
                    ..bench.settings()
                },
                &NoClock,
            )
            .unwrap();
        let at_ten = retrieved(&bench);
        bench
            .set_settings(
                RetrievalSettings {
                    k,
                    ..bench.settings()
                },
                &NoClock,
            )
            .unwrap();
        items.push(json!({"id": item.id, "retrieved": at_default, "retrieved_10": at_ten, "text": item.text, "category": item.category,
                          "abstain": item.category.expects_abstention(), "gold": gold,
                          "vector": bench.embedder().embed(&item.text)}));
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/reader_bound");
    std::fs::create_dir_all(&out).unwrap();
    let body = json!({"version": bench.version(), "chunks": chunks, "items": items});
    std::fs::write(out.join("sentences.json"), body.to_string()).unwrap();
}
