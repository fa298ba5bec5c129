//! The real server on port 0 with the demo office and a manual clock, and the real app
//! driven headless by egui_kittest.

use chrono::{DateTime, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use talon_client::{Api, Lang, Runtime};
use talon_desk::{DeskApp, DeskOptions};
use talon_protocol::api::TicketReceipt;
use talon_protocol::{OfficeId, Snapshot, Ticket, TopicId};
use talon_server::clock::ManualClock;
use talon_server::startup::{self, Server, Settings};

/// Friday 2026-11-20, 10:00 in Moscow.
pub const START: &str = "2026-11-20T07:00:00Z";
pub const AGENT_PASSWORD: &str = talon_server::demo::AGENT_PASSWORD;

/// Demo topics (ids 1..4) and windows (ids 1..4).
pub const READINGS: TopicId = TopicId(1);
pub const CONTRACTS: TopicId = TopicId(2);
pub const PAYMENTS: TopicId = TopicId(3);

pub struct TestServer {
    pub rt: tokio::runtime::Runtime,
    pub clock: Arc<ManualClock>,
    pub base: String,
    pub office: OfficeId,
    pub kiosk: Api,
    pub dir: tempfile::TempDir,
    addr: SocketAddr,
    server: Option<Server>,
}

fn settings(dir: &Path, clock: Arc<ManualClock>) -> Settings {
    let mut settings = Settings::new(dir.join("talon.sqlite3").display().to_string());
    settings.clock = clock;
    settings.tick_interval = Duration::from_millis(20);
    settings
}

impl TestServer {
    pub fn start() -> TestServer {
        if std::env::var_os("TEST_LOG").is_some() {
            talon_server::cli::init_logging();
        }
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(ManualClock::new(START.parse().expect("instant")));
        let server = rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            startup::start(listener, settings(dir.path(), clock.clone()))
                .await
                .expect("server starts")
        });
        let access = rt
            .block_on(talon_server::demo::ensure(&server.queues))
            .expect("demo data");
        let base = format!("http://{}", server.addr);
        TestServer {
            kiosk: Api::new(&base, Some(access.kiosk_token)),
            addr: server.addr,
            server: Some(server),
            rt,
            clock,
            base,
            office: access.office,
            dir,
        }
    }

    /// Stops the server and starts it again on the same port and database file.
    pub fn restart(&mut self) {
        let server = self.server.take().expect("running");
        self.rt.block_on(server.stop()).expect("server stops");
        let server = self.rt.block_on(async {
            let listener = tokio::net::TcpListener::bind(self.addr).await.unwrap();
            startup::start(listener, settings(self.dir.path(), self.clock.clone()))
                .await
                .expect("server restarts")
        });
        self.server = Some(server);
    }

    pub fn now(&self) -> DateTime<Utc> {
        use talon_server::clock::Clock;
        self.clock.now()
    }

    pub fn advance_minutes(&self, minutes: i64) {
        self.clock.advance(chrono::Duration::minutes(minutes));
    }

    /// A signed-in API for a demo login.
    pub fn api(&self, login: &str, password: &str) -> Api {
        let api = Api::new(&self.base, None);
        let response = self
            .rt
            .block_on(api.login(login, password))
            .expect("demo login works");
        api.with_token(response.token)
    }

    pub fn head(&self) -> Api {
        self.api(talon_server::demo::HEAD.0, talon_server::demo::HEAD.1)
    }

    /// Issues a ticket at the kiosk.
    pub fn issue(&self, topic: TopicId, out_of_turn: bool) -> Ticket {
        let key = uuid::Uuid::new_v4().to_string();
        let receipt: TicketReceipt = self
            .rt
            .block_on(self.kiosk.issue(self.office, topic, out_of_turn, &key))
            .expect("ticket issued");
        receipt.ticket
    }

    pub fn snapshot(&self) -> Snapshot {
        self.rt
            .block_on(self.head().snapshot(self.office))
            .expect("snapshot")
    }

    pub fn ticket(&self, ticket: &Ticket) -> Ticket {
        self.rt
            .block_on(
                self.head()
                    .get::<Ticket>(&format!("/api/v1/tickets/{}", ticket.id)),
            )
            .expect("ticket")
    }

    /// App options against this server, with the server's clock and the test's runtime.
    pub fn options(&self, session_file: &Path, lang: Lang) -> DeskOptions {
        let clock = self.clock.clone();
        DeskOptions {
            server: self.base.clone(),
            session_file: session_file.to_path_buf(),
            lang,
            clock: talon_client::clock::following(move || {
                use talon_server::clock::Clock;
                clock.now()
            }),
            runtime: Some(Runtime::from_handle(self.rt.handle().clone())),
            sound: false,
            sign_in: None,
        }
    }

    pub fn session_file(&self, name: &str) -> PathBuf {
        self.dir.path().join("config").join(name)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            let _ = self.rt.block_on(server.stop());
        }
    }
}

