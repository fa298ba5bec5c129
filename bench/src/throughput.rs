//! Throughput scenario: the highest sustained rate of durable ticket issues, next to raw
//! single-row durable inserts into the same kind of database, measured in the same run:
//! an SQLite file with the settings Talon uses, or a fresh PostgreSQL database (one row
//! per autocommitted statement, the server's default `synchronous_commit = on`).

use crate::load::Nodes;
use crate::measure;
use crate::server::{self, Database};
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, PgConnection};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct ThroughputConfig {
    pub seconds: u64,
    /// Server nodes on the one database; the clients' requests go round-robin.
    pub nodes: usize,
    /// A PostgreSQL URL to create the run's databases through; SQLite when `None`.
    pub postgres: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ThroughputResult {
    pub backend: &'static str,
    pub nodes: usize,
    pub seconds: u64,
    /// What the baseline is: one connection, one row per transaction.
    pub raw: String,
    pub raw_inserts_per_second: f64,
    pub talon_tickets_per_second: f64,
    pub ratio: f64,
    pub clients: usize,
    /// Issue requests refused (e.g. an office too contended across nodes).
    pub failed_requests: u64,
    /// All nodes together, while Talon was measured.
    pub server_cpu_percent: f64,
    /// PostgreSQL only, while Talon was measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_cpu_percent: Option<f64>,
}

/// Closed-loop clients issuing tickets over HTTP as fast as the server answers.
const CLIENTS: usize = 32;
/// Offices issuing at once, as a region's kiosks do (one office alone never has thousands
/// waiting, which is what a 10-second flat-out run would pile into a few).
const OFFICES: usize = 32;

pub async fn run(
    binary: &std::path::Path,
    config: ThroughputConfig,
) -> anyhow::Result<ThroughputResult> {
    let (raw, raw_inserts_per_second) = match &config.postgres {
        Some(admin) => {
            let database = Database::postgres(admin).await?;
            let rate = server::with_database(database, async |database| {
                raw_postgres_inserts(&database.url, config.seconds).await
            })
            .await?;
            (
                "PostgreSQL, one row per autocommitted INSERT, synchronous_commit=on",
                rate,
            )
        }
        None => (
            "SQLite, WAL, synchronous=FULL, one row per transaction",
            raw_sqlite_inserts(config.seconds).await?,
        ),
    };
    let database = match &config.postgres {
        Some(admin) => Database::postgres(admin).await?,
        None => Database::sqlite("throughput.sqlite3")?,
    };
    let backend = database.backend();
    let talon = server::with_database(database, async |database| {
        let seeded = Arc::new(server::seed(&database.url, OFFICES, 1).await?);
        let processes = server::start_nodes(binary, database, config.nodes).await?;
        let result = issue_flat_out(database, &processes, seeded, config.seconds).await;
        server::stop(processes).await;
        result
    })
    .await?;
    Ok(ThroughputResult {
        backend,
        nodes: config.nodes,
        seconds: config.seconds,
        raw: raw.to_string(),
        raw_inserts_per_second,
        talon_tickets_per_second: talon.rate,
        ratio: talon.rate / raw_inserts_per_second.max(1e-9),
        clients: CLIENTS,
        failed_requests: talon.failed,
        server_cpu_percent: talon.server_cpu_percent,
        database_cpu_percent: talon.database_cpu_percent,
    })
}

struct Issued {
    rate: f64,
    failed: u64,
    server_cpu_percent: f64,
    database_cpu_percent: Option<f64>,
}

async fn issue_flat_out(
    database: &Database,
    processes: &[server::ServerProcess],
    seeded: Arc<Vec<server::SeededOffice>>,
    seconds: u64,
) -> anyhow::Result<Issued> {
    let nodes = Arc::new(Nodes::new(
        processes.iter().map(|p| p.base.clone()).collect(),
    ));
    let issued = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let pids: Vec<u32> = processes.iter().map(|p| p.pid()).collect();
    let before: Vec<_> = pids.iter().map(|pid| measure::sample(*pid)).collect();
    let db_before = database.postgres_name().map(measure::postgres_cpu);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut clients = Vec::new();
    for n in 0..CLIENTS {
        let (seeded, issued, failed, nodes) = (
            seeded.clone(),
            issued.clone(),
            failed.clone(),
            nodes.clone(),
        );
        clients.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let office = &seeded[n % seeded.len()];
            while Instant::now() < deadline {
                let (_, base) = nodes.next();
                let response = http
                    .post(format!("{base}/api/v1/offices/{}/tickets", office.id))
                    .bearer_auth(&office.kiosk)
                    .json(&serde_json::json!({"topic_id": office.topic}))
                    .send()
                    .await;
                if response.is_ok_and(|r| r.status().is_success()) {
                    issued.fetch_add(1, Ordering::Relaxed);
                } else {
                    failed.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for client in clients {
        client.await?;
    }
    let wall = started.elapsed();
    let after: Vec<_> = pids.iter().map(|pid| measure::sample(*pid)).collect();
    let db_after = database.postgres_name().map(measure::postgres_cpu);
    Ok(Issued {
        rate: issued.load(Ordering::Relaxed) as f64 / wall.as_secs_f64(),
        failed: failed.load(Ordering::Relaxed),
        server_cpu_percent: before
            .iter()
            .zip(&after)
            .map(|(b, a)| measure::cpu_percent(*b, *a, wall))
            .sum(),
        database_cpu_percent: db_before
            .zip(db_after)
            .map(|(b, a)| measure::postgres_cpu_percent(&b, &a, wall)),
    })
}

/// About the size of a stored ticket.
fn payload() -> String {
    "x".repeat(600)
}

/// Single-row inserts, each its own transaction, WAL + synchronous=FULL as Talon uses.
async fn raw_sqlite_inserts(seconds: u64) -> anyhow::Result<f64> {
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
    let payload = payload();
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

/// Single-row inserts on one connection, each statement its own (autocommitted)
/// transaction, so each waits for its WAL flush as a Talon commit does.
async fn raw_postgres_inserts(url: &str, seconds: u64) -> anyhow::Result<f64> {
    let mut conn = PgConnection::connect(url).await?;
    sqlx::query("CREATE TABLE rows (id BIGSERIAL PRIMARY KEY, data TEXT NOT NULL)")
        .execute(&mut conn)
        .await?;
    let (synchronous_commit,): (String,) = sqlx::query_as("SHOW synchronous_commit")
        .fetch_one(&mut conn)
        .await?;
    let (fsync,): (String,) = sqlx::query_as("SHOW fsync").fetch_one(&mut conn).await?;
    anyhow::ensure!(
        synchronous_commit == "on" && fsync == "on",
        "PostgreSQL is not durable here (synchronous_commit={synchronous_commit}, \
         fsync={fsync}): the baseline would not be comparable"
    );
    let payload = payload();
    let started = Instant::now();
    let mut count = 0u64;
    while started.elapsed() < Duration::from_secs(seconds) {
        sqlx::query("INSERT INTO rows (data) VALUES ($1)")
            .bind(&payload)
            .execute(&mut conn)
            .await?;
        count += 1;
    }
    let rate = count as f64 / started.elapsed().as_secs_f64();
    conn.close().await?;
    Ok(rate)
}
