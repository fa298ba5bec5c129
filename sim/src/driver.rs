//! Runs one office day: visitors arrive at the kiosk, agents serve, time moves on.

use crate::agents::{Agent, Context, Counters};
use crate::draws;
use crate::scenario::Scenario;
pub use crate::staffing::Staffing;
use crate::world::{Pace, World, local};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::SeedableRng;
use rand::rngs::SmallRng;
use tokio::sync::watch;

/// Simulated time between two steps.
pub const STEP: Duration = Duration::seconds(20);
/// How long after closing agents keep serving the people already inside.
const SERVE_AFTER_CLOSE: Duration = Duration::hours(2);

pub struct DayOutcome {
    pub counters: Counters,
    pub day: NaiveDate,
    pub ended_at: DateTime<Utc>,
    /// Hours of windows staffed between opening and closing.
    pub staff_hours: f64,
}

/// Runs the day of `day` in `world`, every window staffed all day. Stops early when
/// `stop` turns true.
pub async fn run_day(
    world: &World,
    scenario: &Scenario,
    day: NaiveDate,
    seed: u64,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<DayOutcome> {
    run_staffed_day(world, scenario, day, seed, stop, &mut Staffing::All).await
}

/// Runs the day with the windows staffed as `staffing` says.
pub async fn run_staffed_day(
    world: &World,
    scenario: &Scenario,
    day: NaiveDate,
    seed: u64,
    mut stop: watch::Receiver<bool>,
    staffing: &mut Staffing,
) -> anyhow::Result<DayOutcome> {
    // Visitors and staff draw from streams of their own: the same seed brings the same
    // visitors whoever staffs the windows (`talon-sim compare` relies on it).
    let mut rng = SmallRng::seed_from_u64(seed);
    let mut staff_rng = SmallRng::seed_from_u64(seed ^ 0x5EED_57AF_F000_0001);
    let mut counters = Counters::default();
    let opening = local(world.tz, day, scenario.open);
    let closing = local(world.tz, day, scenario.close);
    // Before opening: the visitors who book ahead take their slots.
    let booked = crate::bookers::book_ahead(world, scenario, day, &mut rng, &mut counters).await;
    let mut arriving = booked
        .into_iter()
        .filter(|v| v.arrives.is_some())
        .peekable();
    let mut now = match &world.pace {
        Pace::Virtual { .. } => opening,
        // Live: the simulated day starts at opening whatever the hour is.
        Pace::RealTime { .. } => opening,
    };
    set_clock(world, now);

    tidy_leftovers(world).await;
    let mut agents: Vec<Agent> = Vec::new();
    for (window, api) in &world.agents {
        let breaks = (0..scenario.breaks.per_agent)
            .map(|_| {
                let day_minutes = (closing - opening).num_minutes().max(60);
                opening
                    + Duration::minutes(rand::Rng::random_range(
                        &mut staff_rng,
                        60..day_minutes.max(61),
                    ))
            })
            .collect();
        let mut agent = Agent::new(*window, api.clone(), breaks);
        if staffing.at_opening(agents.len())
            && let Err(e) = agent.open().await
        {
            tracing::warn!(window = %window, error = %e, "could not open the window");
        }
        agents.push(agent);
    }
    let mut staff_hours = 0.0;

    loop {
        if *stop.borrow() {
            break;
        }
        let local_now = now.with_timezone(&world.tz).time();
        for arrival in draws::arrivals(scenario, local_now, STEP, &mut rng) {
            let at = now + (arrival - local_now);
            set_clock(world, at);
            let topic = draws::topic(scenario, &mut rng);
            let out_of_turn = draws::chance(scenario.out_of_turn_share, &mut rng);
            take_ticket(world, topic, out_of_turn, &mut counters).await;
            world.observe_issues().await;
            refresh_forecast(world).await;
        }
        while let Some(visitor) = arriving.next_if(|v| v.arrives.is_some_and(|at| at < now + STEP))
        {
            set_clock(world, visitor.arrives.unwrap_or(now).max(now));
            crate::bookers::arrive(world, &visitor, &mut counters).await;
            world.observe_issues().await;
        }
        set_clock(world, now);
        let cx = Context {
            now,
            scenario,
            topics: &world.topics,
            closing,
        };
        for agent in &mut agents {
            agent.step(&cx, &mut staff_rng, &mut counters).await;
        }
        if now < closing {
            let staffed = agents.iter().filter(|a| a.on_duty).count();
            staff_hours += staffed as f64 * STEP.num_seconds() as f64 / 3600.0;
            staffing.step(world, &mut agents, now, opening).await;
        }
        if now >= closing {
            let all_idle = agents.iter().filter(|a| a.on_duty).all(Agent::is_idle);
            let waiting = world
                .kiosk
                .topics(world.office)
                .await?
                .iter()
                .map(|t| t.load.waiting)
                .sum::<u32>();
            if (all_idle && waiting == 0) || now >= closing + SERVE_AFTER_CLOSE {
                break;
            }
        }
        now = advance(world, now, &mut stop).await;
    }
    // The day is over: visits still at the windows end now, not the next morning (a
    // visit finished the next day would hold the night as its service time).
    tidy_leftovers(world).await;
    for agent in agents.iter().filter(|a| a.on_duty) {
        if let Err(e) = agent.close().await {
            tracing::info!(window = %agent.window, error = %e, "window left open at the end of the day");
        }
    }
    Ok(DayOutcome {
        counters,
        day,
        ended_at: now,
        staff_hours,
    })
}

/// A visitor takes a ticket at the kiosk for the scenario's topic `topic`.
pub async fn take_ticket(world: &World, topic: usize, out_of_turn: bool, counters: &mut Counters) {
    let key = uuid::Uuid::new_v4().to_string();
    match world
        .kiosk
        .issue(world.office, world.topics[topic], out_of_turn, &key)
        .await
    {
        Ok(_) => counters.issued += 1,
        Err(e) if e.code() == Some("outside_hours") => counters.turned_away += 1,
        Err(e) => {
            counters.unexpected += 1;
            tracing::warn!(error = %e, "the kiosk was refused");
        }
    }
}

/// On the virtual clock, the forecast is made again after each ticket, as a server on
/// the real clock does half a second after a change: the next visitor is told from the
/// queue as it is (the real time the server waits for does not pass here).
async fn refresh_forecast(world: &World) {
    if let Pace::Virtual { queues, .. } = &world.pace
        && let Err(e) = queues.refresh_forecast_now(world.office).await
    {
        tracing::warn!(error = %e, "the forecast was not made again");
    }
}

fn set_clock(world: &World, at: DateTime<Utc>) {
    if let Pace::Virtual { clock, .. } = &world.pace {
        clock.set(at);
    }
}

/// Moves time one step on: the virtual clock at once (then lets time act on the queue),
/// the real one by sleeping.
async fn advance(
    world: &World,
    now: DateTime<Utc>,
    stop: &mut watch::Receiver<bool>,
) -> DateTime<Utc> {
    let next = now + STEP;
    match &world.pace {
        Pace::Virtual { clock, queues } => {
            clock.set(next);
            queues.tick_all().await;
        }
        Pace::RealTime { speed } => {
            let real =
                std::time::Duration::from_secs_f64(STEP.num_seconds() as f64 / speed.max(0.01));
            tokio::select! {
                _ = tokio::time::sleep(real) => {}
                _ = stop.changed() => {}
            }
        }
    }
    next
}

/// Closes the visits at the simulated agents' windows: at the day's end, and before a
/// day in case a previous run (e.g. a demo stopped mid-visit) left visitors there.
async fn tidy_leftovers(world: &World) {
    let Ok(snapshot) = world.kiosk.snapshot(world.office).await else {
        return;
    };
    for (window, api) in &world.agents {
        let Some(ticket) = snapshot
            .windows
            .iter()
            .find(|w| w.id == *window)
            .and_then(|w| w.current_ticket)
            .and_then(|id| snapshot.tickets.iter().find(|t| t.id == id))
        else {
            continue;
        };
        let result = match ticket.status {
            talon_protocol::TicketStatus::Serving => {
                let request = talon_protocol::api::FinishRequest {
                    outcome: talon_protocol::Outcome::Resolved,
                    topics_count: 1,
                    overrun_reason: None,
                };
                api.finish(ticket.id, &request).await.map(|_| ())
            }
            _ => api.ticket_action(ticket.id, "no-show").await.map(|_| ()),
        };
        if let Err(e) = result {
            tracing::info!(window = %window, error = %e, "could not close a visit left from before");
        }
    }
}
