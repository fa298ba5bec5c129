//! Regions (территориальные отделения) and the regions a region head heads.

use super::audit::{self, AuditRecord, Stamp};
use super::{Store, StoreError, StoreResult, is_unique_violation};
use sqlx::{Any, Transaction};
use talon_protocol::api::Region;
use talon_protocol::audit::AuditAction;
use talon_protocol::{RegionId, StaffId};

fn duplicate(name: &str) -> impl Fn(sqlx::Error) -> StoreError + '_ {
    move |e| {
        if is_unique_violation(&e) {
            StoreError::Duplicate(format!("a region «{name}» exists already"))
        } else {
            e.into()
        }
    }
}

fn region_entry(
    stamp: &Stamp,
    action: AuditAction,
    before: Option<&Region>,
    after: &Region,
) -> AuditRecord {
    AuditRecord::of(stamp, None, action, after.name.clone(), before, Some(after))
}

impl Store {
    pub async fn regions(&self) -> StoreResult<Vec<Region>> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM regions ORDER BY name, id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name)| Region {
                id: RegionId(id),
                name,
            })
            .collect())
    }

    pub async fn region(&self, id: RegionId) -> StoreResult<Option<Region>> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM regions WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(id, name)| Region {
            id: RegionId(id),
            name,
        }))
    }

    pub async fn create_region(&self, name: &str, stamp: &Stamp) -> StoreResult<Region> {
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as("INSERT INTO regions (name) VALUES ($1) RETURNING id")
            .bind(name)
            .fetch_one(&mut *tx)
            .await
            .map_err(duplicate(name))?;
        let region = Region {
            id: RegionId(id),
            name: name.to_string(),
        };
        let entry = region_entry(stamp, AuditAction::RegionCreated, None, &region);
        audit::insert(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(region)
    }

    /// Renames a region; `None` when there is no such region.
    pub async fn rename_region(
        &self,
        id: RegionId,
        name: &str,
        stamp: &Stamp,
    ) -> StoreResult<Option<Region>> {
        let Some(before) = self.region(id).await? else {
            return Ok(None);
        };
        let after = Region {
            id,
            name: name.to_string(),
        };
        if after == before {
            return Ok(Some(after));
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE regions SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(duplicate(name))?;
        let entry = region_entry(stamp, AuditAction::RegionChanged, Some(&before), &after);
        audit::insert(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(Some(after))
    }

    /// The regions a member of staff heads.
    pub(super) async fn regions_of(&self, staff: i64) -> StoreResult<Vec<RegionId>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT region_id FROM staff_regions WHERE staff_id = $1 ORDER BY region_id",
        )
        .bind(staff)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(r,)| RegionId(r)).collect())
    }
}

/// Sets the regions a member of staff heads, in the transaction of the change.
pub(super) async fn set_staff_regions(
    tx: &mut Transaction<'_, Any>,
    staff: StaffId,
    regions: &[RegionId],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM staff_regions WHERE staff_id = $1")
        .bind(staff.0)
        .execute(&mut **tx)
        .await?;
    for region in regions {
        sqlx::query("INSERT INTO staff_regions (staff_id, region_id) VALUES ($1, $2)")
            .bind(staff.0)
            .bind(region.0)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
