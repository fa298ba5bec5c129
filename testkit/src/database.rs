//! A fresh database per test server.

use std::path::PathBuf;

/// Which database a test server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Backend {
    /// A new SQLite file in a temporary directory.
    #[default]
    Sqlite,
}

impl Backend {
    /// The backend named by `TALON_TEST_BACKEND` (`sqlite`, the default when unset), so
    /// a whole suite can be run on another backend without changing a test.
    pub fn from_env() -> Backend {
        match std::env::var("TALON_TEST_BACKEND") {
            Err(_) => Backend::default(),
            Ok(name) => match name.trim().to_ascii_lowercase().as_str() {
                "" | "sqlite" => Backend::Sqlite,
                other => panic!("TALON_TEST_BACKEND={other}: the test backends are: sqlite"),
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
}

impl TestDatabase {
    /// A fresh database on `backend` and the URL the server opens it with: the one place
    /// a test database is made.
    pub async fn fresh(backend: Backend) -> anyhow::Result<TestDatabase> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir()?;
                let file: PathBuf = dir.path().join("talon.sqlite3");
                Ok(TestDatabase {
                    backend,
                    url: file.display().to_string(),
                    _dir: Some(dir),
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
