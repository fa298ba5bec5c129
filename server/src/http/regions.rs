//! Regions (территориальные отделения): listed for staff, set up by an administrator.
//! An office joins a region through its `region_id`; a region head through `regions`.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use axum::extract::State;
use axum::http::StatusCode;
use talon_protocol::RegionId;
use talon_protocol::api::{ErrorBody, Region, RegionInput};

/// The name as stored (its length is checked with the body, by `Bounded`).
fn checked_name(input: &RegionInput) -> Result<&str, ApiError> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(ApiError::invalid("a region needs a name"));
    }
    Ok(name)
}

/// Every region (any member of staff).
#[utoipa::path(get, path = "/api/v1/regions", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<Region>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<Region>>, ApiError> {
    if let Principal::Device(_) = principal {
        return Err(ApiError::forbidden(
            "a device cannot do this: sign in as staff",
        ));
    }
    Ok(Json(state.queues.store().regions().await?))
}

/// Adds a region (admin).
#[utoipa::path(post, path = "/api/v1/regions", tag = "admin", request_body = RegionInput, security(("bearer" = [])),
    responses((status = 201, body = Region), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    Json(input): Json<RegionInput>,
) -> Result<(StatusCode, Json<Region>), ApiError> {
    principal.admin()?;
    let name = checked_name(&input)?;
    let stamp = principal.stamp(state.queues.now())?;
    let region = state.queues.store().create_region(name, &stamp).await?;
    Ok((StatusCode::CREATED, Json(region)))
}

/// Renames a region (admin).
#[utoipa::path(put, path = "/api/v1/regions/{region}", tag = "admin", params(("region" = i64, Path)),
    request_body = RegionInput, security(("bearer" = [])),
    responses((status = 200, body = Region), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn rename(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<RegionId>,
    Json(input): Json<RegionInput>,
) -> Result<Json<Region>, ApiError> {
    principal.admin()?;
    let name = checked_name(&input)?;
    let stamp = principal.stamp(state.queues.now())?;
    let region = state
        .queues
        .store()
        .rename_region(id, name, &stamp)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("region {id} does not exist")))?;
    Ok(Json(region))
}

pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(list, create))
        .routes(utoipa_axum::routes!(rename))
}
