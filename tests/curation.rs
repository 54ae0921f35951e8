//! Choosing the documents on the shipped corpus: leaving the flagged documents out raises
//! recall, and the learner's setting must survive the comparison.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::curation::{compare, recall};
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::workbench::Workbench;

fn bench() -> Workbench {
    let corpus = Corpus::load_default().expect("shipped corpus");
    Workbench::new(load_shipped().unwrap(), corpus, &NoClock).unwrap()
}

#[test]
fn curation_shrinks_the_index_and_does_not_lose_recall() {
    let mut bench = bench();
    for version in ["v1", "v2", "v3"] {
        bench.set_version(version, &NoClock).unwrap();
        let before = bench.settings();
        let c = compare(&mut bench, &NoClock).unwrap();
        println!(
            "{version}: all {}/{} ({} passages), curated {}/{} ({} passages)",
            c.all.hits,
            c.all.total,
            c.all.passages,
            c.curated.hits,
            c.curated.total,
            c.curated.passages
        );
        assert_eq!(bench.settings(), before, "setting restored");
        assert!(c.all.total > 100, "fact questions measured");
        assert_eq!(c.all.total, c.curated.total);
        assert!(
            c.curated.passages < c.all.passages,
            "flagged documents left out"
        );
        assert!(
            c.curated.hits > c.all.hits,
            "curation raises recall on the shipped corpus"
        );
        let restored = if before.curated { c.curated } else { c.all };
        assert_eq!(recall(&bench), restored, "back to the learner's index");
    }
}
