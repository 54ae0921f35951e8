//! The live pipeline behind every view: corpus -> (edits) -> chunks -> embeddings -> index ->
//! retrieval. One `Workbench` is what the browser app and the CLI both drive, so what the
//! learner sees and what the CLI prints come from the same code.

mod build;
mod edits;
mod judge;
mod ranked;
mod tuning;
mod tuning_report;

pub use build::{BuildProgress, BuildStage, WorkbenchBuild, EMBED_BATCH, INDEX_SEGMENT_LEN};
pub use edits::{track_fact, Edits, FactState};
pub use judge::Judgement;
pub use ranked::PassageRanks;
pub use tuning::{TrainData, TrainScope, TuneSettings, TunedModel, TuningRun};

use crate::core::clock::{timed, Clock};
use crate::core::corpus::{Chunk, Corpus, Document, Fact};
use crate::core::embed::Embedder;
use crate::core::hybrid::Ranking;
use crate::core::index::{Hit, IndexError, IndexParams, SearchMethod, VectorIndex};
use crate::core::reader::SentenceWords;
use crate::core::text::{long_form, with_long_forms};
use crate::core::tune::{TuneError, TuningData};
use build::{PassageBuild, Passages};

/// Retrieval settings the learner can move.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetrievalSettings {
    /// How many passages retrieval hands to the reader.
    pub k: usize,
    /// Below this best score, the reader abstains.
    pub threshold: f32,
    /// How the HNSW graph is built and searched.
    pub index: IndexParams,
    /// Leave documents flagged outdated or low-signal out of the index (corpus curation).
    pub curated: bool,
    /// Dense ranking alone, or dense and BM25 fused.
    pub ranking: Ranking,
}

impl Default for RetrievalSettings {
    fn default() -> Self {
        Self {
            k: 5,
            // The reader's score is its answer check's probability; the threshold is fitted
            // with it on train phrasings, near misses generated from them and the house-format
            // demonstrations (`reader_fit`).
            threshold: crate::core::reader::DEFAULT_THRESHOLD,
            index: IndexParams::default(),
            // A team building retrieval leaves documents it knows are stale or empty out;
            // switching this off shows what they cost (the "choosing documents" lesson).
            curated: true,
            // Measured with `ragtune eval retrieval` (train phrasings chose it; held-out
            // reported apart): fusion finds the gold passage more often than either ranking.
            ranking: Ranking::Hybrid,
        }
    }
}

/// What one retrieval found, with its timings.
#[derive(Clone, Debug, PartialEq)]
pub struct Retrieval {
    /// The question's embedding.
    pub query: Vec<f32>,
    /// The top-k passages: `id` indexes [`Workbench::chunks`]; `score` is always the cosine
    /// of passage and question (also under hybrid ranking, where only the order is fused).
    pub hits: Vec<Hit>,
    /// Per hit, where the dense and the lexical ranking placed it.
    pub ranks: Vec<PassageRanks>,
    /// Milliseconds spent embedding the question.
    pub embed_ms: f64,
    /// Milliseconds spent searching the index.
    pub search_ms: f64,
}

/// How long the last rebuild took, by stage.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RebuildTimings {
    /// Chunking the documents.
    pub chunk_ms: f64,
    /// Embedding every chunk (new text only; unchanged text reuses its embedding) and adding
    /// it to the word index.
    pub embed_ms: f64,
    /// Building the HNSW graph.
    pub index_ms: f64,
}

/// The corpus at one version, with the learner's edits, embedded and indexed.
pub struct Workbench {
    embedder: Embedder,
    corpus: Corpus,
    version: String,
    edits: Edits,
    settings: RetrievalSettings,
    /// The version's passages, embedded and indexed (what a rebuild replaces).
    passages: Passages,
    tuning_data: TuningData,
    tuned: Option<TunedModel>,
}

impl Workbench {
    /// Embeds and indexes `corpus` at its latest version, all at once (the browser steps a
    /// [`WorkbenchBuild`] instead when the corpus may be large).
    pub fn new(embedder: Embedder, corpus: Corpus, clock: &dyn Clock) -> Result<Self, IndexError> {
        WorkbenchBuild::start(embedder, corpus).finish(clock)
    }

