//! The company board for the heads above the offices: the head office sees every
//! office, trouble first, filters by region and opens an office's board; a region head
//! sees only their region's offices. The administrator sets regions up in the desk.

use crate::helpers::*;
use egui_kittest::kittest::{NodeT, Queryable};
use talon_client::Lang;
use talon_protocol::api::{Region, RegionInput, Role, StaffInput, User};

const CENTRAL: (&str, &str) = ("central", "central-password-1");
const WEST_HEAD: (&str, &str) = ("west-head", "west-password-1");

/// A region «Западное отделение» with a second office in it (its visitor waiting), a
/// head-office member and the region's head.
fn company(server: &TestServer) -> (Region, talon_protocol::Office) {
    let admin = server.api(talon_server::demo::ADMIN.0, talon_server::demo::ADMIN.1);
    let region: Region = server
        .rt
        .block_on(admin.create_region(&RegionInput {
            name: "Западное отделение".into(),
        }))
        .unwrap();
    let north = add_office(server, "Офис «Северный»", Some(region.id));
    for (login, password, role, regions) in [
        (CENTRAL.0, CENTRAL.1, Role::HeadOffice, vec![]),
        (WEST_HEAD.0, WEST_HEAD.1, Role::RegionHead, vec![region.id]),
    ] {
        let input = StaffInput {
            login: login.into(),
            name: format!("Сотрудник {login}"),
            password: password.into(),
            role,
            offices: vec![],
            regions,
        };
        let _: User = server.rt.block_on(admin.create_staff(&input)).unwrap();
    }
    (region, north)
}

#[test]
fn the_head_office_sees_every_office_trouble_first_and_opens_one() {
    let server = TestServer::start();
    server.quiet_devices();
    let (region, north) = company(&server);
    // The northern visitor waits past the 15-minute norm; the demo office has nobody.
    server.advance_minutes(16);
    let mut desk = desk(server.options(&server.session_file("central.json"), Lang::Ru));
    // The company board is where the head office starts.
    sign_in(&mut desk, CENTRAL.0, CENTRAL.1);
    let open_north = format!("Открыть «{}»", north.name);
    let demo = "Клиентский офис «Центральный»";
    wait_for_label(&mut desk, &open_north);
    // Trouble first: the office with the breach is above the demo office (open now).
    wait_for_label(&mut desk, "Открыт");
    assert!(top_of(&desk, &open_north) < top_of(&desk, "Открыт"));
    wait_for_label(&mut desk, "Нарушения");
    wait_for_label(&mut desk, "16:00");
    snapshot(&mut desk, "company_board_ru");

    // One region only.
    click(&mut desk, &region.name);
    wait_until(&mut desk, "the region's offices only", |d| {
        d.query_by_label("Открыт").is_none() && d.query_by_label(&open_north).is_some()
    });
    click(&mut desk, "English");
    wait_for_label(&mut desk, "Breaches");
    click(&mut desk, "All");
    wait_for_label(&mut desk, "Open");
    assert_eq!(desk.query_all_by_label(demo).count(), 2, "top bar and row");
    snapshot(&mut desk, "company_board_en");

    // A click opens that office's own board.
    click(&mut desk, &format!("Open «{}»", north.name));
    wait_for_label(&mut desk, "Window 7");
    wait_for_label(&mut desk, "С001");
}

#[test]
fn a_region_head_sees_their_region_only() {
    let server = TestServer::start();
    let (_, north) = company(&server);
    let mut desk = desk(server.options(&server.session_file("west.json"), Lang::Ru));
    sign_in(&mut desk, WEST_HEAD.0, WEST_HEAD.1);
    // The company board first, with their one office, open already; the role is named
    // in the top bar.
    wait_for_label(&mut desk, "Открыт");
    wait_for_text(&mut desk, "начальник отделения");
    assert_eq!(desk.query_all_by_label(&north.name).count(), 2);
    assert!(
        desk.query_all_by_label_contains("Центральный")
            .next()
            .is_none(),
        "the demo office is in no region of theirs"
    );
    // Heads above offices watch; they do not administer or serve.
    assert!(desk.query_by_label("Администрирование").is_none());
    assert!(desk.query_by_label("Моё окно").is_none());
    click(&mut desk, "Табло офиса");
    wait_for_label(&mut desk, "Окно 7");
}

#[test]
fn the_administrator_adds_a_region_and_puts_an_office_in_it() {
    let server = TestServer::start();
    let mut desk = desk(server.options(&server.session_file("admin.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::ADMIN.0,
        talon_server::demo::ADMIN.1,
    );
    click_when_ready(&mut desk, "Администрирование");
    crate::admin::press(&mut desk, "Отделения");
    // An empty name is refused in words, and nothing is sent.
    crate::admin::press(&mut desk, "Добавить отделение");
    wait_for_label(&mut desk, "У отделения должно быть название.");
    crate::admin::fill(
        &mut desk,
        "Название нового отделения",
        "Центральное отделение",
    );
    crate::admin::press(&mut desk, "Добавить отделение");
    wait_for_label(&mut desk, "Отделение «Центральное отделение» сохранено.");
    let tick = "Офис «Клиентский офис «Центральный»» в отделении «Центральное отделение»";
    crate::admin::press(&mut desk, tick);
    wait_for_label(&mut desk, "Офис «Клиентский офис «Центральный»» сохранён.");
    let admin = server.api(talon_server::demo::ADMIN.0, talon_server::demo::ADMIN.1);
    let offices = server.rt.block_on(admin.offices()).unwrap();
    let regions = server.rt.block_on(admin.regions()).unwrap();
    assert_eq!(offices[0].region_id, Some(regions[0].id));
    wait_until(&mut desk, "the box ticked", |d| {
        d.get_by_label(tick).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    });
    snapshot(&mut desk, "admin_regions_ru");
    click(&mut desk, "English");
    wait_for_label(&mut desk, "Add the region");
    snapshot(&mut desk, "admin_regions_en");
}

#[test]
fn the_head_sees_a_breach_go_up_and_takes_it_on_with_a_comment() {
    let server = TestServer::start();
    server.quiet_devices();
    server
        .rt
        .block_on(
            server
                .kiosk
                .issue(server.office, READINGS, false, "breach-1"),
        )
        .unwrap();
    let mut desk = desk(server.options(&server.session_file("head.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    wait_for_label(&mut desk, "Окно 1");
    // Past the 15-minute norm, then 15 more minutes with nobody taking it on.
    server.advance_minutes(16);
    wait_for_text(&mut desk, "ждёт дольше нормы");
    server.advance_minutes(15);
    wait_for_label(&mut desk, "передано начальнику отделения");
    let take = desk
        .query_all_by_label_contains("Принять оповещение:")
        .filter_map(|n| n.accesskit_node().label())
        .next()
        .expect("the take-on button");
    click(&mut desk, &take);
    // No comment, no taking on.
    click_when_ready(&mut desk, "Принять");
    wait_for_text(&mut desk, "без комментария оповещение не принять");
    type_into(&mut desk, "Что делается:", "Открываю окно 4");
    click(&mut desk, "Принять");
    wait_for_text(&mut desk, "принял Начальник");
    wait_for_text(&mut desk, "Открываю окно 4");
    assert!(
        desk.query_by_label("передано начальнику отделения")
            .is_none()
    );
    // The blinking "new alert" banner away first: its colour changes with time.
    click(&mut desk, "Принято");
    wait_until(&mut desk, "the banner gone", |d| {
        d.query_by_label("Принято").is_none()
    });
    snapshot(&mut desk, "board_alert_taken_ru");
}
