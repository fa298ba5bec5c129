//! Office statistics over a period: counts by outcome, wait / service / total time
//! distributions and the shares within the time norms (LNA-0009-4 §5.4.7.4).
//!
//! [`office_stats`] is what the HTTP handler calls: it checks the period ([`period`]),
//! loads the tickets, topics and staff names, and hands them to [`compute`], which is
//! pure (no IO, no clock).
//!
//! One job per file: `rows.rs` (the figures of one slice of tickets), `distribution.rs`
//! (average, median, percentiles), `months.rs` (whole months and the monthly average
//! wait), `slices.rs` (total, per topic, per agent), `period.rs` (the period check),
//! `report.rs` (an agent's own row only), `input.rs` (loading an office's tickets and
//! the rest, and pooling offices), and for the reports (`crate::reports`) `overruns.rs`
//! (visits over their norms and why), `hourly.rs` (the load by local hour) and
//! `compliance.rs` (monthly norm compliance), `agent_time.rs` (agents' time serving,
//! idle while people waited, and on breaks, from the window events); the tests in `tests.rs`.
//!
//! # Rules
//!
//! Counts of a [`StatsRow`], over the tickets of its slice:
//! - `issued`: every ticket of the slice.
//! - `finished`: status [`TicketStatus::Done`]; split into `resolved` / `deferred` /
//!   `refused` / `other` by the kind of its [`Outcome`] (a finished ticket without an
//!   outcome counts only in `finished`).
//! - `no_shows`: [`TicketStatus::NoShow`]; `cancelled`: [`TicketStatus::Cancelled`].
//! - `unfinished`: Waiting, Called, Serving or Postponed.
//! - `transfers`: the sum of `ticket.transfers`.
//!
//! Time distributions ([`Distribution`]):
//! - `wait`: over the tickets that were called (Done or NoShow), of `ticket.wait_ms`.
//! - `service`: over Done tickets, of `ticket.service_ms`.
//! - `total`: over Done tickets, of `finished_at - issued_at` (a Done ticket without
//!   `finished_at` is left out of the total figures; negative spans count as 0).
//! - `count` is the number of values; `average_ms` is the integer mean rounded to the
//!   nearest millisecond (halves up); `median_ms` and `p90_ms` are nearest-rank
//!   percentiles: the value at the 1-based rank `ceil(p / 100 * n)` of the sorted
//!   values. All three are `None` when the count is 0.
//!
//! Shares within the norms (0..1, `None` when the denominator is 0). The norms are those
//! of the ticket's current (final) topic; a topic missing from the input uses the
//! defaults of [`Norms::default`] (15 / 20 / 35 minutes). A time exactly at the norm
//! is within it.
//! - `within_wait_norm`: of the called tickets, those with `wait_ms <= wait norm`.
//! - `within_service_norm`: of the Done tickets whose visit covered at most
//!   [`SERVICE_NORM_MAX_TOPICS`] topics (`topics_count`, `None` read as 1), those with
//!   `service_ms <= service norm`. Visits of more topics are outside the norm's scope.
//! - `within_total_norm`: of the Done tickets (with `finished_at`), those with
//!   `total <= total norm`.
//!
//! Slices:
//! - `total`: all tickets of the period.
//! - `by_topic`: one row per topic of the input, sorted by `display_order` then id,
//!   including topics without tickets (zero rows). Tickets are grouped by their current
//!   `topic_id` (the final topic after transfers); a ticket of a topic missing from the
//!   input counts only in `total`.
//! - `by_agent`: tickets grouped by `agent_id` where it is set (whatever the status, so
//!   a cancelled ticket with an agent counts in that agent's `cancelled`). The name comes
//!   from the staff names, `"#<id>"` when missing; rows sorted by name, then id.
//!
//! Monthly average wait (LNA-0009-4 footnote: ≤ 30 min over a calendar month): one
//! [`MonthlyWait`] per calendar month the period touches, in order, over the month
//! tickets whose `service_day` lies in that month and that were called (Done or
//! NoShow): `called`, `average_wait_ms` (rounded as above, `None` when nothing was
//! called), `limit_ms = monthly_wait_limit_min * 60000`, and `within_limit` when the
//! average is `None` or at most the limit. `month` reads `"YYYY-MM"`.
//!
//! [`StatsRow`]: talon_protocol::stats::StatsRow
//! [`Distribution`]: talon_protocol::stats::Distribution
//! [`MonthlyWait`]: talon_protocol::stats::MonthlyWait
//! [`TicketStatus::Done`]: talon_protocol::TicketStatus::Done
//! [`TicketStatus::NoShow`]: talon_protocol::TicketStatus::NoShow
//! [`TicketStatus::Cancelled`]: talon_protocol::TicketStatus::Cancelled
//! [`Outcome`]: talon_protocol::Outcome
//! [`Norms::default`]: talon_protocol::Norms::default
//! [`SERVICE_NORM_MAX_TOPICS`]: talon_protocol::topic::SERVICE_NORM_MAX_TOPICS

mod agent_time;
mod bookings;
mod compliance;
mod distribution;
mod hourly;
mod input;
mod months;
mod overruns;
mod period;
mod report;
mod rows;
mod slices;

#[cfg(test)]
mod tests;

pub use agent_time::{AgentClock, AgentTime, agent_times};
pub use bookings::booking_stats;
pub use compliance::{MonthCompliance, monthly_compliance};
pub use hourly::{HourLoad, hourly};
pub use input::{OfficeData, load_office_data};
pub use months::month_bounds;
pub use overruns::{OverrunSlices, Overruns, overrun_slices};
pub use period::{MAX_DAYS, Period, PeriodError};
pub use report::{AgentRows, StatsError, office_stats};
pub use slices::{StatsInput, compute};

const MS_PER_MINUTE: i64 = 60_000;
