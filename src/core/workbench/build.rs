//! Building a workbench's passages in steps: split one document at a time into passages, embed
//! a batch of passages at a time (adding them to the word index as it goes), then build the
//! vector index a segment at a time. The browser runs the steps in short
//! slices with a turn for the page between them, so importing a large corpus never freezes it;
//! the CLI and the tests run them all at once. Embeddings of passages and sentences whose text
//! did not change since the last build are reused (embedding is a pure function of the text),
//! so editing one document re-embeds only that document's passages.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, OnceLock};

use crate::core::bm25::{Bm25, Bm25Params};
use crate::core::clock::{timed, Clock};
use crate::core::corpus::{chunk_document, Chunk, Corpus, Document, Quality};
use crate::core::embed::Embedder;
use crate::core::index::{IndexBuild, IndexError, IndexParams, VectorIndex};
use crate::core::reader::SentenceWords;
use crate::core::tune::TuningData;

use super::{Edits, RebuildTimings, RetrievalSettings, Workbench};

/// Vectors per HNSW segment. The sample corpus (about 150 passages) is one segment; a segment
/// of 512 took 60-75 ms in wasm, one of 256 about half that, under the 50 ms a page can
/// spare. Below 2,000 vectors search scans exactly anyway, so segments cost search nothing
/// there.
pub const INDEX_SEGMENT_LEN: usize = 256;

/// Passages (with their sentences) embedded per step: a few milliseconds in wasm.
pub const EMBED_BATCH: usize = 24;

/// What a build is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuildStage {
    /// Splitting documents into passages, one document per step.
    Splitting,
    /// Embedding passages and their sentences, and adding them to the word index, a batch
    /// per step.
    Embedding,
    /// Building the vector index, one segment per step.
    Indexing,
    /// Nothing left to do.
    Done,
}

/// How far a build is: the stage, `done` of `total` steps of that stage (one per call of
/// `step`), and the passages embedded so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuildProgress {
    /// The stage the next step works on.
    pub stage: BuildStage,
    /// Steps of this stage done.
    pub done: usize,
    /// Steps of this stage in all.
    pub total: usize,
    /// Passages embedded so far.
    pub passages_done: usize,
    /// Passages in all (known once every document is split).
    pub passages_total: usize,
}

/// What a rebuild may reuse from the build before, by text: embeddings of passages and
/// sentences, and the reader's measures of sentences.
#[derive(Default)]
pub(super) struct Known {
    vectors: HashMap<String, Vec<f32>>,
    words: HashMap<String, SentenceWords>,
}

/// The passages of one version, embedded and indexed: everything a rebuild replaces in a
/// workbench (the rest of it, the corpus, settings, edits and tuned model, outlives a rebuild).
pub(super) struct Passages {
    /// The passages, edits applied; hits index into this.
    pub chunks: Vec<Chunk>,
    /// Per chunk, its embedding as the model gave it (the index holds it normalised).
    pub chunk_vectors: Vec<Vec<f32>>,
    /// Per chunk, the embedding of each sentence (for the reader).
    pub sentence_vectors: Vec<Vec<Vec<f32>>>,
    /// Per chunk, what the reader measures of each sentence: measured when the reader first
    /// reads the chunk (most chunks are never retrieved at start-up), kept until a rebuild,
    /// which carries over what was measured for unchanged text.
    pub sentence_words: Vec<OnceLock<Vec<SentenceWords>>>,
    /// The HNSW index over the chunk vectors.
    pub index: VectorIndex,
    /// BM25 over the same chunks, in the same order (for hybrid ranking).
    pub lexical: Bm25,
    /// Per abbreviation a question used, its long form in these chunks (or none): scanning
    /// every chunk per question would cost more than the search itself.
    pub long_forms: Mutex<HashMap<String, Option<String>>>,
    /// How long building them took.
    pub timings: RebuildTimings,
}

