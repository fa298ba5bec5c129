//! Storage: the one boundary between Talon and its database.
//!
//! Everything outside this module speaks domain types (`Ticket`, `Event`, …); SQL and
//! sqlx stay inside. SQLite is the embedded backend; a PostgreSQL backend goes beside
//! `sqlite` behind the same methods without touching the engine or the handlers.

mod admin;
mod auth;
mod queue;
mod writer;

pub use auth::{DeviceRecord, StaffRecord};

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// A unique constraint refused the write (e.g. a login that exists).
    #[error("{0}")]
    Duplicate(String),
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Ids for new rows, handed out before the transaction that writes the row together with
/// its event. Seeded from the table at start; one server process owns an SQLite file.
#[derive(Debug)]
struct IdAllocator {
    topics: AtomicI64,
    windows: AtomicI64,
}

#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    ids: Arc<IdAllocator>,
    writer: writer::Writer,
}

impl Store {
    /// Opens (creating if needed) the database at `url` and applies the migrations.
    /// Accepts "sqlite://path", "sqlite:path" or a bare file path.
    pub async fn open(url: &str) -> StoreResult<Store> {
        let url = if url.starts_with("sqlite:") {
            url.to_string()
        } else {
            format!("sqlite://{url}")
        };
        let options = SqliteConnectOptions::from_str(&url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before we answer, so a ticket the kiosk showed
            // survives a power cut, not only a crash of the process.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("../migrations/sqlite").run(&pool).await?;
        let max_id = |sql: &'static str| {
            let pool = pool.clone();
            async move {
                let (max,): (i64,) = sqlx::query_as(sql).fetch_one(&pool).await?;
                Ok::<_, StoreError>(max)
            }
        };
        let ids = IdAllocator {
            topics: AtomicI64::new(max_id("SELECT COALESCE(MAX(id), 0) FROM topics").await?),
            windows: AtomicI64::new(max_id("SELECT COALESCE(MAX(id), 0) FROM windows").await?),
        };
        Ok(Store {
            writer: writer::Writer::start(pool.clone()),
            pool,
            ids: Arc::new(ids),
        })
    }

    pub fn next_topic_id(&self) -> talon_protocol::TopicId {
        talon_protocol::TopicId(self.ids.topics.fetch_add(1, Ordering::SeqCst) + 1)
    }

    pub fn next_window_id(&self) -> talon_protocol::WindowId {
        talon_protocol::WindowId(self.ids.windows.fetch_add(1, Ordering::SeqCst) + 1)
    }

    /// Whether the database can answer (for the health check).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
}

fn to_ms(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp_millis()
}
