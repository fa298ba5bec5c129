//! Extractors whose rejections are JSON errors, and the authenticated caller.

use super::error::ApiError;
use crate::credentials::{DEVICE_PREFIX, SESSION_PREFIX, token_hash};
use crate::http::AppState;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use talon_protocol::OfficeId;
use talon_protocol::api::{Device, DeviceKind, Role, User};

/// `axum::Json` with JSON errors.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Path` with JSON errors.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

/// `axum::extract::Query` with JSON errors.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

/// Who is calling: a member of staff (session token) or a device (device token).
#[derive(Debug, Clone)]
pub enum Principal {
    Staff(User),
    Device(Device),
}

impl Principal {
    /// Whether the caller may look at an office's queue.
    pub fn can_see(&self, office: OfficeId) -> bool {
        match self {
            Principal::Staff(user) => user.role == Role::Admin || user.offices.contains(&office),
            Principal::Device(device) => device.office_id == office,
        }
    }

    pub fn require_see(&self, office: OfficeId) -> Result<(), ApiError> {
        if self.can_see(office) {
            Ok(())
        } else {
            Err(ApiError::forbidden(format!(
                "you have no access to office {office}"
            )))
        }
    }

    /// A member of staff of `office` with one of `roles` (admins pass everywhere).
    pub fn staff_of(&self, office: OfficeId, roles: &[Role]) -> Result<&User, ApiError> {
        match self {
            Principal::Staff(user) if user.role == Role::Admin => Ok(user),
            Principal::Staff(user) if !user.offices.contains(&office) => Err(ApiError::forbidden(
                format!("you do not work in office {office}"),
            )),
            Principal::Staff(user) if roles.contains(&user.role) => Ok(user),
            Principal::Staff(user) => Err(ApiError::forbidden(format!(
                "this needs the role {}; you are {}",
                roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(" or "),
                user.role.as_str()
            ))),
            Principal::Device(_) => Err(ApiError::forbidden(
                "a device cannot do this: sign in as staff",
            )),
        }
    }

    pub fn admin(&self) -> Result<&User, ApiError> {
        match self {
            Principal::Staff(user) if user.role == Role::Admin => Ok(user),
            _ => Err(ApiError::forbidden("this needs the role admin")),
        }
    }

    /// Who may issue tickets: the office's kiosks and its staff.
    pub fn may_issue(&self, office: OfficeId) -> Result<(), ApiError> {
        match self {
            Principal::Device(d) if d.office_id == office && d.kind == DeviceKind::Kiosk => Ok(()),
            Principal::Device(_) => Err(ApiError::forbidden(
                "only a kiosk of this office issues tickets",
            )),
            Principal::Staff(_) => self
                .staff_of(office, &[Role::Agent, Role::Head, Role::Admin])
                .map(|_| ()),
        }
    }
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .ok_or_else(|| {
                ApiError::unauthorized("sign in first: send Authorization: Bearer <token>")
            })?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(|| {
                ApiError::unauthorized("the Authorization header must be: Bearer <token>")
            })?;
        let hash = token_hash(token);
        let store = state.queues.store();
        let found = if token.starts_with(SESSION_PREFIX) {
            let now_ms = state.queues.now().timestamp_millis();
            store
                .session_staff(&hash, now_ms)
                .await?
                .map(|s| Principal::Staff(s.user))
        } else if token.starts_with(DEVICE_PREFIX) {
            store
                .device_by_token(&hash)
                .await?
                .map(|d| Principal::Device(d.device))
        } else {
            None
        };
        found.ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::UNAUTHORIZED,
                "invalid_token",
                "the token is unknown, expired or revoked: sign in again",
            )
        })
    }
}
