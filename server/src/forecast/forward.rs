//! Predicted waits: the office's own dispatch rule run forward from its state now, many
//! times, with service times drawn from each topic's recent services (or, with too few,
//! around its service norm). Each run starts from the windows as they are (open and
//! free, serving for so long already, paused until a time) and the queue in dispatch
//! order (out of turn first, booked visitors whose slot began, the rest by their wait
//! against their norm). A window's visit takes the walk of the called visitor, the
//! service and the agent's turnaround before the next call, each drawn from the office's
//! recent ones; while the office issues, visitors keep coming at the last hour's rate of
//! each topic (out of turn among them as often as then), and those who go first delay
//! those waiting now. The result is each waiting visitor's median wait and an 80 %
//! range, and the same for a visitor of each topic taking a ticket now. Seeded, so the
//! same state and seed give the same answer; `runs` bounds the CPU.

use crate::engine::{OfficeState, hours};
use chrono::{DateTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, HashMap, VecDeque};
use talon_protocol::dispatch::{DispatchFacts, DispatchKey, dispatch_order, is_eligible, nanos};
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

/// An office-wide time drawn from its recent samples (none yet: no time at all).
struct Samples<'a>(&'a VecDeque<i64>);

impl Samples<'_> {
    fn draw(&self, rng: &mut StdRng) -> i64 {
        if self.0.is_empty() {
            return 0;
        }
        self.0[rng.random_range(0..self.0.len())]
    }

    /// What is left of one that has run `elapsed_ms` (nothing, when no draw is longer).
    fn remaining(&self, elapsed_ms: i64, rng: &mut StdRng) -> i64 {
        for _ in 0..5 {
            let total = self.draw(rng);
            if total > elapsed_ms {
                return total - elapsed_ms;
            }
        }
        0
    }
}

/// The times a window's visit takes besides the service.
struct Pace<'a> {
    walk: Samples<'a>,
    turnaround: Samples<'a>,
}

/// Visitors still to come while the office issues, per topic: a Poisson stream at the
/// last hour's rate, each out of turn with that hour's share.
struct Arrivals {
    /// Milliseconds from now until issuing stops (none come after).
    until_ms: i64,
    /// Milliseconds from now of the lunch break ahead, when none come.
    lunch_ms: Option<(i64, i64)>,
    /// Per topic (in `Forecast`'s topic order): plain and out-of-turn tickets per ms.
    rates: Vec<[f64; 2]>,
    /// A ticket of each topic, plain and out of turn, as the dispatch rule reads it
    /// (joining the queue at each arrival's time).
    templates: Vec<[DispatchFacts; 2]>,
}

impl Arrivals {
    fn of(state: &OfficeState, topics: &[TopicId], now: DateTime<Utc>) -> Arrivals {
        let wait_norm = wait_norm_of(state);
        let issuing = hours::issuing_today(&state.office, now);
        let rates = state.flow.arrival_rates(
            now,
            issuing.map(|h| h.opened),
            issuing.and_then(|h| h.lunch),
        );
        Arrivals {
            until_ms: issuing.map_or(0, |h| (h.until - now).num_milliseconds().max(0)),
            lunch_ms: issuing.and_then(|h| h.lunch).map(|(start, end)| {
                (
                    (start - now).num_milliseconds(),
                    (end - now).num_milliseconds(),
                )
            }),
            rates: topics
                .iter()
                .map(|t| {
                    let (rate, out_of_turn) = rates.get(t).copied().unwrap_or((0.0, 0.0));
                    [rate * (1.0 - out_of_turn), rate * out_of_turn]
                })
                .collect(),
            templates: topics
                .iter()
                .map(|t| {
                    let plain = newcomer(state, *t, now);
                    let out_of_turn = Ticket {
                        out_of_turn: true,
                        ..plain.clone()
                    };
                    [
                        DispatchFacts::of(&wait_norm, &plain),
                        DispatchFacts::of(&wait_norm, &out_of_turn),
                    ]
                })
                .collect(),
        }
    }

