//! Builds the question files: train/held-out phrasings per fact, unanswerable questions and
//! house-format demonstrations, checking references and that no question text repeats (a
//! question in both train and held-out would leak).

use super::error::{CorpusError, ErrorKind};
use super::matching::answer_states;
use super::model::{
    Demonstration, Document, Fact, Question, Split, Unanswerable, UnanswerableKind, Version,
};
use super::parse::{DEMONSTRATIONS, QUESTIONS, UNANSWERABLE};
use super::records::{Field, Record};
use crate::core::format::{parse_source_line, validate, AnswerSource, AnswerType};

/// Question texts seen so far (normalised), with where they were first seen.
#[derive(Default)]
pub struct SeenTexts {
    seen: Vec<(String, String, usize)>,
}

impl SeenTexts {
    /// Records `text`; reports a duplicate if it was seen before.
    fn check(&mut self, file: &str, line: usize, text: &str, errors: &mut Vec<CorpusError>) {
        let key = text
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((_, f, l)) = self.seen.iter().find(|(k, _, _)| *k == key) {
            errors.push(CorpusError::new(
                file,
                line,
                ErrorKind::DuplicateId,
                format!("question \"{text}\" already appears at {f}:{l}"),
            ));
        } else {
            self.seen.push((key, file.to_string(), line));
        }
    }
}

fn known_fact<'a>(
    facts: &'a [Fact],
    file: &str,
    field: &Field,
    errors: &mut Vec<CorpusError>,
) -> Option<&'a Fact> {
    let fact = facts.iter().find(|f| f.key == field.value);
    if fact.is_none() {
        errors.push(CorpusError::new(
            file,
            field.line,
            ErrorKind::DanglingFact,
            format!("unknown fact \"{}\"", field.value),
        ));
    }
    fact
}

fn unknown_fields(record: &Record, file: &str, allowed: &[&str], errors: &mut Vec<CorpusError>) {
    for field in record
        .fields
        .iter()
        .filter(|f| !allowed.contains(&f.key.as_str()))
    {
        errors.push(CorpusError::new(
            file,
            field.line,
            ErrorKind::BadField,
            format!(
                "unknown field \"{}\" (expected one of {})",
                field.key,
                allowed.join(", ")
            ),
        ));
    }
}

fn required<'a>(
    record: &'a Record,
    file: &str,
    key: &str,
    errors: &mut Vec<CorpusError>,
) -> Option<&'a Field> {
    let field = record.get(key).filter(|f| !f.value.is_empty());
    if field.is_none() {
        errors.push(CorpusError::new(
            file,
            record.line,
            ErrorKind::BadField,
            format!("this record needs \"{key}:\""),
        ));
    }
    field
}

/// Builds the fact questions: records of `fact:` plus `train:`, `heldout:`, `keyword:`,
/// `yesno:` and `direct:` lines. Ids are `<fact>/t<n>`, `/h<n>`, `/k<n>`, `/y<n>` and
/// `/d<n>`, numbered per fact and split in file order.
pub fn build_questions(
    records: &[Record],
    facts: &[Fact],
    seen: &mut SeenTexts,
    errors: &mut Vec<CorpusError>,
) -> Vec<Question> {
    let mut questions: Vec<Question> = Vec::new();
    for record in records {
        unknown_fields(
            record,
            QUESTIONS,
            &["fact", "train", "heldout", "keyword", "yesno", "direct"],
            errors,
        );
        let Some(field) = required(record, QUESTIONS, "fact", errors) else {
            continue;
        };
        let Some(fact) = known_fact(facts, QUESTIONS, field, errors) else {
            continue;
        };
        for (q, split) in record
            .fields
            .iter()
            .filter_map(|f| Some((f, Split::from_key(&f.key)?)))
        {
            if q.value.is_empty() {
                errors.push(CorpusError::new(
                    QUESTIONS,
                    q.line,
                    ErrorKind::BadField,
                    "empty question",
                ));
                continue;
            }
            seen.check(QUESTIONS, q.line, &q.value, errors);
            let n = 1 + questions
                .iter()
                .filter(|x| x.fact == fact.key && x.split == split)
                .count();
            questions.push(Question {
                id: format!("{}/{}{n}", fact.key, split.id_letter()),
                text: q.value.clone(),
                split,
                fact: fact.key.clone(),
            });
        }
    }
    questions
}

fn check_id(
    ids: &mut Vec<(String, usize)>,
    file: &str,
    field: &Field,
    errors: &mut Vec<CorpusError>,
) {
    if let Some((_, line)) = ids.iter().find(|(id, _)| *id == field.value) {
        errors.push(CorpusError::new(
            file,
            field.line,
            ErrorKind::DuplicateId,
            format!("duplicate id \"{}\" (first at line {line})", field.value),
        ));
    } else {
        ids.push((field.value.clone(), field.line));
    }
}

