//! Distributions of times: the count, the rounded mean, and nearest-rank percentiles
//! (see the module docs for the rules).

use talon_protocol::stats::Distribution;

/// `n` as a count on the wire (saturating; a period never holds 4 billion tickets).
pub(super) fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The integer mean rounded to the nearest (halves up), `None` for no values.
pub(super) fn rounded_mean(values: &[i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as i128;
    let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
    let (q, r) = (sum.div_euclid(n), sum.rem_euclid(n));
    let mean = if 2 * r >= n { q + 1 } else { q };
    Some(i64::try_from(mean).expect("a mean of i64 values fits in i64"))
}

/// The nearest-rank `p`-th percentile of sorted, non-empty values.
fn nearest_rank(sorted: &[i64], p: usize) -> i64 {
    let n = sorted.len();
    let rank = (p * n).div_ceil(100).max(1);
    sorted[rank.min(n) - 1]
}

/// Count, average, median and 90th percentile of `values` (all `None` when empty).
pub(super) fn distribution(mut values: Vec<i64>) -> Distribution {
    if values.is_empty() {
        return Distribution::default();
    }
    values.sort_unstable();
    Distribution {
        count: count_u32(values.len()),
        average_ms: rounded_mean(&values),
        median_ms: Some(nearest_rank(&values, 50)),
        p90_ms: Some(nearest_rank(&values, 90)),
    }
}
