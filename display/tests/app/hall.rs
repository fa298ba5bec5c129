//! The hall display against a real server, driven headless: calls made through the API
//! appear, flash, are announced in order and listed; a paused window shows the notice
//! and its return time; a lost server is marked at once and as stale later; the display
//! recovers when the server comes back. Snapshots of each screen in both languages.

use crate::support::*;
use std::sync::Arc;
use talon_client::Lang;
use talon_client::clock::ManualClock;
use talon_protocol::window::{PAUSED_NOTICE_EN, PAUSED_NOTICE_RU};

/// The screen's words in the language under test.
struct Words {
    lang: Lang,
    window: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        Words {
            lang,
            window: pick(lang, "окно", "window"),
        }
    }

    fn call(&self, ticket: &str, window: &str) -> String {
        format!("{ticket} → {} {window}", self.window)
    }

    fn pick(&self, ru: &'static str, en: &'static str) -> &'static str {
        pick(self.lang, ru, en)
    }
}

/// The words the test expects in `lang`.
fn pick(lang: Lang, ru: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ru => ru,
        Lang::En => en,
    }
}

/// "Талон … , окно …" for a ticket, as the announcement starts.
fn russian(ticket: &str, window: &str) -> String {
    let call = talon_display::speech::Call {
        ticket: ticket.into(),
        window: window.into(),
    };
    talon_display::speech::phrase(&call, talon_display::speech::Voice::Ru).text()
}

