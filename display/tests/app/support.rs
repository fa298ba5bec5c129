//! The real server started in the test (demo office, manual clock), the real display
//! app driven headless by egui_kittest, and a player that records what the hall would
//! hear.

use egui_kittest::kittest::Queryable;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talon_client::clock::ManualClock;
use talon_client::{Api, Lang};
use talon_display::audio::{Player, Sound};
use talon_display::view::ViewSettings;
use talon_display::{DisplayApp, Options, SoundSetup};
use talon_protocol::{Ticket, TopicId, Window, WindowId};
use talon_server::startup::{self, Server, Settings};

/// Friday 2026-11-20, 10:00 in Moscow.
pub const START: &str = "2026-11-20T07:00:00Z";

pub fn start_time() -> chrono::DateTime<chrono::Utc> {
    START.parse().expect("RFC 3339")
}

pub type Hall = egui_kittest::Harness<'static, DisplayApp>;

/// The real server on a free port with a fresh database and the demo office.
pub struct TestServer {
    pub rt: tokio::runtime::Runtime,
    pub clock: Arc<talon_server::clock::ManualClock>,
    pub base: String,
    pub display_token: String,
    kiosk_token: String,
    addr: SocketAddr,
    db: String,
    server: Option<Server>,
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub fn start() -> TestServer {
        let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
        let dir = tempfile::tempdir().expect("temporary directory");
        let db = dir.path().join("talon.sqlite3").display().to_string();
        let clock = Arc::new(talon_server::clock::ManualClock::new(start_time()));
        let server = rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            startup::start(listener, settings(&db, &clock))
                .await
                .unwrap()
        });
        let access = rt
            .block_on(talon_server::demo::ensure(&server.queues))
            .expect("demo office");
        TestServer {
            base: format!("http://{}", server.addr),
            addr: server.addr,
            display_token: access.display_token,
            kiosk_token: access.kiosk_token,
            clock,
            db,
            server: Some(server),
            rt,
            _dir: dir,
        }
    }

    pub fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            self.rt.block_on(server.stop()).expect("server stops");
        }
    }

    /// Starts the server again on the same port with the same database.
    pub fn restart(&mut self) {
        self.stop();
        let server = self.rt.block_on(async {
            let listener = tokio::net::TcpListener::bind(self.addr).await.unwrap();
            startup::start(listener, settings(&self.db, &self.clock))
                .await
                .unwrap()
        });
        self.server = Some(server);
    }

    /// The app as `talon-display` starts it, with a test clock and a recording player.
    pub fn display(&self, lang: Lang, clock: &Arc<ManualClock>, player: &Recorder) -> Hall {
        let sound = SoundSetup::Player(Some(Box::new(player.clone())));
        display(
            &self.rt,
            &self.base,
            &self.display_token,
            lang,
            clock,
            sound,
        )
    }

    /// Issues a ticket at the kiosk, one minute after the previous one so the order of
    /// the queue is plain.
    pub fn issue(&self, topic: i64) -> Ticket {
        self.clock.advance(chrono::Duration::minutes(1));
        let kiosk = Api::new(&self.base, Some(self.kiosk_token.clone()));
        let key = uuid::Uuid::new_v4().to_string();
        self.rt
            .block_on(kiosk.issue(talon_protocol::OfficeId(1), TopicId(topic), false, &key))
            .expect("ticket issued")
            .ticket
    }

    /// agentN, signed in, with window N open.
    pub fn agent_at_window(&self, n: i64) -> Agent {
        let api = Api::new(&self.base, None);
        let login = self
            .rt
            .block_on(api.login(&format!("agent{n}"), talon_server::demo::AGENT_PASSWORD))
            .expect("agent signs in");
        let api = api.with_token(login.token);
        self.rt
            .block_on(api.window_action::<Window>(WindowId(n), "open"))
            .expect("window opens");
        Agent {
            api,
            window: WindowId(n),
        }
    }

    pub fn call_next(&self, agent: &Agent) -> Ticket {
        self.rt
            .block_on(agent.api.call_next(agent.window))
            .expect("a ticket is called")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The real app, headless on a 1920×1080 screen.
pub fn display(
    rt: &tokio::runtime::Runtime,
    server: &str,
    token: &str,
    lang: Lang,
    clock: &Arc<ManualClock>,
    sound: SoundSetup,
) -> Hall {
    let options = Options {
        server: server.to_string(),
        token: token.to_string(),
        view: ViewSettings {
            lang,
            recent: 6,
            info: None,
        },
        english: true,
        sound,
        clock: clock.clone(),
        runtime: talon_client::Runtime::from_handle(rt.handle().clone()),
        hide_cursor: false,
    };
    egui_kittest::Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_eframe(move |cc| DisplayApp::new(cc, options))
}

fn settings(db: &str, clock: &Arc<talon_server::clock::ManualClock>) -> Settings {
    let mut settings = Settings::new(db.to_string());
    settings.clock = clock.clone();
    settings.tick_interval = Duration::from_millis(20);
    settings
}

pub struct Agent {
    pub api: Api,
    pub window: WindowId,
}

/// Records every announcement instead of playing it.
#[derive(Clone, Default)]
pub struct Recorder(Arc<Mutex<Vec<Sound>>>);

impl Recorder {
    pub fn texts(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|s| s.text.clone())
            .collect()
    }
}

impl Player for Recorder {
    fn play(&mut self, sound: &Sound) -> Result<(), String> {
        assert!(!sound.samples.is_empty(), "an announcement has audio");
        self.0.lock().unwrap().push(sound.clone());
        Ok(())
    }
}

/// Steps the app until `done` holds; what arrives over the network takes real time, so
/// this waits (at most 20 s) instead of asserting at once.
#[track_caller]
pub fn wait_for(hall: &mut Hall, what: &str, done: impl Fn(&Hall) -> bool) {
    wait_within(hall, Duration::from_secs(20), what, done);
}

/// The same, for at most `limit` (keep it generous: tests check that the display gets
/// there, not how fast).
#[track_caller]
pub fn wait_within(hall: &mut Hall, limit: Duration, what: &str, done: impl Fn(&Hall) -> bool) {
    let deadline = Instant::now() + limit;
    loop {
        hall.step();
        if done(hall) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the display never showed: {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Steps the app until `player` has recorded `count` announcements. The app hands a
/// call to the announcer in the frame after the call arrives, so the app keeps running.
#[track_caller]
pub fn wait_for_announcements(hall: &mut Hall, player: &Recorder, count: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        hall.step();
        let said = player.texts();
        if said.len() >= count {
            return said;
        }
        assert!(
            Instant::now() < deadline,
            "expected {count} announcements, heard {said:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub fn shows(hall: &Hall, text: &str) -> bool {
    hall.query_by_label(text).is_some()
}

pub fn shows_part(hall: &Hall, text: &str) -> bool {
    hall.query_by_label_contains(text).is_some()
}
