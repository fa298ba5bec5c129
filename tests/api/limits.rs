//! Every text and list the API takes has a limit: a value at the limit passes, one
//! character (or entry) more is a 422 naming the field and its limit, and changes nothing.
//! Bodies over the size limit, nested too deep or with unknown fields are refused too.

use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use talon_protocol::limits;

/// One limited field: where it is sent, by whom, and how a body carrying `value` looks.
struct Case {
    field: &'static str,
    limit: usize,
    method: Method,
    path: String,
    token: Option<String>,
    body: Box<dyn Fn(Value) -> Value>,
    /// The answer when the value is within the limit.
    within: StatusCode,
}

fn office_body(name: Value, zone: Value, info: Value, categories: Value) -> Value {
    // Open around the clock, as the test office is, so tickets can still be issued.
    let day =
        json!({"open": "00:00:00", "close": "23:59:00", "lunch_start": null, "lunch_end": null});
    json!({
        "name": name, "time_zone": zone,
        "schedule": {"mon": day, "tue": day, "wed": day, "thu": day, "fri": day, "sat": day, "sun": day},
        "settings": {"issuing_stops_before_close_min": 15, "queue_alert_threshold": 3,
            "monthly_wait_limit_min": 30, "idle_alert_after_min": 2,
            "out_of_turn_categories": categories, "info_line": info}
    })
}

fn text_of(chars: usize) -> Value {
    // Cyrillic: two bytes a character, so a limit counted in bytes would show.
    Value::String("я".repeat(chars))
}

fn word_of(chars: usize) -> Value {
    Value::String("k".repeat(chars))
}

