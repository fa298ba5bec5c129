//! An agent at a window: calls, waits for the visitor, serves, finishes, transfers,
//! marks no-shows and takes breaks — through the real API.

use crate::draws;
use crate::scenario::Scenario;
use chrono::{DateTime, Duration, Utc};
use rand::rngs::SmallRng;
use talon_client::{Api, ClientError};
use talon_protocol::api::{FinishRequest, QueuePlace, TransferRequest};
use talon_protocol::{Outcome, TicketId, TopicId, WindowId};

/// What the simulated office did, counted by the simulator itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counters {
    pub issued: u32,
    /// Arrivals the kiosk turned away (issuing had ended).
    pub turned_away: u32,
    pub calls: u32,
    pub recalls: u32,
    pub finished: u32,
    pub no_shows: u32,
    pub transfers: u32,
    pub breaks: u32,
    /// Requests the server refused that the model did not expect.
    pub unexpected: u32,
    /// Bookings made the day before.
    pub booked: u32,
    /// Booked visitors who checked in (their tickets count in `issued` too).
    pub checked_in: u32,
    /// Booked visitors who came too late and took a normal ticket.
    pub late_for_booking: u32,
}

#[derive(Debug, Clone)]
enum State {
    Idle,
    Called {
        ticket: TicketId,
        at: DateTime<Utc>,
        walk: Duration,
        no_show: bool,
        recalled: bool,
    },
    Serving {
        ticket: TicketId,
        until: DateTime<Utc>,
        transfer: bool,
    },
    OnBreak {
        until: DateTime<Utc>,
    },
}

pub struct Agent {
    pub window: WindowId,
    api: Api,
    state: State,
    /// When the next breaks start, soonest last.
    breaks: Vec<DateTime<Utc>>,
    /// At the window (opened it and not yet closed it).
    pub on_duty: bool,
    /// Told to close the window: does so once the visit in hand is over.
    pub leaving: bool,
}

/// What every agent needs to decide.
pub struct Context<'a> {
    pub now: DateTime<Utc>,
    pub scenario: &'a Scenario,
    /// The office's topic ids, in the scenario's order.
    pub topics: &'a [TopicId],
    pub closing: DateTime<Utc>,
}

impl Agent {
    pub fn new(window: WindowId, api: Api, mut breaks: Vec<DateTime<Utc>>) -> Agent {
        breaks.sort_by(|a, b| b.cmp(a));
        Agent {
            window,
            api,
            state: State::Idle,
            breaks,
            on_duty: false,
            leaving: false,
        }
    }

    pub async fn open(&mut self) -> Result<(), ClientError> {
        self.api
            .window_action::<serde_json::Value>(self.window, "open")
            .await?;
        self.on_duty = true;
        self.leaving = false;
        Ok(())
    }

    pub async fn close(&self) -> Result<(), ClientError> {
        self.api
            .window_action::<serde_json::Value>(self.window, "close")
            .await
            .map(|_| ())
    }

    pub fn is_idle(&self) -> bool {
        matches!(self.state, State::Idle | State::OnBreak { .. })
    }

    /// Does at most what an agent would do at this moment.
    pub async fn step(&mut self, cx: &Context<'_>, rng: &mut SmallRng, counters: &mut Counters) {
        if !self.on_duty {
            return;
        }
        if self.leaving && matches!(self.state, State::Idle) {
            match self.close().await {
                Ok(()) => {
                    self.on_duty = false;
                    self.leaving = false;
                }
                Err(e) => {
                    counters.unexpected += 1;
                    tracing::warn!(window = %self.window, error = %e, "could not close the window");
                }
            }
            return;
        }
        let result = self.act(cx, rng, counters).await;
        if let Err(e) = result {
            counters.unexpected += 1;
            tracing::warn!(window = %self.window, error = %e, "the server refused a simulated action");
            self.state = State::Idle;
        }
    }

