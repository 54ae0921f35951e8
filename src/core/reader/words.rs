//! Word matching between a question and a sentence: content words compared by a crude stem.

/// A crude suffix strip so "refunds"/"refund" and "hosted"/"host" count as the same word in
/// coverage (paraphrases change a word's form more often than the word).
pub(super) fn stem(word: &str) -> String {
    if word.chars().count() <= 4 {
        return word.to_string();
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(root) = word.strip_suffix(suffix) {
            if root.chars().count() >= 3 {
                return root.to_string();
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems_strip_common_suffixes_of_longer_words() {
        assert_eq!(stem("refunds"), "refund");
        assert_eq!(stem("hosted"), "host");
        assert_eq!(stem("pro"), "pro", "short words stay whole");
    }
}
