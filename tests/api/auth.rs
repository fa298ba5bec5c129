//! Every mutating endpoint refuses a missing or wrong-role token, and a refusal changes
//! nothing. Sessions end on logout and on deactivation, device tokens on revocation, and
//! staff of one office cannot act in another.

use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use talon_protocol::api::{OfficeInput, Role};
use talon_protocol::{DayHours, OfficeSettings, WeekSchedule};
use talon_server::credentials::{self, DEVICE_PREFIX, SESSION_PREFIX};

/// One state-changing endpoint with a valid body.
struct Endpoint {
    name: &'static str,
    method: Method,
    path: String,
    body: Option<Value>,
    /// Callers that must get 403 "forbidden", and who they are.
    refused: Vec<(&'static str, String)>,
    /// Who may do it and what they get: proves the body is valid, so the refusals above
    /// are about the caller and nothing else.
    allowed: Option<(String, StatusCode)>,
}

fn endpoint(name: &'static str, method: Method, path: String, body: Option<Value>) -> Endpoint {
    Endpoint {
        name,
        method,
        path,
        body,
        refused: Vec::new(),
        allowed: None,
    }
}

impl Endpoint {
    fn refuse(mut self, callers: &[(&'static str, &str)]) -> Self {
        self.refused = callers
            .iter()
            .map(|(who, token)| (*who, token.to_string()))
            .collect();
        self
    }

    fn allow(mut self, token: &str, status: StatusCode) -> Self {
        self.allowed = Some((token.to_string(), status));
        self
    }
}

/// Sends `endpoint` with the raw Authorization header value, or none.
async fn send(
    app: &TestApp,
    endpoint: &Endpoint,
    authorization: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = app.http.request(
        endpoint.method.clone(),
        format!("{}{}", app.base, endpoint.path),
    );
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    if let Some(body) = &endpoint.body {
        request = request.json(body);
    }
    let response = request.send().await.expect("request sent");
    let status = response.status();
    let text = response.text().await.expect("body");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

/// Whether a concrete path fits an OpenAPI path template ("/windows/{window}/open").
fn fits(template: &str, path: &str) -> bool {
    let (template, path): (Vec<_>, Vec<_>) =
        (template.split('/').collect(), path.split('/').collect());
    template.len() == path.len()
        && template
            .iter()
            .zip(&path)
            .all(|(t, p)| t == p || (t.starts_with('{') && t.ends_with('}')))
}

/// The state-changing routes that are public on purpose: sign-in, and what a visitor
/// does with the ticket in their hand (its code is the credential; rate limited per
/// address).
const PUBLIC_MUTATIONS: [(&str, &str); 9] = [
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/public/tickets/{code}/leave"),
    ("POST", "/api/v1/public/tickets/{code}/feedback"),
    ("POST", "/api/v1/offices/{office}/bookings"),
    ("DELETE", "/api/v1/public/bookings/{code}"),
    ("POST", "/api/v1/public/bookings/{code}/move"),
    // The booking pages' forms (tests/web/booking.rs drives them).
    ("POST", "/book/{office}"),
    ("POST", "/b/{code}/cancel"),
    ("POST", "/b/{code}/move"),
];

/// Every state-changing operation of the OpenAPI document but the public ones.
async fn documented_mutations(app: &TestApp) -> std::collections::BTreeSet<(String, String)> {
    let (_, document) = app.get("/api/v1/openapi.json", None).await;
    let mut operations = std::collections::BTreeSet::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in item.as_object().unwrap().keys() {
            let public = PUBLIC_MUTATIONS
                .iter()
                .any(|(m, p)| m.eq_ignore_ascii_case(method) && p == path);
            if method != "get" && !public {
                operations.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    operations
}

#[tokio::test]
async fn the_public_mutating_routes_are_public_on_purpose_and_only_those() {
    let app = spawn_app().await;
    let (_, document) = app.get("/api/v1/openapi.json", None).await;
    for (method, path) in PUBLIC_MUTATIONS {
        let operation = &document["paths"][path][method.to_lowercase()];
        assert!(operation.is_object(), "{method} {path} is documented");
        let secured = operation["security"]
            .as_array()
            .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        assert!(!secured, "{method} {path} needs no token");
        assert!(
            operation["responses"].get("429").is_some(),
            "{method} {path} is rate limited"
        );
    }
    // No other route under /public/ or the pages changes anything.
    for (path, item) in document["paths"].as_object().unwrap() {
        if path.starts_with("/api/v1/public/") || path.starts_with("/t/") || path.starts_with("/o/")
        {
            for method in item.as_object().unwrap().keys() {
                let listed = PUBLIC_MUTATIONS
                    .iter()
                    .any(|(m, p)| m.eq_ignore_ascii_case(method) && p == path);
                assert!(
                    method == "get" || listed,
                    "{method} {path} is not listed as public"
                );
            }
        }
    }
    // Without a token they answer for the ticket, booking or office (here: none such),
    // not 401.
    let start = "2026-11-20T09:00:00Z";
    for (method, path) in PUBLIC_MUTATIONS[1..]
        .iter()
        .filter(|(_, p)| p.starts_with("/api/"))
    {
        let path = path
            .replace("{code}", "NOSUCHCODE1")
            .replace("{office}", "999999");
        let body = match *method {
            "DELETE" => None,
            _ if path.ends_with("/move") => Some(json!({ "start": start })),
            _ if path.ends_with("/bookings") => Some(json!({"topic_id": 1, "start": start})),
            _ => Some(json!({"rating": 5})),
        };
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let (status, body) = app.request(method, &path, None, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
    }
    app.stop().await;
}

fn assert_error(what: &str, (status, body): &(StatusCode, Value), want: StatusCode, code: &str) {
    assert_eq!(*status, want, "{what}: {body}");
    assert_eq!(error_code(body), code, "{what}: {body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.trim().is_empty(), "{what}: no message in {body}");
}

/// What a refused request must leave as it was: the office's live state (without the
/// clock reading) and what only the admin lists show.
async fn observable_state(app: &TestApp) -> Value {
    let mut snapshot = app.snapshot().await;
    let fields = snapshot.as_object_mut().expect("snapshot object");
    fields.remove("now");
    // The forecast's figures follow the ticker's refresh, not the requests.
    for load in fields["load"].as_array_mut().expect("the load") {
        let load = load.as_object_mut().expect("a topic's load");
        load.remove("estimated_wait_ms");
        load.remove("wait_range");
    }
    let admin = Some(app.admin.token.as_str());
    let mut lists = Vec::new();
    for path in [
        "/api/v1/offices".to_string(),
        "/api/v1/staff".to_string(),
        "/api/v1/regions".to_string(),
        "/api/v1/notify/targets".to_string(),
        format!("/api/v1/offices/{}/devices", app.office),
    ] {
        let (status, mut body) = app.get(&path, admin).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        // A device's contact is not a change: any request with its token, refused or
        // not, counts as the device being there.
        for device in body.as_array_mut().into_iter().flatten() {
            if let Some(device) = device.as_object_mut() {
                device.remove("last_seen");
                device.remove("online");
            }
        }
        lists.push(body);
    }
    json!({ "snapshot": snapshot, "lists": lists })
}

fn office_input(name: &str) -> Value {
    serde_json::to_value(OfficeInput {
        name: name.into(),
        time_zone: chrono_tz::Europe::Moscow.into(),
        schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
        settings: OfficeSettings {
            issuing_stops_before_close_min: 0,
            ..OfficeSettings::default()
        },
        region_id: None,
    })
    .expect("office input")
}

async fn device_id(app: &TestApp, kind: &str) -> i64 {
    let (status, devices) = app
        .get(
            &format!("/api/v1/offices/{}/devices", app.office),
            Some(&app.admin.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{devices}");
    devices
        .as_array()
        .expect("devices")
        .iter()
        .find(|d| d["kind"] == kind && d["revoked"] == false)
        .and_then(|d| d["id"].as_i64())
        .unwrap_or_else(|| panic!("no {kind} in {devices}"))
}

async fn login(app: &TestApp, login: &str, password: &str) -> (StatusCode, Value) {
    app.post(
        "/api/v1/auth/login",
        None,
        json!({"login": login, "password": password}),
    )
    .await
}

#[tokio::test]
async fn every_mutating_endpoint_refuses_a_missing_or_wrong_token_and_changes_nothing() {
    let app = spawn_app().await;
    let office = app.office;
    let [a, b, c] = [app.topics[0], app.topics[1], app.topics[2]];
    let [w1, w2, w3] = [app.windows[0], app.windows[1], app.windows[2]];
    let admin = app.admin.token.as_str();
    let head = app.head.token.as_str();
    let agent1 = app.agents[0].token.as_str();
    let agent2 = app.agents[1].token.as_str();
    let agent3 = app.agents[2].token.as_str();
    let kiosk = app.kiosk.as_str();
    let display = app.display.as_str();

    // A called ticket at agent1's window 1, and two waiting ones (A and B).
    let (status, body) = app.window_action(w1, "open", agent1).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let called = ticket_id(&app.issue(a).await);
    let (status, body) = app.window_action(w1, "call-next", agent1).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["id"], called.as_str());
    let waiting_a = ticket_id(&app.issue(a).await);
    let waiting_b = ticket_id(&app.issue(b).await);
    let display_id = device_id(&app, "display").await;
    // A booking of topic B whose check-in is open now, for the check-in route.
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/topics/{b}"),
            Some(head),
            Some(json!({
                "prefix": "B",
                "name_ru": "Договоры",
                "name_en": "Contracts",
                "norms": {
                    "wait": {"minutes": 10, "kind": "hard_max"},
                    "service": {"minutes": 15, "kind": "average"},
                    "total": {"minutes": 30, "kind": "average"}
                },
                "display_order": 1,
                "booking": {"bookable": true, "lead_min": 0, "check_in_before_min": 240}
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let today = (app.clock_now() + chrono::Duration::hours(3)).date_naive();
    let (_, slots) = app
        .get(
            &format!("/api/v1/offices/{office}/slots?topic={b}&from={today}&to={today}"),
            None,
        )
        .await;
    let (status, booking) = app
        .post(
            &format!("/api/v1/offices/{office}/bookings"),
            None,
            json!({"topic_id": b.0, "start": slots[1]["start"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{booking}");
    let booking_code = booking["code"].as_str().unwrap().to_string();

    let not_admin = [
        ("an agent", agent1),
        ("an office head", head),
        ("a kiosk", kiosk),
        ("a display", display),
    ];
    let not_head = [
        ("an agent", agent1),
        ("a kiosk", kiosk),
        ("a display", display),
    ];
    let devices = [("a kiosk", kiosk), ("a display", display)];
    let not_at_their_window = [
        ("a kiosk", kiosk),
        ("a display", display),
        ("an agent whose window it is not", agent3),
    ];
    let ticket = |id: &str, action: &str| format!("/api/v1/tickets/{id}/{action}");
    let window = |id, action: &str| format!("/api/v1/windows/{id}/{action}");
    use Method as M;
    use StatusCode as S;

    // In an order in which each allowed caller succeeds, one after the other.
    let endpoints: Vec<Endpoint> = vec![
        endpoint(
            "create a region",
            M::POST,
            "/api/v1/regions".into(),
            Some(json!({"name": "Калининградское отделение"})),
        )
        .refuse(&not_admin)
        .allow(admin, S::CREATED),
        endpoint(
            "rename a region",
            M::PUT,
            "/api/v1/regions/1".into(),
            Some(json!({"name": "Западное отделение"})),
        )
        .refuse(&not_admin)
        .allow(admin, S::OK),
        endpoint(
            "create an office",
            M::POST,
            "/api/v1/offices".into(),
            Some(office_input("Второй офис")),
        )
        .refuse(&not_admin)
        .allow(admin, S::CREATED),
        endpoint(
            "update an office",
            M::PUT,
            format!("/api/v1/offices/{office}"),
            Some(office_input("Тестовый офис, 2 этаж")),
        )
        .refuse(&not_head)
        .allow(head, S::OK),
        endpoint(
            "create a topic",
            M::POST,
            format!("/api/v1/offices/{office}/topics"),
            Some(json!({"prefix": "D", "name_ru": "Справки", "name_en": "Certificates"})),
        )
        .refuse(&not_head)
        .allow(head, S::CREATED),
        endpoint(
            "update a topic",
            M::PUT,
            format!("/api/v1/topics/{c}"),
            Some(json!({
                "prefix": "C",
                "name_ru": "Юридические лица и ИП",
                "norms": {
                    "wait": {"minutes": 5, "kind": "hard_max"},
                    "service": {"minutes": 10, "kind": "average"},
                    "total": {"minutes": 30, "kind": "average"}
                },
                "display_order": 2
            })),
        )
        .refuse(&not_head)
        .allow(head, S::OK),
        endpoint(
            "create a window",
            M::POST,
            format!("/api/v1/offices/{office}/windows"),
            Some(json!({"label": "4", "topics": [c]})),
        )
        .refuse(&not_head)
        .allow(head, S::CREATED),
        endpoint(
            "update a window",
            M::PUT,
            format!("/api/v1/windows/{w3}"),
            Some(json!({"label": "3а", "topics": [b, c]})),
        )
        .refuse(&not_head)
        .allow(head, S::OK),
        endpoint(
            "set a window's topics",
            M::PUT,
            window(w3, "topics"),
            Some(json!({"topics": [c, b]})),
        )
        .refuse(&not_head)
        .allow(head, S::OK),
        endpoint(
            "create staff",
            M::POST,
            "/api/v1/staff".into(),
            Some(json!({
                "login": "newcomer",
                "name": "Новый сотрудник",
                "password": "a-long-password",
                "role": "agent",
                "offices": [office]
            })),
        )
        .refuse(&not_head)
        .allow(head, S::CREATED),
        endpoint(
            "update staff",
            M::PUT,
            format!("/api/v1/staff/{}", app.agents[2].id),
            Some(json!({"name": "Сотрудник agent3 (стажёр)"})),
        )
        .refuse(&not_head)
        .allow(head, S::OK),
        endpoint(
            "register a device",
            M::POST,
            format!("/api/v1/offices/{office}/devices"),
            Some(json!({"kind": "kiosk", "name": "Киоск у входа"})),
        )
        .refuse(&not_head)
        .allow(head, S::CREATED),
        endpoint(
            "revoke a device",
            M::DELETE,
            format!("/api/v1/devices/{display_id}"),
            None,
        )
        .refuse(&not_head)
        .allow(head, S::NO_CONTENT),
        endpoint(
            "issue a ticket",
            M::POST,
            format!("/api/v1/offices/{office}/tickets"),
            Some(json!({"topic_id": c})),
        )
        .refuse(&[("a display", display)])
        .allow(kiosk, S::CREATED),
        endpoint(
            "check a booked visitor in",
            M::POST,
            format!("/api/v1/offices/{office}/check-in"),
            Some(json!({ "code": booking_code })),
        )
        .refuse(&[("a display", display)])
        .allow(kiosk, S::CREATED),
        endpoint(
            "add a notification target",
            M::POST,
            "/api/v1/notify/targets".into(),
            Some(json!({"office_id": office, "kind": "email", "address": "head@example.ru"})),
        )
        .refuse(&not_head)
        .allow(head, S::CREATED),
        endpoint(
            "stop a notification target",
            M::DELETE,
            "/api/v1/notify/targets/1".into(),
            None,
        )
        .refuse(&not_head)
        .allow(head, S::NO_CONTENT),
        // No alert stands here: the allowed caller passes the checks of who they are and
        // is told that there is none.
        endpoint(
            "take an alert on",
            M::POST,
            format!("/api/v1/offices/{office}/alerts/long_queue:99/acknowledge"),
            Some(json!({"comment": "Открываю окно"})),
        )
        .refuse(&not_head)
        .allow(head, S::NOT_FOUND),
        // Changes nothing: the heads of the office may ask.
        endpoint(
            "run a planned day",
            M::POST,
            format!("/api/v1/offices/{office}/what-if"),
            Some(json!({"day": "2026-11-27", "hours": [{"hour": 10, "windows": [[1]]}]})),
        )
        .refuse(&not_head)
        .allow(head, S::OK),
        endpoint(
            "set reception hours",
            M::PUT,
            format!("/api/v1/offices/{office}/receptions/{}", app.head.id),
            Some(json!({
                "title_ru": "Приём начальника офиса",
                "topic_id": c.0,
                "hours": {"tue": {"open": "14:00:00", "close": "16:00:00"}},
                "booking": {"bookable": true}
            })),
        )
        .refuse(&not_head)
        .allow(head, S::OK),
        endpoint("open a window", M::POST, window(w2, "open"), None)
            .refuse(&devices)
            .allow(agent2, S::OK),
        endpoint(
            "pause a window",
            M::POST,
            window(w2, "pause"),
            Some(json!({"reason": "Технический перерыв"})),
        )
        .refuse(&not_at_their_window)
        .allow(agent2, S::OK),
        endpoint("resume a window", M::POST, window(w2, "resume"), None)
            .refuse(&not_at_their_window)
            .allow(agent2, S::OK),
        endpoint(
            "call the next ticket",
            M::POST,
            window(w2, "call-next"),
            None,
        )
        .refuse(&not_at_their_window)
        .allow(agent2, S::OK),
        endpoint("recall", M::POST, ticket(&called, "recall"), None)
            .refuse(&not_at_their_window)
            .allow(agent1, S::OK),
        endpoint("start", M::POST, ticket(&called, "start"), None)
            .refuse(&not_at_their_window)
            .allow(agent1, S::OK),
        endpoint(
            "finish",
            M::POST,
            ticket(&called, "finish"),
            Some(json!({"outcome": {"kind": "resolved"}, "topics_count": 1})),
        )
        .refuse(&not_at_their_window)
        .allow(agent1, S::OK),
        // Window 2 called the waiting A ticket above.
        endpoint("no-show", M::POST, ticket(&waiting_a, "no-show"), None)
            .refuse(&not_at_their_window)
            .allow(agent2, S::OK),
        endpoint(
            "transfer",
            M::POST,
            ticket(&waiting_b, "transfer"),
            Some(json!({"topic_id": c, "place": "back"})),
        )
        .refuse(&not_at_their_window)
        .allow(head, S::OK),
        endpoint(
            "postpone",
            M::POST,
            ticket(&waiting_b, "postpone"),
            Some(json!({"minutes": 5})),
        )
        .refuse(&not_at_their_window)
        .allow(head, S::OK),
        endpoint(
            "cancel",
            M::POST,
            ticket(&waiting_b, "cancel"),
            Some(json!({"reason": "ушёл"})),
        )
        .refuse(&not_at_their_window)
        .allow(head, S::OK),
        endpoint("close a window", M::POST, window(w2, "close"), None)
            .refuse(&not_at_their_window)
            .allow(agent2, S::OK),
        // Signing out needs a session; a device signing out is a harmless no-op.
        endpoint(
            "report a device fault",
            M::POST,
            "/api/v1/devices/me/faults".into(),
            Some(json!({"kind": "printer", "message": "нет бумаги"})),
        )
        .refuse(&[
            ("an agent", agent1),
            ("an office head", head),
            ("an admin", admin),
        ])
        .allow(kiosk, S::NO_CONTENT),
        endpoint(
            "report a device fault over",
            M::DELETE,
            "/api/v1/devices/me/faults/printer".into(),
            None,
        )
        .refuse(&[
            ("an agent", agent1),
            ("an office head", head),
            ("an admin", admin),
        ])
        .allow(kiosk, S::NO_CONTENT),
        endpoint(
            "change one's own password",
            M::PUT,
            "/api/v1/auth/password".into(),
            Some(json!({"current_password": PASSWORD, "new_password": "another-long-password"})),
        )
        .refuse(&devices)
        .allow(agent1, S::NO_CONTENT),
        endpoint("log out", M::POST, "/api/v1/auth/logout".into(), None),
    ];

    let before = observable_state(&app).await;
    let unknown_session = credentials::new_token(SESSION_PREFIX);
    let unknown_device = credentials::new_token(DEVICE_PREFIX);
    // The list above is every state-changing route of the API: a new route without a
    // line here fails this test.
    let documented = documented_mutations(&app).await;
    let covered: std::collections::BTreeSet<(String, String)> = documented
        .iter()
        .filter(|(method, template)| {
            endpoints
                .iter()
                .any(|e| e.method.as_str() == method && fits(template, &e.path))
        })
        .cloned()
        .collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "mutating routes without an auth check here: {missing:?}"
    );

    for e in &endpoints {
        let what = |who: &str| format!("{} {} ({}) by {who}", e.method, e.path, e.name);
        assert_error(
            &what("nobody"),
            &send(&app, e, None).await,
            S::UNAUTHORIZED,
            "unauthorized",
        );
        assert_error(
            &what("another scheme"),
            &send(&app, e, Some(&format!("Basic {admin}"))).await,
            S::UNAUTHORIZED,
            "unauthorized",
        );
        for garbage in [
            "garbage".to_string(),
            unknown_session.clone(),
            unknown_device.clone(),
        ] {
            assert_error(
                &what(&format!("the token {garbage}")),
                &send(&app, e, Some(&format!("Bearer {garbage}"))).await,
                S::UNAUTHORIZED,
                "invalid_token",
            );
        }
        for (who, token) in &e.refused {
            assert_error(
                &what(who),
                &send(&app, e, Some(&format!("Bearer {token}"))).await,
                S::FORBIDDEN,
                "forbidden",
            );
        }
    }
    assert_eq!(
        observable_state(&app).await,
        before,
        "the refused requests changed nothing"
    );

    // The same requests from those allowed succeed: the bodies were valid.
    for e in &endpoints {
        if let Some((token, want)) = &e.allowed {
            let (status, body) = send(&app, e, Some(&format!("Bearer {token}"))).await;
            assert_eq!(
                status, *want,
                "{} {} ({}): {body}",
                e.method, e.path, e.name
            );
        }
    }
    let after = app.snapshot().await;
    assert!(after["seq"].as_u64() > before["snapshot"]["seq"].as_u64());
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_password_is_told_exactly_like_an_unknown_login() {
    let app = spawn_app().await;
    let wrong_password = login(&app, "agent1", "not-the-password").await;
    assert_error(
        "wrong password",
        &wrong_password,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    );
    let unknown = login(&app, "no-such-login", PASSWORD).await;
    assert_error(
        "unknown login",
        &unknown,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    );
    assert_eq!(
        wrong_password.1, unknown.1,
        "the answer does not tell which logins exist"
    );
    assert!(wrong_password.1.get("token").is_none());
    // The right password still works.
    let (status, body) = login(&app, "agent1", PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["id"], app.agents[0].id.0);
    app.stop().await;
}

#[tokio::test]
async fn logout_revokes_that_token_only() {
    let app = spawn_app().await;
    let first = app.add_staff("twice", Role::Agent).await;
    let (status, body) = login(&app, "twice", PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let second = body["token"].as_str().expect("token").to_string();
    let (status, me) = app.get("/api/v1/auth/me", Some(&first.token)).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["login"], "twice");

    let (status, body) = app
        .post("/api/v1/auth/logout", Some(&first.token), json!({}))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    let before = observable_state(&app).await;
    assert_error(
        "me after logout",
        &app.get("/api/v1/auth/me", Some(&first.token)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    assert_error(
        "open a window after logout",
        &app.window_action(app.windows[1], "open", &first.token)
            .await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    assert_error(
        "log out twice",
        &app.post("/api/v1/auth/logout", Some(&first.token), json!({}))
            .await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    assert_eq!(observable_state(&app).await, before);

    // The other session of the same person goes on.
    let (status, me) = app.get("/api/v1/auth/me", Some(&second)).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["id"], first.id.0);
    app.stop().await;
}

#[tokio::test]
async fn staff_and_devices_of_another_office_are_refused_here() {
    let app = spawn_app().await;
    let admin = Some(app.admin.token.as_str());
    let (status, other) = app
        .post("/api/v1/offices", admin, office_input("Другой офис"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{other}");
    let other_office = other["id"].as_i64().expect("office id");
    for (login_name, role) in [("other-agent", "agent"), ("other-head", "head")] {
        let (status, body) = app
            .post(
                "/api/v1/staff",
                admin,
                json!({
                    "login": login_name,
                    "name": login_name,
                    "password": PASSWORD,
                    "role": role,
                    "offices": [other_office]
                }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let other_agent = login(&app, "other-agent", PASSWORD).await.1["token"]
        .as_str()
        .expect("token")
        .to_string();
    let other_head = login(&app, "other-head", PASSWORD).await.1["token"]
        .as_str()
        .expect("token")
        .to_string();
    let (status, body) = app
        .post(
            &format!("/api/v1/offices/{other_office}/devices"),
            admin,
            json!({"kind": "kiosk"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let other_kiosk = body["token"].as_str().expect("token").to_string();

    // Our office has a waiting ticket.
    let waiting = ticket_id(&app.issue(app.topics[0]).await);
    let office = app.office;
    let w1 = app.windows[0];
    let before = observable_state(&app).await;

    let forbidden = |what: &str, response: (StatusCode, Value)| {
        assert_error(what, &response, StatusCode::FORBIDDEN, "forbidden");
    };
    let issue = json!({"topic_id": app.topics[0]});
    let tickets = format!("/api/v1/offices/{office}/tickets");
    forbidden(
        "other agent opens our window",
        app.window_action(w1, "open", &other_agent).await,
    );
    forbidden(
        "other agent calls at our window",
        app.window_action(w1, "call-next", &other_agent).await,
    );
    forbidden(
        "other agent issues here",
        app.post(&tickets, Some(&other_agent), issue.clone()).await,
    );
    forbidden(
        "other head cancels our ticket",
        app.ticket_action(&waiting, "cancel", &other_head, json!({}))
            .await,
    );
    forbidden(
        "other head adds a topic here",
        app.post(
            &format!("/api/v1/offices/{office}/topics"),
            Some(&other_head),
            json!({"prefix": "D", "name_ru": "Справки"}),
        )
        .await,
    );
    forbidden(
        "other head re-configures our window",
        app.request(
            Method::PUT,
            &format!("/api/v1/windows/{w1}/topics"),
            Some(&other_head),
            Some(json!({"topics": [app.topics[2]]})),
        )
        .await,
    );
    forbidden(
        "other kiosk issues here",
        app.post(&tickets, Some(&other_kiosk), issue.clone()).await,
    );
    // Nor may they look.
    for token in [&other_agent, &other_head, &other_kiosk] {
        forbidden(
            "snapshot of another office",
            app.get(&format!("/api/v1/offices/{office}/snapshot"), Some(token))
                .await,
        );
    }
    forbidden(
        "other head reads our statistics",
        app.get(
            &format!("/api/v1/offices/{office}/stats?from=2026-11-20&to=2026-11-20"),
            Some(&other_head),
        )
        .await,
    );
    forbidden(
        "other agent reads our ticket",
        app.get(&format!("/api/v1/tickets/{waiting}"), Some(&other_agent))
            .await,
    );
    assert_eq!(observable_state(&app).await, before, "nothing changed");

    // They see only their own office.
    let (status, offices) = app.get("/api/v1/offices", Some(&other_agent)).await;
    assert_eq!(status, StatusCode::OK, "{offices}");
    let ids: Vec<i64> = offices
        .as_array()
        .expect("offices")
        .iter()
        .filter_map(|o| o["id"].as_i64())
        .collect();
    assert_eq!(ids, [other_office]);
    app.stop().await;
}

#[tokio::test]
async fn a_revoked_device_token_is_refused() {
    let app = spawn_app().await;
    let admin = Some(app.admin.token.as_str());
    let (status, created) = app
        .post(
            &format!("/api/v1/offices/{}/devices", app.office),
            admin,
            json!({"kind": "kiosk", "name": "Киоск у входа"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let token = created["token"].as_str().expect("token").to_string();
    let id = created["device"]["id"].as_i64().expect("device id");
    let tickets = format!("/api/v1/offices/{}/tickets", app.office);
    let issue = json!({"topic_id": app.topics[0]});
    let (status, body) = app.post(&tickets, Some(&token), issue.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "the new kiosk works: {body}");

    let (status, body) = app
        .request(
            Method::DELETE,
            &format!("/api/v1/devices/{id}"),
            admin,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let display_id = device_id(&app, "display").await;
    let (status, body) = app
        .request(
            Method::DELETE,
            &format!("/api/v1/devices/{display_id}"),
            admin,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    let before = observable_state(&app).await;
    assert_error(
        "a revoked kiosk issues",
        &app.post(&tickets, Some(&token), issue.clone()).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    assert_error(
        "a revoked display reads the snapshot",
        &app.get(
            &format!("/api/v1/offices/{}/snapshot", app.office),
            Some(&app.display),
        )
        .await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    assert_eq!(observable_state(&app).await, before, "nothing changed");

    let (_, devices) = app
        .get(&format!("/api/v1/offices/{}/devices", app.office), admin)
        .await;
    let revoked = devices
        .as_array()
        .expect("devices")
        .iter()
        .find(|d| d["id"] == id)
        .expect("the device is still listed");
    assert_eq!(revoked["revoked"], true);
    // The other kiosk is unaffected.
    app.issue(app.topics[0]).await;
    app.stop().await;
}

#[tokio::test]
async fn a_deactivated_member_of_staff_loses_their_session() {
    let app = spawn_app().await;
    let admin = Some(app.admin.token.as_str());
    let leaving = app.add_staff("leaving", Role::Agent).await;
    let path = format!("/api/v1/staff/{}", leaving.id);
    let (status, me) = app.get("/api/v1/auth/me", Some(&leaving.token)).await;
    assert_eq!(status, StatusCode::OK, "{me}");

    let (status, user) = app
        .request(Method::PUT, &path, admin, Some(json!({"active": false})))
        .await;
    assert_eq!(status, StatusCode::OK, "{user}");
    assert_eq!(user["active"], false);

    let before = observable_state(&app).await;
    assert_error(
        "me after deactivation",
        &app.get("/api/v1/auth/me", Some(&leaving.token)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    assert_error(
        "open a window after deactivation",
        &app.window_action(app.windows[1], "open", &leaving.token)
            .await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    // Signing in again is refused with the same answer as a wrong password.
    let refused = login(&app, "leaving", PASSWORD).await;
    assert_error(
        "login while deactivated",
        &refused,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    );
    assert_eq!(refused.1, login(&app, "leaving", "wrong-password").await.1);
    assert_eq!(observable_state(&app).await, before, "nothing changed");

    // Reactivated: the old session stays ended, a new sign-in works.
    let (status, user) = app
        .request(Method::PUT, &path, admin, Some(json!({"active": true})))
        .await;
    assert_eq!(status, StatusCode::OK, "{user}");
    assert_error(
        "the old token after reactivation",
        &app.get("/api/v1/auth/me", Some(&leaving.token)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    let (status, body) = login(&app, "leaving", PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let fresh = body["token"].as_str().expect("token").to_string();

    // A new password ends the sessions too.
    let (status, body) = app
        .request(
            Method::PUT,
            &path,
            admin,
            Some(json!({"password": "another-password"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_error(
        "the token after a password change",
        &app.get("/api/v1/auth/me", Some(&fresh)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    app.stop().await;
}
