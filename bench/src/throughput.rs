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
    /// Talon's measurement; the baseline runs as long, half before and half after.
    pub seconds: u64,
    /// Server nodes on the one database.
    pub nodes: usize,
    /// How the clients' requests are spread over the nodes.
    pub spread: Spread,
    /// A PostgreSQL URL to create the run's databases through; SQLite when `None`.
    pub postgres: Option<String>,
}

/// Which node a request goes to (one node: always that one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Spread {
    /// Each request to the next node, round-robin: an office's successive commands land
    /// on different nodes, each of which must first learn what the previous one did.
    Request,
    /// Each office's kiosk keeps to one node (a load balancer hashing the client).
    Office,
}

#[derive(Debug, Serialize)]
pub struct ThroughputResult {
    pub backend: &'static str,
    pub nodes: usize,
    pub spread: Spread,
    pub seconds: u64,
    /// What the baseline is: one connection, one row per transaction.
    pub raw: String,
    /// The mean of the two halves below.
    pub raw_inserts_per_second: f64,
    /// The baseline's half before Talon's measurement and its half after.
    pub raw_inserts_before_and_after: [f64; 2],
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
    /// Transactions the nodes' store writers began for batches of commits (from the
    /// nodes' /metrics), and commits per transaction: how much the group commit shares.
    pub writer_transactions: f64,
    pub commits_per_transaction: f64,
    /// Events a node read from the database because another node committed them
    /// (notifications, and commits refused as stale), all nodes together.
    pub events_absorbed: f64,
    /// PostgreSQL only: transactions rolled back in the database during the run (each a
    /// batch of the store writer that held a commit refused as stale, or a failed one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_rollbacks: Option<i64>,
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
    let (raw_database, raw) = match &config.postgres {
        Some(admin) => (
            Database::postgres(admin).await?,
            "PostgreSQL, one row per autocommitted INSERT, synchronous_commit=on",
        ),
        None => (
            Database::sqlite("raw.sqlite3")?,
            "SQLite, WAL, synchronous=FULL, one row per transaction",
        ),
    };
    // The baseline half before Talon and half after, so that a disk slowed by something
    // else meanwhile shows as two different figures rather than as a wrong ratio.
    let half = Duration::from_secs(config.seconds).div_f64(2.0);
    let (raw_before, talon, raw_after) = server::with_database(raw_database, async |raw_db| {
        let before = raw_inserts(raw_db, half).await?;
        let talon = talon_issues(binary, &config).await?;
        let after = raw_inserts(raw_db, half).await?;
        Ok((before, talon, after))
    })
    .await?;
    let (backend, talon, database_rollbacks) = talon;
    let raw_inserts_per_second = (raw_before + raw_after) / 2.0;
    Ok(ThroughputResult {
        backend,
        nodes: config.nodes,
        spread: config.spread,
        seconds: config.seconds,
        raw: raw.to_string(),
        raw_inserts_per_second,
        raw_inserts_before_and_after: [raw_before, raw_after],
        talon_tickets_per_second: talon.rate,
        ratio: talon.rate / raw_inserts_per_second.max(1e-9),
        clients: CLIENTS,
        failed_requests: talon.failed,
        server_cpu_percent: talon.server_cpu_percent,
        database_cpu_percent: talon.database_cpu_percent,
        writer_transactions: talon.transactions,
        commits_per_transaction: talon.batched / talon.transactions.max(1.0),
        events_absorbed: talon.absorbed,
        database_rollbacks,
    })
}

/// Seeds a fresh database, starts the nodes and issues flat out for the configured time.
async fn talon_issues(
    binary: &std::path::Path,
    config: &ThroughputConfig,
) -> anyhow::Result<(&'static str, Issued, Option<i64>)> {
    let database = match &config.postgres {
        Some(admin) => Database::postgres(admin).await?,
        None => Database::sqlite("throughput.sqlite3")?,
    };
    let backend = database.backend();
    server::with_database(database, async |database| {
        let seeded = Arc::new(server::seed(&database.url, OFFICES, 1).await?);
        let processes = server::start_nodes(binary, database, config.nodes).await?;
        let before = database.transactions().await?;
        let result = issue_flat_out(database, &processes, seeded, config).await;
        server::stop(processes).await;
        // The nodes' backends have reported their counts as they closed.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = database.transactions().await?;
        let rollbacks = before.zip(after).map(|((_, b), (_, a))| a - b);
        result.map(|issued| (backend, issued, rollbacks))
    })
    .await
}

struct Issued {
    rate: f64,
    failed: u64,
    server_cpu_percent: f64,
    database_cpu_percent: Option<f64>,
    transactions: f64,
    batched: f64,
    absorbed: f64,
}

async fn issue_flat_out(
    database: &Database,
    processes: &[server::ServerProcess],
    seeded: Arc<Vec<server::SeededOffice>>,
    config: &ThroughputConfig,
) -> anyhow::Result<Issued> {
    let nodes = Arc::new(Nodes::new(
        processes.iter().map(|p| p.base.clone()).collect(),
    ));
    let issued = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let pids: Vec<u32> = processes.iter().map(|p| p.pid()).collect();
    let before: Vec<_> = pids.iter().map(|pid| measure::sample(*pid)).collect();
    let db_before = database.postgres_name().map(measure::postgres_cpu);
    let deadline = Instant::now() + Duration::from_secs(config.seconds);
    let spread = config.spread;
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
            let own = nodes.nth(n);
            while Instant::now() < deadline {
                let base = match spread {
                    Spread::Request => nodes.next().1,
                    Spread::Office => own,
                };
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
    let http = reqwest::Client::new();
    let (mut transactions, mut batched, mut absorbed) = (0.0, 0.0, 0.0);
    for process in processes {
        let metrics = measure::server_metrics(&http, &process.base).await;
        let value = |name: &str| metrics.get(name).copied().unwrap_or(0.0);
        transactions += value("talon_commit_batch_size_count");
        batched += value("talon_commit_batch_size_sum");
        absorbed += value("talon_events_absorbed_total");
    }
    Ok(Issued {
        transactions,
        batched,
        absorbed,
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

/// Single-row durable inserts into the baseline database for `time`, per second.
async fn raw_inserts(database: &Database, time: Duration) -> anyhow::Result<f64> {
    match database.backend() {
        "postgres" => raw_postgres_inserts(&database.url, time).await,
        _ => raw_sqlite_inserts(&database.url, time).await,
    }
}

/// Single-row inserts, each its own transaction, WAL + synchronous=FULL as Talon uses.
async fn raw_sqlite_inserts(path: &str, time: Duration) -> anyhow::Result<f64> {
    let url = format!("sqlite://{path}");
    let mut conn = SqliteConnectOptions::from_str(&url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .connect()
        .await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, data TEXT NOT NULL)")
        .execute(&mut conn)
        .await?;
    let payload = payload();
    let started = Instant::now();
    let mut count = 0u64;
    while started.elapsed() < time {
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
async fn raw_postgres_inserts(url: &str, time: Duration) -> anyhow::Result<f64> {
    let mut conn = PgConnection::connect(url).await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS rows (id BIGSERIAL PRIMARY KEY, data TEXT NOT NULL)")
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
    while started.elapsed() < time {
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
