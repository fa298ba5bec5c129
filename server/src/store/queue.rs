//! Queue state: loading an office, committing events with the state they describe.

use super::{Extras, Store, StoreError, StoreResult};
use crate::engine::ticket_set::TicketSet;
use crate::engine::{OfficeState, RECENT_CALLS, RECENT_SERVICES};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap, VecDeque};
use talon_protocol::{
    Alert, CallRecord, Event, EventKind, EventType, OfficeId, Ticket, TicketId, TicketStatus,
    Topic, TopicId, Window, WindowId,
};

/// How many earlier service days an office's flow is learnt from at most (an office
/// with few visitors a day fills its memory of outcomes more slowly)...
const EARLIER_DAYS_FOR_FLOW: i64 = 60;
/// ...and how many of their tickets: days whose tickets carry no forecast (kept before
/// forecasts were) must not make every start read months of a busy office.
const EARLIER_TICKETS_FOR_FLOW: usize = 2 * crate::engine::flow::RECENT_OUTCOMES;

/// The active tickets of an office. The status names are the program's own constants,
/// written into the SQL once, so that both backends read the same list.
static ACTIVE_TICKETS_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let statuses: Vec<String> = TicketStatus::ACTIVE
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    format!(
        "SELECT data FROM tickets WHERE office_id = $1 AND status IN ({})",
        statuses.join(", ")
    )
});

impl Store {
    /// Everything the engine needs about an office, as the database has it.
    pub async fn load_office(
        &self,
        office_id: OfficeId,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<OfficeState>> {
        let Some(office) = self.office(office_id).await? else {
            return Ok(None);
        };
        let tz = office.time_zone.tz();

        let topics: BTreeMap<TopicId, Topic> = self
            .topics(office_id)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let windows: BTreeMap<WindowId, Window> = self
            .windows(office_id)
            .await?
            .into_iter()
            .map(|w| (w.id, w))
            .collect();

        let rows: Vec<(String,)> = sqlx::query_as(ACTIVE_TICKETS_SQL.as_str())
            .bind(office_id.0)
            .fetch_all(&self.pool)
            .await?;
        let tickets: TicketSet = rows
            .into_iter()
            .map(|(data,)| serde_json::from_str::<Ticket>(&data))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .collect();

        let (last_day,): (Option<String>,) =
            sqlx::query_as("SELECT MAX(service_day) FROM tickets WHERE office_id = $1")
                .bind(office_id.0)
                .fetch_one(&self.pool)
                .await?;
        let service_day = match last_day {
            Some(day) => NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            None => crate::engine::hours::service_day(tz, now),
        };
        let counter_rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT prefix, MAX(number) FROM tickets WHERE office_id = $1 AND service_day = $2 GROUP BY prefix",
        )
        .bind(office_id.0)
        .bind(service_day.to_string())
        .fetch_all(&self.pool)
        .await?;
        let counters = counter_rows
            .into_iter()
            .map(|(prefix, max)| (prefix, u32::try_from(max).unwrap_or(u32::MAX)))
            .collect();

        let (seq,): (i64,) =
            sqlx::query_as("SELECT COALESCE(MAX(seq), 0) FROM events WHERE office_id = $1")
                .bind(office_id.0)
                .fetch_one(&self.pool)
                .await?;

        let alert_rows: Vec<(String,)> =
            sqlx::query_as("SELECT data FROM alerts WHERE office_id = $1")
                .bind(office_id.0)
                .fetch_all(&self.pool)
                .await?;
        let alerts = alert_rows
            .into_iter()
            .map(|(data,)| serde_json::from_str::<Alert>(&data).map(|a| (a.id.clone(), a)))
            .collect::<Result<_, _>>()?;

        let day_start = crate::engine::hours::day_start(tz, service_day);
        let bookings = self.live_bookings(office_id, day_start).await?;
        let receptions = self
            .receptions(office_id)
            .await?
            .into_iter()
            .map(|r| (r.staff_id, r))
            .collect();
        Ok(Some(OfficeState {
            office,
            topics,
            windows,
            tickets,
            service_day,
            counters,
            seq: u64::try_from(seq).unwrap_or(0),
            alerts,
            recent_calls: self.recent_calls(office_id, service_day).await?,
            recent_service_ms: self.recent_services(office_id, tz).await?,
            bookings: bookings.into_iter().collect(),
            receptions,
            forecast: None,
            advice: Vec::new(),
            flow: self.office_flow(office_id, service_day).await?,
        }))
    }

