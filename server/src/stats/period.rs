//! The period a statistics request may ask for, checked once: days within 1970–9999
//! (so the whole-month arithmetic cannot step out of chrono's range), the end not before
//! the start, and at most [`MAX_DAYS`] days.

use chrono::NaiveDate;

/// Longest period one statistics request may cover.
pub const MAX_DAYS: i64 = 366;

/// A period that passed the checks: `from..=to`, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

/// Why a period was refused; the text is what the client is told.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// A day outside 1970-01-01..=9999-12-31 (a malformed request rather than a wrong
    /// choice: the HTTP layer answers 400).
    #[error("the period's days must lie between 1970-01-01 and 9999-12-31")]
    OutOfRange,
    #[error("the period ends before it starts")]
    Reversed,
    #[error("ask for at most {MAX_DAYS} days at once")]
    TooLong,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, PeriodError> {
        let earliest = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
        let latest = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX);
        if ![from, to]
            .iter()
            .all(|day| (earliest..=latest).contains(day))
        {
            return Err(PeriodError::OutOfRange);
        }
        if to < from {
            return Err(PeriodError::Reversed);
        }
        if (to - from).num_days() >= MAX_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(Period { from, to })
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }

    pub fn to(&self) -> NaiveDate {
        self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_is_checked_once() {
        let one = Period::new(day("2026-11-20"), day("2026-11-20")).unwrap();
        assert_eq!(
            (one.from(), one.to()),
            (day("2026-11-20"), day("2026-11-20"))
        );
        assert!(
            Period::new(day("2025-11-20"), day("2026-11-20")).is_ok(),
            "366 days"
        );
        assert_eq!(
            Period::new(day("2025-11-19"), day("2026-11-20")),
            Err(PeriodError::TooLong)
        );
        assert_eq!(
            Period::new(day("2026-11-21"), day("2026-11-20")),
            Err(PeriodError::Reversed)
        );
        assert_eq!(
            Period::new(day("1969-12-31"), day("1970-01-01")),
            Err(PeriodError::OutOfRange)
        );
        assert_eq!(
            Period::new(day("9999-12-31"), day("+10000-01-01")),
            Err(PeriodError::OutOfRange)
        );
        assert!(Period::new(day("9999-12-01"), day("9999-12-31")).is_ok());
    }
}
