//! An agent serves visitors: open a window, see the queue, call, recall, start, finish,
//! no-show, transfer, postpone, pause, resume, close; a refusal shows the server's word.

use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;
use talon_protocol::api::TopicSummary;
use talon_protocol::{Outcome, OverrunReason, TicketStatus, WindowId, WindowState};

fn window_1(snapshot: &talon_protocol::Snapshot) -> &talon_protocol::Window {
    snapshot
        .windows
        .iter()
        .find(|w| w.id == WindowId(1))
        .unwrap()
}

#[test]
fn an_agent_serves_visitors_from_the_queue() {
    let server = TestServer::start();
    let file = server.session_file("agent1.json");
    let mut desk = desk(server.options(&file, Lang::Ru));
    sign_in(&mut desk, "agent1", AGENT_PASSWORD);
    assert!(file.exists(), "the sign-in is kept on disk");

    click_when_ready(&mut desk, "Открыть окно 1");
    wait_for_label(&mut desk, "Очередь к окну: 0");
    let agent1 = window_1(&server.snapshot()).agent_id;
    assert!(agent1.is_some());
    assert_eq!(window_1(&server.snapshot()).state, WindowState::Idle);

    // Tickets issued at the kiosk appear in the window's queue, in dispatch order.
    let p1 = server.issue(READINGS, false);
    server.advance_minutes(2);
    let o1 = server.issue(PAYMENTS, false);
    server.advance_minutes(1);
    let p2 = server.issue(READINGS, true);
    let d1 = server.issue(CONTRACTS, false);
    wait_for_label(&mut desk, "Очередь к окну: 3");
    let head = server.head();
    let order: Vec<String> = server
        .rt
        .block_on(head.window_queue(WindowId(1)))
        .unwrap()
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert_eq!(
        order,
        [p2.label.clone(), p1.label.clone(), o1.label.clone()]
    );
    let tops: Vec<f32> = order.iter().map(|l| top_of(&desk, l)).collect();
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "same order as the server: {tops:?}"
    );
    assert!(
        desk.query_by_label(&d1.label).is_none(),
        "not this window's topic"
    );
    assert!(desk.query_by_label("вне очереди").is_some());

    let call = "Вызвать следующего  (ждут: 3)  [F1]";
    assert!(is_enabled(&desk, call));
    for disabled in [
        "Завершить  [F4]",
        "Повторный вызов  [F2]",
        "Продолжить работу  [F9]",
    ] {
        assert!(
            !is_enabled(&desk, disabled),
            "{disabled} makes no sense now"
        );
    }

    // Call next: the out-of-turn visitor first.
    click(&mut desk, call);
    wait_for_server(&server, &mut desk, "called П002", |s| {
        window_1(s).state == WindowState::Calling && window_1(s).current_ticket == Some(p2.id)
    });
    wait_for_label(&mut desk, "ВНЕ ОЧЕРЕДИ");
    assert!(!is_enabled(&desk, "Вызвать следующего  (ждут: 2)  [F1]"));
    assert!(!is_enabled(&desk, "Завершить  [F4]"));

    // Recall and start with the keyboard.
    desk.key_press(egui::Key::F2);
    wait_until(&mut desk, "recalled", |_| server.ticket(&p2).recalls == 1);
    wait_for_text(&mut desk, "повторных вызовов: 1");
    desk.key_press(egui::Key::F3);
    wait_until(&mut desk, "serving", |_| {
        server.ticket(&p2).status == TicketStatus::Serving
    });
    wait_until(&mut desk, "finish enabled", |d| {
        d.query_by_label("Завершить  [F4]").is_some() && is_enabled(d, "Завершить  [F4]")
    });

    // The service timer runs on the server's clock and turns red past the norm (20 min).
    wait_for_label(&mut desk, "норма 20 мин · в норме");
    server.advance_minutes(21);
    wait_for_label(&mut desk, "21:00");
    wait_for_label(&mut desk, "норма 20 мин · сверх нормы");

    // Finish: deferred with a deadline, two topics, an overrun reason.
    click(&mut desk, "Завершить  [F4]");
    wait_for_label(&mut desk, "Отложено со сроком");
    click(&mut desk, "Отложено со сроком");
    type_into(&mut desk, "Срок ответа клиенту:", "01.12.2026");
    click(&mut desk, "2");
    click(&mut desk, "технический сбой");
    click(&mut desk, "Завершить  [Enter]");
    wait_until(&mut desk, "finished", |_| {
        server.ticket(&p2).status == TicketStatus::Done
    });
    let done = server.ticket(&p2);
    assert_eq!(
        done.outcome,
        Some(Outcome::Deferred {
            deadline: "2026-12-01".parse().unwrap()
        })
    );
    assert_eq!(done.topics_count, Some(2));
    assert_eq!(done.overrun_reason, Some(OverrunReason::TechnicalFailure));
    // Today's own figures follow.
    wait_for_label(&mut desk, "Обслужено: 1");

    // No-show with the keyboard.
    wait_for_label(&mut desk, "Вызвать следующего  (ждут: 2)  [F1]");
    desk.key_press(egui::Key::F1);
    wait_for_server(&server, &mut desk, "called П001", |s| {
        window_1(s).current_ticket == Some(p1.id)
    });
    wait_until(&mut desk, "no-show enabled", |d| {
        is_enabled(d, "Клиент не явился  [F5]")
    });
    desk.key_press(egui::Key::F5);
    wait_until(&mut desk, "no-show", |_| {
        server.ticket(&p1).status == TicketStatus::NoShow
    });
    wait_for_label(&mut desk, "Не явились: 1");

    // Transfer to another topic, back of its queue.
    click_when_ready(&mut desk, "Вызвать следующего  (ждут: 1)  [F1]");
    wait_for_server(&server, &mut desk, "called О001", |s| {
        window_1(s).current_ticket == Some(o1.id)
    });
    click_when_ready(&mut desk, "Перенаправить  [F6]");
    wait_for_label(&mut desk, "Перенаправить талон О001");
    click(&mut desk, "Д Договоры");
    click(&mut desk, "в конец");
    click(&mut desk, "Перенаправить  [Enter]");
    wait_until(&mut desk, "transferred", |_| {
        let t = server.ticket(&o1);
        t.status == TicketStatus::Waiting && t.topic_id == CONTRACTS && t.transfers == 1
    });
    wait_for_label(&mut desk, "Очередь к окну: 0");

    // Postpone for 15 minutes.
    let p3 = server.issue(READINGS, false);
    click_when_ready(&mut desk, "Вызвать следующего  (ждут: 1)  [F1]");
    wait_for_server(&server, &mut desk, "called П003", |s| {
        window_1(s).current_ticket == Some(p3.id)
    });
    click_when_ready(&mut desk, "Отложить  [F7]");
    click(&mut desk, "15 мин");
    click(&mut desk, "Отложить  [Enter]");
    wait_until(&mut desk, "postponed", |_| {
        let t = server.ticket(&p3);
        t.status == TicketStatus::Postponed
            && t.postponed_until == Some(server.now() + chrono::Duration::minutes(15))
    });

    // A pause without a reason is refused by the server, and its message is shown.
    click_when_ready(&mut desk, "Перерыв  [F8]");
    click(&mut desk, "Начать перерыв  [Enter]");
    wait_for_text(&mut desk, "Сервер отказал: say why the window is paused");
    assert_eq!(window_1(&server.snapshot()).state, WindowState::Idle);

    // With a reason and a return time it works.
    click(&mut desk, "Обед");
    type_into(&mut desk, "Вернусь через, мин:", "30");
    click(&mut desk, "Начать перерыв  [Enter]");
    wait_for_server(&server, &mut desk, "paused", |s| {
        let pause = window_1(s).pause.clone();
        window_1(s).state == WindowState::Paused
            && pause.is_some_and(|p| {
                p.reason == "Обед" && p.until == Some(server.now() + chrono::Duration::minutes(30))
            })
    });
    wait_for_label(&mut desk, "Перерыв: Обед");

    // Resume with the keyboard, then close the window.
    wait_until(&mut desk, "resume enabled", |d| {
        is_enabled(d, "Продолжить работу  [F9]")
    });
    desk.key_press(egui::Key::F9);
    wait_for_server(&server, &mut desk, "resumed", |s| {
        window_1(s).state == WindowState::Idle
    });
    click_when_ready(&mut desk, "Закрыть окно  [F10]");
    wait_for_server(&server, &mut desk, "closed", |s| {
        window_1(s).state == WindowState::Closed
    });
    wait_for_label(&mut desk, "Открыть окно 1");

    // The kiosk's view agrees: the transferred ticket waits for contracts.
    let topics: Vec<TopicSummary> = server
        .rt
        .block_on(server.kiosk.topics(server.office))
        .unwrap();
    let contracts = topics.iter().find(|t| t.topic.id == CONTRACTS).unwrap();
    assert_eq!(contracts.load.waiting, 2);
}
