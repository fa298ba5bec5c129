//! Staff, their login sessions, and devices. Tokens are stored only as hashes.

use super::{Store, StoreError, StoreResult, is_unique_violation};
use talon_protocol::api::{Device, DeviceKind, Role, User};
use talon_protocol::{DeviceId, OfficeId, StaffId};

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

impl Store {
    pub async fn create_staff(
        &self,
        login: &str,
        name: &str,
        role: Role,
        password_hash: &str,
        offices: &[OfficeId],
    ) -> StoreResult<User> {
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
        tx.commit().await?;
        Ok(User {
            id: StaffId(id),
            login: login.to_string(),
            name: name.to_string(),
            role,
            offices: offices.to_vec(),
            active: true,
        })
    }

    pub async fn update_staff(
        &self,
        id: StaffId,
        name: Option<&str>,
        role: Option<Role>,
        password_hash: Option<&str>,
        offices: Option<&[OfficeId]>,
        active: Option<bool>,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE staff SET name = COALESCE($1, name), role = COALESCE($2, role), \
             password_hash = COALESCE($3, password_hash), active = COALESCE($4, active) WHERE id = $5",
        )
        .bind(name)
        .bind(role.map(Role::as_str))
        .bind(password_hash)
        .bind(active.map(i64::from))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if let Some(offices) = offices {
            sqlx::query("DELETE FROM staff_offices WHERE staff_id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            for office in offices {
                sqlx::query("INSERT INTO staff_offices (staff_id, office_id) VALUES ($1, $2)")
                    .bind(id.0)
                    .bind(office.0)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        // A deactivated employee or a changed password ends every open session.
        if active == Some(false) || password_hash.is_some() {
            sqlx::query("UPDATE sessions SET revoked = 1 WHERE staff_id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
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
        Ok(StaffRecord {
            user: User {
                id: StaffId(id),
                login,
                name,
                role,
                offices: offices.into_iter().map(|(o,)| OfficeId(o)).collect(),
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
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT s.staff_id FROM sessions s JOIN staff st ON st.id = s.staff_id \
             WHERE s.token_hash = $1 AND s.revoked = 0 AND s.expires_ms > $2 AND st.active = 1",
        )
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some((id,)) => self.staff_by_id(StaffId(id)).await,
            None => Ok(None),
        }
    }

    pub async fn revoke_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("UPDATE sessions SET revoked = 1 WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn create_device(
        &self,
        office: OfficeId,
        kind: DeviceKind,
        name: &str,
        token_hash: &str,
        now_ms: i64,
    ) -> StoreResult<Device> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO devices (office_id, kind, name, token_hash, created_ms) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(office.0)
        .bind(kind.as_str())
        .bind(name)
        .bind(token_hash)
        .bind(now_ms)
        .fetch_one(&self.pool)
        .await?;
        Ok(Device {
            id: DeviceId(id),
            office_id: office,
            kind,
            name: name.to_string(),
            revoked: false,
        })
    }

    pub async fn device_by_token(&self, token_hash: &str) -> StoreResult<Option<DeviceRecord>> {
        let row: Option<(i64, i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, office_id, kind, name, revoked FROM devices WHERE token_hash = $1 AND revoked = 0",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(device_from_row)
            .transpose()
            .map(|d| d.map(|device| DeviceRecord { device }))
    }

    pub async fn devices(&self, office: OfficeId) -> StoreResult<Vec<Device>> {
        let rows: Vec<(i64, i64, String, String, i64)> =
            sqlx::query_as("SELECT id, office_id, kind, name, revoked FROM devices WHERE office_id = $1 ORDER BY id")
                .bind(office.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(device_from_row).collect()
    }

    /// Revokes a device; returns its office, or None when there is no such device.
    pub async fn revoke_device(&self, id: DeviceId) -> StoreResult<Option<OfficeId>> {
        let row: Option<(i64,)> =
            sqlx::query_as("UPDATE devices SET revoked = 1 WHERE id = $1 RETURNING office_id")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(o,)| OfficeId(o)))
    }

    pub async fn device(&self, id: DeviceId) -> StoreResult<Option<Device>> {
        let row: Option<(i64, i64, String, String, i64)> =
            sqlx::query_as("SELECT id, office_id, kind, name, revoked FROM devices WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        row.map(device_from_row).transpose()
    }
}

fn device_from_row(
    (id, office, kind, name, revoked): (i64, i64, String, String, i64),
) -> StoreResult<Device> {
    Ok(Device {
        id: DeviceId(id),
        office_id: OfficeId(office),
        kind: DeviceKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown device kind {kind}")))?,
        name,
        revoked: revoked != 0,
    })
}
