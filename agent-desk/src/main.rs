//! talon-desk: the agent desk and office-head monitor.

use clap::Parser;

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,talon_desk=info".into()),
        )
        .init();
    talon_desk::launch::run(talon_desk::Args::parse())
}
