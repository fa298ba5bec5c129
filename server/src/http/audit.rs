//! The audit log of administrative changes, for administrators (everything) and heads
//! (their offices).

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Principal, Query};
use crate::store::{AuditFilter, utc_days};
use axum::extract::State;
use chrono::NaiveDate;
use talon_protocol::api::{ErrorBody, Role};
use talon_protocol::audit::{AuditAction, AuditEntry};
use talon_protocol::{OfficeId, StaffId};

/// Most entries one request returns.
pub const MAX_ENTRIES: u32 = 500;

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Entries of this office only.
    pub office: Option<i64>,
    /// Changes made by this member of staff only.
    pub staff: Option<i64>,
    /// One kind of change only, e.g. `topic_changed`.
    pub action: Option<String>,
    /// From this day (UTC, YYYY-MM-DD), included.
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    /// To this day (UTC, YYYY-MM-DD), included.
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
    /// At most this many entries (default and largest 500).
    pub limit: Option<u32>,
}

/// The audit log, newest first: who changed what, with the object before and after.
#[utoipa::path(get, path = "/api/v1/audit", tag = "admin", params(AuditQuery),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<AuditEntry>), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn audit_log(
    State(state): State<AppState>,
    principal: Principal,
    Query(query): Query<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let offices = match &principal {
        Principal::Staff(user) if user.role == Role::Admin => None,
        // Those who oversee offices see the entries of those offices.
        Principal::Staff(user) if user.role.oversees() => Some(user.offices.clone()),
        _ => {
            return Err(ApiError::forbidden(
                "the audit log needs the role admin or head",
            ));
        }
    };
    let action = match query.action.as_deref() {
        Some(raw) => Some(AuditAction::parse(raw).ok_or_else(|| {
            let known: Vec<&str> = AuditAction::all().map(AuditAction::as_str).collect();
            ApiError::invalid(format!(
                "unknown action «{raw}»; one of: {}",
                known.join(", ")
            ))
        })?),
        None => None,
    };
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from > to
    {
        return Err(ApiError::invalid("`from` must not be after `to`"));
    }
    let (from, to) = utc_days(query.from, query.to);
    let filter = AuditFilter {
        offices,
        office: query.office.map(OfficeId),
        actor: query.staff.map(StaffId),
        action,
        from,
        to,
        limit: query.limit.unwrap_or(MAX_ENTRIES).clamp(1, MAX_ENTRIES),
    };
    Ok(Json(state.queues.store().audit_log(&filter).await?))
}

pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(audit_log))
}
