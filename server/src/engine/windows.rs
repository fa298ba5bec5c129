//! Window commands (open, close, pause, resume, call next) and office configuration.

use super::{Actor, EngineError, OfficeState, WindowAction, tickets};
use chrono::{DateTime, Utc};
use talon_protocol::label::parse_prefix;
use talon_protocol::{EventKind, Pause, TicketId, Topic, TopicId, Window, WindowId, WindowState};

pub(super) fn act(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    window_id: WindowId,
    actor: &Actor,
    action: WindowAction,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let window = state
        .windows
        .get(&window_id)
        .ok_or_else(|| EngineError::NotFound(format!("window {window_id} does not exist")))?;
    let label = window.label.clone();
    let current = window.state;

    if action == WindowAction::Open {
        return open(state, now, window_id, actor, out);
    }
    if !actor.supervisor && window.agent_id != Some(actor.staff_id) {
        return Err(EngineError::Forbidden(format!(
            "window {label} is not open by you: open it first"
        )));
    }
    let busy = || {
        EngineError::conflict(
            "window_busy",
            format!("window {label} has a visitor: finish the visit or mark a no-show first"),
        )
    };
    let closed = || {
        EngineError::conflict(
            "window_closed",
            format!("window {label} is closed: open it first"),
        )
    };

    let window = state.windows.get_mut(&window_id).expect("checked above");
    match action {
        WindowAction::Open => unreachable!("handled above"),
        WindowAction::Close => match current {
            WindowState::Closed => return Ok(()),
            WindowState::Calling | WindowState::Serving => return Err(busy()),
            WindowState::Idle | WindowState::Paused => {
                window.state = WindowState::Closed;
                window.agent_id = None;
                window.agent_name = None;
                window.pause = None;
                window.state_since = now;
                let window = window.clone();
                out.push(EventKind::WindowChanged { window });
                release_transfers_to(state, window_id, out);
                return Ok(());
            }
        },
        WindowAction::Pause { reason, until } => {
            match current {
                WindowState::Closed => return Err(closed()),
                WindowState::Calling | WindowState::Serving => return Err(busy()),
                WindowState::Idle | WindowState::Paused => {}
            }
            let reason = reason.trim().to_string();
            if reason.is_empty() {
                return Err(EngineError::Invalid("say why the window is paused".into()));
            }
            if until.is_some_and(|until| until <= now) {
                return Err(EngineError::Invalid(
                    "the expected return time must be in the future".into(),
                ));
            }
            window.state = WindowState::Paused;
            window.pause = Some(Pause { reason, until });
        }
        WindowAction::Resume => match current {
            WindowState::Paused => {
                window.state = WindowState::Idle;
                window.pause = None;
            }
            WindowState::Closed => return Err(closed()),
            WindowState::Idle | WindowState::Calling | WindowState::Serving => return Ok(()),
        },
        WindowAction::CallNext => {
            return match current {
                WindowState::Idle => tickets::call_next(state, now, window_id, actor, out),
                WindowState::Calling | WindowState::Serving => Err(busy()),
                WindowState::Closed => Err(closed()),
                WindowState::Paused => Err(EngineError::conflict(
                    "window_paused",
                    format!("window {label} is paused: resume it first"),
                )),
            };
        }
    }
    window.state_since = now;
    out.push(EventKind::WindowChanged {
        window: window.clone(),
    });
    Ok(())
}

/// Tickets transferred to a window that closes go back to their topic's queue, keeping
/// their place: nobody is stranded behind a closed window.
fn release_transfers_to(state: &mut OfficeState, window_id: WindowId, out: &mut Vec<EventKind>) {
    let transferred: Vec<TicketId> = state
        .tickets
        .values()
        .filter(|t| t.target_window == Some(window_id))
        .map(|t| t.id)
        .collect();
    for id in transferred {
        if let Some(ticket) = state.tickets.update(&id, |t| t.target_window = None) {
            out.push(EventKind::TicketTransferred {
                ticket,
                from_window: Some(window_id),
            });
        }
    }
}

/// An agent opens a window and takes it. Opening one's own open window again is a no-op,
/// so a retried request is harmless.
fn open(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    window_id: WindowId,
    actor: &Actor,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    let window = &state.windows[&window_id];
    if !window.active {
        return Err(EngineError::conflict(
            "window_inactive",
            format!(
                "window {} is deactivated; an administrator can activate it",
                window.label
            ),
        ));
    }
    if window.state != WindowState::Closed {
        return if window.agent_id == Some(actor.staff_id) {
            Ok(())
        } else {
            Err(EngineError::conflict(
                "window_taken",
                format!(
                    "window {} is already open by {}",
                    window.label,
                    window.agent_name.as_deref().unwrap_or("another employee")
                ),
            ))
        };
    }
    if let Some(other) = state.window_of_agent(actor.staff_id) {
        return Err(EngineError::conflict(
            "agent_has_window",
            format!(
                "you already have window {} open: close it first",
                other.label
            ),
        ));
    }
    let window = state.windows.get_mut(&window_id).expect("checked above");
    window.state = WindowState::Idle;
    window.agent_id = Some(actor.staff_id);
    window.agent_name = Some(actor.name.clone());
    window.pause = None;
    window.state_since = now;
    out.push(EventKind::WindowChanged {
        window: window.clone(),
    });
    Ok(())
}

