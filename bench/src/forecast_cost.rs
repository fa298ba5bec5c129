//! Forecast scenario: what one refresh of the predicted waits costs on one core, for an
//! office with 100 waiting and 10 windows, every window serving, sixty visitors an hour
//! coming (target: under 5 ms, so it can run on every event).

use crate::engine_cost::{agent, decide, office, start};
use chrono::Duration;
use serde::Serialize;
use std::time::Instant;
use talon_protocol::{TicketId, TopicId, WindowId};
use talon_server::engine::{Command, TicketAction, WindowAction};
use talon_server::forecast::forward::forecast;

/// Runs of the simulation per refresh (the 80 % range needs a few hundred).
pub const RUNS: u32 = 200;

#[derive(Debug, Serialize)]
pub struct ForecastCostResult {
    pub waiting: usize,
    pub windows: usize,
    pub runs: u32,
    pub ms_per_refresh: f64,
}

pub fn run(refreshes: u32) -> ForecastCostResult {
    let mut now = start();
    let mut state = office(now);
    for n in 0..110u128 {
        decide(
            &mut state,
            Command::Issue {
                id: TicketId(uuid::Uuid::from_u128(n + 1)),
                public_code: format!("f{n}"),
                topic_id: TopicId(1 + (n as i64 % 4)),
                out_of_turn: n % 50 == 0,
            },
            now,
        );
    }
    // Every window calls and starts a visitor: services in progress, 100 left waiting.
    let windows: Vec<WindowId> = state.windows.keys().copied().collect();
    for window in &windows {
        now += Duration::seconds(30);
        let events = decide(
            &mut state,
            Command::Window {
                window_id: *window,
                actor: agent(*window),
                action: WindowAction::CallNext,
            },
            now,
        );
        let called = events
            .iter()
            .find_map(|e| e.kind.ticket().map(|t| t.id))
            .expect("somebody is called");
        decide(
            &mut state,
            Command::Ticket {
                ticket_id: called,
                actor: agent(*window),
                action: TicketAction::Start,
            },
            now,
        );
    }
    for topic in 1..=4 {
        let recent = (0..20).map(|n| (6 + n % 9) * 60_000).collect();
        state.recent_service_ms.insert(TopicId(topic), recent);
    }
    // The flow of a busy hour: sixty tickets (one in fifty out of turn), walks of half a
    // minute to a minute and a half, turnarounds of ten seconds to a minute.
    state.flow.arrivals = (0..60)
        .map(|n| talon_server::engine::flow::Arrival {
            at: now - Duration::minutes(59 - n),
            topic: TopicId(1 + n % 4),
            out_of_turn: n % 50 == 0,
        })
        .collect();
    state.flow.walk_ms = (0..40).map(|n| 30_000 + n * 1_500).collect();
    state.flow.turnaround_ms = (0..40).map(|n| 10_000 + n * 1_250).collect();
    let waiting = state.tickets.waiting_for_topic(TopicId(1))
        + state.tickets.waiting_for_topic(TopicId(2))
        + state.tickets.waiting_for_topic(TopicId(3))
        + state.tickets.waiting_for_topic(TopicId(4));
    let started = Instant::now();
    for seed in 0..u64::from(refreshes) {
        std::hint::black_box(forecast(&state, now, RUNS, seed));
    }
    ForecastCostResult {
        waiting,
        windows: windows.len(),
        runs: RUNS,
        ms_per_refresh: started.elapsed().as_secs_f64() * 1e3 / f64::from(refreshes),
    }
}
