//! Sockets scenario: thousands of idle display sockets on one office while calls go on.

use crate::live::{self, Observations};
use crate::load::{self, Nodes, RequestTimes};
use crate::measure::{self, Latency};
use crate::server::{self, Database};
use crate::tcp_floor::{self, FloorResult};
use futures_util::StreamExt;
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

#[derive(Debug, Serialize)]
pub struct SocketsResult {
    pub sockets: usize,
    pub connect_seconds: f64,
    pub server_rss_before_mb: f64,
    pub server_rss_after_mb: f64,
    pub memory_per_socket_kb: f64,
    pub calls: u32,
    pub call_to_display: Latency,
    /// The requests made meanwhile (a call follows the issue before it at once).
    pub issue: Latency,
    pub call_next: Latency,
    pub lost_or_out_of_order: u64,
    pub resyncs: u64,
    /// Messages each display received per visit served (issue to finish), and their
    /// mean size: what the fan-out costs grows with both.
    pub messages_per_visit: f64,
    pub bytes_per_message: f64,
    /// The same number of plain TCP connections written a visit's bytes once each, on
    /// the same machine: the floor under `call_to_display`.
    pub tcp_floor: Option<FloorResult>,
}

pub async fn run(
    binary: &std::path::Path,
    count: usize,
    calls: u32,
) -> anyhow::Result<SocketsResult> {
    let mut result =
        server::with_database(Database::sqlite("sockets.sqlite3")?, async |database| {
            let seeded = server::seed(&database.url, 1, 10).await?;
            let processes = server::start_nodes(binary, database, 1).await?;
            let result = drive(&processes[0], &seeded[0], count, calls).await;
            server::stop(processes).await;
            result
        })
        .await?;
    // With the server stopped, the machine's own floor: a visit's bytes in one write.
    let visit_bytes = (result.messages_per_visit * result.bytes_per_message).round() as usize;
    eprintln!("sockets: the same {count} connections as plain TCP, {visit_bytes} bytes a write");
    result.tcp_floor = Some(tcp_floor::run(count, visit_bytes.max(1), calls).await?);
    Ok(result)
}

async fn drive(
    process: &server::ServerProcess,
    office: &server::SeededOffice,
    count: usize,
    calls: u32,
) -> anyhow::Result<SocketsResult> {
    let office = office.clone();
    let nodes = Nodes::new(vec![process.base.clone()]);
    let http = reqwest::Client::new();
    load::open_windows(&http, &nodes, &office).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = measure::sample(process.pid());

    eprintln!("sockets: connecting {count} display sockets");
    let observations = Arc::new(Observations::default());
    let started = Instant::now();
    let addr = process.addr.clone();
    let sockets: Vec<_> = futures_util::stream::iter(0..count)
        .map(|_| {
            let (addr, token) = (addr.clone(), office.display.clone());
            async move { live::connect(&addr, office.id, &token).await }
        })
        .buffer_unordered(200)
        .collect()
        .await;
    let connect_seconds = started.elapsed().as_secs_f64();
    let mut watchers = Vec::new();
    for socket in sockets {
        let socket = socket?;
        let observations = observations.clone();
        watchers.push(tokio::spawn(async move {
            live::watch(socket, &observations, true, 0).await
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = measure::sample(process.pid());
    let (messages_before, bytes_before) = observations.messages();

    eprintln!("sockets: {calls} calls, one a second");
    let times = RequestTimes::default();
    for n in 0..calls as usize {
        let (window, token) = &office.windows[n % office.windows.len()];
        load::issue(&http, &nodes, &office, &times).await;
        load::serve(&http, &nodes, *window, token, &times, &observations).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    for watcher in watchers {
        watcher.abort();
    }
    let (messages, bytes) = observations.messages();
    let (messages, bytes) = (messages - messages_before, bytes - bytes_before);
    let per_socket =
        after.rss_bytes.saturating_sub(before.rss_bytes) as f64 / count.max(1) as f64 / 1024.0;
    Ok(SocketsResult {
        sockets: count,
        connect_seconds,
        server_rss_before_mb: before.rss_bytes as f64 / 1_048_576.0,
        server_rss_after_mb: after.rss_bytes as f64 / 1_048_576.0,
        memory_per_socket_kb: per_socket,
        calls,
        call_to_display: Latency::of(observations.call_to_display.lock().expect("lock").clone()),
        issue: Latency::of(times.issue.lock().expect("lock").clone()),
        call_next: Latency::of(times.call_next.lock().expect("lock").clone()),
        lost_or_out_of_order: observations.lost_or_out_of_order.load(Ordering::Relaxed),
        resyncs: observations.resyncs.load(Ordering::Relaxed),
        messages_per_visit: messages as f64 / count.max(1) as f64 / f64::from(calls.max(1)),
        bytes_per_message: bytes as f64 / messages.max(1) as f64,
        tcp_floor: None,
    })
}
