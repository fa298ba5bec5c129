//! A scripted service day through the real API, and its statistics checked against
//! figures computed by hand.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use talon_protocol::WindowId;
use talon_protocol::stats::{Distribution, MonthlyWait, OfficeStats, RatingStats, StatsRow};

const MIN: i64 = 60_000;

fn dist(count: u32, average_ms: i64, median_ms: i64, p90_ms: i64) -> Distribution {
    Distribution {
        count,
        average_ms: Some(average_ms),
        median_ms: Some(median_ms),
        p90_ms: Some(p90_ms),
    }
}

/// Compares a row exactly, and its shares to within rounding.
fn assert_row(what: &str, actual: &StatsRow, expected: &StatsRow) {
    let without_shares = |r: &StatsRow| StatsRow {
        within_wait_norm: None,
        within_service_norm: None,
        within_total_norm: None,
        ..r.clone()
    };
    assert_eq!(without_shares(actual), without_shares(expected), "{what}");
    for (name, a, e) in [
        (
            "within_wait_norm",
            actual.within_wait_norm,
            expected.within_wait_norm,
        ),
        (
            "within_service_norm",
            actual.within_service_norm,
            expected.within_service_norm,
        ),
        (
            "within_total_norm",
            actual.within_total_norm,
            expected.within_total_norm,
        ),
    ] {
        match (a, e) {
            (Some(a), Some(e)) => assert!((a - e).abs() < 1e-9, "{what} {name}: {a} != {e}"),
            (None, None) => {}
            _ => panic!("{what} {name}: {a:?} != {e:?}"),
        }
    }
}

