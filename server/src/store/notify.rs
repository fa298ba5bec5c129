//! Where alerts go outside the desk, and the outbox of their deliveries. A delivery is
//! written in the transaction of the alert's event, so a committed alert always has its
//! notifications; any node's worker claims due rows (a claim lasts a minute, so a node
//! that dies mid-send leaves them to the others).

use super::{Store, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};
use talon_protocol::alert::EscalationLevel;
use talon_protocol::notify::{
    Delivery, DeliveryStatus, MAX_ATTEMPTS, Notification, NotifyTarget, NotifyTargetInput,
    TargetKind,
};
use talon_protocol::{Alert, Event, EventKind, OfficeId, RegionId};

/// How long a worker holds a claimed delivery before others may try it.
const CLAIM_MS: i64 = 60_000;

type TargetRow = (
    i64,
    Option<i64>,
    Option<i64>,
    String,
    String,
    Option<String>,
    String,
    i64,
    i64,
);

/// A target with its secret, for sending.
#[derive(Debug, Clone)]
pub struct SendTarget {
    pub target: NotifyTarget,
    pub secret: Option<String>,
}

/// A delivery claimed for sending.
#[derive(Debug, Clone)]
pub struct Due {
    pub id: i64,
    pub attempts: u32,
    pub payload: String,
    pub target: SendTarget,
}

fn target_of(row: TargetRow) -> StoreResult<SendTarget> {
    let (id, office, region, kind, address, secret, lang, active, created_ms) = row;
    let kind: TargetKind = kind
        .parse()
        .map_err(|_| StoreError::Corrupt(format!("unknown target kind {kind}")))?;
    Ok(SendTarget {
        target: NotifyTarget {
            id,
            office_id: office.map(OfficeId),
            region_id: region.map(RegionId),
            kind,
            address,
            lang,
            active: active != 0,
            created_at: super::from_ms(created_ms)?,
        },
        secret,
    })
}

macro_rules! target_columns {
    () => {
        "id, office_id, region_id, kind, address, secret, lang, active, created_ms"
    };
}

