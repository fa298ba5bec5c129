//! Escalation: a wait breach or a long queue that nobody above the windows acknowledges
//! goes to the region's head after the office's `escalate_after_min`, and to the head
//! office after [`TO_HEAD_OFFICE_AFTER`] (both counted from when it was raised).
//! Acknowledging takes a comment and stops it. Every step is an `AlertChanged` event.

use super::{Actor, EngineError, OfficeState};
use chrono::{DateTime, Utc};
use talon_protocol::alert::{Acknowledgement, AlertChange, EscalationLevel, TO_HEAD_OFFICE_AFTER};
use talon_protocol::{Alert, EventKind};

use talon_protocol::limits::ACKNOWLEDGE_COMMENT as COMMENT_MAX;

/// The level an unacknowledged alert has reached at `now`.
fn due_level(alert: &Alert, escalate_after_min: u32, now: DateTime<Utc>) -> EscalationLevel {
    let standing = now - alert.raised_at;
    if standing >= TO_HEAD_OFFICE_AFTER {
        EscalationLevel::HeadOffice
    } else if standing >= chrono::Duration::minutes(i64::from(escalate_after_min)) {
        EscalationLevel::Region
    } else {
        EscalationLevel::Office
    }
}

/// Raises each standing, unacknowledged alert that escalates to the level it is due.
/// (An alert that skipped a level, the server having been down, goes straight up: one
/// event.)
pub fn escalate(state: &mut OfficeState, now: DateTime<Utc>, out: &mut Vec<EventKind>) {
    let after = state.office.settings.escalate_after_min;
    for alert in state.alerts.values_mut() {
        if !alert.kind.escalates() || alert.acknowledged.is_some() {
            continue;
        }
        let level = due_level(alert, after, now);
        if level > alert.level {
            alert.level = level;
            out.push(EventKind::AlertChanged {
                alert: alert.clone(),
                change: AlertChange::Escalated { level },
            });
        }
    }
}

pub fn acknowledge(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    alert_id: &str,
    actor: &Actor,
    comment: &str,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let comment = comment.trim();
    if comment.is_empty() {
        return Err(EngineError::Invalid(
            "say what is being done about it: acknowledging takes a comment".into(),
        ));
    }
    if comment.chars().count() > COMMENT_MAX {
        return Err(EngineError::Invalid(format!(
            "a comment has at most {COMMENT_MAX} characters"
        )));
    }
    let alert = state.alerts.get_mut(alert_id).ok_or_else(|| {
        EngineError::NotFound(format!(
            "no alert «{alert_id}» stands in this office (it may have cleared)"
        ))
    })?;
    if let Some(done) = &alert.acknowledged {
        return Err(EngineError::conflict(
            "already_acknowledged",
            format!(
                "{} acknowledged this alert already: {}",
                done.name, done.comment
            ),
        ));
    }
    alert.acknowledged = Some(Acknowledgement {
        staff_id: actor.staff_id,
        name: actor.name.clone(),
        at: now,
        comment: comment.to_string(),
    });
    out.push(EventKind::AlertChanged {
        alert: alert.clone(),
        change: AlertChange::Acknowledged,
    });
    Ok(())
}
