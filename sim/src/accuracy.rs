//! How well waits are predicted (issue 15, "Accuracy, measured"): seeded days of a
//! scenario run against the in-process server; at each ticket's issue three predictions
//! of its wait are written down from the office's state as the kiosk's call left it,
//! and after the day they are set against the wait the ticket really had.
//!
//! The predictors:
//! - the forecast: what the kiosk prints on the ticket (`queues::receipt`), the median
//!   and the 80 % range (10–90 %) of the office's live forward simulation
//!   (`forecast::forward`) for a newcomer of the topic, calibrated by the office's
//!   outcomes so far (`forecast::calibration`); a visitor out of turn or booked is told
//!   no range (they do not queue as a newcomer does) and is left out of the comparison;
//! - today's estimator: people ahead × typical service, shared among the topic's open
//!   windows (`engine::estimate::estimated_wait_ms`);
//! - QL, the queue-length predictor of Ibrahim & Whitt ("Real-time delay estimation
//!   based on delay history", MSOM 2009): (n + 1) / (s·μ), n the people ahead, s the
//!   topic's open windows (at least one), 1/μ its mean recent service.
//!
//! The actual wait is the ticket's wait up to its first call (`wait_ms` of the ticket in
//! its first `TicketCalled` event): what all three predict. A transferred visitor's
//! second wait in another queue is no part of it; tickets never called (left, the day
//! ended) have no actual wait and are only counted.

use crate::driver;
use crate::scenario::Scenario;
use crate::world::{Pace, World};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use talon_protocol::forecast::WaitRange;
use talon_protocol::{EventKind, TicketId};
use talon_server::engine::estimate;
use talon_server::queues::receipt;
use tokio::sync::watch;

/// The error of the forecast must be at least this much below today's estimator's.
pub const TARGET_REDUCTION: f64 = 0.30;
/// The share of actual waits the 80 % range should hold.
pub const TARGET_COVERAGE: (f64, f64) = (0.75, 0.85);
/// How much busier the busy variant is: its arrivals scaled by this.
pub const BUSY_ARRIVALS: f64 = 1.3;

/// What was predicted for one ticket when it was issued.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Prediction {
    pub ticket: TicketId,
    /// When it was issued (the server's clock).
    pub issued_at: chrono::DateTime<chrono::Utc>,
    /// The range on the receipt; None when it had none (out of turn, no forecast yet).
    pub forecast: Option<WaitRange>,
    /// The simulation's range before calibration (the ticket's `issue_forecast`).
    pub raw: Option<WaitRange>,
    pub today_ms: i64,
    pub ql_ms: i64,
}

/// A prediction and the wait that followed.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Sample {
    pub prediction: Prediction,
    pub actual_ms: i64,
    /// When it was first called.
    pub called_at: chrono::DateTime<chrono::Utc>,
}

/// One measured day.
#[derive(Debug, Clone, Default)]
pub struct DayRecord {
    pub samples: Vec<Sample>,
    /// Tickets issued (seen by the watch).
    pub issued: u32,
    /// Issued and never called: left out.
    pub never_called: u32,
}

/// The predictions of a ticket from the office's state at its issue.
pub fn predict(
    state: &talon_server::engine::OfficeState,
    ticket: &talon_protocol::Ticket,
    now: chrono::DateTime<chrono::Utc>,
) -> Prediction {
    // What the kiosk prints on the ticket: the office's live forecast, calibrated.
    let forecast = receipt(state, ticket.clone(), now).wait_range;
    let ahead = estimate::people_ahead(state, ticket, now);
    let today_ms = estimate::estimated_wait_ms(state, ticket.topic_id, ahead);
    let windows = i64::from(estimate::open_windows(state, ticket.topic_id).max(1));
    let ql_ms =
        (i64::from(ahead) + 1) * estimate::typical_service_ms(state, ticket.topic_id) / windows;
    Prediction {
        ticket: ticket.id,
        issued_at: now,
        forecast,
        raw: ticket.issue_forecast,
        today_ms,
        ql_ms,
    }
}

/// An office watched at every issue.
struct Watched {
    world: World,
    notes: Arc<Mutex<Vec<Prediction>>>,
    /// The last event of the days measured so far.
    seq: u64,
}

