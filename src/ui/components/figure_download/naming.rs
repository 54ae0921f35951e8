//! What a downloaded figure or table is called: its file name, its buttons' labels and the
//! one-line caption of the state it shows. Pure, so it is tested natively.

/// Every downloaded file's name starts with this, so a trainer's folder keeps them together.
pub(crate) const FILE_PREFIX: &str = "rag-or-tune-";

/// The file name for `slug` with the extension `ext`: `rag-or-tune-trade-off.svg`.
pub(crate) fn file_name(slug: &str, ext: &str) -> String {
    format!("{FILE_PREFIX}{slug}.{ext}")
}

/// A download button's accessible name: the visible words first ("Download SVG"), then what
/// is downloaded, so speech input and screen readers agree with what is shown.
pub(crate) fn button_label(format: &str, what: &str) -> String {
    format!("Download {format} of {what}")
}

/// "Documents as of v2" for the caption.
pub(crate) fn documents_part(version: &str) -> String {
    format!("documents as of {version}")
}

/// Which fine-tuned model answers, for the caption.
pub(crate) fn model_part(tuned_on: Option<&str>) -> String {
    match tuned_on {
        Some(version) => format!("model fine-tuned on {version}"),
        None => "no fine-tuned model".to_string(),
    }
}

/// How many passages retrieval reads, for the caption.
pub(crate) fn k_part(k: usize) -> String {
    format!("k = {k}")
}

/// The parts of a caption as one line: empty parts left out, joined by " · ", the first
/// letter capitalised, ending with a full stop.
pub(crate) fn caption_line(parts: &[String]) -> String {
    let line = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let mut chars = line.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_labels_say_what_is_downloaded() {
        assert_eq!(file_name("trade-off", "png"), "rag-or-tune-trade-off.png");
        assert_eq!(
            button_label("SVG", "the trade-off chart"),
            "Download SVG of the trade-off chart"
        );
    }

    #[test]
    fn a_caption_is_one_sentence_of_the_state() {
        let parts = [
            documents_part("v2"),
            model_part(Some("v1")),
            String::new(),
            k_part(5),
        ];
        assert_eq!(
            caption_line(&parts),
            "Documents as of v2 · model fine-tuned on v1 · k = 5."
        );
        assert_eq!(model_part(None), "no fine-tuned model");
        assert_eq!(caption_line(&[]), "");
    }
}
