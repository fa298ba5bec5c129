//! talon-kiosk: the touch-screen kiosk where visitors take queue tickets.

use clap::Parser;

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,talon_kiosk=info,talon_client=info".into()),
        )
        .init();
    talon_kiosk::launch::run(talon_kiosk::config::Args::parse())
}
