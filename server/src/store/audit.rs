//! The audit log of administrative changes. A change and its entry are written in one
//! transaction: there is no change without its entry, and no entry of a change that
//! did not happen.

use super::{Store, StoreError, StoreResult, to_ms};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Any, Transaction};
use talon_protocol::audit::{AuditAction, AuditEntry};
use talon_protocol::{OfficeId, StaffId};

/// Who makes a change: a member of staff, or the server's command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    pub id: Option<StaffId>,
    pub name: String,
}

impl Author {
    pub fn staff(id: StaffId, name: &str) -> Author {
        Author {
            id: Some(id),
            name: name.to_string(),
        }
    }

    /// The server itself: its command line or the demo set-up.
    pub fn server(what: &str) -> Author {
        Author {
            id: None,
            name: what.to_string(),
        }
    }
}

/// Who makes a change, and when (the server's clock).
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub author: Author,
    pub at: DateTime<Utc>,
}

impl Stamp {
    /// A change by the server itself (its command line, the demo, a test's set-up).
    pub fn server(what: &str, at: DateTime<Utc>) -> Stamp {
        Stamp {
            author: Author::server(what),
            at,
        }
    }
}

/// An entry to write.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    pub author: Author,
    pub office_id: Option<OfficeId>,
    pub action: AuditAction,
    pub subject: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl AuditRecord {
    /// An entry for `object` before and after a change; `None` when it did not exist.
    pub fn of<T: serde::Serialize>(
        stamp: &Stamp,
        office_id: Option<OfficeId>,
        action: AuditAction,
        subject: String,
        before: Option<&T>,
        after: Option<&T>,
    ) -> AuditRecord {
        let json = |v: Option<&T>| v.and_then(|v| serde_json::to_value(v).ok());
        AuditRecord {
            at: stamp.at,
            author: stamp.author.clone(),
            office_id,
            action,
            subject,
            before: json(before),
            after: json(after),
        }
    }
}

/// Which entries to list; every field narrows.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Entries of these offices only (a head's); `None`: every entry.
    pub offices: Option<Vec<OfficeId>>,
    pub office: Option<OfficeId>,
    pub actor: Option<StaffId>,
    pub action: Option<AuditAction>,
    /// From this instant (included) to that one (excluded).
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: u32,
}

/// The day bounds of a UTC period for a filter: `from` 00:00 to the day after `to`.
pub fn utc_days(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let start = |d: NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    (from.map(start), to.and_then(|d| d.succ_opt()).map(start))
}

pub(super) async fn insert(tx: &mut Transaction<'_, Any>, record: &AuditRecord) -> StoreResult<()> {
    let json = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
    sqlx::query(
        "INSERT INTO audit (at_ms, actor_id, actor_name, office_id, action, subject, \
         before_data, after_data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(to_ms(record.at))
    .bind(record.author.id.map(|id| id.0))
    .bind(&record.author.name)
    .bind(record.office_id.map(|id| id.0))
    .bind(record.action.as_str())
    .bind(&record.subject)
    .bind(json(&record.before))
    .bind(json(&record.after))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

type AuditRow = (
    i64,
    i64,
    Option<i64>,
    String,
    Option<i64>,
    String,
    String,
    Option<String>,
    Option<String>,
);

impl Store {
    /// Writes an entry on its own (for a change made outside a transaction of ours).
    pub async fn audit(&self, record: &AuditRecord) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        insert(&mut tx, record).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The entries that match, newest first.
    pub async fn audit_log(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        // The WHERE clause names only the filters set, each with its `$n` (sqlx's query
        // builder writes `?` for the Any driver, which PostgreSQL does not read).
        let offices = filter.offices.as_deref();
        if offices.is_some_and(<[OfficeId]>::is_empty) {
            return Ok(Vec::new());
        }
        let mut sql = String::from(
            "SELECT id, at_ms, actor_id, actor_name, office_id, action, subject, before_data, \
             after_data FROM audit WHERE 1 = 1",
        );
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        if let Some(offices) = offices {
            let marks: Vec<String> = offices.iter().map(|_| next()).collect();
            sql.push_str(&format!(" AND office_id IN ({})", marks.join(", ")));
        }
        for (set, condition) in [
            (filter.office.is_some(), "office_id ="),
            (filter.actor.is_some(), "actor_id ="),
            (filter.action.is_some(), "action ="),
            (filter.from.is_some(), "at_ms >="),
            (filter.to.is_some(), "at_ms <"),
        ] {
            if set {
                sql.push_str(&format!(" AND {condition} {}", next()));
            }
        }
        sql.push_str(&format!(" ORDER BY at_ms DESC, id DESC LIMIT {}", next()));
        let mut query = sqlx::query_as::<_, AuditRow>(sqlx::AssertSqlSafe(sql));
        for office in offices.into_iter().flatten() {
            query = query.bind(office.0);
        }
        if let Some(office) = filter.office {
            query = query.bind(office.0);
        }
        if let Some(actor) = filter.actor {
            query = query.bind(actor.0);
        }
        if let Some(action) = filter.action {
            query = query.bind(action.as_str());
        }
        if let Some(from) = filter.from {
            query = query.bind(to_ms(from));
        }
        if let Some(to) = filter.to {
            query = query.bind(to_ms(to));
        }
        let rows = query
            .bind(i64::from(filter.limit))
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(entry).collect()
    }
}

fn entry(row: AuditRow) -> StoreResult<AuditEntry> {
    let (id, at, actor_id, actor_name, office_id, action, subject, before, after) = row;
    let parse = |raw: Option<String>| {
        raw.map(|raw| serde_json::from_str(&raw))
            .transpose()
            .map_err(StoreError::from)
    };
    Ok(AuditEntry {
        id,
        at: DateTime::<Utc>::from_timestamp_millis(at)
            .ok_or_else(|| StoreError::Corrupt(format!("audit entry {id} has no time")))?,
        actor_id: actor_id.map(StaffId),
        actor_name,
        office_id: office_id.map(OfficeId),
        action: AuditAction::parse(&action)
            .ok_or_else(|| StoreError::Corrupt(format!("audit action «{action}»")))?,
        subject,
        before: parse(before)?,
        after: parse(after)?,
    })
}
