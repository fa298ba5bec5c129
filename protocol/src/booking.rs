//! Appointments (предварительная запись): a visitor books a slot of a topic, or of a
//! person's reception hours (the office head, a personal manager), checks in at the
//! kiosk with the booking's code and is served at the slot's time.
//!
//! The visitor's name and phone never appear here: they are stored only with the
//! booking, for the staff who look it up (152-FZ: no more than the office needs), and
//! never go out in the office's events.

use crate::{OfficeId, StaffId, TicketId, TopicId, WeekSchedule};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A booking. A UUID, minted by whichever server node takes the booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct BookingId(pub uuid::Uuid);

impl fmt::Display for BookingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// How a topic, or a person's reception, is booked ahead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct BookingSettings {
    /// Visitors may book it.
    pub bookable: bool,
    /// Length of a slot in minutes.
    pub slot_min: u32,
    /// How many visitors one slot takes.
    pub places: u32,
    /// How many days ahead (today counted as 0) a slot may be booked.
    pub days_ahead: u32,
    /// A slot must start at least this many minutes after the booking is made.
    pub lead_min: u32,
    /// Check-in at the kiosk opens this many minutes before the slot starts…
    pub check_in_before_min: u32,
    /// …and closes this many minutes after; later the booking is a no-show.
    pub check_in_after_min: u32,
    /// The wait norm of a booked visitor, counted from the later of the slot's start and
    /// the check-in (public-service rules: 5 minutes).
    pub wait_norm_min: u32,
    /// Bookings one contact (phone) may hold per day; 0 is no limit.
    pub per_contact_per_day: u32,
}

impl Default for BookingSettings {
    fn default() -> Self {
        BookingSettings {
            bookable: false,
            slot_min: 15,
            places: 1,
            days_ahead: 14,
            lead_min: 30,
            check_in_before_min: 30,
            check_in_after_min: 15,
            wait_norm_min: 5,
            per_contact_per_day: 1,
        }
    }
}

impl BookingSettings {
    /// Problems with these settings, in words an administrator can act on.
    pub fn problem(&self) -> Option<&'static str> {
        if !(5..=240).contains(&self.slot_min) {
            return Some("a slot lasts 5 to 240 minutes");
        }
        if !(1..=100).contains(&self.places) {
            return Some("a slot takes 1 to 100 visitors");
        }
        if self.days_ahead > 90 {
            return Some("slots can be booked at most 90 days ahead");
        }
        if self.lead_min > 7 * 24 * 60 {
            return Some("the lead time is at most a week");
        }
        if self.check_in_before_min > 240 || self.check_in_after_min > 240 {
            return Some("check-in opens and closes within 4 hours of the slot");
        }
        if !(1..=120).contains(&self.wait_norm_min) {
            return Some("the booked wait norm is 1 to 120 minutes");
        }
        if self.per_contact_per_day > 100 {
            return Some("at most 100 bookings per contact and day");
        }
        None
    }
}

/// A person's reception hours (the office head's, a personal manager's): booked like a
/// topic, and called only by that person, at whichever window they have open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reception {
    pub staff_id: StaffId,
    pub office_id: OfficeId,
    /// What the visitor sees, e.g. «Приём начальника офиса»: a title, not the person's
    /// name.
    pub title_ru: String,
    pub title_en: String,
    /// The topic the visit is counted under (its ticket's topic).
    pub topic_id: TopicId,
    /// The reception hours, in the office's zone, inside the office's hours.
    pub hours: WeekSchedule,
    pub booking: BookingSettings,
}

/// What a booking is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingTarget {
    /// A slot of a topic, served by any window that serves the topic.
    Topic(TopicId),
    /// A slot of a person's reception.
    Staff(StaffId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Holds its place; not checked in yet.
    Booked,
    /// The visitor checked in: a ticket was issued.
    CheckedIn,
    Cancelled,
    /// Nobody checked in by the end of the check-in window.
    NoShow,
}

impl BookingStatus {
    /// Whether the booking takes a place of its slot.
    pub fn holds_place(self) -> bool {
        matches!(self, BookingStatus::Booked | BookingStatus::CheckedIn)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Booked => "booked",
            BookingStatus::CheckedIn => "checked_in",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::NoShow => "no_show",
        }
    }
}

