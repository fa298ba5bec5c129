//! Monthly norm compliance (LNA-0009-4 §5.4.7.4): for each calendar month the period
//! touches (the office's service days, so months in its own zone), the monthly average
//! wait against its limit and the shares of visits within the topics' wait, service and
//! total norms — the same figures as [`super::compute`]'s monthly wait and rows, over
//! the whole month's tickets.

use super::months::{monthly_wait, months};
use super::overruns::NormsOf;
use super::rows::row;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use talon_protocol::stats::MonthlyWait;
use talon_protocol::{Ticket, Topic};

/// One calendar month's compliance.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MonthCompliance {
    /// The first day of the month.
    pub month: NaiveDate,
    /// The monthly average wait against the limit.
    pub wait: MonthlyWait,
    /// Shares (0..1) of the month's visits within the wait, service and total norms.
    pub within_wait_norm: Option<f64>,
    pub within_service_norm: Option<f64>,
    pub within_total_norm: Option<f64>,
}

/// One row per calendar month of `from..=to`, over `month_tickets` (the tickets of
/// those whole months).
pub fn monthly_compliance(
    from: NaiveDate,
    to: NaiveDate,
    month_tickets: &[Ticket],
    topics: &[Topic],
    limit_min: u32,
) -> Vec<MonthCompliance> {
    let norms = NormsOf::new(topics);
    let norms_of = |topic| norms.of(topic);
    let no_ratings = HashMap::new();
    months(from, to)
        .into_iter()
        .zip(monthly_wait(from, to, month_tickets, limit_min))
        .map(|(first, wait)| {
            let of_month = month_tickets.iter().filter(|t| {
                t.service_day.year() == first.year() && t.service_day.month() == first.month()
            });
            let r = row(of_month, &norms_of, &no_ratings);
            MonthCompliance {
                month: first,
                wait,
                within_wait_norm: r.within_wait_norm,
                within_service_norm: r.within_service_norm,
                within_total_norm: r.within_total_norm,
            }
        })
        .collect()
}
