//! Dispatch order: who a window calls next. One rule, used by the server's engine to
//! call and by the agent desk to show its queue from the live mirror, so that agents see
//! the order the server calls in.
//!
//! Among the tickets a window may call (its topics, transferred to it, and booked with
//! its agent in person):
//! 1. out-of-turn tickets first (LNA-0009-4 §5.4.5.1);
//! 2. then booked visitors who checked in and whose slot has begun;
//! 3. then tickets a transfer put at the front of the queue;
//! 4. then the ticket nearest to breaking its wait norm: time in the queue ÷ its wait
//!    norm (the topic's, or the booked one), largest first, so a 5-minute-norm topic is
//!    not starved by a 15-minute one;
//! 5. ties by the time the ticket joined the queue, then issue time, then id;
//! 6. booked visitors who checked in before their slot began come last: they are
//!    served early only by a window nobody else waits for.

use crate::{Norms, Ticket, TicketId, TicketStatus, TopicId, Window};
use chrono::{DateTime, Utc};
use std::cmp::Ordering;

/// Whether `window` may call `ticket` now.
pub fn is_eligible(ticket: &Ticket, window: &Window) -> bool {
    ticket.status == TicketStatus::Waiting
        && match ticket.target_window {
            Some(target) => target == window.id,
            // A booking with a person: only that person calls it, at any window.
            None => match ticket.booked().and_then(|b| b.staff_id) {
                Some(staff) => window.agent_id == Some(staff),
                None => window.topics.contains(&ticket.topic_id),
            },
        }
}

/// `Less` means `a` is called before `b`. `wait_norm` gives a topic's wait norm in
/// minutes (the default norm for a topic it does not know).
pub fn dispatch_order(
    wait_norm: impl Fn(TopicId) -> Option<u32>,
    a: &Ticket,
    b: &Ticket,
    now: DateTime<Utc>,
) -> Ordering {
    let now = nanos(now);
    DispatchFacts::of(&wait_norm, a)
        .key(now)
        .cmp(&DispatchFacts::of(&wait_norm, b).key(now))
}

/// An instant as the order counts it: nanoseconds since the epoch.
pub fn nanos(at: DateTime<Utc>) -> i64 {
    at.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

/// What the order reads of a ticket, in nanoseconds since the epoch: read once, the
/// ticket's place at any instant is integer arithmetic (the forecast compares tickets
/// many thousand times a refresh).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DispatchFacts {
    out_of_turn: bool,
    /// The start of the booked slot, while booked.
    slot_start: Option<i64>,
    front: bool,
    /// The wait norm (the topic's, or the booked one), in milliseconds.
    norm_ms: i128,
    queue_since: i64,
    issued_at: i64,
    id: TicketId,
}

impl DispatchFacts {
    pub fn of(wait_norm: &impl Fn(TopicId) -> Option<u32>, ticket: &Ticket) -> DispatchFacts {
        let topic_norm =
            wait_norm(ticket.topic_id).unwrap_or_else(|| Norms::default().wait.minutes);
        DispatchFacts {
            out_of_turn: ticket.out_of_turn,
            slot_start: ticket.booked().map(|b| nanos(b.slot_start)),
            front: ticket.front,
            norm_ms: i128::from(ticket.wait_norm_min(topic_norm).max(1)) * 60_000,
            queue_since: nanos(ticket.queue_since),
            issued_at: nanos(ticket.issued_at),
            id: ticket.id,
        }
    }

    /// The same ticket as if it had been issued and joined the queue at `at` (see
    /// [`nanos`]): a visitor the forecast imagines coming later.
    pub fn joining_at(self, at: i64) -> DispatchFacts {
        DispatchFacts {
            queue_since: at,
            issued_at: at,
            ..self
        }
    }

    /// Its place in the order at `now` (nanoseconds since the epoch).
    pub fn key(&self, now: i64) -> DispatchKey {
        // The tier: 0 out of turn, 1 booked and due, 2 the rest, 3 booked and early.
        let tier = if self.out_of_turn {
            0
        } else {
            match self.slot_start {
                Some(start) if start <= now => 1,
                Some(_) => 3,
                None => 2,
            }
        };
        // Whole milliseconds in the queue, as the norm is counted.
        let waited = (now.saturating_sub(self.queue_since) / 1_000_000).max(0);
        DispatchKey {
            tier,
            front: self.front,
            waited: i128::from(waited),
            norm_ms: self.norm_ms,
            queue_since: self.queue_since,
            issued_at: self.issued_at,
            id: self.id,
        }
    }
}

/// A ticket's place in the order at one instant: the smaller key is called first.
#[derive(Debug, Clone, Copy)]
pub struct DispatchKey {
    tier: u8,
    front: bool,
    waited: i128,
    norm_ms: i128,
    queue_since: i64,
    issued_at: i64,
    id: TicketId,
}

impl Ord for DispatchKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.tier
            .cmp(&other.tier)
            .then(other.front.cmp(&self.front))
            // Larger waited / norm first; compared without floats.
            .then_with(|| (other.waited * self.norm_ms).cmp(&(self.waited * other.norm_ms)))
            .then(self.queue_since.cmp(&other.queue_since))
            .then(self.issued_at.cmp(&other.issued_at))
            .then(self.id.cmp(&other.id))
    }
}

impl PartialOrd for DispatchKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for DispatchKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for DispatchKey {}
