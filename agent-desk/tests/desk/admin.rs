//! Administration in the desk against a server that starts empty except for an
//! administrator made with the server's command line: the administrator sets up a whole
//! office in the desk, the devices and the agent it creates then work, and the audit log
//! lists every change.

use crate::helpers::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::Path;
use talon_client::{Api, ClientError, Lang, Runtime};
use talon_desk::DeskOptions;
use talon_protocol::api::DeviceKind;
use talon_protocol::{NormKind, OfficeId, Snapshot, TicketStatus};
use talon_testkit::{ADMIN, EmptyServer};

pub const OFFICE: &str = "Центральный офис";
pub const AGENT: (&str, &str, &str) = ("olga", "olga-password", "Ольга Петрова");

/// Desk options against an empty server, with its clock and runtime.
pub fn options(server: &EmptyServer, file: &Path, lang: Lang) -> DeskOptions {
    DeskOptions {
        server: server.base.clone(),
        session_file: file.to_path_buf(),
        lang,
        clock: server.app_clock(),
        runtime: Some(Runtime::from_handle(server.rt.handle().clone())),
        sound: false,
        sign_in: None,
    }
}

/// The desk signed in as the administrator, on the administration tab.
pub fn admin_desk(server: &EmptyServer, lang: Lang) -> Desk {
    let file = server.files().join("admin.json");
    let mut desk = desk(options(server, &file, Lang::Ru));
    sign_in(&mut desk, ADMIN.0, ADMIN.1);
    if lang == Lang::En {
        press(&mut desk, "English");
    }
    desk
}

pub fn office_snapshot(server: &EmptyServer, office: OfficeId) -> Snapshot {
    server
        .rt
        .block_on(server.admin().snapshot(office))
        .expect("snapshot")
}

/// Waits until `label` is on screen and stays in place (answers arriving move the
/// screen a little), so that the pointer lands on it.
#[track_caller]
fn steady(desk: &mut Desk, label: &str) {
    wait_for_label(desk, label);
    let mut last = desk.get_by_label(label).rect();
    let mut still = 0;
    for _ in 0..200 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        desk.step();
        let now = desk.get_by_label(label).rect();
        still = if now == last { still + 1 } else { 0 };
        if still == 8 {
            break;
        }
        last = now;
    }
}

/// Clicks `label` once it is steady on screen.
#[track_caller]
pub fn press(desk: &mut Desk, label: &str) {
    steady(desk, label);
    click(desk, label);
}

/// Clicks the button (or list entry) `label` where a plain text says the same.
#[track_caller]
pub fn press_button(desk: &mut Desk, label: &str) {
    wait_until(desk, label, |d| {
        d.query_by_role_and_label(Role::Button, label).is_some()
    });
    for _ in 0..8 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        desk.step();
    }
    desk.get_by_role_and_label(Role::Button, label).click();
    desk.step();
    desk.step();
}

/// Replaces the text of the field `label` once it is steady on screen.
#[track_caller]
pub fn fill(desk: &mut Desk, label: &str, text: &str) {
    steady(desk, label);
    type_into(desk, label, text);
}

/// Opens the drop-down list showing `current` and picks `option` from it.
pub fn choose(desk: &mut Desk, current: &str, option: &str) {
    desk.get_by_value(current).click();
    // The list takes a few frames to reach its size.
    for _ in 0..6 {
        desk.step();
    }
    let item =
        desk.get_by(|node| node.role() != Role::Label && node.label().as_deref() == Some(option));
    item.scroll_to_me();
    item.click_accesskit();
    desk.step();
    desk.step();
}

/// Clicks the checkbox named `label`.
pub fn tick(desk: &mut Desk, label: &str) {
    desk.get_by_role_and_label(Role::CheckBox, label).click();
    desk.step();
    desk.step();
}

/// The text of a label that starts with `prefix`.
fn label_starting(desk: &Desk, prefix: &str) -> String {
    let found = desk.query_all_by(|node| node.value().is_some_and(|text| text.starts_with(prefix)));
    found
        .filter_map(|node| node.accesskit_node().value())
        .next()
        .unwrap_or_else(|| panic!("no text starting with {prefix}"))
}

