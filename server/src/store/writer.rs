//! The one writer of queue changes, with group commit.
//!
//! Every command's events go through this task. It takes all commits waiting in its queue
//! (from different offices; each office sends one at a time, under its lock), writes them
//! in ONE transaction and answers each after that transaction is durable. One fsync then
//! serves many offices, and writers never fight over SQLite's lock or sleep in its busy
//! handler. If a batch fails, it is written again with a savepoint per commit, so only
//! the failing commits are refused and the others still share one transaction.
//!
//! Every commit checks, inside its transaction, that the office's stored seq is the one
//! its command was decided on; otherwise it is refused as `Stale` and the caller decides
//! again on the newer state. On PostgreSQL the check runs under a transaction-scoped
//! advisory lock per office, so that nodes sharing the database commit an office's
//! events one at a time, and the commit notifies every node of the office's new seq.

use super::{
    Backend, EVENTS_CHANNEL, Extras, StoreError, StoreResult, audit, bookings, feedback,
    is_unique_violation, to_ms,
};
use sqlx::AnyConnection;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Connection, Transaction};
use talon_protocol::{Event, EventKind, OfficeId};
use tokio::sync::{mpsc, oneshot};

/// Most commits written in one transaction.
const MAX_BATCH: usize = 256;

pub(super) struct Job {
    pub(super) events: Vec<Event>,
    pub(super) extras: Extras,
    done: oneshot::Sender<StoreResult<()>>,
}

#[derive(Clone, Debug)]
pub(super) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    pub(super) fn start(pool: AnyPool, backend: Backend) -> Writer {
        let (jobs, queue) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(pool, backend, queue));
        Writer { jobs }
    }

    pub(super) async fn commit(&self, events: Vec<Event>, extras: Extras) -> StoreResult<()> {
        let (done, result) = oneshot::channel();
        self.jobs
            .send(Job {
                events,
                extras,
                done,
            })
            .await
            .map_err(|_| StoreError::Unavailable("the store is closed".into()))?;
        result
            .await
            .map_err(|_| StoreError::Unavailable("the store writer stopped".into()))?
    }
}

/// The writer's own connection, kept from batch to batch: its page cache stays warm,
/// where a connection taken from the pool each time would have had its cache emptied by
/// the writes made through the others (SQLite) and read every page again. Given back to
/// the pool after a failure, in case the failure was the connection's.
struct Held {
    pool: AnyPool,
    conn: Option<PoolConnection<Any>>,
}

impl Held {
    async fn get(&mut self) -> StoreResult<&mut AnyConnection> {
        if self.conn.is_none() {
            self.conn = Some(self.pool.acquire().await?);
        }
        Ok(self.conn.as_mut().expect("just acquired"))
    }
}

async fn run(pool: AnyPool, backend: Backend, mut queue: mpsc::Receiver<Job>) {
    let mut held = Held { pool, conn: None };
    loop {
        // Closing the pool waits for every connection to come back: the held one is
        // given back as soon as the store closes.
        let next = if held.conn.is_some() {
            tokio::select! {
                job = queue.recv() => job,
                _ = held.pool.close_event() => {
                    held.conn = None;
                    continue;
                }
            }
        } else {
            queue.recv().await
        };
        let Some(first) = next else { break };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        metrics::histogram!("talon_commit_batch_size").record(batch.len() as f64);
        // Advisory locks taken in one order by every node: two batches can never wait
        // for each other.
        batch.sort_by_key(|job| job.events.first().map(|e| e.office_id));
        let results = match write(&mut held, backend, &batch, Isolate::No).await {
            Ok(results) => results,
            Err(e) if batch.len() == 1 => vec![Err(e)],
            // One commit of the batch failed (most often a stale seq: another node
            // committed that office first). Again in one transaction, each commit under
            // a savepoint of its own, so the failing ones are undone alone.
            Err(_) => match write(&mut held, backend, &batch, Isolate::Yes).await {
                Ok(results) => results,
                Err(_) => {
                    let mut results = Vec::with_capacity(batch.len());
                    for job in &batch {
                        let alone =
                            write(&mut held, backend, std::slice::from_ref(job), Isolate::No);
                        results.push(alone.await.map(|_| ()));
                    }
                    results
                }
            },
        };
        for (job, result) in batch.into_iter().zip(results) {
            let _ = job.done.send(result);
        }
    }
}

