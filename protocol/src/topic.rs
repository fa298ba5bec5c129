//! Topics (тематика обращения) and their time norms.

use crate::{OfficeId, TopicId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Topic {
    pub id: TopicId,
    pub office_id: OfficeId,
    /// One or two letters, Latin or Cyrillic: the start of every ticket label.
    pub prefix: String,
    pub name_ru: String,
    pub name_en: String,
    pub norms: Norms,
    pub active: bool,
    pub display_order: i32,
    /// Whether and how visitors book its slots ahead.
    #[serde(default)]
    pub booking: crate::booking::BookingSettings,
}

impl Topic {
    /// The name in the requested language ("ru" or "en"); Russian is the default.
    pub fn name(&self, lang: &str) -> &str {
        if lang == "en" && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name_ru
        }
    }
}

/// The norms of one topic (LNA-0009-4 §5.4.7.4: 15 / 20 / 35 minutes by default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Norms {
    pub wait: Norm,
    pub service: Norm,
    pub total: Norm,
}

impl Default for Norms {
    fn default() -> Self {
        Norms {
            wait: Norm::hard_max(15),
            service: Norm::average(20),
            total: Norm::average(35),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Norm {
    pub minutes: u32,
    pub kind: NormKind,
}

impl Norm {
    pub fn average(minutes: u32) -> Self {
        Norm {
            minutes,
            kind: NormKind::Average,
        }
    }

    pub fn hard_max(minutes: u32) -> Self {
        Norm {
            minutes,
            kind: NormKind::HardMax,
        }
    }
}

/// Some norms are averages over many visits, others a maximum for every single visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NormKind {
    Average,
    HardMax,
}

/// The service norm applies only to visits that covered at most this many topics.
pub const SERVICE_NORM_MAX_TOPICS: u8 = 3;
