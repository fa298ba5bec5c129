//! Administration through the API: the audit log of every change, what a head may and
//! may not do, one's own password, special days, deactivated windows, and the device
//! alerts (a kiosk out of contact, a fault it reported).

use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::time::Duration;
use talon_protocol::api::OfficeInput;
use talon_protocol::{DayHours, SpecialDay, WeekSchedule};

fn office_body(name: &str, special_days: Vec<SpecialDay>) -> Value {
    let mut schedule = WeekSchedule::every_day(DayHours::new((0, 0), (23, 59)));
    schedule.special_days = special_days;
    serde_json::to_value(OfficeInput {
        name: name.into(),
        time_zone: chrono_tz::Europe::Moscow.into(),
        schedule,
        settings: test_office_settings(),
        region_id: None,
    })
    .expect("office input")
}

fn topic_body(prefix: &str, name: &str) -> Value {
    json!({
        "prefix": prefix, "name_ru": name, "name_en": "Certificates",
        "norms": {
            "wait": {"minutes": 15, "kind": "hard_max"},
            "service": {"minutes": 20, "kind": "average"},
            "total": {"minutes": 35, "kind": "average"}
        },
        "display_order": 5
    })
}

async fn put(app: &TestApp, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
    app.request(Method::PUT, path, Some(token), Some(body))
        .await
}

async fn audit(app: &TestApp, query: &str, token: &str) -> Vec<Value> {
    let (status, body) = app.get(&format!("/api/v1/audit{query}"), Some(token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().expect("a list").clone()
}

fn of_action<'a>(entries: &'a [Value], action: &str) -> Vec<&'a Value> {
    entries.iter().filter(|e| e["action"] == action).collect()
}

