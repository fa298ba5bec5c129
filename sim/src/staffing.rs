//! Who staffs the windows through a simulated day: every window all day (the scenario
//! as it is), a static plan (so many windows all day and one more for part of it), or an
//! office head who looks at the staffing advisor's advice every few minutes and follows
//! it through the API, as a head at the desk would: brings a back-office colleague to a
//! closed window serving the topic in trouble, lets an open window take the topic, lets
//! a window that is not needed close.

use crate::agents::Agent;
use crate::world::World;
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};
use talon_protocol::advice::{Advice, AdviceKind};
use talon_protocol::api::WindowTopicsRequest;
use talon_protocol::{TopicId, Window, WindowId};

/// How often the head looks at the advice.
pub const LOOK_EVERY: Duration = Duration::minutes(5);
/// A window the head opened stays open at least this long (a colleague called in from
/// the back office is not sent back within minutes).
const MIN_OPEN: Duration = Duration::minutes(30);

pub enum Staffing {
    /// Every window staffed from opening to the end of the day.
    All,
    /// The first `full` windows all day, and the next one from opening for `part`.
    Fixed { full: usize, part: Duration },
    /// The first `at_opening` windows from opening; then the head follows the advice.
    Advised(Head),
}

/// The head following the advisor, and what they did.
#[derive(Debug, Default)]
pub struct Head {
    pub at_opening: usize,
    next_look: Option<DateTime<Utc>>,
    opened_at: HashMap<WindowId, DateTime<Utc>>,
    /// Windows opened, topics given to open windows, windows let close.
    pub opened: u32,
    pub topics_added: u32,
    pub closed: u32,
}

impl Head {
    pub fn new(at_opening: usize) -> Head {
        Head {
            at_opening,
            ..Head::default()
        }
    }
}

impl Staffing {
    /// A static plan of `hours` staff-hours over a day open `day_length`: as many
    /// windows as fill the whole day, and one more for what is left, from opening (the
    /// morning peak: the best place for it).
    pub fn fixed(hours: f64, day_length: Duration) -> Staffing {
        let day_h = day_length.num_seconds() as f64 / 3600.0;
        let full = (hours / day_h).floor().max(0.0);
        let part_h = (hours - full * day_h).max(0.0);
        Staffing::Fixed {
            full: full as usize,
            part: Duration::seconds((part_h * 3600.0).round() as i64),
        }
    }

    /// Whether the window at `index` (the office's order) is staffed at opening.
    pub fn at_opening(&self, index: usize) -> bool {
        match self {
            Staffing::All => true,
            Staffing::Fixed { full, part } => {
                index < *full || (index == *full && *part > Duration::zero())
            }
            Staffing::Advised(head) => index < head.at_opening,
        }
    }

    /// What changes in the staffing at `now` (before closing).
    pub async fn step(
        &mut self,
        world: &World,
        agents: &mut [Agent],
        now: DateTime<Utc>,
        opening: DateTime<Utc>,
    ) {
        match self {
            Staffing::All => {}
            Staffing::Fixed { full, part } => {
                if now >= opening + *part
                    && let Some(agent) = agents.get_mut(*full)
                    && agent.on_duty
                {
                    agent.leaving = true;
                }
            }
            Staffing::Advised(head) => {
                if head.next_look.is_none_or(|at| now >= at) {
                    head.next_look = Some(now + LOOK_EVERY);
                    head.follow(world, agents, now).await;
                }
            }
        }
    }
}

impl Head {
    async fn follow(&mut self, world: &World, agents: &mut [Agent], now: DateTime<Utc>) {
        let Some(api) = &world.head else {
            return;
        };
        let path = format!("/api/v1/offices/{}/advice", world.office);
        let (advice, snapshot) = match (
            api.get::<Vec<Advice>>(&path).await,
            api.snapshot(world.office).await,
        ) {
            (Ok(advice), Ok(snapshot)) => (advice, snapshot),
            (Err(e), _) | (_, Err(e)) => {
                tracing::warn!(error = %e, "the head could not read the advice");
                return;
            }
        };
        let topics_of = |window: WindowId| -> Vec<TopicId> {
            snapshot
                .windows
                .iter()
                .find(|w| w.id == window)
                .map(|w| w.topics.clone())
                .unwrap_or_default()
        };
        let mut helped: HashSet<TopicId> = HashSet::new();
        for advice in advice {
            match (advice.kind, advice.topic_id, advice.window_id) {
                (AdviceKind::OpenWindow, Some(topic), _) if helped.insert(topic) => {
                    let serves = |a: &Agent| topics_of(a.window).contains(&topic);
                    if let Some(agent) = agents.iter_mut().find(|a| a.leaving && serves(a)) {
                        // Asked to stay after all.
                        agent.leaving = false;
                    } else if let Some(agent) = agents.iter_mut().find(|a| !a.on_duty && serves(a))
                    {
                        match agent.open().await {
                            Ok(()) => {
                                self.opened += 1;
                                self.opened_at.insert(agent.window, now);
                            }
                            Err(e) => {
                                tracing::warn!(error = %e, "the head could not open a window")
                            }
                        }
                    }
                }
                (AdviceKind::AddTopic, Some(topic), Some(window)) if helped.insert(topic) => {
                    let mut topics = topics_of(window);
                    if topics.contains(&topic) {
                        continue;
                    }
                    topics.push(topic);
                    let path = format!("/api/v1/windows/{window}/topics");
                    match api
                        .put::<Window>(&path, &WindowTopicsRequest { topics })
                        .await
                    {
                        Ok(_) => self.topics_added += 1,
                        Err(e) => tracing::warn!(error = %e, "the head could not add a topic"),
                    }
                }
                (AdviceKind::CloseWindow, _, Some(window)) => {
                    let staying = agents.iter().filter(|a| a.on_duty && !a.leaving).count();
                    let recent = self
                        .opened_at
                        .get(&window)
                        .is_some_and(|at| now - *at < MIN_OPEN);
                    if staying > 1
                        && !recent
                        && let Some(agent) = agents
                            .iter_mut()
                            .find(|a| a.window == window && a.on_duty && !a.leaving)
                    {
                        agent.leaving = true;
                        self.closed += 1;
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_static_plan_fills_whole_days_first_then_part_of_one_from_opening() {
        let nine_hours = Duration::hours(9);
        let Staffing::Fixed { full, part } = Staffing::fixed(40.5, nine_hours) else {
            panic!("a static plan");
        };
        assert_eq!((full, part), (4, Duration::minutes(270)));
        let plan = Staffing::fixed(40.5, nine_hours);
        let staffed: Vec<bool> = (0..7).map(|i| plan.at_opening(i)).collect();
        assert_eq!(staffed, [true, true, true, true, true, false, false]);
        let Staffing::Fixed { full, part } = Staffing::fixed(36.0, nine_hours) else {
            panic!("a static plan");
        };
        assert_eq!((full, part), (4, Duration::zero()));
        assert!(!Staffing::fixed(36.0, nine_hours).at_opening(4));
    }
}
