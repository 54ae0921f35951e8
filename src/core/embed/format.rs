//! The model files' format: the manifest's schema, and checking the three files against each
//! other before `model.bin` is decoded (`storage.rs`).

use std::fmt;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::storage::{decode_table, Storage};
use crate::core::tokenizer::TokenizerError;

const FORMAT: &str = "ragtune-static-embedding";
const FORMAT_VERSION: u32 = 1;
const MAX_DIMS: usize = 4096;
const MAX_VOCAB: usize = 1 << 20;

/// `manifest.json`: what the other two files must be.
#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    /// Always `ragtune-static-embedding`.
    pub format: String,
    /// Layout version of `model.bin` (1).
    pub format_version: u32,
    /// Model name.
    pub name: String,
    /// Vector dimensions.
    pub dims: usize,
    /// Number of tokens (rows and vocabulary lines).
    pub vocab_size: usize,
    /// `int4-row-f16-scale` (packed nibbles) or `int5`..`int8-row-f16-scale` (a byte each).
    pub quantisation: String,
    /// Most tokens of one text that are pooled.
    pub max_tokens: usize,
    /// Size and checksum of the vocabulary and table files.
    pub files: ManifestFiles,
    /// Where the model comes from.
    pub teacher: Teacher,
    /// The tool that wrote the files.
    pub distiller: Distiller,
}

/// The files listed in the manifest.
#[derive(Debug, Clone, Deserialize)]
pub struct ManifestFiles {
    /// `vocab.txt`.
    pub vocab: FileEntry,
    /// `model.bin`.
    pub table: FileEntry,
}

/// One file's expected name, size and sha256.
#[derive(Debug, Clone, Deserialize)]
pub struct FileEntry {
    /// File name beside the manifest.
    pub path: String,
    /// Size in bytes.
    pub bytes: usize,
    /// Lowercase hex sha256.
    pub sha256: String,
}

/// The teacher model.
#[derive(Debug, Clone, Deserialize)]
pub struct Teacher {
    /// e.g. `sentence-transformers/all-MiniLM-L6-v2`.
    pub name: String,
    /// e.g. `Apache-2.0`.
    pub licence: String,
}

/// The distiller.
#[derive(Debug, Clone, Deserialize)]
pub struct Distiller {
    /// Its version.
    pub version: String,
}

/// Why the model files could not be used. The messages are written for the app's user.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// A file could not be read (native loading only).
    Io {
        /// Which file.
        file: String,
        /// The system's message.
        message: String,
    },
    /// `manifest.json` is not the JSON we expect.
    Manifest(String),
    /// The files are a different model format or version.
    UnsupportedFormat(String),
    /// A file's size differs from the manifest: usually an interrupted download.
    Size {
        /// Which file.
        file: String,
        /// Size the manifest promises.
        expected: usize,
        /// Size received.
        actual: usize,
    },
    /// A file's content differs from the manifest's checksum: corrupted or mixed versions.
    Checksum {
        /// Which file.
        file: String,
    },
    /// `model.bin` is internally inconsistent or disagrees with the manifest.
    Table(String),
    /// `vocab.txt` is not valid UTF-8.
    VocabEncoding,
    /// `vocab.txt` is not a usable WordPiece vocabulary.
    Vocab(TokenizerError),
    /// `vocab.txt` has a different number of tokens than the manifest says.
    VocabCount {
        /// Tokens the manifest promises.
        expected: usize,
        /// Tokens found.
        actual: usize,
    },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const RELOAD: &str = "reload the page to fetch the model again";
        match self {
            Self::Io { file, message } => write!(f, "could not read the model file {file}: {message}"),
            Self::Manifest(why) => write!(f, "the model manifest (manifest.json) is unreadable: {why}"),
            Self::UnsupportedFormat(why) => {
                write!(f, "the model files are in a format this app does not understand: {why}")
            }
            Self::Size { file, expected, actual } => write!(
                f,
                "the model file {file} has {actual} bytes but should have {expected}: \
                 the download was probably cut off; {RELOAD}"
            ),
            Self::Checksum { file } => write!(
                f,
                "the model file {file} is damaged or from another version (its checksum does not \
                 match the manifest); {RELOAD}"
            ),
            Self::Table(why) => write!(f, "the model table (model.bin) is invalid: {why}"),
            Self::VocabEncoding => write!(f, "the model vocabulary (vocab.txt) is not UTF-8 text"),
            Self::Vocab(e) => write!(f, "the model vocabulary (vocab.txt) is invalid: {e}"),
            Self::VocabCount { expected, actual } => write!(
                f,
                "the model vocabulary (vocab.txt) has {actual} tokens but the manifest says {expected}"
            ),
        }
    }
}

