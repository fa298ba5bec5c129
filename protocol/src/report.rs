//! What the server's reports are (`GET /api/v1/reports/{kind}?format=…`): the kinds
//! and formats, shared by the server that renders them and the desk that downloads them.

use crate::{OfficeId, RegionId};

/// The kinds of report: the `{kind}` of the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Per topic: visits by outcome, times against the norms, overruns and their reasons.
    Topics,
    /// Per agent: the same, with time serving, idle while people waited, and breaks.
    Agents,
    /// The load of the local day by hour and the average wait.
    Hourly,
    /// Per calendar month: the average wait against the monthly limit, shares within norms.
    Compliance,
    /// Visitors' ratings per topic and agent.
    Feedback,
    /// Bookings made, kept, cancelled, missed; the booked visitors' wait.
    Appointments,
}

impl ReportKind {
    pub const ALL: [ReportKind; 6] = [
        ReportKind::Topics,
        ReportKind::Agents,
        ReportKind::Hourly,
        ReportKind::Compliance,
        ReportKind::Feedback,
        ReportKind::Appointments,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Topics => "topics",
            ReportKind::Agents => "agents",
            ReportKind::Hourly => "hourly",
            ReportKind::Compliance => "compliance",
            ReportKind::Feedback => "feedback",
            ReportKind::Appointments => "appointments",
        }
    }

    pub fn parse(raw: &str) -> Option<ReportKind> {
        Self::ALL.into_iter().find(|k| k.name() == raw)
    }
}

/// The formats a report is rendered in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    #[default]
    Json,
    Csv,
    Xlsx,
    Pdf,
}

impl ReportFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            ReportFormat::Json => "application/json",
            ReportFormat::Csv => "text/csv; charset=utf-8",
            ReportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            ReportFormat::Pdf => "application/pdf",
        }
    }

    pub const ALL: [ReportFormat; 4] = [
        ReportFormat::Json,
        ReportFormat::Csv,
        ReportFormat::Xlsx,
        ReportFormat::Pdf,
    ];

    pub fn parse(raw: &str) -> Option<ReportFormat> {
        Self::ALL.into_iter().find(|f| f.extension() == raw)
    }

    /// The `format=` of the address, which is also the file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Csv => "csv",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Pdf => "pdf",
        }
    }
}

/// What a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportScope {
    /// One office.
    Office(OfficeId),
    /// Every office of a region, consolidated.
    Region(RegionId),
    /// Every office of the company, consolidated.
    All,
}

impl ReportScope {
    /// The scope in a file's name: `office-3`, `region-2`, `all`.
    pub fn slug(self) -> String {
        match self {
            ReportScope::Office(id) => format!("office-{id}"),
            ReportScope::Region(id) => format!("region-{id}"),
            ReportScope::All => "all".to_string(),
        }
    }

    /// The scope as the address says it: `office=ID`, `region=ID` or `all=true`.
    pub fn query(self) -> String {
        match self {
            ReportScope::Office(id) => format!("office={id}"),
            ReportScope::Region(id) => format!("region={id}"),
            ReportScope::All => "all=true".to_string(),
        }
    }
}

/// A report file's name: `talon-topics-office-3-2026-11-01-2026-11-30.xlsx`.
pub fn file_name(
    kind: ReportKind,
    scope: ReportScope,
    (from, to): (chrono::NaiveDate, chrono::NaiveDate),
    format: ReportFormat,
) -> String {
    format!(
        "talon-{}-{}-{from}-{to}.{}",
        kind.name(),
        scope.slug(),
        format.extension()
    )
}

/// A kept monthly report's file name: `talon-compliance-region-2-2026-11.pdf`.
pub fn kept_file_name(kept: &crate::api::KeptReport, format: ReportFormat) -> String {
    use crate::api::KeptScope;
    let scope = match (kept.scope, kept.scope_id) {
        (KeptScope::Office, Some(id)) => ReportScope::Office(OfficeId(id)),
        (KeptScope::Region, Some(id)) => ReportScope::Region(RegionId(id)),
        _ => ReportScope::All,
    };
    format!(
        "talon-compliance-{}-{}.{}",
        scope.slug(),
        kept.month,
        format.extension()
    )
}
