//! Time zones, parsed once where an office enters (an API body, a stored row, a snapshot
//! received by an app): an office can never carry a zone name nobody can read, and no
//! app needs a fallback of its own for one.

use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An IANA time zone ("Europe/Kaliningrad" … "Asia/Barnaul"); on the wire, its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeZone(Tz);

/// A name that is not an IANA time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownZone(pub String);

impl fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The name as sent, cut short: it may be anything a client typed.
        let shown: String = self.0.chars().take(64).collect();
        write!(
            f,
            "unknown time zone `{shown}`: use an IANA name such as Europe/Moscow"
        )
    }
}

impl std::error::Error for UnknownZone {}

impl TimeZone {
    pub fn parse(name: &str) -> Result<Self, UnknownZone> {
        name.trim()
            .parse::<Tz>()
            .map(TimeZone)
            .map_err(|_| UnknownZone(name.to_string()))
    }

    pub fn tz(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl From<Tz> for TimeZone {
    fn from(tz: Tz) -> Self {
        TimeZone(tz)
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for TimeZone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        TimeZone::parse(&name).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_travels_as_its_name_and_an_unknown_one_is_refused_on_arrival() {
        let zone = TimeZone::parse("Asia/Barnaul").unwrap();
        assert_eq!(serde_json::to_string(&zone).unwrap(), "\"Asia/Barnaul\"");
        let back: TimeZone = serde_json::from_str("\"Europe/Kaliningrad\"").unwrap();
        assert_eq!(back.tz(), chrono_tz::Europe::Kaliningrad);
        let error = serde_json::from_str::<TimeZone>("\"Mars/Olympus\"").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("unknown time zone `Mars/Olympus`")
        );
        let long = "x".repeat(10_000);
        assert!(TimeZone::parse(&long).unwrap_err().to_string().len() < 200);
    }
}
