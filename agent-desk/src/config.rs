//! Command line and environment.

use crate::app::DeskOptions;
use clap::Parser;
use std::path::PathBuf;
use talon_client::Lang;

/// Talon agent desk and office-head monitor.
#[derive(Debug, Parser)]
#[command(name = "talon-desk", version, about)]
pub struct Args {
    /// The Talon server the sign-in form suggests: a URL, or several nodes' URLs
    /// separated by commas (the desk moves to the next when one stops answering).
    #[arg(long, env = "TALON_SERVER", default_value = "http://127.0.0.1:8080")]
    pub server: String,
    /// Where the sign-in is kept between runs (default: the user's config folder,
    /// e.g. ~/.config/talon/desk-session.json).
    #[arg(long, env = "TALON_DESK_SESSION")]
    pub session_file: Option<PathBuf>,
    /// The language the app starts in; it can be switched on screen.
    #[arg(long, env = "TALON_LANG", value_enum, default_value = "ru")]
    pub lang: Lang,
    /// No chime when a new alert appears on the head board.
    #[arg(long, env = "TALON_DESK_MUTE")]
    pub mute: bool,
    /// Sign in as this person at start (with --password), e.g. for the demo; a saved
    /// sign-in for the same server is used instead when there is one.
    #[arg(long, env = "TALON_DESK_LOGIN", requires = "password")]
    pub login: Option<String>,
    /// The password for --login (prefer the environment variable: a command line is
    /// visible to other users of the machine).
    #[arg(
        long,
        env = "TALON_DESK_PASSWORD",
        hide_env_values = true,
        requires = "login"
    )]
    pub password: Option<String>,
}

impl Args {
    pub fn into_options(self) -> DeskOptions {
        DeskOptions {
            server: self.server,
            session_file: self
                .session_file
                .unwrap_or_else(crate::session_file::default_path),
            lang: self.lang,
            clock: talon_client::clock::system(),
            runtime: None,
            sound: !self.mute,
            sign_in: self.login.zip(self.password),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_defaults() {
        let args = Args::parse_from([
            "talon-desk",
            "--server",
            "http://10.0.0.5:8080",
            "--session-file",
            "/tmp/s.json",
            "--lang",
            "en",
            "--mute",
        ]);
        let options = args.into_options();
        assert_eq!(options.server, "http://10.0.0.5:8080");
        assert_eq!(options.session_file, PathBuf::from("/tmp/s.json"));
        assert_eq!(options.lang, Lang::En);
        assert!(!options.sound);
        assert_eq!(options.sign_in, None);
    }

    #[test]
    fn login_needs_a_password() {
        assert!(Args::try_parse_from(["talon-desk", "--login", "agent1"]).is_err());
        let args = Args::try_parse_from([
            "talon-desk",
            "--login",
            "agent1",
            "--password",
            "talon-agent",
        ])
        .unwrap();
        assert_eq!(
            args.into_options().sign_in,
            Some(("agent1".into(), "talon-agent".into()))
        );
    }
}
