//! What every Talon app shares.
//!
//! * [`api::Api`]: the HTTP API with typed calls and JSON errors turned into messages;
//! * [`mirror::Mirror`]: the office as the app sees it, built from a snapshot and events
//!   (pure, unit-tested);
//! * [`live::LiveLink`]: a background connection that keeps the mirror current,
//!   reconnecting with backoff and resuming with `since`;
//! * [`runtime::Runtime`] and [`runtime::Task`]: async work off the UI thread;
//! * [`look`]: bundled fonts (Cyrillic and every symbol used, the same on every machine),
//!   high-contrast theme; [`lang`]: Russian first, English second.

pub mod api;
pub mod lang;
pub mod live;
pub mod look;
pub mod mirror;
pub mod runtime;

pub use api::{Api, ClientError};
pub use lang::Lang;
pub use live::{ConnectionState, LiveLink};
pub use mirror::Mirror;
pub use runtime::{Runtime, Task};
