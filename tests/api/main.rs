//! End-to-end tests: the real server on port 0 with a fresh SQLite file, spoken to over
//! HTTP and WebSocket. One test binary, so it links once.

mod helpers;

mod concurrency;
mod lifecycle;
mod live;
mod service_day;
