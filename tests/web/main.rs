//! The visitor pages in a real browser: headless Chromium (Debian's `chromium` and
//! `chromium-driver`) driven over WebDriver (`fantoccini`), against the real server
//! started by `talon-testkit`, at a phone's size (390 × 844).
//!
//! Without Chromium these tests say plainly that they were skipped and pass; with
//! `TALON_REQUIRE_BROWSER` set (`.ci/run` sets it) a missing browser fails them.
//! `UPDATE_SCREENSHOTS=1` rewrites the committed screenshots in `tests/web/screenshots/`;
//! otherwise they are written under `target/web-screenshots/` to look at.

/// The database every test server of this binary runs on.
const BACKEND: talon_testkit::Backend = talon_testkit::Backend::Sqlite;

#[allow(dead_code, reason = "the browser tests use a part of the API helpers")]
#[path = "../api/helpers.rs"]
mod helpers;

mod booking;
mod browser;
mod pages;
