//! Alerts: which conditions hold now. The engine diffs this against the active alerts
//! and emits AlertRaised / AlertCleared, so alerts need no state of their own.

use super::OfficeState;
use chrono::{DateTime, Utc};
use talon_protocol::{AlertKind, TicketStatus, WindowState};
use talon_protocol::{NormStatus, norm_status};

pub fn current(state: &OfficeState, now: DateTime<Utc>) -> Vec<AlertKind> {
    let mut alerts = Vec::new();
    let wait_norm = |topic| state.norms_of(topic).wait.minutes;
    let service_norm = |topic| state.norms_of(topic).service.minutes;

    for ticket in state.tickets.values() {
        match ticket.status {
            TicketStatus::Waiting
                if norm_status(ticket.wait_ms_at(now), wait_norm(ticket.topic_id))
                    == NormStatus::Breach =>
            {
                alerts.push(AlertKind::WaitBreach {
                    ticket_id: ticket.id,
                    label: ticket.label.clone(),
                    topic_id: ticket.topic_id,
                });
            }
            TicketStatus::Serving
                if norm_status(ticket.service_ms_at(now), service_norm(ticket.topic_id))
                    == NormStatus::Breach =>
            {
                if let Some(window_id) = ticket.window_id {
                    alerts.push(AlertKind::ServiceBreach {
                        ticket_id: ticket.id,
                        label: ticket.label.clone(),
                        window_id,
                    });
                }
            }
            _ => {}
        }
    }

    let threshold = state.office.settings.queue_alert_threshold;
    for topic in state.topics.values() {
        let waiting = state
            .tickets
            .values()
            .filter(|t| t.status == TicketStatus::Waiting && t.topic_id == topic.id)
            .count();
        let waiting = u32::try_from(waiting).unwrap_or(u32::MAX);
        if waiting > threshold {
            alerts.push(AlertKind::LongQueue {
                topic_id: topic.id,
                waiting,
            });
        }
    }

    // A window idle for the grace period while someone it could call has waited as long.
    let grace = chrono::Duration::minutes(i64::from(state.office.settings.idle_alert_after_min));
    for window in state.windows.values() {
        if window.state != WindowState::Idle || now - window.state_since < grace {
            continue;
        }
        let someone_waits_long = state.tickets.values().any(|t| {
            super::dispatch::is_eligible(t, window)
                && t.waiting_since.is_some_and(|since| now - since >= grace)
        });
        if someone_waits_long {
            alerts.push(AlertKind::IdleWindow {
                window_id: window.id,
            });
        }
    }
    alerts
}
