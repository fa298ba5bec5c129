//! What every storage backend must do, checked on the store itself. The same functions
//! run on SQLite (`tests/api`) and on PostgreSQL (`tests/api_postgres`).

use crate::helpers::*;
use serde_json::json;
use std::collections::HashSet;
use talon_protocol::api::{OfficeInput, Role, default_schedule};
use talon_protocol::{Event, EventKind, OfficeId};
use talon_server::store::{Extras, StoreError};

fn day_started(office: OfficeId, seq: u64) -> Event {
    Event {
        office_id: office,
        seq,
        at: at("2026-11-20T07:00:00Z"),
        kind: EventKind::ServiceDayStarted {
            service_day: "2026-11-20".parse().unwrap(),
        },
        load: None,
    }
}

/// The called visitor is served and the visit ends resolved.
async fn start_and_finish(app: &TestApp, ticket: &str, agent: &str) {
    for (action, body) in [
        ("start", json!({})),
        (
            "finish",
            json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
        ),
    ] {
        let (status, answer) = app.ticket_action(ticket, action, agent, body).await;
        assert!(status.is_success(), "{action}: {answer}");
    }
}

/// The test office as the store gives it back now.
async fn read_back(app: &TestApp) -> talon_server::engine::OfficeState {
    app.queues()
        .store()
        .load_office(app.office, app.clock_now())
        .await
        .unwrap()
        .expect("the office is stored")
}

