//! Office statistics over a period: counts by outcome, wait / service / total time
//! distributions and the shares within the time norms (LNA-0009-4 §5.4.7.4).
//!
//! Pure: no IO and no clock. The caller loads the tickets, topics and staff names and
//! this module only computes.
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

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use talon_protocol::stats::{
    AgentStats, Distribution, MonthlyWait, OfficeStats, StatsRow, TopicStats,
};
use talon_protocol::topic::SERVICE_NORM_MAX_TOPICS;
use talon_protocol::{Norms, OfficeId, Outcome, StaffId, Ticket, TicketStatus, Topic, TopicId};

const MS_PER_MINUTE: i64 = 60_000;

/// What [`compute`] needs, loaded by the caller.
pub struct StatsInput<'a> {
    pub office_id: OfficeId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Tickets whose service_day lies in from..=to.
    pub tickets: &'a [Ticket],
    /// Tickets of every calendar month the period touches (whole months), for the monthly average wait.
    pub month_tickets: &'a [Ticket],
    pub topics: &'a [Topic],
    pub staff_names: &'a HashMap<StaffId, String>,
    pub monthly_wait_limit_min: u32,
}

/// The statistics of the office over `from..=to` (see the module docs for the rules).
pub fn compute(input: &StatsInput) -> OfficeStats {
    let default_norms = Norms::default();
    let norms_by_topic: HashMap<TopicId, &Norms> =
        input.topics.iter().map(|t| (t.id, &t.norms)).collect();
    let norms_of = |topic_id: TopicId| -> &Norms {
        norms_by_topic
            .get(&topic_id)
            .copied()
            .unwrap_or(&default_norms)
    };

    let total = row(input.tickets.iter(), &norms_of);

    let mut topics: Vec<&Topic> = input.topics.iter().collect();
    topics.sort_by_key(|t| (t.display_order, t.id));
    let by_topic = topics
        .into_iter()
        .map(|topic| TopicStats {
            topic_id: topic.id,
            prefix: topic.prefix.clone(),
            name_ru: topic.name_ru.clone(),
            name_en: topic.name_en.clone(),
            stats: row(
                input.tickets.iter().filter(|t| t.topic_id == topic.id),
                &norms_of,
            ),
        })
        .collect();

    let mut by_agent_tickets: HashMap<StaffId, Vec<&Ticket>> = HashMap::new();
    for ticket in input.tickets {
        if let Some(agent_id) = ticket.agent_id {
            by_agent_tickets.entry(agent_id).or_default().push(ticket);
        }
    }
    let mut by_agent: Vec<AgentStats> = by_agent_tickets
        .into_iter()
        .map(|(agent_id, tickets)| AgentStats {
            agent_id,
            name: input
                .staff_names
                .get(&agent_id)
                .cloned()
                .unwrap_or_else(|| format!("#{agent_id}")),
            stats: row(tickets.into_iter(), &norms_of),
        })
        .collect();
    by_agent.sort_by(|a, b| a.name.cmp(&b.name).then(a.agent_id.cmp(&b.agent_id)));

    let limit_ms = i64::from(input.monthly_wait_limit_min) * MS_PER_MINUTE;
    let monthly_wait = months(input.from, input.to)
        .into_iter()
        .map(|first| {
            let waits: Vec<i64> = input
                .month_tickets
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
        .collect();

    OfficeStats {
        office_id: input.office_id,
        from: input.from,
        to: input.to,
        total,
        by_topic,
        by_agent,
        monthly_wait,
    }
}

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
fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut month = first_of_month(from);
    while month <= to {
        out.push(month);
        month = next_month(month);
    }
    out
}

/// Called at some point: the visit took place or the visitor did not come.
fn was_called(ticket: &Ticket) -> bool {
    matches!(ticket.status, TicketStatus::Done | TicketStatus::NoShow)
}

fn total_ms(ticket: &Ticket) -> Option<i64> {
    ticket
        .finished_at
        .map(|end| (end - ticket.issued_at).num_milliseconds().max(0))
}

fn norm_ms(minutes: u32) -> i64 {
    i64::from(minutes) * MS_PER_MINUTE
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A share of `within` out of `of`, `None` when `of` is 0.
fn share(within: u32, of: u32) -> Option<f64> {
    (of > 0).then(|| f64::from(within) / f64::from(of))
}

/// The statistics row of one slice of tickets.
fn row<'t, 'n>(
    tickets: impl Iterator<Item = &'t Ticket>,
    norms_of: &impl Fn(TopicId) -> &'n Norms,
) -> StatsRow {
    let mut r = StatsRow::default();
    let mut waits = Vec::new();
    let mut services = Vec::new();
    let mut totals = Vec::new();
    let (mut wait_within, mut service_within, mut service_scope, mut total_within) =
        (0u32, 0u32, 0u32, 0u32);

    for ticket in tickets {
        r.issued += 1;
        r.transfers += ticket.transfers;
        let norms = norms_of(ticket.topic_id);
        match ticket.status {
            TicketStatus::Done => {
                r.finished += 1;
                match ticket.outcome {
                    Some(Outcome::Resolved) => r.resolved += 1,
                    Some(Outcome::Deferred { .. }) => r.deferred += 1,
                    Some(Outcome::Refused { .. }) => r.refused += 1,
                    Some(Outcome::Other { .. }) => r.other += 1,
                    None => {}
                }
                services.push(ticket.service_ms);
                if ticket.topics_count.unwrap_or(1) <= SERVICE_NORM_MAX_TOPICS {
                    service_scope += 1;
                    if ticket.service_ms <= norm_ms(norms.service.minutes) {
                        service_within += 1;
                    }
                }
                if let Some(total) = total_ms(ticket) {
                    totals.push(total);
                    if total <= norm_ms(norms.total.minutes) {
                        total_within += 1;
                    }
                }
            }
            TicketStatus::NoShow => r.no_shows += 1,
            TicketStatus::Cancelled => r.cancelled += 1,
            TicketStatus::Waiting
            | TicketStatus::Called
            | TicketStatus::Serving
            | TicketStatus::Postponed => r.unfinished += 1,
        }
        if was_called(ticket) {
            waits.push(ticket.wait_ms);
            if ticket.wait_ms <= norm_ms(norms.wait.minutes) {
                wait_within += 1;
            }
        }
    }

    r.within_wait_norm = share(wait_within, count_u32(waits.len()));
    r.within_service_norm = share(service_within, service_scope);
    r.within_total_norm = share(total_within, count_u32(totals.len()));
    r.wait = distribution(waits);
    r.service = distribution(services);
    r.total = distribution(totals);
    r
}

/// The integer mean rounded to the nearest (halves up), `None` for no values.
fn rounded_mean(values: &[i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as i128;
    let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
    let (q, r) = (sum.div_euclid(n), sum.rem_euclid(n));
    let mean = if 2 * r >= n { q + 1 } else { q };
    Some(i64::try_from(mean).expect("a mean of i64 values fits in i64"))
}

/// The nearest-rank `p`-th percentile of sorted, non-empty values.
fn nearest_rank(sorted: &[i64], p: usize) -> i64 {
    let n = sorted.len();
    let rank = (p * n).div_ceil(100).max(1);
    sorted[rank.min(n) - 1]
}

fn distribution(mut values: Vec<i64>) -> Distribution {
    if values.is_empty() {
        return Distribution::default();
    }
    values.sort_unstable();
    Distribution {
        count: count_u32(values.len()),
        average_ms: rounded_mean(&values),
        median_ms: Some(nearest_rank(&values, 50)),
        p90_ms: Some(nearest_rank(&values, 90)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration, NaiveTime, Utc};
    use talon_protocol::{Norm, TicketId};

    const MIN: i64 = 60_000;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn topic(
        id: i64,
        prefix: &str,
        display_order: i32,
        wait: u32,
        service: u32,
        total: u32,
    ) -> Topic {
        Topic {
            id: TopicId(id),
            office_id: OfficeId(1),
            prefix: prefix.to_string(),
            name_ru: format!("Тема {prefix}"),
            name_en: format!("Topic {prefix}"),
            norms: Norms {
                wait: Norm::hard_max(wait),
                service: Norm::average(service),
                total: Norm::average(total),
            },
            active: true,
            display_order,
        }
    }

    /// A ticket of `service_day` issued at 09:00 + `number` minutes. `total_min` sets
    /// `finished_at = issued_at + total`; times are in milliseconds except `total_min`.
    #[allow(clippy::too_many_arguments)]
    fn ticket(
        number: u32,
        service_day: NaiveDate,
        topic: i64,
        status: TicketStatus,
        agent: Option<i64>,
        wait_ms: i64,
        service_ms: i64,
        total_ms: Option<i64>,
    ) -> Ticket {
        let issued_at: DateTime<Utc> = service_day
            .and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap())
            .and_utc()
            + Duration::minutes(i64::from(number));
        let called = matches!(
            status,
            TicketStatus::Called
                | TicketStatus::Serving
                | TicketStatus::Done
                | TicketStatus::NoShow
        );
        let called_at = called.then(|| issued_at + Duration::milliseconds(wait_ms));
        let started = matches!(status, TicketStatus::Serving | TicketStatus::Done);
        let finished_at = total_ms.map(|ms| issued_at + Duration::milliseconds(ms));
        Ticket {
            id: TicketId(uuid::Uuid::from_u128(u128::from(number) + 1)),
            office_id: OfficeId(1),
            topic_id: TopicId(topic),
            label: format!("T{number:03}"),
            number,
            service_day,
            status,
            out_of_turn: false,
            public_code: format!("code{number}"),
            issued_at,
            queue_since: issued_at,
            front: false,
            target_window: None,
            window_id: None,
            agent_id: agent.map(StaffId),
            called_at,
            started_at: if started { called_at } else { None },
            finished_at,
            postponed_until: None,
            recalls: 0,
            transfers: 0,
            wait_ms,
            waiting_since: None,
            walk_ms: 0,
            service_ms,
            outcome: None,
            topics_count: None,
            overrun_reason: None,
            cancel_reason: None,
        }
    }

    /// A finished visit: wait, service and total in whole minutes.
    #[allow(clippy::too_many_arguments)]
    fn done(
        number: u32,
        topic: i64,
        agent: i64,
        wait_min: i64,
        service_min: i64,
        total_min: i64,
        outcome: Outcome,
        topics_count: Option<u8>,
    ) -> Ticket {
        let mut t = ticket(
            number,
            day(2026, 3, 10),
            topic,
            TicketStatus::Done,
            Some(agent),
            wait_min * MIN,
            service_min * MIN,
            Some(total_min * MIN),
        );
        t.outcome = Some(outcome);
        t.topics_count = topics_count;
        t
    }

    fn open(
        number: u32,
        topic: i64,
        status: TicketStatus,
        agent: Option<i64>,
        wait_min: i64,
    ) -> Ticket {
        ticket(
            number,
            day(2026, 3, 10),
            topic,
            status,
            agent,
            wait_min * MIN,
            0,
            None,
        )
    }

    fn assert_share(actual: Option<f64>, expected: Option<f64>) {
        match (actual, expected) {
            (Some(a), Some(e)) => assert!((a - e).abs() < 1e-9, "share {a} != {e}"),
            _ => assert_eq!(actual, expected),
        }
    }

    fn dist(count: u32, average: i64, median: i64, p90: i64) -> Distribution {
        Distribution {
            count,
            average_ms: Some(average),
            median_ms: Some(median),
            p90_ms: Some(p90),
        }
    }

    /// Topics A (id 1, order 2, norms 15/20/35), B (id 2, order 1, norms 10/15/25) and
    /// C (id 3, order 2, no tickets), deliberately given out of order.
    fn scripted_topics() -> Vec<Topic> {
        vec![
            topic(3, "C", 2, 15, 20, 35),
            topic(1, "A", 2, 15, 20, 35),
            topic(2, "B", 1, 10, 15, 25),
        ]
    }

    /// The scripted day 2026-03-10. Agents 10 (Petrova), 11 (Ivanov), 12 (no name).
    ///
    /// | # | topic | status    | agent | wait | service | total | outcome  | topics | transfers |
    /// |---|-------|-----------|-------|------|---------|-------|----------|--------|-----------|
    /// | 1 | A     | Done      | 10    | 5    | 10      | 16    | resolved | 1      |           |
    /// | 2 | A     | Done      | 10    | 15   | 20      | 35    | deferred | 2      |           |
    /// | 3 | A     | Done      | 11    | 20   | 25      | 46    | refused  | 3      | 1         |
    /// | 4 | A     | NoShow    | 11    | 8    |         |       |          |        |           |
    /// | 5 | B     | Done      | 11    | 4    | 30      | 35    | resolved | 4      |           |
    /// | 6 | B     | Done      | 10    | 12   | 12      | 25    | other    | None   |           |
    /// | 7 | B     | Cancelled | —     | 3    |         |       |          |        |           |
    /// | 8 | A     | Waiting   | —     | 2    |         |       |          |        |           |
    /// | 9 | B     | Serving   | 12    | 6    |         |       |          |        | 2         |
    /// |10 | A     | Cancelled | 11    | 1    |         |       |          |        |           |
    fn scripted_day() -> Vec<Ticket> {
        let mut t3 = done(
            3,
            1,
            11,
            20,
            25,
            46,
            Outcome::Refused {
                reason: "no documents".into(),
            },
            Some(3),
        );
        t3.transfers = 1;
        let mut t9 = open(9, 2, TicketStatus::Serving, Some(12), 6);
        t9.transfers = 2;
        vec![
            done(1, 1, 10, 5, 10, 16, Outcome::Resolved, Some(1)),
            done(
                2,
                1,
                10,
                15,
                20,
                35,
                Outcome::Deferred {
                    deadline: day(2026, 3, 20),
                },
                Some(2),
            ),
            t3,
            open(4, 1, TicketStatus::NoShow, Some(11), 8),
            done(5, 2, 11, 4, 30, 35, Outcome::Resolved, Some(4)),
            done(
                6,
                2,
                10,
                12,
                12,
                25,
                Outcome::Other {
                    note: "advice".into(),
                },
                None,
            ),
            open(7, 2, TicketStatus::Cancelled, None, 3),
            open(8, 1, TicketStatus::Waiting, None, 2),
            t9,
            open(10, 1, TicketStatus::Cancelled, Some(11), 1),
        ]
    }

    fn staff() -> HashMap<StaffId, String> {
        HashMap::from([
            (StaffId(10), "Petrova".to_string()),
            (StaffId(11), "Ivanov".to_string()),
        ])
    }

    fn input<'a>(
        from: NaiveDate,
        to: NaiveDate,
        tickets: &'a [Ticket],
        month_tickets: &'a [Ticket],
        topics: &'a [Topic],
        staff_names: &'a HashMap<StaffId, String>,
    ) -> StatsInput<'a> {
        StatsInput {
            office_id: OfficeId(1),
            from,
            to,
            tickets,
            month_tickets,
            topics,
            staff_names,
            monthly_wait_limit_min: 30,
        }
    }

    #[test]
    fn scripted_day_total_row() {
        let tickets = scripted_day();
        let topics = scripted_topics();
        let names = staff();
        let d = day(2026, 3, 10);
        let stats = compute(&input(d, d, &tickets, &tickets, &topics, &names));
        assert_eq!(stats.office_id, OfficeId(1));
        assert_eq!((stats.from, stats.to), (d, d));

        let r = &stats.total;
        assert_eq!(r.issued, 10);
        assert_eq!(r.finished, 5);
        assert_eq!((r.resolved, r.deferred, r.refused, r.other), (2, 1, 1, 1));
        assert_eq!(r.no_shows, 1);
        assert_eq!(r.cancelled, 2);
        assert_eq!(r.unfinished, 2);
        assert_eq!(r.transfers, 3);
        // Called waits 4,5,8,12,15,20 min: mean 64/6 = 10⅔ min; rank 3 → 8; rank 6 → 20.
        assert_eq!(r.wait, dist(6, 640_000, 8 * MIN, 20 * MIN));
        // Services 10,12,20,25,30: mean 97/5 min; rank 3 → 20; rank 5 → 30.
        assert_eq!(r.service, dist(5, 1_164_000, 20 * MIN, 30 * MIN));
        // Totals 16,25,35,35,46: mean 157/5 min; rank 3 → 35; rank 5 → 46.
        assert_eq!(r.total, dist(5, 1_884_000, 35 * MIN, 46 * MIN));
        // Wait within: #1, #2 (at 15), #4, #5; not #3 (20 > 15), #6 (12 > 10) → 4/6.
        assert_share(r.within_wait_norm, Some(4.0 / 6.0));
        // Service scope: #1, #2, #3, #6 (#5 covered 4 topics); within #1, #2 (at 20), #6 → 3/4.
        assert_share(r.within_service_norm, Some(0.75));
        // Total within: #1, #2 (at 35), #6 (at 25); not #3 (46 > 35), #5 (35 > 25) → 3/5.
        assert_share(r.within_total_norm, Some(0.6));
    }

    #[test]
    fn scripted_day_by_topic() {
        let tickets = scripted_day();
        let topics = scripted_topics();
        let names = staff();
        let d = day(2026, 3, 10);
        let stats = compute(&input(d, d, &tickets, &tickets, &topics, &names));

        let order: Vec<(TopicId, &str)> = stats
            .by_topic
            .iter()
            .map(|t| (t.topic_id, t.prefix.as_str()))
            .collect();
        assert_eq!(
            order,
            vec![(TopicId(2), "B"), (TopicId(1), "A"), (TopicId(3), "C")]
        );

        let b = &stats.by_topic[0];
        assert_eq!(b.name_ru, "Тема B");
        assert_eq!(b.name_en, "Topic B");
        let r = &b.stats;
        assert_eq!((r.issued, r.finished, r.resolved, r.other), (4, 2, 1, 1));
        assert_eq!((r.deferred, r.refused, r.no_shows), (0, 0, 0));
        assert_eq!((r.cancelled, r.unfinished, r.transfers), (1, 1, 2));
        // Waits 4, 12: mean 8; rank 1 → 4; rank ceil(1.8) = 2 → 12.
        assert_eq!(r.wait, dist(2, 8 * MIN, 4 * MIN, 12 * MIN));
        assert_eq!(r.service, dist(2, 21 * MIN, 12 * MIN, 30 * MIN));
        assert_eq!(r.total, dist(2, 30 * MIN, 25 * MIN, 35 * MIN));
        assert_share(r.within_wait_norm, Some(0.5));
        assert_share(r.within_service_norm, Some(1.0));
        assert_share(r.within_total_norm, Some(0.5));

        let r = &stats.by_topic[1].stats;
        assert_eq!((r.issued, r.finished), (6, 3));
        assert_eq!((r.resolved, r.deferred, r.refused, r.other), (1, 1, 1, 0));
        assert_eq!(
            (r.no_shows, r.cancelled, r.unfinished, r.transfers),
            (1, 1, 1, 1)
        );
        // Waits 5,8,15,20: mean 12; rank 2 → 8; rank ceil(3.6) = 4 → 20.
        assert_eq!(r.wait, dist(4, 12 * MIN, 8 * MIN, 20 * MIN));
        // Services 10,20,25: mean 55/3 min; rank 2 → 20; rank ceil(2.7) = 3 → 25.
        assert_eq!(r.service, dist(3, 1_100_000, 20 * MIN, 25 * MIN));
        // Totals 16,35,46: mean 97/3 min.
        assert_eq!(r.total, dist(3, 1_940_000, 35 * MIN, 46 * MIN));
        assert_share(r.within_wait_norm, Some(0.75));
        assert_share(r.within_service_norm, Some(2.0 / 3.0));
        assert_share(r.within_total_norm, Some(2.0 / 3.0));

        // A topic without tickets still has its (zero) row.
        assert_eq!(stats.by_topic[2].stats, StatsRow::default());
    }

    #[test]
    fn scripted_day_by_agent() {
        let tickets = scripted_day();
        let topics = scripted_topics();
        let names = staff();
        let d = day(2026, 3, 10);
        let stats = compute(&input(d, d, &tickets, &tickets, &topics, &names));

        let order: Vec<(StaffId, &str)> = stats
            .by_agent
            .iter()
            .map(|a| (a.agent_id, a.name.as_str()))
            .collect();
        assert_eq!(
            order,
            vec![
                (StaffId(12), "#12"),
                (StaffId(11), "Ivanov"),
                (StaffId(10), "Petrova")
            ]
        );

        let r = &stats.by_agent[0].stats;
        assert_eq!((r.issued, r.unfinished, r.transfers), (1, 1, 2));
        assert_eq!(r.wait, Distribution::default());
        assert_eq!(r.within_wait_norm, None);
        assert_eq!(r.within_service_norm, None);
        assert_eq!(r.within_total_norm, None);

        // Ivanov: #3, #4, #5, #10 (the cancelled ticket counts for him).
        let r = &stats.by_agent[1].stats;
        assert_eq!((r.issued, r.finished, r.resolved, r.refused), (4, 2, 1, 1));
        assert_eq!(
            (r.no_shows, r.cancelled, r.unfinished, r.transfers),
            (1, 1, 0, 1)
        );
        // Waits 4,8,20: mean 32/3 min; rank 2 → 8; rank 3 → 20.
        assert_eq!(r.wait, dist(3, 640_000, 8 * MIN, 20 * MIN));
        // Services 25, 30: mean 27.5 min.
        assert_eq!(r.service, dist(2, 1_650_000, 25 * MIN, 30 * MIN));
        // Totals 35, 46: mean 40.5 min.
        assert_eq!(r.total, dist(2, 2_430_000, 35 * MIN, 46 * MIN));
        assert_share(r.within_wait_norm, Some(2.0 / 3.0));
        // Only #3 is in scope (#5 covered 4 topics) and it ran over.
        assert_share(r.within_service_norm, Some(0.0));
        assert_share(r.within_total_norm, Some(0.0));

        // Petrova: #1, #2, #6.
        let r = &stats.by_agent[2].stats;
        assert_eq!((r.issued, r.finished), (3, 3));
        assert_eq!((r.resolved, r.deferred, r.refused, r.other), (1, 1, 0, 1));
        assert_eq!(
            (r.no_shows, r.cancelled, r.unfinished, r.transfers),
            (0, 0, 0, 0)
        );
        // Waits 5,12,15: mean 32/3 min.
        assert_eq!(r.wait, dist(3, 640_000, 12 * MIN, 15 * MIN));
        // Services 10,12,20: mean 14 min.
        assert_eq!(r.service, dist(3, 14 * MIN, 12 * MIN, 20 * MIN));
        // Totals 16,25,35: mean 76/3 min.
        assert_eq!(r.total, dist(3, 1_520_000, 25 * MIN, 35 * MIN));
        assert_share(r.within_wait_norm, Some(2.0 / 3.0));
        assert_share(r.within_service_norm, Some(1.0));
        assert_share(r.within_total_norm, Some(1.0));
    }

    #[test]
    fn scripted_day_monthly_wait_uses_the_whole_month() {
        let tickets = scripted_day();
        let topics = scripted_topics();
        let names = staff();
        let mut month = tickets.clone();
        // Another March day: a visit that waited 36 minutes.
        month.push(ticket(
            20,
            day(2026, 3, 2),
            1,
            TicketStatus::Done,
            Some(10),
            36 * MIN,
            5 * MIN,
            Some(41 * MIN),
        ));
        let d = day(2026, 3, 10);
        let stats = compute(&input(d, d, &tickets, &month, &topics, &names));
        // 7 called; waits 64 + 36 = 100 min; 6_000_000 / 7 = 857_142.86 → 857_143.
        assert_eq!(
            stats.monthly_wait,
            vec![MonthlyWait {
                month: "2026-03".into(),
                called: 7,
                average_wait_ms: Some(857_143),
                limit_ms: 30 * MIN,
                within_limit: true,
            }]
        );
        // The day's own figures ignore the other day.
        assert_eq!(stats.total.issued, 10);
    }

    #[test]
    fn empty_input() {
        let topics = vec![topic(1, "A", 1, 15, 20, 35)];
        let names = HashMap::new();
        let d = day(2026, 5, 4);
        let stats = compute(&input(d, d, &[], &[], &topics, &names));
        assert_eq!(stats.total, StatsRow::default());
        assert_eq!(stats.total.wait.average_ms, None);
        assert_eq!(stats.total.within_wait_norm, None);
        assert_eq!(stats.by_topic.len(), 1);
        assert_eq!(stats.by_topic[0].topic_id, TopicId(1));
        assert_eq!(stats.by_topic[0].stats, StatsRow::default());
        assert!(stats.by_agent.is_empty());
        assert_eq!(
            stats.monthly_wait,
            vec![MonthlyWait {
                month: "2026-05".into(),
                called: 0,
                average_wait_ms: None,
                limit_ms: 30 * MIN,
                within_limit: true,
            }]
        );

        let none = compute(&input(d, d, &[], &[], &[], &names));
        assert!(none.by_topic.is_empty());
    }

    #[test]
    fn visit_of_four_topics_is_outside_the_service_norm() {
        let topics = vec![topic(1, "A", 1, 15, 20, 35)];
        let names = HashMap::new();
        let d = day(2026, 3, 10);
        let long = done(1, 1, 10, 5, 60, 70, Outcome::Resolved, Some(4));
        let only_long = [long.clone()];
        let stats = compute(&input(d, d, &only_long, &[], &topics, &names));
        assert_eq!(stats.total.within_service_norm, None);
        // Still counted in the service distribution and the total norm.
        assert_eq!(stats.total.service, dist(1, 60 * MIN, 60 * MIN, 60 * MIN));
        assert_share(stats.total.within_total_norm, Some(0.0));

        let with_short = [long, done(2, 1, 10, 5, 19, 30, Outcome::Resolved, Some(3))];
        let stats = compute(&input(d, d, &with_short, &[], &topics, &names));
        assert_share(stats.total.within_service_norm, Some(1.0));
        assert_share(stats.total.within_total_norm, Some(0.5));
    }

    #[test]
    fn exactly_at_the_norm_is_within_and_one_ms_over_is_not() {
        let topics = vec![topic(1, "A", 1, 15, 20, 35)];
        let names = HashMap::new();
        let d = day(2026, 3, 10);
        let at = [ticket(
            1,
            d,
            1,
            TicketStatus::Done,
            Some(10),
            15 * MIN,
            20 * MIN,
            Some(35 * MIN),
        )];
        let stats = compute(&input(d, d, &at, &[], &topics, &names));
        assert_share(stats.total.within_wait_norm, Some(1.0));
        assert_share(stats.total.within_service_norm, Some(1.0));
        assert_share(stats.total.within_total_norm, Some(1.0));

        let over = [ticket(
            1,
            d,
            1,
            TicketStatus::Done,
            Some(10),
            15 * MIN + 1,
            20 * MIN + 1,
            Some(35 * MIN + 1),
        )];
        let stats = compute(&input(d, d, &over, &[], &topics, &names));
        assert_share(stats.total.within_wait_norm, Some(0.0));
        assert_share(stats.total.within_service_norm, Some(0.0));
        assert_share(stats.total.within_total_norm, Some(0.0));
    }

    #[test]
    fn unknown_topic_uses_default_norms_and_counts_only_in_total() {
        let topics = vec![topic(1, "A", 1, 5, 5, 5)];
        let names = HashMap::new();
        let d = day(2026, 3, 10);
        let tickets = [
            ticket(1, d, 99, TicketStatus::NoShow, None, 15 * MIN, 0, None),
            ticket(
                2,
                d,
                99,
                TicketStatus::Done,
                None,
                16 * MIN,
                20 * MIN,
                Some(35 * MIN),
            ),
        ];
        let stats = compute(&input(d, d, &tickets, &[], &topics, &names));
        assert_eq!(stats.total.issued, 2);
        // Defaults 15 / 20 / 35: the 15-minute wait is within, 16 minutes is not.
        assert_share(stats.total.within_wait_norm, Some(0.5));
        assert_share(stats.total.within_service_norm, Some(1.0));
        assert_share(stats.total.within_total_norm, Some(1.0));
        assert_eq!(stats.by_topic.len(), 1);
        assert_eq!(stats.by_topic[0].stats.issued, 0);
        // No agent on these tickets: no agent rows.
        assert!(stats.by_agent.is_empty());
    }

    #[test]
    fn distribution_nearest_rank_and_rounding() {
        assert_eq!(distribution(vec![]), Distribution::default());
        assert_eq!(distribution(vec![7]), dist(1, 7, 7, 7));
        // 1..=10 shuffled: mean 5.5 rounds to 6; rank 5 → 5; rank 9 → 9.
        assert_eq!(
            distribution(vec![10, 3, 1, 8, 5, 2, 9, 4, 7, 6]),
            dist(10, 6, 5, 9)
        );
        // Mean 4/3 rounds down to 1; rank ceil(1.5) = 2 → 1; rank ceil(2.7) = 3 → 2.
        assert_eq!(distribution(vec![2, 1, 1]), dist(3, 1, 1, 2));
        // Mean 1.5 rounds up to 2.
        assert_eq!(distribution(vec![1, 2]), dist(2, 2, 1, 2));
        // 20 values 1..=20: rank 10 → 10; rank 18 → 18; mean 10.5 → 11.
        assert_eq!(distribution((1..=20).rev().collect()), dist(20, 11, 10, 18));
    }

    #[test]
    fn month_bounds_cover_whole_months() {
        assert_eq!(
            month_bounds(day(2026, 1, 31), day(2026, 2, 1)),
            (day(2026, 1, 1), day(2026, 2, 28))
        );
        assert_eq!(
            month_bounds(day(2025, 12, 15), day(2026, 1, 5)),
            (day(2025, 12, 1), day(2026, 1, 31))
        );
        assert_eq!(
            month_bounds(day(2024, 2, 10), day(2024, 2, 10)),
            (day(2024, 2, 1), day(2024, 2, 29))
        );
        assert_eq!(
            month_bounds(day(2026, 4, 1), day(2026, 4, 30)),
            (day(2026, 4, 1), day(2026, 4, 30))
        );
    }

    #[test]
    fn monthly_wait_across_a_month_boundary() {
        let topics = vec![topic(1, "A", 1, 15, 20, 35)];
        let names = HashMap::new();
        let (from, to) = (day(2026, 1, 31), day(2026, 3, 1));
        let month_tickets = [
            // January: 40 and 30 minutes → 35 on average, over the 30-minute limit.
            ticket(
                1,
                day(2026, 1, 5),
                1,
                TicketStatus::Done,
                None,
                40 * MIN,
                MIN,
                Some(45 * MIN),
            ),
            ticket(
                2,
                day(2026, 1, 31),
                1,
                TicketStatus::NoShow,
                None,
                30 * MIN,
                0,
                None,
            ),
            // Cancelled: never called, not counted.
            ticket(
                3,
                day(2026, 1, 20),
                1,
                TicketStatus::Cancelled,
                None,
                100 * MIN,
                0,
                None,
            ),
            // February: exactly at the limit is within.
            ticket(
                4,
                day(2026, 2, 1),
                1,
                TicketStatus::Done,
                None,
                30 * MIN,
                MIN,
                Some(35 * MIN),
            ),
            // March: only a waiting ticket.
            ticket(
                5,
                day(2026, 3, 1),
                1,
                TicketStatus::Waiting,
                None,
                50 * MIN,
                0,
                None,
            ),
            // April lies outside the period.
            ticket(
                6,
                day(2026, 4, 1),
                1,
                TicketStatus::Done,
                None,
                90 * MIN,
                MIN,
                Some(95 * MIN),
            ),
        ];
        let stats = compute(&input(from, to, &[], &month_tickets, &topics, &names));
        let limit_ms = 30 * MIN;
        assert_eq!(
            stats.monthly_wait,
            vec![
                MonthlyWait {
                    month: "2026-01".into(),
                    called: 2,
                    average_wait_ms: Some(35 * MIN),
                    limit_ms,
                    within_limit: false,
                },
                MonthlyWait {
                    month: "2026-02".into(),
                    called: 1,
                    average_wait_ms: Some(30 * MIN),
                    limit_ms,
                    within_limit: true,
                },
                MonthlyWait {
                    month: "2026-03".into(),
                    called: 0,
                    average_wait_ms: None,
                    limit_ms,
                    within_limit: true,
                },
            ]
        );
    }

    #[test]
    fn months_across_a_year_boundary() {
        let names = HashMap::new();
        let stats = compute(&input(
            day(2025, 12, 31),
            day(2026, 1, 1),
            &[],
            &[],
            &[],
            &names,
        ));
        let labels: Vec<&str> = stats
            .monthly_wait
            .iter()
            .map(|m| m.month.as_str())
            .collect();
        assert_eq!(labels, vec!["2025-12", "2026-01"]);
        // A reversed period touches no month.
        assert!(months(day(2026, 2, 1), day(2026, 1, 1)).is_empty());
    }
}
