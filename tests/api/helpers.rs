//! The real server (started by `talon-testkit`: port 0, a fresh database, a clock the test
//! moves) with one office of three topics, three windows and its staff, and the calls
//! the tests make.

use chrono::{DateTime, Utc};
use futures_util::{SinkExt, StreamExt};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use talon_protocol::api::{DeviceInput, DeviceKind, OfficeInput, Role};
use talon_protocol::event::LiveMessage;
use talon_protocol::{
    DayHours, Norm, Norms, OfficeId, OfficeSettings, StaffId, Topic, TopicId, WeekSchedule,
    WindowId,
};
use talon_server::clock::ManualClock;
use talon_server::credentials;
use talon_server::startup::{Server, Settings};
use talon_testkit::{ServerOptions, TestServer};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

pub const PASSWORD: &str = "password-123";

/// An RFC 3339 instant; the server's clock starts at `talon_testkit::START`.
pub fn at(s: &str) -> DateTime<Utc> {
    talon_testkit::at(s)
}

fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| credentials::hash_password(PASSWORD).expect("hash"))
}

pub struct Staff {
    pub id: StaffId,
    pub token: String,
}

pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub clock: Arc<ManualClock>,
    server: TestServer,
    pub office: OfficeId,
    /// A: readings (15/20/35), B: contracts (10/15/30), C: legal entities (5/10/30).
    pub topics: Vec<TopicId>,
    /// Window 1 serves A and B, window 2 serves A, window 3 serves B and C.
    pub windows: Vec<WindowId>,
    pub admin: Staff,
    pub head: Staff,
    pub agents: Vec<Staff>,
    pub kiosk: String,
    pub display: String,
}

/// A server with one office (Europe/Moscow, open every day 00:00–23:59), three topics,
/// three windows, an admin, a head, three agents, a kiosk and a display.
/// The test's own set-up, as the server's command line would make it.
pub fn set_up_stamp(queues: &talon_server::queues::Queues) -> talon_server::store::Stamp {
    talon_server::store::Stamp::server("test set-up", queues.now())
}

