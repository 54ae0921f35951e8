//! Ranking the passages for one question: dense alone or fused with BM25, as the settings say.

use super::Workbench;
use crate::core::bm25::Bm25;
use crate::core::hybrid::{hybrid_search_with, HybridParams, Ranking};
use crate::core::index::{Hit, SearchMethod};

/// Where each ranking placed one retrieved passage (for the inspector).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PassageRanks {
    /// 1-based rank by cosine among the dense candidates, if it was among them.
    pub dense: Option<usize>,
    /// 1-based rank by BM25 among the lexical candidates, if it shared a word with the question.
    pub lexical: Option<usize>,
    /// The BM25 score (0 when it shares no word with the question).
    pub lexical_score: f32,
}

impl Workbench {
    /// The BM25 index over [`Workbench::chunks`], in chunk order.
    pub fn lexical(&self) -> &Bm25 {
        &self.passages.lexical
    }

    /// The top `k` passages for `question` (embedded as `query`) by the configured ranking,
    /// the dense side searched with `method`. Hit scores are cosines in both rankings, so the
    /// reader's threshold keeps its meaning; a bad query gives no hits rather than an error.
    pub fn rank(
        &self,
        question: &str,
        query: &[f32],
        k: usize,
        method: SearchMethod,
    ) -> (Vec<Hit>, Vec<PassageRanks>) {
        match self.settings.ranking {
            Ranking::Dense => {
                let hits = self
                    .passages
                    .index
                    .search_with(query, k, method)
                    .unwrap_or_default();
                let ranks = (1..=hits.len())
                    .map(|rank| PassageRanks {
                        dense: Some(rank),
                        ..PassageRanks::default()
                    })
                    .collect();
                (hits, ranks)
            }
            Ranking::Hybrid => hybrid_search_with(
                &self.passages.index,
                &self.passages.lexical,
                query,
                question,
                k,
                HybridParams::default(),
                method,
            )
            .unwrap_or_default()
            .into_iter()
            .map(|h| {
                (
                    Hit {
                        id: h.id,
                        score: h.dense,
                    },
                    PassageRanks {
                        dense: h.dense_rank,
                        lexical: h.lexical_rank,
                        lexical_score: h.lexical,
                    },
                )
            })
            .unzip(),
        }
    }
}
