//! Bookings and reception hours as stored. The office's events carry a booking without
//! its code and without the visitor's name and phone; those are written here, with the
//! `BookingMade` event, and read only by the code's holder and by staff.

use super::{Store, StoreError, StoreResult, to_ms};
use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};
use talon_protocol::OfficeId;
use talon_protocol::booking::{Booking, BookingStatus, Reception};

/// What a booking keeps beside its event: the code and the visitor's contact.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BookingPrivate {
    /// Digits the visitor types at the kiosk; unique across the company.
    pub code: String,
    pub name: Option<String>,
    pub phone: Option<String>,
}

impl BookingPrivate {
    /// The phone as digits only, to count a contact's bookings however it was typed.
    pub fn contact(&self) -> Option<String> {
        normalised_phone(self.phone.as_deref()?)
    }
}

/// A phone as its digits, with a Russian leading 8 read as +7; `None` without digits.
pub fn normalised_phone(phone: &str) -> Option<String> {
    let mut digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 11 && digits.starts_with('8') {
        digits.replace_range(0..1, "7");
    }
    (!digits.is_empty()).then_some(digits)
}

/// A stored booking with what only staff and the code's holder see.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredBooking {
    pub booking: Booking,
    pub private: BookingPrivate,
}

type Row = (String, String, Option<String>, Option<String>);

fn from_row((data, code, name, phone): Row) -> StoreResult<StoredBooking> {
    Ok(StoredBooking {
        booking: serde_json::from_str(&data)?,
        private: BookingPrivate { code, name, phone },
    })
}

/// Writes a booking event's booking (the first one, `BookingMade`, with its private part).
pub(super) async fn project(
    tx: &mut Transaction<'_, Any>,
    booking: &Booking,
    made: Option<&BookingPrivate>,
) -> StoreResult<()> {
    let data = serde_json::to_string(booking)?;
    match made {
        Some(private) => {
            sqlx::query(
                "INSERT INTO bookings (id, office_id, code, start_ms, status, contact, name, phone, data) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(booking.id.0.to_string())
            .bind(booking.office_id.0)
            .bind(&private.code)
            .bind(to_ms(booking.start))
            .bind(booking.status.as_str())
            .bind(private.contact())
            .bind(private.name.as_deref())
            .bind(private.phone.as_deref())
            .bind(data)
            .execute(&mut **tx)
            .await?;
        }
        None => {
            let changed = sqlx::query(
                "UPDATE bookings SET start_ms = $1, status = $2, data = $3 WHERE id = $4",
            )
            .bind(to_ms(booking.start))
            .bind(booking.status.as_str())
            .bind(data)
            .bind(booking.id.0.to_string())
            .execute(&mut **tx)
            .await?;
            if changed.rows_affected() != 1 {
                return Err(StoreError::Corrupt(format!(
                    "booking {} changed but never made",
                    booking.id
                )));
            }
        }
    }
    Ok(())
}

pub(super) async fn project_reception(
    tx: &mut Transaction<'_, Any>,
    reception: &Reception,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO receptions (office_id, staff_id, data) VALUES ($1, $2, $3) \
         ON CONFLICT (office_id, staff_id) DO UPDATE SET data = excluded.data",
    )
    .bind(reception.office_id.0)
    .bind(reception.staff_id.0)
    .bind(serde_json::to_string(reception)?)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// A booking by the code its visitor holds.
    pub async fn booking_by_code(&self, code: &str) -> StoreResult<Option<StoredBooking>> {
        let row: Option<Row> =
            sqlx::query_as("SELECT data, code, name, phone FROM bookings WHERE code = $1")
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
        row.map(from_row).transpose()
    }

    /// Whether a code is in use (a new booking draws another).
    pub async fn booking_code_taken(&self, code: &str) -> StoreResult<bool> {
        Ok(self.booking_by_code(code).await?.is_some())
    }

    /// An office's bookings whose slot starts in `from..to`, by start.
    pub async fn bookings_between(
        &self,
        office: OfficeId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<StoredBooking>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT data, code, name, phone FROM bookings \
             WHERE office_id = $1 AND start_ms >= $2 AND start_ms < $3 ORDER BY start_ms, id",
        )
        .bind(office.0)
        .bind(to_ms(from))
        .bind(to_ms(to))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(from_row).collect()
    }

    /// How many bookings holding a place one contact has in an office with slots in
    /// `from..to`.
    pub async fn contact_bookings(
        &self,
        office: OfficeId,
        contact: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<u32> {
        let (count,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM bookings WHERE office_id = $1 AND contact = $2 \
             AND start_ms >= $3 AND start_ms < $4 AND status IN ($5, $6)",
        )
        .bind(office.0)
        .bind(contact)
        .bind(to_ms(from))
        .bind(to_ms(to))
        .bind(BookingStatus::Booked.as_str())
        .bind(BookingStatus::CheckedIn.as_str())
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    /// The bookings an office's queue holds at start: every one still booked (a missed
    /// one is marked by the next command), and those checked in from `day_start` on.
    pub(super) async fn live_bookings(
        &self,
        office: OfficeId,
        day_start: DateTime<Utc>,
    ) -> StoreResult<Vec<Booking>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT data FROM bookings WHERE office_id = $1 \
             AND (status = $2 OR (status = $3 AND start_ms >= $4))",
        )
        .bind(office.0)
        .bind(BookingStatus::Booked.as_str())
        .bind(BookingStatus::CheckedIn.as_str())
        .bind(to_ms(day_start))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .collect()
    }

    pub(super) async fn receptions(&self, office: OfficeId) -> StoreResult<Vec<Reception>> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT data FROM receptions WHERE office_id = $1 ORDER BY staff_id")
                .bind(office.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::normalised_phone;

    #[test]
    fn phones_are_compared_by_their_digits() {
        assert_eq!(
            normalised_phone("+7 (900) 123-45-67").as_deref(),
            Some("79001234567")
        );
        assert_eq!(
            normalised_phone("8 900 123 45 67").as_deref(),
            Some("79001234567")
        );
        assert_eq!(normalised_phone("no digits"), None);
    }
}
