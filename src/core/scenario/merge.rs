//! Two copies of the learner's work that changed apart (two browser tabs) put together.
//! Documents and pairs are sets, so the merge keeps every one of both copies; everything else
//! (edits, settings, the model, the question) is one choice and comes from the copy kept.

use std::collections::HashSet;

use super::Scenario;
use crate::core::own_documents::{
    duplicate_key, unique_id, MAX_DOCUMENTS, MAX_PAIRS, MAX_TOTAL_BYTES,
};

/// The merged work and what the other copy added to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// `kept` with the other copy's documents and pairs added.
    pub scenario: Scenario,
    /// Documents taken from the other copy.
    pub documents_added: usize,
    /// Pairs taken from the other copy.
    pub pairs_added: usize,
    /// Documents and pairs of the other copy left out because the limits were reached.
    pub left_out: usize,
}

/// `kept` plus every document and pair of `other` that `kept` does not have. A document is
/// the same when its words are (whatever its title); one with a taken id gets a fresh one. A
/// pair is the same when question and answer are. The own_documents limits hold in the result.
pub fn merge_work(kept: &Scenario, other: &Scenario) -> Merged {
    let mut scenario = kept.clone();
    let mut words: HashSet<String> = kept
        .documents
        .iter()
        .map(|d| duplicate_key(&d.text))
        .collect();
    let mut ids: HashSet<String> = kept.documents.iter().map(|d| d.id.clone()).collect();
    let mut total: usize = kept.documents.iter().map(|d| d.text.len()).sum();
    let (mut documents_added, mut pairs_added, mut left_out) = (0, 0, 0);
    for document in &other.documents {
        if !words.insert(duplicate_key(&document.text)) {
            continue;
        }
        let fits = scenario.documents.len() < MAX_DOCUMENTS
            && total + document.text.len() <= MAX_TOTAL_BYTES;
        if !fits {
            left_out += 1;
            continue;
        }
        let mut added = document.clone();
        if ids.contains(&added.id) {
            added.id = unique_id(&added.title, &mut ids);
        } else {
            ids.insert(added.id.clone());
        }
        total += added.text.len();
        scenario.documents.push(added);
        documents_added += 1;
    }
    for pair in &other.pairs {
        if scenario.pairs.contains(pair) {
            continue;
        }
        if scenario.pairs.len() >= MAX_PAIRS {
            left_out += 1;
            continue;
        }
        scenario.pairs.push(pair.clone());
        pairs_added += 1;
    }
    Merged {
        scenario,
        documents_added,
        pairs_added,
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::own_documents::{QaPair, UserDocument};
    use crate::core::scenario::{
        from_json, to_json, ActiveCorpus, RetrievalScenario, Toggles, TuningScenario,
        SCENARIO_FORMAT, SCENARIO_VERSION,
    };
    use crate::core::workbench::{RetrievalSettings, TuneSettings};

    fn document(id: &str, title: &str, text: &str) -> UserDocument {
        UserDocument {
            id: id.into(),
            title: title.into(),
            source: "pasted".into(),
            text: text.into(),
        }
    }

    fn pair(q: &str, a: &str) -> QaPair {
        QaPair {
            question: q.into(),
            answer: a.into(),
        }
    }

    fn work(documents: Vec<UserDocument>, pairs: Vec<QaPair>, question: &str) -> Scenario {
        Scenario {
            format: SCENARIO_FORMAT.into(),
            version: SCENARIO_VERSION,
            active: ActiveCorpus::Own,
            corpus_version: "v1".into(),
            edits: Vec::new(),
            documents,
            pairs,
            retrieval: RetrievalScenario::from_settings(&RetrievalSettings::default()),
            tuning: TuningScenario::from_settings(&TuneSettings::default(), None),
            toggles: Toggles {
                retrieval: true,
                tuned: true,
            },
            question: question.into(),
        }
    }

    #[test]
    fn documents_and_pairs_of_both_tabs_are_kept_and_the_rest_is_the_kept_copys() {
        let alpha = document("alpha", "Alpha", "Alpha opens at nine.");
        let beta = document("beta", "Beta", "Beta closes at five.");
        let kept = work(vec![alpha.clone()], vec![pair("When?", "nine")], "mine");
        let other = work(
            vec![alpha.clone(), beta.clone()],
            vec![pair("When?", "nine"), pair("Close?", "five")],
            "theirs",
        );
        let merged = merge_work(&kept, &other);
        assert_eq!(merged.scenario.documents, vec![alpha, beta]);
        assert_eq!(merged.scenario.pairs.len(), 2);
        assert_eq!(merged.scenario.question, "mine");
        assert_eq!((merged.documents_added, merged.pairs_added), (1, 1));
        assert!(
            from_json(&to_json(&merged.scenario)).is_ok(),
            "the merge validates"
        );
    }

    #[test]
    fn a_different_document_under_a_taken_id_gets_a_fresh_id() {
        let kept = work(vec![document("notes", "Notes", "One.")], vec![], "");
        let other = work(vec![document("notes", "Notes", "Two.")], vec![], "");
        let merged = merge_work(&kept, &other);
        let ids: Vec<&str> = merged
            .scenario
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, ["notes", "notes-2"]);
    }

    #[test]
    fn the_same_words_under_another_title_or_spacing_are_one_document() {
        let kept = work(vec![document("a", "A", "Open  at nine.")], vec![], "");
        let other = work(vec![document("b", "B", "Open at\nnine.")], vec![], "");
        let merged = merge_work(&kept, &other);
        assert_eq!(merged.scenario.documents.len(), 1);
        assert_eq!(merged.documents_added, 0);
    }

    #[test]
    fn the_limits_hold_and_what_did_not_fit_is_counted() {
        let many: Vec<UserDocument> = (0..MAX_DOCUMENTS)
            .map(|i| document(&format!("d{i}"), "D", &format!("Text {i}.")))
            .collect();
        let kept = work(many, vec![], "");
        let other = work(vec![document("new", "New", "Something else.")], vec![], "");
        let merged = merge_work(&kept, &other);
        assert_eq!(merged.scenario.documents.len(), MAX_DOCUMENTS);
        assert_eq!(merged.left_out, 1);
    }
}
