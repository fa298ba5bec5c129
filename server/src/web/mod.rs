//! The visitor's pages, served by the server itself: server-rendered HTML with a little
//! JavaScript, every asset embedded in the binary, Russian first with an English switch
//! (`?lang=en`), made for a phone and for screen readers.
//!
//! * `GET /t/{code}`: the ticket page the kiosk's QR code opens, live over
//!   `GET /t/{code}/events` (Server-Sent Events carrying the status already in words);
//! * `GET /o/{office}`: the public office board, live over `GET /o/{office}/events`;
//!   `?embed=1` leaves out the header and footer, for a frame on the company's site.
//!
//! * `GET /book/{office}`: booking ahead, step by step, and `GET /b/{code}`: the booking
//!   (plain forms; see `booking`).
//!
//! Unknown codes and offices get a plain 404 page; the limits of the public API apply.

mod booking;
pub mod booking_pages;
pub mod pages;
pub mod texts;

use crate::http::AppState;
use crate::http::error::ApiError;
use crate::http::extract::{ClientAddress, Path};
use crate::http::public;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::Event;
use axum::response::{Html, IntoResponse, Response};
use chrono_tz::Tz;
use talon_protocol::OfficeId;
use texts::Lang;

/// `?lang=en` for English (Russian otherwise), `?embed=1` for the board without its
/// header and footer. Other parameters (a site's tracking tags) are ignored.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// `en` for English; Russian otherwise.
    pub lang: Option<String>,
    /// `1` (office board only): no header and footer, for embedding.
    pub embed: Option<String>,
}

impl PageQuery {
    fn lang(&self) -> Lang {
        Lang::from_query(self.lang.as_deref())
    }

    fn embed(&self) -> bool {
        matches!(self.embed.as_deref(), Some("1" | "true" | "yes"))
    }
}

/// A refusal as a page in the visitor's language (404 unknown, 429 too many, else a
/// plain "something went wrong").
fn error_page(lang: Lang, error: ApiError, kind: Missing, switch_href: &str) -> Response {
    let (title, text) = match (error.status, kind) {
        (StatusCode::NOT_FOUND, Missing::Ticket) => {
            ("web-not-found-title", Some("web-not-found-text"))
        }
        (StatusCode::NOT_FOUND, Missing::Office) => (
            "web-office-not-found-title",
            Some("web-office-not-found-text"),
        ),
        (StatusCode::NOT_FOUND, Missing::Booking) => (
            "web-booking-not-found-title",
            Some("web-booking-not-found-text"),
        ),
        (StatusCode::TOO_MANY_REQUESTS, _) => ("web-too-many-title", Some("web-too-many-text")),
        _ => ("web-error-other", None),
    };
    let mut response = (
        error.status,
        Html(pages::message_page(lang, title, text, switch_href)),
    )
        .into_response();
    if let Some(wait) = error.retry_after {
        let secs = wait.as_secs().max(1);
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    no_store(&mut response);
    response
}

#[derive(Clone, Copy)]
enum Missing {
    Ticket,
    Office,
    Booking,
}

/// Pages show the queue as it is now: never from a cache.
fn no_store(response: &mut Response) {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

fn switch_href(path: &str, lang: Lang) -> String {
    match lang.other() {
        Lang::En => format!("{path}?lang=en"),
        Lang::Ru => path.to_string(),
    }
}

async fn office_zone(state: &AppState, office: OfficeId) -> Result<Tz, ApiError> {
    let queue = state.queues.office(office)?;
    Ok(queue.lock().await.office.time_zone.tz())
}

/// The visitor's ticket page: what the kiosk's QR code and printed ticket open.
#[utoipa::path(get, path = "/t/{code}", tag = "public", params(("code" = String, Path), PageQuery),
    responses((status = 200, description = "the ticket page", content_type = "text/html"),
        (status = 404, description = "no ticket has this code (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many look-ups from this address (a page saying so)", content_type = "text/html")))]
