//! How the whole pipeline grows with the corpus: the sample corpus plus generated filler
//! documents up to about 1k, 10k and 50k passages, built into a real workbench (split, embed,
//! index, word index) and asked real questions (embed + search + read, and all four answers).
//! Filler text is drawn, seeded, from the sample corpus's own words, so passages look like the
//! corpus to the embedder and the reader, and the sample's facts stay answerable among them.
//! Run: `cargo bench --bench scale`. The 50k build is timed once (printed), not sampled.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::{chunk_document, Corpus, DocKind, Document, Quality};
use rag_or_tune::core::embed::{native, Embedder};
use rag_or_tune::core::modes::{answer, answer_all, Mode};
use rag_or_tune::core::workbench::{TuneSettings, Workbench};

const SIZES: [usize; 3] = [1_000, 10_000, 50_000];
/// Built with criterion's samples; larger sizes are timed once.
const SAMPLED_BUILD_MAX: usize = 10_000;
const QUESTIONS: [&str; 4] = [
    "How much does the Pro plan cost?",
    "How long do refunds take?",
    "What is the API rate limit?",
    "Which regions can store our data?",
];

/// A seeded xorshift generator: the same filler on every run.
struct Xorshift(u64);

impl Xorshift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The words of the sample corpus's current documents, in order (repeats kept, so frequent
/// words stay frequent in the filler).
fn corpus_words(corpus: &Corpus) -> Vec<String> {
    corpus
        .documents_at(corpus.latest())
        .iter()
        .flat_map(|d| d.text.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn filler_document(n: usize, words: &[String], rng: &mut Xorshift, version: &str) -> Document {
    let mut text = String::new();
    for _ in 0..20 {
        for _ in 0..3 + rng.below(3) {
            let len = 8 + rng.below(12);
            let sentence: Vec<&str> = (0..len)
                .map(|_| words[rng.below(words.len())].as_str())
                .collect();
            text.push_str(&sentence.join(" "));
            text.push_str(". ");
        }
        text.push_str("\n\n");
    }
    Document {
        id: format!("filler-{n}"),
        title: format!("Filler document {n}"),
        kind: DocKind::Product,
        quality: Quality::Current,
        date: "2024-01-01".to_string(),
        versions: vec![version.to_string()],
        note: None,
        text,
        path: format!("generated/filler-{n}.md"),
        body_line: 1,
    }
}

/// The sample corpus plus filler documents until its current version has `passages` passages.
fn corpus_of(passages: usize) -> Corpus {
    let mut corpus = Corpus::load_default().expect("shipped corpus");
    let version = corpus.latest().to_string();
    let words = corpus_words(&corpus);
    let mut rng = Xorshift(0x5eed_2026);
    let mut count = corpus.chunks_at(&version).len();
    let mut n = 0;
    while count < passages {
        let doc = filler_document(n, &words, &mut rng, &version);
        count += chunk_document(&doc, &version).len();
        corpus = corpus.with_document(doc).expect("filler ids are unique");
        n += 1;
    }
    corpus
}

fn workbench(embedder: &Embedder, corpus: Corpus) -> Workbench {
    Workbench::new(embedder.clone(), corpus, &NoClock).expect("index builds")
}

fn build(c: &mut Criterion) {
    let embedder = native::load_shipped().expect("shipped model");
    let mut group = c.benchmark_group("scale build");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .sampling_mode(SamplingMode::Flat);
    for n in SIZES {
        let corpus = corpus_of(n);
        if n <= SAMPLED_BUILD_MAX {
            group.bench_with_input(BenchmarkId::new("workbench", n), &corpus, |b, corpus| {
                b.iter(|| workbench(&embedder, black_box(corpus.clone())))
            });
        } else {
            let start = Instant::now();
            let bench = workbench(&embedder, corpus);
            eprintln!(
                "scale build/workbench/{n}: {:.2} s for {} passages (timed once)",
                start.elapsed().as_secs_f64(),
                bench.chunks().len()
            );
        }
    }
    group.finish();
}

fn ask(c: &mut Criterion) {
    let embedder = native::load_shipped().expect("shipped model");
    let mut group = c.benchmark_group("scale ask");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for n in SIZES {
        let mut bench = workbench(&embedder, corpus_of(n));
        bench
            .train(&TuneSettings::default(), &NoClock)
            .expect("training");
        eprintln!("scale ask/{n}: {} passages", bench.chunks().len());
        let mut next = QUESTIONS.iter().cycle();
        // The parts of an answer, to see which one grows with the corpus.
        let query = bench.embedder().embed(QUESTIONS[0]);
        group.bench_function(BenchmarkId::new("dense search, depth 50", n), |b| {
            b.iter(|| bench.index().search(black_box(&query), 50))
        });
        group.bench_function(
            BenchmarkId::new("retrieve (embed, dense + BM25, fuse)", n),
            |b| b.iter(|| bench.retrieve(black_box(next.next().unwrap()), &NoClock)),
        );
        group.bench_function(BenchmarkId::new("retrieval only", n), |b| {
            b.iter(|| answer(&bench, black_box(next.next().unwrap()), Mode::Rag, &NoClock))
        });
        group.bench_function(BenchmarkId::new("four answers", n), |b| {
            b.iter(|| answer_all(&bench, black_box(next.next().unwrap()), &NoClock))
        });
    }
    group.finish();
}

criterion_group!(benches, build, ask);
criterion_main!(benches);
