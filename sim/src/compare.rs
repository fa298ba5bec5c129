//! Advice that works, measured (issue 15, `talon-sim compare`): the default day opened
//! with two windows fewer than the scenario staffs, run three ways on the same seeded
//! arrivals:
//! - **advised**: an office head looks at the staffing advisor every five minutes and
//!   follows it (`staffing::Head`): back-office colleagues come to closed windows when a
//!   topic is in trouble, open windows take topics, windows not needed close;
//! - **static**: the same staff-hours as the advised day, as a fixed plan (so many
//!   windows all day, one more from opening for the rest);
//! - **as planned**: the scenario's own windows, all staffed all day, for reference.
//!
//! The office has room for more windows than the scenario staffs (the back office's
//! people can sit at them): `EXTRA_WINDOWS`, serving every topic. Figures per visitor:
//! the share called within 15 minutes (the norm the rules name) and within their
//! topic's own wait norm; a visitor never called counts as not within.

use crate::driver::{self, Staffing};
use crate::scenario::{Scenario, WindowSpec};
use crate::staffing::Head;
use crate::world::{Pace, World, local};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use talon_protocol::{EventKind, TicketId, TopicId};
use tokio::sync::watch;

/// Windows the office has besides the scenario's, for the back office to staff.
pub const EXTRA_WINDOWS: usize = 4;
/// How many fewer windows than the scenario's are staffed at opening.
pub const FEWER: usize = 2;
/// The norm the target names.
const NORM_MIN: i64 = 15;
/// Target: the advised day keeps at least this share within 15 minutes.
pub const TARGET: f64 = 0.95;

/// The scenario's office with the extra windows (after its own, serving every topic).
pub fn office(scenario: &Scenario) -> Scenario {
    let mut office = scenario.clone();
    let all: Vec<String> = scenario.topics.iter().map(|t| t.prefix.clone()).collect();
    for n in 0..EXTRA_WINDOWS {
        office.windows.push(WindowSpec {
            label: format!("{}", scenario.windows.len() + n + 1),
            topics: all.clone(),
        });
    }
    office
}

/// One day under one staffing.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct DayFigures {
    pub staff_hours: f64,
    pub visitors: u32,
    pub within_15_min: u32,
    pub within_topic_norm: u32,
    pub total_wait_min: f64,
}

/// A staffing over all the days.
#[derive(Debug, Clone, Serialize)]
pub struct PolicySummary {
    pub policy: String,
    pub days: u32,
    pub staff_hours_per_day: f64,
    pub visitors: u32,
    pub within_15_min: f64,
    pub within_topic_norm: f64,
    pub mean_wait_min: f64,
}

