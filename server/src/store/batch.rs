//! A batch of commits from different offices written with few statements: one query for
//! every office's stored seq, the events in multi-row inserts, the tickets in multi-row
//! upserts. The writer's single task sends a batch's statements one after the other, so
//! their number, not the rows, is what a batch costs (each is a round trip to the
//! database: SQLite's worker thread, or PostgreSQL's socket).
//!
//! Any failure fails the whole batch; the writer then writes it again commit by commit
//! (`writer::write_job`), which names the failing commit.

use super::writer::{Job, idempotency_key, project_state, ticket_prefix};
use super::{Backend, EVENTS_CHANNEL, StoreError, StoreResult, audit, to_ms};
use sqlx::{Any, Transaction};
use std::collections::HashMap;
use talon_protocol::{Event, OfficeId, Ticket, TicketId};

/// Rows per multi-row statement: far inside both databases' limits on parameters
/// (SQLite 32,766, PostgreSQL 65,535) at 12 per ticket.
const ROWS_PER_STATEMENT: usize = 200;

/// Writes `jobs` (sorted by office, at most one per office) in `tx`.
pub(super) async fn write(
    tx: &mut Transaction<'_, Any>,
    backend: Backend,
    jobs: &[Job],
) -> StoreResult<()> {
    let offices: Vec<OfficeId> = jobs
        .iter()
        .filter_map(|job| job.events.first().map(|e| e.office_id))
        .collect();
    if offices.is_empty() {
        return Ok(());
    }
    if backend == Backend::Postgres {
        // In office order, as every node takes them: no two batches wait for each other.
        for office in &offices {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(office.0)
                .execute(&mut **tx)
                .await?;
        }
    }
    check_seqs(tx, jobs, &offices).await?;
    let events: Vec<&Event> = jobs.iter().flat_map(|job| &job.events).collect();
    for chunk in events.chunks(ROWS_PER_STATEMENT) {
        insert_events(tx, chunk).await?;
    }
    let tickets = ticket_rows(jobs);
    for chunk in tickets.chunks(ROWS_PER_STATEMENT) {
        upsert_tickets(tx, chunk).await?;
    }
    for job in jobs {
        for event in job.events.iter().filter(|e| e.kind.ticket().is_none()) {
            project_state(tx, event, &job.extras).await?;
        }
        if let Some(record) = &job.extras.audit {
            audit::insert(tx, record).await?;
        }
    }
    if backend == Backend::Postgres {
        for job in jobs {
            if let Some(last) = job.events.last() {
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(EVENTS_CHANNEL)
                    .bind(format!("{}:{}", last.office_id.0, last.seq))
                    .execute(&mut **tx)
                    .await?;
            }
        }
    }
    Ok(())
}

