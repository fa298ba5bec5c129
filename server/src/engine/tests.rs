//! Unit tests of the queue engine: numbering, dispatch order, every transition and
//! refusal, norm measurement, alerts, event numbering and load, estimates, topic checks.
//!
//! Time is always passed explicitly. The office is in Moscow (UTC+3), open every day
//! 00:00–23:59 and issuing until closing, so the tests can issue at any hour.

use super::*;
use chrono::{Duration, NaiveDate};
use std::collections::{HashMap, VecDeque};
use talon_protocol::api::QueuePlace;
use talon_protocol::{
    AlertKind, DayHours, Norm, Norms, OfficeId, OfficeSettings, Ticket, TicketStatus, TopicLoad,
    WeekSchedule, Window, WindowState,
};

mod admin;
mod advisor;
mod booking;
mod escalation;
mod forecast;
mod plan;

// ---------------------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------------------

const OFFICE: OfficeId = OfficeId(7);

/// Topic A: wait 15 / service 20 min (the LNA-0009-4 defaults).
const A: TopicId = TopicId(1);
/// Topic B: wait 5 / service 10 min (heads, legal entities).
const B: TopicId = TopicId(2);
/// Topic C: wait 10 / service 15 min (contracts).
const C: TopicId = TopicId(3);

/// Window 1 serves A and B.
const W1: WindowId = WindowId(1);
/// Window 2 serves A only.
const W2: WindowId = WindowId(2);
/// Window 3 serves B and C.
const W3: WindowId = WindowId(3);

/// Tuesday 2026-03-10, 10:00 in Moscow.
fn t0() -> DateTime<Utc> {
    at("2026-03-10T07:00:00Z")
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("an RFC 3339 instant")
}

/// `t0` plus whole minutes.
fn m(minutes: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes)
}

/// `t0` plus minutes and seconds.
fn ms(minutes: i64, seconds: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes) + Duration::seconds(seconds)
}

const MIN: i64 = 60_000;

fn day(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).expect("a valid date")
}

fn tid(n: u128) -> TicketId {
    TicketId(uuid::Uuid::from_u128(n))
}

fn topic(id: TopicId, prefix: &str, wait: u32, service: u32) -> Topic {
    Topic {
        id,
        office_id: OFFICE,
        prefix: prefix.into(),
        name_ru: format!("Тема {prefix}"),
        name_en: format!("Topic {prefix}"),
        norms: Norms {
            wait: Norm::hard_max(wait),
            service: Norm::average(service),
            total: Norm::average(wait + service),
        },
        active: true,
        display_order: i32::try_from(id.0).expect("small id"),
        booking: Default::default(),
    }
}

fn window(id: WindowId, topics: Vec<TopicId>) -> Window {
    Window {
        id,
        office_id: OFFICE,
        label: id.0.to_string(),
        topics,
        state: WindowState::Closed,
        agent_id: None,
        agent_name: None,
        current_ticket: None,
        pause: None,
        state_since: t0() - Duration::hours(3),
        active: true,
    }
}

fn office() -> Office {
    Office {
        id: OFFICE,
        name: "ЦОК Центральный".into(),
        time_zone: chrono_tz::Europe::Moscow.into(),
        schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
        settings: OfficeSettings {
            issuing_stops_before_close_min: 0,
            ..OfficeSettings::default()
        },
        region_id: None,
    }
}

fn office_state() -> OfficeState {
    let office = office();
    let tz = office.time_zone.tz();
    OfficeState {
        office,
        topics: [
            topic(A, "A", 15, 20),
            topic(B, "B", 5, 10),
            topic(C, "C", 10, 15),
        ]
        .into_iter()
        .map(|t| (t.id, t))
        .collect(),
        windows: [
            window(W1, vec![A, B]),
            window(W2, vec![A]),
            window(W3, vec![B, C]),
        ]
        .into_iter()
        .map(|w| (w.id, w))
        .collect(),
        tickets: Default::default(),
        service_day: hours::service_day(tz, t0()),
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

/// Agent `n` (by convention agent n works at window n).
fn agent(n: i64) -> Actor {
    Actor {
        staff_id: StaffId(n),
        name: format!("Агент {n}"),
        supervisor: false,
    }
}

/// The office head.
fn head() -> Actor {
    Actor {
        staff_id: StaffId(100),
        name: "Начальник ЦОК".into(),
        supervisor: true,
    }
}

fn resolved() -> TicketAction {
    TicketAction::Finish {
        outcome: Outcome::Resolved,
        topics_count: 1,
        overrun_reason: None,
    }
}

fn to_topic(topic: TopicId, place: QueuePlace) -> TicketAction {
    TicketAction::Transfer {
        target: TransferTarget::Topic(topic),
        place,
    }
}

fn to_window(window: WindowId, place: QueuePlace) -> TicketAction {
    TicketAction::Transfer {
        target: TransferTarget::Window(window),
        place,
    }
}

/// An office under test. `apply` works on a clone and keeps it only when the engine
/// accepts the command, exactly as the server must.
struct Hall {
    st: OfficeState,
}

impl Hall {
    fn new() -> Self {
        Hall { st: office_state() }
    }

    fn apply(&mut self, command: Command, now: DateTime<Utc>) -> Result<Vec<Event>, EngineError> {
        let mut next = self.st.clone();
        let events = super::apply(&mut next, command, now)?;
        self.st = next;
        Ok(events)
    }

    fn ok(&mut self, command: Command, now: DateTime<Utc>) -> Vec<Event> {
        let what = format!("{command:?}");
        self.apply(command, now)
            .unwrap_or_else(|e| panic!("{what} refused: {e:?}"))
    }

    /// Applies a command that must be refused, and checks what the engine itself left:
    /// `apply` may already have let time act (the service-day roll and the return of
    /// postponed tickets run before any command) but nothing of the refused command, so
    /// the state it leaves equals the state moved by time alone. The caller discards that
    /// state anyway (`apply`'s contract); this checks that every refusal comes before the
    /// command changes anything. The harness keeps its own state, as the caller does.
    fn refused(&mut self, command: Command, now: DateTime<Utc>) -> EngineError {
        let what = format!("{command:?}");
        let mut left = self.st.clone();
        let err = match super::apply(&mut left, command, now) {
            Ok(events) => panic!("{what} accepted: {events:?}"),
            Err(e) => e,
        };
        let mut timed = self.st.clone();
        let mut time_events = Vec::new();
        bookings::mark_missed(&mut timed, now, &mut time_events);
        tickets::roll_service_day(&mut timed, now, &mut time_events);
        tickets::return_postponed(&mut timed, now, &mut time_events);
        assert!(
            left == timed,
            "{what} was refused ({err:?}) after changing the state:\n{:#?}\ninstead of\n{:#?}",
            left,
            timed
        );
        assert_eq!(left.seq, self.st.seq, "{what}: a refusal numbers no event");
        err
    }

    fn issue_cmd(n: u128, topic_id: TopicId, out_of_turn: bool) -> Command {
        Command::Issue {
            id: tid(n),
            public_code: format!("code-{n}"),
            topic_id,
            out_of_turn,
        }
    }

    fn issue(&mut self, n: u128, topic_id: TopicId, now: DateTime<Utc>) -> TicketId {
        self.ok(Self::issue_cmd(n, topic_id, false), now);
        tid(n)
    }

    fn issue_out_of_turn(&mut self, n: u128, topic_id: TopicId, now: DateTime<Utc>) -> TicketId {
        self.ok(Self::issue_cmd(n, topic_id, true), now);
        tid(n)
    }

    fn window_cmd(window_id: WindowId, actor: Actor, action: WindowAction) -> Command {
        Command::Window {
            window_id,
            actor,
            action,
        }
    }

    fn ticket_cmd(ticket_id: TicketId, actor: Actor, action: TicketAction) -> Command {
        Command::Ticket {
            ticket_id,
            actor,
            action,
        }
    }

    /// Agent n opens window n.
    fn open(&mut self, window_id: WindowId, now: DateTime<Utc>) -> Vec<Event> {
        self.ok(
            Self::window_cmd(window_id, agent(window_id.0), WindowAction::Open),
            now,
        )
    }

    /// Agent n calls the next ticket at window n.
    fn call(&mut self, window_id: WindowId, now: DateTime<Utc>) -> Result<Vec<Event>, EngineError> {
        self.apply(
            Self::window_cmd(window_id, agent(window_id.0), WindowAction::CallNext),
            now,
        )
    }

    /// Agent n calls the next ticket at window n; returns the ticket called.
    fn call_ok(&mut self, window_id: WindowId, now: DateTime<Utc>) -> Ticket {
        let events = self
            .call(window_id, now)
            .unwrap_or_else(|e| panic!("call at window {window_id} refused: {e:?}"));
        called(&events).clone()
    }

    /// The agent of the ticket's window acts on it.
    fn act(&mut self, ticket_id: TicketId, action: TicketAction, now: DateTime<Utc>) -> Vec<Event> {
        let window = self
            .ticket(ticket_id)
            .window_id
            .expect("ticket at a window");
        self.ok(Self::ticket_cmd(ticket_id, agent(window.0), action), now)
    }

    /// The office head acts on a ticket.
    fn head_act(
        &mut self,
        ticket_id: TicketId,
        action: TicketAction,
        now: DateTime<Utc>,
    ) -> Vec<Event> {
        self.ok(Self::ticket_cmd(ticket_id, head(), action), now)
    }

    fn tick(&mut self, now: DateTime<Utc>) -> Vec<Event> {
        self.ok(Command::Tick, now)
    }

    fn ticket(&self, id: TicketId) -> &Ticket {
        self.st
            .tickets
            .get(&id)
            .unwrap_or_else(|| panic!("ticket {id} is not active"))
    }

    fn win(&self, id: WindowId) -> &Window {
        &self.st.windows[&id]
    }

    /// Labels of a window's queue in dispatch order.
    fn queue(&self, window_id: WindowId, now: DateTime<Utc>) -> Vec<String> {
        dispatch::queue_for(&self.st, self.win(window_id), now)
            .into_iter()
            .map(|t| t.label.clone())
            .collect()
    }
}

fn names(events: &[Event]) -> Vec<&'static str> {
    events.iter().map(|e| e.kind.name()).collect()
}

fn called(events: &[Event]) -> &Ticket {
    events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::TicketCalled { ticket, .. } => Some(ticket),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no call among {:?}", names(events)))
}

/// The ticket carried by the only event of kind `name`.
fn ticket_in<'a>(events: &'a [Event], name: &str) -> &'a Ticket {
    let found: Vec<&Ticket> = events
        .iter()
        .filter(|e| e.kind.name() == name)
        .filter_map(|e| e.kind.ticket())
        .collect();
    assert_eq!(found.len(), 1, "one {name} among {:?}", names(events));
    found[0]
}

fn raised(events: &[Event]) -> Vec<AlertKind> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::AlertRaised { alert } => Some(alert.kind.clone()),
            _ => None,
        })
        .collect()
}

fn cleared(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::AlertCleared { alert } => Some(alert.id.clone()),
            _ => None,
        })
        .collect()
}