/// Whether each commit of a batch gets a savepoint of its own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Isolate {
    /// The fast way: any failure fails the whole transaction.
    No,
    /// After a failure: a failing commit is rolled back alone.
    Yes,
}

/// Writes the jobs in one transaction; with `Isolate::Yes` the result of each job, else
/// all of them or an error. `Err` means the transaction itself failed.
async fn write(
    held: &mut Held,
    backend: Backend,
    jobs: &[Job],
    isolate: Isolate,
) -> StoreResult<Vec<StoreResult<()>>> {
    let written = write_on(held.get().await?, backend, jobs, isolate).await;
    if written.is_err() {
        held.conn = None;
    }
    written
}

async fn write_on(
    conn: &mut AnyConnection,
    backend: Backend,
    jobs: &[Job],
    isolate: Isolate,
) -> StoreResult<Vec<StoreResult<()>>> {
    let mut tx = match backend {
        // The transaction reads (the seq check) before it writes. SQLite must take its
        // write lock at BEGIN: a read transaction that later wants to write, after
        // another connection wrote, fails at once (SQLITE_BUSY_SNAPSHOT) instead of
        // waiting its turn.
        Backend::Sqlite => conn.begin_with("BEGIN IMMEDIATE").await?,
        Backend::Postgres => conn.begin().await?,
    };
    let mut results = Vec::with_capacity(jobs.len());
    if isolate == Isolate::No && jobs.len() > 1 {
        // The fast way: the batch's rows in few statements.
        super::batch::write(&mut tx, backend, jobs).await?;
        tx.commit().await?;
        return Ok(jobs.iter().map(|_| Ok(())).collect());
    }
    for job in jobs {
        if isolate == Isolate::No {
            write_job(&mut tx, backend, job).await?;
            results.push(Ok(()));
            continue;
        }
        sqlx::query("SAVEPOINT talon_commit")
            .execute(&mut *tx)
            .await?;
        let result = write_job(&mut tx, backend, job).await;
        if result.is_err() {
            sqlx::query("ROLLBACK TO SAVEPOINT talon_commit")
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("RELEASE SAVEPOINT talon_commit")
            .execute(&mut *tx)
            .await?;
        results.push(result);
    }
    tx.commit().await?;
    Ok(results)
}

/// One command's events, after checking they follow the office's stored seq.
async fn write_job(tx: &mut Transaction<'_, Any>, backend: Backend, job: &Job) -> StoreResult<()> {
    let Some(first) = job.events.first() else {
        return Ok(());
    };
    let office = first.office_id;
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(office.0)
            .execute(&mut **tx)
            .await?;
    }
    check_seq(tx, office, first.seq).await?;
    for event in &job.events {
        project(tx, event, &job.extras).await.map_err(|e| match e {
            StoreError::Database(db) if is_unique_violation(&db) => StoreError::Stale(office),
            other => other,
        })?;
    }
    if let Some(record) = &job.extras.audit {
        audit::insert(tx, record).await?;
    }
    if backend == Backend::Postgres {
        let last = job.events.last().map_or(first.seq, |e| e.seq);
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(EVENTS_CHANNEL)
            .bind(format!("{}:{last}", office.0))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Refuses a commit whose first event does not follow the office's stored seq.
async fn check_seq(
    tx: &mut Transaction<'_, Any>,
    office: OfficeId,
    first_seq: u64,
) -> StoreResult<()> {
    let (stored,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(seq), 0) FROM events WHERE office_id = $1")
            .bind(office.0)
            .fetch_one(&mut **tx)
            .await?;
    if u64::try_from(stored).ok().map(|s| s + 1) != Some(first_seq) {
        return Err(StoreError::Stale(office));
    }
    Ok(())
}

/// Appends one event and writes the state it describes.
async fn project(tx: &mut Transaction<'_, Any>, event: &Event, extras: &Extras) -> StoreResult<()> {
    let office = event.office_id.0;
    sqlx::query(
        "INSERT INTO events (office_id, seq, at_ms, kind, data) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(office)
    .bind(i64::try_from(event.seq).unwrap_or(i64::MAX))
    .bind(to_ms(event.at))
    .bind(event.kind.name())
    .bind(serde_json::to_string(event)?)
    .execute(&mut **tx)
    .await?;
    if let Some(ticket) = event.kind.ticket() {
        let key = idempotency_key(event, ticket, extras);
        sqlx::query(
            "INSERT INTO tickets (id, office_id, service_day, prefix, number, label, status, \
             public_code, idempotency_key, issued_ms, finished_ms, data) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, \
             finished_ms = excluded.finished_ms, data = excluded.data",
        )
        .bind(ticket.id.0.to_string())
        .bind(office)
        .bind(ticket.service_day.to_string())
        .bind(ticket_prefix(ticket))
        .bind(i64::from(ticket.number))
        .bind(&ticket.label)
        .bind(ticket.status.as_str())
        .bind(&ticket.public_code)
        .bind(key)
        .bind(to_ms(ticket.issued_at))
        .bind(ticket.finished_at.map(to_ms))
        .bind(serde_json::to_string(ticket)?)
        .execute(&mut **tx)
        .await?;
        return Ok(());
    }
    project_state(tx, event, extras).await
}

/// The retry key stored with a ticket: its kiosk's, on the event that issued it.
pub(super) fn idempotency_key<'a>(
    event: &Event,
    ticket: &talon_protocol::Ticket,
    extras: &'a Extras,
) -> Option<&'a str> {
    extras
        .idempotency
        .as_ref()
        .filter(|(id, _)| *id == ticket.id && matches!(event.kind, EventKind::TicketIssued { .. }))
        .map(|(_, key)| key.as_str())
}

/// A ticket's prefix: its label without the number.
pub(super) fn ticket_prefix(ticket: &talon_protocol::Ticket) -> &str {
    ticket.label.trim_end_matches(|c: char| c.is_ascii_digit())
}

/// Writes the state a ticket-less event describes (windows, topics, alerts, …).
pub(super) async fn project_state(
    tx: &mut Transaction<'_, Any>,
    event: &Event,
    extras: &Extras,
) -> StoreResult<()> {
    let office = event.office_id.0;
    match &event.kind {
        EventKind::WindowChanged { window } => {
            sqlx::query(
                "INSERT INTO windows (id, office_id, data) VALUES ($1, $2, $3) \
                 ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            )
            .bind(window.id.0)
            .bind(office)
            .bind(serde_json::to_string(window)?)
            .execute(&mut **tx)
            .await?;
        }
        EventKind::TopicChanged { topic } => {
            sqlx::query(
                "INSERT INTO topics (id, office_id, prefix, data) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (id) DO UPDATE SET prefix = excluded.prefix, data = excluded.data",
            )
            .bind(topic.id.0)
            .bind(office)
            .bind(&topic.prefix)
            .bind(serde_json::to_string(topic)?)
            .execute(&mut **tx)
            .await?;
        }
        EventKind::OfficeChanged { office: changed } => {
            sqlx::query("UPDATE offices SET name = $1, data = $2, region_id = $3 WHERE id = $4")
                .bind(&changed.name)
                .bind(serde_json::to_string(changed)?)
                .bind(changed.region_id.map(|r| r.0))
                .bind(office)
                .execute(&mut **tx)
                .await?;
        }
        EventKind::AlertRaised { alert } | EventKind::AlertChanged { alert, .. } => {
            super::notify::enqueue(tx, event, alert).await?;
            sqlx::query(
                "INSERT INTO alerts (office_id, id, data) VALUES ($1, $2, $3) \
                 ON CONFLICT (office_id, id) DO UPDATE SET data = excluded.data",
            )
            .bind(office)
            .bind(&alert.id)
            .bind(serde_json::to_string(alert)?)
            .execute(&mut **tx)
            .await?;
        }
        EventKind::AlertCleared { alert } => {
            sqlx::query("DELETE FROM alerts WHERE office_id = $1 AND id = $2")
                .bind(office)
                .bind(&alert.id)
                .execute(&mut **tx)
                .await?;
        }
        EventKind::VisitRated { rating } => {
            let row = talon_protocol::api::Feedback::of(
                event.office_id,
                rating,
                extras.comment.clone(),
                event.at,
            );
            feedback::insert(tx, &row).await?;
        }
        EventKind::BookingMade { booking } => {
            let private = extras
                .booking
                .as_ref()
                .ok_or_else(|| StoreError::Corrupt("a booking made without its code".into()))?;
            bookings::project(tx, booking, Some(private)).await?;
        }
        EventKind::BookingMoved { booking }
        | EventKind::BookingCancelled { booking }
        | EventKind::BookingCheckedIn { booking }
        | EventKind::BookingMissed { booking } => bookings::project(tx, booking, None).await?,
        EventKind::ReceptionChanged { reception } => {
            bookings::project_reception(tx, reception).await?
        }
        _ => {}
    }
    Ok(())
}
