//! A passage as a learner reads it: Markdown heading markers ("## ") dropped, lines kept, and
//! the supporting sentence split out so the view can highlight it.

/// `text` split around the sentence at bytes `from..to` into (before, sentence, after), with
/// the heading markers at line starts removed. Offsets out of range or off a character
/// boundary give the whole text as `before`.
pub fn passage_parts(text: &str, from: usize, to: usize) -> (String, String, String) {
    let from = from.min(text.len());
    let to = to.clamp(from, text.len());
    if !text.is_char_boundary(from) || !text.is_char_boundary(to) {
        return (
            without_markers(text, 0, text.len()),
            String::new(),
            String::new(),
        );
    }
    (
        without_markers(text, 0, from),
        without_markers(text, from, to),
        without_markers(text, to, text.len()),
    )
}

/// `text[start..end]` without the bytes of heading markers ("#", "##", ... and the spaces
/// after them at the start of a line).
fn without_markers(text: &str, start: usize, end: usize) -> String {
    let markers = heading_markers(text);
    let mut out = String::with_capacity(end - start);
    let mut at = start;
    for (m_start, m_end) in markers {
        if m_end <= at || m_start >= end {
            continue;
        }
        out.push_str(&text[at..m_start.max(at)]);
        at = m_end.min(end);
    }
    out.push_str(&text[at..end]);
    out
}

/// Byte ranges of the heading markers in `text`, in order.
fn heading_markers(text: &str) -> Vec<(usize, usize)> {
    let mut markers = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        let after = &rest[hashes..];
        if (1..=6).contains(&hashes) && after.starts_with([' ', '\t']) {
            let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
            markers.push((line_start + indent, line_start + indent + hashes + spaces));
        }
        line_start += line.len();
    }
    markers
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSAGE: &str =
        "Vacation requests go to your lead.\n\n## Office\n\nThe Oslo office opens at 08:00.";

    #[test]
    fn headings_lose_their_markers_and_the_sentence_is_split_out() {
        let from = PASSAGE.find("The Oslo").unwrap();
        let (before, sentence, after) = passage_parts(PASSAGE, from, PASSAGE.len());
        assert_eq!(before, "Vacation requests go to your lead.\n\nOffice\n\n");
        assert_eq!(sentence, "The Oslo office opens at 08:00.");
        assert_eq!(after, "");
    }

    #[test]
    fn hashes_that_are_not_headings_stay() {
        let text = "Ticket #42 is open.\n#hashtag\n####### seven";
        assert_eq!(passage_parts(text, 0, 0).2, text);
    }

    #[test]
    fn bad_offsets_give_the_whole_text() {
        let text = "## Caf\u{e9}\nOpen.";
        let (before, sentence, after) = passage_parts(text, 7, 9);
        assert_eq!(
            (before.as_str(), sentence.as_str(), after.as_str()),
            ("Caf\u{e9}\nOpen.", "", "")
        );
        let (before, sentence, _) = passage_parts(text, 99, 120);
        assert_eq!(
            (before.as_str(), sentence.as_str()),
            ("Caf\u{e9}\nOpen.", "")
        );
    }
}
