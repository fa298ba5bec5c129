//! The HTTP and WebSocket API. Handlers parse and authorize; the engine decides; the
//! store persists.

mod admin;
mod advice;
mod alerts;
mod audit;
mod auth;
pub mod bookings;
pub mod error;
pub mod extract;
mod live;
mod live_runtime;
pub mod middleware;
mod notify;
mod offices;
mod openapi;
mod overview;
pub mod public;
mod regions;
mod reports;
mod system;
mod tickets;
mod what_if;
mod windows;

pub use admin::register_device;

pub use system::MetricsGate;

use crate::guard::Guard;
use crate::queues::Queues;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use metrics_exporter_prometheus::PrometheusHandle;
use std::sync::Arc;
use talon_protocol::limits;
use tokio::sync::watch;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

#[derive(Clone)]
pub struct AppState {
    pub queues: Arc<Queues>,
    pub metrics: PrometheusHandle,
    pub openapi: Arc<String>,
    pub session_ttl: chrono::Duration,
    /// Turns true when the server stops, so live sockets close.
    pub shutdown: watch::Receiver<bool>,
    /// Rate limits of sign-ins and public look-ups, and the alerts they raised.
    pub guard: Arc<Guard>,
    /// Who may read /metrics on this router.
    pub metrics_gate: MetricsGate,
    /// This node's name, for /health.
    pub node_name: Arc<String>,
}

/// The API's routes and the OpenAPI document generated from the same handlers.
pub fn routes() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut openapi) = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(system::routes())
        .merge(auth::routes())
        .merge(offices::routes())
        .merge(live::routes())
        .merge(tickets::routes())
        .merge(windows::routes())
        .merge(admin::routes())
        .merge(audit::routes())
        .merge(regions::routes())
        .merge(overview::routes())
        .merge(alerts::routes())
        .merge(advice::routes())
        .merge(what_if::routes())
        .merge(notify::routes())
        .merge(public::routes())
        .merge(bookings::routes())
        .merge(reports::routes())
        .merge(crate::web::routes())
        .split_for_parts();
    openapi::add_common_responses(&mut openapi);
    let router = router
        // After every route: it applies to the routes registered before it.
        .method_not_allowed_fallback(system::method_not_allowed)
        .fallback(system::not_found);
    (with_layers(router), openapi)
}

/// What wraps every route. Layers run outside in, the last added first: catch a panic
/// anywhere, give the request its id, log it under that id, bound its body, and run the
/// handler in a task of its own so that a vanished client cannot stop it half-way.
pub fn with_layers<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(axum::middleware::from_fn(middleware::run_to_completion))
        .layer(DefaultBodyLimit::max(limits::BODY_BYTES))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::extract::Request| {
                tracing::info_span!(
                    "request",
                    id = %request
                        .headers()
                        .get(middleware::REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-"),
                    method = %request.method(),
                    path = %request.uri().path(),
                )
            }),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(CatchPanicLayer::custom(middleware::caught_panic))
}

/// A router with /metrics only, for a separate metrics address.
pub fn metrics_router(state: AppState) -> Router {
    let router = Router::new()
        .route("/metrics", axum::routing::get(system::metrics))
        .fallback(system::not_found);
    with_layers(router).with_state(state)
}
