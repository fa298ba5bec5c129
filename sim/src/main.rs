//! `talon-sim`: a whole office day in seconds against an in-process server (default),
//! or live against a running server (for the demo).

use clap::{Parser, Subcommand};
use talon_sim::scenario::Scenario;

#[derive(Parser)]
#[command(name = "talon-sim", version, about = "Talon office simulator")]
struct Cli {
    /// Scenario file (TOML); the bundled energy-retailer office by default.
    #[arg(long, global = true)]
    scenario: Option<std::path::PathBuf>,
    /// Random seed: the same seed gives the same day.
    #[arg(long, global = true, default_value_t = 1)]
    seed: u64,
    #[command(subcommand)]
    mode: Option<Mode>,
}

#[derive(Subcommand)]
enum Mode {
    /// A whole day accelerated against an in-process server (the default).
    Day {
        /// The day to simulate (YYYY-MM-DD), a weekday by default.
        #[arg(long, default_value = "2026-11-20")]
        day: chrono::NaiveDate,
    },
    /// How well waits are predicted: seeded days (seeds from --seed on) of the scenario
    /// and of a busy variant (arrivals ×1.3), each ticket's predictions at issue against
    /// its actual wait.
    Accuracy {
        /// Days per scenario.
        #[arg(long, default_value_t = 20)]
        days: u64,
        /// Print JSON instead of the table.
        #[arg(long)]
        json: bool,
        /// The office's first day (YYYY-MM-DD), not measured; the measured days follow
        /// it, one a seed.
        #[arg(long, default_value = "2026-11-20")]
        day: chrono::NaiveDate,
        /// Also write every sample (predictions and the wait that followed) to this
        /// file, one JSON object a line, to study the predictors further.
        #[arg(long)]
        samples: Option<std::path::PathBuf>,
    },
    /// Advice that works: the day opened with two windows fewer, the head following the
    /// staffing advisor, side by side with a static plan of the same staff-hours and
    /// with the scenario's own staffing, on the same seeded days.
    Compare {
        /// Days (seeds from --seed on).
        #[arg(long, default_value_t = 5)]
        days: u64,
        /// Print JSON instead of the table.
        #[arg(long)]
        json: bool,
        /// The day to simulate (YYYY-MM-DD), the same for every seed.
        #[arg(long, default_value = "2026-11-20")]
        day: chrono::NaiveDate,
    },
    /// Live against a running server, e.g. `talon-server serve --demo`.
    Live {
        /// The server's URL, or several nodes' URLs separated by commas.
        #[arg(long, env = "TALON_SERVER", default_value = "http://127.0.0.1:8080")]
        server: String,
        #[arg(long, env = "TALON_KIOSK_TOKEN")]
        kiosk_token: String,
        /// Agents as login:password, one per window in the office's order.
        #[arg(long = "agent", required = true)]
        agents: Vec<String>,
        /// Simulated seconds per real second.
        #[arg(long, default_value_t = 1.0)]
        speed: f64,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    talon_server::cli::init_logging();
    let cli = Cli::parse();
    let scenario = match &cli.scenario {
        Some(path) => Scenario::parse(&std::fs::read_to_string(path)?)?,
        None => Scenario::default_office(),
    };
    match cli.mode.unwrap_or(Mode::Day {
        day: "2026-11-20".parse()?,
    }) {
        Mode::Day { day } => {
            let (world, report) = talon_sim::simulate_day(&scenario, day, cli.seed).await?;
            print!("{}", report.render());
            world.stop().await
        }
        Mode::Accuracy {
            days,
            json,
            day,
            samples,
        } => {
            use std::io::Write;
            use talon_sim::accuracy;
            let seeds = cli.seed..cli.seed + days;
            let mut dump = samples
                .map(|path| std::fs::File::create(path).map(std::io::BufWriter::new))
                .transpose()?;
            let mut summaries = Vec::new();
            for (name, scenario) in [
                ("default", scenario.clone()),
                ("busy", accuracy::busy(&scenario)),
            ] {
                let summary =
                    accuracy::measure(name, &scenario, day, seeds.clone(), |seed, record| {
                        eprintln!(
                            "{name} seed {seed}: {} issued, {} called",
                            record.issued,
                            record.samples.len()
                        );
                        if let Some(dump) = dump.as_mut() {
                            for sample in &record.samples {
                                let line = serde_json::json!({
                                    "scenario": name, "seed": seed, "sample": sample,
                                });
                                let _ = writeln!(dump, "{line}");
                            }
                        }
                    })
                    .await?;
                summaries.push(summary);
            }
            if let Some(mut dump) = dump {
                dump.flush()?;
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&summaries)?);
            } else {
                print!("{}", accuracy::render(&summaries));
            }
            Ok(())
        }
        Mode::Compare { days, json, day } => {
            use talon_sim::compare;
            let seeds = cli.seed..cli.seed + days;
            let comparison = compare::compare(&scenario, day, seeds, |seed, a, f, p| {
                eprintln!(
                    "seed {seed}: advised {:.1} h {}/{} within 15 min; static {}/{}; as planned {}/{}",
                    a.staff_hours,
                    a.within_15_min,
                    a.visitors,
                    f.within_15_min,
                    f.visitors,
                    p.within_15_min,
                    p.visitors
                );
            })
            .await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&comparison)?);
            } else {
                print!("{}", compare::render(&scenario, &comparison));
            }
            Ok(())
        }
        Mode::Live {
            server,
            kiosk_token,
            agents,
            speed,
        } => {
            let agents = agents
                .iter()
                .map(|a| {
                    a.split_once(':')
                        .map(|(l, p)| (l.to_string(), p.to_string()))
                        .ok_or_else(|| anyhow::anyhow!("--agent takes login:password"))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            talon_sim::run_live(&scenario, &server, &kiosk_token, &agents, speed, cli.seed).await
        }
    }
}
