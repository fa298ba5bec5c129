//! Administration: windows, staff and devices.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use crate::credentials::{self, DEVICE_PREFIX};
use crate::engine::Command;
use crate::log_text::escaped;
use axum::extract::State;
use axum::http::StatusCode;
use talon_protocol::api::{
    Device, DeviceCreated, DeviceFault, DeviceInput, ErrorBody, Role, StaffInput, StaffUpdate,
    User, WindowInput, WindowTopicsRequest,
};
use talon_protocol::limits::{FAULT_KIND, FAULT_MESSAGE, PASSWORD_MIN};
use talon_protocol::{DeviceId, OfficeId, StaffId, Window, WindowId};

/// Adds a window (closed until an agent opens it). Head of the office or admin.
#[utoipa::path(post, path = "/api/v1/offices/{office}/windows", tag = "admin", params(("office" = i64, Path)),
    request_body = WindowInput, security(("bearer" = [])),
    responses((status = 201, body = Window), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_window(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Json(input): Json<WindowInput>,
) -> Result<(StatusCode, Json<Window>), ApiError> {
    state.queues.office(office)?;
    principal.staff_of(office, &[Role::Head])?;
    let window = state
        .queues
        .create_window(office, input.label, input.topics)
        .await?;
    Ok((StatusCode::CREATED, Json(window)))
}

fn window_office(state: &AppState, id: WindowId) -> Result<OfficeId, ApiError> {
    state
        .queues
        .office_of_window(id)
        .ok_or_else(|| ApiError::not_found(format!("window {id} does not exist")))
}

/// Changes a window's label and topics. Head of the office or admin.
#[utoipa::path(put, path = "/api/v1/windows/{window}", tag = "admin", params(("window" = i64, Path)),
    request_body = WindowInput, security(("bearer" = [])),
    responses((status = 200, body = Window), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_window(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<WindowId>,
    Json(input): Json<WindowInput>,
) -> Result<Json<Window>, ApiError> {
    let office = window_office(&state, id)?;
    principal.staff_of(office, &[Role::Head])?;
    configure(&state, office, id, Some(input.label), input.topics).await
}

/// Changes only which topics a window serves: how an office head splits a long queue by
/// topic between windows (LNA-0009-4 §5.4.7).
#[utoipa::path(put, path = "/api/v1/windows/{window}/topics", tag = "windows", params(("window" = i64, Path)),
    request_body = WindowTopicsRequest, security(("bearer" = [])),
    responses((status = 200, body = Window), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_window_topics(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<WindowId>,
    Json(input): Json<WindowTopicsRequest>,
) -> Result<Json<Window>, ApiError> {
    let office = window_office(&state, id)?;
    principal.staff_of(office, &[Role::Head])?;
    configure(&state, office, id, None, input.topics).await
}

async fn configure(
    state: &AppState,
    office: OfficeId,
    id: WindowId,
    label: Option<String>,
    topics: Vec<talon_protocol::TopicId>,
) -> Result<Json<Window>, ApiError> {
    let command = Command::ConfigureWindow {
        window_id: id,
        label,
        topics,
    };
    let window = state
        .queues
        .execute(office, command, |s, _| s.windows[&id].clone())
        .await?;
    Ok(Json(window))
}

/// All staff (admin).
#[utoipa::path(get, path = "/api/v1/staff", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<User>), (status = 403, body = ErrorBody)))]
pub async fn list_staff(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<User>>, ApiError> {
    principal.admin()?;
    Ok(Json(state.queues.store().all_staff().await?))
}

fn check_offices(state: &AppState, offices: &[OfficeId]) -> Result<(), ApiError> {
    for office in offices {
        state
            .queues
            .office(*office)
            .map_err(|_| ApiError::invalid(format!("office {office} does not exist")))?;
    }
    Ok(())
}

fn check_password(password: &str) -> Result<(), ApiError> {
    if password.chars().count() < PASSWORD_MIN {
        return Err(ApiError::invalid(format!(
            "a password has at least {PASSWORD_MIN} characters"
        )));
    }
    Ok(())
}

async fn hash(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || credentials::hash_password(&password))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)
}

/// Adds a member of staff (admin).
#[utoipa::path(post, path = "/api/v1/staff", tag = "admin", request_body = StaffInput, security(("bearer" = [])),
    responses((status = 201, body = User), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_staff(
    State(state): State<AppState>,
    principal: Principal,
    Json(input): Json<StaffInput>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    principal.admin()?;
    let login = input.login.trim();
    if login.is_empty() || input.name.trim().is_empty() {
        return Err(ApiError::invalid(
            "a member of staff needs a login and a name",
        ));
    }
    check_password(&input.password)?;
    check_offices(&state, &input.offices)?;
    let password_hash = hash(input.password).await?;
    let user = state
        .queues
        .store()
        .create_staff(
            login,
            input.name.trim(),
            input.role,
            &password_hash,
            &input.offices,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// Changes a member of staff; deactivating or a new password ends their sessions (admin).
#[utoipa::path(put, path = "/api/v1/staff/{staff}", tag = "admin", params(("staff" = i64, Path)),
    request_body = StaffUpdate, security(("bearer" = [])),
    responses((status = 200, body = User), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_staff(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<StaffId>,
    Json(input): Json<StaffUpdate>,
) -> Result<Json<User>, ApiError> {
    principal.admin()?;
    let store = state.queues.store();
    store
        .staff_by_id(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("staff member {id} does not exist")))?;
    if let Some(offices) = &input.offices {
        check_offices(&state, offices)?;
    }
    let password_hash = match input.password {
        Some(password) => {
            check_password(&password)?;
            Some(hash(password).await?)
        }
        None => None,
    };
    if input.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::invalid("the name cannot be empty"));
    }
    store
        .update_staff(
            id,
            input.name.as_deref().map(str::trim),
            input.role,
            password_hash.as_deref(),
            input.offices.as_deref(),
            input.active,
        )
        .await?;
    let user = store
        .staff_by_id(id)
        .await?
        .ok_or_else(|| ApiError::not_found("staff member vanished"))?
        .user;
    Ok(Json(user))
}

/// The office's kiosks and displays (admin).
#[utoipa::path(get, path = "/api/v1/offices/{office}/devices", tag = "admin", params(("office" = i64, Path)),
    security(("bearer" = [])), responses((status = 200, body = Vec<Device>), (status = 403, body = ErrorBody)))]
pub async fn list_devices(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
) -> Result<Json<Vec<Device>>, ApiError> {
    principal.admin()?;
    state.queues.office(office)?;
    Ok(Json(state.queues.store().devices(office).await?))
}

/// Registers a kiosk or display and returns its token, once (admin).
#[utoipa::path(post, path = "/api/v1/offices/{office}/devices", tag = "admin", params(("office" = i64, Path)),
    request_body = DeviceInput, security(("bearer" = [])),
    responses((status = 201, body = DeviceCreated), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn create_device(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Json(input): Json<DeviceInput>,
) -> Result<(StatusCode, Json<DeviceCreated>), ApiError> {
    principal.admin()?;
    state.queues.office(office)?;
    let created = register_device(&state.queues, office, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Creates a device and its token (also used by the CLI and the demo).
pub async fn register_device(
    queues: &crate::queues::Queues,
    office: OfficeId,
    input: DeviceInput,
) -> Result<DeviceCreated, ApiError> {
    let token = credentials::new_token(DEVICE_PREFIX);
    let name = if input.name.trim().is_empty() {
        input.kind.as_str().to_string()
    } else {
        input.name.trim().to_string()
    };
    let device = queues
        .store()
        .create_device(
            office,
            input.kind,
            &name,
            &credentials::token_hash(&token),
            queues.now().timestamp_millis(),
        )
        .await?;
    Ok(DeviceCreated { device, token })
}

/// Revokes a device's token (admin).
#[utoipa::path(delete, path = "/api/v1/devices/{device}", tag = "admin", params(("device" = i64, Path)),
    security(("bearer" = [])), responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_device(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<DeviceId>,
) -> Result<StatusCode, ApiError> {
    principal.admin()?;
    state
        .queues
        .store()
        .revoke_device(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("device {id} does not exist")))?;
    Ok(StatusCode::NO_CONTENT)
}

/// A kiosk or display reports a fault of its own (the printer failed, no sound): logged
/// with the device and office, and counted in `talon_device_faults_total`.
#[utoipa::path(post, path = "/api/v1/devices/me/faults", tag = "admin", request_body = DeviceFault,
    security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn report_fault(
    principal: Principal,
    Json(fault): Json<DeviceFault>,
) -> Result<StatusCode, ApiError> {
    let Principal::Device(device) = principal else {
        return Err(ApiError::forbidden(
            "only kiosks and displays report device faults",
        ));
    };
    let kind = fault.kind.trim();
    let valid_kind = !kind.is_empty()
        && kind.len() <= FAULT_KIND
        && kind
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid_kind {
        return Err(ApiError::invalid(format!(
            "kind is a short word (letters, digits, - or _, at most {FAULT_KIND})"
        )));
    }
    if fault.message.trim().is_empty() || fault.message.chars().count() > FAULT_MESSAGE {
        return Err(ApiError::invalid(format!(
            "say what failed in 1 to {FAULT_MESSAGE} characters"
        )));
    }
    tracing::warn!(
        device = %device.id,
        device_kind = device.kind.as_str(),
        office = %device.office_id,
        fault = kind,
        // The device wrote these: escaped, so a newline cannot forge a log line.
        ticket = %escaped(fault.ticket_label.as_deref().unwrap_or("-")),
        message = %escaped(fault.message.trim()),
        "device fault"
    );
    metrics::counter!("talon_device_faults_total", "kind" => kind.to_string()).increment(1);
    Ok(StatusCode::NO_CONTENT)
}

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(create_window))
        .routes(utoipa_axum::routes!(update_window))
        .routes(utoipa_axum::routes!(set_window_topics))
        .routes(utoipa_axum::routes!(list_staff, create_staff))
        .routes(utoipa_axum::routes!(update_staff))
        .routes(utoipa_axum::routes!(list_devices, create_device))
        .routes(utoipa_axum::routes!(revoke_device))
        .routes(utoipa_axum::routes!(report_fault))
}
