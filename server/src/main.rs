use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    talon_server::cli::init_logging();
    talon_server::cli::run(talon_server::cli::Cli::parse()).await
}
