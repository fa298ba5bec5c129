//! Sign-in and sign-out of staff.

use super::AppState;
use super::error::ApiError;
use super::extract::{ClientAddress, Json, Principal};
use crate::credentials::{self, SESSION_PREFIX};
use crate::guard::Refusal;
use crate::store::StaffChange;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use std::sync::OnceLock;
use talon_protocol::api::{
    ErrorBody, LoginRequest, LoginResponse, PasswordChange, SecurityAlert, User,
};

/// Signs in a member of staff and returns a bearer token. Failed sign-ins are limited
/// per login and per client address: past the allowance the answer is 429 with
/// `Retry-After`, whatever the password, until the wait is over.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody, description = "too many failed sign-ins for this login or from this address; see Retry-After")))]
pub async fn login(
    State(state): State<AppState>,
    address: ClientAddress,
    Json(request): Json<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    let address = address.key();
    state
        .guard
        .may_sign_in(&request.login, &address)
        .map_err(refused)?;
    let store = state.queues.store();
    let record = store.staff_by_login(request.login.trim()).await?;
    // Verify against a dummy hash when the login is unknown, so that the answer takes as
    // long either way and does not tell which logins exist.
    let hash = match &record {
        Some(r) => r.password_hash.clone(),
        None => dummy_hash().to_string(),
    };
    let password = request.password;
    let verified =
        tokio::task::spawn_blocking(move || credentials::verify_password(&password, &hash))
            .await
            .map_err(ApiError::internal)?;
    let user = match record {
        Some(r) if verified && r.user.active => r.user,
        _ => {
            if let Some(refusal) = state.guard.sign_in_failed(&request.login, &address) {
                return Err(refused(refusal));
            }
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "invalid_credentials",
                "wrong login or password",
            ));
        }
    };
    let token = credentials::new_token(SESSION_PREFIX);
    let now = state.queues.now();
    let expires = now + state.session_ttl;
    store
        .create_session(
            &credentials::token_hash(&token),
            user.id,
            now.timestamp_millis(),
            expires.timestamp_millis(),
        )
        .await?;
    tracing::info!(staff = %user.id, "signed in");
    Ok(Json(LoginResponse { token, user }))
}

fn refused(refusal: Refusal) -> ApiError {
    let wait = refusal.wait();
    let whom = match refusal {
        Refusal::Login(_) => "for this login",
        Refusal::Address(_) => "from this address",
    };
    ApiError::too_many(
        "too_many_attempts",
        format!(
            "too many failed sign-ins {whom}: try again in {} s, or ask an administrator to reset the password",
            wait.as_secs().max(1)
        ),
        wait,
    )
}

/// Sign-in lock-outs of the last hours (admin): which login or address failed too often.
#[utoipa::path(get, path = "/api/v1/security/alerts", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<SecurityAlert>), (status = 403, body = ErrorBody)))]
pub async fn security_alerts(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<SecurityAlert>>, ApiError> {
    principal.admin()?;
    Ok(Json(state.guard.alerts(None)))
}

fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| credentials::hash_password("not a password of anyone").unwrap_or_default())
}

/// Ends the session of the token sent.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    if let Principal::Staff(_) = principal
        && let Some(token) = bearer(&headers)
    {
        state
            .queues
            .store()
            .revoke_session(&credentials::token_hash(token))
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in member of staff.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = User), (status = 401, body = ErrorBody)))]
pub async fn me(principal: Principal) -> Result<Json<User>, ApiError> {
    match principal {
        Principal::Staff(user) => Ok(Json(user)),
        Principal::Device(_) => Err(ApiError::forbidden("a device token is not a staff session")),
    }
}

/// Changes the caller's own password. The current one must be right (wrong ones count as
/// failed sign-ins); the caller's other sessions end, this one stays.
#[utoipa::path(put, path = "/api/v1/auth/password", tag = "auth", request_body = PasswordChange,
    security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    principal: Principal,
    address: ClientAddress,
    headers: HeaderMap,
    Json(request): Json<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let Principal::Staff(user) = &principal else {
        return Err(ApiError::forbidden("a device has no password"));
    };
    let address = address.key();
    state
        .guard
        .may_sign_in(&user.login, &address)
        .map_err(refused)?;
    super::admin::check_password(&request.new_password)?;
    let store = state.queues.store();
    let record = store
        .staff_by_id(user.id)
        .await?
        .ok_or_else(|| ApiError::unauthorized("sign in again"))?;
    let (current, stored) = (request.current_password, record.password_hash);
    let verified =
        tokio::task::spawn_blocking(move || credentials::verify_password(&current, &stored))
            .await
            .map_err(ApiError::internal)?;
    if !verified {
        if let Some(refusal) = state.guard.sign_in_failed(&user.login, &address) {
            return Err(refused(refusal));
        }
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "wrong_password",
            "the current password is wrong",
        ));
    }
    let new_hash = super::admin::hash(request.new_password).await?;
    let this_session = bearer(&headers).map(credentials::token_hash);
    let change = StaffChange {
        password_hash: Some(&new_hash),
        keep_session: Some(this_session.as_deref().unwrap_or_default()),
        ..StaffChange::default()
    };
    let stamp = principal.stamp(state.queues.now())?;
    store.update_staff(user.id, &change, &stamp).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim)
}

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(login))
        .routes(utoipa_axum::routes!(logout))
        .routes(utoipa_axum::routes!(me))
        .routes(utoipa_axum::routes!(change_password))
        .routes(utoipa_axum::routes!(security_alerts))
}
