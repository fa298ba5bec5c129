//! The office's bookings that still matter to its queue: those holding a place (booked or
//! checked in) from the current service day on. Ordered by slot start, so that counting
//! a slot's taken places and finding the missed ones look at a few entries, not all.
//! Persistent maps (`imbl`), like the tickets: the copy of the state each command works
//! on shares them.

use chrono::{DateTime, Utc};
use imbl::OrdMap;
use talon_protocol::booking::{Booking, BookingId, BookingTarget};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BookingSet {
    by_start: OrdMap<(DateTime<Utc>, BookingId), Booking>,
    starts: OrdMap<BookingId, DateTime<Utc>>,
}

impl BookingSet {
    pub fn get(&self, id: BookingId) -> Option<&Booking> {
        let start = self.starts.get(&id)?;
        self.by_start.get(&(*start, id))
    }

    /// Keeps `booking` as it is now: one that holds a place is kept (replacing an older
    /// copy), a cancelled or missed one leaves.
    pub fn put(&mut self, booking: Booking) {
        self.remove(booking.id);
        if booking.status.holds_place() {
            self.starts.insert(booking.id, booking.start);
            self.by_start.insert((booking.start, booking.id), booking);
        }
    }

    pub fn remove(&mut self, id: BookingId) {
        if let Some(start) = self.starts.remove(&id) {
            self.by_start.remove(&(start, id));
        }
    }

    /// Places of `target`'s slot starting at `start` that are taken.
    pub fn taken(&self, target: BookingTarget, start: DateTime<Utc>) -> u32 {
        let count = self
            .starting_between(start, start)
            .filter(|b| b.target == target)
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// Bookings whose slot starts in `from..=to`, by start.
    pub fn starting_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> impl Iterator<Item = &Booking> {
        let low = (from, BookingId(uuid::Uuid::nil()));
        let high = (to, BookingId(uuid::Uuid::max()));
        self.by_start.range(low..=high).map(|(_, b)| b)
    }

    /// Bookings whose slot started before `before`.
    pub fn started_before(&self, before: DateTime<Utc>) -> impl Iterator<Item = &Booking> {
        self.by_start
            .range(..(before, BookingId(uuid::Uuid::nil())))
            .map(|(_, b)| b)
    }

    pub fn values(&self) -> impl Iterator<Item = &Booking> {
        self.by_start.values()
    }

    pub fn len(&self) -> usize {
        self.by_start.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_start.is_empty()
    }
}

impl FromIterator<Booking> for BookingSet {
    fn from_iter<I: IntoIterator<Item = Booking>>(bookings: I) -> BookingSet {
        let mut set = BookingSet::default();
        for booking in bookings {
            set.put(booking);
        }
        set
    }
}
