//! New calls: what to flash and announce.
//!
//! The live link's `TicketCalled` events (calls and recalls) are the source. The server
//! sends a snapshot instead of events when a client fell behind or reconnected too
//! late; calls made in between then reach the display only inside the snapshot, so a
//! snapshot's calls that were never seen are new calls too. Every call is known by its
//! ticket and time, so none is announced twice, and the calls listed in the first
//! snapshot (made before the display started) are not announced at all. Calls that
//! reach the display long after they were made (after an outage) are listed on screen
//! but not announced: nobody in the hall waits for them any more.

use crate::speech::Call;
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use talon_client::Mirror;
use talon_client::mirror::RECENT_CALLS;
use talon_protocol::{CallRecord, Event, EventKind, TicketId};

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

/// Tells which calls are new, across events and snapshots.
#[derive(Debug, Default)]
pub struct CallTracker {
    /// Calls already handled, by ticket and time (a recall is another call).
    known: HashSet<(TicketId, DateTime<Utc>)>,
    /// Snapshots the link had received when last looked at.
    snapshots: u32,
}

impl CallTracker {
    /// The new calls, oldest first, given the events taken from the link since the
    /// last frame, the mirror they were applied to and the link's snapshot count.
    pub fn update(&mut self, events: &[Event], mirror: &Mirror, snapshots: u32) -> Vec<NewCall> {
        let server_now = mirror.office.now;
        let mut calls: Vec<NewCall> = new_calls(events, server_now)
            .into_iter()
            .filter(|call| self.known.insert((call.ticket, call.at)))
            .collect();
        if snapshots != self.snapshots {
            let first = self.snapshots == 0;
            self.snapshots = snapshots;
            for record in mirror.office.recent_calls.iter().rev() {
                if self.known.insert((record.ticket_id, record.at)) && !first {
                    calls.push(from_record(record, server_now));
                }
            }
        }
        if self.known.len() > 4 * RECENT_CALLS {
            let listed: HashSet<_> = mirror
                .office
                .recent_calls
                .iter()
                .map(|r| (r.ticket_id, r.at))
                .collect();
            self.known.retain(|key| listed.contains(key));
        }
        calls
    }
}

fn from_record(record: &CallRecord, server_now: DateTime<Utc>) -> NewCall {
    NewCall {
        ticket: record.ticket_id,
        at: record.at,
        call: Call {
            ticket: record.label.clone(),
            window: record.window_label.clone(),
        },
        recall: record.recall,
        fresh: server_now - record.at <= ANNOUNCE_WITHIN,
    }
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
    use crate::sample_office::{at, called, mirror};
    use talon_protocol::OfficeId;

    #[test]
    fn calls_and_recalls_in_order_other_events_ignored() {
        let opened = Event {
            office_id: OfficeId(1),
            seq: 2,
            at: at("2026-11-20T07:00:00Z"),
            kind: EventKind::WindowChanged {
                window: mirror().office.windows[0].clone(),
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

    fn labels(calls: &[NewCall]) -> Vec<(&str, bool)> {
        calls
            .iter()
            .map(|c| (c.call.ticket.as_str(), c.fresh))
            .collect()
    }

    #[test]
    fn the_tracker_announces_each_call_once_and_none_from_before_the_start() {
        let mut tracker = CallTracker::default();
        let mut office = mirror();
        office.apply(&called(1, "П001", 1, "1", "2026-11-20T07:00:00Z", false));
        // The first snapshot: calls made before the display started are not new.
        assert!(tracker.update(&[], &office, 1).is_empty());
        let call = called(2, "П002", 2, "2", "2026-11-20T07:01:00Z", false);
        office.apply(&call);
        assert_eq!(
            labels(&tracker.update(std::slice::from_ref(&call), &office, 1)),
            [("П002", true)]
        );
        // The same event again (a duplicate) is not a new call.
        assert!(tracker.update(&[call], &office, 1).is_empty());
        // A recall of the same ticket is.
        let recall = called(3, "П002", 2, "2", "2026-11-20T07:02:00Z", true);
        office.apply(&recall);
        let calls = tracker.update(&[recall], &office, 1);
        assert_eq!(labels(&calls), [("П002", true)]);
        assert!(calls[0].recall);
    }

    #[test]
    fn calls_that_arrive_only_in_a_later_snapshot_are_new() {
        let mut tracker = CallTracker::default();
        let mut office = mirror();
        office.apply(&called(1, "П001", 1, "1", "2026-11-20T07:00:00Z", false));
        assert!(tracker.update(&[], &office, 1).is_empty());
        // The link fell behind; the server sent a snapshot with two calls made meanwhile,
        // one of them long ago.
        let mut resynced = mirror();
        resynced.apply(&called(1, "П001", 1, "1", "2026-11-20T07:00:00Z", false));
        resynced.apply(&called(2, "Д001", 5, "3", "2026-11-20T07:01:00Z", false));
        resynced.apply(&called(3, "П002", 2, "2", "2026-11-20T07:10:00Z", false));
        assert_eq!(
            labels(&tracker.update(&[], &resynced, 2)),
            [("Д001", false), ("П002", true)],
            "oldest first; the old one is listed but not announced"
        );
        assert!(tracker.update(&[], &resynced, 2).is_empty());
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