async fn stats(app: &TestApp, token: &str, from: &str, to: &str) -> OfficeStats {
    let (status, body) = app
        .get(
            &format!("/api/v1/offices/{}/stats?from={from}&to={to}", app.office),
            Some(token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "stats: {body}");
    serde_json::from_value(body).expect("office statistics")
}

/// Calls the next ticket at `window`, checks it is `expected` with the wait so far, and
/// starts serving it at once.
async fn call_and_start(
    app: &TestApp,
    window: WindowId,
    token: &str,
    expected: &str,
    wait_min: i64,
) {
    let (status, called) = app.window_action(window, "call-next", token).await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(called["id"], expected, "window {window} called {called}");
    assert_eq!(called["wait_ms"], wait_min * MIN, "{called}");
    let (status, body) = app.ticket_action(expected, "start", token, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn finish(
    app: &TestApp,
    id: &str,
    token: &str,
    outcome: Value,
    topics: u8,
    service_min: i64,
) {
    let (status, done) = app
        .ticket_action(
            id,
            "finish",
            token,
            json!({"outcome": outcome, "topics_count": topics}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["service_ms"], service_min * MIN, "{done}");
}

async fn issue(app: &TestApp, topic: talon_protocol::TopicId, label: &str) -> String {
    let receipt = app.issue(topic).await;
    assert_eq!(receipt["ticket"]["label"], label);
    ticket_id(&receipt)
}

#[tokio::test]
async fn stats_match_hand_computed_figures_for_a_scripted_day() {
    let app = spawn_app().await;
    // A: norms 15 / 20 / 35 min; B: 10 / 15 / 30. Window 1 serves A and B, window 2 A.
    let (a, b) = (app.topics[0], app.topics[1]);
    let (w1, w2) = (app.windows[0], app.windows[1]);
    let (ag1, ag2) = (&app.agents[0], &app.agents[1]);
    let (t1, t2) = (ag1.token.as_str(), ag2.token.as_str());
    let resolved = json!({"kind": "resolved"});
    for (window, token) in [(w1, t1), (w2, t2)] {
        let (status, body) = app.window_action(window, "open", token).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    // 10:00
    let a001 = issue(&app, a, "A001").await;
    let b001 = issue(&app, b, "B001").await;
    app.advance_minutes(5); // 10:05
    call_and_start(&app, w2, t2, &a001, 5).await;
    call_and_start(&app, w1, t1, &b001, 5).await;
    let a002 = issue(&app, a, "A002").await;
    let b002 = issue(&app, b, "B002").await;
    app.advance_minutes(8); // 10:13
    finish(&app, &b001, t1, resolved.clone(), 1, 8).await;
    // Both waited 8 minutes; B's 10-minute norm is nearer than A's 15: B002 first.
    call_and_start(&app, w1, t1, &b002, 8).await;
    app.advance_minutes(4); // 10:17
    finish(&app, &a001, t2, resolved.clone(), 1, 12).await;
    let (status, called) = app.window_action(w2, "call-next", t2).await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(called["id"], a002.as_str());
    assert_eq!(called["wait_ms"], 12 * MIN);
    app.advance_minutes(2); // 10:19
    let (status, body) = app.ticket_action(&a002, "no-show", t2, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // B002 turns out to be a readings question: back to A's queue after 6 minutes.
    let (status, moved) = app
        .ticket_action(
            &b002,
            "transfer",
            t1,
            json!({"topic_id": a, "place": "back"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["service_ms"], 6 * MIN);
    app.advance_minutes(1); // 10:20
    let a003 = issue(&app, a, "A003").await;
    app.advance_minutes(2); // 10:22
    // B002 has been in A's queue since 10:19, A003 since 10:20.
    call_and_start(&app, w2, t2, &b002, 8 + 3).await;
    call_and_start(&app, w1, t1, &a003, 2).await;
    let a004 = issue(&app, a, "A004").await;
    let b003 = issue(&app, b, "B003").await;
    app.advance_minutes(6); // 10:28
    finish(&app, &b002, t2, resolved.clone(), 2, 6 + 6).await;
    call_and_start(&app, w2, t2, &a004, 6).await;
    app.advance_minutes(6); // 10:34
    finish(
        &app,
        &a003,
        t1,
        json!({"kind": "deferred", "deadline": "2026-11-27"}),
        1,
        12,
    )
    .await;
    // Over B's 10-minute wait norm.
    call_and_start(&app, w1, t1, &b003, 12).await;
    app.advance_minutes(19); // 10:53
    // Four topics in one visit: outside the service norm's scope.
    finish(&app, &a004, t2, resolved.clone(), 4, 25).await;
    app.advance_minutes(1); // 10:54
    finish(&app, &b003, t1, resolved.clone(), 1, 20).await;
    let b004 = issue(&app, b, "B004").await;
    app.advance_minutes(2); // 10:56
    let (status, body) = app
        .ticket_action(&b004, "cancel", &app.head.token, json!({"reason": "ушёл"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    issue(&app, a, "A005").await; // still waiting at the end

    // By hand (minutes; "A" = the final topic, B002 ends in A):
    //
    // ticket  topic agent  status     wait     service  total        topics outcome
    // A001    A     ag2    done       5        12       10:00-10:17 17  1   resolved
    // B001    B     ag1    done       5        8        10:00-10:13 13  1   resolved
    // A002    A     ag2    no-show    12       -        -               -   -
    // B002    A     ag2    done       8+3=11   6+6=12   10:05-10:28 23  2   resolved, 1 transfer
    // A003    A     ag1    done       2        12       10:20-10:34 14  1   deferred
    // A004    A     ag2    done       6        25       10:22-10:53 31  4   resolved
    // B003    B     ag1    done       12 (>10) 20 (>15) 10:22-10:54 32 (>30) 1 resolved
    // B004    B     -      cancelled
    // A005    A     -      waiting
    //
    // Averages round to the nearest ms; median = value at rank ceil(n/2), p90 at rank
    // ceil(0.9 n) of the sorted values.
    let day = stats(&app, &app.head.token, "2026-11-20", "2026-11-20").await;
    assert_eq!(day.office_id, app.office);

    // Waits 2,5,5,6,11,12,12: 53 min / 7 = 454_285.71 ms; rank 4 → 6; rank 7 → 12.
    //   Within: all but B003 → 6/7.
    // Services 8,12,12,12,20,25: 89 min / 6 = 890_000; rank 3 → 12; rank 6 → 25.
    //   In scope: all but A004 (4 topics); within: all but B003 → 4/5.
    // Totals 13,14,17,23,31,32: 130 min / 6 = 1_300_000; rank 3 → 17; rank 6 → 32.
    //   Within: all but B003 (A004's 31 is within A's 35) → 5/6.
    let total = StatsRow {
        issued: 9,
        finished: 6,
        resolved: 5,
        deferred: 1,
        refused: 0,
        other: 0,
        no_shows: 1,
        cancelled: 1,
        unfinished: 1,
        transfers: 1,
        wait: dist(7, 454_286, 6 * MIN, 12 * MIN),
        service: dist(6, 890_000, 12 * MIN, 25 * MIN),
        total: dist(6, 1_300_000, 17 * MIN, 32 * MIN),
        within_wait_norm: Some(6.0 / 7.0),
        within_service_norm: Some(4.0 / 5.0),
        within_total_norm: Some(5.0 / 6.0),
        ratings: RatingStats::default(),
    };
    assert_row("total", &day.total, &total);

    let topics: Vec<_> = day
        .by_topic
        .iter()
        .map(|t| (t.topic_id, t.prefix.as_str()))
        .collect();
    assert_eq!(
        topics,
        [(a, "A"), (b, "B"), (app.topics[2], "C")],
        "every topic, in display order"
    );
    // A: A001, A002, B002, A003, A004, A005.
    // Waits 2,5,6,11,12: 36 / 5 = 7.2 min; rank 3 → 6; rank 5 → 12; all within 15.
    // Services 12,12,12,25: 61 / 4 = 15.25 min; rank 2 → 12; rank 4 → 25; in scope
    //   A001, B002, A003, all within 20.
    // Totals 14,17,23,31: 85 / 4 = 21.25 min; rank 2 → 17; rank 4 → 31; all within 35.
    let topic_a = StatsRow {
        issued: 6,
        finished: 4,
        resolved: 3,
        deferred: 1,
        no_shows: 1,
        unfinished: 1,
        transfers: 1,
        wait: dist(5, 432_000, 6 * MIN, 12 * MIN),
        service: dist(4, 915_000, 12 * MIN, 25 * MIN),
        total: dist(4, 1_275_000, 17 * MIN, 31 * MIN),
        within_wait_norm: Some(1.0),
        within_service_norm: Some(1.0),
        within_total_norm: Some(1.0),
        ..StatsRow::default()
    };
    assert_row("topic A", &day.by_topic[0].stats, &topic_a);
    // B: B001, B003, B004 (B002 left for A).
    // Waits 5,12: 8.5 min; rank 1 → 5; rank 2 → 12. Services 8,20: 14 min. Totals
    // 13,32: 22.5 min. B003 breaks all three norms: 1/2 each.
    let topic_b = StatsRow {
        issued: 3,
        finished: 2,
        resolved: 2,
        cancelled: 1,
        wait: dist(2, 510_000, 5 * MIN, 12 * MIN),
        service: dist(2, 840_000, 8 * MIN, 20 * MIN),
        total: dist(2, 1_350_000, 13 * MIN, 32 * MIN),
        within_wait_norm: Some(0.5),
        within_service_norm: Some(0.5),
        within_total_norm: Some(0.5),
        ..StatsRow::default()
    };
    assert_row("topic B", &day.by_topic[1].stats, &topic_b);
    assert_row("topic C", &day.by_topic[2].stats, &StatsRow::default());

    // Agents by name: "Сотрудник agent1" (window 1), "Сотрудник agent2" (window 2).
    let agents: Vec<_> = day
        .by_agent
        .iter()
        .map(|r| (r.agent_id, r.name.as_str()))
        .collect();
    assert_eq!(
        agents,
        [(ag1.id, "Сотрудник agent1"), (ag2.id, "Сотрудник agent2")]
    );
    // agent1: B001, A003, B003.
    // Waits 2,5,12: 19 / 3 min = 380_000; rank 2 → 5; rank 3 → 12; within 2/3.
    // Services 8,12,20: 40 / 3 min = 800_000; rank 2 → 12; rank 3 → 20; within 2/3.
    // Totals 13,14,32: 59 / 3 min = 1_180_000; rank 2 → 14; rank 3 → 32; within 2/3.
    let agent1 = StatsRow {
        issued: 3,
        finished: 3,
        resolved: 2,
        deferred: 1,
        wait: dist(3, 380_000, 5 * MIN, 12 * MIN),
        service: dist(3, 800_000, 12 * MIN, 20 * MIN),
        total: dist(3, 1_180_000, 14 * MIN, 32 * MIN),
        within_wait_norm: Some(2.0 / 3.0),
        within_service_norm: Some(2.0 / 3.0),
        within_total_norm: Some(2.0 / 3.0),
        ..StatsRow::default()
    };
    assert_row("agent1", &day.by_agent[0].stats, &agent1);
    // agent2: A001, A002 (no-show), B002 (finished here after the transfer), A004.
    // Waits 5,6,11,12: 34 / 4 min = 510_000; rank 2 → 6; rank 4 → 12; all within.
    // Services 12,12,25: 49 / 3 min = 980_000; rank 2 → 12; rank 3 → 25; in scope
    //   A001 and B002, both within.
    // Totals 17,23,31: 71 / 3 min = 1_420_000; rank 2 → 23; rank 3 → 31; all within.
    let agent2 = StatsRow {
        issued: 4,
        finished: 3,
        resolved: 3,
        no_shows: 1,
        transfers: 1,
        wait: dist(4, 510_000, 6 * MIN, 12 * MIN),
        service: dist(3, 980_000, 12 * MIN, 25 * MIN),
        total: dist(3, 1_420_000, 23 * MIN, 31 * MIN),
        within_wait_norm: Some(1.0),
        within_service_norm: Some(1.0),
        within_total_norm: Some(1.0),
        ..StatsRow::default()
    };
    assert_row("agent2", &day.by_agent[1].stats, &agent2);

    // The month so far is this day: 7 called, 53 min of waiting.
    assert_eq!(
        day.monthly_wait,
        [MonthlyWait {
            month: "2026-11".into(),
            called: 7,
            average_wait_ms: Some(454_286),
            limit_ms: 30 * MIN,
            within_limit: true,
        }]
    );

    // An agent sees the whole office's figures but only their own row.
    let own = stats(&app, t1, "2026-11-20", "2026-11-20").await;
    assert_eq!(own.by_agent, day.by_agent[..1]);
    assert_eq!(own.total, day.total);
    assert_eq!(own.by_topic, day.by_topic);
    assert_eq!(own.monthly_wait, day.monthly_wait);
    let idle = stats(&app, &app.agents[2].token, "2026-11-20", "2026-11-20").await;
    assert!(idle.by_agent.is_empty(), "{:?}", idle.by_agent);

    // Saturday the 21st: A005 was closed out at midnight; one visit waits 40 minutes.
    app.clock.set(at("2026-11-21T07:00:00Z"));
    let next = issue(&app, a, "A001").await;
    app.advance_minutes(40);
    call_and_start(&app, w2, t2, &next, 40).await;
    app.advance_minutes(5);
    finish(&app, &next, t2, resolved.clone(), 1, 5).await;

    let again = stats(&app, &app.head.token, "2026-11-20", "2026-11-20").await;
    assert_row(
        "total after midnight",
        &again.total,
        &StatsRow {
            cancelled: 2,
            unfinished: 0,
            ..total
        },
    );
    assert_eq!(again.by_agent, day.by_agent);
    // The month counts both days: 8 called, 53 + 40 = 93 min → 697_500 ms.
    let november = MonthlyWait {
        month: "2026-11".into(),
        called: 8,
        average_wait_ms: Some(697_500),
        limit_ms: 30 * MIN,
        within_limit: true,
    };
    assert_eq!(again.monthly_wait, std::slice::from_ref(&november));
    let saturday = stats(&app, &app.head.token, "2026-11-21", "2026-11-21").await;
    assert_row(
        "saturday",
        &saturday.total,
        &StatsRow {
            issued: 1,
            finished: 1,
            resolved: 1,
            wait: dist(1, 40 * MIN, 40 * MIN, 40 * MIN),
            service: dist(1, 5 * MIN, 5 * MIN, 5 * MIN),
            total: dist(1, 45 * MIN, 45 * MIN, 45 * MIN),
            within_wait_norm: Some(0.0),
            within_service_norm: Some(1.0),
            within_total_norm: Some(0.0),
            ..StatsRow::default()
        },
    );
    assert_eq!(saturday.monthly_wait, [november]);
    app.stop().await;
}