fn conflict_code(err: EngineError) -> &'static str {
    match err {
        EngineError::Conflict { code, .. } => code,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

fn load_of(load: &[TopicLoad], topic: TopicId) -> &TopicLoad {
    load.iter()
        .find(|l| l.topic_id == topic)
        .expect("every topic has a load")
}

// ---------------------------------------------------------------------------------------
// 1. Numbering and the service day
// ---------------------------------------------------------------------------------------

#[test]
fn labels_count_up_per_prefix() {
    let mut h = Hall::new();
    let events = h.ok(Hall::issue_cmd(1, A, false), t0());
    assert_eq!(names(&events), ["ticket_issued"]);
    let first = ticket_in(&events, "ticket_issued");
    assert_eq!(first.label, "A001");
    assert_eq!(first.number, 1);
    assert_eq!(first.status, TicketStatus::Waiting);
    assert_eq!(first.service_day, day(2026, 3, 10));
    assert_eq!(first.public_code, "code-1");
    assert_eq!(first.issued_at, t0());
    assert_eq!(first.queue_since, t0());
    assert_eq!(first.waiting_since, Some(t0()));
    assert_eq!(first.office_id, OFFICE);

    h.issue(2, A, m(1));
    h.issue(3, B, m(2));
    h.issue(4, A, m(3));
    h.issue(5, C, m(4));
    h.issue(6, B, m(5));
    let labels: Vec<&str> = (1..=6).map(|n| h.ticket(tid(n)).label.as_str()).collect();
    assert_eq!(labels, ["A001", "A002", "B001", "A003", "C001", "B002"]);
    assert_eq!(h.st.counters["A"], 3);
    assert_eq!(h.st.counters["B"], 2);
    assert_eq!(h.st.counters["C"], 1);
}

#[test]
fn numbering_restarts_at_the_office_local_midnight() {
    let mut h = Hall::new();
    // 23:58 in Moscow.
    let late = at("2026-03-10T20:58:00Z");
    let old_a1 = h.issue(1, A, late);
    let old_a2 = h.issue(2, A, late);
    let old_b1 = h.issue(3, B, late);
    assert_eq!(h.ticket(old_a2).label, "A002");

    // 20:59 UTC is 23:59 in Moscow: the same service day, nothing happens.
    let events = h.tick(at("2026-03-10T20:59:00Z"));
    assert!(events.is_empty(), "{:?}", names(&events));
    assert_eq!(h.st.service_day, day(2026, 3, 10));
    assert_eq!(h.st.tickets.len(), 3);
    // The office closes at 23:59, so the kiosk refuses and names the next opening,
    // local midnight = 21:00 UTC.
    let err = h.refused(Hall::issue_cmd(9, A, false), at("2026-03-10T20:59:00Z"));
    assert_eq!(
        err,
        EngineError::OutsideHours {
            next_opening: Some(at("2026-03-10T21:00:00Z"))
        }
    );

    // 21:00 UTC is midnight in Moscow: a new service day.
    let midnight = at("2026-03-10T21:00:00Z");
    let events = h.ok(Hall::issue_cmd(10, A, false), midnight);
    assert_eq!(
        names(&events),
        [
            "service_day_started",
            "ticket_cancelled",
            "ticket_cancelled",
            "ticket_cancelled",
            "ticket_issued"
        ]
    );
    assert!(matches!(
        events[0].kind,
        EventKind::ServiceDayStarted { service_day } if service_day == day(2026, 3, 11)
    ));
    for event in &events[1..4] {
        let ticket = event.kind.ticket().expect("a ticket event");
        assert!([old_a1, old_a2, old_b1].contains(&ticket.id));
        assert_eq!(ticket.status, TicketStatus::Cancelled);
        assert_eq!(ticket.cancel_reason.as_deref(), Some("service day ended"));
        assert_eq!(ticket.finished_at, Some(midnight));
        assert_eq!(ticket.waiting_since, None);
        assert_eq!(ticket.wait_ms, 2 * MIN);
    }
    let new = ticket_in(&events, "ticket_issued");
    assert_eq!(new.label, "A001");
    assert_eq!(new.number, 1);
    assert_ne!(new.id, old_a1);
    assert_eq!(new.service_day, day(2026, 3, 11));
    assert_eq!(h.st.service_day, day(2026, 3, 11));
    // Only the new ticket is left; every prefix restarts.
    assert_eq!(h.st.tickets.len(), 1);
    h.issue(11, B, midnight + Duration::minutes(1));
    assert_eq!(h.ticket(tid(11)).label, "B001");
    h.issue(12, A, midnight + Duration::minutes(2));
    assert_eq!(h.ticket(tid(12)).label, "A002");
    // Only one roll per day.
    let events = h.tick(midnight + Duration::minutes(3));
    assert!(!names(&events).contains(&"service_day_started"));
}

#[test]
fn a_tick_alone_rolls_the_day() {
    let mut h = Hall::new();
    h.issue(1, A, at("2026-03-10T20:00:00Z"));
    let events = h.tick(at("2026-03-10T21:00:01Z"));
    assert_eq!(names(&events), ["service_day_started", "ticket_cancelled"]);
    assert!(h.st.tickets.is_empty());
    assert!(h.st.counters.is_empty());
    assert_eq!(h.st.service_day, day(2026, 3, 11));
}

#[test]
fn day_roll_cancels_called_and_postponed_tickets_but_keeps_a_visit_in_progress() {
    let mut h = Hall::new();
    h.open(W1, at("2026-03-10T20:00:00Z"));
    h.open(W2, at("2026-03-10T20:00:00Z"));
    let x = h.issue(1, A, at("2026-03-10T20:30:00Z"));
    assert_eq!(h.call_ok(W2, at("2026-03-10T20:30:00Z")).id, x);
    let y = h.issue(2, A, at("2026-03-10T20:31:00Z"));
    let z = h.issue(3, B, at("2026-03-10T20:32:00Z"));
    h.head_act(
        z,
        TicketAction::Postpone { minutes: 60 },
        at("2026-03-10T20:33:00Z"),
    );
    assert_eq!(h.call_ok(W1, at("2026-03-10T20:49:00Z")).id, y);
    h.act(y, TicketAction::Start, at("2026-03-10T20:50:00Z"));

    let midnight = at("2026-03-10T21:00:00Z");
    let events = h.tick(midnight);
    assert_eq!(
        names(&events),
        [
            "service_day_started",
            "ticket_cancelled",
            "window_changed",
            "ticket_cancelled"
        ]
    );
    let cancelled: Vec<&Ticket> = events.iter().filter_map(|e| e.kind.ticket()).collect();
    assert_eq!(cancelled[0].id, x);
    assert_eq!(cancelled[0].walk_ms, 30 * MIN);
    assert_eq!(cancelled[0].window_id, None);
    assert_eq!(cancelled[1].id, z);
    // Window 2 is free again; window 1 still serves yesterday's visitor.
    assert_eq!(h.win(W2).state, WindowState::Idle);
    assert_eq!(h.win(W2).current_ticket, None);
    assert_eq!(h.win(W1).state, WindowState::Serving);
    assert_eq!(h.ticket(y).status, TicketStatus::Serving);
    assert_eq!(h.st.tickets.len(), 1);
    // The visit can still be finished after midnight.
    let events = h.act(y, resolved(), midnight + Duration::minutes(5));
    assert_eq!(ticket_in(&events, "ticket_finished").service_ms, 15 * MIN);
    // Its service time spans the night: it teaches the forecast nothing.
    assert!(h.st.recent_service_ms.get(&A).is_none_or(|r| r.is_empty()));
}

#[test]
fn a_visit_left_open_overnight_teaches_no_service_time() {
    let mut h = Hall::new();
    h.open(W1, at("2026-03-10T15:00:00Z"));
    let x = h.issue(1, A, at("2026-03-10T15:00:00Z"));
    h.call_ok(W1, at("2026-03-10T15:00:00Z"));
    h.act(x, TicketAction::Start, at("2026-03-10T15:01:00Z"));
    h.tick(at("2026-03-11T05:00:00Z"));
    let events = h.act(x, resolved(), at("2026-03-11T05:10:00Z"));
    assert_eq!(
        ticket_in(&events, "ticket_finished").service_ms,
        (14 * 60 + 9) * MIN
    );
    assert!(h.st.recent_service_ms.get(&A).is_none_or(|r| r.is_empty()));
    // A visit of the new day does.
    let y = h.issue(1, A, at("2026-03-11T05:20:00Z"));
    h.call_ok(W1, at("2026-03-11T05:20:00Z"));
    h.act(y, TicketAction::Start, at("2026-03-11T05:21:00Z"));
    h.act(y, resolved(), at("2026-03-11T05:30:00Z"));
    assert_eq!(h.st.recent_service_ms[&A], VecDeque::from([9 * MIN]));
}

// ---------------------------------------------------------------------------------------
// 2. Dispatch order
// ---------------------------------------------------------------------------------------

#[test]
fn same_topic_is_first_come_first_served() {
    let mut h = Hall::new();
    h.open(W2, t0());
    h.issue(1, A, m(0));
    h.issue(2, A, m(1));
    h.issue(3, A, m(2));
    assert_eq!(h.queue(W2, m(3)), ["A001", "A002", "A003"]);
    assert_eq!(h.call_ok(W2, m(3)).label, "A001");
}

#[test]
fn out_of_turn_comes_first_then_transferred_to_front_then_norm_ratio() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.issue(1, A, m(0)); // A001
    let front = h.issue(2, A, m(1)); // A002
    h.head_act(front, to_topic(A, QueuePlace::Front), m(2));
    assert!(h.ticket(front).front);
    assert_eq!(
        h.ticket(front).queue_since,
        m(1),
        "front keeps its queue time"
    );
    let urgent = h.issue_out_of_turn(3, B, m(3)); // B001, out of turn
    h.issue(4, B, m(3)); // B002

    // Then by norm ratio: A001 at 4 of 15 min (0.27) before B002 at 1 of 5 (0.2).
    assert_eq!(h.queue(W1, m(4)), ["B001", "A002", "A001", "B002"]);

    let first = h.call_ok(W1, m(4));
    assert_eq!(first.id, urgent);
    assert!(first.out_of_turn);
    h.act(urgent, TicketAction::NoShow, m(5));
    let second = h.call_ok(W1, m(5));
    assert_eq!(second.id, front);
    assert!(!second.front, "a call clears the front mark");
    h.act(front, TicketAction::NoShow, m(6));
    // Two minutes later the ratios have turned: B002 at 3 of 5 (0.6), A001 at 6 of 15.
    assert_eq!(h.queue(W1, m(6)), ["B002", "A001"]);
    assert_eq!(h.call_ok(W1, m(6)).label, "B002");
}

#[test]
fn an_out_of_turn_ticket_is_called_before_a_long_wait() {
    let mut h = Hall::new();
    h.open(W2, t0());
    h.issue(1, A, m(0));
    let urgent = h.issue_out_of_turn(2, A, m(14));
    assert_eq!(h.call_ok(W2, m(14)).id, urgent);
}

