//! The office as an app sees it: a snapshot, then events applied in sequence order.
//! Pure: the live link feeds it, tests drive it directly.

pub use talon_protocol::snapshot::RECENT_CALLS;
use talon_protocol::{
    Event, EventKind, Snapshot, Ticket, Topic, TopicId, TopicLoad, Window, WindowId,
};

#[derive(Debug, Clone, PartialEq)]
pub struct Mirror {
    pub office: Snapshot,
}

/// What applying an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The event was the next one and is now part of the mirror.
    Applied,
    /// Already seen (a duplicate after a reconnect): ignored.
    Stale,
    /// Events are missing before this one: the mirror needs a new snapshot.
    Gap,
}

impl Mirror {
    pub fn new(snapshot: Snapshot) -> Mirror {
        Mirror { office: snapshot }
    }

    pub fn seq(&self) -> u64 {
        self.office.seq
    }

    pub fn apply(&mut self, event: &Event) -> Applied {
        if event.seq <= self.office.seq {
            return Applied::Stale;
        }
        if event.seq != self.office.seq + 1 {
            return Applied::Gap;
        }
        let office = &mut self.office;
        if let Some(ticket) = event.kind.ticket() {
            upsert_ticket(&mut office.tickets, ticket);
        }
        match &event.kind {
            EventKind::WindowChanged { window } => upsert_window(&mut office.windows, window),
            EventKind::TopicChanged { topic } => upsert_topic(&mut office.topics, topic),
            EventKind::OfficeChanged { office: changed } => office.office = changed.clone(),
            EventKind::AlertRaised { alert } => {
                office.alerts.retain(|a| a.id != alert.id);
                office.alerts.push(alert.clone());
            }
            // In its place: the board keeps the order alerts were raised in.
            EventKind::AlertChanged { alert, .. } => {
                if let Some(standing) = office.alerts.iter_mut().find(|a| a.id == alert.id) {
                    *standing = alert.clone();
                }
            }
            EventKind::AlertCleared { alert } => office.alerts.retain(|a| a.id != alert.id),
            EventKind::AdviceChanged { advice } => office.advice = advice.clone(),
            EventKind::ReceptionChanged { reception } => {
                office
                    .receptions
                    .retain(|r| r.staff_id != reception.staff_id);
                office.receptions.push(reception.clone());
            }
            EventKind::ServiceDayStarted { service_day } => office.service_day = *service_day,
            _ => {}
        }
        talon_protocol::snapshot::note_call(&mut office.recent_calls, event);
        if let Some(load) = &event.load {
            office.load = load.clone();
        }
        office.seq = event.seq;
        office.now = event.at;
        Applied::Applied
    }

    /// A new load of the state at `seq` (the server's forecast refreshed): taken when
    /// the mirror is at that state, else dropped (a later event brings a fresher one).
    pub fn apply_load(&mut self, seq: u64, load: &[TopicLoad]) -> bool {
        if seq != self.office.seq {
            return false;
        }
        self.office.load = load.to_vec();
        true
    }

    pub fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.office.topics.iter().find(|t| t.id == id)
    }

    pub fn window(&self, id: WindowId) -> Option<&Window> {
        self.office.windows.iter().find(|w| w.id == id)
    }

    pub fn load(&self, topic: TopicId) -> Option<&TopicLoad> {
        self.office.load.iter().find(|l| l.topic_id == topic)
    }

    /// Active topics in display order.
    pub fn active_topics(&self) -> impl Iterator<Item = &Topic> {
        self.office.topics.iter().filter(|t| t.active)
    }

    pub fn ticket(&self, id: talon_protocol::TicketId) -> Option<&Ticket> {
        self.office.tickets.iter().find(|t| t.id == id)
    }
}

fn upsert_ticket(tickets: &mut Vec<Ticket>, ticket: &Ticket) {
    tickets.retain(|t| t.id != ticket.id);
    if ticket.is_active() {
        tickets.push(ticket.clone());
    }
}

