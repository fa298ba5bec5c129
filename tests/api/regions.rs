//! Regions and the roles above an office: a region head sees the offices of their
//! regions, the head office sees every office; neither runs an office's set-up or its
//! windows. Regions are the administrator's.

use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn put(app: &TestApp, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
    app.request(Method::PUT, path, Some(token), Some(body))
        .await
}

async fn sign_in(app: &TestApp, login: &str) -> String {
    let (status, body) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"login": login, "password": PASSWORD}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{login}: {body}");
    body["token"].as_str().expect("token").to_string()
}

async fn new_region(app: &TestApp, name: &str) -> i64 {
    let (status, body) = app
        .post(
            "/api/v1/regions",
            Some(&app.admin.token),
            json!({ "name": name }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_i64().expect("id")
}

/// An office as the list shows it to the administrator.
async fn office_of(app: &TestApp, id: i64) -> Value {
    let (status, body) = app.get("/api/v1/offices", Some(&app.admin.token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array()
        .expect("offices")
        .iter()
        .find(|o| o["id"] == id)
        .map(|office| {
            // As a request body: everything but the id.
            let mut input = office.clone();
            input.as_object_mut().expect("office").remove("id");
            input
        })
        .unwrap_or_else(|| panic!("no office {id} in {body}"))
}

async fn new_office(app: &TestApp, name: &str, region: Option<i64>) -> i64 {
    let mut office = office_of(app, app.office.0).await;
    office["name"] = json!(name);
    office["region_id"] = json!(region);
    let (status, body) = app
        .post("/api/v1/offices", Some(&app.admin.token), office)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_i64().expect("id")
}

async fn office_ids(app: &TestApp, token: &str) -> Vec<i64> {
    let (status, body) = app.get("/api/v1/offices", Some(token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array()
        .expect("offices")
        .iter()
        .map(|o| o["id"].as_i64().expect("id"))
        .collect()
}

async fn stats_status(app: &TestApp, token: &str, office: i64) -> StatusCode {
    let path = format!("/api/v1/offices/{office}/stats?from=2026-11-20&to=2026-11-20");
    app.get(&path, Some(token)).await.0
}

#[tokio::test]
async fn a_region_head_sees_their_regions_offices_and_the_head_office_sees_all() {
    let app = spawn_app().await;
    let admin = app.admin.token.clone();
    let west = new_region(&app, "Западное отделение").await;
    let east = new_region(&app, "Восточное отделение").await;
    let kaliningrad = new_office(&app, "Калининград", Some(west)).await;
    let barnaul = new_office(&app, "Барнаул", Some(east)).await;
    let unassigned = app.office.0;

    // A region head is made by the administrator, with their region.
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(&admin),
            json!({"login": "west-head", "name": "Начальник отделения", "password": PASSWORD,
                   "role": "region_head", "regions": [west]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["regions"], json!([west]));
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(&admin),
            json!({"login": "central", "name": "Центральный офис", "password": PASSWORD,
                   "role": "head_office"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let region_head = sign_in(&app, "west-head").await;
    let central = sign_in(&app, "central").await;

    assert_eq!(office_ids(&app, &region_head).await, vec![kaliningrad]);
    let (_, me) = app.get("/api/v1/auth/me", Some(&region_head)).await;
    assert_eq!(me["offices"], json!([kaliningrad]), "{me}");
    let mut all = vec![unassigned, kaliningrad, barnaul];
    all.sort();
    assert_eq!(office_ids(&app, &central).await, all);

    // Both watch the offices they see: statistics and the live board.
    assert_eq!(
        stats_status(&app, &region_head, kaliningrad).await,
        StatusCode::OK
    );
    assert_eq!(
        stats_status(&app, &region_head, barnaul).await,
        StatusCode::FORBIDDEN
    );
    for office in &all {
        assert_eq!(stats_status(&app, &central, *office).await, StatusCode::OK);
    }
    let (status, _) = app
        .get(
            &format!("/api/v1/offices/{barnaul}/topics"),
            Some(&region_head),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Neither changes an office's set-up, nor serves at a window.
    let office = office_of(&app, kaliningrad).await;
    for token in [&region_head, &central] {
        let (status, body) = put(
            &app,
            &format!("/api/v1/offices/{kaliningrad}"),
            token,
            office.clone(),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    }
    let (status, _) = app.window_action(app.windows[0], "open", &central).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The office moves to the other region: its region head loses it at once.
    let mut moved = office.clone();
    moved["region_id"] = json!(east);
    let (status, body) = put(
        &app,
        &format!("/api/v1/offices/{kaliningrad}"),
        &admin,
        moved,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["region_id"], json!(east));
    assert!(office_ids(&app, &region_head).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn regions_are_the_administrators_and_refusals_say_why() {
    let app = spawn_app().await;
    let admin = app.admin.token.clone();
    let head = app.head.token.clone();
    let west = new_region(&app, "Западное отделение").await;

    // A head may not make regions, put their office in one or give someone a region.
    let (status, _) = app
        .post("/api/v1/regions", Some(&head), json!({"name": "Своё"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let path = format!("/api/v1/offices/{}", app.office);
    let office = office_of(&app, app.office.0).await;
    let mut moved = office.clone();
    moved["region_id"] = json!(west);
    let (status, body) = put(&app, &path, &head, moved).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    // The head's own edits keep the office's region as it is.
    let (status, body) = put(&app, &path, &head, office.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(&head),
            json!({"login": "helper", "name": "Помощник", "password": PASSWORD,
                   "role": "agent", "offices": [app.office], "regions": [west]}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // Clear refusals: a region head without a region, a region that does not exist,
    // a name that is taken or empty, an unknown region.
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(&admin),
            json!({"login": "nobody", "name": "Без отделения", "password": PASSWORD,
                   "role": "region_head"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("region")
    );
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(&admin),
            json!({"login": "nobody", "name": "Без отделения", "password": PASSWORD,
                   "role": "region_head", "regions": [999]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let mut elsewhere = office.clone();
    elsewhere["region_id"] = json!(999);
    let (status, body) = put(&app, &path, &admin, elsewhere).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = app
        .post(
            "/api/v1/regions",
            Some(&admin),
            json!({"name": "Западное отделение"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, body) = app
        .post("/api/v1/regions", Some(&admin), json!({"name": "  "}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = put(&app, "/api/v1/regions/999", &admin, json!({"name": "Нет"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = app.get("/api/v1/regions", Some(&app.kiosk)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // A rename is in the audit log, before and after.
    let (status, body) = put(
        &app,
        &format!("/api/v1/regions/{west}"),
        &admin,
        json!({"name": "Калининградское отделение"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, entries) = app
        .get("/api/v1/audit?action=region_changed", Some(&admin))
        .await;
    let entry = &entries[0];
    assert_eq!(entry["before"]["name"], "Западное отделение", "{entry}");
    assert_eq!(
        entry["after"]["name"], "Калининградское отделение",
        "{entry}"
    );
    let (_, regions) = app.get("/api/v1/regions", Some(&head)).await;
    assert_eq!(regions[0]["name"], "Калининградское отделение");
    app.stop().await;
}

async fn overview(app: &TestApp, token: &str, query: &str) -> (StatusCode, Value) {
    app.get(&format!("/api/v1/overview{query}"), Some(token))
        .await
}

#[tokio::test]
async fn the_company_board_puts_the_office_in_trouble_first_with_its_figures() {
    let app = spawn_app().await;
    let admin = app.admin.token.clone();
    let west = new_region(&app, "Западное отделение").await;
    // A quiet office in the region, and the test office (in no region) with a queue.
    let quiet = new_office(&app, "Тихий офис", Some(west)).await;
    let busy = app.office.0;
    let agent = app.agents[0].token.clone();
    let (status, body) = app.window_action(app.windows[0], "open", &agent).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // One visitor called after 5 minutes (within the 15-minute norm of topic A) and
    // served (statistics count a wait when the visit ends) …
    app.issue(app.topics[0]).await;
    app.advance_minutes(5);
    let (status, body) = app.window_action(app.windows[0], "call-next", &agent).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let served = ticket_id(&body);
    let (status, body) = app.ticket_action(&served, "start", &agent, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let finish = json!({"outcome": {"kind": "resolved"}, "topics_count": 1});
    let (status, body) = app.ticket_action(&served, "finish", &agent, finish).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // … and two waiting: one of topic C (5-minute norm) for 7 minutes, past its norm.
    app.issue(app.topics[2]).await;
    app.advance_minutes(4);
    app.issue(app.topics[0]).await;
    app.advance_minutes(3);

    let (status, rows) = overview(&app, &admin, "").await;
    assert_eq!(status, StatusCode::OK, "{rows}");
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{rows:?}");
    let first = &rows[0];
    assert_eq!(first["office_id"], busy, "trouble first: {rows:?}");
    assert_eq!(first["waiting"], 2);
    assert_eq!(first["breaches_now"], 1);
    assert_eq!(first["longest_wait_ms"], 7 * 60_000);
    assert_eq!(first["longest_wait_norm_ms"], 5 * 60_000);
    assert_eq!(first["windows_open"], 1);
    assert_eq!(first["windows_total"], 3);
    assert_eq!(first["today_within_wait_norm"], 1.0);
    assert_eq!(first["month_average_wait_ms"], 5 * 60_000);
    assert_eq!(first["month_limit_ms"], 30 * 60_000);
    let second = &rows[1];
    assert_eq!(second["office_id"], quiet);
    assert_eq!(second["waiting"], 0);
    assert_eq!(second["region_id"], west);
    assert!(second["today_within_wait_norm"].is_null());

    // One region only; an unknown region; an agent has no board.
    let (status, rows) = overview(&app, &admin, &format!("?region={west}")).await;
    assert_eq!(status, StatusCode::OK, "{rows}");
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["office_id"], quiet);
    let (status, _) = overview(&app, &admin, "?region=999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = overview(&app, &agent, "").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // An office head sees their own office only.
    let (status, rows) = overview(&app, &app.head.token, "").await;
    assert_eq!(status, StatusCode::OK, "{rows}");
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["office_id"], busy);
    app.stop().await;
}

async fn alert_of(app: &TestApp, id: &str) -> Option<Value> {
    let snapshot = app.snapshot().await;
    snapshot["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .find(|a| a["id"] == id)
        .cloned()
}

/// Waits until the server's ticker has acted on the moved clock.
async fn alert_at_level(app: &TestApp, id: &str, level: &str) -> Value {
    for _ in 0..250 {
        if let Some(alert) = alert_of(app, id).await
            && alert["level"] == level
        {
            return alert;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!(
        "alert {id} never reached {level}: {:?}",
        alert_of(app, id).await
    );
}

#[tokio::test]
async fn a_breach_nobody_takes_on_goes_to_the_region_then_the_head_office() {
    let app = spawn_app().await;
    let west = new_region(&app, "Западное отделение").await;
    let mut office = office_of(&app, app.office.0).await;
    office["region_id"] = json!(west);
    let path = format!("/api/v1/offices/{}", app.office);
    let (status, body) = put(&app, &path, &app.admin.token, office).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(&app.admin.token),
            json!({"login": "west-head", "name": "Начальник отделения", "password": PASSWORD,
                   "role": "region_head", "regions": [west]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let region_head = sign_in(&app, "west-head").await;
    let mut events = app.live(&app.head.token, None).await;
    events.next_snapshot().await;

    // Topic C waits at most 5 minutes: the breach is raised at 6.
    let ticket = ticket_id(&app.issue(app.topics[2]).await);
    let id = format!("wait_breach:{ticket}");
    app.advance_minutes(6);
    alert_at_level(&app, &id, "office").await;
    // Nobody took it on within the office's 15 minutes: the region's head has it.
    app.advance_minutes(15);
    alert_at_level(&app, &id, "region").await;
    let (_, rows) = app.get("/api/v1/overview", Some(&region_head)).await;
    assert_eq!(rows[0]["escalated_alerts"], 1, "{rows}");
    // An hour after it was raised: the head office.
    app.advance_minutes(45);
    alert_at_level(&app, &id, "head_office").await;
    // Each step was an event on the office's live stream.
    let steps = events
        .events_until(|e| {
            matches!(&e.kind, talon_protocol::EventKind::AlertChanged { change, .. }
                if *change == talon_protocol::alert::AlertChange::Escalated {
                    level: talon_protocol::alert::EscalationLevel::HeadOffice })
        })
        .await;
    let changes: Vec<_> = steps
        .iter()
        .filter_map(|e| match &e.kind {
            talon_protocol::EventKind::AlertChanged { change, .. } => Some(change.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(changes.len(), 2, "{changes:?}");

    // Taking it on needs a comment and a head; then it stands, taken.
    let acknowledge = format!("/api/v1/offices/{}/alerts/{id}/acknowledge", app.office);
    let (status, body) = app
        .post(&acknowledge, Some(&region_head), json!({"comment": " "}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = app
        .post(
            &acknowledge,
            Some(&app.agents[0].token),
            json!({"comment": "я"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let unknown = format!(
        "/api/v1/offices/{}/alerts/long_queue:99/acknowledge",
        app.office
    );
    let (status, _) = app
        .post(&unknown, Some(&region_head), json!({"comment": "иду"}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = app
        .post(
            &acknowledge,
            Some(&region_head),
            json!({"comment": "Открываем окно 3"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["acknowledged"]["name"], "Начальник отделения");
    assert_eq!(body["acknowledged"]["comment"], "Открываем окно 3");
    let (status, body) = app
        .post(
            &acknowledge,
            Some(&app.head.token),
            json!({"comment": "ещё"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (_, rows) = app.get("/api/v1/overview", Some(&region_head)).await;
    assert_eq!(rows[0]["escalated_alerts"], 0, "taken on: {rows}");
    app.stop().await;
}
