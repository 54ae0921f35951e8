//! Turns the corpus files into a [`Corpus`]: reads `index.json`, every document, then the
//! record files, collecting every problem instead of stopping at the first.

use super::document::parse_document;
use super::error::{CorpusError, ErrorKind};
use super::model::{Document, Version};
use super::records::{parse_records, Record};
use super::{facts, questions, Corpus};
use crate::core::format::parse_iso_date;
use serde::Deserialize;

/// The corpus manifest file.
pub const INDEX: &str = "index.json";
/// The fact table file.
pub const FACTS: &str = "facts.txt";
/// The train/held-out questions file.
pub const QUESTIONS: &str = "questions.txt";
/// The unanswerable questions file.
pub const UNANSWERABLE: &str = "unanswerable.txt";
/// The demonstrations file.
pub const DEMONSTRATIONS: &str = "demonstrations.txt";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexFile {
    name: String,
    about: String,
    snapshot: String,
    versions: Vec<VersionEntry>,
    files: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionEntry {
    id: String,
    date: String,
    label: String,
}

/// The 1-based line of the first occurrence of `needle` in `text` (1 if absent).
pub fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map_or(1, |at| 1 + text[..at].matches('\n').count())
}

/// Parses every file; returns the corpus or every problem found.
pub fn parse_files(files: &[(String, String)]) -> Result<Corpus, Vec<CorpusError>> {
    let mut errors = Vec::new();
    let find = |path: &str| {
        files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, c)| c.as_str())
    };
    let Some(index_text) = find(INDEX) else {
        return Err(vec![CorpusError::new(
            INDEX,
            0,
            ErrorKind::MissingFile,
            "the corpus needs an index.json listing its versions and files",
        )]);
    };
    let index: IndexFile = match serde_json::from_str(index_text) {
        Ok(index) => index,
        Err(e) => {
            return Err(vec![CorpusError::new(
                INDEX,
                e.line(),
                ErrorKind::Malformed,
                format!("invalid index: {e}"),
            )])
        }
    };
    let versions = check_versions(&index, index_text, &mut errors);
    let version_ids: Vec<String> = versions.iter().map(|v| v.id.clone()).collect();
    check_file_list(&index, index_text, files, &mut errors);

    let errors_before_documents = errors.len();
    let mut documents: Vec<Document> = Vec::new();
    for path in index.files.iter().filter(|p| is_document(p)) {
        let Some(content) = find(path) else { continue };
        match parse_document(path, content, &version_ids) {
            Ok(doc) => documents.push(doc),
            Err(mut e) => errors.append(&mut e),
        }
    }
    check_documents(&documents, &versions, files, &mut errors);
    // Passages and citations are only checked against a complete set of documents; otherwise
    // one broken front matter would also report every fact and citation that uses it.
    let all_documents = (errors.len() == errors_before_documents).then_some(documents.as_slice());

    let mut record_file = |name: &str| -> Vec<Record> {
        let Some(content) = find(name) else {
            if !index.files.iter().any(|f| f == name) {
                errors.push(CorpusError::new(
                    INDEX,
                    0,
                    ErrorKind::MissingFile,
                    format!("the file list must include {name}"),
                ));
            }
            return Vec::new();
        };
        parse_records(content).unwrap_or_else(|bad| {
            errors.extend(bad.into_iter().map(|(line, message)| {
                CorpusError::new(name, line, ErrorKind::Malformed, message)
            }));
            Vec::new()
        })
    };
    let fact_records = record_file(FACTS);
    let question_records = record_file(QUESTIONS);
    let unanswerable_records = record_file(UNANSWERABLE);
    let demonstration_records = record_file(DEMONSTRATIONS);

    let facts = facts::build_facts(&fact_records, all_documents, &versions, &mut errors);
    let mut texts = questions::SeenTexts::default();
    let questions = questions::build_questions(&question_records, &facts, &mut texts, &mut errors);
    let unanswerable =
        questions::build_unanswerable(&unanswerable_records, &facts, &mut texts, &mut errors);
    let demonstrations = questions::build_demonstrations(
        &demonstration_records,
        &facts,
        all_documents,
        &versions,
        &mut texts,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Corpus {
        name: index.name,
        about: index.about,
        versions,
        snapshot: index.snapshot,
        documents,
        facts,
        questions,
        unanswerable,
        demonstrations,
    })
}

fn is_document(path: &str) -> bool {
    path.starts_with("docs/") && path.ends_with(".md")
}

