//! A deterministic 2D map of the chunk vectors: principal component analysis by power
//! iteration with deflation, started from a seeded vector, with a fixed sign convention so
//! the map does not flip when the corpus is edited. New points (the question) are projected
//! onto the same axes. Covariance and iteration run in f64 so the axes are stable.

use crate::core::rng::SplitMix64;
use std::fmt;

/// Power iterations per component at most; the map needs a few digits, not machine precision.
const MAX_ITERATIONS: usize = 500;
/// Stop when the direction moves less than this between iterations.
const TOLERANCE: f64 = 1e-9;

/// Why vectors could not be fitted or projected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectionError {
    /// Vector `index` has `found` floats where the first had `expected`.
    DimensionMismatch {
        /// Position of the offending vector (`usize::MAX` for a projected point).
        index: usize,
        /// Length the projection expects.
        expected: usize,
        /// Length given.
        found: usize,
    },
    /// Vector `index` contains NaN or infinity (`usize::MAX` for a projected point).
    NonFinite {
        /// Position of the offending vector.
        index: usize,
    },
}

impl fmt::Display for ProjectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DimensionMismatch {
                index,
                expected,
                found,
            } => write!(
                f,
                "vector {index} has {found} dimensions, expected {expected}"
            ),
            Self::NonFinite { index } => write!(f, "vector {index} contains NaN or infinity"),
        }
    }
}

impl std::error::Error for ProjectionError {}

/// The two principal axes of a set of vectors and their mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    mean: Vec<f64>,
    axes: [Vec<f64>; 2],
    variances: [f64; 2],
    total_variance: f64,
}

impl Projection {
    /// Fits the two principal axes of `vectors`. `seed` fixes the power iteration's start, so
    /// the same vectors and seed always give the same map. Fewer than two distinct vectors give
    /// zero-variance axes (every point then maps to the origin).
    pub fn fit<V: AsRef<[f32]>>(vectors: &[V], seed: u64) -> Result<Self, ProjectionError> {
        let dims = vectors.first().map_or(0, |v| v.as_ref().len());
        for (index, v) in vectors.iter().enumerate() {
            let v = v.as_ref();
            if v.len() != dims {
                return Err(ProjectionError::DimensionMismatch {
                    index,
                    expected: dims,
                    found: v.len(),
                });
            }
            if v.iter().any(|x| !x.is_finite()) {
                return Err(ProjectionError::NonFinite { index });
            }
        }
        let mean = mean_of(vectors, dims);
        let mut covariance = covariance_of(vectors, &mean);
        let total_variance = (0..dims).map(|i| covariance[i * dims + i]).sum();
        let mut rng = SplitMix64::new(seed);
        let first = principal_axis(&covariance, dims, &[], &mut rng);
        deflate(&mut covariance, dims, &first);
        let second = principal_axis(&covariance, dims, &[&first.0], &mut rng);
        Ok(Self {
            mean,
            axes: [first.0, second.0],
            variances: [first.1, second.1],
            total_variance,
        })
    }

    /// The two unit axes (first = most variance), as f32 for display or checks.
    pub fn axes(&self) -> [Vec<f32>; 2] {
        self.axes
            .clone()
            .map(|axis| axis.into_iter().map(|x| x as f32).collect())
    }

    /// Number of floats a projected vector must have.
    pub fn dims(&self) -> usize {
        self.mean.len()
    }

    /// The map position of `vector` (a fitted one or a new one such as the question).
    pub fn project(&self, vector: &[f32]) -> Result<[f32; 2], ProjectionError> {
        if vector.len() != self.dims() {
            return Err(ProjectionError::DimensionMismatch {
                index: usize::MAX,
                expected: self.dims(),
                found: vector.len(),
            });
        }
        if vector.iter().any(|x| !x.is_finite()) {
            return Err(ProjectionError::NonFinite { index: usize::MAX });
        }
        let coordinate = |axis: &[f64]| -> f32 {
            vector
                .iter()
                .zip(&self.mean)
                .zip(axis)
                .map(|((x, m), a)| (f64::from(*x) - m) * a)
                .sum::<f64>() as f32
        };
        Ok([coordinate(&self.axes[0]), coordinate(&self.axes[1])])
    }