async fn new_office(app: &TestApp, name: &str) -> OfficeId {
    app.queues()
        .store()
        .create_office(
            OfficeInput {
                name: name.into(),
                time_zone: chrono_tz::Europe::Moscow.into(),
                schedule: default_schedule(),
                settings: Default::default(),
                region_id: None,
            },
            &set_up_stamp(app.queues()),
        )
        .await
        .expect("office")
        .id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_commit_that_does_not_follow_the_stored_seq_is_refused_as_stale() {
    let app = spawn_app().await;
    let store = app.queues().store();
    let office = new_office(&app, "seq").await;
    store
        .commit(&[day_started(office, 1)], Extras::default())
        .await
        .unwrap();
    for seq in [1, 3] {
        let refused = store
            .commit(&[day_started(office, seq)], Extras::default())
            .await;
        assert!(
            matches!(refused, Err(StoreError::Stale(o)) if o == office),
            "seq {seq} after 1: {refused:?}"
        );
    }
    store
        .commit(&[day_started(office, 2)], Extras::default())
        .await
        .unwrap();
    let seqs: Vec<u64> = store
        .events_since(office, 0, 10)
        .await
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, vec![1, 2]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn among_commits_written_together_a_failing_one_is_refused_alone() {
    let app = spawn_app().await;
    let store = app.queues().store();
    let mut offices = Vec::new();
    for name in ["one", "two", "three"] {
        offices.push(new_office(&app, name).await);
    }
    store
        .commit(&[day_started(offices[0], 1)], Extras::default())
        .await
        .unwrap();
    // Many commits at once, one of them repeating a seq that is already stored.
    let duplicate = [day_started(offices[0], 1)];
    let second = [day_started(offices[1], 1)];
    let third = [day_started(offices[2], 1)];
    let (bad, ok2, ok3) = tokio::join!(
        store.commit(&duplicate, Extras::default()),
        store.commit(&second, Extras::default()),
        store.commit(&third, Extras::default())
    );
    assert!(bad.is_err());
    ok2.unwrap();
    ok3.unwrap();
    for office in &offices {
        assert_eq!(store.events_since(*office, 0, 10).await.unwrap().len(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_from_the_store_never_repeat_when_asked_at_once() {
    let app = std::sync::Arc::new(spawn_app().await);
    let asks: Vec<_> = (0..40)
        .map(|n| {
            let app = app.clone();
            tokio::spawn(async move {
                let store = app.queues().store();
                if n % 2 == 0 {
                    store.next_window_id().await.unwrap().0
                } else {
                    store.next_topic_id().await.unwrap().0 + 1_000_000
                }
            })
        })
        .collect();
    let mut ids = HashSet::new();
    for ask in asks {
        assert!(ids.insert(ask.await.unwrap()), "an id handed out twice");
    }
    assert_eq!(ids.len(), 40);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_that_exists_is_refused_as_a_duplicate() {
    let app = spawn_app().await;
    let store = app.queues().store();
    store
        .create_staff(
            "twin",
            "Один",
            Role::Agent,
            "hash",
            &[app.office],
            &set_up_stamp(app.queues()),
        )
        .await
        .unwrap();
    let again = store
        .create_staff(
            "twin",
            "Другой",
            Role::Agent,
            "hash",
            &[app.office],
            &set_up_stamp(app.queues()),
        )
        .await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))), "{again:?}");
    let twin = store.staff_by_login("twin").await.unwrap().expect("stored");
    assert_eq!(twin.user.name, "Один");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_read_back_from_the_store_is_the_office_served() {
    let app = spawn_app().await;
    let agent = app.agents[0].token.clone();
    app.window_action(app.windows[0], "open", &agent).await;
    let mut tickets = Vec::new();
    for n in 0..6 {
        tickets.push(ticket_id(&app.issue(app.topics[n % 2]).await));
    }
    let (_, called) = app.window_action(app.windows[0], "call-next", &agent).await;
    let called = ticket_id(&called);
    start_and_finish(&app, &called, &agent).await;
    let (_, next) = app.window_action(app.windows[0], "call-next", &agent).await;
    let (status, answer) = app
        .ticket_action(
            &ticket_id(&next),
            "postpone",
            &agent,
            json!({"minutes": 10}),
        )
        .await;
    assert!(status.is_success(), "postpone: {answer}");
    let (_, next) = app.window_action(app.windows[0], "call-next", &agent).await;
    let (status, answer) = app
        .ticket_action(&ticket_id(&next), "no-show", &agent, json!({}))
        .await;
    assert!(status.is_success(), "no-show: {answer}");

    let queue = app.queues().office(app.office).unwrap();
    let mut served = queue.lock().await.clone();
    // The forecast is derived from the rest and never stored.
    served.forecast = None;
    let stored = read_back(&app).await;
    // The flow the forecast learns is derived too, rebuilt from the day's tickets: the
    // walks, the outcomes and the last hour's arrivals come back; turnarounds only
    // between a window's finished visits, and not which windows are idle now.
    let arrivals = |flow: &talon_server::engine::flow::Flow| {
        let mut all: Vec<_> = flow
            .arrivals
            .iter()
            .map(|a| (a.at, a.topic, a.out_of_turn))
            .collect();
        all.sort();
        all
    };
    assert_eq!(arrivals(&stored.flow), arrivals(&served.flow));
    assert_eq!(stored.flow.walk_ms, served.flow.walk_ms);
    assert_eq!(stored.flow.outcomes, served.flow.outcomes);
    served.flow = stored.flow.clone();
    assert_eq!(stored, served);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_the_forecast_learnt_outlives_the_day_when_read_back() {
    let app = spawn_app().await;
    let agent = app.agents[0].token.clone();
    app.window_action(app.windows[0], "open", &agent).await;
    // Tickets issued with a forecast made, then called and served: outcomes and walks.
    for _ in 0..3 {
        app.queues().refresh_forecast_now(app.office).await.unwrap();
        app.issue(app.topics[0]).await;
    }
    for _ in 0..3 {
        app.advance_minutes(4);
        let (_, called) = app.window_action(app.windows[0], "call-next", &agent).await;
        let called = ticket_id(&called);
        start_and_finish(&app, &called, &agent).await;
    }
    // The next morning: the office kept running across the day's end.
    let queue = app.queues().office(app.office).unwrap();
    let yesterday = queue.lock().await.service_day;
    app.advance_minutes(24 * 60);
    app.queues().tick_all().await;
    let served = queue.lock().await.clone();
    assert!(served.service_day > yesterday, "the day rolled");
    assert_eq!(served.flow.outcomes.len(), 3, "the served office remembers");
    assert_eq!(served.flow.walk_ms.len(), 3);
    let stored = read_back(&app).await;
    assert_eq!(stored.flow.outcomes, served.flow.outcomes);
    assert_eq!(stored.flow.walk_ms, served.flow.walk_ms);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn commands_and_other_writes_at_the_same_time_all_succeed() {
    // The commit's transaction reads the office's seq before it writes; other writers
    // (sign-ins, new staff, ids) running meanwhile must make it wait, never fail.
    let app = std::sync::Arc::new(spawn_app().await);
    let mut tasks = Vec::new();
    for n in 0..60 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            if n % 3 == 0 {
                let store = app.queues().store();
                store
                    .create_staff(
                        &format!("writer{n}"),
                        "Писатель",
                        Role::Agent,
                        "hash",
                        &[app.office],
                        &set_up_stamp(app.queues()),
                    )
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())?;
                store
                    .next_window_id()
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            } else {
                let (status, body) = app
                    .post(
                        &format!("/api/v1/offices/{}/tickets", app.office),
                        Some(&app.kiosk),
                        json!({"topic_id": app.topics[n % 2]}),
                    )
                    .await;
                if status.is_success() {
                    Ok(())
                } else {
                    Err(format!("{status}: {body}"))
                }
            }
        }));
    }
    for task in tasks {
        task.await.expect("task").expect("every write succeeds");
    }
}
