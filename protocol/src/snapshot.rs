//! The whole live state of an office at one sequence number.

use crate::{Alert, Office, Ticket, TicketId, Topic, TopicId, Window, WindowId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Snapshot {
    pub office: Office,
    /// The last event included; events after it follow on the live socket.
    pub seq: u64,
    pub now: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub service_day: NaiveDate,
    /// Active topics in display order, and inactive ones after them.
    pub topics: Vec<Topic>,
    pub load: Vec<TopicLoad>,
    pub windows: Vec<Window>,
    /// Tickets waiting, postponed, called or being served.
    pub tickets: Vec<Ticket>,
    /// The latest calls, newest first.
    pub recent_calls: Vec<CallRecord>,
    pub alerts: Vec<Alert>,
}

/// How loaded a topic is right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicLoad {
    pub topic_id: TopicId,
    pub waiting: u32,
    /// What a ticket taken now would wait, by the server's estimate.
    pub estimated_wait_ms: i64,
    /// Open windows that serve this topic.
    pub open_windows: u32,
}

/// A call as the hall display lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallRecord {
    pub ticket_id: TicketId,
    pub label: String,
    pub window_id: WindowId,
    pub window_label: String,
    pub at: DateTime<Utc>,
    pub recall: bool,
}
