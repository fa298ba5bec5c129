//! Tickets (талоны) and their life.

use crate::{OfficeId, StaffId, TicketId, TopicId, WindowId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    pub id: TicketId,
    pub office_id: OfficeId,
    /// The topic it waits for now (changes on a transfer to another topic).
    pub topic_id: TopicId,
    /// Prefix + number, e.g. "А015". Unique within the office's service day.
    pub label: String,
    pub number: u32,
    /// The office-local date the ticket was issued on.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub service_day: NaiveDate,
    pub status: TicketStatus,
    pub out_of_turn: bool,
    /// Unguessable code a visitor uses to look the ticket up (QR code on the ticket).
    pub public_code: String,
    pub issued_at: DateTime<Utc>,
    /// Since when it stands in its current queue; dispatch order counts from here.
    pub queue_since: DateTime<Utc>,
    /// Put at the front of its queue by a transfer.
    pub front: bool,
    /// Only this window may call it (set by a transfer to a window).
    pub target_window: Option<WindowId>,
    /// The window that called or serves it.
    pub window_id: Option<WindowId>,
    /// The agent who called or serves it, and after the visit who finished it.
    pub agent_id: Option<StaffId>,
    pub called_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub postponed_until: Option<DateTime<Utc>>,
    pub recalls: u32,
    pub transfers: u32,
    /// Time spent waiting up to `waiting_since` (sum of the waiting intervals so far).
    pub wait_ms: i64,
    /// Set while the ticket waits: the running interval started then.
    pub waiting_since: Option<DateTime<Utc>>,
    /// Called → start, summed over calls.
    pub walk_ms: i64,
    /// Summed over serving intervals (a transferred visit is served more than once).
    pub service_ms: i64,
    pub outcome: Option<Outcome>,
    /// How many topics the visit covered (the service norm applies up to 3).
    pub topics_count: Option<u8>,
    pub overrun_reason: Option<OverrunReason>,
    pub cancel_reason: Option<String>,
    /// The booking it was issued for at check-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<crate::booking::TicketBooking>,
    /// The forward simulation's wait for a ticket of its topic taken as this one was
    /// issued, before the office's calibration (a plain walk-in only): what the
    /// calibration of the ranges people are shown learns from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_forecast: Option<crate::forecast::WaitRange>,
}

/// The cancel reason of a ticket the visitor took out of the queue from their phone.
pub const CANCEL_LEFT_BY_VISITOR: &str = "left by the visitor";
/// The cancel reason of a ticket still in the queue when its service day ended.
pub const CANCEL_SERVICE_DAY_ENDED: &str = "service day ended";

/// What a ticket is issued with; everything else starts empty.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTicket {
    pub id: TicketId,
    pub office_id: OfficeId,
    pub topic_id: TopicId,
    pub label: String,
    pub number: u32,
    pub service_day: NaiveDate,
    pub out_of_turn: bool,
    pub public_code: String,
    pub issued_at: DateTime<Utc>,
}

impl NewTicket {
    /// The ticket as issued: waiting since `issued_at`, at the back of its topic's queue.
    pub fn into_ticket(self) -> Ticket {
        Ticket {
            id: self.id,
            office_id: self.office_id,
            topic_id: self.topic_id,
            label: self.label,
            number: self.number,
            service_day: self.service_day,
            status: TicketStatus::Waiting,
            out_of_turn: self.out_of_turn,
            public_code: self.public_code,
            issued_at: self.issued_at,
            queue_since: self.issued_at,
            front: false,
            target_window: None,
            window_id: None,
            agent_id: None,
            called_at: None,
            started_at: None,
            finished_at: None,
            postponed_until: None,
            recalls: 0,
            transfers: 0,
            wait_ms: 0,
            waiting_since: Some(self.issued_at),
            walk_ms: 0,
            service_ms: 0,
            outcome: None,
            topics_count: None,
            overrun_reason: None,
            cancel_reason: None,
            booking: None,
            issue_forecast: None,
        }
    }
}

impl Ticket {
    /// Waiting time up to `now`, counting the running interval.
    pub fn wait_ms_at(&self, now: DateTime<Utc>) -> i64 {
        self.wait_ms
            + self
                .waiting_since
                .map_or(0, |since| (now - since).num_milliseconds().max(0))
    }

