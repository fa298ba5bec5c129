//! Predicted waits: the office's own dispatch rule run forward from its state now, many
//! times, with service times drawn from each topic's recent services (or, with too few,
//! around its service norm). Each run starts from the windows as they are (open and
//! free, serving for so long already, paused until a time) and the queue in dispatch
//! order (out of turn first, booked visitors whose slot began, the rest by their wait
//! against their norm). The result is each waiting visitor's median wait and an 80 %
//! range, and the same for a visitor of each topic taking a ticket now. Seeded, so the
//! same state and seed give the same answer; `runs` bounds the CPU.

use crate::engine::OfficeState;
use chrono::{DateTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, HashMap};
use talon_protocol::dispatch::{dispatch_order, is_eligible};
use talon_protocol::{NewTicket, Ticket, TicketId, TicketStatus, TopicId, Window, WindowState};

/// Fewer recent services than this and the topic's norm stands in for them.
const MIN_SAMPLES: usize = 5;
/// Spread of the stand-in services around the norm (lognormal σ: a coefficient of
/// variation of about one half, as services at a counter have).
const STAND_IN_SIGMA: f64 = 0.5;

pub use talon_protocol::forecast::WaitRange;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Forecast {
    /// Every waiting ticket some open window serves.
    pub tickets: HashMap<TicketId, WaitRange>,
    /// A ticket of each topic taken now (topics no open window serves are absent).
    pub new_ticket: BTreeMap<TopicId, WaitRange>,
}

/// How a topic's services are drawn.
pub(crate) enum Services {
    Recent(Vec<i64>),
    AroundNorm { mean_ms: f64 },
}

impl Services {
    pub(crate) fn of(state: &OfficeState, topic: TopicId) -> Services {
        match state.recent_service_ms.get(&topic) {
            Some(recent) if recent.len() >= MIN_SAMPLES => {
                Services::Recent(recent.iter().copied().collect())
            }
            _ => Services::AroundNorm {
                mean_ms: f64::from(state.norms_of(topic).service.minutes) * 60_000.0,
            },
        }
    }

    pub(crate) fn draw(&self, rng: &mut StdRng) -> i64 {
        match self {
            Services::Recent(samples) => samples[rng.random_range(0..samples.len())],
            Services::AroundNorm { mean_ms } => {
                // Lognormal with this mean: μ = ln(mean) − σ²/2.
                let mu = mean_ms.ln() - STAND_IN_SIGMA * STAND_IN_SIGMA / 2.0;
                (mu + STAND_IN_SIGMA * standard_normal(rng)).exp() as i64
            }
        }
    }

    /// What is left of a service that has run `elapsed_ms`: a draw longer than that,
    /// less what has run (a tenth of a typical one when no draw is that long).
    fn remaining(&self, elapsed_ms: i64, rng: &mut StdRng) -> i64 {
        for _ in 0..20 {
            let total = self.draw(rng);
            if total > elapsed_ms {
                return total - elapsed_ms;
            }
        }
        self.draw(rng) / 10
    }
}

