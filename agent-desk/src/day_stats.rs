//! Today's statistics from the server's stats endpoint, refreshed after visits end
//! (the events that change them) and at least every minute. The server computes them
//! from tickets, so they cover the whole day, not only the time the app has run.

use crate::cx::Cx;
use chrono::NaiveDate;
use std::time::{Duration, Instant};
use talon_client::{ClientError, Task};
use talon_protocol::stats::OfficeStats;
use talon_protocol::{Event, EventKind, OfficeId};

/// At most one request per this interval, however many visits end.
const MIN_INTERVAL: Duration = Duration::from_millis(500);
const MAX_AGE: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct DayStats {
    pub latest: Option<OfficeStats>,
    pub error: Option<String>,
    task: Option<Task<Result<OfficeStats, ClientError>>>,
    dirty: bool,
    fetched_at: Option<Instant>,
}

impl DayStats {
    /// Marks the figures stale when a visit ended or a ticket was called.
    pub fn observe(&mut self, events: &[Event]) {
        if events.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::TicketCalled { .. }
                    | EventKind::TicketFinished { .. }
                    | EventKind::TicketNoShow { .. }
                    | EventKind::TicketCancelled { .. }
                    | EventKind::TopicChanged { .. }
                    | EventKind::ServiceDayStarted { .. }
            )
        }) {
            self.dirty = true;
        }
    }

    pub fn refresh_now(&mut self) {
        self.dirty = true;
    }

    /// Collects an answer and asks again when the figures are stale.
    pub fn update(&mut self, cx: &Cx, office: OfficeId, day: NaiveDate) {
        if let Some(task) = &self.task
            && let Some(result) = task.take()
        {
            self.task = None;
            match result {
                Ok(stats) => {
                    self.latest = Some(stats);
                    self.error = None;
                }
                Err(error) => {
                    cx.note_error(&error);
                    self.error = Some(crate::text::client_error(cx.lang, &error));
                }
            }
        }
        if self.task.is_some() {
            return;
        }
        let age = self.fetched_at.map(|at| at.elapsed());
        let other_day = self.latest.as_ref().is_some_and(|s| s.from != day);
        let due = match age {
            None => true,
            Some(age) => (self.dirty && age >= MIN_INTERVAL) || age >= MAX_AGE || other_day,
        };
        if due {
            self.dirty = false;
            self.fetched_at = Some(Instant::now());
            let api = cx.api.clone();
            self.task = Some(cx.spawn(async move { api.stats(office, day, day).await }));
        }
    }
}
