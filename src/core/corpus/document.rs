//! Reads one document revision: a `---` front matter of `key: value` lines, then Markdown.

use super::error::{CorpusError, ErrorKind};
use super::model::{DocKind, Document, Quality};
use crate::core::format::parse_iso_date;

const KEYS: &[&str] = &["id", "title", "kind", "quality", "date", "versions", "note"];

/// Parses a document file. `versions` are the corpus's version ids, to check `versions:`.
pub fn parse_document(
    path: &str,
    content: &str,
    versions: &[String],
) -> Result<Document, Vec<CorpusError>> {
    let err = |line: usize, kind: ErrorKind, msg: String| CorpusError::new(path, line, kind, msg);
    let mut lines = content.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(vec![err(
            1,
            ErrorKind::Malformed,
            "a document starts with a \"---\" front matter line".into(),
        )]);
    }
    let mut offset = content.find('\n').map_or(content.len(), |n| n + 1);
    let mut fields: Vec<(usize, String, String)> = Vec::new();
    let mut errors = Vec::new();
    let mut closed = false;
    let mut line_no = 1;
    for raw in lines {
        line_no += 1;
        offset += raw.len();
        let line = raw.trim_end();
        if line == "---" {
            closed = true;
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) if KEYS.contains(&key.trim()) => {
                let key = key.trim().to_string();
                if fields.iter().any(|(_, k, _)| *k == key) {
                    errors.push(err(
                        line_no,
                        ErrorKind::BadField,
                        format!("\"{key}\" appears twice"),
                    ));
                }
                fields.push((line_no, key, value.trim().to_string()));
            }
            Some((key, _)) => errors.push(err(
                line_no,
                ErrorKind::BadField,
                format!("unknown front matter key \"{}\"", key.trim()),
            )),
            None => errors.push(err(
                line_no,
                ErrorKind::Malformed,
                format!("expected \"key: value\", found \"{line}\""),
            )),
        }
    }
    if !closed {
        errors.push(err(
            line_no,
            ErrorKind::Malformed,
            "the front matter is not closed by a \"---\" line".into(),
        ));
        return Err(errors);
    }
    let get = |key: &str| fields.iter().find(|(_, k, _)| k == key);
    let mut required = |key: &str| match get(key) {
        Some((line, _, value)) if !value.is_empty() => Some((*line, value.clone())),
        _ => {
            errors.push(err(
                1,
                ErrorKind::BadField,
                format!("the front matter needs \"{key}\""),
            ));
            None
        }
    };
    let id = required("id");
    let title = required("title");
    let kind = required("kind");
    let quality = required("quality");
    let date = required("date");
    let doc_versions = required("versions");
    let note = get("note").map(|(_, _, v)| v.clone());

    let kind = kind.and_then(|(line, k)| {
        let parsed = DocKind::from_key(&k);
        if parsed.is_none() {
            let known: Vec<&str> = DocKind::KEYS.iter().map(|(k, _)| *k).collect();
            errors.push(err(
                line,
                ErrorKind::BadField,
                format!("unknown kind \"{k}\" (one of {})", known.join(", ")),
            ));
        }
        parsed
    });
    let quality = quality.and_then(|(line, q)| {
        let parsed = Quality::from_key(&q);
        if parsed.is_none() {
            errors.push(err(
                line,
                ErrorKind::BadField,
                format!("unknown quality \"{q}\" (current, outdated or low-signal)"),
            ));
        }
        parsed
    });
    if let Some((line, d)) = &date {
        if parse_iso_date(d).is_none() {
            errors.push(err(
                *line,
                ErrorKind::BadField,
                format!("date \"{d}\" is not YYYY-MM-DD"),
            ));
        }
    }
    let doc_versions: Vec<String> = doc_versions
        .map(|(line, list)| {
            let listed: Vec<String> = list.split_whitespace().map(str::to_string).collect();
            for v in &listed {
                if !versions.contains(v) {
                    errors.push(err(
                        line,
                        ErrorKind::UnknownVersion,
                        format!("unknown version \"{v}\""),
                    ));
                }
            }
            if listed.is_empty() {
                errors.push(err(line, ErrorKind::BadField, "no versions listed".into()));
            }
            listed
        })
        .unwrap_or_default();
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Some((_, id)), Some((_, title)), Some(kind), Some(quality), Some((_, date))) =
        (id, title, kind, quality, date)
    else {
        return Err(vec![err(
            1,
            ErrorKind::BadField,
            "incomplete front matter".into(),
        )]);
    };
    Ok(Document {
        id,
        title,
        kind,
        quality,
        date,
        versions: doc_versions,
        note,
        text: content[offset.min(content.len())..].to_string(),
        path: path.to_string(),
        body_line: line_no + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn versions() -> Vec<String> {
        vec!["v1".into(), "v2".into()]
    }

    #[test]
    fn parses_front_matter_and_body() {
        let text = "---\nid: pricing\ntitle: Plans\nkind: pricing\nquality: current\n\
                    date: 2024-01-15\nversions: v1 v2\n---\nPro costs $12.\n";
        let doc = parse_document("docs/p.md", text, &versions()).unwrap();
        assert_eq!(doc.id, "pricing");
        assert_eq!(doc.versions, ["v1", "v2"]);
        assert_eq!(doc.text, "Pro costs $12.\n");
        assert_eq!(doc.body_line, 9);
        assert_eq!(doc.line_of(3), 9);
    }

    #[test]
    fn reports_each_front_matter_problem_with_its_line() {
        let text = "---\nid: p\ntitle: T\nkind: brochure\nquality: current\n\
                    date: 15/01/2024\nversions: v9\ncolour: red\n---\nBody.\n";
        let errors = parse_document("docs/p.md", text, &versions()).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [8, 4, 6, 7]);
        assert!(errors[1].message.contains("brochure"));
        assert!(parse_document("docs/p.md", "no front matter", &versions()).is_err());
        assert!(parse_document("docs/p.md", "---\nid: p\n", &versions()).is_err());
    }
}