/// Checks a topic and replaces (or adds) it.
pub(super) fn put_topic(
    state: &mut OfficeState,
    mut topic: Topic,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    validate_topic(state, &mut topic)?;
    state.topics.insert(topic.id, topic.clone());
    out.push(EventKind::TopicChanged { topic });
    Ok(())
}

/// Normalises a topic and refuses what cannot be served: empty names, bad prefixes, a
/// prefix another topic of the office uses (labels would collide), zero norms.
pub fn validate_topic(state: &OfficeState, topic: &mut Topic) -> Result<(), EngineError> {
    topic.prefix = parse_prefix(&topic.prefix).map_err(|e| EngineError::Invalid(e.to_string()))?;
    topic.name_ru = topic.name_ru.trim().to_string();
    topic.name_en = topic.name_en.trim().to_string();
    if topic.name_ru.is_empty() {
        return Err(EngineError::Invalid("a topic needs a Russian name".into()));
    }
    let norms = [topic.norms.wait, topic.norms.service, topic.norms.total];
    if norms.iter().any(|n| n.minutes == 0 || n.minutes > 24 * 60) {
        return Err(EngineError::Invalid(
            "norms are whole minutes from 1 to 1440".into(),
        ));
    }
    if let Some(problem) = topic.booking.problem() {
        return Err(EngineError::Invalid(problem.into()));
    }
    if let Some(other) = state.topics.values().find(|t| {
        t.id != topic.id
            && talon_protocol::label::look_alike(&t.prefix)
                == talon_protocol::label::look_alike(&topic.prefix)
    }) {
        return Err(EngineError::conflict(
            "prefix_taken",
            format!(
                "prefix {} is already used by «{}»: ticket labels would collide",
                topic.prefix, other.name_ru
            ),
        ));
    }
    Ok(())
}

/// Changes the topics a window serves (and optionally its label).
/// Adds a closed window; refused when the id is taken or the label or topics are wrong,
/// and then nothing is added.
pub(super) fn add(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    window_id: WindowId,
    label: String,
    topics: Vec<TopicId>,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    if state.windows.contains_key(&window_id) {
        return Err(EngineError::Conflict {
            code: "duplicate",
            message: format!("window {window_id} exists already"),
        });
    }
    let office_id = state.office.id;
    state.windows.insert(
        window_id,
        Window {
            id: window_id,
            office_id,
            label: String::new(),
            topics: Vec::new(),
            state: WindowState::Closed,
            agent_id: None,
            agent_name: None,
            current_ticket: None,
            pause: None,
            state_since: now,
            active: true,
        },
    );
    let configured = configure(state, window_id, Some(label), topics, None, out);
    if configured.is_err() {
        state.windows.remove(&window_id);
    }
    configured
}

pub(super) fn configure(
    state: &mut OfficeState,
    window_id: WindowId,
    label: Option<String>,
    topics: Vec<TopicId>,
    active: Option<bool>,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    validate_window_topics(state, &topics)?;
    let window = state
        .windows
        .get_mut(&window_id)
        .ok_or_else(|| EngineError::NotFound(format!("window {window_id} does not exist")))?;
    if active == Some(false) && window.state != WindowState::Closed {
        return Err(EngineError::conflict(
            "window_open",
            format!(
                "window {} is open: its agent closes it before it is deactivated",
                window.label
            ),
        ));
    }
    if let Some(label) = label {
        let label = label.trim().to_string();
        if label.is_empty() {
            return Err(EngineError::Invalid("a window needs a label".into()));
        }
        window.label = label;
    }
    window.topics = topics;
    if let Some(active) = active {
        window.active = active;
    }
    out.push(EventKind::WindowChanged {
        window: window.clone(),
    });
    Ok(())
}

pub fn validate_window_topics(state: &OfficeState, topics: &[TopicId]) -> Result<(), EngineError> {
    for (index, topic) in topics.iter().enumerate() {
        if !state.topics.contains_key(topic) {
            return Err(EngineError::Invalid(format!(
                "topic {topic} does not exist in this office"
            )));
        }
        if topics[..index].contains(topic) {
            return Err(EngineError::Invalid(format!(
                "topic {topic} is listed twice"
            )));
        }
    }
    Ok(())
}
