//! The load of the office's local day by hour: tickets issued and called in each hour
//! (0–23 in the office's zone, summed over the days of the period) and the average wait
//! of the tickets called that were issued in that hour.

use super::distribution::rounded_mean;
use super::rows::was_called;
use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;
use talon_protocol::Ticket;

/// One hour of the local day.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct HourLoad {
    /// 0..=23, the office's local hour.
    pub hour: u32,
    /// Tickets issued in this hour.
    pub issued: u32,
    /// Tickets called in this hour (by the time of their last call).
    pub called: u32,
    /// The mean wait of the called tickets issued in this hour, `None` without any.
    pub average_wait_ms: Option<i64>,
}

fn local_hour(at: DateTime<Utc>, tz: Tz) -> usize {
    at.with_timezone(&tz).hour() as usize
}

/// 24 rows, hour 0 first, over `tickets`, each with its office's zone (a pool of
/// offices counts each ticket in its own office's local hour).
pub fn hourly<'t>(tickets: impl Iterator<Item = (&'t Ticket, Tz)>) -> Vec<HourLoad> {
    let mut rows: Vec<HourLoad> = (0..24)
        .map(|hour| HourLoad {
            hour,
            ..HourLoad::default()
        })
        .collect();
    let mut waits: Vec<Vec<i64>> = vec![Vec::new(); 24];
    for (ticket, tz) in tickets {
        let issued = local_hour(ticket.issued_at, tz);
        rows[issued].issued += 1;
        if let Some(called) = ticket.called_at {
            rows[local_hour(called, tz)].called += 1;
        }
        if was_called(ticket) {
            waits[issued].push(ticket.wait_ms);
        }
    }
    for (row, waits) in rows.iter_mut().zip(waits) {
        row.average_wait_ms = rounded_mean(&waits);
    }
    rows
}