/// Creates the office, two topics, two windows, the agent and a kiosk and a display in the
/// desk; returns the office and the kiosk's and display's tokens.
pub fn set_up_office(server: &EmptyServer, desk: &mut Desk) -> (OfficeId, String, String) {
    // A new server: the administrator lands on administration.
    wait_for_label(desk, "Новый офис");
    press(desk, "Новый офис");
    fill(desk, "Название офиса:", OFFICE);
    fill(desk, "Найти пояс:", "моск");
    // The list's entry (the chosen zone is also named above it).
    desk.get_by_role_and_label(Role::Button, "Москва — Europe/Moscow")
        .click();
    desk.step();
    wait_until(desk, "zone chosen", |d| {
        d.query_all_by_label("Москва — Europe/Moscow").count() == 2
    });
    fill(
        desk,
        "Информационная строка табло:",
        "Телефон: 8 800 000-00-00",
    );

    // Hours: the default week (Mon–Fri 08:00–17:00, lunch 12:00–12:45), Friday to 16:00,
    // and Monday 23 November a holiday.
    press(desk, "Часы работы");
    wait_for_label(desk, "Пятница: Закрытие");
    fill(desk, "Пятница: Закрытие", "16:00");
    // A lunch outside the hours is refused before anything is sent.
    fill(desk, "Понедельник: Обед с", "07:30");
    press(desk, "Сохранить офис");
    wait_for_label(desk, "Понедельник: обед должен быть внутри часов работы.");
    let none = server.rt.block_on(server.admin().offices()).unwrap();
    assert!(none.is_empty(), "nothing half-saved");
    fill(desk, "Понедельник: Обед с", "12:00");
    press(desk, "Добавить особый день");
    fill(desk, "Особый день 1: Дата", "2026-11-23");
    fill(desk, "Особый день 1: Примечание", "День компании");
    press(desk, "Сохранить офис");
    wait_for_label(desk, &format!("Офис «{OFFICE}» сохранён."));
    let offices = server.rt.block_on(server.admin().offices()).unwrap();
    assert_eq!(offices.len(), 1);
    let office = &offices[0];
    assert_eq!(office.name, OFFICE);
    assert_eq!(office.time_zone.name(), "Europe/Moscow");
    let friday = office.schedule.fri.as_ref().expect("open on Friday");
    assert_eq!(friday.close.to_string(), "16:00:00");
    let monday = office.schedule.mon.as_ref().expect("open on Monday");
    assert_eq!(
        monday.lunch_start.map(|t| t.to_string()).as_deref(),
        Some("12:00:00")
    );
    assert_eq!(office.schedule.special_days.len(), 1);
    assert_eq!(office.schedule.special_days[0].hours, None);
    assert_eq!(office.schedule.special_days[0].note, "День компании");
    assert_eq!(office.settings.info_line, "Телефон: 8 800 000-00-00");
    let id = office.id;

    // A change to a saved office: the long-queue threshold.
    press(desk, "Основное");
    type_into(
        desk,
        "Длинная очередь: оповещать, когда ждут больше, чем:",
        "5",
    );
    press(desk, "Сохранить офис");
    wait_until(desk, "threshold saved", |_| {
        server.rt.block_on(server.admin().offices()).unwrap()[0]
            .settings
            .queue_alert_threshold
            == 5
    });

    // Two topics with norms.
    press(desk, "Темы");
    wait_for_label(desk, "Тем ещё нет.");
    for (prefix, ru, en, wait) in [
        ("П", "Передача показаний", "Meter readings", "10"),
        ("Д", "Договоры", "Contracts", "20"),
    ] {
        press(desk, "Новая тема");
        fill(desk, "Префикс талона:", prefix);
        fill(desk, "Название по-русски:", ru);
        fill(desk, "Название по-английски:", en);
        fill(desk, "Норма ожидания, мин:", wait);
        press(desk, "Сохранить тему");
        wait_for_label(desk, &format!("Тема «{ru}» сохранена."));
    }
    // A look-alike prefix is refused in the form: Latin "P" is not "П", but "Д"…
    press(desk, "Новая тема");
    fill(desk, "Префикс талона:", "д");
    fill(desk, "Название по-русски:", "Дубль");
    press(desk, "Сохранить тему");
    wait_for_label(
        desk,
        "Префикс Д уже у темы «Договоры»: номера талонов совпадут.",
    );
    press(desk, "Отмена  [Esc]");
    // Contracts first.
    wait_for_label(desk, "Выше: Д Договоры");
    press(desk, "Выше: Д Договоры");
    wait_until(desk, "reordered", |_| {
        let s = office_snapshot(server, id);
        let mut topics = s.topics.clone();
        topics.sort_by_key(|t| t.display_order);
        topics.iter().map(|t| t.prefix.as_str()).collect::<Vec<_>>() == ["Д", "П"]
    });
    let topics = office_snapshot(server, id).topics;
    let readings = topics.iter().find(|t| t.prefix == "П").unwrap();
    assert_eq!(readings.norms.wait.minutes, 10);
    assert_eq!(readings.norms.wait.kind, NormKind::HardMax);
    assert_eq!(readings.name_en, "Meter readings");
    let (readings, contracts) = (
        readings.id,
        topics.iter().find(|t| t.prefix == "Д").unwrap().id,
    );

    // Two windows: 1 serves both topics, readings first; 2 serves contracts.
    press(desk, "Окна");
    wait_for_label(desk, "Окон ещё нет.");
    press(desk, "Новое окно");
    fill(desk, "Номер или название окна:", "1");
    tick(desk, "Д Договоры");
    tick(desk, "П Передача показаний");
    press(desk, "Выше: П Передача показаний");
    press(desk, "Сохранить окно");
    wait_for_label(desk, "Окно 1 сохранено.");
    wait_for_label(desk, "Окно 1");
    press(desk, "Новое окно");
    fill(desk, "Номер или название окна:", "2");
    tick(desk, "Д Договоры");
    press(desk, "Сохранить окно");
    wait_for_label(desk, "Окно 2 сохранено.");
    let windows = office_snapshot(server, id).windows;
    assert_eq!(windows.len(), 2);
    let one = windows.iter().find(|w| w.label == "1").unwrap();
    assert_eq!(one.topics, [readings, contracts]);
    let two = windows.iter().find(|w| w.label == "2").unwrap();
    assert_eq!(two.topics, [contracts]);

    // The agent, in this office.
    press(desk, "Сотрудники");
    wait_for_label(desk, ADMIN.0);
    press(desk, "Новый сотрудник");
    fill(desk, "Логин:", AGENT.0);
    fill(desk, "Имя:", AGENT.2);
    // Too short a password is refused in the form.
    fill(desk, "Пароль:", "short");
    press(desk, "Сохранить сотрудника");
    wait_for_label(desk, "Пароль — не короче 8 символов.");
    fill(desk, "Пароль:", AGENT.1);
    press(desk, "Сохранить сотрудника");
    wait_for_label(desk, &format!("Сотрудник {} сохранён.", AGENT.2));
    let staff = server.rt.block_on(server.admin().staff()).unwrap();
    let olga = staff.iter().find(|u| u.login == AGENT.0).expect("olga");
    assert_eq!(olga.role, talon_protocol::api::Role::Agent);
    assert_eq!(olga.offices, [id]);

    // A kiosk and a display: each token shown once.
    press(desk, "Устройства");
    wait_for_label(desk, "Устройств ещё нет.");
    fill(desk, "Название:", "Вход");
    press(desk, "Добавить киоск");
    wait_for_label(desk, "Киоск «Вход» добавлен. Его ключ:");
    assert!(desk.query_by_label("QR-код ключа устройства").is_some());
    let kiosk = label_starting(desk, "td_");
    press(desk, "Ключ перенесён, закрыть");
    fill(desk, "Название:", "Табло в зале");
    press(desk, "Добавить экран");
    wait_for_label(desk, "Экран «Табло в зале» добавлен. Его ключ:");
    let display = label_starting(desk, "td_");
    assert_ne!(kiosk, display);
    press(desk, "Ключ перенесён, закрыть");
    assert!(desk.query_by_label_contains("td_").is_none(), "shown once");
    wait_for_label(desk, "Отозвать «Табло в зале»");
    let devices = server.rt.block_on(server.admin().devices(id)).unwrap();
    let kinds: Vec<DeviceKind> = devices.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [DeviceKind::Kiosk, DeviceKind::Display]);
    (id, kiosk, display)
}

