//! Question-answer pairs from CSV (RFC 4180) or JSON files.

use super::clean::{decode, one_line};
use super::depth::{first_too_deep, json_position};
use super::documents::{extension, file_label};
use super::{ImportError, QaPair, MAX_JSON_DEPTH, MAX_PAIRS, MAX_PAIR_CHARS};

/// What [`pairs_from_file`] accepts, in the words error messages use.
pub const ACCEPTED_PAIRS: &str = "CSV (.csv, with a header row question,answer) or JSON (.json, \
    an array of {\"question\", \"answer\"} objects)";

/// Reads question-answer pairs from a CSV or JSON file.
pub fn pairs_from_file(name: &str, bytes: &[u8]) -> Result<Vec<QaPair>, ImportError> {
    let file = file_label(name);
    let ext = extension(name);
    if ext != "csv" && ext != "json" {
        return Err(ImportError::Unsupported {
            file,
            accepted: ACCEPTED_PAIRS,
        });
    }
    let raw = decode(&file, bytes)?;
    let rows = if ext == "csv" {
        csv_pairs(&file, &raw)?
    } else {
        json_pairs(&file, &raw)?
    };
    check_pairs(&file, rows)
}

/// Cleans every pair and checks emptiness, length, count and repeated questions. `rows` carry
/// where each pair came from ("line 4", "[3]").
pub fn check_pairs(file: &str, rows: Vec<(String, QaPair)>) -> Result<Vec<QaPair>, ImportError> {
    if rows.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    if rows.len() > MAX_PAIRS {
        return Err(ImportError::TooMany {
            file: file.to_string(),
            what: "question-answer pairs",
            limit: MAX_PAIRS,
        });
    }
    let malformed = |at: &str, reason: String| ImportError::Malformed {
        file: file.to_string(),
        at: at.to_string(),
        reason,
    };
    let mut out: Vec<QaPair> = Vec::with_capacity(rows.len());
    let mut seen: Vec<(String, String)> = Vec::with_capacity(rows.len());
    for (at, pair) in rows {
        let (question, answer) = clean_pair(&pair);
        for (what, text) in [("question", &question), ("answer", &answer)] {
            if text.is_empty() {
                return Err(malformed(&at, format!("the {what} is empty")));
            }
            if text.chars().count() > MAX_PAIR_CHARS {
                return Err(malformed(
                    &at,
                    format!("the {what} is longer than {MAX_PAIR_CHARS} characters"),
                ));
            }
        }
        let key = question.to_lowercase();
        if let Some((_, earlier)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(malformed(
                &at,
                format!("the same question is already at {earlier}"),
            ));
        }
        seen.push((key, at));
        out.push(QaPair { question, answer });
    }
    Ok(out)
}

/// A pair's question and answer as stored: normalised and on one line, at most a little over
/// [`MAX_PAIR_CHARS`] characters (so the length check still sees over-long text).
pub fn clean_pair(pair: &QaPair) -> (String, String) {
    (
        one_line(&pair.question, MAX_PAIR_CHARS + 1),
        one_line(&pair.answer, MAX_PAIR_CHARS + 1),
    )
}

/// One CSV record with the line it starts on.
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// Parses RFC 4180 CSV: comma-separated fields, double-quoted fields may hold commas, newlines
/// and doubled quotes; CRLF or LF line ends; blank lines skipped.
fn parse_csv(file: &str, text: &str) -> Result<Vec<Record>, ImportError> {
    let malformed = |line: usize, reason: &str| ImportError::Malformed {
        file: file.to_string(),
        at: format!("line {line}"),
        reason: reason.to_string(),
    };
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 0;
    let mut in_quotes = false;
    let mut quoted_field = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted_field => {
                in_quotes = true;
                quoted_field = true;
                quote_line = line;
            }
            '"' => return Err(malformed(
                line,
                "a quote inside an unquoted field (wrap the field in quotes and double the quote)",
            )),
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
                if !(fields.len() == 1 && fields[0].trim().is_empty()) {
                    records.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                fields.clear();
                line += 1;
                record_line = line;
            }
            c if quoted_field => {
                if !c.is_whitespace() {
                    return Err(malformed(
                        line,
                        "text after a closing quote (double a quote inside a quoted field)",
                    ));
                }
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(malformed(quote_line, "a quoted field is never closed"));
    }
    fields.push(field);
    if !(fields.len() == 1 && fields[0].trim().is_empty()) {
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

fn csv_pairs(file: &str, text: &str) -> Result<Vec<(String, QaPair)>, ImportError> {
    let records = parse_csv(file, text)?;
    let Some((header, rows)) = records.split_first() else {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    };
    let column = |name: &str| {
        header
            .fields
            .iter()
            .position(|f| f.trim().eq_ignore_ascii_case(name))
    };
    let (Some(q), Some(a)) = (column("question"), column("answer")) else {
        return Err(ImportError::Malformed {
            file: file.to_string(),
            at: format!("line {}", header.line),
            reason: "the first row must be the header question,answer".to_string(),
        });
    };
    if rows.len() > MAX_PAIRS {
        return Err(ImportError::TooMany {
            file: file.to_string(),
            what: "question-answer pairs",
            limit: MAX_PAIRS,
        });
    }
    rows.iter()
        .map(|r| {
            if r.fields.len() != header.fields.len() {
                return Err(ImportError::Malformed {
                    file: file.to_string(),
                    at: format!("line {}", r.line),
                    reason: format!(
                        "{} fields where the header has {}",
                        r.fields.len(),
                        header.fields.len()
                    ),
                });
            }
            Ok((
                format!("line {}", r.line),
                QaPair {
                    question: r.fields[q].clone(),
                    answer: r.fields[a].clone(),
                },
            ))
        })
        .collect()
}

fn json_pairs(file: &str, text: &str) -> Result<Vec<(String, QaPair)>, ImportError> {
    if let Some(line) = first_too_deep(text, MAX_JSON_DEPTH) {
        return Err(ImportError::TooDeep {
            file: file.to_string(),
            limit: MAX_JSON_DEPTH,
            line,
        });
    }
    let malformed = |at: String, reason: &str| ImportError::Malformed {
        file: file.to_string(),
        at,
        reason: reason.to_string(),
    };
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| malformed(json_position(&e), "this is not valid JSON"))?;
    let serde_json::Value::Array(items) = value else {
        return Err(malformed(
            "the top level".into(),
            "expected an array of {\"question\", \"answer\"} objects",
        ));
    };
    if items.len() > MAX_PAIRS {
        return Err(ImportError::TooMany {
            file: file.to_string(),
            what: "question-answer pairs",
            limit: MAX_PAIRS,
        });
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = |name: &str| match item.get(name) {
                Some(serde_json::Value::String(s)) => Ok(s.clone()),
                Some(_) => Err(malformed(format!("[{i}].{name}"), "must be a string")),
                None => Err(malformed(format!("[{i}].{name}"), "is missing")),
            };
            if !item.is_object() {
                return Err(malformed(format!("[{i}]"), "must be an object"));
            }
            Ok((
                format!("[{i}]"),
                QaPair {
                    question: field("question")?,
                    answer: field("answer")?,
                },
            ))
        })
        .collect()
}
