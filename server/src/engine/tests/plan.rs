//! The what-if's planned day on a hand-made office: one topic (wait norm 15 min,
//! services around 20), 4 visitors an hour from 9 to 17. Two windows keep most within
//! the norm; one window (1.33 Erlangs on it) does not, and its worst hour is late, when
//! the queue has built up.

use super::*;
use crate::forecast::plan::{Arrivals, RUNS, simulate};
use talon_protocol::advice::{DayPlan, PlannedHour};

fn plan(windows: usize) -> DayPlan {
    DayPlan {
        day: "2026-03-10".parse().unwrap(),
        hours: (9..18)
            .map(|hour| PlannedHour {
                hour,
                windows: vec![vec![A]; windows],
            })
            .collect(),
        arrivals: None,
    }
}

fn arrivals() -> Arrivals {
    (9..17).map(|hour| ((A, hour), 4.0)).collect()
}

#[test]
fn more_windows_keep_more_visitors_within_the_norm_and_the_worst_hour_is_late() {
    let h = Hall::new();
    let two = simulate(&h.st, &plan(2), &arrivals(), "plan", 7);
    let one = simulate(&h.st, &plan(1), &arrivals(), "plan", 7);
    assert_eq!(two.runs, RUNS);
    assert_eq!((two.staff_hours, one.staff_hours), (18, 9));
    // About 32 visitors a day (4 an hour for 8 hours), whatever the windows.
    for outcome in [&two, &one] {
        assert!((25.0..40.0).contains(&outcome.visitors), "{outcome:?}");
        assert_eq!(outcome.topics.len(), 1);
    }
    assert!(two.within_wait_norm > 0.6, "{two:?}");
    assert!(one.within_wait_norm < 0.3, "{one:?}");
    assert!(
        one.average_wait_ms > 3 * two.average_wait_ms,
        "{one:?} {two:?}"
    );
    assert!(one.peak_hour.unwrap() >= 14, "{one:?}");
    // The same seed, the same figures.
    assert_eq!(simulate(&h.st, &plan(1), &arrivals(), "plan", 7), one);
}

#[test]
fn nobody_coming_waits_for_nothing() {
    let h = Hall::new();
    let outcome = simulate(&h.st, &plan(1), &Arrivals::new(), "none", 7);
    assert_eq!(outcome.visitors, 0.0);
    assert_eq!(outcome.within_wait_norm, 1.0);
    assert_eq!(outcome.peak_hour, None);
}
