//! HTML reduced to plain text: tags stripped, the contents of `<script>`, `<style>` and the
//! like dropped, basic entities decoded, block elements turned into line breaks and headings
//! into Markdown headings (so the chunker sees sections). Nothing is ever executed or
//! rendered: the result is text, and a `<script>` that was escaped in the source comes out
//! as the literal characters `<script>`.

/// Elements whose content is not text a reader sees.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "svg", "math",
];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "blockquote",
    "pre",
    "hr",
    "form",
    "figure",
    "figcaption",
    "body",
    "html",
];

/// Text output with HTML whitespace rules: runs of whitespace collapse to one space, blocks
/// break lines.
struct Out {
    text: String,
    pending_space: bool,
}

impl Out {
    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
        }
    }

    fn push_break(&mut self, newlines: usize) {
        self.pending_space = false;
        let kept = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(kept);
        if self.text.is_empty() {
            return;
        }
        let have = self.text.len() - self.text.trim_end_matches('\n').len();
        for _ in have..newlines {
            self.text.push('\n');
        }
    }

    fn push_marker(&mut self, marker: &str) {
        self.text.push_str(marker);
        self.pending_space = false;
    }
}

/// The tag at the start of `rest` (which starts with `<`): its lowercase name, whether it is a
/// closing tag, and its length up to and including `>` (quotes in attributes respected).
/// `None` when `rest` is not a tag (a lone `<` in text).
fn parse_tag(rest: &str) -> Option<(String, bool, usize)> {
    let bytes = rest.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = rest[name_start..i].to_ascii_lowercase();
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(bytes[i]),
            (None, b'>') => return Some((name, closing, i + 1)),
            _ => {}
        }
        i += 1;
    }
    // An unterminated tag swallows the rest, as a browser would.
    Some((name, closing, bytes.len()))
}

/// End (exclusive) of the closing tag `</name ...>` in `text` from `from`, or the text's end.
fn skip_element(text: &str, from: usize, name: &str) -> usize {
    let needle = format!("</{name}");
    match find_ignore_case(&text[from..], &needle) {
        Some(at) => {
            let close = from + at;
            text[close..]
                .find('>')
                .map_or(text.len(), |g| close + g + 1)
        }
        None => text.len(),
    }
}

/// Byte offset of the first ASCII-case-insensitive match of `needle` (which starts with an ASCII
/// byte, so the offset is a char boundary); scans only up to the match.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Decodes the basic named entities and numeric references; unknown ones stay as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i + 1);
        let decoded = end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "copy" => '\u{a9}',
        "euro" => '\u{20ac}',
        "pound" => '\u{a3}',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201d}',
        "ldquo" => '\u{201c}',
        _ => return None,
    })
}

/// The plain text of an HTML document and its `<title>` (or first `<h1>`), if any.
pub fn html_to_text(html: &str) -> (Option<String>, String) {
    let mut out = Out {
        text: String::new(),
        pending_space: false,
    };
    let mut title: Option<String> = None;
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        let Some(lt) = rest.find('<') else {
            out.push_text(&decode_entities(rest));
            break;
        };
        out.push_text(&decode_entities(&rest[..lt]));
        i += lt;
        let rest = &html[i..];
        if let Some(body) = rest.strip_prefix("<!--") {
            i += 4 + body.find("-->").map_or(body.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let Some((name, closing, len)) = parse_tag(rest) else {
            out.push_text("<");
            i += 1;
            continue;
        };
        i += len;
        if !closing && name == "title" {
            let end = skip_element(html, i, "title");
            let inner = html[i..end]
                .rsplit_once('<')
                .map_or(&html[i..end], |(t, _)| t);
            title = title.or_else(|| Some(decode_entities(inner)));
            i = end;
        } else if !closing && DROPPED.contains(&name.as_str()) {
            i = skip_element(html, i, &name);
        } else if let Some(level) = heading_level(&name) {
            out.push_break(2);
            if !closing {
                out.push_marker(&format!("{} ", "#".repeat(level)));
            }
        } else if BLOCKS.contains(&name.as_str()) {
            out.push_break(if name == "br" || name == "li" { 1 } else { 2 });
            if name == "li" && !closing {
                out.push_marker("- ");
            }
        }
    }
    let text = out.text.trim().to_string();
    let title = title.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    let title = title.filter(|t| !t.is_empty()).or_else(|| {
        text.lines()
            .find_map(|l| l.strip_prefix("# "))
            .map(str::to_string)
    });
    (title, text)
}

fn heading_level(name: &str) -> Option<usize> {
    let digit = name.strip_prefix('h')?;
    let level: usize = digit.parse().ok()?;
    (1..=6).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_styles_vanish_and_text_stays() {
        let html = "<html><head><title>Leave &amp; pay</title><style>p{color:red}</style></head>\
            <body><h1>Leave</h1><p>You get <b>25</b> days.<script>alert('x')</script></p>\
            <p onclick=\"a>b\">Ask &lt;HR&gt;.</p><SCRIPT>steal()</SCRIPT></body></html>";
        let (title, text) = html_to_text(html);
        assert_eq!(title.as_deref(), Some("Leave & pay"));
        assert_eq!(text, "# Leave\n\nYou get 25 days.\n\nAsk <HR>.");
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("a&#39;b &#x1F600; &bogus; & x"),
            "a'b \u{1f600} &bogus; & x"
        );
    }

    #[test]
    fn list_items_become_markdown_items() {
        let (_, text) = html_to_text("<ul><li>One</li><li>Two</li></ul>");
        assert_eq!(text, "- One\n- Two");
    }
}
