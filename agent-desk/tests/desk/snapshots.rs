//! Image snapshots of the agent screen and the head board, Russian and English
//! (1600×1000, rendered on the CPU: WGPU_BACKEND=gl).

use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;
use talon_protocol::api::FinishRequest;
use talon_protocol::{Outcome, TopicId, Window, WindowId};

fn finish(server: &TestServer, api: &talon_client::Api, ticket: &talon_protocol::Ticket) {
    let request = FinishRequest {
        outcome: Outcome::Resolved,
        topics_count: 1,
        overrun_reason: None,
    };
    server.rt.block_on(api.finish(ticket.id, &request)).unwrap();
}

#[test]
fn agent_screen_with_a_visitor_and_a_queue() {
    let server = TestServer::start();
    server.quiet_devices();
    let p1 = server.issue(READINGS, false);
    server.advance_minutes(3);
    server.issue(PAYMENTS, false);
    server.advance_minutes(5);
    server.issue(READINGS, true);
    server.issue(READINGS, false);
    server.issue(CONTRACTS, false);

    let file = server.session_file("agent1.json");
    let mut desk = desk(server.options(&file, Lang::Ru));
    sign_in(&mut desk, "agent1", AGENT_PASSWORD);
    click_when_ready(&mut desk, "Открыть окно 1");
    // One visit done today, so the own figures have numbers.
    let agent = server.api("agent1", AGENT_PASSWORD);
    let first = server.rt.block_on(agent.call_next(WindowId(1))).unwrap();
    server
        .rt
        .block_on(agent.ticket_action(first.id, "start"))
        .unwrap();
    server.advance_minutes(9);
    finish(&server, &agent, &first);
    // The visitor now at the window has waited past the norm; the service runs 12 min.
    server.advance_minutes(9);
    click_when_ready(&mut desk, "Вызвать следующего  (ждут: 3)  [F1]");
    wait_until(&mut desk, "called П001", |d| {
        d.query_by_label("Начать обслуживание  [F3]").is_some()
            && is_enabled(d, "Начать обслуживание  [F3]")
    });
    assert_eq!(server.ticket(&p1).window_id, Some(WindowId(1)));
    click_when_ready(&mut desk, "Начать обслуживание  [F3]");
    wait_until(&mut desk, "serving", |d| is_enabled(d, "Завершить  [F4]"));
    server.advance_minutes(12);
    wait_for_label(&mut desk, "12:00");
    wait_for_label(&mut desk, "Обслужено: 1");
    wait_for_label(&mut desk, "На связи");
    snapshot(&mut desk, "agent_screen_ru");

    click(&mut desk, "English");
    wait_for_label(&mut desk, "Served: 1");
    snapshot(&mut desk, "agent_screen_en");
}

