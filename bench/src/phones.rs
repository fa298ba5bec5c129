//! Phones scenario: thousands of visitors' ticket pages open on one node (each a live
//! stream of its own ticket, `GET /api/v1/public/tickets/{code}/events`) while the
//! offices serve: memory per open page, call → phone latency, and updates lost.
//!
//! The public API is limited per client address (a burst of 120, then 10 a second), so
//! the pages connect from many loopback addresses (127.0.1.x), as phones come from many.

use crate::load;
use crate::measure::{self, Latency};
use crate::server::{self, SeededOffice};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Pages per client address: within the public burst, with room for the final check.
const PAGES_PER_ADDRESS: usize = 100;
/// How long the agent takes between a call and the start of the visit.
const WALK: Duration = Duration::from_millis(400);

#[derive(Debug, Serialize)]
pub struct PhonesResult {
    pub offices: usize,
    pub pages: usize,
    pub seconds: u64,
    pub connect_seconds: f64,
    pub server_rss_before_mb: f64,
    pub server_rss_after_mb: f64,
    pub memory_per_page_kb: f64,
    pub server_cpu_percent: f64,
    pub calls: usize,
    /// Call request sent → the called visitor's page received "called".
    pub call_to_phone: Latency,
    pub updates_received: u64,
    /// Called tickets whose page never showed the call, and pages whose last status at
    /// the end differs from the server's (must be 0).
    pub lost: u64,
    pub failed_requests: usize,
}

/// Only what the check needs of a status.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Status {
    status: String,
    people_ahead: Option<u32>,
    window_label: Option<String>,
}

/// What one open page saw.
#[derive(Default)]
struct Page {
    last: Mutex<Option<Status>>,
    saw_call: AtomicBool,
}

#[derive(Default)]
struct Shared {
    /// (office index, window label) → when its current call-next was sent.
    call_sent: Mutex<HashMap<(usize, String), Instant>>,
    call_to_phone: Mutex<Vec<Duration>>,
    updates: AtomicU64,
    first_seen: AtomicUsize,
    failures: Mutex<Vec<String>>,
}

struct Ticket {
    office: usize,
    id: String,
    code: String,
}

async fn issue(
    http: &reqwest::Client,
    base: &str,
    office: &SeededOffice,
) -> anyhow::Result<(String, String)> {
    let response = http
        .post(format!("{base}/api/v1/offices/{}/tickets", office.id))
        .bearer_auth(&office.kiosk)
        .json(&serde_json::json!({"topic_id": office.topic}))
        .send()
        .await?;
    anyhow::ensure!(
        response.status().is_success(),
        "issue: {}",
        response.status()
    );
    let receipt: serde_json::Value = response.json().await?;
    let ticket = &receipt["ticket"];
    Ok((
        ticket["id"].as_str().unwrap_or_default().to_string(),
        ticket["public_code"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    ))
}

/// A client whose connections come from 127.0.1.`n`.
fn client_from(n: usize) -> anyhow::Result<reqwest::Client> {
    let last = u8::try_from(n % 250 + 1)?;
    let third = u8::try_from(1 + n / 250)?;
    Ok(reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, third, last)))
        .pool_max_idle_per_host(256)
        .build()?)
}

/// Reads one page's stream until it ends: every status, the call's latency.
async fn follow(
    mut response: reqwest::Response,
    office: usize,
    page: Arc<Page>,
    shared: Arc<Shared>,
) {
    let mut buffer = String::new();
    let mut first = true;
    while let Ok(Some(chunk)) = response.chunk().await {
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let data: String = block
                .lines()
                .filter_map(|l| l.strip_prefix("data:"))
                .map(|d| d.trim_start())
                .collect();
            let Ok(status) = serde_json::from_str::<Status>(&data) else {
                continue;
            };
            shared.updates.fetch_add(1, Ordering::Relaxed);
            if first {
                first = false;
                shared.first_seen.fetch_add(1, Ordering::Relaxed);
            }
            if status.status == "called" && !page.saw_call.swap(true, Ordering::Relaxed) {
                let label = status.window_label.clone().unwrap_or_default();
                let sent = shared
                    .call_sent
                    .lock()
                    .expect("lock")
                    .get(&(office, label))
                    .copied();
                if let Some(sent) = sent {
                    shared
                        .call_to_phone
                        .lock()
                        .expect("lock")
                        .push(sent.elapsed());
                }
            }
            *page.last.lock().expect("lock") = Some(status);
        }
    }
}

