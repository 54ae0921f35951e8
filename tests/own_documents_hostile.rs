//! Hostile input to the importers: each is refused with a sentence that names the file and the
//! limit, line or path, or is cleaned into plain text; nothing panics.

use rag_or_tune::core::corpus::{chunk_spans, MAX_CHUNK_BYTES};
use rag_or_tune::core::own_documents::{
    document_from_paste, documents_from_file, pairs_from_file, user_corpus, ImportError, QaPair,
    MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_TOTAL_BYTES,
};

fn refusal(name: &str, bytes: &[u8]) -> (ImportError, String) {
    let err = documents_from_file(name, bytes, &[]).expect_err("refused");
    let text = err.to_string();
    (err, text)
}

#[test]
fn empty_and_whitespace_files_are_refused() {
    for bytes in [&b""[..], b"  \n\t\r\n"] {
        let (err, text) = refusal("notes.txt", bytes);
        assert!(matches!(err, ImportError::Empty { .. }), "{err:?}");
        assert_eq!(text, "notes.txt is empty: there is nothing to add.");
    }
    let err = pairs_from_file("pairs.csv", b"question,answer\r\n").unwrap_err();
    assert!(matches!(err, ImportError::Empty { .. }), "{err:?}");
    let err = document_from_paste("", " \u{200b}\u{202e} ", &[]).unwrap_err();
    assert!(matches!(err, ImportError::NoText { .. }), "{err:?}");
}

#[test]
fn binary_files_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    let (err, text) = refusal("photo.md", png);
    assert!(matches!(err, ImportError::Binary { .. }), "{err:?}");
    assert!(
        text.starts_with("photo.md looks like a binary file"),
        "{text}"
    );
    let noise: Vec<u8> = (0..5_000u32).map(|i| (i * 7919 % 256) as u8).collect();
    let (err, _) = refusal("noise.txt", &noise);
    assert!(matches!(err, ImportError::Binary { .. }), "{err:?}");
    let err = pairs_from_file("pairs.csv", &noise).unwrap_err();
    assert!(matches!(err, ImportError::Binary { .. }), "{err:?}");
}

#[test]
fn files_over_the_limit_are_refused_naming_it() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let (err, text) = refusal("huge.txt", &big);
    assert!(
        matches!(err, ImportError::TooLarge { total: false, .. }),
        "{err:?}"
    );
    assert_eq!(
        text,
        "huge.txt is too large (1,048,577 bytes): the limit is 1 MiB per file."
    );
    let text = pairs_from_file("huge.csv", &big).unwrap_err().to_string();
    assert!(text.contains("the limit is 1 MiB per file"), "{text}");
    // A file of exactly 1 MiB is within the limit.
    let mib = format!("{}x", "word ".repeat(1_048_575 / 5));
    assert_eq!(mib.len(), 1_048_576);
    assert!(documents_from_file("mib.txt", mib.as_bytes(), &[]).is_ok());
    let paste = "word ".repeat(MAX_FILE_BYTES / 5 + 1);
    let text = document_from_paste("x", &paste, &[])
        .unwrap_err()
        .to_string();
    assert!(text.starts_with("The pasted text is too large"), "{text}");
}

#[test]
fn the_total_and_the_count_of_documents_are_limited() {
    let chunk = |i: usize| format!("Document {i}. {}", "Some text here. ".repeat(60_000));
    let mut docs = Vec::new();
    while docs.len() < MAX_TOTAL_BYTES / 960_000 {
        let i = docs.len();
        docs.extend(documents_from_file(&format!("d{i}.txt"), chunk(i).as_bytes(), &docs).unwrap());
    }
    let err = documents_from_file("last.txt", chunk(99).as_bytes(), &docs).unwrap_err();
    assert!(
        matches!(err, ImportError::TooLarge { total: true, .. }),
        "{err:?}"
    );
    assert!(err
        .to_string()
        .contains("the limit is 4 MB for all documents together"));

    let mut small = Vec::new();
    for i in 0..MAX_DOCUMENTS {
        small.push(document_from_paste(&format!("n{i}"), &format!("Note {i}."), &small).unwrap());
    }
    let err = document_from_paste("one more", "Another note.", &small).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The pasted text would make more than 200 documents: the limit is 200."
    );
}

