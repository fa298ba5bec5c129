//! Region scenario: many offices, each with a kiosk, a display and agent desks connected,
//! tickets issued and served at a steady total rate. On one node and SQLite, or on
//! several nodes sharing one PostgreSQL database: then each office's sockets are spread
//! over the nodes and every request goes to the next node, so most calls reach their
//! display through another node (by the database's notifications).

use crate::live::{self, Observations};
use crate::load::{self, Nodes, RequestTimes};
use crate::measure::{self, Latency};
use crate::server::{self, Database};
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct RegionConfig {
    pub offices: usize,
    pub windows: usize,
    pub rate: u32,
    pub seconds: u64,
    /// Server nodes on the one database.
    pub nodes: usize,
    /// A PostgreSQL URL to create the run's database through; SQLite when `None`.
    pub postgres: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RegionResult {
    pub backend: &'static str,
    pub nodes: usize,
    pub offices: usize,
    pub windows_per_office: usize,
    pub sockets: usize,
    pub tickets_per_second: u32,
    pub seconds: u64,
    pub issue: Latency,
    pub call_next: Latency,
    /// Every call seen on its office's display, whichever node either was on.
    pub call_to_display: Latency,
    /// Only calls made through another node than the display's (several nodes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_to_display_cross_node: Option<Latency>,
    /// Only calls made through the display's own node (several nodes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_to_display_same_node: Option<Latency>,
    /// All nodes together.
    pub server_cpu_percent: f64,
    /// All nodes together.
    pub server_rss_mb: f64,
    /// The database's backends and the cluster's WAL writer, checkpointer and background
    /// writer (PostgreSQL only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_cpu_percent: Option<f64>,
    pub events_received: u64,
    pub lost_or_out_of_order: u64,
    pub resyncs: u64,
    pub failed_requests: usize,
    /// Call-next requests answered "queue empty" right after their ticket was issued.
    pub call_next_queue_empty: u64,
    /// The first few failures, to tell what went wrong.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failure_examples: Vec<String>,
}

pub async fn run(binary: &std::path::Path, config: RegionConfig) -> anyhow::Result<RegionResult> {
    let database = match &config.postgres {
        Some(admin) => Database::postgres(admin).await?,
        None => Database::sqlite("region.sqlite3")?,
    };
    server::with_database(database, async |database| {
        run_on(binary, &config, database).await
    })
    .await
}

async fn run_on(
    binary: &std::path::Path,
    config: &RegionConfig,
    database: &Database,
) -> anyhow::Result<RegionResult> {
    let RegionConfig {
        offices,
        windows,
        nodes: node_count,
        ..
    } = *config;
    let started_seeding = Instant::now();
    eprintln!(
        "region: seeding {offices} offices × {windows} windows ({})",
        database.backend()
    );
    let seeded = server::seed(&database.url, offices, windows).await?;
    eprintln!(
        "region: seeded in {:.1} s; starting {node_count} node(s)",
        started_seeding.elapsed().as_secs_f64()
    );
    let processes = server::start_nodes(binary, database, node_count).await?;
    let result = drive(config, database, &processes, &seeded).await;
    server::stop(processes).await;
    result
}

async fn drive(
    config: &RegionConfig,
    database: &Database,
    processes: &[server::ServerProcess],
    seeded: &[server::SeededOffice],
) -> anyhow::Result<RegionResult> {
    let RegionConfig {
        offices,
        windows,
        rate,
        seconds,
        ..
    } = *config;
    let nodes = Arc::new(Nodes::new(
        processes.iter().map(|p| p.base.clone()).collect(),
    ));
    let http = reqwest::Client::new();
    for office in seeded {
        load::open_windows(&http, &nodes, office).await?;
    }

    let observations = Arc::new(Observations::default());
    let mut watchers = Vec::new();
    for (n, office) in seeded.iter().enumerate() {
        let mut tokens = vec![
            (office.display.clone(), true),
            (office.kiosk.clone(), false),
        ];
        tokens.extend(
            office
                .windows
                .iter()
                .map(|(_, token)| (token.clone(), false)),
        );
        // The office's sockets over all nodes, starting with its display on a node that
        // does not follow the requests' round-robin: whichever office and request
        // order, about (N-1)/N of the calls reach their display through another node.
        let first = scatter(n);
        for (k, (token, is_display)) in tokens.into_iter().enumerate() {
            let node = (first + k) % processes.len();
            let socket = live::connect(&processes[node].addr, office.id, &token).await?;
            let observations = observations.clone();
            watchers.push(tokio::spawn(async move {
                live::watch(socket, &observations, is_display, node).await
            }));
        }
    }
    let sockets = watchers.len();
    eprintln!(
        "region: {sockets} sockets connected to {} node(s); {rate} tickets/s for {seconds} s",
        processes.len()
    );
    tokio::time::sleep(Duration::from_secs(1)).await;

    let pids: Vec<u32> = processes.iter().map(|p| p.pid()).collect();
    let times = Arc::new(RequestTimes::default());
    let before: Vec<_> = pids.iter().map(|pid| measure::sample(*pid)).collect();
    let db_before = database.postgres_name().map(measure::postgres_cpu);
    let started = Instant::now();
    let mut every = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(rate)));
    let mut work = Vec::new();
    let total = u64::from(rate) * seconds;
    for n in 0..total as usize {
        every.tick().await;
        let office = seeded[n % seeded.len()].clone();
        let (window, token) = office.windows[(n / seeded.len()) % office.windows.len()].clone();
        let (http, nodes, times, observations) = (
            http.clone(),
            nodes.clone(),
            times.clone(),
            observations.clone(),
        );
        work.push(tokio::spawn(async move {
            load::issue(&http, &nodes, &office, &times).await;
            load::serve(&http, &nodes, window, &token, &times, &observations).await;
        }));
    }
    for task in work {
        let _ = tokio::time::timeout(Duration::from_secs(30), task).await;
    }
    let wall = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after: Vec<_> = pids.iter().map(|pid| measure::sample(*pid)).collect();
    let db_after = database.postgres_name().map(measure::postgres_cpu);
    for watcher in watchers {
        watcher.abort();
    }
    let failures = times.failures.lock().expect("lock").clone();
    let split = |samples: &std::sync::Mutex<Vec<Duration>>| {
        (processes.len() > 1).then(|| Latency::of(samples.lock().expect("lock").clone()))
    };
    Ok(RegionResult {
        backend: database.backend(),
        nodes: processes.len(),
        offices,
        windows_per_office: windows,
        sockets,
        tickets_per_second: rate,
        seconds,
        issue: Latency::of(times.issue.lock().expect("lock").clone()),
        call_next: Latency::of(times.call_next.lock().expect("lock").clone()),
        call_to_display: Latency::of(observations.call_to_display.lock().expect("lock").clone()),
        call_to_display_cross_node: split(&observations.call_to_display_cross_node),
        call_to_display_same_node: split(&observations.call_to_display_same_node),
        server_cpu_percent: before
            .iter()
            .zip(&after)
            .map(|(b, a)| measure::cpu_percent(*b, *a, wall))
            .sum(),
        server_rss_mb: after.iter().map(|a| a.rss_bytes as f64).sum::<f64>() / 1_048_576.0,
        database_cpu_percent: db_before
            .zip(db_after)
            .map(|(b, a)| measure::postgres_cpu_percent(&b, &a, wall)),
        events_received: observations.events(),
        lost_or_out_of_order: observations.lost_or_out_of_order.load(Ordering::Relaxed),
        resyncs: observations.resyncs.load(Ordering::Relaxed),
        failed_requests: failures.len(),
        call_next_queue_empty: times.queue_empty.load(Ordering::Relaxed),
        failure_examples: failures.into_iter().take(5).collect(),
    })
}

/// A well-mixed number for office `n` (splitmix64's finaliser).
fn scatter(n: usize) -> usize {
    let mut z = (n as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as usize
}
