//! Before the hall can be shown: a server that cannot be reached, a token the server
//! refuses, and a machine without any audio player are all said on screen.

use crate::support::*;
use std::sync::Arc;
use talon_client::Lang;
use talon_client::clock::ManualClock;
use talon_display::SoundSetup;

#[test]
fn an_unreachable_server_and_missing_sound_are_said_on_screen() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    // A port nobody listens on.
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let clock = Arc::new(ManualClock::new(start_time()));
    let base = format!("http://{addr}");
    let mut hall = display(
        &rt,
        &base,
        "token",
        Lang::Ru,
        &clock,
        SoundSetup::Player(None),
    );
    wait_for(&mut hall, "the unreachable server", |h| {
        shows(
            h,
            "Сервер недоступен. Повторная попытка через несколько секунд.",
        )
    });
    assert!(shows(&hall, "Подключение к серверу…"));
    assert!(shows(&hall, &base));
    assert!(shows(&hall, "Звук недоступен — вызовы только на экране"));
}

#[test]
fn a_refused_token_shows_the_servers_message_and_muted_sound_is_marked() {
    let server = TestServer::start();
    let clock = Arc::new(ManualClock::new(start_time()));
    let mut hall = display(
        &server.rt,
        &server.base,
        "not-a-display-token",
        Lang::En,
        &clock,
        SoundSetup::Off,
    );
    wait_for(&mut hall, "the refusal", |h| {
        shows_part(h, "The server refused:")
    });
    assert!(shows(&hall, "Sound off"));
}
