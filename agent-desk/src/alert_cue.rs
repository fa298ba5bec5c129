//! Notices alerts that were not there before, so the head board can draw attention to
//! them (a blinking banner, and a chime when sound is on).

use std::collections::HashSet;
use std::time::{Duration, Instant};
use talon_protocol::Alert;

/// How long the banner blinks before it stays steady until acknowledged.
pub const BLINK_FOR: Duration = Duration::from_secs(10);

#[derive(Default)]
pub struct AlertCue {
    known: HashSet<String>,
    primed: bool,
    /// The newest alert not yet acknowledged, and when it appeared.
    pub fresh: Option<(Alert, Instant)>,
    /// Counts new alerts; the app plays a chime when it grows.
    pub raised: u64,
}

impl AlertCue {
    /// Compares the office's active alerts with those seen before. The alerts present
    /// when the office is first seen are not "new": the board lists them anyway.
    pub fn observe(&mut self, alerts: &[Alert]) {
        let current: HashSet<String> = alerts.iter().map(|a| a.id.clone()).collect();
        if self.primed
            && let Some(newest) = alerts
                .iter()
                .filter(|a| !self.known.contains(&a.id))
                .max_by_key(|a| a.raised_at)
        {
            self.fresh = Some((newest.clone(), Instant::now()));
            self.raised += 1;
        }
        if let Some((alert, _)) = &self.fresh
            && !current.contains(&alert.id)
        {
            self.fresh = None;
        }
        self.known = current;
        self.primed = true;
    }

    pub fn acknowledge(&mut self) {
        self.fresh = None;
    }

    /// Whether the banner is in its bright half of a blink now.
    pub fn bright(&self) -> bool {
        match &self.fresh {
            Some((_, since)) if since.elapsed() < BLINK_FOR => {
                since.elapsed().as_millis() / 500 % 2 == 0
            }
            Some(_) => true,
            None => false,
        }
    }

    pub fn blinking(&self) -> bool {
        self.fresh
            .as_ref()
            .is_some_and(|(_, since)| since.elapsed() < BLINK_FOR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::now;
    use talon_protocol::{AlertKind, TopicId};

    fn alert(topic: i64) -> Alert {
        let kind = AlertKind::LongQueue {
            topic_id: TopicId(topic),
            waiting: 4,
        };
        Alert::new(kind.key(), kind, now())
    }

    #[test]
    fn only_alerts_that_appear_later_are_new() {
        let mut cue = AlertCue::default();
        cue.observe(&[alert(1)]);
        assert!(cue.fresh.is_none());
        cue.observe(&[alert(1), alert(2)]);
        assert_eq!(cue.fresh.as_ref().unwrap().0.id, alert(2).id);
        assert_eq!(cue.raised, 1);
        assert!(cue.bright());
        // Seen again: not new again.
        cue.observe(&[alert(1), alert(2)]);
        assert_eq!(cue.raised, 1);
        // Cleared by the server: the banner goes.
        cue.observe(&[alert(1)]);
        assert!(cue.fresh.is_none());
        cue.observe(&[alert(1), alert(3)]);
        cue.acknowledge();
        assert!(!cue.bright());
    }
}
