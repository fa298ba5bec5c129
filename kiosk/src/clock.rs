//! The kiosk's time source. Injected, so tests show the server's manual time on screen and
//! move the ticket screen's timeout without sleeping.

use chrono::{DateTime, Utc};
use std::sync::Arc;

/// Returns "now" each time it is called.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The real clock.
pub fn system() -> Clock {
    Arc::new(Utc::now)
}
