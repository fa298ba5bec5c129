//! Appointments in the engine: the free slots, booking, moving and cancelling, check-in
//! (which issues the ticket) and marking the bookings nobody checked in for.
//!
//! A slot's capacity is decided here, on the office's state under its lock, like every
//! other command: two visitors taking the last place are decided one after the other,
//! and across nodes the second one's commit is refused as stale and decided again. So a
//! slot is never overbooked, by construction.

use super::{EngineError, OfficeState, hours, slots, tickets};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use talon_protocol::booking::{
    Booking, BookingId, BookingSettings, BookingStatus, BookingTarget, Reception, Slot,
    TicketBooking,
};
use talon_protocol::{EventKind, TicketId, TopicId, WeekSchedule};

/// Most days one slot query may span.
pub const MAX_QUERY_DAYS: i64 = 31;

/// How a target is booked: its settings, its hours and the topic of its tickets.
struct Plan<'a> {
    settings: &'a BookingSettings,
    hours: &'a WeekSchedule,
    topic_id: TopicId,
}

fn plan(state: &OfficeState, target: BookingTarget) -> Result<Plan<'_>, EngineError> {
    let not_bookable = || {
        EngineError::conflict(
            "not_bookable",
            "this cannot be booked ahead; take a ticket at the office",
        )
    };
    match target {
        BookingTarget::Topic(id) => {
            let topic = state.topics.get(&id).ok_or_else(|| {
                EngineError::NotFound(format!("topic {id} does not exist in this office"))
            })?;
            if !topic.active || !topic.booking.bookable {
                return Err(not_bookable());
            }
            Ok(Plan {
                settings: &topic.booking,
                hours: &state.office.schedule,
                topic_id: id,
            })
        }
        BookingTarget::Staff(id) => {
            let reception = state.receptions.get(&id).ok_or_else(|| {
                EngineError::NotFound(format!("nobody receives by appointment as staff {id}"))
            })?;
            if !reception.booking.bookable {
                return Err(not_bookable());
            }
            Ok(Plan {
                settings: &reception.booking,
                hours: &reception.hours,
                topic_id: reception.topic_id,
            })
        }
    }
}

/// The office-local day `day` as far as bookings go: the first and last bookable day.
fn bookable_days(
    state: &OfficeState,
    settings: &BookingSettings,
    now: DateTime<Utc>,
) -> (NaiveDate, NaiveDate) {
    let today = hours::service_day(state.office.time_zone.tz(), now);
    (
        today,
        today + Duration::days(i64::from(settings.days_ahead)),
    )
}

