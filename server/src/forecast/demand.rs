//! The arrivals the advisor expects over the next hour, per topic: the rate of today's
//! last hour (or of the time since opening, when the office opened less than an hour
//! ago), blended half and half with the same hour on the same weekday of the last four
//! weeks when the office was open then.

use super::advisor::{Demand, LOOK_AHEAD};
use crate::engine::{OfficeState, hours};
use crate::store::{Store, StoreResult};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use talon_protocol::{OfficeId, TopicId};

const HISTORY_WEEKS: i64 = 4;

/// What the demand needs from the office's state, read under its lock.
pub struct DemandInput {
    office: OfficeId,
    tz: chrono_tz::Tz,
    /// Today's opening in the office's zone, when it opens today.
    opened_at: Option<DateTime<Utc>>,
    prefixes: HashMap<String, TopicId>,
}

impl DemandInput {
    pub fn of(state: &OfficeState, now: DateTime<Utc>) -> DemandInput {
        let tz = state.office.time_zone.tz();
        let day = hours::service_day(tz, now);
        let opened_at = state.office.schedule.hours_on(day).and_then(|h| {
            day.and_time(h.open)
                .and_local_timezone(tz)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        });
        DemandInput {
            office: state.office.id,
            tz,
            opened_at,
            prefixes: state
                .topics
                .values()
                .map(|t| (t.prefix.clone(), t.id))
                .collect(),
        }
    }
}

fn by_topic(input: &DemandInput, counts: HashMap<String, u32>) -> HashMap<TopicId, f64> {
    let mut out = HashMap::new();
    for (prefix, n) in counts {
        if let Some(topic) = input.prefixes.get(&prefix) {
            *out.entry(*topic).or_insert(0.0) += f64::from(n);
        }
    }
    out
}

/// The expected arrivals per hour for each topic over the next hour from `now`.
pub async fn expected(
    store: &Store,
    input: &DemandInput,
    now: DateTime<Utc>,
) -> StoreResult<Demand> {
    let today = hours::service_day(input.tz, now);
    let since = input
        .opened_at
        .filter(|opened| *opened > now - LOOK_AHEAD && *opened < now)
        .unwrap_or(now - LOOK_AHEAD);
    let elapsed_h = ((now - since).num_seconds() as f64 / 3600.0).max(1.0 / 12.0);
    // Up to and including now: a ticket issued this instant has arrived.
    let until = now + Duration::milliseconds(1);
    let recent = by_topic(
        input,
        store.arrivals(input.office, today, since, until).await?,
    );
    let mut history: HashMap<TopicId, f64> = HashMap::new();
    let mut weeks = 0u32;
    for week in 1..=HISTORY_WEEKS {
        let from = now - Duration::weeks(week);
        let day = hours::service_day(input.tz, from);
        let counts = by_topic(
            input,
            store
                .arrivals(input.office, day, from, from + LOOK_AHEAD)
                .await?,
        );
        if counts.is_empty() {
            // Closed, or before the office used Talon: no evidence either way.
            continue;
        }
        weeks += 1;
        for (topic, n) in counts {
            *history.entry(topic).or_insert(0.0) += n;
        }
    }
    let mut demand = Demand::new();
    for topic in input.prefixes.values() {
        let now_rate = recent.get(topic).copied().unwrap_or(0.0) / elapsed_h;
        let rate = if weeks > 0 {
            let past_rate = history.get(topic).copied().unwrap_or(0.0) / f64::from(weeks);
            0.5 * now_rate + 0.5 * past_rate
        } else {
            now_rate
        };
        demand.insert(*topic, rate);
    }
    Ok(demand)
}

/// Visitors per topic and local hour on the same weekday as `day`, averaged over the
/// last four such days that had any (none: an empty map).
pub async fn by_hour_of_weekday(
    store: &Store,
    input: &DemandInput,
    day: chrono::NaiveDate,
) -> StoreResult<super::plan::Arrivals> {
    use chrono::Timelike;
    let mut totals = super::plan::Arrivals::new();
    let mut days = 0u32;
    for week in 1..=HISTORY_WEEKS {
        let past = day - Duration::weeks(week);
        let times = store.issue_times(input.office, past).await?;
        if times.is_empty() {
            continue;
        }
        days += 1;
        for (prefix, at) in times {
            if let Some(topic) = input.prefixes.get(&prefix) {
                let hour = at.with_timezone(&input.tz).hour();
                *totals.entry((*topic, hour)).or_insert(0.0) += 1.0;
            }
        }
    }
    if days > 0 {
        for value in totals.values_mut() {
            *value /= f64::from(days);
        }
    }
    Ok(totals)
}