impl Watched {
    async fn new(scenario: &Scenario, day: NaiveDate) -> anyhow::Result<Watched> {
        let mut world = World::in_process(scenario, day).await?;
        let notes: Arc<Mutex<Vec<Prediction>>> = Arc::default();
        let sink = notes.clone();
        world.watch_issues(Box::new(move |state, ticket, now| {
            let prediction = predict(state, ticket, now);
            sink.lock().expect("notes").push(prediction);
        }));
        Ok(Watched {
            world,
            notes,
            seq: 0,
        })
    }

    /// Runs the office's day of `day` with `seed` and measures it.
    async fn day(
        &mut self,
        scenario: &Scenario,
        day: NaiveDate,
        seed: u64,
    ) -> anyhow::Result<DayRecord> {
        let (_stop_tx, stop) = watch::channel(false);
        driver::run_day(&self.world, scenario, day, seed, stop).await?;

        let Pace::Virtual { queues, .. } = &self.world.pace else {
            anyhow::bail!("accuracy is measured in-process");
        };
        let events = queues
            .store()
            .events_since(self.world.office, self.seq, u32::MAX)
            .await?;
        self.seq = events.last().map_or(self.seq, |e| e.seq);
        let mut first_call: HashMap<TicketId, (i64, chrono::DateTime<chrono::Utc>)> =
            HashMap::new();
        for event in &events {
            if let EventKind::TicketCalled { ticket, .. } = &event.kind {
                first_call
                    .entry(ticket.id)
                    .or_insert((ticket.wait_ms, event.at));
            }
        }
        let predictions = std::mem::take(&mut *self.notes.lock().expect("notes"));
        let mut record = DayRecord {
            issued: predictions.len() as u32,
            ..Default::default()
        };
        for prediction in predictions {
            match first_call.get(&prediction.ticket) {
                Some((actual_ms, called_at)) => record.samples.push(Sample {
                    prediction,
                    actual_ms: *actual_ms,
                    called_at: *called_at,
                }),
                None => record.never_called += 1,
            }
        }
        Ok(record)
    }
}

/// The figures of one predictor's point estimates, in minutes.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Errors {
    /// Mean absolute error.
    pub mae_min: f64,
    /// Mean of predicted − actual (negative: it promises too short waits).
    pub bias_min: f64,
}

impl Errors {
    fn of(pairs: impl Iterator<Item = (i64, i64)>) -> Errors {
        let (mut n, mut abs, mut signed) = (0u32, 0f64, 0f64);
        for (predicted, actual) in pairs {
            let error = (predicted - actual) as f64 / 60_000.0;
            n += 1;
            abs += error.abs();
            signed += error;
        }
        let n = f64::from(n.max(1));
        Errors {
            mae_min: abs / n,
            bias_min: signed / n,
        }
    }
}

/// The accuracy of a scenario over its days.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub scenario: String,
    pub days: u32,
    /// Tickets issued over the days.
    pub issued: u32,
    /// Issued tickets never called (left out of every figure).
    pub never_called: u32,
    /// Called tickets the forecast had no figure for (left out of the comparison).
    pub without_forecast: u32,
    /// Tickets compared: called, with all three predictions.
    pub tickets: u32,
    pub mean_actual_wait_min: f64,
    pub forecast: Errors,
    pub today: Errors,
    pub ql: Errors,
    /// Share of actual waits within the forecast's 10–90 % range.
    pub in_range: f64,
    /// Share below its low end and above its high end.
    pub below_range: f64,
    pub above_range: f64,
    /// How much smaller the forecast's error is than today's estimator's, in percent.
    pub reduction_vs_today_pct: f64,
    pub reduction_target_met: bool,
    pub range_target_met: bool,
}