/// Passages being embedded and indexed.
pub(super) struct PassageBuild {
    version: String,
    /// Documents still to split, in order.
    unsplit: VecDeque<Document>,
    documents_total: usize,
    chunks: Vec<Chunk>,
    chunk_vectors: Vec<Vec<f32>>,
    sentence_vectors: Vec<Vec<Vec<f32>>>,
    sentence_words: Vec<OnceLock<Vec<SentenceWords>>>,
    /// Embeddings (and the reader's measures of sentences) from the previous build, by text.
    known: Known,
    lexical: Bm25,
    params: IndexParams,
    index: Option<IndexBuild>,
    built: Option<VectorIndex>,
    timings: RebuildTimings,
}

impl PassageBuild {
    /// Starts a build of `documents` at `version` (with `curated`, only those of current
    /// quality), reusing `known` embeddings by text.
    pub fn start(
        documents: impl IntoIterator<Item = Document>,
        version: &str,
        curated: bool,
        known: Known,
        params: IndexParams,
    ) -> Self {
        let unsplit: VecDeque<Document> = documents
            .into_iter()
            .filter(|d| !curated || d.quality == Quality::Current)
            .collect();
        Self {
            version: version.to_string(),
            documents_total: unsplit.len(),
            unsplit,
            chunks: Vec::new(),
            chunk_vectors: Vec::new(),
            sentence_vectors: Vec::new(),
            sentence_words: Vec::new(),
            known,
            lexical: Bm25::empty(Bm25Params::default()),
            params,
            index: None,
            built: None,
            timings: RebuildTimings::default(),
        }
    }

    /// The embeddings and sentence measures of a built workbench, by text, for the next build
    /// to reuse.
    pub fn known_from(bench: &Workbench) -> Known {
        let mut known = Known::default();
        for (i, chunk) in bench.passages.chunks.iter().enumerate() {
            if let Some(vector) = bench.passages.chunk_vectors.get(i) {
                known.vectors.insert(chunk.retrieval_text(), vector.clone());
            }
            let sentences = chunk.sentence_texts();
            for (text, vector) in sentences.iter().zip(bench.sentence_vectors(i)) {
                known.vectors.insert(text.to_string(), vector.clone());
            }
            // Only what a reader already measured; the rest is measured when first read.
            let measured = bench.passages.sentence_words.get(i).and_then(OnceLock::get);
            for (text, words) in sentences.iter().zip(measured.into_iter().flatten()) {
                known.words.insert(text.to_string(), words.clone());
            }
        }
        known
    }

    fn segments_total(&self) -> usize {
        self.chunks.len().div_ceil(INDEX_SEGMENT_LEN)
    }

    /// Where the build stands.
    pub fn progress(&self) -> BuildProgress {
        let passages_total = self.chunks.len();
        let passages_done = self.chunk_vectors.len();
        let (stage, done, total) = if !self.unsplit.is_empty() {
            let split = self.documents_total - self.unsplit.len();
            (BuildStage::Splitting, split, self.documents_total)
        } else if passages_done < passages_total {
            let total = passages_total.div_ceil(EMBED_BATCH);
            (BuildStage::Embedding, passages_done / EMBED_BATCH, total)
        } else if self.built.is_none() {
            let done = self.index.as_ref().map_or(0, IndexBuild::segments_done);
            (BuildStage::Indexing, done, self.segments_total())
        } else {
            (BuildStage::Done, 0, 0)
        };
        BuildProgress {
            stage,
            done,
            total,
            passages_done,
            passages_total,
        }
    }

    /// Does one step of work.
    pub fn step(&mut self, embedder: &Embedder, clock: &dyn Clock) -> Result<(), IndexError> {
        match self.progress().stage {
            BuildStage::Splitting => {
                let ((), ms) = timed(clock, || self.split_next());
                self.timings.chunk_ms += ms;
            }
            BuildStage::Embedding => {
                let ((), ms) = timed(clock, || self.embed_batch(embedder));
                self.timings.embed_ms += ms;
            }
            BuildStage::Indexing => {
                let (result, ms) = timed(clock, || self.index_segment());
                self.timings.index_ms += ms;
                result?;
            }
            BuildStage::Done => {}
        }
        Ok(())
    }

    fn split_next(&mut self) {
        if let Some(document) = self.unsplit.pop_front() {
            self.chunks.extend(chunk_document(&document, &self.version));
        }
    }