/// Builds unanswerable questions: `id`, `kind`, `question`, optional `near`, `expect`.
pub fn build_unanswerable(
    records: &[Record],
    facts: &[Fact],
    seen: &mut SeenTexts,
    errors: &mut Vec<CorpusError>,
) -> Vec<Unanswerable> {
    let file = UNANSWERABLE;
    let mut ids = Vec::new();
    let mut out = Vec::new();
    for record in records {
        unknown_fields(
            record,
            file,
            &["id", "kind", "question", "near", "expect"],
            errors,
        );
        let id = required(record, file, "id", errors);
        let kind = required(record, file, "kind", errors);
        let question = required(record, file, "question", errors);
        let expect = required(record, file, "expect", errors);
        if let Some(id) = id {
            check_id(&mut ids, file, id, errors);
        }
        if let Some(q) = question {
            seen.check(file, q.line, &q.value, errors);
        }
        let near = record.get("near");
        let near_ok = near.is_none_or(|f| known_fact(facts, file, f, errors).is_some());
        let parsed_kind = kind.and_then(|k| {
            let parsed = UnanswerableKind::from_key(&k.value);
            if parsed.is_none() {
                errors.push(CorpusError::new(
                    file,
                    k.line,
                    ErrorKind::BadField,
                    format!(
                        "unknown kind \"{}\" (near-miss, out-of-scope or false-premise)",
                        k.value
                    ),
                ));
            }
            parsed
        });
        if let (Some(id), Some(kind), Some(q), Some(expect), true) =
            (id, parsed_kind, question, expect, near_ok)
        {
            out.push(Unanswerable {
                id: id.value.clone(),
                text: q.value.clone(),
                kind,
                near_fact: near.map(|f| f.value.clone()),
                expected: expect.value.clone(),
            });
        }
    }
    out
}

/// Builds demonstrations: `id`, `question`, `type`, optional `fact` + `version`, and one
/// `answer:` line per answer line. The answer must pass the format validator with the stated
/// type, state the fact's value at the version, and cite documents that exist as cited
/// (checked only when `documents` is the complete, parsed set).
pub fn build_demonstrations(
    records: &[Record],
    facts: &[Fact],
    documents: Option<&[Document]>,
    versions: &[Version],
    seen: &mut SeenTexts,
    errors: &mut Vec<CorpusError>,
) -> Vec<Demonstration> {
    let file = DEMONSTRATIONS;
    let mut ids = Vec::new();
    let mut out = Vec::new();
    for record in records {
        let before = errors.len();
        unknown_fields(
            record,
            file,
            &["id", "question", "type", "fact", "version", "answer"],
            errors,
        );
        let id = required(record, file, "id", errors);
        let question = required(record, file, "question", errors);
        let type_field = required(record, file, "type", errors);
        required(record, file, "answer", errors);
        if let Some(id) = id {
            check_id(&mut ids, file, id, errors);
        }
        if let Some(q) = question {
            seen.check(file, q.line, &q.value, errors);
        }
        let answer_type = type_field.and_then(|f| {
            let t = AnswerType::from_key(&f.value);
            if t.is_none() {
                errors.push(CorpusError::new(
                    file,
                    f.line,
                    ErrorKind::BadField,
                    format!("unknown answer type \"{}\"", f.value),
                ));
            }
            t
        });
        let answer_line = record.get("answer").map_or(record.line, |f| f.line);
        let answer = record
            .all("answer")
            .map(|f| f.value.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        match (validate(&answer), answer_type) {
            (Ok(found), Some(wanted)) if found != wanted => errors.push(CorpusError::new(
                file,
                answer_line,
                ErrorKind::FormatViolation,
                format!("the answer is a {found} answer, but the type says {wanted}"),
            )),
            (Err(violations), _) => {
                for v in violations {
                    errors.push(CorpusError::new(
                        file,
                        answer_line + v.line - 1,
                        ErrorKind::FormatViolation,
                        v.to_string(),
                    ));
                }
            }
            _ => {}
        }
        let version = record.get("version");
        if let Some(v) = version.filter(|v| !versions.iter().any(|x| x.id == v.value)) {
            errors.push(CorpusError::new(
                file,
                v.line,
                ErrorKind::UnknownVersion,
                format!("unknown version \"{}\"", v.value),
            ));
        }
        if let Some(fact_field) = record.get("fact") {
            if let Some(fact) = known_fact(facts, file, fact_field, errors) {
                match version {
                    None => errors.push(CorpusError::new(
                        file,
                        fact_field.line,
                        ErrorKind::BadField,
                        "a demonstration with a fact needs \"version:\"",
                    )),
                    Some(v) if !answer_states(fact, &v.value, &answer) => {
                        errors.push(CorpusError::new(
                            file,
                            answer_line,
                            ErrorKind::ValueMismatch,
                            format!(
                                "the answer does not state fact \"{}\" as of {}",
                                fact.key, v.value
                            ),
                        ))
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(documents) = documents {
            check_citations(&answer, answer_line, documents, errors);
        }
        if errors.len() > before {
            continue;
        }
        if let (Some(id), Some(q), Some(answer_type)) = (id, question, answer_type) {
            out.push(Demonstration {
                id: id.value.clone(),
                question: q.value.clone(),
                answer_type,
                answer,
                fact: record.get("fact").map(|f| f.value.clone()),
                version: version.map(|f| f.value.clone()),
            });
        }
    }
    out
}

/// Every document cited must exist with that title in that version, with that date.
fn check_citations(
    answer: &str,
    first_line: usize,
    documents: &[Document],
    errors: &mut Vec<CorpusError>,
) {
    let lines: Vec<&str> = answer.lines().collect();
    let Some(last) = lines.last().filter(|l| l.starts_with("Source: ")) else {
        return;
    };
    let Ok(AnswerSource::Documents(citations)) = parse_source_line(last) else {
        return;
    };
    let line = first_line + lines.len() - 1;
    for c in citations {
        let doc = documents
            .iter()
            .find(|d| d.title == c.title && d.in_version(&c.version));
        match doc {
            None => errors.push(CorpusError::new(
                DEMONSTRATIONS,
                line,
                ErrorKind::DanglingDocument,
                format!("no document titled \"{}\" in {}", c.title, c.version),
            )),
            Some(d) if d.date != c.date => errors.push(CorpusError::new(
                DEMONSTRATIONS,
                line,
                ErrorKind::ValueMismatch,
                format!("\"{}\" is dated {}, not {}", c.title, d.date, c.date),
            )),
            Some(_) => {}
        }
    }
}
