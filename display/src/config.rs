//! Command line and environment.

use crate::view::ViewSettings;
use clap::Parser;
use talon_client::Lang;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "talon-display",
    version,
    about = "Talon hall display: shows and announces calls"
)]
pub struct Args {
    /// The Talon server's URL, or several nodes' URLs separated by commas (the display
    /// moves to the next when one stops answering).
    #[arg(long, env = "TALON_SERVER", default_value = "http://127.0.0.1:8080")]
    pub server: String,
    /// The display's device token (`talon-server device add --kind display`).
    #[arg(long, env = "TALON_DISPLAY_TOKEN", hide_env_values = true)]
    pub token: String,
    /// How many earlier calls are listed beneath the current one.
    #[arg(long, env = "TALON_DISPLAY_RECENT", default_value_t = 6,
          value_parser = clap::value_parser!(u8).range(0..=19))]
    pub recent: u8,
    /// Announce each call in English too, after Russian.
    #[arg(long, env = "TALON_DISPLAY_ENGLISH")]
    pub english: bool,
    /// No sound: calls are only shown.
    #[arg(long, env = "TALON_DISPLAY_MUTE")]
    pub mute: bool,
    /// Run in a window instead of full-screen.
    #[arg(long)]
    pub windowed: bool,
    /// The language of the screen's texts.
    #[arg(long, env = "TALON_DISPLAY_LANG", value_enum, default_value_t = Lang::Ru)]
    pub lang: Lang,
    /// A line of office information replacing the one set for the office.
    #[arg(long, env = "TALON_DISPLAY_INFO")]
    pub info: Option<String>,
}

impl Args {
    pub fn view(&self) -> ViewSettings {
        ViewSettings {
            lang: self.lang,
            recent: self.recent as usize,
            info: self.info.clone().filter(|i| !i.trim().is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_flags() {
        let args = Args::try_parse_from(["talon-display", "--token", "t"]).unwrap();
        assert_eq!(args.recent, 6);
        assert!(!args.english && !args.mute && !args.windowed);
        assert_eq!(args.view().lang, Lang::Ru);
        let args = Args::try_parse_from([
            "talon-display",
            "--token",
            "t",
            "--recent",
            "3",
            "--lang",
            "en",
            "--english",
            "--info",
            "Часы работы: 8–17",
        ])
        .unwrap();
        let view = args.view();
        assert_eq!((view.lang, view.recent), (Lang::En, 3));
        assert_eq!(view.info.as_deref(), Some("Часы работы: 8–17"));
        assert!(args.english);
        assert!(Args::try_parse_from(["talon-display", "--token", "t", "--recent", "50"]).is_err());
    }
}
