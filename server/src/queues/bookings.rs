//! Bookings through the office's queue: each change is a command of the office, decided
//! under its lock and committed with its stored row, like a ticket.

use super::{QueueError, Queues, STALE_RETRIES, receipt};
use crate::engine::{Command, EngineError, bookings, hours};
use crate::store::{Author, BookingPrivate, Extras, StoreError, StoredBooking};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use talon_protocol::api::TicketReceipt;
use talon_protocol::booking::{BookingId, BookingStatus, BookingTarget, Reception, Slot};
use talon_protocol::{OfficeId, Ticket, TicketId};

/// What a visitor (or staff for them) books.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub target: BookingTarget,
    pub start: DateTime<Utc>,
    pub name: Option<String>,
    pub phone: Option<String>,
}

impl Queues {
    /// The free places of `target`'s slots on the office-local days `from..=to`.
    pub async fn slots(
        &self,
        office: OfficeId,
        target: BookingTarget,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Slot>, QueueError> {
        let queue = self.office(office)?;
        let state = queue.lock().await;
        Ok(bookings::free_slots(&state, target, from, to, self.now())?)
    }

    /// Books a slot; refused when the slot has just been taken, or when the contact holds
    /// as many bookings that day as the topic allows.
    pub async fn book(
        &self,
        office: OfficeId,
        new: NewBooking,
    ) -> Result<StoredBooking, QueueError> {
        let queue = self.office(office)?;
        let private = BookingPrivate {
            code: self.fresh_booking_code().await?,
            name: tidy(new.name),
            phone: tidy(new.phone),
        };
        let id = BookingId(uuid::Uuid::new_v4());
        for _ in 0..STALE_RETRIES {
            let state = queue.state.clone().lock_owned().await;
            if let Some(contact) = private.contact() {
                let limit = per_contact_limit(&state, new.target);
                let tz = state.office.time_zone.tz();
                let day = hours::service_day(tz, new.start);
                let from = hours::day_start(tz, day);
                let to = hours::day_start(tz, day + Duration::days(1));
                if limit > 0
                    && self
                        .store
                        .contact_bookings(office, &contact, from, to)
                        .await?
                        >= limit
                {
                    return Err(EngineError::conflict(
                        "contact_limit",
                        format!(
                            "this phone already holds {limit} booking(s) for that day; \
                             cancel or move one instead"
                        ),
                    )
                    .into());
                }
            }
            let command = Command::Book {
                id,
                target: new.target,
                start: new.start,
            };
            let extras = Extras {
                booking: Some(private.clone()),
                ..Extras::default()
            };
            let made = self
                .run_locked(&queue, state, command, extras, None, |state, _| {
                    state.bookings.get(id).cloned()
                })
                .await;
            match made {
                Err(QueueError::Store(StoreError::Stale(_))) => continue,
                Err(e) => return Err(e),
                Ok(booking) => {
                    let booking = booking.ok_or_else(|| {
                        StoreError::Corrupt("a booking made is not in the office".into())
                    })?;
                    metrics::counter!("talon_bookings_total").increment(1);
                    return Ok(StoredBooking { booking, private });
                }
            }
        }
        Err(QueueError::Contended(office))
    }

    /// A booking by its code, as stored.
    pub async fn booking(&self, code: &str) -> Result<Option<StoredBooking>, QueueError> {
        if !is_booking_code(code) {
            return Ok(None);
        }
        Ok(self.store.booking_by_code(code).await?)
    }

    /// Moves a booking to another slot of the same topic or person.
    pub async fn move_booking(
        &self,
        stored: &StoredBooking,
        start: DateTime<Utc>,
    ) -> Result<StoredBooking, QueueError> {
        let id = stored.booking.id;
        let booking = self
            .execute(
                stored.booking.office_id,
                Command::MoveBooking { id, start },
                |state, _| state.bookings.get(id).cloned(),
            )
            .await?;
        Ok(StoredBooking {
            booking: booking.unwrap_or_else(|| stored.booking.clone()),
            private: stored.private.clone(),
        })
    }

    pub async fn cancel_booking(
        &self,
        stored: &StoredBooking,
    ) -> Result<StoredBooking, QueueError> {
        let id = stored.booking.id;
        let booking = self
            .execute(
                stored.booking.office_id,
                Command::CancelBooking { id },
                |_, events| events.iter().find_map(|e| e.kind.booking().cloned()),
            )
            .await?;
        Ok(StoredBooking {
            booking: booking.unwrap_or_else(|| stored.booking.clone()),
            private: stored.private.clone(),
        })
    }

    /// Checks a booked visitor in and gives their ticket; a repeated check-in gives the
    /// same ticket again (and `false`).
    pub async fn check_in(
        &self,
        office: OfficeId,
        code: &str,
    ) -> Result<(TicketReceipt, bool), QueueError> {
        let not_found = || {
            QueueError::Engine(EngineError::NotFound(
                "no booking has this code in this office; check the digits".into(),
            ))
        };
        let stored = self.booking(code).await?.ok_or_else(not_found)?;
        if stored.booking.office_id != office {
            return Err(not_found());
        }
        let queue = self.office(office)?;
        let ticket_id = TicketId(uuid::Uuid::new_v4());
        let public_code = crate::credentials::new_public_code();
        for _ in 0..STALE_RETRIES {
            let state = queue.state.clone().lock_owned().await;
            let now = self.now();
            // Under the lock, so a repeat waits for its original and finds its ticket.
            if let Some(existing) = state.bookings.get(stored.booking.id)
                && existing.status == BookingStatus::CheckedIn
                && let Some(ticket) = existing.ticket_id
            {
                let ticket = match state.tickets.get(&ticket) {
                    Some(live) => live.clone(),
                    None => self.store.ticket(ticket).await?.ok_or_else(not_found)?,
                };
                return Ok((receipt(&state, ticket, now), false));
            }
            let command = Command::CheckIn {
                id: stored.booking.id,
                ticket_id,
                public_code: public_code.clone(),
            };
            let issued = self
                .run_locked(
                    &queue,
                    state,
                    command,
                    Extras::default(),
                    None,
                    |state, _| receipt(state, Ticket::clone(&state.tickets[&ticket_id]), now),
                )
                .await;
            match issued {
                Err(QueueError::Store(StoreError::Stale(_))) => continue,
                Err(QueueError::Engine(EngineError::Conflict {
                    code: "booking_not_active",
                    ..
                })) => {
                    return Err(not_active(&stored, self.now()));
                }
                Err(e) => return Err(e),
                Ok(receipt) => {
                    metrics::counter!("talon_tickets_issued_total").increment(1);
                    return Ok((receipt, true));
                }
            }
        }
        Err(QueueError::Contended(office))
    }

    /// Sets a person's reception hours.
    pub async fn put_reception(
        &self,
        office: OfficeId,
        reception: Reception,
        author: &Author,
    ) -> Result<Reception, QueueError> {
        let staff = reception.staff_id;
        let object = super::audited::reception(staff);
        let audit = super::AuditSpec {
            author,
            action: talon_protocol::audit::AuditAction::ReceptionChanged,
            object: &*object,
        };
        self.execute_audited(
            office,
            Command::PutReception {
                reception: Box::new(reception),
            },
            Some(&audit),
            |state, _| state.receptions[&staff].clone(),
        )
        .await
    }

    /// The office's reception hours, by person.
    pub async fn receptions(&self, office: OfficeId) -> Result<Vec<Reception>, QueueError> {
        let queue = self.office(office)?;
        let state = queue.lock().await;
        Ok(state.receptions.values().cloned().collect())
    }

    /// The office's bookings of the local days `from..=to`, with the visitors' contacts
    /// (for staff).
    pub async fn bookings_of_days(
        &self,
        office: OfficeId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<StoredBooking>, QueueError> {
        let tz = {
            let queue = self.office(office)?;
            queue.lock().await.office.time_zone.tz()
        };
        let start = hours::day_start(tz, from);
        let end = hours::day_start(tz, to + Duration::days(1));
        Ok(self.store.bookings_between(office, start, end).await?)
    }

    /// A code no booking has.
    async fn fresh_booking_code(&self) -> Result<String, QueueError> {
        for _ in 0..16 {
            let code = crate::credentials::new_booking_code();
            if !self.store.booking_code_taken(&code).await? {
                return Ok(code);
            }
        }
        Err(StoreError::Corrupt("no free booking code after 16 draws".into()).into())
    }
}

/// Why a booking the office no longer holds cannot be checked in, in the visitor's terms.
fn not_active(stored: &StoredBooking, now: DateTime<Utc>) -> QueueError {
    let error = match stored.booking.status {
        BookingStatus::Cancelled => {
            EngineError::conflict("booking_cancelled", "this booking was cancelled")
        }
        _ if now > stored.booking.check_in_window().1 => EngineError::conflict(
            "check_in_too_late",
            "the time to check in for this booking is over; take a ticket for the queue",
        ),
        _ => EngineError::conflict(
            "booking_not_active",
            "this booking cannot be checked in any more",
        ),
    };
    error.into()
}

/// The per-contact daily limit of a target (0 when it is not known: the engine refuses).
fn per_contact_limit(state: &crate::engine::OfficeState, target: BookingTarget) -> u32 {
    match target {
        BookingTarget::Topic(topic) => state
            .topics
            .get(&topic)
            .map_or(0, |t| t.booking.per_contact_per_day),
        BookingTarget::Staff(staff) => state
            .receptions
            .get(&staff)
            .map_or(0, |r| r.booking.per_contact_per_day),
    }
}

/// Eight digits.
pub fn is_booking_code(code: &str) -> bool {
    code.len() == 8 && code.bytes().all(|b| b.is_ascii_digit())
}

fn tidy(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl Queues {
    /// A booking as its visitor sees it: times, what it is for, no contact.
    pub async fn booking_view(
        &self,
        stored: &StoredBooking,
    ) -> Result<talon_protocol::booking::BookingView, QueueError> {
        let booking = &stored.booking;
        let queue = self.office(booking.office_id)?;
        let state = queue.lock().await;
        let (title_ru, title_en) = match booking.target {
            BookingTarget::Staff(staff) => state
                .receptions
                .get(&staff)
                .map(|r| (r.title_ru.clone(), r.title_en.clone())),
            BookingTarget::Topic(_) => None,
        }
        .or_else(|| {
            state
                .topics
                .get(&booking.topic_id)
                .map(|t| (t.name_ru.clone(), t.name_en.clone()))
        })
        .unwrap_or_default();
        let (check_in_from, check_in_until) = booking.check_in_window();
        Ok(talon_protocol::booking::BookingView {
            code: stored.private.code.clone(),
            office_id: booking.office_id,
            office_name: state.office.name.clone(),
            target: booking.target,
            topic_id: booking.topic_id,
            title_ru,
            title_en,
            start: booking.start,
            end: booking.end,
            status: booking.status,
            check_in_from,
            check_in_until,
            time_zone: state.office.time_zone.tz().name().to_string(),
            moves: booking.moves,
        })
    }
}