/// `$1, $2, …` for a statement's rows, `width` parameters each.
fn placeholders(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|row| {
            let marks: Vec<String> = (1..=width)
                .map(|col| format!("${}", row * width + col))
                .collect();
            format!("({})", marks.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many offices' seqs one query reads (SQLite takes at most 500 terms in one
/// compound SELECT).
const SEQ_LOOKUPS_PER_QUERY: usize = 200;

/// The newest stored seq of each of `offices` (0 for one with no events yet).
async fn stored_seqs(
    tx: &mut Transaction<'_, Any>,
    offices: &[OfficeId],
) -> StoreResult<HashMap<i64, i64>> {
    let mut stored = HashMap::new();
    for chunk in offices.chunks(SEQ_LOOKUPS_PER_QUERY) {
        // A look-up per office, each answered from the end of the primary key.
        // (`WHERE office_id IN (…) GROUP BY office_id` read every event of the offices
        // instead, on SQLite and on PostgreSQL: commits slowed down as the day went on.)
        let sql = (1..=chunk.len())
            .map(|n| {
                format!(
                    "SELECT CAST(${n} AS BIGINT), \
                     COALESCE((SELECT MAX(seq) FROM events WHERE office_id = ${n}), 0)"
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let mut query = sqlx::query_as::<_, (i64, i64)>(sqlx::AssertSqlSafe(sql));
        for office in chunk {
            query = query.bind(office.0);
        }
        stored.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(stored)
}

/// Every office's stored seq; each commit must follow its office's.
async fn check_seqs(
    tx: &mut Transaction<'_, Any>,
    jobs: &[Job],
    offices: &[OfficeId],
) -> StoreResult<()> {
    let stored = stored_seqs(tx, offices).await?;
    let mut next: HashMap<OfficeId, u64> = HashMap::new();
    for job in jobs {
        let Some(first) = job.events.first() else {
            continue;
        };
        let office = first.office_id;
        let expected = *next.entry(office).or_insert_with(|| {
            u64::try_from(stored.get(&office.0).copied().unwrap_or(0)).unwrap_or(0) + 1
        });
        if first.seq != expected {
            return Err(StoreError::Stale(office));
        }
        next.insert(office, job.events.last().map_or(expected, |e| e.seq + 1));
    }
    Ok(())
}

async fn insert_events(tx: &mut Transaction<'_, Any>, events: &[&Event]) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO events (office_id, seq, at_ms, kind, data) VALUES {}",
        placeholders(events.len(), 5)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for event in events {
        query = query
            .bind(event.office_id.0)
            .bind(i64::try_from(event.seq).unwrap_or(i64::MAX))
            .bind(to_ms(event.at))
            .bind(event.kind.name())
            .bind(serde_json::to_string(event)?);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// A ticket as its last event of the batch left it, with the retry key of the event
/// that issued it (a row appears once per statement: PostgreSQL refuses to upsert one
/// row twice in one statement).
struct TicketRow<'a> {
    ticket: &'a Ticket,
    key: Option<&'a str>,
}

fn ticket_rows(jobs: &[Job]) -> Vec<TicketRow<'_>> {
    let mut rows: Vec<TicketRow<'_>> = Vec::new();
    let mut at: HashMap<TicketId, usize> = HashMap::new();
    for job in jobs {
        for event in &job.events {
            let Some(ticket) = event.kind.ticket() else {
                continue;
            };
            let key = idempotency_key(event, ticket, &job.extras);
            match at.get(&ticket.id) {
                Some(&index) => {
                    rows[index].ticket = ticket;
                    rows[index].key = rows[index].key.or(key);
                }
                None => {
                    at.insert(ticket.id, rows.len());
                    rows.push(TicketRow { ticket, key });
                }
            }
        }
    }
    rows
}

async fn upsert_tickets(tx: &mut Transaction<'_, Any>, rows: &[TicketRow<'_>]) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO tickets (id, office_id, service_day, prefix, number, label, status, \
         public_code, idempotency_key, issued_ms, finished_ms, data) VALUES {} \
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, \
         finished_ms = excluded.finished_ms, data = excluded.data",
        placeholders(rows.len(), 12)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for TicketRow { ticket, key } in rows {
        query = query
            .bind(ticket.id.0.to_string())
            .bind(ticket.office_id.0)
            .bind(ticket.service_day.to_string())
            .bind(ticket_prefix(ticket).to_string())
            .bind(i64::from(ticket.number))
            .bind(ticket.label.clone())
            .bind(ticket.status.as_str())
            .bind(ticket.public_code.clone())
            .bind(key.map(str::to_string))
            .bind(to_ms(ticket.issued_at))
            .bind(ticket.finished_at.map(to_ms))
            .bind(serde_json::to_string(ticket)?);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{OfficeId, SEQ_LOOKUPS_PER_QUERY, placeholders, stored_seqs};
    use crate::store::Store;

    #[test]
    fn placeholders_number_every_row_s_columns() {
        assert_eq!(placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(placeholders(1, 1), "($1)");
    }

    /// Offices past one query's share are read too, each with its own newest seq.
    #[tokio::test]
    async fn every_office_s_seq_is_read_past_one_query_s_share() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("seqs.sqlite3").to_str().unwrap())
            .await
            .unwrap();
        let count = SEQ_LOOKUPS_PER_QUERY + 30;
        let mut offices = Vec::new();
        for n in 0..count {
            let (id,): (i64,) =
                sqlx::query_as("INSERT INTO offices (name, data) VALUES ($1, '{}') RETURNING id")
                    .bind(format!("office {n}"))
                    .fetch_one(&store.pool)
                    .await
                    .unwrap();
            offices.push(OfficeId(id));
        }
        // The first office and one past the first query's share have events.
        let with_events = [(offices[0], 3), (offices[SEQ_LOOKUPS_PER_QUERY + 10], 2)];
        for (office, last) in with_events {
            for seq in 1..=last {
                sqlx::query(
                    "INSERT INTO events (office_id, seq, at_ms, kind, data) \
                     VALUES ($1, $2, 0, 'k', '{}')",
                )
                .bind(office.0)
                .bind(seq)
                .execute(&store.pool)
                .await
                .unwrap();
            }
        }
        let mut tx = store.pool.begin().await.unwrap();
        let stored = stored_seqs(&mut tx, &offices).await.unwrap();
        assert_eq!(stored.len(), count);
        for office in &offices {
            let expected = with_events
                .iter()
                .find(|(o, _)| o == office)
                .map_or(0, |(_, last)| *last);
            assert_eq!(stored[&office.0], expected, "{office:?}");
        }
    }
}
