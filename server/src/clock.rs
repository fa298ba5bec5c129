//! The time source, injected so tests move time instead of sleeping: the one clock of
//! server and apps, `talon_protocol::clock`.

pub use talon_protocol::clock::{Clock, ManualClock, SystemClock};
