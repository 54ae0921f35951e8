//! Builds the fact table from `facts.txt` records and checks each value against the document
//! that states it: the document exists in that version, the passage is verbatim in its text,
//! and the passage states the value.
//!
//! ```text
//! fact: price.pro
//! type: price
//! about: monthly price of one Pro seat
//! statement: The Pro plan costs {value}.
//! (the statement, filled in with each version's value, must state that value)
//! value v1: $12 per user per month | $12 | 12 USD
//! source v1: pricing | Pro costs $12 per user per month
//! value v2 v3: $14 per user per month | $14
//! source v2 v3: pricing | Pro costs $14 per user per month
//! ```

use super::error::{CorpusError, ErrorKind};
use super::matching::{answer_states, form_matches};
use super::model::{Document, Fact, FactValue, Version};
use super::parse::FACTS;
use super::records::{Field, Record};
use crate::core::format::AnswerType;

fn err(line: usize, kind: ErrorKind, message: String) -> CorpusError {
    CorpusError::new(FACTS, line, kind, message)
}

/// Builds every fact; problems go to `errors`. `documents` is `None` when some document
/// failed to parse: then passages cannot be checked and are not, to avoid follow-on errors.
pub fn build_facts(
    records: &[Record],
    documents: Option<&[Document]>,
    versions: &[Version],
    errors: &mut Vec<CorpusError>,
) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut first_line: Vec<usize> = Vec::new();
    for record in records {
        let Some(fact) = build_fact(record, documents, versions, errors) else {
            continue;
        };
        if let Some(i) = facts.iter().position(|f| f.key == fact.key) {
            errors.push(err(
                record.line,
                ErrorKind::DuplicateId,
                format!(
                    "duplicate fact key \"{}\" (first at line {})",
                    fact.key, first_line[i]
                ),
            ));
            continue;
        }
        first_line.push(record.line);
        facts.push(fact);
    }
    facts
}

fn required<'a>(record: &'a Record, key: &str, errors: &mut Vec<CorpusError>) -> Option<&'a Field> {
    let field = record.get(key).filter(|f| !f.value.is_empty());
    if field.is_none() {
        errors.push(err(
            record.line,
            ErrorKind::BadField,
            format!("the fact needs \"{key}:\""),
        ));
    }
    field
}

/// Splits "value v1 v2" into ("value", ["v1", "v2"]).
fn versioned_key(key: &str) -> Option<(&str, Vec<&str>)> {
    let mut words = key.split_whitespace();
    let head = words.next()?;
    let listed: Vec<&str> = words.collect();
    (matches!(head, "value" | "source") && !listed.is_empty()).then_some((head, listed))
}