impl std::error::Error for ModelError {}

/// The validated, decoded content of the three files.
pub(super) struct Parsed<'a> {
    pub manifest: Manifest,
    pub vocab_text: &'a str,
    pub weights: Vec<f32>,
    pub scales: Vec<f32>,
    pub codes: Vec<i8>,
}

/// The sha256 of the vocabulary and the table, in lowercase hex, computed by the caller for
/// these very bytes. The browser's WebCrypto hashes the 2 MB table in a few milliseconds, where
/// the portable implementation in wasm takes most of the parse; the comparison with the
/// manifest stays here either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDigests {
    /// sha256 of `vocab.txt`.
    pub vocab: String,
    /// sha256 of `model.bin`.
    pub table: String,
}

/// Validates all three files against each other and decodes the table; without `digests` the
/// checksums are computed here.
pub(super) fn parse<'a>(
    manifest: &[u8],
    vocab: &'a [u8],
    table: &[u8],
    digests: Option<&FileDigests>,
) -> Result<Parsed<'a>, ModelError> {
    let manifest: Manifest =
        serde_json::from_slice(manifest).map_err(|e| ModelError::Manifest(e.to_string()))?;
    check_manifest(&manifest)?;
    check_file(
        &manifest.files.vocab,
        vocab,
        digests.map(|d| d.vocab.as_str()),
    )?;
    check_file(
        &manifest.files.table,
        table,
        digests.map(|d| d.table.as_str()),
    )?;
    let storage = Storage::of(&manifest.quantisation).ok_or_else(|| {
        ModelError::UnsupportedFormat(format!("quantisation {:?}", manifest.quantisation))
    })?;
    let (weights, scales, codes) = decode_table(table, manifest.vocab_size, manifest.dims, storage)
        .map_err(ModelError::Table)?;
    let vocab_text = std::str::from_utf8(vocab).map_err(|_| ModelError::VocabEncoding)?;
    Ok(Parsed {
        manifest,
        vocab_text,
        weights,
        scales,
        codes,
    })
}

fn check_manifest(m: &Manifest) -> Result<(), ModelError> {
    if m.format != FORMAT || m.format_version != FORMAT_VERSION {
        return Err(ModelError::UnsupportedFormat(format!(
            "{:?} version {} (expected {FORMAT:?} version {FORMAT_VERSION})",
            m.format, m.format_version
        )));
    }
    if !(1..=MAX_DIMS).contains(&m.dims)
        || !(1..=MAX_VOCAB).contains(&m.vocab_size)
        || m.max_tokens == 0
    {
        return Err(ModelError::Manifest(format!(
            "implausible sizes: {} dims, {} tokens, max {} tokens per text",
            m.dims, m.vocab_size, m.max_tokens
        )));
    }
    Ok(())
}

fn check_file(entry: &FileEntry, data: &[u8], digest: Option<&str>) -> Result<(), ModelError> {
    if data.len() != entry.bytes {
        return Err(ModelError::Size {
            file: entry.path.clone(),
            expected: entry.bytes,
            actual: data.len(),
        });
    }
    let matches = match digest {
        Some(given) => given.eq_ignore_ascii_case(&entry.sha256),
        None => sha256_hex(data).eq_ignore_ascii_case(&entry.sha256),
    };
    if !matches {
        return Err(ModelError::Checksum {
            file: entry.path.clone(),
        });
    }
    Ok(())
}

/// The sha256 of `data` in lowercase hex.
pub fn sha256_hex(data: &[u8]) -> String {
    lowercase_hex(&Sha256::digest(data))
}

/// `bytes` as lowercase hex, two digits each (how the manifest writes a digest).
pub fn lowercase_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
