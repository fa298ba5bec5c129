//! How current the screen is: the live link's state turned into what the hall is told.

use std::time::{Duration, Instant};
use talon_client::ConnectionState;

/// After this long without the server, the screen says its data may be out of date.
pub const STALE_AFTER: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Connected: the screen is current.
    Live,
    /// Just lost the server: a small marker, the last known state stays.
    Disconnected,
    /// Lost for a while: the last known state is marked as possibly out of date.
    Stale,
}

pub fn freshness(state: &ConnectionState, now: Instant) -> Freshness {
    match state {
        ConnectionState::Online | ConnectionState::Connecting => Freshness::Live,
        ConnectionState::Offline { since, .. } => {
            if now.saturating_duration_since(*since) >= STALE_AFTER {
                Freshness::Stale
            } else {
                Freshness::Disconnected
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disconnected_at_once_then_stale_after_thirty_seconds() {
        let since = Instant::now();
        let offline = ConnectionState::Offline {
            since,
            reason: "connection refused".into(),
        };
        assert_eq!(freshness(&ConnectionState::Online, since), Freshness::Live);
        assert_eq!(freshness(&offline, since), Freshness::Disconnected);
        assert_eq!(
            freshness(&offline, since + Duration::from_secs(29)),
            Freshness::Disconnected
        );
        assert_eq!(freshness(&offline, since + STALE_AFTER), Freshness::Stale);
    }
}
