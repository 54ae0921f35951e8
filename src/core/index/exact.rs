//! Exact (brute-force) nearest neighbours and the ranking order both searches share.

use super::vector::{dot, VectorStore};
use super::Hit;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// The ranking order of hits: higher score first, then lower id, so ties are broken the same
/// way by every search and results are reproducible.
pub fn rank_order(a: &Hit, b: &Hit) -> Ordering {
    b.score.total_cmp(&a.score).then(a.id.cmp(&b.id))
}

/// A heap entry whose `Ord` puts the worst-ranked hit on top, so the heap holds the best k.
struct WorstFirst(Hit);

impl PartialEq for WorstFirst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for WorstFirst {}
impl PartialOrd for WorstFirst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for WorstFirst {
    fn cmp(&self, other: &Self) -> Ordering {
        rank_order(&self.0, &other.0)
    }
}

/// The `k` best hits of `hits` in ranking order, in O(n log k).
pub fn top_k(hits: impl IntoIterator<Item = Hit>, k: usize) -> Vec<Hit> {
    if k == 0 {
        return Vec::new();
    }
    let mut heap: BinaryHeap<WorstFirst> = BinaryHeap::with_capacity(k + 1);
    for hit in hits {
        if heap.len() < k {
            heap.push(WorstFirst(hit));
        } else if let Some(worst) = heap.peek() {
            if rank_order(&hit, &worst.0) == Ordering::Less {
                heap.pop();
                heap.push(WorstFirst(hit));
            }
        }
    }
    let mut best: Vec<Hit> = heap.into_iter().map(|entry| entry.0).collect();
    best.sort_by(rank_order);
    best
}

/// Scores every stored vector against the unit `query` and keeps the best `k`.
pub fn exact_top_k(store: &VectorStore, query: &[f32], k: usize) -> Vec<Hit> {
    let hits = store.rows().enumerate().map(|(id, row)| Hit {
        id,
        score: dot(query, row),
    });
    top_k(hits, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: usize, score: f32) -> Hit {
        Hit { id, score }
    }

    #[test]
    fn top_k_keeps_the_best_in_order_and_breaks_ties_by_id() {
        let hits = vec![
            hit(0, 0.1),
            hit(1, 0.9),
            hit(2, 0.5),
            hit(3, 0.9),
            hit(4, -1.0),
        ];
        assert_eq!(
            top_k(hits.clone(), 3),
            vec![hit(1, 0.9), hit(3, 0.9), hit(2, 0.5)]
        );
        assert_eq!(top_k(hits.clone(), 0), vec![]);
        assert_eq!(top_k(hits, 10).len(), 5);
    }

    #[test]
    fn exact_top_k_scores_by_dot_product() {
        let store = VectorStore::new(2, vec![1.0, 0.0, 0.0, 1.0, 0.6, 0.8]);
        let got = exact_top_k(&store, &[0.0, 1.0], 2);
        assert_eq!(got, vec![hit(1, 1.0), hit(2, 0.8)]);
    }
}