    /// The time of the next arrival of a topic's plain (0) or out-of-turn (1) visitors
    /// after `after_ms` (exponential gaps), or never.
    fn next(&self, topic: usize, kind: usize, after_ms: i64, rng: &mut StdRng) -> i64 {
        let rate = self.rates[topic][kind];
        if rate <= 0.0 {
            return i64::MAX;
        }
        let gap = |rng: &mut StdRng| {
            let u: f64 = rng.random_range(f64::EPSILON..1.0);
            (-u.ln() / rate) as i64
        };
        let mut at = after_ms.saturating_add(gap(rng));
        if let Some((start, end)) = self.lunch_ms
            && at >= start
            && at < end
        {
            // Nobody gets a ticket over lunch: the stream goes on after it.
            at = end.saturating_add(gap(rng));
        }
        if at >= self.until_ms { i64::MAX } else { at }
    }
}

/// One run's visitors who came after now: per topic, those not yet called, plain and
/// out of turn, by arrival time. A topic's plain visitors are drawn only once everyone
/// of the topic waiting now is called (they queue behind them, so until then they
/// change nothing; the stream has no memory, so drawing it late changes no odds).
struct Comers {
    next_ms: Vec<[i64; 2]>,
    plain_drawn: Vec<bool>,
    waiting: Vec<[VecDeque<i64>; 2]>,
}

impl Comers {
    fn new(arrivals: &Arrivals, rng: &mut StdRng) -> Comers {
        let topics = arrivals.rates.len();
        Comers {
            next_ms: (0..topics)
                .map(|t| [i64::MAX, arrivals.next(t, 1, 0, rng)])
                .collect(),
            plain_drawn: vec![false; topics],
            waiting: vec![[VecDeque::new(), VecDeque::new()]; topics],
        }
    }

    /// The topic's plain visitors from now on, up to `at_ms`.
    fn draw_plain(&mut self, arrivals: &Arrivals, topic: usize, at_ms: i64, rng: &mut StdRng) {
        if !self.plain_drawn[topic] {
            self.plain_drawn[topic] = true;
            self.next_ms[topic][0] = arrivals.next(topic, 0, 0, rng);
            self.come_of(arrivals, topic, 0, at_ms, rng);
        }
    }

    fn come_of(
        &mut self,
        arrivals: &Arrivals,
        topic: usize,
        kind: usize,
        at_ms: i64,
        rng: &mut StdRng,
    ) {
        while self.next_ms[topic][kind] <= at_ms {
            let came = self.next_ms[topic][kind];
            self.waiting[topic][kind].push_back(came);
            self.next_ms[topic][kind] = arrivals.next(topic, kind, came, rng);
        }
    }

    /// Everyone who has come by `at_ms` joins the queue.
    fn come(&mut self, arrivals: &Arrivals, at_ms: i64, rng: &mut StdRng) {
        for topic in 0..self.next_ms.len() {
            for kind in 0..2 {
                self.come_of(arrivals, topic, kind, at_ms, rng);
            }
        }
    }
}

/// Who a window may call: a ticket of the queue now (from its topic's lane, or among
/// the others), or the first who came later of a topic, plain or out of turn.
#[derive(Debug, Clone, Copy)]
enum Candidate {
    Queued { lane: Option<TopicId>, index: usize },
    Came { topic: usize, out_of_turn: bool },
}

/// Each topic's wait norm in minutes, as the dispatch rule asks for it.
fn wait_norm_of(state: &OfficeState) -> impl Fn(TopicId) -> Option<u32> + Copy + '_ {
    |topic| Some(state.norms_of(topic).wait.minutes)
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

