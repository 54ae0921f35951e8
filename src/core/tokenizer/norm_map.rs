//! The normaliser's rewrite table ([`NORM_MAP`]) in a compact form, built at compile time.
//!
//! As a `static [(u32, &str)]` the table cost 38 KB of data (a key, a pointer and a length per
//! entry) plus 10 KB of strings; this form makes the gzipped app wasm 6 KiB smaller. Almost
//! every replacement is one character, or one character between two spaces (CJK compatibility
//! ideographs), so each entry here is a key and a 32-bit code: the replacement's offset from the
//! key, which repeats a lot and compresses well, or for the few longer replacements an index
//! into [`LONGER`].
//! `NORM_MAP` itself is a `const`, so it is only read by the compiler and not linked.

use super::unicode_tables::NORM_MAP;

/// What a code point is rewritten to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replacement {
    /// One character.
    Char(char),
    /// One character with a space on each side.
    Padded(char),
    /// Any other text.
    Text(&'static str),
}

/// Added to the code offset of a padded replacement.
const PADDED: i32 = 0x40_0000;
/// Added to the index into [`LONGER`] of a longer replacement.
const LONGER_INDEX: i32 = 0x80_0000;

/// The decoded first character of `bytes` and its length in bytes (valid UTF-8 assumed, as
/// every `&str` is).
const fn first_char(bytes: &[u8], at: usize) -> (u32, usize) {
    let b = bytes[at] as u32;
    if b < 0x80 {
        (b, 1)
    } else if b < 0xE0 {
        (((b & 0x1F) << 6) | (bytes[at + 1] as u32 & 0x3F), 2)
    } else if b < 0xF0 {
        let c = ((b & 0x0F) << 12) | ((bytes[at + 1] as u32 & 0x3F) << 6);
        (c | (bytes[at + 2] as u32 & 0x3F), 3)
    } else {
        let c = ((b & 0x07) << 18) | ((bytes[at + 1] as u32 & 0x3F) << 12);
        let c = c | ((bytes[at + 2] as u32 & 0x3F) << 6);
        (c | (bytes[at + 3] as u32 & 0x3F), 4)
    }
}

/// The single character of `s` and whether it stands between two spaces; `None` for any other
/// shape.
const fn single(s: &str) -> Option<(u32, bool)> {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    let (c, len) = first_char(bytes, 0);
    if len == bytes.len() {
        return Some((c, false));
    }
    if bytes[0] == b' ' && bytes.len() >= 3 && bytes[bytes.len() - 1] == b' ' {
        let (inner, len) = first_char(bytes, 1);
        if 1 + len + 1 == bytes.len() {
            return Some((inner, true));
        }
    }
    None
}

const fn count_longer() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < NORM_MAP.len() {
        if single(NORM_MAP[i].1).is_none() {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The replacements that are not one (padded) character, in key order.
static LONGER: [&str; count_longer()] = {
    let mut out = [""; count_longer()];
    let (mut i, mut n) = (0, 0);
    while i < NORM_MAP.len() {
        if single(NORM_MAP[i].1).is_none() {
            out[n] = NORM_MAP[i].1;
            n += 1;
        }
        i += 1;
    }
    out
};

/// The rewritten code points, sorted (as in `NORM_MAP`).
static KEYS: [u32; NORM_MAP.len()] = {
    let mut out = [0; NORM_MAP.len()];
    let mut i = 0;
    while i < NORM_MAP.len() {
        out[i] = NORM_MAP[i].0;
        i += 1;
    }
    out
};

/// Per key: the replacement's code point minus the key, plus [`PADDED`] when padded; or
/// [`LONGER_INDEX`] plus its index in [`LONGER`].
static CODES: [i32; NORM_MAP.len()] = {
    let mut out = [0; NORM_MAP.len()];
    let (mut i, mut n) = (0, 0);
    while i < NORM_MAP.len() {
        let (key, text) = NORM_MAP[i];
        out[i] = match single(text) {
            Some((c, padded)) => c as i32 - key as i32 + if padded { PADDED } else { 0 },
            None => {
                n += 1;
                LONGER_INDEX + n - 1
            }
        };
        i += 1;
    }
    out
};

/// What the normaliser rewrites code point `cp` to, or `None` when it keeps it.
pub fn lookup(cp: u32) -> Option<Replacement> {
    let i = KEYS.binary_search(&cp).ok()?;
    let code = CODES[i];
    if code >= LONGER_INDEX {
        return LONGER
            .get((code - LONGER_INDEX) as usize)
            .copied()
            .map(Replacement::Text);
    }
    let (offset, padded) = if code >= PADDED / 2 {
        (code - PADDED, true)
    } else {
        (code, false)
    };
    let c = char::from_u32(cp.wrapping_add_signed(offset))?;
    Some(if padded {
        Replacement::Padded(c)
    } else {
        Replacement::Char(c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_decodes_to_its_text() {
        let mut longer = 0;
        for &(key, text) in NORM_MAP.iter() {
            let decoded = match lookup(key) {
                Some(Replacement::Char(c)) => c.to_string(),
                Some(Replacement::Padded(c)) => format!(" {c} "),
                Some(Replacement::Text(s)) => {
                    longer += 1;
                    s.to_string()
                }
                None => panic!("U+{key:04X} missing"),
            };
            assert_eq!(decoded, text, "U+{key:04X}");
        }
        assert_eq!(longer, LONGER.len());
        assert!(
            LONGER.len() < NORM_MAP.len() / 20,
            "most entries are compact"
        );
    }

    #[test]
    fn unmapped_code_points_are_kept() {
        for cp in [0x41 - 1, 0x10FFFF, 0xAC00, 0x20] {
            if NORM_MAP.binary_search_by_key(&cp, |&(k, _)| k).is_err() {
                assert_eq!(lookup(cp), None, "U+{cp:04X}");
            }
        }
    }
}
