//! The reports (`GET /api/v1/reports/{kind}`) against hand-computed figures, for a
//! scripted day in two offices in two time zones: Kaliningrad (UTC+2, the test app's
//! office moved there) and Barnaul (UTC+7), with tickets just before and after each
//! office's local midnight, which is also the turn of the month (30 November → 1
//! December). Every kind in JSON, CSV (BOM, `;`), XLSX (read back with calamine: cell
//! types and values) and PDF (text extracted with lopdf: the Cyrillic title, figures).

use crate::helpers::*;
use calamine::{Data, Reader, Xlsx};
use reqwest::StatusCode;
use serde_json::{Value, json};
use talon_protocol::api::{DeviceInput, DeviceKind};
use talon_protocol::{OfficeId, TopicId, WindowId};

const MIN: i64 = 60_000;
const SEC: i64 = 1_000;

/// The other office: Barnaul, one topic and one window, its own kiosk and agent.
struct Barnaul {
    /// The region both offices belong to.
    region: i64,
    office: OfficeId,
    topic: TopicId,
    window: WindowId,
    kiosk: String,
    agent: String,
}

fn office_body(office: &Value, name: &str, zone: &str, region: Option<i64>) -> Value {
    json!({
        "name": name,
        "time_zone": zone,
        "schedule": office["schedule"],
        "settings": office["settings"],
        "region_id": region,
    })
}

