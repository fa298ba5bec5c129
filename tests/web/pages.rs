//! The visitor pages as a visitor's phone shows them.

use crate::browser::Browser;
use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;
use talon_protocol::EventKind;

/// How long a change made through the API may take to show on an open page.
const LIVE: Duration = Duration::from_secs(2);

fn code(receipt: &Value) -> String {
    receipt["ticket"]["public_code"]
        .as_str()
        .expect("public code")
        .to_string()
}

/// Marks the page, so a reload (which would lose the mark) is noticed.
async fn mark(browser: &Browser) {
    browser.js("window.talonTestMark = 42;").await;
}

async fn still_marked(browser: &Browser) -> bool {
    browser.js("return window.talonTestMark === 42;").await == json!(true)
}

async fn assert_accessible(browser: &Browser, what: &str) {
    let problems = browser.accessibility_problems().await;
    assert!(
        problems.is_empty(),
        "{what}: serious or critical accessibility violations: {problems:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ticket_page_shows_the_ticket_and_a_call_arrives_without_reload() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let mut app = spawn_app().await;
    let a = app.topics[0];
    let w2 = app.windows[1];
    let agent2 = app.agents[1].token.clone();
    let first = app.issue(a).await;
    // A minute apart: tickets issued at the same instant are ordered by their ids.
    app.advance_minutes(1);
    let mine = app.issue(a).await;
    let url = format!("{}/t/{}", app.base, code(&mine));

    browser.goto(&url).await;
    assert_eq!(browser.text("h1").await, "A002");
    assert_eq!(browser.text("#ahead").await, "1 человек");
    assert_eq!(browser.text("#wait").await, "около 20 минут");
    assert!(browser.text("#live").await.contains("Скоро ваша очередь"));
    assert!(browser.text("#live").await.contains("Передача показаний"));
    browser.screenshot("ticket-waiting-ru").await;
    assert_accessible(&browser, "the waiting ticket").await;
    mark(&browser).await;

    // The first ticket is called: nobody is ahead now.
    app.window_action(w2, "open", &agent2).await;
    app.window_action(w2, "call-next", &agent2).await;
    browser.wait_for_text("#ahead", "никого", LIVE).await;
    // This ticket is called through the API: the open page shows the window.
    let (status, body) = app
        .ticket_action(&ticket_id(&first), "no-show", &agent2, json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app.window_action(w2, "call-next", &agent2).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["id"], mine["ticket"]["id"]);
    let took = browser
        .wait_for_text("#live", "Пройдите к окну 2", LIVE)
        .await;
    assert!(took < LIVE, "{took:?}");
    assert!(still_marked(&browser).await, "the page was not reloaded");
    let title = browser.js("return document.title;").await;
    assert!(
        title.as_str().unwrap().contains("Окно 2"),
        "the tab's title tells the call: {title}"
    );
    assert_eq!(
        browser.js("return document.body.dataset.alerts;").await,
        json!("1"),
        "the call was announced (sound, vibration, title) once"
    );
    browser.screenshot("ticket-called-ru").await;
    assert_accessible(&browser, "the called ticket").await;

    // The server restarts under the open page: the page reconnects by itself and
    // shows the next change (a recall) again.
    app.restart().await;
    let (status, body) = app
        .ticket_action(&ticket_id(&mine), "recall", &agent2, json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    browser
        .wait_for_text("#live", "Повторный вызов", Duration::from_secs(10))
        .await;
    assert!(still_marked(&browser).await, "reconnected without a reload");
    assert_eq!(
        browser.js("return document.body.dataset.alerts;").await,
        json!("2"),
        "a recall is announced again"
    );
    browser.close().await;
    app.stop().await;
}

/// With a window open and a queue, the page tells the forecast's range for this ticket
/// ("от 22 до 62 минут"), the figures of the server's status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ticket_page_tells_the_forecast_range() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let a = app.topics[0];
    let (w2, agent2) = (app.windows[1], app.agents[1].token.clone());
    app.window_action(w2, "open", &agent2).await;
    for _ in 0..2 {
        app.issue(a).await;
        app.advance_minutes(1);
    }
    let mine = app.issue(a).await;
    let status_path = format!("/api/v1/public/tickets/{}", code(&mine));
    // The ticker makes the forecast within a second of the last issue: once it has
    // caught up, the figures stay (nothing else moves).
    app.settled_load().await;
    let (_, status) = app.get(&status_path, None).await;
    let range = status["wait_range"].clone();
    assert!(!range.is_null(), "a forecast: {status}");
    let minutes = |ms: &Value| ms.as_i64().unwrap();
    let low = minutes(&range["low_ms"]) / 60_000;
    let high = ((minutes(&range["high_ms"]) + 59_999) / 60_000).max(low + 1);
    browser
        .goto(&format!("{}/t/{}", app.base, code(&mine)))
        .await;
    assert_eq!(browser.text("#ahead").await, "2 человека");
    assert_eq!(
        browser.text("#wait").await,
        format!("от {low} до {high} минут")
    );
    browser.screenshot("ticket-forecast-ru").await;
    assert_accessible(&browser, "the ticket page with a forecast").await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_the_queue_from_the_page_cancels_the_ticket_and_the_display_sees_it() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let receipt = app.issue(app.topics[1]).await;
    let mut display = app.live(&app.display, None).await;
    display.next_snapshot().await;
    browser
        .goto(&format!("{}/t/{}", app.base, code(&receipt)))
        .await;
    mark(&browser).await;
    browser.click("#leave").await;
    assert_eq!(
        browser
            .js("return document.getElementById('leave-dialog').open;")
            .await,
        json!(true),
        "leaving asks first"
    );
    assert!(
        browser
            .text("#leave-question")
            .await
            .contains("Покинуть очередь?")
    );
    browser.screenshot("ticket-leave-ru").await;
    // "No" keeps the ticket.
    browser.click("#leave-no").await;
    let (_, status) = app
        .get(&format!("/api/v1/public/tickets/{}", code(&receipt)), None)
        .await;
    assert_eq!(status["status"], "waiting");
    browser.click("#leave").await;
    browser.click("#leave-yes").await;
    browser
        .wait_for_text("#live", "Вы покинули очередь", LIVE)
        .await;
    assert!(still_marked(&browser).await);
    let event = display.next_event().await;
    let EventKind::TicketCancelled { ticket } = &event.kind else {
        panic!("the display sees the ticket leave, got {:?}", event.kind);
    };
    assert_eq!(ticket.id.0.to_string(), ticket_id(&receipt));
    let (_, status) = app
        .get(&format!("/api/v1/public/tickets/{}", code(&receipt)), None)
        .await;
    assert_eq!(status["status"], "cancelled");
    assert_eq!(status["cancelled"], "visitor_left");
    assert_eq!(browser.text("#actions").await, "", "nothing left to do");
    browser.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rating_form_after_the_visit_stores_one_rating() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let w2 = app.windows[1];
    let agent2 = &app.agents[1];
    app.window_action(w2, "open", &agent2.token).await;
    let receipt = app.issue(app.topics[0]).await;
    let id = ticket_id(&receipt);
    browser
        .goto(&format!("{}/t/{}", app.base, code(&receipt)))
        .await;
    mark(&browser).await;
    app.window_action(w2, "call-next", &agent2.token).await;
    app.ticket_action(&id, "start", &agent2.token, json!({}))
        .await;
    browser
        .wait_for_text("#live", "Вас обслуживают в окне 2", LIVE)
        .await;
    assert_eq!(
        browser.text("#feedback").await,
        "",
        "no form before the end"
    );
    app.advance_minutes(5);
    let (status, body) = app
        .ticket_action(
            &id,
            "finish",
            &agent2.token,
            json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    browser
        .wait_for_text("#feedback", "Оцените обслуживание", LIVE)
        .await;
    assert!(
        browser
            .text("#live")
            .await
            .contains("Обслуживание завершено")
    );
    for level in [
        "Отлично",
        "Хорошо",
        "Удовлетворительно",
        "Плохо",
        "Очень плохо",
    ] {
        assert!(browser.text("#feedback").await.contains(level), "{level}");
    }
    assert!(still_marked(&browser).await);
    assert_accessible(&browser, "the rating form").await;

    // Sending without a choice says so; then «Хорошо» with a comment.
    browser.click("#feedback button[type=submit]").await;
    browser
        .wait_for_text("#feedback-error", "Выберите оценку", LIVE)
        .await;
    browser.click("input[name=rating][value='4']").await;
    browser
        .client
        .find(fantoccini::Locator::Css("#comment"))
        .await
        .unwrap()
        .send_keys("Быстро и вежливо")
        .await
        .unwrap();
    browser.screenshot("ticket-rate-ru").await;
    browser.click("#feedback button[type=submit]").await;
    browser
        .wait_for_text("#actions", "Спасибо за оценку!", LIVE)
        .await;
    let stored = app
        .queues()
        .store()
        .feedback_of(talon_protocol::TicketId(id.parse().unwrap()))
        .await
        .unwrap()
        .expect("the rating is stored");
    assert_eq!(stored.rating, 4);
    assert_eq!(stored.comment.as_deref(), Some("Быстро и вежливо"));
    assert_eq!(stored.agent_id, Some(agent2.id));
    assert_eq!(stored.service_ms, 5 * 60_000);
    // A second rating is refused; the page, opened again, thanks instead of asking.
    let (status, body) = app
        .post(
            &format!("/api/v1/public/tickets/{}/feedback", code(&receipt)),
            None,
            json!({"rating": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "already_rated");
    browser.client.refresh().await.unwrap();
    browser
        .wait_for_text("#actions", "Спасибо за оценку!", LIVE)
        .await;
    browser.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_english_switch_and_an_unknown_code() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    app.issue(app.topics[2]).await;
    app.advance_minutes(1);
    let receipt = app.issue(app.topics[2]).await;
    browser
        .goto(&format!("{}/t/{}", app.base, code(&receipt)))
        .await;
    assert_eq!(
        browser.js("return document.documentElement.lang;").await,
        json!("ru")
    );
    browser.click("header a[hreflang=en]").await;
    browser.wait_for_text("#live", "Legal entities", LIVE).await;
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("lang=en"));
    assert_eq!(
        browser.js("return document.documentElement.lang;").await,
        json!("en")
    );
    assert_eq!(browser.text("#ahead").await, "1 person");
    assert_eq!(browser.text("#wait").await, "about 10 minutes");
    assert!(browser.text("#actions").await.contains("Leave the queue"));
    browser.screenshot("ticket-waiting-en").await;
    assert_accessible(&browser, "the ticket page in English").await;
    // And back.
    browser.click("header a[hreflang=ru]").await;
    browser
        .wait_for_text("#live", "Юридические лица", LIVE)
        .await;

    browser.goto(&format!("{}/t/NOSUCHCODE12", app.base)).await;
    assert_eq!(browser.text("h1").await, "Талон не найден");
    assert!(browser.text("main").await.contains("QR"));
    assert_accessible(&browser, "the unknown ticket").await;
    browser.screenshot("ticket-unknown-ru").await;
    browser
        .goto(&format!("{}/t/NOSUCHCODE12?lang=en", app.base))
        .await;
    assert_eq!(browser.text("h1").await, "Ticket not found");
    browser.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_board_is_live_and_embeddable() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let agent1 = app.agents[0].token.clone();
    app.window_action(app.windows[0], "open", &agent1).await;
    for _ in 0..3 {
        app.issue(app.topics[0]).await;
    }
    app.issue(app.topics[1]).await;
    let board = format!("{}/o/{}", app.base, app.office);
    browser.goto(&board).await;
    assert_eq!(browser.text("h1").await, "Очередь сейчас");
    assert!(browser.text("header").await.contains("Тестовый офис"));
    // The page's script may be drawing the board afresh from its live status as it is read.
    browser
        .wait_for_text("#windows-open", "Открыто окон", Duration::from_secs(10))
        .await;
    assert_eq!(browser.text("#windows-open").await, "Открыто окон: 1");
    let first = format!("li[data-topic='{}'] .waiting", app.topics[0]);
    assert_eq!(browser.text(&first).await, "3");
    browser.screenshot("board-ru").await;
    assert_accessible(&browser, "the office board").await;
    mark(&browser).await;
    app.issue(app.topics[0]).await;
    browser.wait_for_text(&first, "4", LIVE).await;
    assert!(still_marked(&browser).await);

    browser.goto(&format!("{board}?lang=en")).await;
    assert_eq!(browser.text("h1").await, "The queue now");
    assert!(browser.text("#board").await.contains("Meter readings"));
    browser.screenshot("board-en").await;
    assert_accessible(&browser, "the office board in English").await;

    browser.goto(&format!("{board}?embed=1")).await;
    assert_eq!(browser.text("h1").await, "Тестовый офис");
    assert_eq!(
        browser
            .js("return document.querySelectorAll('header, footer').length;")
            .await,
        json!(0),
        "embedded: no header, no footer"
    );
    browser.close().await;
    app.stop().await;
}
