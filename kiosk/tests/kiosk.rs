//! The real kiosk app, headless, against a real server started in each test.
//! Snapshots: tests/snapshots/*.png, portrait Full HD (1080 × 1920), Russian and English.

mod support;

use egui_kittest::kittest::Queryable;
use support::{TestServer, button, read_qr, snapshot, wait_for, wait_for_home, wait_for_text};
use talon_client::{Api, Lang};
use talon_kiosk::PrinterTarget;
use talon_kiosk::print::{self, PrintedTicket};
use talon_kiosk::ui::Action;
use talon_protocol::api::PublicTicketStatus;
use talon_protocol::{AlertKind, TopicId};

#[test]
fn a_tap_on_a_topic_issues_a_ticket_the_server_has_in_both_languages() {
    let server = TestServer::start();
    let mut kiosk = server.kiosk(Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    wait_for_text(&mut kiosk, "Ожидают: 0 человек · без ожидания");
    snapshot(&mut kiosk, "home_ru");

    button(&kiosk, "Передача показаний").click();
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    assert!(kiosk.query_by_label("П001").is_some());
    assert!(kiosk.query_by_label("Перед вами: 0 человек").is_some());
    assert!(kiosk.query_by_label("Ожидание: меньше минуты").is_some());
    assert!(kiosk.query_by_label_contains("QR").is_some());
    let qr = read_qr(&mut kiosk);
    snapshot(&mut kiosk, "ticket_ru");
    let tickets = server.tickets();
    assert_eq!(tickets.len(), 1);
    assert_eq!(tickets[0].label, "П001");
    assert_eq!(tickets[0].topic_id.0, 1);
    assert!(!tickets[0].out_of_turn);

    // The QR code on screen opens this ticket's page for the visitor's phone.
    let page_path = format!("/t/{}", tickets[0].public_code);
    assert_eq!(qr, format!("{}{page_path}", server.base));
    let page = server
        .rt
        .block_on(async {
            reqwest::get(format!("{}{page_path}", server.base))
                .await?
                .error_for_status()?
                .text()
                .await
        })
        .unwrap();
    assert!(page.contains("П001"), "{page}");
    let status_path = format!("/api/v1/public/tickets/{}", tickets[0].public_code);
    let status: PublicTicketStatus = server
        .rt
        .block_on(Api::new(&server.base, None).get(&status_path))
        .unwrap();
    assert_eq!(status.label, "П001");

    // Without a printer the ticket stays 20 s (time to note the number), then goes.
    server.advance(19);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "ticket");
    server.advance(1);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "home");

    // In English; the home screen shows the new queue.
    button(&kiosk, "English").click();
    wait_for_home(&mut kiosk, Lang::En);
    wait_for_text(&mut kiosk, "Waiting: 1 person · about 20 minutes");
    snapshot(&mut kiosk, "home_en");
    button(&kiosk, "Contracts").click();
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    assert!(kiosk.query_by_label("Д001").is_some());
    snapshot(&mut kiosk, "ticket_en");
    assert_eq!(server.tickets().len(), 2);

    // A tap anywhere returns home, in the kiosk's first language.
    server.advance(2);
    kiosk.get_by_label("Contracts").click();
    kiosk.step();
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "home");
    assert_eq!(kiosk.state().lang(), Lang::Ru);
}

#[test]
fn a_double_tap_makes_one_ticket() {
    let server = TestServer::start();
    let proxy = server
        .rt
        .block_on(support::proxy::CuttingProxy::start(server.addr));
    let mut kiosk = server.kiosk_via(&proxy.url(), Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    let topic_at = button(&kiosk, "Оплата и задолженность").rect().center();

    // The first tap's request is held on its way: provably in flight, not yet issued.
    proxy.hold(true);
    button(&kiosk, "Оплата и задолженность").click();
    wait_for(&mut kiosk, "the first request on its way", |_| {
        proxy.held() == 1
    });
    assert_eq!(kiosk.state().screen_name(), "issuing");
    assert!(server.tickets().is_empty(), "nothing issued yet");

    // The second tap lands while it is in flight: on the screen where the button was,
    // and as the app's own action (what a second tap on the button would produce).
    tap_at(&mut kiosk, topic_at);
    let now = server.now();
    kiosk.state_mut().act(
        Action::TakeTicket {
            topic: TopicId(3),
            out_of_turn: false,
        },
        now,
    );
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "issuing");

    // Released, the first request makes the ticket on screen (a second request would
    // have replaced it, and the ticket shown would be the second one's).
    proxy.hold(false);
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    assert!(kiosk.query_by_label("О001").is_some());
    assert_eq!(proxy.posts(), 1, "one ticket request reached the server");
    let tickets = server.tickets();
    assert_eq!(tickets.len(), 1, "{tickets:?}");
    assert_eq!(tickets[0].label, "О001");

    // The rest of the double tap lands on the ticket: it stays, no second ticket.
    let somewhere = kiosk.get_by_label("О001").rect().center();
    tap_at(&mut kiosk, somewhere);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "ticket");
    assert_eq!(proxy.posts(), 1);
    assert_eq!(server.tickets().len(), 1);
}

