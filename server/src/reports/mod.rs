//! Reports served by the server (`GET /api/v1/reports/{kind}`): per office or
//! consolidated over several, in JSON, CSV, XLSX or PDF, in Russian or English.
//!
//! The figures come from the statistics (`crate::stats`): the same rows, distributions
//! and norms as `/offices/{o}/stats`, computed once per office and once over the pool
//! of the scope's tickets (so a consolidation's medians and percentiles are those of the
//! pooled tickets, never averages of the offices' figures).
//!
//! One job per file: `scope.rs` (which offices, who may ask), `table.rs` (a report: a
//! title, the period, the offices and typed tables), `kinds/` (each kind's tables),
//! `texts.rs` (headings from `server/locales/*.ftl`, ids `report-…`), `csv.rs`,
//! `xlsx.rs` and `pdf.rs` (the formats).
//!
//! No visitor's personal data is in a report: tickets are counted, never listed, and the
//! only names are those of topics, offices and staff (for the agents' rows).

mod csv;
mod kinds;
pub mod monthly;
mod pdf;
mod scope;
mod table;
mod texts;
mod xlsx;

#[cfg(test)]
mod tests;

pub use scope::{ReportScope, Resolved, ScopeError, resolve};
pub use table::{Cell, Column, ColumnKind, Report, Row, RowKind, Table};
pub use talon_protocol::report::{ReportFormat, ReportKind};
pub use texts::{Lang, parse_lang as texts_lang};

use crate::queues::Queues;
use crate::stats::{OfficeData, Period, StatsError, load_office_data};

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Stats(#[from] StatsError),
    /// Rendering failed (a fault of ours, not of the request).
    #[error("the report could not be rendered: {0}")]
    Render(String),
}

/// The report of `kind` over `period` for the `scope`'s offices (already resolved and
/// allowed), in `lang`.
pub async fn build(
    queues: &Queues,
    scope: &Resolved,
    period: Period,
    kind: ReportKind,
    lang: Lang,
) -> Result<Report, ReportError> {
    let mut data = Vec::with_capacity(scope.offices.len());
    for &office in &scope.offices {
        data.push(load_office_data(queues, office, period).await?);
    }
    let agent_times = if kind == ReportKind::Agents {
        let mut times = Vec::with_capacity(data.len());
        for d in &data {
            times.push(kinds::agent_time::load(queues, d).await?);
        }
        times
    } else {
        Vec::new()
    };
    Ok(kinds::report(
        &kinds::Scope {
            data: &data,
            region: scope.region.as_deref(),
            period,
        },
        &agent_times,
        kind,
        lang,
    ))
}

/// `report` in `format`: the body bytes.
pub fn render(report: &Report, format: ReportFormat) -> Result<Vec<u8>, ReportError> {
    match format {
        ReportFormat::Json => {
            serde_json::to_vec(report).map_err(|e| ReportError::Render(e.to_string()))
        }
        ReportFormat::Csv => Ok(csv::render(report)),
        ReportFormat::Xlsx => xlsx::render(report).map_err(ReportError::Render),
        ReportFormat::Pdf => pdf::render(report).map_err(ReportError::Render),
    }
}

/// The data of the scope as one pool (for the totals), `None` for one office (its own
/// rows are the totals).
fn pool(data: &[OfficeData]) -> Option<OfficeData> {
    (data.len() > 1).then(|| OfficeData::pooled(data)).flatten()
}