/// A window's or ticket's action, with the body `finish` needs.
async fn post(
    http: &reqwest::Client,
    url: String,
    token: &str,
) -> Result<serde_json::Value, String> {
    let body = if url.ends_with("/finish") {
        serde_json::json!({"outcome": {"kind": "resolved"}, "topics_count": 1})
    } else {
        serde_json::json!({})
    };
    load::post(http, url, token, body).await
}

pub async fn run(
    binary: &std::path::Path,
    offices: usize,
    pages_per_office: usize,
    seconds: u64,
) -> anyhow::Result<PhonesResult> {
    let database = server::Database::sqlite("phones.sqlite3")?;
    let windows = 10;
    let seeded = server::seed(&database.url, offices, windows).await?;
    let process = server::start(binary, &database.url, "phones").await?;
    let base = process.base.clone();
    let http = reqwest::Client::new();
    let nodes = load::Nodes::new(vec![base.clone()]);
    for office in &seeded {
        load::open_windows(&http, &nodes, office).await?;
    }

    let pages = offices * pages_per_office;
    eprintln!("phones: issuing {pages} tickets in {offices} offices");
    let jobs: Vec<usize> = (0..pages).map(|n| n % offices).collect();
    let issued: Vec<anyhow::Result<Ticket>> = futures_util::stream::iter(jobs)
        .map(|office| {
            let (http, base, seeded) = (&http, &base, &seeded);
            async move {
                let (id, code) = issue(http, base, &seeded[office]).await?;
                Ok(Ticket { office, id, code })
            }
        })
        .buffered(16)
        .collect()
        .await;
    let tickets: Vec<Ticket> = issued.into_iter().collect::<anyhow::Result<_>>()?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = measure::sample(process.pid());

    eprintln!("phones: opening {pages} ticket pages");
    let shared = Arc::new(Shared::default());
    let clients: Vec<reqwest::Client> = (0..pages.div_ceil(PAGES_PER_ADDRESS))
        .map(client_from)
        .collect::<anyhow::Result<_>>()?;
    let started = Instant::now();
    let opened: Vec<anyhow::Result<(usize, reqwest::Response)>> =
        futures_util::stream::iter(tickets.iter().enumerate())
            .map(|(n, ticket)| {
                let client = &clients[n / PAGES_PER_ADDRESS];
                let url = format!("{base}/api/v1/public/tickets/{}/events", ticket.code);
                async move {
                    let response = client.get(url).send().await?;
                    anyhow::ensure!(
                        response.status().is_success(),
                        "page {n}: {}",
                        response.status()
                    );
                    Ok((n, response))
                }
            })
            .buffer_unordered(200)
            .collect()
            .await;
    let mut followers = Vec::with_capacity(pages);
    let page_states: Vec<Arc<Page>> = (0..pages).map(|_| Arc::new(Page::default())).collect();
    for opened in opened {
        let (n, response) = opened?;
        let page = page_states[n].clone();
        followers.push(tokio::spawn(follow(
            response,
            tickets[n].office,
            page,
            shared.clone(),
        )));
    }
    while shared.first_seen.load(Ordering::Relaxed) < pages {
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(120),
            "only {} of {pages} pages got their first status",
            shared.first_seen.load(Ordering::Relaxed)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let connect_seconds = started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = measure::sample(process.pid());

    eprintln!("phones: {offices} offices serve for {seconds} s, 20 calls a second in all");
    let called: Arc<Mutex<HashSet<String>>> = Arc::default();
    let day_started = Instant::now();
    let deadline = day_started + Duration::from_secs(seconds);
    // Each window calls once per `cycle`, so the whole hall makes 20 calls a second.
    let cycle = Duration::from_secs_f64((offices * windows) as f64 / 20.0);
    let mut agents = Vec::new();
    for (office_index, office) in seeded.iter().enumerate() {
        for (w, (window, token)) in office.windows.iter().enumerate() {
            let (http, base, token, shared, called) = (
                http.clone(),
                base.clone(),
                token.clone(),
                shared.clone(),
                called.clone(),
            );
            let window = *window;
            let label = (w + 1).to_string();
            // Spread the windows over the cycle.
            let offset =
                cycle.mul_f64((office_index * windows + w) as f64 / (offices * windows) as f64);
            agents.push(tokio::spawn(async move {
                tokio::time::sleep(offset).await;
                while Instant::now() < deadline {
                    let round = Instant::now();
                    shared
                        .call_sent
                        .lock()
                        .expect("lock")
                        .insert((office_index, label.clone()), round);
                    match post(
                        &http,
                        format!("{base}/api/v1/windows/{window}/call-next"),
                        &token,
                    )
                    .await
                    {
                        Ok(ticket) => {
                            let id = ticket["id"].as_str().unwrap_or_default().to_string();
                            called.lock().expect("lock").insert(id.clone());
                            tokio::time::sleep(WALK).await;
                            for action in ["start", "finish"] {
                                if let Err(e) = post(
                                    &http,
                                    format!("{base}/api/v1/tickets/{id}/{action}"),
                                    &token,
                                )
                                .await
                                {
                                    shared
                                        .failures
                                        .lock()
                                        .expect("lock")
                                        .push(format!("{action}: {e}"));
                                }
                            }
                        }
                        Err(e) if e.contains("queue_empty") => {}
                        Err(e) => shared
                            .failures
                            .lock()
                            .expect("lock")
                            .push(format!("call-next: {e}")),
                    }
                    tokio::time::sleep(cycle.saturating_sub(round.elapsed())).await;
                }
            }));
        }
    }
    for agent in agents {
        let _ = agent.await;
    }
    let wall = day_started.elapsed();
    let end = measure::sample(process.pid());
    tokio::time::sleep(Duration::from_secs(2)).await;

    // Every page must show what the server says now; every called visitor saw the call.
    eprintln!("phones: checking {pages} pages against the server");
    let called = called.lock().expect("lock").clone();
    let mut lost = 0u64;
    for (n, ticket) in tickets.iter().enumerate() {
        if called.contains(&ticket.id) && !page_states[n].saw_call.load(Ordering::Relaxed) {
            lost += 1;
        }
    }
    let checks: Vec<Option<Status>> = futures_util::stream::iter(tickets.iter().enumerate())
        .map(|(n, ticket)| {
            let client = &clients[n / PAGES_PER_ADDRESS];
            let url = format!("{base}/api/v1/public/tickets/{}", ticket.code);
            async move {
                let response = client.get(url).send().await.ok()?;
                response.json::<Status>().await.ok()
            }
        })
        .buffered(64)
        .collect()
        .await;
    for (n, server_status) in checks.into_iter().enumerate() {
        let page = page_states[n].last.lock().expect("lock").clone();
        if server_status.is_none() || page != server_status {
            lost += 1;
        }
    }
    for follower in followers {
        follower.abort();
    }
    let failures = shared.failures.lock().expect("lock").len();
    let per_page =
        after.rss_bytes.saturating_sub(before.rss_bytes) as f64 / pages.max(1) as f64 / 1024.0;
    let call_to_phone = Latency::of(shared.call_to_phone.lock().expect("lock").clone());
    Ok(PhonesResult {
        offices,
        pages,
        seconds,
        connect_seconds,
        server_rss_before_mb: before.rss_bytes as f64 / 1_048_576.0,
        server_rss_after_mb: after.rss_bytes as f64 / 1_048_576.0,
        memory_per_page_kb: per_page,
        server_cpu_percent: measure::cpu_percent(after, end, wall),
        calls: called.len(),
        call_to_phone,
        updates_received: shared.updates.load(Ordering::Relaxed),
        lost,
        failed_requests: failures,
    })
}