#[test]
fn malformed_json_and_csv_say_where() {
    let (_, text) = refusal(
        "docs.json",
        b"[{\"title\": \"a\", \"text\": \"b\"},\n {\"title\": 3",
    );
    assert!(
        text.starts_with("docs.json could not be read at line 2, column"),
        "{text}"
    );
    let (_, text) = refusal("docs.json", b"[{\"title\": \"a\", \"text\": 5}]");
    assert_eq!(
        text,
        "docs.json could not be read at [0].text: must be a string."
    );
    let (_, text) = refusal("docs.json", b"[{\"title\": \"a\"}]");
    assert_eq!(text, "docs.json could not be read at [0].text: is missing.");

    let csv = "question,answer\n\"What is it?\",fine\nWhy \"so\"?,no\n";
    let text = pairs_from_file("p.csv", csv.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        text.starts_with("p.csv could not be read at line 3: a quote"),
        "{text}"
    );
    let csv = "question,answer\nA?,b\n\"Open?,never closed\nmore\n";
    let text = pairs_from_file("p.csv", csv.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("at line 3: a quoted field is never closed"),
        "{text}"
    );
    let csv = "question,answer\nA?,b,c\n";
    let text = pairs_from_file("p.csv", csv.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("line 2: 3 fields where the header has 2"),
        "{text}"
    );
    let text = pairs_from_file("p.csv", b"q,a\nA?,b\n")
        .unwrap_err()
        .to_string();
    assert!(text.contains("line 1: the first row must be the header question,answer"));
    let csv = "question,answer\nA?,b\n\nA?,c\n";
    let text = pairs_from_file("p.csv", csv.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("line 4: the same question is already at line 2"),
        "{text}"
    );
    let text = pairs_from_file("p.json", b"[{\"question\": \"a\"}]")
        .unwrap_err()
        .to_string();
    assert!(text.contains("[0].answer: is missing"), "{text}");
}

#[test]
fn csv_quoting_bom_and_crlf_are_read() {
    let csv = "\u{feff}Question,Answer\r\n\"Price, per seat?\",\"$14 \"\"flat\"\"\"\r\n\
               \"Two\r\nlines?\",yes\r\n";
    let pairs = pairs_from_file("p.csv", csv.as_bytes()).unwrap();
    assert_eq!(
        pairs,
        [
            QaPair {
                question: "Price, per seat?".into(),
                answer: "$14 \"flat\"".into()
            },
            QaPair {
                question: "Two lines?".into(),
                answer: "yes".into()
            },
        ]
    );
}

#[test]
fn an_enormous_single_line_becomes_bounded_passages() {
    let line = "lorem ipsum dolor sit amet consectetur ".repeat(5_200);
    assert!(line.len() > 200_000);
    let docs = documents_from_file("log.txt", line.as_bytes(), &[]).unwrap();
    let chunks = chunk_spans(&docs[0].text);
    assert!(chunks.len() > 200, "{}", chunks.len());
    assert!(chunks
        .iter()
        .all(|(s, _)| s.end - s.start <= MAX_CHUNK_BYTES));
}

#[test]
fn deeply_nested_json_is_refused_before_parsing() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (err, text) = refusal("deep.json", deep.as_bytes());
    assert_eq!(
        err,
        ImportError::TooDeep {
            file: "deep.json".into(),
            limit: MAX_JSON_DEPTH,
            line: 1
        }
    );
    assert!(text.contains("the limit is 32 levels"), "{text}");
    let err = pairs_from_file("deep.json", deep.as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::TooDeep { .. }), "{err:?}");
}

#[test]
fn html_and_script_become_plain_text_and_nothing_runs() {
    let html = "<!DOCTYPE html><html><head><title>Tricky &lt;b&gt;</title>\
        <style>body{display:none}</style></head><body onload=\"alert(1)\">\
        <h2>Refunds</h2><p>Refunds take <em>14 days</em>.<script>alert('x')</script></p>\
        <img src=x onerror=alert(2)><!-- <script>hidden()</script> -->\
        <p>Write &lt;script&gt;alert(3)&lt;/script&gt; to test.</p></body></html>";
    let docs = documents_from_file("page.html", html.as_bytes(), &[]).unwrap();
    let doc = &docs[0];
    assert_eq!(doc.title, "Tricky <b>");
    assert_eq!(
        doc.text,
        "## Refunds\n\nRefunds take 14 days.\n\nWrite <script>alert(3)</script> to test."
    );
    assert!(!doc.text.contains("alert('x')") && !doc.text.contains("onerror"));
    let (err, _) = refusal(
        "only-script.htm",
        b"<script>alert(1)</script><style>x{}</style>",
    );
    assert!(matches!(err, ImportError::NoText { .. }), "{err:?}");
}