fn check_versions(index: &IndexFile, text: &str, errors: &mut Vec<CorpusError>) -> Vec<Version> {
    let mut err = |needle: &str, kind, message: String| {
        errors.push(CorpusError::new(
            INDEX,
            line_of(text, needle),
            kind,
            message,
        ))
    };
    if index.versions.is_empty() {
        err("versions", ErrorKind::BadField, "no versions listed".into());
    }
    let mut previous_date = String::new();
    for (i, v) in index.versions.iter().enumerate() {
        let quoted = format!("\"{}\"", v.id);
        if index.versions[..i].iter().any(|w| w.id == v.id) {
            err(
                &quoted,
                ErrorKind::DuplicateId,
                format!("version \"{}\" is listed twice", v.id),
            );
        }
        if parse_iso_date(&v.date).is_none() {
            err(
                &v.date,
                ErrorKind::BadField,
                format!("date \"{}\" is not YYYY-MM-DD", v.date),
            );
        } else if v.date <= previous_date {
            err(
                &v.date,
                ErrorKind::BadField,
                format!("version \"{}\" must be dated after the one before it", v.id),
            );
        }
        previous_date = v.date.clone();
    }
    if !index.versions.iter().any(|v| v.id == index.snapshot) {
        err(
            "snapshot",
            ErrorKind::UnknownVersion,
            format!("snapshot \"{}\" is not a listed version", index.snapshot),
        );
    }
    index
        .versions
        .iter()
        .map(|v| Version {
            id: v.id.clone(),
            date: v.date.clone(),
            label: v.label.clone(),
        })
        .collect()
}

fn check_file_list(
    index: &IndexFile,
    text: &str,
    files: &[(String, String)],
    errors: &mut Vec<CorpusError>,
) {
    let known = [INDEX, FACTS, QUESTIONS, UNANSWERABLE, DEMONSTRATIONS];
    for (i, path) in index.files.iter().enumerate() {
        let line = line_of(text, &format!("\"{path}\""));
        if index.files[..i].contains(path) {
            errors.push(CorpusError::new(
                INDEX,
                line,
                ErrorKind::DuplicateId,
                format!("\"{path}\" is listed twice"),
            ));
        }
        if !is_document(path) && !known.contains(&path.as_str()) {
            errors.push(CorpusError::new(
                INDEX,
                line,
                ErrorKind::BadField,
                format!(
                    "\"{path}\" is neither docs/*.md nor one of {}",
                    known[1..].join(", ")
                ),
            ));
        }
        if !files.iter().any(|(p, _)| p == path) {
            errors.push(CorpusError::new(
                path,
                0,
                ErrorKind::MissingFile,
                format!("listed in index.json (line {line}) but not provided"),
            ));
        }
    }
    for (path, _) in files {
        if path != INDEX && !index.files.contains(path) {
            errors.push(CorpusError::new(
                path,
                0,
                ErrorKind::MissingFile,
                "provided but not listed in index.json",
            ));
        }
    }
}

fn check_documents(
    documents: &[Document],
    versions: &[Version],
    files: &[(String, String)],
    errors: &mut Vec<CorpusError>,
) {
    let field_line = |doc: &Document, key: &str| {
        files
            .iter()
            .find(|(p, _)| *p == doc.path)
            .map_or(1, |(_, content)| line_of(content, &format!("\n{key}:")) + 1)
    };
    for (i, doc) in documents.iter().enumerate() {
        for v in &doc.versions {
            let clash = documents[..i]
                .iter()
                .find(|d| d.in_version(v) && (d.id == doc.id || d.title == doc.title));
            if let Some(other) = clash {
                let what = if other.id == doc.id { "id" } else { "title" };
                errors.push(CorpusError::new(
                    &doc.path,
                    field_line(doc, "id"),
                    ErrorKind::DuplicateId,
                    format!(
                        "document {what} \"{}\" in {v} is also used by {}",
                        if what == "id" { &doc.id } else { &doc.title },
                        other.path
                    ),
                ));
            }
            let version_date = versions
                .iter()
                .find(|x| &x.id == v)
                .map(|x| x.date.as_str());
            if version_date.is_some_and(|d| doc.date.as_str() > d) {
                errors.push(CorpusError::new(
                    &doc.path,
                    field_line(doc, "date"),
                    ErrorKind::BadField,
                    format!("dated {} but present in {v}, which is earlier", doc.date),
                ));
            }
        }
        let order: Vec<usize> = doc
            .versions
            .iter()
            .filter_map(|v| versions.iter().position(|x| &x.id == v))
            .collect();
        if order.windows(2).any(|w| w[1] <= w[0]) {
            errors.push(CorpusError::new(
                &doc.path,
                field_line(doc, "versions"),
                ErrorKind::BadField,
                "versions must be listed in time order, each once",
            ));
        }
        if doc.text.trim().is_empty() {
            errors.push(CorpusError::new(
                &doc.path,
                doc.body_line,
                ErrorKind::Malformed,
                "the document has no text",
            ));
        }
    }
}