#[test]
fn the_ticket_nearest_to_its_wait_norm_goes_first() {
    // Window 1 serves A (15-minute wait norm) and B (5-minute wait norm).
    let mut h = Hall::new();
    h.open(W1, t0());
    h.issue(1, A, m(0));
    h.issue(2, B, m(5));
    // At 8 min: A001 waited 8 of 15 (0.53), B001 waited 3 of 5 (0.6).
    assert_eq!(h.queue(W1, m(8)), ["B001", "A001"]);
    assert_eq!(h.call_ok(W1, m(8)).label, "B001");

    // Same, but B waited only 2 of 5 (0.4): A first.
    let mut h = Hall::new();
    h.open(W1, t0());
    h.issue(1, A, m(0));
    h.issue(2, B, m(6));
    assert_eq!(h.queue(W1, m(8)), ["A001", "B001"]);
    assert_eq!(h.call_ok(W1, m(8)).label, "A001");
}

#[test]
fn equal_norm_ratios_go_to_who_joined_the_queue_first() {
    let mut h = Hall::new();
    h.issue(5, A, m(0)); // A001
    h.issue(1, B, m(4)); // B001, smaller id
    // At 6 min: 6/15 = 2/5 = 0.4. A001 joined first.
    assert_eq!(h.queue(W1, m(6)), ["A001", "B001"]);

    // Joining the queue counts, not the issue: X is issued first (for C) but joins B's
    // queue at 2 min; Y is issued for A at 1 min. At 2:30 both stand at 0.1 of their
    // norm (0.5 of 5 min, 1.5 of 15 min): Y joined first.
    let mut h = Hall::new();
    let x = h.issue(1, C, m(0)); // C001
    h.issue(2, A, m(1)); // A001
    h.head_act(x, to_topic(B, QueuePlace::Back), m(2));
    assert_eq!(h.queue(W1, ms(2, 30)), ["A001", "C001"]);
}

#[test]
fn equal_queue_time_goes_to_the_earlier_ticket() {
    let mut h = Hall::new();
    // X is issued for C, then moved to the back of A's queue at 5 min: it joins A's
    // queue exactly when Y is issued, so only the issue time tells them apart.
    let x = h.issue(9, C, m(0));
    h.head_act(x, to_topic(A, QueuePlace::Back), m(5));
    let y = h.issue(2, A, m(5));
    assert_eq!(h.ticket(x).queue_since, h.ticket(y).queue_since);
    assert_eq!(h.queue(W2, m(7)), ["C001", "A001"]);
    // And with everything equal, the id decides (stable, never random).
    let mut h = Hall::new();
    h.issue(9, A, m(0));
    h.issue(2, A, m(0));
    assert_eq!(h.queue(W2, m(1)), ["A002", "A001"]);
}

#[test]
fn a_window_calls_only_its_topics() {
    let mut h = Hall::new();
    h.open(W2, t0()); // A only
    h.open(W3, t0()); // B and C
    h.issue(1, B, m(0));
    assert_eq!(conflict_code(h.call(W2, m(1)).unwrap_err()), "queue_empty");
    assert_eq!(h.call_ok(W3, m(1)).label, "B001");
    h.issue(2, C, m(2));
    h.issue(3, A, m(3));
    assert_eq!(h.queue(W2, m(4)), ["A001"]);
    assert_eq!(h.queue(W3, m(4)), ["C001"]);
}

#[test]
fn a_ticket_transferred_to_a_window_is_called_only_there() {
    let mut h = Hall::new();
    h.open(W1, t0()); // A and B
    h.open(W2, t0()); // A
    h.open(W3, t0()); // B and C: not A
    let x = h.issue(1, A, m(0));
    let events = h.head_act(x, to_window(W3, QueuePlace::Back), m(1));
    let moved = ticket_in(&events, "ticket_transferred");
    assert_eq!(moved.target_window, Some(W3));
    assert_eq!(moved.topic_id, A);
    assert_eq!(moved.transfers, 1);

    assert!(h.queue(W1, m(2)).is_empty());
    assert_eq!(conflict_code(h.call(W2, m(2)).unwrap_err()), "queue_empty");
    assert_eq!(conflict_code(h.call(W1, m(2)).unwrap_err()), "queue_empty");
    let ticket = h.call_ok(W3, m(2));
    assert_eq!(ticket.id, x);
    assert_eq!(ticket.target_window, None, "a call clears the target");
    assert_eq!(ticket.window_id, Some(W3));
}

// ---------------------------------------------------------------------------------------
// 3. Transitions and refusals
// ---------------------------------------------------------------------------------------

#[test]
fn opening_a_window() {
    let mut h = Hall::new();
    let events = h.open(W1, t0());
    assert_eq!(names(&events), ["window_changed"]);
    let w = h.win(W1);
    assert_eq!(w.state, WindowState::Idle);
    assert_eq!(w.agent_id, Some(StaffId(1)));
    assert_eq!(w.agent_name.as_deref(), Some("Агент 1"));
    assert_eq!(w.state_since, t0());
    // Opening one's own window again is a harmless no-op.
    let events = h.ok(Hall::window_cmd(W1, agent(1), WindowAction::Open), m(1));
    assert!(events.is_empty());
    assert_eq!(h.win(W1).state_since, t0());
}

#[test]
fn an_agent_cannot_open_two_windows_nor_take_a_taken_one() {
    let mut h = Hall::new();
    h.open(W1, t0());
    let err = h.refused(Hall::window_cmd(W2, agent(1), WindowAction::Open), m(1));
    assert_eq!(conflict_code(err), "agent_has_window");
    let err = h.refused(Hall::window_cmd(W1, agent(2), WindowAction::Open), m(1));
    assert_eq!(conflict_code(err), "window_taken");
    // After closing the first, the agent may open another.
    h.ok(Hall::window_cmd(W1, agent(1), WindowAction::Close), m(2));
    assert_eq!(h.win(W1).state, WindowState::Closed);
    assert_eq!(h.win(W1).agent_id, None);
    h.ok(Hall::window_cmd(W2, agent(1), WindowAction::Open), m(3));
    assert_eq!(h.win(W2).agent_id, Some(StaffId(1)));
}

#[test]
fn call_next_calls_the_ticket_to_the_idle_window() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, m(1));
    let events = h.call(W2, m(3)).unwrap();
    assert_eq!(names(&events), ["ticket_called", "window_changed"]);
    match &events[0].kind {
        EventKind::TicketCalled {
            ticket,
            window_id,
            window_label,
            recall,
        } => {
            assert_eq!(ticket.id, x);
            assert_eq!(ticket.status, TicketStatus::Called);
            assert_eq!(ticket.window_id, Some(W2));
            assert_eq!(ticket.agent_id, Some(StaffId(2)));
            assert_eq!(ticket.called_at, Some(m(3)));
            assert_eq!(ticket.wait_ms, 2 * MIN);
            assert_eq!(ticket.waiting_since, None);
            assert_eq!(*window_id, W2);
            assert_eq!(window_label, "2");
            assert!(!recall);
        }
        other => panic!("{other:?}"),
    }
    let w = h.win(W2);
    assert_eq!(w.state, WindowState::Calling);
    assert_eq!(w.current_ticket, Some(x));
    assert_eq!(w.state_since, m(3));
    let call = &h.st.recent_calls[0];
    assert_eq!(call.label, "A001");
    assert_eq!(call.window_label, "2");
    assert!(!call.recall);
    assert_eq!(call.at, m(3));
}

#[test]
fn call_next_refusals() {
    let mut h = Hall::new();
    // Nobody waits.
    h.open(W2, t0());
    assert_eq!(conflict_code(h.call(W2, m(1)).unwrap_err()), "queue_empty");

    // Calling again while a visitor is called or served.
    let x = h.issue(1, A, m(1));
    h.issue(2, A, m(1));
    h.call_ok(W2, m(2));
    let err = h.refused(Hall::window_cmd(W2, agent(2), WindowAction::CallNext), m(3));
    assert_eq!(conflict_code(err), "window_busy");
    h.act(x, TicketAction::Start, m(3));
    let err = h.refused(Hall::window_cmd(W2, agent(2), WindowAction::CallNext), m(4));
    assert_eq!(conflict_code(err), "window_busy");

    // A closed window: a head gets window_closed, an agent is not even its owner.
    let err = h.refused(Hall::window_cmd(W1, head(), WindowAction::CallNext), m(4));
    assert_eq!(conflict_code(err), "window_closed");
    let err = h.refused(Hall::window_cmd(W1, agent(1), WindowAction::CallNext), m(4));
    assert!(matches!(err, EngineError::Forbidden(_)), "{err:?}");

    // A paused window.
    h.open(W1, m(5));
    h.ok(
        Hall::window_cmd(
            W1,
            agent(1),
            WindowAction::Pause {
                reason: "перерыв".into(),
                until: Some(m(20)),
            },
        ),
        m(5),
    );
    let err = h.refused(Hall::window_cmd(W1, agent(1), WindowAction::CallNext), m(6));
    assert_eq!(conflict_code(err), "window_paused");
    // Resumed, it calls.
    h.ok(Hall::window_cmd(W1, agent(1), WindowAction::Resume), m(7));
    assert_eq!(h.call_ok(W1, m(7)).label, "A002");

    // Unknown window.
    let err = h.refused(
        Hall::window_cmd(WindowId(99), head(), WindowAction::CallNext),
        m(8),
    );
    assert!(matches!(err, EngineError::NotFound(_)), "{err:?}");
}

#[test]
fn pause_resume_and_close() {
    let mut h = Hall::new();
    h.open(W1, t0());
    // A reason is required; a return time must be in the future.
    let pause = |reason: &str, until| WindowAction::Pause {
        reason: reason.into(),
        until,
    };
    let err = h.refused(Hall::window_cmd(W1, agent(1), pause("  ", None)), m(1));
    assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");
    let err = h.refused(
        Hall::window_cmd(W1, agent(1), pause("обед", Some(m(1)))),
        m(1),
    );
    assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");

    let events = h.ok(
        Hall::window_cmd(W1, agent(1), pause(" обед ", Some(m(30)))),
        m(1),
    );
    assert_eq!(names(&events), ["window_changed"]);
    let w = h.win(W1);
    assert_eq!(w.state, WindowState::Paused);
    assert_eq!(w.pause.as_ref().unwrap().reason, "обед");
    assert_eq!(w.pause.as_ref().unwrap().until, Some(m(30)));
    assert_eq!(w.state_since, m(1));

    let events = h.ok(Hall::window_cmd(W1, agent(1), WindowAction::Resume), m(2));
    assert_eq!(names(&events), ["window_changed"]);
    assert_eq!(h.win(W1).state, WindowState::Idle);
    assert_eq!(h.win(W1).pause, None);
    // Resuming an idle window changes nothing.
    let events = h.ok(Hall::window_cmd(W1, agent(1), WindowAction::Resume), m(3));
    assert!(events.is_empty());

    // A busy window can be neither paused nor closed.
    let x = h.issue(1, A, m(3));
    h.call_ok(W1, m(3));
    let err = h.refused(Hall::window_cmd(W1, agent(1), pause("обед", None)), m(4));
    assert_eq!(conflict_code(err), "window_busy");
    let err = h.refused(Hall::window_cmd(W1, agent(1), WindowAction::Close), m(4));
    assert_eq!(conflict_code(err), "window_busy");
    h.act(x, TicketAction::NoShow, m(5));

    // Paused windows can be closed.
    h.ok(Hall::window_cmd(W1, agent(1), pause("обед", None)), m(6));
    let events = h.ok(Hall::window_cmd(W1, agent(1), WindowAction::Close), m(7));
    assert_eq!(names(&events), ["window_changed"]);
    let w = h.win(W1);
    assert_eq!(w.state, WindowState::Closed);
    assert_eq!(w.pause, None);
    assert_eq!(w.agent_name, None);
    // Closing a closed window is a no-op; pausing or resuming it is refused.
    let events = h.ok(Hall::window_cmd(W1, head(), WindowAction::Close), m(8));
    assert!(events.is_empty());
    let err = h.refused(Hall::window_cmd(W1, head(), pause("обед", None)), m(8));
    assert_eq!(conflict_code(err), "window_closed");
    let err = h.refused(Hall::window_cmd(W1, head(), WindowAction::Resume), m(8));
    assert_eq!(conflict_code(err), "window_closed");
}

