//! A small office built in memory, for unit tests of the view and of call detection.

use chrono::{DateTime, Utc};
use talon_client::Mirror;
use talon_protocol::*;

pub fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("RFC 3339")
}

/// Friday 2026-11-20, 10:00 in Moscow.
pub fn now() -> DateTime<Utc> {
    at("2026-11-20T07:00:00Z")
}

pub fn mirror() -> Mirror {
    let topic = |id: i64, prefix: &str, ru: &str, en: &str| Topic {
        id: TopicId(id),
        office_id: OfficeId(1),
        prefix: prefix.into(),
        name_ru: ru.into(),
        name_en: en.into(),
        norms: Norms::default(),
        active: true,
        display_order: id as i32,
        booking: Default::default(),
    };
    let window = |id: i64| Window {
        id: WindowId(id),
        office_id: OfficeId(1),
        label: id.to_string(),
        topics: vec![TopicId(1)],
        state: WindowState::Idle,
        agent_id: None,
        agent_name: Some("Ольга".into()),
        current_ticket: None,
        pause: None,
        state_since: now(),
        active: true,
    };
    Mirror::new(Snapshot {
        office: Office {
            id: OfficeId(1),
            name: "Офис".into(),
            time_zone: chrono_tz::Europe::Moscow.into(),
            schedule: WeekSchedule::default(),
            settings: OfficeSettings {
                info_line: "Приём ежедневно".into(),
                ..OfficeSettings::default()
            },
            region_id: None,
        },
        seq: 0,
        now: now(),
        service_day: now().date_naive(),
        topics: vec![
            topic(1, "П", "Передача показаний", "Meter readings"),
            topic(2, "Д", "Договоры", "Contracts"),
        ],
        load: vec![TopicLoad {
            topic_id: TopicId(1),
            waiting: 4,
            estimated_wait_ms: 11 * 60_000,
            wait_range: Some(talon_protocol::forecast::WaitRange {
                median_ms: 11 * 60_000,
                low_ms: 8 * 60_000,
                high_ms: 14 * 60_000,
            }),
            open_windows: 2,
        }],
        windows: vec![window(1), window(2)],
        tickets: vec![],
        recent_calls: vec![],
        alerts: vec![],
        receptions: Vec::new(),
        advice: Vec::new(),
    })
}

pub fn ticket(label: &str, id: u128) -> Ticket {
    let mut ticket = NewTicket {
        id: TicketId(uuid::Uuid::from_u128(id)),
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
    ticket.status = TicketStatus::Called;
    ticket.waiting_since = None;
    ticket
}

/// The event of calling `label` (ticket `id`) to `window` at `when`.
pub fn called(seq: u64, label: &str, id: u128, window: &str, when: &str, recall: bool) -> Event {
    Event {
        office_id: OfficeId(1),
        seq,
        at: at(when),
        kind: EventKind::TicketCalled {
            ticket: ticket(label, id),
            window_id: WindowId(window.parse().unwrap_or(1)),
            window_label: window.into(),
            recall,
        },
        load: None,
    }
}
