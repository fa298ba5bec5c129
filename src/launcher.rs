//! The one-command demo: server, simulator and apps, and stopping them together.

use clap::Parser;
use std::process::Stdio;
use talon_server::cli::{Cli, Top};
use talon_server::demo;
use talon_server::startup::{self, Settings};
use tokio::net::TcpListener;

/// The simulated agents take windows 1–3; a person at the agent desk takes window 4.
const SIMULATED_AGENTS: [&str; 3] = ["agent2", "agent3", "agent4"];
const DESK_AGENT: &str = "agent1";
/// Simulated seconds per real second: brisk enough that the hall is never quiet.
const SIMULATION_SPEED: f64 = 6.0;
/// Visitors of a simulated day: what three windows serve (the default scenario has six).
const SIMULATED_VISITORS: f64 = 140.0;

/// Runs one app in this process (the demo starts each app like this).
pub fn run_app(role: &str, args: Vec<String>) -> anyhow::Result<()> {
    match role {
        "kiosk" => talon_kiosk::launch::run(talon_kiosk::config::Args::parse_from(args)),
        "display" => talon_display::launch::run(talon_display::launch::Args::parse_from(args)),
        "desk" => talon_desk::launch::run(talon_desk::launch::Args::parse_from(args)),
        other => anyhow::bail!("unknown app {other}"),
    }
}

#[tokio::main]
pub async fn run_demo(serve_args: Vec<String>) -> anyhow::Result<()> {
    let args = [
        "talon",
        "serve",
        "--demo",
        "--database",
        "talon-demo.sqlite3",
    ]
    .into_iter()
    .map(String::from)
    .chain(serve_args);
    let Top::Serve(serve) = Cli::parse_from(args).command else {
        anyhow::bail!("the demo takes only `talon-server serve` options");
    };
    let listener = TcpListener::bind(&serve.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", serve.listen))?;
    let server = startup::start(listener, Settings::new(serve.db.database.clone())).await?;
    let access = demo::ensure(&server.queues).await?;
    let url = format!("http://{}", server.addr);
    talon_server::cli::print_demo(&server.addr.to_string(), &access);

    let mut scenario = talon_sim::scenario::Scenario::default_office();
    scenario.visitors = SIMULATED_VISITORS;
    let agents: Vec<(String, String)> = SIMULATED_AGENTS
        .iter()
        .map(|login| (login.to_string(), demo::AGENT_PASSWORD.to_string()))
        .collect();
    let sim_url = url.clone();
    let kiosk_token = access.kiosk_token.clone();
    let simulator = tokio::spawn(async move {
        if let Err(e) = talon_sim::run_live(
            &scenario,
            &sim_url,
            &kiosk_token,
            &agents,
            SIMULATION_SPEED,
            1,
        )
        .await
        {
            tracing::error!(error = %e, "the simulator stopped");
        }
    });
    println!(
        "  The simulator plays visitors and agents at windows 1–3 ({SIMULATION_SPEED}× real time)."
    );

    let mut apps = Vec::new();
    if has_graphical_display() {
        let me = std::env::current_exe()?;
        let launches: [(&str, Vec<String>); 3] = [
            (
                "kiosk",
                vec![
                    "--server".into(),
                    url.clone(),
                    "--token".into(),
                    access.kiosk_token.clone(),
                ],
            ),
            (
                "display",
                vec![
                    "--server".into(),
                    url.clone(),
                    "--token".into(),
                    access.display_token.clone(),
                    "--windowed".into(),
                ],
            ),
            (
                "desk",
                vec![
                    "--server".into(),
                    url.clone(),
                    "--login".into(),
                    DESK_AGENT.into(),
                    "--password".into(),
                    demo::AGENT_PASSWORD.into(),
                ],
            ),
        ];
        for (role, args) in launches {
            let child = tokio::process::Command::new(&me)
                .arg(role)
                .args(args)
                .stdin(Stdio::null())
                .kill_on_drop(true)
                .spawn()?;
            apps.push(child);
        }
        println!(
            "  Opened the kiosk, the hall display and the agent desk ({DESK_AGENT}, window 4). Close the windows or press Ctrl+C to stop."
        );
    } else {
        println!(
            "  No graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set): the server and the\n  \
             simulator keep running at {url}. Start the apps on a machine with a screen using the commands above\n  \
             (with --server pointing at this machine). Ctrl+C stops."
        );
    }

    let all_closed = async {
        if apps.is_empty() {
            return std::future::pending().await;
        }
        for app in &mut apps {
            let _ = app.wait().await;
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = all_closed => println!("All windows closed."),
    }
    println!("Stopping the demo…");
    simulator.abort();
    drop(apps);
    server.stop().await
}

fn has_graphical_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty()))
}
