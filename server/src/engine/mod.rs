//! The queue engine: pure rules of an office's queue.
//!
//! `apply` takes the office's state, a command and the current time, changes the state
//! and returns the events that describe the change, numbered with the office's next
//! sequence numbers. No IO and no clock reads: the caller passes `now`, persists the
//! events together with the state they describe, and only then keeps the new state.

mod absorb;
pub mod alerts;
pub mod booking_set;
pub mod bookings;
mod devices;
pub mod dispatch;
mod error;
mod escalation;
pub mod estimate;
pub mod flow;
pub mod hours;
mod ratings;
pub mod slots;
mod state;
pub mod ticket_set;
mod tickets;
mod windows;

#[cfg(test)]
mod tests;

pub use absorb::absorb;
pub use error::EngineError;
pub use state::{OfficeState, RECENT_CALLS, RECENT_SERVICES, teaches_service};

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use talon_protocol::api::QueuePlace;
use talon_protocol::booking::{BookingId, BookingTarget, Reception};
use talon_protocol::{
    Alert, Event, EventKind, Office, Outcome, OverrunReason, StaffId, TicketId, Topic, TopicId,
    WindowId,
};

/// Who asks. Agents act on their own window; supervisors (heads, admins) on any window of
/// the office and on tickets in the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub staff_id: StaffId,
    pub name: String,
    pub supervisor: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Issue {
        id: TicketId,
        public_code: String,
        topic_id: TopicId,
        out_of_turn: bool,
    },
    Window {
        window_id: WindowId,
        actor: Actor,
        action: WindowAction,
    },
    Ticket {
        ticket_id: TicketId,
        actor: Actor,
        action: TicketAction,
    },
    /// Replace a topic's settings (name, prefix, norms, order, active).
    PutTopic {
        topic: Topic,
    },
    /// A new window (closed until an agent opens it), with the id the store gave it.
    AddWindow {
        window_id: WindowId,
        label: String,
        topics: Vec<TopicId>,
    },
    /// Change a window's label, the topics it serves, and whether it is active.
    ConfigureWindow {
        window_id: WindowId,
        label: Option<String>,
        topics: Vec<TopicId>,
        active: Option<bool>,
    },
    PutOffice {
        office: Box<Office>,
    },
    /// The visitor leaves the queue from their phone: a waiting or postponed ticket is
    /// cancelled ("left by the visitor").
    Leave {
        ticket_id: TicketId,
    },
    /// A visitor books a slot.
    Book {
        id: BookingId,
        target: BookingTarget,
        start: DateTime<Utc>,
    },
    /// A booking moves to another slot of the same topic or person.
    MoveBooking {
        id: BookingId,
        start: DateTime<Utc>,
    },
    CancelBooking {
        id: BookingId,
    },
    /// The booked visitor checks in: a ticket is issued.
    CheckIn {
        id: BookingId,
        ticket_id: TicketId,
        public_code: String,
    },
    /// Set a person's reception hours.
    PutReception {
        reception: Box<Reception>,
    },
    /// The visitor rated a served visit on their phone.
    Rate {
        rating: talon_protocol::VisitRating,
    },
    /// A kiosk or display went out of contact or reported a fault (`holds`), or is
    /// back or reported the fault over.
    DeviceAlert {
        kind: talon_protocol::AlertKind,
        holds: bool,
    },
    /// A head (of the office, its region or the head office) takes an alert on.
    AcknowledgeAlert {
        alert_id: String,
        actor: Actor,
        comment: String,
    },
    /// The staffing advisor looks at the office with the arrivals expected over the
    /// next hour; new advice (or advice no longer standing) is an event.
    Advise {
        demand: crate::forecast::advisor::Demand,
    },
    /// Time passed: roll the service day, return postponed tickets, refresh alerts.
    Tick,
}

