//! What if, from the head's norms tab: today's visitors are the history of the same
//! weekday a week on; planning that day with one window against all four, the server's
//! simulator says the one window keeps fewer within the norm.

use crate::helpers::*;
use egui_kittest::kittest::{NodeT, Queryable};
use talon_client::Lang;

/// The share in "в норме ожидания: 87 %" of the outcome line on screen.
fn within_share(desk: &Desk) -> u32 {
    let line = desk
        .query_by_label_contains("в норме ожидания:")
        .expect("the outcome line")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    let after = line
        .split("в норме ожидания:")
        .nth(1)
        .unwrap_or_else(|| panic!("{line:?}"));
    after
        .trim()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("a share in {line}"))
}

#[test]
fn the_head_plans_a_day_and_sees_what_it_would_give() {
    let server = TestServer::start();
    server.quiet_devices();
    // Twelve visitors for readings between 10:00 and 11:00 today.
    for _ in 0..12 {
        server.issue(READINGS, false);
        server.advance_minutes(5);
    }
    let mut desk = desk(server.options(&server.session_file("head.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    click_when_ready(&mut desk, "Нормативы");
    wait_for_label(&mut desk, "План дня: что если");
    // A week on: today is its history.
    type_into(&mut desk, "День:", "2026-11-27");
    type_into(&mut desk, "План:", "9-18:4");
    click(&mut desk, "Рассчитать");
    wait_for_text(&mut desk, "Посетителей за день: 12");
    wait_for_text(&mut desk, "окно-часов: 36");
    let four = within_share(&desk);
    snapshot(&mut desk, "what_if_ru");

    // One window (window 1: readings and payments) all day: fewer within the norm.
    type_into(&mut desk, "План:", "9-18:1");
    click(&mut desk, "Рассчитать");
    wait_for_text(&mut desk, "окно-часов: 9");
    let one = within_share(&desk);
    assert!(one < four, "one window {one} %, four {four} %");

    // A plan that does not read is said in words; nothing is asked.
    type_into(&mut desk, "План:", "с девяти до шести");
    click(&mut desk, "Рассчитать");
    wait_for_text(&mut desk, "План — в виде «9-12:3, 12-14:2»");
    click(&mut desk, "English");
    type_into(&mut desk, "Plan:", "9-18:4");
    click(&mut desk, "Calculate");
    wait_for_text(&mut desk, "Visitors in the day: 12");
    snapshot(&mut desk, "what_if_en");
}
