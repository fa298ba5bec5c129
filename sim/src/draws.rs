//! Random draws of the model: arrivals, service times, what visitors and agents do.

use crate::scenario::{Scenario, TopicSpec};
use chrono::{Duration, NaiveTime};
use rand::Rng;
use rand::rngs::SmallRng;
use rand_distr::{Distribution, LogNormal, Poisson};

/// Arrival times of one local-time step [from, from + step): a Poisson count at the
/// rate of `from`, spread uniformly over the step.
pub fn arrivals(
    scenario: &Scenario,
    from: NaiveTime,
    step: Duration,
    rng: &mut SmallRng,
) -> Vec<NaiveTime> {
    let rate = scenario.arrival_rate(from) * step.num_seconds() as f64 / 60.0;
    if rate <= 0.0 {
        return Vec::new();
    }
    let count = Poisson::new(rate)
        .map(|p| p.sample(rng) as u64)
        .unwrap_or(0);
    let mut times: Vec<NaiveTime> = (0..count)
        .map(|_| from + Duration::milliseconds(rng.random_range(0..step.num_milliseconds().max(1))))
        .collect();
    times.sort();
    times
}

/// Which topic a visitor comes for, by the topics' shares.
pub fn topic(scenario: &Scenario, rng: &mut SmallRng) -> usize {
    let total: f64 = scenario.topics.iter().map(|t| t.share).sum();
    let mut pick = rng.random::<f64>() * total;
    for (index, topic) in scenario.topics.iter().enumerate() {
        if pick < topic.share {
            return index;
        }
        pick -= topic.share;
    }
    scenario.topics.len() - 1
}

/// A service time: lognormal with the topic's mean and coefficient of variation.
pub fn service(topic: &TopicSpec, rng: &mut SmallRng) -> Duration {
    let mean = topic.service_minutes;
    let sigma2 = (1.0 + topic.service_spread.powi(2)).ln();
    let mu = mean.ln() - sigma2 / 2.0;
    let minutes = LogNormal::new(mu, sigma2.sqrt())
        .map(|d| d.sample(rng))
        .unwrap_or(mean)
        .clamp(0.5, mean * 6.0);
    Duration::milliseconds((minutes * 60_000.0) as i64)
}

/// Time from the call to the visitor reaching the window.
pub fn walk(rng: &mut SmallRng) -> Duration {
    Duration::seconds(rng.random_range(20..90))
}

pub fn chance(share: f64, rng: &mut SmallRng) -> bool {
    rng.random::<f64>() < share
}

/// How many topics a visit covers: mostly one.
pub fn topics_covered(rng: &mut SmallRng) -> u8 {
    match rng.random_range(0..100) {
        0..=89 => 1,
        90..=96 => 2,
        97..=98 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn service_times_have_the_configured_mean() {
        let scenario = Scenario::default_office();
        let topic = &scenario.topics[1]; // contracts, 11 min
        let mut rng = SmallRng::seed_from_u64(7);
        let n = 20_000;
        let total: i64 = (0..n)
            .map(|_| service(topic, &mut rng).num_milliseconds())
            .sum();
        let mean_minutes = total as f64 / n as f64 / 60_000.0;
        assert!((10.0..12.0).contains(&mean_minutes), "{mean_minutes}");
    }

    #[test]
    fn topics_follow_their_shares() {
        let scenario = Scenario::default_office();
        let mut rng = SmallRng::seed_from_u64(1);
        let mut counts = [0u32; 4];
        for _ in 0..10_000 {
            counts[topic(&scenario, &mut rng)] += 1;
        }
        assert!((3_200..3_800).contains(&counts[0]), "{counts:?}");
        assert!((800..1_200).contains(&counts[3]), "{counts:?}");
    }
}
