//! Dispatch order on the engine's state: the rule itself is `talon_protocol::dispatch`,
//! shared with the agent desk.

use super::OfficeState;
use chrono::{DateTime, Utc};
use std::cmp::Ordering;
pub use talon_protocol::dispatch::is_eligible;
use talon_protocol::{Ticket, Window};

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
    let wait_norm = |topic| Some(state.norms_of(topic).wait.minutes);
    talon_protocol::dispatch::dispatch_order(wait_norm, a, b, now)
}
