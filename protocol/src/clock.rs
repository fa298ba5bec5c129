//! Time, injected so that tests move it instead of sleeping: one clock for the server and
//! every app. Wall time is what the rules and the screens read (the service day, waits
//! against norms, the clock in the hall); monotonic time is what apps measure intervals
//! with (how long a call flashes, how long the link has been down).

use chrono::{DateTime, Utc};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub trait Clock: Send + Sync + 'static {
    /// Wall time.
    fn now(&self) -> DateTime<Utc>;

    /// Monotonic time; the machine's unless a test clock moves it.
    fn instant(&self) -> Instant {
        Instant::now()
    }
}

/// The machine's clocks.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock for tests and the accelerated simulator. Wall time stands where it was set and
/// moves only when told, so runs and screenshots repeat exactly; monotonic time runs with
/// real time plus everything advanced, so it stays comparable with instants taken from
/// the machine while a test can jump past "flashing for 6 s" or "offline for 30 s".
#[derive(Debug)]
pub struct ManualClock {
    state: Mutex<(DateTime<Utc>, Duration)>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> ManualClock {
        ManualClock {
            state: Mutex::new((start, Duration::ZERO)),
        }
    }

    /// Sets the wall time (monotonic time is not moved back).
    pub fn set(&self, to: DateTime<Utc>) {
        self.state.lock().expect("manual clock").0 = to;
    }

    /// Moves both clocks forward (a negative step moves only the wall time, back).
    pub fn advance(&self, by: chrono::Duration) {
        let mut state = self.state.lock().expect("manual clock");
        state.0 += by;
        if let Ok(forward) = by.to_std() {
            state.1 += forward;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.state.lock().expect("manual clock").0
    }

    fn instant(&self) -> Instant {
        Instant::now() + self.state.lock().expect("manual clock").1
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
        clock.advance(chrono::Duration::seconds(31));
        assert_eq!(clock.now(), start + chrono::Duration::seconds(31));
        assert!(clock.instant() >= before + Duration::from_secs(31));
        let later: DateTime<Utc> = "2026-11-21T00:00:00Z".parse().unwrap();
        clock.set(later);
        assert_eq!(clock.now(), later);
        clock.advance(chrono::Duration::seconds(-5));
        assert_eq!(clock.now(), later - chrono::Duration::seconds(5));
        assert!(clock.instant() >= before + Duration::from_secs(31));
    }
}
