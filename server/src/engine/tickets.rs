//! Ticket commands: issue, and what agents and heads do with a ticket.

use super::{
    Actor, EngineError, OfficeState, TicketAction, TransferTarget, dispatch, elapsed_ms, hours,
};
use chrono::{DateTime, Duration, Utc};
use talon_protocol::api::QueuePlace;
use talon_protocol::label::ticket_label;
use talon_protocol::{
    EventKind, NewTicket, Outcome, Ticket, TicketId, TicketStatus, TopicId, WindowState,
};

/// Longest a ticket may be postponed.
pub const MAX_POSTPONE_MINUTES: u32 = 240;
/// Most topics one visit can be recorded as covering.
pub const MAX_TOPICS_PER_VISIT: u8 = 20;

pub(super) fn issue(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    id: TicketId,
    public_code: String,
    topic_id: TopicId,
    out_of_turn: bool,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let topic = state.topics.get(&topic_id).ok_or_else(|| {
        EngineError::NotFound(format!("topic {topic_id} does not exist in this office"))
    })?;
    if !topic.active {
        return Err(EngineError::conflict(
            "topic_inactive",
            format!(
                "tickets for «{}» are not issued at the moment",
                topic.name_ru
            ),
        ));
    }
    hours::issuing_check(&state.office, now).map_err(|closed| EngineError::OutsideHours {
        next_opening: closed.next_opening,
    })?;
    let prefix = topic.prefix.clone();
    let ticket = numbered(state, &prefix, id, topic_id, out_of_turn, public_code, now);
    state.tickets.put(ticket.clone());
    out.push(EventKind::TicketIssued { ticket });
    Ok(())
}

/// The ticket of a booked visitor who checked in (the check-in window is the caller's
/// check; the kiosk's issuing hours do not apply: the office gave the visitor this
/// time). It waits from `from`, the later of the check-in and the slot's start.
pub(super) fn issue_booked(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    id: TicketId,
    public_code: String,
    booking: talon_protocol::booking::TicketBooking,
    from: DateTime<Utc>,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let topic = state.topics.get(&booking.topic_id).ok_or_else(|| {
        EngineError::NotFound(format!(
            "topic {} of the booking does not exist in this office",
            booking.topic_id
        ))
    })?;
    let prefix = topic.prefix.clone();
    let mut ticket = numbered(
        state,
        &prefix,
        id,
        booking.topic_id,
        false,
        public_code,
        now,
    );
    ticket.queue_since = from;
    ticket.waiting_since = Some(from);
    ticket.booking = Some(booking);
    // A booked visitor goes by their slot, not as the forecast's walk-in.
    ticket.issue_forecast = None;
    state.tickets.put(ticket.clone());
    out.push(EventKind::TicketIssued { ticket });
    Ok(())
}

/// A new ticket with the topic's next number of the day.
fn numbered(
    state: &mut OfficeState,
    prefix: &str,
    id: TicketId,
    topic_id: TopicId,
    out_of_turn: bool,
    public_code: String,
    now: DateTime<Utc>,
) -> Ticket {
    let counter = state.counters.entry(prefix.to_string()).or_insert(0);
    *counter += 1;
    let number = *counter;
    let mut ticket = NewTicket {
        id,
        office_id: state.office.id,
        topic_id,
        label: ticket_label(prefix, number),
        number,
        service_day: state.service_day,
        out_of_turn,
        public_code,
        issued_at: now,
    }
    .into_ticket();
    if !out_of_turn {
        ticket.issue_forecast = crate::forecast::live::raw_new_ticket(state, topic_id, now);
    }
    ticket
}

/// Calls the next ticket for a window that is idle (the window checks are the caller's).
pub(super) fn call_next(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    window_id: talon_protocol::WindowId,
    actor: &Actor,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let window = state.windows[&window_id].clone();
    let next_id = dispatch::next_for(state, &window, now)
        .map(|t| t.id)
        .ok_or_else(|| {
            EngineError::conflict("queue_empty", "nobody is waiting for this window's topics")
        })?;
    let ticket = state
        .tickets
        .update(&next_id, |ticket| {
            stop_waiting(ticket, now);
            ticket.status = TicketStatus::Called;
            ticket.window_id = Some(window_id);
            // Credit the agent at the window, also when a supervisor presses for them.
            ticket.agent_id = window.agent_id.or(Some(actor.staff_id));
            ticket.called_at = Some(now);
            ticket.front = false;
            ticket.target_window = None;
        })
        .expect("dispatch picks a known ticket");

    let window = state.windows.get_mut(&window_id).expect("window exists");
    window.state = WindowState::Calling;
    window.current_ticket = Some(ticket.id);
    window.state_since = now;
    let window = window.clone();

    out.push(EventKind::TicketCalled {
        ticket,
        window_id,
        window_label: window.label.clone(),
        recall: false,
    });
    out.push(EventKind::WindowChanged { window });
    Ok(())
}

