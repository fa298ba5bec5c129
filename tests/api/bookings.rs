//! Appointments end to end: capacity under concurrent bookings, check-in early, on time
//! and late, a person's bookings called only by that person, moving and cancelling, and
//! what stays private (the code and the contact never go out in the office's events).

use crate::helpers::*;
use chrono::{DateTime, Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use talon_protocol::{EventKind, TopicId};

/// Makes topic `topic` of the test office bookable with `places` per 15-minute slot.
async fn make_bookable(app: &TestApp, topic: TopicId, places: u32) {
    let snapshot = app.snapshot().await;
    let current = snapshot["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == topic.0)
        .unwrap()
        .clone();
    let mut input = json!({
        "prefix": current["prefix"],
        "name_ru": current["name_ru"],
        "name_en": current["name_en"],
        "norms": current["norms"],
        "active": true,
        "display_order": current["display_order"],
        "booking": {"bookable": true, "places": places, "slot_min": 15}
    });
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/topics/{}", topic.0),
            Some(&app.head.token),
            Some(input.take()),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// The free slots of a topic today.
async fn slots_today(app: &TestApp, topic: TopicId) -> Vec<Value> {
    let today = (app.clock_now() + Duration::hours(3)).date_naive();
    let (status, body) = app
        .get(
            &format!(
                "/api/v1/offices/{}/slots?topic={}&from={today}&to={today}",
                app.office, topic.0
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().unwrap().clone()
}

fn start_of(slot: &Value) -> DateTime<Utc> {
    slot["start"].as_str().unwrap().parse().unwrap()
}

async fn book(app: &TestApp, body: Value) -> (StatusCode, Value) {
    app.post(
        &format!("/api/v1/offices/{}/bookings", app.office),
        None,
        body,
    )
    .await
}

async fn check_in(app: &TestApp, code: &str) -> (StatusCode, Value) {
    app.post(
        &format!("/api/v1/offices/{}/check-in", app.office),
        Some(&app.kiosk),
        json!({ "code": code }),
    )
    .await
}

fn code_of(booking: &Value) -> String {
    booking["code"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn twenty_concurrent_bookings_for_a_slot_with_three_places_give_exactly_three() {
    let app = spawn_app().await;
    let a = app.topics[0];
    make_bookable(&app, a, 3).await;
    let slot = slots_today(&app, a).await[4].clone();
    assert_eq!(
        (slot["places"].as_u64(), slot["free"].as_u64()),
        (Some(3), Some(3))
    );
    let answers = futures_util::future::join_all((0..20).map(|n| {
        book(
            &app,
            json!({"topic_id": a.0, "start": slot["start"], "phone": format!("+7 900 000-00-{n:02}")}),
        )
    }))
    .await;
    let booked: Vec<&Value> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .map(|(_, b)| b)
        .collect();
    assert_eq!(booked.len(), 3, "{answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::CREATED) {
        assert_eq!(*status, StatusCode::CONFLICT, "{body}");
        assert_eq!(error_code(body), "slot_taken");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("just been taken")
        );
    }
    let codes: std::collections::HashSet<String> = booked.iter().map(|b| code_of(b)).collect();
    assert_eq!(codes.len(), 3, "three different codes");
    assert!(
        codes
            .iter()
            .all(|c| c.len() == 8 && c.bytes().all(|b| b.is_ascii_digit()))
    );
    let after = slots_today(&app, a).await;
    let same = after.iter().find(|s| s["start"] == slot["start"]).unwrap();
    assert_eq!(same["free"], 0);
    // The stored bookings agree: three of them hold the slot.
    let day = (start_of(&slot) + Duration::hours(3)).date_naive();
    let (status, list) = app
        .get(
            &format!(
                "/api/v1/offices/{}/bookings?from={day}&to={day}",
                app.office
            ),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list.as_array().unwrap().len(), 3);
    app.stop().await;
}

#[tokio::test]
async fn check_in_early_on_time_and_late() {
    let app = spawn_app().await;
    let a = app.topics[0];
    make_bookable(&app, a, 1).await;
    let slots = slots_today(&app, a).await;
    let (first, second) = (slots[4].clone(), slots[5].clone());
    let (status, booking) = book(&app, json!({"topic_id": a.0, "start": first["start"]})).await;
    assert_eq!(status, StatusCode::CREATED, "{booking}");
    assert_eq!(booking["status"], "booked");
    let (_, late_one) = book(&app, json!({"topic_id": a.0, "start": second["start"]})).await;
    let code = code_of(&booking);

    // Too early: refused, with the time check-in opens (30 minutes before the slot).
    let (status, body) = check_in(&app, &code).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "check_in_too_early");
    let opens: DateTime<Utc> = body["error"]["next_opening"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(opens, start_of(&first) - Duration::minutes(30));

    // On time (10 minutes before): the ticket, booked, waiting from the slot's start.
    let now = app.clock_now();
    app.advance_minutes((start_of(&first) - now).num_minutes() - 10);
    let (status, receipt) = check_in(&app, &format!("{} {}", &code[..4], &code[4..])).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let ticket = &receipt["ticket"];
    assert_eq!(ticket["label"], "A001");
    assert_eq!(ticket["booking"]["slot_start"], first["start"]);
    assert_eq!(ticket["booking"]["wait_norm_min"], 5);
    // Again: the same ticket, not a second one.
    let (status, again) = check_in(&app, &code).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["ticket"]["id"], ticket["id"]);
    let (_, shown) = app
        .get(&format!("/api/v1/public/bookings/{code}"), None)
        .await;
    assert_eq!(shown["status"], "checked_in");
    // Nobody else waits: window 2 calls the booked visitor before the slot begins.
    let (w2, agent2) = (app.windows[1], app.agents[1].token.clone());
    app.window_action(w2, "open", &agent2).await;
    let (status, called) = app.window_action(w2, "call-next", &agent2).await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(ticket_id(&called), ticket_id(&receipt));

    // The second booking's visitor comes 16 minutes after its slot began: too late.
    let now = app.clock_now();
    app.advance_minutes((start_of(&second) - now).num_minutes() + 16);
    let (status, body) = check_in(&app, &code_of(&late_one)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "check_in_too_late");
    // And the office marks it missed.
    let late_code = code_of(&late_one);
    let mut missed = false;
    for _ in 0..100 {
        let (_, shown) = app
            .get(&format!("/api/v1/public/bookings/{late_code}"), None)
            .await;
        if shown["status"] == "no_show" {
            missed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(missed, "the ticker marks the booking missed");
    // The statistics of the day: two bookings, one kept, one missed; the kept one was
    // called at once, within the booked norm.
    let today = (app.clock_now() + Duration::hours(3)).date_naive();
    let (status, stats) = app
        .get(
            &format!(
                "/api/v1/offices/{}/stats?from={today}&to={today}",
                app.office
            ),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{stats}");
    let total = &stats["bookings"]["total"];
    assert_eq!(
        (&total["made"], &total["kept"], &total["no_shows"]),
        (&json!(2), &json!(1), &json!(1)),
        "{stats}"
    );
    assert_eq!(total["booked_wait"]["count"], 1);
    assert_eq!(total["within_booked_norm"], 1.0);
    assert_eq!(stats["bookings"]["slices"][0]["target"]["topic"], a.0);
    // Unknown codes, and a code of another shape.
    let (status, body) = check_in(&app, "00000000").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, _) = app.get("/api/v1/public/bookings/abc", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Only the office's kiosk or staff check visitors in.
    let (status, _) = app
        .post(
            &format!("/api/v1/offices/{}/check-in", app.office),
            None,
            json!({"code": code}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn a_personal_booking_is_called_only_by_that_person() {
    let app = spawn_app().await;
    let (w1, w2) = (app.windows[0], app.windows[1]);
    let agent1 = &app.agents[0];
    let agent2 = &app.agents[1];
    // Agent 2 receives by appointment 00:00–23:00, visits counted under topic C.
    let (status, reception) = app
        .request(
            Method::PUT,
            &format!("/api/v1/offices/{}/receptions/{}", app.office, agent2.id.0),
            Some(&app.head.token),
            Some(json!({
                "title_ru": "Персональный менеджер",
                "title_en": "Personal manager",
                "topic_id": app.topics[2].0,
                "hours": {
                    "mon": {"open": "00:00:00", "close": "23:00:00"},
                    "tue": {"open": "00:00:00", "close": "23:00:00"},
                    "wed": {"open": "00:00:00", "close": "23:00:00"},
                    "thu": {"open": "00:00:00", "close": "23:00:00"},
                    "fri": {"open": "00:00:00", "close": "23:00:00"},
                    "sat": {"open": "00:00:00", "close": "23:00:00"},
                    "sun": {"open": "00:00:00", "close": "23:00:00"}
                },
                "booking": {"bookable": true, "slot_min": 30, "lead_min": 0}
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{reception}");
    let (_, listed) = app
        .get(&format!("/api/v1/offices/{}/receptions", app.office), None)
        .await;
    assert_eq!(listed[0]["title_ru"], "Персональный менеджер");
    let today = (app.clock_now() + Duration::hours(3)).date_naive();
    let (status, slots) = app
        .get(
            &format!(
                "/api/v1/offices/{}/slots?staff={}&from={today}&to={today}",
                app.office, agent2.id.0
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{slots}");
    let slot = slots[1].clone();
    let (status, booking) = book(
        &app,
        json!({"staff_id": agent2.id.0, "start": slot["start"]}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{booking}");
    assert_eq!(booking["title_ru"], "Персональный менеджер");
    let now = app.clock_now();
    app.advance_minutes((start_of(&slot) - now).num_minutes() + 1);
    let (status, receipt) = check_in(&app, &code_of(&booking)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");

    // Agent 1 at window 1 (topics A, B) and at window 3 (C) cannot call the visitor.
    app.window_action(w1, "open", &agent1.token).await;
    let (status, body) = app
        .post(
            &format!("/api/v1/windows/{w1}/call-next"),
            Some(&agent1.token),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "queue_empty");
    // Agent 2 at window 2 (topic A only) can: the booking is theirs.
    app.window_action(w2, "open", &agent2.token).await;
    let (status, called) = app
        .post(
            &format!("/api/v1/windows/{w2}/call-next"),
            Some(&agent2.token),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(ticket_id(&called), ticket_id(&receipt), "{called}");
    app.stop().await;
}

#[tokio::test]
async fn a_moved_and_a_cancelled_booking_free_their_place() {
    let app = spawn_app().await;
    let a = app.topics[0];
    make_bookable(&app, a, 1).await;
    let mut head_live = app.live(&app.head.token, None).await;
    head_live.next_snapshot().await;
    let slots = slots_today(&app, a).await;
    let (one, two) = (slots[4]["start"].clone(), slots[5]["start"].clone());
    let (status, first) = book(
        &app,
        json!({"topic_id": a.0, "start": one, "name": "Иван Петров", "phone": "+7 900 123-45-67"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let code = code_of(&first);
    // The office hears of the booking, without its code or the visitor's contact.
    let made = head_live.next_event().await;
    assert!(
        matches!(made.kind, EventKind::BookingMade { .. }),
        "{:?}",
        made.kind
    );
    let wire = serde_json::to_string(&made).unwrap();
    for private in [code.as_str(), "Иван", "123-45-67"] {
        assert!(!wire.contains(private), "{private} in {wire}");
    }
    // The visitor's own view has no contact either; staff see it.
    let (_, shown) = app
        .get(&format!("/api/v1/public/bookings/{code}"), None)
        .await;
    assert!(
        shown.get("phone").is_none() && shown.get("name").is_none(),
        "{shown}"
    );
    let day = (start_of(&slots[4]) + Duration::hours(3)).date_naive();
    let (_, list) = app
        .get(
            &format!(
                "/api/v1/offices/{}/bookings?from={day}&to={day}",
                app.office
            ),
            Some(&app.head.token),
        )
        .await;
    assert_eq!(list[0]["phone"], "+7 900 123-45-67");
    // One booking per phone and day: the same phone, typed differently, is refused.
    let (status, body) = book(
        &app,
        json!({"topic_id": a.0, "start": two, "phone": "8 (900) 1234567"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(error_code(&body), "contact_limit");

    // Move to the next slot: the first is free again, the second is taken.
    let (status, moved) = app
        .post(
            &format!("/api/v1/public/bookings/{code}/move"),
            None,
            json!({"start": two}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["start"], two);
    assert_eq!(moved["moves"], 1);
    let (status, body) = book(&app, json!({"topic_id": a.0, "start": two})).await;
    assert_eq!(error_code(&body), "slot_taken", "{status} {body}");
    let (status, other) = book(&app, json!({"topic_id": a.0, "start": one})).await;
    assert_eq!(status, StatusCode::CREATED, "{other}");

    // Cancel: the second slot is free again; a second cancel is refused.
    let (status, cancelled) = app
        .request(
            Method::DELETE,
            &format!("/api/v1/public/bookings/{code}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    let (status, again) = app
        .request(
            Method::DELETE,
            &format!("/api/v1/public/bookings/{code}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    let (status, body) = book(&app, json!({"topic_id": a.0, "start": two})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    // Bad requests: both targets, neither, a time that is not a slot.
    for (bad, code) in [
        (
            json!({"topic_id": a.0, "staff_id": 1, "start": one}),
            "invalid",
        ),
        (json!({"start": one}), "invalid"),
        (
            json!({"topic_id": a.0, "start": "2026-11-20T12:07:00Z"}),
            "not_a_slot",
        ),
    ] {
        let (status, body) = book(&app, bad.clone()).await;
        assert!(status.is_client_error(), "{bad}: {status} {body}");
        assert_eq!(error_code(&body), code, "{bad}: {body}");
    }
    app.stop().await;
}

#[tokio::test]
async fn bookings_and_receptions_survive_a_restart() {
    let mut app = spawn_app().await;
    let a = app.topics[0];
    make_bookable(&app, a, 1).await;
    let slot = slots_today(&app, a).await[4].clone();
    let (_, booking) = book(&app, json!({"topic_id": a.0, "start": slot["start"]})).await;
    app.restart().await;
    let after = slots_today(&app, a).await;
    let same = after.iter().find(|s| s["start"] == slot["start"]).unwrap();
    assert_eq!(
        same["free"], 0,
        "the place is still taken after the restart"
    );
    let (status, shown) = app
        .get(
            &format!("/api/v1/public/bookings/{}", code_of(&booking)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    assert_eq!(shown["status"], "booked");
    app.stop().await;
}
