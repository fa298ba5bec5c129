//! `talon-sim accuracy` on two short days: every issued ticket gets its predictions,
//! the called ones their actual waits, and the figures come out in range.

use talon_sim::accuracy;
use talon_sim::scenario::Scenario;

/// The default office open two hours, busy enough for queues to form.
fn short_day() -> Scenario {
    let mut scenario = Scenario::default_office();
    scenario.close = "10:00".parse().unwrap();
    scenario.lunch = None;
    scenario.hourly_profile.truncate(2);
    scenario.visitors = 100.0;
    scenario
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_short_days_are_measured() {
    let scenario = short_day();
    let day = "2026-11-20".parse().unwrap();
    let mut seen = Vec::new();
    let summary = accuracy::measure("short", &scenario, day, 1..=2, |seed, record| {
        seen.push((seed, record.issued, record.samples.len()));
    })
    .await
    .unwrap();

    assert_eq!(seen.len(), 2, "both days ran");
    for (seed, issued, called) in &seen {
        assert!(*issued > 20, "day {seed}: {issued} tickets seen at issue");
        assert!(*called > 0 && *called <= *issued as usize, "day {seed}");
    }
    assert_eq!(summary.days, 2);
    assert_eq!(summary.issued, seen.iter().map(|s| s.1).sum::<u32>());
    assert_eq!(
        summary.issued,
        summary.tickets + summary.never_called + summary.without_forecast
    );
    // Most called tickets have a forecast (every window serves several topics).
    assert!(summary.tickets > summary.issued / 2, "{summary:?}");
    // Queues formed: there was something to predict.
    assert!(summary.mean_actual_wait_min > 1.0, "{summary:?}");
    for errors in [summary.forecast, summary.today, summary.ql] {
        assert!(
            errors.mae_min.is_finite() && errors.mae_min > 0.0,
            "{summary:?}"
        );
        assert!(errors.bias_min.is_finite() && errors.bias_min.abs() <= errors.mae_min);
    }
    for share in [summary.in_range, summary.below_range, summary.above_range] {
        assert!((0.0..=1.0).contains(&share), "{summary:?}");
    }
    let total = summary.in_range + summary.below_range + summary.above_range;
    assert!((total - 1.0).abs() < 1e-9, "{summary:?}");
    // Some waits fall inside the range: the predictions belong to their tickets.
    assert!(summary.in_range > 0.0, "{summary:?}");
    let table = accuracy::render(std::slice::from_ref(&summary));
    assert!(table.contains("short"), "{table}");
    let json = serde_json::to_value(&summary).unwrap();
    assert_eq!(json["tickets"], summary.tickets);
}
