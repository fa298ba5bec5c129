//! Opening the desk window: shared by `talon-desk` and the one-command demo.

use crate::DeskApp;
pub use crate::config::Args;

/// Runs the desk until its window closes.
pub fn run(args: Args) -> anyhow::Result<()> {
    let options = args.into_options();
    tracing::info!(server = %options.server, "starting the desk");
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(talon_client::text(options.lang, "desk-window-title"))
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([1100.0, 700.0]),
        ..Default::default()
    };
    eframe::run_native(
        "talon-desk",
        native,
        Box::new(move |cc| Ok(Box::new(DeskApp::new(cc, options)))),
    )
    .map_err(|e| anyhow::anyhow!("the desk window failed: {e}"))
}
