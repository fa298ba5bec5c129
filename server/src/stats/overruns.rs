//! Visits over their norms: how many went over the wait, service and total norm, and
//! why (the overrun reason the agent gave, LNA-0009-4's footnote), per slice.
//!
//! Rules, over the tickets of a slice (the slices are those of [`super::compute`]: the
//! ticket's current topic; the agent who called or finished it):
//! - `over_wait`: called tickets (Done or NoShow) with `wait_ms` above their wait norm;
//! - `over_service`: Done visits of at most 3 topics with `service_ms` above the norm;
//! - `over_total`: Done visits with `finished_at` whose total is above the total norm;
//! - `over_any`: tickets over at least one of them, split by `overrun_reason` into
//!   `force_majeure`, `technical_failure`, `visitor_case` and `no_reason`.

use super::MS_PER_MINUTE;
use super::rows::was_called;
use std::collections::HashMap;
use talon_protocol::topic::SERVICE_NORM_MAX_TOPICS;
use talon_protocol::{Norms, OverrunReason, StaffId, Ticket, TicketStatus, Topic, TopicId};

/// Counts of visits over their norms, and the reasons given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Overruns {
    pub over_wait: u32,
    pub over_service: u32,
    pub over_total: u32,
    pub over_any: u32,
    pub force_majeure: u32,
    pub technical_failure: u32,
    pub visitor_case: u32,
    pub no_reason: u32,
}

/// The overruns of the whole input, per topic and per agent.
#[derive(Debug, Clone, Default)]
pub struct OverrunSlices {
    pub total: Overruns,
    pub by_topic: HashMap<TopicId, Overruns>,
    pub by_agent: HashMap<StaffId, Overruns>,
}

/// The norms of each topic, with the defaults for a topic not given.
pub(super) struct NormsOf {
    by_topic: HashMap<TopicId, Norms>,
    default: Norms,
}

impl NormsOf {
    pub(super) fn new(topics: &[Topic]) -> NormsOf {
        NormsOf {
            by_topic: topics.iter().map(|t| (t.id, t.norms.clone())).collect(),
            default: Norms::default(),
        }
    }

    pub(super) fn of(&self, topic: TopicId) -> &Norms {
        self.by_topic.get(&topic).unwrap_or(&self.default)
    }
}

fn norm_ms(minutes: u32) -> i64 {
    i64::from(minutes) * MS_PER_MINUTE
}

impl Overruns {
    fn add(&mut self, ticket: &Ticket, norms: &Norms) {
        let wait = was_called(ticket)
            && ticket.wait_ms > norm_ms(ticket.wait_norm_min(norms.wait.minutes));
        let done = ticket.status == TicketStatus::Done;
        let service = done
            && ticket.topics_count.unwrap_or(1) <= SERVICE_NORM_MAX_TOPICS
            && ticket.service_ms > norm_ms(norms.service.minutes);
        let total = done
            && ticket.finished_at.is_some_and(|end| {
                (end - ticket.issued_at).num_milliseconds() > norm_ms(norms.total.minutes)
            });
        self.over_wait += u32::from(wait);
        self.over_service += u32::from(service);
        self.over_total += u32::from(total);
        if wait || service || total {
            self.over_any += 1;
            match ticket.overrun_reason {
                Some(OverrunReason::ForceMajeure) => self.force_majeure += 1,
                Some(OverrunReason::TechnicalFailure) => self.technical_failure += 1,
                Some(OverrunReason::VisitorCase) => self.visitor_case += 1,
                None => self.no_reason += 1,
            }
        }
    }
}

/// The overruns of `tickets` judged by the norms of `topics`, sliced as the statistics.
pub fn overrun_slices(tickets: &[Ticket], topics: &[Topic]) -> OverrunSlices {
    let norms = NormsOf::new(topics);
    let mut slices = OverrunSlices::default();
    for ticket in tickets {
        let n = norms.of(ticket.topic_id);
        slices.total.add(ticket, n);
        slices
            .by_topic
            .entry(ticket.topic_id)
            .or_default()
            .add(ticket, n);
        if let Some(agent) = ticket.agent_id {
            slices.by_agent.entry(agent).or_default().add(ticket, n);
        }
    }
    slices
}