#[tokio::test]
async fn each_field_passes_at_its_limit_and_is_refused_one_past_it() {
    let app = spawn_app().await;
    let office = app.office;
    let admin = Some(app.admin.token.clone());
    let head = Some(app.head.token.clone());
    let agent = app.agents[0].token.clone();
    let window = app.windows[0];
    let a = app.topics[0];

    // A ticket in service at window 1, a waiting ticket, and a staff member to edit.
    let (status, _) = app.window_action(window, "open", &agent).await;
    assert_eq!(status, StatusCode::OK);
    let served = ticket_id(&app.issue(a).await);
    let (status, _) = app.window_action(window, "call-next", &agent).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.ticket_action(&served, "start", &agent, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let staff_id = app.agents[2].id;

    let mut cases = vec![
        Case {
            field: "name",
            limit: limits::NAME,
            method: Method::POST,
            path: "/api/v1/offices".into(),
            token: admin.clone(),
            body: Box::new(|v| office_body(v, json!("Europe/Moscow"), json!(""), json!([]))),
            within: StatusCode::CREATED,
        },
        Case {
            field: "settings.info_line",
            limit: limits::INFO_LINE,
            method: Method::PUT,
            path: format!("/api/v1/offices/{office}"),
            token: admin.clone(),
            body: Box::new(|v| office_body(json!("Офис"), json!("Europe/Moscow"), v, json!([]))),
            within: StatusCode::OK,
        },
        Case {
            field: "settings.out_of_turn_categories[0]",
            limit: limits::CATEGORY,
            method: Method::PUT,
            path: format!("/api/v1/offices/{office}"),
            token: admin.clone(),
            body: Box::new(|v| {
                office_body(json!("Офис"), json!("Europe/Moscow"), json!(""), json!([v]))
            }),
            within: StatusCode::OK,
        },
        Case {
            field: "name_ru",
            limit: limits::NAME,
            method: Method::POST,
            path: format!("/api/v1/offices/{office}/topics"),
            token: admin.clone(),
            body: Box::new(|v| json!({"prefix": "Д", "name_ru": v})),
            within: StatusCode::CREATED,
        },
        Case {
            field: "name_en",
            limit: limits::NAME,
            method: Method::POST,
            path: format!("/api/v1/offices/{office}/topics"),
            token: admin.clone(),
            body: Box::new(|v| json!({"prefix": "E", "name_ru": "Тема", "name_en": v})),
            within: StatusCode::CREATED,
        },
        Case {
            field: "label",
            limit: limits::WINDOW_LABEL,
            method: Method::POST,
            path: format!("/api/v1/offices/{office}/windows"),
            token: head.clone(),
            body: Box::new(|v| json!({"label": v, "topics": []})),
            within: StatusCode::CREATED,
        },
        Case {
            field: "login",
            limit: limits::LOGIN,
            method: Method::POST,
            path: "/api/v1/staff".into(),
            token: admin.clone(),
            body: Box::new(
                |v| json!({"login": v, "name": "Ольга", "password": "password-123", "role": "agent"}),
            ),
            within: StatusCode::CREATED,
        },
        Case {
            field: "name",
            limit: limits::NAME,
            method: Method::PUT,
            path: format!("/api/v1/staff/{staff_id}"),
            token: admin.clone(),
            body: Box::new(|v| json!({"name": v})),
            within: StatusCode::OK,
        },
        Case {
            field: "password",
            limit: limits::PASSWORD_MAX,
            method: Method::PUT,
            path: format!("/api/v1/staff/{staff_id}"),
            token: admin.clone(),
            body: Box::new(|v| json!({"password": v})),
            within: StatusCode::OK,
        },
        Case {
            field: "name",
            limit: limits::NAME,
            method: Method::POST,
            path: format!("/api/v1/offices/{office}/devices"),
            token: admin.clone(),
            body: Box::new(|v| json!({"kind": "kiosk", "name": v})),
            within: StatusCode::CREATED,
        },
        Case {
            field: "message",
            limit: limits::FAULT_MESSAGE,
            method: Method::POST,
            path: "/api/v1/devices/me/faults".into(),
            token: Some(app.kiosk.clone()),
            body: Box::new(|v| json!({"kind": "printer", "message": v})),
            within: StatusCode::NO_CONTENT,
        },
        Case {
            field: "ticket_label",
            limit: limits::TICKET_LABEL,
            method: Method::POST,
            path: "/api/v1/devices/me/faults".into(),
            token: Some(app.kiosk.clone()),
            body: Box::new(
                |v| json!({"kind": "printer", "message": "нет бумаги", "ticket_label": v}),
            ),
            within: StatusCode::NO_CONTENT,
        },
        Case {
            field: "login",
            limit: limits::LOGIN,
            method: Method::POST,
            path: "/api/v1/auth/login".into(),
            token: None,
            body: Box::new(|v| json!({"login": v, "password": "whatever-1"})),
            within: StatusCode::UNAUTHORIZED,
        },
        Case {
            field: "outcome.note",
            limit: limits::NOTE,
            method: Method::POST,
            path: format!("/api/v1/tickets/{served}/finish"),
            token: Some(agent.clone()),
            body: Box::new(|v| json!({"outcome": {"kind": "other", "note": v}, "topics_count": 1})),
            within: StatusCode::OK,
        },
    ];
    // The kind of a fault is a word: its limit is checked with Latin letters.
    let mut kind = Case {
        field: "kind",
        limit: limits::FAULT_KIND,
        method: Method::POST,
        path: "/api/v1/devices/me/faults".into(),
        token: Some(app.kiosk.clone()),
        body: Box::new(|v| json!({"kind": v, "message": "нет бумаги"})),
        within: StatusCode::NO_CONTENT,
    };
    kind.body = Box::new(move |v| {
        let n = v.as_str().unwrap().chars().count();
        json!({"kind": word_of(n), "message": "нет бумаги"})
    });
    cases.push(kind);

    for case in &cases {
        let token = case.token.as_deref();
        let before = app.snapshot().await["seq"].clone();
        let over = (case.body)(text_of(case.limit + 1));
        let (status, body) = app
            .request(case.method.clone(), &case.path, token, Some(over))
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{} over: {body}",
            case.field
        );
        assert_eq!(error_code(&body), "too_long", "{}: {body}", case.field);
        let message = body["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("`{}`", case.field))
                && message.contains(&case.limit.to_string()),
            "the refusal names {} and {}: {message}",
            case.field,
            case.limit
        );
        assert_eq!(
            app.snapshot().await["seq"],
            before,
            "{} over changed the office",
            case.field
        );

        let within = (case.body)(text_of(case.limit));
        let (status, body) = app
            .request(case.method.clone(), &case.path, token, Some(within))
            .await;
        assert_eq!(status, case.within, "{} at its limit: {body}", case.field);
    }

    // Texts on a window and a waiting ticket: pause reason and cancel reason.
    let (status, body) = app
        .post(
            &format!("/api/v1/windows/{window}/pause"),
            Some(&agent),
            json!({"reason": text_of(limits::REASON + 1)}),
        )
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_long")
    );
    let (status, body) = app
        .post(
            &format!("/api/v1/windows/{window}/pause"),
            Some(&agent),
            json!({"reason": text_of(limits::REASON)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let waiting = ticket_id(&app.issue(a).await);
    let head_token = app.head.token.clone();
    let (status, body) = app
        .ticket_action(
            &waiting,
            "cancel",
            &head_token,
            json!({"reason": text_of(limits::REASON + 1)}),
        )
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_long")
    );
    let (status, body) = app
        .ticket_action(
            &waiting,
            "cancel",
            &head_token,
            json!({"reason": text_of(limits::REASON)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Lists: out-of-turn categories of an office, topics of a window.
    let categories: Vec<Value> = (0..=limits::CATEGORIES)
        .map(|n| json!(format!("c{n}")))
        .collect();
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/offices/{office}"),
            admin.as_deref(),
            Some(office_body(
                json!("Офис"),
                json!("Europe/Moscow"),
                json!(""),
                json!(categories),
            )),
        )
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_many")
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`settings.out_of_turn_categories`")
    );
    let topics = vec![a; limits::IDS + 1];
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/windows/{window}/topics"),
            head.as_deref(),
            Some(json!({"topics": topics})),
        )
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_many")
    );
    app.stop().await;
}

