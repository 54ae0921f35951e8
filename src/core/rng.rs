//! The one seeded pseudo-random generator (SplitMix64) of the core: the tuned model's weight
//! init, shuffling and replay sampling, the map's power-iteration start, and the synthetic
//! vectors and worlds of the tests and benchmarks all draw from it.
//!
//! Training and the map must be bit-identical across runs and between native and wasm builds,
//! so the generator uses only integer arithmetic and exact float conversions, never the
//! platform's random source. That is also why [`SplitMix64::next_gaussian`] sums uniforms
//! (Irwin-Hall) instead of the Box-Muller transform: Box-Muller needs `ln` and `cos`, whose last
//! bits differ between the native maths library and the one compiled into the wasm, so a map or
//! a synthetic set drawn natively in a test would not be the one the browser draws. The index
//! path (the map's start vector, synthetic vectors) once had its own generator that used them.

/// SplitMix64 (Steele, Lea, Flood 2014): 64 bits of state, passes BigCrush, and is trivially
/// portable. Good enough for shuffling and initialisation; not for anything cryptographic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose whole output sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// A generator for a sub-task (e.g. "init" vs "shuffle"), so that using one stream more or
    /// less never shifts the numbers another stream sees.
    pub fn derive(seed: u64, stream: u64) -> Self {
        let mut mixer = Self::new(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        Self::new(mixer.next_u64())
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform float in [0, 1): the top 24 bits scaled exactly, so no rounding can differ.
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 * (1.0 / 16_777_216.0)
    }

    /// A uniform float in [-half_width, half_width).
    pub fn uniform_symmetric(&mut self, half_width: f32) -> f32 {
        (self.next_f32() * 2.0 - 1.0) * half_width
    }

    /// An approximately standard-normal float (Irwin-Hall: sum of 12 uniforms minus 6).
    /// Avoids `ln`/`cos`, whose last bits differ between platform maths libraries.
    pub fn next_gaussian(&mut self) -> f32 {
        let mut sum = 0.0f32;
        for _ in 0..12 {
            sum += self.next_f32();
        }
        sum - 6.0
    }

    /// A uniform index in `0..bound` (Lemire's multiply-shift; `bound` must be > 0).
    /// The tiny bias for huge bounds is irrelevant at our sizes.
    pub fn below(&mut self, bound: usize) -> usize {
        debug_assert!(bound > 0, "below(0) has no valid answer");
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// Shuffles `items` in place (Fisher-Yates), fixed by the generator's state.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_and_different_seed_differs() {
        let a: Vec<u64> = (0..8)
            .scan(SplitMix64::new(7), |r, _| Some(r.next_u64()))
            .collect();
        let b: Vec<u64> = (0..8)
            .scan(SplitMix64::new(7), |r, _| Some(r.next_u64()))
            .collect();
        let c: Vec<u64> = (0..8)
            .scan(SplitMix64::new(8), |r, _| Some(r.next_u64()))
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn floats_stay_in_range_and_are_spread() {
        let mut rng = SplitMix64::new(1);
        let samples: Vec<f32> = (0..10_000).map(|_| rng.next_f32()).collect();
        assert!(samples.iter().all(|&x| (0.0..1.0).contains(&x)));
        let mean = samples.iter().sum::<f32>() / samples.len() as f32;
        assert!((mean - 0.5).abs() < 0.02, "mean {mean}");
    }

    #[test]
    fn gaussian_has_unit_scale() {
        let mut rng = SplitMix64::new(3);
        let n = 20_000;
        let samples: Vec<f32> = (0..n).map(|_| rng.next_gaussian()).collect();
        let mean = samples.iter().sum::<f32>() / n as f32;
        let var = samples.iter().map(|x| (x - mean) * (x - mean)).sum::<f32>() / n as f32;
        assert!(mean.abs() < 0.05, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }

    #[test]
    fn shuffle_is_a_permutation_and_below_respects_bound() {
        let mut rng = SplitMix64::new(11);
        let mut items: Vec<usize> = (0..50).collect();
        rng.shuffle(&mut items);
        assert_ne!(items, (0..50).collect::<Vec<_>>());
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert!((0..1000).all(|_| rng.below(3) < 3));
    }

    #[test]
    fn derived_streams_differ() {
        let mut a = SplitMix64::derive(5, 1);
        let mut b = SplitMix64::derive(5, 2);
        assert_ne!(a.next_u64(), b.next_u64());
    }
}
