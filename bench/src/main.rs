//! `talon-bench`: a bounded, self-stopping load run against `talon-server` processes on
//! 127.0.0.1 started by the bench, on SQLite or on a fresh PostgreSQL database. Results
//! as a table and as JSON, each figure next to its target.
//!
//! Build both binaries first: `cargo build --release -p talon-server -p talon-bench`.

mod engine_cost;
mod forecast_cost;
mod live;
mod load;
mod measure;
mod phones;
mod region;
mod server;
mod sockets;
mod tcp_floor;
mod throughput;

use clap::{Parser, ValueEnum};
use serde::Serialize;
use throughput::Spread;

#[derive(Parser)]
#[command(
    name = "talon-bench",
    about = "Talon load benchmark",
    after_help = "Scenarios: region, sockets, throughput (one node on SQLite); region-pg \
                  (several nodes on one PostgreSQL database), throughput-pg (PostgreSQL, \
                  one node and several). `all` runs every one, skipping the PostgreSQL \
                  ones when PostgreSQL cannot be reached."
)]
struct Cli {
    /// Which scenarios to run (several may be given).
    #[arg(value_enum, default_value = "all")]
    scenarios: Vec<Which>,
    /// The same as one scenario argument (kept for older scripts).
    #[arg(long, value_enum, hide = true)]
    only: Option<Which>,
    /// A short run (fewer offices and sockets, shorter durations) to try the bench itself.
    #[arg(long)]
    quick: bool,
    /// How long the region scenarios issue and serve (default 60 s, 10 s with --quick).
    #[arg(long)]
    region_seconds: Option<u64>,
    /// How long each throughput measurement runs (default 10 s, 3 s with --quick).
    #[arg(long)]
    throughput_seconds: Option<u64>,
    /// A database on the PostgreSQL server through which each PostgreSQL run creates
    /// (and at its end drops) a fresh database of its own.
    #[arg(
        long,
        env = "TALON_BENCH_POSTGRES",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    postgres: String,
    /// Server nodes for region-pg.
    #[arg(long, default_value_t = 3)]
    region_nodes: usize,
    /// Node counts for throughput-pg, each measured in turn.
    #[arg(long, value_delimiter = ',', default_value = "1,3")]
    throughput_nodes: Vec<usize>,
    /// Where to write the JSON results.
    #[arg(long, default_value = "bench-results.json")]
    json: std::path::PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    All,
    Region,
    Sockets,
    Throughput,
    RegionPg,
    ThroughputPg,
    /// One command's cost on the engine alone, with 100 and with 5,000 waiting.
    Engine,
    /// One refresh of the predicted waits: 100 waiting, 10 windows.
    Forecast,
    Phones,
}

#[derive(Serialize)]
struct Results {
    machine: String,
    region: Option<region::RegionResult>,
    sockets: Option<sockets::SocketsResult>,
    throughput: Option<throughput::ThroughputResult>,
    region_pg: Option<region::RegionResult>,
    /// One per node count.
    throughput_pg: Vec<throughput::ThroughputResult>,
    engine: Option<engine_cost::EngineCostResult>,
    forecast: Option<forecast_cost::ForecastCostResult>,
    phones: Option<phones::PhonesResult>,
    /// Each figure that has a target, next to it.
    targets: Vec<Check>,
    /// Scenarios not run, and why.
    skipped: Vec<String>,
}

#[derive(Serialize)]
struct Check {
    scenario: String,
    measure: String,
    result: String,
    target: &'static str,
    met: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // 10,000 sockets need more open files than the usual soft limit (the server child
    // inherits the raised limit).
    let (_, hard) = rlimit::Resource::NOFILE.get()?;
    rlimit::Resource::NOFILE.set(hard, hard)?;
    // The floor's writing side of the sockets scenario, started by the bench itself.
    if std::env::args().nth(1).as_deref() == Some(tcp_floor::WRITER_FLAG) {
        return tcp_floor::writer();
    }
    let cli = Cli::parse();
    let binary = server::server_binary()?;
    let chosen: Vec<Which> = cli.only.map_or_else(|| cli.scenarios.clone(), |w| vec![w]);
    let all = chosen.contains(&Which::All);
    let run = |which: Which| all || chosen.contains(&which);
    let (offices, sockets) = if cli.quick {
        (20, 1_000)
    } else {
        (200, 10_000)
    };
    let region_seconds = cli
        .region_seconds
        .unwrap_or(if cli.quick { 10 } else { 60 });
    let throughput_seconds = cli
        .throughput_seconds
        .unwrap_or(if cli.quick { 3 } else { 10 });
    let region = |nodes: usize, postgres: Option<String>| region::RegionConfig {
        offices,
        windows: 10,
        rate: 20,
        seconds: region_seconds,
        nodes,
        postgres,
    };

