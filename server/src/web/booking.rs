//! The booking pages' routes: `GET /book/{office}` walks a visitor from what to book to
//! a free time (query `topic` or `staff`, then `day`; `move` carries a booking being
//! moved), `POST /book/{office}` books; `GET /b/{code}` is the booking (its code, QR and
//! calendar file), with cancel and move. Plain forms, answered with a redirect to the
//! booking (303), so a reload never books twice.

use super::booking_pages::{Bookable, Page, calendar, target_query};
use super::texts::{Lang, text};
use super::{Missing, error_page, no_store, office_number, office_zone, switch_href};
use crate::http::AppState;
use crate::http::bookings::by_code;
use crate::http::error::ApiError;
use crate::http::extract::{ClientAddress, Path};
use crate::http::public;
use crate::queues::NewBooking;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;
use talon_protocol::booking::{BookingTarget, BookingView};
use talon_protocol::{OfficeId, StaffId, TopicId};

/// The query of the booking steps; every field is optional and a malformed one counts
/// as absent (the visitor lands on the step before).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BookQuery {
    /// `en` for English; Russian otherwise.
    pub lang: Option<String>,
    /// A topic to book…
    pub topic: Option<String>,
    /// …or a person's reception.
    pub staff: Option<String>,
    /// The day (YYYY-MM-DD) whose free times to show.
    pub day: Option<String>,
    /// The code of a booking being moved.
    #[serde(rename = "move")]
    pub moving: Option<String>,
}

/// The booking form.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct BookForm {
    pub topic: Option<String>,
    pub staff: Option<String>,
    pub start: Option<String>,
    pub name: Option<String>,
    pub phone: Option<String>,
    /// `yes` when the visitor agreed to their name and phone being kept for the booking.
    pub consent: Option<String>,
    pub lang: Option<String>,
}

/// The cancel and move forms.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ChangeForm {
    pub start: Option<String>,
    pub lang: Option<String>,
}

fn target_of(topic: Option<&str>, staff: Option<&str>) -> Option<BookingTarget> {
    let number = |raw: Option<&str>| raw.and_then(|r| r.trim().parse::<i64>().ok());
    match (number(topic), number(staff)) {
        (Some(topic), None) => Some(BookingTarget::Topic(TopicId(topic))),
        (None, Some(staff)) => Some(BookingTarget::Staff(StaffId(staff))),
        _ => None,
    }
}

/// The time a form chose, as the slots page wrote it (RFC 3339).
fn slot_start(raw: Option<&str>) -> Option<chrono::DateTime<chrono::Utc>> {
    raw.and_then(|s| chrono::DateTime::parse_from_rfc3339(s.trim()).ok())
        .map(|s| s.with_timezone(&chrono::Utc))
}

fn moving_code(raw: Option<&str>) -> Option<String> {
    raw.map(|c| c.trim().to_string())
        .filter(|c| crate::queues::is_booking_code(c))
}

fn html(status: StatusCode, body: String) -> Response {
    let mut response = (status, Html(body)).into_response();
    no_store(&mut response);
    response
}

/// What the office lets visitors book: its bookable topics, then its receptions.
async fn bookables(
    state: &AppState,
    office: OfficeId,
) -> Result<(String, Vec<Bookable>), ApiError> {
    let snapshot = state.queues.snapshot(office).await?;
    let mut list: Vec<Bookable> = snapshot
        .topics
        .iter()
        .filter(|t| t.active && t.booking.bookable)
        .map(|t| Bookable {
            target: BookingTarget::Topic(t.id),
            name_ru: t.name_ru.clone(),
            name_en: t.name_en.clone(),
        })
        .collect();
    list.extend(
        state
            .queues
            .receptions(office)
            .await?
            .into_iter()
            .filter(|r| r.booking.bookable)
            .map(|r| Bookable {
                target: BookingTarget::Staff(r.staff_id),
                name_ru: r.title_ru,
                name_en: r.title_en,
            }),
    );
    Ok((snapshot.office.name, list))
}

/// The steps of booking: what, the day, a free time.
#[utoipa::path(get, path = "/book/{office}", tag = "public", params(("office" = i64, Path), BookQuery),
    responses((status = 200, description = "a step of booking", content_type = "text/html"),
        (status = 404, description = "no such office (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many requests from this address (a page saying so)", content_type = "text/html")))]
