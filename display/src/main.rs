//! `talon-display`: the hall display. See `talon-display --help`.

use clap::Parser;

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,talon_display=info".into()),
        )
        .init();
    talon_display::launch::run(talon_display::launch::Args::parse())
}
