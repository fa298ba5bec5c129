//! The server under test: a fresh database (an SQLite file, or a new database on a
//! PostgreSQL server), seeded, and one or more `talon-server` child processes on it.

use futures_util::StreamExt;
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};
use talon_protocol::api::{DeviceKind, OfficeInput, Role};
use talon_protocol::{DayHours, OfficeId, OfficeSettings, Topic, TopicId, WeekSchedule, WindowId};
use talon_server::clock::SystemClock;
use talon_server::credentials::{DEVICE_PREFIX, SESSION_PREFIX, new_token, token_hash};
use talon_server::queues::Queues;
use talon_server::store::Stamp;
use talon_server::store::{Backend, Store};

/// What the load needs to know about one seeded office.
#[derive(Debug, Clone)]
pub struct SeededOffice {
    pub id: OfficeId,
    pub topic: TopicId,
    pub kiosk: String,
    pub display: String,
    /// Windows with the token of the agent who will open each.
    pub windows: Vec<(WindowId, String)>,
}

/// A fresh database for one scenario run: an SQLite file in a temporary folder, or a
/// database created for the run on a PostgreSQL server and dropped by `remove`.
pub struct Database {
    /// What `talon-server --database` and `Store::open` take.
    pub url: String,
    kind: Kind,
}

enum Kind {
    Sqlite(tempfile::TempDir),
    Postgres { admin: String, name: String },
}

impl Database {
    pub fn sqlite(file: &str) -> anyhow::Result<Database> {
        let dir = tempfile::tempdir()?;
        Ok(Database {
            url: dir.path().join(file).display().to_string(),
            kind: Kind::Sqlite(dir),
        })
    }

    /// `CREATE DATABASE talon_bench_<random>` through `admin` (a URL of an existing
    /// database on the server, e.g. `postgres://postgres@127.0.0.1:5432/postgres`).
    pub async fn postgres(admin: &str) -> anyhow::Result<Database> {
        let name = format!("talon_bench_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::connect(admin).await.map_err(|e| {
            anyhow::anyhow!("PostgreSQL at {admin} cannot be reached (--postgres): {e}")
        })?;
        sqlx::raw_sql(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await?;
        conn.close().await?;
        let mut url = reqwest::Url::parse(admin)?;
        url.set_path(&name);
        Ok(Database {
            url: url.to_string(),
            kind: Kind::Postgres {
                admin: admin.to_string(),
                name,
            },
        })
    }

    pub fn backend(&self) -> &'static str {
        match self.kind {
            Kind::Sqlite(_) => "sqlite",
            Kind::Postgres { .. } => "postgres",
        }
    }

    /// The PostgreSQL database's name (its backends show it in their command line).
    pub fn postgres_name(&self) -> Option<&str> {
        match &self.kind {
            Kind::Sqlite(_) => None,
            Kind::Postgres { name, .. } => Some(name),
        }
    }

    /// PostgreSQL's count of transactions committed and rolled back in this database
    /// (`pg_stat_database`; a backend reports its counts when it goes idle or exits).
    /// A commit of Talon's store writer refused as stale is rolled back.
    pub async fn transactions(&self) -> anyhow::Result<Option<(i64, i64)>> {
        let Kind::Postgres { admin, name } = &self.kind else {
            return Ok(None);
        };
        let mut conn = PgConnection::connect(admin).await?;
        let counts: (i64, i64) = sqlx::query_as(
            "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = $1",
        )
        .bind(name)
        .fetch_one(&mut conn)
        .await?;
        conn.close().await?;
        Ok(Some(counts))
    }

    /// Deletes the file or drops the database (closing its connections first).
    pub async fn remove(self) -> anyhow::Result<()> {
        match self.kind {
            Kind::Sqlite(dir) => dir.close()?,
            Kind::Postgres { admin, name } => {
                let mut conn = PgConnection::connect(&admin).await?;
                let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                sqlx::raw_sql(AssertSqlSafe(drop))
                    .execute(&mut conn)
                    .await?;
                conn.close().await?;
            }
        }
        Ok(())
    }
}

/// Runs `scenario` on a fresh database and removes the database afterwards, whether the
/// scenario succeeded or not.
pub async fn with_database<T, F>(database: Database, scenario: F) -> anyhow::Result<T>
where
    F: AsyncFnOnce(&Database) -> anyhow::Result<T>,
{
    let result = scenario(&database).await;
    let url = database.url.clone();
    if let Err(e) = database.remove().await {
        eprintln!("could not remove the database {url}: {e}");
    }
    result
}

/// Seeds `offices` offices with `windows` windows each (one topic, every window serving
/// it, an agent per window, a kiosk and a display) straight into the database.
pub async fn seed(url: &str, offices: usize, windows: usize) -> anyhow::Result<Vec<SeededOffice>> {
    let store = Store::open(url).await?;
    let queues = Queues::load(store.clone(), Arc::new(SystemClock)).await?;
    let now = queues.now().timestamp_millis();
    // On PostgreSQL several offices at once: each commit waits for its own WAL flush,
    // and the store's writer lets concurrent offices share one. On SQLite one at a time:
    // its writes outside the store's writer (staff, sessions, devices) made the writer's
    // transaction fail with "database is locked" when run alongside.
    let at_once = if Backend::of_url(url) == Backend::Postgres {
        8
    } else {
        1
    };
    let seeded: Vec<anyhow::Result<SeededOffice>> = futures_util::stream::iter(0..offices)
        .map(|n| seed_office(&store, &queues, n, windows, now))
        .buffered(at_once)
        .collect()
        .await;
    store.close().await;
    seeded.into_iter().collect()
}

