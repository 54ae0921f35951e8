//! Fuzzing the WordPiece tokenizer with arbitrary and stressed text: it never panics, every id
//! is in the vocabulary, truncation is respected, pre-tokenized pieces hold no whitespace, and
//! surrounding whitespace changes no ids.

mod fuzz;

use std::sync::OnceLock;

use proptest::prelude::*;
use rag_or_tune::core::tokenizer::{normalize, pre_tokenize, Tokenizer};

fn tokenizer() -> &'static Tokenizer {
    static TOKENIZER: OnceLock<Tokenizer> = OnceLock::new();
    TOKENIZER.get_or_init(|| {
        let root = env!("CARGO_MANIFEST_DIR");
        let vocab = std::fs::read_to_string(format!("{root}/tests/fixtures/teacher_vocab.txt"))
            .expect("vocab fixture");
        Tokenizer::from_vocab_text(&vocab).expect("vocab parses")
    })
}

fn check(text: &str, max_tokens: usize) {
    let t = tokenizer();
    let ids = t.encode(text);
    let size = t.vocab_size();
    assert!(
        ids.iter().all(|&id| (id as usize) < size),
        "id out of range"
    );
    assert!(ids.iter().all(|&id| t.token(id).is_some()));
    let truncated = t.encode_truncated(text, max_tokens);
    assert!(truncated.len() <= max_tokens);
    assert!(truncated.iter().all(|&id| (id as usize) < size));
}

proptest! {
    #![proptest_config(fuzz::config(256))]

    #[test]
    fn arbitrary_strings(text in any::<String>(), max in 0usize..600) {
        check(&text, max);
    }

    #[test]
    fn stressed_text(text in fuzz::stressed_text(40), max in 0usize..600) {
        check(&text, max);
    }

    #[test]
    fn bytes_read_lossily(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        check(&String::from_utf8_lossy(&bytes), 256);
    }

    #[test]
    fn vocabulary_from_arbitrary_lines(lines in proptest::collection::vec("\\PC{0,12}", 0..50)) {
        // Building a tokenizer from junk is an error or a working tokenizer, never a panic.
        if let Ok(t) = Tokenizer::from_vocab_text(&lines.join("\n")) {
            let ids = t.encode("hello world, \u{e9}t\u{e9} \u{1f600}");
            prop_assert!(ids.iter().all(|&id| (id as usize) < t.vocab_size()));
        }
    }

    #[test]
    fn pieces_are_whitespace_free_and_padding_changes_nothing(text in fuzz::stressed_text(30)) {
        // (Normalising is not idempotent by design: BERT pads CJK characters with spaces.)
        let normalized = normalize(&text);
        for piece in pre_tokenize(&normalized) {
            prop_assert!(!piece.is_empty() && !piece.contains(char::is_whitespace));
        }
        let t = tokenizer();
        prop_assert_eq!(t.encode(&format!("  {text}\n")), t.encode(&text));
    }
}
