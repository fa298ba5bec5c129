//! Predicted waits as the server tells them: a median and the range that held 80 % of
//! the simulated outcomes (`server/src/forecast`), for a waiting ticket or for a ticket
//! of a topic taken now.

use serde::{Deserialize, Serialize};

/// A predicted wait from now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitRange {
    pub median_ms: i64,
    /// One in ten waits less than this.
    pub low_ms: i64,
    /// One in ten waits longer than this.
    pub high_ms: i64,
}

impl WaitRange {
    /// The range in whole minutes for people, `(low, high)`: the low end rounded down and
    /// the high end up, never the same number twice ("≈ 8–14 мин", not "≈ 8–8").
    pub fn minutes(&self) -> (i64, i64) {
        let low = self.low_ms.max(0) / 60_000;
        let high = (self.high_ms.max(0) + 59_999) / 60_000;
        (low, high.max(low + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_round_outwards_and_never_collapse() {
        let r = |low, high| WaitRange {
            median_ms: low,
            low_ms: low,
            high_ms: high,
        };
        assert_eq!(r(8 * 60_000 + 59_000, 13 * 60_000 + 1).minutes(), (8, 14));
        assert_eq!(r(0, 0).minutes(), (0, 1));
        assert_eq!(r(5 * 60_000, 5 * 60_000).minutes(), (5, 6));
    }
}