    /// Map positions of many vectors, in order.
    pub fn project_all<V: AsRef<[f32]>>(
        &self,
        vectors: &[V],
    ) -> Result<Vec<[f32; 2]>, ProjectionError> {
        vectors
            .iter()
            .enumerate()
            .map(|(index, v)| {
                self.project(v.as_ref()).map_err(|e| match e {
                    ProjectionError::DimensionMismatch {
                        expected, found, ..
                    } => ProjectionError::DimensionMismatch {
                        index,
                        expected,
                        found,
                    },
                    ProjectionError::NonFinite { .. } => ProjectionError::NonFinite { index },
                })
            })
            .collect()
    }

    /// Share of the total variance each axis shows (what the map caption can quote);
    /// zeros when the vectors do not vary at all.
    pub fn explained_variance(&self) -> [f32; 2] {
        if self.total_variance <= 0.0 {
            return [0.0, 0.0];
        }
        self.variances
            .map(|v| (v / self.total_variance).clamp(0.0, 1.0) as f32)
    }
}

/// An axis-aligned rectangle of the map, for zoom-to-fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Smallest x and y.
    pub min: [f32; 2],
    /// Largest x and y.
    pub max: [f32; 2],
}

impl Bounds {
    /// The smallest rectangle holding every finite point; `None` when there is none.
    pub fn of(points: &[[f32; 2]]) -> Option<Self> {
        let mut finite = points
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite());
        let first = *finite.next()?;
        Some(finite.fold(
            Self {
                min: first,
                max: first,
            },
            |b, p| Self {
                min: [b.min[0].min(p[0]), b.min[1].min(p[1])],
                max: [b.max[0].max(p[0]), b.max[1].max(p[1])],
            },
        ))
    }

    /// Width and height.
    pub fn size(&self) -> [f32; 2] {
        [self.max[0] - self.min[0], self.max[1] - self.min[1]]
    }

    /// Centre point.
    pub fn centre(&self) -> [f32; 2] {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }

    /// Grown by `fraction` of the larger side on every edge, so points are not drawn on the
    /// border. A rectangle without extent (one point) becomes a unit square around it, so a
    /// view box is never degenerate.
    pub fn padded(&self, fraction: f32) -> Self {
        let [w, h] = self.size();
        let side = w.max(h);
        if side <= f32::EPSILON {
            let [cx, cy] = self.centre();
            return Self {
                min: [cx - 0.5, cy - 0.5],
                max: [cx + 0.5, cy + 0.5],
            };
        }
        let pad = side * fraction.max(0.0);
        Self {
            min: [self.min[0] - pad, self.min[1] - pad],
            max: [self.max[0] + pad, self.max[1] + pad],
        }
    }

    /// Grown on its shorter side to a square around the same centre, so distances on the map
    /// are not stretched in one direction.
    pub fn squared(&self) -> Self {
        let [w, h] = self.size();
        let half = w.max(h) / 2.0;
        let [cx, cy] = self.centre();
        Self {
            min: [cx - half, cy - half],
            max: [cx + half, cy + half],
        }
    }
}

fn mean_of<V: AsRef<[f32]>>(vectors: &[V], dims: usize) -> Vec<f64> {
    let mut mean = vec![0.0f64; dims];
    for v in vectors {
        for (m, x) in mean.iter_mut().zip(v.as_ref()) {
            *m += f64::from(*x);
        }
    }
    if !vectors.is_empty() {
        let n = vectors.len() as f64;
        mean.iter_mut().for_each(|m| *m /= n);
    }
    mean
}