fn build_fact(
    record: &Record,
    documents: Option<&[Document]>,
    versions: &[Version],
    errors: &mut Vec<CorpusError>,
) -> Option<Fact> {
    let before = errors.len();
    let mut source_errors = Vec::new();
    let key = required(record, "fact", errors).map(|f| f.value.clone());
    let type_field = required(record, "type", errors);
    let about = required(record, "about", errors).map(|f| f.value.clone());
    let statement = required(record, "statement", errors);
    let answer_type = type_field.and_then(|f| {
        let t = AnswerType::from_key(&f.value).filter(|t| *t != AnswerType::Abstain);
        if t.is_none() {
            errors.push(err(
                f.line,
                ErrorKind::BadField,
                format!("unknown answer type \"{}\"", f.value),
            ));
        }
        t
    });
    let key_name = key.clone().unwrap_or_default();
    let mut values: Vec<(usize, &str, Vec<String>)> = Vec::new();
    let mut sources: Vec<(usize, &str, String, String)> = Vec::new();
    for field in &record.fields {
        if matches!(field.key.as_str(), "fact" | "type" | "about" | "statement") {
            continue;
        }
        let Some((head, listed)) = versioned_key(&field.key) else {
            errors.push(err(
                field.line,
                ErrorKind::BadField,
                format!("unknown field \"{}\"", field.key),
            ));
            continue;
        };
        for v in listed {
            let Some(version) = versions.iter().find(|x| x.id == v) else {
                errors.push(err(
                    field.line,
                    ErrorKind::UnknownVersion,
                    format!("unknown version \"{v}\""),
                ));
                continue;
            };
            let taken = if head == "value" {
                values.iter().any(|(_, x, _)| *x == version.id)
            } else {
                sources.iter().any(|(_, x, _, _)| *x == version.id)
            };
            if taken {
                errors.push(err(
                    field.line,
                    ErrorKind::DuplicateId,
                    format!("{head} for {v} given twice"),
                ));
                continue;
            }
            if head == "value" {
                let forms: Vec<String> = field
                    .value
                    .split(" | ")
                    .map(|s| s.trim().to_string())
                    .collect();
                if forms.iter().any(String::is_empty) {
                    errors.push(err(
                        field.line,
                        ErrorKind::BadField,
                        "a value form is empty".into(),
                    ));
                    continue;
                }
                values.push((field.line, &version.id, forms));
            } else {
                match field.value.split_once(" | ") {
                    Some((doc, passage))
                        if !doc.trim().is_empty() && !passage.trim().is_empty() =>
                    {
                        sources.push((
                            field.line,
                            &version.id,
                            doc.trim().to_string(),
                            passage.trim().to_string(),
                        ))
                    }
                    _ => errors.push(err(
                        field.line,
                        ErrorKind::BadField,
                        "a source is \"<doc id> | <exact passage>\"".into(),
                    )),
                }
            }
        }
    }
    let mut fact_values = Vec::new();
    for version in versions {
        let value = values.iter().find(|(_, v, _)| *v == version.id);
        let source = sources.iter().find(|(_, v, _, _)| *v == version.id);
        let (Some((_, _, forms)), Some((line, _, doc_id, passage))) = (value, source) else {
            errors.push(err(
                record.line,
                ErrorKind::BadField,
                format!(
                    "fact \"{key_name}\" needs a value and a source for {}",
                    version.id
                ),
            ));
            continue;
        };
        if let Some(documents) = documents {
            let place = SourcePlace {
                key: &key_name,
                line: *line,
                version: &version.id,
            };
            check_source(
                &place,
                doc_id,
                passage,
                forms,
                documents,
                &mut source_errors,
            );
        }
        fact_values.push(FactValue {
            version: version.id.clone(),
            value: forms[0].clone(),
            forms: forms.clone(),
            doc_id: doc_id.clone(),
            passage: passage.clone(),
        });
    }
    if errors.len() > before {
        errors.append(&mut source_errors);
        return None;
    }
    // A wrong passage is reported but keeps the fact, so questions about it do not also fail.
    errors.append(&mut source_errors);
    let fact = Fact {
        key: key?,
        answer_type: answer_type?,
        about: about?,
        statement: statement?.value.clone(),
        values: fact_values,
    };
    check_distinguishable(&fact, record.line, errors);
    for v in &fact.values {
        let filled = fact.statement_at(&v.version).unwrap_or_default();
        if !answer_states(&fact, &v.version, &filled) {
            let line = statement.map_or(record.line, |s| s.line);
            errors.push(err(
                line,
                ErrorKind::ValueMismatch,
                format!(
                    "fact \"{}\": the statement does not state the {} value",
                    fact.key, v.version
                ),
            ));
        }
    }
    Some(fact)
}

/// Which fact value a source check is about.
struct SourcePlace<'a> {
    key: &'a str,
    line: usize,
    version: &'a str,
}

fn check_source(
    place: &SourcePlace,
    doc_id: &str,
    passage: &str,
    forms: &[String],
    documents: &[Document],
    errors: &mut Vec<CorpusError>,
) {
    let SourcePlace { key, line, version } = *place;
    let Some(doc) = documents
        .iter()
        .find(|d| d.id == doc_id && d.in_version(version))
    else {
        errors.push(err(
            line,
            ErrorKind::DanglingDocument,
            format!("fact \"{key}\": no document \"{doc_id}\" in {version}"),
        ));
        return;
    };
    if !doc.text.contains(passage) {
        errors.push(err(
            line,
            ErrorKind::MissingPassage,
            format!(
                "fact \"{key}\": passage \"{passage}\" is not in document \"{doc_id}\" as it reads in {version} ({})",
                doc.path
            ),
        ));
        return;
    }
    if !forms.iter().any(|f| form_matches(f, passage)) {
        errors.push(err(
            line,
            ErrorKind::ValueMismatch,
            format!(
                "fact \"{key}\": the passage for {version} does not state \"{}\"",
                forms[0]
            ),
        ));
    }
}

/// Two different values must not each match the other's canonical text, or evaluation could
/// not tell a current answer from a stale one.
fn check_distinguishable(fact: &Fact, line: usize, errors: &mut Vec<CorpusError>) {
    for (i, a) in fact.values.iter().enumerate() {
        for b in &fact.values[i + 1..] {
            if a.value != b.value
                && answer_states(fact, &a.version, &b.value)
                && answer_states(fact, &b.version, &a.value)
            {
                errors.push(err(
                    line,
                    ErrorKind::ValueMismatch,
                    format!(
                        "fact \"{}\": values for {} and {} cannot be told apart",
                        fact.key, a.version, b.version
                    ),
                ));
            }
        }
    }
}
