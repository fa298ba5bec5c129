//! Numbering by service day in the office's zone, and continuity across restarts.

use crate::helpers::*;
use reqwest::StatusCode;
use talon_protocol::EventKind;

#[tokio::test]
async fn numbering_restarts_at_local_midnight_of_the_office() {
    let app = spawn_app().await;
    // 23:50 in Moscow (20:50 UTC) on Friday the 20th.
    app.clock.set(at("2026-11-20T20:50:00Z"));
    let first = app.issue(app.topics[0]).await;
    let second = app.issue(app.topics[0]).await;
    assert_eq!(first["ticket"]["label"], "A001");
    assert_eq!(second["ticket"]["label"], "A002");
    assert_eq!(first["ticket"]["service_day"], "2026-11-20");

    let mut live = app.live(&app.head.token, None).await;
    live.next_snapshot().await;
    // 00:05 Moscow on the 21st is still the 20th in UTC: the office's zone decides.
    app.clock.set(at("2026-11-20T21:05:00Z"));
    let events = live
        .events_until(|e| matches!(e.kind, EventKind::ServiceDayStarted { .. }))
        .await;
    let EventKind::ServiceDayStarted { service_day } = &events.last().unwrap().kind else {
        unreachable!()
    };
    assert_eq!(service_day.to_string(), "2026-11-21");

    let next_day = app.issue(app.topics[0]).await;
    assert_eq!(next_day["ticket"]["label"], "A001");
    assert_eq!(next_day["ticket"]["service_day"], "2026-11-21");
    assert_ne!(next_day["ticket"]["id"], first["ticket"]["id"]);

    // Yesterday's tickets did not collide and are still on record, closed out.
    let (status, old) = app
        .get(
            &format!("/api/v1/tickets/{}", ticket_id(&first)),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(old["label"], "A001");
    assert_eq!(old["status"], "cancelled");
    assert_eq!(old["cancel_reason"], "service day ended");
    let snapshot = app.snapshot().await;
    assert_eq!(snapshot["service_day"], "2026-11-21");
    assert_eq!(snapshot["tickets"].as_array().unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_restart_on_the_same_file_keeps_tickets_numbers_and_seq() {
    let mut app = spawn_app().await;
    let agent = &app.agents[0].token.clone();
    app.window_action(app.windows[0], "open", agent).await;
    let a1 = app.issue(app.topics[0]).await;
    app.issue(app.topics[0]).await;
    app.issue(app.topics[1]).await;
    let (_, called) = app.window_action(app.windows[0], "call-next", agent).await;
    let before = app.snapshot().await;
    let seq_before = before["seq"].as_u64().unwrap();

    app.restart().await;

    let after = app.snapshot().await;
    assert_eq!(
        after["seq"].as_u64().unwrap(),
        seq_before,
        "seq continues from the file"
    );
    assert_eq!(
        after["tickets"], before["tickets"],
        "every live ticket survives"
    );
    assert_eq!(after["windows"], before["windows"]);
    assert_eq!(after["recent_calls"], before["recent_calls"]);
    // Sessions survive too: the same agent token still works.
    let (status, body) = app
        .ticket_action(&ticket_id(&called), "start", agent, serde_json::json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let next = app.issue(app.topics[0]).await;
    assert_eq!(next["ticket"]["label"], "A003", "numbering continues");
    let (_, public) = app
        .get(
            &format!(
                "/api/v1/public/tickets/{}",
                a1["ticket"]["public_code"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_eq!(public["label"], "A001");
    let events_after = app.snapshot().await["seq"].as_u64().unwrap();
    // ticket_started + window_changed + ticket_issued, numbered right after the old seq.
    assert_eq!(events_after, seq_before + 3);
    app.stop().await;
}
