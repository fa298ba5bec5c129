//! Moves ticket bytes to the printer. Blocking: the app calls it off the UI thread.

use super::PrinterTarget;
use std::io::Write;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// How long a network printer may take to accept the connection or the bytes.
const NETWORK_TIMEOUT: Duration = Duration::from_secs(5);

/// Sends `bytes` to the printer. The error says what failed, for the screen and the log.
pub fn send(target: &PrinterTarget, bytes: &[u8]) -> Result<(), String> {
    match target {
        PrinterTarget::None => Ok(()),
        PrinterTarget::File(path) => {
            // A device file exists when the printer is plugged in; never create one.
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .open(path)
                .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
            file.write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(|e| format!("cannot write to {}: {e}", path.display()))
        }
        PrinterTarget::Tcp { host, port } => {
            let addresses = (host.as_str(), *port)
                .to_socket_addrs()
                .map_err(|e| format!("cannot resolve {host}: {e}"))?;
            let mut last_error = format!("{host} has no address");
            for address in addresses {
                match TcpStream::connect_timeout(&address, NETWORK_TIMEOUT) {
                    Ok(mut stream) => {
                        stream
                            .set_write_timeout(Some(NETWORK_TIMEOUT))
                            .map_err(|e| e.to_string())?;
                        return stream
                            .write_all(bytes)
                            .and_then(|()| stream.flush())
                            .map_err(|e| format!("cannot send to {address}: {e}"));
                    }
                    Err(e) => last_error = format!("cannot connect to {address}: {e}"),
                }
            }
            Err(last_error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpListener;

    #[test]
    fn writes_to_an_existing_file_and_refuses_a_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lp0");
        std::fs::write(&path, b"").unwrap();
        send(&PrinterTarget::File(path.clone()), b"\x1b@ticket").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"\x1b@ticket");
        let missing = PrinterTarget::File(dir.path().join("no-printer"));
        let error = send(&missing, b"x").unwrap_err();
        assert!(error.contains("cannot open"), "{error}");
        assert!(!dir.path().join("no-printer").exists());
    }

    #[test]
    fn sends_to_a_network_printer() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let printer = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut received = Vec::new();
            stream.read_to_end(&mut received).unwrap();
            received
        });
        let target = PrinterTarget::Tcp {
            host: "127.0.0.1".into(),
            port,
        };
        send(&target, b"\x1b@ticket").unwrap();
        assert_eq!(printer.join().unwrap(), b"\x1b@ticket");
    }

    #[test]
    fn a_silent_network_printer_is_an_error() {
        // Bind, learn the port, close: nothing listens there any more.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let target = PrinterTarget::Tcp {
            host: "127.0.0.1".into(),
            port,
        };
        assert!(send(&target, b"x").unwrap_err().contains("cannot connect"));
    }
}
