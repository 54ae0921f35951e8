//! How `model.bin` stores the table (the layout is in `embed.rs`'s documentation): the header,
//! the code storages the quantisation names, and decoding the rows into weights, scales and
//! codes. Every check reports why the bytes are unusable instead of panicking.

/// The file's first eight bytes.
const MAGIC: &[u8; 8] = b"RTSEMB01";
/// Magic plus four little-endian u32 words: vocab size, dims, storage code, reserved.
const HEADER_BYTES: usize = 24;

/// How the table stores its codes, from the quantisation name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Storage {
    /// `int5`..`int8-row-f16-scale`: one signed byte per code (fewer bits mean fewer levels,
    /// which gzip stores in fewer bits). Header code 1.
    Byte(u32),
    /// `int4-row-f16-scale`: two codes per byte, low nibble first. Header code 2.
    Nibble,
    /// `int6-packed-row-f16-scale`: four 6-bit codes in three bytes (a little-endian 24-bit
    /// group, first code in the low bits): a quarter smaller than a byte each, for static
    /// servers that do not compress. Header code 3.
    Packed6,
}

impl Storage {
    /// The storage a manifest's quantisation name (`int6-row-f16-scale`, ...) describes.
    pub(super) fn of(name: &str) -> Option<Self> {
        let kind = name.strip_suffix("-row-f16-scale")?.strip_prefix("int")?;
        if kind == "6-packed" {
            return Some(Self::Packed6);
        }
        match kind.parse().ok()? {
            4 => Some(Self::Nibble),
            bits @ 5..=8 => Some(Self::Byte(bits)),
            _ => None,
        }
    }

    /// The code `model.bin`'s header gives this storage.
    fn header_code(self) -> u32 {
        match self {
            Self::Byte(_) => 1,
            Self::Nibble => 2,
            Self::Packed6 => 3,
        }
    }

    /// Bytes of one row of `dims` codes (`None`: the storage cannot hold such rows).
    fn row_bytes(self, dims: usize) -> Option<usize> {
        match self {
            Self::Byte(_) => Some(dims),
            Self::Nibble => Some(dims.div_ceil(2)),
            Self::Packed6 => dims.is_multiple_of(4).then_some(dims / 4 * 3),
        }
    }
}

/// Token weights, row scales and codes, as decoded.
type Decoded = (Vec<f32>, Vec<f32>, Vec<i8>);

/// Decodes `model.bin`: the header checked against the manifest's `vocab_size` and `dims` and
/// the `storage` its quantisation names, then the token weights, row scales and codes. The
/// error is why the table is unusable (the caller wraps it as `ModelError::Table`).
pub(super) fn decode_table(
    table: &[u8],
    vocab_size: usize,
    dims: usize,
    storage: Storage,
) -> Result<Decoded, String> {
    let bad = |why: String| Err(why);
    if table.len() < HEADER_BYTES || &table[..8] != MAGIC {
        return bad("it does not start with the RTSEMB01 header".into());
    }
    let word = |i: usize| {
        u32::from_le_bytes([
            table[8 + 4 * i],
            table[9 + 4 * i],
            table[10 + 4 * i],
            table[11 + 4 * i],
        ])
    };
    let (vocab, header_dims, code) = (word(0) as usize, word(1) as usize, word(2));
    if vocab != vocab_size || header_dims != dims {
        return bad(format!(
            "its header says {vocab} tokens x {header_dims} dims, the manifest {vocab_size} x {dims}"
        ));
    }
    let expected_code = storage.header_code();
    if code != expected_code {
        return bad(format!(
            "its quantisation code is {code}, the manifest implies {expected_code}"
        ));
    }
    let Some(row_bytes) = storage.row_bytes(dims) else {
        return bad(format!(
            "{dims} dims cannot be packed four codes to three bytes"
        ));
    };
    let expected_len = HEADER_BYTES + 4 * vocab + vocab * row_bytes;
    if table.len() != expected_len {
        return bad(format!(
            "it has {} bytes, its header implies {expected_len}",
            table.len()
        ));
    }
    let halves = |start: usize| -> Vec<f32> {
        table[start..start + 2 * vocab]
            .chunks_exact(2)
            .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
            .collect()
    };
    let weights = halves(HEADER_BYTES);
    let scales = halves(HEADER_BYTES + 2 * vocab);
    if let Some(i) = weights.iter().position(|w| !w.is_finite() || *w < 0.0) {
        return bad(format!("token {i} has weight {}", weights[i]));
    }
    if let Some(i) = scales.iter().position(|s| !s.is_finite() || *s < 0.0) {
        return bad(format!("row {i} has scale {}", scales[i]));
    }
    let rows = &table[HEADER_BYTES + 4 * vocab..];
    let codes = match storage {
        Storage::Byte(bits) => {
            // Symmetric codes: an intN file holds only -(2^(N-1) - 1) ..= 2^(N-1) - 1.
            let top = (1i16 << (bits - 1)) - 1;
            let mut codes = Vec::with_capacity(rows.len());
            for (i, &byte) in rows.iter().enumerate() {
                let code = byte as i8;
                if i16::from(code).abs() > top {
                    return bad(format!(
                        "value {code} of row {} is outside int{bits}",
                        i / dims.max(1)
                    ));
                }
                codes.push(code);
            }
            codes
        }
        Storage::Nibble => rows
            .chunks_exact(row_bytes)
            .flat_map(|row| {
                row.iter()
                    .flat_map(|&b| [nibble(b & 0xF), nibble(b >> 4)])
                    .take(dims)
            })
            .collect(),
        Storage::Packed6 => {
            let codes: Vec<i8> = rows.chunks_exact(3).flat_map(unpack6).collect();
            // Symmetric int6: -31..=31; the one two's complement value outside is -32.
            if let Some(i) = codes.iter().position(|&c| c == -32) {
                return bad(format!("value -32 of row {} is outside int6", i / dims));
            }
            codes
        }
    };
    Ok((weights, scales, codes))
}