/// The test office's settings: tickets issued until closing, and devices that never
/// count as out of contact, so that a test moving the clock far sees no device alerts
/// among the events it reads (the device tests set a timeout with
/// [`TestApp::devices_offline_after`]).
pub fn test_office_settings() -> OfficeSettings {
    OfficeSettings {
        issuing_stops_before_close_min: 0,
        device_offline_after_min: 24 * 60,
        ..OfficeSettings::default()
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The same, with settings changed by `configure` (e.g. how /metrics is served).
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let options = ServerOptions {
        backend: crate::BACKEND,
        ..ServerOptions::default()
    };
    let server = TestServer::start_with(options, configure).await;
    let queues = server.queues();
    let store = queues.store();

    let stamp = set_up_stamp(queues);
    let office = store
        .create_office(
            OfficeInput {
                name: "Тестовый офис".into(),
                time_zone: chrono_tz::Europe::Moscow.into(),
                schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
                settings: test_office_settings(),
                region_id: None,
            },
            &stamp,
        )
        .await
        .expect("office");
    queues.add_office(office.id).await.expect("load office");

    let mut topics = Vec::new();
    for (order, (prefix, ru, en, wait, service, total)) in [
        ("A", "Передача показаний", "Meter readings", 15, 20, 35),
        ("B", "Договоры", "Contracts", 10, 15, 30),
        ("C", "Юридические лица", "Legal entities", 5, 10, 30),
    ]
    .into_iter()
    .enumerate()
    {
        let topic = Topic {
            id: TopicId(0),
            office_id: office.id,
            prefix: prefix.into(),
            name_ru: ru.into(),
            name_en: en.into(),
            norms: Norms {
                wait: Norm::hard_max(wait),
                service: Norm::average(service),
                total: Norm::average(total),
            },
            active: true,
            display_order: order as i32,
            booking: Default::default(),
        };
        topics.push(
            queues
                .create_topic(office.id, topic, &stamp.author)
                .await
                .expect("topic")
                .id,
        );
    }
    let mut windows = Vec::new();
    for (label, served) in [
        ("1", vec![topics[0], topics[1]]),
        ("2", vec![topics[0]]),
        ("3", vec![topics[1], topics[2]]),
    ] {
        windows.push(
            queues
                .create_window(office.id, label.into(), served, &stamp.author)
                .await
                .expect("window")
                .id,
        );
    }

    let mut app = TestApp {
        base: server.base(),
        http: reqwest::Client::new(),
        clock: server.clock.clone(),
        server,
        office: office.id,
        topics,
        windows,
        admin: Staff {
            id: StaffId(0),
            token: String::new(),
        },
        head: Staff {
            id: StaffId(0),
            token: String::new(),
        },
        agents: Vec::new(),
        kiosk: String::new(),
        display: String::new(),
    };
    app.admin = app.add_staff("admin", Role::Admin).await;
    app.head = app.add_staff("head", Role::Head).await;
    for n in 1..=3 {
        let agent = app.add_staff(&format!("agent{n}"), Role::Agent).await;
        app.agents.push(agent);
    }
    app.kiosk = app.add_device(DeviceKind::Kiosk).await;
    app.display = app.add_device(DeviceKind::Display).await;
    app
}

impl TestApp {
    /// A member of staff of the office, signed in through the real login endpoint.
    pub async fn add_staff(&self, login: &str, role: Role) -> Staff {
        let user = self
            .queues()
            .store()
            .create_staff(
                login,
                &format!("Сотрудник {login}"),
                role,
                password_hash(),
                &[self.office],
                &set_up_stamp(self.queues()),
            )
            .await
            .expect("staff");
        let (status, body) = self
            .post(
                "/api/v1/auth/login",
                None,
                json!({"login": login, "password": PASSWORD}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "login {login}: {body}");
        Staff {
            id: user.id,
            token: body["token"].as_str().expect("token").to_string(),
        }
    }

    /// Many agents quickly: the session is written straight to the store (no argon2).
    pub async fn add_agent_with_session(&self, login: &str) -> Staff {
        let store = self.queues().store();
        let user = store
            .create_staff(
                login,
                login,
                Role::Agent,
                password_hash(),
                &[self.office],
                &set_up_stamp(self.queues()),
            )
            .await
            .expect("staff");
        let token = credentials::new_token(credentials::SESSION_PREFIX);
        let now = self.clock_now().timestamp_millis();
        store
            .create_session(
                &credentials::token_hash(&token),
                user.id,
                now,
                now + 86_400_000 * 30,
            )
            .await
            .expect("session");
        Staff { id: user.id, token }
    }

    pub async fn add_device(&self, kind: DeviceKind) -> String {
        talon_server::http::register_device(
            self.queues(),
            self.office,
            DeviceInput {
                kind,
                name: String::new(),
            },
            &set_up_stamp(self.queues()).author,
        )
        .await
        .expect("device")
        .token
    }

    pub fn server(&self) -> &Server {
        self.server.server()
    }

    pub fn queues(&self) -> &talon_server::queues::Queues {
        self.server.queues()
    }

    /// The topics' load once the forecast has caught up with the office.
    pub async fn settled_load(&self) -> Vec<talon_protocol::TopicLoad> {
        self.server.settled_load(self.office).await
    }

    pub fn clock_now(&self) -> DateTime<Utc> {
        self.server.now()
    }

    /// Moves the injected clock; the server's ticker acts on it within milliseconds.
    pub fn advance_minutes(&self, minutes: i64) {
        self.clock.advance(chrono::Duration::minutes(minutes));
    }

    /// Sets how long the office's kiosk and display may be silent before their device
    /// alert (the test office's default never raises it).
    pub async fn devices_offline_after(&self, minutes: u32) {
        let queue = self.queues().office(self.office).expect("the test office");
        let mut office = queue.lock().await.office.clone();
        office.settings.device_offline_after_min = minutes;
        let body = serde_json::to_value(talon_protocol::api::OfficeInput::from(office))
            .expect("office input");
        let path = format!("/api/v1/offices/{}", self.office);
        let (status, body) = self
            .request(
                reqwest::Method::PUT,
                &path,
                Some(&self.admin.token),
                Some(body),
            )
            .await;
        assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    }

    /// Stops the server and starts a new one on the same address, database file and
    /// clock, as an operator restarting the service would.
    pub async fn restart(&mut self) {
        self.server.restart().await;
    }

    pub async fn stop(mut self) {
        self.server.stop().await;
    }

    /// The database the server runs on (other nodes may share it).
    #[allow(dead_code, reason = "only the PostgreSQL suite starts more nodes")]
    /// A temporary directory for the test's own files, removed with the server.
    pub fn files(&self) -> &std::path::Path {
        self.server.files()
    }

    pub fn database_url(&self) -> &str {
        self.server.database().url()
    }

    /// Another server node on this app's database and clock (PostgreSQL).
    #[allow(dead_code, reason = "only the PostgreSQL suite starts more nodes")]
    pub async fn start_node(&self, name: &str) -> talon_testkit::Node {
        talon_testkit::Node::start(self.database_url(), self.clock.clone(), name).await
    }

    pub async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        self.request_at(&self.base, method, path, token, body).await
    }

    /// A request to the node at `base` (this app's server or another node).
    pub async fn request_at(
        &self,
        base: &str,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self.http.request(method, format!("{base}{path}"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let text = response.text().await.expect("body");
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, value)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.request(reqwest::Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        self.request(reqwest::Method::POST, path, token, Some(body))
            .await
    }

    /// Issues a ticket from the kiosk and returns the receipt.
    pub async fn issue(&self, topic: TopicId) -> Value {
        let (status, body) = self
            .post(
                &format!("/api/v1/offices/{}/tickets", self.office),
                Some(&self.kiosk),
                json!({"topic_id": topic}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "issue: {body}");
        body
    }

    pub async fn window_action(
        &self,
        window: WindowId,
        action: &str,
        token: &str,
    ) -> (StatusCode, Value) {
        self.post(
            &format!("/api/v1/windows/{window}/{action}"),
            Some(token),
            json!({}),
        )
        .await
    }

    pub async fn ticket_action(
        &self,
        ticket: &str,
        action: &str,
        token: &str,
        body: Value,
    ) -> (StatusCode, Value) {
        self.post(
            &format!("/api/v1/tickets/{ticket}/{action}"),
            Some(token),
            body,
        )
        .await
    }

    pub async fn snapshot(&self) -> Value {
        let (status, body) = self
            .get(
                &format!("/api/v1/offices/{}/snapshot", self.office),
                Some(&self.head.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "snapshot: {body}");
        body
    }

    pub async fn live(&self, token: &str, since: Option<u64>) -> LiveClient {
        self.live_at(&self.base, token, since).await
    }

    /// The office's live socket on the node at `base`.
    pub async fn live_at(&self, base: &str, token: &str, since: Option<u64>) -> LiveClient {
        let query = since.map(|s| format!("?since={s}")).unwrap_or_default();
        let url = format!(
            "{}/api/v1/offices/{}/live{query}",
            base.replace("http://", "ws://"),
            self.office
        );
        let mut request = url.into_client_request().expect("ws request");
        request.headers_mut().insert(
            "authorization",
            format!("Bearer {token}").parse().expect("header"),
        );
        let (stream, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("websocket connects");
        LiveClient { stream }
    }
}

pub struct LiveClient {
    stream: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
}

impl LiveClient {
    /// The next message, waiting at most 10 s (a missing message is a failure, not a
    /// timing assertion).
    /// The next snapshot or event; the forecast's load news between them are skipped
    /// (see [`LiveClient::next_message`]).
    pub async fn next(&mut self) -> LiveMessage {
        loop {
            match self.next_message().await {
                LiveMessage::Load { .. } => continue,
                message => return message,
            }
        }
    }

    /// The next message of any kind.
    pub async fn next_message(&mut self) -> LiveMessage {
        loop {
            let message = tokio::time::timeout(Duration::from_secs(10), self.stream.next())
                .await
                .expect("a live message within 10 s")
                .expect("socket open")
                .expect("socket ok");
            match message {
                Message::Text(text) => return serde_json::from_str(&text).expect("a live message"),
                Message::Ping(data) => self.stream.send(Message::Pong(data)).await.expect("pong"),
                Message::Close(_) => panic!("socket closed"),
                _ => {}
            }
        }
    }

    pub async fn next_event(&mut self) -> talon_protocol::Event {
        match self.next().await {
            LiveMessage::Event { event } => *event,
            LiveMessage::Snapshot { snapshot } => {
                panic!("expected an event, got a snapshot at seq {}", snapshot.seq)
            }
            LiveMessage::Load { .. } => unreachable!("skipped by next()"),
        }
    }

    pub async fn next_snapshot(&mut self) -> talon_protocol::Snapshot {
        match self.next().await {
            LiveMessage::Snapshot { snapshot } => *snapshot,
            LiveMessage::Event { event } => panic!("expected a snapshot, got event {}", event.seq),
            LiveMessage::Load { .. } => unreachable!("skipped by next()"),
        }
    }

    /// Reads events until one matches, returning all read (in order).
    pub async fn events_until(
        &mut self,
        mut done: impl FnMut(&talon_protocol::Event) -> bool,
    ) -> Vec<talon_protocol::Event> {
        let mut seen = Vec::new();
        loop {
            let event = self.next_event().await;
            let stop = done(&event);
            seen.push(event);
            if stop {
                return seen;
            }
        }
    }

    /// Whether the server closed the socket (or it failed) within 10 s.
    pub async fn closed(&mut self) -> bool {
        loop {
            match tokio::time::timeout(Duration::from_secs(10), self.stream.next()).await {
                Err(_) => return false,
                Ok(None) | Ok(Some(Err(_))) | Ok(Some(Ok(Message::Close(_)))) => return true,
                Ok(Some(Ok(_))) => {}
            }
        }
    }
}

/// The ticket id in a receipt or ticket body.
pub fn ticket_id(body: &Value) -> String {
    body.get("ticket").unwrap_or(body)["id"]
        .as_str()
        .expect("ticket id")
        .to_string()
}

pub fn error_code(body: &Value) -> &str {
    body["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("not a JSON error: {body}"))
}
