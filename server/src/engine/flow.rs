//! What the forecast learns of the office's flow besides service times: how long a
//! called visitor takes to reach the window, how long a window that freed up takes to
//! call the next visitor who was already waiting (the agent's turnaround), and who came
//! in the last hour (the arrivals the forecast runs forward, out of turn among them).
//! Derived from the events alone, so every node that applies them learns the same, and
//! from the office's recent tickets on start ([`Flow::of_tickets`]); never stored.

use chrono::{DateTime, Duration, Utc};
use std::collections::{BTreeMap, HashMap, VecDeque};
use talon_protocol::forecast::WaitRange;
use talon_protocol::{EventKind, Ticket, TicketStatus, TopicId, WindowId, WindowState};

/// Samples kept of walks and of turnarounds.
pub const RECENT_SAMPLES: usize = 40;
/// Forecast outcomes kept for the calibration: about two busy days' first calls, kept
/// across the day's end (a shorter memory follows the day's swings worse, and one of
/// today alone leaves the morning uncalibrated: `talon-sim accuracy`, README).
pub const RECENT_OUTCOMES: usize = 1200;
/// The arrivals remembered: the last hour's.
pub const ARRIVALS_SPAN: Duration = Duration::hours(1);
/// A window idle longer than this before calling someone who was waiting was doing
/// something else (a break not marked as one): not a turnaround.
const TURNAROUND_CAP: Duration = Duration::minutes(10);

/// A ticket taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    pub at: DateTime<Utc>,
    pub topic: TopicId,
    pub out_of_turn: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    /// Call to start of the latest finished visits, newest last.
    pub walk_ms: VecDeque<i64>,
    /// A window's time from freeing up to calling a visitor who was waiting then.
    pub turnaround_ms: VecDeque<i64>,
    /// The last hour's tickets, oldest first. Persistent, as the outcomes: the copy of
    /// the state each command decides on shares them instead of copying hundreds.
    pub arrivals: imbl::Vector<Arrival>,
    /// Walk-ins' forecast at issue and the wait they had to their first call, newest
    /// last (see `forecast::calibration`).
    pub outcomes: imbl::Vector<(WaitRange, i64)>,
    /// Since when each window is idle (freed, or opened).
    freed: BTreeMap<WindowId, DateTime<Utc>>,
}

fn push(samples: &mut VecDeque<i64>, value: i64) {
    samples.push_back(value.max(0));
    while samples.len() > RECENT_SAMPLES {
        samples.pop_front();
    }
}

impl Flow {
    /// Learns from one event of the office.
    pub fn note(&mut self, event: &EventKind) {
        match event {
            EventKind::TicketIssued { ticket } => self.arrived(ticket),
            EventKind::TicketFinished { ticket } if ticket.status == TicketStatus::Done => {
                push(&mut self.walk_ms, ticket.walk_ms);
            }
            EventKind::TicketCalled {
                ticket,
                window_id,
                recall: false,
                ..
            } => self.called(ticket, *window_id),
            EventKind::WindowChanged { window } => match window.state {
                WindowState::Idle => {
                    self.freed.insert(window.id, window.state_since);
                }
                WindowState::Paused | WindowState::Closed => {
                    self.freed.remove(&window.id);
                }
                _ => {}
            },
            _ => {}
        }
    }

    fn arrived(&mut self, ticket: &Ticket) {
        self.arrivals.push_back(Arrival {
            at: ticket.issued_at,
            topic: ticket.topic_id,
            out_of_turn: ticket.out_of_turn,
        });
        let newest = self.arrivals.back().map_or(ticket.issued_at, |a| a.at);
        while self
            .arrivals
            .front()
            .is_some_and(|a| newest - a.at > ARRIVALS_SPAN)
        {
            self.arrivals.pop_front();
        }
    }

