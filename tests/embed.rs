//! The embedder: the shipped model loads and behaves, bad bytes give typed errors.

use rag_or_tune::core::embed::{cosine, native, sha256_hex, Embedder, FileDigests, ModelError};
use serde::Deserialize;
use sha2::{Digest, Sha256};

struct Files {
    manifest: Vec<u8>,
    vocab: Vec<u8>,
    table: Vec<u8>,
}

fn shipped_files() -> Files {
    let dir = native::shipped_model_dir();
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    Files {
        manifest: read("manifest.json"),
        vocab: read("vocab.txt"),
        table: read("model.bin"),
    }
}

fn load(f: &Files) -> Result<Embedder, ModelError> {
    Embedder::from_bytes(&f.manifest, &f.vocab, &f.table)
}

fn hex_sha256(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Rewrites the manifest so its sizes and checksums match the (modified) files.
fn reseal(f: &mut Files) {
    let mut m: serde_json::Value = serde_json::from_slice(&f.manifest).unwrap();
    for (key, data) in [("vocab", &f.vocab), ("table", &f.table)] {
        m["files"][key]["bytes"] = data.len().into();
        m["files"][key]["sha256"] = hex_sha256(data).into();
    }
    f.manifest = serde_json::to_vec(&m).unwrap();
}

#[test]
fn shipped_model_loads_and_describes_itself() {
    let model = native::load_shipped().unwrap();
    let info = model.info();
    let manifest: serde_json::Value = serde_json::from_slice(&shipped_files().manifest).unwrap();
    assert_eq!(
        info.vocab_size as u64,
        manifest["vocab_size"].as_u64().unwrap()
    );
    assert_eq!(info.dims, 128);
    assert_eq!(info.quantisation_short(), "int6");
    assert_eq!(info.teacher, "sentence-transformers/all-MiniLM-L6-v2");
    assert_eq!(info.teacher_licence, "Apache-2.0");
    let summary = info.summary();
    assert!(summary.contains(" tokens x 128 dims, int6, "), "{summary}");
    assert!(
        summary.ends_with("MB, distilled from all-MiniLM-L6-v2"),
        "{summary}"
    );
}

#[test]
fn vectors_are_unit_length_and_empty_text_is_zero() {
    let model = native::load_shipped().unwrap();
    for text in ["How do I reset my password?", "a", "日本語", "Crème brûlée"] {
        let v = model.embed(text);
        assert_eq!(v.len(), model.dims());
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5, "{text}: norm {norm}");
    }
    for text in ["", "   \t\n", "\u{0}\u{200b}"] {
        assert!(model.embed(text).iter().all(|&x| x == 0.0), "{text:?}");
    }
    let batch = model.embed_batch(&["one text", "", "another text"]);
    assert_eq!(
        batch,
        vec![
            model.embed("one text"),
            model.embed(""),
            model.embed("another text")
        ]
    );
}

#[test]
fn similar_meanings_are_closer() {
    let model = native::load_shipped().unwrap();
    let q = model.embed("How can I get my money back for a broken product?");
    let near = model.embed("Refunds are issued for damaged items returned within 30 days.");
    let far = model.embed("The mountain trail is covered in snow during winter.");
    assert!(cosine(&q, &near) > cosine(&q, &far) + 0.1);
}

#[test]
fn token_weights_show_what_is_pooled() {
    let model = native::load_shipped().unwrap();
    let tokens = model.token_weights("The return policy");
    let names: Vec<&str> = tokens.iter().map(|t| t.token.as_str()).collect();
    assert_eq!(names, ["the", "return", "policy"]);
    assert!(
        tokens[0].weight < tokens[1].weight,
        "frequent words weigh less: {tokens:?}"
    );
    assert!(model.token_weights("").is_empty());
}

#[derive(Deserialize)]
struct VectorCase {
    text: String,
    ids: Vec<u32>,
    vector: Vec<f32>,
}

/// The distiller's own pooling (Python) and ours agree on tokens and vectors.
#[test]
fn matches_the_distillers_vectors() {
    #[derive(Deserialize)]
    struct Doc {
        cases: Vec<VectorCase>,
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/student_vectors.json"
    );
    let doc: Doc = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let model = native::load_shipped().unwrap();
    assert!(doc.cases.len() >= 5);
    for case in doc.cases {
        assert_eq!(
            model.tokenizer().encode(&case.text),
            case.ids,
            "{:?}",
            case.text
        );
        let got = model.embed(&case.text);
        let diff = got
            .iter()
            .zip(&case.vector)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max);
        assert!(diff < 1e-5, "{:?}: max difference {diff}", case.text);
    }
}

