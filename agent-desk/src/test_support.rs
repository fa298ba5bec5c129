//! Builders for unit tests: an office shaped like the demo one.

use chrono::{DateTime, Duration, Utc};
use talon_protocol::*;

pub fn now() -> DateTime<Utc> {
    "2026-11-20T07:00:00Z".parse().unwrap()
}

fn topic(id: i64, prefix: &str, ru: &str, en: &str, norms: (u32, u32, u32)) -> Topic {
    Topic {
        id: TopicId(id),
        office_id: OfficeId(1),
        prefix: prefix.into(),
        name_ru: ru.into(),
        name_en: en.into(),
        norms: Norms {
            wait: Norm::hard_max(norms.0),
            service: Norm::average(norms.1),
            total: Norm::average(norms.2),
        },
        active: true,
        display_order: id as i32,
        booking: Default::default(),
    }
}

pub fn office_with_topics() -> Snapshot {
    Snapshot {
        office: Office {
            id: OfficeId(1),
            name: "Офис".into(),
            time_zone: chrono_tz::Europe::Moscow.into(),
            schedule: WeekSchedule::default(),
            settings: OfficeSettings::default(),
            region_id: None,
        },
        seq: 1,
        now: now(),
        service_day: now().date_naive(),
        topics: vec![
            topic(1, "П", "Передача показаний", "Meter readings", (15, 20, 35)),
            topic(2, "Д", "Договоры", "Contracts", (10, 15, 30)),
            topic(3, "О", "Оплата и задолженность", "Payments", (15, 15, 30)),
            topic(4, "Ю", "Юридические лица", "Legal entities", (5, 10, 30)),
        ],
        load: vec![],
        windows: vec![],
        tickets: vec![],
        recent_calls: vec![],
        alerts: vec![],
        receptions: Vec::new(),
        advice: Vec::new(),
    }
}

pub fn window(id: i64, topics: &[i64]) -> Window {
    Window {
        id: WindowId(id),
        office_id: OfficeId(1),
        label: id.to_string(),
        topics: topics.iter().map(|t| TopicId(*t)).collect(),
        state: WindowState::Idle,
        agent_id: None,
        agent_name: None,
        current_ticket: None,
        pause: None,
        state_since: now(),
        active: true,
    }
}

/// A ticket waiting for `waited_min` minutes at `now()`.
pub fn ticket(label: &str, topic: i64, waited_min: i64) -> Ticket {
    NewTicket {
        id: TicketId(uuid::Uuid::from_u128(
            label.chars().map(u128::from).fold(7, |a, c| a * 131 + c),
        )),
        office_id: OfficeId(1),
        topic_id: TopicId(topic),
        label: label.into(),
        number: 1,
        service_day: now().date_naive(),
        out_of_turn: false,
        public_code: "X".into(),
        issued_at: now() - Duration::minutes(waited_min),
    }
    .into_ticket()
}
