//! A fresh database per test server.

use std::path::PathBuf;

/// Which database a test server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Backend {
    /// A new SQLite file in a temporary directory.
    #[default]
    Sqlite,
    /// A new database on the PostgreSQL server named by `TALON_TEST_POSTGRES`
    /// (default `postgres://postgres@127.0.0.1:5432`), dropped afterwards.
    Postgres,
}

impl Backend {
    /// The backend named by `TALON_TEST_BACKEND` (`sqlite`, the default when unset), so
    /// a whole suite can be run on another backend without changing a test.
    pub fn from_env() -> Backend {
        match std::env::var("TALON_TEST_BACKEND") {
            Err(_) => Backend::default(),
            Ok(name) => match name.trim().to_ascii_lowercase().as_str() {
                "" | "sqlite" => Backend::Sqlite,
                "postgres" | "postgresql" => Backend::Postgres,
                other => {
                    panic!("TALON_TEST_BACKEND={other}: the test backends are: sqlite, postgres")
                }
            },
        }
    }
}

/// An empty database that exists for as long as this value (the SQLite file's
/// directory is removed on drop).
#[derive(Debug)]
pub struct TestDatabase {
    backend: Backend,
    url: String,
    /// Where the SQLite file lives.
    _dir: Option<tempfile::TempDir>,
    /// The PostgreSQL database, dropped with this value.
    _postgres: Option<crate::postgres::FreshDatabase>,
}

impl TestDatabase {
    /// A fresh database on `backend` and the URL the server opens it with: the one place
    /// a test database is made. Where PostgreSQL cannot be reached and is not required,
    /// the test binary says so and ends as passed (see [`crate::postgres`]).
    pub async fn fresh(backend: Backend) -> anyhow::Result<TestDatabase> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir()?;
                let file: PathBuf = dir.path().join("talon.sqlite3");
                Ok(TestDatabase {
                    backend,
                    url: file.display().to_string(),
                    _dir: Some(dir),
                    _postgres: None,
                })
            }
            Backend::Postgres => {
                let database = crate::postgres::FreshDatabase::create_or_skip_binary().await;
                Ok(TestDatabase {
                    backend,
                    url: database.url.clone(),
                    _dir: None,
                    _postgres: Some(database),
                })
            }
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// What `talon_server::startup::Settings::new` takes.
    pub fn url(&self) -> &str {
        &self.url
    }
}