/// A touch (press and release) at `pos`.
fn tap_at(kiosk: &mut egui_kittest::Harness<'_, talon_kiosk::KioskApp>, pos: egui::Pos2) {
    for pressed in [true, false] {
        kiosk.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    kiosk.step();
}

#[test]
fn the_out_of_turn_path_lists_who_is_entitled_and_issues_out_of_turn() {
    let server = TestServer::start();
    let mut kiosk = server.kiosk(Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    button(&kiosk, "Вне очереди").click();
    wait_for_text(&mut kiosk, "Право на обслуживание вне очереди имеют:");
    assert!(
        kiosk
            .query_by_label_contains("Инвалиды I и II групп и их сопровождающие")
            .is_some()
    );
    snapshot(&mut kiosk, "out_of_turn_ru");
    button(&kiosk, "English").click();
    wait_for_text(&mut kiosk, "The right to be served out of turn belongs to:");
    snapshot(&mut kiosk, "out_of_turn_en");

    button(&kiosk, "Legal entities").click();
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    assert!(kiosk.query_by_label("OUT OF TURN").is_some());
    let tickets = server.tickets();
    assert_eq!(tickets.len(), 1);
    assert_eq!(tickets[0].label, "Ю001");
    assert!(tickets[0].out_of_turn);

    // Back leaves the path without a ticket.
    server.advance(20);
    kiosk.step();
    button(&kiosk, "Вне очереди").click();
    wait_for_text(&mut kiosk, "Право на обслуживание вне очереди имеют:");
    button(&kiosk, "Назад").click();
    kiosk.step();
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "home");
    assert_eq!(server.tickets().len(), 1);

    // A visitor who walks away leaves the next one the home screen in Russian.
    button(&kiosk, "English").click();
    wait_for_text(&mut kiosk, "Out of turn");
    button(&kiosk, "Out of turn").click();
    wait_for_text(&mut kiosk, "The right to be served out of turn belongs to:");
    server.advance(59);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "out_of_turn");
    server.advance(1);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "home");
    assert_eq!(kiosk.state().lang(), Lang::Ru);
}

