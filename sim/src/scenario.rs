//! A simulation scenario, read from TOML.

use chrono::NaiveTime;
use serde::Deserialize;

/// The realistic default: an energy retailer's client office on a weekday.
pub const DEFAULT: &str = include_str!("../scenarios/energy-office.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Scenario {
    pub name: String,
    pub time_zone: talon_protocol::TimeZone,
    pub open: NaiveTime,
    pub close: NaiveTime,
    #[serde(default)]
    pub lunch: Option<(NaiveTime, NaiveTime)>,
    /// Expected visitors in the day.
    pub visitors: f64,
    pub out_of_turn_share: f64,
    pub no_show_share: f64,
    pub transfer_share: f64,
    /// Relative arrival weights per hour from the opening hour on.
    pub hourly_profile: Vec<f64>,
    pub topics: Vec<TopicSpec>,
    pub windows: Vec<WindowSpec>,
    #[serde(default)]
    pub breaks: Breaks,
    /// Visitors who book ahead, if any do.
    #[serde(default)]
    pub bookings: Option<BookingSpec>,
}

/// Booking ahead: a share of the day's visitors books a slot the day before and checks in
/// at the kiosk when they come (a little early; some too late; some not at all, by
/// `no_show_share`).
#[derive(Debug, Clone, Deserialize)]
pub struct BookingSpec {
    /// Share of the day's visitors who book ahead (on top of the walk-ins).
    pub share: f64,
    /// Prefixes of the bookable topics.
    pub topics: Vec<String>,
    pub slot_minutes: u32,
    pub places: u32,
    /// A booked visitor comes up to this many minutes before the slot…
    pub early_minutes: u32,
    /// …or, this share of them, too late to check in.
    pub late_share: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TopicSpec {
    pub prefix: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    /// Share of visitors coming for this topic.
    pub share: f64,
    /// Mean service time in minutes.
    pub service_minutes: f64,
    /// Coefficient of variation of the (lognormal) service time.
    pub service_spread: f64,
    /// Wait, service and total norms in minutes.
    pub norms: [u32; 3],
}

#[derive(Debug, Clone, Deserialize)]
pub struct WindowSpec {
    pub label: String,
    /// Topic prefixes.
    pub topics: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Breaks {
    pub per_agent: u32,
    pub minutes: u32,
}

impl Scenario {
    pub fn parse(text: &str) -> anyhow::Result<Scenario> {
        let scenario: Scenario = toml::from_str(text)?;
        scenario.check()?;
        Ok(scenario)
    }

    pub fn default_office() -> Scenario {
        Scenario::parse(DEFAULT).expect("the bundled scenario is valid")
    }

    fn check(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.open < self.close,
            "the office must open before it closes"
        );
        anyhow::ensure!(!self.topics.is_empty(), "a scenario needs topics");
        anyhow::ensure!(!self.windows.is_empty(), "a scenario needs windows");
        anyhow::ensure!(
            !self.hourly_profile.is_empty(),
            "hourly_profile needs at least one hour"
        );
        anyhow::ensure!(self.visitors >= 0.0, "visitors cannot be negative");
        for share in [
            self.out_of_turn_share,
            self.no_show_share,
            self.transfer_share,
        ] {
            anyhow::ensure!((0.0..=1.0).contains(&share), "shares lie between 0 and 1");
        }
        for topic in &self.topics {
            anyhow::ensure!(
                topic.service_minutes > 0.0,
                "topic {}: service time must be positive",
                topic.prefix
            );
            anyhow::ensure!(
                topic.share >= 0.0,
                "topic {}: share cannot be negative",
                topic.prefix
            );
        }
        if let Some(bookings) = &self.bookings {
            anyhow::ensure!(
                (0.0..=1.0).contains(&bookings.share) && (0.0..=1.0).contains(&bookings.late_share),
                "booking shares lie between 0 and 1"
            );
            for prefix in &bookings.topics {
                anyhow::ensure!(
                    self.topics.iter().any(|t| &t.prefix == prefix),
                    "bookings name unknown topic {prefix}"
                );
            }
        }
        for window in &self.windows {
            for prefix in &window.topics {
                anyhow::ensure!(
                    self.topics.iter().any(|t| &t.prefix == prefix),
                    "window {} serves unknown topic {prefix}",
                    window.label
                );
            }
        }
        Ok(())
    }

    /// Arrivals per minute at a local time: the day's visitors spread by the hourly
    /// profile over the opening hours; none during lunch or after closing.
    pub fn arrival_rate(&self, at: NaiveTime) -> f64 {
        if at < self.open || at >= self.close {
            return 0.0;
        }
        if let Some((start, end)) = self.lunch
            && at >= start
            && at < end
        {
            return 0.0;
        }
        let hour = ((at - self.open).num_minutes() / 60) as usize;
        let weight = self.hourly_profile.get(hour).copied().unwrap_or(0.0);
        let open_minutes = self.open_minutes();
        let total_weight: f64 = self.hourly_profile.iter().sum();
        if total_weight <= 0.0 || open_minutes <= 0.0 {
            return 0.0;
        }
        // Each hour's weight is per 60 minutes; normalise over the weighted minutes.
        let hours = self.hourly_profile.len() as f64;
        self.visitors * weight / total_weight * hours / open_minutes
    }

    /// Minutes the office accepts visitors (without lunch).
    pub fn open_minutes(&self) -> f64 {
        let lunch = self.lunch.map_or(0, |(s, e)| (e - s).num_minutes());
        ((self.close - self.open).num_minutes() - lunch) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_scenario_is_an_office_day_of_about_300_visitors() {
        let s = Scenario::default_office();
        assert_eq!(s.topics.len(), 4);
        assert_eq!(s.windows.len(), 6);
        // Integrate the rate minute by minute over the day.
        let mut expected = 0.0;
        let mut t = s.open;
        while t < s.close {
            expected += s.arrival_rate(t);
            t += chrono::Duration::minutes(1);
        }
        assert!((250.0..350.0).contains(&expected), "{expected}");
        let lunch = s.lunch.unwrap().0;
        assert_eq!(s.arrival_rate(lunch), 0.0);
        assert!(
            s.arrival_rate(s.open) > s.arrival_rate(NaiveTime::from_hms_opt(11, 0, 0).unwrap())
        );
    }

    #[test]
    fn bad_scenarios_are_refused_with_a_reason() {
        let bad = DEFAULT.replace("topics = [\"Ю\", \"Д\"]", "topics = [\"Z\"]");
        let err = Scenario::parse(&bad).unwrap_err().to_string();
        assert!(err.contains("unknown topic Z"), "{err}");
    }
}
