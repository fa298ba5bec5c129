//! Offices, their topics, snapshots and statistics.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal, Query};
use crate::engine::Command;
use crate::queues::{AuditSpec, audited};
use crate::stats::{self, AgentRows};
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use std::collections::HashMap;
use talon_protocol::api::{ErrorBody, OfficeInput, Role, TopicInput, TopicSummary};
use talon_protocol::audit::AuditAction;
use talon_protocol::stats::OfficeStats;
use talon_protocol::{Office, OfficeId, RegionId, Snapshot, Topic, TopicId};

/// Offices the caller may see.
#[utoipa::path(get, path = "/api/v1/offices", tag = "offices", security(("bearer" = [])),
    responses((status = 200, body = Vec<Office>), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<Office>>, ApiError> {
    let mut offices = Vec::new();
    for id in state.queues.office_ids() {
        if principal.can_see(id) {
            offices.push(state.queues.office(id)?.lock().await.office.clone());
        }
    }
    Ok(Json(offices))
}

fn validate_office(input: &OfficeInput) -> Result<(), ApiError> {
    if input.name.trim().is_empty() {
        return Err(ApiError::invalid("an office needs a name"));
    }
    if let Some(problem) = input.schedule.problem() {
        return Err(ApiError::invalid(problem));
    }
    Ok(())
}

async fn check_region(state: &AppState, region: Option<RegionId>) -> Result<(), ApiError> {
    if let Some(region) = region
        && state.queues.store().region(region).await?.is_none()
    {
        return Err(ApiError::invalid(format!("region {region} does not exist")));
    }
    Ok(())
}

/// Creates an office (admin).
#[utoipa::path(post, path = "/api/v1/offices", tag = "admin", request_body = OfficeInput, security(("bearer" = [])),
    responses((status = 201, body = Office), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    Json(input): Json<OfficeInput>,
) -> Result<(StatusCode, Json<Office>), ApiError> {
    principal.admin()?;
    validate_office(&input)?;
    check_region(&state, input.region_id).await?;
    let stamp = principal.stamp(state.queues.now())?;
    let office = state.queues.store().create_office(input, &stamp).await?;
    state.queues.add_office(office.id).await?;
    Ok((StatusCode::CREATED, Json(office)))
}

/// Changes an office's name, zone, hours, special days and settings (admin or head of
/// the office).
#[utoipa::path(put, path = "/api/v1/offices/{office}", tag = "admin", params(("office" = i64, Path)),
    request_body = OfficeInput, security(("bearer" = [])),
    responses((status = 200, body = Office), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<OfficeId>,
    Json(input): Json<OfficeInput>,
) -> Result<Json<Office>, ApiError> {
    let queue = state.queues.office(id)?;
    let caller = principal.manager_of(id)?;
    validate_office(&input)?;
    let region_now = queue.lock().await.office.region_id;
    if input.region_id != region_now {
        if caller.role != Role::Admin {
            return Err(ApiError::forbidden(
                "an office's region is changed by an administrator",
            ));
        }
        check_region(&state, input.region_id).await?;
    }
    let stamp = principal.stamp(state.queues.now())?;
    let office = Office {
        id,
        name: input.name.trim().to_string(),
        time_zone: input.time_zone,
        schedule: input.schedule,
        settings: input.settings,
        region_id: input.region_id,
    };
    let object = audited::office();
    let audit = AuditSpec {
        author: &stamp.author,
        action: AuditAction::OfficeChanged,
        object: &*object,
    };
    let office = state
        .queues
        .execute_audited(
            id,
            Command::PutOffice {
                office: Box::new(office),
            },
            Some(&audit),
            |s, _| s.office.clone(),
        )
        .await?;
    Ok(Json(office))
}

/// Topics with their waiting counts and estimated waits, in display order.
#[utoipa::path(get, path = "/api/v1/offices/{office}/topics", tag = "offices", params(("office" = i64, Path)),
    security(("bearer" = [])), responses((status = 200, body = Vec<TopicSummary>), (status = 404, body = ErrorBody)))]
pub async fn topics(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
) -> Result<Json<Vec<TopicSummary>>, ApiError> {
    state.queues.office(office)?;
    principal.require_see(office)?;
    let snapshot = state.queues.snapshot(office).await?;
    let load: HashMap<TopicId, _> = snapshot.load.into_iter().map(|l| (l.topic_id, l)).collect();
    let summaries = snapshot
        .topics
        .into_iter()
        .filter_map(|topic| {
            load.get(&topic.id)
                .cloned()
                .map(|load| TopicSummary { topic, load })
        })
        .collect();
    Ok(Json(summaries))
}

