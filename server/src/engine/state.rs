//! The live state of one office that the engine works on.

use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, VecDeque};
use talon_protocol::{
    Alert, CallRecord, Norms, Office, StaffId, Ticket, Topic, TopicId, Window, WindowId,
};

pub use super::ticket_set::TicketSet;
pub use talon_protocol::snapshot::RECENT_CALLS;
/// How many recent service times per topic feed the estimated wait.
pub const RECENT_SERVICES: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct OfficeState {
    pub office: Office,
    pub topics: BTreeMap<TopicId, Topic>,
    pub windows: BTreeMap<WindowId, Window>,
    /// Active tickets only (waiting, postponed, called, serving), with their indexes.
    /// Shared, so that the copy of the state every command works on costs pointers, not
    /// tickets; a command clones only the tickets it changes.
    pub tickets: TicketSet,
    pub service_day: NaiveDate,
    /// Last number issued per label prefix on `service_day`.
    pub counters: HashMap<String, u32>,
    /// Seq of the last event.
    pub seq: u64,
    pub alerts: BTreeMap<String, Alert>,
    /// Newest first.
    pub recent_calls: Vec<CallRecord>,
    /// Newest last, per topic.
    pub recent_service_ms: HashMap<TopicId, VecDeque<i64>>,
}

impl OfficeState {
    /// A ticket as the office has it now: the live copy while it is active, else the
    /// stored final one.
    pub fn live_or(&self, stored: Ticket) -> Ticket {
        self.tickets.get(&stored.id).map_or(stored, Ticket::clone)
    }

    /// The norms of a topic; the defaults (15 / 20 / 35 min) for one the office does not
    /// know, so that no rule writes its own default.
    pub fn norms_of(&self, topic: TopicId) -> Norms {
        self.topics
            .get(&topic)
            .map(|t| t.norms.clone())
            .unwrap_or_default()
    }

    pub fn window(&self, id: WindowId) -> Option<&Window> {
        self.windows.get(&id)
    }

    /// The window an agent has open, if any.
    pub fn window_of_agent(&self, agent: StaffId) -> Option<&Window> {
        self.windows.values().find(|w| w.agent_id == Some(agent))
    }

    pub fn record_service(&mut self, topic: TopicId, service_ms: i64) {
        let recent = self.recent_service_ms.entry(topic).or_default();
        recent.push_back(service_ms);
        while recent.len() > RECENT_SERVICES {
            recent.pop_front();
        }
    }
}
