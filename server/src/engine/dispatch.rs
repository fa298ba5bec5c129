//! Dispatch order: who a window calls next.
//!
//! Among the tickets a window may call (its topics, or transferred to it):
//! 1. out-of-turn tickets first (LNA-0009-4 §5.4.5.1);
//! 2. then tickets a transfer put at the front of the queue;
//! 3. then the ticket nearest to breaking its wait norm: time in the queue ÷ the topic's
//!    wait norm, largest first, so a 5-minute-norm topic is not starved by a 15-minute one;
//! 4. ties by the time the ticket joined the queue, then issue time, then id.

use super::OfficeState;
use chrono::{DateTime, Utc};
use std::cmp::Ordering;
use talon_protocol::{Ticket, TicketStatus, Window};

/// Whether `window` may call `ticket` now.
pub fn is_eligible(ticket: &Ticket, window: &Window) -> bool {
    ticket.status == TicketStatus::Waiting
        && match ticket.target_window {
            Some(target) => target == window.id,
            None => window.topics.contains(&ticket.topic_id),
        }
}

/// The window's queue in dispatch order.
pub fn queue_for<'a>(
    state: &'a OfficeState,
    window: &Window,
    now: DateTime<Utc>,
) -> Vec<&'a Ticket> {
    let mut queue: Vec<&Ticket> = state
        .tickets
        .values()
        .filter(|t| is_eligible(t, window))
        .map(|t| t.as_ref())
        .collect();
    queue.sort_by(|a, b| dispatch_order(state, a, b, now));
    queue
}

/// The ticket the window calls next.
pub fn next_for<'a>(
    state: &'a OfficeState,
    window: &Window,
    now: DateTime<Utc>,
) -> Option<&'a Ticket> {
    state
        .tickets
        .values()
        .filter(|t| is_eligible(t, window))
        .min_by(|a, b| dispatch_order(state, a, b, now))
        .map(|t| t.as_ref())
}

/// `Less` means `a` is called before `b`.
pub fn dispatch_order(state: &OfficeState, a: &Ticket, b: &Ticket, now: DateTime<Utc>) -> Ordering {
    b.out_of_turn
        .cmp(&a.out_of_turn)
        .then(b.front.cmp(&a.front))
        .then_with(|| {
            let (a_num, a_den) = norm_ratio(state, a, now);
            let (b_num, b_den) = norm_ratio(state, b, now);
            // Larger ratio first; compare a_num/a_den with b_num/b_den without floats.
            (b_num * a_den).cmp(&(a_num * b_den))
        })
        .then(a.queue_since.cmp(&b.queue_since))
        .then(a.issued_at.cmp(&b.issued_at))
        .then(a.id.cmp(&b.id))
}

/// Time in the current queue over the topic's wait norm, as a fraction (numerator,
/// denominator) in milliseconds.
fn norm_ratio(state: &OfficeState, ticket: &Ticket, now: DateTime<Utc>) -> (i128, i128) {
    let waited = (now - ticket.queue_since).num_milliseconds().max(0);
    let norm_minutes = state
        .topics
        .get(&ticket.topic_id)
        .map_or(15, |t| t.norms.wait.minutes)
        .max(1);
    (i128::from(waited), i128::from(norm_minutes) * 60_000)
}
