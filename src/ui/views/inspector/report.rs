//! What the inspector shows, computed from the workbench in one pass: the ranked passages,
//! the exact-versus-HNSW comparison and the question's tokens. Plain data, so the view only
//! renders it and native tests cover the parts that decide something.

use crate::core::clock::{timed, Clock};
use crate::core::corpus::{Chunk, DocKind, Quality};
use crate::core::embed::TokenWeight;
use crate::core::index::{recall, Hit, IndexParams, SearchMethod};
use crate::core::modes::{diagnose, read_passages, Diagnosis};
use crate::core::workbench::{PassageRanks, RebuildTimings, Workbench};

/// How often each search is repeated for its timing: one search over the sample corpus takes
/// microseconds, below the browser clock's resolution (0.1 ms without isolation).
pub(crate) const TIMING_REPEATS: usize = 50;
/// Characters of a passage shown. Passages are a few sentences, but a pasted text with no
/// sentence ends is chunked as one huge passage, which would bury the list.
pub(crate) const PASSAGE_CHARS: usize = 1_200;

/// One retrieved passage, with what the learner needs to judge it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PassageRow {
    /// 1-based rank.
    pub(crate) rank: usize,
    /// Position in [`Workbench::chunks`].
    pub(crate) chunk: usize,
    /// The document's title.
    pub(crate) title: String,
    /// The version the passage was retrieved at.
    pub(crate) version: String,
    /// The document's kind.
    pub(crate) kind: DocKind,
    /// The document's quality flag.
    pub(crate) quality: Quality,
    /// The document's date.
    pub(crate) date: String,
    /// Cosine similarity with the question.
    pub(crate) score: f32,
    /// The passage text (clipped to [`PASSAGE_CHARS`]).
    pub(crate) text: String,
    /// Characters clipped off the end of `text`.
    pub(crate) clipped: usize,
    /// True when the reader took its answer sentence from this passage.
    pub(crate) picked: bool,
    /// Where the dense and the keyword (BM25) rankings placed it before fusion.
    pub(crate) ranks: PassageRanks,
}

impl PassageRow {
    fn new(rank: usize, hit: Hit, chunk: &Chunk) -> Self {
        let (text, clipped) = clip_chars(&chunk.text, PASSAGE_CHARS);
        Self {
            rank,
            chunk: hit.id,
            title: chunk.title.clone(),
            version: chunk.version.clone(),
            kind: chunk.kind,
            quality: chunk.quality,
            date: chunk.date.clone(),
            score: hit.score,
            text,
            clipped,
            picked: false,
            ranks: PassageRanks::default(),
        }
    }
}

/// Whether the approximate search returned what the exact one did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Agreement {
    /// The same passages in the same order.
    Identical,
    /// The same passages, ranked differently (ties or rounding).
    Reordered,
    /// HNSW missed `exact - shared` of the exact top passages.
    Different {
        /// Passages both lists hold.
        shared: usize,
        /// Length of the exact list.
        exact: usize,
    },
}

impl Agreement {
    /// Compares an HNSW result with the exact result for the same query and k.
    pub(crate) fn of(hnsw: &[Hit], exact: &[Hit]) -> Self {
        let ids = |hits: &[Hit]| hits.iter().map(|h| h.id).collect::<Vec<_>>();
        let (a, b) = (ids(hnsw), ids(exact));
        if a == b {
            return Agreement::Identical;
        }
        let shared = b.iter().filter(|id| a.contains(id)).count();
        if shared == b.len() && a.len() == b.len() {
            Agreement::Reordered
        } else {
            Agreement::Different {
                shared,
                exact: b.len(),
            }
        }
    }

    /// One sentence for the learner.
    pub(crate) fn sentence(self) -> String {
        match self {
            Agreement::Identical => {
                "Same passages in the same order: the graph found what the exact scan found.".into()
            }
            Agreement::Reordered => {
                "Same passages as the exact scan, in a slightly different order.".into()
            }
            Agreement::Different { shared, exact } => format!(
                "Different: the graph found {shared} of the {exact} passages the exact scan found."
            ),
        }
    }
}