pub type Desk = Harness<'static, DeskApp>;

/// The real app at the snapshot size.
pub fn desk(options: DeskOptions) -> Desk {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_render_cursor(false)
        .build_eframe(move |cc| DeskApp::new(cc, options))
}

/// Steps the app until `what` holds (data arrives over the network), for up to 15 s.
#[track_caller]
pub fn wait_until(desk: &mut Desk, what: &str, mut done: impl FnMut(&Desk) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        desk.step();
        if done(desk) {
            desk.step();
            return;
        }
        if Instant::now() > deadline {
            panic!("timed out waiting for: {what}\n{:#?}", desk.root());
        }
        std::thread::sleep(Duration::from_millis(15));
    }
}

/// Waits until a node with exactly this label is on screen.
#[track_caller]
pub fn wait_for_label(desk: &mut Desk, label: &str) {
    wait_until(desk, label, |d| d.query_by_label(label).is_some());
}

/// Waits until at least one node has exactly this label.
#[track_caller]
pub fn wait_for_any(desk: &mut Desk, label: &str) {
    wait_until(desk, label, |d| {
        d.query_all_by_label(label).next().is_some()
    });
}

#[track_caller]
pub fn wait_for_text(desk: &mut Desk, part: &str) {
    wait_until(desk, part, |d| d.query_by_label_contains(part).is_some());
}

/// Waits until the server's state satisfies `done` (polled through the API).
#[track_caller]
pub fn wait_for_server(
    server: &TestServer,
    desk: &mut Desk,
    what: &str,
    mut done: impl FnMut(&Snapshot) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        desk.step();
        if done(&server.snapshot()) {
            return;
        }
        if Instant::now() > deadline {
            panic!("timed out waiting for the server: {what}");
        }
        std::thread::sleep(Duration::from_millis(30));
    }
}

pub fn click(desk: &mut Desk, label: &str) {
    desk.get_by_label(label).click();
    desk.step();
    desk.step();
}

pub fn is_enabled(desk: &Desk, label: &str) -> bool {
    !desk.get_by_label(label).accesskit_node().is_disabled()
}

/// Replaces the text of the field labelled `label`.
pub fn type_into(desk: &mut Desk, label: &str, text: &str) {
    desk.get_by_label(label).click();
    desk.step();
    desk.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    desk.step();
    desk.key_press(egui::Key::Backspace);
    desk.step();
    desk.get_by_label(label).type_text(text);
    desk.step();
}

/// Fills the sign-in form and waits for the workspace.
pub fn sign_in(desk: &mut Desk, login: &str, password: &str) {
    wait_for_label(desk, "Логин:");
    type_into(desk, "Логин:", login);
    type_into(desk, "Пароль:", password);
    click(desk, "Войти");
    wait_for_label(desk, "Выйти");
}

/// The y position of a label on screen (to check an order).
pub fn top_of(desk: &Desk, label: &str) -> f32 {
    desk.get_by_label(label).rect().min.y
}

/// Waits until a button is on screen and enabled, then clicks it.
#[track_caller]
pub fn click_when_ready(desk: &mut Desk, label: &str) {
    wait_until(desk, label, |d| {
        d.query_by_label(label).is_some() && is_enabled(d, label)
    });
    click(desk, label);
}

/// Takes an image snapshot with the pointer moved out of the way (no hover highlight).
pub fn snapshot(desk: &mut Desk, name: &str) {
    desk.hover_at(egui::pos2(1599.0, 999.0));
    desk.step();
    desk.run_ok();
    desk.snapshot(name);
}
