//! Booking ahead as a visitor's phone does it: what, the day, a time and a contact, the
//! booking with its code, then cancelling it; in Russian and English; and what goes wrong
//! in words.

use crate::browser::Browser;
use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::time::Duration;

const STEP: Duration = Duration::from_secs(5);

/// Opens the link of the first element matching `css`, as a tap on it does, and waits
/// for the page to load.
async fn follow(browser: &Browser, css: &str) {
    let href = browser
        .js(&format!("return document.querySelector('{css}').href;"))
        .await;
    browser.goto(href.as_str().expect("a link")).await;
}

async fn assert_accessible(browser: &Browser, what: &str) {
    let problems = browser.accessibility_problems().await;
    assert!(
        problems.is_empty(),
        "{what}: serious or critical accessibility violations: {problems:#?}"
    );
}

/// Topic A bookable (15-minute slots, one place); the head receives by appointment.
async fn bookable_office(app: &TestApp) {
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/topics/{}", app.topics[0].0),
            Some(&app.head.token),
            Some(json!({
                "prefix": "A",
                "name_ru": "Передача показаний",
                "name_en": "Meter readings",
                "display_order": 0,
                "booking": {"bookable": true}
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let every_day = json!({"open": "09:00:00", "close": "18:00:00"});
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/offices/{}/receptions/{}", app.office, app.head.id),
            Some(&app.head.token),
            Some(json!({
                "title_ru": "Приём начальника офиса",
                "title_en": "Office head's reception",
                "topic_id": app.topics[2].0,
                "hours": {"mon": every_day, "tue": every_day, "wed": every_day,
                          "thu": every_day, "fri": every_day},
                "booking": {"bookable": true, "slot_min": 30}
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_books_a_time_gets_the_code_and_cancels() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    bookable_office(&app).await;

    browser
        .goto(&format!("{}/book/{}", app.base, app.office))
        .await;
    assert_eq!(browser.text("h1").await, "Запись на приём");
    let choices = browser.text("ul.choices-list").await;
    assert!(choices.contains("Передача показаний"), "{choices}");
    assert!(choices.contains("Приём начальника офиса"), "{choices}");
    browser.screenshot("book-what-ru").await;
    assert_accessible(&browser, "what to book").await;

    follow(&browser, "a.choice").await;
    browser.wait_for_text("h2", "Выберите день", STEP).await;
    let first_day = browser.text("a.choice").await;
    assert!(first_day.contains("пятница, 20 ноября"), "{first_day}");
    assert!(first_day.contains("свободно мест"), "{first_day}");
    assert_accessible(&browser, "the days").await;

    follow(&browser, "a.choice").await;
    browser.wait_for_text("main", "Свободное время", STEP).await;
    // 10:00 now, 30 minutes' lead: 10:30 is the first free time.
    assert_eq!(browser.text("label.slot").await, "10:30");
    browser.click("label.slot").await;
    browser
        .js(r##"document.querySelector("#name").value = "Анна";
               document.querySelector("#phone").value = "+7 900 555-44-33";"##)
        .await;
    browser.screenshot("book-time-ru").await;
    assert_accessible(&browser, "the times and the contact").await;

    // A contact without consent is refused in words, and nothing is booked.
    browser.click("#book").await;
    browser
        .wait_for_text("p.error", "отметьте согласие", STEP)
        .await;
    follow(&browser, "a.button").await;
    browser.wait_for_text("main", "Свободное время", STEP).await;
    browser.click("label.slot").await;
    browser
        .js(r##"document.querySelector("#name").value = "Анна";
               document.querySelector("#phone").value = "+7 900 555-44-33";
               document.querySelector("input[name=consent]").checked = true;"##)
        .await;
    browser.click("#book").await;
    browser.wait_for_text("h1", "Ваша запись", STEP).await;
    assert!(browser.text(".state").await.contains("Вы записаны"));
    let code: String = browser
        .text("#code")
        .await
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(code.len(), 8, "an 8-digit code");
    assert!(browser.text("#when").await.contains("10:30"));
    assert!(browser.text("#check-in").await.contains("с 10:00 до 10:45"));
    let qr = browser
        .js("return document.querySelectorAll('figure.qr svg').length;")
        .await;
    assert_eq!(qr, json!(1), "the QR code is drawn");
    browser.screenshot("book-done-ru").await;
    assert_accessible(&browser, "the booking").await;

    let (status, stored) = app
        .get(&format!("/api/v1/public/bookings/{code}"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(stored["status"], "booked");
    let (status, ics) = app.get(&format!("/b/{code}/calendar.ics"), None).await;
    assert_eq!(status, StatusCode::OK);
    let ics = ics.as_str().unwrap_or_default().to_string();
    assert!(
        ics.contains("BEGIN:VEVENT") && ics.contains("DTSTART:20261120T073000Z"),
        "{ics}"
    );

    // Move it to the next free time: 10:30 is its own now, so 10:45 comes first.
    follow(&browser, "#move").await;
    browser.wait_for_text("h2", "Выберите день", STEP).await;
    follow(&browser, "a.choice").await;
    browser.wait_for_text("main", "Свободное время", STEP).await;
    assert_eq!(browser.text("label.slot").await, "10:45");
    assert!(
        browser
            .text("main")
            .await
            .contains("Перенести на это время"),
        "moving asks for no contact again"
    );
    browser.click("label.slot").await;
    browser.click("#book").await;
    browser.wait_for_text("#when", "10:45", STEP).await;
    let (_, stored) = app
        .get(&format!("/api/v1/public/bookings/{code}"), None)
        .await;
    assert_eq!(stored["moves"], 1);

    // Cancel, after a question.
    follow(&browser, "#cancel").await;
    browser.wait_for_text("h1", "Отменить запись?", STEP).await;
    assert_accessible(&browser, "the cancel question").await;
    browser.click("#cancel-yes").await;
    browser
        .wait_for_text(".state", "Запись отменена", STEP)
        .await;
    let (_, stored) = app
        .get(&format!("/api/v1/public/bookings/{code}"), None)
        .await;
    assert_eq!(stored["status"], "cancelled");

    // English, and an unknown code.
    browser
        .goto(&format!("{}/book/{}?lang=en", app.base, app.office))
        .await;
    assert_eq!(browser.text("h1").await, "Book a visit");
    assert!(
        browser
            .text("ul.choices-list")
            .await
            .contains("Office head's reception")
    );
    browser.screenshot("book-what-en").await;
    browser.goto(&format!("{}/b/00000000", app.base)).await;
    assert_eq!(browser.text("h1").await, "Запись не найдена");
    browser.close().await;
    app.stop().await;
}
