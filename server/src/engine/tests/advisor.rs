//! The staffing advisor on hand-made offices: a queue one window cannot serve in time
//! (open one more, and by when), an open window with time to spare (take the topic), a
//! quiet office (a window may close); advice repeated is no news.

use super::*;
use crate::forecast::advisor::{Demand, advise};
use talon_protocol::advice::AdviceKind;

fn demand(pairs: &[(TopicId, f64)]) -> Demand {
    pairs.iter().copied().collect()
}

/// Window 2 (topic A, services of 20 minutes) open, four A visitors waiting.
fn a_queue_at_window_2() -> Hall {
    let mut h = Hall::new();
    h.open(W2, t0());
    for n in 1..=4 {
        h.issue(n, A, t0());
    }
    h
}

#[test]
fn a_queue_one_window_cannot_serve_in_time_asks_for_another_window_and_says_by_when() {
    let h = a_queue_at_window_2();
    // 9 an hour at 20 minutes each: 3 Erlangs on one window.
    let advice = advise(&h.st, &demand(&[(A, 9.0)]), m(1));
    assert_eq!(advice.len(), 1, "{advice:?}");
    let open = &advice[0];
    assert_eq!(open.kind, AdviceKind::OpenWindow);
    assert_eq!(open.topic_id, Some(A));
    assert_eq!(open.window_id, None, "no open window could take A");
    let n = &open.numbers;
    assert_eq!(n.arrivals_per_hour, 9.0);
    assert_eq!(n.mean_service_min, 20.0, "the service norm stands in");
    assert_eq!(n.windows_open, 1.0);
    assert_eq!(n.share_over_norm, 1.0, "one window cannot keep up at all");
    // Erlang C for 95 % within 15 minutes, by hand: with 5 windows C(5, 3) = 0.236 and
    // e^(−(5/20 − 9/60)·15) = 0.223, so 5.3 % wait longer; 6 windows are needed.
    assert_eq!(n.windows_needed, 6);
    // The queue grows by 9/60 − 1/20 = 0.1 people a minute, 20 minutes of wait each:
    // from no forecast (0) to the 15-minute norm in 7½ minutes.
    assert_eq!(open.breach_at, Some(ms(8, 30)));
}

#[test]
fn an_open_window_with_time_to_spare_is_asked_to_take_the_topic() {
    let mut h = a_queue_at_window_2();
    h.open(W3, t0()); // serves B and C, for whom nobody comes
    let advice = advise(&h.st, &demand(&[(A, 9.0)]), m(1));
    assert_eq!(advice.len(), 1, "{advice:?}");
    assert_eq!(advice[0].kind, AdviceKind::AddTopic);
    assert_eq!(advice[0].topic_id, Some(A));
    assert_eq!(advice[0].window_id, Some(W3));
}

#[test]
fn a_quiet_office_may_close_a_window_for_the_hour() {
    let mut h = Hall::new();
    for w in [W1, W2, W3] {
        h.open(w, t0());
    }
    let advice = advise(&h.st, &demand(&[(A, 1.0), (B, 1.0)]), m(1));
    assert_eq!(advice.len(), 1, "{advice:?}");
    assert_eq!(advice[0].kind, AdviceKind::CloseWindow);
    // The last idle window: B is still served by window 1, C has nobody coming.
    assert_eq!(advice[0].window_id, Some(W3));
    assert_eq!(advice[0].until, Some(m(61)));
    // Busier, none may close.
    let advice = advise(&h.st, &demand(&[(A, 6.0), (B, 6.0)]), m(1));
    assert!(
        advice.iter().all(|a| a.kind != AdviceKind::CloseWindow),
        "{advice:?}"
    );
}

#[test]
fn advice_is_an_event_when_it_changes_and_not_when_it_is_said_again() {
    let mut h = a_queue_at_window_2();
    let advise_cmd = |rate| Command::Advise {
        demand: demand(&[(A, rate)]),
    };
    let events = h.ok(advise_cmd(9.0), m(1));
    let advice = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::AdviceChanged { advice } => Some(advice.clone()),
            _ => None,
        })
        .expect("new advice is an event");
    assert_eq!(advice[0].kind, AdviceKind::OpenWindow);
    assert_eq!(h.st.advice, advice);
    // The same advice a minute later, with other numbers: no news.
    let events = h.ok(advise_cmd(10.0), m(2));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.kind, EventKind::AdviceChanged { .. })),
        "{events:?}"
    );
    // No more arrivals expected and nothing predicted: the advice no longer stands,
    // and that is news too.
    let events = h.ok(
        Command::Advise {
            demand: demand(&[]),
        },
        m(3),
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(&e.kind, EventKind::AdviceChanged { advice } if advice.is_empty())),
        "{events:?}"
    );
    assert!(h.st.advice.is_empty());
}
