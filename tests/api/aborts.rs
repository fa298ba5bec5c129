//! Requests whose connections are reset mid-way, at random points (while the request is
//! still being sent, while the engine runs, during the durable commit), change the office
//! by whole commands or not at all: afterwards every ordinary request succeeds, and the
//! state the server serves equals the state it reads back from its file after a restart.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

/// A small seeded generator: the run is the same every time, and needs no crate.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn raw_request(method: &str, path: &str, token: &str, body: &Value) -> Vec<u8> {
    let body = body.to_string();
    format!(
        "{method} {path} HTTP/1.1\r\nHost: talon\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Sends `request` (or only its first `cut` bytes), waits `linger`, and resets the
/// connection (RST, not a polite close) without reading the answer.
async fn send_and_reset(addr: &str, request: &[u8], cut: Option<usize>, linger: Duration) {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let sent = &request[..cut.unwrap_or(request.len())];
    stream.write_all(sent).await.expect("write");
    if !linger.is_zero() {
        tokio::time::sleep(linger).await;
    }
    stream.set_zero_linger().expect("SO_LINGER 0");
    drop(stream);
}

/// The served state without what differs by nature between two reads (the time of the
/// read, the order of unordered collections).
fn comparable(mut snapshot: Value) -> Value {
    let fields = snapshot.as_object_mut().expect("a snapshot object");
    fields.remove("now");
    // The advice is derived too: made again by the advisor's next look.
    fields.remove("advice");
    // The forecast's figures are made afresh after a restart (derived, never stored).
    for load in fields["load"].as_array_mut().expect("the load") {
        let load = load.as_object_mut().expect("a topic's load");
        load.remove("estimated_wait_ms");
        load.remove("wait_range");
    }
    sort_arrays(&mut snapshot);
    snapshot
}

fn sort_arrays(value: &mut Value) {
    match value {
        Value::Array(items) => {
            items.iter_mut().for_each(sort_arrays);
            items.sort_by_key(|item| item.to_string());
        }
        Value::Object(fields) => fields.values_mut().for_each(sort_arrays),
        _ => {}
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_reset_at_random_points_leave_the_office_working_and_stored_as_served() {
    let mut app = spawn_app().await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let [a, b] = [app.topics[0], app.topics[1]];
    let window = app.windows[0];
    let agent = app.agents[0].token.clone();
    let (status, body) = app.window_action(window, "open", &agent).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let issue_path = format!("/api/v1/offices/{}/tickets", app.office);
    let call_path = format!("/api/v1/windows/{window}/call-next");
    let mut dice = Dice(0x7a10_2026_1201);
    for n in 0..50 {
        let request = match n % 5 {
            // Mostly issues: they always commit, so their resets hit commits.
            0..=2 => raw_request("POST", &issue_path, &app.kiosk, &json!({"topic_id": a})),
            3 => raw_request("POST", &issue_path, &app.kiosk, &json!({"topic_id": b})),
            _ => raw_request("POST", &call_path, &agent, &json!({})),
        };
        // A quarter are cut while being sent; the rest are reset 0–4 ms after the last
        // byte: before the handler, in the engine, or during the fsync of the commit.
        let cut = (dice.below(4) == 0).then(|| 1 + dice.below(request.len() as u64 - 1) as usize);
        let linger = Duration::from_micros(dice.below(4_000));
        send_and_reset(&addr, &request, cut, linger).await;
    }
    // Whatever the aborted requests still had running ends on its own.
    tokio::time::sleep(Duration::from_millis(300)).await;

    // The window may hold a ticket an aborted call-next handed it: finish it as an agent
    // would, then serve ten more visitors. Every request must succeed.
    let snapshot = app.snapshot().await;
    let current = snapshot["windows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == json!(window))
        .and_then(|w| w["current_ticket"].as_str().map(str::to_string));
    if let Some(ticket) = current {
        serve(&app, &ticket, &agent).await;
    }
    for _ in 0..10 {
        let issued = ticket_id(&app.issue(a).await);
        let (status, called) = app.window_action(window, "call-next", &agent).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "call-next after the aborts: {called}"
        );
        let called = ticket_id(&called);
        serve(&app, &called, &agent).await;
        assert!(!issued.is_empty());
    }

    // Sequence numbers have no gap and no repeat, labels never repeat.
    let served = app.snapshot().await;
    let seq = served["seq"].as_u64().unwrap();
    let events = app
        .queues()
        .store()
        .events_since(app.office, 0, 100_000)
        .await
        .expect("events");
    let seqs: Vec<u64> = events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=seq).collect::<Vec<_>>(), "contiguous seqs");
    let mut labels: Vec<&str> = served["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["label"].as_str().unwrap())
        .collect();
    let count = labels.len();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), count, "no label twice");

    // What the server served is what it stored.
    app.restart().await;
    let reloaded = app.snapshot().await;
    assert_eq!(comparable(reloaded), comparable(served));
    app.stop().await;
}

/// Start and finish the ticket at the agent's window.
async fn serve(app: &TestApp, ticket: &str, agent: &str) {
    let (status, body) = app.ticket_action(ticket, "start", agent, json!({})).await;
    assert_eq!(status, StatusCode::OK, "start: {body}");
    let finish = json!({"outcome": {"kind": "resolved"}, "topics_count": 1});
    let (status, body) = app.ticket_action(ticket, "finish", agent, finish).await;
    assert_eq!(status, StatusCode::OK, "finish: {body}");
}
