//! Folding stored events into an office's state: how a node catches up with what other
//! nodes sharing the database decided. Each event carries the whole object it changed
//! (ticket, window, topic, office, alert), so applying it is a replacement, never a
//! decision: the result equals the state of the node that decided the events.

use super::OfficeState;
use talon_protocol::{Event, EventKind};

/// Applies one event that follows `state.seq`; an event at or before it is ignored (it
/// is already in the state), so catching up twice is harmless.
pub fn absorb(state: &mut OfficeState, event: &Event) {
    if event.seq <= state.seq {
        return;
    }
    state.seq = event.seq;
    talon_protocol::snapshot::note_call(&mut state.recent_calls, event);
    state.flow.note(&event.kind);
    if let Some(ticket) = event.kind.ticket() {
        if matches!(event.kind, EventKind::TicketIssued { .. })
            && ticket.service_day == state.service_day
        {
            let prefix = ticket.label.trim_end_matches(|c: char| c.is_ascii_digit());
            let counter = state.counters.entry(prefix.to_string()).or_insert(0);
            *counter = (*counter).max(ticket.number);
        }
        if matches!(event.kind, EventKind::TicketFinished { .. }) {
            state.learn_service(ticket);
        }
        state.tickets.put(ticket.clone());
        return;
    }
    match &event.kind {
        EventKind::WindowChanged { window } => {
            state.windows.insert(window.id, window.clone());
        }
        EventKind::TopicChanged { topic } => {
            state.topics.insert(topic.id, topic.clone());
        }
        EventKind::OfficeChanged { office } => state.office = office.clone(),
        EventKind::AlertRaised { alert } | EventKind::AlertChanged { alert, .. } => {
            state.alerts.insert(alert.id.clone(), alert.clone());
        }
        EventKind::AlertCleared { alert } => {
            state.alerts.remove(&alert.id);
        }
        EventKind::AdviceChanged { advice } => state.advice = advice.clone(),
        EventKind::ServiceDayStarted { service_day } => {
            state.service_day = *service_day;
            state.counters.clear();
            state.forget_past_bookings();
        }
        EventKind::BookingMade { booking }
        | EventKind::BookingMoved { booking }
        | EventKind::BookingCancelled { booking }
        | EventKind::BookingCheckedIn { booking }
        | EventKind::BookingMissed { booking } => state.bookings.put(booking.clone()),
        EventKind::ReceptionChanged { reception } => {
            state
                .receptions
                .insert(reception.staff_id, reception.clone());
        }
        // A rating changes no live state (its alert comes as an event of its own).
        EventKind::VisitRated { .. } => {}
        // Ticket events were handled above; the match on `ticket()` is exhaustive.
        EventKind::TicketIssued { .. }
        | EventKind::TicketCalled { .. }
        | EventKind::TicketStarted { .. }
        | EventKind::TicketFinished { .. }
        | EventKind::TicketNoShow { .. }
        | EventKind::TicketTransferred { .. }
        | EventKind::TicketPostponed { .. }
        | EventKind::TicketReturned { .. }
        | EventKind::TicketCancelled { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::absorb;
    use crate::engine::{self, Actor, Command, OfficeState, TicketAction, WindowAction, hours};
    use chrono::{DateTime, Duration, Utc};
    use std::collections::{BTreeMap, HashMap};
    use talon_protocol::{
        DayHours, Norms, Office, OfficeId, OfficeSettings, Outcome, StaffId, TicketId, Topic,
        TopicId, WeekSchedule, WindowId,
    };

    const OFFICE: OfficeId = OfficeId(3);

    fn start() -> DateTime<Utc> {
        "2026-03-10T07:00:00Z".parse().unwrap()
    }

    fn empty_office() -> OfficeState {
        let office = Office {
            id: OFFICE,
            name: "ЦОК".into(),
            time_zone: chrono_tz::Europe::Moscow.into(),
            schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
            settings: OfficeSettings {
                issuing_stops_before_close_min: 0,
                ..OfficeSettings::default()
            },
            region_id: None,
        };
        OfficeState {
            service_day: hours::service_day(office.time_zone.tz(), start()),
            office,
            topics: BTreeMap::new(),
            windows: BTreeMap::new(),
            tickets: Default::default(),
            counters: HashMap::new(),
            seq: 0,
            alerts: BTreeMap::new(),
            recent_calls: Vec::new(),
            recent_service_ms: HashMap::new(),
            bookings: Default::default(),
            receptions: Default::default(),
            forecast: None,
            advice: Vec::new(),
            flow: Default::default(),
        }
    }

    fn topic(id: i64, prefix: &str) -> Topic {
        Topic {
            id: TopicId(id),
            office_id: OFFICE,
            prefix: prefix.into(),
            name_ru: format!("Тема {prefix}"),
            name_en: format!("Topic {prefix}"),
            norms: Norms::default(),
            active: true,
            display_order: 0,
            booking: Default::default(),
        }
    }

    fn agent(n: i64) -> Actor {
        Actor {
            staff_id: StaffId(n),
            name: format!("Агент {n}"),
            supervisor: false,
        }
    }

    fn window(n: i64, action: WindowAction) -> Command {
        Command::Window {
            window_id: WindowId(n),
            actor: agent(n),
            action,
        }
    }

    fn ticket(n: u128, window: i64, action: TicketAction) -> Command {
        Command::Ticket {
            ticket_id: TicketId(uuid::Uuid::from_u128(n)),
            actor: agent(window),
            action,
        }
    }

    fn issue(n: u128, topic: i64) -> Command {
        Command::Issue {
            id: TicketId(uuid::Uuid::from_u128(n)),
            public_code: format!("code{n}"),
            topic_id: TopicId(topic),
            out_of_turn: n.is_multiple_of(5),
        }
    }

    /// A day with every kind of event (issues, calls, recalls, service, transfers,
    /// postponements and their return, no-shows, cancellations, alerts, a new topic, a
    /// renamed office) and the next morning's rollover.
    fn day() -> Vec<(i64, Command)> {
        let finish = TicketAction::Finish {
            outcome: Outcome::Resolved,
            topics_count: 1,
            overrun_reason: None,
        };
        let mut office = empty_office().office;
        office.name = "ЦОК Северный".into();
        let mut commands = vec![
            (
                0,
                Command::PutTopic {
                    topic: topic(1, "A"),
                },
            ),
            (
                0,
                Command::PutTopic {
                    topic: topic(2, "B"),
                },
            ),
            (
                0,
                Command::AddWindow {
                    window_id: WindowId(1),
                    label: "1".into(),
                    topics: vec![TopicId(1), TopicId(2)],
                },
            ),
            (
                0,
                Command::AddWindow {
                    window_id: WindowId(2),
                    label: "2".into(),
                    topics: vec![TopicId(1)],
                },
            ),
            (1, window(1, WindowAction::Open)),
            (1, window(2, WindowAction::Open)),
        ];
        for n in 1..=12 {
            commands.push((2, issue(n, if n.is_multiple_of(3) { 2 } else { 1 })));
        }
        commands.extend([
            (3, window(1, WindowAction::CallNext)),
            (4, window(2, WindowAction::CallNext)),
            (5, ticket(5, 1, TicketAction::Recall)),
            (6, ticket(5, 1, TicketAction::Start)),
            (7, ticket(10, 2, TicketAction::NoShow)),
            (8, window(2, WindowAction::CallNext)),
            (9, ticket(1, 2, TicketAction::Postpone { minutes: 5 })),
            (
                10,
                window(
                    2,
                    WindowAction::Pause {
                        reason: "обед".into(),
                        until: None,
                    },
                ),
            ),
            (
                11,
                Command::Ticket {
                    ticket_id: TicketId(uuid::Uuid::from_u128(12)),
                    actor: Actor {
                        staff_id: StaffId(100),
                        name: "Начальник".into(),
                        supervisor: true,
                    },
                    action: TicketAction::Transfer {
                        target: engine::TransferTarget::Topic(TopicId(1)),
                        place: talon_protocol::api::QueuePlace::Front,
                    },
                },
            ),
            (30, ticket(5, 1, finish.clone())),
            (31, Command::Tick),
            (32, window(1, WindowAction::CallNext)),
            (
                40,
                Command::PutOffice {
                    office: Box::new(office),
                },
            ),
            (
                41,
                Command::PutTopic {
                    topic: topic(3, "C"),
                },
            ),
            (60, Command::Tick),
            (24 * 60, Command::Tick),
            (24 * 60 + 1, issue(40, 1)),
        ]);
        commands
    }

    #[test]
    fn a_node_that_absorbs_the_events_has_the_state_of_the_node_that_decided_them() {
        let mut decided = empty_office();
        let mut follower = empty_office();
        let mut kinds = std::collections::BTreeSet::new();
        for (minute, command) in day() {
            let now = start() + Duration::minutes(minute);
            let mut next = decided.clone();
            let events = match engine::apply(&mut next, command.clone(), now) {
                Ok(events) => events,
                // Refusals are part of a real day; they change nothing to follow.
                Err(_) => continue,
            };
            decided = next;
            for event in &events {
                kinds.insert(event.kind.name());
                absorb(&mut follower, event);
            }
            assert_eq!(follower, decided, "after {command:?}");
        }
        // The day really produced the kinds of events the follower has to fold.
        for kind in [
            "ticket_issued",
            "ticket_called",
            "ticket_started",
            "ticket_finished",
            "ticket_no_show",
            "ticket_transferred",
            "ticket_postponed",
            "ticket_returned",
            "ticket_cancelled",
            "window_changed",
            "topic_changed",
            "office_changed",
            "alert_raised",
            "service_day_started",
        ] {
            assert!(kinds.contains(kind), "the day has no {kind}: {kinds:?}");
        }
    }

    #[test]
    fn an_event_already_absorbed_changes_nothing() {
        let mut state = empty_office();
        let events = engine::apply(
            &mut state,
            Command::PutTopic {
                topic: topic(1, "A"),
            },
            start(),
        )
        .unwrap();
        let before = state.clone();
        for event in &events {
            absorb(&mut state, event);
        }
        assert_eq!(state, before);
    }
}
