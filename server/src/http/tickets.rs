//! Issuing tickets and acting on them (the visitor's side is in `public`).

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use crate::engine::{Command, TicketAction, TransferTarget};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use talon_protocol::api::{
    CancelRequest, ErrorBody, FinishRequest, IssueTicketRequest, PostponeRequest, TicketReceipt,
    TransferRequest,
};
use talon_protocol::{OfficeId, Ticket, TicketId};

use talon_protocol::limits::IDEMPOTENCY_KEY as MAX_IDEMPOTENCY_KEY;

/// Issues a ticket (kiosk or staff). Send `Idempotency-Key` so that a retry after a
/// network error returns the same ticket instead of a second one.
#[utoipa::path(post, path = "/api/v1/offices/{office}/tickets", tag = "tickets",
    params(("office" = i64, Path), ("Idempotency-Key" = Option<String>, Header)),
    request_body = IssueTicketRequest, security(("bearer" = [])),
    responses((status = 201, body = TicketReceipt, description = "issued"),
        (status = 200, body = TicketReceipt, description = "the ticket an earlier request with the same key issued"),
        (status = 409, body = ErrorBody, description = "outside issuing hours (with next_opening) or topic inactive"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn issue(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    headers: HeaderMap,
    Json(request): Json<IssueTicketRequest>,
) -> Result<(StatusCode, Json<TicketReceipt>), ApiError> {
    state.queues.office(office)?;
    principal.may_issue(office)?;
    let key = match headers.get("idempotency-key") {
        None => None,
        Some(value) => {
            let key = value.to_str().map(str::trim).unwrap_or_default();
            if key.is_empty() || key.len() > MAX_IDEMPOTENCY_KEY {
                return Err(ApiError::bad_request(format!(
                    "Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} visible characters"
                )));
            }
            Some(key.to_string())
        }
    };
    let (receipt, created) = state
        .queues
        .issue(
            office,
            request.topic_id,
            request.out_of_turn,
            key.as_deref(),
        )
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(receipt)))
}

/// One ticket (staff of its office).
#[utoipa::path(get, path = "/api/v1/tickets/{ticket}", tag = "tickets", params(("ticket" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = Ticket), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<TicketId>,
) -> Result<Json<Ticket>, ApiError> {
    let ticket = find(&state, id).await?;
    principal.require_see(ticket.office_id)?;
    let queue = state.queues.office(ticket.office_id)?;
    let ticket = queue.lock().await.live_or(ticket);
    Ok(Json(ticket))
}

async fn find(state: &AppState, id: TicketId) -> Result<Ticket, ApiError> {
    state
        .queues
        .stored_ticket(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("ticket {id} does not exist")))
}

/// Runs an action on a ticket for a member of staff of its office and returns the ticket
/// as it is afterwards.
async fn act(
    state: &AppState,
    principal: &Principal,
    id: TicketId,
    action: TicketAction,
) -> Result<Json<Ticket>, ApiError> {
    let ticket = find(state, id).await?;
    let actor = principal.actor(ticket.office_id)?;
    let command = Command::Ticket {
        ticket_id: id,
        actor,
        action,
    };
    let ticket = state
        .queues
        .execute(ticket.office_id, command, |_, events| {
            events
                .iter()
                .rev()
                .find_map(|e| e.kind.ticket().filter(|t| t.id == id).cloned())
        })
        .await?
        .ok_or_else(|| ApiError::internal("a ticket action produced no ticket event"))?;
    Ok(Json(ticket))
}

macro_rules! ticket_action {
    ($name:ident, $path:literal, $doc:literal, |$body:ident : $ty:ty| $action:expr) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "tickets", params(("ticket" = String, Path)),
            request_body = $ty, security(("bearer" = [])),
            responses((status = 200, body = Ticket), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
                (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
        pub async fn $name(
            State(state): State<AppState>,
            principal: Principal,
            Path(id): Path<TicketId>,
            Json($body): Json<$ty>,
        ) -> Result<Json<Ticket>, ApiError> {
            let action = $action?;
            act(&state, &principal, id, action).await
        }
    };
    ($name:ident, $path:literal, $doc:literal, $action:expr) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "tickets", params(("ticket" = String, Path)),
            security(("bearer" = [])),
            responses((status = 200, body = Ticket), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
                (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
        pub async fn $name(
            State(state): State<AppState>,
            principal: Principal,
            Path(id): Path<TicketId>,
        ) -> Result<Json<Ticket>, ApiError> {
            act(&state, &principal, id, $action).await
        }
    };
}

ticket_action!(
    recall,
    "/api/v1/tickets/{ticket}/recall",
    "Calls the ticket again (counts recalls).",
    TicketAction::Recall
);
ticket_action!(
    start,
    "/api/v1/tickets/{ticket}/start",
    "The visitor came: service starts.",
    TicketAction::Start
);
ticket_action!(
    no_show,
    "/api/v1/tickets/{ticket}/no-show",
    "The called visitor did not come.",
    TicketAction::NoShow
);
ticket_action!(
    finish,
    "/api/v1/tickets/{ticket}/finish",
    "Ends the visit with its outcome.",
    |body: FinishRequest| {
        Ok::<_, ApiError>(TicketAction::Finish {
            outcome: body.outcome,
            topics_count: body.topics_count,
            overrun_reason: body.overrun_reason,
        })
    }
);
ticket_action!(
    transfer,
    "/api/v1/tickets/{ticket}/transfer",
    "Redirects the visitor to another topic or a specific window, at the front or back of that queue.",
    |body: TransferRequest| {
        let target = match (body.topic_id, body.window_id) {
            (Some(topic), None) => Ok(TransferTarget::Topic(topic)),
            (None, Some(window)) => Ok(TransferTarget::Window(window)),
            _ => Err(ApiError::invalid(
                "give either topic_id or window_id, not both",
            )),
        };
        target.map(|target| TicketAction::Transfer {
            target,
            place: body.place,
        })
    }
);
ticket_action!(
    postpone,
    "/api/v1/tickets/{ticket}/postpone",
    "Sets the ticket aside for some minutes; it then returns to its place in the queue.",
    |body: PostponeRequest| Ok::<_, ApiError>(TicketAction::Postpone {
        minutes: body.minutes
    })
);
ticket_action!(
    cancel,
    "/api/v1/tickets/{ticket}/cancel",
    "Cancels a ticket that is not being served.",
    |body: CancelRequest| Ok::<_, ApiError>(TicketAction::Cancel {
        reason: body.reason
    })
);

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(issue))
        .routes(utoipa_axum::routes!(get))
        .routes(utoipa_axum::routes!(recall))
        .routes(utoipa_axum::routes!(start))
        .routes(utoipa_axum::routes!(finish))
        .routes(utoipa_axum::routes!(no_show))
        .routes(utoipa_axum::routes!(transfer))
        .routes(utoipa_axum::routes!(postpone))
        .routes(utoipa_axum::routes!(cancel))
}
