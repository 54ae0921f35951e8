//! The Rust tokenizer against the teacher's tokenizer on the committed parity set
//! (tests/fixtures/tokenizer_parity.json, written by tools/distill/parity.py).

use rag_or_tune::core::tokenizer::Tokenizer;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    text: String,
    ids: Vec<u32>,
    /// Present when the text holds a literal special token: the ids with it read as text.
    ids_as_text: Option<Vec<u32>>,
}

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

fn load() -> (Tokenizer, Vec<Case>) {
    let root = env!("CARGO_MANIFEST_DIR");
    let vocab =
        std::fs::read_to_string(format!("{root}/tests/fixtures/teacher_vocab.txt")).unwrap();
    let json =
        std::fs::read_to_string(format!("{root}/tests/fixtures/tokenizer_parity.json")).unwrap();
    let fixture: Fixture = serde_json::from_str(&json).unwrap();
    (Tokenizer::from_vocab_text(&vocab).unwrap(), fixture.cases)
}

#[test]
fn matches_the_teacher_on_every_string() {
    let (tokenizer, cases) = load();
    assert!(cases.len() >= 2000, "parity set too small: {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let expected = case.ids_as_text.as_ref().unwrap_or(&case.ids);
        let got = tokenizer.encode(&case.text);
        if &got != expected {
            failures.push(format!(
                "{:?}\n  teacher {expected:?}\n  rust    {got:?}",
                case.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} strings differ; first ones:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The one intended difference: a literal "[CLS]" in user text is text, not the special id.
#[test]
fn literal_special_tokens_are_plain_text() {
    let (tokenizer, cases) = load();
    let special: Vec<&Case> = cases.iter().filter(|c| c.ids_as_text.is_some()).collect();
    assert!(
        special.len() >= 20,
        "too few special-token cases: {}",
        special.len()
    );
    let special_ids: Vec<u32> = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        .iter()
        .map(|t| tokenizer.id(t).unwrap())
        .collect();
    for case in special {
        let got = tokenizer.encode(&case.text);
        assert_ne!(
            got, case.ids,
            "{:?} tokenised like the teacher's special matching",
            case.text
        );
        let teacher_used_special = case.ids.iter().any(|id| special_ids.contains(id));
        assert!(
            teacher_used_special,
            "{:?}: the teacher should have matched a special",
            case.text
        );
    }
    assert_eq!(
        tokenizer.encode("[CLS] x"),
        ["[", "cl", "##s", "]", "x"]
            .iter()
            .map(|t| tokenizer.id(t).unwrap())
            .collect::<Vec<_>>()
    );
}

/// Truncating a single sequence without special tokens keeps its first ids.
#[test]
fn truncation_keeps_the_teacher_prefix() {
    let (tokenizer, cases) = load();
    for case in cases.iter().step_by(7) {
        let expected = case.ids_as_text.as_ref().unwrap_or(&case.ids);
        for max in [0, 1, 3, 16, 128] {
            let keep = max.min(expected.len());
            assert_eq!(
                tokenizer.encode_truncated(&case.text, max),
                expected[..keep],
                "{:?}",
                case.text
            );
        }
    }
}