/// Four signed 6-bit codes from three bytes (a little-endian 24-bit group, first code lowest).
fn unpack6(group: &[u8]) -> [i8; 4] {
    let word = u32::from(group[0]) | u32::from(group[1]) << 8 | u32::from(group[2]) << 16;
    std::array::from_fn(|i| ((((word >> (6 * i)) & 0x3F) as u8) << 2) as i8 >> 2)
}

/// A signed 4-bit value (two's complement) widened to i8.
fn nibble(n: u8) -> i8 {
    ((n << 4) as i8) >> 4
}

/// IEEE 754 half precision to single precision (exact for every f16).
fn f16_to_f32(h: u16) -> f32 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = i32::from((h >> 10) & 0x1F);
    let frac = f32::from(h & 0x3FF);
    match exp {
        0 => sign * frac * 2f32.powi(-24),
        31 if frac == 0.0 => sign * f32::INFINITY,
        31 => f32::NAN,
        _ => sign * (1.0 + frac / 1024.0) * 2f32.powi(exp - 15),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f16_decoding() {
        assert_eq!(f16_to_f32(0x3C00), 1.0);
        assert_eq!(f16_to_f32(0xC000), -2.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(f16_to_f32(0x7BFF), 65504.0);
        assert!(f16_to_f32(0x7C00).is_infinite() && f16_to_f32(0x7E00).is_nan());
    }

    #[test]
    fn quantisation_names() {
        let storages = [
            "int8",
            "int6",
            "int5",
            "int4",
            "int6-packed",
            "int3",
            "int9",
            "float",
        ]
        .map(|q| Storage::of(&format!("{q}-row-f16-scale")));
        use Storage::*;
        assert_eq!(
            storages,
            [
                Some(Byte(8)),
                Some(Byte(6)),
                Some(Byte(5)),
                Some(Nibble),
                Some(Packed6),
                None,
                None,
                None
            ]
        );
        assert_eq!(Storage::of("int8"), None);
        assert_eq!(Packed6.row_bytes(128), Some(96));
        assert_eq!(Packed6.row_bytes(130), None);
    }

    /// The packer's layout (tools/distill/pack_int6.mjs), written here independently.
    fn pack6(codes: [i8; 4]) -> [u8; 3] {
        let word = codes.iter().enumerate().fold(0u32, |w, (i, &c)| {
            w | (u32::from(c as u8 & 0x3F) << (6 * i))
        });
        [word as u8, (word >> 8) as u8, (word >> 16) as u8]
    }

    #[test]
    fn every_int6_code_survives_packing() {
        for a in -31i8..=31 {
            let codes = [a, -a, a / 2, 31 - a.abs()];
            assert_eq!(unpack6(&pack6(codes)), codes);
        }
        assert_eq!(unpack6(&[0xFF, 0xFF, 0xFF]), [-1; 4]);
    }

    #[test]
    fn nibbles_are_signed() {
        assert_eq!(
            (nibble(0x7), nibble(0x8), nibble(0xF), nibble(0x0)),
            (7, -8, -1, 0)
        );
    }
}
