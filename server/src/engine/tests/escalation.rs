//! Escalation of alerts nobody acknowledged: to the region's head after the office's
//! `escalate_after_min` (15 by default), to the head office after an hour; an
//! acknowledgement with a comment stops it.

use super::*;
use talon_protocol::alert::{AlertChange, EscalationLevel};

fn changes(events: &[Event]) -> Vec<AlertChange> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::AlertChanged { change, .. } => Some(change.clone()),
            _ => None,
        })
        .collect()
}

fn acknowledge(id: &str, comment: &str) -> Command {
    Command::AcknowledgeAlert {
        alert_id: id.into(),
        actor: head(),
        comment: comment.into(),
    }
}

/// A visitor of topic B (wait norm 5 minutes) issued at t0: the breach is raised at m(6).
fn hall_with_breach() -> (Hall, String) {
    let mut h = Hall::new();
    h.issue(1, B, t0());
    let events = h.ok(Command::Tick, m(6));
    assert_eq!(raised(&events).len(), 1, "{events:?}");
    let id = h.st.alerts.keys().next().unwrap().clone();
    (h, id)
}

#[test]
fn an_unacknowledged_breach_goes_to_the_region_then_to_the_head_office() {
    let (mut h, id) = hall_with_breach();
    assert!(changes(&h.ok(Command::Tick, m(6 + 14))).is_empty());
    let up = h.ok(Command::Tick, m(6 + 15));
    assert_eq!(
        changes(&up),
        [AlertChange::Escalated {
            level: EscalationLevel::Region
        }]
    );
    assert_eq!(h.st.alerts[&id].level, EscalationLevel::Region);
    assert!(changes(&h.ok(Command::Tick, m(6 + 59))).is_empty());
    let top = h.ok(Command::Tick, m(6 + 60));
    assert_eq!(
        changes(&top),
        [AlertChange::Escalated {
            level: EscalationLevel::HeadOffice
        }]
    );
    assert!(
        changes(&h.ok(Command::Tick, m(6 + 120))).is_empty(),
        "no higher"
    );
}

#[test]
fn a_server_that_was_down_sends_the_alert_straight_up_in_one_step() {
    let (mut h, id) = hall_with_breach();
    let events = h.ok(Command::Tick, m(6 + 61));
    assert_eq!(
        changes(&events),
        [AlertChange::Escalated {
            level: EscalationLevel::HeadOffice
        }]
    );
    assert_eq!(h.st.alerts[&id].level, EscalationLevel::HeadOffice);
}

#[test]
fn an_acknowledged_breach_goes_no_further_and_takes_a_comment() {
    let (mut h, id) = hall_with_breach();
    assert!(matches!(
        h.refused(acknowledge(&id, "   "), m(8)),
        EngineError::Invalid(_)
    ));
    assert!(matches!(
        h.refused(acknowledge("wait_breach:none", "иду"), m(8)),
        EngineError::NotFound(_)
    ));
    let events = h.ok(acknowledge(&id, "  Открываю окно 3 "), m(8));
    assert_eq!(changes(&events), [AlertChange::Acknowledged]);
    let taken = h.st.alerts[&id].acknowledged.clone().unwrap();
    assert_eq!(taken.comment, "Открываю окно 3");
    assert_eq!((taken.staff_id, taken.at), (head().staff_id, m(8)));
    assert!(changes(&h.ok(Command::Tick, m(6 + 90))).is_empty());
    assert_eq!(h.st.alerts[&id].level, EscalationLevel::Office);
    let err = h.refused(acknowledge(&id, "ещё раз"), m(100));
    assert_eq!(conflict_code(err), "already_acknowledged");
}

#[test]
fn only_breaches_and_long_queues_escalate() {
    let mut h = Hall::new();
    // An idle open window while people wait is the office's own matter.
    h.open(W2, t0());
    h.issue(1, B, t0());
    h.ok(Command::Tick, m(3));
    let events = h.ok(Command::Tick, m(90));
    for event in &events {
        if let EventKind::AlertChanged { alert, .. } = &event.kind {
            assert!(alert.kind.escalates(), "{alert:?}");
        }
    }
    assert!(
        h.st.alerts
            .values()
            .filter(|a| !a.kind.escalates())
            .all(|a| a.level == EscalationLevel::Office)
    );
}
