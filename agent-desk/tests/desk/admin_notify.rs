//! Notifications outside the desk, set up in the administration: a webhook (its signing
//! secret shown once) and an email address for the office; a wait breach goes out to
//! both, and the webhook's delivery log shows the attempt that failed and will retry.

use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;

/// Where nothing listens: every delivery fails and is tried again later.
const HOOK: &str = "http://127.0.0.1:9/talon-hook";

#[test]
fn an_administrator_adds_a_webhook_and_an_email_and_reads_the_delivery_log() {
    let server = TestServer::start();
    server.quiet_devices();
    let mut desk = desk(server.options(&server.session_file("admin.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::ADMIN.0,
        talon_server::demo::ADMIN.1,
    );
    click_when_ready(&mut desk, "Администрирование");
    click_when_ready(&mut desk, "Оповещения по почте и вебхукам");
    wait_for_text(&mut desk, "Оповещения этого офиса никуда не уходят.");
    // An empty address is refused in words, nothing is sent.
    click(&mut desk, "Добавить");
    wait_for_text(&mut desk, "Укажите адрес");
    type_into(&mut desk, "Новый адрес:", HOOK);
    click(&mut desk, "Добавить");
    wait_for_text(&mut desk, "Ключ подписи (показан один раз): whsec_");
    // A bad email address: the server's refusal, in words.
    click(&mut desk, "Почта");
    type_into(&mut desk, "Новый адрес:", "не адрес");
    click(&mut desk, "Добавить");
    wait_for_text(&mut desk, "Сервер отказал");
    type_into(&mut desk, "Новый адрес:", "head@example.ru");
    click(&mut desk, "Добавить");
    wait_for_label(&mut desk, "Добавлено: head@example.ru");
    wait_for_label(&mut desk, &format!("Журнал {HOOK}"));
    wait_for_label(&mut desk, "Журнал head@example.ru");

    // A visitor waits past the 15-minute norm: the alert goes out.
    server.issue(READINGS, false);
    server.advance_minutes(16);
    // The log is read when asked for: ask until the failed attempt is in it.
    let log = format!("Журнал {HOOK}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    // (Tried once, and failed: its error is in the log.)
    while desk.query_by_label("повторится").is_none()
        || desk.query_by_label_contains("no answer").is_none()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no failed delivery in the log"
        );
        click(&mut desk, &log);
        for _ in 0..10 {
            desk.step();
            std::thread::sleep(std::time::Duration::from_millis(30));
        }
    }
    wait_for_label(&mut desk, &format!("Доставки на {HOOK}"));
    wait_until(&mut desk, "the log read", |d| {
        d.query_by_label_contains("Загрузка").is_none()
    });
    if desk.query_by_label("Принято").is_some() {
        click(&mut desk, "Принято");
    }
    snapshot(&mut desk, "admin_notify_ru");
    click(&mut desk, "English");
    click_when_ready(&mut desk, &format!("Log of {HOOK}"));
    wait_for_label(&mut desk, &format!("Deliveries to {HOOK}"));
    wait_until(&mut desk, "the log read again", |d| {
        d.query_by_label("will retry").is_some() && d.query_by_label_contains("Loading").is_none()
    });
    snapshot(&mut desk, "admin_notify_en");

    // Stopped: it leaves the list (its log stays on the server).
    click(&mut desk, &format!("Stop {HOOK}"));
    wait_until(&mut desk, "the webhook stopped", |d| {
        d.query_by_label(&format!("Stop {HOOK}")).is_none()
    });
}
