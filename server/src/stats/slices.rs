//! The whole office's statistics: the rows of every slice (total, per topic, per agent)
//! and the monthly average waits, from the loaded tickets.

use super::months::monthly_wait;
use super::rows::row;
use chrono::NaiveDate;
use std::collections::HashMap;
use talon_protocol::stats::{AgentStats, OfficeStats, TopicStats};
use talon_protocol::{Norms, OfficeId, StaffId, Ticket, TicketId, Topic, TopicId};

/// What [`compute`] needs, loaded by the caller.
pub struct StatsInput<'a> {
    pub office_id: OfficeId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Tickets whose service_day lies in from..=to.
    pub tickets: &'a [Ticket],
    /// Tickets of every calendar month the period touches (whole months), for the monthly average wait.
    pub month_tickets: &'a [Ticket],
    pub topics: &'a [Topic],
    pub staff_names: &'a HashMap<StaffId, String>,
    pub monthly_wait_limit_min: u32,
    /// The visitors' ratings of the period's visits, by ticket.
    pub ratings: &'a HashMap<TicketId, u8>,
}

/// The statistics of the office over `from..=to` (see the module docs for the rules).
pub fn compute(input: &StatsInput) -> OfficeStats {
    let default_norms = Norms::default();
    let norms_by_topic: HashMap<TopicId, &Norms> =
        input.topics.iter().map(|t| (t.id, &t.norms)).collect();
    let norms_of = |topic_id: TopicId| -> &Norms {
        norms_by_topic
            .get(&topic_id)
            .copied()
            .unwrap_or(&default_norms)
    };

    let total = row(input.tickets.iter(), &norms_of, input.ratings);

    let mut topics: Vec<&Topic> = input.topics.iter().collect();
    topics.sort_by_key(|t| (t.display_order, t.id));
    let by_topic = topics
        .into_iter()
        .map(|topic| TopicStats {
            topic_id: topic.id,
            prefix: topic.prefix.clone(),
            name_ru: topic.name_ru.clone(),
            name_en: topic.name_en.clone(),
            stats: row(
                input.tickets.iter().filter(|t| t.topic_id == topic.id),
                &norms_of,
                input.ratings,
            ),
        })
        .collect();

    let mut by_agent_tickets: HashMap<StaffId, Vec<&Ticket>> = HashMap::new();
    for ticket in input.tickets {
        if let Some(agent_id) = ticket.agent_id {
            by_agent_tickets.entry(agent_id).or_default().push(ticket);
        }
    }
    let mut by_agent: Vec<AgentStats> = by_agent_tickets
        .into_iter()
        .map(|(agent_id, tickets)| AgentStats {
            agent_id,
            name: input
                .staff_names
                .get(&agent_id)
                .cloned()
                .unwrap_or_else(|| format!("#{agent_id}")),
            stats: row(tickets.into_iter(), &norms_of, input.ratings),
        })
        .collect();
    by_agent.sort_by(|a, b| a.name.cmp(&b.name).then(a.agent_id.cmp(&b.agent_id)));

    OfficeStats {
        office_id: input.office_id,
        from: input.from,
        to: input.to,
        total,
        by_topic,
        by_agent,
        monthly_wait: monthly_wait(
            input.from,
            input.to,
            input.month_tickets,
            input.monthly_wait_limit_min,
        ),
        // Filled by the report from the period's bookings.
        bookings: Default::default(),
    }
}
