//! Opening the kiosk window: shared by `talon-kiosk` and the one-command demo.

use crate::config::{Args, KioskConfig};
use crate::{KioskApp, KioskSettings};
use talon_client::Runtime;

/// Runs the kiosk until its window closes.
pub fn run(args: Args) -> anyhow::Result<()> {
    let config = KioskConfig::resolve(args).map_err(anyhow::Error::msg)?;
    tracing::info!(server = %config.server, printer = %config.printer, "starting the kiosk");
    let runtime = Runtime::new()?;
    let settings = KioskSettings::from_config(&config, runtime);
    // Floor kiosks are portrait Full HD touch screens; windowed runs keep the proportions.
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(talon_client::text(config.lang, "kiosk-window-title"))
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
