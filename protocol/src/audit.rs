//! The audit log: every administrative change, with who made it, what it changed, and
//! the object before and after. Kept apart from the office's queue events: it covers
//! staff and devices too, and it is for administrators, not for every screen of a hall.

use crate::{OfficeId, StaffId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One administrative change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// Who made the change; `None` for the command line on the server.
    pub actor_id: Option<StaffId>,
    /// Their name as it was then, or "talon-server" for the command line.
    pub actor_name: String,
    /// The office concerned, if the change belongs to one.
    pub office_id: Option<OfficeId>,
    pub action: AuditAction,
    /// What was changed, in words: "Договоры (Д)", "ivanova", "Окно 3", "kiosk 4".
    pub subject: String,
    /// The object before the change (none when it was created) and after it (none when
    /// it was removed), as the API shows it: never a password or a token.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub before: Option<serde_json::Value>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub after: Option<serde_json::Value>,
}

/// What kind of change.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AuditAction {
    OfficeCreated,
    /// Name, zone, hours, special days or settings.
    OfficeChanged,
    TopicCreated,
    /// Names, prefix, norms, order, booking settings, active.
    TopicChanged,
    WindowCreated,
    /// Label, topics served and their order, active.
    WindowChanged,
    StaffCreated,
    /// Name, role, offices, active.
    StaffChanged,
    /// An administrator or head set someone's password (their sessions end).
    PasswordReset,
    /// Someone changed their own password.
    PasswordChanged,
    DeviceCreated,
    DeviceRevoked,
    /// A person's reception hours for appointments.
    ReceptionChanged,
    RegionCreated,
    /// A region's name.
    RegionChanged,
}

impl AuditAction {
    /// The snake_case name on the wire and in the store.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(raw: &str) -> Option<Self> {
        raw.parse().ok()
    }

    /// Every action, for filters.
    pub fn all() -> impl Iterator<Item = AuditAction> {
        <AuditAction as strum::IntoEnumIterator>::iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for action in AuditAction::all() {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
            let json = serde_json::to_string(&action).unwrap();
            assert_eq!(json, format!("\"{}\"", action.as_str()));
        }
        assert_eq!(AuditAction::parse("nothing"), None);
    }
}
