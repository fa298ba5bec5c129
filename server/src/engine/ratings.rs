//! Visitors' ratings of their visits: each is an event, and a poor one («плохо» or
//! worse) is also an alert for the head, shown for `POOR_RATING_SHOWN_FOR`.

use super::{EngineError, OfficeState};
use chrono::{DateTime, Utc};
use talon_protocol::alert::{POOR_RATING, POOR_RATING_SHOWN_FOR};
use talon_protocol::{Alert, AlertKind, EventKind, VisitRating};

/// Records a rating. Whether the visit may be rated (served, not rated yet, within the
/// office's time for it) is the caller's check: the finished ticket is no longer in the
/// office's live state.
pub fn rate(
    state: &mut OfficeState,
    now: DateTime<Utc>,
    rating: VisitRating,
    out: &mut Vec<EventKind>,
) -> Result<(), EngineError> {
    if !(1..=5).contains(&rating.rating) {
        return Err(EngineError::Invalid(
            "a rating is 1 (очень плохо) to 5 (отлично)".into(),
        ));
    }
    if rating.rating <= POOR_RATING {
        let kind = AlertKind::PoorRating {
            ticket_id: rating.ticket_id,
            label: rating.label.clone(),
            topic_id: rating.topic_id,
            window_id: rating.window_id,
            agent_id: rating.agent_id,
            rating: rating.rating,
        };
        let alert = Alert::new(kind.key(), kind, now);
        state.alerts.insert(alert.id.clone(), alert.clone());
        out.push(EventKind::VisitRated { rating });
        out.push(EventKind::AlertRaised { alert });
    } else {
        out.push(EventKind::VisitRated { rating });
    }
    Ok(())
}

/// The poor-rating alerts still to be shown at `now`. Unlike the other alerts, their
/// condition is the alert itself: raised by a rating, it holds for a while.
pub fn still_shown(state: &OfficeState, now: DateTime<Utc>) -> impl Iterator<Item = AlertKind> {
    state
        .alerts
        .values()
        .filter(move |alert| {
            matches!(alert.kind, AlertKind::PoorRating { .. })
                && now - alert.raised_at < POOR_RATING_SHOWN_FOR
        })
        .map(|alert| alert.kind.clone())
}