    fn embed_batch(&mut self, embedder: &Embedder) {
        let start = self.chunk_vectors.len();
        let end = (start + EMBED_BATCH).min(self.chunks.len());
        for chunk in &self.chunks[start..end] {
            let known = &self.known;
            let embed = |text: &str| match known.vectors.get(text) {
                Some(vector) => vector.clone(),
                None => embedder.embed(text),
            };
            let sentences = chunk.sentence_texts();
            let reused: Option<Vec<SentenceWords>> = sentences
                .iter()
                .map(|t| known.words.get(*t).cloned())
                .collect();
            let indexed = chunk.retrieval_text();
            self.chunk_vectors.push(embed(&indexed));
            self.sentence_vectors
                .push(sentences.iter().map(|t| embed(t)).collect());
            self.sentence_words
                .push(reused.map_or_else(OnceLock::new, OnceLock::from));
            self.lexical.add(&indexed);
        }
    }

    fn index_segment(&mut self) -> Result<(), IndexError> {
        let build = match self.index.as_mut() {
            Some(build) => build,
            None => self.index.insert(IndexBuild::new(
                self.chunk_vectors.clone(),
                self.params,
                INDEX_SEGMENT_LEN,
            )?),
        };
        build.step();
        if build.finished() {
            self.built = self.index.take().map(IndexBuild::finish);
        }
        Ok(())
    }

    /// Runs the remaining steps and hands over the result.
    pub fn finish(
        mut self,
        embedder: &Embedder,
        clock: &dyn Clock,
    ) -> Result<Passages, IndexError> {
        while self.progress().stage != BuildStage::Done {
            self.step(embedder, clock)?;
        }
        Ok(Passages {
            chunks: self.chunks,
            chunk_vectors: self.chunk_vectors,
            sentence_vectors: self.sentence_vectors,
            sentence_words: self.sentence_words,
            index: self
                .built
                .unwrap_or_else(|| VectorIndex::empty(self.params)),
            lexical: self.lexical,
            long_forms: Mutex::default(),
            timings: self.timings,
        })
    }
}

/// A new workbench under construction (a corpus at its latest version, no edits, default
/// settings), built by [`WorkbenchBuild::step`].
pub struct WorkbenchBuild {
    embedder: Embedder,
    corpus: Corpus,
    version: String,
    settings: RetrievalSettings,
    passages: PassageBuild,
}

impl WorkbenchBuild {
    /// Starts building `corpus` at its latest version; nothing is split or embedded yet.
    pub fn start(embedder: Embedder, corpus: Corpus) -> Self {
        let version = corpus.latest().to_string();
        let settings = RetrievalSettings::default();
        let documents: Vec<Document> = corpus.documents_at(&version).into_iter().cloned().collect();
        let passages = PassageBuild::start(
            documents,
            &version,
            settings.curated,
            Known::default(),
            settings.index,
        );
        Self {
            embedder,
            corpus,
            version,
            settings,
            passages,
        }
    }

    /// Where the build stands.
    pub fn progress(&self) -> BuildProgress {
        self.passages.progress()
    }

    /// True when only [`WorkbenchBuild::finish`] is left.
    pub fn finished(&self) -> bool {
        self.progress().stage == BuildStage::Done
    }

    /// Does one step of work (a document, a batch of passages, or an index segment).
    pub fn step(&mut self, clock: &dyn Clock) -> Result<BuildProgress, IndexError> {
        self.passages.step(&self.embedder, clock)?;
        Ok(self.progress())
    }

    /// Runs the remaining steps, embeds the corpus's questions for tuning and returns the
    /// workbench.
    pub fn finish(self, clock: &dyn Clock) -> Result<Workbench, IndexError> {
        let passages = self.passages.finish(&self.embedder, clock)?;
        let embedder = self.embedder;
        let tuning_data = TuningData::from_corpus(&self.corpus, |text| embedder.embed(text));
        Ok(Workbench {
            embedder,
            corpus: self.corpus,
            version: self.version,
            edits: Edits::default(),
            settings: self.settings,
            passages,
            tuning_data,
            tuned: None,
        })
    }
}
