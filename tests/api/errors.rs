//! Malformed requests, unknown ids and invalid transitions get a 4xx with the JSON error
//! `{"error": {"code", "message"}}`, and change nothing.

use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// What a refused request must leave as it was: the office's seq, its live tickets, and
/// its windows and topics.
async fn queue_state(app: &TestApp) -> Value {
    let snapshot = app.snapshot().await;
    json!({
        "seq": snapshot["seq"],
        "tickets": snapshot["tickets"],
        "windows": snapshot["windows"],
        "topics": snapshot["topics"],
    })
}

/// Checks one refusal: the status, the JSON error with this code and a message, and that
/// the office is as it was in `before`.
async fn refused(
    app: &TestApp,
    before: &Value,
    what: &str,
    (status, body): (StatusCode, Value),
    want: StatusCode,
    code: &str,
) {
    assert_eq!(status, want, "{what}: {body}");
    let outer = body
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not a JSON object: {body}"));
    assert_eq!(
        outer.keys().collect::<Vec<_>>(),
        ["error"],
        "{what}: {body}"
    );
    let mut keys: Vec<&str> = body["error"]
        .as_object()
        .unwrap_or_else(|| panic!("{what}: no error object: {body}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["code", "message"], "{what}: {body}");
    assert_eq!(error_code(&body), code, "{what}: {body}");
    let message = body["error"]["message"].as_str().expect("message");
    assert!(!message.trim().is_empty(), "{what}: empty message");
    assert_eq!(
        &queue_state(app).await,
        before,
        "{what}: the office changed"
    );
}

/// A request with a raw body and an optional Content-Type.
async fn raw(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    content_type: Option<&str>,
    body: &str,
) -> (StatusCode, Value) {
    let mut request = app
        .http
        .request(method, format!("{}{path}", app.base))
        .bearer_auth(token)
        .body(body.to_string());
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let response = request.send().await.expect("request sent");
    let status = response.status();
    let text = response.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

const JSON: Option<&str> = Some("application/json");

/// What, method, path, token, body, the status and code expected.
type Case<'a> = (
    &'a str,
    Method,
    String,
    &'a str,
    Option<Value>,
    StatusCode,
    &'a str,
);
const UNKNOWN_TICKET: &str = "00000000-0000-4000-8000-000000000000";

#[tokio::test]
async fn malformed_bodies_are_refused() {
    let app = spawn_app().await;
    let tickets = format!("/api/v1/offices/{}/tickets", app.office);
    let kiosk = app.kiosk.as_str();
    let before = queue_state(&app).await;
    use StatusCode as S;

    for (what, content_type, body, status, code) in [
        (
            "broken JSON",
            JSON,
            r#"{"topic_id": "#,
            S::BAD_REQUEST,
            "bad_request",
        ),
        (
            "not JSON at all",
            JSON,
            "topic_id=1",
            S::BAD_REQUEST,
            "bad_request",
        ),
        ("an empty body", JSON, "", S::BAD_REQUEST, "bad_request"),
        (
            "a string for an id",
            JSON,
            r#"{"topic_id": "A"}"#,
            S::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "a string for a flag",
            JSON,
            &format!(r#"{{"topic_id": {}, "out_of_turn": "yes"}}"#, app.topics[0]),
            S::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "a missing field",
            JSON,
            "{}",
            S::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "a number instead of an object",
            JSON,
            "42",
            S::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "no Content-Type",
            None,
            &format!(r#"{{"topic_id": {}}}"#, app.topics[0]),
            S::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "text/plain",
            Some("text/plain"),
            &format!(r#"{{"topic_id": {}}}"#, app.topics[0]),
            S::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
    ] {
        let response = raw(&app, Method::POST, &tickets, kiosk, content_type, body).await;
        refused(&app, &before, what, response, status, code).await;
    }

    // A ticket action's body is checked the same way.
    app.window_action(app.windows[0], "open", &app.agents[0].token)
        .await;
    app.issue(app.topics[0]).await;
    let (_, called) = app
        .window_action(app.windows[0], "call-next", &app.agents[0].token)
        .await;
    let id = ticket_id(&called);
    let (status, _) = app
        .ticket_action(&id, "start", &app.agents[0].token, json!({}))
        .await;
    assert_eq!(status, S::OK);
    let before = queue_state(&app).await;
    let finish = format!("/api/v1/tickets/{id}/finish");
    let agent = app.agents[0].token.as_str();
    for (what, body) in [
        (
            "a string for a count",
            r#"{"outcome": {"kind": "resolved"}, "topics_count": "two"}"#,
        ),
        (
            "an unknown outcome",
            r#"{"outcome": {"kind": "magic"}, "topics_count": 1}"#,
        ),
        (
            "a negative count",
            r#"{"outcome": {"kind": "resolved"}, "topics_count": -1}"#,
        ),
        (
            "a deferral without a deadline",
            r#"{"outcome": {"kind": "deferred"}, "topics_count": 1}"#,
        ),
        (
            "a malformed deadline",
            r#"{"outcome": {"kind": "deferred", "deadline": "27.11.2026"}, "topics_count": 1}"#,
        ),
    ] {
        let response = raw(&app, Method::POST, &finish, agent, JSON, body).await;
        refused(
            &app,
            &before,
            what,
            response,
            S::UNPROCESSABLE_ENTITY,
            "invalid",
        )
        .await;
    }
    let response = raw(&app, Method::POST, &finish, agent, JSON, "{").await;
    refused(
        &app,
        &before,
        "broken JSON",
        response,
        S::BAD_REQUEST,
        "bad_request",
    )
    .await;

    // An unusable idempotency key.
    let response = app
        .http
        .post(format!("{}{tickets}", app.base))
        .bearer_auth(kiosk)
        .header("idempotency-key", "k".repeat(129))
        .json(&json!({"topic_id": app.topics[0]}))
        .send()
        .await
        .expect("request sent");
    let status = response.status();
    let body: Value = response.json().await.expect("JSON");
    refused(
        &app,
        &before,
        "a 129-character idempotency key",
        (status, body),
        S::BAD_REQUEST,
        "bad_request",
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn unknown_ids_and_addresses_are_not_found() {
    let app = spawn_app().await;
    let waiting = ticket_id(&app.issue(app.topics[0]).await);
    let before = queue_state(&app).await;
    let office = app.office;
    let (admin, head, agent, kiosk) = (
        app.admin.token.as_str(),
        app.head.token.as_str(),
        app.agents[0].token.as_str(),
        app.kiosk.as_str(),
    );
    use Method as M;
    use StatusCode as S;
    let resolved = json!({"outcome": {"kind": "resolved"}, "topics_count": 1});

    let cases: Vec<Case> = vec![
        (
            "issue for an unknown topic",
            M::POST,
            format!("/api/v1/offices/{office}/tickets"),
            kiosk,
            Some(json!({"topic_id": 9999})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "issue in an unknown office",
            M::POST,
            "/api/v1/offices/9999/tickets".into(),
            kiosk,
            Some(json!({"topic_id": app.topics[0]})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "snapshot of an unknown office",
            M::GET,
            "/api/v1/offices/9999/snapshot".into(),
            head,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "topic of an unknown office",
            M::POST,
            "/api/v1/offices/9999/topics".into(),
            admin,
            Some(json!({"prefix": "D", "name_ru": "Справки"})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "stats of an unknown office",
            M::GET,
            "/api/v1/offices/9999/stats?from=2026-11-20&to=2026-11-20".into(),
            admin,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "open an unknown window",
            M::POST,
            "/api/v1/windows/9999/open".into(),
            agent,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "call at an unknown window",
            M::POST,
            "/api/v1/windows/9999/call-next".into(),
            agent,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "topics of an unknown window",
            M::PUT,
            "/api/v1/windows/9999/topics".into(),
            head,
            Some(json!({"topics": [app.topics[0]]})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "a window id that is not a number",
            M::POST,
            "/api/v1/windows/first/open".into(),
            agent,
            None,
            S::BAD_REQUEST,
            "bad_request",
        ),
        (
            "start an unknown ticket",
            M::POST,
            format!("/api/v1/tickets/{UNKNOWN_TICKET}/start"),
            agent,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "finish an unknown ticket",
            M::POST,
            format!("/api/v1/tickets/{UNKNOWN_TICKET}/finish"),
            agent,
            Some(resolved.clone()),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "read an unknown ticket",
            M::GET,
            format!("/api/v1/tickets/{UNKNOWN_TICKET}"),
            head,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "a ticket id that is not a UUID",
            M::POST,
            "/api/v1/tickets/12345/start".into(),
            agent,
            None,
            S::BAD_REQUEST,
            "bad_request",
        ),
        (
            "read a ticket id that is not a UUID",
            M::GET,
            "/api/v1/tickets/A001".into(),
            head,
            None,
            S::BAD_REQUEST,
            "bad_request",
        ),
        (
            "transfer to an unknown topic",
            M::POST,
            format!("/api/v1/tickets/{waiting}/transfer"),
            head,
            Some(json!({"topic_id": 9999, "place": "back"})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "transfer to an unknown window",
            M::POST,
            format!("/api/v1/tickets/{waiting}/transfer"),
            head,
            Some(json!({"window_id": 9999, "place": "front"})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "update an unknown topic",
            M::PUT,
            "/api/v1/topics/9999".into(),
            head,
            Some(json!({"prefix": "D", "name_ru": "Справки"})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "update unknown staff",
            M::PUT,
            "/api/v1/staff/9999".into(),
            admin,
            Some(json!({"name": "Никто"})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "revoke an unknown device",
            M::DELETE,
            "/api/v1/devices/9999".into(),
            admin,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "an unknown address",
            M::GET,
            "/api/v1/no-such-thing".into(),
            head,
            None,
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "an unknown address, posted to",
            M::POST,
            "/api/v1/tickets".into(),
            kiosk,
            Some(json!({"topic_id": app.topics[0]})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "an unknown action on a ticket",
            M::POST,
            format!("/api/v1/tickets/{waiting}/teleport"),
            head,
            Some(json!({})),
            S::NOT_FOUND,
            "not_found",
        ),
        (
            "a known address with the wrong method",
            M::GET,
            format!("/api/v1/windows/{}/call-next", app.windows[0]),
            agent,
            None,
            S::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
    ];
    for (what, method, path, token, body, status, code) in cases {
        let response = app.request(method, &path, Some(token), body).await;
        refused(&app, &before, what, response, status, code).await;
    }
    // The 405 still says which methods the address takes.
    let response = app
        .http
        .get(format!(
            "{}/api/v1/windows/{}/call-next",
            app.base, app.windows[0]
        ))
        .bearer_auth(agent)
        .send()
        .await
        .expect("request sent");
    assert_eq!(response.status(), S::METHOD_NOT_ALLOWED);
    assert_eq!(
        response
            .headers()
            .get("allow")
            .and_then(|v| v.to_str().ok()),
        Some("POST")
    );
    app.stop().await;
}

#[tokio::test]
async fn invalid_transitions_and_values_are_refused() {
    let app = spawn_app().await;
    let [w1, w2, w3] = [app.windows[0], app.windows[1], app.windows[2]];
    let (head, agent1, agent2) = (
        app.head.token.as_str(),
        app.agents[0].token.as_str(),
        app.agents[1].token.as_str(),
    );
    use StatusCode as S;
    let resolved = json!({"outcome": {"kind": "resolved"}, "topics_count": 1});

    let (status, _) = app.window_action(w1, "open", agent1).await;
    assert_eq!(status, S::OK);
    let waiting = ticket_id(&app.issue(app.topics[0]).await);
    let before = queue_state(&app).await;

    // A waiting ticket, even for an office head.
    for (action, body) in [
        ("finish", resolved.clone()),
        ("start", json!({})),
        ("recall", json!({})),
        ("no-show", json!({})),
    ] {
        let response = app.ticket_action(&waiting, action, head, body).await;
        refused(
            &app,
            &before,
            &format!("{action} a waiting ticket"),
            response,
            S::CONFLICT,
            "invalid_transition",
        )
        .await;
    }
    // An agent may not touch the queue itself.
    let response = app
        .ticket_action(&waiting, "cancel", agent1, json!({}))
        .await;
    refused(
        &app,
        &before,
        "an agent cancels a waiting ticket",
        response,
        S::FORBIDDEN,
        "forbidden",
    )
    .await;

    let invalid = [
        (
            "pause with an empty reason",
            app.post(
                &format!("/api/v1/windows/{w1}/pause"),
                Some(agent1),
                json!({"reason": "   "}),
            )
            .await,
        ),
        (
            "pause until a time already past",
            app.post(
                &format!("/api/v1/windows/{w1}/pause"),
                Some(agent1),
                json!({"reason": "обед", "until": "2026-11-20T06:00:00Z"}),
            )
            .await,
        ),
        (
            "postpone for 0 minutes",
            app.ticket_action(&waiting, "postpone", head, json!({"minutes": 0}))
                .await,
        ),
        (
            "postpone for 241 minutes",
            app.ticket_action(&waiting, "postpone", head, json!({"minutes": 241}))
                .await,
        ),
        (
            "transfer to a topic and a window at once",
            app.ticket_action(
                &waiting,
                "transfer",
                head,
                json!({"topic_id": app.topics[1], "window_id": w3, "place": "front"}),
            )
            .await,
        ),
        (
            "transfer to nowhere",
            app.ticket_action(&waiting, "transfer", head, json!({"place": "front"}))
                .await,
        ),
        (
            "a window serving an unknown topic",
            app.request(
                Method::PUT,
                &format!("/api/v1/windows/{w3}/topics"),
                Some(head),
                Some(json!({"topics": [9999]})),
            )
            .await,
        ),
        (
            "a topic without a name",
            app.post(
                &format!("/api/v1/offices/{}/topics", app.office),
                Some(head),
                json!({"prefix": "D", "name_ru": " "}),
            )
            .await,
        ),
    ];
    for (what, response) in invalid {
        refused(
            &app,
            &before,
            what,
            response,
            S::UNPROCESSABLE_ENTITY,
            "invalid",
        )
        .await;
    }

    // Ticket labels must not collide: A is taken, in any case or look-alike script.
    for prefix in ["A", " a ", "А"] {
        let response = app
            .post(
                &format!("/api/v1/offices/{}/topics", app.office),
                Some(head),
                json!({"prefix": prefix, "name_ru": "Дубль"}),
            )
            .await;
        refused(
            &app,
            &before,
            &format!("a new topic with prefix {prefix:?}"),
            response,
            S::CONFLICT,
            "prefix_taken",
        )
        .await;
    }
    let response = app
        .request(
            Method::PUT,
            &format!("/api/v1/topics/{}", app.topics[1]),
            Some(head),
            Some(json!({"prefix": "A", "name_ru": "Договоры"})),
        )
        .await;
    refused(
        &app,
        &before,
        "topic B renamed to prefix A",
        response,
        S::CONFLICT,
        "prefix_taken",
    )
    .await;

    // Closed windows and other agents' windows.
    let response = app.window_action(w3, "call-next", head).await;
    refused(
        &app,
        &before,
        "call at a closed window",
        response,
        S::CONFLICT,
        "window_closed",
    )
    .await;
    let response = app.window_action(w3, "resume", head).await;
    refused(
        &app,
        &before,
        "resume a closed window",
        response,
        S::CONFLICT,
        "window_closed",
    )
    .await;
    let response = app.window_action(w1, "open", agent2).await;
    refused(
        &app,
        &before,
        "open a window another agent holds",
        response,
        S::CONFLICT,
        "window_taken",
    )
    .await;
    for action in ["call-next", "close", "resume"] {
        let response = app.window_action(w1, action, agent2).await;
        refused(
            &app,
            &before,
            &format!("{action} at another agent's window"),
            response,
            S::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let response = app
        .post(
            &format!("/api/v1/windows/{w1}/pause"),
            Some(agent2),
            json!({"reason": "обед"}),
        )
        .await;
    refused(
        &app,
        &before,
        "pause another agent's window",
        response,
        S::FORBIDDEN,
        "forbidden",
    )
    .await;

    // The ticket is called to window 1: only its agent acts on it, and only as fits.
    let (status, called) = app.window_action(w1, "call-next", agent1).await;
    assert_eq!(status, S::OK, "{called}");
    assert_eq!(called["id"], waiting.as_str());
    let (status, _) = app.window_action(w2, "open", agent2).await;
    assert_eq!(status, S::OK);
    let before = queue_state(&app).await;
    for (action, body) in [
        ("start", json!({})),
        ("no-show", json!({})),
        ("finish", resolved.clone()),
        ("postpone", json!({"minutes": 5})),
    ] {
        let response = app.ticket_action(&waiting, action, agent2, body).await;
        refused(
            &app,
            &before,
            &format!("another agent does {action}"),
            response,
            S::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let response = app
        .ticket_action(&waiting, "finish", agent1, resolved.clone())
        .await;
    refused(
        &app,
        &before,
        "finish a called ticket",
        response,
        S::CONFLICT,
        "invalid_transition",
    )
    .await;
    let response = app.window_action(w1, "call-next", agent1).await;
    refused(
        &app,
        &before,
        "call while a visitor is called",
        response,
        S::CONFLICT,
        "window_busy",
    )
    .await;

    // Started once; starting again and the other wrong steps are refused.
    let (status, body) = app
        .ticket_action(&waiting, "start", agent1, json!({}))
        .await;
    assert_eq!(status, S::OK, "{body}");
    let before = queue_state(&app).await;
    for (action, token, body) in [
        ("start", agent1, json!({})),
        ("recall", agent1, json!({})),
        ("no-show", agent1, json!({})),
        ("postpone", agent1, json!({"minutes": 5})),
        ("cancel", head, json!({})),
    ] {
        let response = app.ticket_action(&waiting, action, token, body).await;
        refused(
            &app,
            &before,
            &format!("{action} a ticket being served"),
            response,
            S::CONFLICT,
            "invalid_transition",
        )
        .await;
    }
    for (what, body) in [
        (
            "a visit of 0 topics",
            json!({"outcome": {"kind": "resolved"}, "topics_count": 0}),
        ),
        (
            "a deadline in the past",
            json!({"outcome": {"kind": "deferred", "deadline": "2026-11-19"}, "topics_count": 1}),
        ),
        (
            "a refusal without reasons",
            json!({"outcome": {"kind": "refused", "reason": " "}, "topics_count": 1}),
        ),
    ] {
        let response = app.ticket_action(&waiting, "finish", agent1, body).await;
        refused(
            &app,
            &before,
            what,
            response,
            S::UNPROCESSABLE_ENTITY,
            "invalid",
        )
        .await;
    }
    for (what, window, code) in [
        ("transfer to its own window", w1, "same_window"),
        ("transfer to a closed window", w3, "window_closed"),
    ] {
        let response = app
            .ticket_action(
                &waiting,
                "transfer",
                agent1,
                json!({"window_id": window, "place": "front"}),
            )
            .await;
        refused(&app, &before, what, response, S::CONFLICT, code).await;
    }
    for (what, action, body) in [
        ("close while serving", "close", json!({})),
        ("pause while serving", "pause", json!({"reason": "обед"})),
    ] {
        let response = app
            .post(
                &format!("/api/v1/windows/{w1}/{action}"),
                Some(agent1),
                body,
            )
            .await;
        refused(&app, &before, what, response, S::CONFLICT, "window_busy").await;
    }

    // Finished: the ticket has left the queue.
    let (status, body) = app
        .ticket_action(&waiting, "finish", agent1, resolved.clone())
        .await;
    assert_eq!(status, S::OK, "{body}");
    let before = queue_state(&app).await;
    for action in ["finish", "start"] {
        let response = app
            .ticket_action(&waiting, action, head, resolved.clone())
            .await;
        refused(
            &app,
            &before,
            &format!("{action} a finished ticket"),
            response,
            S::CONFLICT,
            "ticket_not_active",
        )
        .await;
    }
    let response = app.window_action(w1, "call-next", agent1).await;
    refused(
        &app,
        &before,
        "call with nobody waiting",
        response,
        S::CONFLICT,
        "queue_empty",
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn the_statistics_period_is_checked() {
    let app = spawn_app().await;
    // One visit today: issued, called after 5 minutes, served for 10.
    let (agent, window) = (&app.agents[1].token, app.windows[1]);
    let ticket = ticket_id(&app.issue(app.topics[0]).await);
    let (status, body) = app.window_action(window, "open", agent).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.advance_minutes(5);
    let (status, body) = app.window_action(window, "call-next", agent).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.ticket_action(&ticket, "start", agent, json!({})).await;
    app.advance_minutes(10);
    let (status, body) = app
        .ticket_action(
            &ticket,
            "finish",
            agent,
            json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let stats = |query: &str| format!("/api/v1/offices/{}/stats?{query}", app.office);
    // Each refusal: its status and code, and a message that says what is wrong (naming
    // the field where one field is wrong).
    for (what, query, status, code, message) in [
        (
            "a period that ends before it starts",
            "from=2026-11-21&to=2026-11-20",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "the period ends before it starts",
        ),
        (
            "a period of 367 days",
            "from=2025-11-19&to=2026-11-20",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "ask for at most 366 days at once",
        ),
        (
            "a month 13",
            "from=2026-11-20&to=2026-13-01",
            StatusCode::BAD_REQUEST,
            "bad_request",
            "to: input is out of range",
        ),
        (
            "a Russian-style date",
            "from=20.11.2026&to=2026-11-20",
            StatusCode::BAD_REQUEST,
            "bad_request",
            "from: input contains invalid characters",
        ),
        (
            "no end of the period",
            "from=2026-11-20",
            StatusCode::BAD_REQUEST,
            "bad_request",
            "missing field `to`",
        ),
    ] {
        let (got, body) = app.get(&stats(query), Some(&app.head.token)).await;
        assert_eq!((got, error_code(&body)), (status, code), "{what}: {body}");
        let said = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            said.contains(message),
            "{what}: {said:?} should say {message:?}"
        );
    }

    // 366 days are allowed, and their figures are those of the one visit; the months
    // run from November 2025 to November 2026.
    let (status, body) = app
        .get(
            &stats("from=2025-11-20&to=2026-11-20"),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let year: talon_protocol::stats::OfficeStats =
        serde_json::from_value(body).expect("office statistics");
    assert_eq!(
        (year.from.to_string(), year.to.to_string()),
        ("2025-11-20".to_string(), "2026-11-20".to_string())
    );
    assert_eq!(
        (year.total.issued, year.total.finished, year.total.resolved),
        (1, 1, 1)
    );
    assert_eq!(year.total.wait.average_ms, Some(5 * 60_000));
    assert_eq!(year.total.service.average_ms, Some(10 * 60_000));
    let months: Vec<(&str, u32)> = year
        .monthly_wait
        .iter()
        .map(|m| (m.month.as_str(), m.called))
        .collect();
    assert_eq!(months.len(), 13, "{months:?}");
    assert_eq!(months[0], ("2025-11", 0));
    assert_eq!(months[12], ("2026-11", 1));
    app.stop().await;
}