pub async fn book_page(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<String>,
    Query(query): Query<BookQuery>,
) -> Response {
    let lang = Lang::from_query(query.lang.as_deref());
    let href = switch_href(&format!("/book/{}", office.trim()), lang);
    let page = async {
        let office = office_number(&office)
            .ok_or_else(|| public::missed(&state, &address, "no office has this number"))?;
        let office = public::office_for_visitor(&state, &address, office)?;
        let (office_name, bookables) = bookables(&state, office).await?;
        let tz = office_zone(&state, office).await?;
        let moving = moving_code(query.moving.as_deref());
        let page = Page {
            lang,
            office_name: &office_name,
            switch_href: href.clone(),
        };
        let target = target_of(query.topic.as_deref(), query.staff.as_deref());
        let Some(bookable) = bookables.iter().find(|b| Some(b.target) == target) else {
            return Ok(page.choose_target(office.0, &bookables, moving.as_deref()));
        };
        let today = crate::engine::hours::service_day(tz, state.queues.now());
        let day = query
            .day
            .as_deref()
            .and_then(|d| d.trim().parse::<NaiveDate>().ok());
        match day {
            Some(day) => {
                let slots = state
                    .queues
                    .slots(office, bookable.target, day, day)
                    .await?;
                Ok(page.choose_time(office.0, bookable, day, &slots, tz, moving.as_deref()))
            }
            None => {
                let last = today + Duration::days(crate::engine::bookings::MAX_QUERY_DAYS - 1);
                let slots = state
                    .queues
                    .slots(office, bookable.target, today, last)
                    .await?;
                let mut days: BTreeMap<NaiveDate, u32> = BTreeMap::new();
                for slot in &slots {
                    let day = slot.start.with_timezone(&tz).date_naive();
                    *days.entry(day).or_default() += slot.free;
                }
                let days: Vec<(NaiveDate, u32)> = days.into_iter().collect();
                Ok(page.choose_day(office.0, bookable, &days, moving.as_deref()))
            }
        }
    };
    match page.await {
        Ok(body) => html(StatusCode::OK, body),
        Err(error) => error_page(lang, error, Missing::Office, &href),
    }
}

/// The visitor's words for a booking refused.
fn refusal_text(lang: Lang, error: &ApiError) -> String {
    let id = match error.code {
        "slot_taken" => "web-book-slot-taken",
        "not_a_slot" | "too_soon" | "outside_booking_days" => "web-book-slot-gone",
        "contact_limit" => "web-book-contact-limit",
        "not_bookable" => "web-book-none",
        "booking_not_active" | "already_checked_in" => "web-booking-not-active",
        "same_slot" => "web-book-same-slot",
        _ => "web-error-other",
    };
    text(lang, id)
}

fn refusal_status(error: &ApiError) -> StatusCode {
    if error.status.is_client_error() {
        error.status
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

/// Books the chosen time and shows the booking.
#[utoipa::path(post, path = "/book/{office}", tag = "public", params(("office" = i64, Path)),
    request_body(content = BookForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 303, description = "booked: to the booking's page"),
        (status = 404, description = "no such office (a page saying so)", content_type = "text/html"),
        (status = 409, description = "the time was taken meanwhile (a page saying so)", content_type = "text/html"),
        (status = 422, description = "no time chosen, or a contact without consent (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many requests from this address (a page saying so)", content_type = "text/html")))]
