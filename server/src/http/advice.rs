//! `GET /api/v1/offices/{office}/advice`: the staffing advisor's advice for an office
//! now, with the numbers behind it (`crate::forecast::advisor`).

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use axum::extract::State;
use talon_protocol::OfficeId;
use talon_protocol::advice::Advice;
use talon_protocol::api::ErrorBody;

/// What the advisor says for the office over the next hour: open a window for a topic
/// before its wait norm breaks (and when it would), let an open window take a topic,
/// or close a window that is not needed; each with the expected arrivals, the mean
/// service, the windows open and needed (Erlang C), the share of visitors past the norm
/// and the forward simulation's wait for a ticket taken now. For the office's heads.
#[utoipa::path(get, path = "/api/v1/offices/{office}/advice", tag = "offices",
    params(("office" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<Advice>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn advice(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
) -> Result<Json<Vec<Advice>>, ApiError> {
    state.queues.office(office)?;
    principal.overseer_of(office)?;
    Ok(Json(state.queues.advice(office).await?))
}

/// This module's routes, each with its OpenAPI operation.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(advice))
}
