//! Extractors whose rejections are JSON errors, and the authenticated caller.

use super::error::{ApiError, BodyError};
use crate::credentials::{DEVICE_PREFIX, SESSION_PREFIX, token_hash};
use crate::http::AppState;
use crate::store::{Author, Stamp};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use talon_protocol::OfficeId;
use talon_protocol::api::{Device, DeviceKind, Role, User};
use talon_protocol::limits::{self, Bounded};

/// A JSON request body. Refused with a JSON error, before any handler runs, when it is
/// not JSON, larger than the body limit, nested deeper than `limits::JSON_DEPTH`, carries
/// a field its type does not have (at any depth: a typo must not be silently dropped),
/// or has a text or list over its limit (`Bounded`). As a response, plain JSON.
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned + Bounded,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(request.headers()) {
            return Err(BodyError::NotJson.into());
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    BodyError::TooLarge
                } else {
                    BodyError::Unreadable(rejection.body_text())
                }
            })?;
        Ok(Json(parse_body(&bytes)?))
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return false;
    };
    let essence = value
        .to_str()
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Parses and checks a request body (see `Json`).
pub fn parse_body<T: DeserializeOwned + Bounded>(bytes: &[u8]) -> Result<T, ApiError> {
    if nesting_depth(bytes) > limits::JSON_DEPTH {
        return Err(BodyError::TooDeep.into());
    }
    let mut unknown: Option<String> = None;
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let mut note_unknown = |path: serde_ignored::Path<'_>| {
        unknown.get_or_insert_with(|| path.to_string());
    };
    let parsed: Result<T, _> = serde_path_to_error::deserialize(serde_ignored::Deserializer::new(
        &mut json,
        &mut note_unknown,
    ));
    let value = parsed.map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data if at == "." => {
                BodyError::DoesNotFit(inner.to_string())
            }
            serde_json::error::Category::Data => BodyError::DoesNotFit(format!("{at}: {inner}")),
            _ => BodyError::Syntax,
        }
    })?;
    json.end().map_err(|_| BodyError::Syntax)?;
    if let Some(path) = unknown {
        return Err(BodyError::UnknownField(path).into());
    }
    value.check_bounds()?;
    Ok(value)
}

/// The deepest nesting of objects and arrays, counted without parsing (strings skipped),
/// so a deeply nested body is refused before serde walks it.
fn nesting_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

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

/// The client's address, as the connection gives it (absent when the router runs without
/// connection info, as in a unit test). Behind a reverse proxy this is the proxy's.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub Option<std::net::SocketAddr>);

impl ClientAddress {
    /// The key rate limits count by: the IP address without its port.
    pub fn key(&self) -> String {
        self.0
            .map(|addr| addr.ip().to_string())
            .unwrap_or_else(|| "unknown".into())
    }

    pub fn is_loopback(&self) -> bool {
        self.0.is_some_and(|addr| addr.ip().is_loopback())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let info = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Ok(ClientAddress(info.map(|info| info.0)))
    }
}

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
            Principal::Staff(user) => user.role.sees_all() || user.offices.contains(&office),
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
            Principal::Staff(user) if !user.role.sees_all() && !user.offices.contains(&office) => {
                Err(ApiError::forbidden(format!(
                    "you do not work in office {office}"
                )))
            }
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

    /// The member of staff acting on a window or ticket of `office`, as the engine knows
    /// them (heads and admins act as supervisors).
    pub fn actor(&self, office: OfficeId) -> Result<crate::engine::Actor, ApiError> {
        let user = self.staff_of(office, &[Role::Agent, Role::Head, Role::Admin])?;
        Ok(crate::engine::Actor {
            staff_id: user.id,
            name: user.name.clone(),
            supervisor: matches!(user.role, Role::Head | Role::Admin),
        })
    }

    /// An administrator, or a head of `office`: who may change the office's set-up.
    pub fn manager_of(&self, office: OfficeId) -> Result<&User, ApiError> {
        self.staff_of(office, &[Role::Head])
    }

    /// Someone who watches `office` against the norms: its head, the head of its region,
    /// the head office or an administrator (statistics, reports, alerts).
    pub fn overseer_of(&self, office: OfficeId) -> Result<&User, ApiError> {
        self.staff_of(office, &[Role::Head, Role::RegionHead, Role::HeadOffice])
    }

    /// Who makes a change, for the audit log, stamped with the server's `now`.
    pub fn stamp(&self, now: chrono::DateTime<chrono::Utc>) -> Result<Stamp, ApiError> {
        match self {
            Principal::Staff(user) => Ok(Stamp {
                author: Author::staff(user.id, &user.name),
                at: now,
            }),
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
            match store.session_staff(&hash, now_ms).await? {
                Some(staff) => Some(Principal::Staff(
                    state.queues.with_overseen_offices(staff.user).await,
                )),
                None => None,
            }
        } else if token.starts_with(DEVICE_PREFIX) {
            let device = store.device_by_token(&hash).await?;
            if let Some(device) = &device {
                state.queues.device_seen(device.device.id);
            }
            device.map(|d| Principal::Device(d.device))
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

#[cfg(test)]
mod tests {
    use super::{nesting_depth, parse_body};
    use talon_protocol::api::{IssueTicketRequest, OfficeInput};

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        assert_eq!(nesting_depth(br#"{"a": [1, {"b": 2}]}"#), 3);
        assert_eq!(nesting_depth(br#"{"a": "[[[[{{{{\"]]"}"#), 1);
        assert_eq!(nesting_depth(b"[]"), 1);
    }

    #[test]
    fn an_unknown_field_is_refused_at_any_depth() {
        let error =
            parse_body::<IssueTicketRequest>(br#"{"topic_id": 1, "topicId": 2}"#).unwrap_err();
        assert_eq!(error.code, "unknown_field");
        assert!(error.message.contains("`topicId`"), "{}", error.message);
        let office = serde_json::json!({
            "name": "Офис", "time_zone": "Europe/Moscow",
            "schedule": {"mon": null, "tue": null, "wed": null, "thu": null, "fri": null, "sat": null, "sun": null},
            "settings": {"issuing_stops_before_close_min": 15, "queue_alert_threshold": 3,
                "monthly_wait_limit_min": 30, "idle_alert_after_min": 2,
                "out_of_turn_categories": [], "info_line": "", "colour": "red"}
        });
        let error = parse_body::<OfficeInput>(office.to_string().as_bytes()).unwrap_err();
        assert_eq!(error.code, "unknown_field");
        assert!(
            error.message.contains("`settings.colour`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_deeply_nested_body_is_refused_before_it_is_parsed() {
        let deep = format!(
            "{{\"topic_id\": 1, \"x\": {}{}}}",
            "[".repeat(50_000),
            "]".repeat(50_000)
        );
        let error = parse_body::<IssueTicketRequest>(deep.as_bytes()).unwrap_err();
        assert_eq!(error.code, "too_deep");
    }

    #[test]
    fn a_wrong_type_names_its_field_and_broken_json_is_a_syntax_error() {
        let error = parse_body::<IssueTicketRequest>(br#"{"topic_id": "one"}"#).unwrap_err();
        assert_eq!(error.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error.message.contains("topic_id"), "{}", error.message);
        let error = parse_body::<IssueTicketRequest>(br#"{"topic_id": 1"#).unwrap_err();
        assert_eq!(error.status, axum::http::StatusCode::BAD_REQUEST);
        let error = parse_body::<IssueTicketRequest>(br#"{"topic_id": 1} {}"#).unwrap_err();
        assert_eq!(error.status, axum::http::StatusCode::BAD_REQUEST);
    }
}
