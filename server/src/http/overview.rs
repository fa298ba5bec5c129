//! The company board: a row per office the caller oversees, trouble first.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Principal, Query};
use axum::extract::State;
use talon_protocol::RegionId;
use talon_protocol::api::ErrorBody;
use talon_protocol::overview::OfficeOverview;

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OverviewQuery {
    /// The offices of this region only.
    pub region: Option<i64>,
}

/// Every office the caller oversees (a head their offices, a region head their
/// regions', the head office and an administrator all), with waiting now, the longest
/// wait against its norm, breaches now, windows open, today's share within the wait
/// norm and the month's average wait against its limit; offices in trouble first.
#[utoipa::path(get, path = "/api/v1/overview", tag = "offices", params(OverviewQuery),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<OfficeOverview>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn overview(
    State(state): State<AppState>,
    principal: Principal,
    Query(query): Query<OverviewQuery>,
) -> Result<Json<Vec<OfficeOverview>>, ApiError> {
    let user = match &principal {
        Principal::Staff(user) if user.role.oversees() => user,
        _ => {
            return Err(ApiError::forbidden(
                "the company board is for heads: an office head, a region head, the head office or an administrator",
            ));
        }
    };
    let mut offices: Vec<_> = state
        .queues
        .office_ids()
        .into_iter()
        .filter(|o| user.role.sees_all() || user.offices.contains(o))
        .collect();
    if let Some(region) = query.region.map(RegionId) {
        if state.queues.store().region(region).await?.is_none() {
            return Err(ApiError::not_found(format!(
                "region {region} does not exist"
            )));
        }
        let of_region = state.queues.offices_in_regions(&[region]).await;
        offices.retain(|o| of_region.contains(o));
    }
    Ok(Json(state.queues.overview(&offices).await?))
}

pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(overview))
}
