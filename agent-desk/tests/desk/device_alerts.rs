//! The office head's alerts about the hall's devices, in words: a kiosk out of contact
//! (raised after the office's delay, cleared when it is back) and a printer fault
//! (cleared when the kiosk reports it over).

use crate::helpers::*;
use egui_kittest::kittest::Queryable;
use talon_client::Lang;
use talon_protocol::api::DeviceFault;

/// Its last contact was at the start, 10:00 in Moscow.
const OFFLINE: &str = "Киоск «Демо-киоск» не на связи с 10:00";
const NO_PAPER: &str = "Киоск «Демо-киоск»: принтер — нет бумаги";
const NO_PAPER_EN: &str = "Kiosk “Демо-киоск”: printer — нет бумаги";

#[test]
fn the_head_reads_device_alerts_in_words_until_they_clear() {
    let server = TestServer::start();
    // The kiosk is in contact now.
    server
        .rt
        .block_on(server.kiosk.snapshot(server.office))
        .unwrap();
    let mut desk = desk(server.options(&server.session_file("head.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    wait_for_label(&mut desk, "Окно 4");
    assert!(desk.query_by_label(OFFLINE).is_none());

    // Silent past the office's delay (3 minutes).
    server.advance_minutes(4);
    wait_for_label(&mut desk, OFFLINE);
    // Back: the alert clears.
    server
        .rt
        .block_on(server.kiosk.snapshot(server.office))
        .unwrap();
    wait_until(&mut desk, "offline alert cleared", |d| {
        d.query_by_label(OFFLINE).is_none()
    });

    // The printer is out of paper, then loaded again.
    let fault = DeviceFault {
        kind: "printer".into(),
        message: "нет бумаги".into(),
        ticket_label: None,
    };
    server
        .rt
        .block_on(server.kiosk.report_fault(&fault))
        .unwrap();
    wait_for_label(&mut desk, NO_PAPER);
    click(&mut desk, "English");
    wait_for_label(&mut desk, NO_PAPER_EN);
    server
        .rt
        .block_on(server.kiosk.fault_over("printer"))
        .unwrap();
    wait_until(&mut desk, "fault alert cleared", |d| {
        // The exact label: a toast announcing the alert ("New alert: …") may still be up.
        d.query_by_label(NO_PAPER_EN).is_none()
    });
}
