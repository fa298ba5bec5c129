//! Dispatch order on the engine's state: the rule itself is `talon_protocol::dispatch`,
//! shared with the agent desk.

use super::OfficeState;
use super::ticket_set::Queue;
use chrono::{DateTime, Utc};
use std::cmp::Ordering;
pub use talon_protocol::dispatch::is_eligible;
use talon_protocol::{Ticket, Window};

/// The queues a window calls from: its topics' (walk-in and booked), its own (tickets
/// transferred to it) and its agent's bookings in person.
fn queues_of(window: &Window) -> impl Iterator<Item = Queue> + '_ {
    window
        .topics
        .iter()
        .flat_map(|topic| [Queue::Topic(*topic), Queue::Booked(*topic)])
        .chain(std::iter::once(Queue::Window(window.id)))
        .chain(window.agent_id.map(Queue::Person))
}

/// The window's queue in dispatch order.
pub fn queue_for<'a>(
    state: &'a OfficeState,
    window: &Window,
    now: DateTime<Utc>,
) -> Vec<&'a Ticket> {
    let mut queue: Vec<&Ticket> = queues_of(window)
        .flat_map(|queue| state.tickets.queue(queue))
        .collect();
    queue.sort_by(|a, b| dispatch_order(state, a, b, now));
    queue
}

/// The ticket the window calls next: the best of its topics' first tickets, walk-in and
/// booked (within one of these queues the order does not change with time, so the first
/// is its best), of the tickets transferred to it and of its agent's bookings in person
/// (of any topic, so all of them are compared).
pub fn next_for<'a>(
    state: &'a OfficeState,
    window: &Window,
    now: DateTime<Utc>,
) -> Option<&'a Ticket> {
    let heads = window.topics.iter().flat_map(|topic| {
        [Queue::Topic(*topic), Queue::Booked(*topic)]
            .into_iter()
            .filter_map(|queue| state.tickets.head(queue))
    });
    let personal = window
        .agent_id
        .into_iter()
        .flat_map(|agent| state.tickets.queue(Queue::Person(agent)));
    heads
        .chain(state.tickets.queue(Queue::Window(window.id)))
        .chain(personal)
        .min_by(|a, b| dispatch_order(state, a, b, now))
}

/// `Less` means `a` is called before `b`.
pub fn dispatch_order(state: &OfficeState, a: &Ticket, b: &Ticket, now: DateTime<Utc>) -> Ordering {
    let wait_norm = |topic| Some(state.norms_of(topic).wait.minutes);
    talon_protocol::dispatch::dispatch_order(wait_norm, a, b, now)
}
