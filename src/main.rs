//! `cargo run` at the repository root: the Talon server with an embedded SQLite
//! database (`talon-demo.sqlite3`) and demo data. Extra arguments go to
//! `talon-server serve`, e.g. `cargo run -- --listen 0.0.0.0:8080`.

use clap::Parser;
use talon_server::cli::{Cli, init_logging, run};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    init_logging();
    let args = [
        "talon",
        "serve",
        "--demo",
        "--database",
        "talon-demo.sqlite3",
    ]
    .into_iter()
    .map(String::from)
    .chain(std::env::args().skip(1));
    run(Cli::parse_from(args)).await
}
