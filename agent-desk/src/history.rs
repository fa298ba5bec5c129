//! How many people waited for each topic over the day, sampled from the live mirror
//! while the app runs (the server keeps no such series). A sample is taken whenever the
//! mirror changes and at least once a minute; a new service day starts a new series.

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use std::collections::VecDeque;
use talon_protocol::{Snapshot, TopicId};

/// Keeps about two days of minute samples even when events are frequent.
const MAX_SAMPLES: usize = 5_000;
const SAMPLE_EVERY_SECS: i64 = 60;

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub at: DateTime<Utc>,
    /// Office-local hour of the day, fractional (10.5 = 10:30).
    pub hour: f64,
    pub waiting: Vec<(TopicId, u32)>,
}

#[derive(Debug, Default)]
pub struct WaitingHistory {
    day: Option<NaiveDate>,
    samples: VecDeque<Sample>,
    last_seq: Option<u64>,
}

impl WaitingHistory {
    /// Records the mirror's waiting counts if they may have changed or a minute passed.
    pub fn observe(&mut self, office: &Snapshot, now: DateTime<Utc>) {
        if self.day != Some(office.service_day) {
            self.day = Some(office.service_day);
            self.samples.clear();
            self.last_seq = None;
        }
        let changed = self.last_seq != Some(office.seq);
        let stale = self
            .samples
            .back()
            .is_none_or(|s| (now - s.at).num_seconds() >= SAMPLE_EVERY_SECS);
        if !changed && !stale {
            return;
        }
        self.last_seq = Some(office.seq);
        let waiting = office
            .topics
            .iter()
            .filter(|t| t.active)
            .map(|t| {
                let count = office
                    .load
                    .iter()
                    .find(|l| l.topic_id == t.id)
                    .map_or(0, |l| l.waiting);
                (t.id, count)
            })
            .collect();
        self.samples.push_back(Sample {
            at: now,
            hour: local_hour(office, now),
            waiting,
        });
        while self.samples.len() > MAX_SAMPLES {
            self.samples.pop_front();
        }
    }

    pub fn samples(&self) -> impl Iterator<Item = &Sample> {
        self.samples.iter()
    }

    /// The waiting count of `topic` as a step line: points (hour, count).
    pub fn series(&self, topic: TopicId) -> Vec<[f64; 2]> {
        let mut points: Vec<[f64; 2]> = Vec::new();
        for sample in &self.samples {
            let count = sample
                .waiting
                .iter()
                .find(|(t, _)| *t == topic)
                .map_or(0.0, |(_, c)| f64::from(*c));
            if let Some(last) = points.last().copied()
                && last[1] != count
            {
                points.push([sample.hour, last[1]]);
            }
            points.push([sample.hour, count]);
        }
        points
    }
}

fn local_hour(office: &Snapshot, at: DateTime<Utc>) -> f64 {
    let time = at.with_timezone(&office.office.time_zone.tz()).time();
    f64::from(time.hour()) + f64::from(time.minute()) / 60.0 + f64::from(time.second()) / 3600.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use talon_protocol::TopicLoad;

    fn load(waiting: u32) -> Vec<TopicLoad> {
        vec![TopicLoad {
            topic_id: TopicId(1),
            waiting,
            estimated_wait_ms: 0,
            wait_range: None,
            open_windows: 1,
        }]
    }

    #[test]
    fn samples_changes_and_minutes_as_a_step_line() {
        let mut office = office_with_topics();
        let mut history = WaitingHistory::default();
        office.load = load(0);
        history.observe(&office, now());
        // Nothing changed and no minute passed: no sample.
        history.observe(&office, now() + chrono::Duration::seconds(10));
        assert_eq!(history.samples().count(), 1);
        office.seq += 1;
        office.load = load(2);
        history.observe(&office, now() + chrono::Duration::minutes(30));
        // A minute later without events: sampled again.
        history.observe(&office, now() + chrono::Duration::minutes(31));
        assert_eq!(history.samples().count(), 3);
        assert_eq!(
            history.series(TopicId(1)),
            vec![
                [10.0, 0.0],
                [10.5, 0.0],
                [10.5, 2.0],
                [10.0 + 31.0 / 60.0, 2.0]
            ]
        );
        // Another topic has no load entry: zero.
        assert!(history.series(TopicId(2)).iter().all(|p| p[1] == 0.0));
    }

    #[test]
    fn a_new_service_day_starts_a_new_series() {
        let mut office = office_with_topics();
        let mut history = WaitingHistory::default();
        history.observe(&office, now());
        office.service_day = office.service_day.succ_opt().unwrap();
        history.observe(&office, now() + chrono::Duration::days(1));
        assert_eq!(history.samples().count(), 1);
    }
}
