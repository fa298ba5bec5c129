//! Who sees administration: a head within their own offices only (the server refuses
//! the rest and the desk says so), an agent not at all.

use crate::admin::{fill, press};
use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;
use talon_protocol::api::{OfficeInput, Role, default_schedule};

#[test]
fn a_head_administers_only_their_offices_and_cannot_grant_roles() {
    let server = TestServer::start();
    // Another office, which the demo head does not work in.
    let admin = server.api(talon_server::demo::ADMIN.0, talon_server::demo::ADMIN.1);
    let other = OfficeInput {
        name: "Дальний офис".into(),
        time_zone: chrono_tz::Asia::Vladivostok.into(),
        schedule: default_schedule(),
        settings: Default::default(),
        region_id: None,
    };
    server
        .rt
        .block_on(admin.create_office(&other))
        .expect("the administrator adds an office");

    let mut desk = desk(server.options(&server.session_file("head.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    press(&mut desk, "Администрирование");
    wait_for_label(&mut desk, "Список офисов");
    let own = server.snapshot().office.name;
    // In the list (the top bar names it too).
    wait_until(&mut desk, "own office listed", |d| {
        d.query_by_role_and_label(egui::accesskit::Role::Button, &own)
            .is_some()
    });
    assert!(
        desk.query_by_label("Дальний офис").is_none(),
        "a head sees only their offices"
    );
    assert!(
        desk.query_by_label("Новый офис").is_none(),
        "only an administrator adds offices"
    );

    // Staff of the head's office; making an agent a head is refused by the server.
    press(&mut desk, "Сотрудники");
    wait_for_label(&mut desk, "agent1");
    press(&mut desk, "agent1");
    press(&mut desk, "Роль: начальник офиса");
    press(&mut desk, "Сохранить сотрудника");
    wait_for_text(&mut desk, "Сервер отказал: ");
    let staff = server.rt.block_on(admin.staff()).unwrap();
    let agent1 = staff.iter().find(|u| u.login == "agent1").unwrap();
    assert_eq!(agent1.role, Role::Agent, "nothing changed");
    // The form keeps what was typed.
    assert!(desk.query_by_label("Сотрудник agent1").is_some());
}

#[test]
fn an_agent_has_no_administration_but_changes_their_own_password() {
    let server = TestServer::start();
    let mut desk = desk(server.options(&server.session_file("agent.json"), Lang::Ru));
    sign_in(&mut desk, "agent2", AGENT_PASSWORD);
    wait_for_label(&mut desk, "Моё окно");
    assert!(desk.query_by_label("Администрирование").is_none());

    press(&mut desk, "Сменить пароль");
    wait_for_label(&mut desk, "Текущий пароль:");
    // A wrong current password: the server's refusal, in words.
    fill(&mut desk, "Текущий пароль:", "not-my-password");
    fill(&mut desk, "Новый пароль:", "agent2-new-password");
    fill(&mut desk, "Новый пароль ещё раз:", "agent2-new-password");
    press(&mut desk, "Сохранить новый пароль");
    wait_for_text(&mut desk, "Сервер отказал: ");
    // A repeat that differs is caught before sending.
    fill(&mut desk, "Текущий пароль:", AGENT_PASSWORD);
    fill(&mut desk, "Новый пароль ещё раз:", "agent2-other");
    press(&mut desk, "Сохранить новый пароль");
    wait_for_label(&mut desk, "Новый пароль и повтор не совпадают.");
    fill(&mut desk, "Новый пароль ещё раз:", "agent2-new-password");
    press(&mut desk, "Сохранить новый пароль");
    wait_for_label(&mut desk, "Пароль изменён.");
    press(&mut desk, "Закрыть");
    wait_for_label(&mut desk, "Моё окно");
    // The new password signs in; the old one no longer does.
    server.api("agent2", "agent2-new-password");
    let old = server
        .rt
        .block_on(talon_client::Api::new(&server.base, None).login("agent2", AGENT_PASSWORD));
    assert!(old.is_err());
}
