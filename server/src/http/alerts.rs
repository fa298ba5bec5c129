//! Acknowledging an alert: a head of the office, of its region or the head office takes
//! it on with a comment, and it escalates no further.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use crate::engine::{Actor, Command};
use axum::extract::State;
use talon_protocol::api::{AcknowledgeRequest, ErrorBody};
use talon_protocol::{Alert, EventKind, OfficeId};

/// Takes an alert on, with a comment saying what is being done; it escalates no further
/// and every board shows who took it. An office head, the region's head, the head office
/// or an administrator.
#[utoipa::path(post, path = "/api/v1/offices/{office}/alerts/{alert}/acknowledge", tag = "offices",
    params(("office" = i64, Path), ("alert" = String, Path, description = "the alert's id, e.g. wait_breach:<ticket>")),
    request_body = AcknowledgeRequest, security(("bearer" = [])),
    responses((status = 200, body = Alert), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    principal: Principal,
    Path((office, alert_id)): Path<(OfficeId, String)>,
    Json(request): Json<AcknowledgeRequest>,
) -> Result<Json<Alert>, ApiError> {
    state.queues.office(office)?;
    let user = principal.overseer_of(office)?;
    let command = Command::AcknowledgeAlert {
        alert_id: alert_id.clone(),
        actor: Actor {
            staff_id: user.id,
            name: user.name.clone(),
            supervisor: true,
        },
        comment: request.comment,
    };
    // From its own event: the alert may clear in the same step (its condition ended).
    let alert = state
        .queues
        .execute(office, command, |_, events| {
            events.iter().find_map(|e| match &e.kind {
                EventKind::AlertChanged { alert, .. } if alert.id == alert_id => {
                    Some(alert.clone())
                }
                _ => None,
            })
        })
        .await?
        .ok_or_else(|| ApiError::internal("the acknowledgement made no event"))?;
    Ok(Json(alert))
}

pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(acknowledge))
}
