//! What every Talon app shares.
//!
//! * [`api::Api`]: the HTTP API with typed calls and JSON errors turned into messages;
//! * [`mirror::Mirror`]: the office as the app sees it, built from a snapshot and events
//!   (pure, unit-tested);
//! * [`live::LiveLink`]: a background connection that keeps the mirror current,
//!   noticing a silent server, reconnecting with jittered backoff and resuming with
//!   `since`;
//! * [`clock`]: the apps' one clock (wall time and monotonic time), injected so tests
//!   move time instead of sleeping;
//! * [`office_link::OfficeLink`]: a device finds its office, goes live on it, and asks
//!   again after a pause while that fails (kiosk, display);
//! * [`runtime::Runtime`] and [`runtime::Task`]: async work off the UI thread;
//! * [`look`]: bundled fonts (Cyrillic and every symbol used, the same on every machine),
//!   high-contrast theme; [`lang`]: Russian first, English second;
//! * [`texts`]: every text the apps show, one Fluent file per language
//!   (`locales/ru.ftl`, `locales/en.ftl`), looked up by id.

pub mod api;
pub mod clock;
pub mod lang;
pub mod live;
pub mod look;
pub mod mirror;
pub mod office_link;
pub mod runtime;
/// A TCP proxy that can turn into a black hole, for tests (feature `test-support`).
#[cfg(any(test, feature = "test-support"))]
pub mod test_proxy;
pub mod texts;

pub use api::{Api, ClientError};
pub use clock::{Clock, SharedClock};
pub use lang::Lang;
pub use live::{ConnectionState, LiveLink, LiveOptions};
pub use mirror::Mirror;
pub use office_link::{FindError, LinkState, OfficeLink};
pub use runtime::{Runtime, Task};
pub use texts::{text, text_with};
