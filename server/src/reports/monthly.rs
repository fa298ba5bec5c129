//! Monthly reports kept: the previous month's `compliance` report of every office, every
//! region and the whole company, made once and kept (table `kept_reports`), so the
//! figures of a month stay as they were when it ended.
//!
//! When a report is due, decided simply:
//! - an office's, once the office's own service day (its time zone) is in the next month;
//! - a region's or the company's, once every one of its offices is: the month before the
//!   earliest local month among them.
//!
//! Only the month just ended is made: a server down on the 1st makes it when it is back,
//! never earlier months. A report is kept in each language as its JSON
//! (`{"ru": …, "en": …}`); every format is rendered from it on download. Keeping is
//! idempotent on one node or several: the table's unique key and `ON CONFLICT DO NOTHING`
//! keep the first, and a report made twice costs only the work.

use super::{Lang, Report, ReportKind, Resolved};
use crate::engine::hours::service_day;
use crate::queues::Queues;
use crate::stats::Period;
use crate::store::{KeptKey, StoreError};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::BTreeMap;
use talon_protocol::api::KeptScope;
use talon_protocol::{OfficeId, RegionId};

/// Why keeping the monthly reports failed (for some scope; the others were tried).
#[derive(Debug, thiserror::Error)]
pub enum KeepError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Report(#[from] super::ReportError),
    #[error("the report could not be stored: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The first day of the month before the one `day` is in.
fn previous_month(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first.checked_sub_months(Months::new(1)).unwrap_or(first)
}

/// `YYYY-MM` of a month's first day.
pub fn month_text(first: NaiveDate) -> String {
    format!("{:04}-{:02}", first.year(), first.month())
}

/// A report due: what it covers, and the month (its first day).
struct Due {
    scope: KeptScope,
    id: i64,
    name: String,
    offices: Vec<OfficeId>,
    region: Option<String>,
    month: NaiveDate,
}

/// What is due now: every office's month just ended in its zone; every region's and the
/// company's, the month all their offices have ended.
async fn due(queues: &Queues) -> Result<Vec<Due>, StoreError> {
    let now = queues.now();
    let mut offices = Vec::new();
    for id in queues.office_ids() {
        let Ok(queue) = queues.office(id) else {
            continue;
        };
        let state = queue.lock().await;
        let office = &state.office;
        let month = previous_month(service_day(office.time_zone.tz(), now));
        offices.push((id, office.name.clone(), office.region_id, month));
    }
    let mut due: Vec<Due> = offices
        .iter()
        .map(|(id, name, _, month)| Due {
            scope: KeptScope::Office,
            id: id.0,
            name: name.clone(),
            offices: vec![*id],
            region: None,
            month: *month,
        })
        .collect();
    let mut by_region: BTreeMap<RegionId, (Vec<OfficeId>, NaiveDate)> = BTreeMap::new();
    for (id, _, region, month) in &offices {
        if let Some(region) = region {
            let entry = by_region.entry(*region).or_insert((Vec::new(), *month));
            entry.0.push(*id);
            entry.1 = entry.1.min(*month);
        }
    }
    for region in queues.store().regions().await? {
        if let Some((ids, month)) = by_region.remove(&region.id) {
            due.push(Due {
                scope: KeptScope::Region,
                id: region.id.0,
                name: region.name.clone(),
                offices: ids,
                region: Some(region.name),
                month,
            });
        }
    }
    if let Some(month) = offices.iter().map(|o| o.3).min() {
        due.push(Due {
            scope: KeptScope::All,
            id: 0,
            name: String::new(),
            offices: offices.iter().map(|o| o.0).collect(),
            region: None,
            month,
        });
    }
    Ok(due)
}

/// Makes and keeps the monthly compliance reports that are due and not kept yet (see
/// the module's notes): how many this call kept. Cheap when nothing is due (one query),
/// so the server's ticker may call it every tick. A scope that fails is logged and the
/// others are still tried; the first failure is returned.
pub async fn keep_due(queues: &Queues) -> Result<usize, KeepError> {
    let due = due(queues).await?;
    let Some(earliest) = due.iter().map(|d| d.month).min() else {
        return Ok(0);
    };
    let kept = queues
        .store()
        .kept_keys_since(&month_text(earliest))
        .await?;
    let mut count = 0;
    let mut failure = None;
    for d in due {
        let key: KeptKey = (d.scope, d.id, month_text(d.month));
        if kept.contains(&key) {
            continue;
        }
        match keep(queues, &d, &key).await {
            Ok(true) => count += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(scope = ?d.scope, id = d.id, month = %key.2, "monthly report not kept: {e}");
                failure.get_or_insert(e);
            }
        }
    }
    if count > 0 {
        tracing::info!(count, "monthly compliance reports kept");
    }
    failure.map_or(Ok(count), Err)
}

async fn keep(queues: &Queues, d: &Due, key: &KeptKey) -> Result<bool, KeepError> {
    let last = d
        .month
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(d.month);
    let period = Period::new(d.month, last).map_err(|e| super::ReportError::Stats(e.into()))?;
    let scope = Resolved {
        offices: d.offices.clone(),
        region: d.region.clone(),
    };
    let mut reports = serde_json::Map::new();
    for lang in Lang::ALL {
        let report = super::build(queues, &scope, period, ReportKind::Compliance, lang).await?;
        reports.insert(lang.code().into(), serde_json::to_value(&report)?);
    }
    let json = serde_json::Value::Object(reports).to_string();
    let made_at = queues.now().timestamp_millis();
    Ok(queues
        .store()
        .keep_report(key, &d.name, made_at, &json)
        .await?)
}

/// A kept report in `lang`, read back from its stored JSON.
pub fn kept_report(json: &str, lang: Lang) -> Result<Report, super::ReportError> {
    let bad = |e: String| super::ReportError::Render(format!("a kept report is unreadable: {e}"));
    let mut all: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
    let report = all
        .remove(lang.code())
        .ok_or_else(|| bad(format!("no {} version", lang.code())))?;
    serde_json::from_value(report).map_err(|e| bad(e.to_string()))
}
