//! Offices, topics and windows as configured.

use super::audit::{self, AuditRecord, Stamp};
use super::{Store, StoreError, StoreResult};
use talon_protocol::api::OfficeInput;
use talon_protocol::audit::AuditAction;
use talon_protocol::{Office, OfficeId, Topic, Window, WindowId};

impl Store {
    /// Creates an office (it has no events until something happens in it).
    pub async fn create_office(&self, input: OfficeInput, stamp: &Stamp) -> StoreResult<Office> {
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO offices (name, data) VALUES ($1, '{}') RETURNING id")
                .bind(&input.name)
                .fetch_one(&mut *tx)
                .await?;
        let office = Office {
            id: OfficeId(id),
            name: input.name,
            time_zone: input.time_zone,
            schedule: input.schedule,
            settings: input.settings,
            region_id: input.region_id,
        };
        sqlx::query("UPDATE offices SET data = $1, region_id = $2 WHERE id = $3")
            .bind(serde_json::to_string(&office)?)
            .bind(office.region_id.map(|r| r.0))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let entry = AuditRecord::of(
            stamp,
            Some(office.id),
            AuditAction::OfficeCreated,
            office.name.clone(),
            None,
            Some(&office),
        );
        audit::insert(&mut tx, &entry).await?;
        if self.backend == super::Backend::Postgres {
            // Other nodes start serving the office at once (seq 0: no events yet).
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(super::EVENTS_CHANNEL)
                .bind(format!("{id}:0"))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(office)
    }

    pub async fn office(&self, id: OfficeId) -> StoreResult<Option<Office>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT data FROM offices WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .transpose()
    }

    pub async fn office_ids(&self) -> StoreResult<Vec<OfficeId>> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM offices ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(id,)| OfficeId(id)).collect())
    }

    pub async fn topics(&self, office_id: OfficeId) -> StoreResult<Vec<Topic>> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT data FROM topics WHERE office_id = $1 ORDER BY id")
                .bind(office_id.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .collect()
    }

    pub async fn windows(&self, office_id: OfficeId) -> StoreResult<Vec<Window>> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT data FROM windows WHERE office_id = $1 ORDER BY id")
                .bind(office_id.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(data,)| serde_json::from_str(&data).map_err(StoreError::from))
            .collect()
    }

    /// Which office every window belongs to (windows are addressed by id alone).
    pub async fn window_offices(&self) -> StoreResult<Vec<(WindowId, OfficeId)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as("SELECT id, office_id FROM windows")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(w, o)| (WindowId(w), OfficeId(o)))
            .collect())
    }

    /// Which office a topic belongs to.
    pub async fn topic_office(&self, id: talon_protocol::TopicId) -> StoreResult<Option<OfficeId>> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT office_id FROM topics WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(id,)| OfficeId(id)))
    }
}
