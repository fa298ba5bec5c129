//! The newest call flashes for a few seconds so the hall notices it, then stays steady.

use chrono::{DateTime, Utc};
use std::time::{Duration, Instant};
use talon_protocol::{CallRecord, TicketId};

/// How long a new call flashes.
pub const FLASH_FOR: Duration = Duration::from_secs(6);
/// The call alternates between its two colours this often.
const HALF_PERIOD_MS: i64 = 500;

/// A call that is flashing: which one (a recall of the same ticket is a new call) and
/// since when.
#[derive(Debug, Clone, PartialEq)]
pub struct Flash {
    ticket: TicketId,
    called_at: DateTime<Utc>,
    since: Instant,
}

impl Flash {
    pub fn new(ticket: TicketId, called_at: DateTime<Utc>, since: Instant) -> Flash {
        Flash {
            ticket,
            called_at,
            since,
        }
    }

    /// Whether `call` is this flash's call and still flashing at `now`.
    pub fn is_lit(&self, call: &CallRecord, now: Instant) -> bool {
        call.ticket_id == self.ticket
            && call.at == self.called_at
            && now.saturating_duration_since(self.since) < FLASH_FOR
    }

    pub fn is_over(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.since) >= FLASH_FOR
    }
}

/// Which of the two colours a flashing call shows at wall time `now` (wall time, so a
/// screenshot at a fixed time always shows the same colour).
pub fn bright_phase(now: DateTime<Utc>) -> bool {
    (now.timestamp_millis() / HALF_PERIOD_MS) % 2 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_protocol::WindowId;

    fn call(ticket: u128, at: &str) -> CallRecord {
        CallRecord {
            ticket_id: TicketId(uuid::Uuid::from_u128(ticket)),
            label: "А001".into(),
            window_id: WindowId(1),
            window_label: "1".into(),
            at: at.parse().unwrap(),
            recall: false,
        }
    }

    #[test]
    fn flashes_for_six_seconds_then_steady() {
        let start = Instant::now();
        let called = call(1, "2026-11-20T07:00:00Z");
        let flash = Flash::new(called.ticket_id, called.at, start);
        assert!(flash.is_lit(&called, start));
        assert!(flash.is_lit(&called, start + Duration::from_millis(5_900)));
        assert!(!flash.is_lit(&called, start + FLASH_FOR));
        assert!(flash.is_over(start + FLASH_FOR));
    }

    #[test]
    fn only_the_flashed_call_is_lit() {
        let start = Instant::now();
        let called = call(1, "2026-11-20T07:00:00Z");
        let flash = Flash::new(called.ticket_id, called.at, start);
        assert!(!flash.is_lit(&call(2, "2026-11-20T07:00:00Z"), start));
        // The same ticket called again later is another call.
        assert!(!flash.is_lit(&call(1, "2026-11-20T07:01:00Z"), start));
    }

    #[test]
    fn the_colours_alternate_every_half_second() {
        let t: DateTime<Utc> = "2026-11-20T07:00:00Z".parse().unwrap();
        assert!(bright_phase(t));
        assert!(!bright_phase(t + chrono::Duration::milliseconds(500)));
        assert!(bright_phase(t + chrono::Duration::milliseconds(1000)));
    }
}
