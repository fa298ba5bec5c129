//! Staff, their login sessions, and devices. Tokens are stored only as hashes.

use super::audit::{self, AuditRecord, Stamp};
use super::tokens::{Holder, TOKENS_CHANNEL, TRUSTED_FOR};
use super::{Backend, Store, StoreError, StoreResult, from_ms, is_unique_violation};
use sqlx::{Any, Transaction};
use talon_protocol::api::{Device, DeviceKind, Role, User};
use talon_protocol::audit::AuditAction;
use talon_protocol::{DeviceId, OfficeId, RegionId, StaffId};

/// A member of staff with the password hash (never leaves the server).
#[derive(Debug, Clone)]
pub struct StaffRecord {
    pub user: User,
    pub password_hash: String,
}

#[derive(Debug, Clone)]
pub struct DeviceRecord {
    pub device: Device,
}

type StaffRow = (i64, String, String, String, String, i64);

/// What changes in a member of staff; `None` keeps a field as it is.
#[derive(Debug, Default)]
pub struct StaffChange<'a> {
    pub name: Option<&'a str>,
    pub role: Option<Role>,
    pub password_hash: Option<&'a str>,
    pub offices: Option<&'a [OfficeId]>,
    pub regions: Option<&'a [RegionId]>,
    pub active: Option<bool>,
    /// The person changes their own password from this session, which stays open.
    pub keep_session: Option<&'a str>,
}

fn staff_entry(
    stamp: &Stamp,
    action: AuditAction,
    before: Option<&User>,
    after: &User,
) -> AuditRecord {
    AuditRecord::of(
        stamp,
        // A member of staff may work in several offices: the entry belongs to the first.
        after.offices.first().copied(),
        action,
        format!("{} ({})", after.login, after.name),
        before,
        Some(after),
    )
}

fn device_entry(
    stamp: &Stamp,
    action: AuditAction,
    before: Option<&Device>,
    after: &Device,
) -> AuditRecord {
    AuditRecord::of(
        stamp,
        Some(after.office_id),
        action,
        format!("{} «{}»", after.kind.as_str(), after.name),
        before,
        Some(after),
    )
}

/// A device's columns: id, office, kind, name, revoked, last seen.
type DeviceRow = (i64, i64, String, String, i64, Option<i64>);
/// The same, and when it was registered.
type WatchedRow = (i64, i64, String, String, i64, Option<i64>, i64);
/// (A macro, so that the queries stay `&'static str` literals, which sqlx requires.)
macro_rules! device_columns {
    () => {
        "id, office_id, kind, name, revoked, last_seen_ms"
    };
}

/// A new member of staff, as stored.
#[derive(Debug)]
pub struct NewStaff<'a> {
    pub login: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub offices: &'a [OfficeId],
    /// The regions a region head heads.
    pub regions: &'a [RegionId],
}

impl Store {
    pub async fn create_staff(
        &self,
        login: &str,
        name: &str,
        role: Role,
        password_hash: &str,
        offices: &[OfficeId],
        stamp: &Stamp,
    ) -> StoreResult<User> {
        let new = NewStaff {
            login,
            name,
            role,
            password_hash,
            offices,
            regions: &[],
        };
        self.add_staff(&new, stamp).await
    }

