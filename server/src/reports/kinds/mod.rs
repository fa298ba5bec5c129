//! Each kind's tables, from the loaded data of the scope's offices. A consolidated
//! report (more than one office) has a row per office and a total computed over the
//! pooled tickets; a report on one office has that office's row only.

pub mod agent_time;
mod appointments;
mod compliance;
mod feedback;
mod hourly;
mod quality;

use super::ReportKind;
use super::table::{Chart, Report, ReportOffice, Table};
use super::texts::{Lang, date, t, t_with};
use crate::stats::{AgentTime, OfficeData};
use std::collections::HashMap;
use talon_protocol::StaffId;

/// A time for a chart.
pub fn ms(value: Option<i64>) -> Option<f64> {
    value.map(|v| v as f64)
}

/// What every kind's builder gets.
pub struct Ctx<'a> {
    pub data: &'a [OfficeData],
    /// Per office (same order as `data`), the agents' time (agents only).
    pub agent_times: &'a [HashMap<StaffId, AgentTime>],
    pub lang: Lang,
}

impl Ctx<'_> {
    pub fn t(&self, id: &str) -> String {
        t(self.lang, id)
    }

    /// The scope's pool, when there is more than one office.
    pub fn pool(&self) -> Option<OfficeData> {
        super::pool(self.data)
    }

    /// A topic's name in the report's language.
    pub fn name<'n>(&self, ru: &'n str, en: &'n str) -> &'n str {
        match self.lang {
            Lang::Ru => ru,
            Lang::En if en.trim().is_empty() => ru,
            Lang::En => en,
        }
    }
}

/// What a report covers: the loaded data of its offices (none for a region without
/// offices), the region's name when it is one, and the period.
pub struct Scope<'a> {
    pub data: &'a [OfficeData],
    pub region: Option<&'a str>,
    pub period: crate::stats::Period,
}

/// The report of `kind` over the scope's loaded data.
pub fn report(
    scope: &Scope,
    agent_times: &[HashMap<StaffId, AgentTime>],
    kind: ReportKind,
    lang: Lang,
) -> Report {
    let data = scope.data;
    let ctx = Ctx {
        data,
        agent_times,
        lang,
    };
    let (tables, charts): (Vec<Table>, Vec<Chart>) = match kind {
        ReportKind::Topics => quality::topics(&ctx),
        ReportKind::Agents => quality::agents(&ctx),
        ReportKind::Hourly => hourly::hourly(&ctx),
        ReportKind::Compliance => compliance::compliance(&ctx),
        ReportKind::Feedback => feedback::feedback(&ctx),
        ReportKind::Appointments => appointments::appointments(&ctx),
    };
    let (from, to) = (scope.period.from(), scope.period.to());
    let scope_text = match (scope.region, data) {
        (Some(region), _) => t_with(
            lang,
            "report-scope-region",
            &[
                ("region", region.to_string().into()),
                ("count", data.len().into()),
            ],
        ),
        (None, [one]) => t_with(
            lang,
            "report-scope-office",
            &[("office", one.office.name.clone().into())],
        ),
        (None, many) => t_with(
            lang,
            "report-scope-offices",
            &[("count", many.len().into())],
        ),
    };
    Report {
        kind,
        lang: lang.code().into(),
        title: t(lang, &format!("report-title-{}", kind.name())),
        from,
        to,
        period_text: t_with(
            lang,
            "report-period",
            &[
                ("from", date(lang, from).into()),
                ("to", date(lang, to).into()),
            ],
        ),
        scope_text,
        offices: data
            .iter()
            .map(|d| ReportOffice {
                id: d.office.id.0,
                name: d.office.name.clone(),
                time_zone: d.office.time_zone.name().to_string(),
            })
            .collect(),
        tables,
        charts,
    }
}
