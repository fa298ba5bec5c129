//! Printing tickets: the layout as pure bytes, the target from the configuration, and the
//! device that receives the bytes.

pub mod device;
pub mod layout;
pub mod target;

pub use device::send;
pub use layout::{PrintedTicket, ticket_bytes};
pub use target::PrinterTarget;

/// Encodes `ticket` and sends it to `target`. Blocking: the app calls it off the UI
/// thread. Whatever fails, encoding or device, comes back as the error the screen, the
/// log and the server's fault report carry; nothing here panics.
pub fn print(target: &PrinterTarget, ticket: &PrintedTicket) -> Result<(), String> {
    let bytes = ticket_bytes(ticket)?;
    send(target, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_client::Lang;

    #[test]
    fn an_encoding_failure_is_returned_and_nothing_reaches_the_printer() {
        let dir = tempfile::tempdir().unwrap();
        let device = dir.path().join("lp0");
        std::fs::write(&device, b"").unwrap();
        let ticket = PrintedTicket {
            lang: Lang::Ru,
            office_name: "Офис".into(),
            label: "П001".into(),
            topic_name: "Передача показаний".into(),
            out_of_turn: false,
            issued_local: "20.11.2026 10:00".into(),
            people_ahead: 0,
            estimated_wait_ms: 0,
            wait_range: None,
            status_url: "x".repeat(70_000),
        };
        let target = PrinterTarget::File(device.clone());
        let error = print(&target, &ticket).unwrap_err();
        assert!(error.contains("cannot encode"), "{error}");
        assert!(std::fs::read(&device).unwrap().is_empty());
        // A ticket that encodes goes through.
        let ticket = PrintedTicket {
            status_url: "http://127.0.0.1:8080/t".into(),
            ..ticket
        };
        print(&target, &ticket).unwrap();
        assert!(!std::fs::read(&device).unwrap().is_empty());
    }
}
