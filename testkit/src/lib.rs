//! What every Talon test suite needs to run against a real server, in one place: the
//! end-to-end tests (`tests/api`) and the kiosk, display and desk app tests all start
//! their servers here, so a change to how the server starts touches this crate only.
//!
//! * [`TestDatabase`]: a fresh, empty database for one server, on a chosen [`Backend`]
//!   (SQLite, or PostgreSQL when it can be reached; [`TestDatabase::fresh`] is the one
//!   function that makes a database).
//! * [`TestServer`]: the real `talon-server` on 127.0.0.1 port 0 with such a database, a
//!   [`ManualClock`] the test moves, and a fast ticker (async, for `#[tokio::test]`).
//! * [`DemoServer`]: the same with the demo office (`talon_server::demo`) on a tokio
//!   runtime of its own, for app tests that drive egui on the test thread and block on
//!   the server's answers.
//! * [`EmptyServer`]: the same with an empty database and only its first administrator,
//!   made with the server's own command line, for setting a company up from nothing.
//! * [`Node`]: one more server node on a shared PostgreSQL database, in a runtime of its
//!   own so that a test can kill it as abruptly as `kill -9`.
//!
//! `TEST_LOG=1` shows the server's logs.

mod database;
mod demo;
mod empty;
mod node;
pub mod postgres;
mod server;

pub use database::{Backend, TestDatabase};
pub use demo::DemoServer;
pub use empty::{ADMIN, EmptyServer};
pub use node::Node;
pub use server::{ServerOptions, TestServer};
pub use talon_server::clock::ManualClock;

use chrono::{DateTime, Utc};

/// Friday 2026-11-20, 10:00 in Moscow (UTC+3): where every test server's clock starts
/// unless told otherwise (a working day; the demo office is open).
pub const START: &str = "2026-11-20T07:00:00Z";

/// [`START`] as an instant.
pub fn start_time() -> DateTime<Utc> {
    at(START)
}

/// An RFC 3339 instant ("2026-11-20T07:00:00Z").
pub fn at(instant: &str) -> DateTime<Utc> {
    instant.parse().expect("an RFC 3339 instant")
}
