//! The one error type of the HTTP boundary: every failure becomes
//! `{"error": {"code", "message"}}` with a fitting status. Internals of real faults are
//! logged, never sent.

use crate::engine::EngineError;
use crate::queues::QueueError;
use crate::stats::{PeriodError, StatsError};
use crate::store::StoreError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use std::time::Duration;
use talon_protocol::api::{ErrorBody, ErrorDetail};
use talon_protocol::limits::{self, Limit, LimitError};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub next_opening: Option<DateTime<Utc>>,
    /// For 429: how long the caller must wait (sent as `Retry-After`, in seconds).
    pub retry_after: Option<Duration>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            next_opening: None,
            retry_after: None,
        }
    }

    /// Too many attempts: refused for `wait`.
    pub fn too_many(code: &'static str, message: impl Into<String>, wait: Duration) -> Self {
        ApiError {
            retry_after: Some(wait),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, code, message)
        }
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// A real fault: logged in full, answered with a generic message.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        // A fault's text may quote what a client sent: escaped, so it stays one line.
        let detail = detail.to_string();
        tracing::error!(error = %crate::log_text::escaped(&detail), "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server could not complete the request; it has been logged, please try again",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
                next_opening: self.next_opening,
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(wait) = self.retry_after {
            // Whole seconds, rounded up, so a client that waits exactly this long is let in.
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
        response
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> Self {
        match e {
            EngineError::NotFound(m) => ApiError::not_found(m),
            EngineError::Conflict { code, message } => ApiError::conflict(code, message),
            EngineError::Invalid(m) => ApiError::invalid(m),
            EngineError::Forbidden(m) => ApiError::forbidden(m),
            EngineError::OutsideHours { next_opening } => {
                let message = match next_opening {
                    Some(at) => format!(
                        "ticket issuing has ended for now; it opens again at {}",
                        at.to_rfc3339()
                    ),
                    None => {
                        "the office has no opening hours set: tickets are not issued".to_string()
                    }
                };
                ApiError {
                    next_opening,
                    ..ApiError::conflict("outside_hours", message)
                }
            }
            EngineError::CheckInTooEarly { opens_at } => ApiError {
                next_opening: Some(opens_at),
                ..ApiError::conflict(
                    "check_in_too_early",
                    format!(
                        "it is too early to check in for this booking; check-in opens at {}",
                        opens_at.to_rfc3339()
                    ),
                )
            },
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Duplicate(m) => ApiError::conflict("duplicate", m),
            StoreError::Unavailable(detail) => {
                tracing::warn!(error = %crate::log_text::escaped(&detail), "database unavailable");
                ApiError {
                    retry_after: Some(Duration::from_secs(1)),
                    ..ApiError::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "unavailable",
                        "the server cannot reach its database right now; try again in a moment \
                         (a ticket request repeated with its Idempotency-Key is never issued twice)",
                    )
                }
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<QueueError> for ApiError {
    fn from(e: QueueError) -> Self {
        match e {
            QueueError::Engine(e) => e.into(),
            QueueError::Store(e) => e.into(),
            QueueError::NoOffice(id) => ApiError::not_found(format!("office {id} does not exist")),
            // Nothing was changed; the office is busy on other nodes right now.
            e @ QueueError::Contended(_) => ApiError {
                retry_after: Some(Duration::from_secs(1)),
                ..ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", e.to_string())
            },
        }
    }
}

impl From<PeriodError> for ApiError {
    fn from(e: PeriodError) -> Self {
        match e {
            PeriodError::OutOfRange => ApiError::bad_request(e.to_string()),
            PeriodError::Reversed | PeriodError::TooLong => ApiError::invalid(e.to_string()),
        }
    }
}

impl From<StatsError> for ApiError {
    fn from(e: StatsError) -> Self {
        match e {
            StatsError::Period(e) => e.into(),
            StatsError::Queue(e) => e.into(),
        }
    }
}

impl From<LimitError> for ApiError {
    fn from(e: LimitError) -> Self {
        let code = match e.limit {
            Limit::Chars(_) => "too_long",
            Limit::Items(_) => "too_many",
        };
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, e.to_string())
    }
}

/// Why a JSON request body was refused before it reached a handler.
#[derive(Debug)]
pub enum BodyError {
    NotJson,
    TooLarge,
    Unreadable(String),
    Syntax,
    TooDeep,
    UnknownField(String),
    DoesNotFit(String),
}

impl From<BodyError> for ApiError {
    fn from(e: BodyError) -> Self {
        match e {
            BodyError::NotJson => ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with Content-Type: application/json",
            ),
            BodyError::TooLarge => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!(
                    "the request body is larger than {} KiB",
                    limits::BODY_BYTES / 1024
                ),
            ),
            BodyError::Unreadable(detail) => {
                ApiError::bad_request(format!("the request body could not be read: {detail}"))
            }
            BodyError::Syntax => ApiError::bad_request("the request body is not valid JSON"),
            BodyError::TooDeep => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "too_deep",
                format!(
                    "the request body nests objects and arrays deeper than {} levels",
                    limits::JSON_DEPTH
                ),
            ),
            BodyError::UnknownField(path) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_field",
                format!("`{path}` is not a field of this request: see /api/v1/openapi.json"),
            ),
            BodyError::DoesNotFit(detail) => {
                ApiError::invalid(format!("the request body does not fit: {detail}"))
            }
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::bad_request(format!(
            "the address is not valid: {}",
            rejection.body_text()
        ))
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::bad_request(format!("the query is not valid: {}", rejection.body_text()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_database_is_a_503_to_retry_not_a_fault() {
        for lost in [sqlx::Error::PoolClosed, sqlx::Error::PoolTimedOut] {
            let error = ApiError::from(StoreError::from(lost));
            assert_eq!(error.status, StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(error.code, "unavailable");
            assert_eq!(error.retry_after, Some(Duration::from_secs(1)));
        }
        let fault = ApiError::from(StoreError::from(sqlx::Error::RowNotFound));
        assert_eq!(fault.status, StatusCode::INTERNAL_SERVER_ERROR);
    }
}
