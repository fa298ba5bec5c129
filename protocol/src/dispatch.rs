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

use crate::{Norms, Ticket, TicketStatus, TopicId, Window};
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

/// The tier of the order above: 0 out of turn, 1 booked and due, 2 the rest, 3 booked
/// and early.
fn tier(ticket: &Ticket, now: DateTime<Utc>) -> u8 {
    if ticket.out_of_turn {
        return 0;
    }
    match ticket.booked() {
        Some(booking) if booking.slot_start <= now => 1,
        Some(_) => 3,
        None => 2,
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
    tier(a, now)
        .cmp(&tier(b, now))
        .then(b.front.cmp(&a.front))
        .then_with(|| {
            let (a_num, a_den) = norm_ratio(&wait_norm, a, now);
            let (b_num, b_den) = norm_ratio(&wait_norm, b, now);
            // Larger ratio first; compare a_num/a_den with b_num/b_den without floats.
            (b_num * a_den).cmp(&(a_num * b_den))
        })
        .then(a.queue_since.cmp(&b.queue_since))
        .then(a.issued_at.cmp(&b.issued_at))
        .then(a.id.cmp(&b.id))
}

/// Time in the current queue over the topic's wait norm, as a fraction (numerator,
/// denominator) in milliseconds.
fn norm_ratio(
    wait_norm: &impl Fn(TopicId) -> Option<u32>,
    ticket: &Ticket,
    now: DateTime<Utc>,
) -> (i128, i128) {
    let waited = (now - ticket.queue_since).num_milliseconds().max(0);
    let topic_norm = wait_norm(ticket.topic_id).unwrap_or_else(|| Norms::default().wait.minutes);
    let norm_minutes = ticket.wait_norm_min(topic_norm).max(1);
    (i128::from(waited), i128::from(norm_minutes) * 60_000)
}
