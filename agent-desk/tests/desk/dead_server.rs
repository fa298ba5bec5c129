//! A server that stops answering without closing anything (a network that drops every
//! packet, a frozen machine): the desk stops saying "online" within its liveness limit,
//! says the data may be out of date, and is online again by itself once the server
//! answers.

use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use talon_client::test_proxy::TestProxy;
use talon_client::{Lang, LiveOptions, Runtime};

/// Short for the test; the app's default is `talon_client::live::DEAD_AFTER`.
const LIMIT: Duration = Duration::from_secs(2);

/// Steps the app until `done` holds, for at most `limit` (generous: this checks that
/// the desk gets there, not how fast).
#[track_caller]
fn wait_within(desk: &mut Desk, limit: Duration, what: &str, done: impl Fn(&Desk) -> bool) {
    let deadline = Instant::now() + limit;
    loop {
        desk.step();
        if done(desk) {
            return;
        }
        assert!(Instant::now() < deadline, "the desk never showed: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_server_that_stops_answering_is_shown_and_the_desk_comes_back() {
    let server = TestServer::start();
    let proxy = TestProxy::in_front_of(&server.rt, &server.base);
    let mut options = server.options(&server.session_file("dead.json"), Lang::Ru);
    options.server = proxy.url();
    options.runtime = Some(
        Runtime::from_handle(server.rt.handle().clone())
            .with_live_options(LiveOptions::dead_after(LIMIT)),
    );
    let mut desk = desk(options);
    sign_in(&mut desk, "agent1", AGENT_PASSWORD);
    wait_for_label(&mut desk, "На связи");

    // The server goes silent; its sockets stay open.
    proxy.black_hole(true);
    let offline = "Нет связи с сервером";
    wait_within(
        &mut desk,
        LIMIT + Duration::from_secs(10),
        "the lost connection",
        |d| d.query_by_label_contains(offline).is_some(),
    );
    assert!(desk.query_by_label("На связи").is_none());

    // The server answers again: the desk reconnects (its attempts into the black hole
    // time out) without anyone touching it.
    proxy.black_hole(false);
    wait_within(&mut desk, Duration::from_secs(40), "online again", |d| {
        d.query_by_label("На связи").is_some()
    });
    assert!(desk.query_by_label_contains(offline).is_none());
}
