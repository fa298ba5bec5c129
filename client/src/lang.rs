//! Russian is the first language of every screen, English the second.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// The text in this language.
    pub fn pick<'a>(self, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ru => ru,
            Lang::En => en,
        }
    }

    pub fn toggled(self) -> Lang {
        match self {
            Lang::Ru => Lang::En,
            Lang::En => Lang::Ru,
        }
    }

    /// "ru" / "en", as topic names are keyed.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// A duration in whole minutes, rounded up ("5 мин", "5 min"); under a minute is "< 1".
    pub fn minutes(self, ms: i64) -> String {
        if ms <= 0 {
            return self.pick("0 мин", "0 min").to_string();
        }
        let minutes = (ms + 59_999) / 60_000;
        format!("{minutes} {}", self.pick("мин", "min"))
    }

    /// Minutes and seconds, for live timers ("12:05").
    pub fn clock_duration(ms: i64) -> String {
        let secs = ms.max(0) / 1000;
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_round_up() {
        assert_eq!(Lang::Ru.minutes(0), "0 мин");
        assert_eq!(Lang::Ru.minutes(1), "1 мин");
        assert_eq!(Lang::En.minutes(60_000), "1 min");
        assert_eq!(Lang::En.minutes(60_001), "2 min");
        assert_eq!(Lang::clock_duration(725_000), "12:05");
    }
}