impl Summary {
    pub fn of(scenario: &str, days: &[DayRecord]) -> Summary {
        let samples: Vec<&Sample> = days.iter().flat_map(|d| &d.samples).collect();
        let compared: Vec<(&Sample, WaitRange)> = samples
            .iter()
            .filter_map(|s| s.prediction.forecast.map(|f| (*s, f)))
            .collect();
        let forecast = Errors::of(compared.iter().map(|(s, f)| (f.median_ms, s.actual_ms)));
        let today = Errors::of(
            compared
                .iter()
                .map(|(s, _)| (s.prediction.today_ms, s.actual_ms)),
        );
        let ql = Errors::of(
            compared
                .iter()
                .map(|(s, _)| (s.prediction.ql_ms, s.actual_ms)),
        );
        let n = compared.len().max(1) as f64;
        let share = |pick: fn(&Sample, &WaitRange) -> bool| {
            compared.iter().filter(|(s, f)| pick(s, f)).count() as f64 / n
        };
        let in_range = share(|s, f| (f.low_ms..=f.high_ms).contains(&s.actual_ms));
        let below_range = share(|s, f| s.actual_ms < f.low_ms);
        let above_range = share(|s, f| s.actual_ms > f.high_ms);
        let reduction = if today.mae_min > 0.0 {
            1.0 - forecast.mae_min / today.mae_min
        } else {
            0.0
        };
        Summary {
            scenario: scenario.to_string(),
            days: days.len() as u32,
            issued: days.iter().map(|d| d.issued).sum(),
            never_called: days.iter().map(|d| d.never_called).sum(),
            without_forecast: (samples.len() - compared.len()) as u32,
            tickets: compared.len() as u32,
            mean_actual_wait_min: compared
                .iter()
                .map(|(s, _)| s.actual_ms as f64 / 60_000.0)
                .sum::<f64>()
                / n,
            forecast,
            today,
            ql,
            in_range,
            below_range,
            above_range,
            reduction_vs_today_pct: reduction * 100.0,
            reduction_target_met: !compared.is_empty() && reduction >= TARGET_REDUCTION,
            range_target_met: !compared.is_empty()
                && (TARGET_COVERAGE.0..=TARGET_COVERAGE.1).contains(&in_range),
        }
    }
}

/// The busy variant of a scenario: the same office with its arrivals scaled by
/// [`BUSY_ARRIVALS`] (bookings, a share of the day's visitors, scale with them).
pub fn busy(scenario: &Scenario) -> Scenario {
    let mut busy = scenario.clone();
    busy.visitors *= BUSY_ARRIVALS;
    busy.name = format!("{} (×{BUSY_ARRIVALS} arrivals)", scenario.name);
    busy
}

/// The seed of the office's first day, which is not measured.
pub const FIRST_DAY_SEED: u64 = 0;

/// Measures `scenario` over the days of `seeds`: one office lives through them in turn,
/// day after day from the day after `day`, as a real office does, so what its forecast
/// learnt of earlier days (the outcomes its ranges are calibrated by, the walks) carries
/// over. Its first day, `day` itself with [`FIRST_DAY_SEED`], is not measured: it gives
/// the first measured day an earlier one. `progress` hears of each measured day.
pub async fn measure(
    name: &str,
    scenario: &Scenario,
    day: NaiveDate,
    seeds: impl IntoIterator<Item = u64>,
    mut progress: impl FnMut(u64, &DayRecord),
) -> anyhow::Result<Summary> {
    let mut office = Watched::new(scenario, day).await?;
    office.day(scenario, day, FIRST_DAY_SEED).await?;
    let mut days = Vec::new();
    for (seed, date) in seeds.into_iter().zip(day.iter_days().skip(1)) {
        let record = office.day(scenario, date, seed).await?;
        progress(seed, &record);
        days.push(record);
    }
    office.world.stop().await?;
    Ok(Summary::of(name, &days))
}

fn met(yes: bool) -> &'static str {
    if yes { "met" } else { "NOT met" }
}

