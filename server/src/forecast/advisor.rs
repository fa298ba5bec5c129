//! The staffing advisor: will the windows open now keep each topic's wait norm over the
//! next hour? Two answers side by side: Erlang C on the expected arrivals and service
//! times (how many windows the topic needs for 95 % of visitors to wait within the
//! norm), and the forward simulation (what a visitor taking a ticket now would wait).
//! Trouble for a topic is either one saying no; the advice is then to let an open
//! window with time to spare take the topic, else to open one more window. A window
//! whose topics keep their norms without it may close for the hour.
//!
//! Windows shared between topics count by the share of their time each topic needs
//! (its workload: arrivals × mean service), so two busy topics on one window do not
//! both believe they have it.

use super::{erlang, live};
use crate::engine::{OfficeState, estimate};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;
use talon_protocol::advice::{Advice, AdviceKind, AdviceNumbers};
use talon_protocol::{TopicId, Window, WindowId, WindowState};

/// How far the advice looks ahead.
pub const LOOK_AHEAD: Duration = Duration::hours(1);
/// The share of visitors allowed past the wait norm when counting windows needed.
const SHARE_OVER: f64 = 0.05;
/// Erlang C's share past the norm that counts as trouble while people wait.
const TROUBLE_SHARE: f64 = 0.10;

/// Arrivals expected per topic over the next hour.
pub type Demand = BTreeMap<TopicId, f64>;

fn is_open(window: &Window) -> bool {
    window.active && !matches!(window.state, WindowState::Closed | WindowState::Paused)
}

/// What one topic has and needs.
struct TopicFigures {
    numbers: AdviceNumbers,
    waiting: usize,
    trouble: bool,
    breach_at: Option<DateTime<Utc>>,
}

/// The share of `window`'s time each of its topics needs, by workload (equal shares
/// when none has any).
fn shares(window: &Window, work: &BTreeMap<TopicId, f64>) -> BTreeMap<TopicId, f64> {
    let topics: Vec<TopicId> = window
        .topics
        .iter()
        .copied()
        .filter(|t| work.contains_key(t))
        .collect();
    let total: f64 = topics.iter().map(|t| work[t]).sum();
    topics
        .iter()
        .map(|t| {
            let share = if total > 0.0 {
                work[t] / total
            } else {
                1.0 / topics.len() as f64
            };
            (*t, share)
        })
        .collect()
}

/// The advice for the office at `now`, given the arrivals expected per topic.
pub fn advise(state: &OfficeState, demand: &Demand, now: DateTime<Utc>) -> Vec<Advice> {
    let topics: Vec<TopicId> = state
        .topics
        .values()
        .filter(|t| t.active)
        .map(|t| t.id)
        .collect();
    let service_min = |t: TopicId| estimate::typical_service_ms(state, t) as f64 / 60_000.0;
    let arrivals = |t: TopicId| demand.get(&t).copied().unwrap_or(0.0);
    let work: BTreeMap<TopicId, f64> = topics
        .iter()
        .map(|t| (*t, arrivals(*t) * service_min(*t)))
        .collect();
    let open: Vec<&Window> = state.windows.values().filter(|w| is_open(w)).collect();
    let window_shares: BTreeMap<WindowId, BTreeMap<TopicId, f64>> =
        open.iter().map(|w| (w.id, shares(w, &work))).collect();
    let have = |t: TopicId, without: Option<WindowId>| -> f64 {
        window_shares
            .iter()
            .filter(|(w, _)| Some(**w) != without)
            .filter_map(|(_, s)| s.get(&t))
            .sum()
    };
    let figures: BTreeMap<TopicId, TopicFigures> = topics
        .iter()
        .map(|t| {
            (
                *t,
                figures_of(
                    state,
                    *t,
                    arrivals(*t),
                    service_min(*t),
                    have(*t, None),
                    now,
                ),
            )
        })
        .collect();

    let mut advice = Vec::new();
    for (topic, f) in &figures {
        if !f.trouble {
            continue;
        }
        // An open window not serving the topic, whose own topics keep enough without it.
        let helper = open
            .iter()
            .filter(|w| !w.topics.contains(topic))
            .filter(|w| {
                w.topics
                    .iter()
                    .filter_map(|u| figures.get(u))
                    .all(|g| !g.trouble)
                    && w.topics.iter().all(|u| {
                        figures.get(u).is_none_or(|g| {
                            have(*u, Some(w.id)) >= f64::from(g.numbers.windows_needed)
                        })
                    })
            })
            .max_by(|a, b| spare(a, &figures, &have).total_cmp(&spare(b, &figures, &have)));
        advice.push(Advice {
            kind: if helper.is_some() {
                AdviceKind::AddTopic
            } else {
                AdviceKind::OpenWindow
            },
            topic_id: Some(*topic),
            window_id: helper.map(|w| w.id),
            breach_at: f.breach_at,
            until: None,
            numbers: f.numbers.clone(),
        });
    }
    if advice.is_empty()
        && let Some(close) = closable(&open, &figures)
    {
        let busiest = close
            .topics
            .iter()
            .filter_map(|t| figures.get(t))
            .max_by(|a, b| {
                a.numbers
                    .share_over_norm
                    .total_cmp(&b.numbers.share_over_norm)
            });
        if let Some(busiest) = busiest {
            advice.push(Advice {
                kind: AdviceKind::CloseWindow,
                topic_id: None,
                window_id: Some(close.id),
                breach_at: None,
                until: Some(now + LOOK_AHEAD),
                numbers: busiest.numbers.clone(),
            });
        }
    }
    advice
}

