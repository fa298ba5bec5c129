//! Image snapshots of every administration screen, Russian and English, after the
//! administrator set up an office in the desk (fixed names, the manual clock; a new
//! device's key is hidden before its picture is taken).

use crate::admin::{admin_desk, fill, press, set_up_office};
use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;
use talon_testkit::EmptyServer;

/// Pictures of each screen in the desk's current language, named `admin_<screen>_<lang>`.
fn screens(desk: &mut Desk, lang: &str, names: &Names) {
    press(desk, names.offices);
    crate::admin::press_button(desk, crate::admin::OFFICE);
    press(desk, names.main);
    wait_for_label(desk, names.office_name);
    snapshot(desk, &format!("admin_office_{lang}"));
    press(desk, names.hours);
    wait_for_label(desk, names.friday_close);
    snapshot(desk, &format!("admin_hours_{lang}"));

    press(desk, names.topics);
    wait_for_label(desk, names.topic);
    // Open its form, unless it is still open from the other language.
    if desk.query_by_label(names.topic_prefix).is_none() {
        press(desk, names.topic);
    }
    wait_for_label(desk, names.topic_prefix);
    snapshot(desk, &format!("admin_topics_{lang}"));

    press(desk, names.windows);
    wait_for_label(desk, names.window);
    // Open its form, unless it is still open from the other language.
    if desk.query_by_label(names.window_label).is_none() {
        press(desk, names.window);
    }
    wait_for_label(desk, names.window_label);
    snapshot(desk, &format!("admin_windows_{lang}"));

    press(desk, names.staff);
    wait_for_label(desk, "olga");
    // Open its form, unless it is still open from the other language.
    if desk.query_by_label(names.staff_title).is_none() {
        press(desk, "olga");
    }
    wait_for_label(desk, names.staff_title);
    snapshot(desk, &format!("admin_staff_{lang}"));

    press(desk, names.devices);
    wait_for_label(desk, names.revoke);
    press(desk, names.revoke);
    wait_for_label(desk, names.revoke_yes);
    snapshot(desk, &format!("admin_devices_{lang}"));
    press(desk, names.cancel);

    press(desk, names.audit);
    wait_until(desk, "the log", |d| {
        d.query_all_by_label_contains(names.office_changed)
            .next()
            .is_some()
    });
    // One office's changes, so every time is in its zone (kept from the other language).
    if desk.query_by_value(names.all_offices).is_some() {
        crate::admin::choose(desk, names.all_offices, crate::admin::OFFICE);
        press(desk, names.show);
        wait_for_text(desk, names.details);
    }
    if desk.query_by_label(names.field).is_none() {
        let details = desk
            .query_all_by_label_contains(names.details)
            .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
            .next()
            .unwrap();
        press(desk, &details);
    }
    wait_for_label(desk, names.field);
    // The log has been read (its button waits while a request runs).
    wait_until(desk, "the log read", |d| is_enabled(d, names.show));
    snapshot(desk, &format!("admin_audit_{lang}"));
}

struct Names {
    offices: &'static str,
    office_name: &'static str,
    main: &'static str,
    hours: &'static str,
    friday_close: &'static str,
    topics: &'static str,
    topic: &'static str,
    topic_prefix: &'static str,
    windows: &'static str,
    window: &'static str,
    window_label: &'static str,
    staff: &'static str,
    staff_title: &'static str,
    devices: &'static str,
    revoke: &'static str,
    revoke_yes: &'static str,
    cancel: &'static str,
    audit: &'static str,
    details: &'static str,
    office_changed: &'static str,
    all_offices: &'static str,
    show: &'static str,
    field: &'static str,
}

const RU: Names = Names {
    offices: "Офисы и часы",
    office_name: "Название офиса:",
    main: "Основное",
    hours: "Часы работы",
    friday_close: "Пятница: Закрытие",
    topics: "Темы",
    topic: "Д Договоры",
    topic_prefix: "Префикс талона:",
    windows: "Окна",
    window: "Окно 1",
    window_label: "Номер или название окна:",
    staff: "Сотрудники",
    staff_title: "Сотрудник olga",
    devices: "Устройства",
    revoke: "Отозвать «Вход»",
    revoke_yes: "Да, отозвать",
    cancel: "Отмена  [Esc]",
    audit: "Журнал изменений",
    details: "Подробнее: Офис изменён",
    office_changed: "Офис изменён",
    all_offices: "все офисы",
    show: "Показать",
    field: "Поле",
};

const EN: Names = Names {
    offices: "Offices and hours",
    office_name: "Office name:",
    main: "General",
    hours: "Opening hours",
    friday_close: "Friday: Closes",
    topics: "Topics",
    topic: "Д Contracts",
    topic_prefix: "Ticket prefix:",
    windows: "Windows",
    window: "Window 1",
    window_label: "Window number or name:",
    staff: "Staff",
    staff_title: "Member of staff olga",
    devices: "Devices",
    revoke: "Revoke “Вход”",
    revoke_yes: "Yes, revoke",
    cancel: "Cancel  [Esc]",
    audit: "Audit log",
    details: "Details: Office changed",
    office_changed: "Office changed",
    all_offices: "all offices",
    show: "Show",
    field: "Field",
};

#[test]
fn every_administration_screen_in_russian_and_english() {
    let server = EmptyServer::start();
    let mut desk = admin_desk(&server, Lang::Ru);
    let (_, kiosk, _) = set_up_office(&server, &mut desk);
    // The kiosk has been in contact and its printer is out of paper.
    let kiosk = talon_client::Api::new(&server.base, Some(kiosk));
    let fault = talon_protocol::api::DeviceFault {
        kind: "printer".into(),
        message: "нет бумаги".into(),
        ticket_label: None,
    };
    server
        .rt
        .block_on(kiosk.report_fault(&fault))
        .expect("the kiosk reports its fault");
    // The new alert's banner blinks: acknowledged, so every picture is the same.
    press(&mut desk, "Принято");
    // A new device's key, hidden for the picture: it changes on every run.
    fill(&mut desk, "Название:", "Киоск 2");
    press(&mut desk, "Добавить киоск");
    wait_for_label(&mut desk, "Скрыть ключ");
    press(&mut desk, "Скрыть ключ");
    wait_for_label(&mut desk, "Показать ключ");
    snapshot(&mut desk, "admin_device_key_ru");
    press(&mut desk, "English");
    wait_for_label(&mut desk, "Show the key");
    snapshot(&mut desk, "admin_device_key_en");
    press(&mut desk, "Key carried over, close");
    press(&mut desk, "Русский");

    screens(&mut desk, "ru", &RU);
    press(&mut desk, "English");
    screens(&mut desk, "en", &EN);

    // Someone's own password, for everyone.
    press(&mut desk, "Change password");
    wait_for_label(&mut desk, "Current password:");
    snapshot(&mut desk, "admin_password_en");
    press(&mut desk, "Cancel  [Esc]");
    press(&mut desk, "Русский");
    press(&mut desk, "Сменить пароль");
    wait_for_label(&mut desk, "Текущий пароль:");
    snapshot(&mut desk, "admin_password_ru");
}