    let mut results = Results {
        machine: machine(),
        region: None,
        sockets: None,
        throughput: None,
        region_pg: None,
        throughput_pg: Vec::new(),
        engine: None,
        forecast: None,
        phones: None,
        targets: Vec::new(),
        skipped: Vec::new(),
    };
    if run(Which::Engine) {
        results.engine = Some(engine_cost::run(if cli.quick { 500 } else { 5_000 }));
    }
    if run(Which::Forecast) {
        results.forecast = Some(forecast_cost::run(if cli.quick { 20 } else { 200 }));
    }
    if run(Which::Region) {
        results.region = Some(region::run(&binary, region(1, None)).await?);
    }
    if run(Which::Sockets) {
        results.sockets = Some(sockets::run(&binary, sockets, 10).await?);
    }
    if run(Which::Throughput) {
        let config = throughput::ThroughputConfig {
            seconds: throughput_seconds,
            nodes: 1,
            spread: Spread::Request,
            postgres: None,
        };
        results.throughput = Some(throughput::run(&binary, config).await?);
    }
    if run(Which::Phones) {
        // 10,000 visitors' pages: 50 offices with 200 tickets each.
        let (offices, per_office, seconds) = if cli.quick {
            (10, 100, 15)
        } else {
            (50, 200, 60)
        };
        results.phones = Some(phones::run(&binary, offices, per_office, seconds).await?);
    }
    let wants_postgres = run(Which::RegionPg) || run(Which::ThroughputPg);
    let postgres = if wants_postgres {
        match server::Database::postgres(&cli.postgres).await {
            Ok(probe) => {
                probe.remove().await?;
                true
            }
            // Asked for by name: a missing PostgreSQL is an error, not a skip.
            Err(e) if !all => return Err(e),
            Err(e) => {
                eprintln!("skipping the PostgreSQL scenarios: {e}");
                results
                    .skipped
                    .push(format!("region-pg and throughput-pg: {e}"));
                false
            }
        }
    } else {
        false
    };
    if postgres && run(Which::RegionPg) {
        let config = region(cli.region_nodes, Some(cli.postgres.clone()));
        results.region_pg = Some(region::run(&binary, config).await?);
    }
    if postgres && run(Which::ThroughputPg) {
        for &nodes in &cli.throughput_nodes {
            // On several nodes, both ways a load balancer may spread the kiosks.
            let spreads: &[Spread] = if nodes > 1 {
                &[Spread::Request, Spread::Office]
            } else {
                &[Spread::Request]
            };
            for &spread in spreads {
                let config = throughput::ThroughputConfig {
                    seconds: throughput_seconds,
                    nodes,
                    spread,
                    postgres: Some(cli.postgres.clone()),
                };
                results
                    .throughput_pg
                    .push(throughput::run(&binary, config).await?);
            }
        }
    }
    results.targets = targets(&results);
    print_table(&results);
    std::fs::write(&cli.json, serde_json::to_string_pretty(&results)?)?;
    println!("\nJSON written to {}", cli.json.display());
    Ok(())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores, {cpu}")
}

