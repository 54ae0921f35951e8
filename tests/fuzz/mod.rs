//! Shared pieces of the proptest fuzz targets (tests/fuzz_*.rs).

use proptest::prelude::*;
use proptest::test_runner::Config;

/// The proptest configuration: `default_cases` cases, or `PROPTEST_CASES` when set (for long
/// runs: `PROPTEST_CASES=200000 cargo test --release --test fuzz_chunker`).
pub fn config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

/// Text fragments that stress text handling: Markdown structure, sentence ends, abbreviations,
/// quotes, CR/LF, zero-width and bidi controls, RTL script, emoji (with ZWJ), combining marks,
/// NUL and other controls, HTML and entities, and long runs without spaces.
pub fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# ".to_string()),
        Just("## Heading\n".to_string()),
        Just("- ".to_string()),
        Just("12. ".to_string()),
        Just(". ".to_string()),
        Just("e.g. ".to_string()),
        Just("?! ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("\u{200b}\u{200d}\u{202e}\u{2066}\u{feff}".to_string()),
        Just(
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{627}\u{644}\u{639}\u{631}\u{628}\u{64a}\u{629}"
                .to_string()
        ),
        Just("\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{1f600}".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("\0\u{7}\u{1b}[31m".to_string()),
        Just("<script>alert(1)</script><p>x</p>&amp;&#x1F600;&#0;".to_string()),
        Just("$14 per user. 99.9% 2024-01-15 08:00\u{2013}18:00 CET".to_string()),
        "[a-zA-Z]{1,12} ".prop_map(|s| s),
        "[a-z]{200,2000}".prop_map(|s| s),
        "\\PC{0,40}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// Text built from [`fragment`]s.
pub fn stressed_text(max_fragments: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..max_fragments).prop_map(|parts| parts.concat())
}
