//! `talon-bench`: a bounded, self-stopping load run against a `talon-server` process on
//! 127.0.0.1 started by the bench. Results as a table and as JSON.
//!
//! Build both binaries first: `cargo build --release -p talon-server -p talon-bench`.

mod live;
mod load;
mod measure;
mod phones;
mod region;
mod server;
mod sockets;
mod throughput;

use clap::{Parser, ValueEnum};
use serde::Serialize;

#[derive(Parser)]
#[command(name = "talon-bench", about = "Talon load benchmark")]
struct Cli {
    /// Which scenarios to run.
    #[arg(long, value_enum, default_value = "all")]
    only: Which,
    /// A short run (fewer offices and sockets) to try the bench itself.
    #[arg(long)]
    quick: bool,
    /// Where to write the JSON results.
    #[arg(long, default_value = "bench-results.json")]
    json: std::path::PathBuf,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Which {
    All,
    Region,
    Sockets,
    Throughput,
    Phones,
}

#[derive(Serialize)]
struct Results {
    machine: String,
    region: Option<region::RegionResult>,
    sockets: Option<sockets::SocketsResult>,
    throughput: Option<throughput::ThroughputResult>,
    phones: Option<phones::PhonesResult>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // 10,000 sockets need more open files than the usual soft limit (the server child
    // inherits the raised limit).
    let (_, hard) = rlimit::Resource::NOFILE.get()?;
    rlimit::Resource::NOFILE.set(hard, hard)?;
    let binary = server::server_binary()?;
    let run = |which: Which| cli.only == Which::All || cli.only == which;
    let (offices, sockets, seconds) = if cli.quick {
        (20, 1_000, 10)
    } else {
        (200, 10_000, 60)
    };

    let mut results = Results {
        machine: machine(),
        region: None,
        sockets: None,
        throughput: None,
        phones: None,
    };
    if run(Which::Region) {
        results.region = Some(region::run(&binary, offices, 10, 20, seconds).await?);
    }
    if run(Which::Sockets) {
        results.sockets = Some(sockets::run(&binary, sockets, 10).await?);
    }
    if run(Which::Throughput) {
        results.throughput = Some(throughput::run(&binary, if cli.quick { 3 } else { 10 }).await?);
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

fn print_table(r: &Results) {
    println!("Machine: {}", r.machine);
    if let Some(x) = &r.region {
        println!(
            "\nRegion: {} offices × {} windows, {} sockets, {} tickets/s for {} s",
            x.offices, x.windows_per_office, x.sockets, x.tickets_per_second, x.seconds
        );
        println!("  ticket issue         {}", x.issue);
        println!("  call-next            {}", x.call_next);
        println!("  call → display       {}", x.call_to_display);
        println!(
            "  server CPU           {:.0} % of one core",
            x.server_cpu_percent
        );
        println!("  server memory        {:.0} MB resident", x.server_rss_mb);
        println!("  events received      {}", x.events_received);
        println!(
            "  lost / out of order  {} (resyncs {}, failed requests {})",
            x.lost_or_out_of_order, x.resyncs, x.failed_requests
        );
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
        println!(
            "  lost / out of order  {} (resyncs {})",
            x.lost_or_out_of_order, x.resyncs
        );
    }
    if let Some(x) = &r.throughput {
        println!("\nThroughput ({} s, {} clients)", x.seconds, x.clients);
        println!(
            "  raw SQLite inserts   {:.0} /s (WAL, synchronous=FULL, one row per transaction)",
            x.raw_sqlite_inserts_per_second
        );
        println!(
            "  Talon ticket issues  {:.0} /s",
            x.talon_tickets_per_second
        );
        println!("  ratio                {:.2}", x.ratio);
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
