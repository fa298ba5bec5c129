//! The real server started in the test (demo office, manual clock), the real display
//! app driven headless by egui_kittest, and a player that records what the hall would
//! hear.

use egui_kittest::kittest::Queryable;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talon_client::clock::ManualClock;
use talon_client::{Api, Lang};
use talon_display::audio::{Player, Sound};
use talon_display::view::ViewSettings;
use talon_display::{DisplayApp, Options, SoundSetup};
use talon_protocol::{Ticket, TopicId, Window, WindowId};
use talon_testkit::DemoServer;

pub use talon_testkit::start_time;

pub type Hall = egui_kittest::Harness<'static, DisplayApp>;

/// The demo server (`talon-testkit`: a free port, a fresh database, the demo office, a
/// manual clock at Friday 2026-11-20, 10:00 in Moscow).
pub struct TestServer(DemoServer);

impl Deref for TestServer {
    type Target = DemoServer;

    fn deref(&self) -> &DemoServer {
        &self.0
    }
}

impl DerefMut for TestServer {
    fn deref_mut(&mut self) -> &mut DemoServer {
        &mut self.0
    }
}

impl TestServer {
    pub fn start() -> TestServer {
        TestServer(DemoServer::start())
    }

    pub fn display_token(&self) -> &str {
        &self.access.display_token
    }

    /// The app as `talon-display` starts it, with a test clock and a recording player.
    pub fn display(&self, lang: Lang, clock: &Arc<ManualClock>, player: &Recorder) -> Hall {
        let sound = SoundSetup::Player(Some(Box::new(player.clone())));
        display(
            &self.rt,
            &self.base,
            self.display_token(),
            lang,
            clock,
            sound,
        )
    }

    /// Issues a ticket at the kiosk, one minute after the previous one so the order of
    /// the queue is plain.
    pub fn issue(&self, topic: i64) -> Ticket {
        self.advance(chrono::Duration::minutes(1));
        self.0.issue(TopicId(topic), false)
    }

    /// agentN, signed in, with window N open.
    pub fn agent_at_window(&self, n: i64) -> Agent {
        let api = self.sign_in(&format!("agent{n}"), talon_server::demo::AGENT_PASSWORD);
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