/// How much of its time a window could give away: its share not needed by its topics.
fn spare(
    window: &Window,
    figures: &BTreeMap<TopicId, TopicFigures>,
    have: &dyn Fn(TopicId, Option<WindowId>) -> f64,
) -> f64 {
    window
        .topics
        .iter()
        .filter_map(|u| figures.get(u).map(|g| (u, g)))
        .map(|(u, g)| have(*u, Some(window.id)) - f64::from(g.numbers.windows_needed))
        .fold(f64::INFINITY, f64::min)
}

/// A window that may close: an idle open window, when the office's windows together
/// keep up without it (Erlang C on all arrivals pooled, with the workload-weighted
/// norm: shared windows make the office one queue more than several) and every topic
/// it serves that anyone comes for stays served by another open window. The last such,
/// so the advice is stable from one minute to the next.
fn closable<'a>(
    open: &[&'a Window],
    figures: &BTreeMap<TopicId, TopicFigures>,
) -> Option<&'a Window> {
    let (mut arrivals, mut work, mut weighted_norm) = (0.0, 0.0, 0.0);
    for f in figures.values() {
        let load = f.numbers.arrivals_per_hour * f.numbers.mean_service_min;
        arrivals += f.numbers.arrivals_per_hour;
        work += load;
        weighted_norm += load * f64::from(f.numbers.norm_min);
    }
    let needed = if arrivals > 0.0 {
        erlang::windows_needed(arrivals, work / arrivals, weighted_norm / work, SHARE_OVER)
    } else {
        1
    };
    if open.len() as u32 <= needed {
        return None;
    }
    open.iter()
        .rev()
        .find(|w| {
            w.state == WindowState::Idle
                && w.topics.iter().all(|u| {
                    figures.get(u).is_none_or(|g| {
                        let comes = g.numbers.arrivals_per_hour > 0.0 || g.waiting > 0;
                        let others = open
                            .iter()
                            .any(|other| other.id != w.id && other.topics.contains(u));
                        let calm = g
                            .numbers
                            .predicted_wait_ms
                            .is_none_or(|ms| ms <= i64::from(g.numbers.norm_min) * 60_000 / 2);
                        (!comes || others) && calm && !g.trouble
                    })
                })
        })
        .copied()
}

fn figures_of(
    state: &OfficeState,
    topic: TopicId,
    arrivals_per_hour: f64,
    mean_service_min: f64,
    windows_open: f64,
    now: DateTime<Utc>,
) -> TopicFigures {
    let norm_min = state.norms_of(topic).wait.minutes;
    let norm = f64::from(norm_min);
    let windows_needed = if arrivals_per_hour > 0.0 {
        erlang::windows_needed(arrivals_per_hour, mean_service_min, norm, SHARE_OVER)
    } else {
        0
    };
    // A topic with a share of windows (0.4 of one) counts as whole windows (one) that
    // its arrivals load as much as the share does (2.5 times as many arrivals).
    let share_over_norm = if arrivals_per_hour <= 0.0 {
        0.0
    } else if windows_open <= 0.0 {
        1.0
    } else {
        let whole = windows_open.ceil();
        erlang::wait_longer_than(
            whole as u32,
            arrivals_per_hour * whole / windows_open,
            mean_service_min,
            norm,
        )
    };
    let predicted = live::new_ticket(state, topic, now);
    let predicted_wait_ms = predicted.map(|r| r.median_ms);
    let waiting = state.tickets.waiting_for_topic(topic);
    // A topic nobody comes for is no trouble, however long a newcomer would wait.
    let comes = arrivals_per_hour > 0.0 || waiting > 0;
    let over_now = comes && predicted_wait_ms.is_some_and(|ms| ms > i64::from(norm_min) * 60_000);
    let erlang_says = share_over_norm > TROUBLE_SHARE && waiting > 0;
    let nobody_serves = windows_open <= 0.0 && waiting > 0;
    let trouble = over_now || erlang_says || nobody_serves;
    TopicFigures {
        breach_at: if over_now {
            None
        } else {
            breach_at(
                predicted_wait_ms,
                arrivals_per_hour,
                mean_service_min,
                windows_open,
                norm,
                now,
            )
        },
        numbers: AdviceNumbers {
            arrivals_per_hour,
            mean_service_min,
            norm_min,
            windows_open,
            windows_needed,
            share_over_norm,
            predicted_wait_ms,
        },
        waiting,
        trouble,
    }
}

/// When a newcomer's wait reaches the norm if arrivals outrun the windows: the queue
/// grows by (λ − c/S) people a minute, each adding S/c minutes of wait. None when the
/// windows keep up or it is beyond the hour looked at.
fn breach_at(
    wait_now_ms: Option<i64>,
    arrivals_per_hour: f64,
    mean_service_min: f64,
    windows: f64,
    norm_min: f64,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if windows <= 0.0 || mean_service_min <= 0.0 {
        return None;
    }
    let served_per_min = windows / mean_service_min;
    let growth = (arrivals_per_hour / 60.0 - served_per_min) * mean_service_min / windows;
    if growth <= 0.0 {
        return None;
    }
    let wait_now = wait_now_ms.unwrap_or(0) as f64 / 60_000.0;
    let minutes = ((norm_min - wait_now) / growth).max(0.0);
    (minutes <= LOOK_AHEAD.num_minutes() as f64)
        .then(|| now + Duration::seconds((minutes * 60.0).round() as i64))
}