/// The summaries as a table for people.
pub fn render(summaries: &[Summary]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Wait predictions at issue against the actual wait to the first call (minutes)"
    );
    let _ = writeln!(
        out,
        "{:<8} {:>4} {:>7} {:>6} {:>9} {:>13} {:>13} {:>13} {:>9} {:>10}",
        "scenario",
        "days",
        "tickets",
        "wait",
        "forecast",
        "today's",
        "QL",
        "in 80% range",
        "(<low",
        ">high)"
    );
    let _ = writeln!(
        out,
        "{:<8} {:>4} {:>7} {:>6} {:>9} {:>13} {:>13} {:>13}",
        "", "", "", "mean", "MAE/bias", "MAE/bias", "MAE/bias", ""
    );
    for s in summaries {
        let pair = |e: &Errors| format!("{:.2}/{:+.2}", e.mae_min, e.bias_min);
        let _ = writeln!(
            out,
            "{:<8} {:>4} {:>7} {:>6.2} {:>9} {:>13} {:>13} {:>12.1}% {:>8.1}% {:>9.1}%",
            s.scenario,
            s.days,
            s.tickets,
            s.mean_actual_wait_min,
            pair(&s.forecast),
            pair(&s.today),
            pair(&s.ql),
            s.in_range * 100.0,
            s.below_range * 100.0,
            s.above_range * 100.0,
        );
    }
    let _ = writeln!(out);
    for s in summaries {
        let _ = writeln!(
            out,
            "{}: {} issued, {} never called, {} called without a forecast (left out).",
            s.scenario, s.issued, s.never_called, s.without_forecast
        );
        let _ = writeln!(
            out,
            "  error vs today's estimator: {:+.1}% (target ≤ −{:.0}%): {}",
            -s.reduction_vs_today_pct,
            TARGET_REDUCTION * 100.0,
            met(s.reduction_target_met)
        );
        let _ = writeln!(
            out,
            "  80% range holds {:.1}% (target {:.0}–{:.0}%): {}",
            s.in_range * 100.0,
            TARGET_COVERAGE.0 * 100.0,
            TARGET_COVERAGE.1 * 100.0,
            met(s.range_target_met)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    fn sample(forecast: Option<(i64, i64, i64)>, today: i64, ql: i64, actual: i64) -> Sample {
        Sample {
            prediction: Prediction {
                ticket: TicketId(uuid::Uuid::new_v4()),
                issued_at: chrono::DateTime::UNIX_EPOCH,
                forecast: forecast.map(|(low, median, high)| WaitRange {
                    median_ms: median * MIN,
                    low_ms: low * MIN,
                    high_ms: high * MIN,
                }),
                raw: None,
                today_ms: today * MIN,
                ql_ms: ql * MIN,
            },
            actual_ms: actual * MIN,
            called_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn figures_are_the_means_and_shares_of_the_samples() {
        let day = DayRecord {
            samples: vec![
                // Inside the range; forecast off by 1, today's by 5, QL by 2.
                sample(Some((8, 10, 14)), 6, 13, 11),
                // Above the range; forecast off by 10, today's by 15, QL by 5.
                sample(Some((2, 5, 8)), 0, 10, 15),
                // Below it; forecast off by 3, today's by 1, QL by 4.
                sample(Some((4, 5, 7)), 3, 6, 2),
                // No forecast: left out of the comparison.
                sample(None, 0, 0, 30),
            ],
            issued: 6,
            never_called: 2,
        };
        let s = Summary::of("t", &[day]);
        assert_eq!((s.issued, s.never_called, s.without_forecast), (6, 2, 1));
        assert_eq!(s.tickets, 3);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(s.forecast.mae_min, 14.0 / 3.0), "{s:?}");
        assert!(
            close(s.forecast.bias_min, (-1.0 - 10.0 + 3.0) / 3.0),
            "{s:?}"
        );
        assert!(close(s.today.mae_min, 7.0), "{s:?}");
        assert!(close(s.ql.mae_min, 11.0 / 3.0), "{s:?}");
        assert!(close(s.mean_actual_wait_min, 28.0 / 3.0), "{s:?}");
        assert!(close(s.in_range, 1.0 / 3.0) && close(s.below_range, 1.0 / 3.0));
        assert!(close(s.above_range, 1.0 / 3.0));
        assert!(close(s.reduction_vs_today_pct, 100.0 / 3.0), "{s:?}");
        assert!(s.reduction_target_met);
        assert!(!s.range_target_met);
    }

    #[test]
    fn no_samples_meet_no_target() {
        let s = Summary::of("empty", &[DayRecord::default()]);
        assert_eq!(s.tickets, 0);
        assert!(!s.reduction_target_met && !s.range_target_met);
        assert!(s.forecast.mae_min.is_finite());
    }
}
