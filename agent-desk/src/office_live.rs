//! One office as the desk follows it: the live link and what is derived from its events
//! (the waiting history for the charts, today's figures, the alert cue).

use crate::alert_cue::AlertCue;
use crate::cx::Cx;
use crate::day_stats::DayStats;
use crate::history::WaitingHistory;
use talon_client::{ConnectionState, LiveLink, Mirror};
use talon_protocol::OfficeId;

pub struct OfficeLive {
    pub id: OfficeId,
    link: LiveLink,
    /// The mirror as of this frame (`None` until the first snapshot arrives).
    pub mirror: Option<Mirror>,
    /// What `mirror` was copied at: (seq, snapshots received). The copy is taken only
    /// when the link has moved on, not on every frame.
    copied_at: Option<(u64, u32)>,
    pub history: WaitingHistory,
    pub today: DayStats,
    pub alerts: AlertCue,
}

impl OfficeLive {
    pub fn open(cx: &Cx, id: OfficeId) -> OfficeLive {
        let egui = cx.egui.clone();
        let link = LiveLink::start(cx.runtime, cx.api.clone(), id, move || {
            egui.request_repaint()
        });
        OfficeLive {
            id,
            link,
            mirror: None,
            copied_at: None,
            history: WaitingHistory::default(),
            today: DayStats::default(),
            alerts: AlertCue::default(),
        }
    }

    /// Takes this frame's mirror and events.
    pub fn refresh(&mut self, cx: &Cx) {
        let version = self
            .link
            .with(|s| s.mirror.as_ref().map(|m| (m.seq(), s.snapshots)));
        if version != self.copied_at {
            self.mirror = self.link.mirror();
            self.copied_at = version;
        }
        let events = self.link.take_events();
        self.today.observe(&events);
        if let Some(mirror) = &self.mirror {
            self.history.observe(&mirror.office, cx.now);
            self.alerts.observe(&mirror.office.alerts);
            self.today.update(cx, self.id, mirror.office.service_day);
        }
    }

    pub fn connection(&self) -> ConnectionState {
        self.link.state()
    }
}