    /// A walk-in's first call: its wait against the forecast made as it was issued.
    /// (A call after a postponement or a transfer is not the wait that was predicted:
    /// the wait so far then differs from the time since the issue.)
    fn outcome(&mut self, ticket: &Ticket) {
        let (Some(forecast), Some(called)) = (ticket.issue_forecast, ticket.called_at) else {
            return;
        };
        if ticket.transfers > 0 || (called - ticket.issued_at).num_milliseconds() != ticket.wait_ms
        {
            return;
        }
        self.outcomes.push_back((forecast, ticket.wait_ms));
        while self.outcomes.len() > RECENT_OUTCOMES {
            self.outcomes.pop_front();
        }
    }

    fn called(&mut self, ticket: &Ticket, window: WindowId) {
        self.outcome(ticket);
        let (Some(freed), Some(called)) = (self.freed.remove(&window), ticket.called_at) else {
            return;
        };
        // Only when the visitor was already waiting as the window freed up is the gap
        // the agent's; otherwise the window was waiting for somebody to come.
        let gap = called - freed;
        if ticket.queue_since <= freed && gap <= TURNAROUND_CAP {
            push(&mut self.turnaround_ms, gap.num_milliseconds());
        }
    }

    /// The flow learnt again from the office's recent tickets, in any order (on start,
    /// and on a node that loads the office): the same as the events would have taught,
    /// but for the windows idle now, whose next turnaround is not counted.
    pub fn of_tickets(tickets: &[Ticket]) -> Flow {
        let mut flow = Flow::default();
        let mut issued: Vec<&Ticket> = tickets.iter().collect();
        issued.sort_by_key(|t| (t.issued_at, t.id));
        for ticket in &issued {
            flow.arrived(ticket);
        }
        let mut called: Vec<&Ticket> = tickets.iter().filter(|t| t.called_at.is_some()).collect();
        called.sort_by_key(|t| t.called_at);
        for ticket in called {
            flow.outcome(ticket);
        }
        let mut finished: Vec<&Ticket> = tickets
            .iter()
            .filter(|t| t.status == TicketStatus::Done && t.finished_at.is_some())
            .collect();
        finished.sort_by_key(|t| t.finished_at);
        for ticket in finished.iter().rev().take(RECENT_SAMPLES).rev() {
            push(&mut flow.walk_ms, ticket.walk_ms);
        }
        // A window's visits in the order it called them: each finish frees it for the
        // next call.
        let mut by_window: HashMap<WindowId, Vec<&Ticket>> = HashMap::new();
        for ticket in finished {
            if let (Some(window), Some(_)) = (ticket.window_id, ticket.called_at) {
                by_window.entry(window).or_default().push(ticket);
            }
        }
        let mut gaps: Vec<(DateTime<Utc>, i64)> = Vec::new();
        for visits in by_window.values_mut() {
            visits.sort_by_key(|t| t.called_at);
            for pair in visits.windows(2) {
                let (Some(freed), Some(called)) = (pair[0].finished_at, pair[1].called_at) else {
                    continue;
                };
                let gap = called - freed;
                if pair[1].queue_since <= freed && gap >= Duration::zero() && gap <= TURNAROUND_CAP
                {
                    gaps.push((called, gap.num_milliseconds()));
                }
            }
        }
        gaps.sort_unstable();
        for (_, gap) in gaps.iter().rev().take(RECENT_SAMPLES).rev() {
            push(&mut flow.turnaround_ms, *gap);
        }
        flow
    }