fn upsert_window(windows: &mut Vec<Window>, window: &Window) {
    match windows.iter_mut().find(|w| w.id == window.id) {
        Some(existing) => *existing = window.clone(),
        None => {
            windows.push(window.clone());
            windows.sort_by_key(|w| w.id);
        }
    }
}

fn upsert_topic(topics: &mut Vec<Topic>, topic: &Topic) {
    topics.retain(|t| t.id != topic.id);
    topics.push(topic.clone());
    topics.sort_by_key(|t| (!t.active, t.display_order, t.id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use talon_protocol::*;

    fn now() -> DateTime<Utc> {
        "2026-11-20T07:00:00Z".parse().unwrap()
    }

    fn snapshot(seq: u64) -> Snapshot {
        Snapshot {
            office: Office {
                id: OfficeId(1),
                name: "Офис".into(),
                time_zone: chrono_tz::Europe::Moscow.into(),
                schedule: WeekSchedule::default(),
                settings: OfficeSettings::default(),
                region_id: None,
            },
            seq,
            now: now(),
            service_day: now().date_naive(),
            topics: vec![],
            load: vec![],
            windows: vec![],
            tickets: vec![],
            recent_calls: vec![],
            alerts: vec![],
            receptions: Vec::new(),
            advice: Vec::new(),
        }
    }

    fn ticket(label: &str, status: TicketStatus) -> Ticket {
        let mut ticket = NewTicket {
            id: TicketId(uuid::Uuid::from_u128(label.bytes().map(u128::from).sum())),
            office_id: OfficeId(1),
            topic_id: TopicId(1),
            label: label.into(),
            number: 1,
            service_day: now().date_naive(),
            out_of_turn: false,
            public_code: "X".into(),
            issued_at: now(),
        }
        .into_ticket();
        ticket.status = status;
        ticket
    }

    fn event(seq: u64, kind: EventKind) -> Event {
        Event {
            office_id: OfficeId(1),
            seq,
            at: now(),
            kind,
            load: None,
        }
    }

    #[test]
    fn applies_events_in_order_and_detects_gaps_and_duplicates() {
        let mut mirror = Mirror::new(snapshot(10));
        let issued = event(
            11,
            EventKind::TicketIssued {
                ticket: ticket("A001", TicketStatus::Waiting),
            },
        );
        assert_eq!(mirror.apply(&issued), Applied::Applied);
        assert_eq!(mirror.office.tickets.len(), 1);
        assert_eq!(mirror.apply(&issued), Applied::Stale);
        let later = event(
            13,
            EventKind::TicketIssued {
                ticket: ticket("A002", TicketStatus::Waiting),
            },
        );
        assert_eq!(mirror.apply(&later), Applied::Gap);
        assert_eq!(mirror.seq(), 11);
        assert_eq!(mirror.office.tickets.len(), 1);
    }

    #[test]
    fn calls_are_recorded_and_finished_tickets_leave() {
        let mut mirror = Mirror::new(snapshot(0));
        let mut called = ticket("A001", TicketStatus::Called);
        called.window_id = Some(WindowId(3));
        let call = EventKind::TicketCalled {
            ticket: called.clone(),
            window_id: WindowId(3),
            window_label: "3".into(),
            recall: false,
        };
        mirror.apply(&event(1, call));
        assert_eq!(mirror.office.recent_calls[0].label, "A001");
        assert_eq!(mirror.office.recent_calls[0].window_label, "3");
        let mut done = called;
        done.status = TicketStatus::Done;
        let mut finished = event(2, EventKind::TicketFinished { ticket: done });
        finished.load = Some(vec![TopicLoad {
            topic_id: TopicId(1),
            waiting: 0,
            estimated_wait_ms: 0,
            wait_range: None,
            open_windows: 1,
        }]);
        mirror.apply(&finished);
        assert!(mirror.office.tickets.is_empty());
        assert_eq!(mirror.load(TopicId(1)).unwrap().open_windows, 1);
        mirror.apply(&event(
            3,
            EventKind::ServiceDayStarted {
                service_day: now().date_naive().succ_opt().unwrap(),
            },
        ));
        assert!(mirror.office.recent_calls.is_empty());
    }
}
