//! talon-kiosk: the touch-screen kiosk where visitors take queue tickets.

use clap::Parser;
use talon_client::Runtime;
use talon_kiosk::config::{Args, KioskConfig};
use talon_kiosk::{KioskApp, KioskSettings};

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,talon_kiosk=info,talon_client=info".into()),
        )
        .init();
    let config = KioskConfig::resolve(Args::parse()).map_err(anyhow::Error::msg)?;
    tracing::info!(server = %config.server, printer = %config.printer, "starting the kiosk");
    let runtime = Runtime::new()?;
    let settings = KioskSettings::from_config(&config, runtime);
    // Floor kiosks are portrait Full HD touch screens; windowed runs keep the proportions.
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Talon — киоск")
        .with_inner_size([540.0, 960.0]);
    if config.fullscreen {
        viewport = viewport.with_fullscreen(true).with_decorations(false);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "talon-kiosk",
        options,
        Box::new(move |cc| Ok(Box::new(KioskApp::new(cc, settings)))),
    )
    .map_err(|e| anyhow::anyhow!("the kiosk window failed: {e}"))
}
