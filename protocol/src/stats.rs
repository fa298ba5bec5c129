//! Statistics of an office over a period (computed by the server from tickets).

use crate::{OfficeId, StaffId, TopicId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeStats {
    pub office_id: OfficeId,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub to: NaiveDate,
    pub total: StatsRow,
    pub by_topic: Vec<TopicStats>,
    pub by_agent: Vec<AgentStats>,
    /// Each calendar month the period touches, measured over the whole month.
    pub monthly_wait: Vec<MonthlyWait>,
    /// Bookings whose slot fell in the period: all of them, per topic and per person.
    #[serde(default)]
    pub bookings: BookingStats,
}

/// What became of the bookings of a period, and how the booked visitors waited.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingStats {
    pub total: BookingRow,
    /// One row per booked topic and per person's reception, topics first.
    pub slices: Vec<BookingSlice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingSlice {
    pub target: crate::booking::BookingTarget,
    pub name_ru: String,
    pub name_en: String,
    pub row: BookingRow,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingRow {
    /// Bookings made for the period's slots, whatever became of them.
    pub made: u32,
    /// The visitor checked in.
    pub kept: u32,
    /// Moved to another slot at least once.
    pub moved: u32,
    pub cancelled: u32,
    pub no_shows: u32,
    /// Still booked (slots yet to come).
    pub pending: u32,
    /// Booked visitors called: their wait from the later of slot start and check-in.
    pub booked_wait: Distribution,
    /// Share (0..1) of them called within their booked wait norm.
    pub within_booked_norm: Option<f64>,
    /// Between making the booking and its slot's start.
    pub lead: Distribution,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicStats {
    pub topic_id: TopicId,
    pub prefix: String,
    pub name_ru: String,
    pub name_en: String,
    pub stats: StatsRow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentStats {
    pub agent_id: StaffId,
    pub name: String,
    pub stats: StatsRow,
}

/// Counts and time figures for one slice of the tickets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatsRow {
    pub issued: u32,
    /// Visits finished, by outcome.
    pub finished: u32,
    pub resolved: u32,
    pub deferred: u32,
    pub refused: u32,
    pub other: u32,
    pub no_shows: u32,
    pub cancelled: u32,
    /// Tickets still waiting, called or served at the end of the period.
    pub unfinished: u32,
    pub transfers: u32,
    /// Of tickets that were called (finished or no-show).
    pub wait: Distribution,
    /// Of finished visits.
    pub service: Distribution,
    pub total: Distribution,
    /// Share (0..1) of called tickets that waited within the wait norm.
    pub within_wait_norm: Option<f64>,
    /// Share of finished visits of at most 3 topics served within the service norm.
    pub within_service_norm: Option<f64>,
    pub within_total_norm: Option<f64>,
    /// The visitors' ratings of the slice's visits.
    #[serde(default)]
    pub ratings: RatingStats,
}

/// Visitors' ratings of visits (5 = отлично … 1 = очень плохо), given on their phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingStats {
    pub count: u32,
    /// The mean rating, `None` without ratings.
    pub average: Option<f64>,
    /// How many of each level, from 1 (очень плохо) to 5 (отлично): five entries.
    pub by_level: Vec<u32>,
    /// The mean rating of the rated visits that waited within their topic's wait norm…
    pub average_within_wait_norm: Option<f64>,
    /// …and of those that waited longer.
    pub average_over_wait_norm: Option<f64>,
}

impl Default for RatingStats {
    /// No ratings: every level counted zero times.
    fn default() -> Self {
        RatingStats {
            count: 0,
            average: None,
            by_level: vec![0; 5],
            average_within_wait_norm: None,
            average_over_wait_norm: None,
        }
    }
}

/// Average, median and 90th percentile (nearest rank) in milliseconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Distribution {
    pub count: u32,
    pub average_ms: Option<i64>,
    pub median_ms: Option<i64>,
    pub p90_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthlyWait {
    /// "2026-11".
    pub month: String,
    pub called: u32,
    pub average_wait_ms: Option<i64>,
    pub limit_ms: i64,
    pub within_limit: bool,
}
