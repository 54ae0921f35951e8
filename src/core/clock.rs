//! A clock passed in by the caller, because the core cannot read one on every target
//! (`std::time::Instant` panics on wasm32-unknown-unknown). The browser passes
//! `performance.now()`; native code passes [`MonotonicClock`].

/// Milliseconds from an arbitrary, fixed origin; only differences are meaningful.
pub trait Clock {
    /// The current time in milliseconds.
    fn now_ms(&self) -> f64;
}

/// A clock that always reads zero: for tests and callers that do not time anything.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoClock;

impl Clock for NoClock {
    fn now_ms(&self) -> f64 {
        0.0
    }
}

/// The native monotonic clock.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Debug)]
pub struct MonotonicClock {
    origin: std::time::Instant,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for MonotonicClock {
    fn default() -> Self {
        Self {
            origin: std::time::Instant::now(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Clock for MonotonicClock {
    fn now_ms(&self) -> f64 {
        self.origin.elapsed().as_secs_f64() * 1000.0
    }
}

/// Times `work` with `clock`, returning its result and the milliseconds it took.
pub fn timed<T>(clock: &dyn Clock, work: impl FnOnce() -> T) -> (T, f64) {
    let start = clock.now_ms();
    let out = work();
    (out, (clock.now_ms() - start).max(0.0))
}
