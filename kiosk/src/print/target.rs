//! Where tickets are printed: nowhere, a device file (a USB printer's /dev/usb/lp0) or a
//! network printer's raw port (TCP 9100).

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// The raw printing port every ESC/POS network printer listens on.
pub const RAW_PORT: u16 = 9100;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PrinterTarget {
    /// The ticket is only shown on screen.
    #[default]
    None,
    /// A device file (or any file), written in append mode.
    File(PathBuf),
    /// A network printer.
    Tcp { host: String, port: u16 },
}

impl PrinterTarget {
    pub fn is_none(&self) -> bool {
        matches!(self, PrinterTarget::None)
    }
}

impl FromStr for PrinterTarget {
    type Err = String;

    /// `none`, `file:/dev/usb/lp0`, `tcp:host:9100` or `tcp:host` (port 9100).
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let raw = raw.trim();
        if raw.is_empty() || raw.eq_ignore_ascii_case("none") {
            return Ok(PrinterTarget::None);
        }
        if let Some(path) = raw.strip_prefix("file:") {
            if path.is_empty() {
                return Err("file: needs a path, e.g. file:/dev/usb/lp0".into());
            }
            return Ok(PrinterTarget::File(PathBuf::from(path)));
        }
        if let Some(address) = raw.strip_prefix("tcp:") {
            // The last colon separates the port, unless the host is a bare IPv6 address.
            let (host, port) = match address.rsplit_once(':') {
                Some((host, port)) if !host.is_empty() && !host.ends_with(':') => {
                    let port = port
                        .parse::<u16>()
                        .map_err(|_| format!("{port:?} is not a TCP port"))?;
                    (host, port)
                }
                _ => (address, RAW_PORT),
            };
            if host.is_empty() {
                return Err("tcp: needs a host, e.g. tcp:192.168.1.50:9100".into());
            }
            let host = host.trim_start_matches('[').trim_end_matches(']');
            return Ok(PrinterTarget::Tcp {
                host: host.to_string(),
                port,
            });
        }
        Err(format!(
            "unknown printer {raw:?}: use none, file:/dev/usb/lp0 or tcp:HOST:9100"
        ))
    }
}

impl fmt::Display for PrinterTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrinterTarget::None => write!(f, "none"),
            PrinterTarget::File(path) => write!(f, "file:{}", path.display()),
            PrinterTarget::Tcp { host, port } if host.contains(':') => {
                write!(f, "tcp:[{host}]:{port}")
            }
            PrinterTarget::Tcp { host, port } => write!(f, "tcp:{host}:{port}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_printer() {
        assert_eq!("none".parse(), Ok(PrinterTarget::None));
        assert_eq!("".parse(), Ok(PrinterTarget::None));
        assert_eq!(
            "file:/dev/usb/lp0".parse(),
            Ok(PrinterTarget::File("/dev/usb/lp0".into()))
        );
        assert_eq!(
            "tcp:192.168.1.50:9100".parse(),
            Ok(PrinterTarget::Tcp {
                host: "192.168.1.50".into(),
                port: 9100
            })
        );
        assert_eq!(
            "tcp:printer.local".parse(),
            Ok(PrinterTarget::Tcp {
                host: "printer.local".into(),
                port: RAW_PORT
            })
        );
        assert_eq!(
            "tcp:[::1]:9101".parse(),
            Ok(PrinterTarget::Tcp {
                host: "::1".into(),
                port: 9101
            })
        );
        assert!("tcp:host:port".parse::<PrinterTarget>().is_err());
        assert!("lpt1".parse::<PrinterTarget>().is_err());
        assert!("file:".parse::<PrinterTarget>().is_err());
    }

    #[test]
    fn shows_as_it_is_written() {
        for raw in [
            "none",
            "file:/dev/usb/lp0",
            "tcp:10.0.0.5:9100",
            "tcp:[::1]:9100",
        ] {
            assert_eq!(raw.parse::<PrinterTarget>().unwrap().to_string(), raw);
        }
    }
}
