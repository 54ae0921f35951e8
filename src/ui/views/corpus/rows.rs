//! The corpus view's data, apart from drawing: one row per document of the current version,
//! and the summary line of the index the documents feed.

use crate::core::corpus::{DocKind, Document, Quality};
use crate::core::workbench::{Edits, Workbench};

/// One document of the current version as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DocRow {
    /// Stable document id.
    pub(crate) id: String,
    /// Title.
    pub(crate) title: String,
    /// Kind.
    pub(crate) kind: DocKind,
    /// Date of this revision.
    pub(crate) date: String,
    /// Quality flag.
    pub(crate) quality: Quality,
    /// Why the flag is set, if the document is not current.
    pub(crate) note: Option<String>,
    /// True when the learner changed this document at this version.
    pub(crate) edited: bool,
    /// Passages the document gives at this version (edits applied).
    pub(crate) passages: usize,
    /// True when curation leaves this (flagged) document out of the index.
    pub(crate) curated_out: bool,
}

/// The rows for `docs` (the documents of `version`, edits applied) in their file order.
/// `passages_of` counts a document's indexed passages; `curated` says whether flagged
/// documents are left out of the index.
pub(crate) fn doc_rows(
    docs: &[Document],
    edits: &Edits,
    version: &str,
    curated: bool,
    passages_of: impl Fn(&str) -> usize,
) -> Vec<DocRow> {
    docs.iter()
        .map(|d| DocRow {
            id: d.id.clone(),
            title: d.title.clone(),
            kind: d.kind,
            date: d.date.clone(),
            quality: d.quality,
            note: d.note.clone(),
            edited: edits.get(&d.id, version).is_some(),
            passages: passages_of(&d.id),
            curated_out: curated && d.quality != Quality::Current,
        })
        .collect()
}

/// The rows of the workbench's current version, sorted by title (the file order follows ids,
/// which a learner does not see).
pub(crate) fn current_rows(bench: &Workbench) -> Vec<DocRow> {
    let chunks = bench.chunks();
    let curated = bench.settings().curated;
    let mut rows = doc_rows(
        &bench.documents(),
        bench.edits(),
        bench.version(),
        curated,
        |id| chunks.iter().filter(|c| c.doc_id == id).count(),
    );
    sort_by_title(&mut rows);
    rows
}

