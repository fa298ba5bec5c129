//! A what-if as the API and the command line ask it: the plan checked against the
//! office, the arrivals given with it or learned from the last four same weekdays, the
//! planned day simulated (`plan::simulate`, off the async threads). Changes nothing.

use crate::engine::EngineError;
use crate::queues::{QueueError, Queues};
use std::collections::HashSet;
use talon_protocol::advice::{DayPlan, PlanOutcome};
use talon_protocol::{OfficeId, TopicId};

/// Most windows a planned hour may have.
const MAX_WINDOWS: usize = 200;
/// Most visitors a topic may be planned to have in an hour.
const MAX_VISITORS: f64 = 10_000.0;

/// Whether the plan fits an office with these topics; the refusal says what to fix.
pub fn check(plan: &DayPlan, topics: &HashSet<TopicId>) -> Result<(), String> {
    let mut seen = HashSet::new();
    for hour in &plan.hours {
        if hour.hour > 23 || !seen.insert(hour.hour) {
            return Err(format!(
                "hour {} is not an hour of the day, or is planned twice (0..=23, once each)",
                hour.hour
            ));
        }
        if hour.windows.len() > MAX_WINDOWS {
            return Err(format!("at most {MAX_WINDOWS} windows an hour"));
        }
        for topic in hour.windows.iter().flatten() {
            if !topics.contains(topic) {
                return Err(format!("topic {topic} is not a topic of this office"));
            }
        }
    }
    for a in plan.arrivals.iter().flatten() {
        if a.hour > 23 || !topics.contains(&a.topic_id) {
            return Err(format!(
                "arrivals for topic {} at hour {}: an office topic and an hour 0..=23",
                a.topic_id, a.hour
            ));
        }
        if !a.visitors.is_finite() || a.visitors < 0.0 || a.visitors > MAX_VISITORS {
            return Err(format!(
                "visitors in an hour are between 0 and {MAX_VISITORS}"
            ));
        }
    }
    Ok(())
}

/// Runs the plan for the office (seeded by the office: the same plan, the same answer).
pub async fn run(
    queues: &Queues,
    office: OfficeId,
    plan: DayPlan,
) -> Result<PlanOutcome, QueueError> {
    let queue = queues.office(office)?;
    let now = queues.now();
    let (snapshot, input) = {
        let guard = queue.lock().await;
        (guard.clone(), super::demand::DemandInput::of(&guard, now))
    };
    let topics = snapshot.topics.keys().copied().collect();
    check(&plan, &topics).map_err(EngineError::Invalid)?;
    let (arrivals, from) = match &plan.arrivals {
        Some(given) => (
            given
                .iter()
                .map(|a| ((a.topic_id, a.hour), a.visitors))
                .collect(),
            "plan",
        ),
        None => {
            let learned =
                super::demand::by_hour_of_weekday(queues.store(), &input, plan.day).await?;
            let from = if learned.is_empty() {
                "none"
            } else {
                "history"
            };
            (learned, from)
        }
    };
    let simulated = tokio::task::spawn_blocking(move || {
        super::plan::simulate(&snapshot, &plan, &arrivals, from, office.0 as u64)
    })
    .await;
    // The simulation does not fail; a panic in it is a bug, passed on as one.
    Ok(simulated.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic())))
}

/// The outcome as the command line prints it.
pub fn render(
    office: OfficeId,
    day: chrono::NaiveDate,
    outcome: &PlanOutcome,
    topics: &std::collections::BTreeMap<TopicId, talon_protocol::Topic>,
) -> String {
    use std::fmt::Write;
    let minutes = |ms: i64| ms as f64 / 60_000.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "what-if for office {office} on {day}: {} simulated days, arrivals from {}",
        outcome.runs, outcome.arrivals_from
    );
    let _ = writeln!(
        out,
        "{} window-hours, {:.1} visitors a day; within the wait norm {:.1} %, average wait {:.1} min",
        outcome.staff_hours,
        outcome.visitors,
        outcome.within_wait_norm * 100.0,
        minutes(outcome.average_wait_ms)
    );
    match outcome.peak_hour {
        Some(hour) => {
            let _ = writeln!(
                out,
                "worst hour {hour:02}:00, its visitors waiting {:.1} min on average",
                minutes(outcome.peak_wait_ms)
            );
        }
        None => {
            let _ = writeln!(out, "no visitors: no worst hour");
        }
    }
    let _ = writeln!(out, "\n| topic | visitors | within norm | average wait |");
    let _ = writeln!(out, "|---|---|---|---|");
    for topic in &outcome.topics {
        let name = topics.get(&topic.topic_id).map_or_else(
            || topic.topic_id.to_string(),
            |t| format!("{} {}", t.prefix, t.name_ru),
        );
        let _ = writeln!(
            out,
            "| {name} | {:.1} | {:.1} % | {:.1} min |",
            topic.visitors,
            topic.within_wait_norm * 100.0,
            minutes(topic.average_wait_ms)
        );
    }
    out
}
