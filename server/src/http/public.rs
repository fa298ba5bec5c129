//! What visitors reach without signing in: their ticket by the code printed on it
//! (status, a live stream of it, leaving the queue, rating the visit) and the public
//! office board. Every request here is limited per client address (a burst, then a
//! steady rate; fewer look-ups of codes that do not exist), so codes cannot be guessed.

use super::AppState;
use super::error::ApiError;
use super::extract::{ClientAddress, Json, Path};
use crate::public::PublicView;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, KeepAliveStream, Sse};
use futures_util::Stream;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use talon_protocol::api::{ErrorBody, FeedbackRequest, PublicOffice, PublicTicketStatus};
use talon_protocol::{OfficeId, Ticket};
use tokio::sync::watch;

/// How long a browser waits before it reconnects a live stream that broke.
pub const RECONNECT_AFTER: Duration = Duration::from_secs(2);
/// A comment line on an idle stream keeps proxies from closing it.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

fn too_many(wait: Duration) -> ApiError {
    ApiError::too_many(
        "too_many_requests",
        "too many look-ups from this address: wait a little and try again",
        wait,
    )
}

/// Counts one public request of `address` against its allowance.
pub fn admit(state: &AppState, address: &ClientAddress) -> Result<(), ApiError> {
    let address = address.key();
    let guard = &state.guard;
    if let Some(wait) = guard.public_misses.wait(&address) {
        return Err(too_many(wait));
    }
    guard.public_address.hit(&address).map_err(too_many)
}

/// Counts a miss (an unknown code or office) and returns the answer for it.
pub fn missed(state: &AppState, address: &ClientAddress, what: &'static str) -> ApiError {
    match state.guard.public_misses.spend(&address.key()) {
        Some(wait) => too_many(wait),
        None => ApiError::not_found(what),
    }
}

/// The ticket with this public code, for a visitor at `address` (rate limited).
pub async fn ticket_by_code(
    state: &AppState,
    address: &ClientAddress,
    code: &str,
) -> Result<Ticket, ApiError> {
    admit(state, address)?;
    let code = code.trim().to_uppercase();
    let found = if code.is_empty() || code.len() > 32 {
        None
    } else {
        state.queues.store().ticket_by_public_code(&code).await?
    };
    found.ok_or_else(|| missed(state, address, "no ticket has this code"))
}

/// The office with this id as a visitor asks for it (rate limited).
pub fn office_for_visitor(
    state: &AppState,
    address: &ClientAddress,
    office: OfficeId,
) -> Result<OfficeId, ApiError> {
    admit(state, address)?;
    state
        .queues
        .office(office)
        .map(|_| office)
        .map_err(|_| missed(state, address, "no office has this number"))
}

/// A visitor looks up their ticket by the code printed on it. No sign-in; shows no
/// personal data.
#[utoipa::path(get, path = "/api/v1/public/tickets/{code}", tag = "public", params(("code" = String, Path)),
    responses((status = 200, body = PublicTicketStatus), (status = 404, body = ErrorBody),
        (status = 429, body = ErrorBody, description = "too many look-ups from this address; see Retry-After")))]
pub async fn status(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
) -> Result<Json<PublicTicketStatus>, ApiError> {
    let ticket = ticket_by_code(&state, &address, &code).await?;
    Ok(Json(state.queues.public_status_of(ticket).await?))
}

/// The ticket's public status as Server-Sent Events: one `status` event at once, then one
/// whenever the status changes (a call, the people ahead, the estimated wait …), until
/// the ticket's visit has ended. Each event's data is the whole status as JSON.
#[utoipa::path(get, path = "/api/v1/public/tickets/{code}/events", tag = "public", params(("code" = String, Path)),
    responses((status = 200, description = "text/event-stream of `status` events", content_type = "text/event-stream"),
        (status = 404, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn status_events(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let ticket = ticket_by_code(&state, &address, &code).await?;
    let stream = ticket_stream(state, ticket, |status| {
        Event::default()
            .event("status")
            .json_data(status)
            .unwrap_or_default()
    })
    .await?;
    Ok(sse(stream))
}

/// An SSE response that keeps itself alive through proxies.
pub fn sse<S>(stream: S) -> Sse<KeepAliveStream<S>>
where
    S: Stream<Item = Result<Event, Infallible>> + Send + 'static,
{
    Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

/// What a live stream of one ticket keeps between changes of its office.
struct Follow<F> {
    state: AppState,
    ticket: Ticket,
    view: watch::Receiver<Arc<PublicView>>,
    shutdown: watch::Receiver<bool>,
    last: Option<PublicTicketStatus>,
    first: Option<PublicTicketStatus>,
    render: F,
    _open: OpenStream,
}

/// Counts the open public streams (`talon_public_streams`) while it lives.
struct OpenStream;

impl OpenStream {
    fn new() -> Self {
        metrics::gauge!("talon_public_streams").increment(1.0);
        OpenStream
    }
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        metrics::gauge!("talon_public_streams").decrement(1.0);
    }
}

/// A ticket's public status now, then each time it changes: its office's view is
/// published once per commit, and this stream looks its own ticket up in it, so an open
/// page costs a hash look-up per change of the office. Ends when the server stops.
pub async fn ticket_stream<F>(
    state: AppState,
    ticket: Ticket,
    render: F,
) -> Result<impl Stream<Item = Result<Event, Infallible>> + Send + 'static, ApiError>
where
    F: Fn(&PublicTicketStatus) -> Event + Send + Sync + 'static,
{
    let queue = state.queues.office(ticket.office_id)?;
    // Watch first, then read: a change after this point is seen, one before is in `first`.
    let mut view = queue.watch_public();
    view.borrow_and_update();
    let first = state.queues.public_status_of(ticket.clone()).await?;
    let follow = Follow {
        shutdown: state.shutdown.clone(),
        state,
        ticket,
        view,
        last: None,
        first: Some(first),
        render,
        _open: OpenStream::new(),
    };
    Ok(futures_util::stream::unfold(follow, |mut f| async move {
        if let Some(first) = f.first.take() {
            let event = (f.render)(&first).retry(RECONNECT_AFTER);
            f.last = Some(first);
            return Some((Ok(event), f));
        }
        loop {
            if *f.shutdown.borrow() {
                return None;
            }
            tokio::select! {
                changed = f.view.changed() => changed.ok()?,
                _ = f.shutdown.changed() => continue,
            }
            let view = f.view.borrow_and_update().clone();
            let next = match view.tickets.get(&f.ticket.id) {
                Some(status) => Some(status.clone()),
                // Not in the view: it ended in a commit this stream did not see (two
                // commits in a row); read it once. An ended ticket does not change.
                None if f.last.as_ref().is_none_or(|l| l.status.is_active()) => {
                    f.state.queues.public_status_of(f.ticket.clone()).await.ok()
                }
                None => None,
            };
            if let Some(next) = next
                && f.last.as_ref() != Some(&next)
            {
                let event = (f.render)(&next);
                f.last = Some(next);
                return Some((Ok(event), f));
            }
        }
    }))
}

/// The visitor leaves the queue: a waiting or postponed ticket is cancelled ("left by the
/// visitor") and the hall display and the desks see it at once. 409 once the ticket has
/// been called or has ended.
#[utoipa::path(post, path = "/api/v1/public/tickets/{code}/leave", tag = "public", params(("code" = String, Path)),
    responses((status = 200, body = PublicTicketStatus, description = "the ticket, cancelled"),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "the ticket is not waiting or postponed"),
        (status = 429, body = ErrorBody)))]
