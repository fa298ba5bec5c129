//! A whole simulated office day, accelerated, against the real server: the invariants of
//! the queue hold and the statistics equal what the event log says.

use std::collections::{HashMap, HashSet};
use talon_protocol::{EventKind, Ticket, TicketId, TicketStatus, WindowId};
use talon_sim::scenario::Scenario;
use talon_sim::world::Pace;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_simulated_day_keeps_every_invariant_and_stats_match_the_events() {
    let scenario = Scenario::default_office();
    let day = "2026-11-20".parse().unwrap();
    let (world, report) = talon_sim::simulate_day(&scenario, day, 42)
        .await
        .expect("the day runs");
    let Pace::Virtual { queues, .. } = &world.pace else {
        unreachable!()
    };
    let events = queues
        .store()
        .events_since(world.office, 0, u32::MAX)
        .await
        .unwrap();
    assert!(
        report.counters.issued > 200,
        "a realistic day: {} tickets",
        report.counters.issued
    );
    assert_eq!(
        report.counters.unexpected, 0,
        "the server refused nothing the model did"
    );

    // Sequence numbers are contiguous from 1.
    for (index, event) in events.iter().enumerate() {
        assert_eq!(event.seq, index as u64 + 1, "seq gap at {index}");
    }

    // Replay the log: no ticket is ever at two windows, none is finished twice.
    let mut at_window: HashMap<TicketId, WindowId> = HashMap::new();
    let mut finished: HashSet<TicketId> = HashSet::new();
    let mut last: HashMap<TicketId, Ticket> = HashMap::new();
    let mut issued = 0;
    for event in &events {
        match &event.kind {
            EventKind::TicketIssued { .. } => issued += 1,
            EventKind::TicketCalled {
                ticket,
                window_id,
                recall: false,
                ..
            } => {
                assert!(
                    !at_window.contains_key(&ticket.id),
                    "{} called while already at a window",
                    ticket.label
                );
                at_window.insert(ticket.id, *window_id);
            }
            EventKind::TicketCalled {
                ticket,
                window_id,
                recall: true,
                ..
            } => {
                assert_eq!(
                    at_window.get(&ticket.id),
                    Some(window_id),
                    "recall at another window"
                );
            }
            EventKind::TicketFinished { ticket } => {
                assert!(
                    finished.insert(ticket.id),
                    "{} finished twice",
                    ticket.label
                );
            }
            _ => {}
        }
        if let Some(ticket) = event.kind.ticket() {
            if ticket.window_id.is_none() {
                at_window.remove(&ticket.id);
            }
            last.insert(ticket.id, ticket.clone());
        }
    }
    assert_eq!(issued, report.counters.issued);

    // By the end every ticket is finished, a no-show or cancelled — or still waiting and
    // reported as unfinished. Nobody is left called or half-served.
    let count = |status| last.values().filter(|t| t.status == status).count() as u32;
    let still_waiting = count(TicketStatus::Waiting) + count(TicketStatus::Postponed);
    assert_eq!(
        count(TicketStatus::Called) + count(TicketStatus::Serving),
        0
    );
    let total = &report.stats.total;
    assert_eq!(total.unfinished, still_waiting);

    // The statistics equal the figures recomputed from the event log.
    assert_eq!(total.issued, issued);
    assert_eq!(total.finished, count(TicketStatus::Done));
    assert_eq!(total.no_shows, count(TicketStatus::NoShow));
    assert_eq!(total.cancelled, count(TicketStatus::Cancelled));
    assert_eq!(
        total.transfers,
        last.values().map(|t| t.transfers).sum::<u32>()
    );
    assert_eq!(total.transfers, report.counters.transfers);
    let called: Vec<&Ticket> = last
        .values()
        .filter(|t| matches!(t.status, TicketStatus::Done | TicketStatus::NoShow))
        .collect();
    let mean = |values: Vec<i64>| {
        let n = values.len() as i64;
        (n > 0).then(|| (values.iter().sum::<i64>() * 2 + n) / (2 * n))
    };
    assert_eq!(total.wait.count as usize, called.len());
    assert_eq!(
        total.wait.average_ms,
        mean(called.iter().map(|t| t.wait_ms).collect())
    );
    let done: Vec<&Ticket> = last
        .values()
        .filter(|t| t.status == TicketStatus::Done)
        .collect();
    assert_eq!(
        total.service.average_ms,
        mean(done.iter().map(|t| t.service_ms).collect())
    );
    let by_topic: u32 = report.stats.by_topic.iter().map(|t| t.stats.issued).sum();
    assert_eq!(by_topic, issued);
    let alerts = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::AlertRaised { .. }))
        .count() as u32;
    assert_eq!(alerts, report.alerts_raised);

    // Bookings: what the statistics say equals what the visitors did and the log shows.
    let bookings = &report.stats.bookings.total;
    let c = &report.counters;
    assert!(c.booked >= 10, "visitors booked ahead: {}", c.booked);
    assert_eq!(bookings.made, c.booked);
    assert_eq!(bookings.kept, c.checked_in);
    let checked_in = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::BookingCheckedIn { .. }))
        .count() as u32;
    assert_eq!(checked_in, c.checked_in);
    let booked_tickets = last.values().filter(|t| t.booking.is_some()).count() as u32;
    assert_eq!(
        booked_tickets, c.checked_in,
        "each check-in issued one ticket"
    );
    assert_eq!(
        bookings.kept + bookings.no_shows + bookings.pending + bookings.cancelled,
        bookings.made
    );
    assert_eq!(
        bookings.pending, 0,
        "by the end of the day every booking is settled"
    );
    assert!(
        bookings.booked_wait.count > 0,
        "booked visitors were called"
    );
    // No slot took more visitors than its places.
    let mut per_slot: HashMap<
        (
            talon_protocol::booking::BookingTarget,
            chrono::DateTime<chrono::Utc>,
        ),
        u32,
    > = HashMap::new();
    for event in &events {
        if let EventKind::BookingMade { booking } = &event.kind {
            *per_slot.entry((booking.target, booking.start)).or_default() += 1;
        }
    }
    assert!(per_slot.values().all(|n| *n <= 2), "{per_slot:?}");
    println!("{}", report.render());
    world.stop().await.unwrap();
}
