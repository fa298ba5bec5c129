//! Administration: windows, staff and devices. Every change is written with its audit
//! entry (who, what, before and after) in one transaction.

use super::AppState;
use super::error::ApiError;
use super::extract::{Json, Path, Principal};
use crate::credentials::{self, DEVICE_PREFIX};
use crate::engine::Command;
use crate::log_text::escaped;
use crate::queues::{AuditSpec, audited};
use crate::store::{Author, NewStaff, StaffChange, Stamp};
use axum::extract::State;
use axum::http::StatusCode;
use talon_protocol::AlertKind;
use talon_protocol::api::{
    Device, DeviceCreated, DeviceFault, DeviceInput, ErrorBody, Role, StaffInput, StaffUpdate,
    User, WindowInput, WindowTopicsRequest,
};
use talon_protocol::audit::AuditAction;
use talon_protocol::limits::{FAULT_KIND, FAULT_MESSAGE, PASSWORD_MIN};
use talon_protocol::{DeviceId, OfficeId, RegionId, StaffId, Window, WindowId};

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
    principal.manager_of(office)?;
    let stamp = principal.stamp(state.queues.now())?;
    let mut window = state
        .queues
        .create_window(office, input.label, input.topics, &stamp.author)
        .await?;
    if !input.active {
        window = configure(
            &state,
            &principal,
            office,
            window.id,
            None,
            window.topics.clone(),
            Some(false),
        )
        .await?
        .0;
    }
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
    principal.manager_of(office)?;
    configure(
        &state,
        &principal,
        office,
        id,
        Some(input.label),
        input.topics,
        Some(input.active),
    )
    .await
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
    principal.manager_of(office)?;
    configure(&state, &principal, office, id, None, input.topics, None).await
}

/// Changes a window, with its audit entry.
async fn configure(
    state: &AppState,
    principal: &Principal,
    office: OfficeId,
    id: WindowId,
    label: Option<String>,
    topics: Vec<talon_protocol::TopicId>,
    active: Option<bool>,
) -> Result<Json<Window>, ApiError> {
    let stamp = principal.stamp(state.queues.now())?;
    let command = Command::ConfigureWindow {
        window_id: id,
        label,
        topics,
        active,
    };
    let object = audited::window(id);
    let audit = AuditSpec {
        author: &stamp.author,
        action: AuditAction::WindowChanged,
        object: &*object,
    };
    let window = state
        .queues
        .execute_audited(office, command, Some(&audit), |s, _| s.windows[&id].clone())
        .await?;
    Ok(Json(window))
}