#[test]
fn recall_counts_and_announces_again() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, t0());
    h.call_ok(W2, m(1));
    let events = h.act(x, TicketAction::Recall, m(2));
    assert_eq!(names(&events), ["ticket_called"]);
    match &events[0].kind {
        EventKind::TicketCalled {
            ticket,
            window_id,
            recall,
            ..
        } => {
            assert!(*recall);
            assert_eq!(*window_id, W2);
            assert_eq!(ticket.recalls, 1);
            assert_eq!(ticket.status, TicketStatus::Called);
            assert_eq!(ticket.called_at, Some(m(1)), "a recall keeps the call time");
        }
        other => panic!("{other:?}"),
    }
    h.act(x, TicketAction::Recall, m(3));
    assert_eq!(h.ticket(x).recalls, 2);
    assert_eq!(h.st.recent_calls.len(), 3);
    assert!(h.st.recent_calls[0].recall);
    assert_eq!(h.st.recent_calls[0].at, m(3));
    assert!(!h.st.recent_calls[2].recall);
    // The window still calls.
    assert_eq!(h.win(W2).state, WindowState::Calling);
}

#[test]
fn start_and_finish_a_visit() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, t0());
    h.call_ok(W2, m(1));
    let events = h.act(x, TicketAction::Start, m(2));
    assert_eq!(names(&events), ["ticket_started", "window_changed"]);
    let started = ticket_in(&events, "ticket_started");
    assert_eq!(started.status, TicketStatus::Serving);
    assert_eq!(started.started_at, Some(m(2)));
    assert_eq!(h.win(W2).state, WindowState::Serving);
    assert_eq!(h.win(W2).current_ticket, Some(x));

    let deadline = day(2026, 3, 20);
    let events = h.act(
        x,
        TicketAction::Finish {
            outcome: Outcome::Deferred { deadline },
            topics_count: 2,
            overrun_reason: Some(OverrunReason::VisitorCase),
        },
        m(9),
    );
    assert_eq!(names(&events), ["ticket_finished", "window_changed"]);
    let done = ticket_in(&events, "ticket_finished");
    assert_eq!(done.status, TicketStatus::Done);
    assert_eq!(done.outcome, Some(Outcome::Deferred { deadline }));
    assert_eq!(done.topics_count, Some(2));
    assert_eq!(done.overrun_reason, Some(OverrunReason::VisitorCase));
    assert_eq!(done.finished_at, Some(m(9)));
    assert_eq!(done.agent_id, Some(StaffId(2)));
    assert_eq!(done.service_ms, 7 * MIN);
    // The window is free, the ticket leaves the live state, the service is recorded.
    assert_eq!(h.win(W2).state, WindowState::Idle);
    assert_eq!(h.win(W2).current_ticket, None);
    assert!(!h.st.tickets.contains_key(&x));
    assert_eq!(h.st.recent_service_ms[&A], VecDeque::from([7 * MIN]));
    // A finished ticket cannot be touched again.
    let err = h.refused(Hall::ticket_cmd(x, head(), TicketAction::Recall), m(10));
    assert_eq!(conflict_code(err), "ticket_not_active");
}

#[test]
fn finish_checks_the_outcome() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, t0());
    h.call_ok(W2, t0());
    h.act(x, TicketAction::Start, t0());
    let finish = |outcome, topics_count| TicketAction::Finish {
        outcome,
        topics_count,
        overrun_reason: None,
    };
    for action in [
        finish(Outcome::Resolved, 0),
        finish(Outcome::Resolved, 21),
        finish(
            Outcome::Deferred {
                deadline: day(2026, 3, 9),
            },
            1,
        ),
        finish(
            Outcome::Refused {
                reason: "  ".into(),
            },
            1,
        ),
    ] {
        let err = h.refused(Hall::ticket_cmd(x, agent(2), action), m(5));
        assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");
    }
    // Deferred to today, refused with reasons and other notes are fine.
    let mut ok = h.st.clone();
    for action in [
        finish(
            Outcome::Deferred {
                deadline: day(2026, 3, 10),
            },
            3,
        ),
        finish(
            Outcome::Refused {
                reason: "нет документов".into(),
            },
            1,
        ),
        finish(Outcome::Other { note: "".into() }, 20),
    ] {
        super::apply(&mut ok.clone(), Hall::ticket_cmd(x, agent(2), action), m(5))
            .expect("a valid outcome");
    }
    super::apply(&mut ok, Hall::ticket_cmd(x, agent(2), resolved()), m(5)).unwrap();
}

#[test]
fn no_show_frees_the_window() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, t0());
    h.call_ok(W2, m(1));
    let events = h.act(x, TicketAction::NoShow, m(3));
    assert_eq!(names(&events), ["ticket_no_show", "window_changed"]);
    let gone = ticket_in(&events, "ticket_no_show");
    assert_eq!(gone.status, TicketStatus::NoShow);
    assert_eq!(gone.finished_at, Some(m(3)));
    assert_eq!(h.win(W2).state, WindowState::Idle);
    assert!(h.st.tickets.is_empty());
    assert!(
        h.st.recent_service_ms.is_empty(),
        "a no-show is not a service"
    );
}

#[test]
fn a_postponed_ticket_comes_back_at_its_place() {
    let mut h = Hall::new();
    // Keep the idle-window alert out of this test.
    h.st.office.settings.idle_alert_after_min = 60;
    h.open(W2, t0());
    let x = h.issue(1, A, m(0)); // A001
    h.call_ok(W2, m(1));
    let events = h.act(x, TicketAction::Postpone { minutes: 5 }, m(2));
    assert_eq!(names(&events), ["ticket_postponed", "window_changed"]);
    let postponed = ticket_in(&events, "ticket_postponed");
    assert_eq!(postponed.status, TicketStatus::Postponed);
    assert_eq!(postponed.postponed_until, Some(m(7)));
    assert_eq!(postponed.window_id, None);
    assert_eq!(h.win(W2).state, WindowState::Idle);

    // Others take tickets meanwhile; the postponed one is not called.
    h.issue(2, A, m(3)); // A002
    h.issue(3, A, m(4)); // A003
    assert_eq!(h.queue(W2, m(5)), ["A002", "A003"]);

    // Not yet back a second before the time.
    let events = h.tick(ms(6, 59));
    assert!(events.is_empty(), "{:?}", names(&events));
    assert_eq!(h.ticket(x).status, TicketStatus::Postponed);

    let events = h.tick(m(7));
    assert_eq!(names(&events), ["ticket_returned"]);
    let back = ticket_in(&events, "ticket_returned");
    assert_eq!(back.status, TicketStatus::Waiting);
    assert_eq!(back.postponed_until, None);
    assert_eq!(back.queue_since, m(0), "it keeps its place");
    assert_eq!(back.waiting_since, Some(m(7)));
    assert!(events[0].load.is_some());
    // It is ahead of those who came after it.
    assert_eq!(h.queue(W2, m(8)), ["A001", "A002", "A003"]);
    assert_eq!(h.call_ok(W2, m(8)).id, x);
}

#[test]
fn any_command_returns_due_postponed_tickets_first() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, m(0));
    h.head_act(x, TicketAction::Postpone { minutes: 3 }, m(1));
    // No tick in between: the call itself brings it back and calls it.
    let events = h.call(W2, m(10)).unwrap();
    assert_eq!(
        names(&events),
        ["ticket_returned", "ticket_called", "window_changed"]
    );
    assert_eq!(called(&events).id, x);
}

#[test]
fn postpone_limits() {
    let mut h = Hall::new();
    let x = h.issue(1, A, t0());
    for minutes in [0, tickets::MAX_POSTPONE_MINUTES + 1] {
        let err = h.refused(
            Hall::ticket_cmd(x, head(), TicketAction::Postpone { minutes }),
            m(1),
        );
        assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");
    }
    h.head_act(
        x,
        TicketAction::Postpone {
            minutes: tickets::MAX_POSTPONE_MINUTES,
        },
        m(1),
    );
    assert_eq!(h.ticket(x).postponed_until, Some(m(241)));
}

