//! Window actions: open, close, pause, resume, call next; and the window's queue.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use crate::engine::{Command, WindowAction};
use crate::queues::window_queue;
use axum::extract::State;
use talon_protocol::api::{ErrorBody, PauseRequest, Role};
use talon_protocol::{EventKind, OfficeId, Ticket, Window, WindowId};

fn office_of(state: &AppState, window: WindowId) -> Result<OfficeId, ApiError> {
    state
        .queues
        .office_of_window(window)
        .ok_or_else(|| ApiError::not_found(format!("window {window} does not exist")))
}

async fn act(
    state: &AppState,
    principal: &Principal,
    window_id: WindowId,
    action: WindowAction,
) -> Result<Json<Window>, ApiError> {
    let office = office_of(state, window_id)?;
    let actor = principal.actor(office)?;
    let command = Command::Window {
        window_id,
        actor,
        action,
    };
    let window = state
        .queues
        .execute(office, command, |s, _| s.windows[&window_id].clone())
        .await?;
    Ok(Json(window))
}

macro_rules! window_action {
    ($name:ident, $path:literal, $doc:literal, $action:expr) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "windows", params(("window" = i64, Path)), security(("bearer" = [])),
            responses((status = 200, body = Window), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
                (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
        pub async fn $name(State(state): State<AppState>, principal: Principal, Path(id): Path<WindowId>) -> Result<Json<Window>, ApiError> {
            act(&state, &principal, id, $action).await
        }
    };
}

window_action!(
    open,
    "/api/v1/windows/{window}/open",
    "The agent opens the window and takes it.",
    WindowAction::Open
);
window_action!(
    close,
    "/api/v1/windows/{window}/close",
    "Closes the window (it must have no visitor).",
    WindowAction::Close
);
window_action!(
    resume,
    "/api/v1/windows/{window}/resume",
    "Ends a pause.",
    WindowAction::Resume
);

/// Pauses the window with a reason and an optional expected return time.
#[utoipa::path(post, path = "/api/v1/windows/{window}/pause", tag = "windows", params(("window" = i64, Path)),
    request_body = PauseRequest, security(("bearer" = [])),
    responses((status = 200, body = Window), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn pause(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<WindowId>,
    Json(body): Json<PauseRequest>,
) -> Result<Json<Window>, ApiError> {
    act(
        &state,
        &principal,
        id,
        WindowAction::Pause {
            reason: body.reason,
            until: body.until,
        },
    )
    .await
}

/// Calls the next ticket in dispatch order to this window and returns it.
#[utoipa::path(post, path = "/api/v1/windows/{window}/call-next", tag = "windows", params(("window" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = Ticket), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "queue_empty, window_busy, window_closed or window_paused")))]
pub async fn call_next(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<WindowId>,
) -> Result<Json<Ticket>, ApiError> {
    let office = office_of(&state, id)?;
    let actor = principal.actor(office)?;
    let command = Command::Window {
        window_id: id,
        actor,
        action: WindowAction::CallNext,
    };
    let ticket = state
        .queues
        .execute(office, command, |_, events| {
            events.iter().find_map(|e| match &e.kind {
                EventKind::TicketCalled { ticket, .. } => Some(ticket.clone()),
                _ => None,
            })
        })
        .await?
        .ok_or_else(|| ApiError::internal("call-next produced no call"))?;
    Ok(Json(ticket))
}

/// The tickets this window may call, in the order it will call them.
#[utoipa::path(get, path = "/api/v1/windows/{window}/queue", tag = "windows", params(("window" = i64, Path)),
    security(("bearer" = [])), responses((status = 200, body = Vec<Ticket>), (status = 404, body = ErrorBody)))]
pub async fn queue(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<WindowId>,
) -> Result<Json<Vec<Ticket>>, ApiError> {
    let office = office_of(&state, id)?;
    principal.staff_of(office, &[Role::Agent, Role::Head, Role::Admin])?;
    let queue = state.queues.office(office)?;
    let guard = queue.lock().await;
    Ok(Json(window_queue(&guard, id, state.queues.now())))
}

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(open))
        .routes(utoipa_axum::routes!(close))
        .routes(utoipa_axum::routes!(pause))
        .routes(utoipa_axum::routes!(resume))
        .routes(utoipa_axum::routes!(call_next))
        .routes(utoipa_axum::routes!(queue))
}
