//! Configuration: flags, each with an environment fallback, over an optional TOML file.
//!
//! ```toml
//! server = "http://192.168.1.10:8080"
//! token = "…"                       # the kiosk's device token
//! public_url = "https://queue.example.org" # what the QR code opens (default: server)
//! printer = "tcp:192.168.1.50:9100" # none | file:/dev/usb/lp0 | tcp:HOST:PORT
//! fullscreen = true
//! lang = "ru"                       # the language the home screen returns to
//! ```

use crate::print::PrinterTarget;
use clap::Parser;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use talon_client::Lang;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "talon-kiosk",
    version,
    about = "Talon kiosk: visitors take queue tickets"
)]
pub struct Args {
    /// The Talon server's URL, e.g. http://127.0.0.1:8080, or several nodes' URLs
    /// separated by commas (the kiosk moves to the next when one stops answering)
    #[arg(long, env = "TALON_SERVER")]
    pub server: Option<String>,
    /// The kiosk's device token (`talon-server device add --kind kiosk --office N`)
    #[arg(long, env = "TALON_KIOSK_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// The address visitors' phones open from the ticket's QR code, when the server's
    /// address is not reachable from the hall's Wi-Fi or mobile network (default: --server)
    #[arg(long, env = "TALON_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Where to print: none, file:/dev/usb/lp0 or tcp:HOST:9100
    #[arg(long, env = "TALON_PRINTER")]
    pub printer: Option<PrinterTarget>,
    /// Fill the whole screen, without window decorations
    #[arg(long, env = "TALON_FULLSCREEN")]
    pub fullscreen: bool,
    /// The language the kiosk starts in and returns to after each visitor
    #[arg(long, env = "TALON_LANG", value_enum)]
    pub lang: Option<Lang>,
    /// A TOML file with the same settings; flags and environment win over it
    #[arg(long, env = "TALON_KIOSK_CONFIG")]
    pub config: Option<PathBuf>,
}

/// The configuration file: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    server: Option<String>,
    token: Option<String>,
    public_url: Option<String>,
    printer: Option<String>,
    fullscreen: Option<bool>,
    lang: Option<Lang>,
}

/// The kiosk's settled configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskConfig {
    pub server: String,
    pub public_url: String,
    pub token: String,
    pub printer: PrinterTarget,
    pub fullscreen: bool,
    pub lang: Lang,
}

impl KioskConfig {
    /// Merges flags and environment (already in `args`) over the file, if one is named.
    pub fn resolve(args: Args) -> Result<KioskConfig, String> {
        let file = match &args.config {
            Some(path) => read_file(path)?,
            None => FileConfig::default(),
        };
        let server = args
            .server
            .or(file.server)
            .filter(|s| !s.trim().is_empty())
            .ok_or("the server's URL is missing: --server, TALON_SERVER or `server` in the file")?;
        let nodes: Vec<&str> = server
            .split(',')
            .map(|node| node.trim().trim_end_matches('/'))
            .filter(|node| !node.is_empty())
            .collect();
        if let Some(bad) = nodes
            .iter()
            .find(|node| !(node.starts_with("http://") || node.starts_with("https://")))
        {
            return Err(format!(
                "the server's URL must start with http:// or https://, not {bad:?}"
            ));
        }
        let token = args
            .token
            .or(file.token)
            .filter(|s| !s.trim().is_empty())
            .ok_or(
                "the kiosk token is missing: --token, TALON_KIOSK_TOKEN or `token` in the file",
            )?;
        let printer = match (args.printer, file.printer) {
            (Some(printer), _) => printer,
            (None, Some(raw)) => raw.parse()?,
            (None, None) => PrinterTarget::None,
        };
        // Visitors' phones open the first node unless told otherwise.
        let first_node = nodes
            .first()
            .map(|node| node.to_string())
            .unwrap_or_default();
        let server = nodes.join(",");
        let public_url = args
            .public_url
            .or(file.public_url)
            .filter(|s| !s.trim().is_empty())
            .map_or_else(
                || first_node.clone(),
                |url| url.trim().trim_end_matches('/').to_string(),
            );
        Ok(KioskConfig {
            server,
            public_url,
            token: token.trim().to_string(),
            printer,
            fullscreen: args.fullscreen || file.fullscreen.unwrap_or(false),
            lang: args.lang.or(file.lang).unwrap_or_default(),
        })
    }
}

fn read_file(path: &Path) -> Result<FileConfig, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Args {
        let mut argv = vec!["talon-kiosk"];
        argv.extend_from_slice(list);
        Args::try_parse_from(argv).unwrap()
    }

    #[test]
    fn flags_alone_are_enough() {
        let config = KioskConfig::resolve(args(&[
            "--server",
            "http://127.0.0.1:8080",
            "--token",
            "secret",
            "--printer",
            "tcp:10.0.0.5:9100",
            "--lang",
            "en",
            "--fullscreen",
        ]))
        .unwrap();
        assert_eq!(config.server, "http://127.0.0.1:8080");
        assert_eq!(config.public_url, "http://127.0.0.1:8080");
        assert_eq!(config.token, "secret");
        assert_eq!(
            config.printer,
            PrinterTarget::Tcp {
                host: "10.0.0.5".into(),
                port: 9100
            }
        );
        assert_eq!(config.lang, Lang::En);
        assert!(config.fullscreen);
    }

    #[test]
    fn flags_win_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.toml");
        std::fs::write(
            &path,
            "server = \"http://file:8080\"\ntoken = \"from-file\"\nprinter = \"file:/dev/usb/lp0\"\nfullscreen = true\nlang = \"en\"\n",
        )
        .unwrap();
        let config = KioskConfig::resolve(args(&[
            "--config",
            path.to_str().unwrap(),
            "--server",
            "http://flag:8080",
        ]))
        .unwrap();
        assert_eq!(config.server, "http://flag:8080");
        assert_eq!(config.token, "from-file");
        assert_eq!(config.printer, PrinterTarget::File("/dev/usb/lp0".into()));
        assert!(config.fullscreen);
        assert_eq!(config.lang, Lang::En);
        let config =
            KioskConfig::resolve(args(&["--config", path.to_str().unwrap(), "--lang", "ru"]))
                .unwrap();
        assert_eq!(config.lang, Lang::Ru);
    }

    #[test]
    fn several_nodes_are_kept_and_phones_open_the_first() {
        let config = KioskConfig::resolve(args(&[
            "--server",
            "http://a:8080/, http://b:8080",
            "--token",
            "t",
        ]))
        .unwrap();
        assert_eq!(config.server, "http://a:8080,http://b:8080");
        assert_eq!(config.public_url, "http://a:8080");
    }

    #[test]
    fn missing_or_wrong_settings_are_named() {
        let error = KioskConfig::resolve(args(&["--server", "http://x"])).unwrap_err();
        assert!(error.contains("token"), "{error}");
        let error = KioskConfig::resolve(args(&["--server", "127.0.0.1:8080", "--token", "t"]))
            .unwrap_err();
        assert!(error.contains("http://"), "{error}");
        let error =
            KioskConfig::resolve(args(&["--server", "http://a:8080,b:8080", "--token", "t"]))
                .unwrap_err();
        assert!(error.contains("\"b:8080\""), "{error}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.toml");
        std::fs::write(&path, "sever = \"http://typo\"\n").unwrap();
        let error = KioskConfig::resolve(args(&["--config", path.to_str().unwrap()])).unwrap_err();
        assert!(error.contains("sever"), "{error}");
    }
}