    /// Service time up to `now`, counting the running interval while serving.
    pub fn service_ms_at(&self, now: DateTime<Utc>) -> i64 {
        match (self.status, self.started_at) {
            (TicketStatus::Serving, Some(started)) => {
                self.service_ms + (now - started).num_milliseconds().max(0)
            }
            _ => self.service_ms,
        }
    }

    /// Time in the office from the ticket to `now`, or to the end of the visit.
    pub fn total_ms_at(&self, now: DateTime<Utc>) -> i64 {
        let end = self.finished_at.unwrap_or(now);
        (end - self.issued_at).num_milliseconds().max(0)
    }

    pub fn is_active(&self) -> bool {
        self.status.is_active()
    }

    /// The booking this ticket waits under, if it still does: issued at a check-in and
    /// neither transferred to another topic nor to a window (then it waits as a
    /// walk-in there).
    pub fn booked(&self) -> Option<&crate::booking::TicketBooking> {
        self.booking
            .as_ref()
            .filter(|b| b.topic_id == self.topic_id && self.target_window.is_none())
    }

    /// The wait norm in minutes: the booked one while booked, else `topic_norm`.
    pub fn wait_norm_min(&self, topic_norm: u32) -> u32 {
        self.booked().map_or(topic_norm, |b| b.wait_norm_min)
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum TicketStatus {
    Waiting,
    Called,
    Serving,
    Postponed,
    Done,
    NoShow,
    Cancelled,
}

impl TicketStatus {
    /// The statuses of a ticket still in the office's queue or at a window.
    pub const ACTIVE: [TicketStatus; 4] = [
        TicketStatus::Waiting,
        TicketStatus::Called,
        TicketStatus::Serving,
        TicketStatus::Postponed,
    ];

    /// Still in the office's queue or at a window.
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(raw: &str) -> Option<Self> {
        raw.parse().ok()
    }
}

/// How a visit ended (LNA-0009-4 §5.4.3.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    Resolved,
    /// Deferred with a deadline announced to the visitor.
    Deferred {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        deadline: NaiveDate,
    },
    /// Refused, with the reasons given to the visitor.
    Refused {
        reason: String,
    },
    Other {
        note: String,
    },
}

impl Outcome {
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::Resolved => "resolved",
            Outcome::Deferred { .. } => "deferred",
            Outcome::Refused { .. } => "refused",
            Outcome::Other { .. } => "other",
        }
    }
}

/// Why a visit ran over its norm (allowed by LNA-0009-4's footnote).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OverrunReason {
    ForceMajeure,
    TechnicalFailure,
    VisitorCase,
}

#[cfg(test)]
mod name_tests {
    use super::TicketStatus;
    use crate::api::{DeviceKind, Role};
    use crate::event::EventKind;
    use strum::IntoEnumIterator;

    /// The names stored in SQL columns and metrics are serde's names on the wire.
    fn same_as_serde<T>(name: impl Fn(T) -> &'static str, parse: impl Fn(&str) -> Option<T>)
    where
        T: IntoEnumIterator + serde::Serialize + Copy + std::fmt::Debug + PartialEq,
    {
        for value in T::iter() {
            let wire = serde_json::to_value(value).unwrap();
            assert_eq!(wire.as_str(), Some(name(value)), "{value:?}");
            assert_eq!(parse(name(value)), Some(value));
        }
    }

    #[test]
    fn statuses_roles_and_device_kinds_are_named_as_on_the_wire() {
        same_as_serde(TicketStatus::as_str, TicketStatus::parse);
        same_as_serde(Role::as_str, Role::parse);
        same_as_serde(DeviceKind::as_str, DeviceKind::parse);
        assert_eq!(TicketStatus::parse("no-show"), None);
    }

    #[test]
    fn an_event_is_named_as_its_wire_type() {
        let kind = EventKind::ServiceDayStarted {
            service_day: "2026-12-01".parse().unwrap(),
        };
        let wire = serde_json::to_value(&kind).unwrap();
        assert_eq!(wire["type"], kind.name());
        assert_eq!(kind.name(), "service_day_started");
        assert_eq!(
            crate::EventType::from(&kind).name(),
            kind.name(),
            "a type's name is its events' name"
        );
    }
}
