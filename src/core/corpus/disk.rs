//! Native convenience: load a corpus directory from disk (tests and the CLI). The browser
//! fetches the same files and calls [`Corpus::parse`] instead.

use super::error::{CorpusError, ErrorKind};
use super::parse::INDEX;
use super::Corpus;
use std::path::{Path, PathBuf};

/// The shipped sample corpus: `public/corpus/` in the crate.
pub fn default_corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join("corpus")
}

#[derive(serde::Deserialize)]
struct FileList {
    files: Vec<String>,
}

impl Corpus {
    /// Reads `index.json` in `dir` and every file it lists, then parses them.
    pub fn load_dir(dir: &Path) -> Result<Corpus, Vec<CorpusError>> {
        let read = |rel: &str| {
            std::fs::read_to_string(dir.join(rel)).map_err(|e| {
                CorpusError::new(rel, 0, ErrorKind::MissingFile, format!("cannot read: {e}"))
            })
        };
        let index = read(INDEX).map_err(|e| vec![e])?;
        let listed: Vec<String> = serde_json::from_str::<FileList>(&index)
            .map(|l| l.files)
            .unwrap_or_default();
        let mut files = vec![(INDEX.to_string(), index)];
        let mut errors = Vec::new();
        for rel in listed {
            match read(&rel) {
                Ok(content) => files.push((rel, content)),
                Err(e) => errors.push(e),
            }
        }
        match Corpus::parse(&files) {
            Ok(corpus) if errors.is_empty() => Ok(corpus),
            Ok(_) => Err(errors),
            Err(mut more) => {
                errors.append(&mut more);
                errors.dedup_by(|a, b| a.file == b.file && a.kind == b.kind);
                Err(errors)
            }
        }
    }

    /// Loads the shipped sample corpus from `public/corpus/`.
    pub fn load_default() -> Result<Corpus, Vec<CorpusError>> {
        Self::load_dir(&default_corpus_dir())
    }
}