#[test]
fn transfer_to_a_topic_from_a_window() {
    let mut h = Hall::new();
    h.open(W2, t0()); // A
    h.open(W3, t0()); // B, C
    let x = h.issue(1, A, m(0));
    h.call_ok(W2, m(1));
    h.act(x, TicketAction::Start, m(2));
    let events = h.act(x, to_topic(B, QueuePlace::Back), m(10));
    assert_eq!(names(&events), ["ticket_transferred", "window_changed"]);
    match &events[0].kind {
        EventKind::TicketTransferred {
            ticket,
            from_window,
        } => {
            assert_eq!(*from_window, Some(W2));
            assert_eq!(ticket.status, TicketStatus::Waiting);
            assert_eq!(ticket.topic_id, B);
            assert_eq!(ticket.label, "A001", "the label stays");
            assert_eq!(ticket.transfers, 1);
            assert_eq!(ticket.window_id, None);
            assert_eq!(ticket.queue_since, m(10));
            assert_eq!(ticket.waiting_since, Some(m(10)));
            assert!(!ticket.front);
            assert_eq!(ticket.target_window, None);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(h.win(W2).state, WindowState::Idle);
    assert_eq!(h.win(W2).current_ticket, None);
    // Now window 3 (B) calls it and window 2 (A) does not.
    assert_eq!(conflict_code(h.call(W2, m(11)).unwrap_err()), "queue_empty");
    assert_eq!(h.call_ok(W3, m(11)).id, x);
}

#[test]
fn transfer_to_the_front_or_the_back() {
    for (place, expected) in [
        (QueuePlace::Front, ["A003", "B001", "B002"]),
        (QueuePlace::Back, ["B001", "B002", "A003"]),
    ] {
        let mut h = Hall::new();
        h.open(W2, t0());
        h.open(W3, t0());
        h.issue(1, A, m(0)); // A001
        h.issue(2, A, m(0)); // A002
        let x = h.issue(3, A, m(0)); // A003
        h.issue(4, B, m(1)); // B001
        h.issue(5, B, m(2)); // B002
        // W2 calls A001; the head moves A003 from A's queue to B's.
        h.call_ok(W2, m(3));
        let events = h.head_act(x, to_topic(B, place), m(4));
        let moved = ticket_in(&events, "ticket_transferred");
        match place {
            QueuePlace::Front => {
                assert!(moved.front);
                assert_eq!(moved.queue_since, m(0));
            }
            QueuePlace::Back => {
                assert!(!moved.front);
                assert_eq!(moved.queue_since, m(4));
            }
        }
        // B001 is at its norm (5 of 5 min) and still comes after a front transfer.
        assert_eq!(h.queue(W3, m(6)), expected, "{place:?}");
        assert_eq!(h.call_ok(W3, m(6)).label, expected[0]);
        // A002 is still in A's queue only.
        assert_eq!(h.queue(W2, m(6)), ["A002"]);
    }
}

#[test]
fn transfer_to_a_window_from_a_window() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.open(W2, t0());
    let x = h.issue(1, A, m(0));
    h.issue(2, A, m(0));
    assert_eq!(h.call_ok(W2, m(1)).id, x);
    h.act(x, TicketAction::Start, m(2));
    // Conflict of interest: the agent hands the visitor to window 1.
    let events = h.act(x, to_window(W1, QueuePlace::Front), m(3));
    assert_eq!(names(&events), ["ticket_transferred", "window_changed"]);
    let moved = ticket_in(&events, "ticket_transferred");
    assert_eq!(moved.target_window, Some(W1));
    assert!(moved.front);
    // Window 2 cannot take it back; window 1 calls it before A002.
    assert_eq!(h.queue(W2, m(4)), ["A002"]);
    assert_eq!(h.queue(W1, m(4)), ["A001", "A002"]);
    assert_eq!(h.call_ok(W2, m(4)).label, "A002");
    assert_eq!(h.call_ok(W1, m(4)).id, x);
}

#[test]
fn transfer_refusals() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, t0());
    h.call_ok(W2, m(1));
    let refuse = |h: &mut Hall, action| h.refused(Hall::ticket_cmd(x, agent(2), action), m(2));
    assert_eq!(
        conflict_code(refuse(&mut h, to_window(W1, QueuePlace::Back))),
        "window_closed"
    );
    assert_eq!(
        conflict_code(refuse(&mut h, to_window(W2, QueuePlace::Back))),
        "same_window"
    );
    let err = refuse(&mut h, to_window(WindowId(99), QueuePlace::Back));
    assert!(matches!(err, EngineError::NotFound(_)), "{err:?}");
    let err = refuse(&mut h, to_topic(TopicId(99), QueuePlace::Back));
    assert!(matches!(err, EngineError::NotFound(_)), "{err:?}");
    let mut c = h.st.topics[&C].clone();
    c.active = false;
    h.ok(Command::PutTopic { topic: c }, m(2));
    assert_eq!(
        conflict_code(refuse(&mut h, to_topic(C, QueuePlace::Back))),
        "topic_inactive"
    );
    assert_eq!(h.ticket(x).status, TicketStatus::Called);
    assert_eq!(h.win(W2).state, WindowState::Calling);
}

#[test]
fn cancel() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let waiting = h.issue(1, B, t0());
    let events = h.head_act(
        waiting,
        TicketAction::Cancel {
            reason: Some("ушёл".into()),
        },
        m(2),
    );
    assert_eq!(names(&events), ["ticket_cancelled"]);
    let gone = ticket_in(&events, "ticket_cancelled");
    assert_eq!(gone.status, TicketStatus::Cancelled);
    assert_eq!(gone.cancel_reason.as_deref(), Some("ушёл"));
    assert_eq!(gone.wait_ms, 2 * MIN);
    assert_eq!(gone.finished_at, Some(m(2)));
    assert!(h.st.tickets.is_empty());

    // A called ticket: the agent cancels and the window is free; a blank reason is none.
    let x = h.issue(2, A, m(3));
    h.call_ok(W2, m(3));
    let events = h.act(
        x,
        TicketAction::Cancel {
            reason: Some("   ".into()),
        },
        m(4),
    );
    assert_eq!(names(&events), ["ticket_cancelled", "window_changed"]);
    assert_eq!(ticket_in(&events, "ticket_cancelled").cancel_reason, None);
    assert_eq!(h.win(W2).state, WindowState::Idle);

    // A postponed ticket.
    let p = h.issue(3, A, m(5));
    h.head_act(p, TicketAction::Postpone { minutes: 10 }, m(5));
    h.head_act(p, TicketAction::Cancel { reason: None }, m(6));
    assert!(h.st.tickets.is_empty());
}

#[test]
fn the_visitor_leaves_a_waiting_or_postponed_ticket_and_nothing_else() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let waiting = h.issue(1, A, t0());
    let events = h.ok(Command::Leave { ticket_id: waiting }, m(3));
    assert_eq!(names(&events), ["ticket_cancelled"]);
    let gone = ticket_in(&events, "ticket_cancelled");
    assert_eq!(gone.status, TicketStatus::Cancelled);
    assert_eq!(
        gone.cancel_reason.as_deref(),
        Some(talon_protocol::ticket::CANCEL_LEFT_BY_VISITOR)
    );
    assert_eq!(gone.wait_ms, 3 * MIN);
    assert_eq!(gone.finished_at, Some(m(3)));
    assert!(events[0].load.is_some(), "the hall's counts follow");

    // Gone already: refused, and so is a called ticket (the window expects them).
    let err = h.refused(Command::Leave { ticket_id: waiting }, m(4));
    assert_eq!(conflict_code(err), "ticket_not_active");
    let called = h.issue(2, A, m(4));
    h.call_ok(W2, m(4));
    let err = h.refused(Command::Leave { ticket_id: called }, m(5));
    assert_eq!(conflict_code(err), "invalid_transition");

    let postponed = h.issue(3, A, m(5));
    h.head_act(postponed, TicketAction::Postpone { minutes: 10 }, m(5));
    let events = h.ok(
        Command::Leave {
            ticket_id: postponed,
        },
        m(6),
    );
    let gone = ticket_in(&events, "ticket_cancelled");
    assert_eq!(gone.postponed_until, None);
    assert!(!h.st.tickets.contains_key(&postponed));
}

#[test]
fn invalid_transitions_are_refused_and_change_nothing() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.open(W2, t0());
    let serving = h.issue(1, A, m(0));
    assert_eq!(h.call_ok(W2, m(0)).id, serving);
    h.act(serving, TicketAction::Start, m(1));
    let called = h.issue(2, A, m(1));
    assert_eq!(h.call_ok(W1, m(1)).id, called);
    let waiting = h.issue(3, A, m(2));
    let postponed = h.issue(4, B, m(2));
    h.head_act(postponed, TicketAction::Postpone { minutes: 30 }, m(2));

    let postpone = || TicketAction::Postpone { minutes: 5 };
    let cancel = || TicketAction::Cancel { reason: None };
    let back = || to_topic(C, QueuePlace::Back);
    let cases: Vec<(TicketId, TicketAction)> = vec![
        (waiting, TicketAction::Recall),
        (waiting, TicketAction::Start),
        (waiting, resolved()),
        (waiting, TicketAction::NoShow),
        (called, resolved()),
        (serving, TicketAction::Recall),
        (serving, TicketAction::Start),
        (serving, TicketAction::NoShow),
        (serving, postpone()),
        (serving, cancel()),
        (postponed, TicketAction::Recall),
        (postponed, TicketAction::Start),
        (postponed, resolved()),
        (postponed, TicketAction::NoShow),
        (postponed, back()),
        (postponed, postpone()),
    ];
    for (id, action) in cases {
        let status = h.ticket(id).status;
        let what = format!("{action:?} on {}", status.as_str());
        let err = h.refused(Hall::ticket_cmd(id, head(), action), m(3));
        match err {
            EngineError::Conflict { code, message } => {
                assert_eq!(code, "invalid_transition", "{what}");
                assert!(message.contains(status.as_str()), "{what}: {message}");
            }
            other => panic!("{what}: {other:?}"),
        }
        assert_eq!(h.ticket(id).status, status);
    }
    // An unknown ticket.
    let err = h.refused(Hall::ticket_cmd(tid(77), head(), cancel()), m(3));
    assert_eq!(conflict_code(err), "ticket_not_active");
}

#[test]
fn agents_act_only_at_their_own_window_and_heads_anywhere() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.open(W2, t0());
    let x = h.issue(1, A, m(0));
    let y = h.issue(2, A, m(1));
    assert_eq!(h.call_ok(W1, m(1)).id, x);

    // Agent 2 cannot touch window 1 nor its ticket.
    for action in [
        WindowAction::CallNext,
        WindowAction::Close,
        WindowAction::Resume,
        WindowAction::Pause {
            reason: "x".into(),
            until: None,
        },
    ] {
        let err = h.refused(Hall::window_cmd(W1, agent(2), action), m(2));
        assert!(matches!(err, EngineError::Forbidden(_)), "{err:?}");
    }
    for action in [
        TicketAction::Start,
        TicketAction::Recall,
        TicketAction::NoShow,
        TicketAction::Cancel { reason: None },
    ] {
        let err = h.refused(Hall::ticket_cmd(x, agent(2), action), m(2));
        assert!(matches!(err, EngineError::Forbidden(_)), "{err:?}");
    }
    // Nor can an agent change a ticket in the queue, even of their topic.
    for action in [
        TicketAction::Cancel { reason: None },
        TicketAction::Postpone { minutes: 5 },
        to_topic(B, QueuePlace::Front),
    ] {
        let err = h.refused(Hall::ticket_cmd(y, agent(2), action), m(2));
        assert!(matches!(err, EngineError::Forbidden(_)), "{err:?}");
    }

    // The head can do all of it.
    h.head_act(x, TicketAction::Start, m(2));
    assert_eq!(h.win(W1).state, WindowState::Serving);
    h.head_act(x, resolved(), m(3));
    assert_eq!(h.win(W1).state, WindowState::Idle);
    let events = h.ok(Hall::window_cmd(W1, head(), WindowAction::CallNext), m(3));
    assert_eq!(called(&events).id, y);
    h.head_act(y, TicketAction::NoShow, m(4));
    h.ok(Hall::window_cmd(W1, head(), WindowAction::Close), m(4));
    assert_eq!(h.win(W1).state, WindowState::Closed);
    // Agent 1 is free to open a window again.
    h.ok(Hall::window_cmd(W3, agent(1), WindowAction::Open), m(5));
}

// ---------------------------------------------------------------------------------------
// 4. Norm measurement
// ---------------------------------------------------------------------------------------

