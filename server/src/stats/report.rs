//! The statistics an office's staff ask for: checks the period, loads the tickets, the
//! topics and the staff names, computes, and keeps to the rows the asker may see.

use super::months::month_bounds;
use super::period::{Period, PeriodError};
use super::slices::{StatsInput, compute};
use crate::queues::{QueueError, Queues};
use chrono::NaiveDate;
use std::collections::HashMap;
use talon_protocol::stats::OfficeStats;
use talon_protocol::{OfficeId, StaffId};

/// Whose per-agent rows the answer carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentRows {
    /// Every agent's (heads, admins).
    All,
    /// Only this agent's own row (an agent asking; the office's totals stay whole).
    Only(StaffId),
}

#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error(transparent)]
    Period(#[from] PeriodError),
    #[error(transparent)]
    Queue(#[from] QueueError),
}

impl From<crate::store::StoreError> for StatsError {
    fn from(e: crate::store::StoreError) -> Self {
        StatsError::Queue(QueueError::Store(e))
    }
}

/// The statistics of `office` over `from..=to` (both included), with the calendar-month
/// average wait of every month the period touches.
pub async fn office_stats(
    queues: &Queues,
    office: OfficeId,
    from: NaiveDate,
    to: NaiveDate,
    rows: AgentRows,
) -> Result<OfficeStats, StatsError> {
    let period = Period::new(from, to)?;
    let store = queues.store();
    let tickets = store
        .tickets_between(office, period.from(), period.to())
        .await?;
    let (month_from, month_to) = month_bounds(period.from(), period.to());
    let month_tickets = store.tickets_between(office, month_from, month_to).await?;
    let (topics, limit, receptions, tz) = {
        let queue = queues.office(office)?;
        let guard = queue.lock().await;
        (
            guard.topics.values().cloned().collect::<Vec<_>>(),
            guard.office.settings.monthly_wait_limit_min,
            guard.receptions.values().cloned().collect::<Vec<_>>(),
            guard.office.time_zone.tz(),
        )
    };
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
    let mut stats = compute(&StatsInput {
        office_id: office,
        from: period.from(),
        to: period.to(),
        tickets: &tickets,
        month_tickets: &month_tickets,
        topics: &topics,
        staff_names: &staff_names,
        monthly_wait_limit_min: limit,
        ratings: &ratings,
    });
    // The bookings whose slot fell in the period (in the office's days), with the
    // tickets their visitors checked in with.
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
    let by_id: HashMap<_, _> = tickets.iter().map(|t| (t.id, t)).collect();
    stats.bookings = super::booking_stats(&bookings, &by_id, &topics, &receptions);
    if let AgentRows::Only(agent) = rows {
        stats.by_agent.retain(|a| a.agent_id == agent);
    }
    Ok(stats)
}
