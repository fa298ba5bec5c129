//! A window's queue in dispatch order, computed from the live mirror.
//!
//! The server decides who is called; the desk applies the same rule
//! (`talon_protocol::dispatch`, one implementation for both) to its mirror so that the
//! queue on screen moves with every live event without asking the server after each
//! change. The end-to-end tests compare this list with the server's
//! `GET /windows/{w}/queue`.

use chrono::{DateTime, Utc};
use std::cmp::Ordering;
use talon_protocol::dispatch::is_eligible;
use talon_protocol::{Snapshot, Ticket, TicketStatus, Topic, Window};

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
    let wait_norm = |topic| {
        topics
            .iter()
            .find(|t| t.id == topic)
            .map(|t| t.norms.wait.minutes)
    };
    talon_protocol::dispatch::dispatch_order(wait_norm, a, b, now)
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
