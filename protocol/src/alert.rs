//! Alerts for the office head: raised and cleared as events.

use crate::api::DeviceKind;
use crate::{DeviceId, StaffId, TicketId, TopicId, WindowId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How long a poor rating stays among the head's alerts.
pub const POOR_RATING_SHOWN_FOR: chrono::Duration = chrono::Duration::hours(1);

/// Ratings at or below this are poor: «плохо» and «очень плохо».
pub const POOR_RATING: u8 = 2;

/// An alert not acknowledged this long after it was raised goes to the head office.
pub const TO_HEAD_OFFICE_AFTER: chrono::Duration = chrono::Duration::minutes(60);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alert {
    /// Stable key of what the alert is about, e.g. "wait_breach:<ticket>"; the same
    /// condition always has the same id, so a cleared alert can be matched.
    pub id: String,
    pub kind: AlertKind,
    pub raised_at: DateTime<Utc>,
    /// Who it has reached: the office, then the region's head, then the head office.
    #[serde(default)]
    pub level: EscalationLevel,
    /// Someone above the windows took it on, with a comment; it escalates no further.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Acknowledgement>,
}

impl Alert {
    pub fn new(id: String, kind: AlertKind, raised_at: DateTime<Utc>) -> Alert {
        Alert {
            id,
            kind,
            raised_at,
            level: EscalationLevel::Office,
            acknowledged: None,
        }
    }
}

/// How far up an alert has gone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EscalationLevel {
    /// The office's head.
    #[default]
    Office,
    /// The head of the office's region.
    Region,
    /// The head office.
    HeadOffice,
}

/// Who took an alert on, when, and what they said they would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledgement {
    pub staff_id: StaffId,
    pub name: String,
    pub at: DateTime<Utc>,
    pub comment: String,
}

/// What changed in an alert still standing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum AlertChange {
    /// Not acknowledged in time: it went up to `level`.
    Escalated {
        level: EscalationLevel,
    },
    Acknowledged,
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
    /// A kiosk or display has not been in contact for the office's
    /// `device_offline_after_min`: cleared when it is back.
    DeviceOffline {
        device_id: DeviceId,
        device_kind: DeviceKind,
        name: String,
        /// Its last contact, when there was one: offline since then.
        #[serde(default)]
        last_seen: Option<DateTime<Utc>>,
    },
    /// A kiosk or display reported a fault of its own (the printer is out of paper):
    /// cleared when it reports the fault over.
    DeviceFault {
        device_id: DeviceId,
        device_kind: DeviceKind,
        name: String,
        /// "printer", "audio", …
        fault: String,
        message: String,
    },
}

impl AlertKind {
    /// Whether the alert goes up when nobody acknowledges it: a visitor waiting past
    /// the norm and a long queue (the others are the office's own matters).
    pub fn escalates(&self) -> bool {
        matches!(
            self,
            AlertKind::WaitBreach { .. } | AlertKind::LongQueue { .. }
        )
    }

    pub fn key(&self) -> String {
        match self {
            AlertKind::WaitBreach { ticket_id, .. } => format!("wait_breach:{ticket_id}"),
            AlertKind::LongQueue { topic_id, .. } => format!("long_queue:{topic_id}"),
            AlertKind::IdleWindow { window_id } => format!("idle_window:{window_id}"),
            AlertKind::ServiceBreach { ticket_id, .. } => format!("service_breach:{ticket_id}"),
            AlertKind::PoorRating { ticket_id, .. } => format!("poor_rating:{ticket_id}"),
            AlertKind::DeviceOffline { device_id, .. } => format!("device_offline:{device_id}"),
            AlertKind::DeviceFault {
                device_id, fault, ..
            } => format!("device_fault:{device_id}:{fault}"),
        }
    }
}