async fn seed_office(
    store: &Store,
    queues: &Queues,
    n: usize,
    windows: usize,
    now: i64,
) -> anyhow::Result<SeededOffice> {
    let stamp = Stamp::server("talon-bench", queues.now());
    let by = &stamp.author;
    let office = store
        .create_office(
            OfficeInput {
                name: format!("Офис {n}"),
                time_zone: chrono_tz::Europe::Moscow.into(),
                schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
                settings: OfficeSettings {
                    issuing_stops_before_close_min: 0,
                    ..OfficeSettings::default()
                },
                region_id: None,
            },
            &stamp,
        )
        .await?;
    queues.add_office(office.id).await?;
    let topic = queues
        .create_topic(
            office.id,
            Topic {
                id: TopicId(0),
                office_id: office.id,
                prefix: "А".into(),
                name_ru: "Общие вопросы".into(),
                name_en: "General".into(),
                norms: Default::default(),
                active: true,
                display_order: 0,
                booking: Default::default(),
            },
            by,
        )
        .await?
        .id;
    let mut office_windows = Vec::with_capacity(windows);
    for w in 0..windows {
        let window = queues
            .create_window(office.id, format!("{}", w + 1), vec![topic], by)
            .await?;
        // The hash "!" matches no password: these agents exist only as sessions.
        let user = store
            .create_staff(
                &format!("o{n}w{w}"),
                &format!("Агент {w}"),
                Role::Agent,
                "!",
                &[office.id],
                &stamp,
            )
            .await?;
        let token = new_token(SESSION_PREFIX);
        store
            .create_session(&token_hash(&token), user.id, now, now + 86_400_000)
            .await?;
        office_windows.push((window.id, token));
    }
    let kiosk = new_token(DEVICE_PREFIX);
    store
        .create_device(
            office.id,
            DeviceKind::Kiosk,
            "kiosk",
            &token_hash(&kiosk),
            &stamp,
        )
        .await?;
    let display = new_token(DEVICE_PREFIX);
    store
        .create_device(
            office.id,
            DeviceKind::Display,
            "display",
            &token_hash(&display),
            &stamp,
        )
        .await?;
    Ok(SeededOffice {
        id: office.id,
        topic,
        kiosk,
        display,
        windows: office_windows,
    })
}

/// A running `talon-server` process; killed when dropped.
pub struct ServerProcess {
    pub child: tokio::process::Child,
    pub base: String,
    pub addr: String,
    /// The node's name as its /api/v1/health gives it.
    pub node: String,
}

impl ServerProcess {
    pub fn pid(&self) -> u32 {
        self.child.id().unwrap_or(0)
    }
}

/// The `talon-server` binary built next to this one.
pub fn server_binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe()?;
    let candidate = me.with_file_name("talon-server");
    anyhow::ensure!(
        candidate.exists(),
        "{} is missing: build it first (cargo build --release -p talon-server)",
        candidate.display()
    );
    Ok(candidate)
}

/// Starts `count` nodes on one database (more than one only makes sense on PostgreSQL)
/// and checks that each serves the expected backend.
pub async fn start_nodes(
    binary: &Path,
    database: &Database,
    count: usize,
) -> anyhow::Result<Vec<ServerProcess>> {
    let names: Vec<String> = (1..=count).map(|n| format!("bench-{n}")).collect();
    let started =
        futures_util::future::join_all(names.iter().map(|name| start(binary, &database.url, name)))
            .await;
    let nodes = started.into_iter().collect::<anyhow::Result<Vec<_>>>()?;
    let http = reqwest::Client::new();
    for node in &nodes {
        let health: serde_json::Value = http
            .get(format!("{}/api/v1/health", node.base))
            .send()
            .await?
            .json()
            .await?;
        anyhow::ensure!(
            health["backend"] == database.backend() && health["node"] == node.node.as_str(),
            "node {} answers {health} (expected backend {})",
            node.node,
            database.backend()
        );
    }
    Ok(nodes)
}

pub async fn start(binary: &Path, database: &str, node: &str) -> anyhow::Result<ServerProcess> {
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0")?;
        probe.local_addr()?.port()
    };
    let addr = format!("127.0.0.1:{port}");
    let child = tokio::process::Command::new(binary)
        .args([
            "serve",
            "--listen",
            &addr,
            "--node",
            node,
            "--database",
            database,
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()?;
    let base = format!("http://{addr}");
    let http = reqwest::Client::new();
    let started = Instant::now();
    loop {
        if http
            .get(format!("{base}/api/v1/health"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(ServerProcess {
        child,
        base,
        addr,
        node: node.to_string(),
    })
}

/// Stops the nodes and waits for them to exit (before their database is dropped).
pub async fn stop(nodes: Vec<ServerProcess>) {
    for mut node in nodes {
        let _ = node.child.kill().await;
    }
}
