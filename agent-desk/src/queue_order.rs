//! A window's queue in dispatch order, computed from the live mirror.
//!
//! The server decides who is called (server/src/engine/dispatch.rs); the desk repeats the
//! same rule on its mirror so that the queue on screen moves with every live event
//! without asking the server after each change. The end-to-end tests compare this list
//! with the server's `GET /windows/{w}/queue`.
//!
//! Order: out-of-turn first; then tickets a transfer put at the front; then the ticket
//! nearest to breaking its wait norm (time in the queue ÷ the topic's wait norm); ties by
//! the time the ticket joined the queue, issue time, id.

use chrono::{DateTime, Utc};
use std::cmp::Ordering;
use talon_protocol::{Snapshot, Ticket, TicketStatus, Topic, Window};

/// Whether `window` may call `ticket` now.
pub fn is_eligible(ticket: &Ticket, window: &Window) -> bool {
    ticket.status == TicketStatus::Waiting
        && match ticket.target_window {
            Some(target) => target == window.id,
            None => window.topics.contains(&ticket.topic_id),
        }
}

/// The tickets `window` may call, in the order it will call them.
pub fn window_queue<'a>(
    office: &'a Snapshot,
    window: &Window,
    now: DateTime<Utc>,
) -> Vec<&'a Ticket> {
    let mut queue: Vec<&Ticket> = office
        .tickets
        .iter()
        .filter(|t| is_eligible(t, window))
        .collect();
    queue.sort_by(|a, b| dispatch_order(&office.topics, a, b, now));
    queue
}

/// Every waiting ticket of the office, longest wait first (the head's view).
pub fn waiting_by_wait(office: &Snapshot, now: DateTime<Utc>) -> Vec<&Ticket> {
    let mut waiting: Vec<&Ticket> = office
        .tickets
        .iter()
        .filter(|t| t.status == TicketStatus::Waiting)
        .collect();
    waiting.sort_by(|a, b| {
        b.out_of_turn
            .cmp(&a.out_of_turn)
            .then(b.wait_ms_at(now).cmp(&a.wait_ms_at(now)))
            .then(a.issued_at.cmp(&b.issued_at))
            .then(a.label.cmp(&b.label))
    });
    waiting
}

fn dispatch_order(topics: &[Topic], a: &Ticket, b: &Ticket, now: DateTime<Utc>) -> Ordering {
    b.out_of_turn
        .cmp(&a.out_of_turn)
        .then(b.front.cmp(&a.front))
        .then_with(|| {
            let (a_num, a_den) = norm_ratio(topics, a, now);
            let (b_num, b_den) = norm_ratio(topics, b, now);
            // Larger ratio first, compared without floats.
            (b_num * a_den).cmp(&(a_num * b_den))
        })
        .then(a.queue_since.cmp(&b.queue_since))
        .then(a.issued_at.cmp(&b.issued_at))
        .then(a.id.cmp(&b.id))
}

fn norm_ratio(topics: &[Topic], ticket: &Ticket, now: DateTime<Utc>) -> (i128, i128) {
    let waited = (now - ticket.queue_since).num_milliseconds().max(0);
    let norm_minutes = topics
        .iter()
        .find(|t| t.id == ticket.topic_id)
        .map_or(15, |t| t.norms.wait.minutes)
        .max(1);
    (i128::from(waited), i128::from(norm_minutes) * 60_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use talon_protocol::{TopicId, WindowId};

    #[test]
    fn out_of_turn_then_front_then_nearest_to_the_norm() {
        let mut office = office_with_topics();
        let window = window(1, &[1, 4]);
        // Topic 1 has a 15-minute norm, topic 4 a 5-minute one.
        let long_wait = ticket("П001", 1, 10);
        let short_norm = ticket("Ю001", 4, 4); // 4/5 > 10/15
        let mut out_of_turn = ticket("П002", 1, 1);
        out_of_turn.out_of_turn = true;
        let mut front = ticket("П003", 1, 0);
        front.front = true;
        let other_topic = ticket("Д001", 2, 30);
        let mut elsewhere = ticket("П004", 1, 40);
        elsewhere.target_window = Some(WindowId(2));
        let mut here = ticket("Д002", 2, 2);
        here.target_window = Some(WindowId(1));
        let mut called = ticket("П005", 1, 50);
        called.status = TicketStatus::Called;
        office.tickets = vec![
            long_wait,
            short_norm,
            out_of_turn,
            front,
            other_topic,
            elsewhere,
            here,
            called,
        ];
        let labels: Vec<&str> = window_queue(&office, &window, now())
            .iter()
            .map(|t| t.label.as_str())
            .collect();
        assert_eq!(labels, ["П002", "П003", "Ю001", "П001", "Д002"]);
    }

    #[test]
    fn ties_go_to_who_joined_first() {
        let mut office = office_with_topics();
        let window = window(1, &[1]);
        let mut later = ticket("П002", 1, 5);
        let earlier = ticket("П001", 1, 5);
        later.issued_at = earlier.issued_at + chrono::Duration::seconds(1);
        office.tickets = vec![later, earlier];
        let queue = window_queue(&office, &window, now());
        assert_eq!(queue[0].label, "П001");
        assert!(queue.iter().all(|t| t.topic_id == TopicId(1)));
    }
}
