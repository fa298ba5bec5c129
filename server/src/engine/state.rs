//! The live state of one office that the engine works on.

use chrono::NaiveDate;
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Arc;
use talon_protocol::{
    Alert, CallRecord, Office, StaffId, Ticket, TicketId, Topic, TopicId, Window, WindowId,
};

/// How many calls the state remembers for the hall display.
pub const RECENT_CALLS: usize = 20;
/// How many recent service times per topic feed the estimated wait.
pub const RECENT_SERVICES: usize = 20;

#[derive(Debug, Clone)]
pub struct OfficeState {
    pub office: Office,
    pub tz: Tz,
    pub topics: BTreeMap<TopicId, Topic>,
    pub windows: BTreeMap<WindowId, Window>,
    /// Active tickets only (waiting, postponed, called, serving). Shared, so that the
    /// copy of the state every command works on costs pointers, not tickets; a command
    /// clones only the tickets it changes (`Arc::make_mut`).
    pub tickets: BTreeMap<TicketId, Arc<Ticket>>,
    pub service_day: NaiveDate,
    /// Last number issued per label prefix on `service_day`.
    pub counters: HashMap<String, u32>,
    /// Seq of the last event.
    pub seq: u64,
    pub alerts: BTreeMap<String, Alert>,
    /// Newest first.
    pub recent_calls: VecDeque<CallRecord>,
    /// Newest last, per topic.
    pub recent_service_ms: HashMap<TopicId, VecDeque<i64>>,
}

impl OfficeState {
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

    pub fn record_call(&mut self, call: CallRecord) {
        self.recent_calls.push_front(call);
        self.recent_calls.truncate(RECENT_CALLS);
    }
}
