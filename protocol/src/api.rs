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
    /// For "outside_hours": when issuing opens again; for "check_in_too_early": when
    /// check-in for the booking opens.
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
    /// The head of one or more offices (начальник офиса).
    Head,
    /// The head of one or more regions: sees every office of them (начальник
    /// территориального отделения).
    RegionHead,
    /// The head office (центральный офис): sees every office of the company.
    HeadOffice,
    Admin,
}

impl Role {
    /// Sees every office of the company (the administrator and the head office).
    pub fn sees_all(self) -> bool {
        matches!(self, Role::Admin | Role::HeadOffice)
    }

    /// Watches offices against the norms: statistics, reports, alerts, the boards.
    pub fn oversees(self) -> bool {
        !matches!(self, Role::Agent)
    }

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
    /// Offices this person works in (an admin may act in every office). For a region
    /// head it includes every office of their regions; for the head office, every office.
    pub offices: Vec<OfficeId>,
    /// Regions this person heads (region heads).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<crate::RegionId>,
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
    /// The best single figure: the forecast's median, or people ahead × typical service
    /// when there is no forecast yet.
    pub estimated_wait_ms: i64,
    /// The forecast for a ticket of this topic taken now (none until the server has
    /// made one for the office, or when no open window serves the topic).
    #[serde(default)]
    pub wait_range: Option<crate::forecast::WaitRange>,
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

/// What a visitor sees when looking up their ticket by its public code (their phone
/// page). No personal data: no names, no reasons typed by staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicTicketStatus {
    pub label: String,
    pub status: TicketStatus,
    pub topic_name_ru: String,
    pub topic_name_en: String,
    pub office_id: OfficeId,
    pub office_name: String,
    /// People before this ticket, while it waits.
    pub people_ahead: Option<u32>,
    pub estimated_wait_ms: Option<i64>,
    /// The forecast of this ticket's wait from now, while it waits.
    #[serde(default)]
    pub wait_range: Option<crate::forecast::WaitRange>,
    /// Waiting with the office's "soon" number of people or fewer ahead
    /// (`OfficeSettings::soon_when_ahead`): time to come back to the hall.
    #[serde(default)]
    pub soon: bool,
    /// The window to go to, once called.
    pub window_label: Option<String>,
    pub issued_at: DateTime<Utc>,
    /// When it was called to its window; with `recalls`, a page tells a new call.
    #[serde(default)]
    pub called_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub recalls: u32,
    /// While postponed: when it returns to the queue.
    #[serde(default)]
    pub postponed_until: Option<DateTime<Utc>>,
    /// Redirected by staff at least once (to the topic named above, or to a window).
    #[serde(default)]
    pub transferred: bool,
    /// Transferred to one window: only that window will call it.
    #[serde(default)]
    pub transferred_to_window: Option<String>,
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    /// Why a cancelled ticket was cancelled, in kinds (never the text staff typed).
    #[serde(default)]
    pub cancelled: Option<CancelKind>,
    /// The visitor may still leave the queue (waiting or postponed).
    #[serde(default)]
    pub can_leave: bool,
    /// The visit can be rated until then (done, not rated yet, within the office's time).
    #[serde(default)]
    pub rating_open_until: Option<DateTime<Utc>>,
    /// The visitor has rated the visit.
    #[serde(default)]
    pub rated: bool,
}

/// Why a ticket was cancelled, as the visitor is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CancelKind {
    /// The visitor left the queue from their phone.
    VisitorLeft,
    /// The service day ended with the ticket still in the queue.
    ServiceDayEnded,
    /// Staff cancelled it.
    Staff,
}

impl CancelKind {
    /// The kind of a cancellation with this stored reason.
    pub fn of_reason(reason: Option<&str>) -> CancelKind {
        match reason {
            Some(crate::ticket::CANCEL_LEFT_BY_VISITOR) => CancelKind::VisitorLeft,
            Some(crate::ticket::CANCEL_SERVICE_DAY_ENDED) => CancelKind::ServiceDayEnded,
            _ => CancelKind::Staff,
        }
    }
}

/// The visitor rates the visit: 5 = отлично (excellent), 4 = хорошо (good),
/// 3 = удовлетворительно (satisfactory), 2 = плохо (poor), 1 = очень плохо (very poor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackRequest {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub rating: u8,
    #[serde(default)]
    pub comment: Option<String>,
}

