//! The learner's edits to documents, and what they do to the facts the documents state.

use std::collections::BTreeMap;

use crate::core::corpus::{Document, Fact};

/// Edited document texts, keyed by document id and version (an edit made while looking at v2
/// changes v2 only, as editing one published revision would).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edits {
    texts: BTreeMap<(String, String), String>,
}

impl Edits {
    /// The edited text of `doc_id` at `version`, if the learner edited it.
    pub fn get(&self, doc_id: &str, version: &str) -> Option<&str> {
        self.texts
            .get(&(doc_id.to_string(), version.to_string()))
            .map(String::as_str)
    }

    /// Records an edit. Returns false when `text` equals `original` (the edit is dropped, so
    /// "edited" always means "differs").
    pub fn set(&mut self, doc_id: &str, version: &str, text: String, original: &str) -> bool {
        let key = (doc_id.to_string(), version.to_string());
        if text == original {
            self.texts.remove(&key);
            false
        } else {
            self.texts.insert(key, text);
            true
        }
    }

    /// Forgets the edit of `doc_id` at `version`; true if there was one.
    pub fn reset(&mut self, doc_id: &str, version: &str) -> bool {
        self.texts
            .remove(&(doc_id.to_string(), version.to_string()))
            .is_some()
    }

    /// Every edit as `(doc id, version, text)`, in a stable order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.texts
            .iter()
            .map(|((d, v), t)| (d.as_str(), v.as_str(), t.as_str()))
    }

    /// Number of edited documents (over all versions).
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// True when nothing is edited.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// `doc` with its edited text at `version`, or `doc` itself.
    pub fn apply(&self, doc: &Document, version: &str) -> Document {
        let mut out = doc.clone();
        if let Some(text) = self.get(&doc.id, version) {
            out.text = text.to_string();
        }
        out
    }
}

/// What a fact's value is once the learner's edits are taken into account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactState {
    /// The documents state the value the fact table has for this version.
    AsPublished(String),
    /// An edit changed the value: the passage still reads the same around it, with this value.
    Edited(String),
    /// An edit removed or rewrote the passage, so the documents no longer state the fact.
    Removed,
}

impl FactState {
    /// The value the documents now state, if they state one.
    pub fn value(&self) -> Option<&str> {
        match self {
            FactState::AsPublished(v) | FactState::Edited(v) => Some(v),
            FactState::Removed => None,
        }
    }
}

/// Follows `fact` at `version` into `text` (the possibly edited document text): the published
/// passage verbatim means the published value; otherwise the words around the value in the
/// passage are looked for, and what now stands between them is the edited value.
pub fn track_fact(fact: &Fact, version: &str, text: &str) -> Option<FactState> {
    let published = fact.at(version)?;
    if text.contains(&published.passage) {
        return Some(FactState::AsPublished(published.value.clone()));
    }
    let form = published
        .forms
        .iter()
        .find(|f| !f.contains(" + ") && published.passage.contains(f.as_str()));
    let Some(form) = form else {
        return Some(FactState::Removed);
    };
    let at = published.passage.find(form.as_str()).unwrap_or(0);
    let before = &published.passage[..at];
    let after = &published.passage[at + form.len()..];
    let Some(start) = text.find(before).map(|i| i + before.len()) else {
        return Some(FactState::Removed);
    };
    let rest = &text[start..];
    let end = if after.is_empty() {
        rest.find(['.', '\n']).unwrap_or(rest.len())
    } else {
        match rest.find(after) {
            Some(end) => end,
            None => return Some(FactState::Removed),
        }
    };
    let value = rest[..end].trim();
    if value.is_empty() || value.len() > 80 {
        return Some(FactState::Removed);
    }
    Some(FactState::Edited(value.to_string()))
}
