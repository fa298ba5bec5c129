//! How agents spent the office's time, from the window events (`WindowChanged`) and the
//! waiting counts the events carry (`Event::load`), over a span of time:
//! - `serving_ms`: their window was serving a visitor;
//! - `idle_waiting_ms`: their window was open and idle while at least one of its topics
//!   had somebody waiting;
//! - `breaks` and `break_ms`: pauses started in the span, and the time paused.
//!
//! The events must be the office's from its first (so each window's state and each
//! topic's waiting count at the span's start are known), in seq order. A window's time
//! counts for the agent signed in at it.

use chrono::{DateTime, Utc};
use std::collections::HashMap;
use talon_protocol::event::{Event, EventKind};
use talon_protocol::{StaffId, TopicId, Window, WindowId, WindowState};

/// One agent's time over the span.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct AgentTime {
    pub serving_ms: i64,
    pub idle_waiting_ms: i64,
    pub breaks: u32,
    pub break_ms: i64,
}

/// Measures agents' time within `start..end` (`end` no later than now) from the
/// office's events fed one by one in seq order, so a long history is walked without
/// being held.
#[derive(Debug)]
pub struct AgentClock {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    last: DateTime<Utc>,
    times: HashMap<StaffId, AgentTime>,
    windows: HashMap<WindowId, Window>,
    waiting: HashMap<TopicId, u32>,
}

impl AgentClock {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> AgentClock {
        AgentClock {
            start,
            end: end.max(start),
            last: start,
            times: HashMap::new(),
            windows: HashMap::new(),
            waiting: HashMap::new(),
        }
    }

    /// Takes the next event; `false` once past the end (later events change nothing).
    pub fn feed(&mut self, event: &Event) -> bool {
        if event.at >= self.end {
            return false;
        }
        let at = event.at.clamp(self.start, self.end);
        credit(&mut self.times, &self.windows, &self.waiting, self.last, at);
        self.last = self.last.max(at);
        if let EventKind::WindowChanged { window } = &event.kind {
            let was_paused = self
                .windows
                .get(&window.id)
                .is_some_and(|w| w.state == WindowState::Paused);
            if window.state == WindowState::Paused
                && !was_paused
                && event.at >= self.start
                && let Some(agent) = window.agent_id
            {
                self.times.entry(agent).or_default().breaks += 1;
            }
            self.windows.insert(window.id, window.clone());
        }
        for load in event.load.iter().flatten() {
            self.waiting.insert(load.topic_id, load.waiting);
        }
        true
    }

    /// Each agent's time, counting the states as they stand up to the end.
    pub fn finish(mut self) -> HashMap<StaffId, AgentTime> {
        credit(
            &mut self.times,
            &self.windows,
            &self.waiting,
            self.last,
            self.end,
        );
        self.times
    }
}

/// Each agent's time within `start..end` over `events` (see [`AgentClock`]).
pub fn agent_times(
    events: &[Event],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> HashMap<StaffId, AgentTime> {
    let mut clock = AgentClock::new(start, end);
    for event in events {
        if !clock.feed(event) {
            break;
        }
    }
    clock.finish()
}

/// Credits `from..to` to the agent at each window, by the window's state.
fn credit(
    times: &mut HashMap<StaffId, AgentTime>,
    windows: &HashMap<WindowId, Window>,
    waiting: &HashMap<TopicId, u32>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) {
    let span = (to - from).num_milliseconds();
    if span <= 0 {
        return;
    }
    for window in windows.values() {
        let Some(agent) = window.agent_id else {
            continue;
        };
        let time = times.entry(agent).or_default();
        match window.state {
            WindowState::Serving => time.serving_ms += span,
            WindowState::Paused => time.break_ms += span,
            WindowState::Idle
                if window
                    .topics
                    .iter()
                    .any(|t| waiting.get(t).copied().unwrap_or(0) > 0) =>
            {
                time.idle_waiting_ms += span
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_protocol::{OfficeId, TopicLoad};

    fn at(minute: i64) -> DateTime<Utc> {
        "2026-12-01T08:00:00Z".parse::<DateTime<Utc>>().unwrap() + chrono::Duration::minutes(minute)
    }

    fn window(state: WindowState) -> Window {
        Window {
            id: WindowId(1),
            office_id: OfficeId(1),
            label: "1".into(),
            topics: vec![TopicId(7)],
            state,
            agent_id: Some(StaffId(3)),
            agent_name: None,
            current_ticket: None,
            pause: None,
            state_since: at(0),
            active: true,
        }
    }

    fn event(seq: u64, minute: i64, state: Option<WindowState>, waiting: Option<u32>) -> Event {
        let kind = match state {
            Some(state) => EventKind::WindowChanged {
                window: window(state),
            },
            None => EventKind::ServiceDayStarted {
                service_day: at(0).date_naive(),
            },
        };
        Event {
            office_id: OfficeId(1),
            seq,
            at: at(minute),
            kind,
            load: waiting.map(|waiting| {
                vec![TopicLoad {
                    topic_id: TopicId(7),
                    waiting,
                    estimated_wait_ms: 0,
                    wait_range: None,
                    open_windows: 1,
                }]
            }),
        }
    }

    #[test]
    fn the_state_before_the_span_counts_from_its_start_and_nothing_after_its_end() {
        let events = [
            // Serving since before the span (which starts at minute 10).
            event(1, 0, Some(WindowState::Serving), None),
            // Idle at 15 with nobody waiting, somebody waiting from 20 to 26.
            event(2, 15, Some(WindowState::Idle), Some(0)),
            event(3, 20, None, Some(1)),
            event(4, 26, Some(WindowState::Serving), Some(0)),
            // A break from 30 to the span's end at 40, and one after it.
            event(5, 30, Some(WindowState::Paused), None),
            event(6, 45, Some(WindowState::Idle), None),
            event(7, 50, Some(WindowState::Paused), None),
        ];
        let times = agent_times(&events, at(10), at(40));
        assert_eq!(
            times[&StaffId(3)],
            AgentTime {
                serving_ms: (5 + 4) * 60_000,
                idle_waiting_ms: 6 * 60_000,
                breaks: 1,
                break_ms: 10 * 60_000,
            }
        );
    }
}
