//! Engine scenario: what one command costs with few and with many people waiting. The
//! office's commands must not slow down as the day's queue grows (target: a command with
//! 5,000 waiting costs at most 1.2× one with 100). Measured on the engine alone, the way
//! the server runs it: a copy of the state, the command decided on it, the copy kept.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;
use talon_protocol::{
    DayHours, Norms, Office, OfficeId, OfficeSettings, Outcome, StaffId, TicketId, Topic, TopicId,
    WeekSchedule, WindowId,
};
use talon_server::engine::{self, Actor, Command, OfficeState, TicketAction, WindowAction};

#[derive(Debug, Serialize)]
pub struct EngineCostResult {
    pub few_waiting: usize,
    pub many_waiting: usize,
    /// Microseconds per command (call, start, finish, issue) with `few_waiting`.
    pub few_us_per_command: f64,
    pub many_us_per_command: f64,
    /// many ÷ few; target ≤ 1.2.
    pub ratio: f64,
}

const TOPICS: i64 = 4;
const WINDOWS: i64 = 10;
const OFFICE: OfficeId = OfficeId(1);

/// Measurements of each size, taken in turn (few, many, few, …) so that a slower spell
/// of the machine touches both alike; the median of each is reported.
const REPEATS: usize = 7;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

pub fn run(rounds: usize) -> EngineCostResult {
    let (few, many) = (100, 5_000);
    let (mut few_runs, mut many_runs) = (Vec::new(), Vec::new());
    for _ in 0..REPEATS {
        few_runs.push(per_command_us(few, rounds));
        many_runs.push(per_command_us(many, rounds));
    }
    let (few_us, many_us) = (median(few_runs), median(many_runs));
    EngineCostResult {
        few_waiting: few,
        many_waiting: many,
        few_us_per_command: few_us,
        many_us_per_command: many_us,
        ratio: many_us / few_us.max(1e-9),
    }
}

/// Average cost of a command in an office with `waiting` people in line, over `rounds`
/// rounds of: a window calls, starts, finishes, and a new visitor takes a ticket (so the
/// line stays as long).
fn per_command_us(waiting: usize, rounds: usize) -> f64 {
    let mut now = start();
    let mut state = office(now);
    let mut serial = 0u128;
    let issue = |state: &mut OfficeState, now: DateTime<Utc>, serial: &mut u128| {
        *serial += 1;
        let topic = TopicId(1 + (*serial as i64 % TOPICS));
        decide(
            state,
            Command::Issue {
                id: TicketId(uuid::Uuid::from_u128(*serial)),
                public_code: format!("c{serial}"),
                topic_id: topic,
                out_of_turn: serial.is_multiple_of(50),
            },
            now,
        )
    };
    for _ in 0..waiting {
        issue(&mut state, now, &mut serial);
    }
    let started = Instant::now();
    let mut commands = 0;
    for round in 0..rounds {
        // Waits stay within the norm: what grows here is the line, not the breaches
        // (each breach is an alert of its own, a cost of another kind).
        now += Duration::milliseconds(100);
        let window = WindowId(1 + (round as i64 % WINDOWS));
        let agent = agent(window);
        let events = decide(
            &mut state,
            Command::Window {
                window_id: window,
                actor: agent.clone(),
                action: WindowAction::CallNext,
            },
            now,
        );
        let called = events
            .iter()
            .find_map(|e| e.kind.ticket().map(|t| t.id))
            .expect("somebody is called");
        for action in [
            TicketAction::Start,
            TicketAction::Finish {
                outcome: Outcome::Resolved,
                topics_count: 1,
                overrun_reason: None,
            },
        ] {
            decide(
                &mut state,
                Command::Ticket {
                    ticket_id: called,
                    actor: agent.clone(),
                    action,
                },
                now,
            );
        }
        issue(&mut state, now, &mut serial);
        commands += 4;
    }
    started.elapsed().as_secs_f64() * 1e6 / f64::from(commands)
}

/// As the server does: decide on a copy, keep the copy.
pub(crate) fn decide(
    state: &mut OfficeState,
    command: Command,
    now: DateTime<Utc>,
) -> Vec<talon_protocol::Event> {
    let mut next = state.clone();
    let events = engine::apply(&mut next, command, now).expect("the command is accepted");
    *state = next;
    events
}

pub(crate) fn start() -> DateTime<Utc> {
    "2026-03-10T07:00:00Z".parse().expect("an instant")
}

pub(crate) fn agent(window: WindowId) -> Actor {
    Actor {
        staff_id: StaffId(window.0),
        name: format!("Агент {}", window.0),
        supervisor: false,
    }
}

pub(crate) fn office(now: DateTime<Utc>) -> OfficeState {
    let office = Office {
        id: OFFICE,
        name: "Нагрузка".into(),
        time_zone: chrono_tz::Europe::Moscow.into(),
        schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
        settings: OfficeSettings {
            issuing_stops_before_close_min: 0,
            // Nobody's long wait raises alerts here: the cost measured is the queue's.
            queue_alert_threshold: u32::MAX,
            ..OfficeSettings::default()
        },
        region_id: None,
    };
    let mut state = OfficeState {
        service_day: engine::hours::service_day(office.time_zone.tz(), now),
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
    };
    let prefixes = ["А", "Б", "В", "Г"];
    for t in 1..=TOPICS {
        let topic = Topic {
            id: TopicId(t),
            office_id: OFFICE,
            prefix: prefixes[(t - 1) as usize].into(),
            name_ru: format!("Тема {t}"),
            name_en: format!("Topic {t}"),
            norms: Norms::default(),
            active: true,
            display_order: t as i32,
            booking: Default::default(),
        };
        decide(&mut state, Command::PutTopic { topic }, now);
    }
    for w in 1..=WINDOWS {
        let window = WindowId(w);
        decide(
            &mut state,
            Command::AddWindow {
                window_id: window,
                label: w.to_string(),
                topics: (1..=TOPICS).map(TopicId).collect(),
            },
            now,
        );
        decide(
            &mut state,
            Command::Window {
                window_id: window,
                actor: agent(window),
                action: WindowAction::Open,
            },
            now,
        );
    }
    state
}
