//! Nesting depth of JSON text, measured without parsing it, so that deeply nested input is
//! refused before a recursive parser sees it.

/// Where JSON text first nests deeper than `limit` arrays/objects: `Some(line)` (1-based), or
/// `None` when it stays within the limit. Brackets inside strings do not count. Works on any
/// text, valid JSON or not, in one pass.
pub fn first_too_deep(text: &str, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A human description of a serde_json error's position: "line 3, column 7".
pub fn json_position(err: &serde_json::Error) -> String {
    format!("line {}, column {}", err.line(), err.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        assert_eq!(first_too_deep("[[[]]]", 3), None);
        assert_eq!(first_too_deep("[[[[]]]]", 3), Some(1));
        assert_eq!(first_too_deep("[\"[[[[[\"]", 2), None);
        assert_eq!(first_too_deep("{\"a\\\"[[[\": 1}", 1), None);
        assert_eq!(first_too_deep("[\n[\n[", 2), Some(3));
    }
}
