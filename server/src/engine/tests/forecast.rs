//! The forward simulation on hand-made states: windows sharing topics, a long service in
//! progress, an out-of-turn visitor, a paused window, the walk and the turnaround,
//! visitors who come later; and the range from varied services, the same for the same
//! seed.

use super::*;
use crate::forecast::forward::{WaitRange, forecast};

const MIN: i64 = 60_000;

/// Every topic's recent services: `minutes` each (enough of them to be used).
fn services(h: &mut Hall, minutes: &[i64]) {
    for topic in [A, B, C] {
        h.st.recent_service_ms
            .insert(topic, minutes.iter().map(|m| m * MIN).collect());
    }
}

/// The state as if nobody had come in the last hour: no one is expected to come (the
/// tests of the dispatch look at the queue alone).
fn nobody_comes(state: &OfficeState) -> OfficeState {
    let mut state = state.clone();
    state.flow.arrivals.clear();
    state
}

fn exactly(ms: i64) -> WaitRange {
    WaitRange {
        median_ms: ms,
        low_ms: ms,
        high_ms: ms,
    }
}

#[test]
fn windows_sharing_topics_call_in_the_dispatch_order() {
    let mut h = Hall::new();
    services(&mut h, &[10; 5]);
    h.open(W1, t0()); // serves A and B
    h.open(W2, t0()); // serves A only
    let a1 = h.issue(1, A, t0());
    let b1 = h.issue(2, B, m(1));
    let a2 = h.issue(3, A, m(2));
    let f = forecast(&nobody_comes(&h.st), m(3), 50, 7);
    // B's norm is 5 minutes: B001 is furthest through it and goes to window 1 at once,
    // A001 to window 2; A002 waits for the first to be free again, 10 minutes on.
    assert_eq!(f.tickets[&b1], exactly(0));
    assert_eq!(f.tickets[&a1], exactly(0));
    assert_eq!(f.tickets[&a2], exactly(10 * MIN));
    // A new visitor of A or B waits for the next free window too; C has no open window.
    assert_eq!(f.new_ticket[&A], exactly(10 * MIN));
    assert_eq!(f.new_ticket[&B], exactly(10 * MIN));
    assert!(!f.new_ticket.contains_key(&C));
}

#[test]
fn a_long_service_in_progress_counts_what_has_run() {
    let mut h = Hall::new();
    services(&mut h, &[10; 5]);
    h.open(W2, t0());
    let first = h.issue(1, A, t0());
    h.call_ok(W2, t0());
    h.act(first, TicketAction::Start, t0());
    let next = h.issue(2, A, m(1));
    // Nine minutes of a ten-minute service have run: one is left.
    let f = forecast(&nobody_comes(&h.st), m(9), 50, 7);
    assert_eq!(f.tickets[&next], exactly(MIN));
}

#[test]
fn an_out_of_turn_visitor_goes_first() {
    let mut h = Hall::new();
    services(&mut h, &[10; 5]);
    h.open(W2, t0());
    let first = h.issue(1, A, t0());
    let privileged = h.issue_out_of_turn(2, A, m(1));
    let f = forecast(&nobody_comes(&h.st), m(2), 50, 7);
    assert_eq!(f.tickets[&privileged], exactly(0));
    assert_eq!(f.tickets[&first], exactly(10 * MIN));
}

#[test]
fn a_paused_window_calls_again_when_its_pause_ends() {
    let mut h = Hall::new();
    services(&mut h, &[10; 5]);
    h.open(W2, t0());
    h.ok(
        Hall::window_cmd(
            W2,
            agent(2),
            WindowAction::Pause {
                reason: "обед".into(),
                until: Some(m(20)),
            },
        ),
        t0(),
    );
    let waiting = h.issue(1, A, m(1));
    let f = forecast(&nobody_comes(&h.st), m(5), 50, 7);
    assert_eq!(f.tickets[&waiting], exactly(15 * MIN));
}

#[test]
fn varied_services_give_a_range_and_the_seed_fixes_it() {
    let mut h = Hall::new();
    services(&mut h, &[4, 6, 8, 10, 12, 15, 20, 25]);
    h.open(W2, t0());
    for n in 1..=4 {
        h.issue(n, A, t0());
    }
    let last = tid(4);
    let f = forecast(&nobody_comes(&h.st), m(1), 200, 11);
    let range = f.tickets[&last];
    assert!(
        range.low_ms < range.median_ms && range.median_ms < range.high_ms,
        "{range:?}"
    );
    // Three services ahead of 12.5 minutes on average: the median is near 37.5.
    assert!((30 * MIN..45 * MIN).contains(&range.median_ms), "{range:?}");
    assert_eq!(
        forecast(&nobody_comes(&h.st), m(1), 200, 11),
        f,
        "the same seed, the same forecast"
    );
}

