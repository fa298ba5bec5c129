//! What visitors may see: a ticket's public status (the phone page) and the public office
//! board, computed from an office's state. Pure: no IO, `now` is passed in.
//!
//! After every commit the office publishes one [`PublicView`] (every active ticket's
//! status and the board) on a `watch` channel; each open phone page looks up its own
//! ticket in it and sends only when its status changed, so thousands of open pages cost
//! one hash look-up each per change of the office, not a pass over its event feed.

use crate::engine::{OfficeState, dispatch, estimate, hours};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use talon_protocol::api::{CancelKind, PublicOffice, PublicTicketStatus, PublicTopic};
use talon_protocol::{Event, Ticket, TicketId, TicketStatus, WindowState};

/// The public side of an office after one commit.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicView {
    /// The office's seq this view shows.
    pub seq: u64,
    /// Every active ticket, and the tickets the commit ended (their final status).
    pub tickets: HashMap<TicketId, PublicTicketStatus>,
    pub board: PublicOffice,
}

impl PublicView {
    /// The view of `state` after `events` (whose ended tickets are included).
    pub fn of(state: &OfficeState, events: &[Event], now: DateTime<Utc>) -> PublicView {
        let mut tickets = statuses(state, now);
        for event in events {
            if let Some(ticket) = event.kind.ticket()
                && !ticket.is_active()
            {
                tickets.insert(ticket.id, status(state, ticket, None, false, now));
            }
        }
        PublicView {
            seq: state.seq,
            tickets,
            board: board(state, now),
        }
    }
}

/// A ticket's public status. `ahead` is the people before it while it waits (computed
/// by the caller: [`statuses`] counts them for every ticket at once); `rated` whether
/// the visitor has rated the visit.
pub fn status(
    state: &OfficeState,
    ticket: &Ticket,
    ahead: Option<u32>,
    rated: bool,
    now: DateTime<Utc>,
) -> PublicTicketStatus {
    let settings = &state.office.settings;
    let topic = state.topics.get(&ticket.topic_id);
    let waiting = ticket.status == TicketStatus::Waiting;
    let ahead = if waiting {
        Some(ahead.unwrap_or_else(|| estimate::people_ahead(state, ticket, now)))
    } else {
        None
    };
    let window_label = |id| state.windows.get(&id).map(|w| w.label.clone());
    let rating_open_until = match (ticket.status, ticket.finished_at) {
        (TicketStatus::Done, Some(finished)) if !rated => {
            let until = finished + Duration::hours(i64::from(settings.feedback_hours));
            (now < until).then_some(until)
        }
        _ => None,
    };
    let wait_range = ahead.and_then(|_| crate::forecast::live::ticket(state, ticket, now));
    PublicTicketStatus {
        label: ticket.label.clone(),
        status: ticket.status,
        topic_name_ru: topic.map(|t| t.name_ru.clone()).unwrap_or_default(),
        topic_name_en: topic.map(|t| t.name_en.clone()).unwrap_or_default(),
        office_id: state.office.id,
        office_name: state.office.name.clone(),
        people_ahead: ahead,
        estimated_wait_ms: ahead.map(|a| {
            wait_range.map_or_else(
                || estimate::estimated_wait_ms(state, ticket.topic_id, a),
                |r| r.median_ms,
            )
        }),
        wait_range,
        soon: ahead.is_some_and(|a| a <= settings.soon_when_ahead),
        window_label: match ticket.status {
            TicketStatus::Called | TicketStatus::Serving | TicketStatus::Done => {
                ticket.window_id.and_then(window_label)
            }
            _ => None,
        },
        issued_at: ticket.issued_at,
        called_at: ticket.called_at,
        recalls: ticket.recalls,
        postponed_until: ticket
            .postponed_until
            .filter(|_| ticket.status == TicketStatus::Postponed),
        transferred: ticket.transfers > 0,
        transferred_to_window: ticket.target_window.and_then(window_label),
        finished_at: ticket.finished_at,
        cancelled: (ticket.status == TicketStatus::Cancelled)
            .then(|| CancelKind::of_reason(ticket.cancel_reason.as_deref())),
        can_leave: matches!(
            ticket.status,
            TicketStatus::Waiting | TicketStatus::Postponed
        ),
        rating_open_until,
        rated,
    }
}

/// The public status of every active ticket of the office. People ahead are counted
/// with one sort per topic (within a topic the dispatch order does not depend on the
/// time), the same count as [`estimate::people_ahead`] gives one ticket at a time.
pub fn statuses(state: &OfficeState, now: DateTime<Utc>) -> HashMap<TicketId, PublicTicketStatus> {
    let mut by_topic: HashMap<_, Vec<&Ticket>> = HashMap::new();
    for ticket in state.tickets.values() {
        if ticket.status == TicketStatus::Waiting {
            by_topic.entry(ticket.topic_id).or_default().push(ticket);
        }
    }
    let mut ahead: HashMap<TicketId, u32> = HashMap::new();
    for queue in by_topic.values_mut() {
        queue.sort_by(|a, b| dispatch::dispatch_order(state, a, b, now));
        // A ticket transferred to one window is nobody's "before me" in the topic.
        let mut before = 0u32;
        for ticket in queue.iter() {
            ahead.insert(ticket.id, before);
            if ticket.target_window.is_none() {
                before += 1;
            }
        }
    }
    state
        .tickets
        .values()
        .map(|ticket| {
            let status = status(state, ticket, ahead.get(&ticket.id).copied(), false, now);
            (ticket.id, status)
        })
        .collect()
}

/// The public office board: name, today's hours, each active topic's queue, open windows.
pub fn board(state: &OfficeState, now: DateTime<Utc>) -> PublicOffice {
    let office = &state.office;
    let local_day = hours::service_day(office.time_zone.tz(), now);
    let today = office.schedule.hours_on(local_day).cloned();
    let today_note = office
        .schedule
        .special_day(local_day)
        .map(|special| special.note.trim().to_string())
        .unwrap_or_default();
    let load: HashMap<_, _> = estimate::load(state, now)
        .into_iter()
        .map(|l| (l.topic_id, l))
        .collect();
    let mut topics: Vec<_> = state.topics.values().filter(|t| t.active).collect();
    topics.sort_by_key(|t| (t.display_order, t.id));
    let windows_open = state
        .windows
        .values()
        .filter(|w| !matches!(w.state, WindowState::Closed | WindowState::Paused))
        .count();
    PublicOffice {
        id: office.id,
        name: office.name.clone(),
        today,
        today_note,
        time_zone: office.time_zone.tz().name().to_string(),
        windows_open: u32::try_from(windows_open).unwrap_or(u32::MAX),
        topics: topics
            .into_iter()
            .map(|topic| {
                let load = load.get(&topic.id);
                PublicTopic {
                    id: topic.id,
                    name_ru: topic.name_ru.clone(),
                    name_en: topic.name_en.clone(),
                    waiting: load.map_or(0, |l| l.waiting),
                    estimated_wait_ms: load.map_or(0, |l| l.estimated_wait_ms),
                    wait_range: load.and_then(|l| l.wait_range),
                    open_windows: load.map_or(0, |l| l.open_windows),
                }
            })
            .collect(),
        info_line: office.settings.info_line.clone(),
    }
}