#[test]
fn zero_width_and_bidi_controls_go_rtl_and_emoji_stay() {
    let text = "Sh\u{200b}ip\u{feff} \u{202e}date\u{202c} \u{2067}\u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{2069} \
                \u{645}\u{631}\u{62d}\u{628}\u{627} \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{1f680}\r\nnext\u{7}";
    let doc = document_from_paste("T\u{200b}itle \u{202e}", text, &[]).unwrap();
    assert_eq!(doc.title, "Title");
    assert_eq!(
        doc.text,
        "Ship date \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{645}\u{631}\u{62d}\u{628}\u{627} \
         \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{1f680}\nnext"
    );
}

#[test]
fn duplicated_documents_are_refused_naming_the_earlier_one() {
    let first = documents_from_file("a.md", b"# Leave\n\nLeave is 27 days.", &[]).unwrap();
    let err =
        documents_from_file("copy.txt", b"# Leave\n\n  Leave is   27 days.\n", &first).unwrap_err();
    assert_eq!(
        err.to_string(),
        "copy.txt has the same text as \"Leave\", which is already added."
    );
    let twice =
        b"[{\"title\": \"A\", \"text\": \"Same.\"}, {\"title\": \"B\", \"text\": \"Same.\"}]";
    let (_, text) = refusal("two.json", twice);
    assert_eq!(
        text,
        "two.json has the same text as \"A\", which is already added."
    );
}

#[test]
fn ids_are_unique_slugs_and_other_file_types_are_refused() {
    let a = document_from_paste("Hand book!", "One.", &[]).unwrap();
    let b = document_from_paste("Hand book?", "Two.", std::slice::from_ref(&a)).unwrap();
    let c = document_from_paste(
        "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
        "Three.",
        &[a.clone(), b.clone()],
    )
    .unwrap();
    assert_eq!(
        [a.id.as_str(), b.id.as_str(), c.id.as_str()],
        ["hand-book", "hand-book-2", "doc"]
    );
    let (err, text) = refusal("slides.pdf", b"%PDF-1.7");
    assert!(matches!(err, ImportError::Unsupported { .. }), "{err:?}");
    assert!(
        text.starts_with("slides.pdf is not a file type this page reads"),
        "{text}"
    );
    let (_, text) = refusal("<img src=x onerror=alert(1)>.exe", b"MZ");
    assert!(
        text.starts_with("<img src=x onerror=alert(1)>.exe is not"),
        "names stay text: {text}"
    );
}

#[test]
fn pairs_need_documents_and_the_user_corpus_checks_limits_again() {
    let pair = QaPair {
        question: "Q?".into(),
        answer: "A".into(),
    };
    assert_eq!(
        user_corpus(&[], std::slice::from_ref(&pair)).unwrap_err(),
        ImportError::NoDocuments
    );
    assert!(user_corpus(&[], &[]).unwrap().documents.is_empty());
    let doc = document_from_paste("A", "Alpha.", &[]).unwrap();
    let twin = doc.clone();
    let err = user_corpus(&[doc, twin], &[pair]).unwrap_err();
    assert!(
        err.to_string().contains("used by another document"),
        "{err}"
    );
}

#[test]
fn a_question_asked_twice_is_learned_once_from_its_first_row() {
    let doc =
        document_from_paste("Gym", "The gym opens at 6am. Parking is in Lot B.", &[]).unwrap();
    let pair = |q: &str, a: &str| QaPair {
        question: q.into(),
        answer: a.into(),
    };
    let pairs = [
        pair("When does the gym open?", "6am"),
        pair("when does the GYM open?", "7am"),
        pair("Where is parking?", "Lot B"),
    ];
    let corpus = user_corpus(&[doc], &pairs).unwrap();
    let asked: Vec<&str> = corpus.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(asked, ["When does the gym open?", "Where is parking?"]);
    let answers: Vec<&str> = corpus
        .facts
        .iter()
        .map(|f| f.values[0].value.as_str())
        .collect();
    assert_eq!(answers, ["6am", "Lot B"]);
}

#[test]
fn a_file_named_only_by_its_extension_gets_a_title() {
    let docs = documents_from_file(".md", b"Plain text without a heading.", &[]).unwrap();
    assert_eq!(docs[0].title, "Untitled");
}
