//! Administration in the engine: deactivating a window, and the device alerts the
//! device monitor raises and clears.

use super::*;
use talon_protocol::DeviceId;
use talon_protocol::api::DeviceKind;

fn deactivate(window_id: WindowId, active: bool) -> Command {
    Command::ConfigureWindow {
        window_id,
        label: None,
        topics: vec![A],
        active: Some(active),
    }
}

#[test]
fn a_deactivated_window_cannot_be_opened_and_an_open_one_cannot_be_deactivated() {
    let mut h = Hall::new();
    h.open(W2, t0());
    let err = h.refused(deactivate(W2, false), m(1));
    assert_eq!(conflict_code(err), "window_open");
    assert!(h.win(W2).active, "a refusal changes nothing");

    h.ok(Hall::window_cmd(W2, agent(2), WindowAction::Close), m(2));
    let events = h.ok(deactivate(W2, false), m(3));
    assert_eq!(names(&events), ["window_changed"]);
    assert!(!h.win(W2).active);
    let err = h.refused(Hall::window_cmd(W2, agent(2), WindowAction::Open), m(4));
    assert_eq!(conflict_code(err), "window_inactive");

    h.ok(deactivate(W2, true), m(5));
    h.open(W2, m(6));
    assert_eq!(h.win(W2).state, WindowState::Idle);
}

fn offline(device: i64) -> AlertKind {
    AlertKind::DeviceOffline {
        device_id: DeviceId(device),
        device_kind: DeviceKind::Kiosk,
        name: "Вход".into(),
        last_seen: None,
    }
}

#[test]
fn a_device_alert_stands_through_ticks_until_it_is_cleared() {
    let mut h = Hall::new();
    let raise = |kind| Command::DeviceAlert { kind, holds: true };
    let clear = |kind| Command::DeviceAlert { kind, holds: false };
    let events = h.ok(raise(offline(4)), m(1));
    assert_eq!(raised(&events), [offline(4)]);
    // Raised again (another node's monitor): nothing new.
    assert!(h.ok(raise(offline(4)), m(2)).is_empty());
    // Time passing does not clear it: its condition is outside the engine.
    assert!(h.tick(m(30)).is_empty());
    assert!(h.st.alerts.contains_key("device_offline:4"));

    let events = h.ok(clear(offline(4)), m(31));
    assert_eq!(names(&events), ["alert_cleared"]);
    assert!(h.st.alerts.is_empty());
    assert!(h.ok(clear(offline(4)), m(32)).is_empty());

    // A fault is an alert per fault kind.
    let paper = AlertKind::DeviceFault {
        device_id: DeviceId(4),
        device_kind: DeviceKind::Kiosk,
        name: "Вход".into(),
        fault: "printer".into(),
        message: "нет бумаги".into(),
    };
    assert_eq!(raised(&h.ok(raise(paper.clone()), m(33))), [paper]);
    assert!(h.st.alerts.contains_key("device_fault:4:printer"));

    // Only device alerts come from outside the engine.
    let err = h.refused(raise(AlertKind::IdleWindow { window_id: W1 }), m(34));
    assert!(matches!(err, EngineError::Invalid(_)), "{err:?}");
}