impl PolicySummary {
    fn of(policy: &str, days: &[DayFigures]) -> PolicySummary {
        let visitors: u32 = days.iter().map(|d| d.visitors).sum();
        let share = |n: u32| f64::from(n) / f64::from(visitors.max(1));
        PolicySummary {
            policy: policy.to_string(),
            days: days.len() as u32,
            staff_hours_per_day: days.iter().map(|d| d.staff_hours).sum::<f64>()
                / days.len().max(1) as f64,
            visitors,
            within_15_min: share(days.iter().map(|d| d.within_15_min).sum()),
            within_topic_norm: share(days.iter().map(|d| d.within_topic_norm).sum()),
            mean_wait_min: days.iter().map(|d| d.total_wait_min).sum::<f64>()
                / f64::from(visitors.max(1)),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub advised: PolicySummary,
    pub fixed: PolicySummary,
    pub as_planned: PolicySummary,
    /// What the advised heads did over the days.
    pub windows_opened: u32,
    pub topics_added: u32,
    pub windows_closed: u32,
}

/// Runs one day of the office under `staffing` and counts its visitors' waits.
pub async fn run_day(
    office: &Scenario,
    day: NaiveDate,
    seed: u64,
    staffing: Staffing,
) -> anyhow::Result<(DayFigures, Staffing)> {
    let world = World::in_process(office, day).await?;
    let (_stop_tx, stop) = watch::channel(false);
    let mut staffing = staffing;
    let outcome = driver::run_staffed_day(&world, office, day, seed, stop, &mut staffing).await?;
    let Pace::Virtual { queues, .. } = &world.pace else {
        anyhow::bail!("compared in-process");
    };
    let events = queues
        .store()
        .events_since(world.office, 0, u32::MAX)
        .await?;
    let norms: HashMap<TopicId, i64> = world
        .topics
        .iter()
        .zip(&office.topics)
        .map(|(id, spec)| (*id, i64::from(spec.norms[0])))
        .collect();
    let mut issued: HashMap<TicketId, TopicId> = HashMap::new();
    let mut first_call: HashMap<TicketId, i64> = HashMap::new();
    for event in &events {
        match &event.kind {
            EventKind::TicketIssued { ticket } => {
                issued.insert(ticket.id, ticket.topic_id);
            }
            EventKind::TicketCalled { ticket, .. } => {
                first_call.entry(ticket.id).or_insert(ticket.wait_ms);
            }
            _ => {}
        }
    }
    world.stop().await?;
    let mut figures = DayFigures {
        staff_hours: outcome.staff_hours,
        visitors: issued.len() as u32,
        ..DayFigures::default()
    };
    for (ticket, topic) in &issued {
        let Some(wait) = first_call.get(ticket) else {
            continue;
        };
        let minutes = *wait as f64 / 60_000.0;
        figures.total_wait_min += minutes;
        figures.within_15_min += u32::from(*wait <= NORM_MIN * 60_000);
        let norm = norms.get(topic).copied().unwrap_or(NORM_MIN);
        figures.within_topic_norm += u32::from(*wait <= norm * 60_000);
    }
    Ok((figures, staffing))
}

/// The three staffings over the seeded days.
pub async fn compare(
    scenario: &Scenario,
    day: NaiveDate,
    seeds: impl Iterator<Item = u64>,
    mut progress: impl FnMut(u64, &DayFigures, &DayFigures, &DayFigures),
) -> anyhow::Result<Comparison> {
    let office = office(scenario);
    let at_opening = scenario.windows.len().saturating_sub(FEWER).max(1);
    let tz = scenario.time_zone.tz();
    let day_length = local(tz, day, scenario.close) - local(tz, day, scenario.open);
    let (mut advised, mut fixed, mut planned) = (Vec::new(), Vec::new(), Vec::new());
    let mut heads = Head::default();
    for seed in seeds {
        let (a, staffing) =
            run_day(&office, day, seed, Staffing::Advised(Head::new(at_opening))).await?;
        if let Staffing::Advised(head) = staffing {
            heads.opened += head.opened;
            heads.topics_added += head.topics_added;
            heads.closed += head.closed;
        }
        let (f, _) = run_day(
            &office,
            day,
            seed,
            Staffing::fixed(a.staff_hours, day_length),
        )
        .await?;
        let (p, _) = run_day(scenario, day, seed, Staffing::All).await?;
        progress(seed, &a, &f, &p);
        advised.push(a);
        fixed.push(f);
        planned.push(p);
    }
    Ok(Comparison {
        advised: PolicySummary::of("advised", &advised),
        fixed: PolicySummary::of("static", &fixed),
        as_planned: PolicySummary::of("as planned", &planned),
        windows_opened: heads.opened,
        topics_added: heads.topics_added,
        windows_closed: heads.closed,
    })
}

/// The comparison as a table with its verdict.
pub fn render(scenario: &Scenario, c: &Comparison) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let at_opening = scenario.windows.len().saturating_sub(FEWER).max(1);
    let _ = writeln!(
        out,
        "| staffing | days | staff-hours a day | visitors | within 15 min | within the topic's norm | mean wait, min |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for (label, s) in [
        (
            format!("advised (opens with {at_opening}, follows the advisor)"),
            &c.advised,
        ),
        ("static, the same staff-hours".to_string(), &c.fixed),
        (
            format!("as planned ({} windows all day)", scenario.windows.len()),
            &c.as_planned,
        ),
    ] {
        let _ = writeln!(
            out,
            "| {label} | {} | {:.1} | {} | {:.1} % | {:.1} % | {:.1} |",
            s.days,
            s.staff_hours_per_day,
            s.visitors,
            s.within_15_min * 100.0,
            s.within_topic_norm * 100.0,
            s.mean_wait_min
        );
    }
    let _ = writeln!(
        out,
        "\nWhat the heads did: windows opened {}, topics given to open windows {}, windows let close {}.",
        c.windows_opened, c.topics_added, c.windows_closed
    );
    let met = c.advised.within_15_min >= TARGET && c.fixed.within_15_min < c.advised.within_15_min;
    let _ = writeln!(
        out,
        "Target: advised ≥ {:.0} % within 15 min, and more than the static plan: {}",
        TARGET * 100.0,
        if met { "met" } else { "NOT met" }
    );
    out
}
