//! End-to-end tests: the real server on port 0 with a fresh SQLite file, spoken to over
//! HTTP and WebSocket. One test binary, so it links once. `tests/api_postgres` runs the
//! same test files on PostgreSQL.

/// The database every test server of this binary runs on.
const BACKEND: talon_testkit::Backend = talon_testkit::Backend::Sqlite;

mod helpers;

mod aborts;
mod admin;
mod advice;
mod auth;
mod bookings;
mod client_link;
mod concurrency;
mod errors;
mod forecast;
mod guessing;
mod lifecycle;
mod limits;
mod live;
mod notify;
mod openapi;
mod regions;
mod reports;
mod service_day;
mod sim_day;
mod stats;
mod store_contract;
mod visitor;
