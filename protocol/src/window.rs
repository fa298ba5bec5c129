//! Service windows (окно обслуживания).

use crate::{OfficeId, StaffId, TicketId, TopicId, WindowId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Window {
    pub id: WindowId,
    pub office_id: OfficeId,
    /// What the hall sees: "3", "12", "Каб. 5".
    pub label: String,
    /// The topics this window serves, in the order the office head set.
    pub topics: Vec<TopicId>,
    pub state: WindowState,
    pub agent_id: Option<StaffId>,
    /// The agent's display name (no surname on the hall display: clients show it only
    /// to staff).
    pub agent_name: Option<String>,
    pub current_ticket: Option<TicketId>,
    pub pause: Option<Pause>,
    pub state_since: DateTime<Utc>,
    /// A deactivated window is kept for the history but cannot be opened.
    #[serde(default = "active_by_default")]
    pub active: bool,
}

fn active_by_default() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    Closed,
    /// Open, nobody at the window.
    Idle,
    /// A ticket has been called and the visitor is walking to the window.
    Calling,
    Serving,
    Paused,
}

/// Why a window is paused and when it is expected back (LNA-0009-4 §5.4.9.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pause {
    pub reason: String,
    pub until: Option<DateTime<Utc>>,
}

/// The notice a paused window shows to visitors (LNA-0009-4 §5.4.9.1).
pub const PAUSED_NOTICE_RU: &str = "Уважаемые клиенты! Обслуживание временно прекращено. Приносим свои извинения за доставленные неудобства";
pub const PAUSED_NOTICE_EN: &str =
    "Dear clients! Service is temporarily suspended. We apologise for the inconvenience";