#[test]
fn wait_walk_and_service_add_up_over_a_transfer() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, m(0));
    h.call_ok(W2, m(4)); // waited 4
    h.act(x, TicketAction::Start, m(5)); // walked 1
    assert_eq!(h.ticket(x).service_ms_at(m(8)), 3 * MIN);
    h.act(x, to_topic(A, QueuePlace::Back), m(12)); // served 7, back to the queue
    let t = h.ticket(x);
    assert_eq!(
        (t.wait_ms, t.walk_ms, t.service_ms),
        (4 * MIN, MIN, 7 * MIN)
    );
    assert_eq!(t.wait_ms_at(m(14)), 6 * MIN, "waiting again counts");
    h.call_ok(W2, m(15)); // waited 3 more
    h.act(x, TicketAction::Start, m(17)); // walked 2 more
    let events = h.act(x, resolved(), m(20)); // served 3 more
    let done = ticket_in(&events, "ticket_finished");
    assert_eq!(done.wait_ms, 7 * MIN);
    assert_eq!(done.walk_ms, 3 * MIN);
    assert_eq!(done.service_ms, 10 * MIN);
    assert_eq!(done.waiting_since, None);
    assert_eq!(done.total_ms_at(m(30)), 20 * MIN);
    assert_eq!(h.st.recent_service_ms[&A], VecDeque::from([10 * MIN]));
}

#[test]
fn postponed_time_is_not_waiting_time() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let x = h.issue(1, A, m(0));
    h.head_act(x, TicketAction::Postpone { minutes: 10 }, m(2));
    assert_eq!(h.ticket(x).wait_ms, 2 * MIN);
    assert_eq!(h.ticket(x).waiting_since, None);
    assert_eq!(h.ticket(x).wait_ms_at(m(11)), 2 * MIN);
    h.tick(m(12));
    assert_eq!(h.ticket(x).wait_ms_at(m(15)), 5 * MIN);
    let ticket = h.call_ok(W2, m(15));
    assert_eq!(ticket.wait_ms, 5 * MIN);

    // A called ticket that is postponed: its walk counts, its absence does not.
    h.act(x, TicketAction::Postpone { minutes: 5 }, m(16));
    assert_eq!(h.ticket(x).walk_ms, MIN);
    h.tick(m(21));
    let ticket = h.call_ok(W2, m(22));
    assert_eq!(ticket.wait_ms, 6 * MIN);
    h.act(x, TicketAction::Start, m(25));
    assert_eq!(h.ticket(x).walk_ms, 4 * MIN);
}

// ---------------------------------------------------------------------------------------
// 5. Alerts
// ---------------------------------------------------------------------------------------

#[test]
fn wait_breach_is_raised_past_the_norm_once_and_cleared_on_call() {
    let mut h = Hall::new();
    let x = h.issue(1, A, m(0));
    // Exactly at the 15-minute norm is within it.
    assert!(h.tick(m(15)).is_empty());
    let events = h.tick(ms(15, 1));
    assert_eq!(names(&events), ["alert_raised"]);
    assert_eq!(
        raised(&events),
        [AlertKind::WaitBreach {
            ticket_id: x,
            label: "A001".into(),
            topic_id: A,
        }]
    );
    let key = format!("wait_breach:{x}");
    assert_eq!(h.st.alerts[&key].raised_at, ms(15, 1));
    // No duplicates.
    assert!(h.tick(m(16)).is_empty());
    assert!(h.tick(m(30)).is_empty());
    assert_eq!(h.st.alerts.len(), 1);
    // A called ticket no longer waits: cleared. Window 2 has idled past the grace, but
    // the call ends that too; only the wait breach was raised, so only it is cleared.
    h.ok(Hall::window_cmd(W2, agent(2), WindowAction::Open), m(30));
    let events = h.call(W2, m(30)).unwrap();
    assert_eq!(cleared(&events), [key]);
    assert!(h.st.alerts.is_empty());
}

#[test]
fn wait_breach_uses_the_topic_norm_and_is_cleared_on_cancel() {
    let mut h = Hall::new();
    let b = h.issue(1, B, m(0)); // 5-minute norm
    h.issue(2, A, m(0));
    assert!(h.tick(m(5)).is_empty());
    assert_eq!(
        raised(&h.tick(ms(5, 1))),
        [AlertKind::WaitBreach {
            ticket_id: b,
            label: "B001".into(),
            topic_id: B,
        }]
    );
    let events = h.head_act(b, TicketAction::Cancel { reason: None }, m(6));
    assert_eq!(cleared(&events), [format!("wait_breach:{b}")]);
}

#[test]
fn postponed_tickets_do_not_breach_while_away() {
    let mut h = Hall::new();
    let x = h.issue(1, A, m(0));
    h.head_act(x, TicketAction::Postpone { minutes: 10 }, m(14));
    assert!(h.tick(m(20)).is_empty());
    let events = h.tick(m(24));
    assert_eq!(names(&events), ["ticket_returned"]);
    // 14 minutes before, 1 after: at the norm, not past it.
    assert!(h.tick(m(25)).is_empty());
    let events = h.tick(ms(25, 1));
    assert_eq!(raised(&events).len(), 1);
}

#[test]
fn long_queue_when_more_than_the_threshold_wait() {
    let mut h = Hall::new();
    assert_eq!(h.st.office.settings.queue_alert_threshold, 3);
    for n in 1..=3 {
        let events = h.ok(Hall::issue_cmd(n, A, false), m(0));
        assert_eq!(names(&events), ["ticket_issued"]);
    }
    // Other topics do not count toward A.
    h.issue(10, B, m(0));
    h.issue(11, C, m(0));
    let events = h.ok(Hall::issue_cmd(4, A, false), m(1));
    assert_eq!(names(&events), ["ticket_issued", "alert_raised"]);
    assert_eq!(
        raised(&events),
        [AlertKind::LongQueue {
            topic_id: A,
            waiting: 4,
        }]
    );
    // Raised once.
    let events = h.ok(Hall::issue_cmd(5, A, false), m(1));
    assert_eq!(names(&events), ["ticket_issued"]);
    assert!(h.tick(m(2)).is_empty());
    // Down to 4: still more than 3.
    let events = h.head_act(tid(5), TicketAction::Cancel { reason: None }, m(2));
    assert!(cleared(&events).is_empty());
    // Down to 3: cleared.
    let events = h.head_act(tid(4), TicketAction::Cancel { reason: None }, m(2));
    assert_eq!(cleared(&events), [format!("long_queue:{A}")]);
}

#[test]
fn long_queue_threshold_is_the_office_setting() {
    let mut h = Hall::new();
    h.issue(1, C, m(0));
    h.issue(2, C, m(0));
    let mut office = office();
    office.settings.queue_alert_threshold = 1;
    let events = h.ok(
        Command::PutOffice {
            office: Box::new(office),
        },
        m(1),
    );
    assert_eq!(names(&events), ["office_changed", "alert_raised"]);
    assert_eq!(
        raised(&events),
        [AlertKind::LongQueue {
            topic_id: C,
            waiting: 2,
        }]
    );
}

#[test]
fn idle_window_after_the_grace_when_someone_waited_as_long() {
    let mut h = Hall::new();
    assert_eq!(h.st.office.settings.idle_alert_after_min, 2);
    h.open(W2, m(0));
    h.open(W3, m(0)); // B and C: nobody waits for it
    h.issue(1, A, m(0));
    assert!(h.tick(ms(1, 59)).is_empty());
    let events = h.tick(m(2));
    assert_eq!(raised(&events), [AlertKind::IdleWindow { window_id: W2 }]);
    assert!(h.tick(m(3)).is_empty());
    let events = h.call(W2, m(4)).unwrap();
    assert_eq!(cleared(&events), [format!("idle_window:{W2}")]);
}

#[test]
fn idle_window_needs_both_the_window_and_the_ticket_to_pass_the_grace() {
    // The window idles long, the ticket is fresh.
    let mut h = Hall::new();
    h.open(W2, m(0));
    h.issue(1, A, m(5));
    assert!(h.tick(m(6)).is_empty());
    assert_eq!(raised(&h.tick(m(7))).len(), 1);

    // The ticket waits long, the window has just opened.
    let mut h = Hall::new();
    h.issue(1, A, m(0));
    h.open(W2, m(5));
    assert!(h.tick(m(6)).is_empty());
    assert_eq!(
        raised(&h.tick(m(7))),
        [AlertKind::IdleWindow { window_id: W2 }]
    );
    // Pausing the window ends the alert (it is no longer idle).
    let events = h.ok(
        Hall::window_cmd(
            W2,
            agent(2),
            WindowAction::Pause {
                reason: "обед".into(),
                until: None,
            },
        ),
        m(8),
    );
    assert_eq!(cleared(&events), [format!("idle_window:{W2}")]);
    // Closed or paused windows never raise it.
    assert!(h.tick(m(14)).is_empty());
}

#[test]
fn service_breach_past_the_service_norm() {
    let mut h = Hall::new();
    h.open(W3, t0());
    let x = h.issue(1, B, m(0)); // service norm 10
    h.call_ok(W3, m(0));
    h.act(x, TicketAction::Start, m(1));
    assert!(h.tick(m(11)).is_empty());
    let events = h.tick(ms(11, 1));
    assert_eq!(
        raised(&events),
        [AlertKind::ServiceBreach {
            ticket_id: x,
            label: "B001".into(),
            window_id: W3,
        }]
    );
    assert!(h.tick(m(15)).is_empty());
    let events = h.act(x, resolved(), m(16));
    assert_eq!(cleared(&events), [format!("service_breach:{x}")]);
}

fn rating_of(n: u128, rating: u8) -> Command {
    Command::Rate {
        rating: talon_protocol::VisitRating {
            ticket_id: tid(n),
            label: format!("A{n:03}"),
            topic_id: A,
            window_id: Some(W1),
            agent_id: Some(StaffId(1)),
            service_day: day(2026, 3, 10),
            rating,
            wait_ms: 4 * MIN,
            service_ms: 6 * MIN,
        },
    }
}

#[test]
fn a_rating_is_an_event_and_a_poor_one_an_alert_for_an_hour() {
    let mut h = Hall::new();
    // «хорошо» and «удовлетворительно»: events, no alert.
    assert_eq!(names(&h.ok(rating_of(1, 4), m(0))), ["visit_rated"]);
    assert_eq!(names(&h.ok(rating_of(2, 3), m(0))), ["visit_rated"]);
    assert!(h.st.alerts.is_empty());
    // «плохо»: the rating, then its alert, raised at once.
    let events = h.ok(rating_of(3, 2), m(1));
    assert_eq!(names(&events), ["visit_rated", "alert_raised"]);
    assert_eq!(
        raised(&events),
        [AlertKind::PoorRating {
            ticket_id: tid(3),
            label: "A003".into(),
            topic_id: A,
            window_id: Some(W1),
            agent_id: Some(StaffId(1)),
            rating: 2,
        }]
    );
    // «очень плохо» too; both stay through ticks for an hour, then clear.
    let events = h.ok(rating_of(4, 1), m(20));
    assert_eq!(names(&events), ["visit_rated", "alert_raised"]);
    assert!(h.tick(m(30)).is_empty());
    assert!(h.tick(ms(60, 59)).is_empty());
    assert_eq!(cleared(&h.tick(m(61))), [format!("poor_rating:{}", tid(3))]);
    assert_eq!(h.st.alerts.len(), 1);
    assert_eq!(cleared(&h.tick(m(80))), [format!("poor_rating:{}", tid(4))]);
    assert!(h.st.alerts.is_empty());
}

