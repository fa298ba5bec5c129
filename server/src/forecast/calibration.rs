//! The ranges people are shown, calibrated by the office's own record. The forward
//! simulation knows only what it models (services, walks, turnarounds, the arrivals of
//! the last hour); breaks to come, no-shows, transfers and the day's changing pace make
//! real waits spread wider. So each walk-in's ticket keeps the simulation's range made
//! as it was issued, and when it is first called the wait it had is set against it.
//! From the latest of these the range is widened (or narrowed) on each side by as many
//! of its own half-widths as make one in ten of those waits fall below it and one in
//! ten above (split conformal prediction, as in Romano, Patterson & Candès, "Conformalized
//! Quantile Regression", NeurIPS 2019). The median is the simulation's.

use talon_protocol::forecast::WaitRange;

/// Fewer outcomes than this and the simulation's range is shown as it is.
pub const MIN_OUTCOMES: usize = 30;
/// The share of waits meant to fall outside each end of the range.
const TAIL: f64 = 0.1;
/// A half-width counts as at least this much (a range of zero width still has a scale).
const MIN_SPREAD_MS: f64 = 60_000.0;

/// How far to move each end, in its half-widths (positive: wider).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    low: f64,
    high: f64,
}

fn spreads(range: &WaitRange) -> (f64, f64) {
    (
        ((range.median_ms - range.low_ms) as f64).max(MIN_SPREAD_MS),
        ((range.high_ms - range.median_ms) as f64).max(MIN_SPREAD_MS),
    )
}

/// The score that `1 − TAIL` of the scores do not pass (with the finite-sample
/// correction: the ⌈(n + 1)(1 − TAIL)⌉-th smallest).
fn quantile(mut scores: Vec<f64>) -> f64 {
    scores.sort_by(f64::total_cmp);
    let n = scores.len();
    let rank = (((n + 1) as f64) * (1.0 - TAIL)).ceil() as usize;
    scores[rank.clamp(1, n) - 1]
}

impl Calibration {
    /// From the predicted ranges and the waits that followed; none with too few.
    pub fn of(outcomes: &imbl::Vector<(WaitRange, i64)>) -> Option<Calibration> {
        if outcomes.len() < MIN_OUTCOMES {
            return None;
        }
        let (low, high): (Vec<f64>, Vec<f64>) = outcomes
            .iter()
            .map(|(range, actual)| {
                let (below, above) = spreads(range);
                let actual = *actual as f64;
                (
                    (range.low_ms as f64 - actual) / below,
                    (actual - range.high_ms as f64) / above,
                )
            })
            .unzip();
        Some(Calibration {
            low: quantile(low),
            high: quantile(high),
        })
    }

    /// The range with its ends moved; never past the median, never below zero.
    pub fn apply(&self, range: WaitRange) -> WaitRange {
        let (below, above) = spreads(&range);
        let low = (range.low_ms as f64 - self.low * below).round() as i64;
        let high = (range.high_ms as f64 + self.high * above).round() as i64;
        WaitRange {
            median_ms: range.median_ms,
            low_ms: low.clamp(0, range.median_ms),
            high_ms: high.max(range.median_ms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    fn range(low: i64, median: i64, high: i64) -> WaitRange {
        WaitRange {
            median_ms: median * MIN,
            low_ms: low * MIN,
            high_ms: high * MIN,
        }
    }

    #[test]
    fn too_few_outcomes_leave_the_range_as_it_is() {
        let outcomes = (0..MIN_OUTCOMES - 1)
            .map(|_| (range(8, 10, 12), 30 * MIN))
            .collect();
        assert_eq!(Calibration::of(&outcomes), None);
    }

    #[test]
    fn a_range_too_narrow_is_widened_until_one_in_ten_falls_outside_each_end() {
        // Predicted 8–10–12 every time; the waits were 1, 2, …, 20 minutes, ten times.
        let outcomes: imbl::Vector<_> = (0..200)
            .map(|n| (range(8, 10, 12), (n % 20 + 1) * MIN))
            .collect();
        let calibration = Calibration::of(&outcomes).expect("enough");
        let widened = calibration.apply(range(8, 10, 12));
        let outside = |pred: &dyn Fn(i64) -> bool| {
            outcomes.iter().filter(|(_, a)| pred(*a)).count() as f64 / outcomes.len() as f64
        };
        let below = outside(&|a| a < widened.low_ms);
        let above = outside(&|a| a > widened.high_ms);
        assert!((0.05..=0.10).contains(&below), "{widened:?}: {below}");
        assert!((0.05..=0.10).contains(&above), "{widened:?}: {above}");
        assert_eq!(widened.median_ms, 10 * MIN, "the median stays");
        // The same correction scales with another range's own width.
        let other = calibration.apply(range(16, 20, 24));
        let moved = |r: WaitRange, high: i64| r.high_ms - high * MIN;
        assert!((moved(other, 24) - 2 * moved(widened, 12)).abs() <= 2);
    }

    #[test]
    fn a_range_too_wide_is_narrowed_but_never_past_the_median_or_below_zero() {
        let outcomes = (0..100).map(|_| (range(0, 10, 40), 10 * MIN)).collect();
        let narrowed = Calibration::of(&outcomes).unwrap().apply(range(0, 10, 40));
        assert_eq!(narrowed, range(10, 10, 10));
        let far = Calibration {
            low: 5.0,
            high: 0.0,
        };
        assert_eq!(far.apply(range(2, 3, 4)).low_ms, 0);
    }
}
