//! Serving load: issue a ticket, call it, start, finish — measuring each request.

use crate::live::Observations;
use crate::server::SeededOffice;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use talon_protocol::WindowId;

#[derive(Default)]
pub struct RequestTimes {
    pub issue: Mutex<Vec<Duration>>,
    pub call_next: Mutex<Vec<Duration>>,
    pub failures: Mutex<Vec<String>>,
    /// Call-next answered "queue empty" although the ticket issued just before was
    /// waiting (a node deciding on a copy of the office older than the database).
    pub queue_empty: AtomicU64,
}

/// The nodes requests go to: each request to the next one, round-robin.
pub struct Nodes {
    bases: Vec<String>,
    next: AtomicUsize,
}

impl Nodes {
    pub fn new(bases: Vec<String>) -> Nodes {
        assert!(!bases.is_empty(), "at least one node");
        Nodes {
            bases,
            next: AtomicUsize::new(0),
        }
    }

    /// Node `n`, counting round.
    pub fn nth(&self, n: usize) -> &str {
        &self.bases[n % self.bases.len()]
    }

    /// The node for the next request: its index and base URL.
    pub fn next(&self) -> (usize, &str) {
        let n = self.next.fetch_add(1, Ordering::Relaxed) % self.bases.len();
        (n, &self.bases[n])
    }
}

/// Opens every window of the office (each by its own agent).
pub async fn open_windows(
    http: &reqwest::Client,
    nodes: &Nodes,
    office: &SeededOffice,
) -> anyhow::Result<()> {
    for (window, token) in &office.windows {
        let (_, base) = nodes.next();
        let response = http
            .post(format!("{base}/api/v1/windows/{window}/open"))
            .bearer_auth(token)
            .send()
            .await?;
        anyhow::ensure!(
            response.status().is_success(),
            "opening window {window}: {}",
            response.status()
        );
    }
    Ok(())
}

/// POSTs `body` with the token; the answer's JSON, or the refusal in words.
pub async fn post(
    http: &reqwest::Client,
    url: String,
    token: &str,
    body: serde_json::Value,
) -> Result<serde_json::Value, String> {
    let response = http
        .post(url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status();
    let body: serde_json::Value = response.json().await.map_err(|e| e.to_string())?;
    if status.is_success() {
        Ok(body)
    } else {
        Err(format!("{status}: {body}"))
    }
}

pub async fn issue(
    http: &reqwest::Client,
    nodes: &Nodes,
    office: &SeededOffice,
    times: &RequestTimes,
) {
    let (_, base) = nodes.next();
    let started = Instant::now();
    let result = post(
        http,
        format!("{base}/api/v1/offices/{}/tickets", office.id),
        &office.kiosk,
        serde_json::json!({"topic_id": office.topic}),
    )
    .await;
    match result {
        Ok(_) => times.issue.lock().expect("lock").push(started.elapsed()),
        Err(e) => times
            .failures
            .lock()
            .expect("lock")
            .push(format!("issue: {e}")),
    }
}

/// Calls the next ticket at a window and serves it at once (each request to the next
/// node).
pub async fn serve(
    http: &reqwest::Client,
    nodes: &Nodes,
    window: WindowId,
    token: &str,
    times: &RequestTimes,
    observations: &Observations,
) {
    let (node, base) = nodes.next();
    let started = Instant::now();
    observations
        .call_sent
        .lock()
        .expect("lock")
        .insert(window, (started, node));
    let called = post(
        http,
        format!("{base}/api/v1/windows/{window}/call-next"),
        token,
        serde_json::json!({}),
    )
    .await;
    let ticket = match called {
        Ok(ticket) => {
            times
                .call_next
                .lock()
                .expect("lock")
                .push(started.elapsed());
            ticket["id"].as_str().unwrap_or_default().to_string()
        }
        Err(e) if e.contains("queue_empty") => {
            times.queue_empty.fetch_add(1, Ordering::Relaxed);
            return;
        }
        Err(e) => {
            times
                .failures
                .lock()
                .expect("lock")
                .push(format!("call-next: {e}"));
            return;
        }
    };
    for (action, body) in [
        ("start", serde_json::json!({})),
        (
            "finish",
            serde_json::json!({"outcome": {"kind": "resolved"}, "topics_count": 1}),
        ),
    ] {
        let (_, base) = nodes.next();
        if let Err(e) = post(
            http,
            format!("{base}/api/v1/tickets/{ticket}/{action}"),
            token,
            body,
        )
        .await
        {
            times
                .failures
                .lock()
                .expect("lock")
                .push(format!("{action}: {e}"));
            return;
        }
    }
}
