//! Documents from files and pasted text: decoded, reduced to text, normalised, checked against
//! the limits and against what the user already added.

use std::collections::HashSet;

use super::clean::{decode, normalise, one_line, tidy_lines};
use super::depth::{first_too_deep, json_position};
use super::html::html_to_text;
use super::{ImportError, UserDocument, MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_JSON_DEPTH};
use super::{MAX_TITLE_CHARS, MAX_TOTAL_BYTES};

/// What [`documents_from_file`] accepts, in the words error messages use.
pub const ACCEPTED_DOCUMENTS: &str = "Markdown (.md, .markdown), text (.txt), HTML (.html, .htm) \
    or JSON (.json, an array of {\"title\", \"text\"} objects)";

/// The name a file goes by in messages: its name made safe to show on one line.
pub fn file_label(name: &str) -> String {
    let label = one_line(name, 120);
    if label.is_empty() {
        "The file".to_string()
    } else {
        label
    }
}

/// The lowercase extension of `name` (after the last dot), or "".
pub fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The file name without folders and extension: the fallback title ("Untitled" for a name that
/// is only an extension, such as ".md").
fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let stem = one_line(base, MAX_TITLE_CHARS);
    if stem.is_empty() {
        "Untitled".to_string()
    } else {
        stem
    }
}

/// Reads the user's documents from one file. See the module docs of [`super`] for formats.
pub fn documents_from_file(
    name: &str,
    bytes: &[u8],
    existing: &[UserDocument],
) -> Result<Vec<UserDocument>, ImportError> {
    let file = file_label(name);
    let ext = extension(name);
    if !matches!(
        ext.as_str(),
        "md" | "markdown" | "txt" | "html" | "htm" | "json"
    ) {
        return Err(ImportError::Unsupported {
            file,
            accepted: ACCEPTED_DOCUMENTS,
        });
    }
    let raw = decode(&file, bytes)?;
    if crate::core::text::is_blank(&raw) {
        // Nothing but spaces, a byte-order mark or zero-width characters: empty, not "no text
        // once markup is removed" (there was no markup).
        return Err(ImportError::Empty { file });
    }
    let drafts: Vec<(String, String)> = match ext.as_str() {
        "html" | "htm" => {
            let (title, text) = html_to_text(&raw);
            vec![(title.unwrap_or_default(), text)]
        }
        "json" => json_documents(&file, &raw)?,
        "md" | "markdown" => {
            let (title, body) = markdown_title(&raw);
            vec![(title, body.to_string())]
        }
        _ => vec![(String::new(), raw)],
    };
    let fallback = stem(name);
    let several = drafts.len() > 1;
    let drafts: Vec<(String, String)> = drafts
        .into_iter()
        .enumerate()
        .map(|(i, (title, text))| {
            let title = one_line(&title, MAX_TITLE_CHARS);
            let title = match (title.is_empty(), several) {
                (false, _) => title,
                (true, false) => fallback.clone(),
                (true, true) => format!("{fallback} ({})", i + 1),
            };
            (title, text)
        })
        .collect();
    admit(&file, name, drafts, existing)
}

/// A document from pasted text; an empty title becomes the text's first line.
pub fn document_from_paste(
    title: &str,
    text: &str,
    existing: &[UserDocument],
) -> Result<UserDocument, ImportError> {
    let file = "The pasted text".to_string();
    if crate::core::text::is_blank(text) {
        return Err(ImportError::Empty { file });
    }
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file,
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
            total: false,
        });
    }
    let mut title = one_line(title, MAX_TITLE_CHARS);
    if title.is_empty() {
        let first = normalise(text);
        let line = first.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        title = one_line(line.trim_start_matches('#'), 80);
    }
    if title.is_empty() {
        title = "Pasted text".to_string();
    }
    let mut docs = admit(&file, "pasted", vec![(title, text.to_string())], existing)?;
    docs.pop().ok_or(ImportError::Empty {
        file: String::new(),
    })
}