/// Staff: all of them for an administrator, those of their offices for a head.
#[utoipa::path(get, path = "/api/v1/staff", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<User>), (status = 403, body = ErrorBody)))]
pub async fn list_staff(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<User>>, ApiError> {
    let caller = staff_manager(&principal)?;
    let mut staff = state.queues.store().all_staff().await?;
    if caller.role != Role::Admin {
        staff.retain(|u| u.offices.iter().any(|o| caller.offices.contains(o)));
    }
    Ok(Json(staff))
}

/// An administrator, or a head (who manages the agents of their own offices).
fn staff_manager(principal: &Principal) -> Result<&User, ApiError> {
    match principal {
        Principal::Staff(user) if matches!(user.role, Role::Admin | Role::Head) => Ok(user),
        _ => Err(ApiError::forbidden(
            "managing staff needs the role admin or head",
        )),
    }
}

/// What a head may not do with staff: anything but agents of their own offices.
fn head_limits(
    head: &User,
    role: Option<Role>,
    offices: Option<&[OfficeId]>,
) -> Result<(), ApiError> {
    if head.role == Role::Admin {
        return Ok(());
    }
    if role.is_some_and(|r| r != Role::Agent) {
        return Err(ApiError::forbidden(
            "a head adds and changes agents only; roles are granted by an administrator",
        ));
    }
    if let Some(offices) = offices {
        if offices.is_empty() {
            return Err(ApiError::invalid("an agent works in at least one office"));
        }
        if let Some(other) = offices.iter().find(|o| !head.offices.contains(o)) {
            return Err(ApiError::forbidden(format!(
                "you do not head office {other}"
            )));
        }
    }
    Ok(())
}

/// Regions are set by an administrator, and each must exist.
async fn check_regions(
    state: &AppState,
    caller: &User,
    regions: Option<&[RegionId]>,
) -> Result<(), ApiError> {
    let Some(regions) = regions.filter(|r| !r.is_empty()) else {
        return Ok(());
    };
    if caller.role != Role::Admin {
        return Err(ApiError::forbidden(
            "regions are assigned by an administrator",
        ));
    }
    for region in regions {
        if state.queues.store().region(*region).await?.is_none() {
            return Err(ApiError::invalid(format!("region {region} does not exist")));
        }
    }
    Ok(())
}

/// A region head heads at least one region, or they would see nothing of one.
fn check_region_head(role: Role, regions: &[RegionId]) -> Result<(), ApiError> {
    if role == Role::RegionHead && regions.is_empty() {
        return Err(ApiError::invalid(
            "a region head heads at least one region: give `regions`",
        ));
    }
    Ok(())
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

pub(super) fn check_password(password: &str) -> Result<(), ApiError> {
    if password.chars().count() < PASSWORD_MIN {
        return Err(ApiError::invalid(format!(
            "a password has at least {PASSWORD_MIN} characters"
        )));
    }
    Ok(())
}

pub(super) async fn hash(password: String) -> Result<String, ApiError> {
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
    let caller = staff_manager(&principal)?;
    head_limits(caller, Some(input.role), Some(&input.offices))?;
    let stamp = principal.stamp(state.queues.now())?;
    let login = input.login.trim();
    if login.is_empty() || input.name.trim().is_empty() {
        return Err(ApiError::invalid(
            "a member of staff needs a login and a name",
        ));
    }
    check_password(&input.password)?;
    check_offices(&state, &input.offices)?;
    check_regions(&state, caller, Some(&input.regions)).await?;
    check_region_head(input.role, &input.regions)?;
    let password_hash = hash(input.password).await?;
    let new = NewStaff {
        login,
        name: input.name.trim(),
        role: input.role,
        password_hash: &password_hash,
        offices: &input.offices,
        regions: &input.regions,
    };
    let user = state.queues.store().add_staff(&new, &stamp).await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// Changes a member of staff; deactivating or a new password ends their sessions. An
/// administrator changes anyone; a head changes the agents of their own offices (not
/// their role). The last active administrator stays one.
#[utoipa::path(put, path = "/api/v1/staff/{staff}", tag = "admin", params(("staff" = i64, Path)),
    request_body = StaffUpdate, security(("bearer" = [])),
    responses((status = 200, body = User), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_staff(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<StaffId>,
    Json(input): Json<StaffUpdate>,
) -> Result<Json<User>, ApiError> {
    let caller = staff_manager(&principal)?;
    let store = state.queues.store();
    let target = store
        .staff_by_id(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("staff member {id} does not exist")))?
        .user;
    if caller.role != Role::Admin {
        let theirs =
            !target.offices.is_empty() && target.offices.iter().all(|o| caller.offices.contains(o));
        if target.role != Role::Agent || !theirs {
            return Err(ApiError::forbidden(
                "a head changes only the agents of their own offices",
            ));
        }
    }
    head_limits(caller, input.role, input.offices.as_deref())?;
    if let Some(offices) = &input.offices {
        check_offices(&state, offices)?;
    }
    check_regions(&state, caller, input.regions.as_deref()).await?;
    check_region_head(
        input.role.unwrap_or(target.role),
        input.regions.as_deref().unwrap_or(&target.regions),
    )?;
    if input.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::invalid("the name cannot be empty"));
    }
    let stops_being_admin = target.role == Role::Admin
        && target.active
        && (input.active == Some(false) || input.role.is_some_and(|r| r != Role::Admin));
    if stops_being_admin && store.active_admins().await? <= 1 {
        return Err(ApiError::conflict(
            "last_admin",
            "this is the last active administrator: make another one first",
        ));
    }
    let password_hash = match input.password {
        Some(password) => {
            check_password(&password)?;
            Some(hash(password).await?)
        }
        None => None,
    };
    let stamp = principal.stamp(state.queues.now())?;
    let change = StaffChange {
        name: input.name.as_deref().map(str::trim),
        role: input.role,
        password_hash: password_hash.as_deref(),
        offices: input.offices.as_deref(),
        regions: input.regions.as_deref(),
        active: input.active,
        keep_session: None,
    };
    let user = store
        .update_staff(id, &change, &stamp)
        .await?
        .ok_or_else(|| ApiError::not_found("staff member vanished"))?;
    Ok(Json(user))
}

/// The office's kiosks and displays, with their last contact, whether they are online
/// and the faults they reported (admin or head of the office).
#[utoipa::path(get, path = "/api/v1/offices/{office}/devices", tag = "admin", params(("office" = i64, Path)),
    security(("bearer" = [])), responses((status = 200, body = Vec<Device>), (status = 403, body = ErrorBody)))]