    async fn act(
        &mut self,
        cx: &Context<'_>,
        rng: &mut SmallRng,
        counters: &mut Counters,
    ) -> Result<(), ClientError> {
        match self.state.clone() {
            State::OnBreak { until } if cx.now >= until => {
                self.api
                    .window_action::<serde_json::Value>(self.window, "resume")
                    .await?;
                self.state = State::Idle;
            }
            State::OnBreak { .. } => {}
            State::Idle => {
                if self.breaks.last().is_some_and(|at| cx.now >= *at) && cx.now < cx.closing {
                    self.breaks.pop();
                    let minutes = i64::from(cx.scenario.breaks.minutes.max(1));
                    let until = cx.now + Duration::minutes(minutes);
                    self.api.pause(self.window, "перерыв", Some(until)).await?;
                    counters.breaks += 1;
                    self.state = State::OnBreak { until };
                    return Ok(());
                }
                match self.api.call_next(self.window).await {
                    Ok(ticket) => {
                        counters.calls += 1;
                        self.state = State::Called {
                            ticket: ticket.id,
                            at: cx.now,
                            walk: draws::walk(rng),
                            no_show: draws::chance(cx.scenario.no_show_share, rng),
                            recalled: false,
                        };
                    }
                    Err(e) if e.code() == Some("queue_empty") => {}
                    Err(e) => return Err(e),
                }
            }
            State::Called {
                ticket,
                at,
                walk,
                no_show,
                recalled,
            } => {
                let waited = cx.now - at;
                if no_show {
                    if !recalled && waited >= Duration::minutes(1) {
                        self.api.ticket_action(ticket, "recall").await?;
                        counters.recalls += 1;
                        self.state = State::Called {
                            ticket,
                            at,
                            walk,
                            no_show,
                            recalled: true,
                        };
                    } else if waited >= Duration::minutes(3) {
                        self.api.ticket_action(ticket, "no-show").await?;
                        counters.no_shows += 1;
                        self.state = State::Idle;
                    }
                } else if waited >= walk {
                    let started = self.api.ticket_action(ticket, "start").await?;
                    let index = cx
                        .topics
                        .iter()
                        .position(|t| *t == started.topic_id)
                        .unwrap_or(0);
                    let service = draws::service(&cx.scenario.topics[index], rng);
                    self.state = State::Serving {
                        ticket,
                        until: cx.now + service,
                        transfer: cx.topics.len() > 1
                            && draws::chance(cx.scenario.transfer_share, rng),
                    };
                }
            }
            State::Serving {
                ticket,
                until,
                transfer,
            } if cx.now >= until => {
                if transfer {
                    let current = self
                        .api
                        .get::<talon_protocol::Ticket>(&format!("/api/v1/tickets/{ticket}"))
                        .await?;
                    let others: Vec<TopicId> = cx
                        .topics
                        .iter()
                        .copied()
                        .filter(|t| *t != current.topic_id)
                        .collect();
                    let target = others[rand::Rng::random_range(rng, 0..others.len())];
                    self.api
                        .transfer(
                            ticket,
                            &TransferRequest {
                                topic_id: Some(target),
                                window_id: None,
                                place: QueuePlace::Front,
                            },
                        )
                        .await?;
                    counters.transfers += 1;
                } else {
                    let outcome = match rand::Rng::random_range(rng, 0..100) {
                        0..=84 => Outcome::Resolved,
                        85..=94 => Outcome::Deferred {
                            deadline: (cx.now + Duration::days(10)).date_naive(),
                        },
                        _ => Outcome::Refused {
                            reason: "нет документов".into(),
                        },
                    };
                    let request = FinishRequest {
                        outcome,
                        topics_count: draws::topics_covered(rng),
                        overrun_reason: None,
                    };
                    self.api.finish(ticket, &request).await?;
                    counters.finished += 1;
                }
                self.state = State::Idle;
            }
            State::Serving { .. } => {}
        }
        Ok(())
    }
}