/// Writes the deliveries of an alert's event. Only alerts that escalate are sent: the
/// office's targets hear every step, the region's once the alert reached the region.
pub(super) async fn enqueue(
    tx: &mut Transaction<'_, Any>,
    event: &Event,
    alert: &Alert,
) -> StoreResult<()> {
    if !alert.kind.escalates() {
        return Ok(());
    }
    let change = match &event.kind {
        EventKind::AlertChanged { change, .. } => Some(change.clone()),
        _ => None,
    };
    let notification = Notification {
        office_id: event.office_id,
        seq: event.seq,
        at: event.at,
        change,
        alert: alert.clone(),
    };
    let query = if alert.level >= EscalationLevel::Region {
        "INSERT INTO deliveries (target_id, office_id, payload, created_ms, next_attempt_ms) \
         SELECT id, $1, $2, $3, $3 FROM notify_targets WHERE active = 1 AND (office_id = $1 \
         OR region_id = (SELECT region_id FROM offices WHERE id = $1))"
    } else {
        "INSERT INTO deliveries (target_id, office_id, payload, created_ms, next_attempt_ms) \
         SELECT id, $1, $2, $3, $3 FROM notify_targets WHERE active = 1 AND office_id = $1"
    };
    sqlx::query(query)
        .bind(event.office_id.0)
        .bind(serde_json::to_string(&notification)?)
        .bind(event.at.timestamp_millis())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// When a failed delivery is tried again: 10 s, 20 s, 40 s, … at most an hour.
pub fn retry_after(attempts: u32) -> chrono::Duration {
    let seconds = 10i64.saturating_mul(1 << attempts.saturating_sub(1).min(12));
    chrono::Duration::seconds(seconds.min(3600))
}

impl Store {
    pub async fn create_notify_target(
        &self,
        input: &NotifyTargetInput,
        secret: Option<&str>,
        now: DateTime<Utc>,
    ) -> StoreResult<NotifyTarget> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO notify_targets (office_id, region_id, kind, address, secret, lang, created_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(input.office_id.map(|o| o.0))
        .bind(input.region_id.map(|r| r.0))
        .bind(<&str>::from(input.kind))
        .bind(&input.address)
        .bind(secret)
        .bind(&input.lang)
        .bind(now.timestamp_millis())
        .fetch_one(&self.pool)
        .await?;
        Ok(self
            .notify_target(id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("a new target vanished".into()))?
            .target)
    }

    pub async fn notify_target(&self, id: i64) -> StoreResult<Option<SendTarget>> {
        let row: Option<TargetRow> = sqlx::query_as(concat!(
            "SELECT ",
            target_columns!(),
            " FROM notify_targets WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(target_of).transpose()
    }

    pub async fn notify_targets(&self) -> StoreResult<Vec<NotifyTarget>> {
        let rows: Vec<TargetRow> = sqlx::query_as(concat!(
            "SELECT ",
            target_columns!(),
            " FROM notify_targets WHERE active = 1 ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| target_of(row).map(|t| t.target))
            .collect()
    }

    /// Stops sending to a target (its deliveries stay in the log).
    pub async fn deactivate_notify_target(&self, id: i64) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE notify_targets SET active = 0 WHERE id = $1 AND active = 1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Claims the deliveries due at `now`, oldest first.
    pub async fn claim_due_deliveries(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<Due>> {
        let now_ms = now.timestamp_millis();
        let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(
            "UPDATE deliveries SET claimed_until_ms = $1 + $2 WHERE id IN (SELECT id FROM deliveries \
             WHERE status = 'pending' AND next_attempt_ms <= $1 AND claimed_until_ms <= $1 \
             ORDER BY id LIMIT $3) AND claimed_until_ms <= $1 \
             RETURNING id, target_id, payload, attempts",
        )
        .bind(now_ms)
        .bind(CLAIM_MS)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut due = Vec::with_capacity(rows.len());
        for (id, target, payload, attempts) in rows {
            if let Some(target) = self.notify_target(target).await? {
                due.push(Due {
                    id,
                    attempts: u32::try_from(attempts).unwrap_or(0),
                    payload,
                    target,
                });
            }
        }
        due.sort_by_key(|d| d.id);
        Ok(due)
    }

    pub async fn delivery_succeeded(&self, id: i64, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, \
             delivered_ms = $1, last_error = NULL, claimed_until_ms = 0 WHERE id = $2",
        )
        .bind(now.timestamp_millis())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt: tried again later, or given up after the last one.
    pub async fn delivery_failed(
        &self,
        due: &Due,
        error: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let attempts = due.attempts + 1;
        let status = if attempts >= MAX_ATTEMPTS {
            DeliveryStatus::Failed
        } else {
            DeliveryStatus::Pending
        };
        let next = now + retry_after(attempts);
        sqlx::query(
            "UPDATE deliveries SET status = $1, attempts = $2, last_error = $3, \
             next_attempt_ms = $4, claimed_until_ms = 0 WHERE id = $5",
        )
        .bind(<&str>::from(status))
        .bind(i64::from(attempts))
        .bind(error)
        .bind(next.timestamp_millis())
        .bind(due.id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A target's deliveries, newest first.
    pub async fn deliveries(&self, target: i64, limit: i64) -> StoreResult<Vec<Delivery>> {
        type Row = (
            i64,
            i64,
            i64,
            String,
            i64,
            i64,
            Option<i64>,
            Option<String>,
            String,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, target_id, created_ms, status, attempts, next_attempt_ms, delivered_ms, \
             last_error, payload FROM deliveries WHERE target_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(target)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(
                |(id, target_id, created, status, attempts, next, delivered, error, payload)| {
                    let status: DeliveryStatus = status.parse().map_err(|_| {
                        StoreError::Corrupt(format!("unknown delivery status {status}"))
                    })?;
                    Ok(Delivery {
                        id,
                        target_id,
                        created_at: super::from_ms(created)?,
                        status,
                        attempts: u32::try_from(attempts).unwrap_or(0),
                        next_attempt_at: if status == DeliveryStatus::Pending {
                            Some(super::from_ms(next)?)
                        } else {
                            None
                        },
                        delivered_at: delivered.map(super::from_ms).transpose()?,
                        last_error: error,
                        notification: serde_json::from_str(&payload)?,
                    })
                },
            )
            .collect()
    }
}
