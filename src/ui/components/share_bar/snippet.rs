//! The iframe code for the current state: pure text building, tested natively.

use crate::ui::state::url_schema as url;

/// The iframe height suggested for a view, in CSS pixels: tall enough for its main content
/// on a laptop; hosts that listen for `resize` messages can follow the real height.
pub(crate) fn suggested_height(view_slug: &str) -> u32 {
    match view_slug {
        "ask" => 900,
        "map" | "inspector" => 820,
        "concepts" | "guide" => 760,
        _ => 800,
    }
}

/// What the snippet may carry of the learner's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Carry {
    /// Everything in the link (the sample corpus is shown).
    All,
    /// Everything but the question: it was asked of the learner's own documents, which stay in
    /// their browser; the embedded app shows the sample corpus, where the question would be
    /// out of place, and a host page would publish it.
    NoQuestion,
}

/// The query string for the embedded app: the current one, with `embed=1` set, and without the
/// question when `carry` says so. `query` may start with `?`; pairs are kept verbatim (they
/// are already URL-encoded).
pub(crate) fn embed_query(query: &str, carry: Carry) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !url::names(pair, url::EMBED))
        .filter(|pair| carry == Carry::All || !url::names(pair, url::QUESTION))
        .collect();
    let mut out = String::from("?");
    for pair in kept {
        out.push_str(pair);
        out.push('&');
    }
    out.push_str(url::EMBED);
    out.push_str("=1");
    out
}

/// The `<iframe>` element a host page can paste, with the source URL escaped for an
/// attribute.
pub(crate) fn iframe_code(
    page_without_query: &str,
    query: &str,
    height: u32,
    carry: Carry,
) -> String {
    let src = format!("{page_without_query}{}", embed_query(query, carry));
    format!(
        "<iframe src=\"{}\" title=\"RAG or fine-tune? An interactive explainer\" \
         width=\"100%\" height=\"{height}\" style=\"border:0;max-width:100%\" \
         loading=\"lazy\"></iframe>",
        escape_attribute(&src)
    )
}

fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_flag_is_added_once() {
        assert_eq!(
            embed_query("?view=map&q=a%20b", Carry::All),
            "?view=map&q=a%20b&embed=1"
        );
        assert_eq!(
            embed_query("?embed=0&view=ask", Carry::All),
            "?view=ask&embed=1"
        );
        assert_eq!(embed_query("", Carry::All), "?embed=1");
        assert_eq!(embed_query("?", Carry::All), "?embed=1");
    }

    /// A question about the learner's own documents never goes into a snippet (it was baked
    /// into a sample-corpus iframe); the rest of the state does.
    #[test]
    fn a_question_about_your_own_documents_is_left_out() {
        let query = "?view=ask&q=When%20is%20my%20rent%20due%3F&k=3&qq=1";
        let code = iframe_code("https://x.test/", query, 900, Carry::NoQuestion);
        assert!(!code.contains("rent"), "{code}");
        assert!(!code.contains("&amp;q="), "{code}");
        assert!(
            code.contains("?view=ask&amp;k=3&amp;qq=1&amp;embed=1"),
            "{code}"
        );
        let shared = iframe_code("https://x.test/", query, 900, Carry::All);
        assert!(shared.contains("q=When%20is%20my%20rent"), "{shared}");
    }

    #[test]
    fn iframe_code_escapes_the_url() {
        let code = iframe_code(
            "https://example.test/app/",
            "?view=ask&q=%22x%22",
            900,
            Carry::All,
        );
        assert!(code.starts_with(
            "<iframe src=\"https://example.test/app/?view=ask&amp;q=%22x%22&amp;embed=1\""
        ));
        assert!(code.contains("height=\"900\""));
        assert!(code.ends_with("></iframe>"));
        let hostile = iframe_code("https://x.test/\"><script>", "", 800, Carry::All);
        assert!(!hostile.contains("<script>"));
        assert!(hostile.contains("x.test/&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn every_view_gets_a_height() {
        assert_eq!(suggested_height("ask"), 900);
        assert_eq!(suggested_height("nowhere"), 800);
    }
}
