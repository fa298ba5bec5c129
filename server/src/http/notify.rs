//! Where an office's or a region's alerts go outside the desk (webhooks, emails), and
//! the log of every delivery. An office's targets are its head's (or an administrator's);
//! a region's, its region head's.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use axum::extract::State;
use axum::http::StatusCode;
use talon_protocol::api::{ErrorBody, Role, User};
use talon_protocol::notify::{
    Delivery, NotifyTarget, NotifyTargetCreated, NotifyTargetInput, TargetKind,
};

/// Deliveries one request shows, newest first.
const DELIVERIES_SHOWN: i64 = 100;

/// Whether `user` runs this target: an administrator any; an office's head the office's;
/// a region head their regions'; the head office every region's.
fn runs(
    principal: &Principal,
    office: Option<talon_protocol::OfficeId>,
    region: Option<talon_protocol::RegionId>,
) -> Result<(), ApiError> {
    match (office, region) {
        (Some(office), None) => principal.manager_of(office).map(|_| ()),
        (None, Some(region)) => match principal {
            Principal::Staff(user) if matches!(user.role, Role::Admin | Role::HeadOffice) => Ok(()),
            Principal::Staff(user)
                if user.role == Role::RegionHead && user.regions.contains(&region) =>
            {
                Ok(())
            }
            _ => Err(ApiError::forbidden(format!(
                "region {region}'s notifications are its region head's or an administrator's"
            ))),
        },
        _ => Err(ApiError::invalid(
            "a target is an office's (office_id) or a region's (region_id): give one of them",
        )),
    }
}

fn staff(principal: &Principal) -> Result<&User, ApiError> {
    match principal {
        Principal::Staff(user) if user.role.oversees() => Ok(user),
        _ => Err(ApiError::forbidden(
            "notifications are set up by heads and administrators",
        )),
    }
}

async fn target_for(
    state: &AppState,
    principal: &Principal,
    id: i64,
) -> Result<NotifyTarget, ApiError> {
    let target = state
        .queues
        .store()
        .notify_target(id)
        .await?
        .filter(|t| t.target.active)
        .ok_or_else(|| ApiError::not_found(format!("notification target {id} does not exist")))?
        .target;
    runs(principal, target.office_id, target.region_id)?;
    Ok(target)
}

fn check_address(input: &NotifyTargetInput) -> Result<(), ApiError> {
    let address = input.address.trim();
    match input.kind {
        TargetKind::Webhook => {
            let url = reqwest::Url::parse(address)
                .map_err(|e| ApiError::invalid(format!("the webhook's URL is not valid: {e}")))?;
            if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
                return Err(ApiError::invalid(
                    "a webhook's URL starts with https:// (or http://) and names a host",
                ));
            }
        }
        TargetKind::Email => {
            address
                .parse::<lettre::Address>()
                .map_err(|e| ApiError::invalid(format!("the email address is not valid: {e}")))?;
        }
    }
    if !matches!(input.lang.as_str(), "ru" | "en") {
        return Err(ApiError::invalid("lang is \"ru\" or \"en\""));
    }
    Ok(())
}

/// The notification targets the caller runs.
#[utoipa::path(get, path = "/api/v1/notify/targets", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<NotifyTarget>), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<NotifyTarget>>, ApiError> {
    staff(&principal)?;
    let mut targets = state.queues.store().notify_targets().await?;
    targets.retain(|t| runs(&principal, t.office_id, t.region_id).is_ok());
    Ok(Json(targets))
}

/// Adds a webhook or an email address for an office's or a region's alerts. A webhook's
/// signing secret is in the answer, this once.
#[utoipa::path(post, path = "/api/v1/notify/targets", tag = "admin", request_body = NotifyTargetInput,
    security(("bearer" = [])),
    responses((status = 201, body = NotifyTargetCreated), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    Json(mut input): Json<NotifyTargetInput>,
) -> Result<(StatusCode, Json<NotifyTargetCreated>), ApiError> {
    staff(&principal)?;
    runs(&principal, input.office_id, input.region_id)?;
    // An id in the body that names nothing is a mistake in the form, like an unknown
    // region: 422, not 404 (the route itself exists).
    if let Some(office) = input.office_id
        && state.queues.office(office).is_err()
    {
        return Err(ApiError::invalid(format!("office {office} does not exist")));
    }
    if let Some(region) = input.region_id
        && state.queues.store().region(region).await?.is_none()
    {
        return Err(ApiError::invalid(format!("region {region} does not exist")));
    }
    check_address(&input)?;
    input.address = input.address.trim().to_string();
    let secret =
        (input.kind == TargetKind::Webhook).then(|| crate::credentials::new_token("whsec_"));
    let target = state
        .queues
        .store()
        .create_notify_target(&input, secret.as_deref(), state.queues.now())
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(NotifyTargetCreated { target, secret }),
    ))
}

/// Stops sending to a target (its delivery log stays).
#[utoipa::path(delete, path = "/api/v1/notify/targets/{target}", tag = "admin", params(("target" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    staff(&principal)?;
    target_for(&state, &principal, id).await?;
    state.queues.store().deactivate_notify_target(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A target's deliveries, newest first: when, how many attempts, delivered or why not.
#[utoipa::path(get, path = "/api/v1/notify/targets/{target}/deliveries", tag = "admin", params(("target" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<Delivery>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn deliveries(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> Result<Json<Vec<Delivery>>, ApiError> {
    staff(&principal)?;
    target_for(&state, &principal, id).await?;
    Ok(Json(
        state
            .queues
            .store()
            .deliveries(id, DELIVERIES_SHOWN)
            .await?,
    ))
}

pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(list, create))
        .routes(utoipa_axum::routes!(remove))
        .routes(utoipa_axum::routes!(deliveries))
}
