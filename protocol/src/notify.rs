//! Notifications outside the desk: an office's or a region's alerts sent to a webhook
//! (a JSON POST signed with HMAC-SHA256) or by email, each delivery kept with its
//! attempts.

use crate::alert::AlertChange;
use crate::{Alert, OfficeId, RegionId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The header carrying a webhook body's signature: `sha256=<hex of HMAC-SHA256 of the
/// body with the target's secret>`.
pub const SIGNATURE_HEADER: &str = "x-talon-signature";

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum TargetKind {
    Webhook,
    Email,
}

/// Where alerts go. An office's target hears every alert of the office that escalates
/// (wait breaches, long queues) and each step of it; a region's target hears those of
/// its offices once they reach the region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotifyTarget {
    pub id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_id: Option<OfficeId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<RegionId>,
    pub kind: TargetKind,
    /// The webhook's URL (http or https) or the email address.
    pub address: String,
    /// The language of emails: "ru" or "en".
    pub lang: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotifyTargetInput {
    /// One of `office_id` and `region_id`.
    #[serde(default)]
    pub office_id: Option<OfficeId>,
    #[serde(default)]
    pub region_id: Option<RegionId>,
    pub kind: TargetKind,
    pub address: String,
    #[serde(default = "russian")]
    pub lang: String,
}

fn russian() -> String {
    "ru".into()
}

/// A new webhook target with its signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotifyTargetCreated {
    pub target: NotifyTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// What a webhook receives (and an email says in words).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub office_id: OfficeId,
    /// The office's event that made it.
    pub seq: u64,
    pub at: DateTime<Utc>,
    /// Raised, or what changed (escalated to a level, acknowledged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<AlertChange>,
    pub alert: Alert,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DeliveryStatus {
    /// Not yet delivered; tried again at `next_attempt_at`.
    Pending,
    Delivered,
    /// Given up after [`MAX_ATTEMPTS`].
    Failed,
}

/// Attempts before a delivery is given up.
pub const MAX_ATTEMPTS: u32 = 8;

/// One notification to one target, with how its delivery went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    pub id: i64,
    pub target_id: i64,
    pub created_at: DateTime<Utc>,
    pub status: DeliveryStatus,
    pub attempts: u32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    pub notification: Notification,
}