fn topic_from(input: TopicInput, id: TopicId, office_id: OfficeId) -> Topic {
    Topic {
        id,
        office_id,
        prefix: input.prefix,
        name_ru: input.name_ru,
        name_en: input.name_en,
        norms: input.norms,
        active: input.active,
        display_order: input.display_order,
        booking: input.booking,
    }
}

/// Adds a topic (head of the office or admin).
#[utoipa::path(post, path = "/api/v1/offices/{office}/topics", tag = "admin", params(("office" = i64, Path)),
    request_body = TopicInput, security(("bearer" = [])),
    responses((status = 201, body = Topic), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_topic(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Json(input): Json<TopicInput>,
) -> Result<(StatusCode, Json<Topic>), ApiError> {
    state.queues.office(office)?;
    principal.manager_of(office)?;
    let stamp = principal.stamp(state.queues.now())?;
    let topic = state
        .queues
        .create_topic(office, topic_from(input, TopicId(0), office), &stamp.author)
        .await?;
    Ok((StatusCode::CREATED, Json(topic)))
}

/// Changes a topic: names, prefix, norms, order, active (head of the office or admin).
#[utoipa::path(put, path = "/api/v1/topics/{topic}", tag = "admin", params(("topic" = i64, Path)),
    request_body = TopicInput, security(("bearer" = [])),
    responses((status = 200, body = Topic), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_topic(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<TopicId>,
    Json(input): Json<TopicInput>,
) -> Result<Json<Topic>, ApiError> {
    let office = state
        .queues
        .store()
        .topic_office(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("topic {id} does not exist")))?;
    principal.manager_of(office)?;
    let stamp = principal.stamp(state.queues.now())?;
    let topic = topic_from(input, id, office);
    let object = audited::topic(id);
    let audit = AuditSpec {
        author: &stamp.author,
        action: AuditAction::TopicChanged,
        object: &*object,
    };
    let topic = state
        .queues
        .execute_audited(office, Command::PutTopic { topic }, Some(&audit), |s, _| {
            s.topics[&id].clone()
        })
        .await?;
    Ok(Json(topic))
}

/// The whole live state of an office: what a client starts from before live events.
#[utoipa::path(get, path = "/api/v1/offices/{office}/snapshot", tag = "offices", params(("office" = i64, Path)),
    security(("bearer" = [])), responses((status = 200, body = Snapshot), (status = 404, body = ErrorBody)))]
pub async fn snapshot(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
) -> Result<Json<Snapshot>, ApiError> {
    state.queues.office(office)?;
    principal.require_see(office)?;
    Ok(Json(state.queues.snapshot(office).await?))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First service day, YYYY-MM-DD.
    #[param(value_type = String, format = Date)]
    pub from: NaiveDate,
    /// Last service day, YYYY-MM-DD (included).
    #[param(value_type = String, format = Date)]
    pub to: NaiveDate,
}

/// Statistics per topic and per agent over a period, with the calendar-month average
/// wait against its limit (head or admin; an agent sees only their own row).
#[utoipa::path(get, path = "/api/v1/offices/{office}/stats", tag = "offices", params(("office" = i64, Path), Period),
    security(("bearer" = [])),
    responses((status = 200, body = OfficeStats), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn stats(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Query(period): Query<Period>,
) -> Result<Json<OfficeStats>, ApiError> {
    state.queues.office(office)?;
    let user = principal.staff_of(
        office,
        &[Role::Agent, Role::Head, Role::RegionHead, Role::HeadOffice],
    )?;
    let rows = match user.role {
        Role::Agent => AgentRows::Only(user.id),
        _ => AgentRows::All,
    };
    let stats = stats::office_stats(&state.queues, office, period.from, period.to, rows).await?;
    Ok(Json(stats))
}

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(list, create))
        .routes(utoipa_axum::routes!(update))
        .routes(utoipa_axum::routes!(topics, create_topic))
        .routes(utoipa_axum::routes!(update_topic))
        .routes(utoipa_axum::routes!(snapshot))
        .routes(utoipa_axum::routes!(stats))
}