async fn set_up(app: &TestApp) -> Barnaul {
    let admin = app.admin.token.as_str();
    let (status, offices) = app.get("/api/v1/offices", Some(admin)).await;
    assert_eq!(status, StatusCode::OK, "{offices}");
    let moscow = &offices[0];
    let (status, region) = app
        .post(
            "/api/v1/regions",
            Some(admin),
            json!({"name": "Западное отделение"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{region}");
    let region = region["id"].as_i64().unwrap();
    let (status, body) = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/offices/{}", app.office),
            Some(admin),
            Some(office_body(
                moscow,
                "Калининград",
                "Europe/Kaliningrad",
                Some(region),
            )),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, barnaul) = app
        .post(
            "/api/v1/offices",
            Some(admin),
            office_body(moscow, "Барнаул", "Asia/Barnaul", Some(region)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{barnaul}");
    let office = OfficeId(barnaul["id"].as_i64().unwrap());
    let (status, topic) = app
        .post(
            &format!("/api/v1/offices/{office}/topics"),
            Some(admin),
            json!({"prefix": "A", "name_ru": "Передача показаний", "name_en": "Meter readings",
                   "norms": {"wait": {"minutes": 15, "kind": "hard_max"},
                             "service": {"minutes": 20, "kind": "average"},
                             "total": {"minutes": 35, "kind": "average"}}}),
        )
        .await;
    assert!(status.is_success(), "{topic}");
    let topic = TopicId(topic["id"].as_i64().unwrap());
    let (status, window) = app
        .post(
            &format!("/api/v1/offices/{office}/windows"),
            Some(admin),
            json!({"label": "1", "topics": [topic]}),
        )
        .await;
    assert!(status.is_success(), "{window}");
    let window = WindowId(window["id"].as_i64().unwrap());
    let kiosk = talon_server::http::register_device(
        app.queues(),
        office,
        DeviceInput {
            kind: DeviceKind::Kiosk,
            name: String::new(),
        },
        &set_up_stamp(app.queues()).author,
    )
    .await
    .expect("kiosk")
    .token;
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(admin),
            json!({"login": "petrov", "name": "Петров Николай", "password": PASSWORD,
                   "role": "agent", "offices": [office]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"login": "petrov", "password": PASSWORD}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    Barnaul {
        region,
        office,
        topic,
        window,
        kiosk,
        agent: body["token"].as_str().unwrap().to_string(),
    }
}

async fn issue_at(app: &TestApp, office: OfficeId, kiosk: &str, topic: TopicId) -> Value {
    let (status, body) = app
        .post(
            &format!("/api/v1/offices/{office}/tickets"),
            Some(kiosk),
            json!({"topic_id": topic}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "issue: {body}");
    body["ticket"].clone()
}

async fn ok(result: (StatusCode, Value)) -> Value {
    assert_eq!(result.0, StatusCode::OK, "{}", result.1);
    result.1
}

/// Calls the next ticket at `window` (checking it is `expected`) and starts it.
async fn call_start(app: &TestApp, window: WindowId, token: &str, expected: &Value) {
    let called = ok(app.window_action(window, "call-next", token).await).await;
    assert_eq!(called["id"], expected["id"], "{called}");
    ok(app
        .ticket_action(expected["id"].as_str().unwrap(), "start", token, json!({}))
        .await)
    .await;
}

async fn finish(app: &TestApp, ticket: &Value, token: &str, body: Value) {
    ok(app
        .ticket_action(ticket["id"].as_str().unwrap(), "finish", token, body)
        .await)
    .await;
}

async fn rate(app: &TestApp, ticket: &Value, rating: u8) {
    let (status, body) = app
        .post(
            &format!(
                "/api/v1/public/tickets/{}/feedback",
                ticket["public_code"].as_str().unwrap()
            ),
            None,
            json!({"rating": rating}),
        )
        .await;
    assert!(status.is_success(), "rate: {body}");
}

/// The scripted day (see the module docs); the clock ends at 23:05 UTC on 30 November.
async fn script(app: &TestApp, n: &Barnaul) {
    let k_agent = app.agents[0].token.as_str();
    let (k_window, a, b) = (app.windows[0], app.topics[0], app.topics[1]);
    let resolved = json!({"outcome": {"kind": "resolved"}, "topics_count": 1});

    // Barnaul, 23:40 local on the 30th.
    app.clock.set(at("2026-11-30T16:40:00Z"));
    let n1 = issue_at(app, n.office, &n.kiosk, n.topic).await;
    assert_eq!(n1["service_day"], "2026-11-30");
    app.clock.set(at("2026-11-30T16:45:00Z"));
    ok(app.window_action(n.window, "open", &n.agent).await).await;
    call_start(app, n.window, &n.agent, &n1).await;
    app.clock.set(at("2026-11-30T16:55:00Z"));
    finish(app, &n1, &n.agent, resolved.clone()).await;
    // 00:02 local on 1 December: a new day and a new month in Barnaul.
    app.clock.set(at("2026-11-30T17:02:00Z"));
    let n2 = issue_at(app, n.office, &n.kiosk, n.topic).await;
    assert_eq!(n2["service_day"], "2026-12-01");
    assert_eq!(n2["label"], "A001");
    app.clock.set(at("2026-11-30T17:20:00Z"));
    call_start(app, n.window, &n.agent, &n2).await;
    app.clock.set(at("2026-11-30T17:30:00Z"));
    finish(
        app,
        &n2,
        &n.agent,
        json!({"outcome": {"kind": "resolved"}, "topics_count": 1, "overrun_reason": "visitor_case"}),
    )
    .await;
    rate(app, &n2, 4).await;

    // Kaliningrad, 23:50 local on the 30th.
    app.clock.set(at("2026-11-30T21:50:00Z"));
    let k1 = issue_at(app, app.office, &app.kiosk, a).await;
    assert_eq!(k1["service_day"], "2026-11-30");
    app.clock.set(at("2026-11-30T21:52:00Z"));
    ok(app.window_action(k_window, "open", k_agent).await).await;
    call_start(app, k_window, k_agent, &k1).await;
    app.clock.set(at("2026-11-30T21:58:00Z"));
    finish(app, &k1, k_agent, resolved.clone()).await;
    // 00:05 (B001) and 00:06 (A001) local on 1 December; B, the shorter norm, is called
    // first.
    app.clock.set(at("2026-11-30T22:05:00Z"));
    let k2 = issue_at(app, app.office, &app.kiosk, b).await;
    assert_eq!(k2["service_day"], "2026-12-01");
    app.clock.set(at("2026-11-30T22:06:00Z"));
    let k3 = issue_at(app, app.office, &app.kiosk, a).await;
    assert_eq!(k3["label"], "A001");
    app.clock.set(at("2026-11-30T22:10:00Z"));
    call_start(app, k_window, k_agent, &k2).await;
    app.clock.set(at("2026-11-30T22:30:00Z"));
    finish(
        app,
        &k2,
        k_agent,
        json!({"outcome": {"kind": "deferred", "deadline": "2026-12-10"}, "topics_count": 1}),
    )
    .await;
    call_start(app, k_window, k_agent, &k3).await;
    app.clock.set(at("2026-11-30T22:50:00Z"));
    finish(
        app,
        &k3,
        k_agent,
        json!({"outcome": {"kind": "refused", "reason": "нет документов"}, "topics_count": 1}),
    )
    .await;
    ok(app
        .post(
            &format!("/api/v1/windows/{k_window}/pause"),
            Some(k_agent),
            json!({"reason": "Обед", "until": null}),
        )
        .await)
    .await;
    app.clock.set(at("2026-11-30T23:00:00Z"));
    ok(app.window_action(k_window, "resume", k_agent).await).await;
    let k4 = issue_at(app, app.office, &app.kiosk, a).await;
    assert_eq!(k4["label"], "A002");
    app.clock.set(at("2026-11-30T23:01:00Z"));
    let called = ok(app.window_action(k_window, "call-next", k_agent).await).await;
    assert_eq!(called["id"], k4["id"]);
    app.clock.set(at("2026-11-30T23:03:00Z"));
    ok(app
        .ticket_action(k4["id"].as_str().unwrap(), "no-show", k_agent, json!({}))
        .await)
    .await;
    rate(app, &k2, 5).await;
    rate(app, &k3, 2).await;
    app.clock.set(at("2026-11-30T23:05:00Z"));
}

const PERIOD: &str = "from=2026-11-30&to=2026-12-01";

async fn fetch(app: &TestApp, token: &str, path: &str) -> (StatusCode, String, Vec<u8>) {
    // The route is in the OpenAPI document, with the kinds it takes.
    let (_, document) = app.get("/api/v1/openapi.json", None).await;
    let operation = &document["paths"]["/api/v1/reports/{kind}"]["get"];
    assert!(operation.is_object(), "documented");
    let kinds = &document["components"]["schemas"]["ReportKind"]["enum"];
    assert_eq!(
        kinds,
        &json!([
            "topics",
            "agents",
            "hourly",
            "compliance",
            "feedback",
            "appointments"
        ]),
        "{}",
        document["components"]["schemas"]["ReportKind"]
    );
    let response = app
        .http
        .get(format!("{}{path}", app.base))
        .bearer_auth(token)
        .send()
        .await
        .expect("sent");
    let status = response.status();
    let kind = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, kind, response.bytes().await.expect("body").to_vec())
}

async fn report(app: &TestApp, kind: &str, query: &str) -> Value {
    let (status, _, body) = fetch(
        app,
        &app.admin.token,
        &format!("/api/v1/reports/{kind}?{query}&{PERIOD}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).expect("a JSON report")
}

/// The rows of table `key` as maps of column key → cell.
fn rows(report: &Value, key: &str) -> Vec<serde_json::Map<String, Value>> {
    let table = report["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == key)
        .unwrap_or_else(|| panic!("no table {key} in {report}"));
    let columns: Vec<&str> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|c| c.to_string())
                .zip(row["cells"].as_array().unwrap().iter().cloned())
                .collect()
        })
        .collect()
}

/// Checks `row`'s cells: counts, times in ms, shares to within rounding, texts.
fn expect(what: &str, row: &serde_json::Map<String, Value>, expected: &[(&str, Value)]) {
    for (key, want) in expected {
        let got = row
            .get(*key)
            .unwrap_or_else(|| panic!("{what}: no column {key}"));
        match (got.as_f64(), want.as_f64()) {
            (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{what} {key}: {got} ≠ {want}"),
            _ => assert_eq!(got, want, "{what} {key}"),
        }
    }
}

/// A row's counts and its wait, service and total figures (average, median, p90 in ms;
/// the share within the norm).
#[allow(clippy::too_many_arguments)]
fn figures(
    issued: u64,
    finished: u64,
    outcomes: [u64; 4],
    no_shows: u64,
    wait: [i64; 3],
    wait_within: f64,
    service: [i64; 3],
    service_within: f64,
    total: [i64; 3],
    total_within: f64,
) -> Vec<(&'static str, Value)> {
    vec![
        ("issued", json!(issued)),
        ("finished", json!(finished)),
        ("resolved", json!(outcomes[0])),
        ("deferred", json!(outcomes[1])),
        ("refused", json!(outcomes[2])),
        ("other", json!(outcomes[3])),
        ("no_shows", json!(no_shows)),
        ("transfers", json!(0)),
        ("wait_average", json!(wait[0])),
        ("wait_median", json!(wait[1])),
        ("wait_p90", json!(wait[2])),
        ("wait_within_norm", json!(wait_within)),
        ("service_average", json!(service[0])),
        ("service_median", json!(service[1])),
        ("service_p90", json!(service[2])),
        ("service_within_norm", json!(service_within)),
        ("total_average", json!(total[0])),
        ("total_median", json!(total[1])),
        ("total_p90", json!(total[2])),
        ("total_within_norm", json!(total_within)),
    ]
}

fn over(
    wait: u64,
    service: u64,
    total: u64,
    any: u64,
    visitor: u64,
    none: u64,
) -> Vec<(&'static str, Value)> {
    vec![
        ("wait_over_norm", json!(wait)),
        ("service_over_norm", json!(service)),
        ("total_over_norm", json!(total)),
        ("over_any", json!(any)),
        ("force_majeure", json!(0)),
        ("technical_failure", json!(0)),
        ("visitor_case", json!(visitor)),
        ("no_reason", json!(none)),
    ]
}

/// Kaliningrad: A001 of the 30th (wait 2, service 6, total 8), B001 (5 of 10, 20 of
/// 15, 25 of 30), A001 of the 1st (24 of 15, 20 of 20, 44 of 35), A002 (1, no-show).
/// Sorted waits 1 2 5 24: mean 8, rank 2 → 2, rank 4 → 24.
fn kaliningrad() -> Vec<(&'static str, Value)> {
    let mut f = figures(
        4,
        3,
        [1, 1, 1, 0],
        1,
        [8 * MIN, 2 * MIN, 24 * MIN],
        0.75,
        [920 * SEC, 20 * MIN, 20 * MIN],
        2.0 / 3.0,
        [1540 * SEC, 25 * MIN, 44 * MIN],
        2.0 / 3.0,
    );
    f.extend(over(1, 1, 1, 2, 0, 2));
    f
}

/// Barnaul: waits 5 and 18 (over 15, the visitor's case), services 10 and 10, totals 15
/// and 28.
fn barnaul() -> Vec<(&'static str, Value)> {
    let mut f = figures(
        2,
        2,
        [2, 0, 0, 0],
        0,
        [690 * SEC, 5 * MIN, 18 * MIN],
        0.5,
        [10 * MIN, 10 * MIN, 10 * MIN],
        1.0,
        [1290 * SEC, 15 * MIN, 28 * MIN],
        1.0,
    );
    f.extend(over(1, 0, 0, 1, 1, 0));
    f
}

/// Both pooled: waits 1 2 5 5 18 24 (mean 55/6 min, rank 3 → 5, rank 6 → 24), services
/// 6 10 10 20 20, totals 8 15 25 28 44. The pooled median wait (5) is not the mean of
/// the offices' medians.
fn pooled() -> Vec<(&'static str, Value)> {
    let mut f = figures(
        6,
        5,
        [3, 1, 1, 0],
        1,
        [550 * SEC, 5 * MIN, 24 * MIN],
        4.0 / 6.0,
        [792 * SEC, 10 * MIN, 20 * MIN],
        0.8,
        [24 * MIN, 25 * MIN, 44 * MIN],
        0.8,
    );
    f.extend(over(2, 1, 1, 3, 1, 2));
    f
}

#[tokio::test]
async fn reports_match_hand_computed_figures_in_every_kind_and_format() {
    let app = spawn_app().await;
    let n = set_up(&app).await;
    script(&app, &n).await;
    let (k, b) = (app.office.to_string(), n.office.to_string());

    // Topics, consolidated: a row per office and the pooled total.
    let topics = report(&app, "topics", "all=true").await;
    assert_eq!(topics["title"], "Отчёт по тематикам обращений");
    assert_eq!(topics["period_text"], "Период: 30.11.2026 – 01.12.2026");
    let by_office = rows(&topics, "by_office");
    assert_eq!(by_office.len(), 3, "{by_office:?}");
    expect("K", &by_office[0], &[("office", json!("Калининград"))]);
    expect("K", &by_office[0], &kaliningrad());
    expect("N", &by_office[1], &[("office", json!("Барнаул"))]);
    expect("N", &by_office[1], &barnaul());
    expect("total", &by_office[2], &[("office", json!("Итого"))]);
    expect("total", &by_office[2], &pooled());
    let by_topic = rows(&topics, "by_topic");
    // Kaliningrad's three topics (C without tickets), then Barnaul's one.
    assert_eq!(by_topic.len(), 4);
    expect(
        "K A",
        &by_topic[0],
        &[("name", json!("A Передача показаний"))],
    );
    let mut ka = figures(
        3,
        2,
        [1, 0, 1, 0],
        1,
        [9 * MIN, 2 * MIN, 24 * MIN],
        2.0 / 3.0,
        [13 * MIN, 6 * MIN, 20 * MIN],
        1.0,
        [26 * MIN, 8 * MIN, 44 * MIN],
        0.5,
    );
    ka.extend(over(1, 0, 1, 1, 0, 1));
    expect("K A", &by_topic[0], &ka);
    let mut kb = figures(
        1,
        1,
        [0, 1, 0, 0],
        0,
        [5 * MIN, 5 * MIN, 5 * MIN],
        1.0,
        [20 * MIN, 20 * MIN, 20 * MIN],
        0.0,
        [25 * MIN, 25 * MIN, 25 * MIN],
        1.0,
    );
    kb.extend(over(0, 1, 0, 1, 0, 1));
    expect("K B", &by_topic[1], &kb);
    expect(
        "K C",
        &by_topic[2],
        &[("issued", json!(0)), ("wait_average", Value::Null)],
    );
    expect("N A", &by_topic[3], &barnaul());

    // The region of both offices: the same rows and totals, under the region's name; its
    // head may ask for it, not for every office; the head office may.
    let region = report(&app, "topics", &format!("region={}", n.region)).await;
    assert_eq!(region["scope_text"], "Регион: Западное отделение (2 офиса)");
    assert_eq!(region["tables"], topics["tables"]);
    for (login, role) in [("zapad", "region_head"), ("central", "head_office")] {
        let (status, body) = app
            .post(
                "/api/v1/staff",
                Some(&app.admin.token),
                json!({"login": login, "name": login, "password": PASSWORD, "role": role,
                       "regions": if role == "region_head" { json!([n.region]) } else { json!([]) }}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let sign_in = |login: &'static str| {
        let app = &app;
        async move {
            let (_, body) = app
                .post(
                    "/api/v1/auth/login",
                    None,
                    json!({"login": login, "password": PASSWORD}),
                )
                .await;
            body["token"].as_str().unwrap().to_string()
        }
    };
    let (zapad, central) = (sign_in("zapad").await, sign_in("central").await);
    for (token, query, want) in [
        (&zapad, format!("region={}", n.region), StatusCode::OK),
        (&zapad, format!("office={b}"), StatusCode::OK),
        (&zapad, "all=true".to_string(), StatusCode::FORBIDDEN),
        (&central, "all=true".to_string(), StatusCode::OK),
        (&central, format!("region={}", n.region), StatusCode::OK),
        (
            &app.head.token,
            format!("region={}", n.region),
            StatusCode::FORBIDDEN,
        ),
        (
            &app.admin.token,
            "region=999".to_string(),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let (status, _, body) = fetch(
            &app,
            token,
            &format!("/api/v1/reports/topics?{query}&{PERIOD}"),
        )
        .await;
        assert_eq!(status, want, "{query}: {}", String::from_utf8_lossy(&body));
    }

    // One office: its rows only, no total.
    let one = report(&app, "topics", &format!("office={b}&lang=en")).await;
    assert_eq!(one["title"], "Report by topic");
    assert_eq!(one["scope_text"], "Office: Барнаул");
    let rows_one = rows(&one, "by_office");
    assert_eq!(rows_one.len(), 1);
    expect("N alone", &rows_one[0], &barnaul());

    // Agents: the same figures per agent, with their time at the window.
    let agents = report(&app, "agents", "all=true").await;
    let by_agent = rows(&agents, "by_agent");
    assert_eq!(by_agent.len(), 2, "{by_agent:?}");
    expect(
        "Иванова",
        &by_agent[0],
        &[
            ("office", json!("Калининград")),
            ("name", json!("Сотрудник agent1")),
        ],
    );
    expect("K agent", &by_agent[0], &kaliningrad());
    // Serving 6 + 20 + 20 min; idle while B001 and A001 waited (00:05–00:10) and while
    // A002 waited (01:00–01:01); one break of 10 minutes.
    expect(
        "K agent time",
        &by_agent[0],
        &[
            ("serving_time", json!(46 * MIN)),
            ("idle_waiting_time", json!(6 * MIN)),
            ("breaks", json!(1)),
            ("break_time", json!(10 * MIN)),
        ],
    );
    expect(
        "Петров",
        &by_agent[1],
        &[
            ("office", json!("Барнаул")),
            ("name", json!("Петров Николай")),
        ],
    );
    expect("N agent", &by_agent[1], &barnaul());
    // Idle 00:02–00:20 local while A001 of the new day waited.
    expect(
        "N agent time",
        &by_agent[1],
        &[
            ("serving_time", json!(20 * MIN)),
            ("idle_waiting_time", json!(18 * MIN)),
            ("breaks", json!(0)),
            ("break_time", json!(0)),
        ],
    );
    let agent_offices = rows(&agents, "by_office");
    expect("agents total", &agent_offices[2], &pooled());
    expect(
        "agents total",
        &agent_offices[2],
        &[
            ("serving_time", json!(66 * MIN)),
            ("idle_waiting_time", json!(24 * MIN)),
        ],
    );

    // Hourly, by each office's local hour.
    let hourly = report(&app, "hourly", "all=true").await;
    let by_hour = rows(&hourly, "by_hour");
    assert_eq!(by_hour.len(), 24);
    // 00: K B001 (wait 5), A001 (24), N A001 (18); 01: K A002 (1); 23: K (2), N (5).
    expect(
        "00",
        &by_hour[0],
        &[
            ("hour", json!("00:00–01:00")),
            ("issued", json!(3)),
            ("called", json!(3)),
            ("wait_average", json!(940 * SEC)),
        ],
    );
    expect(
        "01",
        &by_hour[1],
        &[
            ("issued", json!(1)),
            ("called", json!(1)),
            ("wait_average", json!(MIN)),
        ],
    );
    expect(
        "02",
        &by_hour[2],
        &[
            ("issued", json!(0)),
            ("called", json!(0)),
            ("wait_average", Value::Null),
        ],
    );
    expect(
        "23",
        &by_hour[23],
        &[
            ("issued", json!(2)),
            ("called", json!(2)),
            ("wait_average", json!(210 * SEC)),
        ],
    );
    let by_office_hour = rows(&hourly, "by_office_hour");
    let cells: Vec<(String, String, u64)> = by_office_hour
        .iter()
        .map(|r| {
            (
                r["office"].as_str().unwrap().into(),
                r["hour"].as_str().unwrap().into(),
                r["issued"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            ("Калининград".into(), "00:00–01:00".into(), 2),
            ("Калининград".into(), "01:00–02:00".into(), 1),
            ("Калининград".into(), "23:00–24:00".into(), 1),
            ("Барнаул".into(), "00:00–01:00".into(), 1),
            ("Барнаул".into(), "23:00–24:00".into(), 1),
        ]
    );

    // Compliance: November and December in each office's own zone.
    let compliance = report(&app, "compliance", "all=true").await;
    let months = rows(&compliance, "by_month");
    let month = |office: &str, month: &str| {
        months
            .iter()
            .find(|r| r["office"] == office && r["month"] == month)
            .unwrap_or_else(|| panic!("no {office} {month} in {months:?}"))
            .clone()
    };
    let limit = json!(30 * MIN);
    for (office, m, called, avg, wait, service, total) in [
        ("Калининград", "2026-11", 1, 2 * MIN, 1.0, 1.0, 1.0),
        ("Калининград", "2026-12", 3, 10 * MIN, 2.0 / 3.0, 0.5, 0.5),
        ("Барнаул", "2026-11", 1, 5 * MIN, 1.0, 1.0, 1.0),
        ("Барнаул", "2026-12", 1, 18 * MIN, 0.0, 1.0, 1.0),
        ("Итого", "2026-11", 2, 210 * SEC, 1.0, 1.0, 1.0),
        ("Итого", "2026-12", 4, 12 * MIN, 0.5, 2.0 / 3.0, 2.0 / 3.0),
    ] {
        expect(
            &format!("{office} {m}"),
            &month(office, m),
            &[
                ("called", json!(called)),
                ("wait_average", json!(avg)),
                ("limit", limit.clone()),
                ("within_limit", json!("да")),
                ("within_wait_norm", json!(wait)),
                ("within_service_norm", json!(service)),
                ("within_total_norm", json!(total)),
            ],
        );
    }

    // Feedback: K rated 5 (wait within) and 2 (over); N 4 (over).
    let feedback = report(&app, "feedback", "all=true").await;
    let by_office = rows(&feedback, "by_office");
    expect(
        "K",
        &by_office[0],
        &[
            ("ratings", json!(2)),
            ("rating_average", json!(3.5)),
            ("rating_2", json!(1)),
            ("rating_5", json!(1)),
            ("rating_within_wait_norm", json!(5.0)),
            ("rating_over_wait_norm", json!(2.0)),
        ],
    );
    expect(
        "N",
        &by_office[1],
        &[
            ("ratings", json!(1)),
            ("rating_average", json!(4.0)),
            ("rating_within_wait_norm", Value::Null),
            ("rating_over_wait_norm", json!(4.0)),
        ],
    );
    expect(
        "total",
        &by_office[2],
        &[
            ("ratings", json!(3)),
            ("rating_average", json!(11.0 / 3.0)),
            ("rating_over_wait_norm", json!(3.0)),
        ],
    );
    let by_topic = rows(&feedback, "by_topic");
    expect(
        "K A",
        &by_topic[0],
        &[("ratings", json!(1)), ("rating_average", json!(2.0))],
    );
    expect(
        "K B",
        &by_topic[1],
        &[("ratings", json!(1)), ("rating_average", json!(5.0))],
    );

    // Appointments: none were booked, every office and the total say so.
    let appointments = report(&app, "appointments", "all=true").await;
    for row in rows(&appointments, "by_office") {
        expect(
            "appointments",
            &row,
            &[("made", json!(0)), ("booked_wait_average", Value::Null)],
        );
    }

    // CSV: BOM, `;`, Russian decimal commas, h:mm:ss.
    let (status, kind, csv) = fetch(
        &app,
        &app.admin.token,
        &format!("/api/v1/reports/topics?all=true&{PERIOD}&format=csv"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "text/csv; charset=utf-8");
    assert!(csv.starts_with("\u{feff}".as_bytes()), "a byte-order mark");
    let text = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Отчёт по тематикам обращений");
    assert_eq!(lines[1], "Период: 30.11.2026 – 01.12.2026");
    assert_eq!(lines[4], "По офисам");
    assert!(
        lines[5].starts_with("Офис;Выдано талонов;Обслужено;"),
        "{}",
        lines[5]
    );
    assert!(
        lines[5].contains(";Доля в норме ожидания, %;"),
        "{}",
        lines[5]
    );
    let k_row: Vec<&str> = lines[6].split(';').collect();
    assert_eq!(
        &k_row[..11],
        [
            "Калининград",
            "4",
            "3",
            "1",
            "1",
            "1",
            "0",
            "1",
            "0",
            "0",
            "0"
        ]
    );
    // Wait: average, median, 90th percentile, share within, over.
    assert_eq!(
        &k_row[11..16],
        ["0:08:00", "0:02:00", "0:24:00", "75,0", "1"]
    );
    let total_row: Vec<&str> = lines[8].split(';').collect();
    assert_eq!(
        &total_row[11..16],
        ["0:09:10", "0:05:00", "0:24:00", "66,7", "2"]
    );
    let (_, _, csv_en) = fetch(
        &app,
        &app.admin.token,
        &format!("/api/v1/reports/compliance?office={k}&{PERIOD}&format=csv&lang=en"),
    )
    .await;
    let text = String::from_utf8(csv_en).unwrap();
    assert!(
        text.contains("\r\nKaliningrad;2026-12;3;0:10:00;0:30:00;yes;66.7;50.0;50.0\r\n")
            || text.contains("\r\nКалининград;2026-12;3;0:10:00;0:30:00;yes;66.7;50.0;50.0\r\n"),
        "{text}"
    );

    // XLSX: typed cells read back.
    let (status, kind, xlsx) = fetch(
        &app,
        &app.admin.token,
        &format!("/api/v1/reports/topics?all=true&{PERIOD}&format=xlsx"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        kind,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    if let Ok(dir) = std::env::var("TALON_REPORT_DIR") {
        // For a look by hand (the PDFs below too).
        std::fs::write(format!("{dir}/topics.xlsx"), &xlsx).unwrap();
    }
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("an XLSX");
    assert_eq!(book.sheet_names(), ["Отчёт", "По офисам", "По тематикам"]);
    let about = book.worksheet_range("Отчёт").unwrap();
    assert_eq!(
        about.get_value((0, 0)),
        Some(&Data::String("Отчёт по тематикам обращений".into()))
    );
    match about.get_value((2, 1)) {
        Some(Data::DateTime(d)) => {
            assert!(d.is_datetime(), "{d:?}");
            // Excel counts days from 1899-12-30.
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
            assert_eq!(d.as_f64(), (day - epoch).num_days() as f64);
        }
        other => panic!("the period's start is a date cell: {other:?}"),
    }
    let sheet = book.worksheet_range("По офисам").unwrap();
    let headings: Vec<String> = (0..sheet.width())
        .map(|c| sheet.get_value((0, c as u32)).unwrap().to_string())
        .collect();
    let col = |key: &str| {
        headings
            .iter()
            .position(|h| h == key)
            .unwrap_or_else(|| panic!("no {key} in {headings:?}")) as u32
    };
    assert_eq!(
        sheet.get_value((1, 0)),
        Some(&Data::String("Калининград".into()))
    );
    assert_eq!(
        sheet.get_value((1, col("Выдано талонов"))),
        Some(&Data::Float(4.0))
    );
    let duration = |row: u32, heading: &str| match sheet.get_value((row, col(heading))) {
        Some(Data::DateTime(d)) => {
            assert!(d.is_duration(), "{heading} is a duration: {d:?}");
            (d.as_f64() * 86_400_000.0).round() as i64
        }
        other => panic!("{heading}: a duration cell, not {other:?}"),
    };
    assert_eq!(duration(1, "Ожидание, среднее"), 8 * MIN);
    assert_eq!(duration(3, "Ожидание, медиана"), 5 * MIN);
    assert_eq!(duration(3, "Всего в офисе, среднее"), 24 * MIN);
    match sheet.get_value((3, col("Доля в норме ожидания"))) {
        Some(Data::Float(x)) => assert!((x - 4.0 / 6.0).abs() < 1e-9),
        other => panic!("a share is a number: {other:?}"),
    }
    // An empty figure (topic C had no visits) is an empty cell.
    let topics_sheet = book.worksheet_range("По тематикам").unwrap();
    assert_eq!(
        topics_sheet.get_value((3, 1)),
        Some(&Data::String("C Юридические лица".into()))
    );
    assert!(matches!(
        topics_sheet.get_value((3, col("Ожидание, среднее") + 1)),
        None | Some(Data::Empty)
    ));

    // PDF: the Cyrillic title, the period, the offices and figures as text.
    for kind in [
        "topics",
        "agents",
        "hourly",
        "compliance",
        "feedback",
        "appointments",
    ] {
        let (status, content, pdf) = fetch(
            &app,
            &app.admin.token,
            &format!("/api/v1/reports/{kind}?all=true&{PERIOD}&format=pdf"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{kind}");
        assert_eq!(content, "application/pdf");
        let text = pdf_text(&pdf);
        assert!(
            text.contains("Период: 30.11.2026 – 01.12.2026"),
            "{kind}: {text}"
        );
        assert!(
            text.contains("Калининград (Europe/Kaliningrad)"),
            "{kind}: {text}"
        );
        if kind == "topics" {
            assert!(text.contains("Отчёт по тематикам обращений"), "{text}");
            assert!(
                text.contains("Среднее ожидание по тематикам"),
                "the chart: {text}"
            );
            assert!(text.contains("0:09:10"), "the pooled average wait: {text}");
            assert!(text.contains("66,7 %"), "{text}");
        }
        if let Ok(dir) = std::env::var("TALON_REPORT_DIR") {
            std::fs::write(format!("{dir}/{kind}.pdf"), &pdf).unwrap();
        }
    }
    app.stop().await;
}

/// The text of every page of a PDF.
fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text")
}

#[tokio::test]
async fn reports_refuse_bad_requests_and_other_peoples_offices() {
    let app = spawn_app().await;
    let admin = app.admin.token.as_str();
    let office = app.office;
    let get = |token: &str, query: String| {
        let token = token.to_string();
        let app = &app;
        async move { fetch(app, &token, &query).await }
    };
    for (query, code) in [
        (
            format!("/api/v1/reports/nonsense?office={office}&{PERIOD}"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}&{PERIOD}&format=docx"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}&{PERIOD}&lang=de"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}&from=2026-13-01&to=2026-12-01"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}&from=yesterday&to=2026-12-01"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?{PERIOD}"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}&all=true&{PERIOD}"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office=abc&{PERIOD}"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?all=maybe&{PERIOD}"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}&{PERIOD}&extra=1"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/reports/topics?office={office}&from=2026-12-02&to=2026-12-01"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            format!("/api/v1/reports/topics?office=999&{PERIOD}"),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let (status, kind, body) = get(admin, query.clone()).await;
        assert_eq!(status, code, "{query}: {}", String::from_utf8_lossy(&body));
        assert_eq!(kind, "application/json", "{query}");
        let error: Value = serde_json::from_slice(&body).expect("a JSON error");
        assert!(
            error["error"]["code"].is_string() && error["error"]["message"].is_string(),
            "{error}"
        );
    }
    // A head: their office yes, every office no; an agent: nothing.
    let (status, _, _) = get(
        &app.head.token,
        format!("/api/v1/reports/topics?office={office}&{PERIOD}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = get(
        &app.head.token,
        format!("/api/v1/reports/topics?all=true&{PERIOD}"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, body) = post_office(&app).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let other = body["id"].as_i64().unwrap();
    let (status, _, _) = get(
        &app.head.token,
        format!("/api/v1/reports/topics?office={other}&{PERIOD}"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = get(
        &app.agents[0].token,
        format!("/api/v1/reports/agents?office={office}&{PERIOD}"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = get(
        &app.kiosk,
        format!("/api/v1/reports/topics?office={office}&{PERIOD}"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = app
        .http
        .get(format!(
            "{}/api/v1/reports/topics?office={office}&{PERIOD}",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn post_office(app: &TestApp) -> (StatusCode, (), Value) {
    let (_, offices) = app.get("/api/v1/offices", Some(&app.admin.token)).await;
    let (status, body) = app
        .post(
            "/api/v1/offices",
            Some(&app.admin.token),
            office_body(&offices[0], "Другой офис", "Europe/Moscow", None),
        )
        .await;
    (status, (), body)
}

/// The appointments report over one day of bookings in the test office (Moscow): one
/// kept (checked in early, called 3 minutes into its slot), one cancelled, one moved to a
/// later slot and still ahead, one missed.
#[tokio::test]
async fn the_appointments_report_counts_what_became_of_the_bookings() {
    let app = spawn_app().await;
    let a = app.topics[0];
    let topics = app.snapshot().await["topics"].clone();
    let current = topics
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == a.0)
        .unwrap()
        .clone();
    ok(app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/topics/{}", a.0),
            Some(&app.head.token),
            Some(json!({
                "prefix": current["prefix"], "name_ru": current["name_ru"],
                "name_en": current["name_en"], "norms": current["norms"], "active": true,
                "display_order": current["display_order"],
                "booking": {"bookable": true, "places": 1, "slot_min": 15}
            })),
        )
        .await)
    .await;
    let (_, slots) = app
        .get(
            &format!(
                "/api/v1/offices/{}/slots?topic={}&from=2026-11-20&to=2026-11-20",
                app.office, a.0
            ),
            None,
        )
        .await;
    let start = |i: usize| -> chrono::DateTime<chrono::Utc> {
        slots[i]["start"].as_str().unwrap().parse().unwrap()
    };
    let made_at = app.clock_now();
    let mut codes = Vec::new();
    for i in 4..8 {
        let (status, booking) = app
            .post(
                &format!("/api/v1/offices/{}/bookings", app.office),
                None,
                json!({"topic_id": a.0, "start": slots[i]["start"]}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{booking}");
        codes.push(booking["code"].as_str().unwrap().to_string());
    }
    // The second is cancelled, the third moved to an hour later.
    let (status, body) = app
        .request(
            reqwest::Method::DELETE,
            &format!("/api/v1/public/bookings/{}", codes[1]),
            None,
            None,
        )
        .await;
    assert!(status.is_success(), "{body}");
    ok(app
        .post(
            &format!("/api/v1/public/bookings/{}/move", codes[2]),
            None,
            json!({"start": slots[12]["start"]}),
        )
        .await)
    .await;
    // The first checks in 10 minutes early and is called 3 minutes into the slot.
    app.clock.set(start(4) - chrono::Duration::minutes(10));
    let (status, receipt) = app
        .post(
            &format!("/api/v1/offices/{}/check-in", app.office),
            Some(&app.kiosk),
            json!({"code": codes[0]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let agent = app.agents[1].token.as_str();
    ok(app.window_action(app.windows[1], "open", agent).await).await;
    app.clock.set(start(4) + chrono::Duration::minutes(3));
    call_start(&app, app.windows[1], agent, &receipt["ticket"]).await;
    app.clock.set(start(4) + chrono::Duration::minutes(13));
    finish(
        &app,
        &receipt["ticket"],
        agent,
        json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
    )
    .await;
    // Nobody comes for the fourth: missed once its check-in closes (15 minutes in).
    app.clock.set(start(7) + chrono::Duration::minutes(16));
    let mut missed = false;
    for _ in 0..100 {
        let (_, shown) = app
            .get(&format!("/api/v1/public/bookings/{}", codes[3]), None)
            .await;
        if shown["status"] == "no_show" {
            missed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(missed, "the fourth booking is missed");

    let report = report_of(
        &app,
        "appointments",
        &format!("office={}&from=2026-11-20&to=2026-11-20", app.office),
    )
    .await;
    // Lead: from making the booking to its slot (the moved one to its new slot).
    let leads: Vec<i64> = [4, 5, 12, 7]
        .iter()
        .map(|&i| (start(i) - made_at).num_milliseconds())
        .collect();
    let lead = (leads.iter().sum::<i64>() as f64 / 4.0).round() as i64;
    let figures = [
        ("made", json!(4)),
        ("kept", json!(1)),
        ("moved", json!(1)),
        ("cancelled", json!(1)),
        ("no_shows", json!(1)),
        ("pending", json!(1)),
        ("booked_wait_average", json!(3 * MIN)),
        ("booked_wait_median", json!(3 * MIN)),
        ("booked_wait_p90", json!(3 * MIN)),
        ("within_booked_norm", json!(1.0)),
        ("lead_average", json!(lead)),
    ];
    let by_office = rows(&report, "by_office");
    assert_eq!(by_office.len(), 1);
    expect("office", &by_office[0], &figures);
    let by_target = rows(&report, "by_target");
    assert_eq!(by_target.len(), 1);
    expect(
        "topic A",
        &by_target[0],
        &[("name", json!("Передача показаний"))],
    );
    expect("topic A", &by_target[0], &figures);
    app.stop().await;
}

async fn report_of(app: &TestApp, kind: &str, query: &str) -> Value {
    let (status, _, body) = fetch(
        app,
        &app.admin.token,
        &format!("/api/v1/reports/{kind}?{query}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).expect("a JSON report")
}

/// The kept reports of `month` as (scope, scope_id) pairs, as `token` sees them.
async fn kept_of(app: &TestApp, token: &str, month: &str) -> Vec<(String, Value, i64)> {
    let (status, list) = app.get("/api/v1/reports/kept", Some(token)).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let mut found: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["month"] == month)
        .map(|k| {
            (
                k["scope"].as_str().unwrap().to_string(),
                k["scope_id"].clone(),
                k["id"].as_i64().unwrap(),
            )
        })
        .collect();
    found.sort_by(|a, b| (&a.0, a.1.to_string()).cmp(&(&b.0, b.1.to_string())));
    found
}

fn scopes(kept: &[(String, Value, i64)]) -> Vec<(String, Value)> {
    kept.iter()
        .map(|(s, id, _)| (s.clone(), id.clone()))
        .collect()
}

/// An office's month is kept once its own day is in the next month; a region's and the
/// company's once every office's is. Nothing is kept twice.
#[tokio::test]
async fn monthly_reports_are_kept_when_each_offices_month_has_ended() {
    let app = spawn_app().await;
    let n = set_up(&app).await;
    let admin = app.admin.token.as_str();
    let (k, b) = (app.office.0, n.office.0);
    // 03:00 on 1 December in Barnaul, 22:00 on 30 November in Kaliningrad.
    app.clock.set(at("2026-11-30T20:00:00Z"));
    talon_server::reports::monthly::keep_due(app.queues())
        .await
        .expect("kept");
    assert_eq!(
        scopes(&kept_of(&app, admin, "2026-11").await),
        vec![("office".to_string(), json!(b))]
    );
    // 01:00 in Kaliningrad: every office is in December.
    app.clock.set(at("2026-11-30T23:00:00Z"));
    talon_server::reports::monthly::keep_due(app.queues())
        .await
        .expect("kept");
    let mut want = vec![
        ("all".to_string(), Value::Null),
        ("office".to_string(), json!(k)),
        ("office".to_string(), json!(b)),
        ("region".to_string(), json!(n.region)),
    ];
    want.sort_by(|a, b| (&a.0, a.1.to_string()).cmp(&(&b.0, b.1.to_string())));
    assert_eq!(scopes(&kept_of(&app, admin, "2026-11").await), want);
    assert_eq!(
        talon_server::reports::monthly::keep_due(app.queues())
            .await
            .expect("kept"),
        0,
        "nothing more is due"
    );
    app.stop().await;
}

/// The kept November report holds the month's figures as they were; it downloads in
/// every format and language; who may see which follows the reports' rules.
#[tokio::test]
async fn kept_monthly_reports_hold_the_months_figures_and_follow_the_report_rules() {
    let app = spawn_app().await;
    let n = set_up(&app).await;
    script(&app, &n).await;
    let admin = app.admin.token.as_str();
    let (k, b) = (app.office.0, n.office.0);
    // 01:05 in Kaliningrad, 06:05 in Barnaul on 1 December.
    talon_server::reports::monthly::keep_due(app.queues())
        .await
        .expect("kept");
    assert_eq!(
        talon_server::reports::monthly::keep_due(app.queues())
            .await
            .expect("kept"),
        0,
        "kept once"
    );
    let kept = kept_of(&app, admin, "2026-11").await;
    assert_eq!(kept.len(), 4, "{kept:?}");
    let id_of = |scope: &str| kept.iter().find(|k| k.0 == scope).unwrap().2;
    let all = id_of("all");

    // The company's November, as the hand-computed figures of the reports test.
    let (status, kind, body) = fetch(&app, admin, &format!("/api/v1/reports/kept/{all}")).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(kind, "application/json");
    let report: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(report["kind"], "compliance");
    assert_eq!(report["from"], "2026-11-01");
    assert_eq!(report["to"], "2026-11-30");
    let months = rows(&report, "by_month");
    assert_eq!(months.len(), 3, "{months:?}");
    let limit = json!(30 * MIN);
    for (office, called, avg) in [
        ("Калининград", 1, 2 * MIN),
        ("Барнаул", 1, 5 * MIN),
        ("Итого", 2, 210 * SEC),
    ] {
        let row = months
            .iter()
            .find(|r| r["office"] == office)
            .unwrap_or_else(|| panic!("no {office} in {months:?}"));
        expect(
            office,
            row,
            &[
                ("month", json!("2026-11")),
                ("called", json!(called)),
                ("wait_average", json!(avg)),
                ("limit", limit.clone()),
                ("within_limit", json!("да")),
                ("within_wait_norm", json!(1.0)),
            ],
        );
    }
    // Later visits change nothing kept: December's tickets are not in it, and the kept
    // JSON is the report asked for now over November.
    let now = report_of(&app, "compliance", "all=true&from=2026-11-01&to=2026-11-30").await;
    assert_eq!(now["tables"], report["tables"]);

    // Every format and language, rendered from the kept tables.
    let (status, kind, body) = fetch(
        &app,
        admin,
        &format!("/api/v1/reports/kept/{all}?format=csv&lang=en"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "text/csv; charset=utf-8");
    let csv = String::from_utf8(body).unwrap();
    assert!(csv.contains("Total") && csv.contains("2026-11"), "{csv}");
    let (status, kind, body) = fetch(
        &app,
        admin,
        &format!("/api/v1/reports/kept/{all}?format=xlsx"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.contains("spreadsheetml"), "{kind}");
    assert!(body.starts_with(b"PK"), "a zip");
    let mut book = Xlsx::new(std::io::Cursor::new(body)).expect("an xlsx");
    let totals = book
        .sheet_names()
        .iter()
        .map(|name| book.worksheet_range(name).expect("a sheet"))
        .filter(|range| {
            range
                .rows()
                .any(|r| r.iter().any(|c| *c == Data::String("Итого".into())))
        })
        .count();
    assert!(totals > 0, "a sheet with the totals");
    let (status, kind, body) = fetch(
        &app,
        admin,
        &format!("/api/v1/reports/kept/{all}?format=pdf"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "application/pdf");
    assert!(body.starts_with(b"%PDF"));

    // Who sees what: the office head their office's; an agent and a kiosk nothing.
    let head = kept_of(&app, &app.head.token, "2026-11").await;
    assert_eq!(scopes(&head), vec![("office".to_string(), json!(k))]);
    let barnaul = kept
        .iter()
        .find(|x| x.0 == "office" && x.1 == json!(b))
        .unwrap()
        .2;
    for (token, path, want) in [
        (
            app.head.token.as_str(),
            format!("/api/v1/reports/kept/{all}"),
            StatusCode::FORBIDDEN,
        ),
        (
            app.head.token.as_str(),
            format!("/api/v1/reports/kept/{barnaul}"),
            StatusCode::FORBIDDEN,
        ),
        (
            app.head.token.as_str(),
            format!("/api/v1/reports/kept/{}", id_of("region")),
            StatusCode::FORBIDDEN,
        ),
        (
            app.agents[0].token.as_str(),
            "/api/v1/reports/kept".to_string(),
            StatusCode::FORBIDDEN,
        ),
        (
            app.kiosk.as_str(),
            "/api/v1/reports/kept".to_string(),
            StatusCode::FORBIDDEN,
        ),
        (
            admin,
            "/api/v1/reports/kept/999999".to_string(),
            StatusCode::NOT_FOUND,
        ),
        (
            admin,
            "/api/v1/reports/kept/abc".to_string(),
            StatusCode::BAD_REQUEST,
        ),
        (
            admin,
            format!("/api/v1/reports/kept/{all}?format=docx"),
            StatusCode::BAD_REQUEST,
        ),
        (
            admin,
            format!("/api/v1/reports/kept/{all}?lang=de"),
            StatusCode::BAD_REQUEST,
        ),
        (
            admin,
            format!("/api/v1/reports/kept/{all}?extra=1"),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (status, kind, body) = fetch(&app, token, &path).await;
        assert_eq!(status, want, "{path}: {}", String::from_utf8_lossy(&body));
        assert_eq!(kind, "application/json", "{path}");
        let error: Value = serde_json::from_slice(&body).expect("a JSON error");
        assert!(
            error["error"]["code"].is_string() && error["error"]["message"].is_string(),
            "{error}"
        );
    }
    let (status, _, _) = fetch(
        &app,
        &app.head.token,
        &format!("/api/v1/reports/kept/{}?format=pdf", head[0].2),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // A region head: the region and its offices, not the company.
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(admin),
            json!({"login": "zapad", "name": "zapad", "password": PASSWORD,
                   "role": "region_head", "regions": [n.region]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, body) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"login": "zapad", "password": PASSWORD}),
        )
        .await;
    let zapad = body["token"].as_str().unwrap().to_string();
    let seen: Vec<String> = kept_of(&app, &zapad, "2026-11")
        .await
        .into_iter()
        .map(|k| k.0)
        .collect();
    assert_eq!(seen, ["office", "office", "region"]);
    app.stop().await;
}
