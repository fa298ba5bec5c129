//! Why the engine refused a command. Each maps to one HTTP status at the boundary.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// Something named in the command does not exist in this office.
    #[error("{0}")]
    NotFound(String),
    /// The command does not fit the current state (e.g. finishing a waiting ticket).
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// The command's own values are wrong (e.g. postpone for 0 minutes).
    #[error("{0}")]
    Invalid(String),
    /// The caller may not do this here (e.g. another agent's window).
    #[error("{0}")]
    Forbidden(String),
    /// Tickets are not issued now.
    #[error("ticket issuing has ended for now")]
    OutsideHours { next_opening: Option<DateTime<Utc>> },
    /// Check-in for a booking opens later.
    #[error("check-in for this booking has not opened yet")]
    CheckInTooEarly { opens_at: DateTime<Utc> },
}

impl EngineError {
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        EngineError::Conflict {
            code,
            message: message.into(),
        }
    }
}