pub(super) fn act(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    ticket_id: TicketId,
    actor: &Actor,
    action: TicketAction,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let ticket = state.tickets.get(&ticket_id).ok_or_else(|| {
        EngineError::conflict(
            "ticket_not_active",
            "this ticket is no longer in the queue or at a window",
        )
    })?;
    authorize(state, ticket, actor)?;
    let status = ticket.status;
    let from_window = ticket.window_id;
    let mut ticket = Ticket::clone(ticket);

    match action {
        TicketAction::Recall => {
            require(status, &[TicketStatus::Called], "recall")?;
            ticket.recalls += 1;
            let window_id = from_window.expect("a called ticket has a window");
            let window_label = state.windows[&window_id].label.clone();
            out.push(EventKind::TicketCalled {
                ticket: ticket.clone(),
                window_id,
                window_label,
                recall: true,
            });
        }
        TicketAction::Start => {
            require(status, &[TicketStatus::Called], "start serving")?;
            if let Some(called) = ticket.called_at {
                ticket.walk_ms += elapsed_ms(called, now);
            }
            ticket.status = TicketStatus::Serving;
            ticket.started_at = Some(now);
            out.push(EventKind::TicketStarted {
                ticket: ticket.clone(),
            });
            set_window(state, from_window, WindowState::Serving, now, out);
        }
        TicketAction::Finish {
            outcome,
            topics_count,
            overrun_reason,
        } => {
            require(status, &[TicketStatus::Serving], "finish")?;
            validate_outcome(&outcome, state.service_day, topics_count)?;
            stop_serving(&mut ticket, now);
            ticket.status = TicketStatus::Done;
            ticket.finished_at = Some(now);
            ticket.outcome = Some(outcome);
            ticket.topics_count = Some(topics_count);
            ticket.overrun_reason = overrun_reason;
            state.learn_service(&ticket);
            out.push(EventKind::TicketFinished {
                ticket: ticket.clone(),
            });
            release_window(state, from_window, now, out);
        }
        TicketAction::NoShow => {
            require(status, &[TicketStatus::Called], "mark as a no-show")?;
            leave_window(&mut ticket, now);
            ticket.status = TicketStatus::NoShow;
            ticket.finished_at = Some(now);
            out.push(EventKind::TicketNoShow {
                ticket: ticket.clone(),
            });
            release_window(state, from_window, now, out);
        }
        TicketAction::Transfer { target, place } => {
            require(
                status,
                &[
                    TicketStatus::Waiting,
                    TicketStatus::Called,
                    TicketStatus::Serving,
                ],
                "transfer",
            )?;
            match target {
                TransferTarget::Topic(topic_id) => {
                    let topic = state.topics.get(&topic_id).ok_or_else(|| {
                        EngineError::NotFound(format!(
                            "topic {topic_id} does not exist in this office"
                        ))
                    })?;
                    if !topic.active {
                        return Err(EngineError::conflict(
                            "topic_inactive",
                            format!("«{}» is not served at the moment", topic.name_ru),
                        ));
                    }
                    ticket.topic_id = topic_id;
                    ticket.target_window = None;
                }
                TransferTarget::Window(window_id) => {
                    let window = state.windows.get(&window_id).ok_or_else(|| {
                        EngineError::NotFound(format!(
                            "window {window_id} does not exist in this office"
                        ))
                    })?;
                    if window.state == WindowState::Closed {
                        return Err(EngineError::conflict(
                            "window_closed",
                            format!(
                                "window {} is closed: choose an open window or a topic",
                                window.label
                            ),
                        ));
                    }
                    if from_window == Some(window_id) {
                        return Err(EngineError::conflict(
                            "same_window",
                            "the ticket is already at this window",
                        ));
                    }
                    ticket.target_window = Some(window_id);
                }
            }
            leave_window(&mut ticket, now);
            ticket.transfers += 1;
            ticket.status = TicketStatus::Waiting;
            if ticket.waiting_since.is_none() {
                ticket.waiting_since = Some(now);
            }
            match place {
                QueuePlace::Front => ticket.front = true,
                QueuePlace::Back => {
                    ticket.front = false;
                    ticket.queue_since = now;
                }
            }
            out.push(EventKind::TicketTransferred {
                ticket: ticket.clone(),
                from_window,
            });
            release_window(state, from_window, now, out);
        }
        TicketAction::Postpone { minutes } => {
            require(
                status,
                &[TicketStatus::Waiting, TicketStatus::Called],
                "postpone",
            )?;
            if !(1..=MAX_POSTPONE_MINUTES).contains(&minutes) {
                return Err(EngineError::Invalid(format!(
                    "a ticket can be postponed for 1 to {MAX_POSTPONE_MINUTES} minutes"
                )));
            }
            stop_waiting(&mut ticket, now);
            leave_window(&mut ticket, now);
            ticket.status = TicketStatus::Postponed;
            ticket.postponed_until = Some(now + Duration::minutes(i64::from(minutes)));
            out.push(EventKind::TicketPostponed {
                ticket: ticket.clone(),
            });
            release_window(state, from_window, now, out);
        }
        TicketAction::Cancel { reason } => {
            require(
                status,
                &[
                    TicketStatus::Waiting,
                    TicketStatus::Called,
                    TicketStatus::Postponed,
                ],
                "cancel",
            )?;
            stop_waiting(&mut ticket, now);
            leave_window(&mut ticket, now);
            ticket.status = TicketStatus::Cancelled;
            ticket.finished_at = Some(now);
            ticket.cancel_reason = reason.filter(|r| !r.trim().is_empty());
            out.push(EventKind::TicketCancelled {
                ticket: ticket.clone(),
            });
            release_window(state, from_window, now, out);
        }
    }
    store_ticket(state, ticket);
    Ok(())
}