    /// The embedding model.
    pub fn embedder(&self) -> &Embedder {
        &self.embedder
    }

    /// The corpus as shipped (without edits).
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The version the learner is looking at.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Moves to `version` and rebuilds. Unknown versions are refused.
    pub fn set_version(&mut self, version: &str, clock: &dyn Clock) -> Result<(), IndexError> {
        if self.corpus.version(version).is_none() || version == self.version {
            return Ok(());
        }
        self.version = version.to_string();
        self.rebuild(clock)
    }

    /// The retrieval settings.
    pub fn settings(&self) -> RetrievalSettings {
        self.settings
    }

    /// Changes k and the threshold (cheap), or the index parameters (rebuilds).
    pub fn set_settings(
        &mut self,
        settings: RetrievalSettings,
        clock: &dyn Clock,
    ) -> Result<(), IndexError> {
        let rebuild =
            settings.index != self.settings.index || settings.curated != self.settings.curated;
        self.settings = RetrievalSettings {
            k: settings.k.clamp(1, 50),
            threshold: settings.threshold.clamp(-1.0, 1.0),
            ..settings
        };
        if rebuild {
            self.rebuild(clock)?;
        }
        Ok(())
    }

    /// The passages of the current version, edits applied; hits index into this.
    pub fn chunks(&self) -> &[Chunk] {
        &self.passages.chunks
    }

    /// The embeddings of chunk `chunk`'s sentences, in sentence order.
    pub fn sentence_vectors(&self, chunk: usize) -> &[Vec<f32>] {
        self.passages
            .sentence_vectors
            .get(chunk)
            .map_or(&[], Vec::as_slice)
    }

    /// What the reader measures of chunk `chunk`'s sentences, in sentence order.
    pub fn sentence_words(&self, chunk: usize) -> &[SentenceWords] {
        match (
            self.passages.sentence_words.get(chunk),
            self.passages.chunks.get(chunk),
        ) {
            (Some(cell), Some(chunk)) => cell.get_or_init(|| {
                SentenceWords::of_all(&chunk.sentence_texts(), Some(&self.embedder))
                    .into_iter()
                    .map(|words| words.in_context(&chunk.title))
                    .collect()
            }),
            _ => &[],
        }
    }

    /// The index over [`Self::chunks`].
    pub fn index(&self) -> &VectorIndex {
        &self.passages.index
    }

    /// How long the last rebuild took.
    pub fn rebuild_timings(&self) -> RebuildTimings {
        self.passages.timings
    }

    /// The learner's edits.
    pub fn edits(&self) -> &Edits {
        &self.edits
    }

    /// The documents present in the current version, edits applied.
    pub fn documents(&self) -> Vec<Document> {
        self.corpus
            .documents_at(&self.version)
            .into_iter()
            .map(|d| self.edits.apply(d, &self.version))
            .collect()
    }

    /// The current text of `doc_id` (edited or as published), if present in this version.
    pub fn document_text(&self, doc_id: &str) -> Option<String> {
        let doc = self.corpus.document(doc_id, &self.version)?;
        Some(self.edits.apply(doc, &self.version).text)
    }

    /// Replaces the text of `doc_id` at the current version and rebuilds. Returns false for an
    /// unknown document.
    pub fn edit_document(
        &mut self,
        doc_id: &str,
        text: String,
        clock: &dyn Clock,
    ) -> Result<bool, IndexError> {
        let Some(doc) = self.corpus.document(doc_id, &self.version) else {
            return Ok(false);
        };
        let original = doc.text.clone();
        self.edits.set(doc_id, &self.version, text, &original);
        self.rebuild(clock)?;
        Ok(true)
    }

    /// Restores `doc_id` at the current version as published.
    pub fn reset_document(&mut self, doc_id: &str, clock: &dyn Clock) -> Result<(), IndexError> {
        if self.edits.reset(doc_id, &self.version) {
            self.rebuild(clock)?;
        }
        Ok(())
    }

    /// Replaces every edit at once (for restoring saved work) and rebuilds.
    pub fn replace_edits(&mut self, edits: Edits, clock: &dyn Clock) -> Result<(), IndexError> {
        self.edits = edits;
        self.rebuild(clock)
    }