/// Normalises drafts into documents and applies every check: empty, count, total size,
/// duplicates (against `existing` and within the batch); gives each a unique id.
fn admit(
    file: &str,
    source: &str,
    drafts: Vec<(String, String)>,
    existing: &[UserDocument],
) -> Result<Vec<UserDocument>, ImportError> {
    if drafts.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    if existing.len() + drafts.len() > MAX_DOCUMENTS {
        return Err(ImportError::TooMany {
            file: file.to_string(),
            what: "documents",
            limit: MAX_DOCUMENTS,
        });
    }
    let mut seen: Vec<(String, String)> = existing
        .iter()
        .map(|d| (duplicate_key(&d.text), d.title.clone()))
        .collect();
    let mut ids: HashSet<String> = existing.iter().map(|d| d.id.clone()).collect();
    let mut total: usize = existing.iter().map(|d| d.text.len()).sum();
    let mut out = Vec::with_capacity(drafts.len());
    for (title, text) in drafts {
        let text = tidy_lines(&normalise(&text));
        if text.trim().is_empty() {
            return Err(ImportError::NoText {
                file: file.to_string(),
            });
        }
        total += text.len();
        if total > MAX_TOTAL_BYTES {
            return Err(ImportError::TooLarge {
                file: file.to_string(),
                bytes: total,
                limit: MAX_TOTAL_BYTES,
                total: true,
            });
        }
        let key = duplicate_key(&text);
        if let Some((_, earlier)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(ImportError::Duplicate {
                file: file.to_string(),
                earlier: earlier.clone(),
            });
        }
        seen.push((key, title.clone()));
        let id = unique_id(&title, &mut ids);
        out.push(UserDocument {
            id,
            title,
            source: one_line(source, 120),
            text,
        });
    }
    Ok(out)
}

/// Two documents are the same when their words are, whatever the spacing.
pub fn duplicate_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A slug of `title` (ASCII letters and digits joined by '-', at most 40 characters, "doc" when
/// nothing is left) made unique against `ids` with a "-2", "-3"... suffix; recorded in `ids`.
pub fn unique_id(title: &str, ids: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { "doc" } else { slug };
    let mut id = base.to_string();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

/// A Markdown file's title (front matter `title:`, else its first `# ` heading) and its body
/// with any front matter removed.
fn markdown_title(raw: &str) -> (String, &str) {
    let mut body = raw;
    let mut title = String::new();
    if let Some(rest) = raw.strip_prefix("---\n").or(raw.strip_prefix("---\r\n")) {
        if let Some(end) = rest.find("\n---") {
            for line in rest[..end].lines() {
                if let Some(value) = line.strip_prefix("title:") {
                    title = value.trim().trim_matches(['"', '\'']).to_string();
                }
            }
            let after = &rest[end + 4..];
            body = after.split_once('\n').map_or("", |(_, b)| b);
        }
    }
    if title.is_empty() {
        if let Some(heading) = body.lines().find_map(|l| l.strip_prefix("# ")) {
            title = heading.to_string();
        }
    }
    (title, body)
}

/// The documents of a JSON file: one `{title, text}` object or an array of them.
fn json_documents(file: &str, raw: &str) -> Result<Vec<(String, String)>, ImportError> {
    if let Some(line) = first_too_deep(raw, MAX_JSON_DEPTH) {
        return Err(ImportError::TooDeep {
            file: file.to_string(),
            limit: MAX_JSON_DEPTH,
            line,
        });
    }
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| ImportError::Malformed {
            file: file.to_string(),
            at: json_position(&e),
            reason: "this is not valid JSON".to_string(),
        })?;
    let malformed = |at: String, reason: &str| ImportError::Malformed {
        file: file.to_string(),
        at,
        reason: reason.to_string(),
    };
    let items: Vec<(String, &serde_json::Value)> = match &value {
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("[{i}]"), v))
            .collect(),
        serde_json::Value::Object(_) => vec![("the top level".to_string(), &value)],
        _ => {
            return Err(malformed(
                "the top level".into(),
                "expected an array of {\"title\", \"text\"} objects or one such object",
            ))
        }
    };
    if items.len() > MAX_DOCUMENTS {
        return Err(ImportError::TooMany {
            file: file.to_string(),
            what: "documents",
            limit: MAX_DOCUMENTS,
        });
    }
    items
        .into_iter()
        .map(|(path, item)| {
            let object = item
                .as_object()
                .ok_or_else(|| malformed(path.clone(), "expected an object with a \"text\""))?;
            let text = match object.get("text") {
                Some(serde_json::Value::String(text)) => text.clone(),
                Some(_) => return Err(malformed(format!("{path}.text"), "must be a string")),
                None => return Err(malformed(format!("{path}.text"), "is missing")),
            };
            let title = match object.get("title") {
                Some(serde_json::Value::String(title)) => title.clone(),
                None | Some(serde_json::Value::Null) => String::new(),
                Some(_) => return Err(malformed(format!("{path}.title"), "must be a string")),
            };
            Ok((title, text))
        })
        .collect()
}
