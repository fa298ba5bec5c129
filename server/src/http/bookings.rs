//! Appointments over HTTP: free slots and booking (public, like the visitor pages, and
//! rate-limited the same way), a booking by its code (look up, cancel, move), check-in
//! (a kiosk or staff), the day's bookings with contacts (staff) and reception hours.

use super::AppState;
use super::error::ApiError;
use super::extract::{ClientAddress, Json, Path, Principal, Query};
use super::public::{admit, missed, office_for_visitor};
use crate::queues::NewBooking;
use crate::store::StoredBooking;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::Deserialize;
use talon_protocol::api::{ErrorBody, Role, TicketReceipt};
use talon_protocol::booking::{
    BookingRequest, BookingTarget, BookingView, CheckInRequest, MoveBookingRequest, Reception,
    ReceptionInput, Slot, StaffBookingView,
};
use talon_protocol::{OfficeId, StaffId, TopicId};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SlotsQuery {
    /// A topic's slots…
    pub topic: Option<TopicId>,
    /// …or a person's (one of the two).
    pub staff: Option<StaffId>,
    #[param(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[param(value_type = String, format = Date)]
    pub to: NaiveDate,
}

/// The slots of a topic or a person's reception on the office-local days `from..=to`
/// (at most 31) that can still be booked, with their free places.
#[utoipa::path(get, path = "/api/v1/offices/{office}/slots", tag = "bookings",
    params(("office" = i64, Path), SlotsQuery),
    responses((status = 200, body = [Slot]), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not bookable"),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn slots(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<OfficeId>,
    Query(query): Query<SlotsQuery>,
) -> Result<Json<Vec<Slot>>, ApiError> {
    let office = office_for_visitor(&state, &address, office)?;
    let target = match (query.topic, query.staff) {
        (Some(topic), None) => BookingTarget::Topic(topic),
        (None, Some(staff)) => BookingTarget::Staff(staff),
        _ => return Err(ApiError::invalid("give either topic or staff")),
    };
    Ok(Json(
        state
            .queues
            .slots(office, target, query.from, query.to)
            .await?,
    ))
}

/// Books a slot: the visitor on the web, or staff for a visitor who phoned. The answer
/// holds the code to check in with. A slot taken a moment ago is a 409 `slot_taken`.
#[utoipa::path(post, path = "/api/v1/offices/{office}/bookings", tag = "bookings",
    params(("office" = i64, Path)), request_body = BookingRequest,
    responses((status = 201, body = BookingView, description = "booked; `code` is the visitor's"),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "slot_taken, not_a_slot, too_soon, outside_booking_days, not_bookable, contact_limit"),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn book(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<OfficeId>,
    Json(request): Json<BookingRequest>,
) -> Result<(StatusCode, Json<BookingView>), ApiError> {
    let office = office_for_visitor(&state, &address, office)?;
    let target = request
        .target()
        .ok_or_else(|| ApiError::invalid("give either topic_id or staff_id"))?;
    let stored = state
        .queues
        .book(
            office,
            NewBooking {
                target,
                start: request.start,
                name: request.name,
                phone: request.phone,
            },
        )
        .await?;
    let view = state.queues.booking_view(&stored).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DaysQuery {
    #[param(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[param(value_type = String, format = Date)]
    pub to: NaiveDate,
}

/// The office's bookings of the local days `from..=to` (at most 31), with the visitors'
/// names and phones: for the office's staff.
#[utoipa::path(get, path = "/api/v1/offices/{office}/bookings", tag = "bookings",
    params(("office" = i64, Path), DaysQuery), security(("bearer" = [])),
    responses((status = 200, body = [StaffBookingView]), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Query(query): Query<DaysQuery>,
) -> Result<Json<Vec<StaffBookingView>>, ApiError> {
    state.queues.office(office)?;
    principal.staff_of(office, &[Role::Agent, Role::Head])?;
    if query.to < query.from || (query.to - query.from).num_days() >= 31 {
        return Err(ApiError::invalid(
            "ask for 1 to 31 days, `from` not after `to`",
        ));
    }
    let stored = state
        .queues
        .bookings_of_days(office, query.from, query.to)
        .await?;
    let mut views = Vec::with_capacity(stored.len());
    for booking in stored {
        views.push(StaffBookingView {
            view: state.queues.booking_view(&booking).await?,
            name: booking.private.name,
            phone: booking.private.phone,
            ticket_id: booking.booking.ticket_id,
        });
    }
    Ok(Json(views))
}

/// The booking with this code, for its visitor (rate limited).
pub async fn by_code(
    state: &AppState,
    address: &ClientAddress,
    code: &str,
) -> Result<StoredBooking, ApiError> {
    admit(state, address)?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    state
        .queues
        .booking(&code)
        .await?
        .ok_or_else(|| missed(state, address, "no booking has this code"))
}

/// A booking by its code: what, when, its status, when check-in opens.
#[utoipa::path(get, path = "/api/v1/public/bookings/{code}", tag = "bookings", params(("code" = String, Path)),
    responses((status = 200, body = BookingView), (status = 404, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
) -> Result<Json<BookingView>, ApiError> {
    let stored = by_code(&state, &address, &code).await?;
    Ok(Json(state.queues.booking_view(&stored).await?))
}

/// Cancels a booking: its place is free at once.
#[utoipa::path(delete, path = "/api/v1/public/bookings/{code}", tag = "bookings", params(("code" = String, Path)),
    responses((status = 200, body = BookingView, description = "cancelled"), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "checked in, cancelled or passed already"),
        (status = 429, body = ErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
) -> Result<Json<BookingView>, ApiError> {
    let stored = by_code(&state, &address, &code).await?;
    let cancelled = state.queues.cancel_booking(&stored).await?;
    Ok(Json(state.queues.booking_view(&cancelled).await?))
}

/// Moves a booking to another free slot of the same topic or person.
#[utoipa::path(post, path = "/api/v1/public/bookings/{code}/move", tag = "bookings", params(("code" = String, Path)),
    request_body = MoveBookingRequest,
    responses((status = 200, body = BookingView, description = "moved"), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "slot_taken, not_a_slot, too_soon, same_slot, or not active"),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn move_to(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(code): Path<String>,
    Json(request): Json<MoveBookingRequest>,
) -> Result<Json<BookingView>, ApiError> {
    let stored = by_code(&state, &address, &code).await?;
    let moved = state.queues.move_booking(&stored, request.start).await?;
    Ok(Json(state.queues.booking_view(&moved).await?))
}

/// Checks a booked visitor in (the office's kiosk, or staff in the hall): within the
/// check-in window the visitor's ticket; a repeat gives the same ticket (200). Too early
/// is a 409 `check_in_too_early` with `next_opening`; too late, `check_in_too_late`
/// (take a ticket for the queue).
#[utoipa::path(post, path = "/api/v1/offices/{office}/check-in", tag = "bookings",
    params(("office" = i64, Path)), request_body = CheckInRequest, security(("bearer" = [])),
    responses((status = 201, body = TicketReceipt, description = "checked in: the ticket"),
        (status = 200, body = TicketReceipt, description = "checked in before: the same ticket"),
        (status = 404, body = ErrorBody, description = "no booking has this code in this office"),
        (status = 409, body = ErrorBody, description = "too early, too late, cancelled or missed"),
        (status = 422, body = ErrorBody)))]
