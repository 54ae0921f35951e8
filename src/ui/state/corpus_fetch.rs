//! Fetches the sample corpus's files: one bundle first, the files one by one as the fallback.
//!
//! The corpus is ~80 small files; fetched one by one, round trips (six connections per host on
//! HTTP/1.1) dominated the cold load. The build writes `corpus/bundle.json` beside them
//! (`tools/build-hooks/corpus-bundle.mjs`), and a browser test checks it against the sources.

use serde::Deserialize;

use super::fetch::fetch_text;

const CORPUS_DIR: &str = "corpus/";
/// The build's one-file copy of the corpus: `{"files": [[path, text], ...]}`, index first.
pub(crate) const BUNDLE_PATH: &str = "corpus/bundle.json";

#[derive(Deserialize)]
struct CorpusIndex {
    files: Vec<String>,
}

#[derive(Deserialize)]
struct CorpusBundle {
    files: Vec<(String, String)>,
}

/// Every corpus file as `(path relative to corpus/, text)`, `index.json` first, ready for
/// `Corpus::parse`. Uses the bundle when the build has one, else fetches the files.
pub(crate) async fn fetch_corpus_files() -> Result<Vec<(String, String)>, String> {
    if let Ok(text) = fetch_text(BUNDLE_PATH).await {
        return parse_bundle(&text);
    }
    fetch_one_by_one().await
}

/// The files of a bundle, checked to start with the index.
pub(crate) fn parse_bundle(text: &str) -> Result<Vec<(String, String)>, String> {
    let bundle: CorpusBundle =
        serde_json::from_str(text).map_err(|e| format!("{BUNDLE_PATH} is not valid: {e}"))?;
    match bundle.files.first() {
        Some((path, _)) if path == "index.json" => Ok(bundle.files),
        _ => Err(format!("{BUNDLE_PATH} does not start with index.json")),
    }
}

async fn fetch_one_by_one() -> Result<Vec<(String, String)>, String> {
    let index_text = fetch_text(&format!("{CORPUS_DIR}index.json")).await?;
    let index: CorpusIndex = serde_json::from_str(&index_text)
        .map_err(|e| format!("corpus/index.json is not valid: {e}"))?;
    // All files at once: round trips, not bytes, dominate this step.
    let texts = futures::future::join_all(
        index
            .files
            .iter()
            .map(|path| async move { fetch_text(&format!("{CORPUS_DIR}{path}")).await }),
    )
    .await;
    let mut files = vec![("index.json".to_string(), index_text)];
    for (path, text) in index.files.into_iter().zip(texts) {
        files.push((path, text?));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_gives_its_files_in_order() {
        let files = parse_bundle(r#"{"files":[["index.json","{}"],["facts.txt","a\nb"]]}"#)
            .expect("valid bundle");
        assert_eq!(
            files,
            vec![
                ("index.json".to_string(), "{}".to_string()),
                ("facts.txt".to_string(), "a\nb".to_string())
            ]
        );
    }

    #[test]
    fn a_bundle_without_the_index_first_is_refused() {
        let error = parse_bundle(r#"{"files":[["facts.txt","x"]]}"#).unwrap_err();
        assert!(error.contains("index.json"), "{error}");
        assert!(parse_bundle("not json").is_err());
    }
}
