//! Estimated waits and positions in line.

use super::OfficeState;
use super::ticket_set::Queue;
use talon_protocol::{Ticket, TicketStatus, TopicId, TopicLoad, WindowState};

/// How many waiting tickets of the same topic are ahead of `ticket` (people a visitor
/// sees as "before me"): for an out-of-turn ticket only other out-of-turn ones.
pub fn people_ahead(
    state: &OfficeState,
    ticket: &Ticket,
    now: chrono::DateTime<chrono::Utc>,
) -> u32 {
    let own = Queue::of(ticket);
    let queue = Queue::Topic(ticket.topic_id);
    let in_queue = ticket.status == TicketStatus::Waiting && !matches!(own, Queue::Window(_));
    let count = if in_queue {
        // Within its queue (the topic's, or the booked visitors' of the topic or of a
        // person) the order is the dispatch order, and most tickets asked about are
        // near its end (just issued): count those behind.
        state
            .tickets
            .queue_len(own)
            .saturating_sub(1 + state.tickets.behind(own, ticket))
    } else {
        state
            .tickets
            .queue(queue)
            .filter(|other| {
                other.id != ticket.id
                    && super::dispatch::dispatch_order(state, other, ticket, now).is_lt()
            })
            .count()
    };
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// Windows open (not closed, not paused) that serve a topic.
pub fn open_windows(state: &OfficeState, topic: TopicId) -> u32 {
    let count = state
        .windows
        .values()
        .filter(|w| {
            !matches!(w.state, WindowState::Closed | WindowState::Paused)
                && w.topics.contains(&topic)
        })
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// Average of the topic's recent services, or its service norm when there is no history.
pub fn typical_service_ms(state: &OfficeState, topic: TopicId) -> i64 {
    match state.recent_service_ms.get(&topic) {
        Some(recent) if !recent.is_empty() => recent.iter().sum::<i64>() / recent.len() as i64,
        _ => i64::from(state.norms_of(topic).service.minutes) * 60_000,
    }
}

/// What a visitor with `ahead` people before them will wait: the people ahead shared
/// among the open windows of the topic, each taking a typical service. With no window
/// open it counts one, so the estimate stays finite and honest about the queue.
pub fn estimated_wait_ms(state: &OfficeState, topic: TopicId, ahead: u32) -> i64 {
    if ahead == 0 {
        return 0;
    }
    let windows = i64::from(open_windows(state, topic).max(1));
    let rounds = (i64::from(ahead) + windows - 1) / windows;
    rounds * typical_service_ms(state, topic)
}

/// Waiting counts and estimates for every topic: the forecast's range for a ticket
/// taken now where there is one (and its median as the estimate), else people ahead ×
/// typical service.
pub fn load(state: &OfficeState, now: chrono::DateTime<chrono::Utc>) -> Vec<TopicLoad> {
    state
        .topics
        .values()
        .map(|topic| {
            let waiting = state.tickets.waiting_for_topic(topic.id);
            let waiting = u32::try_from(waiting).unwrap_or(u32::MAX);
            let open_windows = open_windows(state, topic.id);
            // With no window open the forecast has nothing to say (no window calls).
            let wait_range = (open_windows > 0)
                .then(|| crate::forecast::live::new_ticket(state, topic.id, now))
                .flatten();
            TopicLoad {
                topic_id: topic.id,
                waiting,
                estimated_wait_ms: wait_range.map_or_else(
                    || estimated_wait_ms(state, topic.id, waiting),
                    |r| r.median_ms,
                ),
                wait_range,
                open_windows,
            }
        })
        .collect()
}