pub async fn check_in(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Json(request): Json<CheckInRequest>,
) -> Result<(StatusCode, Json<TicketReceipt>), ApiError> {
    state.queues.office(office)?;
    principal.may_issue(office)?;
    let code: String = request
        .code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (receipt, created) = state.queues.check_in(office, &code).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(receipt)))
}

/// The office's reception hours by appointment (public: the booking page lists them by
/// title, never by name).
#[utoipa::path(get, path = "/api/v1/offices/{office}/receptions", tag = "bookings",
    params(("office" = i64, Path)),
    responses((status = 200, body = [Reception]), (status = 404, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn receptions(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(office): Path<OfficeId>,
) -> Result<Json<Vec<Reception>>, ApiError> {
    let office = office_for_visitor(&state, &address, office)?;
    Ok(Json(state.queues.receptions(office).await?))
}

/// Sets a person's reception hours (the office head or an admin).
#[utoipa::path(put, path = "/api/v1/offices/{office}/receptions/{staff}", tag = "bookings",
    params(("office" = i64, Path), ("staff" = i64, Path)), request_body = ReceptionInput,
    security(("bearer" = [])),
    responses((status = 200, body = Reception), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_reception(
    State(state): State<AppState>,
    principal: Principal,
    Path((office, staff)): Path<(OfficeId, StaffId)>,
    Json(input): Json<ReceptionInput>,
) -> Result<Json<Reception>, ApiError> {
    state.queues.office(office)?;
    principal.manager_of(office)?;
    let stamp = principal.stamp(state.queues.now())?;
    let person = state
        .queues
        .store()
        .staff_by_id(staff)
        .await?
        .filter(|p| p.user.role == Role::Admin || p.user.offices.contains(&office))
        .ok_or_else(|| ApiError::not_found("no member of staff of this office has this id"))?;
    let reception = Reception {
        staff_id: person.user.id,
        office_id: office,
        title_ru: input.title_ru,
        title_en: input.title_en,
        topic_id: input.topic_id,
        hours: input.hours,
        booking: input.booking,
    };
    Ok(Json(
        state
            .queues
            .put_reception(office, reception, &stamp.author)
            .await?,
    ))
}

/// This module's routes, each with its OpenAPI operation.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(slots))
        .routes(utoipa_axum::routes!(book, list))
        .routes(utoipa_axum::routes!(show, cancel))
        .routes(utoipa_axum::routes!(move_to))
        .routes(utoipa_axum::routes!(check_in))
        .routes(utoipa_axum::routes!(receptions))
        .routes(utoipa_axum::routes!(put_reception))
}
