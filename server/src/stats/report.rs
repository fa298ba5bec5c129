//! The statistics an office's staff ask for: checks the period, loads the tickets, the
//! topics and the staff names, computes, and keeps to the rows the asker may see.

use super::input::load_office_data;
use super::period::{Period, PeriodError};
use super::slices::compute;
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
    let data = load_office_data(queues, office, period).await?;
    let mut stats = compute(&data.input());
    // The bookings whose slot fell in the period (in the office's days), with the
    // tickets their visitors checked in with.
    let by_id: HashMap<_, _> = data.tickets.iter().map(|t| (t.id, t)).collect();
    stats.bookings = super::booking_stats(&data.bookings, &by_id, &data.topics, &data.receptions);
    if let AgentRows::Only(agent) = rows {
        stats.by_agent.retain(|a| a.agent_id == agent);
    }
    Ok(stats)
}
