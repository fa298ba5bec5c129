//! Storage: the one boundary between Talon and its database.
//!
//! Everything outside this module speaks domain types (`Ticket`, `Event`, …); SQL and
//! sqlx stay inside. Two backends sit behind the same methods: SQLite, the embedded
//! default, and PostgreSQL, for a company whose offices share several server nodes.
//! The queries are written once, in the SQL both understand (`$1` placeholders,
//! `ON CONFLICT`, `RETURNING`), and run through sqlx's `Any` driver; what only one
//! backend has (PostgreSQL's advisory locks and notifications) is asked of `Backend`.

mod admin;
mod arrivals;
mod audit;
mod auth;
mod batch;
mod bookings;
mod feedback;
mod kept;
mod notify;
mod queue;
mod regions;
mod tokens;
mod writer;

pub use audit::{AuditFilter, AuditRecord, Author, Stamp, utc_days};
pub use auth::{DeviceRecord, NewStaff, StaffChange, StaffRecord};
pub use bookings::{BookingPrivate, StoredBooking, normalised_phone};
pub use kept::KeptKey;
pub use notify::{Due, SendTarget, retry_after};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::time::Duration;
use talon_protocol::TicketId;

/// What a commit stores beside its events, each tied to a ticket of the events.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// The client's retry key of an issued ticket.
    pub idempotency: Option<(TicketId, String)>,
    /// The visitor's comment on a rated visit. It stays out of the events, which every
    /// socket of the office receives, and is stored only with the rating.
    pub comment: Option<String>,
    /// A new booking's code and the visitor's contact, kept out of the events likewise.
    pub booking: Option<BookingPrivate>,
    /// The audit entry of an administrative change, written with its events.
    pub audit: Option<AuditRecord>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// The database cannot be reached right now (connection lost, pool closed, the
    /// server shutting down): a retry in a moment, on this node or another, may succeed.
    /// Whether a commit under way took effect is not known, which an idempotent retry
    /// (a kiosk's key) resolves.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// A unique constraint refused the write (e.g. a login that exists).
    #[error("{0}")]
    Duplicate(String),
    /// Another node committed events of this office first: this node's copy of the
    /// office is behind and the command must be decided again on the stored state.
    #[error("office {0} changed on another node")]
    Stale(talon_protocol::OfficeId),
    #[error("{0}")]
    BadUrl(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if is_unavailable(&e) {
            StoreError::Unavailable(e.to_string())
        } else {
            StoreError::Database(e)
        }
    }
}

/// Errors of the connection rather than of the request: the link to the database broke,
/// the pool is closed or exhausted, or the database is shutting down or busy.
fn is_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::BeginFailed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            // PostgreSQL: connection exceptions (08…), operator intervention such as
            // an administrator's shutdown (57P…), too many connections (53300).
            // SQLite: busy after its timeout (5, and the extended 261 and 517).
            code.starts_with("08")
                || code.starts_with("57P")
                || code == "53300"
                || matches!(code.as_ref(), "5" | "261" | "517")
        }),
        _ => false,
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Which database runs underneath.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One file, one server process.
    Sqlite,
    /// One database, any number of server nodes.
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// The backend a database URL names: `postgres://…` or `postgresql://…` is
    /// PostgreSQL; `sqlite:…` or a bare file path is SQLite.
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// The channel on which a PostgreSQL commit tells every node "office:seq".
pub const EVENTS_CHANNEL: &str = "talon_events";
pub use tokens::TOKENS_CHANNEL;

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    url: String,
    writer: writer::Writer,
    /// Sessions and device tokens checked already (see `tokens`).
    tokens: std::sync::Arc<tokens::TokenCache>,
}

impl Store {
    /// Opens the database at `url` and applies the migrations. SQLite: "sqlite://path",
    /// "sqlite:path" or a bare file path, created if missing. PostgreSQL:
    /// "postgres://user@host/db"; several nodes may start at once (the migrator holds
    /// an advisory lock while it works).
    pub async fn open(url: &str) -> StoreResult<Store> {
        install_default_drivers();
        let backend = Backend::of_url(url);
        let url = match backend {
            Backend::Postgres => url.to_string(),
            Backend::Sqlite => sqlite_url(url),
        };
        let pool = match backend {
            Backend::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // WAL: readers never wait for the writer. FULL: a commit is
                            // on disk before we answer, so a ticket the kiosk showed
                            // survives a power cut, not only a crash of the process.
                            // A page cache of up to 64 MiB, taken only as pages are read
                            // (SQLite's default is 2 MiB): the writer's inserts land on
                            // index pages all over the file (ticket ids are random), and
                            // with the default they were read back from the file for
                            // every commit (a third of the server's time under load). A
                            // reader's cache is emptied whenever another connection
                            // commits (WAL), so it is mostly the writer's that grows.
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                                 PRAGMA cache_size = -65536;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?
            }
            Backend::Postgres => {
                // Few connections per node: one writer commits for every office (group
                // commit), the rest serve reads; PostgreSQL's own limit (100 by
                // default) is shared by every node.
                AnyPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(&url)
                    .await?
            }
        };
        match backend {
            Backend::Sqlite => sqlx::migrate!("../migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("../migrations/postgres").run(&pool).await?,
        }
        Ok(Store {
            writer: writer::Writer::start(pool.clone(), backend),
            pool,
            backend,
            url,
            tokens: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL the store was opened with (a PostgreSQL listener connects to it too).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A new topic id, from the database (so nodes sharing it never hand out one twice).
    pub async fn next_topic_id(&self) -> StoreResult<talon_protocol::TopicId> {
        Ok(talon_protocol::TopicId(self.next_id("topics").await?))
    }

    /// A new window id, from the database.
    pub async fn next_window_id(&self) -> StoreResult<talon_protocol::WindowId> {
        Ok(talon_protocol::WindowId(self.next_id("windows").await?))
    }

    /// Ids of rows written together with their event are taken before the transaction
    /// that writes them; a refused command leaves a gap, never a repeat.
    async fn next_id(&self, table: &str) -> StoreResult<i64> {
        let (id,): (i64,) =
            sqlx::query_as("UPDATE id_counters SET last = last + 1 WHERE name = $1 RETURNING last")
                .bind(table)
                .fetch_one(&self.pool)
                .await?;
        Ok(id)
    }

    /// Whether the database can answer (for the health check).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn sqlite_url(url: &str) -> String {
    // `mode=rwc` creates the file when it is missing.
    let url = if url.starts_with("sqlite:") {
        url.to_string()
    } else {
        format!("sqlite://{url}")
    };
    if url.contains('?') {
        url
    } else {
        format!("{url}?mode=rwc")
    }
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
}

fn to_ms(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp_millis()
}

/// An instant stored as UTC milliseconds.
pub(crate) fn from_ms(ms: i64) -> StoreResult<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::Corrupt(format!("time {ms} out of range")))
}