#[test]
fn with_the_server_down_issuing_is_unavailable_and_no_ticket_appears() {
    let mut server = TestServer::start();
    let mut kiosk = server.kiosk(Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    server.stop();
    wait_for_text(&mut kiosk, "Нет связи с сервером");
    // The home screen warns at once, and hides the queue it can no longer vouch for.
    assert!(
        kiosk
            .query_by_label_contains("Выдача талонов временно недоступна")
            .is_some()
    );
    assert!(kiosk.query_by_label_contains("Ожидают").is_none());

    // A tap still tries the server (it may be back), then says no ticket was issued.
    button(&kiosk, "Передача показаний").click();
    wait_for(&mut kiosk, "the notice", |h| {
        h.state().screen_name() == "notice"
    });
    assert!(
        kiosk
            .query_by_label("Выдача талонов временно недоступна")
            .is_some()
    );
    assert!(kiosk.query_by_label_contains("П001").is_none());
    snapshot(&mut kiosk, "unavailable_ru");
    button(&kiosk, "English").click();
    wait_for_text(&mut kiosk, "Ticket issuing is temporarily unavailable");
    snapshot(&mut kiosk, "unavailable_en");

    // The server comes back: the kiosk reconnects, and nothing was issued meanwhile.
    server.restart();
    button(&kiosk, "Back").click();
    wait_for_home(&mut kiosk, Lang::Ru);
    assert!(server.tickets().is_empty());
    button(&kiosk, "Передача показаний").click();
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    assert_eq!(server.tickets().len(), 1);
}

#[test]
fn outside_issuing_hours_the_next_opening_is_shown_in_office_time() {
    let server = TestServer::start();
    // 23:56 in Moscow: the demo office stops issuing 5 minutes before its 23:59 close.
    server.clock.set("2026-11-20T20:56:00Z".parse().unwrap());
    let mut kiosk = server.kiosk(Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    button(&kiosk, "Договоры").click();
    wait_for(&mut kiosk, "the notice", |h| {
        h.state().screen_name() == "notice"
    });
    assert!(
        kiosk
            .query_by_label("Выдача талонов сейчас не производится")
            .is_some()
    );
    assert!(kiosk.query_by_label("завтра в 00:00").is_some());
    snapshot(&mut kiosk, "outside_hours_ru");
    button(&kiosk, "English").click();
    wait_for_text(&mut kiosk, "tomorrow at 00:00");
    snapshot(&mut kiosk, "outside_hours_en");
    assert!(server.tickets().is_empty());

    // The notice goes by itself.
    server.advance(15);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "home");
}

#[test]
fn a_retry_after_a_lost_answer_gets_the_same_ticket() {
    let server = TestServer::start();
    let proxy = server
        .rt
        .block_on(support::proxy::CuttingProxy::start(server.addr));
    let mut kiosk = server.kiosk_via(&proxy.url(), Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    proxy.arm();
    button(&kiosk, "Передача показаний").click();
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    assert_eq!(proxy.cuts(), 1, "the first answer was lost");
    assert!(kiosk.query_by_label("П001").is_some());
    let tickets = server.tickets();
    assert_eq!(tickets.len(), 1, "{tickets:?}");
    assert_eq!(tickets[0].label, "П001");
}

#[test]
fn the_ticket_is_printed_and_a_broken_printer_is_reported_on_screen() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let device = dir.path().join("lp0");
    std::fs::write(&device, b"").unwrap();
    let mut kiosk = server.kiosk(Lang::Ru, PrinterTarget::File(device.clone()));
    wait_for_home(&mut kiosk, Lang::Ru);
    button(&kiosk, "Передача показаний").click();
    wait_for_text(&mut kiosk, "Возьмите талон из принтера");
    let ticket = &server.tickets()[0];
    let expected = print::ticket_bytes(&PrintedTicket {
        lang: Lang::Ru,
        office_name: "Клиентский офис «Центральный»".into(),
        label: "П001".into(),
        topic_name: "Передача показаний".into(),
        out_of_turn: false,
        issued_local: "20.11.2026 10:00".into(),
        people_ahead: 0,
        estimated_wait_ms: 0,
        wait_range: None,
        status_url: format!("{}/t/{}", server.base, ticket.public_code),
    })
    .expect("the ticket encodes");
    assert_eq!(std::fs::read(&device).unwrap(), expected);
    // With the ticket in hand, the screen goes after 8 s.
    server.advance(7);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "ticket");
    server.advance(1);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "home");

    // The printer is unplugged: the ticket still exists and is on screen, with a warning.
    std::fs::remove_file(&device).unwrap();
    button(&kiosk, "Договоры").click();
    wait_for_text(&mut kiosk, "Принтер не работает");
    assert!(kiosk.query_by_label("Д001").is_some());
    assert_eq!(server.tickets().len(), 2);
    // The failure reached the server too (its log and its fault counter).
    let reported = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        server
            .metrics()
            .contains("talon_device_faults_total{kind=\"printer\"}")
    });
    assert!(reported, "the printer fault was not reported to the server");
    // …and is an alert for the office head.
    let printer_alert =
        |server: &TestServer| {
            server.snapshot().alerts.iter().any(
                |a| matches!(&a.kind, AlertKind::DeviceFault { fault, .. } if fault == "printer"),
            )
        };
    assert!(printer_alert(&server));
    // Without paper the ticket stays longer on screen.
    server.advance(10);
    kiosk.step();
    assert_eq!(kiosk.state().screen_name(), "ticket");

    // The printer is back: the next ticket prints, and the head's alert clears.
    std::fs::write(&device, b"").unwrap();
    server.advance(60);
    kiosk.step();
    wait_for_home(&mut kiosk, Lang::Ru);
    button(&kiosk, "Договоры").click();
    wait_for_text(&mut kiosk, "Возьмите талон из принтера");
    let cleared = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        !printer_alert(&server)
    });
    assert!(cleared, "the printer alert stayed after a good print");
}

/// Types a booking code on the kiosk's keypad.
fn type_code(kiosk: &mut egui_kittest::Harness<'_, talon_kiosk::KioskApp>, code: &str) {
    for digit in code.chars() {
        kiosk
            .get_by_role_and_label(egui::accesskit::Role::Button, &digit.to_string())
            .click();
        kiosk.step();
        kiosk.step();
    }
}

