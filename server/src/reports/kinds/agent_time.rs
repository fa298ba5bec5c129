//! Loads the window events an agents report needs and measures the agents' time
//! (`crate::stats::agent_times`) over the period's local days.

use crate::queues::Queues;
use crate::stats::{AgentClock, AgentTime, OfficeData, StatsError};
use std::collections::HashMap;
use talon_protocol::StaffId;

/// Events read per query.
const PAGE: u32 = 5_000;

/// Each agent's time in `data`'s office over its period (up to now).
pub async fn load(
    queues: &Queues,
    data: &OfficeData,
) -> Result<HashMap<StaffId, AgentTime>, StatsError> {
    let tz = data.office.time_zone.tz();
    let start = crate::engine::hours::day_start(tz, data.from);
    let end =
        crate::engine::hours::day_start(tz, data.to + chrono::Duration::days(1)).min(queues.now());
    // From the office's first event, so each window's state at the start is known; fed
    // page by page (a long history is walked, not held), stopping at the end.
    let mut clock = AgentClock::new(start, end);
    let mut since = 0;
    loop {
        let page = queues
            .store()
            .events_since(data.office.id, since, PAGE)
            .await?;
        let Some(last) = page.last() else { break };
        since = last.seq;
        let full = page.len() == PAGE as usize;
        if !page.iter().all(|e| clock.feed(e)) || !full {
            break;
        }
    }
    Ok(clock.finish())
}
