//! Tests of the statistics rules (see the module docs), on scripted tickets.

use super::distribution::distribution;
use super::months::months;
use super::*;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use std::collections::HashMap;
use talon_protocol::stats::{Distribution, MonthlyWait, StatsRow};
use talon_protocol::{
    Norm, Norms, OfficeId, Outcome, StaffId, Ticket, TicketId, TicketStatus, Topic, TopicId,
};

const MIN: i64 = 60_000;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn topic(id: i64, prefix: &str, display_order: i32, wait: u32, service: u32, total: u32) -> Topic {
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
        booking: Default::default(),
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
        TicketStatus::Called | TicketStatus::Serving | TicketStatus::Done | TicketStatus::NoShow
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
        booking: None,
        issue_forecast: None,
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
        ratings: no_ratings(),
    }
}

fn no_ratings() -> &'static HashMap<TicketId, u8> {
    static NONE: std::sync::OnceLock<HashMap<TicketId, u8>> = std::sync::OnceLock::new();
    NONE.get_or_init(HashMap::new)
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

#[test]
fn ratings_are_counted_per_slice_and_split_by_the_wait_norm() {
    let tickets = scripted_day();
    let topics = scripted_topics();
    let names = staff();
    let d = day(2026, 3, 10);
    let id = |number: u32| tickets.iter().find(|t| t.number == number).unwrap().id;
    // #1 A waited 5 (within 15): 5; #2 A 15 (at the norm: within): 4; #3 A 20 (over): 2;
    // #6 B 12 (over 10): 1. A rating of a ticket outside the period counts nowhere.
    let ratings = HashMap::from([
        (id(1), 5),
        (id(2), 4),
        (id(3), 2),
        (id(6), 1),
        (TicketId(uuid::Uuid::from_u128(999)), 5),
    ]);
    let mut with_ratings = input(d, d, &tickets, &tickets, &topics, &names);
    with_ratings.ratings = &ratings;
    let stats = compute(&with_ratings);
    let total = &stats.total.ratings;
    assert_eq!(total.count, 4);
    assert_share(total.average, Some(3.0));
    assert_eq!(total.by_level, [1, 1, 0, 1, 1]);
    assert_share(total.average_within_wait_norm, Some(4.5));
    assert_share(total.average_over_wait_norm, Some(1.5));

    let a = &stats
        .by_topic
        .iter()
        .find(|t| t.prefix == "A")
        .unwrap()
        .stats
        .ratings;
    assert_eq!(a.count, 3);
    assert_share(a.average, Some(11.0 / 3.0));
    assert_share(a.average_over_wait_norm, Some(2.0));
    let c = &stats
        .by_topic
        .iter()
        .find(|t| t.prefix == "C")
        .unwrap()
        .stats
        .ratings;
    assert_eq!(c, &talon_protocol::stats::RatingStats::default());
    assert_eq!(c.by_level, [0; 5]);
    let petrova = &stats
        .by_agent
        .iter()
        .find(|a| a.name == "Petrova")
        .unwrap()
        .stats
        .ratings;
    assert_eq!(petrova.count, 3);
    assert_share(petrova.average_within_wait_norm, Some(4.5));
    assert_share(petrova.average_over_wait_norm, Some(1.0));
}
