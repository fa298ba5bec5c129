//! The app's notion of "now". Injected so that tests drive the live timers and norm
//! colours with the server's manual clock instead of sleeping.

use chrono::{DateTime, Utc};
use std::sync::Arc;

/// Returns the current instant.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The computer's clock.
pub fn system() -> Clock {
    Arc::new(Utc::now)
}