/// Box–Muller: one standard normal from two uniforms.
fn standard_normal(rng: &mut StdRng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A visitor of `topic` taking a ticket now, in the runs only: called, they take no
/// window time (they are not there yet), so they change nobody else's wait.
fn newcomer(state: &OfficeState, topic: TopicId, now: DateTime<Utc>) -> Ticket {
    NewTicket {
        id: TicketId(uuid::Uuid::from_u128(u128::from(topic.0.unsigned_abs()))),
        office_id: state.office.id,
        topic_id: topic,
        label: String::new(),
        number: 0,
        service_day: state.service_day,
        out_of_turn: false,
        public_code: String::new(),
        issued_at: now,
    }
    .into_ticket()
}

/// When each window is free first, or none for a window that calls nobody soon
/// (closed, deactivated, paused without an end).
fn free_at(
    state: &OfficeState,
    window: &Window,
    now: DateTime<Utc>,
    services: &HashMap<TopicId, Services>,
    rng: &mut StdRng,
) -> Option<i64> {
    if !window.active {
        return None;
    }
    let busy = |ticket: &Ticket, rng: &mut StdRng| {
        let elapsed = match ticket.status {
            TicketStatus::Serving => ticket.service_ms_at(now),
            _ => 0,
        };
        services
            .get(&ticket.topic_id)
            .map_or(0, |s| s.remaining(elapsed, rng))
    };
    match window.state {
        WindowState::Closed => None,
        WindowState::Paused => window
            .pause
            .as_ref()
            .and_then(|p| p.until)
            .map(|until| (until - now).num_milliseconds().max(0)),
        WindowState::Idle => Some(0),
        _ => Some(
            window
                .current_ticket
                .and_then(|id| state.tickets.get(&id))
                .map_or(0, |ticket| busy(ticket, rng)),
        ),
    }
}

/// The queue split the way the dispatch rule allows it to be read fast: within one
/// topic, tickets not booked and not sent to a window keep their order whatever the time
/// (one norm, so the longest in line stays first), so only each topic's first is
/// compared; booked and transferred tickets, few, are compared every time.
struct Lanes {
    by_topic: BTreeMap<TopicId, Vec<usize>>,
    others: Vec<usize>,
    /// Each topic's wait norm, read once (the order compares it many times; a few
    /// topics, so a list beats hashing).
    wait_norms: Vec<(TopicId, u32)>,
}

impl Lanes {
    fn of(state: &OfficeState, queue: &[Ticket], now: DateTime<Utc>) -> Lanes {
        let wait_norm = |topic| Some(state.norms_of(topic).wait.minutes);
        let mut by_topic: BTreeMap<TopicId, Vec<usize>> = BTreeMap::new();
        let mut others = Vec::new();
        for (index, ticket) in queue.iter().enumerate() {
            if ticket.booked().is_some() || ticket.target_window.is_some() {
                others.push(index);
            } else {
                by_topic.entry(ticket.topic_id).or_default().push(index);
            }
        }
        for lane in by_topic.values_mut() {
            lane.sort_by(|a, b| dispatch_order(wait_norm, &queue[*a], &queue[*b], now));
        }
        let wait_norms = state
            .topics
            .keys()
            .map(|t| (*t, state.norms_of(*t).wait.minutes))
            .collect();
        Lanes {
            by_topic,
            others,
            wait_norms,
        }
    }
}

/// One run: each ticket's wait from now, by the dispatch rule at each free window.
#[allow(clippy::too_many_arguments)]
fn run(
    state: &OfficeState,
    queue: &[Ticket],
    lanes: &Lanes,
    newcomers: usize,
    now: DateTime<Utc>,
    services: &HashMap<TopicId, Services>,
    rng: &mut StdRng,
    waits: &mut [Vec<i64>],
) {
    let wait_norm = |topic| {
        lanes
            .wait_norms
            .iter()
            .find(|(t, _)| *t == topic)
            .map(|(_, norm)| *norm)
    };
    let mut windows: Vec<(i64, &Window)> = state
        .windows
        .values()
        .filter_map(|w| free_at(state, w, now, services, rng).map(|at| (at, w)))
        .collect();
    // Where each topic's lane stands, and which of the others are called.
    let mut heads: BTreeMap<TopicId, usize> = lanes.by_topic.keys().map(|t| (*t, 0)).collect();
    let mut others_left: Vec<usize> = lanes.others.clone();
    let real = queue.len() - newcomers;
    while !windows.is_empty() {
        let (slot, &(at_ms, window)) = windows
            .iter()
            .enumerate()
            .min_by_key(|(_, (at, w))| (*at, w.id))
            .expect("not empty");
        let at = now + chrono::Duration::milliseconds(at_ms);
        let lane_heads = window.topics.iter().filter_map(|topic| {
            let lane = lanes.by_topic.get(topic)?;
            lane.get(heads[topic]).map(|index| (Some(*topic), *index))
        });
        let other = others_left
            .iter()
            .filter(|t| is_eligible(&queue[**t], window))
            .map(|t| (None, *t));
        let next = lane_heads
            .chain(other)
            .min_by(|(_, a), (_, b)| dispatch_order(wait_norm, &queue[*a], &queue[*b], at));
        let Some((lane, ticket)) = next else {
            // Nobody here for this window: it calls no one else in this run.
            windows.swap_remove(slot);
            continue;
        };
        match lane {
            Some(topic) => *heads.get_mut(&topic).expect("a lane") += 1,
            None => others_left.retain(|t| *t != ticket),
        }
        waits[ticket].push(at_ms);
        if ticket < real {
            let service = services
                .get(&queue[ticket].topic_id)
                .map_or(0, |s| s.draw(rng));
            windows[slot].0 = at_ms + service;
        }
    }
}

fn range(mut waits: Vec<i64>) -> Option<WaitRange> {
    if waits.is_empty() {
        return None;
    }
    waits.sort_unstable();
    let at = |share: f64| waits[((waits.len() - 1) as f64 * share).round() as usize];
    Some(WaitRange {
        median_ms: at(0.5),
        low_ms: at(0.1),
        high_ms: at(0.9),
    })
}

/// The forecast of the office at `now`: `runs` runs from `seed`.
pub fn forecast(state: &OfficeState, now: DateTime<Utc>, runs: u32, seed: u64) -> Forecast {
    let services: HashMap<TopicId, Services> = state
        .topics
        .keys()
        .map(|t| (*t, Services::of(state, *t)))
        .collect();
    let mut queue: Vec<Ticket> = state
        .tickets
        .values()
        .filter(|t| t.status == TicketStatus::Waiting)
        .map(|t| Ticket::clone(t))
        .collect();
    // In a fixed order, so a seed gives the same draws whatever the map's order.
    queue.sort_by_key(|t| t.id);
    let topics: Vec<TopicId> = state.topics.keys().copied().collect();
    queue.extend(topics.iter().map(|t| newcomer(state, *t, now)));
    let mut waits = vec![Vec::with_capacity(runs as usize); queue.len()];
    let lanes = Lanes::of(state, &queue, now);
    let mut rng = StdRng::seed_from_u64(seed);
    for _ in 0..runs {
        run(
            state,
            &queue,
            &lanes,
            topics.len(),
            now,
            &services,
            &mut rng,
            &mut waits,
        );
    }
    let real = queue.len() - topics.len();
    let mut forecast = Forecast::default();
    for (index, waits) in waits.into_iter().enumerate() {
        // A ticket no window calls in some runs is not predicted (no honest number).
        if waits.len() < runs as usize {
            continue;
        }
        let Some(range) = range(waits) else { continue };
        if index < real {
            forecast.tickets.insert(queue[index].id, range);
        } else {
            forecast.new_ticket.insert(topics[index - real], range);
        }
    }
    forecast
}
