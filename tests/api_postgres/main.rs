//! The end-to-end suite on PostgreSQL: the same test files as `tests/api` (included, not
//! copied), with every test server on a fresh PostgreSQL database, and the tests of
//! several server nodes sharing one database.
//!
//! Without a reachable PostgreSQL (`TALON_TEST_POSTGRES`, default
//! postgres://postgres@127.0.0.1:5432) this binary says the tests were skipped and ends
//! as passed; with `TALON_REQUIRE_POSTGRES` set (CI) it fails instead.

/// The database every test server of this binary runs on.
const BACKEND: talon_testkit::Backend = talon_testkit::Backend::Postgres;

#[path = "../api/aborts.rs"]
mod aborts;
#[path = "../api/admin.rs"]
mod admin;
#[path = "../api/advice.rs"]
mod advice;
#[path = "../api/auth.rs"]
mod auth;
#[path = "../api/bookings.rs"]
mod bookings;
#[path = "../api/client_link.rs"]
mod client_link;
#[path = "../api/concurrency.rs"]
mod concurrency;
#[path = "../api/errors.rs"]
mod errors;
#[path = "../api/forecast.rs"]
mod forecast;
#[path = "../api/guessing.rs"]
mod guessing;
#[path = "../api/helpers.rs"]
mod helpers;
#[path = "../api/lifecycle.rs"]
mod lifecycle;
#[path = "../api/limits.rs"]
mod limits;
#[path = "../api/live.rs"]
mod live;
#[path = "../api/notify.rs"]
mod notify;
#[path = "../api/openapi.rs"]
mod openapi;
#[path = "../api/regions.rs"]
mod regions;
#[path = "../api/reports.rs"]
mod reports;
#[path = "../api/service_day.rs"]
mod service_day;
#[path = "../api/sim_day.rs"]
mod sim_day;
#[path = "../api/stats.rs"]
mod stats;
#[path = "../api/store_contract.rs"]
mod store_contract;
#[path = "../api/visitor.rs"]
mod visitor;

mod nodes;
