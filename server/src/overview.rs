//! The company board's rows: how each office stands now (from the office's live state)
//! and over today and the month so far (from its statistics, the same figures as the
//! reports). The statistics part reads a month of tickets, so it is kept for
//! [`FIGURES_FOR`] per office however many people watch.

use crate::queues::Queues;
use crate::stats::{self, AgentRows, StatsError};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use std::sync::Mutex;
use talon_protocol::alert::EscalationLevel;
use talon_protocol::overview::OfficeOverview;
use talon_protocol::{OfficeId, TicketStatus, WindowState, norm_status};

/// How long an office's figures of the day and the month are reused.
pub const FIGURES_FOR: chrono::Duration = chrono::Duration::seconds(30);

#[derive(Debug, Clone, Copy)]
struct Figures {
    at: DateTime<Utc>,
    day: NaiveDate,
    today_within_wait_norm: Option<f64>,
    month_average_wait_ms: Option<i64>,
}

/// Each office's figures of the day and the month, as last worked out.
#[derive(Debug, Default)]
pub struct FiguresCache {
    offices: Mutex<HashMap<OfficeId, Figures>>,
}

impl Queues {
    /// The board's rows for `offices`, trouble first.
    pub async fn overview(&self, offices: &[OfficeId]) -> Result<Vec<OfficeOverview>, StatsError> {
        let mut rows = Vec::with_capacity(offices.len());
        for &office in offices {
            rows.push(self.office_overview(office).await?);
        }
        rows.sort_by(OfficeOverview::by_trouble);
        Ok(rows)
    }

    async fn office_overview(&self, office: OfficeId) -> Result<OfficeOverview, StatsError> {
        let now = self.now();
        let (mut row, day) = {
            let queue = self.office(office)?;
            let state = queue.lock().await;
            (now_figures(&state, now), state.service_day)
        };
        let figures = self.day_and_month(office, day, now).await?;
        row.today_within_wait_norm = figures.today_within_wait_norm;
        row.month_average_wait_ms = figures.month_average_wait_ms;
        Ok(row)
    }

    async fn day_and_month(
        &self,
        office: OfficeId,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Figures, StatsError> {
        let cached = self
            .figures()
            .offices
            .lock()
            .expect("lock")
            .get(&office)
            .copied();
        if let Some(figures) = cached
            && figures.day == day
            && now - figures.at < FIGURES_FOR
            && figures.at <= now
        {
            return Ok(figures);
        }
        let stats = stats::office_stats(self, office, day, day, AgentRows::All).await?;
        let month = stats.monthly_wait.last();
        let figures = Figures {
            at: now,
            day,
            today_within_wait_norm: stats.total.within_wait_norm,
            month_average_wait_ms: month.and_then(|m| m.average_wait_ms),
        };
        self.figures()
            .offices
            .lock()
            .expect("lock")
            .insert(office, figures);
        Ok(figures)
    }
}

/// What the office's live state shows now.
fn now_figures(state: &crate::engine::OfficeState, now: DateTime<Utc>) -> OfficeOverview {
    let mut waiting = 0;
    let mut breaches = 0;
    let mut longest: Option<(i64, i64)> = None;
    for ticket in state.tickets.values() {
        let Some(topic) = state.topics.get(&ticket.topic_id) else {
            continue;
        };
        match ticket.status {
            TicketStatus::Waiting => {
                waiting += 1;
                let wait = ticket.wait_ms_at(now);
                let norm = topic.norms.wait.minutes;
                if norm_status(wait, norm) == talon_protocol::NormStatus::Breach {
                    breaches += 1;
                }
                if longest.is_none_or(|(w, _)| wait > w) {
                    longest = Some((wait, i64::from(norm) * 60_000));
                }
            }
            TicketStatus::Serving => {
                let service = ticket.service_ms_at(now);
                if norm_status(service, topic.norms.service.minutes)
                    == talon_protocol::NormStatus::Breach
                {
                    breaches += 1;
                }
            }
            _ => {}
        }
    }
    let active = state.windows.values().filter(|w| w.active);
    let (open, total) = active.fold((0, 0), |(open, total), w| {
        (open + u32::from(w.state != WindowState::Closed), total + 1)
    });
    OfficeOverview {
        office_id: state.office.id,
        name: state.office.name.clone(),
        region_id: state.office.region_id,
        waiting,
        longest_wait_ms: longest.map(|(w, _)| w),
        longest_wait_norm_ms: longest.map(|(_, n)| n),
        breaches_now: breaches,
        open_alerts: u32::try_from(state.alerts.len()).unwrap_or(u32::MAX),
        escalated_alerts: u32::try_from(
            state
                .alerts
                .values()
                .filter(|a| a.acknowledged.is_none() && a.level > EscalationLevel::Office)
                .count(),
        )
        .unwrap_or(u32::MAX),
        windows_open: open,
        windows_total: total,
        today_within_wait_norm: None,
        month_average_wait_ms: None,
        month_limit_ms: i64::from(state.office.settings.monthly_wait_limit_min) * 60_000,
    }
}
