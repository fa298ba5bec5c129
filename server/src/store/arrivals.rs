//! How many visitors took a ticket in a stretch of time, by ticket prefix: the staffing
//! advisor's arrival rates (today's last hour, the same hour on past weekdays).

use super::{Store, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use talon_protocol::OfficeId;

impl Store {
    /// Tickets of `office` issued in `from..to` on the service day `day`, counted by
    /// prefix (the service day keeps the query on its index).
    pub async fn arrivals(
        &self,
        office: OfficeId,
        day: NaiveDate,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<HashMap<String, u32>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT prefix, COUNT(*) FROM tickets \
             WHERE office_id = $1 AND service_day = $2 AND issued_ms >= $3 AND issued_ms < $4 \
             GROUP BY prefix",
        )
        .bind(office.0)
        .bind(day.to_string())
        .bind(from.timestamp_millis())
        .bind(to.timestamp_millis())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(prefix, n)| (prefix, u32::try_from(n).unwrap_or(u32::MAX)))
            .collect())
    }
}

impl Store {
    /// When each ticket of `office` on service day `day` was issued, with its prefix.
    pub async fn issue_times(
        &self,
        office: OfficeId,
        day: NaiveDate,
    ) -> StoreResult<Vec<(String, DateTime<Utc>)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT prefix, issued_ms FROM tickets WHERE office_id = $1 AND service_day = $2",
        )
        .bind(office.0)
        .bind(day.to_string())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(prefix, ms)| DateTime::from_timestamp_millis(ms).map(|at| (prefix, at)))
            .collect())
    }
}
