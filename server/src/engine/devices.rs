//! Kiosks and displays as the office head sees them: one out of contact, or one that
//! reported a fault, is an alert. The server's device monitor and the device itself
//! decide when such an alert holds (contact is not an event); the engine raises and
//! clears it, so every node and every board agree.

use super::{EngineError, OfficeState};
use chrono::{DateTime, Utc};
use talon_protocol::{Alert, AlertKind, EventKind};

/// Raises the device alert `kind` when `holds` and it is not raised yet; clears it when
/// it no longer holds. Anything else changes nothing (no event).
pub fn set_alert(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    kind: AlertKind,
    holds: bool,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    if !is_device_alert(&kind) {
        return Err(EngineError::Invalid(
            "only device alerts are raised from outside".into(),
        ));
    }
    let id = kind.key();
    match (holds, state.alerts.contains_key(&id)) {
        (true, false) => {
            let alert = Alert::new(id.clone(), kind, now);
            state.alerts.insert(id, alert.clone());
            out.push(EventKind::AlertRaised { alert });
        }
        (false, true) => {
            if let Some(alert) = state.alerts.remove(&id) {
                out.push(EventKind::AlertCleared { alert });
            }
        }
        _ => {}
    }
    Ok(())
}

fn is_device_alert(kind: &AlertKind) -> bool {
    matches!(
        kind,
        AlertKind::DeviceOffline { .. } | AlertKind::DeviceFault { .. }
    )
}

/// The device alerts raised: they hold until cleared by `set_alert`, so the engine's
/// refresh of the other alerts keeps them.
pub fn still_standing(state: &OfficeState) -> impl Iterator<Item = AlertKind> + '_ {
    state
        .alerts
        .values()
        .filter(|alert| is_device_alert(&alert.kind))
        .map(|alert| alert.kind.clone())
}