pub async fn leave(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
) -> Result<Json<PublicTicketStatus>, ApiError> {
    let ticket = ticket_by_code(&state, &address, &code).await?;
    Ok(Json(state.queues.leave(&ticket).await?))
}

/// The visitor rates the visit after it: `rating` 5 (отлично) … 1 (очень плохо), an
/// optional comment. Once per ticket (a second rating: 409), only after the visit was
/// served and within the office's time for it (`feedback_hours`, 24 h by default).
#[utoipa::path(post, path = "/api/v1/public/tickets/{code}/feedback", tag = "public", params(("code" = String, Path)),
    request_body = FeedbackRequest,
    responses((status = 201, body = PublicTicketStatus, description = "stored; the status now says rated"),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not served, rated already, or the time to rate is over"),
        (status = 422, body = ErrorBody, description = "a rating outside 1..5 or a comment over its limit"),
        (status = 429, body = ErrorBody)))]
pub async fn feedback(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Json(request): Json<FeedbackRequest>,
) -> Result<(StatusCode, Json<PublicTicketStatus>), ApiError> {
    let ticket = ticket_by_code(&state, &address, &code).await?;
    if !(1..=5).contains(&request.rating) {
        return Err(ApiError::invalid(
            "rating must be 1 (very poor) to 5 (excellent)",
        ));
    }
    state
        .queues
        .feedback(&ticket, request.rating, request.comment)
        .await?;
    let status = state.queues.public_status_of(ticket).await?;
    Ok((StatusCode::CREATED, Json(status)))
}

/// The public office board: name, today's hours, each active topic's waiting count and
/// estimated wait, open windows. No sign-in; no names of staff or visitors.
#[utoipa::path(get, path = "/api/v1/public/offices/{office}", tag = "public", params(("office" = i64, Path)),
    responses((status = 200, body = PublicOffice), (status = 404, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn office(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<OfficeId>,
) -> Result<Json<PublicOffice>, ApiError> {
    let office = office_for_visitor(&state, &address, office)?;
    Ok(Json(state.queues.public_office(office).await?))
}

/// The office board now, then each time it changes. Ends when the server stops.
pub fn board_stream<F>(
    state: AppState,
    office: OfficeId,
    first: PublicOffice,
    render: F,
) -> Result<impl Stream<Item = Result<Event, Infallible>> + Send + 'static, ApiError>
where
    F: Fn(&PublicOffice) -> Event + Send + Sync + 'static,
{
    let queue = state.queues.office(office)?;
    let view = queue.watch_public();
    let shutdown = state.shutdown.clone();
    let start = (
        view,
        shutdown,
        None::<PublicOffice>,
        Some(first),
        (render, OpenStream::new()),
    );
    Ok(futures_util::stream::unfold(
        start,
        |(mut view, mut shutdown, mut last, mut first, render)| async move {
            if let Some(first) = first.take() {
                let event = (render.0)(&first).retry(RECONNECT_AFTER);
                return Some((Ok(event), (view, shutdown, Some(first), None, render)));
            }
            loop {
                if *shutdown.borrow() {
                    return None;
                }
                tokio::select! {
                    changed = view.changed() => changed.ok()?,
                    _ = shutdown.changed() => continue,
                }
                let board = view.borrow_and_update().board.clone();
                if last.as_ref() != Some(&board) {
                    let event = (render.0)(&board);
                    last = Some(board);
                    return Some((Ok(event), (view, shutdown, last, None, render)));
                }
            }
        },
    ))
}

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(status))
        .routes(utoipa_axum::routes!(status_events))
        .routes(utoipa_axum::routes!(leave))
        .routes(utoipa_axum::routes!(feedback))
        .routes(utoipa_axum::routes!(office))
}
