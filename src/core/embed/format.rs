//! The model files' format: manifest schema, validation and decoding of `model.bin`.

use std::fmt;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::core::tokenizer::TokenizerError;

const MAGIC: &[u8; 8] = b"RTSEMB01";
const HEADER_BYTES: usize = 24;
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
    let (weights, scales, codes) = decode_table(table, &manifest, storage)?;
    let vocab_text = std::str::from_utf8(vocab).map_err(|_| ModelError::VocabEncoding)?;
    Ok(Parsed {
        manifest,
        vocab_text,
        weights,
        scales,
        codes,
    })
}

/// How the table stores its codes, from the quantisation name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Storage {
    /// `int5`..`int8-row-f16-scale`: one signed byte per code (fewer bits mean fewer levels,
    /// which gzip stores in fewer bits). Header code 1.
    Byte(u32),
    /// `int4-row-f16-scale`: two codes per byte, low nibble first. Header code 2.
    Nibble,
    /// `int6-packed-row-f16-scale`: four 6-bit codes in three bytes (a little-endian 24-bit
    /// group, first code in the low bits): a quarter smaller than a byte each, for static
    /// servers that do not compress. Header code 3.
    Packed6,
}

impl Storage {
    fn of(name: &str) -> Option<Self> {
        let kind = name.strip_suffix("-row-f16-scale")?.strip_prefix("int")?;
        if kind == "6-packed" {
            return Some(Self::Packed6);
        }
        match kind.parse().ok()? {
            4 => Some(Self::Nibble),
            bits @ 5..=8 => Some(Self::Byte(bits)),
            _ => None,
        }
    }

    fn header_code(self) -> u32 {
        match self {
            Self::Byte(_) => 1,
            Self::Nibble => 2,
            Self::Packed6 => 3,
        }
    }

