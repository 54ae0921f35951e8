//! A table as CSV (RFC 4180): fields quoted when they hold a comma, a quote or a line break,
//! quotes doubled, lines ended with CRLF, and a UTF-8 byte order mark first so spreadsheet
//! programs read "é" and "·" as written. Pure, so it is tested natively.

/// The type a CSV file is downloaded as.
pub(crate) const CSV_MIME: &str = "text/csv;charset=utf-8";

/// The byte order mark that tells spreadsheet programs the file is UTF-8.
pub(crate) const UTF8_BOM: char = '\u{feff}';

/// One field, quoted only when it must be.
pub(crate) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The rows (the header first) as one CSV text.
pub(crate) fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from(UTF8_BOM);
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A cell's text as a reader sees it: runs of white space (from the page's indentation or a
/// line break inside a cell) become one space, and the ends are trimmed.
pub(crate) fn cell_text(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("Retrieval"), "Retrieval");
        assert_eq!(csv_field("1,000"), "\"1,000\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn rows_end_in_crlf_after_a_byte_order_mark() {
        let rows = vec![
            vec!["Mode".to_string(), "Cost, USD".to_string()],
            vec!["Fine-tuned · é".to_string(), "0.5".to_string()],
        ];
        assert_eq!(
            to_csv(&rows),
            "\u{feff}Mode,\"Cost, USD\"\r\nFine-tuned · é,0.5\r\n"
        );
        assert_eq!(to_csv(&[]), "\u{feff}");
    }

    #[test]
    fn cell_text_collapses_the_page_layout() {
        assert_eq!(cell_text("\n   Retrieval \n  (RAG)  "), "Retrieval (RAG)");
        assert_eq!(cell_text("   "), "");
    }
}
