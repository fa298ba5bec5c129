//! End-to-end tests: the real server on port 0 with a fresh SQLite file, spoken to over
//! HTTP and WebSocket. One test binary, so it links once.

mod helpers;

mod aborts;
mod auth;
mod client_link;
mod concurrency;
mod errors;
mod guessing;
mod lifecycle;
mod limits;
mod live;
mod openapi;
mod service_day;
mod sim_day;
mod stats;
