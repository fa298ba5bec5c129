//! The OpenAPI document: generated from the handlers, then completed with the answers
//! that every route of a kind can give (401 and 403 when it needs a token, 400 and 404
//! when its address has ids, 413 / 415 / 422 when it takes a body, 429 when it is rate
//! limited, 500 and 503 always), so the document lists every status a route really returns.

use utoipa::OpenApi;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};

#[derive(OpenApi)]
#[openapi(
    info(title = "Talon API", description = "Electronic queue: tickets by topic, windows, live events, norms and statistics."),
    modifiers(&BearerAuth),
    tags(
        (name = "system"), (name = "auth"), (name = "offices"), (name = "tickets"),
        (name = "windows"), (name = "public"), (name = "admin")
    )
)]
pub struct ApiDoc;

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

/// Paths whose requests are rate limited per client address (see `guard`).
const RATE_LIMITED: &[&str] = &[
    "/api/v1/auth/login",
    "/api/v1/public/tickets/{code}",
    "/api/v1/public/tickets/{code}/events",
    "/api/v1/public/tickets/{code}/leave",
    "/api/v1/public/tickets/{code}/feedback",
    "/api/v1/public/offices/{office}",
    "/t/{code}",
    "/t/{code}/events",
    "/o/{office}",
    "/o/{office}/events",
];

/// Adds the answers every route of a kind gives to each operation that does not list
/// them yet (a handler's own description of a status wins).
pub fn add_common_responses(openapi: &mut utoipa::openapi::OpenApi) {
    for (path, item) in openapi.paths.paths.iter_mut() {
        let rate_limited = RATE_LIMITED.contains(&path.as_str());
        let has_ids = path.contains('{');
        if let Some(operation) = item.get.as_mut() {
            add_to_operation(operation, has_ids, rate_limited, false);
        }
        let changes = [
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in changes.into_iter().flatten() {
            add_to_operation(operation, has_ids, rate_limited, true);
        }
    }
}

fn add_to_operation(operation: &mut Operation, has_ids: bool, rate_limited: bool, changes: bool) {
    let secured = operation
        .security
        .as_ref()
        .is_some_and(|requirements| !requirements.is_empty());
    let has_query = operation.parameters.iter().flatten().any(|p| match p {
        RefOr::T(p) => p.parameter_in == ParameterIn::Query,
        RefOr::Ref(_) => false,
    });
    let has_body = operation.request_body.is_some();
    let mut statuses: Vec<(&str, &str)> = vec![(
        "500",
        "the server could not complete the request (logged with its request id)",
    )];
    if secured {
        statuses.push(("401", "no token, or a token unknown, expired or revoked"));
        statuses.push(("403", "the caller's role or office does not allow this"));
    }
    if has_ids {
        statuses.push(("400", "an id in the address is not valid"));
        statuses.push(("404", "no such object"));
    }
    if has_query {
        statuses.push(("400", "the query is not valid"));
    }
    if has_body {
        statuses.push(("400", "the body is not valid JSON"));
        statuses.push(("413", "the body is larger than the limit"));
        statuses.push(("415", "the body is not sent as application/json"));
        statuses.push((
            "422",
            "the body does not fit: a wrong type, an unknown field, or a text or list over its limit",
        ));
    }
    if rate_limited {
        statuses.push(("429", "too many attempts: wait for Retry-After seconds"));
    }
    statuses.push(if changes {
        (
            "503",
            "busy: other server nodes are changing the office right now, and nothing was \
             changed; or unavailable: the server cannot reach its database, and whether the \
             change took effect is not known (repeat it with the same Idempotency-Key). \
             Try again after Retry-After seconds",
        )
    } else {
        (
            "503",
            "unavailable: the server cannot reach its database right now; try again after \
             Retry-After seconds",
        )
    });
    for (status, description) in statuses {
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| RefOr::T(error_response(description)));
    }
}

fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            Content::new(Some(Ref::from_schema_name("ErrorBody"))),
        )
        .build()
}