/// The targets of issues 5 (one node, SQLite) and 10 (PostgreSQL, several nodes).
fn targets(r: &Results) -> Vec<Check> {
    let mut checks = Vec::new();
    let mut region = |name: &str, x: &region::RegionResult, limit_ms: f64, target| {
        checks.push(Check {
            scenario: name.to_string(),
            measure: "call → display p99".into(),
            result: format!("{:.1} ms", x.call_to_display.p99_ms),
            target,
            met: x.call_to_display.count > 0 && x.call_to_display.p99_ms < limit_ms,
        });
        checks.push(Check {
            scenario: name.to_string(),
            measure: "events lost or out of order".into(),
            result: x.lost_or_out_of_order.to_string(),
            target: "0",
            met: x.lost_or_out_of_order == 0,
        });
    };
    if let Some(x) = &r.region {
        region("region", x, 50.0, "p99 < 50 ms");
    }
    if let Some(x) = &r.region_pg {
        region(
            &format!("region-pg ({} nodes)", x.nodes),
            x,
            20.0,
            "p99 < 20 ms",
        );
    }
    if let Some(x) = &r.phones {
        checks.push(Check {
            scenario: "phones".into(),
            measure: format!("call → phone p99, {} pages", x.pages),
            result: format!("{:.1} ms", x.call_to_phone.p99_ms),
            target: "p99 < 100 ms",
            met: x.call_to_phone.count > 0 && x.call_to_phone.p99_ms < 100.0,
        });
        checks.push(Check {
            scenario: "phones".into(),
            measure: "updates lost".into(),
            result: x.lost.to_string(),
            target: "0",
            met: x.lost == 0,
        });
    }
    if let Some(x) = &r.engine {
        checks.push(Check {
            scenario: "engine".into(),
            measure: format!(
                "a command with {} waiting ÷ with {}",
                x.many_waiting, x.few_waiting
            ),
            result: format!(
                "{:.2}× ({:.1} µs ÷ {:.1} µs)",
                x.ratio, x.many_us_per_command, x.few_us_per_command
            ),
            target: "≤ 1.2×",
            met: x.ratio <= 1.2,
        });
    }
    if let Some(x) = &r.forecast {
        checks.push(Check {
            scenario: "forecast".into(),
            measure: format!(
                "one refresh, {} waiting, {} windows, {} runs",
                x.waiting, x.windows, x.runs
            ),
            result: format!("{:.2} ms", x.ms_per_refresh),
            target: "< 5 ms",
            met: x.ms_per_refresh < 5.0,
        });
    }
    if let Some(x) = &r.sockets {
        checks.push(Check {
            scenario: "sockets".into(),
            measure: format!("server memory, {} sockets", x.sockets),
            result: format!("{:.0} MB", x.server_rss_after_mb),
            target: "< 200 MB",
            met: x.server_rss_after_mb < 200.0,
        });
        checks.push(Check {
            scenario: "sockets".into(),
            measure: format!("call → display p99, all {} sockets", x.sockets),
            result: format!("{:.1} ms", x.call_to_display.p99_ms),
            target: "< 100 ms",
            met: x.call_to_display.count > 0 && x.call_to_display.p99_ms < 100.0,
        });
    }
    let throughput = r
        .throughput
        .iter()
        .map(|x| ("throughput".to_string(), x))
        .chain(
            r.throughput_pg
                .iter()
                .map(|x| (format!("throughput-pg ({})", nodes_and_spread(x)), x)),
        );
    for (name, x) in throughput {
        checks.push(Check {
            scenario: name,
            measure: "Talon issues / raw inserts".into(),
            result: format!("{:.2}", x.ratio),
            target: "≥ 0.5",
            met: x.ratio >= 0.5,
        });
    }
    checks
}

fn print_region(title: &str, x: &region::RegionResult) {
    println!(
        "\n{title}: {} offices × {} windows, {} sockets, {} tickets/s for {} s, \
         {} node(s) on {}",
        x.offices,
        x.windows_per_office,
        x.sockets,
        x.tickets_per_second,
        x.seconds,
        x.nodes,
        x.backend
    );
    println!("  ticket issue         {}", x.issue);
    println!("  call-next            {}", x.call_next);
    println!("  call → display       {}", x.call_to_display);
    if let Some(cross) = &x.call_to_display_cross_node {
        println!("    across nodes       {cross}");
    }
    if let Some(same) = &x.call_to_display_same_node {
        println!("    on one node        {same}");
    }
    println!(
        "  server CPU           {:.0} % of one core{}",
        x.server_cpu_percent,
        if x.nodes > 1 { " (all nodes)" } else { "" }
    );
    if let Some(db) = x.database_cpu_percent {
        println!("  PostgreSQL CPU       {db:.0} % of one core");
    }
    println!("  server memory        {:.0} MB resident", x.server_rss_mb);
    println!("  events received      {}", x.events_received);
    println!(
        "  lost / out of order  {} (resyncs {}, failed requests {}, call-next on an \
         empty queue {})",
        x.lost_or_out_of_order, x.resyncs, x.failed_requests, x.call_next_queue_empty
    );
    for failure in &x.failure_examples {
        println!("    e.g. {failure}");
    }
}

