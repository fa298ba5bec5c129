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
    /// People's reception hours by appointment (titles, never names).
    #[serde(default)]
    pub receptions: Vec<crate::booking::Reception>,
    /// The staffing advisor's advice standing now.
    #[serde(default)]
    pub advice: Vec<crate::advice::Advice>,
}

/// How loaded a topic is right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicLoad {
    pub topic_id: TopicId,
    pub waiting: u32,
    /// What a ticket taken now would wait, by the server's estimate (the forecast's
    /// median when there is one).
    pub estimated_wait_ms: i64,
    /// The forecast for a ticket taken now: a median and an 80 % range.
    #[serde(default)]
    pub wait_range: Option<crate::forecast::WaitRange>,
    /// Open windows that serve this topic.
    pub open_windows: u32,
}

/// How many calls the hall display is given, the most recent first.
pub const RECENT_CALLS: usize = 20;

/// Keeps `calls` (the most recent first) current with one event: a call or recall goes
/// first, a new service day starts an empty list. The one rule of the engine and of every
/// client mirror.
pub fn note_call(calls: &mut Vec<CallRecord>, event: &crate::Event) {
    match &event.kind {
        crate::EventKind::TicketCalled {
            ticket,
            window_id,
            window_label,
            recall,
        } => {
            calls.insert(
                0,
                CallRecord {
                    ticket_id: ticket.id,
                    label: ticket.label.clone(),
                    window_id: *window_id,
                    window_label: window_label.clone(),
                    at: event.at,
                    recall: *recall,
                },
            );
            calls.truncate(RECENT_CALLS);
        }
        crate::EventKind::ServiceDayStarted { .. } => calls.clear(),
        _ => {}
    }
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