#[test]
fn a_rating_outside_one_to_five_is_refused() {
    let mut h = Hall::new();
    for wrong in [0, 6] {
        assert!(matches!(
            h.refused(rating_of(1, wrong), m(0)),
            EngineError::Invalid(_)
        ));
    }
}

// ---------------------------------------------------------------------------------------
// 6. Event numbering and load
// ---------------------------------------------------------------------------------------

#[test]
fn events_are_numbered_contiguously_from_the_last_seq() {
    let mut h = Hall::new();
    h.st.seq = 41;
    let events = h.ok(Hall::issue_cmd(1, A, false), t0());
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].seq, 42);
    assert_eq!(events[0].office_id, OFFICE);
    assert_eq!(events[0].at, t0());
    h.open(W2, t0()); // 43
    let events = h.tick(m(16)); // idle window + wait breach
    assert_eq!(names(&events), ["alert_raised", "alert_raised"]);
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [44, 45]);
    let events = h.call(W2, m(16)).unwrap();
    assert_eq!(
        names(&events),
        [
            "ticket_called",
            "window_changed",
            "alert_cleared",
            "alert_cleared"
        ]
    );
    assert_eq!(
        events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [46, 47, 48, 49]
    );
    assert!(events.iter().all(|e| e.at == m(16)));
    assert_eq!(h.st.seq, 49);
    // A command that changes nothing numbers nothing; a refused one neither.
    assert!(h.tick(m(17)).is_empty());
    h.refused(Hall::issue_cmd(2, TopicId(99), false), m(17));
    assert_eq!(h.st.seq, 49);
    let events = h.ok(Hall::issue_cmd(2, A, false), m(17));
    assert_eq!(events[0].seq, 50);
}

#[test]
fn the_load_rides_on_the_last_event_that_changed_it() {
    let mut h = Hall::new();
    h.open(W2, t0());
    h.issue(1, A, m(0));
    let events = h.ok(Hall::issue_cmd(2, A, false), m(0));
    let load = events[0].load.as_ref().expect("an issue changes the load");
    assert_eq!(load.len(), 3);
    assert_eq!(load_of(load, A).waiting, 2);
    assert_eq!(load_of(load, B).waiting, 0);

    // Alerts alone do not change the load.
    let events = h.tick(m(16));
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.load.is_none()));

    // A call: TicketCalled, WindowChanged (load), AlertCleared…
    let events = h.call(W2, m(16)).unwrap();
    assert_eq!(events[0].load, None);
    let load = events[1].load.as_ref().expect("on the window change");
    assert_eq!(load_of(load, A).waiting, 1);
    assert!(events[2..].iter().all(|e| e.load.is_none()));

    // A day roll: only the last ticket event carries it.
    let events = h.ok(Hall::issue_cmd(3, B, false), at("2026-03-10T21:00:00Z"));
    let with_load: Vec<&str> = events
        .iter()
        .filter(|e| e.load.is_some())
        .map(|e| e.kind.name())
        .collect();
    assert_eq!(with_load, ["ticket_issued"]);
    // The alert cleared after it (the wait breach of a cancelled ticket) carries none.
    assert_eq!(events.last().unwrap().kind.name(), "alert_cleared");
    let issued = events
        .iter()
        .find(|e| e.kind.name() == "ticket_issued")
        .unwrap();
    let load = issued.load.as_ref().unwrap();
    assert_eq!(load_of(load, A).waiting, 0);
    assert_eq!(load_of(load, B).waiting, 1);

    // Topic and office changes.
    let events = h.ok(
        Command::PutTopic {
            topic: topic(C, "C", 10, 30),
        },
        at("2026-03-10T21:01:00Z"),
    );
    assert!(events[0].load.is_some());
    let events = h.ok(
        Command::PutOffice {
            office: Box::new(office()),
        },
        at("2026-03-10T21:01:00Z"),
    );
    assert_eq!(names(&events), ["office_changed"]);
    assert!(events[0].load.is_none());
}

// ---------------------------------------------------------------------------------------
// 7. Estimates
// ---------------------------------------------------------------------------------------

#[test]
fn estimated_wait_uses_the_service_norm_without_history() {
    let mut h = Hall::new();
    h.open(W2, t0()); // A
    h.issue(1, A, m(0));
    let events = h.ok(Hall::issue_cmd(2, A, false), m(0));
    let a = load_of(events[0].load.as_ref().unwrap(), A).clone();
    assert_eq!(a.waiting, 2);
    assert_eq!(a.open_windows, 1);
    assert_eq!(a.estimated_wait_ms, 2 * 20 * MIN);
    // A second window for A halves the rounds.
    let events = h.open(W1, m(1));
    let a = load_of(events[0].load.as_ref().unwrap(), A).clone();
    assert_eq!(a.open_windows, 2);
    assert_eq!(a.estimated_wait_ms, 20 * MIN);
    // No window open for C: counted as one, the estimate stays finite.
    h.issue(3, C, m(1));
    assert_eq!(estimate::open_windows(&h.st, C), 0);
    assert_eq!(estimate::estimated_wait_ms(&h.st, C, 3), 3 * 15 * MIN);
    assert_eq!(estimate::estimated_wait_ms(&h.st, C, 0), 0);
    assert_eq!(estimate::typical_service_ms(&h.st, B), 10 * MIN);
    // Paused windows do not count.
    h.ok(
        Hall::window_cmd(
            W1,
            agent(1),
            WindowAction::Pause {
                reason: "обед".into(),
                until: None,
            },
        ),
        m(2),
    );
    assert_eq!(estimate::open_windows(&h.st, A), 1);
    assert_eq!(estimate::open_windows(&h.st, B), 0);
}

#[test]
fn estimated_wait_uses_the_average_of_recent_services() {
    let mut h = Hall::new();
    h.open(W2, t0());
    for (n, start, minutes) in [(1, 0, 4), (2, 4, 6)] {
        let x = h.issue(n, A, m(start));
        h.call_ok(W2, m(start));
        h.act(x, TicketAction::Start, m(start));
        h.act(x, resolved(), m(start + minutes));
    }
    assert_eq!(
        h.st.recent_service_ms[&A],
        VecDeque::from([4 * MIN, 6 * MIN])
    );
    assert_eq!(estimate::typical_service_ms(&h.st, A), 5 * MIN);
    // Topic B has no history: still its norm.
    assert_eq!(estimate::typical_service_ms(&h.st, B), 10 * MIN);
    h.issue(3, A, m(10));
    let events = h.ok(Hall::issue_cmd(4, A, false), m(10));
    let a = load_of(events[0].load.as_ref().unwrap(), A);
    assert_eq!(a.estimated_wait_ms, 2 * 5 * MIN);

    // Only the latest RECENT_SERVICES count.
    for _ in 0..RECENT_SERVICES {
        h.st.record_service(A, 8 * MIN);
    }
    assert_eq!(h.st.recent_service_ms[&A].len(), RECENT_SERVICES);
    assert_eq!(estimate::typical_service_ms(&h.st, A), 8 * MIN);
}

#[test]
fn people_ahead_counts_waiting_tickets_of_the_same_topic_ahead() {
    let mut h = Hall::new();
    h.issue(1, A, m(0)); // A001
    h.issue(2, A, m(1)); // A002
    h.issue(3, B, m(1)); // B001: another topic
    h.issue(4, A, m(2)); // A003
    let p = h.issue(5, A, m(2)); // A004, postponed: not ahead of anyone
    h.head_act(p, TicketAction::Postpone { minutes: 30 }, m(2));
    let now = m(3);
    let ahead = |h: &Hall, n| estimate::people_ahead(&h.st, h.ticket(tid(n)), now);
    assert_eq!(ahead(&h, 1), 0);
    assert_eq!(ahead(&h, 2), 1);
    assert_eq!(ahead(&h, 4), 2);
    assert_eq!(ahead(&h, 3), 0);
    // An out-of-turn visitor goes before everyone but other out-of-turn visitors.
    h.issue_out_of_turn(6, A, m(3));
    h.issue_out_of_turn(7, A, m(3));
    assert_eq!(ahead(&h, 6), 0);
    assert_eq!(ahead(&h, 7), 1);
    assert_eq!(ahead(&h, 4), 4);
}

// ---------------------------------------------------------------------------------------
// 8. Topics, windows and office configuration
// ---------------------------------------------------------------------------------------

#[test]
fn topic_prefixes_are_checked() {
    let mut h = Hall::new();
    // Another topic's prefix, in any case.
    for prefix in ["B", "b", " b "] {
        let err = h.refused(
            Command::PutTopic {
                topic: topic(TopicId(4), prefix, 15, 20),
            },
            t0(),
        );
        assert_eq!(conflict_code(err), "prefix_taken", "{prefix:?}");
    }
    // Not one or two letters.
    for prefix in ["", "ABC", "A1", "1", "Ω", "-"] {
        let err = h.refused(
            Command::PutTopic {
                topic: topic(TopicId(4), prefix, 15, 20),
            },
            t0(),
        );
        assert!(
            matches!(err, EngineError::Invalid(_)),
            "{prefix:?}: {err:?}"
        );
    }
    // A topic may keep its own prefix.
    h.ok(
        Command::PutTopic {
            topic: topic(B, "b", 7, 12),
        },
        t0(),
    );
    assert_eq!(h.st.topics[&B].prefix, "B");
    assert_eq!(h.st.topics[&B].norms.wait.minutes, 7);
    // A new topic with a Cyrillic two-letter prefix is normalised to upper case.
    let events = h.ok(
        Command::PutTopic {
            topic: topic(TopicId(4), " юл ", 5, 10),
        },
        t0(),
    );
    assert_eq!(names(&events), ["topic_changed"]);
    assert_eq!(h.st.topics[&TopicId(4)].prefix, "ЮЛ");
    h.issue(1, TopicId(4), m(1));
    assert_eq!(h.ticket(tid(1)).label, "ЮЛ001");
}

#[test]
fn topic_names_and_norms_are_checked() {
    let mut h = Hall::new();
    let mut nameless = topic(TopicId(4), "D", 15, 20);
    nameless.name_ru = "  ".into();
    let err = h.refused(Command::PutTopic { topic: nameless }, t0());
    assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");
    for (wait, service) in [(0, 20), (15, 0), (15, 1441)] {
        let err = h.refused(
            Command::PutTopic {
                topic: topic(TopicId(4), "D", wait, service),
            },
            t0(),
        );
        assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");
    }
}