/// A booking as the office's events carry it: no code, no name, no phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    pub id: BookingId,
    pub office_id: OfficeId,
    pub target: BookingTarget,
    /// The topic its ticket is issued for (a reception's topic for a person's booking).
    pub topic_id: TopicId,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: BookingStatus,
    /// The ticket issued at check-in.
    pub ticket_id: Option<TicketId>,
    pub created_at: DateTime<Utc>,
    /// How many times it was moved to another slot.
    pub moves: u32,
    /// The booked wait norm and check-in window, as they were when it was booked.
    pub wait_norm_min: u32,
    pub check_in_before_min: u32,
    pub check_in_after_min: u32,
}

impl Booking {
    /// When check-in opens and closes.
    pub fn check_in_window(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            self.start - chrono::Duration::minutes(i64::from(self.check_in_before_min)),
            self.start + chrono::Duration::minutes(i64::from(self.check_in_after_min)),
        )
    }

    /// A booking nobody checked in for by the close of its check-in window.
    pub fn is_missed(&self, now: DateTime<Utc>) -> bool {
        self.status == BookingStatus::Booked && now > self.check_in_window().1
    }

    /// The person who alone may call its visitor, for a reception booking.
    pub fn staff(&self) -> Option<StaffId> {
        match self.target {
            BookingTarget::Staff(staff) => Some(staff),
            BookingTarget::Topic(_) => None,
        }
    }
}

/// What a ticket issued at check-in keeps of its booking: dispatch and the norms read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketBooking {
    pub booking_id: BookingId,
    pub slot_start: DateTime<Utc>,
    /// The booked topic: a ticket transferred to another topic waits there as a walk-in.
    pub topic_id: TopicId,
    /// Only this person calls it (a reception booking).
    pub staff_id: Option<StaffId>,
    pub wait_norm_min: u32,
}

/// One slot and how many places it has left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub places: u32,
    pub free: u32,
}

/// `POST /api/v1/offices/{office}/bookings`: a topic's slot or a person's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BookingRequest {
    #[serde(default)]
    pub topic_id: Option<TopicId>,
    #[serde(default)]
    pub staff_id: Option<StaffId>,
    /// The slot's start, as `GET …/slots` gave it.
    pub start: DateTime<Utc>,
    /// The visitor's name and phone: optional, only for the office to reach them.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

impl BookingRequest {
    /// Exactly one of `topic_id` and `staff_id`.
    pub fn target(&self) -> Option<BookingTarget> {
        match (self.topic_id, self.staff_id) {
            (Some(topic), None) => Some(BookingTarget::Topic(topic)),
            (None, Some(staff)) => Some(BookingTarget::Staff(staff)),
            _ => None,
        }
    }
}

/// `POST /api/v1/public/bookings/{code}/move`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MoveBookingRequest {
    pub start: DateTime<Utc>,
}

/// `POST /api/v1/offices/{office}/check-in`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckInRequest {
    /// The booking's 8 digits (spaces allowed).
    pub code: String,
}

/// A booking as its visitor sees it (by its code): no name, no phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingView {
    pub code: String,
    pub office_id: OfficeId,
    pub office_name: String,
    pub target: BookingTarget,
    pub topic_id: TopicId,
    /// The topic's name, or the reception's title for a person's booking.
    pub title_ru: String,
    pub title_en: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: BookingStatus,
    pub check_in_from: DateTime<Utc>,
    pub check_in_until: DateTime<Utc>,
    /// The office's time zone (IANA), to show the times in.
    pub time_zone: String,
    pub moves: u32,
}

impl BookingView {
    /// What it is for, in English when `english` and there is an English title.
    pub fn title(&self, english: bool) -> &str {
        if english && !self.title_en.trim().is_empty() {
            &self.title_en
        } else {
            &self.title_ru
        }
    }
}

/// A booking's code in two groups of four ("1234 5678"), easier to read out and type.
pub fn spaced_code(code: &str) -> String {
    if code.len() == 8 && code.is_ascii() {
        format!("{} {}", &code[..4], &code[4..])
    } else {
        code.to_string()
    }
}

/// A booking as staff see it: with the visitor's name and phone, if given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffBookingView {
    #[serde(flatten)]
    pub view: BookingView,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub ticket_id: Option<TicketId>,
}

/// `PUT /api/v1/offices/{office}/receptions/{staff}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReceptionInput {
    pub title_ru: String,
    #[serde(default)]
    pub title_en: String,
    pub topic_id: TopicId,
    pub hours: WeekSchedule,
    pub booking: BookingSettings,
}
