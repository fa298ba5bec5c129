//! The company board: one row per office, for the heads above the offices (region heads,
//! the head office) and for an office head with several offices.

use crate::{OfficeId, RegionId};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How one office stands now and over the month, against its norms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeOverview {
    pub office_id: OfficeId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<RegionId>,
    /// Visitors waiting now.
    pub waiting: u32,
    /// The longest wait now, and the wait norm of that visitor's topic.
    pub longest_wait_ms: Option<i64>,
    pub longest_wait_norm_ms: Option<i64>,
    /// Visitors past a norm now: waiting past the wait norm, or served past the service
    /// norm.
    pub breaches_now: u32,
    /// Alerts raised and not cleared.
    pub open_alerts: u32,
    /// Of those, the ones nobody took on that went up to the region or the head office.
    pub escalated_alerts: u32,
    /// Windows open (calling or serving, or paused) of the active ones.
    pub windows_open: u32,
    pub windows_total: u32,
    /// Today's share of called visitors whose wait kept to the norm; none before the
    /// first call.
    pub today_within_wait_norm: Option<f64>,
    /// The average wait of the calendar month so far, against the office's limit.
    pub month_average_wait_ms: Option<i64>,
    pub month_limit_ms: i64,
}

impl OfficeOverview {
    /// How far the longest wait is through its norm (1.0 = at the norm).
    fn longest_share(&self) -> f64 {
        match (self.longest_wait_ms, self.longest_wait_norm_ms) {
            (Some(wait), Some(norm)) if norm > 0 => wait as f64 / norm as f64,
            _ => 0.0,
        }
    }

    fn month_share(&self) -> f64 {
        match self.month_average_wait_ms {
            Some(average) if self.month_limit_ms > 0 => average as f64 / self.month_limit_ms as f64,
            _ => 0.0,
        }
    }

    /// Trouble first: alerts gone up unanswered, breaches now, then the longest wait against its norm, then the
    /// month's average against its limit, then the name.
    pub fn by_trouble(a: &OfficeOverview, b: &OfficeOverview) -> Ordering {
        b.escalated_alerts
            .cmp(&a.escalated_alerts)
            .then(b.breaches_now.cmp(&a.breaches_now))
            .then(b.longest_share().total_cmp(&a.longest_share()))
            .then(b.month_share().total_cmp(&a.month_share()))
            .then_with(|| a.name.cmp(&b.name))
            .then(a.office_id.cmp(&b.office_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        id: i64,
        breaches: u32,
        longest_min: Option<i64>,
        month_min: Option<i64>,
    ) -> OfficeOverview {
        OfficeOverview {
            office_id: OfficeId(id),
            name: format!("Офис {id}"),
            region_id: None,
            waiting: 0,
            longest_wait_ms: longest_min.map(|m| m * 60_000),
            longest_wait_norm_ms: Some(15 * 60_000),
            breaches_now: breaches,
            open_alerts: 0,
            escalated_alerts: 0,
            windows_open: 1,
            windows_total: 2,
            today_within_wait_norm: None,
            month_average_wait_ms: month_min.map(|m| m * 60_000),
            month_limit_ms: 30 * 60_000,
        }
    }

    #[test]
    fn offices_in_trouble_come_first() {
        let mut rows = [
            row(1, 0, None, None),
            row(2, 0, Some(12), Some(10)),
            row(3, 2, Some(20), Some(5)),
            row(4, 0, Some(12), Some(25)),
            row(5, 1, Some(40), None),
        ];
        rows.sort_by(OfficeOverview::by_trouble);
        let order: Vec<i64> = rows.iter().map(|r| r.office_id.0).collect();
        // Breaches now (2, then 1), then the same longest wait broken by the month.
        assert_eq!(order, vec![3, 5, 4, 2, 1]);
    }
}