/// Sorts rows by title, ignoring case, then by id so equal titles keep a fixed order.
pub(crate) fn sort_by_title(rows: &mut [DocRow]) {
    rows.sort_by(|a, b| {
        a.title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// What the index built from the current documents looks like.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct IndexStatus {
    /// The version shown.
    pub(crate) version: String,
    /// Documents present in it.
    pub(crate) documents: usize,
    /// Passages (chunks) indexed.
    pub(crate) passages: usize,
    /// Milliseconds of the last rebuild (chunk + embed + graph).
    pub(crate) rebuild_ms: f64,
    /// Edits the learner has made, over all versions.
    pub(crate) edits: usize,
    /// True when flagged documents are left out of the index.
    pub(crate) curated: bool,
    /// Flagged documents of this version (outdated or low-signal).
    pub(crate) flagged: usize,
}

impl IndexStatus {
    /// Reads the status off the workbench.
    pub(crate) fn of(bench: &Workbench) -> Self {
        let t = bench.rebuild_timings();
        let documents = bench.documents();
        Self {
            version: bench.version().to_string(),
            documents: documents.len(),
            passages: bench.chunks().len(),
            rebuild_ms: t.chunk_ms + t.embed_ms + t.index_ms,
            edits: bench.edits().len(),
            curated: bench.settings().curated,
            flagged: documents
                .iter()
                .filter(|d| d.quality != Quality::Current)
                .count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::Corpus;

    #[test]
    fn edits_show_in_the_rows_and_status_and_survive_a_version_switch() {
        use crate::core::clock::NoClock;
        let mut bench = crate::ui::test_bench::shipped_bench();
        let version = bench.version().to_string();
        let rows = current_rows(&bench);
        assert_eq!(rows.len(), bench.documents().len());
        assert!(rows
            .windows(2)
            .all(|w| w[0].title.to_lowercase() <= w[1].title.to_lowercase()));
        let total: usize = rows.iter().map(|r| r.passages).sum();
        assert_eq!(
            total,
            bench.chunks().len(),
            "every passage belongs to a listed document"
        );
        let status = IndexStatus::of(&bench);
        assert_eq!(status.passages, bench.chunks().len());
        assert_eq!(status.edits, 0);
        assert!(
            status.flagged > 0,
            "the shipped corpus has flagged documents"
        );
        // Curated out means no passages; switching curation off indexes them.
        let out: Vec<&DocRow> = rows.iter().filter(|r| r.curated_out).collect();
        assert!(status.curated && !out.is_empty() && out.iter().all(|r| r.passages == 0));
        let mut settings = bench.settings();
        settings.curated = false;
        bench.set_settings(settings, &NoClock).unwrap();
        let all = current_rows(&bench);
        assert!(all.iter().all(|r| !r.curated_out && r.passages > 0));
        assert!(IndexStatus::of(&bench).passages > status.passages);

        let big =
            "The Pro plan costs $99 per user per month. Seats are billed monthly. ".repeat(1500);
        assert!(big.len() > 100_000);
        assert!(bench.edit_document("pricing", big, &NoClock).unwrap());
        let row = current_rows(&bench)
            .into_iter()
            .find(|r| r.id == "pricing")
            .unwrap();
        assert!(row.edited);
        assert!(
            row.passages > 100,
            "a long text gives many passages: {}",
            row.passages
        );
        // Markup and emoji with no sentence ends are one long passage, and still fine.
        let odd = "<script>alert(1)</script> 🙂 ".repeat(4000);
        assert!(bench.edit_document("pricing", odd, &NoClock).unwrap());
        let row = current_rows(&bench)
            .into_iter()
            .find(|r| r.id == "pricing")
            .unwrap();
        assert!(row.edited && row.passages >= 1);
        assert_eq!(IndexStatus::of(&bench).edits, 1);

        bench.set_version("v1", &NoClock).unwrap();
        assert!(current_rows(&bench).iter().all(|r| !r.edited));
        bench.set_version(&version, &NoClock).unwrap();
        assert!(current_rows(&bench)
            .iter()
            .any(|r| r.id == "pricing" && r.edited));
        bench.reset_document("pricing", &NoClock).unwrap();
        assert!(current_rows(&bench).iter().all(|r| !r.edited));
    }

    #[test]
    fn rows_follow_the_documents_and_mark_edits_of_this_version_only() {
        let corpus = Corpus::load_default().expect("the shipped corpus loads");
        let version = corpus.latest().to_string();
        let docs: Vec<Document> = corpus.documents_at(&version).into_iter().cloned().collect();
        let first = docs[0].id.clone();
        let mut edits = Edits::default();
        edits.set(&first, &version, "changed".into(), &docs[0].text);
        // An edit at another version does not mark this one.
        edits.set(&docs[1].id, "v1", "changed".into(), "original");
        let rows = doc_rows(&docs, &edits, &version, true, |id| id.len());
        assert_eq!(rows.len(), docs.len());
        assert_eq!(rows[0].id, first);
        assert!(rows[0].edited);
        assert!(!rows[1].edited);
        assert_eq!(rows[1].passages, docs[1].id.len());
        assert!(rows
            .iter()
            .any(|r| r.quality != Quality::Current && r.note.is_some()));
        assert!(rows
            .iter()
            .all(|r| r.curated_out == (r.quality != Quality::Current)));
        let uncurated = doc_rows(&docs, &edits, &version, false, |id| id.len());
        assert!(uncurated.iter().all(|r| !r.curated_out));
    }
}
