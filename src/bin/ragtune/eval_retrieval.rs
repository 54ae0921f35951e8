//! `ragtune eval retrieval [--json]`: recall@1, recall@5 and MRR of the tiny model (student),
//! its teacher (rankings stored in tests/fixtures/teacher_rankings.json) and BM25 on the
//! app's evaluation set.
//!
//! Every answerable question (train and held-out phrasings) is asked at every corpus version
//! against that version's chunks; a hit is a chunk of the gold document for that version.
//! Ranks past [`DEPTH`] count as misses (the teacher fixture stores the top 20).
//! `hybrid` is the dense ranking fused with BM25 (`core::hybrid`, what the app retrieves with by
//! default); `splits` gives student, hybrid and BM25 on train and held-out phrasings apart.

use std::collections::HashMap;
use std::path::Path;

use rag_or_tune::core::bm25::Bm25;
use rag_or_tune::core::corpus::{default_corpus_dir, Category, Chunk, Corpus};
use rag_or_tune::core::embed::{cosine, native};
use rag_or_tune::core::hybrid::{reciprocal_rank_fusion, HybridParams};
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::args::Args;

const USAGE: &str = "usage: ragtune eval retrieval [--json]";
/// Deepest rank that counts for MRR.
const DEPTH: usize = 20;

#[derive(Deserialize)]
struct TeacherFixture {
    questions_sha256: String,
    versions: HashMap<String, TeacherVersion>,
    questions: Vec<TeacherQuestion>,
}

#[derive(Deserialize)]
struct TeacherVersion {
    chunks_sha256: String,
}

#[derive(Deserialize)]
struct TeacherQuestion {
    id: String,
    rankings: HashMap<String, Vec<String>>,
}

/// Sums of per-question scores for one ranker.
#[derive(Default)]
struct Tally {
    at1: f64,
    at5: f64,
    rr: f64,
    n: usize,
}

impl Tally {
    /// Adds one question given the 1-based rank of its first gold chunk, if found.
    fn add(&mut self, rank: Option<usize>) {
        self.n += 1;
        if let Some(r) = rank.filter(|&r| r <= DEPTH) {
            self.at1 += f64::from(u8::from(r == 1));
            self.at5 += f64::from(u8::from(r <= 5));
            self.rr += 1.0 / r as f64;
        }
    }

    fn json(&self) -> Value {
        let n = self.n.max(1) as f64;
        json!({"recall_at_1": self.at1 / n, "recall_at_5": self.at5 / n, "mrr": self.rr / n})
    }
}

