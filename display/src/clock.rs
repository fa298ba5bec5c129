//! Time as the display sees it, injected so tests control it: a monotonic instant for
//! durations (how long a call flashes, how long the link has been down) and the wall
//! time for the clock on screen.

use chrono::{DateTime, Utc};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub trait Clock: Send + Sync {
    /// Monotonic time, comparable with the instants the live link records.
    fn instant(&self) -> Instant;
    /// Wall time.
    fn utc(&self) -> DateTime<Utc>;
}

/// The machine's clocks.
pub struct SystemClock;

impl Clock for SystemClock {
    fn instant(&self) -> Instant {
        Instant::now()
    }

    fn utc(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock for tests. The wall time stands at a chosen moment and moves only when
/// advanced, so screenshots repeat exactly. The monotonic time runs with real time
/// plus everything advanced, so it stays comparable with the instants the live link
/// records while a test can jump past "flashing for 6 s" or "offline for 30 s".
pub struct ManualClock {
    start: DateTime<Utc>,
    advanced: Mutex<Duration>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> ManualClock {
        ManualClock {
            start,
            advanced: Mutex::new(Duration::ZERO),
        }
    }

    pub fn advance(&self, by: Duration) {
        *self.advanced.lock().expect("manual clock") += by;
    }

    fn advanced(&self) -> Duration {
        *self.advanced.lock().expect("manual clock")
    }
}

impl Clock for ManualClock {
    fn instant(&self) -> Instant {
        Instant::now() + self.advanced()
    }

    fn utc(&self) -> DateTime<Utc> {
        self.start + chrono::Duration::from_std(self.advanced()).expect("a test-sized duration")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manual_clock_moves_when_told() {
        let start: DateTime<Utc> = "2026-11-20T07:00:00Z".parse().unwrap();
        let clock = ManualClock::new(start);
        let before = clock.instant();
        assert_eq!(clock.utc(), start);
        clock.advance(Duration::from_secs(31));
        assert_eq!(clock.utc(), start + chrono::Duration::seconds(31));
        assert!(clock.instant() >= before + Duration::from_secs(31));
    }
}
