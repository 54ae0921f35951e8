//! Fuzzing the pair and document importers: arbitrary bytes under every accepted extension are
//! either refused with an error or give results within the limits; well-formed CSV and JSON
//! written from random pairs (quotes, commas, newlines, CRLF, BOM) read back as those pairs.

mod fuzz;

use proptest::prelude::*;
use rag_or_tune::core::own_documents::{
    documents_from_file, is_invisible, pairs_from_file, QaPair, MAX_DOCUMENTS, MAX_FILE_BYTES,
    MAX_PAIRS, MAX_PAIR_CHARS, MAX_TITLE_CHARS,
};

fn clean(text: &str) -> bool {
    !text
        .chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible(c))
}

fn check_pairs(result: Result<Vec<QaPair>, rag_or_tune::core::own_documents::ImportError>) {
    match result {
        Ok(pairs) => {
            assert!(!pairs.is_empty() && pairs.len() <= MAX_PAIRS);
            for p in &pairs {
                for text in [&p.question, &p.answer] {
                    assert!(!text.is_empty() && text.chars().count() <= MAX_PAIR_CHARS);
                    assert!(clean(text) && !text.contains('\n'), "{text:?}");
                }
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

fn check_documents(name: &str, bytes: &[u8]) {
    match documents_from_file(name, bytes, &[]) {
        Ok(docs) => {
            assert!(!docs.is_empty() && docs.len() <= MAX_DOCUMENTS);
            for d in &docs {
                assert!(!d.text.trim().is_empty() && d.text.len() <= MAX_FILE_BYTES * 4);
                assert!(clean(&d.text) && clean(&d.title), "{:?}", d.title);
                assert!(!d.title.is_empty() && d.title.chars().count() <= MAX_TITLE_CHARS);
                assert!(d.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
            }
        }
        Err(e) => assert!(e.to_string().contains(name) || name.trim().is_empty()),
    }
}

/// A field as a spreadsheet would write it: quoted (quotes doubled) when it needs to be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn pair_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,\"'$%?.\u{e9}\u{5d0}\u{1f600}\n-]{0,40}"
}

proptest! {
    #![proptest_config(fuzz::config(256))]

    #[test]
    fn arbitrary_bytes_as_pairs(bytes in proptest::collection::vec(any::<u8>(), 0..3_000), csv in any::<bool>()) {
        check_pairs(pairs_from_file(if csv { "p.csv" } else { "p.json" }, &bytes));
    }

    #[test]
    fn stressed_text_as_pairs(text in fuzz::stressed_text(40), csv in any::<bool>()) {
        let name = if csv { "p.csv" } else { "p.json" };
        check_pairs(pairs_from_file(name, text.as_bytes()));
        check_pairs(pairs_from_file(name, format!("question,answer\n{text}").as_bytes()));
    }

    #[test]
    fn well_formed_csv_reads_back(
        rows in proptest::collection::vec((pair_text(), pair_text()), 1..30),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut csv = String::from(if bom { "\u{feff}question,answer" } else { "question,answer" });
        for (q, a) in &rows {
            csv.push_str(end);
            csv.push_str(&format!("{},{}", csv_field(q), csv_field(a)));
        }
        let result = pairs_from_file("p.csv", csv.as_bytes());
        let expected: Vec<(String, String)> = rows
            .iter()
            .map(|(q, a)| (one_line(q), one_line(a)))
            .collect();
        let blank = expected.iter().any(|(q, a)| q.is_empty() || a.is_empty());
        let mut seen = std::collections::HashSet::new();
        let repeated = expected.iter().any(|(q, _)| !seen.insert(q.to_lowercase()));
        match result {
            Ok(pairs) => {
                prop_assert!(!blank && !repeated);
                let got: Vec<(String, String)> =
                    pairs.into_iter().map(|p| (p.question, p.answer)).collect();
                prop_assert_eq!(got, expected);
            }
            // A row that is blank in every field is skipped like a blank line, so such input
            // may also be refused for a count mismatch; everything else must read.
            Err(e) => prop_assert!(blank || repeated, "{}", e),
        }
    }

    #[test]
    fn well_formed_json_reads_back(rows in proptest::collection::vec((pair_text(), pair_text()), 1..30)) {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(q, a)| serde_json::json!({"question": q, "answer": a}))
            .collect();
        let text = serde_json::to_string(&items).unwrap();
        check_pairs(pairs_from_file("p.json", text.as_bytes()));
    }

    #[test]
    fn arbitrary_bytes_as_documents(
        bytes in proptest::collection::vec(any::<u8>(), 0..3_000),
        ext in prop_oneof![Just("md"), Just("txt"), Just("html"), Just("json"), Just("pdf")],
    ) {
        check_documents(&format!("f.{ext}"), &bytes);
    }

    #[test]
    fn stressed_text_as_documents(
        text in fuzz::stressed_text(60),
        ext in prop_oneof![Just("md"), Just("txt"), Just("html"), Just("htm"), Just("json")],
    ) {
        check_documents(&format!("doc.{ext}"), text.as_bytes());
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
