//! User edits of a corpus: change a fact's value at one version (the document text changes
//! with it), replace a document's text at one version, or add a document. Every edit returns a
//! new corpus; an edit at one version never changes another version's text.

use super::matching::answer_states;
use super::model::{Document, FactValue};
use super::Corpus;
use crate::core::format::key_value;

/// What [`Corpus::with_document_text`] changed.
#[derive(Clone, Debug)]
pub struct TextEdit {
    /// The edited corpus.
    pub corpus: Corpus,
    /// Keys of facts whose passage at the edited version is no longer in the text, or no longer
    /// states the value: the fact table cannot vouch for them any more.
    pub broken_facts: Vec<String>,
}

impl Corpus {
    /// Index of the revision of `doc_id` at `version`, split off into a revision of its own when
    /// it is shared with other versions (so the edit stays confined to `version`).
    fn own_revision(&mut self, doc_id: &str, version: &str) -> Option<usize> {
        let at = self
            .documents
            .iter()
            .position(|d| d.id == doc_id && d.in_version(version))?;
        if self.documents[at].versions.len() == 1 {
            return Some(at);
        }
        let mut single = self.documents[at].clone();
        single.versions = vec![version.to_string()];
        self.documents[at].versions.retain(|v| v != version);
        self.documents.insert(at + 1, single);
        Some(at + 1)
    }

    /// Replaces the text of document `doc_id` as it reads at `version`. Facts whose passage at
    /// that version no longer states their value are listed in [`TextEdit::broken_facts`].
    pub fn with_document_text(
        &self,
        doc_id: &str,
        version: &str,
        text: &str,
    ) -> Result<TextEdit, String> {
        let mut corpus = self.clone();
        let at = corpus
            .own_revision(doc_id, version)
            .ok_or_else(|| format!("no document \"{doc_id}\" in {version}"))?;
        corpus.documents[at].text = text.to_string();
        let broken_facts = corpus
            .facts
            .iter()
            .filter(|f| {
                f.at(version).is_some_and(|v| {
                    v.doc_id == doc_id
                        && !(text.contains(&v.passage) && answer_states(f, version, &v.passage))
                })
            })
            .map(|f| f.key.clone())
            .collect();
        Ok(TextEdit {
            corpus,
            broken_facts,
        })
    }

    /// Sets fact `key` to `new_value` at `version`: the value is rewritten inside its passage
    /// and document text, and the accepted forms become the new value and its key value
    /// ("$16 per user per month" and "$16"). Fails when the passage does not contain the old
    /// value verbatim in one of its forms.
    pub fn with_fact_value(
        &self,
        key: &str,
        version: &str,
        new_value: &str,
    ) -> Result<Corpus, String> {
        let mut corpus = self.clone();
        let fact_at = corpus
            .facts
            .iter()
            .position(|f| f.key == key)
            .ok_or_else(|| format!("no fact \"{key}\""))?;
        let fact = &corpus.facts[fact_at];
        let old = fact
            .at(version)
            .ok_or_else(|| format!("fact \"{key}\" has no value at {version}"))?
            .clone();
        let form = old
            .forms
            .iter()
            .filter(|f| old.passage.contains(f.as_str()))
            .max_by_key(|f| f.len())
            .ok_or_else(|| format!("the passage of \"{key}\" does not contain its value verbatim"))?
            .clone();
        let replacement = if form == old.value {
            new_value.to_string()
        } else {
            key_value(fact.answer_type, new_value).unwrap_or_else(|| new_value.to_string())
        };
        let passage = old.passage.replacen(&form, &replacement, 1);
        let doc_at = corpus
            .own_revision(&old.doc_id, version)
            .ok_or_else(|| format!("no document \"{}\" in {version}", old.doc_id))?;
        let doc = &mut corpus.documents[doc_at];
        doc.text = doc.text.replacen(&old.passage, &passage, 1);
        let mut forms = vec![new_value.to_string()];
        forms.extend(
            key_value(corpus.facts[fact_at].answer_type, new_value).filter(|k| k != new_value),
        );
        let slot = corpus.facts[fact_at]
            .values
            .iter_mut()
            .find(|v| v.version == version)
            .ok_or_else(|| format!("fact \"{key}\" has no value at {version}"))?;
        *slot = FactValue {
            version: version.to_string(),
            value: new_value.to_string(),
            forms,
            doc_id: old.doc_id,
            passage,
        };
        Ok(corpus)
    }

    /// Adds a document (a user's own), present in `doc.versions`. Fails when its id or title is
    /// already used in one of those versions or a version is unknown.
    pub fn with_document(&self, doc: Document) -> Result<Corpus, String> {
        for v in &doc.versions {
            if self.version(v).is_none() {
                return Err(format!("unknown version \"{v}\""));
            }
            if let Some(other) = self
                .documents_at(v)
                .into_iter()
                .find(|d| d.id == doc.id || d.title == doc.title)
            {
                return Err(format!("\"{}\" clashes with {} in {v}", doc.id, other.path));
            }
        }
        let mut corpus = self.clone();
        corpus.documents.push(doc);
        Ok(corpus)
    }
}