fn the_hall_in(lang: Lang, suffix: &str) {
    let words = Words::of(lang);
    let mut server = TestServer::start();
    let clock = Arc::new(ManualClock::new(start_time()));
    let player = Recorder::default();
    let mut hall = server.display(lang, &clock, &player);

    wait_for(&mut hall, "the office", |h| {
        shows(h, words.pick("Передача показаний", "Meter readings"))
    });
    assert!(shows(
        &hall,
        words.pick(
            "Ожидайте вызова на этом табло",
            "Please wait for your number on this screen"
        )
    ));
    assert!(shows(&hall, "10:00"));
    assert!(shows(
        &hall,
        words.pick("пятница, 20 ноября", "Friday, 20 November")
    ));

    // Visitors take tickets; the waiting counts follow.
    let readings: Vec<_> = (0..3).map(|_| server.issue(1)).collect();
    (0..2).for_each(|_| drop(server.issue(2)));
    server.issue(3);
    wait_for(&mut hall, "three waiting for readings", |h| {
        shows(h, words.pick("ждут: 3", "waiting: 3"))
            && shows(h, words.pick("ждут: 2", "waiting: 2"))
    });

    // A call: shown large and flashing, announced.
    let agent1 = server.agent_at_window(1);
    let first = server.call_next(&agent1);
    assert_eq!(first.label, readings[0].label);
    let first_line = words.call(&first.label, "1");
    wait_for(&mut hall, "the first call", |h| shows(h, &first_line));
    assert!(
        shows(&hall, words.pick("Новый вызов", "New call")),
        "a new call flashes"
    );
    wait_for_announcements(&mut hall, &player, 1);
    assert_eq!(
        player.texts()[0],
        "Талон Пэ один, окно один. Ticket Pe one, window one"
    );

    // Six seconds later (on the display's clock) it stays, steady.
    clock.advance(chrono::Duration::seconds(7));
    hall.step();
    assert!(!shows(&hall, words.pick("Новый вызов", "New call")));
    assert!(shows(&hall, words.pick("Вызов", "Now calling")));
    assert!(shows(&hall, &first_line));

    // Two windows call at once: both are announced, in order, none dropped; the newer
    // is current, the older is listed beneath with the first call.
    let agent2 = server.agent_at_window(2);
    let agent3 = server.agent_at_window(3);
    let second = server.call_next(&agent2);
    let third = server.call_next(&agent3);
    let second_line = words.call(&second.label, "2");
    let third_line = words.call(&third.label, "3");
    wait_for(&mut hall, "both calls", |h| {
        shows(h, &second_line) && shows(h, &third_line)
    });
    assert!(shows(
        &hall,
        words.pick("Предыдущие вызовы", "Previous calls")
    ));
    assert!(shows(&hall, &first_line), "the first call is still listed");
    wait_for_announcements(&mut hall, &player, 3);
    let said = player.texts();
    assert_eq!(second.label, readings[1].label);
    assert!(said[1].starts_with("Талон Пэ два, окно два"), "{said:?}");
    assert!(said[2].starts_with(&russian(&third.label, "3")), "{said:?}");
    clock.advance(chrono::Duration::seconds(7));
    wait_for_settled_waits(&mut hall, &server, lang);
    hall.step();
    hall.snapshot(format!("hall_{suffix}"));

    // A window pauses with a return time: the standard notice and "back at 11:30".
    let agent4 = server.agent_at_window(4);
    let back = start_time() + chrono::Duration::minutes(90);
    server
        .rt
        .block_on(agent4.api.pause(agent4.window, "обед", Some(back)))
        .expect("window 4 pauses");
    let paused_line = words.pick(
        "Окно 4 — возобновит работу в 11:30",
        "Window 4 — back at 11:30",
    );
    wait_for(&mut hall, "the paused window", |h| shows(h, paused_line));
    assert!(shows(&hall, words.pick(PAUSED_NOTICE_RU, PAUSED_NOTICE_EN)));
    assert!(
        !shows(&hall, "обед"),
        "the pause reason is for staff, not the hall"
    );
    wait_for_settled_waits(&mut hall, &server, lang);
    hall.snapshot(format!("paused_{suffix}"));

    // A while later the agent calls the ticket again: it flashes and is announced again.
    server.clock.advance(chrono::Duration::minutes(1));
    server
        .rt
        .block_on(agent1.api.ticket_action(first.id, "recall"))
        .expect("recall");
    wait_for(&mut hall, "the recall", |h| {
        shows(h, words.pick("Повторный вызов", "Call repeated")) && shows(h, &first_line)
    });
    wait_for_announcements(&mut hall, &player, 4);
    assert!(player.texts()[3].starts_with("Талон Пэ один, окно один"));
    clock.advance(chrono::Duration::seconds(7));
    wait_for_settled_waits(&mut hall, &server, lang);

    // The server goes away: a marker at once, the last state stays; stale after 30 s.
    server.stop();
    let marker = words.pick("Нет связи с сервером", "No connection to the server");
    wait_for(&mut hall, "the disconnected marker", |h| {
        shows_part(h, marker)
    });
    assert!(shows(&hall, &first_line), "the last known state stays");
    assert!(!shows(
        &hall,
        words.pick(
            "Данные могут быть устаревшими",
            "The data may be out of date"
        )
    ));
    clock.advance(chrono::Duration::seconds(31));
    hall.step();
    assert!(shows(
        &hall,
        words.pick(
            "Данные могут быть устаревшими",
            "The data may be out of date"
        )
    ));
    hall.snapshot(format!("stale_{suffix}"));

    // The server is back: the display reconnects and follows new calls again.
    server.restart();
    wait_for(&mut hall, "the reconnection", |h| !shows_part(h, marker));
    assert!(!shows(
        &hall,
        words.pick(
            "Данные могут быть устаревшими",
            "The data may be out of date"
        )
    ));
    // The announcer says calls in the order it gets them, so the next call's being said
    // fifth shows that the reconnection handed it nothing before (no sleeping on it).
    server
        .rt
        .block_on(agent1.api.ticket_action(first.id, "no-show"))
        .expect("no-show");
    let fourth = server.call_next(&agent1);
    let fourth_line = words.call(&fourth.label, "1");
    wait_for(&mut hall, "the call after the restart", |h| {
        shows(h, &fourth_line) && shows(h, words.pick("Новый вызов", "New call"))
    });
    let said = wait_for_announcements(&mut hall, &player, 5);
    assert!(
        said[4].starts_with(&russian(&fourth.label, "1")),
        "the reconnection repeats no call: {said:?}"
    );
    // Nor does the call after it bring back one from before the outage: a later call at
    // another window is said sixth, and nothing else.
    clock.advance(chrono::Duration::seconds(7));
    server
        .rt
        .block_on(agent2.api.ticket_action(second.id, "no-show"))
        .expect("no-show");
    server.issue(3);
    let later = server.call_next(&agent2);
    let later_line = words.call(&later.label, "2");
    wait_for(&mut hall, "the later call", |h| shows(h, &later_line));
    let said = wait_for_announcements(&mut hall, &player, 6);
    assert!(
        said[5].starts_with(&russian(&later.label, "2")),
        "nothing from before the outage is said again: {said:?}"
    );
    assert_eq!(player.texts().len(), 6, "{:?}", player.texts());
}

#[test]
fn the_hall_in_russian() {
    the_hall_in(Lang::Ru, "ru");
}

#[test]
fn the_hall_in_english() {
    the_hall_in(Lang::En, "en");
}

/// Waits until the forecast has caught up with the office and the hall shows each
/// topic's wait as the server now predicts it (snapshots must not race a refresh).
fn wait_for_settled_waits(hall: &mut Hall, server: &TestServer, lang: Lang) {
    let load = server.settled_load();
    let expected: Vec<String> = load
        .iter()
        .filter(|l| l.open_windows > 0 && l.waiting > 0)
        .map(|l| {
            talon_display::texts::estimated_wait(lang, l.estimated_wait_ms, l.wait_range.as_ref())
        })
        .collect();
    wait_for(hall, "the settled forecast", |h| {
        expected.iter().all(|text| shows(h, text))
    });
}
