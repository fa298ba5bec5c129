//! Events: every change of an office's queue, numbered by the office's sequence.

use crate::booking::{Booking, Reception};
use crate::{
    Alert, Office, OfficeId, StaffId, Ticket, TicketId, Topic, TopicId, TopicLoad, Window, WindowId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One change of an office, as stored and as pushed over the WebSocket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    pub office_id: OfficeId,
    /// 1, 2, 3, … per office with no gaps: a client that sees a gap refetches.
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    /// Waiting counts and estimated waits per topic after this event, when it changed
    /// them, so displays and kiosks stay current without asking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<Vec<TopicLoad>>,
}

/// What happened. Ticket, window and topic events carry the whole new object so that
/// a client mirror only has to replace it.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumDiscriminants,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
// `EventType`: the kinds without their data, for queries by kind ("ticket_called").
#[strum_discriminants(
    name(EventType),
    derive(strum::IntoStaticStr),
    strum(serialize_all = "snake_case")
)]
pub enum EventKind {
    TicketIssued {
        ticket: Ticket,
    },
    /// A call or a recall: the display shows and announces it.
    TicketCalled {
        ticket: Ticket,
        window_id: WindowId,
        window_label: String,
        recall: bool,
    },
    TicketStarted {
        ticket: Ticket,
    },
    TicketFinished {
        ticket: Ticket,
    },
    TicketNoShow {
        ticket: Ticket,
    },
    TicketTransferred {
        ticket: Ticket,
        from_window: Option<WindowId>,
    },
    TicketPostponed {
        ticket: Ticket,
    },
    /// A postponed ticket is back in its queue.
    TicketReturned {
        ticket: Ticket,
    },
    TicketCancelled {
        ticket: Ticket,
    },
    WindowChanged {
        window: Window,
    },
    TopicChanged {
        topic: Topic,
    },
    OfficeChanged {
        office: Office,
    },
    AlertRaised {
        alert: Alert,
    },
    AlertCleared {
        alert: Alert,
    },
    /// An alert still standing went up a level or was acknowledged: `alert` as it is now.
    AlertChanged {
        alert: Alert,
        change: crate::alert::AlertChange,
    },
    /// The staffing advisor's advice changed (something new to do, or advice no longer
    /// standing): `advice` is all that stands now.
    AdviceChanged {
        advice: Vec<crate::advice::Advice>,
    },
    /// A visitor rated their visit on their phone. The comment, if any, is not here (it
    /// may hold personal data, and every socket of the office gets the events): it is
    /// stored only with the rating, for the reports.
    VisitRated {
        rating: VisitRating,
    },
    /// A visitor booked a slot (on the web, by phone through the desk, or the API).
    BookingMade {
        booking: Booking,
    },
    /// A booking moved to another slot.
    BookingMoved {
        booking: Booking,
    },
    /// The visitor or the office cancelled a booking: its place is free again.
    BookingCancelled {
        booking: Booking,
    },
    /// The visitor checked in: the ticket's `TicketIssued` comes in the same commit.
    BookingCheckedIn {
        booking: Booking,
    },
    /// Nobody checked in before the check-in window closed.
    BookingMissed {
        booking: Booking,
    },
    /// A person's reception hours were set.
    ReceptionChanged {
        reception: Reception,
    },
    /// Local midnight passed: numbering restarts.
    ServiceDayStarted {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        service_day: NaiveDate,
    },
}

impl EventKind {
    /// The ticket an event is about, if any. Every variant is named: a new event that
    /// carries a ticket must say so here, or it would silently not be stored or mirrored.
    pub fn ticket(&self) -> Option<&Ticket> {
        match self {
            EventKind::TicketIssued { ticket }
            | EventKind::TicketCalled { ticket, .. }
            | EventKind::TicketStarted { ticket }
            | EventKind::TicketFinished { ticket }
            | EventKind::TicketNoShow { ticket }
            | EventKind::TicketTransferred { ticket, .. }
            | EventKind::TicketPostponed { ticket }
            | EventKind::TicketReturned { ticket }
            | EventKind::TicketCancelled { ticket } => Some(ticket),
            EventKind::WindowChanged { .. }
            | EventKind::TopicChanged { .. }
            | EventKind::OfficeChanged { .. }
            | EventKind::AlertRaised { .. }
            | EventKind::AlertCleared { .. }
            | EventKind::AlertChanged { .. }
            | EventKind::AdviceChanged { .. }
            | EventKind::VisitRated { .. }
            | EventKind::BookingMade { .. }
            | EventKind::BookingMoved { .. }
            | EventKind::BookingCancelled { .. }
            | EventKind::BookingCheckedIn { .. }
            | EventKind::BookingMissed { .. }
            | EventKind::ReceptionChanged { .. }
            | EventKind::ServiceDayStarted { .. } => None,
        }
    }

    /// The booking an event is about, if any; every variant named, as in `ticket`.
    pub fn booking(&self) -> Option<&Booking> {
        match self {
            EventKind::BookingMade { booking }
            | EventKind::BookingMoved { booking }
            | EventKind::BookingCancelled { booking }
            | EventKind::BookingCheckedIn { booking }
            | EventKind::BookingMissed { booking } => Some(booking),
            EventKind::TicketIssued { .. }
            | EventKind::TicketCalled { .. }
            | EventKind::TicketStarted { .. }
            | EventKind::TicketFinished { .. }
            | EventKind::TicketNoShow { .. }
            | EventKind::TicketTransferred { .. }
            | EventKind::TicketPostponed { .. }
            | EventKind::TicketReturned { .. }
            | EventKind::TicketCancelled { .. }
            | EventKind::WindowChanged { .. }
            | EventKind::TopicChanged { .. }
            | EventKind::OfficeChanged { .. }
            | EventKind::AlertRaised { .. }
            | EventKind::AlertCleared { .. }
            | EventKind::AlertChanged { .. }
            | EventKind::AdviceChanged { .. }
            | EventKind::VisitRated { .. }
            | EventKind::ReceptionChanged { .. }
            | EventKind::ServiceDayStarted { .. } => None,
        }
    }

    /// The snake_case name used on the wire (serde's `type`) and in the store.
    pub fn name(&self) -> &'static str {
        self.into()
    }
}

impl EventType {
    /// The same name as `EventKind::name` of an event of this type.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// A visitor's rating of a visit (5 = отлично … 1 = очень плохо), with what the visit
/// was: its ticket, topic, window, agent and measured times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitRating {
    pub ticket_id: TicketId,
    pub label: String,
    pub topic_id: TopicId,
    pub window_id: Option<WindowId>,
    pub agent_id: Option<StaffId>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub service_day: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub rating: u8,
    pub wait_ms: i64,
    pub service_ms: i64,
}

/// What the live WebSocket sends: first a snapshot, then events in order; a new snapshot
/// whenever the server cannot guarantee the client saw every event (lag, old `since`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "msg", rename_all = "snake_case")]
pub enum LiveMessage {
    Snapshot {
        snapshot: Box<crate::Snapshot>,
    },
    Event {
        event: Box<Event>,
    },
    /// The topics' load after the forecast was refreshed with no event to carry it
    /// (time passed): it replaces the load of the state at `seq`. Not an event: it is
    /// not stored and has no seq of its own.
    Load {
        office_id: OfficeId,
        seq: u64,
        load: Vec<crate::TopicLoad>,
    },
}
