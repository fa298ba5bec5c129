//! The Talon office simulator: visitors arrive per topic as a Poisson process with a
//! daily profile, agents serve with lognormal service times, some visitors do not come
//! when called, some are transferred, agents take breaks. Everything goes through the
//! server's real HTTP API, as kiosks and agent desks would.

pub mod accuracy;
pub mod agents;
pub mod bookers;
pub mod compare;
pub mod draws;
pub mod driver;
pub mod report;
pub mod scenario;
pub mod staffing;
pub mod world;

use chrono::NaiveDate;
use report::Report;
use scenario::Scenario;
use talon_protocol::EventKind;
use tokio::sync::watch;
use world::World;

/// Runs a whole day accelerated against an in-process server whose clock the simulator
/// owns, and returns the world (for checks) with the report.
pub async fn simulate_day(
    scenario: &Scenario,
    day: NaiveDate,
    seed: u64,
) -> anyhow::Result<(World, Report)> {
    let world = World::in_process(scenario, day).await?;
    let (_stop_tx, stop) = watch::channel(false);
    let outcome = driver::run_day(&world, scenario, day, seed, stop).await?;
    let report = report(&world, outcome.counters, day).await?;
    Ok((world, report))
}

/// The server's statistics of the day and the alerts raised (in-process runs).
pub async fn report(
    world: &World,
    counters: agents::Counters,
    day: NaiveDate,
) -> anyhow::Result<Report> {
    let world::Pace::Virtual { queues, .. } = &world.pace else {
        anyhow::bail!("reports of live runs come from the agent desk");
    };
    let store = queues.store();
    let events = store.events_since(world.office, 0, u32::MAX).await?;
    let alerts_raised = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::AlertRaised { .. }))
        .count() as u32;
    let api = talon_client::Api::new(&world.base, Some(head_session(store, world.office).await?));
    let stats = api.stats(world.office, day, day).await?;
    Ok(Report {
        stats,
        counters,
        alerts_raised,
    })
}

/// Statistics need a head: the in-process office gets one with a session written
/// straight to its store.
async fn head_session(
    store: &talon_server::store::Store,
    office: talon_protocol::OfficeId,
) -> anyhow::Result<String> {
    use talon_server::credentials::{SESSION_PREFIX, new_token, token_hash};
    let login = format!("sim-head-{}", uuid::Uuid::new_v4());
    let user = store
        .create_staff(
            &login,
            "Начальник офиса",
            talon_protocol::api::Role::Head,
            "!",
            &[office],
            &talon_server::store::Stamp {
                author: talon_server::store::Author::server("talon-sim"),
                at: chrono::Utc::now(),
            },
        )
        .await?;
    let token = new_token(SESSION_PREFIX);
    store
        .create_session(&token_hash(&token), user.id, 0, i64::MAX / 2)
        .await?;
    Ok(token)
}

/// Keeps a running server's hall alive: simulated days one after another at `speed`,
/// until Ctrl+C.
pub async fn run_live(
    scenario: &Scenario,
    server: &str,
    kiosk_token: &str,
    agents: &[(String, String)],
    speed: f64,
    seed: u64,
) -> anyhow::Result<()> {
    let world = World::connect(server, kiosk_token, agents, scenario, speed).await?;
    let (stop_tx, stop) = watch::channel(false);
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = stop_tx.send(true);
    });
    let mut day_seed = seed;
    while !*stop.borrow() {
        let today = chrono::Utc::now().with_timezone(&world.tz).date_naive();
        let outcome = driver::run_day(&world, scenario, today, day_seed, stop.clone()).await?;
        tracing::info!(
            issued = outcome.counters.issued,
            finished = outcome.counters.finished,
            "simulated day done"
        );
        day_seed += 1;
    }
    Ok(())
}