    /// Bytes of one row of `dims` codes (`None`: the storage cannot hold such rows).
    fn row_bytes(self, dims: usize) -> Option<usize> {
        match self {
            Self::Byte(_) => Some(dims),
            Self::Nibble => Some(dims.div_ceil(2)),
            Self::Packed6 => dims.is_multiple_of(4).then_some(dims / 4 * 3),
        }
    }
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

type Decoded = (Vec<f32>, Vec<f32>, Vec<i8>);

fn decode_table(table: &[u8], m: &Manifest, storage: Storage) -> Result<Decoded, ModelError> {
    let bad = |why: String| Err(ModelError::Table(why));
    if table.len() < HEADER_BYTES || &table[..8] != MAGIC {
        return bad("it does not start with the RTSEMB01 header".into());
    }
    let word = |i: usize| {
        u32::from_le_bytes([
            table[8 + 4 * i],
            table[9 + 4 * i],
            table[10 + 4 * i],
            table[11 + 4 * i],
        ])
    };
    let (vocab, dims, code) = (word(0) as usize, word(1) as usize, word(2));
    if vocab != m.vocab_size || dims != m.dims {
        return bad(format!(
            "its header says {vocab} tokens x {dims} dims, the manifest {} x {}",
            m.vocab_size, m.dims
        ));
    }
    let expected_code = storage.header_code();
    if code != expected_code {
        return bad(format!(
            "its quantisation code is {code}, the manifest implies {expected_code}"
        ));
    }
    let Some(row_bytes) = storage.row_bytes(dims) else {
        return bad(format!(
            "{dims} dims cannot be packed four codes to three bytes"
        ));
    };
    let expected_len = HEADER_BYTES + 4 * vocab + vocab * row_bytes;
    if table.len() != expected_len {
        return bad(format!(
            "it has {} bytes, its header implies {expected_len}",
            table.len()
        ));
    }
    let halves = |start: usize| -> Vec<f32> {
        table[start..start + 2 * vocab]
            .chunks_exact(2)
            .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
            .collect()
    };
    let weights = halves(HEADER_BYTES);
    let scales = halves(HEADER_BYTES + 2 * vocab);
    if let Some(i) = weights.iter().position(|w| !w.is_finite() || *w < 0.0) {
        return bad(format!("token {i} has weight {}", weights[i]));
    }
    if let Some(i) = scales.iter().position(|s| !s.is_finite() || *s < 0.0) {
        return bad(format!("row {i} has scale {}", scales[i]));
    }
    let rows = &table[HEADER_BYTES + 4 * vocab..];
    let codes = match storage {
        Storage::Byte(bits) => {
            // Symmetric codes: an intN file holds only -(2^(N-1) - 1) ..= 2^(N-1) - 1.
            let top = (1i16 << (bits - 1)) - 1;
            let mut codes = Vec::with_capacity(rows.len());
            for (i, &byte) in rows.iter().enumerate() {
                let code = byte as i8;
                if i16::from(code).abs() > top {
                    return bad(format!(
                        "value {code} of row {} is outside int{bits}",
                        i / dims.max(1)
                    ));
                }
                codes.push(code);
            }
            codes
        }
        Storage::Nibble => rows
            .chunks_exact(row_bytes)
            .flat_map(|row| {
                row.iter()
                    .flat_map(|&b| [nibble(b & 0xF), nibble(b >> 4)])
                    .take(dims)
            })
            .collect(),
        Storage::Packed6 => {
            let codes: Vec<i8> = rows.chunks_exact(3).flat_map(unpack6).collect();
            // Symmetric int6: -31..=31; the one two's complement value outside is -32.
            if let Some(i) = codes.iter().position(|&c| c == -32) {
                return bad(format!("value -32 of row {} is outside int6", i / dims));
            }
            codes
        }
    };
    Ok((weights, scales, codes))
}

/// Four signed 6-bit codes from three bytes (a little-endian 24-bit group, first code lowest).
fn unpack6(group: &[u8]) -> [i8; 4] {
    let word = u32::from(group[0]) | u32::from(group[1]) << 8 | u32::from(group[2]) << 16;
    std::array::from_fn(|i| ((((word >> (6 * i)) & 0x3F) as u8) << 2) as i8 >> 2)
}

/// A signed 4-bit value (two's complement) widened to i8.
fn nibble(n: u8) -> i8 {
    ((n << 4) as i8) >> 4
}

/// IEEE 754 half precision to single precision (exact for every f16).
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = i32::from((h >> 10) & 0x1F);
    let frac = f32::from(h & 0x3FF);
    match exp {
        0 => sign * frac * 2f32.powi(-24),
        31 if frac == 0.0 => sign * f32::INFINITY,
        31 => f32::NAN,
        _ => sign * (1.0 + frac / 1024.0) * 2f32.powi(exp - 15),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f16_decoding() {
        assert_eq!(f16_to_f32(0x3C00), 1.0);
        assert_eq!(f16_to_f32(0xC000), -2.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(f16_to_f32(0x7BFF), 65504.0);
        assert!(f16_to_f32(0x7C00).is_infinite() && f16_to_f32(0x7E00).is_nan());
    }

    #[test]
    fn quantisation_names() {
        let storages = [
            "int8",
            "int6",
            "int5",
            "int4",
            "int6-packed",
            "int3",
            "int9",
            "float",
        ]
        .map(|q| Storage::of(&format!("{q}-row-f16-scale")));
        use Storage::*;
        assert_eq!(
            storages,
            [
                Some(Byte(8)),
                Some(Byte(6)),
                Some(Byte(5)),
                Some(Nibble),
                Some(Packed6),
                None,
                None,
                None
            ]
        );
        assert_eq!(Storage::of("int8"), None);
        assert_eq!(Packed6.row_bytes(128), Some(96));
        assert_eq!(Packed6.row_bytes(130), None);
    }

    /// The packer's layout (tools/distill/pack_int6.mjs), written here independently.
    fn pack6(codes: [i8; 4]) -> [u8; 3] {
        let word = codes.iter().enumerate().fold(0u32, |w, (i, &c)| {
            w | (u32::from(c as u8 & 0x3F) << (6 * i))
        });
        [word as u8, (word >> 8) as u8, (word >> 16) as u8]
    }

    #[test]
    fn every_int6_code_survives_packing() {
        for a in -31i8..=31 {
            let codes = [a, -a, a / 2, 31 - a.abs()];
            assert_eq!(unpack6(&pack6(codes)), codes);
        }
        assert_eq!(unpack6(&[0xFF, 0xFF, 0xFF]), [-1; 4]);
    }

    #[test]
    fn nibbles_are_signed() {
        assert_eq!(
            (nibble(0x7), nibble(0x8), nibble(0xF), nibble(0x0)),
            (7, -8, -1, 0)
        );
    }
}
