//! `GET /api/v1/reports/{kind}`: a report per office or consolidated, as JSON, CSV,
//! XLSX or PDF (see `crate::reports`). Heads get their offices', administrators any.

use super::AppState;
use super::error::ApiError;
use super::extract::{Path, Principal, Query};
use crate::reports::{self, Lang, ReportError, ReportFormat, ReportKind, ReportScope, ScopeError};
use crate::stats::Period;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use talon_protocol::api::{ErrorBody, KeptReport, KeptScope, User};
use talon_protocol::{OfficeId, RegionId};

/// What a report covers and how it is written. Exactly one of `office`, `region` and
/// `all=true`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// One office.
    pub office: Option<String>,
    /// Every office of a region.
    pub region: Option<String>,
    /// `true`: every office, consolidated (the head office, administrators).
    pub all: Option<String>,
    /// First service day, YYYY-MM-DD.
    #[param(value_type = String, format = Date)]
    pub from: String,
    /// Last service day, YYYY-MM-DD (included).
    #[param(value_type = String, format = Date)]
    pub to: String,
    /// `json` (default), `csv`, `xlsx` or `pdf`.
    #[param(value_type = Option<String>)]
    pub format: Option<String>,
    /// `ru` (default) or `en`.
    #[param(value_type = Option<String>)]
    pub lang: Option<String>,
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(message)
}

fn day(name: &str, raw: &str) -> Result<NaiveDate, ApiError> {
    raw.trim()
        .parse()
        .map_err(|_| bad(format!("`{name}` must be a day as YYYY-MM-DD, not `{raw}`")))
}

fn scope(q: &ReportQuery) -> Result<ReportScope, ApiError> {
    let all = match q.all.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => return Err(bad(format!("`all` is true or false, not `{other}`"))),
    };
    match (&q.office, &q.region, all) {
        (Some(office), None, false) => office
            .trim()
            .parse::<i64>()
            .map(|id| ReportScope::Office(OfficeId(id)))
            .map_err(|_| bad(format!("`office` must be an office id, not `{office}`"))),
        (None, Some(region), false) => region
            .trim()
            .parse::<i64>()
            .map(|id| ReportScope::Region(RegionId(id)))
            .map_err(|_| bad(format!("`region` must be a region id, not `{region}`"))),
        (None, None, true) => Ok(ReportScope::All),
        _ => Err(bad(
            "say what the report covers: one of office=ID, region=ID or all=true",
        )),
    }
}

fn parse_kind(raw: &str) -> Result<ReportKind, ApiError> {
    ReportKind::parse(raw).ok_or_else(|| {
        bad(format!(
            "`{raw}` is not a report: one of {}",
            ReportKind::ALL.map(ReportKind::name).join(", ")
        ))
    })
}

fn parse_format(raw: Option<&str>) -> Result<ReportFormat, ApiError> {
    match raw {
        None => Ok(ReportFormat::Json),
        Some(raw) => ReportFormat::parse(raw).ok_or_else(|| {
            bad(format!(
                "`{raw}` is not a report format: json, csv, xlsx or pdf"
            ))
        }),
    }
}

fn parse_lang(raw: Option<&str>) -> Result<Lang, ApiError> {
    match raw {
        None => Ok(Lang::Ru),
        Some(raw) => reports::texts_lang(raw)
            .ok_or_else(|| bad(format!("`{raw}` is not a report language: ru or en"))),
    }
}

impl From<ScopeError> for ApiError {
    fn from(e: ScopeError) -> Self {
        match e {
            ScopeError::NoOffice(_) | ScopeError::NoRegion(_) => ApiError::not_found(e.to_string()),
            ScopeError::Forbidden(m) => ApiError::forbidden(m),
            ScopeError::Store(e) => e.into(),
        }
    }
}

impl From<ReportError> for ApiError {
    fn from(e: ReportError) -> Self {
        match e {
            ReportError::Stats(e) => e.into(),
            e @ ReportError::Render(_) => ApiError::internal(e),
        }
    }
}