/// The dims x dims covariance matrix (row-major), divided by n.
fn covariance_of<V: AsRef<[f32]>>(vectors: &[V], mean: &[f64]) -> Vec<f64> {
    let dims = mean.len();
    let mut covariance = vec![0.0f64; dims * dims];
    let mut centred = vec![0.0f64; dims];
    for v in vectors {
        for ((c, x), m) in centred.iter_mut().zip(v.as_ref()).zip(mean) {
            *c = f64::from(*x) - m;
        }
        // Upper triangle only; mirrored below.
        for i in 0..dims {
            let ci = centred[i];
            let row = &mut covariance[i * dims..(i + 1) * dims];
            for j in i..dims {
                row[j] += ci * centred[j];
            }
        }
    }
    let n = vectors.len().max(1) as f64;
    for i in 0..dims {
        for j in i..dims {
            let value = covariance[i * dims + j] / n;
            covariance[i * dims + j] = value;
            covariance[j * dims + i] = value;
        }
    }
    covariance
}

/// The dominant unit eigenvector of the symmetric `matrix` orthogonal to `previous`, and
/// its eigenvalue, by power iteration from a seeded start.
fn principal_axis(
    matrix: &[f64],
    dims: usize,
    previous: &[&Vec<f64>],
    rng: &mut SplitMix64,
) -> (Vec<f64>, f64) {
    let mut axis: Vec<f64> = (0..dims).map(|_| f64::from(rng.next_gaussian())).collect();
    orthogonalise(&mut axis, previous);
    if normalise(&mut axis) == 0.0 {
        return (axis, 0.0);
    }
    let mut eigenvalue = 0.0;
    for _ in 0..MAX_ITERATIONS {
        let mut next = multiply(matrix, dims, &axis);
        // Re-orthogonalising each step keeps rounding from pulling the direction back
        // towards an earlier (larger) axis.
        orthogonalise(&mut next, previous);
        let norm = normalise(&mut next);
        if norm == 0.0 {
            // No variance left in any remaining direction: keep the (orthogonal) start.
            return (with_sign_convention(axis), 0.0);
        }
        eigenvalue = norm;
        let moved: f64 = next.iter().zip(&axis).map(|(a, b)| (a - b).abs()).sum();
        axis = next;
        if moved < TOLERANCE {
            break;
        }
    }
    (with_sign_convention(axis), eigenvalue)
}

/// Removes `axis`'s eigen-part from `matrix`: C -= lambda v v^T.
fn deflate(matrix: &mut [f64], dims: usize, (axis, eigenvalue): &(Vec<f64>, f64)) {
    for i in 0..dims {
        for j in 0..dims {
            matrix[i * dims + j] -= eigenvalue * axis[i] * axis[j];
        }
    }
}

fn multiply(matrix: &[f64], dims: usize, v: &[f64]) -> Vec<f64> {
    (0..dims)
        .map(|i| {
            matrix[i * dims..(i + 1) * dims]
                .iter()
                .zip(v)
                .map(|(m, x)| m * x)
                .sum()
        })
        .collect()
}

fn orthogonalise(v: &mut [f64], against: &[&Vec<f64>]) {
    for axis in against {
        let along: f64 = v.iter().zip(axis.iter()).map(|(a, b)| a * b).sum();
        v.iter_mut()
            .zip(axis.iter())
            .for_each(|(a, b)| *a -= along * b);
    }
}

fn normalise(v: &mut [f64]) -> f64 {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 && norm.is_finite() {
        v.iter_mut().for_each(|x| *x /= norm);
        norm
    } else {
        0.0
    }
}

/// An eigenvector's sign is arbitrary; fixing the largest coordinate positive keeps the map
/// from mirroring itself when a small edit nudges the iteration.
fn with_sign_convention(mut axis: Vec<f64>) -> Vec<f64> {
    let largest = axis.iter().copied().fold(
        0.0f64,
        |best, x| if x.abs() > best.abs() { x } else { best },
    );
    if largest < 0.0 {
        axis.iter_mut().for_each(|x| *x = -*x);
    }
    axis
}