/// Exact search against the HNSW graph for one query.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Comparison {
    /// Chunk ids HNSW returned, in rank order.
    pub(crate) hnsw: Vec<Hit>,
    /// Chunk ids exact search returned, in rank order.
    pub(crate) exact: Vec<Hit>,
    /// Whether they agree.
    pub(crate) agreement: Agreement,
    /// Share of the exact top k that HNSW also found.
    pub(crate) recall: f32,
    /// Mean milliseconds of one HNSW search.
    pub(crate) hnsw_ms: f64,
    /// Mean milliseconds of one exact search.
    pub(crate) exact_ms: f64,
    /// The method the app itself uses at this index size.
    pub(crate) used: SearchMethod,
    /// The two lists side by side, rank by rank.
    pub(crate) rows: Vec<CompareRow>,
}

/// One rank of the side-by-side table.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CompareRow {
    /// What exact search put at this rank ("Plans and pricing (part 2) · 0.612").
    pub(crate) exact: String,
    /// What the graph put at this rank.
    pub(crate) hnsw: String,
    /// True when the two passages differ.
    pub(crate) differs: bool,
}

impl CompareRow {
    /// Pairs the two lists rank by rank; a missing entry shows as a dash.
    pub(crate) fn pair(exact: &[Hit], hnsw: &[Hit], chunks: &[Chunk]) -> Vec<CompareRow> {
        (0..exact.len().max(hnsw.len()))
            .map(|i| {
                let (e, h) = (exact.get(i), hnsw.get(i));
                CompareRow {
                    exact: hit_label(e, chunks),
                    hnsw: hit_label(h, chunks),
                    differs: e.map(|x| x.id) != h.map(|x| x.id),
                }
            })
            .collect()
    }
}

/// A hit as "title (part n) · score"; a dash for no hit.
fn hit_label(hit: Option<&Hit>, chunks: &[Chunk]) -> String {
    let Some(hit) = hit else {
        return "—".into();
    };
    match chunks.get(hit.id) {
        Some(c) => {
            let part = c.id.rsplit('#').next().unwrap_or("?");
            format!("{} (part {part}) · {:.3}", c.title, hit.score)
        }
        None => format!("passage {} · {:.3}", hit.id, hit.score),
    }
}

/// The index the passages come from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct IndexSummary {
    /// Number of passages indexed.
    pub(crate) len: usize,
    /// Number of HNSW graphs (segments) they are indexed in.
    pub(crate) segments: usize,
    /// Vector dimensions.
    pub(crate) dims: usize,
    /// Build and search parameters.
    pub(crate) params: IndexParams,
    /// How long the last rebuild took, by stage.
    pub(crate) rebuild: RebuildTimings,
    /// True when flagged documents are left out of the index.
    pub(crate) curated: bool,
}

impl IndexSummary {
    /// Milliseconds of the whole last rebuild (chunk + embed + graph).
    pub(crate) fn rebuild_ms(&self) -> f64 {
        self.rebuild.chunk_ms + self.rebuild.embed_ms + self.rebuild.index_ms
    }
}

/// What the reader (core's extractive reader, the one the Ask view uses) made of the passages.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ReaderVerdict {
    /// No question, so nothing was read.
    Idle,
    /// The best sentence reached the threshold: this is the answer the reader quotes.
    Answers {
        /// The reader's score of the sentence (about 0..1).
        score: f32,
        /// The sentence, as written in the document.
        sentence: String,
    },
    /// Every sentence scored under the threshold: "The documents do not say."
    Abstains,
}

/// Everything the inspector renders for one question at one workbench revision.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct InspectorReport {
    /// Passages handed to the reader.
    pub(crate) k: usize,
    /// The reader's abstention threshold.
    pub(crate) threshold: f32,
    /// The top-k passages as the app ranks them.
    pub(crate) passages: Vec<PassageRow>,
    /// What the reader made of them.
    pub(crate) reader: ReaderVerdict,
    /// Which stage lost the answer, for a question tied to a known fact.
    pub(crate) diagnosis: Option<Diagnosis>,
    /// Milliseconds spent embedding the question.
    pub(crate) embed_ms: f64,
    /// HNSW against exact search.
    pub(crate) comparison: Comparison,
    /// The question's tokens with their weights, as pooled.
    pub(crate) tokens: Vec<TokenWeight>,
    /// The most tokens that count.
    pub(crate) token_limit: usize,
    /// The index.
    pub(crate) index: IndexSummary,
}