#[test]
fn a_booked_visitor_checks_in_with_the_code_on_the_keypad() {
    use talon_protocol::booking::{BookingRequest, BookingTarget};
    let server = TestServer::start();
    // The demo books contracts in 20-minute slots, 30 minutes ahead: 10:40 is the first.
    let contracts = TopicId(2);
    let visitor = Api::new(&server.base, None);
    let booking = server
        .rt
        .block_on(async {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
            let slots = visitor
                .slots(
                    server.access.office,
                    BookingTarget::Topic(contracts),
                    day,
                    day,
                )
                .await?;
            visitor
                .book(
                    server.access.office,
                    &BookingRequest {
                        topic_id: Some(contracts),
                        staff_id: None,
                        start: slots[0].start,
                        name: None,
                        phone: None,
                    },
                )
                .await
        })
        .unwrap();
    assert_eq!(
        booking.start.to_rfc3339(),
        "2026-11-20T07:40:00+00:00",
        "10:40 in Moscow"
    );

    let mut kiosk = server.kiosk(Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    button(&kiosk, "У меня запись").click();
    wait_for_text(&mut kiosk, "Введите код записи");
    // The snapshot with digits of its own (a booking's code is random), erased after.
    type_code(&mut kiosk, "17081");
    wait_for_text(&mut kiosk, "1708 1–––");
    snapshot(&mut kiosk, "check_in_ru");
    for _ in 0..5 {
        button(&kiosk, "Стереть").click();
        kiosk.step();
        kiosk.step();
    }
    wait_for_text(&mut kiosk, "–––– ––––");
    type_code(&mut kiosk, &booking.code[..5]);
    type_code(&mut kiosk, &booking.code[5..]);
    // At 10:00 it is too early: check-in opens at 10:10.
    button(&kiosk, "Готово").click();
    wait_for_text(&mut kiosk, "Рано для отметки по записи");
    wait_for_text(&mut kiosk, "сегодня в 10:10");
    snapshot(&mut kiosk, "check_in_too_early_ru");
    assert!(server.tickets().is_empty(), "no ticket yet");

    // A wrong code is said plainly.
    button(&kiosk, "Назад").click();
    wait_for_home(&mut kiosk, Lang::Ru);
    button(&kiosk, "У меня запись").click();
    wait_for_text(&mut kiosk, "Введите код записи");
    type_code(&mut kiosk, "00000000");
    button(&kiosk, "Готово").click();
    wait_for_text(&mut kiosk, "Запись не найдена");

    // At 10:15 the visitor checks in: a contracts ticket, booked, like any other.
    // (The notice goes home by itself after 15 seconds.)
    server.advance(15 * 60);
    wait_for(&mut kiosk, "home", |h| h.state().screen_name() == "home");
    wait_for_home(&mut kiosk, Lang::Ru);
    wait_for_text(&mut kiosk, "У меня запись");
    button(&kiosk, "У меня запись").click();
    wait_for_text(&mut kiosk, "Введите код записи");
    type_code(&mut kiosk, &booking.code);
    button(&kiosk, "Готово").click();
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    assert!(kiosk.query_by_label("Д001").is_some());
    let tickets = server.tickets();
    assert_eq!(tickets.len(), 1);
    assert_eq!(tickets[0].label, "Д001");
    let booked = tickets[0].booking.as_ref().expect("the ticket is booked");
    assert_eq!(booked.slot_start, booking.start);

    // In English, the keypad.
    server.advance(30);
    kiosk.step();
    kiosk.step();
    button(&kiosk, "English").click();
    wait_for_home(&mut kiosk, Lang::En);
    wait_for_text(&mut kiosk, "I have a booking");
    button(&kiosk, "I have a booking").click();
    wait_for_text(&mut kiosk, "Type your booking code");
    snapshot(&mut kiosk, "check_in_en");
}

/// With a queue and a window open, the home screen and the ticket say the forecast's
/// range ("≈ 20–41 мин"), as the server predicts it, on screen and on paper alike.
#[test]
fn the_ticket_tells_the_forecast_range() {
    let server = TestServer::start();
    let agent = server.sign_in("agent1", "talon-agent");
    server
        .rt
        .block_on(
            agent.window_action::<talon_protocol::Window>(talon_protocol::WindowId(1), "open"),
        )
        .expect("window 1 opens");
    for _ in 0..2 {
        server.issue(TopicId(1), false);
        server.advance(60);
    }
    let load = server.settled_load();
    let readings = load.iter().find(|l| l.topic_id == TopicId(1)).unwrap();
    let range = readings.wait_range.expect("a forecast for readings");
    let (low, high) = range.minutes();
    assert!(low < high, "{range:?}");

    let mut kiosk = server.kiosk(Lang::Ru, PrinterTarget::None);
    wait_for_home(&mut kiosk, Lang::Ru);
    wait_for_text(
        &mut kiosk,
        &format!("Ожидают: 2 человека · ≈ {low}–{high} мин"),
    );
    button(&kiosk, "Передача показаний").click();
    wait_for(&mut kiosk, "the ticket", |h| {
        h.state().screen_name() == "ticket"
    });
    // The new ticket was the newcomer the forecast imagined: the same range.
    let line = format!("Ожидание: ≈ {low}–{high} мин");
    assert!(kiosk.query_by_label(&line).is_some(), "{line}");
    let facts = talon_kiosk::ui::ticket::facts(Lang::Ru, "10:02", 2, range.median_ms, Some(&range));
    assert_eq!(facts[2], line, "paper says what the screen says");
    snapshot(&mut kiosk, "ticket_forecast_ru");
}
