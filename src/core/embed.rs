//! The tiny static embedding model: a token table distilled from all-MiniLM-L6-v2.
//!
//! A text's vector is the SIF-weighted mean of its WordPiece tokens' rows, L2-normalised.
//! The model ships as three files (see `tools/distill/` and `public/model/MODEL_CARD.md`):
//! `manifest.json` (dimensions, quantisation, sizes and sha256 of the other two),
//! `vocab.txt` (one token per line, the row index) and `model.bin`:
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `RTSEMB01` |
//! | 4 x u32 LE | vocab size, dims, storage code (1 = a signed byte per value, int5..int8; 2 = int4), reserved 0 |
//! | vocab x f16 LE | SIF weight of each token |
//! | vocab x f16 LE | scale of each row |
//! | vocab x dims x i8 (int4: two per byte, low nibble first) | quantised rows (intN: within +-(2^(N-1) - 1)) |
//!
//! Loading checks everything (sizes, checksums, header against manifest, vocabulary,
//! finite numbers) and reports problems as a [`ModelError`]; it never panics on bad bytes.

mod format;
mod storage;

use crate::core::tokenizer::Tokenizer;

pub use format::{lowercase_hex, sha256_hex, FileDigests, Manifest, ModelError};

/// What the model is, for the UI line and the model card link.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInfo {
    /// Model name from the manifest.
    pub name: String,
    /// Number of tokens (rows).
    pub vocab_size: usize,
    /// Vector dimensions.
    pub dims: usize,
    /// Quantisation as written in the manifest, e.g. `int8-row-f16-scale`.
    pub quantisation: String,
    /// Total bytes of the model files (manifest, vocabulary and table).
    pub bytes: usize,
    /// The teacher model's name, e.g. `sentence-transformers/all-MiniLM-L6-v2`.
    pub teacher: String,
    /// The teacher's licence.
    pub teacher_licence: String,
    /// Version of the distiller that wrote the files.
    pub distiller_version: String,
}

impl ModelInfo {
    /// The short form of the quantisation: `int8`, `int6`, `int4`, ...
    pub fn quantisation_short(&self) -> &str {
        self.quantisation
            .split('-')
            .next()
            .unwrap_or(&self.quantisation)
    }

    /// One line for the UI: "15,000 tokens x 128 dims, int8, 1.9 MB, distilled from all-MiniLM-L6-v2".
    pub fn summary(&self) -> String {
        let teacher = self.teacher.rsplit('/').next().unwrap_or(&self.teacher);
        format!(
            "{} tokens x {} dims, {}, {:.1} MB, distilled from {teacher}",
            crate::core::text::thousands(self.vocab_size as u64),
            self.dims,
            self.quantisation_short(),
            self.bytes as f64 / 1e6
        )
    }
}

/// One token of a text as the embedder sees it, for the inspector.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenWeight {
    /// The vocabulary entry (continuations keep their `##`).
    pub token: String,
    /// Its row in the table.
    pub id: u32,
    /// Its SIF weight in the mean: frequent tokens weigh less.
    pub weight: f32,
}

/// The loaded model: tokenizer plus quantised table.
#[derive(Debug, Clone)]
pub struct Embedder {
    tokenizer: Tokenizer,
    dims: usize,
    max_tokens: usize,
    weights: Vec<f32>,
    scales: Vec<f32>,
    /// Dequantised lazily per use: int8 codes, row-major (int4 is widened at load).
    codes: Vec<i8>,
    info: ModelInfo,
}

impl Embedder {
    /// Parses and validates the three model files.
    pub fn from_bytes(manifest: &[u8], vocab: &[u8], table: &[u8]) -> Result<Self, ModelError> {
        Self::parse(manifest, vocab, table, None)
    }

    /// [`Self::from_bytes`] with the files' sha256 already computed by the caller (the
    /// browser's WebCrypto); they are still compared with the manifest's.
    pub fn from_bytes_with_digests(
        manifest: &[u8],
        vocab: &[u8],
        table: &[u8],
        digests: &FileDigests,
    ) -> Result<Self, ModelError> {
        Self::parse(manifest, vocab, table, Some(digests))
    }

