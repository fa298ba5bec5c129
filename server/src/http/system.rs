//! Health, metrics and the OpenAPI document.

use super::AppState;
use super::error::ApiError;
use super::extract::{ClientAddress, Json};
use crate::credentials::token_hash;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use std::sync::Arc;
use talon_protocol::api::{ErrorBody, Health};

/// Whether the server and its database answer.
#[utoipa::path(get, path = "/api/v1/health", tag = "system",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let ok = state.queues.store().ping().await;
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(Health {
            status: if ok { "ok" } else { "database unavailable" }.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            backend: state.queues.store().backend().name().into(),
            node: state.node_name.to_string(),
        }),
    )
}

/// Who may read /metrics on a router.
#[derive(Clone, Debug)]
pub enum MetricsGate {
    /// Clients on this machine only: the default, when nothing else is configured.
    Loopback,
    /// A scraper sending `Authorization: Bearer <token>`; the token's SHA-256 is kept.
    Token(Arc<String>),
    /// Anyone who reaches this router (a metrics-only listener without a token).
    Open,
    /// Not here: a separate listener serves the metrics.
    Elsewhere,
}

impl MetricsGate {
    pub fn token(token: &str) -> Self {
        MetricsGate::Token(Arc::new(token_hash(token)))
    }

    fn admit(&self, address: ClientAddress, headers: &HeaderMap) -> Result<(), ApiError> {
        match self {
            MetricsGate::Open => Ok(()),
            MetricsGate::Loopback if address.is_loopback() => Ok(()),
            MetricsGate::Loopback => Err(ApiError::forbidden(
                "metrics are served to this machine only: configure --metrics-token or --metrics-listen for a scraper",
            )),
            MetricsGate::Token(hash) => {
                let sent = headers
                    .get(header::AUTHORIZATION)
                    .and_then(|h| h.to_str().ok())
                    .and_then(|h| h.strip_prefix("Bearer "))
                    .map(|t| token_hash(t.trim()));
                if sent.as_deref() == Some(hash.as_str()) {
                    Ok(())
                } else {
                    Err(ApiError::unauthorized(
                        "metrics need Authorization: Bearer <the metrics token>",
                    ))
                }
            }
            MetricsGate::Elsewhere => Err(super::error::ApiError::not_found(
                "metrics are served on the separate metrics address",
            )),
        }
    }
}

/// Prometheus metrics (text format). Who may read them is the server's setting: this
/// machine only by default, or a bearer token, or a separate listen address.
#[utoipa::path(get, path = "/metrics", tag = "system", security((), ("bearer" = [])),
    responses((status = 200, description = "Prometheus text format", content_type = "text/plain"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn metrics(
    State(state): State<AppState>,
    address: ClientAddress,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    state.metrics_gate.admit(address, &headers)?;
    Ok(render_metrics(&state).await)
}

/// The metrics text, with the gauges that are read on demand brought up to date.
pub async fn render_metrics(state: &AppState) -> impl IntoResponse + use<> {
    for office in state.queues.office_ids() {
        if let Ok(queue) = state.queues.office(office) {
            let label = office.to_string();
            metrics::gauge!("talon_live_clients", "office" => label.clone())
                .set(queue.live_clients() as f64);
            let waiting = queue
                .lock()
                .await
                .tickets
                .values()
                .filter(|t| t.status == talon_protocol::TicketStatus::Waiting)
                .count();
            metrics::gauge!("talon_waiting_tickets", "office" => label).set(waiting as f64);
        }
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "system",
    responses((status = 200, description = "the OpenAPI document", content_type = "application/json")))]
pub async fn openapi(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        state.openapi.to_string(),
    )
}

pub async fn not_found() -> super::error::ApiError {
    super::error::ApiError::not_found(
        "there is no such address in the Talon API: see /api/v1/openapi.json",
    )
}

/// A known address asked with a method it does not take (axum adds the Allow header).
pub async fn method_not_allowed() -> super::error::ApiError {
    super::error::ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this address does not take this method: see /api/v1/openapi.json",
    )
}

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(health))
        .routes(utoipa_axum::routes!(openapi))
        .routes(utoipa_axum::routes!(metrics))
}