#[test]
fn truncated_files_are_rejected_with_a_size_error() {
    let files = shipped_files();
    let cut = |data: &[u8], n: usize| data[..n].to_vec();
    let mut f = shipped_files();
    f.table = cut(&files.table, files.table.len() / 2);
    let err = load(&f).unwrap_err();
    assert!(matches!(err, ModelError::Size { .. }), "{err}");
    assert!(
        err.to_string().contains("model.bin") && err.to_string().contains("cut off"),
        "{err}"
    );
    let mut f = shipped_files();
    f.vocab = cut(&files.vocab, 100);
    assert!(matches!(load(&f).unwrap_err(), ModelError::Size { .. }));
    let mut f = shipped_files();
    f.manifest = cut(&files.manifest, files.manifest.len() / 2);
    let err = load(&f).unwrap_err();
    assert!(matches!(err, ModelError::Manifest(_)), "{err}");
}

#[test]
fn corrupted_bytes_fail_the_checksum() {
    let mut f = shipped_files();
    let mid = f.table.len() / 2;
    f.table[mid] ^= 0x40;
    let err = load(&f).unwrap_err();
    assert_eq!(
        err,
        ModelError::Checksum {
            file: "model.bin".into()
        }
    );
    assert!(err.to_string().contains("damaged"), "{err}");
    let mut f = shipped_files();
    f.vocab[10] = b'#';
    assert_eq!(
        load(&f).unwrap_err(),
        ModelError::Checksum {
            file: "vocab.txt".into()
        }
    );
}

#[test]
fn digests_given_by_the_caller_are_still_checked() {
    let f = shipped_files();
    let right = FileDigests {
        vocab: sha256_hex(&f.vocab),
        table: sha256_hex(&f.table),
    };
    assert_eq!(
        right.table,
        hex_sha256(&f.table),
        "matches an independent hex"
    );
    let given = Embedder::from_bytes_with_digests(&f.manifest, &f.vocab, &f.table, &right).unwrap();
    assert_eq!(
        given.embed("refund policy"),
        load(&f).unwrap().embed("refund policy")
    );
    // A digest of other bytes (a damaged download, hashed by the browser) is refused.
    let mut damaged = f.table.clone();
    damaged[7] ^= 1;
    let wrong_table = FileDigests {
        table: sha256_hex(&damaged),
        ..right.clone()
    };
    let refused = Embedder::from_bytes_with_digests(&f.manifest, &f.vocab, &f.table, &wrong_table);
    assert_eq!(
        refused.unwrap_err(),
        ModelError::Checksum {
            file: "model.bin".into()
        }
    );
    let wrong_vocab = FileDigests {
        vocab: "00".repeat(32),
        ..right
    };
    let refused = Embedder::from_bytes_with_digests(&f.manifest, &f.vocab, &f.table, &wrong_vocab);
    assert_eq!(
        refused.unwrap_err(),
        ModelError::Checksum {
            file: "vocab.txt".into()
        }
    );
}