/// A report over a period: `topics`, `agents`, `hourly`, `compliance`, `feedback` or
/// `appointments`, for one office (`office=ID`) or consolidated over every office
/// or region (`region=ID`, `all=true`: a row per office and totals over the pooled
/// visits), as JSON (typed tables), CSV (UTF-8 with BOM, `;`-separated), XLSX or PDF, in
/// Russian or English. Office heads may ask for their offices, region heads for their
/// regions and their offices, the head office and administrators for anything.
#[utoipa::path(get, path = "/api/v1/reports/{kind}", tag = "reports",
    params(("kind" = ReportKind, Path, description = "the report"), ReportQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "the report", content(
            (crate::reports::Report = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (Vec<u8> = "application/pdf"))),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn report(
    State(state): State<AppState>,
    principal: Principal,
    Path(kind): Path<String>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, ApiError> {
    let kind = parse_kind(&kind)?;
    let format = parse_format(q.format.as_deref())?;
    let lang = parse_lang(q.lang.as_deref())?;
    let (from, to) = (day("from", &q.from)?, day("to", &q.to)?);
    let asked = scope(&q)?;
    let Principal::Staff(user) = &principal else {
        return Err(ApiError::forbidden(
            "a device cannot read reports: sign in as staff",
        ));
    };
    let scope = reports::resolve(&state.queues, user, asked).await?;
    let period = Period::new(from, to)?;
    let report = reports::build(&state.queues, &scope, period, kind, lang).await?;
    // Rendering a PDF or a workbook is CPU work: off the request threads.
    let body = tokio::task::spawn_blocking(move || reports::render(&report, format))
        .await
        .map_err(ApiError::internal)??;
    let name = talon_protocol::report::file_name(kind, asked, (from, to), format);
    Ok(attachment(body, format, &name))
}

/// How a kept report is written.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct KeptQuery {
    /// `json` (default), `csv`, `xlsx` or `pdf`.
    #[param(value_type = Option<String>)]
    pub format: Option<String>,
    /// `ru` (default) or `en`.
    #[param(value_type = Option<String>)]
    pub lang: Option<String>,
}

/// The person asking for kept reports, if they may read reports at all.
fn reader(principal: &Principal) -> Result<&User, ApiError> {
    let Principal::Staff(user) = principal else {
        return Err(ApiError::forbidden(
            "a device cannot read reports: sign in as staff",
        ));
    };
    if !user.role.oversees() {
        return Err(ApiError::forbidden(format!(
            "reports are for office and region heads, the head office and administrators; \
             you are {}",
            user.role.as_str()
        )));
    }
    Ok(user)
}

/// Whether `user` may see a kept report: the same rules as for a report asked for now.
fn may_see(user: &User, kept: &KeptReport) -> bool {
    if user.role.sees_all() {
        return true;
    }
    match (kept.scope, kept.scope_id) {
        (KeptScope::Office, Some(id)) => user.offices.contains(&OfficeId(id)),
        (KeptScope::Region, Some(id)) => {
            user.role == talon_protocol::api::Role::RegionHead
                && user.regions.contains(&RegionId(id))
        }
        _ => false,
    }
}

/// The monthly compliance reports the server keeps (made on the first day of each month
/// for the month just ended: every office, every region, the whole company), those the
/// caller may see, the latest month first.
#[utoipa::path(get, path = "/api/v1/reports/kept", tag = "reports",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<KeptReport>),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn kept_list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<axum::Json<Vec<KeptReport>>, ApiError> {
    let user = reader(&principal)?;
    let mut kept = state.queues.store().kept_reports().await?;
    kept.retain(|k| may_see(user, k));
    Ok(axum::Json(kept))
}

/// A kept monthly report as JSON, CSV, XLSX or PDF, in Russian or English, rendered from
/// the figures kept when the month ended.
#[utoipa::path(get, path = "/api/v1/reports/kept/{id}", tag = "reports",
    params(("id" = i64, Path, description = "the kept report"), KeptQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "the report", content(
            (crate::reports::Report = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (Vec<u8> = "application/pdf"))),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn kept_download(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    Query(q): Query<KeptQuery>,
) -> Result<Response, ApiError> {
    let id: i64 = id
        .trim()
        .parse()
        .map_err(|_| bad(format!("`{id}` is not a kept report's id")))?;
    let format = parse_format(q.format.as_deref())?;
    let lang = parse_lang(q.lang.as_deref())?;
    let user = reader(&principal)?;
    let Some((kept, json)) = state.queues.store().kept_report(id).await? else {
        return Err(ApiError::not_found(format!("no kept report {id}")));
    };
    if !may_see(user, &kept) {
        return Err(ApiError::forbidden(format!(
            "kept report {id} covers offices that are not yours"
        )));
    }
    let body = tokio::task::spawn_blocking(move || {
        let report = reports::monthly::kept_report(&json, lang)?;
        reports::render(&report, format)
    })
    .await
    .map_err(ApiError::internal)??;
    let name = talon_protocol::report::kept_file_name(&kept, format);
    Ok(attachment(body, format, &name))
}

/// A report's body with its type and, but for JSON, its file name.
fn attachment(body: Vec<u8>, format: ReportFormat, name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if format != ReportFormat::Json
        && let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(kept_list))
        .routes(utoipa_axum::routes!(kept_download))
        .routes(utoipa_axum::routes!(report))
}