#[test]
fn head_board_with_an_alert() {
    let server = TestServer::start();
    // The demo devices' contact depends on when the ticker runs between clock moves:
    // kept out of the picture.
    server.quiet_devices();
    let agent1 = server.api("agent1", AGENT_PASSWORD);
    let agent2 = server.api("agent2", AGENT_PASSWORD);
    // 10:00 П001, 10:01 О001, 10:02 Ю001, Д001 out of turn, П002.
    server.issue(READINGS, false);
    server.advance_minutes(1);
    server.issue(PAYMENTS, false);
    server.advance_minutes(1);
    server.issue(TopicId(4), false);
    server.issue(CONTRACTS, true);
    server.issue(READINGS, false);
    server.rt.block_on(async {
        agent1
            .window_action::<Window>(WindowId(1), "open")
            .await
            .unwrap();
        agent2
            .window_action::<Window>(WindowId(2), "open")
            .await
            .unwrap();
        // Window 1 serves П001 (waited 2 min) for 5 minutes, then calls О001.
        let t = agent1.call_next(WindowId(1)).await.unwrap();
        agent1.ticket_action(t.id, "start").await.unwrap();
        server.clock.advance(chrono::Duration::minutes(5));
        let request = FinishRequest {
            outcome: Outcome::Resolved,
            topics_count: 1,
            overrun_reason: None,
        };
        agent1.finish(t.id, &request).await.unwrap();
        // Its visitor rates the visit «плохо» on their phone.
        let rating = talon_protocol::api::FeedbackRequest {
            rating: 2,
            comment: None,
        };
        let _: talon_protocol::api::PublicTicketStatus = talon_client::Api::new(&server.base, None)
            .post(
                &format!("/api/v1/public/tickets/{}/feedback", t.public_code),
                &rating,
            )
            .await
            .unwrap();
        let t = agent1.call_next(WindowId(1)).await.unwrap();
        agent1.ticket_action(t.id, "start").await.unwrap();
        agent2.pause(WindowId(2), "Обед", None).await.unwrap();
    });
    // 10:14: legal entities (5-minute norm) and contracts (10) wait past their norms.
    server.advance_minutes(7);
    let mut desk = desk(server.options(&server.session_file("head.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    wait_for_label(&mut desk, "Талон Ю001 ждёт дольше нормы (Юридические лица)");
    wait_for_label(&mut desk, "Талон Д001 ждёт дольше нормы (Договоры)");
    wait_for_label(&mut desk, "Оценка посетителя «плохо»: талон П001, окно 1");
    wait_for_label(&mut desk, "2.0 мин");
    wait_for_label(&mut desk, "На связи");
    settled_waits(&mut desk, &server, Lang::Ru);
    settled_advice(&mut desk, &server, Lang::Ru);
    snapshot(&mut desk, "head_board_ru");

    click(&mut desk, "English");
    wait_for_label(
        &mut desk,
        "Ticket Ю001 has waited past the norm (Legal entities)",
    );
    wait_for_label(&mut desk, "A visitor rated “poor”: ticket П001, window 1");
    settled_waits(&mut desk, &server, Lang::En);
    settled_advice(&mut desk, &server, Lang::En);
    snapshot(&mut desk, "head_board_en");
}

/// Waits until the forecast has caught up with the office and the topics' table shows
/// its predicted waits (a snapshot must not race the ticker's refresh).
fn settled_waits(desk: &mut Desk, server: &TestServer, lang: Lang) {
    for load in server.settled_load() {
        if load.open_windows > 0 {
            let text =
                talon_client::texts::wait(lang, load.estimated_wait_ms, load.wait_range.as_ref());
            wait_for_any(desk, &text);
        }
    }
}

/// Runs the advisor now and waits until the board shows its advice (the ticker's
/// advisor, a minute apart, must not change the picture under a snapshot).
fn settled_advice(desk: &mut Desk, server: &TestServer, lang: Lang) {
    let advice = server.advise_now();
    let (none, numbers) = match lang {
        Lang::Ru => ("Советов нет: открытые окна справляются.", "Ожидается "),
        _ => ("No advice: the open windows keep up.", "Expected "),
    };
    wait_until(desk, "the advice on the board", |d| {
        if advice.is_empty() {
            d.query_by_label(none).is_some()
        } else {
            d.query_all_by_label_contains(numbers).count() == advice.len()
        }
    });
}

/// A queue building at one window: the board tells the head to open another, with the
/// numbers behind the advice.
#[test]
fn head_board_with_staffing_advice() {
    let server = TestServer::start();
    server.quiet_devices();
    let agent1 = server.api("agent1", AGENT_PASSWORD);
    server
        .rt
        .block_on(agent1.window_action::<Window>(WindowId(1), "open"))
        .unwrap();
    // Nine visitors for readings in 54 minutes, nobody served yet.
    for _ in 0..9 {
        server.issue(READINGS, false);
        server.advance_minutes(6);
    }
    let advice = server.advise_now();
    assert_eq!(advice.len(), 1, "{advice:?}");
    assert_eq!(advice[0].topic_id, Some(READINGS));
    let mut desk = desk(server.options(&server.session_file("head.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    wait_for_label(&mut desk, "Советы по окнам");
    wait_for_text(
        &mut desk,
        "Откройте ещё одно окно для «Передача показаний»: ожидание уже превышает 15 мин",
    );
    wait_for_text(
        &mut desk,
        "Ожидается 9.0 в час, обслуживание 20 мин; окон 1.0, нужно 6",
    );
    settled_waits(&mut desk, &server, Lang::Ru);
    settled_advice(&mut desk, &server, Lang::Ru);
    // Alerts are about the breach; the snapshot is about the advice.
    snapshot(&mut desk, "head_advice_ru");
    click(&mut desk, "English");
    wait_for_text(
        &mut desk,
        "Open one more window for “Meter readings”: the wait is already past 15 min",
    );
    settled_advice(&mut desk, &server, Lang::En);
    snapshot(&mut desk, "head_advice_en");
}