    pub async fn add_staff(&self, new: &NewStaff<'_>, stamp: &Stamp) -> StoreResult<User> {
        let NewStaff {
            login,
            name,
            role,
            password_hash,
            offices,
            regions,
        } = *new;
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO staff (login, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(login)
        .bind(name)
        .bind(role.as_str())
        .bind(password_hash)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::Duplicate(format!("login «{login}» is taken"))
            } else {
                e.into()
            }
        })?;
        for office in offices {
            sqlx::query("INSERT INTO staff_offices (staff_id, office_id) VALUES ($1, $2)")
                .bind(id)
                .bind(office.0)
                .execute(&mut *tx)
                .await?;
        }
        super::regions::set_staff_regions(&mut tx, StaffId(id), regions).await?;
        let user = User {
            id: StaffId(id),
            login: login.to_string(),
            name: name.to_string(),
            role,
            offices: offices.to_vec(),
            regions: regions.to_vec(),
            active: true,
        };
        audit::insert(
            &mut tx,
            &staff_entry(stamp, AuditAction::StaffCreated, None, &user),
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Changes a member of staff, with its audit entries (a changed password is an entry
    /// of its own, `action` when the person changed their own). Returns them after.
    pub async fn update_staff(
        &self,
        id: StaffId,
        change: &StaffChange<'_>,
        stamp: &Stamp,
    ) -> StoreResult<Option<User>> {
        let Some(before) = self.staff_by_id(id).await?.map(|r| r.user) else {
            return Ok(None);
        };
        let mut after = before.clone();
        if let Some(name) = change.name {
            after.name = name.to_string();
        }
        if let Some(role) = change.role {
            after.role = role;
        }
        if let Some(offices) = change.offices {
            after.offices = offices.to_vec();
            after.offices.sort();
            after.offices.dedup();
        }
        if let Some(regions) = change.regions {
            after.regions = regions.to_vec();
            after.regions.sort();
            after.regions.dedup();
        }
        if let Some(active) = change.active {
            after.active = active;
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE staff SET name = $1, role = $2, password_hash = COALESCE($3, password_hash), \
             active = $4 WHERE id = $5",
        )
        .bind(&after.name)
        .bind(after.role.as_str())
        .bind(change.password_hash)
        .bind(i64::from(after.active))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if change.offices.is_some() {
            sqlx::query("DELETE FROM staff_offices WHERE staff_id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            for office in &after.offices {
                sqlx::query("INSERT INTO staff_offices (staff_id, office_id) VALUES ($1, $2)")
                    .bind(id.0)
                    .bind(office.0)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        if change.regions.is_some() {
            super::regions::set_staff_regions(&mut tx, id, &after.regions).await?;
        }
        // A deactivated employee or a changed password ends every open session (but the
        // one changing their own password keeps theirs: `keep_session`).
        if !after.active || change.password_hash.is_some() {
            sqlx::query("UPDATE sessions SET revoked = 1 WHERE staff_id = $1 AND token_hash <> $2")
                .bind(id.0)
                .bind(change.keep_session.unwrap_or(""))
                .execute(&mut *tx)
                .await?;
        }
        if after != before {
            let entry = staff_entry(stamp, AuditAction::StaffChanged, Some(&before), &after);
            audit::insert(&mut tx, &entry).await?;
        }
        self.tokens_changed(&mut tx).await?;
        if change.password_hash.is_some() {
            let action = if change.keep_session.is_some() {
                AuditAction::PasswordChanged
            } else {
                AuditAction::PasswordReset
            };
            // Who and when only: a password is never in the log, not even hashed.
            let entry = AuditRecord {
                before: None,
                after: None,
                ..staff_entry(stamp, action, None, &after)
            };
            audit::insert(&mut tx, &entry).await?;
        }
        tx.commit().await?;
        self.tokens.forget_all();
        Ok(Some(after))
    }

    pub async fn staff_by_login(&self, login: &str) -> StoreResult<Option<StaffRecord>> {
        let row: Option<StaffRow> = sqlx::query_as(
            "SELECT id, login, name, role, password_hash, active FROM staff WHERE login = $1",
        )
        .bind(login)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => Ok(Some(self.staff_from_row(row).await?)),
            None => Ok(None),
        }
    }

    pub async fn staff_by_id(&self, id: StaffId) -> StoreResult<Option<StaffRecord>> {
        let row: Option<StaffRow> = sqlx::query_as(
            "SELECT id, login, name, role, password_hash, active FROM staff WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => Ok(Some(self.staff_from_row(row).await?)),
            None => Ok(None),
        }
    }

    /// Whether an active administrator exists (else the server says how to make one).
    pub async fn has_admin(&self) -> StoreResult<bool> {
        Ok(self.active_admins().await? > 0)
    }

    pub async fn active_admins(&self) -> StoreResult<i64> {
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM staff WHERE role = 'admin' AND active = 1")
                .fetch_one(&self.pool)
                .await?;
        Ok(count)
    }

    pub async fn all_staff(&self) -> StoreResult<Vec<User>> {
        let rows: Vec<StaffRow> = sqlx::query_as(
            "SELECT id, login, name, role, password_hash, active FROM staff ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut users = Vec::with_capacity(rows.len());
        for row in rows {
            users.push(self.staff_from_row(row).await?.user);
        }
        Ok(users)
    }

    async fn staff_from_row(
        &self,
        (id, login, name, role, password_hash, active): StaffRow,
    ) -> StoreResult<StaffRecord> {
        let offices: Vec<(i64,)> = sqlx::query_as(
            "SELECT office_id FROM staff_offices WHERE staff_id = $1 ORDER BY office_id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let role = Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role}")))?;
        let regions = self.regions_of(id).await?;
        Ok(StaffRecord {
            user: User {
                id: StaffId(id),
                login,
                name,
                role,
                offices: offices.into_iter().map(|(o,)| OfficeId(o)).collect(),
                regions,
                active: active != 0,
            },
            password_hash,
        })
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        staff: StaffId,
        created_ms: i64,
        expires_ms: i64,
    ) -> StoreResult<()> {
        sqlx::query("INSERT INTO sessions (token_hash, staff_id, created_ms, expires_ms) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(staff.0)
            .bind(created_ms)
            .bind(expires_ms)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The staff member of a live session (not revoked, not expired, still active).
    pub async fn session_staff(
        &self,
        token_hash: &str,
        now_ms: i64,
    ) -> StoreResult<Option<StaffRecord>> {
        match self.tokens.get(token_hash, self.token_trust()) {
            Some(Holder::Staff { record, expires_ms }) if expires_ms > now_ms => {
                return Ok(Some(record));
            }
            Some(_) => return Ok(None),
            None => {}
        }
        let generation = self.tokens.generation();
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT s.staff_id, s.expires_ms FROM sessions s JOIN staff st ON st.id = s.staff_id \
             WHERE s.token_hash = $1 AND s.revoked = 0 AND s.expires_ms > $2 AND st.active = 1",
        )
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, expires_ms)) = row else {
            return Ok(None);
        };
        let record = self.staff_by_id(StaffId(id)).await?;
        if let Some(record) = &record {
            let holder = Holder::Staff {
                record: record.clone(),
                expires_ms,
            };
            self.tokens.keep(token_hash, holder, generation);
        }
        Ok(record)
    }

    pub async fn revoke_session(&self, token_hash: &str) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE sessions SET revoked = 1 WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        self.tokens_changed(&mut tx).await?;
        tx.commit().await?;
        self.tokens.forget_all();
        Ok(())
    }

    /// How long a cached token is trusted: for ever where this node's own writes are
    /// the only ones (they empty the cache), briefly where other nodes write too.
    fn token_trust(&self) -> Option<std::time::Duration> {
        match self.backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(TRUSTED_FOR),
        }
    }

    /// Tells the other nodes, with the transaction that ends or changes access, to
    /// forget their cached tokens. (This node forgets its own after the commit.)
    async fn tokens_changed(&self, tx: &mut Transaction<'_, Any>) -> StoreResult<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, '')")
                .bind(TOKENS_CHANNEL)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Another node ended or changed someone's access: look every token up again.
    pub fn forget_tokens(&self) {
        self.tokens.forget_all();
    }

    pub async fn create_device(
        &self,
        office: OfficeId,
        kind: DeviceKind,
        name: &str,
        token_hash: &str,
        stamp: &Stamp,
    ) -> StoreResult<Device> {
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO devices (office_id, kind, name, token_hash, created_ms) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(office.0)
        .bind(kind.as_str())
        .bind(name)
        .bind(token_hash)
        .bind(stamp.at.timestamp_millis())
        .fetch_one(&mut *tx)
        .await?;
        let device = Device {
            id: DeviceId(id),
            office_id: office,
            kind,
            name: name.to_string(),
            revoked: false,
            last_seen: None,
            online: false,
            faults: Vec::new(),
        };
        audit::insert(
            &mut tx,
            &device_entry(stamp, AuditAction::DeviceCreated, None, &device),
        )
        .await?;
        tx.commit().await?;
        Ok(device)
    }

    pub async fn device_by_token(&self, token_hash: &str) -> StoreResult<Option<DeviceRecord>> {
        match self.tokens.get(token_hash, self.token_trust()) {
            Some(Holder::Device(record)) => return Ok(Some(record)),
            Some(Holder::Staff { .. }) => return Ok(None),
            None => {}
        }
        let generation = self.tokens.generation();
        let found = self.device_row_by_token(token_hash).await?;
        if let Some(record) = &found {
            self.tokens
                .keep(token_hash, Holder::Device(record.clone()), generation);
        }
        Ok(found)
    }

    async fn device_row_by_token(&self, token_hash: &str) -> StoreResult<Option<DeviceRecord>> {
        let row: Option<DeviceRow> = sqlx::query_as(concat!(
            "SELECT ",
            device_columns!(),
            " FROM devices WHERE token_hash = $1 AND revoked = 0"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(device_from_row)
            .transpose()
            .map(|d| d.map(|device| DeviceRecord { device }))
    }

    pub async fn devices(&self, office: OfficeId) -> StoreResult<Vec<Device>> {
        let rows: Vec<DeviceRow> = sqlx::query_as(concat!(
            "SELECT ",
            device_columns!(),
            " FROM devices WHERE office_id = $1 ORDER BY id"
        ))
        .bind(office.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(device_from_row).collect()
    }

    /// Every device not revoked, with when it was registered, for the device monitor.
    pub async fn watched_devices(
        &self,
    ) -> StoreResult<Vec<(Device, chrono::DateTime<chrono::Utc>)>> {
        let rows: Vec<WatchedRow> = sqlx::query_as(concat!(
            "SELECT ",
            device_columns!(),
            ", created_ms FROM devices WHERE revoked = 0 ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, office, kind, name, revoked, seen, created)| {
                let device = device_from_row((id, office, kind, name, revoked, seen))?;
                Ok((device, from_ms(created)?))
            })
            .collect()
    }

    /// Notes that a device was in contact at `at` (never moving its time back).
    pub async fn touch_device(
        &self,
        id: DeviceId,
        at: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<()> {
        let at_ms = at.timestamp_millis();
        sqlx::query(
            "UPDATE devices SET last_seen_ms = $1 WHERE id = $2 \
             AND (last_seen_ms IS NULL OR last_seen_ms < $1)",
        )
        .bind(at_ms)
        .bind(id.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Revokes a device, with its audit entry; returns it as it was, or None when there
    /// is no such device.
    pub async fn revoke_device(&self, id: DeviceId, stamp: &Stamp) -> StoreResult<Option<Device>> {
        let Some(before) = self.device(id).await? else {
            return Ok(None);
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE devices SET revoked = 1 WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let after = Device {
            revoked: true,
            ..before.clone()
        };
        if !before.revoked {
            let entry = device_entry(stamp, AuditAction::DeviceRevoked, Some(&before), &after);
            audit::insert(&mut tx, &entry).await?;
        }
        self.tokens_changed(&mut tx).await?;
        tx.commit().await?;
        self.tokens.forget_all();
        Ok(Some(before))
    }

    pub async fn device(&self, id: DeviceId) -> StoreResult<Option<Device>> {
        let row: Option<DeviceRow> = sqlx::query_as(concat!(
            "SELECT ",
            device_columns!(),
            " FROM devices WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(device_from_row).transpose()
    }
}

/// A device as stored; `online` and `faults` are the device monitor's to fill in.
fn device_from_row((id, office, kind, name, revoked, seen): DeviceRow) -> StoreResult<Device> {
    Ok(Device {
        id: DeviceId(id),
        office_id: OfficeId(office),
        kind: DeviceKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown device kind {kind}")))?,
        name,
        revoked: revoked != 0,
        last_seen: seen.map(from_ms).transpose()?,
        online: false,
        faults: Vec::new(),
    })
}