pub async fn ticket_page(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Query(query): Query<PageQuery>,
) -> Response {
    let lang = query.lang();
    let href = switch_href(&format!("/t/{}", code.trim()), lang);
    let page = async {
        let ticket = public::ticket_by_code(&state, &address, &code).await?;
        let tz = office_zone(&state, ticket.office_id).await?;
        let code = ticket.public_code.clone();
        let status = state.queues.public_status_of(ticket).await?;
        Ok::<_, ApiError>(pages::ticket_page(lang, &code, &status, tz))
    };
    match page.await {
        Ok(html) => {
            let mut response = Html(html).into_response();
            no_store(&mut response);
            response
        }
        Err(error) => error_page(lang, error, Missing::Ticket, &href),
    }
}

/// The ticket page's live stream: `status` events whose data is the status and its
/// parts already written in the page's language.
#[utoipa::path(get, path = "/t/{code}/events", tag = "public", params(("code" = String, Path), PageQuery),
    responses((status = 200, description = "text/event-stream of `status` events", content_type = "text/event-stream"),
        (status = 404, body = talon_protocol::api::ErrorBody), (status = 429, body = talon_protocol::api::ErrorBody)))]
pub async fn ticket_events(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let lang = query.lang();
    let ticket = public::ticket_by_code(&state, &address, &code).await?;
    let tz = office_zone(&state, ticket.office_id).await?;
    let stream = public::ticket_stream(state, ticket, move |status| {
        let message = pages::ticket_message(lang, status, tz);
        Event::default().event("status").data(message.to_string())
    })
    .await?;
    Ok(public::sse(stream))
}

/// The office with the number in the address, for a page (a number or nothing).
fn office_number(raw: &str) -> Option<OfficeId> {
    raw.trim().parse().ok().map(OfficeId)
}

/// The public office board.
#[utoipa::path(get, path = "/o/{office}", tag = "public", params(("office" = i64, Path), PageQuery),
    responses((status = 200, description = "the office board", content_type = "text/html"),
        (status = 404, description = "no such office (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many look-ups from this address (a page saying so)", content_type = "text/html")))]
pub async fn board_page(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<String>,
    Query(query): Query<PageQuery>,
) -> Response {
    let lang = query.lang();
    let href = switch_href(&format!("/o/{}", office.trim()), lang);
    let page = async {
        let office = office_number(&office)
            .ok_or_else(|| public::missed(&state, &address, "no office has this number"))?;
        let office = public::office_for_visitor(&state, &address, office)?;
        let board = state.queues.public_office(office).await?;
        Ok::<_, ApiError>(pages::board_page(lang, &board, query.embed()))
    };
    match page.await {
        Ok(html) => {
            let mut response = Html(html).into_response();
            no_store(&mut response);
            response
        }
        Err(error) => error_page(lang, error, Missing::Office, &href),
    }
}

/// The office board's live stream: `board` events with the figures in the page's
/// language.
#[utoipa::path(get, path = "/o/{office}/events", tag = "public", params(("office" = i64, Path), PageQuery),
    responses((status = 200, description = "text/event-stream of `board` events", content_type = "text/event-stream"),
        (status = 404, body = talon_protocol::api::ErrorBody), (status = 429, body = talon_protocol::api::ErrorBody)))]
pub async fn board_events(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let lang = query.lang();
    let office = office_number(&office)
        .ok_or_else(|| public::missed(&state, &address, "no office has this number"))?;
    let office = public::office_for_visitor(&state, &address, office)?;
    let first = state.queues.public_office(office).await?;
    let stream = public::board_stream(state, office, first, move |board| {
        Event::default()
            .event("board")
            .data(pages::board_message(lang, board).to_string())
    })?;
    Ok(public::sse(stream))
}

/// The pages' routes, documented with the API (tag "public").
pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(ticket_page))
        .routes(utoipa_axum::routes!(ticket_events))
        .routes(utoipa_axum::routes!(board_page))
        .routes(utoipa_axum::routes!(board_events))
        .routes(utoipa_axum::routes!(booking::book_page, booking::book))
        .routes(utoipa_axum::routes!(booking::booking_page))
        .routes(utoipa_axum::routes!(booking::booking_calendar))
        .routes(utoipa_axum::routes!(booking::cancel_page, booking::cancel))
        .routes(utoipa_axum::routes!(booking::move_to))
}