fn texts_sha256<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let joined: Vec<&str> = texts.collect();
    Sha256::digest(joined.join("\0").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn first_gold(
    ranking: impl Iterator<Item = usize>,
    chunks: &[Chunk],
    gold_doc: &str,
) -> Option<usize> {
    ranking
        .take(DEPTH)
        .position(|i| chunks[i].doc_id == gold_doc)
        .map(|p| p + 1)
}

/// Runs the subcommand.
pub fn run(mut args: Args) -> Result<(), String> {
    let as_json = args.flag("json");
    if args.next_positional().as_deref() != Some("retrieval") {
        return Err(USAGE.into());
    }
    args.finish()?;
    let corpus = Corpus::load_dir(&default_corpus_dir()).map_err(|errors| {
        format!(
            "{} problem(s) in the corpus; run 'ragtune corpus check'",
            errors.len()
        )
    })?;
    let model = native::load_shipped().map_err(|e| e.to_string())?;
    let fixture_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teacher_rankings.json");
    let fixture: TeacherFixture = serde_json::from_str(
        &std::fs::read_to_string(&fixture_path)
            .map_err(|e| format!("{}: {e}", fixture_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", fixture_path.display()))?;

    let items: Vec<_> = corpus
        .eval_items()
        .into_iter()
        .filter(|q| !q.gold.is_empty())
        .collect();
    let mut stale = fixture.questions_sha256 != texts_sha256(items.iter().map(|q| q.text.as_str()));
    let teacher_by_id: HashMap<&str, &TeacherQuestion> = fixture
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q))
        .collect();
    let question_vecs =
        model.embed_batch(&items.iter().map(|q| q.text.as_str()).collect::<Vec<_>>());
    let (mut student, mut teacher, mut bm25, mut hybrid) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    // Per split (train, held-out): student, hybrid, BM25.
    let mut splits: [[Tally; 3]; 2] = Default::default();
    let fusion = HybridParams::default();
    for version in corpus.versions.iter().map(|v| v.id.as_str()) {
        let chunks = corpus.chunks_at(version);
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        stale |= fixture
            .versions
            .get(version)
            .map(|v| v.chunks_sha256.as_str())
            != Some(texts_sha256(texts.iter().copied()).as_str());
        let chunk_vecs = model.embed_batch(&texts);
        let index_of: HashMap<&str, usize> = chunks
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let lexical = Bm25::build(&texts);
        for (item, q_vec) in items.iter().zip(&question_vecs) {
            let Some(gold) = item.gold.iter().find(|g| g.version == version) else {
                continue;
            };
            let mut order: Vec<(usize, f32)> = chunk_vecs
                .iter()
                .map(|c| cosine(q_vec, c))
                .enumerate()
                .collect();
            order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let dense_rank = first_gold(order.iter().map(|&(i, _)| i), &chunks, &gold.doc_id);
            student.add(dense_rank);
            let lexical_hits = lexical.scores(&item.text, fusion.depth.max(DEPTH));
            let lexical_rank =
                first_gold(lexical_hits.iter().map(|&(i, _)| i), &chunks, &gold.doc_id);
            bm25.add(lexical_rank);
            let fused = reciprocal_rank_fusion(
                &[
                    order.iter().take(fusion.depth).map(|&(i, _)| i).collect(),
                    lexical_hits
                        .iter()
                        .take(fusion.depth)
                        .map(|&(i, _)| i)
                        .collect(),
                ],
                fusion.c,
                DEPTH,
            );
            let fused_rank = first_gold(fused.iter().map(|&(i, _)| i), &chunks, &gold.doc_id);
            hybrid.add(fused_rank);
            let split = match item.category {
                Category::Train => Some(0),
                Category::Heldout => Some(1),
                _ => None,
            };
            if let Some(split) = split {
                splits[split][0].add(dense_rank);
                splits[split][1].add(fused_rank);
                splits[split][2].add(lexical_rank);
            }
            let ranked = teacher_by_id
                .get(item.id.as_str())
                .and_then(|t| t.rankings.get(version));
            match ranked {
                Some(ids) if !stale => {
                    let ranking = ids
                        .iter()
                        .filter_map(|id| index_of.get(id.as_str()).copied());
                    teacher.add(first_gold(ranking, &chunks, &gold.doc_id));
                }
                _ => stale = true,
            }
        }
    }
    let ratio = |key: &str| {
        student.json()[key].as_f64().unwrap_or(0.0)
            / teacher.json()[key].as_f64().unwrap_or(0.0).max(1e-9)
    };
    let out = json!({
        "student": student.json(),
        "teacher": if stale { Value::Null } else { teacher.json() },
        "bm25": bm25.json(),
        "hybrid": hybrid.json(),
        "splits": {
            "train": {"student": splits[0][0].json(), "hybrid": splits[0][1].json(), "bm25": splits[0][2].json()},
            "heldout": {"student": splits[1][0].json(), "hybrid": splits[1][1].json(), "bm25": splits[1][2].json()},
        },
        "questions": items.len(),
        "versions": corpus.versions.len(),
        "student_over_teacher": if stale { Value::Null } else {
            json!({"recall_at_1": ratio("recall_at_1"), "recall_at_5": ratio("recall_at_5"), "mrr": ratio("mrr")})
        },
        "model": model.info().summary(),
        "warning": if stale {
            json!("the teacher rankings do not match the current corpus; rerun tools/distill/rankings.sh")
        } else { Value::Null },
    });
    if as_json {
        println!("{out}");
    } else {
        println!(
            "{} questions x {} versions; {}",
            out["questions"], out["versions"], out["model"]
        );
        for name in ["student", "teacher", "bm25", "hybrid"] {
            let m = &out[name];
            if m.is_null() {
                println!("  {name:8} (unavailable: {})", out["warning"]);
                continue;
            }
            println!(
                "  {name:8} recall@1 {:.3}  recall@5 {:.3}  MRR {:.3}",
                m["recall_at_1"].as_f64().unwrap_or(0.0),
                m["recall_at_5"].as_f64().unwrap_or(0.0),
                m["mrr"].as_f64().unwrap_or(0.0)
            );
        }
    }
    Ok(())
}
