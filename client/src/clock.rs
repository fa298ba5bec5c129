//! Time as an app sees it: the one clock of server and apps (`talon_protocol::clock`),
//! shared, and a clock that follows another's wall time (tests pass the server's manual
//! clock, so the app and the server agree on the time).

pub use talon_protocol::clock::{Clock, ManualClock, SystemClock};

use chrono::{DateTime, Utc};
use std::sync::Arc;

/// The clock an app is given.
pub type SharedClock = Arc<dyn Clock>;

/// The real clock, shared.
pub fn system() -> SharedClock {
    Arc::new(SystemClock)
}

/// A clock whose wall time is read from `now`; monotonic time is the machine's.
pub fn following(now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> SharedClock {
    Arc::new(Following(now))
}

struct Following<F>(F);

impl<F: Fn() -> DateTime<Utc> + Send + Sync + 'static> Clock for Following<F> {
    fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::Instant;

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
