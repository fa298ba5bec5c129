//! Visitors who book ahead: before opening, a share of the day's visitors books free
//! slots of the bookable topics; each comes a little before the slot (or too late, or
//! not at all) and checks in at the kiosk.

use crate::agents::Counters;
use crate::draws;
use crate::scenario::Scenario;
use crate::world::World;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::Rng;
use rand::rngs::SmallRng;
use rand_distr::{Distribution, Poisson};
use talon_protocol::booking::{BookingRequest, BookingTarget};

/// A booked visitor of the day.
#[derive(Debug, Clone)]
pub struct BookedVisitor {
    pub code: String,
    /// When they reach the kiosk; `None`: they do not come.
    pub arrives: Option<DateTime<Utc>>,
    /// The topic, in the scenario's order (a late visitor takes a normal ticket for it).
    pub topic: usize,
}

/// Books the day's slots now (before opening on the virtual clock; a live run books the
/// slots still ahead). Returns the visitors, by arrival.
pub async fn book_ahead(
    world: &World,
    scenario: &Scenario,
    day: NaiveDate,
    rng: &mut SmallRng,
    counters: &mut Counters,
) -> Vec<BookedVisitor> {
    let Some(spec) = &scenario.bookings else {
        return Vec::new();
    };
    let wanted = Poisson::new((scenario.visitors * spec.share).max(0.01))
        .map(|p| p.sample(rng) as usize)
        .unwrap_or(0);
    let topics: Vec<usize> = spec
        .topics
        .iter()
        .filter_map(|prefix| scenario.topics.iter().position(|t| &t.prefix == prefix))
        .collect();
    let mut visitors = Vec::new();
    for _ in 0..wanted {
        let topic = topics[rng
            .random_range(0..topics.len().max(1))
            .min(topics.len() - 1)];
        let target = BookingTarget::Topic(world.topics[topic]);
        let free: Vec<_> = match world.kiosk.slots(world.office, target, day, day).await {
            Ok(slots) => slots.into_iter().filter(|s| s.free > 0).collect(),
            Err(e) => {
                counters.unexpected += 1;
                tracing::warn!(error = %e, "the slots could not be read");
                continue;
            }
        };
        if free.is_empty() {
            break;
        }
        let slot = &free[rng.random_range(0..free.len())];
        let request = BookingRequest {
            topic_id: Some(world.topics[topic]),
            staff_id: None,
            start: slot.start,
            name: None,
            phone: None,
        };
        match world.kiosk.book(world.office, &request).await {
            Ok(booking) => {
                counters.booked += 1;
                let arrives = if draws::chance(scenario.no_show_share, rng) {
                    None
                } else if draws::chance(spec.late_share, rng) {
                    Some(slot.start + Duration::minutes(20))
                } else {
                    let early = i64::from(spec.early_minutes.max(1)) * 60;
                    Some(slot.start - Duration::seconds(rng.random_range(0..early)))
                };
                visitors.push(BookedVisitor {
                    code: booking.code,
                    arrives,
                    topic,
                });
            }
            Err(e) if e.code() == Some("slot_taken") => {}
            Err(e) => {
                counters.unexpected += 1;
                tracing::warn!(error = %e, "a booking was refused");
            }
        }
    }
    visitors.sort_by_key(|v| v.arrives);
    visitors
}

/// A booked visitor at the kiosk: checks in; too late, takes a normal ticket instead.
pub async fn arrive(world: &World, visitor: &BookedVisitor, counters: &mut Counters) {
    match world.kiosk.check_in(world.office, &visitor.code).await {
        Ok(_) => {
            counters.checked_in += 1;
            counters.issued += 1;
        }
        Err(e) if e.code() == Some("check_in_too_late") => {
            counters.late_for_booking += 1;
            crate::driver::take_ticket(world, visitor.topic, false, counters).await;
        }
        Err(e) => {
            counters.unexpected += 1;
            tracing::warn!(error = %e, "a check-in was refused");
        }
    }
}