    fn parse(
        manifest: &[u8],
        vocab: &[u8],
        table: &[u8],
        digests: Option<&FileDigests>,
    ) -> Result<Self, ModelError> {
        let parsed = format::parse(manifest, vocab, table, digests)?;
        let tokenizer = Tokenizer::from_vocab_text(parsed.vocab_text).map_err(ModelError::Vocab)?;
        if tokenizer.vocab_size() != parsed.manifest.vocab_size {
            return Err(ModelError::VocabCount {
                expected: parsed.manifest.vocab_size,
                actual: tokenizer.vocab_size(),
            });
        }
        let m = &parsed.manifest;
        let info = ModelInfo {
            name: m.name.clone(),
            vocab_size: m.vocab_size,
            dims: m.dims,
            quantisation: m.quantisation.clone(),
            bytes: manifest.len() + vocab.len() + table.len(),
            teacher: m.teacher.name.clone(),
            teacher_licence: m.teacher.licence.clone(),
            distiller_version: m.distiller.version.clone(),
        };
        Ok(Self {
            tokenizer,
            dims: m.dims,
            max_tokens: m.max_tokens,
            weights: parsed.weights,
            scales: parsed.scales,
            codes: parsed.codes,
            info,
        })
    }

    /// What the model is (sizes, quantisation, teacher).
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// Vector dimensions.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The most tokens of one text that count; later ones are ignored.
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// The WordPiece tokenizer over the model's vocabulary.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The unit-length vector of `text`. A text with no tokens (empty, only whitespace or
    /// removed characters) gives the all-zero vector, whose cosine with anything is 0.
    pub fn embed(&self, text: &str) -> Vec<f32> {
        let mut ids = Vec::with_capacity(32);
        self.tokenizer.encode_into(text, self.max_tokens, &mut ids);
        let mut out = vec![0.0; self.dims];
        self.pool(&ids, &mut out);
        out
    }

    /// Vectors of many texts, in order.
    pub fn embed_batch<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Vec<f32>> {
        texts.iter().map(|t| self.embed(t.as_ref())).collect()
    }

    /// The tokens of `text` with their weights, as pooled by [`Embedder::embed`].
    pub fn token_weights(&self, text: &str) -> Vec<TokenWeight> {
        self.tokenizer
            .encode_truncated(text, self.max_tokens)
            .into_iter()
            .map(|id| TokenWeight {
                token: self.tokenizer.token(id).unwrap_or_default().to_owned(),
                id,
                weight: self.weights[id as usize],
            })
            .collect()
    }

    /// Weighted sum of rows, then L2 normalisation (left at zero if the sum is zero).
    fn pool(&self, ids: &[u32], out: &mut [f32]) {
        for &id in ids {
            let id = id as usize;
            let factor = self.weights[id] * self.scales[id];
            let row = &self.codes[id * self.dims..(id + 1) * self.dims];
            for (o, &c) in out.iter_mut().zip(row) {
                *o += factor * f32::from(c);
            }
        }
        let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 && norm.is_finite() {
            out.iter_mut().for_each(|x| *x /= norm);
        } else {
            out.iter_mut().for_each(|x| *x = 0.0);
        }
    }
}

/// Cosine similarity of two vectors already of unit length (or zero): their dot product.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Reading the shipped model from disk, for tests, benches and the CLI.
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use std::path::{Path, PathBuf};

    use super::{Embedder, ModelError};

    /// `public/model/` of this crate.
    pub fn shipped_model_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public")
            .join("model")
    }

    /// Loads `manifest.json`, `vocab.txt` and `model.bin` from `dir`.
    pub fn load_dir(dir: &Path) -> Result<Embedder, ModelError> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|e| ModelError::Io {
                file: name.to_owned(),
                message: e.to_string(),
            })
        };
        Embedder::from_bytes(
            &read("manifest.json")?,
            &read("vocab.txt")?,
            &read("model.bin")?,
        )
    }

    /// Loads the model shipped in `public/model/`.
    pub fn load_shipped() -> Result<Embedder, ModelError> {
        load_dir(&shipped_model_dir())
    }
}
