//! `talon-sim compare` on a short busy day: the head opens with two windows fewer,
//! follows the advisor (and so brings more windows in), and the static plan gets the
//! same staff-hours.

use talon_sim::compare;
use talon_sim::scenario::Scenario;

/// The default office open two hours, busy enough for the advisor to have something to
/// say to a head who opens with four windows.
fn short_day() -> Scenario {
    let mut scenario = Scenario::default_office();
    scenario.close = "10:00".parse().unwrap();
    scenario.lunch = None;
    scenario.hourly_profile.truncate(2);
    scenario.visitors = 120.0;
    scenario
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_head_following_the_advice_is_compared_with_a_static_plan_of_the_same_hours() {
    let scenario = short_day();
    let day = "2026-11-20".parse().unwrap();
    let mut days = Vec::new();
    let comparison = compare::compare(&scenario, day, 1..2, |seed, a, f, p| {
        days.push((seed, *a, *f, *p));
    })
    .await
    .unwrap();
    assert_eq!(days.len(), 1);
    let (_, advised, fixed, planned) = days[0];
    // The head asked for help: more windows than the four it opened with.
    assert!(comparison.windows_opened >= 1, "{comparison:?}");
    assert!(advised.staff_hours > 4.0 * 2.0, "{advised:?}");
    // The static plan has the same staff-hours, give or take the visit in hand when its
    // part-time window closes.
    assert!(
        (fixed.staff_hours - advised.staff_hours).abs() < 0.75,
        "{fixed:?} vs {advised:?}"
    );
    // Six windows for two hours.
    assert!((planned.staff_hours - 12.0).abs() < 0.1, "{planned:?}");
    for figures in [advised, fixed, planned] {
        assert!(figures.visitors > 50, "{figures:?}");
        assert!(figures.within_15_min <= figures.visitors);
        assert!(figures.within_topic_norm <= figures.visitors);
    }
    let table = compare::render(&scenario, &comparison);
    assert!(table.contains("advised (opens with 4"), "{table}");
    assert!(table.contains("Target"), "{table}");
    let json = serde_json::to_value(&comparison).unwrap();
    assert_eq!(json["advised"]["days"], 1);
}