#[test]
fn inconsistent_but_sealed_files_are_rejected() {
    // The checksums match, but the content disagrees with itself or the manifest.
    let mut f = shipped_files();
    f.table[8] ^= 1; // header vocab size
    reseal(&mut f);
    assert!(matches!(load(&f).unwrap_err(), ModelError::Table(_)));

    let mut f = shipped_files();
    f.table[..8].copy_from_slice(b"NOTAMODL");
    reseal(&mut f);
    assert!(matches!(load(&f).unwrap_err(), ModelError::Table(_)));

    let mut f = shipped_files();
    f.table.pop();
    reseal(&mut f);
    assert!(matches!(load(&f).unwrap_err(), ModelError::Table(_)));

    let mut f = shipped_files();
    let vocab_size = {
        let m: serde_json::Value = serde_json::from_slice(&f.manifest).unwrap();
        m["vocab_size"].as_u64().unwrap() as usize
    };
    // A NaN weight for token 0 (f16 0x7E00).
    f.table[24..26].copy_from_slice(&[0x00, 0x7E]);
    reseal(&mut f);
    let err = load(&f).unwrap_err();
    assert!(matches!(err, ModelError::Table(_)), "{err}");
    assert!(vocab_size > 1000);

    let mut f = shipped_files();
    let pos = f.vocab.iter().rposition(|&b| b == b'\n').unwrap();
    f.vocab.truncate(pos); // drop the final newline: same tokens
    let last = f.vocab.iter().rposition(|&b| b == b'\n').unwrap();
    f.vocab.truncate(last); // drop the last token
    reseal(&mut f);
    assert!(matches!(
        load(&f).unwrap_err(),
        ModelError::VocabCount { .. }
    ));

    let mut f = shipped_files();
    f.vocab.extend_from_slice(&[0xFF, 0xFE, b'\n']);
    reseal(&mut f);
    assert_eq!(load(&f).unwrap_err(), ModelError::VocabEncoding);

    let mut f = shipped_files();
    let mut m: serde_json::Value = serde_json::from_slice(&f.manifest).unwrap();
    m["format_version"] = 2.into();
    f.manifest = serde_json::to_vec(&m).unwrap();
    assert!(matches!(
        load(&f).unwrap_err(),
        ModelError::UnsupportedFormat(_)
    ));

    // A code one step past the quantisation's range (e.g. 32 in an int6 table; -128 in int8).
    let mut f = shipped_files();
    let m: serde_json::Value = serde_json::from_slice(&f.manifest).unwrap();
    let bits: u32 = m["quantisation"].as_str().unwrap()[3..4].parse().unwrap();
    if bits >= 5 {
        let rows_start = 24 + 4 * vocab_size;
        f.table[rows_start] = (-(1i16 << (bits - 1))) as i8 as u8;
        reseal(&mut f);
        let err = load(&f).unwrap_err();
        assert!(matches!(err, ModelError::Table(_)), "{err}");
        assert!(err.to_string().contains("outside"), "{err}");
    }

    let mut f = shipped_files();
    let mut m: serde_json::Value = serde_json::from_slice(&f.manifest).unwrap();
    m["quantisation"] = "int3-row-f16-scale".into();
    f.manifest = serde_json::to_vec(&m).unwrap();
    reseal(&mut f);
    assert!(matches!(
        load(&f).unwrap_err(),
        ModelError::UnsupportedFormat(_)
    ));

    let mut f = shipped_files();
    let mut m: serde_json::Value = serde_json::from_slice(&f.manifest).unwrap();
    m["dims"] = 0.into();
    f.manifest = serde_json::to_vec(&m).unwrap();
    assert!(matches!(load(&f).unwrap_err(), ModelError::Manifest(_)));
}

/// A tiny xorshift generator: seeded, so the "garbage" below is the same on every run.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn garbage_never_panics() {
    let files = shipped_files();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let garbage: Vec<u8> = (0..4096).map(|_| xorshift(&mut seed) as u8).collect();
    for (m, v, t) in [
        (&garbage[..], &files.vocab[..], &files.table[..]),
        (&files.manifest[..], &garbage[..], &files.table[..]),
        (&files.manifest[..], &files.vocab[..], &garbage[..]),
        (&b""[..], &b""[..], &b""[..]),
        (&b"{}"[..], &b""[..], &b""[..]),
        (&b"null"[..], &garbage[..100], &garbage[..24]),
    ] {
        assert!(Embedder::from_bytes(m, v, t).is_err());
    }
    // Sealed random damage inside the table body: loads or fails cleanly, never panics.
    for _ in 0..20 {
        let mut f = shipped_files();
        for _ in 0..8 {
            let i = (xorshift(&mut seed) as usize) % f.table.len();
            f.table[i] = xorshift(&mut seed) as u8;
        }
        reseal(&mut f);
        if let Ok(model) = load(&f) {
            let v = model.embed("still works");
            assert_eq!(v.len(), model.dims());
        }
    }
    // Every prefix length class of every file is rejected.
    for frac in [0usize, 1, 3, 50, 99] {
        for which in 0..3 {
            let mut f = shipped_files();
            let data = [&mut f.manifest, &mut f.vocab, &mut f.table][which].clone();
            let keep = data.len() * frac / 100;
            *[&mut f.manifest, &mut f.vocab, &mut f.table][which] = data[..keep].to_vec();
            assert!(
                load(&f).is_err(),
                "file {which} cut to {frac}% was accepted"
            );
        }
    }
}
