//! The server's log cannot be forged by what clients send, and every line of a request
//! carries that request's id. A test binary of its own: it installs the process's global
//! log subscriber and reads what the server wrote.

/// The database the test server runs on.
const BACKEND: talon_testkit::Backend = talon_testkit::Backend::Sqlite;

#[path = "api/helpers.rs"]
#[allow(dead_code)]
mod helpers;

use helpers::*;
use reqwest::StatusCode;
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn a_device_fault_with_a_newline_cannot_write_a_forged_line() {
    let log = Captured::default();
    tracing_subscriber::fmt()
        .with_env_filter("warn,talon_server=info")
        .with_writer(log.clone())
        .with_ansi(false)
        .init();
    let app = spawn_app().await;
    let forged =
        "нет бумаги\n2026-11-20T07:00:00.000000Z  INFO talon_server: signed in staff=1\r\u{1b}[2J";
    let response = app
        .http
        .post(format!("{}/api/v1/devices/me/faults", app.base))
        .bearer_auth(&app.kiosk)
        .header("x-request-id", "fault-report-1")
        .json(&json!({"kind": "printer", "message": forged, "ticket_label": "A001\nX"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.headers()["x-request-id"], "fault-report-1");
    app.stop().await;

    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    let fault_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("device fault"))
        .collect();
    assert_eq!(fault_lines.len(), 1, "one line for the fault:\n{text}");
    let line = fault_lines[0];
    assert!(
        line.contains(r"нет бумаги\n2026-11-20"),
        "escaped, Cyrillic kept: {line}"
    );
    assert!(line.contains(r"A001\nX"), "{line}");
    assert!(
        line.contains("fault-report-1"),
        "the request id is on the line: {line}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no escape sequence reaches the log"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("2026-11-20T07:00:00.000000Z")),
        "no forged line:\n{text}"
    );
}
