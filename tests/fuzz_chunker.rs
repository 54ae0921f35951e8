//! Fuzzing the chunker and the sentence splitter with arbitrary and Markdown-like text: no
//! panic, every span in bounds and on character boundaries, sentences inside their chunk, in
//! order and disjoint, and chunks within the byte bound.

mod fuzz;

use proptest::prelude::*;
use rag_or_tune::core::corpus::{chunk_spans, markdown_sentences, MAX_CHUNK_BYTES};
use rag_or_tune::core::text::split_sentences;

fn check(body: &str) -> Result<(), TestCaseError> {
    let on_boundary = |at: usize| at <= body.len() && body.is_char_boundary(at);
    for s in split_sentences(body) {
        prop_assert!(s.start < s.end && on_boundary(s.start) && on_boundary(s.end));
    }
    for unit in markdown_sentences(body) {
        prop_assert!(on_boundary(unit.span.start) && on_boundary(unit.span.end));
    }
    let mut last_end = 0;
    for (span, sentences) in chunk_spans(body) {
        prop_assert!(span.start < span.end, "empty chunk");
        prop_assert!(on_boundary(span.start) && on_boundary(span.end));
        prop_assert!(span.start >= last_end, "chunks overlap or go back");
        prop_assert!(!sentences.is_empty());
        prop_assert_eq!(span.start, sentences[0].start);
        prop_assert_eq!(span.end, sentences[sentences.len() - 1].end);
        let mut prev = span.start;
        for s in &sentences {
            prop_assert!(s.start >= prev && s.start < s.end && s.end <= span.end);
            prop_assert!(on_boundary(s.start) && on_boundary(s.end));
            prev = s.end;
        }
        prop_assert!(
            span.end - span.start <= MAX_CHUNK_BYTES,
            "chunk of {} bytes",
            span.end - span.start
        );
        last_end = span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(fuzz::config(256))]

    #[test]
    fn arbitrary_strings(body in any::<String>()) {
        check(&body)?;
    }

    #[test]
    fn markdown_like_text(body in fuzz::stressed_text(60)) {
        check(&body)?;
    }

    #[test]
    fn long_lines_without_sentence_ends(word in "[a-z\u{5d0}-\u{5ea}\u{1f600}]{1,30}", n in 1usize..3_000) {
        let body = format!("{word} ").repeat(n);
        check(&body)?;
        check(&word.repeat(n))?;
    }
}
