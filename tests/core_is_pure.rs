//! `src/core` is the pure half of the crate: the CLI, the benchmarks and these native tests use
//! it, and the browser app renders it. One package holds both halves (Trunk builds the root
//! package), so Cargo cannot keep the web crates out of the core; this test does, by reading
//! every source file under `src/core` and failing on any path or attribute that names one.

use std::path::{Path, PathBuf};

/// The web crates the core must not name, as Rust spells them (a crate `web-sys` is `web_sys`
/// in code). A name counts when it is the whole identifier or its first `_`-separated part
/// (so `leptos_router` and `wasm_bindgen_futures` count too).
const WEB_CRATES: [&str; 5] = ["web_sys", "wasm_bindgen", "js_sys", "leptos", "gloo"];

/// Every `.rs` file below `dir`, sorted so failures list in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The code of one line with its `//` comment removed (comments may say "no leptos here");
/// `in_string` carries an open string literal from line to line.
fn code_of(line: &str, in_string: &mut bool) -> String {
    let mut code = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if *in_string {
            if c == '\\' {
                chars.next();
            } else if c == '"' {
                *in_string = false;
            }
            continue;
        }
        match c {
            '"' => *in_string = true,
            '/' if chars.peek() == Some(&'/') => break,
            _ => code.push(c),
        }
    }
    code
}

/// The web crate an identifier names, if any.
fn web_crate_of(ident: &str) -> Option<&'static str> {
    WEB_CRATES.into_iter().find(|name| {
        ident == *name
            || ident
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('_'))
    })
}

/// "file:line: crate" for every use of a web crate in `source`.
fn web_uses(file: &Path, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_string = false;
    for (number, line) in source.lines().enumerate() {
        let code = code_of(line, &mut in_string);
        for ident in code.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if let Some(name) = web_crate_of(ident) {
                found.push(format!("{}:{}: {name}", file.display(), number + 1));
            }
        }
    }
    found
}

#[test]
fn nothing_under_src_core_names_a_web_crate() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let files = rust_files(&core);
    assert!(
        files.len() > 50,
        "expected the core's sources under {core:?}"
    );
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| web_uses(f, &std::fs::read_to_string(f).unwrap()))
        .collect();
    assert!(
        found.is_empty(),
        "src/core must stay pure Rust (no web crates), but names one at:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_paths_attributes_and_prefixed_crates_but_not_comments_or_strings() {
    let file = Path::new("x.rs");
    let uses = |s: &str| web_uses(file, s).len();
    assert_eq!(uses("use web_sys::Window;"), 1);
    assert_eq!(uses("#[wasm_bindgen]\npub fn f() {}"), 1);
    assert_eq!(uses("let q = leptos_router::hooks::use_query_map();"), 1);
    assert_eq!(uses("fn f() { js_sys::Date::now() }"), 1);
    assert_eq!(uses("use gloo_timers::callback::Timeout;"), 1);
    assert_eq!(
        uses("//! Nothing here imports leptos, web-sys or js-sys."),
        0
    );
    assert_eq!(uses("let s = \"leptos \\\" web_sys\"; // js_sys"), 0);
    assert_eq!(uses("let glooming = leptoscope + web_system;"), 0);
}
