//! Bookings in the desk: an agent books a visitor who phoned, sees the day's bookings
//! with the contact, and cancels one.

use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;

#[test]
fn an_agent_books_a_visitor_who_phoned_and_cancels_the_booking() {
    let server = TestServer::start();
    let mut desk = desk(server.options(&server.session_file("agent2.json"), Lang::Ru));
    sign_in(&mut desk, "agent2", AGENT_PASSWORD);
    click_when_ready(&mut desk, "Запись");
    wait_for_label(&mut desk, "Записать посетителя");
    // The demo books contracts and the head's reception.
    click_when_ready(&mut desk, "Д Договоры");
    assert!(desk.query_by_label("Приём начальника офиса").is_some());
    click(&mut desk, "Показать свободное время");
    // 10:00 now, 30 minutes' lead, 20-minute slots: 10:40 is the first free time.
    wait_for_label(&mut desk, "10:40");
    click(&mut desk, "10:40");
    type_into(&mut desk, "Имя:", "Пётр Иванов");
    type_into(&mut desk, "Телефон:", "+7 900 111-22-33");
    snapshot(&mut desk, "desk_booking_ru");
    click(&mut desk, "Записать на 10:40");
    wait_for_text(&mut desk, "Записан на 10:40. Код записи:");

    // The server has it, with the contact, and the day's list shows it.
    let bookings = server
        .rt
        .block_on(server.head().bookings(
            server.access.office,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        ))
        .unwrap();
    assert_eq!(bookings.len(), 1);
    assert_eq!(bookings[0].name.as_deref(), Some("Пётр Иванов"));
    assert_eq!(bookings[0].phone.as_deref(), Some("+7 900 111-22-33"));
    let code = bookings[0].view.code.clone();
    // In the confirmation and in the day's list.
    assert!(
        desk.query_all_by_label_contains(&format!("{} {}", &code[..4], &code[4..]))
            .next()
            .is_some()
    );
    wait_for_label(&mut desk, "Пётр Иванов");
    wait_for_label(&mut desk, "записан");

    click(&mut desk, "Отменить запись на 10:40");
    wait_for_label(&mut desk, "отменена");
    let view = server
        .rt
        .block_on(
            talon_client::Api::new(&server.base, None).get::<talon_protocol::booking::BookingView>(
                &format!("/api/v1/public/bookings/{code}"),
            ),
        )
        .unwrap();
    assert_eq!(
        view.status,
        talon_protocol::booking::BookingStatus::Cancelled
    );
}
