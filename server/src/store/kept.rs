//! The monthly reports the server keeps (`crate::reports::monthly`): one row per scope
//! and month, the report's JSON beside it. The unique key makes keeping idempotent, on
//! one node or several.

use super::{Store, StoreError, StoreResult};
use chrono::DateTime;
use std::collections::HashSet;
use talon_protocol::api::{KeptReport, KeptScope};

/// The key of a kept report: what it covers (`scope_id` 0 for the company) and the month.
pub type KeptKey = (KeptScope, i64, String);

fn scope_text(scope: KeptScope) -> &'static str {
    match scope {
        KeptScope::Office => "office",
        KeptScope::Region => "region",
        KeptScope::All => "all",
    }
}

fn scope_of(raw: &str) -> StoreResult<KeptScope> {
    match raw {
        "office" => Ok(KeptScope::Office),
        "region" => Ok(KeptScope::Region),
        "all" => Ok(KeptScope::All),
        other => Err(StoreError::Corrupt(format!(
            "a kept report's scope is `{other}`"
        ))),
    }
}

type Row = (i64, String, i64, String, String, i64);

fn record((id, kind, scope_id, scope_name, month, made_at_ms): Row) -> StoreResult<KeptReport> {
    let scope = scope_of(&kind)?;
    Ok(KeptReport {
        id,
        scope,
        scope_id: (scope != KeptScope::All).then_some(scope_id),
        scope_name,
        month,
        made_at: DateTime::from_timestamp_millis(made_at_ms).ok_or_else(|| {
            StoreError::Corrupt(format!("kept report {id} was made at {made_at_ms}"))
        })?,
    })
}

impl Store {
    /// The keys of the reports kept for `month` or later.
    pub async fn kept_keys_since(&self, month: &str) -> StoreResult<HashSet<KeptKey>> {
        let rows: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT scope_kind, scope_id, month FROM kept_reports WHERE month >= $1",
        )
        .bind(month)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(kind, id, month)| Ok((scope_of(&kind)?, id, month)))
            .collect()
    }

    /// Keeps a report unless one of the same key is kept already (by this node or
    /// another): whether this call kept it.
    pub async fn keep_report(
        &self,
        key: &KeptKey,
        scope_name: &str,
        made_at_ms: i64,
        report: &str,
    ) -> StoreResult<bool> {
        let (scope, scope_id, month) = key;
        let kept: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO kept_reports (scope_kind, scope_id, scope_name, month, made_at_ms, report) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (scope_kind, scope_id, month) DO NOTHING RETURNING id",
        )
        .bind(scope_text(*scope))
        .bind(*scope_id)
        .bind(scope_name)
        .bind(month.as_str())
        .bind(made_at_ms)
        .bind(report)
        .fetch_optional(&self.pool)
        .await?;
        Ok(kept.is_some())
    }

    /// Every kept report, the latest month first.
    pub async fn kept_reports(&self) -> StoreResult<Vec<KeptReport>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, scope_kind, scope_id, scope_name, month, made_at_ms FROM kept_reports \
             ORDER BY month DESC, scope_kind, scope_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(record).collect()
    }

    /// A kept report and its JSON.
    pub async fn kept_report(&self, id: i64) -> StoreResult<Option<(KeptReport, String)>> {
        let row: Option<(i64, String, i64, String, String, i64, String)> = sqlx::query_as(
            "SELECT id, scope_kind, scope_id, scope_name, month, made_at_ms, report \
                 FROM kept_reports WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(id, kind, scope_id, name, month, made, report)| {
            Ok((record((id, kind, scope_id, name, month, made))?, report))
        })
        .transpose()
    }
}
