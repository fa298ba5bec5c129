//! The HTTP and WebSocket API. Handlers parse and authorize; the engine decides; the
//! store persists.

mod admin;
mod auth;
pub mod error;
pub mod extract;
mod live;
mod offices;
mod system;
mod tickets;
mod windows;

pub use admin::register_device;

use crate::queues::Queues;
use axum::Router;
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use std::sync::Arc;
use tokio::sync::watch;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(Clone)]
pub struct AppState {
    pub queues: Arc<Queues>,
    pub metrics: PrometheusHandle,
    pub openapi: Arc<String>,
    pub session_ttl: chrono::Duration,
    /// Turns true when the server stops, so live sockets close.
    pub shutdown: watch::Receiver<bool>,
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Talon API", description = "Electronic queue: tickets by topic, windows, live events, norms and statistics."),
    modifiers(&BearerAuth),
    tags(
        (name = "system"), (name = "auth"), (name = "offices"), (name = "tickets"),
        (name = "windows"), (name = "public"), (name = "admin")
    )
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The API's routes and the OpenAPI document generated from the same handlers.
pub fn routes() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(system::health))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::me))
        .routes(routes!(offices::list, offices::create))
        .routes(routes!(offices::update))
        .routes(routes!(offices::topics, offices::create_topic))
        .routes(routes!(offices::update_topic))
        .routes(routes!(offices::snapshot))
        .routes(routes!(offices::stats))
        .routes(routes!(live::live))
        .routes(routes!(tickets::issue))
        .routes(routes!(tickets::get))
        .routes(routes!(tickets::recall))
        .routes(routes!(tickets::start))
        .routes(routes!(tickets::finish))
        .routes(routes!(tickets::no_show))
        .routes(routes!(tickets::transfer))
        .routes(routes!(tickets::postpone))
        .routes(routes!(tickets::cancel))
        .routes(routes!(tickets::public_status))
        .routes(routes!(windows::open))
        .routes(routes!(windows::close))
        .routes(routes!(windows::pause))
        .routes(routes!(windows::resume))
        .routes(routes!(windows::call_next))
        .routes(routes!(windows::queue))
        .routes(routes!(admin::create_window))
        .routes(routes!(admin::update_window))
        .routes(routes!(admin::set_window_topics))
        .routes(routes!(admin::list_staff, admin::create_staff))
        .routes(routes!(admin::update_staff))
        .routes(routes!(admin::list_devices, admin::create_device))
        .routes(routes!(admin::revoke_device))
        .routes(routes!(admin::report_fault))
        .split_for_parts();
    let router = router
        .route("/api/v1/openapi.json", get(system::openapi))
        .route("/metrics", get(system::metrics))
        // After every route: it applies to the routes registered before it.
        .method_not_allowed_fallback(system::method_not_allowed)
        .fallback(system::not_found)
        .layer(TraceLayer::new_for_http());
    (router, openapi)
}
