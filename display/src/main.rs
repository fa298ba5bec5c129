//! `talon-display`: the hall display. See `talon-display --help`.

use clap::Parser;
use std::sync::Arc;
use talon_display::audio::{Player, SystemPlayer};
use talon_display::clock::SystemClock;
use talon_display::config::Args;
use talon_display::{DisplayApp, Options, SoundSetup};

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,talon_display=info".into()),
        )
        .init();
    let args = Args::parse();
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
        clock: Arc::new(SystemClock),
        runtime: talon_client::Runtime::new()?,
        hide_cursor: !args.windowed,
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title("Talon — табло")
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
