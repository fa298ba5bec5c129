//! Predicted waits as visitors and apps get them: the forecast the ticker keeps fresh
//! reaches the kiosk's receipt, the phone's status, the topics' load in every snapshot
//! and event, and a `load` message when only time has moved it.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::Value;
use std::time::Duration;
use talon_protocol::event::LiveMessage;

/// Topic `index`'s load once the forecast has caught up with the office, as the
/// snapshot gives it.
async fn range_of_topic(app: &TestApp, index: usize) -> Value {
    app.settled_load().await;
    let snapshot = app.snapshot().await;
    let topic = app.topics[index].0;
    snapshot["load"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["topic_id"] == topic)
        .cloned()
        .expect("the topic's load")
}

fn ordered(range: &Value) -> (i64, i64, i64) {
    let (low, median, high) = (
        range["low_ms"].as_i64().unwrap(),
        range["median_ms"].as_i64().unwrap(),
        range["high_ms"].as_i64().unwrap(),
    );
    assert!(low <= median && median <= high, "{range}");
    (low, median, high)
}

#[tokio::test]
async fn the_forecast_reaches_the_receipt_the_phone_and_the_apps() {
    let app = spawn_app().await;
    let (a, c) = (app.topics[0], app.topics[2]);
    let w2 = app.windows[1];
    let agent = app.agents[1].token.as_str();
    // Window 2 serves readings only (norm: 20 min of service).
    let (status, body) = app.window_action(w2, "open", agent).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for _ in 0..3 {
        app.issue(a).await;
        app.advance_minutes(1);
    }
    let load = range_of_topic(&app, 0).await;
    let (_, median, _) = ordered(&load["wait_range"]);
    assert_eq!(
        load["estimated_wait_ms"], median,
        "the estimate is the median"
    );
    // Three ahead at one window of about 20 minutes each: about an hour, not minutes.
    assert!(median > 30 * 60_000 && median < 120 * 60_000, "{load}");

    // The kiosk's receipt carries the range for a ticket of the topic taken now.
    let receipt = app.issue(a).await;
    let range = receipt["wait_range"].clone();
    assert_eq!(ordered(&range), ordered(&load["wait_range"]));
    assert_eq!(receipt["estimated_wait_ms"], range["median_ms"]);
    // No window serves legal entities: no forecast, never a made-up range.
    let legal = app.issue(c).await;
    assert!(legal["wait_range"].is_null(), "{legal}");
    // A visitor out of turn goes ahead of the four waiting: not the newcomer's range,
    // the wait of nobody ahead.
    let (status, first) = app
        .post(
            &format!("/api/v1/offices/{}/tickets", app.office),
            Some(&app.kiosk),
            serde_json::json!({"topic_id": a, "out_of_turn": true}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert!(first["wait_range"].is_null(), "{first}");
    assert_eq!(first["people_ahead"], 0, "{first}");
    assert!(
        first["estimated_wait_ms"].as_i64().unwrap() < median,
        "{first}"
    );

    // The visitor's phone shows their own ticket's range.
    let code = receipt["ticket"]["public_code"].as_str().unwrap();
    let (status, mine) = app
        .get(&format!("/api/v1/public/tickets/{code}"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    let (low, _, high) = ordered(&mine["wait_range"]);
    assert!(high > low, "{mine}");

    // A display watching: with no change, a minute later the refreshed forecast comes
    // as a `load` message about the state it already has.
    let mut live = app.live(&app.display, None).await;
    let snapshot = live.next_snapshot().await;
    app.advance_minutes(1);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        assert!(tokio::time::Instant::now() < deadline, "no load message");
        match live.next_message().await {
            LiveMessage::Load { seq, load, .. } => {
                assert_eq!(seq, snapshot.seq);
                let readings = load.iter().find(|l| l.topic_id == a).unwrap();
                assert!(readings.wait_range.is_some(), "{readings:?}");
                break;
            }
            LiveMessage::Event { .. } | LiveMessage::Snapshot { .. } => continue,
        }
    }
    app.stop().await;
}
