//! Interval fuzz as Anki does it: no fuzz below 2.5 days, then ±15% of the
//! part between 2.5 and 7 days, ±10% between 7 and 20, ±5% above 20, so
//! cards learned together spread out. The random factor comes from the card
//! id and its review count, so the same review always gets the same interval.

/// `(start, end, factor)` of each fuzz range, in days.
const RANGES: [(f32, f32, f32); 3] = [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f32::MAX, 0.05)];

/// How far an interval may move either way.
fn delta(interval: f32) -> f32 {
    if interval < 2.5 {
        return 0.0;
    }
    RANGES
        .iter()
        .map(|&(start, end, factor)| factor * (interval.min(end) - start).max(0.0))
        .sum()
}

/// The inclusive range the fuzzed interval is drawn from, kept within
/// `minimum..=maximum`.
pub fn bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    let interval = interval.clamp(minimum as f32, maximum as f32);
    let d = delta(interval);
    let mut lower = ((interval - d).round() as u32).clamp(minimum, maximum);
    let mut upper = ((interval + d).round() as u32).clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    if lower > upper {
        lower = upper;
    }
    (lower, upper)
}

/// A fuzzed whole number of days; `factor` in `[0, 1)`.
pub fn apply(interval: f32, factor: f64, minimum: u32, maximum: u32) -> u32 {
    if interval < 2.5 {
        return (interval.round() as u32).clamp(minimum.min(maximum), maximum);
    }
    let (lower, upper) = bounds(interval, minimum, maximum);
    let span = f64::from(upper - lower + 1);
    (lower + (factor * span).floor() as u32).min(upper)
}

/// A repeatable factor in `[0, 1)` for one review of one card (SplitMix64).
pub fn factor(card_id: i64, reps: u32) -> f64 {
    let mut z = (card_id as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(reps).wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add(0x94D0_49BB_1331_11EB);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn no_fuzz_below_two_and_a_half_days() {
        assert_eq!(apply(2.0, 0.99, 1, 36500), 2);
        assert_eq!(apply(1.2, 0.0, 1, 36500), 1);
    }

    #[test]
    fn anki_ranges() {
        // 10 days: 0.15 * 4.5 + 0.1 * 3 = 0.975 either way.
        assert_eq!(bounds(10.0, 1, 36500), (9, 11));
        // 100 days: 0.675 + 1.3 + 0.05 * 80 = 5.975.
        assert_eq!(bounds(100.0, 1, 36500), (94, 106));
        // 3 days: 0.075 rounds away, so the range is widened by a day.
        assert_eq!(bounds(3.0, 1, 36500), (3, 4));
        assert_eq!(bounds(100.0, 1, 100), (94, 100));
    }

    #[test]
    fn factor_is_repeatable_and_varies() {
        assert_eq!(factor(7, 3), factor(7, 3));
        assert_ne!(factor(7, 3), factor(7, 4));
        assert_ne!(factor(7, 3), factor(8, 3));
    }

    proptest! {
        #[test]
        fn fuzzed_interval_stays_in_bounds(interval in 2.5f32..40000.0, card in any::<i64>(), reps in 0u32..1000) {
            let f = factor(card, reps);
            prop_assert!((0.0..1.0).contains(&f));
            let (lo, hi) = bounds(interval, 1, 36500);
            let fuzzed = apply(interval, f, 1, 36500);
            prop_assert!(lo <= fuzzed && fuzzed <= hi, "{fuzzed} not in {lo}..={hi}");
            prop_assert!(fuzzed <= 36500);
        }
    }
}