/// When each window calls next, or none for a window that calls nobody soon (closed,
/// deactivated, paused without an end). A busy window finishes its visit (the walk and
/// the service left), then turns around; an idle one is turning around already.
fn free_at(
    state: &OfficeState,
    window: &Window,
    now: DateTime<Utc>,
    services: &HashMap<TopicId, Services>,
    pace: &Pace,
    rng: &mut StdRng,
) -> Option<i64> {
    if !window.active {
        return None;
    }
    let busy = |ticket: &Ticket, rng: &mut StdRng| {
        let service = services.get(&ticket.topic_id);
        match ticket.status {
            TicketStatus::Serving => {
                service.map_or(0, |s| s.remaining(ticket.service_ms_at(now), rng))
            }
            _ => {
                let walked = ticket
                    .called_at
                    .map_or(0, |at| (now - at).num_milliseconds().max(0));
                pace.walk.remaining(walked, rng) + service.map_or(0, |s| s.draw(rng))
            }
        }
    };
    match window.state {
        WindowState::Closed => None,
        WindowState::Paused => window
            .pause
            .as_ref()
            .and_then(|p| p.until)
            .map(|until| (until - now).num_milliseconds().max(0)),
        WindowState::Idle => {
            let idle = (now - window.state_since).num_milliseconds().max(0);
            Some(pace.turnaround.remaining(idle, rng))
        }
        _ => Some(
            window
                .current_ticket
                .and_then(|id| state.tickets.get(&id))
                .map_or(0, |ticket| busy(ticket, rng))
                + pace.turnaround.draw(rng),
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
}

impl Lanes {
    fn of(state: &OfficeState, queue: &[Ticket], now: DateTime<Utc>) -> Lanes {
        let wait_norm = wait_norm_of(state);
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
        Lanes { by_topic, others }
    }
}

/// What one run reads and does not change.
struct Setting<'a> {
    state: &'a OfficeState,
    queue: &'a [Ticket],
    /// The queue as the dispatch rule reads it.
    facts: &'a [DispatchFacts],
    lanes: &'a Lanes,
    /// The last `newcomers` of the queue are imagined (a ticket of each topic now).
    newcomers: usize,
    /// Which tickets of the queue some window that calls will call (the run ends when
    /// they all are).
    callable: &'a [bool],
    topics: &'a [TopicId],
    now: DateTime<Utc>,
    services: &'a HashMap<TopicId, Services>,
    pace: &'a Pace<'a>,
    arrivals: &'a Arrivals,
}

/// One run: each ticket's wait from now, by the dispatch rule at each free window.
fn run(setting: &Setting, rng: &mut StdRng, waits: &mut [Vec<i64>]) {
    let Setting {
        state,
        queue,
        facts,
        lanes,
        newcomers,
        callable,
        topics,
        now,
        services,
        pace,
        arrivals,
    } = *setting;
    let now_ns = nanos(now);
    let topic_index = |topic: TopicId| topics.iter().position(|t| *t == topic);
    let mut windows: Vec<(i64, &Window)> = state
        .windows
        .values()
        .filter_map(|w| free_at(state, w, now, services, pace, rng).map(|at| (at, w)))
        .collect();
    let mut comers = Comers::new(arrivals, rng);
    // Where each topic's lane stands, and which of the others are called.
    let mut heads: BTreeMap<TopicId, usize> = lanes.by_topic.keys().map(|t| (*t, 0)).collect();
    let mut others_left: Vec<usize> = lanes.others.clone();
    let real = queue.len() - newcomers;
    let mut left = callable.iter().filter(|c| **c).count();
    let mut candidates: Vec<(DispatchKey, Candidate)> = Vec::new();
    while left > 0 && !windows.is_empty() {
        let (slot, &(at_ms, window)) = windows
            .iter()
            .enumerate()
            .min_by_key(|(_, (at, w))| (*at, w.id))
            .expect("not empty");
        let at_ns = now_ns.saturating_add(at_ms.saturating_mul(1_000_000));
        comers.come(arrivals, at_ms, rng);
        candidates.clear();
        for topic in &window.topics {
            let lane = lanes.by_topic.get(topic);
            let queued = lane.and_then(|lane| lane.get(heads[topic]));
            if let Some(index) = queued {
                candidates.push((
                    facts[*index].key(at_ns),
                    Candidate::Queued {
                        lane: Some(*topic),
                        index: *index,
                    },
                ));
            }
            let Some(t) = topic_index(*topic) else {
                continue;
            };
            if queued.is_none() {
                comers.draw_plain(arrivals, t, at_ms, rng);
            }
            for out_of_turn in [false, true] {
                // A plain visitor who came later is behind everyone of the topic now.
                if !out_of_turn && queued.is_some() {
                    continue;
                }
                if let Some(came) = comers.waiting[t][usize::from(out_of_turn)].front() {
                    let since = now_ns.saturating_add(came.saturating_mul(1_000_000));
                    let template = arrivals.templates[t][usize::from(out_of_turn)];
                    candidates.push((
                        template.joining_at(since).key(at_ns),
                        Candidate::Came {
                            topic: t,
                            out_of_turn,
                        },
                    ));
                }
            }
        }
        candidates.extend(
            others_left
                .iter()
                .filter(|t| is_eligible(&queue[**t], window))
                .map(|t| {
                    (
                        facts[*t].key(at_ns),
                        Candidate::Queued {
                            lane: None,
                            index: *t,
                        },
                    )
                }),
        );
        let next = candidates
            .iter()
            .min_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, candidate)| *candidate);
        let topic = match next {
            None => {
                // Nobody here for this window now: it calls the next to come for its
                // topics, or no one else in this run.
                let next_comer = window
                    .topics
                    .iter()
                    .filter_map(|t| topic_index(*t))
                    .flat_map(|t| comers.next_ms[t])
                    .min()
                    .unwrap_or(i64::MAX);
                if next_comer == i64::MAX {
                    windows.swap_remove(slot);
                } else {
                    windows[slot].0 = next_comer;
                }
                continue;
            }
            Some(Candidate::Queued { lane, index }) => {
                match lane {
                    Some(topic) => *heads.get_mut(&topic).expect("a lane") += 1,
                    None => others_left.retain(|t| *t != index),
                }
                waits[index].push(at_ms);
                if callable[index] {
                    left -= 1;
                }
                if index >= real {
                    // An imagined newcomer takes no window time.
                    continue;
                }
                queue[index].topic_id
            }
            Some(Candidate::Came { topic, out_of_turn }) => {
                comers.waiting[topic][usize::from(out_of_turn)].pop_front();
                topics[topic]
            }
        };
        let service = services.get(&topic).map_or(0, |s| s.draw(rng));
        windows[slot].0 = at_ms + pace.walk.draw(rng) + service + pace.turnaround.draw(rng);
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
    let pace = Pace {
        walk: Samples(&state.flow.walk_ms),
        turnaround: Samples(&state.flow.turnaround_ms),
    };
    // Windows that will call (open, or paused until a time), and who they may call.
    let calling: Vec<&Window> = state
        .windows
        .values()
        .filter(|w| {
            w.active
                && match w.state {
                    WindowState::Closed => false,
                    WindowState::Paused => w.pause.as_ref().is_some_and(|p| p.until.is_some()),
                    _ => true,
                }
        })
        .collect();
    let callable: Vec<bool> = queue
        .iter()
        .map(|t| calling.iter().any(|w| is_eligible(t, w)))
        .collect();
    let lanes = Lanes::of(state, &queue, now);
    let wait_norm = wait_norm_of(state);
    let facts: Vec<DispatchFacts> = queue
        .iter()
        .map(|t| DispatchFacts::of(&wait_norm, t))
        .collect();
    let arrivals = Arrivals::of(state, &topics, now);
    let setting = Setting {
        state,
        queue: &queue,
        facts: &facts,
        lanes: &lanes,
        newcomers: topics.len(),
        callable: &callable,
        topics: &topics,
        now,
        services: &services,
        pace: &pace,
        arrivals: &arrivals,
    };
    let mut waits = vec![Vec::with_capacity(runs as usize); queue.len()];
    let mut rng = StdRng::seed_from_u64(seed);
    for _ in 0..runs {
        run(&setting, &mut rng, &mut waits);
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
