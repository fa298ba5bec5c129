//! New calls among the live events: what to flash and announce.
//!
//! Only `TicketCalled` events count (calls and recalls); a snapshot after a reconnect
//! brings no events, so calls already shown are never announced again. Calls replayed
//! after a longer outage are listed on screen but not announced when they are too old
//! to matter to anyone still in the hall.

use crate::speech::Call;
use chrono::{DateTime, Utc};
use talon_protocol::{Event, EventKind, TicketId};

/// A call older than this (by the server's clock) when it reaches the display is only
/// listed, not announced.
pub const ANNOUNCE_WITHIN: chrono::Duration = chrono::Duration::minutes(2);

#[derive(Debug, Clone, PartialEq)]
pub struct NewCall {
    pub ticket: TicketId,
    pub at: DateTime<Utc>,
    pub call: Call,
    pub recall: bool,
    /// Recent enough to be announced and flashed.
    pub fresh: bool,
}

/// The calls among `events`, in the order they happened. `server_now` is the server's
/// time of the newest event the display has.
pub fn new_calls(events: &[Event], server_now: DateTime<Utc>) -> Vec<NewCall> {
    events
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::TicketCalled {
                ticket,
                window_label,
                recall,
                ..
            } => Some(NewCall {
                ticket: ticket.id,
                at: event.at,
                call: Call {
                    ticket: ticket.label.clone(),
                    window: window_label.clone(),
                },
                recall: *recall,
                fresh: server_now - event.at <= ANNOUNCE_WITHIN,
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_office::{at, called};
    use talon_protocol::OfficeId;

    #[test]
    fn calls_and_recalls_in_order_other_events_ignored() {
        let opened = Event {
            office_id: OfficeId(1),
            seq: 2,
            at: at("2026-11-20T07:00:00Z"),
            kind: EventKind::WindowChanged {
                window: crate::sample_office::mirror().office.windows[0].clone(),
            },
            load: None,
        };
        let events = [
            called(1, "А015", 15, "3", "2026-11-20T07:00:00Z", false),
            opened,
            called(3, "Д001", 1, "1", "2026-11-20T07:00:01Z", false),
            called(4, "А015", 15, "3", "2026-11-20T07:00:05Z", true),
        ];
        let calls = new_calls(&events, at("2026-11-20T07:00:05Z"));
        let said: Vec<(&str, &str, bool, bool)> = calls
            .iter()
            .map(|c| {
                (
                    c.call.ticket.as_str(),
                    c.call.window.as_str(),
                    c.recall,
                    c.fresh,
                )
            })
            .collect();
        assert_eq!(
            said,
            [
                ("А015", "3", false, true),
                ("Д001", "1", false, true),
                ("А015", "3", true, true),
            ]
        );
    }

    #[test]
    fn calls_replayed_long_after_are_not_announced() {
        let events = [
            called(1, "А015", 15, "3", "2026-11-20T07:00:00Z", false),
            called(2, "А016", 16, "3", "2026-11-20T07:09:00Z", false),
        ];
        let calls = new_calls(&events, at("2026-11-20T07:10:00Z"));
        assert!(!calls[0].fresh, "ten minutes old");
        assert!(calls[1].fresh, "one minute old");
    }
}
