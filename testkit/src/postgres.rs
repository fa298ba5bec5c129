//! Fresh PostgreSQL databases for tests: one per test, dropped when the test ends, so
//! tests never see each other's data.
//!
//! `TALON_TEST_POSTGRES` names the server (default `postgres://postgres@127.0.0.1:5432`).
//! Where it cannot be reached the PostgreSQL tests are skipped, and the test run says so
//! on the terminal; with `TALON_REQUIRE_POSTGRES` set (CI) an unreachable server fails.

use sqlx::{Connection, Executor, PgConnection};
use std::io::Write;
use std::sync::Once;
use std::time::Duration;

pub const SERVER_ENV: &str = "TALON_TEST_POSTGRES";
pub const REQUIRE_ENV: &str = "TALON_REQUIRE_POSTGRES";
const DEFAULT_SERVER: &str = "postgres://postgres@127.0.0.1:5432";

/// A database made for one test.
#[derive(Debug)]
pub struct FreshDatabase {
    /// What `--database` takes.
    pub url: String,
    name: String,
    server: String,
}

impl FreshDatabase {
    /// A new empty database, or `None` when PostgreSQL cannot be reached and is not
    /// required (the skip is said once per test binary).
    pub async fn create() -> Option<FreshDatabase> {
        let server = server();
        let mut admin = match connect_admin(&server).await {
            Ok(admin) => admin,
            Err(why) => {
                if std::env::var_os(REQUIRE_ENV).is_some() {
                    panic!(
                        "PostgreSQL is required ({REQUIRE_ENV}) but {server} cannot be reached: {why}"
                    );
                }
                say_skipped(&server, &why);
                return None;
            }
        };
        let name = format!("talon_test_{}", uuid::Uuid::new_v4().simple());
        admin
            .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .expect("create a test database");
        let _ = admin.close().await;
        Some(FreshDatabase {
            url: format!("{server}/{name}"),
            name,
            server,
        })
    }
}

impl FreshDatabase {
    /// [`FreshDatabase::create`] for suites whose every test needs PostgreSQL (the
    /// end-to-end suite on PostgreSQL): when it cannot be reached, the skip is said and
    /// the whole test binary ends at once, as passed.
    pub async fn create_or_skip_binary() -> FreshDatabase {
        match FreshDatabase::create().await {
            Some(database) => database,
            None => std::process::exit(0),
        }
    }
}

impl Drop for FreshDatabase {
    fn drop(&mut self) {
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on: a thread of
        // its own with a runtime of its own drops the database.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                if let Ok(mut admin) = connect_admin(&server).await {
                    let _ = admin
                        .execute(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .await;
                }
            });
        });
        let _ = dropped.join();
    }
}

fn server() -> String {
    std::env::var(SERVER_ENV)
        .unwrap_or_else(|_| DEFAULT_SERVER.to_string())
        .trim_end_matches('/')
        .to_string()
}

async fn connect_admin(server: &str) -> Result<PgConnection, String> {
    let url = format!("{server}/postgres");
    match tokio::time::timeout(Duration::from_secs(3), PgConnection::connect(&url)).await {
        Ok(Ok(conn)) => Ok(conn),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("no answer within 3 s".into()),
    }
}

/// Written straight to the terminal: the test harness captures `eprintln!` of passing
/// tests, and a skip must be seen.
fn say_skipped(server: &str, why: &str) {
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "\nPostgreSQL tests SKIPPED: {server} cannot be reached ({why}). \
             Start PostgreSQL or set {SERVER_ENV}; CI sets {REQUIRE_ENV} and fails instead.\n"
        );
    });
}
