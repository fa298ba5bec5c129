//! The office head: the live board with alerts, acting on the queue, editing norms,
//! reports with CSV export, several offices.

use crate::helpers::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;
use talon_protocol::{TicketStatus, TopicId, Window, WindowId, WindowState};

const LEGAL: TopicId = TopicId(4);

fn head_desk(server: &TestServer, name: &str) -> Desk {
    let mut desk = desk(server.options(&server.session_file(name), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    desk
}

fn window(server: &TestServer, id: i64) -> Window {
    server
        .snapshot()
        .windows
        .into_iter()
        .find(|w| w.id == WindowId(id))
        .unwrap()
}

#[test]
fn the_board_raises_a_breach_alert_and_the_head_acts_on_the_queue() {
    let server = TestServer::start();
    // Only the queue's alerts, not the silent demo devices', as the clock moves.
    server.quiet_devices();
    let agent = server.api("agent1", AGENT_PASSWORD);
    server
        .rt
        .block_on(agent.window_action::<Window>(WindowId(1), "open"))
        .unwrap();
    let mut desk = head_desk(&server, "head.json");
    wait_for_label(&mut desk, "Окно 4");
    wait_for_label(&mut desk, "Оповещений нет");

    // Legal entities wait at most 5 minutes; nobody serves them now.
    let ticket = server.issue(LEGAL, false);
    wait_for_label(&mut desk, &ticket.label);
    server.advance_minutes(6);
    let sentence = "Талон Ю001 ждёт дольше нормы (Юридические лица)";
    wait_for_label(&mut desk, &format!("Новое оповещение: {sentence}"));
    assert!(
        desk.query_by_label(sentence).is_some(),
        "listed with the active alerts"
    );
    assert!(desk.query_by_label("Оповещения: 1").is_some());
    click(&mut desk, "Принято");
    assert!(desk.query_by_label_contains("Новое оповещение").is_none());
    assert!(desk.query_by_label(sentence).is_some());

    // Split the queue: window 1 takes legal entities instead of payments.
    click(&mut desk, "Окно 1");
    click(&mut desk, "Изменить темы");
    // The board's topic table names the topics too: take the checkboxes.
    for topic in ["О Оплата и задолженность", "Ю Юридические лица"]
    {
        desk.get_by_role_and_label(Role::CheckBox, topic).click();
        desk.step();
        desk.step();
    }
    click(&mut desk, "Сохранить темы  [Enter]");
    wait_for_server(&server, &mut desk, "window 1 topics", |s| {
        s.windows
            .iter()
            .any(|w| w.id == WindowId(1) && w.topics == [TopicId(1), LEGAL])
    });
    wait_for_label(&mut desk, "Темы окна сохранены.");

    // Transfer the waiting ticket to window 1, front of the queue.
    click(&mut desk, &ticket.label);
    wait_for_label(&mut desk, "Перенаправить талон Ю001");
    click(&mut desk, "в окно");
    click(&mut desk, "к окну 1");
    click(&mut desk, "Перенаправить  [Enter]");
    wait_until(&mut desk, "transferred to window 1", |_| {
        let t = server.ticket(&ticket);
        t.target_window == Some(WindowId(1)) && t.front && t.status == TicketStatus::Waiting
    });

    // Pause the window, resume it, close it.
    click_when_ready(&mut desk, "Объявить перерыв");
    click(&mut desk, "Работа с документами");
    click(&mut desk, "Начать перерыв  [Enter]");
    wait_until(&mut desk, "paused", |_| {
        window(&server, 1).state == WindowState::Paused
    });
    click_when_ready(&mut desk, "Снять перерыв");
    wait_until(&mut desk, "resumed", |_| {
        window(&server, 1).state == WindowState::Idle
    });
    click_when_ready(&mut desk, "Закрыть окно");
    wait_until(&mut desk, "closed", |_| {
        window(&server, 1).state == WindowState::Closed
    });
    // Nobody is stranded behind the closed window.
    wait_until(&mut desk, "released", |_| {
        server.ticket(&ticket).target_window.is_none()
    });
}

#[test]
fn an_edited_norm_takes_effect_on_the_board_and_on_the_server() {
    let server = TestServer::start();
    let ticket = server.issue(READINGS, false);
    server.advance_minutes(6);
    let mut desk = head_desk(&server, "head.json");
    wait_for_any(&mut desk, "6:00");
    wait_for_label(&mut desk, "в норме");
    assert!(desk.query_by_label_contains("ждёт дольше нормы").is_none());

    click(&mut desk, "Нормативы");
    click_when_ready(&mut desk, "П Передача показаний");
    // The server checks the values and says what is wrong.
    type_into(&mut desk, "Норма ожидания, мин:", "0");
    click(&mut desk, "Сохранить нормативы  [Enter]");
    wait_for_text(&mut desk, "norms are whole minutes from 1 to 1440");

    type_into(&mut desk, "Норма ожидания, мин:", "5");
    click(&mut desk, "Сохранить нормативы  [Enter]");
    wait_for_label(&mut desk, "Нормативы сохранены.");
    let topic = server
        .snapshot()
        .topics
        .into_iter()
        .find(|t| t.id == READINGS)
        .unwrap();
    assert_eq!(topic.norms.wait.minutes, 5);
    // Legal entities already had 5 minutes; now readings have them too.
    wait_until(&mut desk, "the table shows the new norm", |d| {
        d.query_all_by_label("не более 5 мин").count() == 2
    });

    // The board colours the wait against the new norm, and the server raises the alert.
    click(&mut desk, "Табло офиса");
    wait_for_label(&mut desk, "сверх нормы");
    assert!(desk.query_by_label("в норме").is_none());
    wait_for_label(
        &mut desk,
        &format!(
            "Талон {} ждёт дольше нормы (Передача показаний)",
            ticket.label
        ),
    );
}

#[test]
fn a_poor_rating_reaches_the_head_s_board_as_it_arrives() {
    let server = TestServer::start();
    // An hour passes below: the silent demo devices would raise alerts of their own.
    server.quiet_devices();
    let agent = server.api("agent1", AGENT_PASSWORD);
    let ticket = server.issue(READINGS, false);
    server.rt.block_on(async {
        agent
            .window_action::<Window>(WindowId(1), "open")
            .await
            .unwrap();
        agent.call_next(WindowId(1)).await.unwrap();
        agent.ticket_action(ticket.id, "start").await.unwrap();
        let finish = talon_protocol::api::FinishRequest {
            outcome: talon_protocol::Outcome::Resolved,
            topics_count: 1,
            overrun_reason: None,
        };
        agent.finish(ticket.id, &finish).await.unwrap();
    });
    let mut desk = head_desk(&server, "head.json");
    wait_for_label(&mut desk, "Оповещений нет");

    let rating = talon_protocol::api::FeedbackRequest {
        rating: 1,
        comment: Some("Мой телефон +7 900 000-00-00".into()),
    };
    let _: talon_protocol::api::PublicTicketStatus = server
        .rt
        .block_on(talon_client::Api::new(&server.base, None).post(
            &format!("/api/v1/public/tickets/{}/feedback", ticket.public_code),
            &rating,
        ))
        .unwrap();
    let sentence = format!(
        "Оценка посетителя «очень плохо»: талон {}, окно 1",
        ticket.label
    );
    wait_for_label(&mut desk, &format!("Новое оповещение: {sentence}"));
    assert!(desk.query_by_label(&sentence).is_some(), "listed");
    assert!(
        desk.query_by_label_contains("+7 900").is_none(),
        "the comment is not on the board"
    );
    // An hour later it has left the alerts; the reports keep it.
    server.advance_minutes(61);
    wait_for_label(&mut desk, "Оповещений нет");
}

#[test]
fn reports_show_the_servers_statistics_and_export_them_as_csv() {
    let server = TestServer::start();
    let agent = server.api("agent1", AGENT_PASSWORD);
    let w1 = WindowId(1);
    let first = server.issue(READINGS, false);
    server.advance_minutes(1);
    let second = server.issue(READINGS, false);
    server.rt.block_on(async {
        agent.window_action::<Window>(w1, "open").await.unwrap();
        server.clock.advance(chrono::Duration::minutes(3));
        let called = agent.call_next(w1).await.unwrap();
        assert_eq!(called.id, first.id);
        agent.ticket_action(first.id, "start").await.unwrap();
        server.clock.advance(chrono::Duration::minutes(6));
        let finish = talon_protocol::api::FinishRequest {
            outcome: talon_protocol::Outcome::Resolved,
            topics_count: 1,
            overrun_reason: None,
        };
        agent.finish(first.id, &finish).await.unwrap();
        let called = agent.call_next(w1).await.unwrap();
        assert_eq!(called.id, second.id);
        agent.ticket_action(second.id, "no-show").await.unwrap();
        // The visitor rates the first visit «хорошо» on their phone.
        let rating = talon_protocol::api::FeedbackRequest {
            rating: 4,
            comment: None,
        };
        let rated: talon_protocol::api::PublicTicketStatus =
            talon_client::Api::new(&server.base, None)
                .post(
                    &format!("/api/v1/public/tickets/{}/feedback", first.public_code),
                    &rating,
                )
                .await
                .unwrap();
        assert!(rated.rated);
    });

    let mut desk = head_desk(&server, "head.json");
    click_when_ready(&mut desk, "Отчёты");
    click_when_ready(&mut desk, "Показать");
    wait_for_label(&mut desk, "По темам");
    wait_for_label(&mut desk, "П Передача показаний");
    wait_for_label(&mut desk, "Ольга");
    // The rating columns: one rating, 4.00 on average and within the wait norm, none over.
    for column in [
        "Оценок",
        "Ср. оценка",
        "Оценка в норме ожид.",
        "Оценка сверх нормы",
    ] {
        wait_for_any(&mut desk, column);
    }
    assert!(desk.query_all_by_label("4.00").count() >= 2);
    wait_for_text(
        &mut desk,
        "Среднее ожидание за месяц 2026-11: 6.5 мин в пределах нормы",
    );

    let path = server.files().join("report.csv");
    type_into(&mut desk, "Файл CSV:", &path.display().to_string());
    click(&mut desk, "Экспорт в CSV");
    wait_for_label(&mut desk, &format!("Отчёт сохранён: {}", path.display()));

    // The file, written out by hand from the day above: the first visit waited 4 min and
    // was served for 6 (10 in the office), the second waited 9 and did not come; both
    // are Ольга's (agent1, staff id 3). Readings' norms are 15 / 20 / 35 min. The first
    // visit was rated 4 (хорошо), within the wait norm.
    let expected = [
        "Период с,Период по",
        "2026-11-20,2026-11-20",
        "",
        "Раздел,Код,Название,Выдано,Обслужено,Решено,Отложено,Отказано,Другое,Не явились,\
         Отменено,Не завершено,Перенаправлений,Ожидание: среднее (мин),\
         Ожидание: медиана (мин),Ожидание: 90% (мин),В норме ожидания (%),\
         Обслуживание: среднее (мин),Обслуживание: медиана (мин),Обслуживание: 90% (мин),\
         В норме обслуживания (%),В офисе: среднее (мин),В норме общего времени (%),\
         Оценок посетителей,Средняя оценка,Средняя оценка: в норме ожидания,\
         Средняя оценка: сверх нормы ожидания,Оценок «отлично»,Оценок «хорошо»,\
         Оценок «удовлетворительно»,Оценок «плохо»,Оценок «очень плохо»",
        "Итого,,,2,1,1,0,0,0,1,0,0,0,6.5,4.0,9.0,100.0,6.0,6.0,6.0,100.0,10.0,100.0,1,4.00,4.00,,0,1,0,0,0",
        "Тема,П,Передача показаний,2,1,1,0,0,0,1,0,0,0,6.5,4.0,9.0,100.0,6.0,6.0,6.0,100.0,10.0,100.0,1,4.00,4.00,,0,1,0,0,0",
        "Тема,Д,Договоры,0,0,0,0,0,0,0,0,0,0,,,,,,,,,,,0,,,,0,0,0,0,0",
        "Тема,О,Оплата и задолженность,0,0,0,0,0,0,0,0,0,0,,,,,,,,,,,0,,,,0,0,0,0,0",
        "Тема,Ю,Юридические лица,0,0,0,0,0,0,0,0,0,0,,,,,,,,,,,0,,,,0,0,0,0,0",
        "Сотрудник,3,Ольга,2,1,1,0,0,0,1,0,0,0,6.5,4.0,9.0,100.0,6.0,6.0,6.0,100.0,10.0,100.0,1,4.00,4.00,,0,1,0,0,0",
        "",
        "Месяц,Вызвано,Среднее ожидание (мин),Предел (мин),В пределах",
        "2026-11,2,6.5,30.0,да",
    ];
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written.lines().collect::<Vec<_>>(), expected);
    assert!(written.ends_with("да\n"), "every line ends with a newline");
}

#[test]
fn a_head_of_several_offices_sees_a_row_per_office_and_opens_one() {
    let server = TestServer::start();
    let north = add_office(&server, "Офис «Северный»", None);
    let mut desk = desk(server.options(&server.session_file("admin.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::ADMIN.0,
        talon_server::demo::ADMIN.1,
    );
    wait_for_label(&mut desk, "Окно 1");
    click(&mut desk, "Офисы");
    wait_for_label(&mut desk, &format!("Открыть «{}»", north.name));
    // The office open now has a disabled button; the top bar names it as well.
    wait_for_label(&mut desk, "Открыт");
    assert!(!is_enabled(&desk, "Открыт"));
    assert_eq!(
        desk.query_all_by_label("Клиентский офис «Центральный»")
            .count(),
        2
    );
    click_when_ready(&mut desk, &format!("Открыть «{}»", north.name));
    // The board of the other office, with its window and its waiting ticket.
    wait_for_label(&mut desk, "Окно 7");
    wait_for_label(&mut desk, "С001");
    assert!(desk.query_by_label("Окно 1").is_none());
}