#[tokio::test]
async fn bodies_too_large_too_deep_or_with_unknown_fields_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let issue = format!("/api/v1/offices/{}/tickets", app.office);
    let before = app.snapshot().await["seq"].clone();

    // A megabyte body: 413 before it is parsed.
    let huge = json!({"topic_id": app.topics[0], "pad": "x".repeat(1 << 20)});
    let (status, body) = app.post(&issue, Some(&app.kiosk), huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(error_code(&body), "too_large");

    // Nested 5,000 deep under an unknown key (fits the size limit): refused as too deep.
    let deep = format!(
        "{{\"topic_id\": {}, \"x\": {}{}}}",
        app.topics[0],
        "{\"a\":".repeat(5_000),
        "1".to_string() + &"}".repeat(5_000)
    );
    let response = app
        .http
        .post(format!("{}{issue}", app.base))
        .bearer_auth(&app.kiosk)
        .header("content-type", "application/json")
        .body(deep)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "too_deep");

    // A misspelt field is not silently dropped: the visitor asked to be served out of turn.
    let (status, body) = app
        .post(
            &issue,
            Some(&app.kiosk),
            json!({"topic_id": app.topics[0], "outOfTurn": true}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(error_code(&body), "unknown_field");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`outOfTurn`")
    );

    assert_eq!(app.snapshot().await["seq"], before, "nothing changed");
    app.stop().await;
}

#[tokio::test]
async fn a_statistics_period_beyond_the_calendar_is_a_clear_400_not_a_dropped_connection() {
    let app = spawn_app().await;
    let path =
        |from: &str, to: &str| format!("/api/v1/offices/{}/stats?from={from}&to={to}", app.office);
    // Days chrono can parse but the month arithmetic could not step past.
    let (status, body) = app
        .get(
            &path("%2B262142-12-01", "%2B262142-12-31"),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("9999-12-31"),
        "{body}"
    );
    let (status, _) = app
        .get(&path("9999-12-01", "9999-12-31"), Some(&app.head.token))
        .await;
    assert_eq!(status, StatusCode::OK, "the last month of the range works");
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_time_zone_is_refused_where_it_arrives() {
    let app = spawn_app().await;
    let body = office_body(
        json!("Офис на Марсе"),
        json!("Mars/Olympus"),
        json!(""),
        json!([]),
    );
    let (status, body) = app
        .post("/api/v1/offices", Some(&app.admin.token), body)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("time_zone") && message.contains("Mars/Olympus"),
        "{message}"
    );
    app.stop().await;
}
