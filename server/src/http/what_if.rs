//! `POST /api/v1/offices/{office}/what-if`: a planned day through the simulator
//! (`crate::forecast::plan`). Changes nothing.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use axum::extract::State;
use std::collections::HashSet;
use talon_protocol::OfficeId;
use talon_protocol::advice::{DayPlan, PlanOutcome};
use talon_protocol::api::ErrorBody;

/// Most windows a planned hour may have.
const MAX_WINDOWS: usize = 200;
/// Most visitors a topic may be planned to have in an hour.
const MAX_VISITORS: f64 = 10_000.0;

fn check_plan(plan: &DayPlan, topics: &HashSet<talon_protocol::TopicId>) -> Result<(), ApiError> {
    let mut seen = HashSet::new();
    for hour in &plan.hours {
        if hour.hour > 23 || !seen.insert(hour.hour) {
            return Err(ApiError::invalid(format!(
                "hour {} is not an hour of the day, or is planned twice (0..=23, once each)",
                hour.hour
            )));
        }
        if hour.windows.len() > MAX_WINDOWS {
            return Err(ApiError::invalid(format!(
                "at most {MAX_WINDOWS} windows an hour"
            )));
        }
        for topic in hour.windows.iter().flatten() {
            if !topics.contains(topic) {
                return Err(ApiError::invalid(format!(
                    "topic {topic} is not a topic of this office"
                )));
            }
        }
    }
    for a in plan.arrivals.iter().flatten() {
        if a.hour > 23 || !topics.contains(&a.topic_id) {
            return Err(ApiError::invalid(format!(
                "arrivals for topic {} at hour {}: an office topic and an hour 0..=23",
                a.topic_id, a.hour
            )));
        }
        if !a.visitors.is_finite() || a.visitors < 0.0 || a.visitors > MAX_VISITORS {
            return Err(ApiError::invalid(format!(
                "visitors in an hour are between 0 and {MAX_VISITORS}"
            )));
        }
    }
    Ok(())
}

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
    let queue = state.queues.office(office)?;
    principal.overseer_of(office)?;
    let now = state.queues.now();
    let (snapshot, input) = {
        let guard = queue.lock().await;
        (
            guard.clone(),
            crate::forecast::demand::DemandInput::of(&guard, now),
        )
    };
    let topics = snapshot.topics.keys().copied().collect();
    check_plan(&plan, &topics)?;
    let (arrivals, from) = match &plan.arrivals {
        Some(given) => (
            given
                .iter()
                .map(|a| ((a.topic_id, a.hour), a.visitors))
                .collect(),
            "plan",
        ),
        None => {
            let learned =
                crate::forecast::demand::by_hour_of_weekday(state.queues.store(), &input, plan.day)
                    .await?;
            let from = if learned.is_empty() {
                "none"
            } else {
                "history"
            };
            (learned, from)
        }
    };
    let outcome = tokio::task::spawn_blocking(move || {
        crate::forecast::plan::simulate(&snapshot, &plan, &arrivals, from, office.0 as u64)
    })
    .await
    .map_err(ApiError::internal)?;
    Ok(Json(outcome))
}

/// This module's routes, each with its OpenAPI operation.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(what_if))
}
