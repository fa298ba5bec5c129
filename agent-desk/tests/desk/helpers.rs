//! The real server on port 0 with the demo office and a manual clock, and the real app
//! driven headless by egui_kittest.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use talon_client::{Api, Lang, Runtime};
use talon_desk::{DeskApp, DeskOptions};
use talon_protocol::{OfficeId, Snapshot, Ticket, TopicId};
use talon_testkit::DemoServer;

pub const AGENT_PASSWORD: &str = talon_server::demo::AGENT_PASSWORD;

/// Demo topics (ids 1..4) and windows (ids 1..4).
pub const READINGS: TopicId = TopicId(1);
pub const CONTRACTS: TopicId = TopicId(2);
pub const PAYMENTS: TopicId = TopicId(3);

/// The demo server (`talon-testkit`: port 0, a fresh database, the demo office, a manual
/// clock at Friday 2026-11-20, 10:00 in Moscow).
pub struct TestServer {
    demo: DemoServer,
    pub office: OfficeId,
    pub kiosk: Api,
}

impl Deref for TestServer {
    type Target = DemoServer;

    fn deref(&self) -> &DemoServer {
        &self.demo
    }
}

impl DerefMut for TestServer {
    fn deref_mut(&mut self) -> &mut DemoServer {
        &mut self.demo
    }
}

impl TestServer {
    pub fn start() -> TestServer {
        let demo = DemoServer::start();
        TestServer {
            office: demo.access.office,
            kiosk: demo.kiosk_api(),
            demo,
        }
    }

    pub fn advance_minutes(&self, minutes: i64) {
        self.advance(chrono::Duration::minutes(minutes));
    }

    /// A signed-in API for a demo login.
    pub fn api(&self, login: &str, password: &str) -> Api {
        self.sign_in(login, password)
    }

    /// The office as the head sees it.
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

    /// The office's kiosk and display never count as out of contact (for tests that move
    /// the clock far and watch other alerts).
    pub fn quiet_devices(&self) {
        let admin = self.api(talon_server::demo::ADMIN.0, talon_server::demo::ADMIN.1);
        let mut office = self.snapshot().office;
        office.settings.device_offline_after_min = 24 * 60;
        let input = talon_protocol::api::OfficeInput::from(office);
        self.rt
            .block_on(admin.update_office(self.office, &input))
            .expect("the office's settings");
        // A device alert the ticker raised before (the devices were silent since the
        // server started) clears at its next look: wait for it, so no test sees it.
        for _ in 0..250 {
            let device_alert = self.snapshot().alerts.iter().any(|a| {
                matches!(
                    a.kind,
                    talon_protocol::AlertKind::DeviceOffline { .. }
                        | talon_protocol::AlertKind::DeviceFault { .. }
                )
            });
            if !device_alert {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("the device alerts did not clear");
    }

    /// App options against this server, with the server's clock and the test's runtime.
    pub fn options(&self, session_file: &Path, lang: Lang) -> DeskOptions {
        DeskOptions {
            server: self.base.clone(),
            session_file: session_file.to_path_buf(),
            lang,
            clock: self.app_clock(),
            runtime: Some(Runtime::from_handle(self.rt.handle().clone())),
            sound: false,
            sign_in: None,
        }
    }

    pub fn session_file(&self, name: &str) -> PathBuf {
        self.files().join("config").join(name)
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
    wait_until(desk, part, |d| {
        d.query_all_by_label_contains(part).next().is_some()
    });
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

/// A second office made by the demo administrator, in Barnaul's time zone and open all
/// day: topic «С» (Справки) with the default norms, window 7 serving it, and one
/// visitor waiting.
pub fn add_office(
    server: &TestServer,
    name: &str,
    region: Option<talon_protocol::RegionId>,
) -> talon_protocol::Office {
    use talon_protocol::api::{OfficeInput, TopicInput, WindowInput};
    use talon_protocol::{DayHours, Norms, Office, Topic, WeekSchedule, Window};
    let admin = server.api(talon_server::demo::ADMIN.0, talon_server::demo::ADMIN.1);
    server.rt.block_on(async {
        let office: Office = admin
            .post(
                "/api/v1/offices",
                &OfficeInput {
                    name: name.into(),
                    time_zone: chrono_tz::Asia::Barnaul.into(),
                    schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
                    settings: Default::default(),
                    region_id: region,
                },
            )
            .await
            .unwrap();
        let topic: Topic = admin
            .post(
                &format!("/api/v1/offices/{}/topics", office.id),
                &TopicInput {
                    prefix: "С".into(),
                    name_ru: "Справки".into(),
                    name_en: "Certificates".into(),
                    norms: Norms::default(),
                    active: true,
                    display_order: 0,
                    booking: Default::default(),
                },
            )
            .await
            .unwrap();
        let _: Window = admin
            .post(
                &format!("/api/v1/offices/{}/windows", office.id),
                &WindowInput {
                    label: "7".into(),
                    topics: vec![topic.id],
                    active: true,
                },
            )
            .await
            .unwrap();
        admin
            .issue(
                office.id,
                topic.id,
                false,
                &format!("office-{}-1", office.id),
            )
            .await
            .unwrap();
        office
    })
}