/// A stored rating, with what the visit measured (for statistics; no visitor data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Feedback {
    pub ticket_id: crate::TicketId,
    pub office_id: OfficeId,
    pub topic_id: TopicId,
    pub window_id: Option<WindowId>,
    pub agent_id: Option<StaffId>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub service_day: chrono::NaiveDate,
    pub rating: u8,
    pub comment: Option<String>,
    /// The visit's measured waiting and service times.
    pub wait_ms: i64,
    pub service_ms: i64,
    pub created_at: DateTime<Utc>,
}

impl Feedback {
    /// The stored rating of a `VisitRated` event of `office_id` at `at`, with the comment
    /// that the event leaves out.
    pub fn of(
        office_id: OfficeId,
        rating: &crate::VisitRating,
        comment: Option<String>,
        at: DateTime<Utc>,
    ) -> Feedback {
        Feedback {
            ticket_id: rating.ticket_id,
            office_id,
            topic_id: rating.topic_id,
            window_id: rating.window_id,
            agent_id: rating.agent_id,
            service_day: rating.service_day,
            rating: rating.rating,
            comment,
            wait_ms: rating.wait_ms,
            service_ms: rating.service_ms,
            created_at: at,
        }
    }
}

/// The public office board: what anyone may know about an office's queue right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicOffice {
    pub id: OfficeId,
    pub name: String,
    /// Today's hours in the office's zone; none on a day off.
    pub today: Option<DayHours>,
    /// Why today's hours differ, when today is a special day («Предпраздничный день»).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub today_note: String,
    /// The office's time zone (IANA), in which the hours are given.
    pub time_zone: String,
    /// Open windows (serving, calling or idle; not paused or closed).
    pub windows_open: u32,
    /// Active topics in display order.
    pub topics: Vec<PublicTopic>,
    pub info_line: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicTopic {
    pub id: TopicId,
    pub name_ru: String,
    pub name_en: String,
    pub waiting: u32,
    /// What a ticket taken now would wait.
    pub estimated_wait_ms: i64,
    #[serde(default)]
    pub wait_range: Option<crate::forecast::WaitRange>,
    pub open_windows: u32,
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
    #[serde(default)]
    pub region_id: Option<crate::RegionId>,
}

impl From<Office> for OfficeInput {
    fn from(office: Office) -> Self {
        OfficeInput {
            name: office.name,
            time_zone: office.time_zone,
            schedule: office.schedule,
            settings: office.settings,
            region_id: office.region_id,
        }
    }
}

/// Taking an alert on: what is being done about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcknowledgeRequest {
    pub comment: String,
}

/// A region (территориальное отделение): offices grouped under one region head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    pub id: crate::RegionId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionInput {
    pub name: String,
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
    #[serde(default)]
    pub booking: crate::booking::BookingSettings,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WindowInput {
    pub label: String,
    pub topics: Vec<TopicId>,
    /// False deactivates the window (only a closed one); it cannot be opened then.
    #[serde(default = "yes")]
    pub active: bool,
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
    /// Regions a region head heads.
    #[serde(default)]
    pub regions: Vec<crate::RegionId>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUpdate {
    pub name: Option<String>,
    pub password: Option<String>,
    pub role: Option<Role>,
    pub offices: Option<Vec<OfficeId>>,
    pub regions: Option<Vec<crate::RegionId>>,
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
    /// When the server last heard from it: a request, or its live connection kept open.
    #[serde(default)]
    pub last_seen: Option<chrono::DateTime<chrono::Utc>>,
    /// In contact within the office's `device_offline_after_min`; when false, it has
    /// been offline since `last_seen` (or was never set up, when that is empty).
    #[serde(default)]
    pub online: bool,
    /// The faults it reported and has not reported over (the printer is out of paper).
    #[serde(default)]
    pub faults: Vec<DeviceFault>,
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

/// Changing one's own password: the current one proves it is the owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
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

/// What a kept monthly report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KeptScope {
    Office,
    Region,
    /// Every office of the company.
    All,
}

/// A monthly compliance report the server made and keeps (`GET /api/v1/reports/kept`);
/// download it in any format at `/api/v1/reports/kept/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeptReport {
    pub id: i64,
    pub scope: KeptScope,
    /// The office's or region's id; none for the whole company.
    pub scope_id: Option<i64>,
    /// The office's or region's name when the report was made.
    pub scope_name: String,
    /// The calendar month, `YYYY-MM`.
    pub month: String,
    pub made_at: DateTime<Utc>,
}