/// The visitor takes their ticket out of the queue (no staff involved). Only while it
/// waits or is postponed: once called, the window is expecting them.
pub(super) fn leave(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    ticket_id: TicketId,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let ticket = state.tickets.get(&ticket_id).ok_or_else(|| {
        EngineError::conflict(
            "ticket_not_active",
            "this ticket is no longer in the queue: it cannot be left",
        )
    })?;
    if !matches!(
        ticket.status,
        TicketStatus::Waiting | TicketStatus::Postponed
    ) {
        return Err(EngineError::conflict(
            "invalid_transition",
            format!(
                "the ticket is {}: only a waiting or postponed ticket can leave the queue",
                ticket.status.as_str()
            ),
        ));
    }
    let mut ticket = Ticket::clone(ticket);
    stop_waiting(&mut ticket, now);
    ticket.status = TicketStatus::Cancelled;
    ticket.finished_at = Some(now);
    ticket.postponed_until = None;
    ticket.cancel_reason = Some(talon_protocol::ticket::CANCEL_LEFT_BY_VISITOR.into());
    out.push(EventKind::TicketCancelled {
        ticket: ticket.clone(),
    });
    store_ticket(state, ticket);
    Ok(())
}

/// Agents act on tickets at their own window; only supervisors touch the queue itself.
fn authorize(state: &OfficeState, ticket: &Ticket, actor: &Actor) -> Result<(), EngineError> {
    if actor.supervisor {
        return Ok(());
    }
    match ticket.window_id.and_then(|id| state.windows.get(&id)) {
        Some(window) if window.agent_id == Some(actor.staff_id) => Ok(()),
        Some(window) => Err(EngineError::Forbidden(format!(
            "ticket {} is at window {}, which is not yours",
            ticket.label, window.label
        ))),
        None => Err(EngineError::Forbidden(format!(
            "ticket {} is in the queue: only an office head or administrator can change it there",
            ticket.label
        ))),
    }
}

fn require(status: TicketStatus, allowed: &[TicketStatus], what: &str) -> Result<(), EngineError> {
    if allowed.contains(&status) {
        return Ok(());
    }
    let allowed: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
    Err(EngineError::conflict(
        "invalid_transition",
        format!(
            "cannot {what} a ticket that is {}; it must be {}",
            status.as_str(),
            allowed.join(" or ")
        ),
    ))
}

