//! Broken corpora are rejected with messages that name the problem (file, line, id): duplicate
//! and dangling ids, missing passages, bad JSON, missing files, leaks of held-out wording and
//! demonstrations that break the house format.

use rag_or_tune::core::corpus::{Corpus, ErrorKind};

mod common;

use common::{describe, errors_of, fixture, fixture_files, replace};

#[test]
fn the_baseline_fixture_is_valid() {
    let corpus =
        Corpus::parse(&fixture_files("baseline")).unwrap_or_else(|e| panic!("{}", describe(&e)));
    assert_eq!(corpus.facts.len(), 1);
    assert_eq!(
        Corpus::load_dir(&fixture("baseline"))
            .unwrap()
            .questions
            .len(),
        2
    );
}

#[test]
fn rejects_a_duplicate_fact_id() {
    let errors = errors_of(&fixture_files("duplicate_id"));
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    let e = &errors[0];
    assert_eq!(
        (e.kind, e.file.as_str(), e.line),
        (ErrorKind::DuplicateId, "facts.txt", 11)
    );
    assert!(
        e.message.contains("price.basic") && e.message.contains("line 2"),
        "{e}"
    );
}

#[test]
fn rejects_a_missing_passage() {
    let errors = errors_of(&fixture_files("missing_passage"));
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    let e = &errors[0];
    assert_eq!(
        (e.kind, e.file.as_str(), e.line),
        (ErrorKind::MissingPassage, "facts.txt", 9)
    );
    assert!(
        e.message.contains("Basic now costs $6") && e.message.contains("docs/prices.v2.md"),
        "{e}"
    );
}

#[test]
fn rejects_a_dangling_fact() {
    let errors = errors_of(&fixture_files("dangling_fact"));
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    let e = &errors[0];
    assert_eq!(
        (e.kind, e.file.as_str(), e.line),
        (ErrorKind::DanglingFact, "questions.txt", 5)
    );
    assert!(e.message.contains("price.premium"), "{e}");
}

#[test]
fn reports_every_problem_of_a_malformed_corpus() {
    let errors = errors_of(&fixture_files("malformed"));
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.kind, e.file.as_str(), e.line))
        .collect();
    assert_eq!(
        found,
        [
            (ErrorKind::Malformed, "docs/prices.v2.md", 5),
            (ErrorKind::BadField, "unanswerable.txt", 2),
        ],
        "{}",
        describe(&errors)
    );
    assert!(errors[1].message.contains("false premise"));
}

#[test]
fn rejects_bad_json_missing_files_leaks_and_bad_demonstrations() {
    let mut files = fixture_files("baseline");
    replace(
        &mut files,
        "index.json",
        "\"snapshot\": \"v1\",",
        "\"snapshot\": \"v1\"",
    );
    let e = &errors_of(&files)[0];
    // serde reports the line where it noticed the missing comma: the next one.
    assert_eq!((e.kind, e.line), (ErrorKind::Malformed, 5), "{e}");

    let mut files = fixture_files("baseline");
    files.retain(|(p, _)| p != "docs/prices.v2.md");
    let errors = errors_of(&files);
    assert!(errors
        .iter()
        .any(|e| e.kind == ErrorKind::MissingFile && e.file == "docs/prices.v2.md"));
    assert!(
        errors.iter().any(|e| e.kind == ErrorKind::DanglingDocument),
        "{}",
        describe(&errors)
    );

    let mut files = fixture_files("baseline");
    replace(
        &mut files,
        "questions.txt",
        "heldout: What does the entry plan cost per head?",
        "heldout: How much is  basic?",
    );
    let e = &errors_of(&files)[0];
    assert_eq!((e.kind, e.line), (ErrorKind::DuplicateId, 3), "{e}");

    let mut files = fixture_files("baseline");
    replace(
        &mut files,
        "demonstrations.txt",
        "answer: Price: $6 per user per month",
        "answer: Cost: $6",
    );
    let e = &errors_of(&files)[0];
    assert_eq!((e.kind, e.line), (ErrorKind::FormatViolation, 7), "{e}");
    assert!(e.message.contains("R4"), "{e}");

    let mut files = fixture_files("baseline");
    replace(
        &mut files,
        "demonstrations.txt",
        "costs $6 per user per month.\n",
        "costs $5 per user per month.\n",
    );
    replace(&mut files, "demonstrations.txt", "Price: $6", "Price: $5");
    let e = &errors_of(&files)[0];
    assert_eq!(e.kind, ErrorKind::ValueMismatch, "{e}");
}
