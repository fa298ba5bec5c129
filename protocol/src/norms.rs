//! Norm status: how an elapsed time stands against a norm.

use serde::{Deserialize, Serialize};

/// ok below 80 % of the norm, warning from 80 % up to the norm, breach past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NormStatus {
    Ok,
    Warning,
    Breach,
}

/// The share of a norm at which a time turns from ok to warning.
pub const WARNING_SHARE_PERCENT: i64 = 80;

/// Status of `elapsed_ms` against a norm of `norm_minutes`. Exactly at the norm is still
/// within it (a breach is "more than 15 minutes").
pub fn norm_status(elapsed_ms: i64, norm_minutes: u32) -> NormStatus {
    let norm_ms = i64::from(norm_minutes) * 60_000;
    if elapsed_ms > norm_ms {
        NormStatus::Breach
    } else if elapsed_ms * 100 >= norm_ms * WARNING_SHARE_PERCENT {
        NormStatus::Warning
    } else {
        NormStatus::Ok
    }
}

/// How a ticket's wait stands against its topic's wait norm at `now`.
pub fn wait_status(
    ticket: &crate::Ticket,
    topic: &crate::Topic,
    now: chrono::DateTime<chrono::Utc>,
) -> NormStatus {
    norm_status(ticket.wait_ms_at(now), topic.norms.wait.minutes)
}

/// How a ticket's service stands against its topic's service norm at `now`.
pub fn service_status(
    ticket: &crate::Ticket,
    topic: &crate::Topic,
    now: chrono::DateTime<chrono::Utc>,
) -> NormStatus {
    norm_status(ticket.service_ms_at(now), topic.norms.service.minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds() {
        let min = 60_000;
        assert_eq!(norm_status(0, 15), NormStatus::Ok);
        assert_eq!(norm_status(12 * min - 1, 15), NormStatus::Ok);
        assert_eq!(norm_status(12 * min, 15), NormStatus::Warning);
        assert_eq!(norm_status(15 * min, 15), NormStatus::Warning);
        assert_eq!(norm_status(15 * min + 1, 15), NormStatus::Breach);
    }
}