pub async fn list_devices(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
) -> Result<Json<Vec<Device>>, ApiError> {
    state.queues.office(office)?;
    principal.manager_of(office)?;
    Ok(Json(state.queues.devices_with_status(office).await?))
}

/// Registers a kiosk or display and returns its token, once (admin or head of the office).
#[utoipa::path(post, path = "/api/v1/offices/{office}/devices", tag = "admin", params(("office" = i64, Path)),
    request_body = DeviceInput, security(("bearer" = [])),
    responses((status = 201, body = DeviceCreated), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn create_device(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Json(input): Json<DeviceInput>,
) -> Result<(StatusCode, Json<DeviceCreated>), ApiError> {
    state.queues.office(office)?;
    principal.manager_of(office)?;
    let stamp = principal.stamp(state.queues.now())?;
    let created = register_device(&state.queues, office, input, &stamp.author).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Creates a device and its token (also used by the CLI and the demo).
pub async fn register_device(
    queues: &crate::queues::Queues,
    office: OfficeId,
    input: DeviceInput,
    author: &Author,
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
            &Stamp {
                author: author.clone(),
                at: queues.now(),
            },
        )
        .await?;
    Ok(DeviceCreated { device, token })
}

/// Revokes a device's token at once (admin or head of its office).
#[utoipa::path(delete, path = "/api/v1/devices/{device}", tag = "admin", params(("device" = i64, Path)),
    security(("bearer" = [])), responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_device(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<DeviceId>,
) -> Result<StatusCode, ApiError> {
    let store = state.queues.store();
    let device = store
        .device(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("device {id} does not exist")))?;
    principal.manager_of(device.office_id)?;
    let stamp = principal.stamp(state.queues.now())?;
    store.revoke_device(id, &stamp).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A kiosk or display reports a fault of its own (the printer failed, no sound): logged
/// with the device and office, and counted in `talon_device_faults_total`.
#[utoipa::path(post, path = "/api/v1/devices/me/faults", tag = "admin", request_body = DeviceFault,
    security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn report_fault(
    State(state): State<AppState>,
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
    let alert = AlertKind::DeviceFault {
        device_id: device.id,
        device_kind: device.kind,
        name: device.name.clone(),
        fault: kind.to_string(),
        message: fault.message.trim().to_string(),
    };
    set_device_alert(&state, device.office_id, alert, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The device reports a fault over (paper loaded, sound back): its alert is cleared.
#[utoipa::path(delete, path = "/api/v1/devices/me/faults/{kind}", tag = "admin",
    params(("kind" = String, Path, description = "the kind it was reported with")),
    security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn fault_over(
    State(state): State<AppState>,
    principal: Principal,
    Path(kind): Path<String>,
) -> Result<StatusCode, ApiError> {
    let Principal::Device(device) = principal else {
        return Err(ApiError::forbidden(
            "only kiosks and displays report their faults over",
        ));
    };
    let alert = AlertKind::DeviceFault {
        device_id: device.id,
        device_kind: device.kind,
        name: device.name.clone(),
        fault: kind.trim().to_string(),
        message: String::new(),
    };
    set_device_alert(&state, device.office_id, alert, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn set_device_alert(
    state: &AppState,
    office: OfficeId,
    kind: AlertKind,
    holds: bool,
) -> Result<(), ApiError> {
    state
        .queues
        .execute(office, Command::DeviceAlert { kind, holds }, |_, _| ())
        .await?;
    Ok(())
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
        .routes(utoipa_axum::routes!(fault_over))
}