    /// The latest calls of the current service day.
    async fn recent_calls(
        &self,
        office_id: OfficeId,
        service_day: NaiveDate,
    ) -> StoreResult<Vec<CallRecord>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT data FROM events WHERE office_id = $1 AND kind = $2 ORDER BY seq DESC LIMIT $3",
        )
        .bind(office_id.0)
        .bind(EventType::TicketCalled.name())
        .bind(RECENT_CALLS as i64)
        .fetch_all(&self.pool)
        .await?;
        let mut calls = Vec::new();
        for (data,) in rows {
            let event: Event = serde_json::from_str(&data)?;
            if let EventKind::TicketCalled {
                ticket,
                window_id,
                window_label,
                recall,
            } = event.kind
                && ticket.service_day == service_day
            {
                calls.push(CallRecord {
                    ticket_id: ticket.id,
                    label: ticket.label,
                    window_id,
                    window_label,
                    at: event.at,
                    recall,
                });
            }
        }
        Ok(calls)
    }

    /// What the forecast learns of the office's flow, from its tickets: today's, and as
    /// many earlier days as hold a full memory of forecast outcomes and walks (what a
    /// node that kept running across the day's end still remembers; an office opening
    /// in the morning then shows calibrated ranges from its first ticket).
    async fn office_flow(
        &self,
        office_id: OfficeId,
        service_day: NaiveDate,
    ) -> StoreResult<crate::engine::flow::Flow> {
        use crate::engine::flow::{Flow, RECENT_OUTCOMES, RECENT_SAMPLES};
        let mut tickets = self.day_tickets(office_id, service_day).await?;
        let today = tickets.len();
        let mut flow = Flow::of_tickets(&tickets);
        let earlier: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT service_day FROM tickets WHERE office_id = $1 AND service_day < $2 \
             ORDER BY service_day DESC LIMIT $3",
        )
        .bind(office_id.0)
        .bind(service_day.to_string())
        .bind(EARLIER_DAYS_FOR_FLOW)
        .fetch_all(&self.pool)
        .await?;
        for (day,) in earlier {
            let full =
                flow.outcomes.len() >= RECENT_OUTCOMES && flow.walk_ms.len() >= RECENT_SAMPLES;
            if full || tickets.len() - today >= EARLIER_TICKETS_FOR_FLOW {
                break;
            }
            let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map_err(|e| StoreError::Corrupt(format!("service day {day}: {e}")))?;
            tickets.extend(self.day_tickets(office_id, day).await?);
            flow = Flow::of_tickets(&tickets);
        }
        Ok(flow)
    }

    async fn day_tickets(
        &self,
        office_id: OfficeId,
        service_day: NaiveDate,
    ) -> StoreResult<Vec<Ticket>> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT data FROM tickets WHERE office_id = $1 AND service_day = $2")
                .bind(office_id.0)
                .bind(service_day.to_string())
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .iter()
            .map(|(data,)| serde_json::from_str::<Ticket>(data))
            .collect::<Result<Vec<_>, _>>()?)
    }

    async fn recent_services(
        &self,
        office_id: OfficeId,
        tz: chrono_tz::Tz,
    ) -> StoreResult<HashMap<TopicId, VecDeque<i64>>> {
        // Enough finished visits to fill every topic's window in the common case.
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT data FROM tickets WHERE office_id = $1 AND status = $2 ORDER BY finished_ms DESC LIMIT 1000",
        )
        .bind(office_id.0)
        .bind(TicketStatus::Done.as_str())
        .fetch_all(&self.pool)
        .await?;
        let mut recent: HashMap<TopicId, VecDeque<i64>> = HashMap::new();
        for (data,) in rows {
            let ticket: Ticket = serde_json::from_str(&data)?;
            if !crate::engine::teaches_service(&ticket, tz) {
                continue;
            }
            let per_topic = recent.entry(ticket.topic_id).or_default();
            if per_topic.len() < RECENT_SERVICES {
                per_topic.push_front(ticket.service_ms);
            }
        }
        Ok(recent)
    }

    /// Writes events and the state they describe, with `extras`, in one transaction,
    /// durably, before returning.
    pub async fn commit(&self, events: &[Event], extras: Extras) -> StoreResult<()> {
        if events.is_empty() {
            return Ok(());
        }
        self.writer.commit(events.to_vec(), extras).await
    }

    /// Events after `since`, at most `limit`, in order.
    pub async fn events_since(
        &self,
        office_id: OfficeId,
        since: u64,
        limit: u32,
    ) -> StoreResult<Vec<Event>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT data FROM events WHERE office_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(office_id.0)
        .bind(i64::try_from(since).unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .collect()
    }

    /// The ticket a retried issue request already created.
    pub async fn ticket_by_idempotency_key(
        &self,
        office_id: OfficeId,
        key: &str,
    ) -> StoreResult<Option<Ticket>> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT data FROM tickets WHERE office_id = $1 AND idempotency_key = $2",
        )
        .bind(office_id.0)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .transpose()
    }

    pub async fn ticket(&self, id: TicketId) -> StoreResult<Option<Ticket>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT data FROM tickets WHERE id = $1")
            .bind(id.0.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .transpose()
    }

    pub async fn ticket_by_public_code(&self, code: &str) -> StoreResult<Option<Ticket>> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT data FROM tickets WHERE public_code = $1")
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .transpose()
    }

    /// Tickets of the service days `from..=to` (for statistics).
    pub async fn tickets_between(
        &self,
        office_id: OfficeId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<Ticket>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT data FROM tickets WHERE office_id = $1 AND service_day BETWEEN $2 AND $3 ORDER BY issued_ms",
        )
        .bind(office_id.0)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .collect()
    }
}
