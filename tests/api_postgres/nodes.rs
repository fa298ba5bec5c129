//! Several server nodes on one PostgreSQL database: any node serves any office, and
//! whichever nodes the requests reach, no ticket goes to two windows, no seq or label
//! repeats, every node's sockets see every event in order, time acts once, and a node
//! that dies costs its clients only a move to another node.

use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talon_protocol::{Event, EventKind, TicketStatus};
use talon_testkit::Node;

/// The app's own server ("a") and two more nodes ("b", "c") on its database.
async fn three_nodes() -> (Arc<TestApp>, Vec<Node>, Vec<String>) {
    let app = spawn_app().await;
    let b = app.start_node("b").await;
    let c = app.start_node("c").await;
    let bases = vec![app.base.clone(), b.base(), c.base()];
    (Arc::new(app), vec![b, c], bases)
}

/// Every stored event of the office, in seq order.
async fn stored_events(app: &TestApp) -> Vec<Event> {
    app.queues()
        .store()
        .events_since(app.office, 0, 1_000_000)
        .await
        .expect("events")
}

fn assert_contiguous(events: &[Event]) {
    let seqs: Vec<u64> = events.iter().map(|e| e.seq).collect();
    let expected: Vec<u64> = (1..=events.len() as u64).collect();
    assert_eq!(
        seqs, expected,
        "seqs are 1, 2, 3, … with no gap and no repeat"
    );
}

