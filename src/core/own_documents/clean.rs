//! Turning untrusted bytes into clean text: size and binary checks, decoding, and the
//! normalisation every imported string goes through (control, zero-width and bidi-control
//! characters removed, line endings unified; RTL letters and emoji kept as given).

use super::{ImportError, MAX_FILE_BYTES};

/// Share of control bytes (other than tab, newline, carriage return, form feed) above which
/// bytes that are not valid UTF-8 are taken for a binary file rather than Latin-1 text.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Checks size and binary-ness and decodes `bytes` to a string: UTF-8 (a BOM is dropped),
/// UTF-16 with a BOM, or else Latin-1 when the bytes are clearly text. Not yet normalised.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_string(),
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
            total: false,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    if let Some(text) = decode_utf16(bytes) {
        return Ok(text);
    }
    let binary = || ImportError::Binary {
        file: file.to_string(),
    };
    if bytes.contains(&0) {
        return Err(binary());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string()),
        Err(_) => {
            let controls = bytes
                .iter()
                .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
                .count();
            if controls as f64 > MAX_CONTROL_SHARE * bytes.len() as f64 {
                return Err(binary());
            }
            // Not UTF-8 but text-like: read it as Latin-1 (every byte is a character).
            Ok(bytes.iter().map(|&b| char::from(b)).collect())
        }
    }
}

/// UTF-16 text with a byte-order mark, decoded; `None` without a BOM or when it does not
/// decode (unpaired surrogates, odd length).
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = match bytes {
        [0xff, 0xfe, rest @ ..] => (true, rest),
        [0xfe, 0xff, rest @ ..] => (false, rest),
        _ => return None,
    };
    if !body.len().is_multiple_of(2) {
        return None;
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let text: Result<String, _> = char::decode_utf16(units).collect();
    text.ok().filter(|t| !t.contains('\0'))
}

/// True for characters that are invisible and carry no text: zero-width spaces, the word
/// joiner, the BOM, the soft hyphen, and bidirectional controls (which can make text display
/// in an order other than the one it is stored in). ZWJ and ZWNJ stay: emoji sequences and
/// Persian or Indic spelling need them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{00ad}'
            | '\u{180e}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Normalises untrusted text: CRLF and lone CR become LF, the line and paragraph separators
/// become LF, tabs and newlines stay, every other control character and every invisible
/// character ([`is_invisible`]) goes. Letters of any script and emoji are kept as given.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' | '\u{0c}' | '\u{0b}' => out.push('\n'),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A one-line label (title, file name): normalised, whitespace runs collapsed, cut to
/// `max_chars` characters.
pub fn one_line(text: &str, max_chars: usize) -> String {
    let clean = normalise(text);
    let words: Vec<&str> = clean.split_whitespace().collect();
    words.join(" ").chars().take(max_chars).collect()
}

/// The text with trailing spaces removed from each line and runs of blank lines cut to one,
/// trimmed at both ends: what a document keeps.
pub fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_control_characters_go_and_scripts_stay() {
        let text = "a\u{200b}b\u{202e}c\r\nd\u{7}e \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{1f600}\u{200d}";
        assert_eq!(
            normalise(text),
            "abc\nde \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{1f600}\u{200d}"
        );
    }

    #[test]
    fn latin1_text_is_read_and_random_bytes_are_binary() {
        assert_eq!(decode("a.txt", b"caf\xe9 au lait").unwrap(), "café au lait");
        let noise: Vec<u8> = (0..400u32).map(|i| (i * 37 % 251) as u8).collect();
        assert!(matches!(
            decode("b.txt", &noise),
            Err(ImportError::Binary { .. })
        ));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hi \u{e9}".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode("u.txt", &bytes).unwrap(), "Hi \u{e9}");
    }

    #[test]
    fn tidy_lines_collapses_blank_runs() {
        assert_eq!(tidy_lines("\n\n a  \n\n\n\nb\nc  \n\n"), " a\n\nb\nc");
    }
}