#[derive(Debug, Clone, PartialEq)]
pub enum WindowAction {
    Open,
    Close,
    Pause {
        reason: String,
        until: Option<DateTime<Utc>>,
    },
    Resume,
    CallNext,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TicketAction {
    Recall,
    Start,
    Finish {
        outcome: Outcome,
        topics_count: u8,
        overrun_reason: Option<OverrunReason>,
    },
    NoShow,
    Transfer {
        target: TransferTarget,
        place: QueuePlace,
    },
    Postpone {
        minutes: u32,
    },
    Cancel {
        reason: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TransferTarget {
    Topic(TopicId),
    Window(WindowId),
}

/// Applies `command` at `now`. On success `state` is the new state and the events are
/// numbered `state.seq - n + 1 ..= state.seq`. On error the caller must discard `state`
/// (it works on a copy), so a refused command changes nothing. What an error leaves in
/// `state` is only what time did before the command ran (the service-day roll, postponed
/// tickets returned; no event numbered): every command checks before it changes
/// anything, which the engine tests assert for each refusal.
pub fn apply(
    state: &mut OfficeState,
    command: Command,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, EngineError> {
    let mut out = Vec::new();
    bookings::mark_missed(state, now, &mut out);
    tickets::roll_service_day(state, now, &mut out);
    tickets::return_postponed(state, now, &mut out);
    match command {
        Command::Issue {
            id,
            public_code,
            topic_id,
            out_of_turn,
        } => tickets::issue(state, now, id, public_code, topic_id, out_of_turn, &mut out)?,
        Command::Window {
            window_id,
            actor,
            action,
        } => windows::act(state, now, window_id, &actor, action, &mut out)?,
        Command::Ticket {
            ticket_id,
            actor,
            action,
        } => tickets::act(state, now, ticket_id, &actor, action, &mut out)?,
        Command::PutTopic { topic } => windows::put_topic(state, topic, &mut out)?,
        Command::ConfigureWindow {
            window_id,
            label,
            topics,
            active,
        } => windows::configure(state, window_id, label, topics, active, &mut out)?,
        Command::AddWindow {
            window_id,
            label,
            topics,
        } => windows::add(state, now, window_id, label, topics, &mut out)?,
        Command::PutOffice { office } => {
            state.office = (*office).clone();
            out.push(EventKind::OfficeChanged { office: *office });
        }
        Command::Leave { ticket_id } => tickets::leave(state, now, ticket_id, &mut out)?,
        Command::Rate { rating } => ratings::rate(state, now, rating, &mut out)?,
        Command::Book { id, target, start } => {
            bookings::book(state, now, id, target, start, &mut out)?
        }
        Command::MoveBooking { id, start } => bookings::move_to(state, now, id, start, &mut out)?,
        Command::CancelBooking { id } => bookings::cancel(state, id, &mut out)?,
        Command::CheckIn {
            id,
            ticket_id,
            public_code,
        } => bookings::check_in(state, now, id, ticket_id, public_code, &mut out)?,
        Command::PutReception { reception } => {
            bookings::put_reception(state, *reception, &mut out)?
        }
        Command::DeviceAlert { kind, holds } => {
            devices::set_alert(state, now, kind, holds, &mut out)?
        }
        Command::AcknowledgeAlert {
            alert_id,
            actor,
            comment,
        } => escalation::acknowledge(state, now, &alert_id, &actor, &comment, &mut out)?,
        Command::Advise { demand } => {
            let advice = crate::forecast::advisor::advise(state, &demand, now);
            let keys = |a: &[talon_protocol::advice::Advice]| {
                a.iter().map(|a| a.key()).collect::<Vec<_>>()
            };
            if keys(&advice) != keys(&state.advice) {
                state.advice = advice.clone();
                out.push(EventKind::AdviceChanged { advice });
            }
        }
        Command::Tick => {}
    }
    refresh_alerts(state, now, &mut out);
    let events = number(state, now, out);
    for event in &events {
        talon_protocol::snapshot::note_call(&mut state.recent_calls, event);
        state.flow.note(&event.kind);
    }
    Ok(events)
}

/// Raises alerts whose condition now holds and clears those whose condition ended.
fn refresh_alerts(state: &mut OfficeState, now: DateTime<Utc>, out: &mut Vec<EventKind>) {
    let wanted: BTreeMap<String, talon_protocol::AlertKind> = alerts::current(state, now)
        .into_iter()
        .map(|kind| (kind.key(), kind))
        .collect();
    let ended: Vec<String> = state
        .alerts
        .keys()
        .filter(|id| !wanted.contains_key(*id))
        .cloned()
        .collect();
    for id in ended {
        if let Some(alert) = state.alerts.remove(&id) {
            out.push(EventKind::AlertCleared { alert });
        }
    }
    for (id, kind) in wanted {
        if let std::collections::btree_map::Entry::Vacant(slot) = state.alerts.entry(id.clone()) {
            let alert = Alert::new(id, kind, now);
            slot.insert(alert.clone());
            out.push(EventKind::AlertRaised { alert });
        }
    }
    escalation::escalate(state, now, out);
}

/// Gives the events the office's next sequence numbers, and attaches the topics' load to
/// the last event that changed it.
fn number(state: &mut OfficeState, now: DateTime<Utc>, kinds: Vec<EventKind>) -> Vec<Event> {
    let last_load_change = kinds.iter().rposition(changes_load);
    let load = last_load_change.map(|_| estimate::load(state, now));
    let office_id = state.office.id;
    kinds
        .into_iter()
        .enumerate()
        .map(|(index, kind)| {
            state.seq += 1;
            Event {
                office_id,
                seq: state.seq,
                at: now,
                kind,
                load: if Some(index) == last_load_change {
                    load.clone()
                } else {
                    None
                },
            }
        })
        .collect()
}

fn changes_load(kind: &EventKind) -> bool {
    kind.ticket().is_some()
        || matches!(
            kind,
            EventKind::WindowChanged { .. } | EventKind::TopicChanged { .. }
        )
}

/// Milliseconds between two instants, never negative (a clock that steps back must not
/// produce negative waits).
pub(crate) fn elapsed_ms(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_milliseconds().max(0)
}
