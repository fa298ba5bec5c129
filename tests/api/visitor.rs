//! The visitor's side, without signing in: the ticket's public status and its live
//! stream (Server-Sent Events, filtered per ticket), leaving the queue, rating the visit,
//! the public office board, and the pages themselves (HTML, Russian and English, a plain
//! 404 for an unknown code).

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;
use talon_protocol::EventKind;

fn code(receipt: &Value) -> String {
    receipt["ticket"]["public_code"]
        .as_str()
        .expect("public code")
        .to_string()
}

/// A Server-Sent Events stream read by hand: `event:` and `data:` lines, a blank line
/// ends an event.
struct Sse {
    response: reqwest::Response,
    buffer: String,
}

impl Sse {
    async fn open(app: &TestApp, path: &str) -> Sse {
        let response = app
            .http
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .expect("stream opens");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let kind = response.headers()["content-type"].to_str().unwrap();
        assert!(kind.starts_with("text/event-stream"), "{kind}");
        Sse {
            response,
            buffer: String::new(),
        }
    }

    /// The next event (name, data), or `None` when none comes within `wait`.
    async fn next_within(&mut self, wait: Duration) -> Option<(String, Value)> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut name = String::from("message");
                let mut data = String::new();
                for line in block.lines() {
                    if let Some(value) = line.strip_prefix("event:") {
                        name = value.trim().to_string();
                    } else if let Some(value) = line.strip_prefix("data:") {
                        data.push_str(value.strip_prefix(' ').unwrap_or(value));
                    }
                }
                if data.is_empty() {
                    continue; // a keep-alive comment or a retry hint alone
                }
                return Some((name, serde_json::from_str(&data).expect("JSON data")));
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .ok()?
                .expect("stream readable")?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// The next event; fails after 10 s.
    async fn next(&mut self) -> (String, Value) {
        self.next_within(Duration::from_secs(10))
            .await
            .expect("an event within 10 s")
    }

    /// Whether the server ended the stream within 10 s.
    async fn ended(&mut self) -> bool {
        matches!(
            tokio::time::timeout(Duration::from_secs(10), self.response.chunk()).await,
            Ok(Ok(None)) | Ok(Err(_))
        )
    }
}

fn without_forecast(mut status: Value) -> Value {
    let fields = status.as_object_mut().expect("a status object");
    fields.remove("estimated_wait_ms");
    fields.remove("wait_range");
    status
}

