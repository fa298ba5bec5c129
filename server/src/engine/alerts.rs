//! Alerts: which conditions hold now. The engine diffs this against the active alerts
//! and emits AlertRaised / AlertCleared, so alerts need no state of their own (a poor
//! rating, raised by the rating itself, holds for a while: `ratings::still_shown`; a
//! device alert holds until the device monitor clears it: `devices::still_standing`).

use super::OfficeState;
use super::ticket_set::Queue;
use chrono::{DateTime, Utc};
use talon_protocol::{AlertKind, Ticket, TicketStatus, WindowState};
use talon_protocol::{NormStatus, norm_status};

pub fn current(state: &OfficeState, now: DateTime<Utc>) -> Vec<AlertKind> {
    let mut alerts = Vec::new();
    let wait_norm = |topic| state.norms_of(topic).wait.minutes;
    let service_norm = |topic| state.norms_of(topic).service.minutes;

    // Only the tickets that have waited longer than the norm are looked at: the wait
    // index gives them first. (A ticket whose wait began "after now", which only a clock
    // stepped back produces, is measured again once the clock passes that instant.)
    let now_ms = now.timestamp_millis();
    let mut breaches: Vec<&Ticket> = Vec::new();
    for topic in state.topics.keys() {
        let norm_ms = i64::from(wait_norm(*topic)) * 60_000;
        breaches.extend(
            state
                .tickets
                .waiting_since_before(*topic, now_ms - norm_ms)
                .filter(|t| {
                    t.booked().is_none()
                        && norm_status(t.wait_ms_at(now), wait_norm(t.topic_id))
                            == NormStatus::Breach
                }),
        );
    }
    // Booked visitors have a norm of their own: their queues are few and short, so they
    // are read whole.
    let booked_queues = state
        .topics
        .keys()
        .map(|topic| Queue::Booked(*topic))
        .chain(state.receptions.keys().map(|staff| Queue::Person(*staff)));
    for queue in booked_queues {
        breaches.extend(state.tickets.queue(queue).filter(|t| {
            norm_status(t.wait_ms_at(now), t.wait_norm_min(wait_norm(t.topic_id)))
                == NormStatus::Breach
        }));
    }
    breaches.sort_by_key(|t| t.id);
    for ticket in breaches {
        alerts.push(AlertKind::WaitBreach {
            ticket_id: ticket.id,
            label: ticket.label.clone(),
            topic_id: ticket.topic_id,
        });
    }
    // Visits in progress: at most one per window.
    for window in state.windows.values() {
        let Some(ticket) = window.current_ticket.and_then(|id| state.tickets.get(&id)) else {
            continue;
        };
        if ticket.status == TicketStatus::Serving
            && norm_status(ticket.service_ms_at(now), service_norm(ticket.topic_id))
                == NormStatus::Breach
        {
            alerts.push(AlertKind::ServiceBreach {
                ticket_id: ticket.id,
                label: ticket.label.clone(),
                window_id: window.id,
            });
        }
    }

    let threshold = state.office.settings.queue_alert_threshold;
    for topic in state.topics.values() {
        let waiting = state.tickets.waiting_for_topic(topic.id);
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
        // Rare (a window idle past the grace period): the window's queue is read whole.
        let someone_waits_long = super::dispatch::queue_for(state, window, now)
            .into_iter()
            .any(|t| t.waiting_since.is_some_and(|since| now - since >= grace));
        if someone_waits_long {
            alerts.push(AlertKind::IdleWindow {
                window_id: window.id,
            });
        }
    }
    alerts.extend(super::ratings::still_shown(state, now));
    alerts.extend(super::devices::still_standing(state));
    alerts
}