fn validate_outcome(
    outcome: &Outcome,
    today: chrono::NaiveDate,
    topics_count: u8,
) -> Result<(), EngineError> {
    if !(1..=MAX_TOPICS_PER_VISIT).contains(&topics_count) {
        return Err(EngineError::Invalid(format!(
            "a visit covers 1 to {MAX_TOPICS_PER_VISIT} topics"
        )));
    }
    match outcome {
        Outcome::Deferred { deadline } if *deadline < today => Err(EngineError::Invalid(
            "the deadline of a deferred case cannot be in the past".into(),
        )),
        Outcome::Refused { reason } if reason.trim().is_empty() => Err(EngineError::Invalid(
            "a refusal must state its reasons".into(),
        )),
        _ => Ok(()),
    }
}

fn stop_waiting(ticket: &mut Ticket, now: DateTime<Utc>) {
    if let Some(since) = ticket.waiting_since.take() {
        ticket.wait_ms += elapsed_ms(since, now);
    }
}

fn stop_serving(ticket: &mut Ticket, now: DateTime<Utc>) {
    if ticket.status == TicketStatus::Serving
        && let Some(started) = ticket.started_at
    {
        ticket.service_ms += elapsed_ms(started, now);
    }
}

/// Closes the ticket's time at a window (walking or being served) and detaches it.
fn leave_window(ticket: &mut Ticket, now: DateTime<Utc>) {
    match ticket.status {
        TicketStatus::Called => {
            if let Some(called) = ticket.called_at {
                ticket.walk_ms += elapsed_ms(called, now);
            }
        }
        TicketStatus::Serving => stop_serving(ticket, now),
        _ => {}
    }
    ticket.window_id = None;
}

fn set_window(
    state: &mut OfficeState,
    window_id: Option<talon_protocol::WindowId>,
    to: WindowState,
    now: DateTime<Utc>,
    out: &mut Vec<EventKind>,
) {
    if let Some(window) = window_id.and_then(|id| state.windows.get_mut(&id)) {
        window.state = to;
        window.state_since = now;
        if to == WindowState::Idle {
            window.current_ticket = None;
        }
        out.push(EventKind::WindowChanged {
            window: window.clone(),
        });
    }
}

fn release_window(
    state: &mut OfficeState,
    window_id: Option<talon_protocol::WindowId>,
    now: DateTime<Utc>,
    out: &mut Vec<EventKind>,
) {
    set_window(state, window_id, WindowState::Idle, now, out);
}

/// Keeps active tickets in the state and drops finished ones.
/// Keeps a changed ticket: active ones stay, finished ones leave the office's state.
fn store_ticket(state: &mut OfficeState, ticket: Ticket) {
    state.tickets.put(ticket);
}

/// Postponed tickets whose time is up go back to waiting, at the place they had.
pub(super) fn return_postponed(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    out: &mut Vec<EventKind>,
) {
    for id in state.tickets.due_returns(now) {
        let returned = state.tickets.update(&id, |ticket| {
            let until = ticket.postponed_until.unwrap_or(now);
            ticket.status = TicketStatus::Waiting;
            ticket.postponed_until = None;
            // From the end of the postponement, even if this tick comes late (e.g. after
            // a restart): that time was spent waiting.
            ticket.waiting_since = Some(until);
        });
        if let Some(ticket) = returned {
            out.push(EventKind::TicketReturned { ticket });
        }
    }
}

/// At local midnight numbering restarts; tickets left waiting from an earlier day are
/// cancelled (their visitors are gone), so the new day starts with a clean queue.
pub(super) fn roll_service_day(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    out: &mut Vec<EventKind>,
) {
    let today = hours::service_day(state.office.time_zone.tz(), now);
    if today <= state.service_day {
        return;
    }
    state.service_day = today;
    state.counters.clear();
    state.forget_past_bookings();
    out.push(EventKind::ServiceDayStarted { service_day: today });
    let stale: Vec<TicketId> = state
        .tickets
        .values()
        .filter(|t| t.service_day < today && t.status != TicketStatus::Serving)
        .map(|t| t.id)
        .collect();
    for id in stale {
        let mut ticket = Ticket::clone(&state.tickets[&id]);
        let from_window = ticket.window_id;
        stop_waiting(&mut ticket, now);
        leave_window(&mut ticket, now);
        ticket.status = TicketStatus::Cancelled;
        ticket.finished_at = Some(now);
        ticket.cancel_reason = Some(talon_protocol::ticket::CANCEL_SERVICE_DAY_ENDED.into());
        out.push(EventKind::TicketCancelled {
            ticket: ticket.clone(),
        });
        release_window(state, from_window, now, out);
        store_ticket(state, ticket);
    }
}
