//! Seeded synthetic unit vectors for recall checks and benchmarks.
//!
//! Uniform points on the sphere are the hardest case for a proximity graph (every point is
//! about equally far from every other). Real text embeddings are clustered by topic, so the
//! clustered shape is the realistic one; both are offered so either can be reported.

use super::vector::normalize_in_place;
use crate::core::rng::SplitMix64;
use serde::{Deserialize, Serialize};

/// How the synthetic points are spread over the unit sphere.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum SyntheticShape {
    /// Uniform on the sphere (normalised Gaussian vectors).
    Uniform,
    /// Gaussian blobs around `clusters` uniform centres. `noise` is the norm of the offset
    /// relative to the unit centre: a point's expected cosine to its centre is about
    /// `1 / sqrt(1 + noise^2)` (0.71 for `noise = 1.0`).
    Clustered {
        /// Number of blob centres.
        clusters: usize,
        /// Offset norm relative to the centre.
        noise: f32,
    },
}

/// A reproducible family of synthetic vectors: the centres depend only on `seed`, so index
/// vectors and query vectors drawn from different streams share the same clusters.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyntheticSpec {
    /// Floats per vector.
    pub dims: usize,
    /// Uniform or clustered.
    pub shape: SyntheticShape,
    /// Fixes the centres and, combined with a stream number, every sample.
    pub seed: u64,
}

impl SyntheticSpec {
    /// The shape used for the project's figures: 100 topic clusters, cosine to centre ~0.71.
    pub fn clustered(dims: usize, seed: u64) -> Self {
        Self {
            dims,
            shape: SyntheticShape::Clustered {
                clusters: 100,
                noise: 1.0,
            },
            seed,
        }
    }

    /// Uniform points on the sphere: the hard case.
    pub fn uniform(dims: usize, seed: u64) -> Self {
        Self {
            dims,
            shape: SyntheticShape::Uniform,
            seed,
        }
    }

    /// `n` unit vectors from sample stream `stream` (use different streams for the indexed
    /// points and for the queries, so queries are new points from the same distribution).
    pub fn sample(&self, n: usize, stream: u64) -> Vec<Vec<f32>> {
        let mut rng = SplitMix64::derive(self.seed, stream);
        match self.shape {
            SyntheticShape::Uniform => (0..n).map(|_| self.random_unit(&mut rng)).collect(),
            SyntheticShape::Clustered { clusters, noise } => {
                let mut centre_rng = SplitMix64::new(self.seed);
                let centres: Vec<Vec<f32>> = (0..clusters.max(1))
                    .map(|_| self.random_unit(&mut centre_rng))
                    .collect();
                // Dividing by sqrt(dims) makes `noise` the expected norm of the offset.
                let scale = noise / (self.dims.max(1) as f32).sqrt();
                (0..n)
                    .map(|_| {
                        let centre = &centres[rng.below(centres.len())];
                        let mut v: Vec<f32> = centre
                            .iter()
                            .map(|c| c + scale * rng.next_gaussian())
                            .collect();
                        normalize_in_place(&mut v);
                        v
                    })
                    .collect()
            }
        }
    }

    fn random_unit(&self, rng: &mut SplitMix64) -> Vec<f32> {
        let mut v: Vec<f32> = (0..self.dims).map(|_| rng.next_gaussian()).collect();
        normalize_in_place(&mut v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::super::vector::dot;
    use super::*;

    #[test]
    fn samples_are_unit_length_and_reproducible() {
        let spec = SyntheticSpec::clustered(16, 5);
        let a = spec.sample(50, 0);
        assert_eq!(a, spec.sample(50, 0));
        assert_ne!(a, spec.sample(50, 1));
        for v in &a {
            assert_eq!(v.len(), 16);
            assert!((dot(v, v) - 1.0).abs() < 1e-5);
        }
    }

    #[test]
    fn clustered_points_are_closer_to_each_other_than_uniform_points() {
        let mean_cos = |vs: &[Vec<f32>]| {
            let mut sum = 0.0;
            let mut count = 0;
            for i in 0..vs.len() {
                for j in i + 1..vs.len() {
                    sum += dot(&vs[i], &vs[j]);
                    count += 1;
                }
            }
            sum / count as f32
        };
        let clustered = SyntheticSpec {
            dims: 64,
            shape: SyntheticShape::Clustered {
                clusters: 2,
                noise: 1.0,
            },
            seed: 9,
        }
        .sample(60, 0);
        let uniform = SyntheticSpec::uniform(64, 9).sample(60, 0);
        assert!(
            mean_cos(&clustered) > 0.15,
            "clustered {}",
            mean_cos(&clustered)
        );
        assert!(
            mean_cos(&uniform).abs() < 0.05,
            "uniform {}",
            mean_cos(&uniform)
        );
    }
}
