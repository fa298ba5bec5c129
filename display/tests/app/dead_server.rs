//! A server that stops answering without closing anything (a network that drops every
//! packet, a frozen machine): the display notices within its liveness limit, marks the
//! hall as disconnected, and comes back by itself once the server answers again.

use crate::support::*;
use std::sync::Arc;
use std::time::Duration;
use talon_client::clock::ManualClock;
use talon_client::test_proxy::TestProxy;
use talon_client::{Lang, LiveOptions};
use talon_display::view::ViewSettings;
use talon_display::{DisplayApp, Options, SoundSetup};

/// Short for the test; the app's default is `talon_client::live::DEAD_AFTER`.
const LIMIT: Duration = Duration::from_secs(2);

#[test]
fn a_server_that_stops_answering_is_marked_and_the_display_comes_back() {
    let server = TestServer::start();
    let proxy = TestProxy::in_front_of(&server.rt, &server.base);
    let clock = Arc::new(ManualClock::new(start_time()));
    let options = Options {
        server: proxy.url(),
        token: server.display_token().to_string(),
        view: ViewSettings {
            lang: Lang::Ru,
            recent: 6,
            info: None,
        },
        english: false,
        sound: SoundSetup::Off,
        clock: clock.clone(),
        runtime: talon_client::Runtime::from_handle(server.rt.handle().clone())
            .with_live_options(LiveOptions::dead_after(LIMIT)),
        hide_cursor: false,
    };
    let mut hall: Hall = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_eframe(move |cc| DisplayApp::new(cc, options));
    let marker = "Нет связи с сервером";

    wait_for(&mut hall, "the office", |h| shows(h, "Передача показаний"));
    assert!(!shows_part(&hall, marker));

    // The server goes silent; its sockets stay open.
    proxy.black_hole(true);
    wait_within(
        &mut hall,
        LIMIT + Duration::from_secs(10),
        "the disconnected marker",
        |h| shows_part(h, marker),
    );
    assert!(shows(&hall, "Передача показаний"), "the last state stays");

    // The server answers again: the display reconnects (its attempts into the black
    // hole time out) and follows new calls.
    proxy.black_hole(false);
    wait_within(
        &mut hall,
        Duration::from_secs(40),
        "the reconnection",
        |h| !shows_part(h, marker),
    );
    server.issue(1);
    let agent = server.agent_at_window(1);
    let ticket = server.call_next(&agent);
    let line = format!("{} → окно 1", ticket.label);
    wait_for(&mut hall, "the call after the reconnection", |h| {
        shows(h, &line)
    });
}
