//! The sign-in survives a restart of the app and of the server; signing out revokes it
//! on the server; a session revoked elsewhere sends the person back to the sign-in form.

use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::{Api, ClientError, Lang};
use talon_protocol::WindowId;
use talon_protocol::api::StaffUpdate;

#[test]
fn the_sign_in_survives_restarts_and_sign_out_revokes_it() {
    let mut server = TestServer::start();
    let file = server.session_file("agent2.json");
    {
        let mut first = desk(server.options(&file, Lang::Ru));
        sign_in(&mut first, "agent2", AGENT_PASSWORD);
        click_when_ready(&mut first, "Открыть окно 2");
        wait_for_label(&mut first, "Очередь к окну: 0");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner may read the token");
    }
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let token = saved["token"].as_str().unwrap().to_string();
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains(AGENT_PASSWORD),
        "no password on disk"
    );

    // The app restarts: straight back to the open window, no sign-in form.
    let mut desk = desk(server.options(&file, Lang::Ru));
    wait_for_label(&mut desk, "Очередь к окну: 0");
    assert!(desk.query_by_label("Логин:").is_none());
    wait_for_label(&mut desk, "На связи");

    // The server restarts: the desk reconnects and keeps working.
    server.restart();
    let ticket = server.issue(READINGS, false);
    wait_for_label(&mut desk, "Очередь к окну: 1");
    wait_for_label(&mut desk, "На связи");
    click_when_ready(&mut desk, "Вызвать следующего  (ждут: 1)  [F1]");
    wait_for_server(&server, &mut desk, "called after the restart", |s| {
        s.windows
            .iter()
            .any(|w| w.id == WindowId(2) && w.current_ticket == Some(ticket.id))
    });

    // Sign out: the file goes and the server no longer accepts the token.
    click(&mut desk, "Выйти");
    wait_for_label(&mut desk, "Логин:");
    assert!(!file.exists());
    let old = Api::new(&server.base, Some(token));
    wait_until(&mut desk, "the token is revoked", |_| {
        matches!(
            server.rt.block_on(old.me()),
            Err(ClientError::Refused { status: 401, .. })
        )
    });
}

#[test]
fn a_session_revoked_by_an_administrator_asks_to_sign_in_again() {
    let server = TestServer::start();
    let file = server.session_file("agent3.json");
    {
        let mut first = desk(server.options(&file, Lang::Ru));
        sign_in(&mut first, "agent3", AGENT_PASSWORD);
        wait_for_label(&mut first, "Открыть окно 3");
    }
    // A password change revokes every session of the person.
    let agent3 = server
        .rt
        .block_on(server.api("agent3", AGENT_PASSWORD).me())
        .unwrap();
    let admin = server.api(talon_server::demo::ADMIN.0, talon_server::demo::ADMIN.1);
    let update = StaffUpdate {
        password: Some("a-new-password-1".into()),
        ..StaffUpdate::default()
    };
    server
        .rt
        .block_on(admin.put::<serde_json::Value>(&format!("/api/v1/staff/{}", agent3.id), &update))
        .unwrap();

    let mut desk = desk(server.options(&file, Lang::Ru));
    wait_for_label(&mut desk, "Сеанс завершён или отозван. Войдите снова.");
    assert!(desk.query_by_label("Логин:").is_some());
    assert!(!file.exists());
}

#[test]
fn the_demo_can_sign_in_at_start() {
    let server = TestServer::start();
    let file = server.session_file("agent4.json");
    let mut options = server.options(&file, Lang::Ru);
    options.sign_in = Some(("agent4".into(), AGENT_PASSWORD.into()));
    let mut desk = desk(options);
    wait_for_label(&mut desk, "Открыть окно 4");
    assert!(file.exists(), "kept like any other sign-in");

    // Wrong credentials leave the form with the server's message.
    let other = server.session_file("nobody.json");
    let mut options = server.options(&other, Lang::Ru);
    options.sign_in = Some(("agent4".into(), "wrong-password".into()));
    let mut desk = crate::helpers::desk(options);
    wait_for_text(&mut desk, "Сервер отказал:");
    assert!(desk.query_by_label("Логин:").is_some());
    assert!(!other.exists());
}