#[tokio::test]
async fn every_administrative_change_is_in_the_audit_log_with_before_and_after() {
    let app = spawn_app().await;
    let admin = &app.admin.token;
    let office = app.office;
    let today = "2026-11-20";

    let holiday = SpecialDay {
        date: "2026-12-31".parse().unwrap(),
        hours: None,
        note: "Новый год".into(),
    };
    let (status, body) = put(
        &app,
        &format!("/api/v1/offices/{office}"),
        admin,
        office_body("Офис на Ленина", vec![holiday]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, topic) = app
        .post(
            &format!("/api/v1/offices/{office}/topics"),
            Some(admin),
            topic_body("S", "Справки"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{topic}");
    let topic_id = topic["id"].as_i64().unwrap();
    let (status, body) = put(
        &app,
        &format!("/api/v1/topics/{topic_id}"),
        admin,
        topic_body("S", "Справки и выписки"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, window) = app
        .post(
            &format!("/api/v1/offices/{office}/windows"),
            Some(admin),
            json!({"label": "7", "topics": [topic_id]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{window}");
    let window_id = window["id"].as_i64().unwrap();
    let (status, body) = put(
        &app,
        &format!("/api/v1/windows/{window_id}"),
        admin,
        json!({"label": "7", "topics": [topic_id], "active": false}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["active"], false);
    let (status, user) = app
        .post(
            "/api/v1/staff",
            Some(admin),
            json!({"login": "petrova", "name": "Петрова", "password": "long-enough-1",
                   "role": "agent", "offices": [office]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{user}");
    let user_id = user["id"].as_i64().unwrap();
    let (status, body) = put(
        &app,
        &format!("/api/v1/staff/{user_id}"),
        admin,
        json!({"role": "head", "password": "long-enough-2"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, device) = app
        .post(
            &format!("/api/v1/offices/{office}/devices"),
            Some(admin),
            json!({"kind": "display", "name": "Табло в зале"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{device}");
    let device_id = device["device"]["id"].as_i64().unwrap();
    let token = device["token"].as_str().unwrap().to_string();
    let (status, _) = app
        .request(
            Method::DELETE,
            &format!("/api/v1/devices/{device_id}"),
            Some(admin),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    // The set-up's own entries (by the server, not a person) are left out by person.
    let entries = audit(
        &app,
        &format!("?office={office}&from={today}&staff={}", app.admin.id),
        admin,
    )
    .await;
    let admin_name = "Сотрудник admin";
    for (action, subject) in [
        ("office_changed", "Офис на Ленина"),
        ("topic_created", "S «Справки»"),
        ("topic_changed", "S «Справки и выписки»"),
        ("window_created", "7"),
        ("window_changed", "7"),
        ("staff_created", "petrova (Петрова)"),
        ("staff_changed", "petrova (Петрова)"),
        ("password_reset", "petrova (Петрова)"),
        ("device_created", "display «Табло в зале»"),
        ("device_revoked", "display «Табло в зале»"),
    ] {
        let found = of_action(&entries, action);
        assert_eq!(found.len(), 1, "{action}: {entries:#?}");
        let entry = found[0];
        assert_eq!(entry["subject"], subject, "{entry}");
        assert_eq!(entry["actor_name"], admin_name, "{entry}");
        assert_eq!(entry["actor_id"], app.admin.id.0, "{entry}");
        assert_eq!(entry["office_id"], office.0, "{entry}");
    }
    // Before and after, as the API shows the object.
    let changed = of_action(&entries, "topic_changed")[0];
    assert_eq!(changed["before"]["name_ru"], "Справки");
    assert_eq!(changed["after"]["name_ru"], "Справки и выписки");
    assert!(of_action(&entries, "topic_created")[0]["before"].is_null());
    let office_changed = of_action(&entries, "office_changed")[0];
    assert_eq!(office_changed["before"]["name"], "Тестовый офис");
    assert_eq!(
        office_changed["after"]["schedule"]["special_days"][0]["note"],
        "Новый год"
    );
    let window_changed = of_action(&entries, "window_changed")[0];
    assert_eq!(window_changed["before"]["active"], true);
    assert_eq!(window_changed["after"]["active"], false);
    let role = of_action(&entries, "staff_changed")[0];
    assert_eq!(role["before"]["role"], "agent");
    assert_eq!(role["after"]["role"], "head");
    assert_eq!(
        of_action(&entries, "device_revoked")[0]["after"]["revoked"],
        true
    );
    // No password or token in the log, in any form.
    let whole = serde_json::to_string(&entries).unwrap();
    for secret in ["long-enough-1", "long-enough-2", token.as_str(), "$argon2"] {
        assert!(!whole.contains(secret), "{secret} is in the audit log");
    }
    let reset = of_action(&entries, "password_reset")[0];
    assert!(reset["before"].is_null() && reset["after"].is_null());

    // Newest first; filters by action and by person.
    let times: Vec<&str> = entries.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted);
    let only = audit(&app, "?action=topic_changed", admin).await;
    assert_eq!(only.len(), 1);
    let by_admin = audit(&app, &format!("?staff={}", app.admin.id), admin).await;
    assert_eq!(by_admin.len(), 10);
    let (status, body) = app.get("/api/v1/audit?action=renamed", Some(admin)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = app
        .get("/api/v1/audit?from=2026-11-21&to=2026-11-20", Some(admin))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // A head sees their office's entries, not another office's; an agent sees none.
    let (status, other) = app
        .post(
            "/api/v1/offices",
            Some(admin),
            office_body("Второй офис", vec![]),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{other}");
    let heads = audit(&app, "", &app.head.token).await;
    assert!(!heads.is_empty());
    assert!(
        heads.iter().all(|e| e["office_id"] == office.0),
        "{heads:#?}"
    );
    let admins = audit(&app, "?action=office_created", admin).await;
    assert_eq!(admins[0]["subject"], "Второй офис");
    let (status, _) = app.get("/api/v1/audit", Some(&app.agents[0].token)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn a_head_manages_the_agents_of_their_office_and_grants_no_roles() {
    let app = spawn_app().await;
    let head = &app.head.token;
    let office = app.office;
    let (status, other) = app
        .post(
            "/api/v1/offices",
            Some(&app.admin.token),
            office_body("Чужой офис", vec![]),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{other}");
    let other = other["id"].as_i64().unwrap();
    let new_staff = |role: &str, offices: Value| {
        json!({"login": format!("new-{role}-{offices}"), "name": "Новичок",
               "password": "long-enough-1", "role": role, "offices": offices})
    };

    let (status, body) = app
        .post(
            "/api/v1/staff",
            Some(head),
            new_staff("agent", json!([office])),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let agent = body["id"].as_i64().unwrap();
    for (what, body) in [
        ("a head", new_staff("head", json!([office]))),
        ("an admin", new_staff("admin", json!([office]))),
        (
            "an agent of another office",
            new_staff("agent", json!([other])),
        ),
    ] {
        let (status, body) = app.post("/api/v1/staff", Some(head), body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{what}: {body}");
    }
    for (what, path, body) in [
        (
            "grant a role",
            format!("/api/v1/staff/{agent}"),
            json!({"role": "head"}),
        ),
        (
            "move an agent to another office",
            format!("/api/v1/staff/{agent}"),
            json!({"offices": [other]}),
        ),
        (
            "change an administrator",
            format!("/api/v1/staff/{}", app.admin.id),
            json!({"name": "Кто-то"}),
        ),
        (
            "change another office",
            format!("/api/v1/offices/{other}"),
            office_body("Мой теперь", vec![]),
        ),
        (
            "add a topic to another office",
            format!("/api/v1/offices/{other}/topics"),
            topic_body("S", "Справки"),
        ),
    ] {
        let method = if what.starts_with("add") {
            Method::POST
        } else {
            Method::PUT
        };
        let (status, body) = app.request(method, &path, Some(head), Some(body)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{what}: {body}");
    }
    // What a head may do: their office's hours and their agents.
    let (status, body) = put(
        &app,
        &format!("/api/v1/offices/{office}"),
        head,
        office_body("Тестовый офис", vec![]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = put(
        &app,
        &format!("/api/v1/staff/{agent}"),
        head,
        json!({"name": "Новичок Иванов", "active": false}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, staff) = app.get("/api/v1/staff", Some(head)).await;
    assert_eq!(status, StatusCode::OK, "{staff}");
    assert!(
        staff
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["offices"].as_array().unwrap().contains(&json!(office.0)))
    );

    // An agent administers nothing.
    let agent_token = &app.agents[0].token;
    let (status, _) = app.get("/api/v1/staff", Some(agent_token)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = put(
        &app,
        &format!("/api/v1/offices/{office}"),
        agent_token,
        office_body("Мой офис", vec![]),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .get(
            &format!("/api/v1/offices/{office}/devices"),
            Some(agent_token),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The last administrator cannot switch themselves off.
    let (status, body) = put(
        &app,
        &format!("/api/v1/staff/{}", app.admin.id),
        &app.admin.token,
        json!({"active": false}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "last_admin");
    app.stop().await;
}

#[tokio::test]
async fn one_s_own_password_needs_the_current_one_and_ends_the_other_sessions() {
    let app = spawn_app().await;
    let agent = &app.agents[0];
    let login = json!({"login": "agent1", "password": PASSWORD});
    let (status, other) = app.post("/api/v1/auth/login", None, login).await;
    assert_eq!(status, StatusCode::OK, "{other}");
    let other = other["token"].as_str().unwrap().to_string();

    let wrong = json!({"current_password": "not-my-password", "new_password": "brand-new-pass"});
    let (status, body) = put(&app, "/api/v1/auth/password", &agent.token, wrong).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(error_code(&body), "wrong_password");
    let short = json!({"current_password": PASSWORD, "new_password": "short"});
    let (status, _) = put(&app, "/api/v1/auth/password", &agent.token, short).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let right = json!({"current_password": PASSWORD, "new_password": "brand-new-pass"});
    let (status, body) = put(&app, "/api/v1/auth/password", &agent.token, right).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = app.get("/api/v1/auth/me", Some(&agent.token)).await;
    assert_eq!(status, StatusCode::OK, "this session stays");
    let (status, _) = app.get("/api/v1/auth/me", Some(&other)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the other session ended");
    let (status, _) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"login": "agent1", "password": "brand-new-pass"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let entries = audit(&app, "?action=password_changed", &app.admin.token).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["actor_id"], agent.id.0);
    app.stop().await;
}

#[tokio::test]
async fn on_a_holiday_the_kiosk_is_refused_with_the_next_opening() {
    let app = spawn_app().await;
    let office = app.office;
    // Today (Friday 2026-11-20 in Moscow) and Saturday are holidays.
    let closed = |date: &str| SpecialDay {
        date: date.parse().unwrap(),
        hours: None,
        note: "Праздник".into(),
    };
    let (status, body) = put(
        &app,
        &format!("/api/v1/offices/{office}"),
        &app.admin.token,
        office_body(
            "Тестовый офис",
            vec![closed("2026-11-20"), closed("2026-11-21")],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .post(
            &format!("/api/v1/offices/{office}/tickets"),
            Some(&app.kiosk),
            json!({"topic_id": app.topics[0]}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "outside_hours");
    // Sunday 00:00 in Moscow.
    assert_eq!(body["error"]["next_opening"], "2026-11-21T21:00:00Z");

    // The same date twice, or hours that make no sense, are refused whole.
    let (status, body) = put(
        &app,
        &format!("/api/v1/offices/{office}"),
        &app.admin.token,
        office_body(
            "Тестовый офис",
            vec![closed("2026-12-01"), closed("2026-12-01")],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let backwards = SpecialDay {
        date: "2026-12-02".parse().unwrap(),
        hours: Some(DayHours::new((14, 0), (9, 0))),
        note: String::new(),
    };
    let (status, _) = put(
        &app,
        &format!("/api/v1/offices/{office}"),
        &app.admin.token,
        office_body("Тестовый офис", vec![backwards]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, snapshot) = app
        .get(
            &format!("/api/v1/offices/{office}/snapshot"),
            Some(&app.admin.token),
        )
        .await;
    assert_eq!(
        snapshot["office"]["schedule"]["special_days"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "nothing half-saved"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_open_window_cannot_be_deactivated_and_a_deactivated_one_cannot_be_opened() {
    let app = spawn_app().await;
    let window = app.windows[1];
    let agent = &app.agents[1].token;
    let (status, _) = app.window_action(window, "open", agent).await;
    assert_eq!(status, StatusCode::OK);
    let body = json!({"label": "2", "topics": [app.topics[0]], "active": false});
    let path = format!("/api/v1/windows/{window}");
    let (status, refused) = put(&app, &path, &app.admin.token, body.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert_eq!(error_code(&refused), "window_open");
    let (status, _) = app.window_action(window, "close", agent).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = put(&app, &path, &app.admin.token, body).await;
    assert_eq!(status, StatusCode::OK);
    let (status, refused) = app.window_action(window, "open", agent).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert_eq!(error_code(&refused), "window_inactive");
    app.stop().await;
}

async fn devices(app: &TestApp) -> Vec<Value> {
    let (status, body) = app
        .get(
            &format!("/api/v1/offices/{}/devices", app.office),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().unwrap().clone()
}

async fn kiosk_id(app: &TestApp) -> i64 {
    devices(app)
        .await
        .iter()
        .find(|d| d["kind"] == "kiosk")
        .and_then(|d| d["id"].as_i64())
        .expect("the kiosk")
}

async fn alert_ids(app: &TestApp) -> Vec<String> {
    let snapshot = app.snapshot().await;
    snapshot["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

/// Waits (up to five seconds) for the server's ticker to bring `wanted` about.
async fn until_alerts(app: &TestApp, what: &str, wanted: impl Fn(&[String]) -> bool) {
    for _ in 0..250 {
        if wanted(&alert_ids(app).await) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{what}: alerts are {:?}", alert_ids(app).await);
}

#[tokio::test]
async fn a_kiosk_out_of_contact_raises_the_device_alert_and_clears_it_on_return() {
    let app = spawn_app().await;
    app.devices_offline_after(3).await;
    let kiosk = kiosk_id(&app).await;
    let key = format!("device_offline:{kiosk}");
    let topics = format!("/api/v1/offices/{}/topics", app.office);
    let (status, _) = app.get(&topics, Some(&app.kiosk)).await;
    assert_eq!(status, StatusCode::OK);
    let kiosk_row = |devices: &[Value]| devices.iter().find(|d| d["id"] == kiosk).cloned().unwrap();
    assert_eq!(kiosk_row(&devices(&app).await)["online"], true);

    // Two minutes of silence are within the office's three.
    app.advance_minutes(2);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!alert_ids(&app).await.contains(&key));
    // Past three: the alert, and the device shows offline since its last contact.
    app.advance_minutes(2);
    until_alerts(&app, "the kiosk went offline", |ids| ids.contains(&key)).await;
    let row = kiosk_row(&devices(&app).await);
    assert_eq!(row["online"], false, "{row}");
    assert_eq!(row["last_seen"], "2026-11-20T07:00:00Z", "{row}");

    // It is back: the alert clears.
    let (status, _) = app.get(&topics, Some(&app.kiosk)).await;
    assert_eq!(status, StatusCode::OK);
    until_alerts(&app, "the kiosk is back", |ids| !ids.contains(&key)).await;
    let row = kiosk_row(&devices(&app).await);
    assert_eq!(row["online"], true, "{row}");
    assert_eq!(row["last_seen"], "2026-11-20T07:04:00Z", "{row}");
    app.stop().await;
}

#[tokio::test]
async fn a_display_with_its_live_socket_open_stays_online() {
    let app = spawn_app().await;
    app.devices_offline_after(3).await;
    let mut live = app.live(&app.display, None).await;
    live.next_snapshot().await;
    let display = devices(&app)
        .await
        .iter()
        .find(|d| d["kind"] == "display")
        .and_then(|d| d["id"].as_i64())
        .unwrap();
    app.advance_minutes(10);
    // A few device checks later, still no alert for the display, though the kiosk (no
    // contact at all) has one.
    let kiosk = kiosk_id(&app).await;
    until_alerts(&app, "the silent kiosk", |ids| {
        ids.contains(&format!("device_offline:{kiosk}"))
    })
    .await;
    assert!(
        !alert_ids(&app)
            .await
            .contains(&format!("device_offline:{display}"))
    );
    app.stop().await;
}

#[tokio::test]
async fn a_fault_reported_by_a_kiosk_is_an_alert_until_it_reports_it_over() {
    let app = spawn_app().await;
    let kiosk = kiosk_id(&app).await;
    let (status, _) = app
        .post(
            "/api/v1/devices/me/faults",
            Some(&app.kiosk),
            json!({"kind": "printer", "message": "нет бумаги"}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let key = format!("device_fault:{kiosk}:printer");
    assert!(alert_ids(&app).await.contains(&key));
    let row = devices(&app)
        .await
        .into_iter()
        .find(|d| d["id"] == kiosk)
        .unwrap();
    assert_eq!(row["faults"][0]["kind"], "printer", "{row}");
    assert_eq!(row["faults"][0]["message"], "нет бумаги", "{row}");

    let (status, _) = app
        .request(
            Method::DELETE,
            "/api/v1/devices/me/faults/printer",
            Some(&app.kiosk),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(!alert_ids(&app).await.contains(&key));
    app.stop().await;
}
