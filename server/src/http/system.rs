//! Health, metrics and the OpenAPI document.

use super::AppState;
use super::extract::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use talon_protocol::api::Health;

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
        }),
    )
}

/// Prometheus metrics.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
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
