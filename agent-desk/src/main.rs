//! talon-desk: the agent desk and office-head monitor.

use clap::Parser;
use talon_desk::{Args, DeskApp};

fn main() -> eframe::Result {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,talon_desk=info".into()),
        )
        .init();
    let options = Args::parse().into_options();
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Talon — рабочее место")
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([1100.0, 700.0]),
        ..Default::default()
    };
    eframe::run_native(
        "talon-desk",
        native,
        Box::new(move |cc| Ok(Box::new(DeskApp::new(cc, options)))),
    )
}