#[tokio::test]
async fn a_ticket_s_stream_sends_its_status_only_when_it_changes() {
    let app = spawn_app().await;
    let [a, b] = [app.topics[0], app.topics[1]];
    let w2 = app.windows[1];
    let agent2 = app.agents[1].token.as_str();
    app.window_action(w2, "open", agent2).await;
    // A minute apart: tickets issued at the same instant are ordered by their ids.
    let first = app.issue(a).await;
    for _ in 0..3 {
        app.advance_minutes(1);
        app.issue(a).await;
    }
    app.advance_minutes(1);
    let mine = app.issue(a).await;
    let mine_code = code(&mine);

    let (status, body) = app
        .get(&format!("/api/v1/public/tickets/{mine_code}"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "waiting");
    assert_eq!(body["people_ahead"], 4);
    assert_eq!(body["soon"], false, "4 ahead: not yet (soon at 3 or fewer)");
    assert_eq!(body["office_id"], app.office.0);
    assert_eq!(body["can_leave"], true);
    assert!(body["estimated_wait_ms"].as_i64().unwrap() > 0);
    assert!(body.get("cancel_reason").is_none() && body.get("agent_id").is_none());

    let mut stream = Sse::open(&app, &format!("/api/v1/public/tickets/{mine_code}/events")).await;
    let (name, now) = stream.next().await;
    assert_eq!(name, "status");
    // The forecast may have been refreshed between the two reads (it follows the last
    // issue): the wait figures aside, the stream starts with the status.
    assert_eq!(
        without_forecast(now),
        without_forecast(body.clone()),
        "the stream starts with the status"
    );
    // A forecast refresh after the last issue may follow: only the wait figures move.
    while let Some((_, update)) = stream.next_within(Duration::from_millis(1500)).await {
        assert_eq!(without_forecast(update), without_forecast(body.clone()));
    }

    // Another topic's queue moves: nothing changes for this ticket, nothing is sent.
    app.issue(b).await;
    assert_eq!(
        stream.next_within(Duration::from_millis(500)).await,
        None,
        "a change that does not touch this ticket sends nothing"
    );

    // The first ticket is called: one fewer ahead, and now "soon".
    let (status, called) = app.window_action(w2, "call-next", agent2).await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(called["id"], first["ticket"]["id"]);
    let (_, now) = stream.next().await;
    assert_eq!(now["people_ahead"], 3);
    assert_eq!(now["soon"], true);

    // Three more are served; this ticket is called to window 2.
    for _ in 0..4 {
        let current = app.snapshot().await["windows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["id"] == w2.0)
            .and_then(|w| w["current_ticket"].as_str().map(str::to_string))
            .expect("a ticket at window 2");
        let (status, body) = app
            .ticket_action(&current, "no-show", agent2, json!({}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = app.window_action(w2, "call-next", agent2).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let mut last = stream.next().await.1;
    while last["status"] == "waiting" {
        last = stream.next().await.1;
    }
    assert_eq!(last["status"], "called");
    assert_eq!(last["window_label"], "2");
    assert_eq!(last["can_leave"], false);
    assert!(last["called_at"].is_string());

    let id = ticket_id(&mine);
    let (status, body) = app.ticket_action(&id, "recall", agent2, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(stream.next().await.1["recalls"], 1);
    app.ticket_action(&id, "start", agent2, json!({})).await;
    assert_eq!(stream.next().await.1["status"], "serving");
    app.advance_minutes(7);
    let (status, body) = app
        .ticket_action(
            &id,
            "finish",
            agent2,
            json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, done) = stream.next().await;
    assert_eq!(done["status"], "done");
    assert_eq!(done["window_label"], "2");
    assert_eq!(done["rated"], false);
    assert!(done["rating_open_until"].is_string(), "{done}");

    // The server stops: the stream ends (and the server does not wait for it).
    app.stop().await;
    assert!(stream.ended().await);
}

#[tokio::test]
async fn the_soon_threshold_is_an_office_setting() {
    let app = spawn_app().await;
    let a = app.topics[0];
    for _ in 0..2 {
        app.issue(a).await;
        app.advance_minutes(1);
    }
    let mine = code(&app.issue(a).await);
    let path = format!("/api/v1/public/tickets/{mine}");
    assert_eq!(app.get(&path, None).await.1["soon"], true, "2 ahead ≤ 3");

    let (_, offices) = app.get("/api/v1/offices", Some(&app.admin.token)).await;
    let mut office = offices[0].clone();
    assert_eq!(office["settings"]["soon_when_ahead"], 3, "the default");
    assert_eq!(office["settings"]["feedback_hours"], 24, "the default");
    office["settings"]["soon_when_ahead"] = json!(1);
    let input = json!({
        "name": office["name"], "time_zone": office["time_zone"],
        "schedule": office["schedule"], "settings": office["settings"],
    });
    let (status, body) = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/offices/{}", app.office),
            Some(&app.admin.token),
            Some(input),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(app.get(&path, None).await.1["soon"], false, "2 ahead > 1");
    app.stop().await;
}

#[tokio::test]
async fn the_visitor_leaves_the_queue_and_the_hall_sees_it_at_once() {
    let app = spawn_app().await;
    let a = app.topics[0];
    let w2 = app.windows[1];
    let agent2 = app.agents[1].token.as_str();
    let mut display = app.live(&app.display, None).await;
    display.next_snapshot().await;
    let leaving = app.issue(a).await;
    let leaving_code = code(&leaving);
    display.next_event().await;

    let (status, body) = app
        .post(
            &format!("/api/v1/public/tickets/{leaving_code}/leave"),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "cancelled");
    assert_eq!(body["cancelled"], "visitor_left");
    assert_eq!(body["can_leave"], false);
    let event = display.next_event().await;
    let EventKind::TicketCancelled { ticket } = &event.kind else {
        panic!("the display sees the cancellation, got {:?}", event.kind);
    };
    assert_eq!(ticket.id.0.to_string(), ticket_id(&leaving));
    assert_eq!(
        ticket.cancel_reason.as_deref(),
        Some(talon_protocol::ticket::CANCEL_LEFT_BY_VISITOR)
    );
    assert_eq!(
        event.load.expect("the counts follow")[0].waiting,
        0,
        "nobody waits any more"
    );

    // Twice: refused, in words.
    let (status, body) = app
        .post(
            &format!("/api/v1/public/tickets/{leaving_code}/leave"),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "ticket_not_active");
    // A called ticket cannot leave: the window is expecting the visitor.
    app.window_action(w2, "open", agent2).await;
    let called = code(&app.issue(a).await);
    app.window_action(w2, "call-next", agent2).await;
    let (status, body) = app
        .post(
            &format!("/api/v1/public/tickets/{called}/leave"),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "invalid_transition");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("called")
    );
    // A postponed one can.
    let postponed = app.issue(a).await;
    let (status, body) = app
        .ticket_action(
            &ticket_id(&postponed),
            "postpone",
            &app.head.token,
            json!({"minutes": 10}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .post(
            &format!("/api/v1/public/tickets/{}/leave", code(&postponed)),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .post("/api/v1/public/tickets/NOSUCHCODE1/leave", None, json!({}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    app.stop().await;
}

#[tokio::test]
async fn a_visit_is_rated_once_after_it_was_served_and_only_for_a_while() {
    let app = spawn_app().await;
    let a = app.topics[0];
    let w2 = app.windows[1];
    let agent2 = &app.agents[1];
    app.window_action(w2, "open", &agent2.token).await;
    let receipt = app.issue(a).await;
    let visit = code(&receipt);
    let rate = |body: Value| {
        let path = format!("/api/v1/public/tickets/{visit}/feedback");
        let app = &app;
        async move { app.post(&path, None, body).await }
    };

    let (status, body) = rate(json!({"rating": 5})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "not_served");

    let id = ticket_id(&receipt);
    app.advance_minutes(4);
    app.window_action(w2, "call-next", &agent2.token).await;
    app.ticket_action(&id, "start", &agent2.token, json!({}))
        .await;
    app.advance_minutes(6);
    let (status, body) = app
        .ticket_action(
            &id,
            "finish",
            &agent2.token,
            json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    for (bad, code) in [
        (json!({"rating": 0}), "invalid"),
        (json!({"rating": 6}), "invalid"),
        (
            json!({"rating": 4, "comment": "ы".repeat(talon_protocol::limits::FEEDBACK_COMMENT + 1)}),
            "too_long",
        ),
        (json!({"rating": 4, "stars": 4}), "unknown_field"),
    ] {
        let (status, body) = rate(bad.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        assert_eq!(error_code(&body), code, "{bad}");
    }
    let mut head = app.live(&app.head.token, None).await;
    head.next_snapshot().await;
    let comment = "<b>Долго</b> ждал, но помогли";
    let (status, body) = rate(json!({"rating": 2, "comment": comment})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["rated"], true);
    assert!(body["rating_open_until"].is_null());
    // The office hears of the rating as an event, without the comment (every socket of
    // the office gets the events), and «плохо» is an alert for the head at once.
    let rated = head.next_event().await;
    let EventKind::VisitRated { rating } = &rated.kind else {
        panic!("the rating is an event, got {:?}", rated.kind);
    };
    assert_eq!((rating.rating, rating.window_id), (2, Some(w2)));
    assert_eq!(rating.label, receipt["ticket"]["label"].as_str().unwrap());
    assert!(!serde_json::to_string(&rated).unwrap().contains("Долго"));
    let alert = head.next_event().await;
    let EventKind::AlertRaised { alert } = &alert.kind else {
        panic!("a poor rating raises an alert, got {:?}", alert.kind);
    };
    assert_eq!(alert.id, format!("poor_rating:{id}"));
    assert!(matches!(
        alert.kind,
        talon_protocol::AlertKind::PoorRating { rating: 2, .. }
    ));

    let stored = app
        .queues()
        .store()
        .feedback_of(talon_protocol::TicketId(id.parse().unwrap()))
        .await
        .unwrap()
        .expect("the rating is stored");
    assert_eq!(stored.rating, 2);
    assert_eq!(stored.comment.as_deref(), Some(comment));
    assert_eq!(stored.office_id, app.office);
    assert_eq!(stored.topic_id, a);
    assert_eq!(stored.window_id, Some(w2));
    assert_eq!(stored.agent_id, Some(agent2.id));
    assert_eq!(stored.wait_ms, 4 * 60_000);
    assert_eq!(stored.service_ms, 6 * 60_000);

    // The rating is in the statistics, of the office, the topic and the agent.
    let (status, stats) = app
        .get(
            &format!(
                "/api/v1/offices/{}/stats?from=2026-11-20&to=2026-11-20",
                app.office
            ),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{stats}");
    let ratings = &stats["total"]["ratings"];
    assert_eq!(ratings["count"], 1, "{stats}");
    assert_eq!(ratings["average"], 2.0);
    assert_eq!(ratings["by_level"], json!([0, 1, 0, 0, 0]));
    assert_eq!(
        ratings["average_within_wait_norm"], 2.0,
        "waited 4 of 15 min"
    );
    assert!(ratings["average_over_wait_norm"].is_null());
    assert_eq!(stats["by_topic"][0]["stats"]["ratings"]["count"], 1);
    let agent_row = stats["by_agent"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["agent_id"] == agent2.id.0)
        .expect("agent2's row");
    assert_eq!(agent_row["stats"]["ratings"]["average"], 2.0);

    let (status, body) = rate(json!({"rating": 5})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "already_rated");
    let (_, status_now) = app
        .get(&format!("/api/v1/public/tickets/{visit}"), None)
        .await;
    assert_eq!(status_now["rated"], true);

    // Another visit, rated a day and an hour later: too late.
    let late = app.issue(a).await;
    let late_id = ticket_id(&late);
    app.window_action(w2, "call-next", &agent2.token).await;
    app.ticket_action(&late_id, "start", &agent2.token, json!({}))
        .await;
    app.ticket_action(
        &late_id,
        "finish",
        &agent2.token,
        json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
    )
    .await;
    app.advance_minutes(25 * 60);
    let (status, body) = app
        .post(
            &format!("/api/v1/public/tickets/{}/feedback", code(&late)),
            None,
            json!({"rating": 4}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "feedback_closed");
    app.stop().await;
}

#[tokio::test]
async fn ratings_of_one_visit_sent_at_once_store_one() {
    let app = spawn_app().await;
    let w2 = app.windows[1];
    let agent2 = &app.agents[1];
    app.window_action(w2, "open", &agent2.token).await;
    let receipt = app.issue(app.topics[0]).await;
    let id = ticket_id(&receipt);
    app.window_action(w2, "call-next", &agent2.token).await;
    app.ticket_action(&id, "start", &agent2.token, json!({}))
        .await;
    app.ticket_action(
        &id,
        "finish",
        &agent2.token,
        json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
    )
    .await;
    let path = format!("/api/v1/public/tickets/{}/feedback", code(&receipt));
    let answers = futures_util::future::join_all(
        (1..=8u8).map(|n| app.post(&path, None, json!({"rating": 1 + n % 5}))),
    )
    .await;
    let created = answers
        .iter()
        .filter(|(status, _)| *status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::CREATED) {
        assert_eq!(*status, StatusCode::CONFLICT, "{body}");
        assert_eq!(error_code(body), "already_rated");
    }
    let events = app
        .queues()
        .store()
        .events_since(app.office, 0, 10_000)
        .await
        .unwrap();
    let ratings = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::VisitRated { .. }))
        .count();
    assert_eq!(ratings, 1, "one rating event for the one stored rating");
    app.stop().await;
}

#[tokio::test]
async fn the_public_office_board_and_its_stream() {
    let app = spawn_app().await;
    let (status, board) = app
        .get(&format!("/api/v1/public/offices/{}", app.office), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{board}");
    assert_eq!(board["name"], "Тестовый офис");
    assert_eq!(board["windows_open"], 0);
    assert_eq!(board["today"]["open"], "00:00:00");
    assert_eq!(board["time_zone"], "Europe/Moscow");
    let topics = board["topics"].as_array().unwrap();
    assert_eq!(topics.len(), 3);
    assert_eq!(topics[0]["name_ru"], "Передача показаний");
    assert_eq!(topics[0]["waiting"], 0);
    let text = board.to_string();
    assert!(!text.contains("Сотрудник"), "no staff names: {text}");

    let mut stream = Sse::open(&app, &format!("/o/{}/events?lang=en", app.office)).await;
    let (name, first) = stream.next().await;
    assert_eq!(name, "board");
    let html = first["board"].as_str().unwrap();
    assert!(html.contains("Meter readings"), "{html}");
    app.issue(app.topics[0]).await;
    let (_, next) = stream.next().await;
    let html = next["board"].as_str().unwrap();
    assert!(html.contains("about 20 minutes"), "{html}");

    let (status, body) = app.get("/api/v1/public/offices/9999", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    app.stop().await;
}

async fn page(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = app
        .http
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("page");
    let status = response.status();
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(kind.starts_with("text/html"), "{path}: {kind}");
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn the_pages_in_russian_and_english_and_a_plain_404() {
    let app = spawn_app().await;
    app.issue(app.topics[1]).await;
    app.advance_minutes(1);
    let receipt = app.issue(app.topics[1]).await;
    let visit = code(&receipt);
    let (status, html) = page(&app, &format!("/t/{visit}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"ru\">"),
        "{html}"
    );
    for expected in [
        "B002",
        "Договоры",
        "Перед вами",
        "1 человек",
        "около 15 минут",
        "English",
        "Покинуть очередь",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    // The code in lower case opens the same page.
    let (status, _) = page(&app, &format!("/t/{}", visit.to_lowercase())).await;
    assert_eq!(status, StatusCode::OK);

    let (status, html) = page(&app, &format!("/t/{visit}?lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "<html lang=\"en\">",
        "Contracts",
        "Ahead of you",
        "1 person",
        "about 15 minutes",
        "Русский",
        "Leave the queue",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }

    let (status, html) = page(&app, "/t/NOSUCHCODE1").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Талон не найден"), "{html}");
    let (status, html) = page(&app, "/t/NOSUCHCODE1?lang=en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Ticket not found"), "{html}");
    let (status, html) = page(&app, "/t/%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        !html.contains("<script>alert"),
        "the address is escaped: {html}"
    );

    let (status, html) = page(&app, &format!("/o/{}", app.office)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<header"), "{html}");
    assert!(
        html.contains("Юридические лица") && html.contains("Открыто окон: 0"),
        "{html}"
    );
    let (status, html) = page(&app, &format!("/o/{}?embed=1&lang=en", app.office)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !html.contains("<header") && !html.contains("<footer"),
        "{html}"
    );
    assert!(html.contains("Windows open: 0"), "{html}");
    for missing in ["/o/9999", "/o/abc"] {
        let (status, html) = page(&app, missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert!(html.contains("Офис не найден"), "{html}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_page_s_stream_survives_a_restart_by_reconnecting() {
    let mut app = spawn_app().await;
    let a = app.topics[0];
    app.issue(a).await;
    app.advance_minutes(1);
    let visit = code(&app.issue(a).await);
    let path = format!("/t/{visit}/events?lang=ru");
    let mut stream = Sse::open(&app, &path).await;
    let (_, first) = stream.next().await;
    assert_eq!(first["status"]["people_ahead"], 1);
    assert!(first["live"].as_str().unwrap().contains("1 человек"));
    assert_eq!(first["actions_key"], "leave");

    app.restart().await;
    assert!(stream.ended().await, "the stream ends with the old server");
    // What the browser does on its own (EventSource): connect again.
    let mut stream = Sse::open(&app, &path).await;
    let (_, again) = stream.next().await;
    assert_eq!(again["status"], first["status"]);
    let w2 = app.windows[1];
    let agent2 = app.agents[1].token.clone();
    app.window_action(w2, "open", &agent2).await;
    app.window_action(w2, "call-next", &agent2).await;
    let (_, next) = stream.next().await;
    assert!(next["live"].as_str().unwrap().contains("никого"), "{next}");
    app.stop().await;
}

#[tokio::test]
async fn the_page_says_each_state_in_words() {
    let app = spawn_app().await;
    let [a, b] = [app.topics[0], app.topics[1]];
    let w2 = app.windows[1];
    let agent2 = app.agents[1].token.clone();
    let head = app.head.token.clone();
    let words = |receipt: &Value| {
        let path = format!("/t/{}", code(receipt));
        let app = &app;
        async move { page(app, &path).await.1 }
    };

    // Postponed for 20 minutes at 10:00 Moscow time: back at 10:20.
    let postponed = app.issue(a).await;
    app.ticket_action(
        &ticket_id(&postponed),
        "postpone",
        &head,
        json!({"minutes": 20}),
    )
    .await;
    let html = words(&postponed).await;
    assert!(html.contains("Талон отложен до 10:20"), "{html}");
    assert!(
        html.contains("Покинуть очередь"),
        "a postponed visitor may leave"
    );

    // Transferred to another topic, and to a window.
    let moved = app.issue(a).await;
    let (status, body) = app
        .ticket_action(
            &ticket_id(&moved),
            "transfer",
            &head,
            json!({"topic_id": b, "place": "back"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let html = words(&moved).await;
    assert!(html.contains("Вас перенаправили: «Договоры»"), "{html}");
    app.window_action(w2, "open", &agent2).await;
    let (status, body) = app
        .ticket_action(
            &ticket_id(&moved),
            "transfer",
            &head,
            json!({"window_id": w2, "place": "front"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(words(&moved).await.contains("Вас пригласят к окну 2"));

    // Called and not come: no-show.
    let missed = app.issue(a).await;
    app.window_action(w2, "call-next", &agent2).await; // the transferred ticket first
    app.ticket_action(&ticket_id(&moved), "no-show", &agent2, json!({}))
        .await;
    let html = words(&moved).await;
    assert!(html.contains("Вы не подошли по вызову"), "{html}");
    assert!(!html.contains("Покинуть очередь"));

    // Cancelled by staff: said without the reason staff typed.
    app.ticket_action(
        &ticket_id(&missed),
        "cancel",
        &head,
        json!({"reason": "Иванов И. И. ушёл"}),
    )
    .await;
    let html = words(&missed).await;
    assert!(
        html.contains("Талон отменён") && !html.contains("Иванов"),
        "{html}"
    );

    // Still waiting when the day ends: the next morning the page says so.
    let late = app.issue(b).await;
    app.advance_minutes(24 * 60);
    let mut gone = false;
    for _ in 0..100 {
        let (_, status) = app
            .get(&format!("/api/v1/public/tickets/{}", code(&late)), None)
            .await;
        if status["status"] == "cancelled" {
            assert_eq!(status["cancelled"], "service_day_ended");
            gone = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(gone, "the day's roll cancels the waiting ticket");
    let html = words(&late).await;
    assert!(html.contains("Рабочий день закончился"), "{html}");
    app.stop().await;
}
