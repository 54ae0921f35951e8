//! The browser's clock for the core: `performance.now()`.

use crate::core::clock::Clock;

/// `performance.now()` in milliseconds (falls back to 0 where there is no window).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }
}
