//! Region scenario: many offices, each with a kiosk, a display and agent desks connected,
//! tickets issued and served at a steady total rate.

use crate::live::{self, Observations};
use crate::load::{self, RequestTimes};
use crate::measure::{self, Latency};
use crate::server;
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

#[derive(Debug, Serialize)]
pub struct RegionResult {
    pub offices: usize,
    pub windows_per_office: usize,
    pub sockets: usize,
    pub tickets_per_second: u32,
    pub seconds: u64,
    pub issue: Latency,
    pub call_next: Latency,
    pub call_to_display: Latency,
    pub server_cpu_percent: f64,
    pub server_rss_mb: f64,
    pub events_received: u64,
    pub lost_or_out_of_order: u64,
    pub resyncs: u64,
    pub failed_requests: usize,
}

pub async fn run(
    binary: &std::path::Path,
    offices: usize,
    windows: usize,
    rate: u32,
    seconds: u64,
) -> anyhow::Result<RegionResult> {
    let dir = tempfile::tempdir()?;
    let database = dir.path().join("region.sqlite3");
    eprintln!("region: seeding {offices} offices × {windows} windows");
    let seeded = server::seed(&database, offices, windows).await?;
    let process = server::start(binary, &database).await?;
    let http = reqwest::Client::new();
    for office in &seeded {
        load::open_windows(&http, &process.base, office).await?;
    }

    let observations = Arc::new(Observations::default());
    let mut watchers = Vec::new();
    for office in &seeded {
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
        for (token, is_display) in tokens {
            let socket = live::connect(&process.addr, office.id, &token).await?;
            let observations = observations.clone();
            watchers.push(tokio::spawn(async move {
                live::watch(socket, &observations, is_display).await
            }));
        }
    }
    let sockets = watchers.len();
    eprintln!("region: {sockets} sockets connected; {rate} tickets/s for {seconds} s");
    tokio::time::sleep(Duration::from_secs(1)).await;

    let times = Arc::new(RequestTimes::default());
    let before = measure::sample(process.pid());
    let started = Instant::now();
    let mut every = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(rate)));
    let mut work = Vec::new();
    let total = u64::from(rate) * seconds;
    for n in 0..total as usize {
        every.tick().await;
        let office = seeded[n % seeded.len()].clone();
        let (window, token) = office.windows[(n / seeded.len()) % office.windows.len()].clone();
        let (http, base, times, observations) = (
            http.clone(),
            process.base.clone(),
            times.clone(),
            observations.clone(),
        );
        work.push(tokio::spawn(async move {
            load::issue(&http, &base, &office, &times).await;
            load::serve(&http, &base, window, &token, &times, &observations).await;
        }));
    }
    for task in work {
        let _ = tokio::time::timeout(Duration::from_secs(30), task).await;
    }
    let wall = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = measure::sample(process.pid());
    for watcher in watchers {
        watcher.abort();
    }
    let failures = times.failures.lock().expect("lock").len();
    Ok(RegionResult {
        offices,
        windows_per_office: windows,
        sockets,
        tickets_per_second: rate,
        seconds,
        issue: Latency::of(times.issue.lock().expect("lock").clone()),
        call_next: Latency::of(times.call_next.lock().expect("lock").clone()),
        call_to_display: Latency::of(observations.call_to_display.lock().expect("lock").clone()),
        server_cpu_percent: measure::cpu_percent(before, after, wall),
        server_rss_mb: after.rss_bytes as f64 / 1_048_576.0,
        events_received: observations.events.load(Ordering::Relaxed),
        lost_or_out_of_order: observations.lost_or_out_of_order.load(Ordering::Relaxed),
        resyncs: observations.resyncs.load(Ordering::Relaxed),
        failed_requests: failures,
    })
}
