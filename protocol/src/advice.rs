//! The staffing advisor's advice to an office head: open a window for a topic before
//! its wait norm breaks, let an open window take a topic, close a window that is not
//! needed. Each piece of advice carries the numbers behind it.

use crate::{TopicId, WindowId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AdviceKind {
    /// Open one more window serving `topic_id`.
    OpenWindow,
    /// Let the open window `window_id` also serve `topic_id`.
    AddTopic,
    /// The window `window_id` can close until `until`.
    CloseWindow,
}

/// One piece of advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Advice {
    pub kind: AdviceKind,
    /// The topic that needs help (open, add) or none (close).
    pub topic_id: Option<TopicId>,
    /// The window to give the topic to (add) or to close (close).
    pub window_id: Option<WindowId>,
    /// When a visitor taking a ticket would first wait past the norm, if nothing is
    /// done; none when the norm already breaks (see `predicted_wait_ms`) or the growth
    /// is too slow to say.
    pub breach_at: Option<DateTime<Utc>>,
    /// Until when the window may stay closed (close).
    pub until: Option<DateTime<Utc>>,
    /// The numbers behind the advice, for the topic (open, add) or for the busiest
    /// topic the window serves (close).
    pub numbers: AdviceNumbers,
}

impl Advice {
    /// What the advice is about, without its numbers: advice that says the same thing
    /// again is not news.
    pub fn key(&self) -> (AdviceKind, Option<TopicId>, Option<WindowId>) {
        (self.kind, self.topic_id, self.window_id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdviceNumbers {
    /// Expected arrivals in the next hour: today's last hour blended with the same hour
    /// on the same weekday of recent weeks.
    pub arrivals_per_hour: f64,
    /// Mean service (recent services, or the service norm).
    pub mean_service_min: f64,
    /// The topic's wait norm.
    pub norm_min: u32,
    /// Windows serving the topic now, counted by the share of each window's time the
    /// topic gets (a window serving two equally busy topics counts a half for each).
    pub windows_open: f64,
    /// Windows the topic needs for 95 % of visitors to wait within the norm (Erlang C).
    pub windows_needed: u32,
    /// Erlang C: the share of visitors who would wait past the norm with the windows
    /// open now.
    pub share_over_norm: f64,
    /// The forward simulation: a visitor taking a ticket now waits this long (median).
    pub predicted_wait_ms: Option<i64>,
}

/// A planned day for the what-if: which windows are open in each local hour and the
/// topics each serves; the arrivals per topic and hour when not learned from the
/// office's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayPlan {
    /// The day planned, YYYY-MM-DD (its weekday picks the history).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: chrono::NaiveDate,
    pub hours: Vec<PlannedHour>,
    /// Expected visitors per topic and local hour; learned from the last four same
    /// weekdays when absent.
    #[serde(default)]
    pub arrivals: Option<Vec<PlannedArrivals>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedHour {
    /// The local hour, 0..=23.
    pub hour: u32,
    /// One entry per open window: the topics it serves.
    pub windows: Vec<Vec<TopicId>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedArrivals {
    pub topic_id: TopicId,
    pub hour: u32,
    pub visitors: f64,
}

/// What a planned day is expected to give, over many simulated days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanOutcome {
    pub runs: u32,
    /// Window-hours of the plan.
    pub staff_hours: u32,
    /// Visitors per simulated day.
    pub visitors: f64,
    /// Share of visitors who waited within their topic's wait norm.
    pub within_wait_norm: f64,
    pub average_wait_ms: i64,
    /// The worst hour: the average wait of the visitors arriving in it.
    pub peak_wait_ms: i64,
    pub peak_hour: Option<u32>,
    pub topics: Vec<TopicOutcome>,
    /// Where the arrivals came from: "history", "plan" (given) or "none".
    pub arrivals_from: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicOutcome {
    pub topic_id: TopicId,
    pub visitors: f64,
    pub within_wait_norm: f64,
    pub average_wait_ms: i64,
}
