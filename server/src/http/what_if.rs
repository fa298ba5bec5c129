//! `POST /api/v1/offices/{office}/what-if`: a planned day through the simulator
//! (`crate::forecast::plan`). Changes nothing.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use axum::extract::State;
use talon_protocol::OfficeId;
use talon_protocol::advice::{DayPlan, PlanOutcome};
use talon_protocol::api::ErrorBody;

/// Runs a planned day — windows open per local hour and the topics each serves — many
/// times through the simulator, with the arrivals given or learned from the last four
/// same weekdays, and answers the share of visitors within their wait norm (overall and
/// per topic), the average wait and the worst hour. For the office's heads.
#[utoipa::path(post, path = "/api/v1/offices/{office}/what-if", tag = "offices",
    params(("office" = i64, Path)), request_body = DayPlan,
    security(("bearer" = [])),
    responses((status = 200, body = PlanOutcome), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn what_if(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Json(plan): Json<DayPlan>,
) -> Result<Json<PlanOutcome>, ApiError> {
    state.queues.office(office)?;
    principal.overseer_of(office)?;
    let outcome = crate::forecast::what_if::run(&state.queues, office, plan).await?;
    Ok(Json(outcome))
}

/// This module's routes, each with its OpenAPI operation.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(what_if))
}