#[test]
fn an_administrator_sets_up_an_office_that_then_serves_visitors() {
    let server = EmptyServer::start();
    let mut desk = admin_desk(&server, Lang::Ru);
    let (office, kiosk_token, display_token) = set_up_office(&server, &mut desk);
    let topics = office_snapshot(&server, office).topics;
    let readings = topics.iter().find(|t| t.prefix == "П").unwrap().id;

    // The kiosk's token issues a ticket; the display's reads the office.
    let kiosk = Api::new(&server.base, Some(kiosk_token));
    let receipt = server
        .rt
        .block_on(kiosk.issue(office, readings, false, "first-visitor"))
        .expect("the kiosk issues a ticket");
    assert_eq!(receipt.ticket.label, "П001");
    let display = Api::new(&server.base, Some(display_token));
    let seen = server
        .rt
        .block_on(display.snapshot(office))
        .expect("the display reads");
    assert_eq!(seen.tickets.len(), 1);

    // The agent signs in to a desk of their own and serves the visitor at window 1.
    let file = server.files().join("olga.json");
    let mut agent = crate::helpers::desk(options(&server, &file, Lang::Ru));
    sign_in(&mut agent, AGENT.0, AGENT.1);
    assert!(
        agent.query_by_label("Администрирование").is_none(),
        "an agent has no administration"
    );
    click_when_ready(&mut agent, "Открыть окно 1");
    click_when_ready(&mut agent, "Вызвать следующего  (ждут: 1)  [F1]");
    click_when_ready(&mut agent, "Начать обслуживание  [F3]");
    server.advance(chrono::Duration::minutes(7));
    click_when_ready(&mut agent, "Завершить  [F4]");
    press(&mut agent, "Вопрос решён");
    press(&mut agent, "Завершить  [Enter]");
    let ticket =
        |server: &EmptyServer| {
            server
                .rt
                .block_on(server.admin().get::<talon_protocol::Ticket>(&format!(
                    "/api/v1/tickets/{}",
                    receipt.ticket.id
                )))
                .expect("the ticket")
        };
    wait_until(&mut agent, "served", |_| {
        ticket(&server).status == TicketStatus::Done
    });
    let done = ticket(&server);
    let window_1 = office_snapshot(&server, office)
        .windows
        .into_iter()
        .find(|w| w.label == "1")
        .unwrap();
    assert_eq!(done.window_id, Some(window_1.id));

    // On the holiday (Monday 23 November, 10:00 in Moscow) the kiosk is refused with the
    // next opening: Tuesday at 08:00.
    server.set_now(talon_testkit::at("2026-11-23T07:00:00Z"));
    let refused = server
        .rt
        .block_on(kiosk.issue(office, readings, false, "holiday-visitor"))
        .expect_err("closed on the holiday");
    match refused {
        ClientError::Refused {
            code, next_opening, ..
        } => {
            assert_eq!(code, "outside_hours");
            assert_eq!(
                next_opening,
                Some(talon_testkit::at("2026-11-24T05:00:00Z"))
            );
        }
        other => panic!("refused with a reason, not {other:?}"),
    }

    // The administrator resets the agent's password: their sessions end.
    let session = server.sign_in(AGENT.0, AGENT.1);
    press(&mut desk, "Сотрудники");
    press(&mut desk, AGENT.0);
    fill(&mut desk, "Новый пароль (сброс):", "olga-second-password");
    press(&mut desk, "Сохранить сотрудника");
    wait_for_label(&mut desk, &format!("Сотрудник {} сохранён.", AGENT.2));
    let ended = server
        .rt
        .block_on(session.me())
        .expect_err("the session ended");
    assert!(
        matches!(ended, ClientError::Refused { status: 401, .. }),
        "{ended:?}"
    );
    server.sign_in(AGENT.0, "olga-second-password");

    // The display is revoked, after a question.
    press(&mut desk, "Устройства");
    press(&mut desk, "Отозвать «Табло в зале»");
    press(&mut desk, "Да, отозвать");
    wait_for_label(&mut desk, "отозвано");
    let refused = server
        .rt
        .block_on(display.snapshot(office))
        .expect_err("a revoked display is refused");
    assert!(
        matches!(refused, ClientError::Refused { status: 401, .. }),
        "{refused:?}"
    );

    // The audit log lists every change made above.
    press(&mut desk, "Журнал изменений");
    wait_for_text(&mut desk, "Подробнее: Офис создан");
    for (action, subject) in [
        ("Офис создан", OFFICE),
        ("Офис изменён", OFFICE),
        ("Тема создана", "Передача показаний"),
        ("Тема создана", "Договоры"),
        ("Тема изменена", "Договоры"),
        ("Окно создано", "1"),
        ("Окно создано", "2"),
        ("Сотрудник добавлен", AGENT.0),
        ("Устройство добавлено", "Вход"),
        ("Устройство добавлено", "Табло в зале"),
        ("Пароль сброшен", AGENT.0),
        ("Устройство отозвано", "Табло в зале"),
    ] {
        let found = desk
            .query_all_by_label_contains(&format!("Подробнее: {action}, "))
            .filter_map(|node| node.accesskit_node().label())
            .any(|label| label.contains(subject));
        assert!(found, "the log lists {action}: {subject}");
    }
    // Before and after of the office's change: the threshold went from 3 to 5.
    let details = desk
        .query_all_by_label_contains("Подробнее: Офис изменён, ")
        .filter_map(|node| node.accesskit_node().label())
        .next_back()
        .unwrap();
    press(&mut desk, &details);
    wait_for_label(
        &mut desk,
        "Длинная очередь: оповещать, когда ждут больше, чем",
    );
    // Filtered by kind: only the windows created.
    choose(&mut desk, "все изменения", "Окно создано");
    press(&mut desk, "Показать");
    wait_until(&mut desk, "filtered", |d| {
        d.query_all_by_label_contains("Подробнее: ").count() == 2
    });
}
