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
    snapshot(&mut desk, "head_board_ru");

    click(&mut desk, "English");
    wait_for_label(
        &mut desk,
        "Ticket Ю001 has waited past the norm (Legal entities)",
    );
    wait_for_label(&mut desk, "A visitor rated “poor”: ticket П001, window 1");
    snapshot(&mut desk, "head_board_en");
}
