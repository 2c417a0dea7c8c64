//! Studying toward a date (issue 30 §3): the predicted recall of a deck on
//! a day (FSRS retrievability at that date, a card never learned counting
//! as 0), and a seeded simulation of studying N cards a day until then,
//! either on the normal schedule or toward the date (the cards least
//! likely recalled on the day first, pulled forward if not yet due).

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};

use super::{CardState, Phase, Rating, ScheduleError, Scheduler};
use crate::clock::Timestamp;

const MS_PER_DAY: i64 = 86_400_000;

/// The predicted recall of `cards` at `date`: the mean of their FSRS
/// retrievability then (0 for a card with no memory yet).
pub fn recall_at(s: &Scheduler, cards: &[CardState], date: Timestamp) -> f64 {
    if cards.is_empty() {
        return 0.0;
    }
    let sum: f64 = cards
        .iter()
        .map(|c| f64::from(s.retrievability(c, date).unwrap_or(0.0)))
        .sum();
    sum / cards.len() as f64
}

/// How the simulated learner picks each day's cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The normal schedule: cards that are due, most overdue first, then new ones.
    Schedule,
    /// Toward the date: the cards with the lowest predicted recall on the
    /// date first, due or not.
    TowardDate,
}

/// Studies `per_day` cards a day from `now` until `date` (each review
/// recalled with the card's retrievability at the time, drawn from `seed`),
/// and returns the predicted recall at `date` afterwards.
pub fn simulate(
    s: &Scheduler,
    cards: &[CardState],
    now: Timestamp,
    date: Timestamp,
    per_day: usize,
    order: Order,
    seed: u64,
) -> Result<f64, ScheduleError> {
    let mut cards = cards.to_vec();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let days = (date.0 - now.0).div_euclid(MS_PER_DAY).max(0);
    for day in 0..days {
        let t = Timestamp(now.0 + day * MS_PER_DAY);
        let mut pick: Vec<usize> = match order {
            Order::Schedule => {
                let mut due: Vec<usize> = (0..cards.len())
                    .filter(|&i| cards[i].due.is_some_and(|d| d <= t))
                    .collect();
                due.sort_by_key(|&i| cards[i].due);
                due.extend((0..cards.len()).filter(|&i| cards[i].phase == Phase::New));
                due
            }
            Order::TowardDate => {
                let mut all: Vec<(f32, usize)> = (0..cards.len())
                    .map(|i| (s.retrievability(&cards[i], date).unwrap_or(0.0), i))
                    .collect();
                all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                all.into_iter().map(|(_, i)| i).collect()
            }
        };
        pick.truncate(per_day);
        for i in pick {
            let r = s.retrievability(&cards[i], t).unwrap_or(1.0);
            let draw = (rng.next_u32() as f64) / (u32::MAX as f64 + 1.0);
            let rating = if draw < f64::from(r) {
                Rating::Good
            } else {
                Rating::Again
            };
            cards[i] = s.answer(i as i64, &cards[i], rating, t)?.state;
        }
    }
    Ok(recall_at(s, &cards, date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Settings;

    const DAY: i64 = MS_PER_DAY;

    fn deck(s: &Scheduler, now: Timestamp, n: usize) -> Vec<CardState> {
        // Cards learned over the last 30 days, each once, with Good.
        (0..n)
            .map(|i| {
                let at = Timestamp(now.0 - (i as i64 % 30 + 1) * DAY);
                s.answer(i as i64, &CardState::default(), Rating::Good, at)
                    .unwrap()
                    .state
            })
            .collect()
    }

    #[test]
    fn recall_falls_with_the_date() {
        let s = Scheduler::new(Settings::default(), 0).unwrap();
        let now = Timestamp(1_800_000_000_000);
        let cards = deck(&s, now, 40);
        let soon = recall_at(&s, &cards, Timestamp(now.0 + 7 * DAY));
        let later = recall_at(&s, &cards, Timestamp(now.0 + 60 * DAY));
        assert!(soon > later && later > 0.0, "{soon} {later}");
        assert_eq!(recall_at(&s, &[CardState::default()], now), 0.0);
    }

    /// The same days studied, the same number of cards a day: ordered
    /// toward the date, the predicted recall on the day is higher.
    #[test]
    fn studying_toward_the_date_raises_recall_on_the_day() {
        let s = Scheduler::new(Settings::default(), 0).unwrap();
        let now = Timestamp(1_800_000_000_000);
        let mut cards = deck(&s, now, 60);
        cards.extend(std::iter::repeat_n(CardState::default(), 20));
        let date = Timestamp(now.0 + 21 * DAY);
        for per_day in [5, 10] {
            let normal = simulate(&s, &cards, now, date, per_day, Order::Schedule, 1).unwrap();
            let toward = simulate(&s, &cards, now, date, per_day, Order::TowardDate, 1).unwrap();
            assert!(
                toward > normal,
                "{per_day}/day: toward {toward} vs normal {normal}"
            );
        }
        // More study, higher recall; none leaves it as predicted.
        let none = simulate(&s, &cards, now, date, 0, Order::TowardDate, 1).unwrap();
        assert!((none - recall_at(&s, &cards, date)).abs() < 1e-9);
        let more = simulate(&s, &cards, now, date, 20, Order::TowardDate, 1).unwrap();
        let less = simulate(&s, &cards, now, date, 5, Order::TowardDate, 1).unwrap();
        assert!(more > less && less > none, "{more} {less} {none}");
    }
}
