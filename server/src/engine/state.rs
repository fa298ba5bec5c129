//! The live state of one office that the engine works on.

use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, VecDeque};
use talon_protocol::{
    Alert, CallRecord, Norms, Office, StaffId, Ticket, TicketStatus, Topic, TopicId, Window,
    WindowId,
};

pub use super::booking_set::BookingSet;
pub use super::ticket_set::TicketSet;
use talon_protocol::booking::Reception;
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
    /// Bookings holding a place, from the current service day on.
    pub bookings: BookingSet,
    /// People's reception hours, by person.
    pub receptions: BTreeMap<StaffId, Reception>,
    /// The latest forecast of waits: derived from the rest, made by the ticker
    /// (`forecast::live`), never stored; none until the first refresh.
    pub forecast: Option<std::sync::Arc<crate::forecast::live::LiveForecast>>,
    /// The staffing advisor's advice standing now (the last `AdviceChanged`); empty
    /// after a restart until the advisor next looks.
    pub advice: Vec<talon_protocol::advice::Advice>,
    /// Walks, turnarounds and the last hour's arrivals, for the forecast.
    pub flow: super::flow::Flow,
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

    /// Drops the checked-in bookings of days before the service day: their tickets are
    /// in the queue, and their slots can no longer be booked. (Bookings nobody checked in
    /// for leave when they are marked missed.)
    pub fn forget_past_bookings(&mut self) {
        let day_start = super::hours::day_start(self.office.time_zone.tz(), self.service_day);
        let past: Vec<_> = self
            .bookings
            .started_before(day_start)
            .filter(|b| b.status == talon_protocol::booking::BookingStatus::CheckedIn)
            .map(|b| b.id)
            .collect();
        for id in past {
            self.bookings.remove(id);
        }
    }

    /// Learns a finished visit's service time, if it is one ([`teaches_service`]).
    pub fn learn_service(&mut self, ticket: &Ticket) {
        if teaches_service(ticket, self.office.time_zone.tz()) {
            self.record_service(ticket.topic_id, ticket.service_ms);
        }
    }

    pub fn record_service(&mut self, topic: TopicId, service_ms: i64) {
        let recent = self.recent_service_ms.entry(topic).or_default();
        recent.push_back(service_ms);
        while recent.len() > RECENT_SERVICES {
            recent.pop_front();
        }
    }
}

/// Whether a visit's service time is one to learn from: a visit done on the service day
/// it was taken. One left open overnight and finished the next morning has the night in
/// its service time, which would make every forecast of the new day hours long.
pub fn teaches_service(ticket: &Ticket, tz: chrono_tz::Tz) -> bool {
    ticket.status == TicketStatus::Done
        && ticket
            .finished_at
            .is_some_and(|at| super::hours::service_day(tz, at) == ticket.service_day)
}