impl InspectorReport {
    /// Retrieves `question` both ways and gathers the rest. An empty question gives no
    /// passages (its vector is zero) and no tokens.
    pub(crate) fn build(bench: &Workbench, question: &str, clock: &dyn Clock) -> Self {
        let settings = bench.settings();
        let index = bench.index();
        let used = index.auto_method();
        let retrieval = bench.retrieve_with(question, used, clock);
        let k = settings.k;
        let search = |method| {
            index
                .search_with(&retrieval.query, k, method)
                .unwrap_or_default()
        };
        let (hnsw, hnsw_ms) = mean_time(clock, TIMING_REPEATS, || search(SearchMethod::Hnsw));
        let (exact, exact_ms) = mean_time(clock, TIMING_REPEATS, || search(SearchMethod::Exact));
        let chunks = bench.chunks();
        let reading = read_passages(bench, question, &retrieval);
        let picked = reading.citations.first().map(|c| c.chunk);
        let reader = match reading.sentence {
            _ if retrieval.hits.is_empty() => ReaderVerdict::Idle,
            Some(sentence) => ReaderVerdict::Answers {
                score: reading.score,
                sentence: clip_chars(&sentence, PASSAGE_CHARS).0,
            },
            None => ReaderVerdict::Abstains,
        };
        let passages = retrieval
            .hits
            .iter()
            .enumerate()
            .filter_map(|(i, hit)| {
                let mut row = PassageRow::new(i + 1, *hit, chunks.get(hit.id)?);
                row.picked = Some(hit.id) == picked;
                row.ranks = retrieval.ranks.get(i).copied().unwrap_or_default();
                Some(row)
            })
            .collect();
        let diagnosis = (!retrieval.hits.is_empty())
            .then(|| diagnose(bench, question, &retrieval))
            .flatten();
        Self {
            k,
            threshold: settings.threshold,
            passages,
            reader,
            diagnosis,
            embed_ms: retrieval.embed_ms,
            comparison: Comparison {
                agreement: Agreement::of(&hnsw, &exact),
                rows: CompareRow::pair(&exact, &hnsw, chunks),
                recall: recall(&hnsw, &exact),
                hnsw,
                exact,
                hnsw_ms,
                exact_ms,
                used,
            },
            tokens: bench.embedder().token_weights(question),
            token_limit: bench.embedder().max_tokens(),
            index: IndexSummary {
                len: index.len(),
                segments: index.segment_count(),
                dims: index.dims(),
                params: *index.params(),
                rebuild: bench.rebuild_timings(),
                curated: settings.curated,
            },
        }
    }
}

/// Runs `work` `repeats` times (at least once) and returns its last result and the mean
/// milliseconds per run.
pub(crate) fn mean_time<T>(
    clock: &dyn Clock,
    repeats: usize,
    mut work: impl FnMut() -> T,
) -> (T, f64) {
    let repeats = repeats.max(1);
    let ((), total) = timed(clock, || {
        for _ in 1..repeats {
            std::hint::black_box(work());
        }
    });
    let (out, last) = timed(clock, work);
    (out, (total + last) / repeats as f64)
}

/// The first `max` characters of `text` and how many characters were left off.
pub(crate) fn clip_chars(text: &str, max: usize) -> (String, usize) {
    match text.char_indices().nth(max) {
        None => (text.to_string(), 0),
        Some((at, _)) => (text[..at].to_string(), text[at..].chars().count()),
    }
}

/// A single timing for people: the browser clock ticks in 0.1 ms steps (without cross-origin
/// isolation), so a zero reading means "too fast to see", not "no time".
pub(crate) fn format_ms(ms: f64) -> String {
    if ms <= 0.0 || !ms.is_finite() {
        "under 0.1 ms".to_string()
    } else {
        format!("{ms:.2} ms")
    }
}

/// A score in `[-1, 1]` as a bar length in `[0, 1]`: negative similarities show as empty.
pub(crate) fn bar_fraction(score: f32) -> f32 {
    if score.is_finite() {
        score.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests;