/// The slots of `target` on the days `from..=to` (cut to the bookable days) that can
/// still be booked at `now`, with their free places (0 when full).
pub fn free_slots(
    state: &OfficeState,
    target: BookingTarget,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<Slot>, EngineError> {
    if to < from || (to - from).num_days() >= MAX_QUERY_DAYS {
        return Err(EngineError::Invalid(format!(
            "ask for 1 to {MAX_QUERY_DAYS} days, `from` not after `to`"
        )));
    }
    let plan = plan(state, target)?;
    let (first, last) = bookable_days(state, plan.settings, now);
    let earliest = now + Duration::minutes(i64::from(plan.settings.lead_min));
    let tz = state.office.time_zone.tz();
    let mut out = Vec::new();
    let mut day = from.max(first);
    while day <= to.min(last) {
        for (start, end) in slots::day_slots(
            tz,
            &state.office.schedule,
            plan.hours,
            day,
            plan.settings.slot_min,
        ) {
            if start < earliest {
                continue;
            }
            let taken = state.bookings.taken(target, start);
            out.push(Slot {
                start,
                end,
                places: plan.settings.places,
                free: plan.settings.places.saturating_sub(taken),
            });
        }
        day += Duration::days(1);
    }
    Ok(out)
}

/// The slot of `target` starting at `start` if it can be taken at `now`: a slot of its
/// hours, on a bookable day, after the lead time, with a place free (`ignoring` a
/// booking that is moving out of it).
fn take(
    state: &OfficeState,
    target: BookingTarget,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    ignoring: Option<BookingId>,
) -> Result<(DateTime<Utc>, TopicId, BookingSettings), EngineError> {
    let plan = plan(state, target)?;
    let tz = state.office.time_zone.tz();
    let day = hours::service_day(tz, start);
    let (first, last) = bookable_days(state, plan.settings, now);
    if day < first || day > last {
        return Err(EngineError::conflict(
            "outside_booking_days",
            format!(
                "slots can be booked from today up to {} days ahead",
                plan.settings.days_ahead
            ),
        ));
    }
    let Some((_, end)) = slots::day_slots(
        tz,
        &state.office.schedule,
        plan.hours,
        day,
        plan.settings.slot_min,
    )
    .into_iter()
    .find(|(s, _)| *s == start) else {
        return Err(EngineError::conflict(
            "not_a_slot",
            "there is no slot at this time; choose one of the free slots",
        ));
    };
    if start < now + Duration::minutes(i64::from(plan.settings.lead_min)) {
        return Err(EngineError::conflict(
            "too_soon",
            format!(
                "a slot must be booked at least {} minutes ahead; choose a later one",
                plan.settings.lead_min
            ),
        ));
    }
    let taken = state
        .bookings
        .starting_between(start, start)
        .filter(|b| b.target == target && Some(b.id) != ignoring)
        .count();
    if taken >= plan.settings.places as usize {
        return Err(EngineError::conflict(
            "slot_taken",
            "this slot has just been taken; please choose another",
        ));
    }
    Ok((end, plan.topic_id, plan.settings.clone()))
}

pub(super) fn book(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    id: BookingId,
    target: BookingTarget,
    start: DateTime<Utc>,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    if state.bookings.get(id).is_some() {
        return Err(EngineError::conflict(
            "duplicate",
            "this booking exists already",
        ));
    }
    let (end, topic_id, settings) = take(state, target, start, now, None)?;
    let booking = Booking {
        id,
        office_id: state.office.id,
        target,
        topic_id,
        start,
        end,
        status: BookingStatus::Booked,
        ticket_id: None,
        created_at: now,
        moves: 0,
        wait_norm_min: settings.wait_norm_min,
        check_in_before_min: settings.check_in_before_min,
        check_in_after_min: settings.check_in_after_min,
    };
    state.bookings.put(booking.clone());
    out.push(EventKind::BookingMade { booking });
    Ok(())
}

/// A booking that is still only booked (not checked in, cancelled or missed).
fn pending(state: &OfficeState, id: BookingId) -> Result<Booking, EngineError> {
    match state.bookings.get(id) {
        Some(b) if b.status == BookingStatus::Booked => Ok(b.clone()),
        Some(_) => Err(EngineError::conflict(
            "already_checked_in",
            "the visitor has checked in already",
        )),
        None => Err(EngineError::conflict(
            "booking_not_active",
            "this booking was cancelled, missed or has passed",
        )),
    }
}

pub(super) fn move_to(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    id: BookingId,
    start: DateTime<Utc>,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let mut booking = pending(state, id)?;
    if booking.start == start {
        return Err(EngineError::conflict(
            "same_slot",
            "the booking is already for this slot",
        ));
    }
    let (end, _, _) = take(state, booking.target, start, now, Some(id))?;
    booking.start = start;
    booking.end = end;
    booking.moves += 1;
    state.bookings.put(booking.clone());
    out.push(EventKind::BookingMoved { booking });
    Ok(())
}

pub(super) fn cancel(
    state: &mut OfficeState,
    id: BookingId,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let mut booking = pending(state, id)?;
    booking.status = BookingStatus::Cancelled;
    state.bookings.put(booking.clone());
    out.push(EventKind::BookingCancelled { booking });
    Ok(())
}

/// The visitor checks in: within the check-in window a ticket is issued for the booked
/// topic, waiting from the later of now and the slot's start.
pub(super) fn check_in(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    id: BookingId,
    ticket_id: TicketId,
    public_code: String,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let mut booking = pending(state, id)?;
    let (opens, closes) = booking.check_in_window();
    if now < opens {
        return Err(EngineError::CheckInTooEarly { opens_at: opens });
    }
    if now > closes {
        return Err(EngineError::conflict(
            "check_in_too_late",
            "the time to check in for this booking is over; take a ticket for the queue",
        ));
    }
    let from = now.max(booking.start);
    let booked = TicketBooking {
        booking_id: booking.id,
        slot_start: booking.start,
        topic_id: booking.topic_id,
        staff_id: booking.staff(),
        wait_norm_min: booking.wait_norm_min,
    };
    tickets::issue_booked(state, now, ticket_id, public_code, booked, from, out)?;
    booking.status = BookingStatus::CheckedIn;
    booking.ticket_id = Some(ticket_id);
    state.bookings.put(booking.clone());
    out.push(EventKind::BookingCheckedIn { booking });
    Ok(())
}

/// Marks the bookings whose check-in window closed with nobody checked in.
pub(super) fn mark_missed(state: &mut OfficeState, now: DateTime<Utc>, out: &mut Vec<EventKind>) {
    let missed: Vec<Booking> = state
        .bookings
        .started_before(now)
        .filter(|b| b.is_missed(now))
        .cloned()
        .collect();
    for mut booking in missed {
        booking.status = BookingStatus::NoShow;
        state.bookings.put(booking.clone());
        out.push(EventKind::BookingMissed { booking });
    }
}

/// Sets a person's reception hours (whether the person exists is the caller's check).
pub(super) fn put_reception(
    state: &mut OfficeState,
    mut reception: Reception,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    reception.office_id = state.office.id;
    reception.title_ru = reception.title_ru.trim().to_string();
    reception.title_en = reception.title_en.trim().to_string();
    if reception.title_ru.is_empty() {
        return Err(EngineError::Invalid(
            "a reception needs a Russian title, e.g. «Приём начальника офиса»".into(),
        ));
    }
    if !state.topics.contains_key(&reception.topic_id) {
        return Err(EngineError::NotFound(format!(
            "topic {} does not exist in this office",
            reception.topic_id
        )));
    }
    if let Some(problem) = reception.hours.problem() {
        return Err(EngineError::Invalid(format!("reception hours: {problem}")));
    }
    if let Some(problem) = reception.booking.problem() {
        return Err(EngineError::Invalid(problem.into()));
    }
    state
        .receptions
        .insert(reception.staff_id, reception.clone());
    out.push(EventKind::ReceptionChanged { reception });
    Ok(())
}