pub async fn book(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<String>,
    Form(form): Form<BookForm>,
) -> Response {
    let lang = Lang::from_query(form.lang.as_deref());
    let href = switch_href(&format!("/book/{}", office.trim()), lang);
    let Some(office) = office_number(&office) else {
        let error = public::missed(&state, &address, "no office has this number");
        return error_page(lang, error, Missing::Office, &href);
    };
    let office = match public::office_for_visitor(&state, &address, office) {
        Ok(office) => office,
        Err(error) => return error_page(lang, error, Missing::Office, &href),
    };
    let office_name = match state.queues.snapshot(office).await {
        Ok(snapshot) => snapshot.office.name,
        Err(error) => return error_page(lang, error.into(), Missing::Office, &href),
    };
    let page = Page {
        lang,
        office_name: &office_name,
        switch_href: href.clone(),
    };
    let target = target_of(form.topic.as_deref(), form.staff.as_deref());
    let start = slot_start(form.start.as_deref());
    // Back to the same day's times (or the step before, when the form lacked them).
    let lang_part = if lang == Lang::En { "&lang=en" } else { "" };
    let back = match (target, start, office_zone(&state, office).await) {
        (Some(target), Some(start), Ok(tz)) => format!(
            "/book/{office}?{}&day={}{lang_part}",
            target_query(target),
            start.with_timezone(&tz).date_naive()
        ),
        (Some(target), _, _) => format!("/book/{office}?{}{lang_part}", target_query(target)),
        (None, _, _) => format!("/book/{office}{}", super::pages::lang_query(lang)),
    };
    let (Some(target), Some(start)) = (target, start) else {
        let message = text(lang, "web-book-choose-a-time");
        return html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page.refused(&message, &back),
        );
    };
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
    let consented = form.consent.as_deref() == Some("yes");
    if (filled(&form.name) || filled(&form.phone)) && !consented {
        let message = text(lang, "web-book-consent-needed");
        return html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page.refused(&message, &back),
        );
    }
    let over =
        |v: &Option<String>, max: usize| v.as_deref().is_some_and(|v| v.chars().nth(max).is_some());
    if over(&form.name, talon_protocol::limits::NAME)
        || over(&form.phone, talon_protocol::limits::PHONE)
    {
        let message = text(lang, "web-book-contact-too-long");
        return html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page.refused(&message, &back),
        );
    }
    let booked = state
        .queues
        .book(
            office,
            NewBooking {
                target,
                start,
                name: form.name,
                phone: form.phone,
            },
        )
        .await;
    match booked {
        Ok(stored) => see_booking(&stored.private.code, lang),
        Err(error) => {
            let error = ApiError::from(error);
            html(
                refusal_status(&error),
                page.refused(&refusal_text(lang, &error), &back),
            )
        }
    }
}

fn see_booking(code: &str, lang: Lang) -> Response {
    Redirect::to(&format!("/b/{code}{}", super::pages::lang_query(lang))).into_response()
}

/// The booking's page, or the error page for an unknown code.
async fn with_booking(
    state: &AppState,
    address: &ClientAddress,
    code: &str,
    lang: Lang,
    render: impl FnOnce(&Page<'_>, &BookingView, chrono_tz::Tz) -> Response,
) -> Response {
    let href = switch_href(&format!("/b/{}", code.trim()), lang);
    let found = async {
        let stored = by_code(state, address, code).await?;
        let view = state.queues.booking_view(&stored).await?;
        let tz = office_zone(state, stored.booking.office_id).await?;
        Ok::<_, ApiError>((view, tz))
    };
    match found.await {
        Ok((view, tz)) => {
            let page = Page {
                lang,
                office_name: &view.office_name,
                switch_href: href,
            };
            render(&page, &view, tz)
        }
        Err(error) => error_page(lang, error, Missing::Booking, &href),
    }
}

/// The booking's own address, for its QR code: as the visitor's browser reached us.
fn own_url(headers: &HeaderMap, code: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic()))
        .unwrap_or("localhost");
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}/b/{code}")
}

fn qr_svg(data: &str) -> String {
    match qrcode::QrCode::new(data.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(180, 180)
                .build();
            // Inline in the page: without the XML declaration.
            svg.find("<svg")
                .map(|at| svg[at..].to_string())
                .unwrap_or_default()
        }
        Err(_) => String::new(),
    }
}

/// A booking: its code, when, check-in, QR code, calendar file, move and cancel.
#[utoipa::path(get, path = "/b/{code}", tag = "public", params(("code" = String, Path), super::PageQuery),
    responses((status = 200, description = "the booking", content_type = "text/html"),
        (status = 404, description = "no booking has this code (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many look-ups from this address (a page saying so)", content_type = "text/html")))]
pub async fn booking_page(
    State(state): State<AppState>,
    address: ClientAddress,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(query): Query<super::PageQuery>,
) -> Response {
    let lang = query.lang();
    with_booking(&state, &address, &code, lang, |page, view, tz| {
        let qr = qr_svg(&own_url(&headers, &view.code));
        html(StatusCode::OK, page.booking(view, &qr, tz))
    })
    .await
}

