//! Alerts for the office head: raised and cleared as events.

use crate::{StaffId, TicketId, TopicId, WindowId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How long a poor rating stays among the head's alerts.
pub const POOR_RATING_SHOWN_FOR: chrono::Duration = chrono::Duration::hours(1);

/// Ratings at or below this are poor: «плохо» and «очень плохо».
pub const POOR_RATING: u8 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alert {
    /// Stable key of what the alert is about, e.g. "wait_breach:<ticket>"; the same
    /// condition always has the same id, so a cleared alert can be matched.
    pub id: String,
    pub kind: AlertKind,
    pub raised_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AlertKind {
    /// A waiting ticket passed its topic's wait norm.
    WaitBreach {
        ticket_id: TicketId,
        label: String,
        topic_id: TopicId,
    },
    /// More people wait for a topic than the office's threshold.
    LongQueue { topic_id: TopicId, waiting: u32 },
    /// A window is open and idle while people wait for its topics.
    IdleWindow { window_id: WindowId },
    /// A visit at a window passed its topic's service norm.
    ServiceBreach {
        ticket_id: TicketId,
        label: String,
        window_id: WindowId,
    },
    /// A visitor rated their visit «плохо» (2) or «очень плохо» (1) on their phone: shown
    /// to the head as it arrives, for `POOR_RATING_SHOWN_FOR`; the reports keep it.
    PoorRating {
        ticket_id: TicketId,
        label: String,
        topic_id: TopicId,
        window_id: Option<WindowId>,
        agent_id: Option<StaffId>,
        rating: u8,
    },
}

impl AlertKind {
    pub fn key(&self) -> String {
        match self {
            AlertKind::WaitBreach { ticket_id, .. } => format!("wait_breach:{ticket_id}"),
            AlertKind::LongQueue { topic_id, .. } => format!("long_queue:{topic_id}"),
            AlertKind::IdleWindow { window_id } => format!("idle_window:{window_id}"),
            AlertKind::ServiceBreach { ticket_id, .. } => format!("service_breach:{ticket_id}"),
            AlertKind::PoorRating { ticket_id, .. } => format!("poor_rating:{ticket_id}"),
        }
    }
}
