//! Calendar months: the whole months a period touches, and the monthly average wait
//! against its limit (LNA-0009-4 footnote: ≤ 30 min over a calendar month).

use super::MS_PER_MINUTE;
use super::distribution::{count_u32, rounded_mean};
use super::rows::was_called;
use chrono::{Datelike, NaiveDate};
use talon_protocol::Ticket;
use talon_protocol::stats::MonthlyWait;

/// The first day of the month of `from` and the last day of the month of `to`.
pub fn month_bounds(from: NaiveDate, to: NaiveDate) -> (NaiveDate, NaiveDate) {
    (first_of_month(from), last_of_month(to))
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).expect("day 1 exists in every month")
}

fn next_month(first: NaiveDate) -> NaiveDate {
    first
        .checked_add_months(chrono::Months::new(1))
        .expect("date within chrono's range")
}

fn last_of_month(day: NaiveDate) -> NaiveDate {
    next_month(first_of_month(day))
        .pred_opt()
        .expect("date within chrono's range")
}

/// The first days of the calendar months touched by `from..=to`, in order (none when
/// `from > to`).
pub(super) fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut month = first_of_month(from);
    while month <= to {
        out.push(month);
        month = next_month(month);
    }
    out
}

/// One [`MonthlyWait`] per calendar month of `from..=to`, over the `month_tickets` of
/// that month that were called.
pub(super) fn monthly_wait(
    from: NaiveDate,
    to: NaiveDate,
    month_tickets: &[Ticket],
    limit_min: u32,
) -> Vec<MonthlyWait> {
    let limit_ms = i64::from(limit_min) * MS_PER_MINUTE;
    months(from, to)
        .into_iter()
        .map(|first| {
            let waits: Vec<i64> = month_tickets
                .iter()
                .filter(|t| {
                    t.service_day.year() == first.year()
                        && t.service_day.month() == first.month()
                        && was_called(t)
                })
                .map(|t| t.wait_ms)
                .collect();
            let average_wait_ms = rounded_mean(&waits);
            MonthlyWait {
                month: first.format("%Y-%m").to_string(),
                called: count_u32(waits.len()),
                average_wait_ms,
                limit_ms,
                within_limit: average_wait_ms.is_none_or(|avg| avg <= limit_ms),
            }
        })
        .collect()
}
