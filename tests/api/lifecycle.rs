//! A visit's whole life over HTTP, with the WebSocket seeing every event in order.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;
use talon_protocol::{EventKind, TicketStatus, WindowState};

#[tokio::test]
async fn a_visit_from_ticket_to_finish_is_seen_live_in_order() {
    let app = spawn_app().await;
    let mut display = app.live(&app.display, None).await;
    let snapshot = display.next_snapshot().await;
    assert_eq!(snapshot.office.id, app.office);
    assert!(snapshot.tickets.is_empty());
    let mut expected_seq = snapshot.seq + 1;
    let agent = &app.agents[0];
    let window = app.windows[0];

    // The kiosk issues a ticket: A001, nobody ahead.
    let receipt = app.issue(app.topics[0]).await;
    assert_eq!(receipt["ticket"]["label"], "A001");
    assert_eq!(receipt["people_ahead"], 0);
    assert_eq!(receipt["topic_name_ru"], "Передача показаний");
    let id = ticket_id(&receipt);
    let code = receipt["ticket"]["public_code"]
        .as_str()
        .unwrap()
        .to_string();

    let (status, body) = app.window_action(window, "open", &agent.token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "idle");

    // Five minutes later the agent calls it.
    app.advance_minutes(5);
    let (status, called) = app.window_action(window, "call-next", &agent.token).await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(called["id"], id.as_str());
    assert_eq!(called["status"], "called");
    assert_eq!(called["wait_ms"], 5 * 60_000);

    // The visitor sees where to go.
    let (status, public) = app
        .get(&format!("/api/v1/public/tickets/{code}"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(public["status"], "called");
    assert_eq!(public["window_label"], "1");

    let (status, _) = app
        .ticket_action(&id, "recall", &agent.token, json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    app.advance_minutes(1);
    let (status, serving) = app
        .ticket_action(&id, "start", &agent.token, json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(serving["status"], "serving");
    assert_eq!(serving["recalls"], 1);
    assert_eq!(serving["walk_ms"], 60_000);
    app.advance_minutes(12);
    let (status, done) = app
        .ticket_action(
            &id,
            "finish",
            &agent.token,
            json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["status"], "done");
    assert_eq!(done["service_ms"], 12 * 60_000);
    assert_eq!(done["outcome"]["kind"], "resolved");
    assert_eq!(done["agent_id"], agent.id.0);

    let (status, _) = app.window_action(window, "close", &agent.token).await;
    assert_eq!(status, StatusCode::OK);

    // The display saw every step, in order, numbered without gaps.
    let events = display
        .events_until(|e| matches!(&e.kind, EventKind::WindowChanged { window } if window.state == WindowState::Closed))
        .await;
    for event in &events {
        assert_eq!(
            event.seq, expected_seq,
            "events arrive in seq order without gaps"
        );
        expected_seq += 1;
    }
    // The server's ticker may act between the clock's five-minute jump and the call (a
    // loaded machine): window 1 then stood idle with a visitor waiting, which raises and
    // clears the idle-window alert. Alerts have tests of their own; the visit's steps are
    // what this list checks.
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e.kind.name())
        .filter(|kind| !kind.starts_with("alert_"))
        .collect();
    assert_eq!(
        kinds,
        [
            "ticket_issued",
            "window_changed", // opened
            "ticket_called",
            "window_changed", // calling
            "ticket_called",  // recall
            "ticket_started",
            "window_changed", // serving
            "ticket_finished",
            "window_changed", // idle
            "window_changed", // closed
        ]
    );
    let recall = events.iter().filter_map(|e| match &e.kind {
        EventKind::TicketCalled {
            recall,
            window_label,
            ticket,
            ..
        } => Some((*recall, window_label.clone(), ticket.label.clone())),
        _ => None,
    });
    assert_eq!(
        recall.collect::<Vec<_>>(),
        [
            (false, "1".to_string(), "A001".to_string()),
            (true, "1".to_string(), "A001".to_string())
        ]
    );

    // The finished ticket left the live state; its record stays.
    let snapshot = app.snapshot().await;
    assert!(snapshot["tickets"].as_array().unwrap().is_empty());
    assert_eq!(snapshot["recent_calls"][0]["label"], "A001");
    let (_, stored) = app
        .get(&format!("/api/v1/tickets/{id}"), Some(&app.head.token))
        .await;
    assert_eq!(
        stored["status"],
        serde_json::to_value(TicketStatus::Done).unwrap()
    );
    app.stop().await;
}

#[tokio::test]
async fn no_show_transfer_postpone_and_cancel() {
    let app = spawn_app().await;
    let a1 = &app.agents[0];
    let a3 = &app.agents[2];
    app.window_action(app.windows[0], "open", &a1.token).await;
    app.window_action(app.windows[2], "open", &a3.token).await;

    // No-show frees the window.
    let first = ticket_id(&app.issue(app.topics[0]).await);
    app.window_action(app.windows[0], "call-next", &a1.token)
        .await;
    let (status, body) = app
        .ticket_action(&first, "no-show", &a1.token, json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "no_show");

    // Transfer from window 1 to topic C (served only by window 3), at the front.
    let waiting_c = ticket_id(&app.issue(app.topics[2]).await);
    let moved = ticket_id(&app.issue(app.topics[0]).await);
    app.window_action(app.windows[0], "call-next", &a1.token)
        .await;
    app.ticket_action(&moved, "start", &a1.token, json!({}))
        .await;
    app.advance_minutes(3);
    let (status, body) = app
        .ticket_action(
            &moved,
            "transfer",
            &a1.token,
            json!({"topic_id": app.topics[2], "place": "front"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "waiting");
    assert_eq!(body["topic_id"], app.topics[2].0);
    assert_eq!(body["transfers"], 1);
    assert_eq!(body["service_ms"], 3 * 60_000);
    // Window 3 takes the transferred visitor before the one who waited for C all along.
    let (_, called) = app
        .window_action(app.windows[2], "call-next", &a3.token)
        .await;
    assert_eq!(called["id"], moved.as_str());
    app.ticket_action(&moved, "start", &a3.token, json!({}))
        .await;
    app.ticket_action(
        &moved,
        "finish",
        &a3.token,
        json!({"outcome": {"kind": "deferred", "deadline": "2026-12-01"}, "topics_count": 2}),
    )
    .await;

    // Postpone for 10 minutes: back at its place afterwards.
    let (_, called) = app
        .window_action(app.windows[2], "call-next", &a3.token)
        .await;
    assert_eq!(called["id"], waiting_c.as_str());
    let (status, body) = app
        .ticket_action(&waiting_c, "postpone", &a3.token, json!({"minutes": 10}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "postponed");
    let (status, body) = app
        .window_action(app.windows[2], "call-next", &a3.token)
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::CONFLICT, "queue_empty")
    );
    let mut live = app.live(&app.head.token, None).await;
    live.next_snapshot().await;
    app.advance_minutes(10);
    live.events_until(|e| matches!(e.kind, EventKind::TicketReturned { .. }))
        .await;
    let (_, called) = app
        .window_action(app.windows[2], "call-next", &a3.token)
        .await;
    assert_eq!(called["id"], waiting_c.as_str());

    // A head cancels a waiting ticket; an agent may not touch the queue.
    let extra = ticket_id(&app.issue(app.topics[1]).await);
    let (status, body) = app
        .ticket_action(&extra, "cancel", &a1.token, json!({}))
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let (status, body) = app
        .ticket_action(&extra, "cancel", &app.head.token, json!({"reason": "ушёл"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "cancelled");
    app.stop().await;
}

#[tokio::test]
async fn wait_breach_raises_an_alert_as_time_passes() {
    let app = spawn_app().await;
    let mut head = app.live(&app.head.token, None).await;
    head.next_snapshot().await;
    let ticket = app.issue(app.topics[0]).await; // wait norm 15 min
    let id = ticket_id(&ticket);
    head.next_event().await;
    app.advance_minutes(16);
    let breach = format!("wait_breach:{id}");
    head.events_until(
        |e| matches!(&e.kind, EventKind::AlertRaised { alert } if alert.id == breach),
    )
    .await;
    let snapshot = app.snapshot().await;
    let alerts = snapshot["alerts"].as_array().unwrap();
    assert_eq!(
        alerts
            .iter()
            .filter(|a| a["kind"]["type"] == "wait_breach")
            .count(),
        1,
        "{alerts:?}"
    );

    // Calling the ticket clears the alert.
    app.window_action(app.windows[1], "open", &app.agents[1].token)
        .await;
    app.window_action(app.windows[1], "call-next", &app.agents[1].token)
        .await;
    let events = head
        .events_until(
            |e| matches!(&e.kind, EventKind::AlertCleared { alert } if alert.id == breach),
        )
        .await;
    assert!(!events.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn outside_issuing_hours_the_kiosk_is_told_the_next_opening() {
    let app = spawn_app().await;
    // Office hours end at 23:59 Moscow: at 23:59:30 the next opening is 00:00.
    app.clock.set(at("2026-11-20T20:59:30Z"));
    let (status, body) = app
        .post(
            &format!("/api/v1/offices/{}/tickets", app.office),
            Some(&app.kiosk),
            json!({"topic_id": app.topics[0]}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error_code(&body), "outside_hours");
    assert_eq!(body["error"]["next_opening"], "2026-11-20T21:00:00Z");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("2026-11-20T21:00:00")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_device_reports_a_fault_to_the_server() {
    let app = spawn_app().await;
    // The metrics recorder is shared by every server of this test process, so this
    // test's faults carry a kind no other test uses: only this server can count it.
    let kind = format!(
        "printer-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..16]
    );
    let fault = json!({"kind": kind, "message": "paper out", "ticket_label": "A001"});
    let (status, _) = app
        .post("/api/v1/devices/me/faults", Some(&app.kiosk), fault.clone())
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // Refused reports are not counted: staff are not devices, a kind must be a word.
    let (status, body) = app
        .post("/api/v1/devices/me/faults", Some(&app.head.token), fault)
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let (status, body) = app
        .post(
            "/api/v1/devices/me/faults",
            Some(&app.display),
            json!({"kind": "no such kind!", "message": "x"}),
        )
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid")
    );
    let metrics = app
        .http
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let series = format!("talon_device_faults_total{{kind=\"{kind}\"}}");
    let counted: Vec<&str> = metrics
        .lines()
        .filter_map(|line| line.strip_prefix(series.as_str()))
        .map(str::trim)
        .collect();
    assert_eq!(counted, ["1"], "the one accepted fault, once:\n{metrics}");
    app.stop().await;
}