fn nodes_and_spread(x: &throughput::ThroughputResult) -> String {
    match (x.nodes, x.spread) {
        (1, _) => "1 node".into(),
        (n, Spread::Request) => format!("{n} nodes, requests round-robin"),
        (n, Spread::Office) => format!("{n} nodes, an office per node"),
    }
}

fn print_throughput(title: &str, x: &throughput::ThroughputResult) {
    println!(
        "\n{title} ({} s, {} clients, {} on {})",
        x.seconds,
        x.clients,
        nodes_and_spread(x),
        x.backend
    );
    println!(
        "  raw inserts          {:.0} /s ({:.0} before, {:.0} after; {})",
        x.raw_inserts_per_second,
        x.raw_inserts_before_and_after[0],
        x.raw_inserts_before_and_after[1],
        x.raw
    );
    println!(
        "  Talon ticket issues  {:.0} /s (failed requests {})",
        x.talon_tickets_per_second, x.failed_requests
    );
    println!("  ratio                {:.2}", x.ratio);
    println!(
        "  store writer         {:.1} commits per transaction ({:.0} transactions); \
         {:.0} events absorbed from other nodes",
        x.commits_per_transaction, x.writer_transactions, x.events_absorbed
    );
    if let Some(rollbacks) = x.database_rollbacks {
        println!("  PostgreSQL rollbacks {rollbacks} (batches holding a commit refused as stale)");
    }
    print!(
        "  server CPU           {:.0} % of one core",
        x.server_cpu_percent
    );
    match x.database_cpu_percent {
        Some(db) => println!(", PostgreSQL {db:.0} %"),
        None => println!(),
    }
}

fn print_table(r: &Results) {
    println!("Machine: {}", r.machine);
    if let Some(x) = &r.region {
        print_region("Region", x);
    }
    if let Some(x) = &r.sockets {
        println!(
            "\nSockets: {} idle display sockets on one office",
            x.sockets
        );
        println!("  connect all          {:.1} s", x.connect_seconds);
        println!(
            "  server memory        {:.0} MB → {:.0} MB ({:.1} KB per socket)",
            x.server_rss_before_mb, x.server_rss_after_mb, x.memory_per_socket_kb
        );
        println!("  call → display       {}", x.call_to_display);
        println!("  issue request        {}", x.issue);
        println!("  call-next request    {}", x.call_next);
        println!(
            "  per display a visit  {:.1} messages, {:.0} bytes each",
            x.messages_per_visit, x.bytes_per_message
        );
        println!(
            "  lost / out of order  {} (resyncs {})",
            x.lost_or_out_of_order, x.resyncs
        );
        if let Some(floor) = &x.tcp_floor {
            println!(
                "  plain TCP floor      {} ({} connections, one {}-byte write each)",
                floor.delivery, floor.connections, floor.bytes_per_write
            );
        }
    }
    if let Some(x) = &r.throughput {
        print_throughput("Throughput", x);
    }
    if let Some(x) = &r.region_pg {
        print_region("Region on PostgreSQL", x);
    }
    for x in &r.throughput_pg {
        print_throughput("Throughput on PostgreSQL", x);
    }
    for skipped in &r.skipped {
        println!("\nSkipped {skipped}");
    }
    if !r.targets.is_empty() {
        println!("\nTargets");
        for c in &r.targets {
            println!(
                "  {} {:<46} {:<30} {:>8}   target {}",
                if c.met { "✔" } else { "✘" },
                c.scenario,
                c.measure,
                c.result,
                c.target
            );
        }
    }
    if let Some(x) = &r.phones {
        println!(
            "\nPhones: {} ticket pages open in {} offices while they serve for {} s",
            x.pages, x.offices, x.seconds
        );
        println!("  open all pages       {:.1} s", x.connect_seconds);
        println!(
            "  server memory        {:.0} MB → {:.0} MB ({:.1} KB per page)",
            x.server_rss_before_mb, x.server_rss_after_mb, x.memory_per_page_kb
        );
        println!(
            "  server CPU           {:.0} % of one core",
            x.server_cpu_percent
        );
        println!("  call → phone         {}", x.call_to_phone);
        println!(
            "  updates lost         {} ({} calls, {} updates received, failed requests {})",
            x.lost, x.calls, x.updates_received, x.failed_requests
        );
    }
}