    /// What `fact` now is at the current version, after the learner's edits.
    pub fn fact_state(&self, fact: &Fact) -> Option<FactState> {
        self.fact_state_at(fact, &self.version)
    }

    /// What `fact` is at `version`, after the learner's edits to that version.
    pub fn fact_state_at(&self, fact: &Fact, version: &str) -> Option<FactState> {
        let published = fact.at(version)?;
        let doc = self.corpus.document(&published.doc_id, version)?;
        track_fact(fact, version, &self.edits.apply(doc, version).text)
    }

    /// The tuned model, once one has been trained.
    pub fn tuned(&self) -> Option<&TunedModel> {
        self.tuned.as_ref()
    }

    /// Prepares a training run with `settings`; step it, then [`Self::install_tuned`].
    pub fn start_tuning(&self, settings: &TuneSettings) -> Result<TuningRun, TuneError> {
        let target = match settings.data {
            TrainData::Snapshot => &self.corpus.snapshot,
            TrainData::Current => &self.version,
        };
        let target = self
            .corpus
            .versions
            .iter()
            .position(|v| &v.id == target)
            .ok_or(TuneError::InvalidConfig("unknown version"))?;
        let statements = self.fact_statements();
        TuningRun::new(
            &self.tuning_data,
            &statements,
            &self.corpus,
            target,
            settings,
            self.tuned.as_ref(),
        )
    }

    /// Makes `model` the tuned model every mode uses.
    pub fn install_tuned(&mut self, model: TunedModel) {
        self.tuned = Some(model);
    }

    /// Trains to the end in one go (CLI, tests) and installs the result.
    pub fn train(&mut self, settings: &TuneSettings, clock: &dyn Clock) -> Result<(), TuneError> {
        let start = clock.now_ms();
        let mut run = self.start_tuning(settings)?;
        run.train_to_end();
        let mut model = run.finish();
        model.train_ms = clock.now_ms() - start;
        self.install_tuned(model);
        Ok(())
    }

    /// The embedded questions the tuned model trains and is measured on.
    pub fn tuning_data(&self) -> &TuningData {
        &self.tuning_data
    }

    /// Embeds `question` and finds its top-k passages with the index's automatic method.
    pub fn retrieve(&self, question: &str, clock: &dyn Clock) -> Retrieval {
        self.retrieve_with(question, self.passages.index.auto_method(), clock)
    }

    /// Like [`Self::retrieve`], with the search method chosen.
    pub fn retrieve_with(
        &self,
        question: &str,
        method: SearchMethod,
        clock: &dyn Clock,
    ) -> Retrieval {
        // Both rankings search the question with the long forms of its abbreviations added
        // ("SSO" -> "single sign on"); the reader still reads the question as typed.
        let ((searched, query), embed_ms) = timed(clock, || {
            let searched = with_long_forms(question, |abbreviation| self.long_form(abbreviation))
                .unwrap_or_else(|| question.into());
            let query = self.embedder.embed(&searched);
            (searched, query)
        });
        let ((hits, ranks), search_ms) = timed(clock, || {
            self.rank(&searched, &query, self.settings.k, method)
        });
        Retrieval {
            query,
            hits,
            ranks,
            embed_ms,
            search_ms,
        }
    }

    /// The long form of `abbreviation` in the chunks, from the cache or found once.
    fn long_form(&self, abbreviation: &str) -> Option<String> {
        let mut cache = self
            .passages
            .long_forms
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        cache
            .entry(abbreviation.to_string())
            .or_insert_with(|| {
                long_form(
                    abbreviation,
                    self.passages.chunks.iter().map(|c| c.text.as_str()),
                )
            })
            .clone()
    }

    fn rebuild(&mut self, clock: &dyn Clock) -> Result<(), IndexError> {
        let known = PassageBuild::known_from(self);
        let passages = PassageBuild::start(
            self.documents(),
            &self.version,
            self.settings.curated,
            known,
            self.settings.index,
        )
        .finish(&self.embedder, clock)?;
        self.install(passages);
        Ok(())
    }

    fn install(&mut self, passages: Passages) {
        self.passages = passages;
    }
}
