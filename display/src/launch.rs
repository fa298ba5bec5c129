//! Opening the display window: shared by `talon-display` and the one-command demo.

use crate::audio::{Player, SystemPlayer};
pub use crate::config::Args;
use crate::{DisplayApp, Options, SoundSetup};

/// Runs the hall display until its window closes.
pub fn run(args: Args) -> anyhow::Result<()> {
    let sound = if args.mute {
        SoundSetup::Off
    } else {
        let player = SystemPlayer::find();
        match &player {
            Some(p) => tracing::info!(player = %p.program().display(), "announcements play here"),
            None => {
                tracing::warn!("no audio player (pw-play, paplay, aplay): calls are only shown")
            }
        }
        SoundSetup::Player(player.map(|p| Box::new(p) as Box<dyn Player>))
    };
    let options = Options {
        server: args.server.clone(),
        token: args.token.clone(),
        view: args.view(),
        english: args.english,
        sound,
        clock: talon_client::clock::system(),
        runtime: talon_client::Runtime::new()?,
        hide_cursor: !args.windowed,
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title(talon_client::text(args.lang, "display-window-title"))
        .with_inner_size([1280.0, 720.0])
        .with_fullscreen(!args.windowed);
    eframe::run_native(
        "talon-display",
        eframe::NativeOptions {
            viewport,
            ..Default::default()
        },
        Box::new(|cc| Ok(Box::new(DisplayApp::new(cc, options)))),
    )
    .map_err(|e| anyhow::anyhow!("the display cannot start: {e}"))
}
