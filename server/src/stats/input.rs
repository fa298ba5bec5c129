//! What the statistics of one office over a period are computed from, loaded once: its
//! tickets, the tickets of the whole months the period touches, its topics, the staff
//! names, the visitors' ratings and the bookings of the period. [`office_stats`] and the
//! reports (`crate::reports`) both start from here; [`OfficeData::pooled`] joins several
//! offices so a consolidation's medians and percentiles come from the pooled tickets.
//!
//! [`office_stats`]: super::office_stats

use super::months::month_bounds;
use super::period::Period;
use super::report::StatsError;
use super::slices::StatsInput;
use crate::queues::Queues;
use chrono::NaiveDate;
use std::collections::HashMap;
use talon_protocol::booking::{Booking, Reception};
use talon_protocol::{Office, OfficeId, StaffId, Ticket, TicketId, Topic};

/// One office's (or a pool of offices') inputs over a period.
#[derive(Debug, Clone)]
pub struct OfficeData {
    /// The office as it is now (its name, zone and monthly limit); for a pool, the first.
    pub office: Office,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Tickets whose service day lies in the period, in the order they were issued.
    pub tickets: Vec<Ticket>,
    /// Tickets of every whole calendar month the period touches.
    pub month_tickets: Vec<Ticket>,
    pub topics: Vec<Topic>,
    pub receptions: Vec<Reception>,
    pub staff_names: HashMap<StaffId, String>,
    pub ratings: HashMap<TicketId, u8>,
    /// Bookings whose slot fell in the period's days (in the office's zone).
    pub bookings: Vec<Booking>,
}

impl OfficeData {
    /// The input of [`super::compute`] over these data.
    pub fn input(&self) -> StatsInput<'_> {
        StatsInput {
            office_id: self.office.id,
            from: self.from,
            to: self.to,
            tickets: &self.tickets,
            month_tickets: &self.month_tickets,
            topics: &self.topics,
            staff_names: &self.staff_names,
            monthly_wait_limit_min: self.office.settings.monthly_wait_limit_min,
            ratings: &self.ratings,
        }
    }

    /// The data of several offices as one pool (topic, ticket and staff ids are unique
    /// across offices). `None` for no offices.
    pub fn pooled(offices: &[OfficeData]) -> Option<OfficeData> {
        let (first, rest) = offices.split_first()?;
        let mut pool = first.clone();
        for other in rest {
            pool.tickets.extend(other.tickets.iter().cloned());
            pool.month_tickets
                .extend(other.month_tickets.iter().cloned());
            pool.topics.extend(other.topics.iter().cloned());
            pool.receptions.extend(other.receptions.iter().cloned());
            pool.ratings
                .extend(other.ratings.iter().map(|(k, v)| (*k, *v)));
            pool.bookings.extend(other.bookings.iter().cloned());
        }
        Some(pool)
    }
}

/// Loads the data of `office` over `period`.
pub async fn load_office_data(
    queues: &Queues,
    office: OfficeId,
    period: Period,
) -> Result<OfficeData, StatsError> {
    let store = queues.store();
    let tickets = store
        .tickets_between(office, period.from(), period.to())
        .await?;
    let (month_from, month_to) = month_bounds(period.from(), period.to());
    let month_tickets = store.tickets_between(office, month_from, month_to).await?;
    let (office_now, topics, receptions) = {
        let queue = queues.office(office)?;
        let guard = queue.lock().await;
        (
            guard.office.clone(),
            guard.topics.values().cloned().collect::<Vec<_>>(),
            guard.receptions.values().cloned().collect::<Vec<_>>(),
        )
    };
    let tz = office_now.time_zone.tz();
    let staff_names: HashMap<_, _> = store
        .all_staff()
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let ratings: HashMap<_, _> = store
        .feedback_between(office, period.from(), period.to())
        .await?
        .into_iter()
        .map(|f| (f.ticket_id, f.rating))
        .collect();
    let bookings: Vec<_> = store
        .bookings_between(
            office,
            crate::engine::hours::day_start(tz, period.from()),
            crate::engine::hours::day_start(tz, period.to() + chrono::Duration::days(1)),
        )
        .await?
        .into_iter()
        .map(|stored| stored.booking)
        .collect();
    Ok(OfficeData {
        office: office_now,
        from: period.from(),
        to: period.to(),
        tickets,
        month_tickets,
        topics,
        receptions,
        staff_names,
        ratings,
        bookings,
    })
}
