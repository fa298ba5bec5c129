//! What-if: a planned day (windows open per local hour and the topics each serves) run
//! through a simulation of the whole day, many times: visitors arrive per topic and hour
//! (a Poisson process at the planned or learned rate), each free window calls the
//! waiting visitor of its topics furthest through their wait norm (the office's rule
//! without out-of-turn and bookings, which a plan does not know), services are drawn as
//! the live forecast draws them. The answer: the share within each wait norm, the
//! average wait, and the worst hour.

use super::forward::Services;
use crate::engine::OfficeState;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use talon_protocol::TopicId;
use talon_protocol::advice::{DayPlan, PlanOutcome, TopicOutcome};

/// Simulated days per what-if.
pub const RUNS: u32 = 40;
const HOUR_MS: i64 = 3_600_000;

struct Visitor {
    topic: TopicId,
    arrived: i64,
}

/// Expected visitors per topic and local hour.
pub type Arrivals = BTreeMap<(TopicId, u32), f64>;

/// Runs the plan `RUNS` times from `seed`, in milliseconds from local midnight.
pub fn simulate(
    state: &OfficeState,
    plan: &DayPlan,
    arrivals: &Arrivals,
    arrivals_from: &str,
    seed: u64,
) -> PlanOutcome {
    let services: BTreeMap<TopicId, Services> = state
        .topics
        .keys()
        .map(|t| (*t, Services::of(state, *t)))
        .collect();
    let norm_ms = |t: TopicId| i64::from(state.norms_of(t).wait.minutes) * 60_000;
    let windows_in = |hour: u32| -> Vec<Vec<TopicId>> {
        plan.hours
            .iter()
            .find(|h| h.hour == hour)
            .map(|h| h.windows.clone())
            .unwrap_or_default()
    };
    let mut rng = StdRng::seed_from_u64(seed);
    // Per topic: (visitors, within, total wait); per arrival hour: (visitors, total wait).
    let mut topics: BTreeMap<TopicId, (f64, f64, f64)> = BTreeMap::new();
    let mut hours: BTreeMap<u32, (f64, f64)> = BTreeMap::new();
    for _ in 0..RUNS {
        let mut visitors: Vec<Visitor> = Vec::new();
        for (&(topic, hour), &rate) in arrivals {
            if rate <= 0.0 || !services.contains_key(&topic) {
                continue;
            }
            let mut at = f64::from(hour) * HOUR_MS as f64;
            let end = at + HOUR_MS as f64;
            loop {
                let gap: f64 = -rng.random_range(f64::EPSILON..1.0f64).ln() / rate;
                at += gap * HOUR_MS as f64;
                if at >= end {
                    break;
                }
                visitors.push(Visitor {
                    topic,
                    arrived: at as i64,
                });
            }
        }
        visitors.sort_by_key(|v| v.arrived);
        let waits = run_day(&visitors, &windows_in, &services, &norm_ms, &mut rng);
        for (visitor, wait) in visitors.iter().zip(waits) {
            let t = topics.entry(visitor.topic).or_default();
            t.0 += 1.0;
            if wait <= norm_ms(visitor.topic) {
                t.1 += 1.0;
            }
            t.2 += wait as f64;
            let h = hours.entry((visitor.arrived / HOUR_MS) as u32).or_default();
            h.0 += 1.0;
            h.1 += wait as f64;
        }
    }
    let runs = f64::from(RUNS);
    let (all, within, wait) = topics
        .values()
        .fold((0.0, 0.0, 0.0), |a, t| (a.0 + t.0, a.1 + t.1, a.2 + t.2));
    let peak = hours
        .iter()
        .map(|(h, (n, w))| (*h, w / n))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    PlanOutcome {
        runs: RUNS,
        staff_hours: plan.hours.iter().map(|h| h.windows.len() as u32).sum(),
        visitors: all / runs,
        within_wait_norm: if all > 0.0 { within / all } else { 1.0 },
        average_wait_ms: if all > 0.0 { (wait / all) as i64 } else { 0 },
        peak_wait_ms: peak.map_or(0, |p| p.1 as i64),
        peak_hour: peak.map(|p| p.0),
        topics: topics
            .iter()
            .map(|(t, (n, w, total))| TopicOutcome {
                topic_id: *t,
                visitors: n / runs,
                within_wait_norm: w / n,
                average_wait_ms: (total / n) as i64,
            })
            .collect(),
        arrivals_from: arrivals_from.to_string(),
    }
}

/// One day: every visitor's wait (to the end of the day for one never called).
fn run_day(
    visitors: &[Visitor],
    windows_in: &dyn Fn(u32) -> Vec<Vec<TopicId>>,
    services: &BTreeMap<TopicId, Services>,
    norm_ms: &dyn Fn(TopicId) -> i64,
    rng: &mut StdRng,
) -> Vec<i64> {
    const DAY_MS: i64 = 24 * HOUR_MS;
    let mut waits: Vec<Option<i64>> = vec![None; visitors.len()];
    let mut next_arrival = 0;
    let mut waiting: Vec<usize> = Vec::new();
    // Each planned window slot: when it is free next.
    let mut free_at: Vec<i64> = Vec::new();
    let mut now = 0i64;
    while now < DAY_MS {
        let hour = (now / HOUR_MS) as u32;
        let slots = windows_in(hour);
        free_at.resize(free_at.len().max(slots.len()), 0);
        while next_arrival < visitors.len() && visitors[next_arrival].arrived <= now {
            waiting.push(next_arrival);
            next_arrival += 1;
        }
        for (slot, topics) in slots.iter().enumerate() {
            if free_at[slot] > now {
                continue;
            }
            // Furthest through the wait norm, then the earliest.
            let pick = waiting
                .iter()
                .enumerate()
                .filter(|(_, v)| topics.contains(&visitors[**v].topic))
                .max_by(|(_, a), (_, b)| {
                    let ratio = |v: usize| {
                        (now - visitors[v].arrived) as f64
                            / norm_ms(visitors[v].topic).max(1) as f64
                    };
                    ratio(**a)
                        .total_cmp(&ratio(**b))
                        .then(visitors[**b].arrived.cmp(&visitors[**a].arrived))
                })
                .map(|(i, v)| (i, *v));
            if let Some((index, visitor)) = pick {
                waiting.swap_remove(index);
                waits[visitor] = Some(now - visitors[visitor].arrived);
                let service = services[&visitors[visitor].topic].draw(rng);
                free_at[slot] = now + service.max(1);
            }
        }
        // The next moment anything can change: an arrival, a window free, the hour.
        let mut next = ((now / HOUR_MS) + 1) * HOUR_MS;
        if let Some(v) = visitors.get(next_arrival) {
            next = next.min(v.arrived.max(now + 1));
        }
        for (slot, _) in slots.iter().enumerate() {
            if free_at[slot] > now {
                next = next.min(free_at[slot]);
            }
        }
        now = next;
    }
    waits
        .iter()
        .zip(visitors)
        .map(|(w, v)| w.unwrap_or(DAY_MS - v.arrived))
        .collect()
}