#[test]
fn issuing_needs_a_known_active_topic() {
    let mut h = Hall::new();
    let err = h.refused(Hall::issue_cmd(1, TopicId(99), false), t0());
    assert!(matches!(err, EngineError::NotFound(_)), "{err:?}");
    let mut a = h.st.topics[&A].clone();
    a.active = false;
    h.ok(Command::PutTopic { topic: a }, t0());
    let err = h.refused(Hall::issue_cmd(1, A, false), t0());
    assert_eq!(conflict_code(err), "topic_inactive");
    // Refused issues do not use up numbers.
    h.issue(2, B, t0());
    assert_eq!(h.ticket(tid(2)).label, "B001");
    assert!(!h.st.counters.contains_key("A"));
}

#[test]
fn configure_window_topics_and_label() {
    let mut h = Hall::new();
    h.open(W2, t0());
    h.issue(1, C, m(0));
    assert_eq!(conflict_code(h.call(W2, m(1)).unwrap_err()), "queue_empty");
    let events = h.ok(
        Command::ConfigureWindow {
            window_id: W2,
            label: Some(" Каб. 5 ".into()),
            topics: vec![A, C],
            active: None,
        },
        m(1),
    );
    assert_eq!(names(&events), ["window_changed"]);
    assert!(events[0].load.is_some());
    assert_eq!(h.win(W2).label, "Каб. 5");
    assert_eq!(h.win(W2).topics, [A, C]);
    let events = h.call(W2, m(2)).unwrap();
    assert!(matches!(
        &events[0].kind,
        EventKind::TicketCalled { window_label, .. } if window_label == "Каб. 5"
    ));

    for (label, topics) in [
        (None, vec![A, TopicId(99)]),
        (None, vec![A, A]),
        (Some("  ".to_string()), vec![A]),
    ] {
        let err = h.refused(
            Command::ConfigureWindow {
                window_id: W2,
                label,
                topics,
                active: None,
            },
            m(3),
        );
        assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");
    }
    let err = h.refused(
        Command::ConfigureWindow {
            window_id: WindowId(99),
            label: None,
            topics: vec![A],
            active: None,
        },
        m(3),
    );
    assert!(matches!(err, EngineError::NotFound(_)), "{err:?}");
}

#[test]
fn moving_the_office_to_another_zone_moves_its_day() {
    // (An unknown zone cannot reach the engine: `TimeZone` is parsed where it arrives.)
    let mut h = Hall::new();
    // Moving the office to Barnaul (UTC+7): its day now ends at 17:00 UTC.
    let mut barnaul = office();
    barnaul.time_zone = chrono_tz::Asia::Barnaul.into();
    h.ok(
        Command::PutOffice {
            office: Box::new(barnaul),
        },
        t0(),
    );
    h.issue(1, A, at("2026-03-10T16:58:00Z"));
    let events = h.tick(at("2026-03-10T17:00:00Z"));
    assert_eq!(names(&events), ["service_day_started", "ticket_cancelled"]);
}

// ---------------------------------------------------------------------------------------
// A whole morning
// ---------------------------------------------------------------------------------------

#[test]
fn a_morning_in_the_office_keeps_windows_and_tickets_consistent() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.open(W2, t0());
    h.open(W3, t0());
    for n in 1..=12u128 {
        let topic = [A, B, C][(n % 3) as usize];
        h.issue(n, topic, m(i64::try_from(n).unwrap()));
    }
    let mut now = m(13);
    let mut served = 0;
    while !h.st.tickets.is_empty() {
        for w in [W1, W2, W3] {
            match h.win(w).current_ticket {
                None => {
                    if h.call(w, now).is_ok() {
                        let id = h.win(w).current_ticket.unwrap();
                        assert_eq!(h.ticket(id).status, TicketStatus::Called);
                        assert_eq!(h.ticket(id).window_id, Some(w));
                    }
                }
                Some(id) => match h.ticket(id).status {
                    TicketStatus::Called => {
                        h.act(id, TicketAction::Start, now);
                    }
                    TicketStatus::Serving => {
                        h.act(id, resolved(), now);
                        served += 1;
                    }
                    other => panic!("window {w} holds a {other:?} ticket"),
                },
            }
            // Every window's current ticket is at that window, and back.
            for window in h.st.windows.values() {
                if let Some(id) = window.current_ticket {
                    assert_eq!(h.st.tickets[&id].window_id, Some(window.id));
                }
            }
            for ticket in h.st.tickets.values() {
                if let Some(w) = ticket.window_id {
                    assert_eq!(h.st.windows[&w].current_ticket, Some(ticket.id));
                }
            }
        }
        now += Duration::minutes(1);
        assert!(now < m(200), "the queue never drained");
    }
    assert_eq!(served, 12);
    // With the queue drained every alert raised on the way has been cleared.
    assert!(h.st.alerts.is_empty(), "{:?}", h.st.alerts);
    assert!(h.st.windows.values().all(|w| w.state == WindowState::Idle));
}

// ---- rules fixed after review ----

#[test]
fn closing_a_window_returns_tickets_transferred_to_it_to_their_topic() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.open(W2, t0());
    let t = h.issue(1, A, t0());
    h.call_ok(W1, m(1));
    h.act(t, to_window(W2, QueuePlace::Back), m(2));
    assert_eq!(h.ticket(t).target_window, Some(W2));
    let events = h.ok(Hall::window_cmd(W2, agent(2), WindowAction::Close), m(3));
    assert_eq!(
        names(&events)[..2],
        ["window_changed", "ticket_transferred"]
    );
    assert_eq!(h.ticket(t).target_window, None);
    // Window 1 (topic A) can call it again.
    assert_eq!(h.call_ok(W1, m(4)).id, t);
}

#[test]
fn a_late_tick_does_not_lose_the_wait_after_a_postponement() {
    let mut h = Hall::new();
    let t = h.issue(1, A, t0());
    h.head_act(t, TicketAction::Postpone { minutes: 10 }, m(2));
    // The server was down: the first tick after the postponement is 5 minutes late.
    h.tick(m(17));
    assert_eq!(h.ticket(t).wait_ms_at(m(17)), 2 * MIN + 5 * MIN);
}

#[test]
fn a_supervisor_calling_for_an_agent_credits_the_agent() {
    let mut h = Hall::new();
    h.open(W1, t0());
    let t = h.issue(1, A, t0());
    h.ok(Hall::window_cmd(W1, head(), WindowAction::CallNext), m(1));
    assert_eq!(h.ticket(t).agent_id, Some(StaffId(1)));
    h.head_act(t, TicketAction::Start, m(2));
    let events = h.head_act(t, resolved(), m(3));
    assert_eq!(
        ticket_in(&events, "ticket_finished").agent_id,
        Some(StaffId(1))
    );
}

#[test]
fn no_show_and_cancel_close_the_walk_and_leave_the_window() {
    let mut h = Hall::new();
    h.open(W1, t0());
    let a = h.issue(1, A, t0());
    let b = h.issue(2, A, t0());
    h.call_ok(W1, m(1));
    let events = h.act(a, TicketAction::NoShow, m(4));
    let gone = ticket_in(&events, "ticket_no_show");
    assert_eq!(gone.walk_ms, 3 * MIN);
    assert_eq!(gone.window_id, None);
    h.call_ok(W1, m(5));
    let events = h.act(b, TicketAction::Cancel { reason: None }, m(7));
    let cancelled = ticket_in(&events, "ticket_cancelled");
    assert_eq!(cancelled.walk_ms, 2 * MIN);
    assert_eq!(cancelled.window_id, None);
}

#[test]
fn people_ahead_skips_tickets_sent_to_a_specific_window() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.open(W2, t0());
    let sent = h.issue(1, A, t0());
    h.call_ok(W1, m(1));
    h.act(sent, to_window(W2, QueuePlace::Back), m(2));
    let mine = h.issue(2, A, m(3));
    assert_eq!(estimate::people_ahead(&h.st, h.ticket(mine), m(3)), 0);
}

#[test]
fn latin_and_cyrillic_look_alike_prefixes_collide() {
    let mut h = Hall::new();
    let existing = h.st.topics[&A].prefix.clone();
    assert_eq!(existing, "A");
    let mut twin = topic(TopicId(9), "А", 15, 20); // Cyrillic А
    twin.office_id = OFFICE;
    let err = h.refused(Command::PutTopic { topic: twin }, t0());
    assert_eq!(conflict_code(err), "prefix_taken");
}

#[test]
fn recent_calls_start_empty_each_service_day() {
    let mut h = Hall::new();
    h.open(W1, t0());
    h.issue(1, A, t0());
    h.call_ok(W1, m(1));
    assert_eq!(h.st.recent_calls.len(), 1);
    h.tick(at("2026-11-21T21:00:00Z"));
    assert!(h.st.recent_calls.is_empty());
}

#[test]
fn a_new_window_is_added_closed_and_a_refused_one_leaves_nothing_behind() {
    let mut h = Hall::new();
    let id = WindowId(77);
    let events = h.ok(
        Command::AddWindow {
            window_id: id,
            label: " 7 ".into(),
            topics: vec![A],
        },
        m(0),
    );
    assert_eq!(names(&events), ["window_changed"]);
    assert_eq!(h.win(id).label, "7");
    assert_eq!(h.win(id).state, WindowState::Closed);

    // Refusals are checked on the engine's own state, not through the harness.
    for (window_id, label, topics) in [
        (WindowId(78), "8", vec![TopicId(99)]),
        (WindowId(78), " ", vec![A]),
        (id, "7 again", vec![A]),
    ] {
        let mut state = h.st.clone();
        let command = Command::AddWindow {
            window_id,
            label: label.into(),
            topics,
        };
        assert!(super::apply(&mut state, command, m(1)).is_err());
        assert!(
            !state.windows.contains_key(&WindowId(78)),
            "nothing half-added"
        );
        assert_eq!(
            state.windows[&id].label, "7",
            "the existing window is untouched"
        );
    }
}

#[test]
fn the_public_view_counts_people_ahead_as_the_engine_does() {
    let mut h = Hall::new();
    h.open(W1, t0());
    for n in 1..=6 {
        h.issue(n, if n % 2 == 0 { A } else { B }, m(n as i64));
    }
    // One ticket transferred to a window: nobody's "before me", though it waits.
    h.open(W2, m(7));
    let called = h.call_ok(W1, m(8));
    h.act(called.id, to_window(W2, QueuePlace::Front), m(9));
    h.issue_out_of_turn(7, A, m(9));
    h.issue(8, A, m(10));
    let now = m(11);
    let view = crate::public::statuses(&h.st, now);
    assert_eq!(view.len(), h.st.tickets.len());
    let mut checked = 0;
    for ticket in h.st.tickets.values() {
        let status = &view[&ticket.id];
        if ticket.status == TicketStatus::Waiting {
            assert_eq!(
                status.people_ahead,
                Some(estimate::people_ahead(&h.st, ticket, now)),
                "{}",
                ticket.label
            );
            checked += 1;
        }
        assert_eq!(status.label, ticket.label);
    }
    assert!(checked >= 7, "{checked}");
    // The out-of-turn ticket has nobody ahead; so does the one sent to window 2.
    assert_eq!(view[&tid(7)].people_ahead, Some(0));
    assert_eq!(view[&called.id].transferred_to_window.as_deref(), Some("2"));
    assert!(view[&tid(7)].soon && view[&tid(7)].can_leave);
}
