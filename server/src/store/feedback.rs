//! Visitors' ratings of their visits: one per ticket.

use super::{Store, StoreError, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Any, Transaction};
use talon_protocol::api::Feedback;
use talon_protocol::{OfficeId, StaffId, TicketId, TopicId, WindowId};

type Row = (
    String,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    i64,
    Option<String>,
    i64,
    i64,
    i64,
);

/// The columns, in the order of `Row`. Only this constant is put into the SQL text;
/// every value is bound.
const COLUMNS: &str = "ticket_id, office_id, topic_id, window_id, agent_id, service_day, \
                       rating, comment, wait_ms, service_ms, created_ms";

fn from_row(row: Row) -> StoreResult<Feedback> {
    let corrupt = |e: &dyn std::fmt::Display| StoreError::Corrupt(format!("feedback: {e}"));
    let (ticket, office, topic, window, agent, day, rating, comment, wait, service, created) = row;
    Ok(Feedback {
        ticket_id: TicketId(ticket.parse().map_err(|e| corrupt(&e))?),
        office_id: OfficeId(office),
        topic_id: TopicId(topic),
        window_id: window.map(WindowId),
        agent_id: agent.map(StaffId),
        service_day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|e| corrupt(&e))?,
        rating: u8::try_from(rating).map_err(|e| corrupt(&e))?,
        comment,
        wait_ms: wait,
        service_ms: service,
        created_at: DateTime::<Utc>::from_timestamp_millis(created)
            .ok_or_else(|| corrupt(&"a time out of range"))?,
    })
}

/// Stores a rating, as part of the commit of its `VisitRated` event (a second rating of
/// a ticket breaks the table's key, and the commit is refused).
pub(super) async fn insert(tx: &mut Transaction<'_, Any>, feedback: &Feedback) -> StoreResult<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO feedback ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    )))
    .bind(feedback.ticket_id.0.to_string())
    .bind(feedback.office_id.0)
    .bind(feedback.topic_id.0)
    .bind(feedback.window_id.map(|w| w.0))
    .bind(feedback.agent_id.map(|a| a.0))
    .bind(feedback.service_day.to_string())
    .bind(i64::from(feedback.rating))
    .bind(feedback.comment.as_deref())
    .bind(feedback.wait_ms)
    .bind(feedback.service_ms)
    .bind(feedback.created_at.timestamp_millis())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// The rating of a ticket's visit, if the visitor gave one.
    pub async fn feedback_of(&self, ticket: TicketId) -> StoreResult<Option<Feedback>> {
        let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM feedback WHERE ticket_id = $1"
        )))
        .bind(ticket.0.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.map(from_row).transpose()
    }

    /// The ratings of an office's service days `from..=to`, oldest first.
    pub async fn feedback_between(
        &self,
        office: OfficeId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<Feedback>> {
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM feedback WHERE office_id = $1 AND service_day BETWEEN $2 AND $3 \
             ORDER BY created_ms"
        )))
        .bind(office.0)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(from_row).collect()
    }
}
