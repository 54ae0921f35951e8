//! Tests of `tokenizer`.

use super::*;

fn tiny() -> Tokenizer {
    let vocab = [
        "[PAD]", "[UNK]", "un", "##aff", "##able", "aff", "!", "a", "##a", "中",
    ];
    Tokenizer::from_tokens(vocab.iter().map(|s| s.to_string()).collect()).unwrap()
}

#[test]
fn greedy_longest_match_with_continuations() {
    let t = tiny();
    assert_eq!(t.encode("Unaffable!"), vec![2, 3, 4, 6]);
    assert_eq!(t.encode("  AFF\taaa "), vec![5, 7, 8, 8]);
}

#[test]
fn uncovered_word_is_one_unk_and_long_word_too() {
    let t = tiny();
    assert_eq!(t.encode("unaffx a"), vec![1, 7]);
    assert_eq!(t.encode(&"a".repeat(MAX_INPUT_CHARS_PER_WORD + 1)), vec![1]);
    assert_eq!(
        t.encode(&"a".repeat(MAX_INPUT_CHARS_PER_WORD)).len(),
        MAX_INPUT_CHARS_PER_WORD
    );
}

#[test]
fn normalizes_accents_cjk_controls() {
    assert_eq!(normalize("Héllo\u{0}\tWörld"), "hello world");
    assert_eq!(normalize("中a"), " 中 a");
    assert_eq!(pre_tokenize(" 中 a,b "), vec!["中", "a", ",", "b"]);
    assert_eq!(normalize("한"), "\u{1112}\u{1161}\u{11ab}");
}

#[test]
fn truncation_keeps_a_prefix() {
    let t = tiny();
    assert_eq!(t.encode_truncated("unaffable aff a", 2), vec![2, 3]);
    assert_eq!(t.encode_truncated("aff", 0), Vec::<u32>::new());
}

#[test]
fn bad_vocabularies_are_typed_errors() {
    assert_eq!(
        Tokenizer::from_vocab_text("").unwrap_err(),
        TokenizerError::EmptyVocab
    );
    assert_eq!(
        Tokenizer::from_vocab_text("a\nb\n").unwrap_err(),
        TokenizerError::MissingUnk
    );
    assert!(matches!(
        Tokenizer::from_vocab_text("[UNK]\na\na").unwrap_err(),
        TokenizerError::DuplicateToken {
            first_line: 2,
            line: 3,
            ..
        }
    ));
    assert_eq!(
        Tokenizer::from_vocab_text("[UNK]\n\na").unwrap_err(),
        TokenizerError::EmptyToken { line: 2 }
    );
    let t = Tokenizer::from_vocab_text("[UNK]\nab\n##c\r\n").unwrap();
    assert_eq!(
        (t.vocab_size(), t.id("##c"), t.token(1)),
        (3, Some(2), Some("ab"))
    );
}