#[test]
fn without_recent_services_the_norm_stands_in() {
    let mut h = Hall::new();
    h.open(W2, t0());
    h.issue(1, A, t0());
    let second = h.issue(2, A, t0());
    // Topic A's service norm is 20 minutes: the second visitor waits about that long.
    let range = forecast(&nobody_comes(&h.st), m(1), 400, 3).tickets[&second];
    assert!((14 * MIN..24 * MIN).contains(&range.median_ms), "{range:?}");
}

#[test]
fn a_visit_takes_the_walk_and_the_turnaround_besides_the_service() {
    let mut h = Hall::new();
    services(&mut h, &[10; 5]);
    h.st.flow.walk_ms = vec![MIN; 5].into();
    h.st.flow.turnaround_ms = vec![MIN; 5].into();
    h.open(W2, t0());
    let first = h.issue(1, A, t0());
    let second = h.issue(2, A, t0());
    let f = forecast(&nobody_comes(&h.st), t0(), 50, 7);
    // The idle window turns around (a minute); then the first visitor walks (one), is
    // served (ten) and the agent turns around again (one).
    assert_eq!(f.tickets[&first], exactly(MIN));
    assert_eq!(f.tickets[&second], exactly(13 * MIN));
}

/// Six visitors of A in the last hour (every ten minutes up to `now`), out of turn or not.
fn came_in_the_last_hour(h: &mut Hall, now: DateTime<Utc>, out_of_turn: bool) {
    h.st.flow.arrivals = (0..6)
        .rev()
        .map(|k| crate::engine::flow::Arrival {
            at: now - chrono::Duration::minutes(10 * k),
            topic: A,
            out_of_turn,
        })
        .collect();
}

#[test]
fn visitors_who_come_later_out_of_turn_delay_those_waiting_and_others_do_not() {
    let mut h = Hall::new();
    services(&mut h, &[10; 5]);
    h.open(W2, t0());
    let first = h.issue(1, A, t0());
    h.call_ok(W2, t0());
    h.act(first, TicketAction::Start, t0());
    let waiting = h.issue(2, A, t0());
    let now = m(1);
    // A ticket of A every ten minutes, none out of turn: they queue behind.
    came_in_the_last_hour(&mut h, now, false);
    assert_eq!(
        forecast(&h.st, now, 200, 5).tickets[&waiting],
        exactly(9 * MIN)
    );
    // All out of turn: about two in three runs see one come within the nine minutes
    // and go first.
    came_in_the_last_hour(&mut h, now, true);
    let range = forecast(&h.st, now, 400, 5).tickets[&waiting];
    assert_eq!(range.low_ms, 9 * MIN, "{range:?}");
    assert!(range.median_ms >= 19 * MIN, "{range:?}");
    assert!(range.high_ms > range.median_ms, "{range:?}");
}

#[test]
fn the_range_people_are_shown_is_calibrated_by_the_office_s_outcomes() {
    let mut h = Hall::new();
    services(&mut h, &[10; 5]);
    h.open(W2, t0());
    h.issue(1, A, t0());
    crate::forecast::live::refresh(&mut h.st, t0());
    let raw = crate::forecast::live::raw_new_ticket(&h.st, A, t0()).expect("a range");
    assert_eq!(crate::forecast::live::new_ticket(&h.st, A, t0()), Some(raw));
    // Forty visitors waited twice what their range at issue said at most.
    h.st.flow.outcomes = (0..40).map(|_| (raw, 2 * raw.high_ms.max(MIN))).collect();
    crate::forecast::live::refresh(&mut h.st, t0());
    let shown = crate::forecast::live::new_ticket(&h.st, A, t0()).expect("a range");
    assert_eq!(
        shown.median_ms, raw.median_ms,
        "the median is the simulation's"
    );
    assert!(shown.high_ms > raw.high_ms, "{shown:?} against {raw:?}");
    // A new ticket keeps the simulation's own range, what the calibration learns from.
    let ticket = h.issue(2, A, t0());
    assert_eq!(h.st.tickets.get(&ticket).unwrap().issue_forecast, Some(raw));
}
