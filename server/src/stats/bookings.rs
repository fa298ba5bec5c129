//! Booking statistics: what became of the bookings whose slot fell in a period (made,
//! kept, moved, cancelled, missed, still pending), the waits of the booked visitors
//! against their booked norm, and how far ahead they booked.

use super::distribution::{count_u32, distribution};
use std::collections::{BTreeMap, HashMap};
use talon_protocol::booking::{Booking, BookingStatus, BookingTarget, Reception};
use talon_protocol::stats::{BookingRow, BookingSlice, BookingStats};
use talon_protocol::{Ticket, TicketId, TicketStatus, Topic};

/// The rows of `bookings`, with the waits of their tickets (`tickets`, by id).
pub fn booking_stats(
    bookings: &[Booking],
    tickets: &HashMap<TicketId, &Ticket>,
    topics: &[Topic],
    receptions: &[Reception],
) -> BookingStats {
    let mut by_target: BTreeMap<BookingTarget, Vec<&Booking>> = BTreeMap::new();
    for booking in bookings {
        by_target.entry(booking.target).or_default().push(booking);
    }
    let slices = by_target
        .into_iter()
        .map(|(target, bookings)| {
            let (name_ru, name_en) = match target {
                BookingTarget::Topic(id) => topics
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| (t.name_ru.clone(), t.name_en.clone())),
                BookingTarget::Staff(id) => receptions
                    .iter()
                    .find(|r| r.staff_id == id)
                    .map(|r| (r.title_ru.clone(), r.title_en.clone())),
            }
            .unwrap_or_default();
            BookingSlice {
                target,
                name_ru,
                name_en,
                row: row(bookings.into_iter(), tickets),
            }
        })
        .collect();
    BookingStats {
        total: row(bookings.iter(), tickets),
        slices,
    }
}

fn row<'a>(
    bookings: impl Iterator<Item = &'a Booking>,
    tickets: &HashMap<TicketId, &Ticket>,
) -> BookingRow {
    let mut r = BookingRow::default();
    let mut waits = Vec::new();
    let mut within = 0usize;
    let mut leads = Vec::new();
    for booking in bookings {
        r.made += 1;
        match booking.status {
            BookingStatus::Booked => r.pending += 1,
            BookingStatus::CheckedIn => r.kept += 1,
            BookingStatus::Cancelled => r.cancelled += 1,
            BookingStatus::NoShow => r.no_shows += 1,
        }
        if booking.moves > 0 {
            r.moved += 1;
        }
        leads.push(
            (booking.start - booking.created_at)
                .num_milliseconds()
                .max(0),
        );
        let called = booking
            .ticket_id
            .and_then(|id| tickets.get(&id))
            .filter(|t| t.called_at.is_some() && t.status != TicketStatus::Cancelled);
        if let Some(ticket) = called {
            waits.push(ticket.wait_ms);
            if ticket.wait_ms <= i64::from(booking.wait_norm_min) * 60_000 {
                within += 1;
            }
        }
    }
    r.within_booked_norm =
        (!waits.is_empty()).then(|| within as f64 / f64::from(count_u32(waits.len())));
    r.booked_wait = distribution(waits);
    r.lead = distribution(leads);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration, Utc};
    use talon_protocol::booking::BookingId;
    use talon_protocol::{NewTicket, OfficeId, StaffId, TopicId};

    fn at(minutes: i64) -> DateTime<Utc> {
        "2026-11-20T07:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minutes)
    }

    fn booking(n: u128, target: BookingTarget, status: BookingStatus, moves: u32) -> Booking {
        Booking {
            id: BookingId(uuid::Uuid::from_u128(n)),
            office_id: OfficeId(1),
            target,
            topic_id: TopicId(1),
            start: at(60),
            end: at(75),
            status,
            ticket_id: None,
            // Booked a day and an hour ahead … n minutes later each.
            created_at: at(-24 * 60 + n as i64),
            moves,
            wait_norm_min: 5,
            check_in_before_min: 30,
            check_in_after_min: 15,
        }
    }

    fn called_ticket(n: u128, wait_min: i64) -> Ticket {
        let mut ticket = NewTicket {
            id: TicketId(uuid::Uuid::from_u128(n)),
            office_id: OfficeId(1),
            topic_id: TopicId(1),
            label: format!("A{n:03}"),
            number: n as u32,
            service_day: at(0).date_naive(),
            out_of_turn: false,
            public_code: format!("C{n}"),
            issued_at: at(50),
        }
        .into_ticket();
        ticket.status = TicketStatus::Done;
        ticket.called_at = Some(at(60 + wait_min));
        ticket.wait_ms = wait_min * 60_000;
        ticket.waiting_since = None;
        ticket
    }

    #[test]
    fn bookings_are_counted_by_what_became_of_them_and_booked_waits_by_their_norm() {
        let topic = BookingTarget::Topic(TopicId(1));
        let head = BookingTarget::Staff(StaffId(9));
        let mut kept = booking(1, topic, BookingStatus::CheckedIn, 1);
        kept.ticket_id = Some(TicketId(uuid::Uuid::from_u128(101)));
        let mut late_kept = booking(2, topic, BookingStatus::CheckedIn, 0);
        late_kept.ticket_id = Some(TicketId(uuid::Uuid::from_u128(102)));
        let bookings = [
            kept,
            late_kept,
            booking(3, topic, BookingStatus::Cancelled, 0),
            booking(4, topic, BookingStatus::NoShow, 2),
            booking(5, head, BookingStatus::Booked, 0),
        ];
        // Waited 4 minutes (within 5) and 7 (over).
        let tickets = [called_ticket(101, 4), called_ticket(102, 7)];
        let by_id: HashMap<_, _> = tickets.iter().map(|t| (t.id, t)).collect();
        let topics = [];
        let receptions = [];
        let stats = booking_stats(&bookings, &by_id, &topics, &receptions);
        let total = &stats.total;
        assert_eq!(
            (
                total.made,
                total.kept,
                total.moved,
                total.cancelled,
                total.no_shows,
                total.pending
            ),
            (5, 2, 2, 1, 1, 1)
        );
        assert_eq!(total.booked_wait.count, 2);
        assert_eq!(total.booked_wait.average_ms, Some(330_000));
        assert_eq!(total.within_booked_norm, Some(0.5));
        // Lead: 25 h less 1…5 minutes; the median is 25 h less 3 minutes.
        assert_eq!(total.lead.median_ms, Some((25 * 60 - 3) * 60_000));
        assert_eq!(stats.slices.len(), 2, "the topic, then the person");
        assert_eq!(stats.slices[0].target, topic);
        assert_eq!(stats.slices[0].row.made, 4);
        assert_eq!(stats.slices[1].target, head);
        assert_eq!(stats.slices[1].row.pending, 1);
        assert!(stats.slices[1].row.within_booked_norm.is_none());
    }
}