/// The booking as an `.ics` file for the visitor's calendar.
#[utoipa::path(get, path = "/b/{code}/calendar.ics", tag = "public", params(("code" = String, Path), super::PageQuery),
    responses((status = 200, description = "an iCalendar file", content_type = "text/calendar"),
        (status = 404, description = "no booking has this code (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many look-ups from this address (a page saying so)", content_type = "text/html")))]
pub async fn booking_calendar(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Query(query): Query<super::PageQuery>,
) -> Response {
    let lang = query.lang();
    let now = state.queues.now();
    with_booking(&state, &address, &code, lang, |_, view, _| {
        let title = view.title(lang == Lang::En);
        let summary = format!("{title} — {}", view.office_name);
        let mut response = calendar(view, &summary, now).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/calendar; charset=utf-8"),
        );
        if let Ok(value) =
            HeaderValue::from_str(&format!("attachment; filename=\"talon-{}.ics\"", view.code))
        {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
        response
    })
    .await
}

/// The question before cancelling.
#[utoipa::path(get, path = "/b/{code}/cancel", tag = "public", params(("code" = String, Path), super::PageQuery),
    responses((status = 200, description = "cancel the booking? (a page)", content_type = "text/html"),
        (status = 404, description = "no booking has this code (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many look-ups from this address (a page saying so)", content_type = "text/html")))]
pub async fn cancel_page(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Query(query): Query<super::PageQuery>,
) -> Response {
    let lang = query.lang();
    with_booking(&state, &address, &code, lang, |page, view, tz| {
        html(StatusCode::OK, page.confirm_cancel(view, tz))
    })
    .await
}

/// Cancels the booking, then shows it.
#[utoipa::path(post, path = "/b/{code}/cancel", tag = "public", params(("code" = String, Path)),
    request_body(content = ChangeForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 303, description = "cancelled: to the booking's page"),
        (status = 404, description = "no booking has this code (a page saying so)", content_type = "text/html"),
        (status = 409, description = "checked in, missed or cancelled already (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many look-ups from this address (a page saying so)", content_type = "text/html")))]
pub async fn cancel(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Form(form): Form<ChangeForm>,
) -> Response {
    change(&state, &address, &code, form, false).await
}

/// Moves the booking to the chosen time, then shows it.
#[utoipa::path(post, path = "/b/{code}/move", tag = "public", params(("code" = String, Path)),
    request_body(content = ChangeForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 303, description = "moved: to the booking's page"),
        (status = 404, description = "no booking has this code (a page saying so)", content_type = "text/html"),
        (status = 409, description = "the time was taken meanwhile, or the booking is not active (a page saying so)", content_type = "text/html"),
        (status = 422, description = "no time chosen (a page saying so)", content_type = "text/html"),
        (status = 429, description = "too many look-ups from this address (a page saying so)", content_type = "text/html")))]
pub async fn move_to(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Form(form): Form<ChangeForm>,
) -> Response {
    change(&state, &address, &code, form, true).await
}

async fn change(
    state: &AppState,
    address: &ClientAddress,
    code: &str,
    form: ChangeForm,
    moving: bool,
) -> Response {
    let lang = Lang::from_query(form.lang.as_deref());
    let href = switch_href(&format!("/b/{}", code.trim()), lang);
    let stored = match by_code(state, address, code).await {
        Ok(stored) => stored,
        Err(error) => return error_page(lang, error, Missing::Booking, &href),
    };
    let view = match state.queues.booking_view(&stored).await {
        Ok(view) => view,
        Err(error) => return error_page(lang, error.into(), Missing::Booking, &href),
    };
    let page = Page {
        lang,
        office_name: &view.office_name,
        switch_href: href,
    };
    let back = format!("/b/{}{}", view.code, super::pages::lang_query(lang));
    let result = if moving {
        let start = slot_start(form.start.as_deref());
        let Some(start) = start else {
            let message = text(lang, "web-book-choose-a-time");
            return html(
                StatusCode::UNPROCESSABLE_ENTITY,
                page.refused(&message, &back),
            );
        };
        state.queues.move_booking(&stored, start).await
    } else {
        state.queues.cancel_booking(&stored).await
    };
    match result {
        Ok(changed) => see_booking(&changed.private.code, lang),
        Err(error) => {
            let error = ApiError::from(error);
            html(
                refusal_status(&error),
                page.refused(&refusal_text(lang, &error), &back),
            )
        }
    }
}
