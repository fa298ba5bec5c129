//! Request and response bodies of the HTTP API.

use crate::{
    DayHours, Norms, Office, OfficeId, OfficeSettings, Outcome, OverrunReason, StaffId, Ticket,
    TicketStatus, TopicId, WeekSchedule, WindowId,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Every error: `{"error": {"code": "...", "message": "..."}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Stable, machine-readable: "not_found", "window_busy", "outside_hours", …
    pub code: String,
    /// A sentence the user can act on.
    pub message: String,
    /// For "outside_hours": when issuing opens again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_opening: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
    /// "sqlite" or "postgres".
    pub backend: String,
    /// The node that answered (several may serve one database).
    pub node: String,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    Agent,
    Head,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(raw: &str) -> Option<Self> {
        raw.parse().ok()
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DeviceKind {
    Kiosk,
    Display,
}

impl DeviceKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(raw: &str) -> Option<Self> {
        raw.parse().ok()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub login: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginResponse {
    pub token: String,
    pub user: User,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: StaffId,
    pub login: String,
    pub name: String,
    pub role: Role,
    /// Offices this person works in (an admin may act in every office).
    pub offices: Vec<OfficeId>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssueTicketRequest {
    pub topic_id: TopicId,
    #[serde(default)]
    pub out_of_turn: bool,
}

/// A newly issued ticket and what the visitor should be told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketReceipt {
    pub ticket: Ticket,
    pub people_ahead: u32,
    pub estimated_wait_ms: i64,
    pub topic_name_ru: String,
    pub topic_name_en: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PauseRequest {
    pub reason: String,
    /// Expected return, shown on the display.
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinishRequest {
    pub outcome: Outcome,
    /// How many topics the visit covered: 1, 2, 3 or more.
    pub topics_count: u8,
    #[serde(default)]
    pub overrun_reason: Option<OverrunReason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QueuePlace {
    Front,
    Back,
}

/// Transfer to another topic OR to a specific window (exactly one of the two).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransferRequest {
    #[serde(default)]
    pub topic_id: Option<TopicId>,
    #[serde(default)]
    pub window_id: Option<WindowId>,
    pub place: QueuePlace,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostponeRequest {
    pub minutes: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancelRequest {
    #[serde(default)]
    pub reason: Option<String>,
}

/// What a visitor sees when looking up their ticket by its public code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicTicketStatus {
    pub label: String,
    pub status: TicketStatus,
    pub topic_name_ru: String,
    pub topic_name_en: String,
    pub office_name: String,
    /// People before this ticket, while it waits.
    pub people_ahead: Option<u32>,
    pub estimated_wait_ms: Option<i64>,
    /// The window to go to, once called.
    pub window_label: Option<String>,
    pub issued_at: DateTime<Utc>,
}

// ---- administration ----

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeInput {
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "Europe/Moscow"))]
    pub time_zone: crate::TimeZone,
    pub schedule: WeekSchedule,
    #[serde(default)]
    pub settings: OfficeSettings,
}

impl From<Office> for OfficeInput {
    fn from(office: Office) -> Self {
        OfficeInput {
            name: office.name,
            time_zone: office.time_zone,
            schedule: office.schedule,
            settings: office.settings,
        }
    }
}

/// Default hours for a new office: 08:00–17:00 with lunch 12:00–12:45, Monday to Friday.
pub fn default_schedule() -> WeekSchedule {
    WeekSchedule::weekdays(DayHours::new((8, 0), (17, 0)).with_lunch((12, 0), (12, 45)))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicInput {
    pub prefix: String,
    pub name_ru: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub norms: Norms,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub display_order: i32,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WindowInput {
    pub label: String,
    pub topics: Vec<TopicId>,
}

/// Change only which topics a window serves (office heads do this as the queue grows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WindowTopicsRequest {
    pub topics: Vec<TopicId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffInput {
    pub login: String,
    pub name: String,
    pub password: String,
    pub role: Role,
    #[serde(default)]
    pub offices: Vec<OfficeId>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUpdate {
    pub name: Option<String>,
    pub password: Option<String>,
    pub role: Option<Role>,
    pub offices: Option<Vec<OfficeId>>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceInput {
    pub kind: DeviceKind,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Device {
    pub id: crate::DeviceId,
    pub office_id: OfficeId,
    pub kind: DeviceKind,
    pub name: String,
    pub revoked: bool,
}

/// A new device and its token: shown once, stored only as a hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceCreated {
    pub device: Device,
    pub token: String,
}

/// A topic with its current load, as the kiosk lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicSummary {
    pub topic: crate::Topic,
    pub load: crate::TopicLoad,
}

/// A kiosk or display reports a fault of its own hardware (printer, sound), so that it
/// reaches the server's log and metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceFault {
    /// "printer", "audio", …
    pub kind: String,
    pub message: String,
    /// The ticket concerned, if any (labels only: no personal data).
    #[serde(default)]
    pub ticket_label: Option<String>,
}

/// A sign-in lock-out after repeated failures, for the administrators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecurityAlert {
    pub at: DateTime<Utc>,
    /// "login_locked" (one login failed too often) or "address_locked" (one client
    /// address failed too often, over any logins).
    pub kind: String,
    /// The login or the client address concerned.
    pub subject: String,
    /// Failures allowed before the lock-out.
    pub failures: u32,
    pub locked_for_secs: u64,
}