/// Waits until every node serves the office at the stored seq (they follow each other
/// by notifications; this is a wait with a limit, not a timing assertion).
async fn synced(app: &TestApp, bases: &[String]) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let stored = stored_events(app).await.last().map_or(0, |e| e.seq);
        let mut seqs = Vec::new();
        for base in bases {
            let (_, snapshot) = app
                .request_at(
                    base,
                    Method::GET,
                    &format!("/api/v1/offices/{}/snapshot", app.office),
                    Some(&app.head.token),
                    None,
                )
                .await;
            seqs.push(snapshot["seq"].as_u64().unwrap_or(0));
        }
        if seqs.iter().all(|seq| *seq == stored) {
            return stored;
        }
        assert!(
            Instant::now() < deadline,
            "nodes at {seqs:?}, the store at {stored}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn issue_at(app: &TestApp, base: &str, topic: talon_protocol::TopicId) -> Value {
    let (status, body) = app
        .request_at(
            base,
            Method::POST,
            &format!("/api/v1/offices/{}/tickets", app.office),
            Some(&app.kiosk),
            Some(json!({"topic_id": topic})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "issue at {base}: {body}");
    body
}

fn label(receipt: &Value) -> String {
    receipt["ticket"]["label"]
        .as_str()
        .expect("label")
        .to_string()
}

fn number(label: &str) -> u32 {
    label
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .expect("a label ends in its number")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_calls_over_three_nodes_hand_each_of_sixty_tickets_out_once() {
    let (app, _nodes, bases) = three_nodes().await;
    let mut callers = Vec::new();
    for n in 0..100 {
        let agent = app.add_agent_with_session(&format!("racer{n}")).await;
        let window = app
            .queues()
            .create_window(
                app.office,
                format!("R{n}"),
                vec![app.topics[0], app.topics[1]],
                &set_up_stamp(app.queues()).author,
            )
            .await
            .expect("window")
            .id;
        callers.push((window, agent.token));
    }
    // Windows made on node a are known on b and c once they have followed.
    synced(&app, &bases).await;
    for (n, (window, token)) in callers.iter().enumerate() {
        let (status, body) = app
            .request_at(
                &bases[n % 3],
                Method::POST,
                &format!("/api/v1/windows/{window}/open"),
                Some(token),
                Some(json!({})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "open at {}: {body}", bases[n % 3]);
    }

    // Sixty tickets issued at once, spread over the nodes.
    let issuing: Vec<_> = (0..60)
        .map(|n| {
            let (app, base) = (app.clone(), bases[n % 3].clone());
            tokio::spawn(async move { issue_at(&app, &base, app.topics[n % 2]).await })
        })
        .collect();
    let mut issued = HashSet::new();
    let mut numbers: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for task in issuing {
        let receipt = task.await.expect("issue task");
        issued.insert(ticket_id(&receipt));
        let label = label(&receipt);
        let prefix: String = label.chars().filter(|c| !c.is_ascii_digit()).collect();
        numbers.entry(prefix).or_default().push(number(&label));
    }
    assert_eq!(issued.len(), 60);
    for (prefix, mut got) in numbers {
        got.sort();
        let expected: Vec<u32> = (1..=30).collect();
        assert_eq!(got, expected, "labels of {prefix}: unique, none skipped");
    }
    synced(&app, &bases).await;

    // A hundred "call next" at once, a third through each node.
    let barrier = Arc::new(tokio::sync::Barrier::new(callers.len()));
    let calls: Vec<_> = callers
        .into_iter()
        .enumerate()
        .map(|(n, (window, token))| {
            let (app, barrier, base) = (app.clone(), barrier.clone(), bases[n % 3].clone());
            tokio::spawn(async move {
                barrier.wait().await;
                app.request_at(
                    &base,
                    Method::POST,
                    &format!("/api/v1/windows/{window}/call-next"),
                    Some(&token),
                    Some(json!({})),
                )
                .await
            })
        })
        .collect();
    let mut called = Vec::new();
    let mut empty = 0;
    for call in calls {
        let (status, body) = call.await.expect("call task");
        match status {
            StatusCode::OK => called.push(ticket_id(&body)),
            StatusCode::CONFLICT => {
                assert_eq!(error_code(&body), "queue_empty", "{body}");
                empty += 1;
            }
            other => panic!("unexpected {other}: {body}"),
        }
    }
    let distinct: HashSet<String> = called.iter().cloned().collect();
    assert_eq!(called.len(), 60, "every waiting ticket is called");
    assert_eq!(distinct.len(), 60, "no ticket is called to two windows");
    assert_eq!(distinct, issued);
    assert_eq!(empty, 40);

    let events = stored_events(&app).await;
    assert_contiguous(&events);
    let calls_stored = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::TicketCalled { .. }))
        .count();
    assert_eq!(calls_stored, 60, "one call event per ticket");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_bookings_over_three_nodes_for_a_slot_of_three_places_give_three() {
    let (app, _nodes, bases) = three_nodes().await;
    let a = app.topics[0];
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/topics/{}", a.0),
            Some(&app.head.token),
            Some(json!({
                "prefix": "A",
                "name_ru": "Передача показаний",
                "booking": {"bookable": true, "places": 3}
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    synced(&app, &bases).await;
    let today = (app.clock_now() + chrono::Duration::hours(3)).date_naive();
    let (_, slots) = app
        .get(
            &format!(
                "/api/v1/offices/{}/slots?topic={}&from={today}&to={today}",
                app.office, a.0
            ),
            None,
        )
        .await;
    let start = slots[3]["start"].clone();
    let path = format!("/api/v1/offices/{}/bookings", app.office);
    let answers = futures_util::future::join_all((0..20).map(|n| {
        app.request_at(
            &bases[n % 3],
            Method::POST,
            &path,
            None,
            Some(json!({"topic_id": a.0, "start": start})),
        )
    }))
    .await;
    let booked = answers
        .iter()
        .filter(|(status, _)| *status == StatusCode::CREATED)
        .count();
    assert_eq!(booked, 3, "{answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::CREATED) {
        assert_eq!(*status, StatusCode::CONFLICT, "{body}");
        assert_eq!(error_code(body), "slot_taken");
    }
    let events = stored_events(&app).await;
    assert_contiguous(&events);
    let made = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::BookingMade { .. }))
        .count();
    assert_eq!(made, 3, "three bookings in the log");
    // Every node says the slot is full.
    synced(&app, &bases).await;
    for base in &bases {
        let (_, slots) = app
            .request_at(
                base,
                Method::GET,
                &format!(
                    "/api/v1/offices/{}/slots?topic={}&from={today}&to={today}",
                    app.office, a.0
                ),
                None,
                None,
            )
            .await;
        let same = slots
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["start"] == start)
            .unwrap();
        assert_eq!(same["free"], 0, "{base}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn tickets_issued_one_after_another_on_changing_nodes_are_numbered_in_order() {
    let (app, _nodes, bases) = three_nodes().await;
    let mut numbers = Vec::new();
    for n in 0..12 {
        numbers.push(number(&label(
            &issue_at(&app, &bases[n % 3], app.topics[0]).await,
        )));
    }
    let expected: Vec<u32> = (1..=12).collect();
    assert_eq!(numbers, expected);
    assert_contiguous(&stored_events(&app).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_socket_on_one_node_gets_the_events_made_through_the_others_in_order() {
    let (app, _nodes, bases) = three_nodes().await;
    let mut display = app.live_at(&bases[2], &app.display, None).await;
    let start = display.next_snapshot().await.seq;
    let agent = &app.agents[0].token;
    let window = app.windows[0];
    let (status, body) = app
        .request_at(
            &bases[1],
            Method::POST,
            &format!("/api/v1/windows/{window}/open"),
            Some(agent),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for n in 0..6 {
        issue_at(&app, &bases[n % 2], app.topics[0]).await;
    }
    for step in ["call-next", "call-next"] {
        let base = &bases[0];
        let (status, body) = app
            .request_at(
                base,
                Method::POST,
                &format!("/api/v1/windows/{window}/{step}"),
                Some(agent),
                Some(json!({})),
            )
            .await;
        if status == StatusCode::OK {
            let ticket = ticket_id(&body);
            for action in ["start", "finish"] {
                let body = if action == "finish" {
                    json!({"outcome": {"kind": "resolved"}, "topics_count": 1})
                } else {
                    json!({})
                };
                let (status, answer) = app
                    .request_at(
                        &bases[1],
                        Method::POST,
                        &format!("/api/v1/tickets/{ticket}/{action}"),
                        Some(agent),
                        Some(body),
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{action}: {answer}");
            }
        }
    }
    let last = stored_events(&app).await.last().expect("events").seq;
    let mut seen = Vec::new();
    while seen.last().copied().unwrap_or(start) < last {
        seen.push(display.next_event().await.seq);
    }
    let expected: Vec<u64> = (start + 1..=last).collect();
    assert_eq!(
        seen, expected,
        "every event, in order, none missing, none twice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_service_day_rolls_once_with_three_nodes_up() {
    let (app, _nodes, bases) = three_nodes().await;
    for n in 0..5 {
        issue_at(&app, &bases[n % 3], app.topics[n % 2]).await;
    }
    synced(&app, &bases).await;
    // Friday 10:00 in Moscow → Saturday 00:05: every node's ticker sees midnight.
    app.advance_minutes(14 * 60 + 5);
    let deadline = Instant::now() + Duration::from_secs(20);
    let events = loop {
        let events = stored_events(&app).await;
        let cancelled = events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::TicketCancelled { .. }))
            .count();
        if cancelled >= 5 {
            break events;
        }
        assert!(Instant::now() < deadline, "the day did not roll");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    // Give the other nodes' tickers time to try too; they must find nothing to do.
    synced(&app, &bases).await;
    app.advance_minutes(1);
    synced(&app, &bases).await;
    let events = {
        let later = stored_events(&app).await;
        assert!(later.len() >= events.len());
        later
    };
    assert_contiguous(&events);
    let days: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::ServiceDayStarted { service_day } => Some(*service_day),
            _ => None,
        })
        .collect();
    let unique: BTreeSet<_> = days.iter().collect();
    assert_eq!(days.len(), unique.len(), "each day started once: {days:?}");
    let cancelled: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::TicketCancelled { ticket } => Some(ticket.id),
            _ => None,
        })
        .collect();
    let distinct: HashSet<_> = cancelled.iter().collect();
    assert_eq!(cancelled.len(), 5, "one set of cancellations");
    assert_eq!(distinct.len(), 5);
    let (_, receipt) = app
        .request_at(
            &bases[2],
            Method::POST,
            &format!("/api/v1/offices/{}/tickets", app.office),
            Some(&app.kiosk),
            Some(json!({"topic_id": app.topics[0]})),
        )
        .await;
    assert_eq!(
        number(&label(&receipt)),
        1,
        "numbering starts again on the new day"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_retry_key_and_a_sign_out_hold_on_every_node() {
    let (app, _nodes, bases) = three_nodes().await;
    let path = format!("/api/v1/offices/{}/tickets", app.office);
    let mut tickets = Vec::new();
    for base in &bases {
        let response = app
            .http
            .post(format!("{base}{path}"))
            .bearer_auth(&app.kiosk)
            .header("Idempotency-Key", "tap-42")
            .json(&json!({"topic_id": app.topics[0]}))
            .send()
            .await
            .expect("sent");
        let status = response.status();
        let body: Value = response.json().await.expect("json");
        tickets.push((status, ticket_id(&body)));
    }
    assert_eq!(tickets[0].0, StatusCode::CREATED);
    assert!(
        tickets[1..]
            .iter()
            .all(|(status, _)| *status == StatusCode::OK)
    );
    assert!(
        tickets.iter().all(|(_, id)| *id == tickets[0].1),
        "one ticket for one key: {tickets:?}"
    );

    let head = app
        .add_staff("head2", talon_protocol::api::Role::Head)
        .await;
    // Every node has checked the token (and keeps it in its cache) before it ends.
    for base in &bases {
        let (status, _) = app
            .request_at(
                base,
                Method::GET,
                "/api/v1/auth/me",
                Some(&head.token),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, _) = app
        .request_at(
            &bases[1],
            Method::POST,
            "/api/v1/auth/logout",
            Some(&head.token),
            Some(json!({})),
        )
        .await;
    assert!(status.is_success());
    for base in &bases {
        refused_soon(&app, base, "/api/v1/auth/me", &head.token).await;
    }

    // A device revoked through one node, after every node cached its token.
    let topics = format!("/api/v1/offices/{}/topics", app.office);
    for base in &bases {
        let (status, _) = app
            .request_at(base, Method::GET, &topics, Some(&app.display), None)
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let (_, devices) = app
        .request_at(
            &bases[0],
            Method::GET,
            &format!("/api/v1/offices/{}/devices", app.office),
            Some(&app.admin.token),
            None,
        )
        .await;
    let display = devices
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "display")
        .and_then(|d| d["id"].as_i64())
        .unwrap();
    let (status, _) = app
        .request_at(
            &bases[0],
            Method::DELETE,
            &format!("/api/v1/devices/{display}"),
            Some(&app.admin.token),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    for base in &bases {
        refused_soon(&app, base, &topics, &app.display).await;
    }
}

/// The token is refused at `base` within a second: as soon as the node hears of the
/// revocation (well before a cached token's trust of five seconds runs out).
async fn refused_soon(app: &TestApp, base: &str, path: &str, token: &str) {
    let started = std::time::Instant::now();
    loop {
        let (status, _) = app
            .request_at(base, Method::GET, path, Some(token), None)
            .await;
        if status == StatusCode::UNAUTHORIZED {
            return;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(1),
            "{base} still accepts a revoked token: {status}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_node_restarted_continues_tickets_numbers_and_seq() {
    let (mut app, mut nodes, bases) = {
        let (app, nodes, bases) = three_nodes().await;
        (Arc::try_unwrap(app).ok().expect("one owner"), nodes, bases)
    };
    for n in 0..6 {
        issue_at(&app, &bases[n % 3], app.topics[0]).await;
    }
    let before = stored_events(&app).await;
    for node in &mut nodes {
        node.kill();
    }
    app.restart().await;
    let b = app.start_node("b2").await;
    let c = app.start_node("c2").await;
    let bases = [app.base.clone(), b.base(), c.base()];
    let snapshot = app.snapshot().await;
    assert_eq!(snapshot["seq"].as_u64(), before.last().map(|e| e.seq));
    assert_eq!(snapshot["tickets"].as_array().map(Vec::len), Some(6));
    let mut numbers = Vec::new();
    for base in &bases {
        numbers.push(number(&label(&issue_at(&app, base, app.topics[0]).await)));
    }
    assert_eq!(numbers, vec![7, 8, 9]);
    assert_contiguous(&stored_events(&app).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_node_killed_under_load_loses_nothing_and_its_clients_move_on() {
    let (app, mut nodes, bases) = three_nodes().await;
    let runtime = talon_client::Runtime::from_handle(tokio::runtime::Handle::current());
    // The hall display prefers node b, the one that dies.
    let display_api = talon_client::Api::new(
        &format!("{},{},{}", bases[1], bases[2], bases[0]),
        Some(app.display.clone()),
    );
    let display = talon_client::LiveLink::start(&runtime, display_api, app.office, || {});

    // Three kiosks, each preferring another node, retrying a tap with its key.
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut load = Vec::new();
    for k in 0..3 {
        let servers = format!("{},{},{}", bases[k], bases[(k + 1) % 3], bases[(k + 2) % 3]);
        let api = talon_client::Api::new(&servers, Some(app.kiosk.clone()));
        let (app, acknowledged, stop) = (app.clone(), acknowledged.clone(), stop.clone());
        load.push(tokio::spawn(async move {
            let mut tap = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                tap += 1;
                let key = format!("kiosk{k}-tap{tap}");
                let topic = app.topics[tap % 2];
                for _attempt in 0..20 {
                    match api.issue(app.office, topic, false, &key).await {
                        Ok(receipt) => {
                            acknowledged
                                .lock()
                                .unwrap()
                                .push((key.clone(), receipt.ticket));
                            break;
                        }
                        // A node dying mid-request may still answer 503 unavailable.
                        Err(e) if e.is_retryable() => {
                            tokio::time::sleep(Duration::from_millis(50)).await
                        }
                        Err(e) => panic!("the kiosk was refused: {e}"),
                    }
                }
            }
        }));
    }
    // Three agents at windows, calling and serving through different nodes.
    for (w, agent) in app.agents.iter().enumerate() {
        let servers = format!("{},{},{}", bases[(w + 1) % 3], bases[(w + 2) % 3], bases[w]);
        let api = talon_client::Api::new(&servers, Some(agent.token.clone()));
        let window = app.windows[w];
        let stop = stop.clone();
        load.push(tokio::spawn(async move {
            // Until the server answered (open, or refused because it already is).
            while api
                .window_action::<Value>(window, "open")
                .await
                .is_err_and(|e| e.is_retryable())
            {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let Ok(ticket) = api.call_next(window).await else {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                let _ = api.ticket_action(ticket.id, "start").await;
                let finish = talon_protocol::api::FinishRequest {
                    outcome: talon_protocol::Outcome::Resolved,
                    topics_count: 1,
                    overrun_reason: None,
                };
                let _ = api.finish(ticket.id, &finish).await;
            }
        }));
    }
    let issued_before = |n: usize| {
        let acknowledged = acknowledged.clone();
        async move {
            let deadline = Instant::now() + Duration::from_secs(30);
            while acknowledged.lock().unwrap().len() < n {
                assert!(
                    Instant::now() < deadline,
                    "fewer than {n} tickets were issued"
                );
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    };
    issued_before(30).await;
    nodes[0].kill(); // node b, as kill -9
    let at_kill = acknowledged.lock().unwrap().len();
    issued_before(at_kill + 30).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for task in load {
        task.await.expect("load task");
    }

    // Every acknowledged ticket is stored, once, with a label of its own.
    let acknowledged = acknowledged.lock().unwrap().clone();
    let store = app.queues().store();
    let mut labels = HashSet::new();
    for (key, ticket) in &acknowledged {
        let stored = store
            .ticket_by_idempotency_key(app.office, key)
            .await
            .expect("read")
            .unwrap_or_else(|| panic!("acknowledged ticket {} is not stored", ticket.label));
        assert_eq!(stored.id, ticket.id, "one ticket per tap");
        assert!(
            labels.insert(stored.label.clone()),
            "label {} twice",
            stored.label
        );
    }
    let events = stored_events(&app).await;
    assert_contiguous(&events);
    let issued_events = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::TicketIssued { .. }))
        .count();
    assert_eq!(
        issued_events,
        acknowledged.len(),
        "no ticket issued twice for a retried tap"
    );

    // The display moved to a living node and caught up with everything.
    let last = events.last().expect("events").seq;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let mirror = display.mirror();
        if mirror.as_ref().is_some_and(|m| m.seq() == last) {
            let mirror = mirror.unwrap();
            let (_, snapshot) = app
                .request_at(
                    &bases[2],
                    Method::GET,
                    &format!("/api/v1/offices/{}/snapshot", app.office),
                    Some(&app.head.token),
                    None,
                )
                .await;
            let snapshot: talon_protocol::Snapshot =
                serde_json::from_value(snapshot).expect("snapshot");
            let statuses = |tickets: &[talon_protocol::Ticket]| -> BTreeMap<_, TicketStatus> {
                tickets.iter().map(|t| (t.id, t.status)).collect()
            };
            assert_eq!(
                statuses(&mirror.office.tickets),
                statuses(&snapshot.tickets)
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the display is at {:?}, the office at {last}",
            mirror.map(|m| m.seq())
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(display.state(), talon_client::ConnectionState::Online);
}
