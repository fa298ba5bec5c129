//! Appointments in the engine: capacity, the slot checks, moving and cancelling,
//! check-in early / on time / late, dispatch with booked, walk-in and out-of-turn
//! tickets, a person's bookings, the booked wait norm and missed bookings.
//!
//! The office of the fixture is open every day 00:00–23:59 in Moscow; t0 is 10:00.
//! Topic A is bookable here: 15-minute slots with 2 places, 30 minutes' lead.

use super::*;
use talon_protocol::booking::{
    BookingSettings, BookingStatus, BookingTarget, Reception, TicketBooking,
};

const BA: BookingTarget = BookingTarget::Topic(A);
/// The office head's reception, counted under topic C.
const HEAD: StaffId = StaffId(100);

fn bid(n: u128) -> BookingId {
    BookingId(uuid::Uuid::from_u128(n))
}

fn bookable_hall() -> Hall {
    let mut h = Hall::new();
    let a = h.st.topics.get_mut(&A).unwrap();
    a.booking = BookingSettings {
        bookable: true,
        places: 2,
        ..BookingSettings::default()
    };
    h
}

fn book(
    h: &mut Hall,
    n: u128,
    target: BookingTarget,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, EngineError> {
    h.apply(
        Command::Book {
            id: bid(n),
            target,
            start,
        },
        now,
    )
}

fn check_in(h: &mut Hall, n: u128, now: DateTime<Utc>) -> Result<Vec<Event>, EngineError> {
    h.apply(
        Command::CheckIn {
            id: bid(n),
            ticket_id: tid(1000 + n),
            public_code: format!("BOOKED{n}"),
        },
        now,
    )
}

fn conflict_code(e: EngineError) -> &'static str {
    match e {
        EngineError::Conflict { code, .. } => code,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn a_slot_takes_as_many_visitors_as_it_has_places() {
    let mut h = bookable_hall();
    let slot = m(60); // 11:00
    assert_eq!(
        names(&book(&mut h, 1, BA, slot, m(0)).unwrap()),
        ["booking_made"]
    );
    book(&mut h, 2, BA, slot, m(0)).unwrap();
    assert_eq!(
        conflict_code(h.refused(
            Command::Book {
                id: bid(3),
                target: BA,
                start: slot
            },
            m(1)
        )),
        "slot_taken"
    );
    let day = h.st.service_day;
    let slots = bookings::free_slots(&h.st, BA, day, day, m(1)).unwrap();
    let at_eleven = slots.iter().find(|s| s.start == slot).unwrap();
    assert_eq!((at_eleven.places, at_eleven.free), (2, 0));
    let next = slots.iter().find(|s| s.start == m(75)).unwrap();
    assert_eq!(next.free, 2);
    // The lead time: nothing before 10:31 is offered at 10:01.
    assert!(slots.iter().all(|s| s.start >= m(31)));
    assert_eq!(
        slots.first().unwrap().start,
        m(45),
        "10:45 is the first slot after 10:31"
    );
}

#[test]
fn only_real_slots_ahead_of_the_lead_time_and_within_the_days_can_be_booked() {
    let mut h = bookable_hall();
    let refused = |h: &mut Hall, target, start| {
        conflict_code(h.refused(
            Command::Book {
                id: bid(9),
                target,
                start,
            },
            m(0),
        ))
    };
    assert_eq!(
        refused(&mut h, BA, m(67)),
        "not_a_slot",
        "11:07 is inside a slot"
    );
    assert_eq!(
        refused(&mut h, BA, m(15)),
        "too_soon",
        "10:15 is within the 30-min lead"
    );
    assert_eq!(
        refused(&mut h, BA, m(15 * 24 * 60)),
        "outside_booking_days",
        "14 days ahead at most"
    );
    assert_eq!(
        refused(&mut h, BookingTarget::Topic(B), m(60)),
        "not_bookable"
    );
    assert!(matches!(
        h.refused(
            Command::Book {
                id: bid(9),
                target: BookingTarget::Staff(HEAD),
                start: m(60)
            },
            m(0)
        ),
        EngineError::NotFound(_)
    ));
    // 14 days ahead is still fine.
    book(&mut h, 1, BA, m(14 * 24 * 60), m(0)).unwrap();
}

#[test]
fn moving_and_cancelling_free_the_place() {
    let mut h = bookable_hall();
    h.st.topics.get_mut(&A).unwrap().booking.places = 1;
    book(&mut h, 1, BA, m(60), m(0)).unwrap();
    let moved = h.ok(
        Command::MoveBooking {
            id: bid(1),
            start: m(90),
        },
        m(1),
    );
    assert_eq!(names(&moved), ["booking_moved"]);
    assert_eq!(h.st.bookings.get(bid(1)).unwrap().moves, 1);
    // 11:00 is free again, 11:30 is taken.
    book(&mut h, 2, BA, m(60), m(2)).unwrap();
    assert_eq!(
        conflict_code(h.refused(
            Command::Book {
                id: bid(3),
                target: BA,
                start: m(90)
            },
            m(2)
        )),
        "slot_taken"
    );
    assert_eq!(
        names(&h.ok(Command::CancelBooking { id: bid(1) }, m(3))),
        ["booking_cancelled"]
    );
    assert!(
        h.st.bookings.get(bid(1)).is_none(),
        "a cancelled booking holds nothing"
    );
    book(&mut h, 3, BA, m(90), m(4)).unwrap();
    assert_eq!(
        conflict_code(h.refused(Command::CancelBooking { id: bid(1) }, m(5))),
        "booking_not_active"
    );
}

#[test]
fn check_in_too_early_on_time_and_too_late() {
    let mut h = bookable_hall();
    book(&mut h, 1, BA, m(60), m(0)).unwrap();
    book(&mut h, 2, BA, m(60), m(0)).unwrap();
    // Check-in opens 30 minutes before 11:00.
    let early = h.refused(
        Command::CheckIn {
            id: bid(1),
            ticket_id: tid(1001),
            public_code: "X".into(),
        },
        m(29),
    );
    assert_eq!(early, EngineError::CheckInTooEarly { opens_at: m(30) });
    // At 10:40: a ticket for A, booked, waiting from the slot's start.
    let events = check_in(&mut h, 1, m(40)).unwrap();
    assert_eq!(names(&events), ["ticket_issued", "booking_checked_in"]);
    let ticket = h.ticket(tid(1001)).clone();
    assert_eq!(ticket.label, "A001");
    assert_eq!(ticket.waiting_since, Some(m(60)));
    assert_eq!(
        ticket.booking,
        Some(TicketBooking {
            booking_id: bid(1),
            slot_start: m(60),
            topic_id: A,
            staff_id: None,
            wait_norm_min: 5,
        })
    );
    assert_eq!(ticket.wait_ms_at(m(50)), 0, "no wait before the slot");
    assert_eq!(ticket.wait_ms_at(m(62)), 2 * MIN);
    let booking = h.st.bookings.get(bid(1)).unwrap();
    assert_eq!(booking.status, BookingStatus::CheckedIn);
    assert_eq!(booking.ticket_id, Some(tid(1001)));
    assert_eq!(
        conflict_code(h.refused(
            Command::CheckIn {
                id: bid(1),
                ticket_id: tid(1),
                public_code: "Y".into()
            },
            m(41)
        )),
        "already_checked_in"
    );
    // After 11:15 the second is too late: time marks it missed before the check-in is
    // decided (the server tells the visitor "too late" from the stored booking).
    assert_eq!(
        conflict_code(h.refused(
            Command::CheckIn {
                id: bid(2),
                ticket_id: tid(1002),
                public_code: "Z".into()
            },
            ms(75, 1)
        )),
        "booking_not_active"
    );
}

#[test]
fn a_booking_nobody_checks_in_for_is_missed_after_the_late_limit() {
    let mut h = bookable_hall();
    book(&mut h, 1, BA, m(60), m(0)).unwrap();
    assert!(h.tick(m(75)).is_empty(), "11:15 is still within check-in");
    let events = h.tick(ms(75, 1));
    assert_eq!(names(&events), ["booking_missed"]);
    let EventKind::BookingMissed { booking } = &events[0].kind else {
        unreachable!()
    };
    assert_eq!(booking.status, BookingStatus::NoShow);
    assert!(h.st.bookings.is_empty());
    assert!(h.tick(m(90)).is_empty(), "once");
}

#[test]
fn dispatch_out_of_turn_then_booked_when_due_then_walk_ins_then_early_booked() {
    let mut h = bookable_hall();
    book(&mut h, 1, BA, m(60), m(0)).unwrap(); // 11:00
    book(&mut h, 2, BA, m(90), m(0)).unwrap(); // 11:30
    h.issue(1, A, m(30)); // A001 walk-in at 10:30
    check_in(&mut h, 1, m(40)).unwrap(); // A002, slot 11:00
    check_in(&mut h, 2, m(61)).unwrap(); // A003, slot 11:30 (early)
    h.issue(4, A, m(61)); // A004 walk-in
    h.issue_out_of_turn(5, A, m(62)); // A005 out of turn
    // Before 11:00 the booked visitor waits behind the walk-ins.
    assert_eq!(h.queue(W2, m(50)), ["A005", "A001", "A004", "A002", "A003"]);
    // From 11:00: out of turn, the booked one whose slot began, walk-ins, the early one.
    assert_eq!(h.queue(W2, m(62)), ["A005", "A002", "A001", "A004", "A003"]);
    h.open(W2, m(62));
    let order: Vec<String> = (0..5)
        .map(|_| {
            let t = h.call_ok(W2, m(63));
            h.act(t.id, TicketAction::NoShow, m(63));
            t.label
        })
        .collect();
    assert_eq!(order, ["A005", "A002", "A001", "A004", "A003"]);
}

#[test]
fn a_booking_with_a_person_is_called_only_by_that_person() {
    let mut h = Hall::new();
    let reception = Reception {
        staff_id: HEAD,
        office_id: OFFICE,
        title_ru: "Приём начальника офиса".into(),
        title_en: "Office head's reception".into(),
        topic_id: C,
        hours: WeekSchedule::every_day(DayHours::new((14, 0), (16, 0))),
        booking: BookingSettings {
            bookable: true,
            slot_min: 30,
            ..BookingSettings::default()
        },
    };
    let events = h.ok(
        Command::PutReception {
            reception: Box::new(reception),
        },
        m(0),
    );
    assert_eq!(names(&events), ["reception_changed"]);
    let head_target = BookingTarget::Staff(HEAD);
    let day = h.st.service_day;
    let slots = bookings::free_slots(&h.st, head_target, day, day, m(0)).unwrap();
    assert_eq!(slots.len(), 4, "14:00–16:00 in 30-minute slots");
    book(&mut h, 1, head_target, m(240), m(0)).unwrap(); // 14:00
    check_in(&mut h, 1, m(235)).unwrap();
    // Window 3 serves C, but not the head's visitor.
    h.open(W3, m(240));
    assert!(h.queue(W3, m(241)).is_empty());
    assert_eq!(
        conflict_code(h.call(W3, m(241)).unwrap_err()),
        "queue_empty"
    );
    // The head opens window 1 (topics A and B) and calls them.
    h.ok(Hall::window_cmd(W1, head(), WindowAction::Open), m(241));
    assert_eq!(h.queue(W1, m(241)), ["C001"]);
    let events = h
        .apply(Hall::window_cmd(W1, head(), WindowAction::CallNext), m(241))
        .unwrap();
    assert_eq!(called(&events).label, "C001");
}

#[test]
fn a_booked_visitor_breaches_the_booked_wait_norm_of_five_minutes() {
    let mut h = bookable_hall();
    book(&mut h, 1, BA, m(60), m(0)).unwrap();
    check_in(&mut h, 1, m(50)).unwrap();
    // From 11:00, not from the check-in at 10:50; the topic's norm is 15 minutes.
    assert!(h.tick(m(65)).is_empty());
    let events = h.tick(ms(65, 1));
    assert_eq!(
        raised(&events),
        [AlertKind::WaitBreach {
            ticket_id: tid(1001),
            label: "A001".into(),
            topic_id: A,
        }]
    );
}

#[test]
fn checked_in_bookings_of_past_days_leave_at_the_day_roll() {
    let mut h = bookable_hall();
    book(&mut h, 1, BA, m(60), m(0)).unwrap();
    check_in(&mut h, 1, m(50)).unwrap();
    assert_eq!(h.st.bookings.len(), 1, "it holds its place through the day");
    // Midnight in Moscow is 21:00 UTC.
    h.tick(at("2026-03-10T21:00:01Z"));
    assert!(h.st.bookings.is_empty());
}
