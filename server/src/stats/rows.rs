//! The figures of one slice of tickets: counts by outcome, the time distributions and
//! the shares within the norms (see the module docs for the rules).

use super::MS_PER_MINUTE;
use super::distribution::{count_u32, distribution};
use std::collections::HashMap;
use talon_protocol::stats::{RatingStats, StatsRow};
use talon_protocol::topic::SERVICE_NORM_MAX_TOPICS;
use talon_protocol::{Norms, Outcome, Ticket, TicketId, TicketStatus, TopicId};

/// Called at some point: the visit took place or the visitor did not come.
pub(super) fn was_called(ticket: &Ticket) -> bool {
    matches!(ticket.status, TicketStatus::Done | TicketStatus::NoShow)
}

fn total_ms(ticket: &Ticket) -> Option<i64> {
    ticket
        .finished_at
        .map(|end| (end - ticket.issued_at).num_milliseconds().max(0))
}

fn norm_ms(minutes: u32) -> i64 {
    i64::from(minutes) * MS_PER_MINUTE
}

/// A share of `within` out of `of`, `None` when `of` is 0.
fn share(within: u32, of: u32) -> Option<f64> {
    (of > 0).then(|| f64::from(within) / f64::from(of))
}

/// The mean of some ratings, `None` without any.
fn mean(sum: u32, count: u32) -> Option<f64> {
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

/// The statistics row of one slice of tickets; `ratings` are the visitors' ratings by
/// ticket.
pub(super) fn row<'t, 'n>(
    tickets: impl Iterator<Item = &'t Ticket>,
    norms_of: &impl Fn(TopicId) -> &'n Norms,
    ratings: &HashMap<TicketId, u8>,
) -> StatsRow {
    let mut r = StatsRow::default();
    let mut waits = Vec::new();
    let mut services = Vec::new();
    let mut totals = Vec::new();
    let (mut wait_within, mut service_within, mut service_scope, mut total_within) =
        (0u32, 0u32, 0u32, 0u32);
    let mut by_level = vec![0u32; 5];
    // (sum, count) of all ratings, of visits within the wait norm, and over it.
    let (mut rated, mut rated_within, mut rated_over) = ((0u32, 0u32), (0u32, 0u32), (0u32, 0u32));

    for ticket in tickets {
        r.issued += 1;
        r.transfers += ticket.transfers;
        let norms = norms_of(ticket.topic_id);
        match ticket.status {
            TicketStatus::Done => {
                r.finished += 1;
                match ticket.outcome {
                    Some(Outcome::Resolved) => r.resolved += 1,
                    Some(Outcome::Deferred { .. }) => r.deferred += 1,
                    Some(Outcome::Refused { .. }) => r.refused += 1,
                    Some(Outcome::Other { .. }) => r.other += 1,
                    None => {}
                }
                services.push(ticket.service_ms);
                if ticket.topics_count.unwrap_or(1) <= SERVICE_NORM_MAX_TOPICS {
                    service_scope += 1;
                    if ticket.service_ms <= norm_ms(norms.service.minutes) {
                        service_within += 1;
                    }
                }
                if let Some(total) = total_ms(ticket) {
                    totals.push(total);
                    if total <= norm_ms(norms.total.minutes) {
                        total_within += 1;
                    }
                }
            }
            TicketStatus::NoShow => r.no_shows += 1,
            TicketStatus::Cancelled => r.cancelled += 1,
            TicketStatus::Waiting
            | TicketStatus::Called
            | TicketStatus::Serving
            | TicketStatus::Postponed => r.unfinished += 1,
        }
        if was_called(ticket) {
            waits.push(ticket.wait_ms);
            if ticket.wait_ms <= norm_ms(ticket.wait_norm_min(norms.wait.minutes)) {
                wait_within += 1;
            }
        }
        if let Some(&rating) = ratings.get(&ticket.id).filter(|r| (1..=5).contains(*r)) {
            let rating = u32::from(rating);
            by_level[rating as usize - 1] += 1;
            let within = ticket.wait_ms <= norm_ms(ticket.wait_norm_min(norms.wait.minutes));
            for (sum, count) in [
                Some(&mut rated),
                within.then_some(&mut rated_within),
                (!within).then_some(&mut rated_over),
            ]
            .into_iter()
            .flatten()
            {
                *sum += rating;
                *count += 1;
            }
        }
    }
    r.ratings = RatingStats {
        count: rated.1,
        average: mean(rated.0, rated.1),
        by_level,
        average_within_wait_norm: mean(rated_within.0, rated_within.1),
        average_over_wait_norm: mean(rated_over.0, rated_over.1),
    };

    r.within_wait_norm = share(wait_within, count_u32(waits.len()));
    r.within_service_norm = share(service_within, service_scope);
    r.within_total_norm = share(total_within, count_u32(totals.len()));
    r.wait = distribution(waits);
    r.service = distribution(services);
    r.total = distribution(totals);
    r
}
