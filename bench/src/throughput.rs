//! Throughput scenario: the highest sustained rate of durable ticket issues, next to raw
//! single-row durable inserts into an SQLite file with the same settings.

use crate::server;
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Serialize)]
pub struct ThroughputResult {
    pub seconds: u64,
    pub raw_sqlite_inserts_per_second: f64,
    pub talon_tickets_per_second: f64,
    pub ratio: f64,
    pub clients: usize,
}

/// Closed-loop clients issuing tickets over HTTP as fast as the server answers.
const CLIENTS: usize = 32;
/// Offices issuing at once, as a region's kiosks do (one office alone never has thousands
/// waiting, which is what a 10-second flat-out run would pile into a few).
const OFFICES: usize = 32;

pub async fn run(binary: &std::path::Path, seconds: u64) -> anyhow::Result<ThroughputResult> {
    let raw = raw_inserts(seconds).await?;
    let dir = tempfile::tempdir()?;
    let database = dir.path().join("throughput.sqlite3");
    let seeded = Arc::new(server::seed(&database, OFFICES, 1).await?);
    let process = server::start(binary, &database).await?;
    let issued = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut clients = Vec::new();
    for n in 0..CLIENTS {
        let (seeded, issued, base) = (seeded.clone(), issued.clone(), process.base.clone());
        clients.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let office = &seeded[n % seeded.len()];
            while Instant::now() < deadline {
                let response = http
                    .post(format!("{base}/api/v1/offices/{}/tickets", office.id))
                    .bearer_auth(&office.kiosk)
                    .json(&serde_json::json!({"topic_id": office.topic}))
                    .send()
                    .await;
                if response.is_ok_and(|r| r.status().is_success()) {
                    issued.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for client in clients {
        client.await?;
    }
    let talon = issued.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
    Ok(ThroughputResult {
        seconds,
        raw_sqlite_inserts_per_second: raw,
        talon_tickets_per_second: talon,
        ratio: talon / raw.max(1e-9),
        clients: CLIENTS,
    })
}

/// Single-row inserts, each its own transaction, WAL + synchronous=FULL as Talon uses.
async fn raw_inserts(seconds: u64) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("raw.sqlite3").display());
    let mut conn = SqliteConnectOptions::from_str(&url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .connect()
        .await?;
    sqlx::query("CREATE TABLE rows (id INTEGER PRIMARY KEY, data TEXT NOT NULL)")
        .execute(&mut conn)
        .await?;
    let payload = "x".repeat(600); // about the size of a stored ticket
    let started = Instant::now();
    let mut count = 0u64;
    while started.elapsed() < Duration::from_secs(seconds) {
        sqlx::query("INSERT INTO rows (data) VALUES (?)")
            .bind(&payload)
            .execute(&mut conn)
            .await?;
        count += 1;
    }
    let rate = count as f64 / started.elapsed().as_secs_f64();
    conn.close().await?;
    Ok(rate)
}
