//! A real Talon server with the demo office, started inside the test, and the real kiosk
//! app driven headless by egui_kittest against it.

#![allow(dead_code)] // each test file uses its own part of the support

pub mod proxy;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::ops::{Deref, DerefMut};
use std::time::{Duration, Instant};
use talon_client::{Lang, Runtime};
use talon_kiosk::{KioskApp, KioskSettings, PrinterTarget};
use talon_protocol::Ticket;
use talon_testkit::DemoServer;

/// How long the app may take to show what the network brings.
const PATIENCE: Duration = Duration::from_secs(15);

/// The demo server (`talon-testkit`, Friday 20 November 2026, 10:00 in Moscow: the demo
/// office issues tickets) and the kiosk app against it.
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

    /// The office's live tickets, as the server has them.
    pub fn tickets(&self) -> Vec<Ticket> {
        self.snapshot().tickets
    }

    /// The real kiosk app on a portrait Full HD kiosk screen, against `server` (the
    /// server's own address unless a proxy stands between).
    pub fn kiosk_via(
        &self,
        server: &str,
        lang: Lang,
        printer: PrinterTarget,
    ) -> Harness<'static, KioskApp> {
        let settings = KioskSettings {
            server: server.to_string(),
            public_url: server.to_string(),
            token: self.access.kiosk_token.clone(),
            printer,
            lang,
            runtime: Runtime::from_handle(self.rt.handle().clone()),
            clock: self.app_clock(),
        };
        Harness::builder()
            .with_size(talon_kiosk::app::DESIGN_SIZE)
            .with_pixels_per_point(1.0)
            .with_render_cursor(false)
            .build_eframe(move |cc| KioskApp::new(cc, settings))
    }

    pub fn kiosk(&self, lang: Lang, printer: PrinterTarget) -> Harness<'static, KioskApp> {
        self.kiosk_via(&self.base, lang, printer)
    }

    /// Moves the time of the server and the kiosk.
    pub fn advance(&self, seconds: i64) {
        self.0.advance(chrono::Duration::seconds(seconds));
    }
}

/// Steps the app until `done` holds, failing with `what` after a generous while.
#[track_caller]
pub fn wait_for(
    harness: &mut Harness<'_, KioskApp>,
    what: &str,
    done: impl Fn(&Harness<'_, KioskApp>) -> bool,
) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        harness.step();
        if done(harness) {
            // One more frame so the screen shows the state the condition saw.
            harness.step();
            return;
        }
        assert!(Instant::now() < deadline, "the kiosk never showed {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits until some node's label contains `text`.
#[track_caller]
pub fn wait_for_text(harness: &mut Harness<'_, KioskApp>, text: &str) {
    wait_for(harness, &format!("{text:?}"), |h| {
        h.query_all_by_label_contains(text).next().is_some()
    });
}

/// Waits until the kiosk is online with its office's topics on the home screen.
#[track_caller]
pub fn wait_for_home(harness: &mut Harness<'_, KioskApp>, lang: Lang) {
    let (online, topic) = match lang {
        Lang::Ru => ("На связи", "Передача показаний"),
        Lang::En => ("Online", "Meter readings"),
    };
    wait_for_text(harness, online);
    wait_for_text(harness, topic);
}

/// The button whose accessible name contains `text`.
#[track_caller]
pub fn button<'h>(harness: &'h Harness<'_, KioskApp>, text: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by(move |node| {
        node.role() == egui::accesskit::Role::Button
            && node.label().is_some_and(|label| label.contains(text))
    })
}

/// Renders the screen and decodes the QR code shown on it.
pub fn read_qr(harness: &mut Harness<'_, KioskApp>) -> String {
    let image = harness.render().expect("the screen renders");
    let (width, height) = (image.width() as usize, image.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let [r, g, b, _] = image.get_pixel(x as u32, y as u32).0;
        ((u16::from(r) + u16::from(g) + u16::from(b)) / 3) as u8
    });
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the screen");
    grids[0].decode().expect("the QR code decodes").1
}

/// Snapshots the screen, with the QR code (it carries a random public code) masked.
pub fn snapshot(harness: &mut Harness<'_, KioskApp>, name: &str) {
    harness.step();
    if let Some(qr) = harness.query_by_label_contains("QR") {
        let rect = qr.rect();
        harness.mask(rect);
    }
    harness.snapshot(name);
}