    /// Tickets per millisecond for each topic over the last hour up to `now`, counted
    /// over the time the office was issuing (since `opened`, when later; not over
    /// `lunch`), and the share of them that came out of turn.
    pub fn arrival_rates(
        &self,
        now: DateTime<Utc>,
        opened: Option<DateTime<Utc>>,
        lunch: Option<(DateTime<Utc>, DateTime<Utc>)>,
    ) -> BTreeMap<TopicId, (f64, f64)> {
        let since = opened
            .filter(|o| *o > now - ARRIVALS_SPAN)
            .unwrap_or(now - ARRIVALS_SPAN);
        let lunch_ms = lunch.map_or(0, |(start, end)| {
            (end.min(now) - start.max(since)).num_milliseconds().max(0)
        });
        // A few minutes after opening, a handful of tickets are not an hourly rate.
        let span_ms = ((now - since).num_milliseconds() - lunch_ms)
            .max(Duration::minutes(10).num_milliseconds()) as f64;
        let mut counts: BTreeMap<TopicId, (u32, u32)> = BTreeMap::new();
        for arrival in self.arrivals.iter().filter(|a| a.at > since && a.at <= now) {
            let count = counts.entry(arrival.topic).or_default();
            count.0 += 1;
            count.1 += u32::from(arrival.out_of_turn);
        }
        counts
            .into_iter()
            .map(|(topic, (all, oot))| {
                (
                    topic,
                    (f64::from(all) / span_ms, f64::from(oot) / f64::from(all)),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_protocol::{NewTicket, OfficeId, TicketId};

    fn t(minutes: i64) -> DateTime<Utc> {
        "2026-11-20T07:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minutes)
    }

    fn ticket(n: u128, topic: i64, issued: i64, out_of_turn: bool) -> Ticket {
        NewTicket {
            id: TicketId(uuid::Uuid::from_u128(n)),
            office_id: OfficeId(1),
            topic_id: TopicId(topic),
            label: format!("A{n}"),
            number: n as u32,
            service_day: t(0).date_naive(),
            out_of_turn,
            public_code: format!("c{n}"),
            issued_at: t(issued),
        }
        .into_ticket()
    }

    #[test]
    fn arrivals_of_the_last_hour_give_each_topic_its_rate_and_out_of_turn_share() {
        let mut flow = Flow::default();
        // Topic 1: one ticket 70 min before the last (forgotten), then 6 in the hour,
        // two out of turn; topic 2: 3.
        let mut n = 0;
        for (topic, minute, oot) in [
            (1, 0, false),
            (1, 20, false),
            (1, 30, true),
            (2, 35, false),
            (1, 40, false),
            (2, 45, false),
            (1, 50, true),
            (1, 60, false),
            (2, 65, false),
            (1, 70, false),
        ] {
            n += 1;
            flow.note(&EventKind::TicketIssued {
                ticket: ticket(n, topic, minute, oot),
            });
        }
        assert_eq!(
            flow.arrivals.len(),
            9,
            "the one of minute 0 is over an hour old"
        );
        let rates = flow.arrival_rates(t(70), None, None);
        let per_hour = |topic| rates[&TopicId(topic)].0 * 3_600_000.0;
        assert!((per_hour(1) - 6.0).abs() < 1e-9, "{}", per_hour(1));
        assert!((per_hour(2) - 3.0).abs() < 1e-9);
        assert!((rates[&TopicId(1)].1 - 2.0 / 6.0).abs() < 1e-9);
        // Opened 30 minutes ago: the tickets since, over half an hour.
        let rates = flow.arrival_rates(t(70), Some(t(40)), None);
        assert!((rates[&TopicId(1)].0 * 3_600_000.0 - 6.0).abs() < 1e-9);
        // A lunch break of 20 minutes in the hour: the tickets over the 40 minutes left.
        let rates = flow.arrival_rates(t(70), None, Some((t(15), t(35))));
        assert!((rates[&TopicId(1)].0 * 3_600_000.0 - 9.0).abs() < 1e-9);
    }

    #[test]
    fn a_turnaround_counts_only_for_a_visitor_who_was_waiting_as_the_window_freed_up() {
        let mut flow = Flow::default();
        let window = talon_protocol::Window {
            id: WindowId(1),
            office_id: OfficeId(1),
            label: "1".into(),
            topics: vec![TopicId(1)],
            state: WindowState::Idle,
            agent_id: None,
            agent_name: None,
            current_ticket: None,
            pause: None,
            state_since: t(10),
            active: true,
        };
        let call = |flow: &mut Flow, ticket: &mut Ticket, at: i64| {
            ticket.called_at = Some(t(at));
            flow.note(&EventKind::TicketCalled {
                ticket: ticket.clone(),
                window_id: WindowId(1),
                window_label: "1".into(),
                recall: false,
            });
        };
        flow.note(&EventKind::WindowChanged {
            window: window.clone(),
        });
        // Waiting since minute 5, called a minute after the window freed up at 10.
        call(&mut flow, &mut ticket(1, 1, 5, false), 11);
        assert_eq!(flow.turnaround_ms, [60_000]);
        // Freed at 20; the next visitor came at 25: the window was waiting for them.
        flow.note(&EventKind::WindowChanged {
            window: talon_protocol::Window {
                state_since: t(20),
                ..window.clone()
            },
        });
        call(&mut flow, &mut ticket(2, 1, 25, false), 25);
        assert_eq!(flow.turnaround_ms, [60_000]);
        // Freed at 30, then a pause: the gap is the pause's, not a turnaround.
        flow.note(&EventKind::WindowChanged {
            window: talon_protocol::Window {
                state_since: t(30),
                ..window.clone()
            },
        });
        flow.note(&EventKind::WindowChanged {
            window: talon_protocol::Window {
                state: WindowState::Paused,
                state_since: t(31),
                ..window.clone()
            },
        });
        call(&mut flow, &mut ticket(3, 1, 26, false), 45);
        assert_eq!(flow.turnaround_ms, [60_000]);
    }

    #[test]
    fn a_walk_in_s_first_call_sets_its_wait_against_its_forecast_at_issue() {
        let mut flow = Flow::default();
        let forecast = WaitRange {
            median_ms: 240_000,
            low_ms: 120_000,
            high_ms: 360_000,
        };
        let call = |flow: &mut Flow, ticket: &Ticket| {
            flow.note(&EventKind::TicketCalled {
                ticket: ticket.clone(),
                window_id: WindowId(1),
                window_label: "1".into(),
                recall: false,
            });
        };
        let mut first = ticket(1, 1, 0, false);
        first.issue_forecast = Some(forecast);
        first.called_at = Some(t(5));
        first.wait_ms = 300_000;
        call(&mut flow, &first);
        assert_eq!(flow.outcomes, imbl::vector![(forecast, 300_000)]);
        // Called again after a postponement: its wait so far is not the time since the
        // issue, and it is not what was predicted.
        first.called_at = Some(t(20));
        first.wait_ms = 420_000;
        call(&mut flow, &first);
        // Without a forecast at issue (out of turn, booked, before the first forecast).
        let mut second = ticket(2, 1, 0, true);
        second.called_at = Some(t(3));
        second.wait_ms = 180_000;
        call(&mut flow, &second);
        assert_eq!(flow.outcomes.len(), 1);
        assert_eq!(Flow::of_tickets(&[first.clone()]).outcomes.len(), 0);
        first.called_at = Some(t(5));
        first.wait_ms = 300_000;
        assert_eq!(
            Flow::of_tickets(&[first]).outcomes,
            imbl::vector![(forecast, 300_000)]
        );
    }

    #[test]
    fn the_days_tickets_teach_what_the_events_did() {
        // Window 1 serves 1 (called 7:01, finished 7:08) then 2 (waiting since 7:02,
        // called 7:09: a minute's turnaround), then 3 (came at 7:20 after 2 finished at
        // 7:15: no turnaround).
        let mut done = Vec::new();
        for (n, issued, called, finished) in [(1, 0, 1, 8), (2, 2, 9, 15), (3, 20, 20, 30)] {
            let mut ticket = ticket(n, 1, issued, false);
            ticket.status = TicketStatus::Done;
            ticket.window_id = Some(WindowId(1));
            ticket.called_at = Some(t(called));
            ticket.finished_at = Some(t(finished));
            ticket.walk_ms = 30_000 * n as i64;
            done.push(ticket);
        }
        let flow = Flow::of_tickets(&done);
        assert_eq!(flow.turnaround_ms, [60_000]);
        assert_eq!(flow.walk_ms, [30_000, 60_000, 90_000]);
        assert_eq!(flow.arrivals.len(), 3);
    }
}
