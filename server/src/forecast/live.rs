//! The office's forecast kept fresh. The ticker refreshes it shortly after the state
//! changed ([`AFTER_CHANGE`]) or when time alone has moved it ([`EVERY`]); commands only
//! read it, so a command costs the same with or without forecasts (a refresh of a busy
//! office is a few milliseconds: `talon-bench forecast`).
//!
//! What a visitor is told between refreshes is the forecast aged by the time since it
//! was made: a wait predicted at 10 min two minutes ago is 8 min now.

use super::calibration::Calibration;
use super::forward::{self, Forecast};
use crate::engine::OfficeState;
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;
use talon_protocol::forecast::WaitRange;
use talon_protocol::{Ticket, TopicId};

/// Simulated runs per refresh: enough for steady 10 % and 90 % points (20 runs in each
/// tail), few enough for a refresh of an office with 100 waiting to stay near 5 ms.
pub const RUNS: u32 = 200;
/// After a change, a refresh waits this long (real time: it bounds the CPU spent, so
/// it does not follow the office's clock): a burst of commands costs one refresh.
const AFTER_CHANGE: std::time::Duration = std::time::Duration::from_millis(500);
/// With no change, time (the office's clock) still moves the services in progress on.
const EVERY: Duration = Duration::seconds(30);

/// A forecast and the state it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveForecast {
    pub forecast: Forecast,
    pub seq: u64,
    /// The office's time it was made at: what it predicts is counted from here.
    pub at: DateTime<Utc>,
    /// The machine's time it was made at.
    pub made: std::time::Instant,
    /// How the ranges people are shown are widened from the simulation's (none until
    /// the office has enough outcomes).
    pub calibration: Option<Calibration>,
}

/// Whether the office's forecast should be made again at `now`.
pub fn due(state: &OfficeState, now: DateTime<Utc>) -> bool {
    match &state.forecast {
        None => true,
        Some(f) => (f.seq != state.seq && f.made.elapsed() >= AFTER_CHANGE) || now - f.at >= EVERY,
    }
}

/// Makes the office's forecast afresh. Every refresh of an office draws the same
/// random numbers (seeded by the office alone): the figures move only when the state or
/// the time does, not from one draw to the next, and two nodes refreshing the same
/// state tell visitors the same.
pub fn refresh(state: &mut OfficeState, now: DateTime<Utc>) {
    let seed = (state.office.id.0 as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let forecast = forward::forecast(state, now, RUNS, seed);
    state.forecast = Some(Arc::new(LiveForecast {
        forecast,
        seq: state.seq,
        at: now,
        made: std::time::Instant::now(),
        calibration: Calibration::of(&state.flow.outcomes),
    }));
}

fn aged(range: WaitRange, by: Duration) -> WaitRange {
    let by = by.num_milliseconds().max(0);
    WaitRange {
        median_ms: (range.median_ms - by).max(0),
        low_ms: (range.low_ms - by).max(0),
        high_ms: (range.high_ms - by).max(0),
    }
}

/// A range as people are shown it: calibrated by the office's record, if it has one.
fn shown_range(live: &LiveForecast, range: WaitRange) -> WaitRange {
    live.calibration.map_or(range, |c| c.apply(range))
}

/// The simulation's range for a ticket of `topic` taken now, before calibration (what
/// a new ticket keeps as its `issue_forecast`).
pub fn raw_new_ticket(
    state: &OfficeState,
    topic: TopicId,
    now: DateTime<Utc>,
) -> Option<WaitRange> {
    let live = state.forecast.as_ref()?;
    let range = live.forecast.new_ticket.get(&topic)?;
    Some(aged(*range, now - live.at))
}

/// What a ticket of `topic` taken now would wait.
pub fn new_ticket(state: &OfficeState, topic: TopicId, now: DateTime<Utc>) -> Option<WaitRange> {
    let live = state.forecast.as_ref()?;
    Some(shown_range(live, raw_new_ticket(state, topic, now)?))
}

/// What a waiting ticket has still to wait. One issued after the forecast was made is
/// the newcomer the forecast imagined for its topic, aged from its issue.
pub fn ticket(state: &OfficeState, ticket: &Ticket, now: DateTime<Utc>) -> Option<WaitRange> {
    let live = state.forecast.as_ref()?;
    if let Some(range) = live.forecast.tickets.get(&ticket.id) {
        return Some(shown_range(live, aged(*range, now - live.at)));
    }
    if ticket.issued_at >= live.at {
        let range = live.forecast.new_ticket.get(&ticket.topic_id)?;
        return Some(shown_range(live, aged(*range, now - ticket.issued_at)));
    }
    None
}

/// A range of the simulation made now (e.g. by `talon-sim accuracy`) as people would
/// be shown it.
pub fn calibrated(state: &OfficeState, range: WaitRange) -> WaitRange {
    Calibration::of(&state.flow.outcomes).map_or(range, |c| c.apply(range))
}

/// The ranges people are shown for each topic, in whole minutes: a refresh that changes
/// none of them needs no message to the apps.
pub fn shown(state: &OfficeState, now: DateTime<Utc>) -> Vec<(TopicId, Option<(i64, i64)>)> {
    state
        .topics
        .keys()
        .map(|t| (*t, new_ticket(state, *t, now).map(|r| r.minutes())))
        .collect()
}
