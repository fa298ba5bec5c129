//! Time as an app sees it, injected so tests control it instead of sleeping: the wall
//! time (the clock on screen, live timers against the server's times, screens that time
//! out) and a monotonic instant (how long a call flashes, when to ask the server again,
//! how long the link has been down, comparable with the instants the live link records).
//!
//! One clock for every app (kiosk, display, desk). The server has its own
//! (`talon_server::clock::Clock`), which is this clock's wall-time half.

use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub trait Clock: Send + Sync {
    /// Wall time.
    fn now(&self) -> DateTime<Utc>;

    /// Monotonic time; the machine's unless a test clock moves it.
    fn instant(&self) -> Instant {
        Instant::now()
    }
}

/// The clock an app is given.
pub type SharedClock = Arc<dyn Clock>;

/// The machine's clocks.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The real clock, shared.
pub fn system() -> SharedClock {
    Arc::new(SystemClock)
}

/// A clock whose wall time is read from `now` (tests pass the server's manual clock, so
/// the app and the server agree on the time); monotonic time is the machine's.
pub fn following(now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> SharedClock {
    Arc::new(Following(now))
}

struct Following<F>(F);

impl<F: Fn() -> DateTime<Utc> + Send + Sync> Clock for Following<F> {
    fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

/// A clock for tests. The wall time stands at a chosen moment and moves only when
/// advanced, so screenshots repeat exactly. The monotonic time runs with real time
/// plus everything advanced, so it stays comparable with the instants the live link
/// records while a test can jump past "flashing for 6 s" or "offline for 30 s".
#[derive(Debug)]
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
    fn now(&self) -> DateTime<Utc> {
        self.start + chrono::Duration::from_std(self.advanced()).expect("a test-sized duration")
    }

    fn instant(&self) -> Instant {
        Instant::now() + self.advanced()
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
        assert_eq!(clock.now(), start);
        clock.advance(Duration::from_secs(31));
        assert_eq!(clock.now(), start + chrono::Duration::seconds(31));
        assert!(clock.instant() >= before + Duration::from_secs(31));
    }

    #[test]
    fn a_following_clock_reads_its_source_each_time() {
        let source = Arc::new(Mutex::new(
            "2026-11-20T07:00:00Z".parse::<DateTime<Utc>>().unwrap(),
        ));
        let read = source.clone();
        let clock = following(move || *read.lock().unwrap());
        assert_eq!(clock.now(), *source.lock().unwrap());
        *source.lock().unwrap() += chrono::Duration::minutes(5);
        assert_eq!(
            clock.now(),
            "2026-11-20T07:05:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        let (a, b) = (clock.instant(), Instant::now());
        assert!(a <= b, "monotonic time is the machine's");
    }
}
