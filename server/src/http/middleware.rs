//! What wraps every request: a request id, a request that runs to its end whatever its
//! client does, and a panic answered like any other fault.

use super::error::ApiError;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::any::Any;
use tracing::Instrument;

/// The header that carries the request id, to the handler's logs and back to the client.
pub const REQUEST_ID: &str = "x-request-id";

/// The id of a request as `SetRequestIdLayer` gave it.
pub fn request_id(request: &Request) -> String {
    request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string()
}

/// Runs the rest of the request in a task of its own, so that a client that disconnects
/// (its future dropped by hyper) cannot stop a command half-way: once a handler has
/// started, it runs to its end, committed and kept or refused and forgotten, and the
/// office's state in memory never differs from what is stored. A panic in the handler
/// ends in the task and is answered as a JSON 500 with the request id in the log.
pub async fn run_to_completion(request: Request, next: Next) -> Response {
    let id = request_id(&request);
    // The task carries the request's span, so the handler's log lines keep its id.
    let handler = next.run(request).instrument(tracing::Span::current());
    match tokio::spawn(handler).await {
        Ok(response) => response,
        Err(e) if e.is_panic() => panic_response(&id, e.into_panic()),
        Err(e) => {
            ApiError::internal(format_args!("request {id} was cancelled: {e}")).into_response()
        }
    }
}

/// A panic outside the handler's task (in another layer): the same answer.
pub fn caught_panic(panic: Box<dyn Any + Send + 'static>) -> Response {
    panic_response("-", panic)
}

fn panic_response(id: &str, panic: Box<dyn Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into());
    let mut response = ApiError::internal(format_args!(
        "request {id} panicked: {}",
        crate::log_text::escaped(&what)
    ))
    .into_response();
    if let Ok(value) = HeaderValue::from_str(id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::REQUEST_ID;
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn boom() -> &'static str {
        panic!("a handler bug");
    }

    #[tokio::test]
    async fn a_panicking_handler_is_answered_with_the_json_500_and_its_request_id() {
        let app = crate::http::with_layers(Router::new().route("/boom", get(boom)));
        let response = app
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .expect("an answer, not a dropped connection");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let id = response.headers().get(REQUEST_ID).expect("a request id");
        assert_eq!(id.to_str().unwrap().len(), 36, "a UUID");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "internal");
        assert!(
            !body.to_string().contains("a handler bug"),
            "the panic's message stays in the log: {body}"
        );
    }

    #[tokio::test]
    async fn a_request_id_sent_by_the_client_is_kept() {
        let app = crate::http::with_layers(Router::new().route("/ok", get(|| async { "ok" })));
        let request = Request::get("/ok")
            .header(REQUEST_ID, "kiosk-7-retry-2")
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[REQUEST_ID], "kiosk-7-retry-2");
    }
}
