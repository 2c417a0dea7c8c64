//! Fitting FSRS-6 parameters to the user's own review log (`synack optimize`)
//! with the `fsrs` crate, and measuring how well a set of parameters predicts
//! that log (log loss, RMSE over bins), so the old and the new can be compared
//! on the same reviews.
//!
//! The training items are built as Anki builds them (`reviews_for_fsrs` in
//! its rslib): one item per review made a day or more after the card's
//! previous one, holding the card's history up to it, same-day learning
//! steps included. The crate panics on an item without such a review, so
//! none is ever made, and every call into it is guarded besides: a panic
//! inside the crate becomes an [`OptimizeError`], never a crash.

use std::panic::{self, AssertUnwindSafe};

use fsrs::{ComputeParametersInput, FSRS, FSRSError, FSRSItem, FSRSReview};

use super::{Phase, Rating};
use crate::clock::Timestamp;

/// Reviews a day or more after the card's previous one that a full fit
/// needs: with fewer, the `fsrs` crate only estimates the first stabilities
/// (under 64) or returns its defaults (under 8).
pub const MIN_LONG_TERM_REVIEWS: usize = 64;

/// One card's log as FSRS reads it: (whole days since the previous review, rating).
pub type CardLog = Vec<(u32, Rating)>;

/// One row of the review log, as much of it as the optimizer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoggedReview {
    pub card_id: i64,
    pub at: Timestamp,
    pub rating: Rating,
    /// The card's state before the review: `New` starts a history.
    pub before: Phase,
}

/// Why fitting or evaluating failed. The messages are in the current
/// language (`locales/*/optimize.ftl`).
#[derive(Debug, thiserror::Error)]
pub enum OptimizeError {
    #[error("{}", crate::tr!("optimize-not-enough", need = *.need, have = *.have, cards = *.cards))]
    NotEnough {
        need: usize,
        have: usize,
        cards: usize,
    },
    #[error("{}", crate::tr!("optimize-nothing-left", have = *.have, cards = *.cards))]
    NothingLeft { have: usize, cards: usize },
    #[error("{}", crate::tr!("optimize-fsrs", message = .0.as_str()))]
    Fsrs(String),
    #[error("{}", crate::tr!("optimize-panicked", doing = doing_label(doing), message = .message.as_str()))]
    Panicked {
        doing: &'static str,
        message: String,
    },
}

/// What [`OptimizeError::Panicked`] was doing, in the current language.
fn doing_label(doing: &str) -> String {
    match doing {
        FITTING => crate::tr!("optimize-doing-fit"),
        EVALUATING => crate::tr!("optimize-doing-evaluate"),
        other => other.to_string(),
    }
}

const FITTING: &str = "fitting the parameters";
const EVALUATING: &str = "evaluating the parameters";

/// The histories in `reviews` (ordered by card, then time), with the days
/// between reviews counted in study days by `study_day`.
///
/// A review of a card in the `New` state starts a fresh history (the card was
/// reset, or this is its first review); reviews of a card whose known history
/// does not start from `New` (its first reviews are not in the log) are left
/// out, as Anki leaves out cards without their learning steps.
pub fn card_logs(
    reviews: impl IntoIterator<Item = LoggedReview>,
    study_day: impl Fn(Timestamp) -> i64,
) -> Vec<CardLog> {
    let mut logs: Vec<CardLog> = Vec::new();
    // The card and study day of the previous review, while its log is kept.
    let mut last: Option<(i64, i64)> = None;
    for r in reviews {
        let day = study_day(r.at);
        if r.before == Phase::New {
            logs.push(vec![(0, r.rating)]);
            last = Some((r.card_id, day));
            continue;
        }
        match (last, logs.last_mut()) {
            (Some((card, prev)), Some(log)) if card == r.card_id => {
                log.push((
                    u32::try_from((day - prev).max(0)).unwrap_or(u32::MAX),
                    r.rating,
                ));
                last = Some((card, day));
            }
            _ => last = None,
        }
    }
    logs
}

/// The log as training items: for every review a day or more after the
/// card's previous one, the card's history up to and including it.
pub fn items(logs: &[CardLog]) -> Vec<FSRSItem> {
    let mut out = Vec::new();
    for log in logs {
        let reviews: Vec<FSRSReview> = log
            .iter()
            .enumerate()
            .map(|(i, &(days, rating))| FSRSReview {
                rating: rating as u32,
                // FSRS requires 0 for the first review.
                delta_t: if i == 0 { 0 } else { days },
            })
            .collect();
        for end in 2..=reviews.len() {
            // Same-day reviews stay in the history of later items but are no
            // items of their own: FSRS predicts recall across days.
            if reviews[end - 1].delta_t > 0 {
                out.push(FSRSItem {
                    reviews: reviews[..end].to_vec(),
                });
            }
        }
    }
    out
}

/// Reviews that count towards [`MIN_LONG_TERM_REVIEWS`] (one per training
/// item), and the cards they are of.
pub fn long_term_reviews(logs: &[CardLog]) -> (usize, usize) {
    let per_card: Vec<usize> = logs
        .iter()
        .map(|log| log.iter().skip(1).filter(|(days, _)| *days > 0).count())
        .collect();
    (
        per_card.iter().sum(),
        per_card.iter().filter(|&&n| n > 0).count(),
    )
}

/// Items the crate accepts without panicking: a first review at 0 days, a
/// rating of 1-4 everywhere and a review a day or more after the previous.
fn check(items: &[FSRSItem]) -> Result<(), OptimizeError> {
    let bad = items.iter().position(|item| {
        item.reviews.first().is_none_or(|r| r.delta_t != 0)
            || item.reviews.iter().any(|r| !(1..=4).contains(&r.rating))
            || item.long_term_review_cnt() == 0
    });
    match bad {
        Some(i) => Err(OptimizeError::Fsrs(crate::tr!(
            "optimize-malformed",
            item = i,
            reviews = format!("{:?}", items[i].reviews)
        ))),
        None => Ok(()),
    }
}

/// Runs a call into the `fsrs` crate, turning its panics into errors.
///
/// While it runs, the panic hook is silenced (the crate may panic on a
/// worker thread, whose message would otherwise reach the terminal with a
/// backtrace note) and put back after.
fn guarded<T>(
    doing: &'static str,
    f: impl FnOnce() -> Result<T, FSRSError>,
) -> Result<T, OptimizeError> {
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(hook);
    match result {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(OptimizeError::Fsrs(format!("{e:?}"))),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| crate::tr!("optimize-no-message"));
            Err(OptimizeError::Panicked { doing, message })
        }
    }
}

/// How well `parameters` predict the log.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Fit {
    pub log_loss: f32,
    pub rmse_bins: f32,
}

pub fn evaluate(parameters: &[f32], items: &[FSRSItem]) -> Result<Fit, OptimizeError> {
    check(items)?;
    let eval = guarded(EVALUATING, || {
        FSRS::new(parameters)?.evaluate(items.to_vec(), |_| true)
    })?;
    Ok(Fit {
        log_loss: eval.log_loss,
        rmse_bins: eval.rmse_bins,
    })
}

/// New parameters fitted to `logs`, refusing a log too small to fit.
pub fn fit(logs: &[CardLog]) -> Result<Vec<f32>, OptimizeError> {
    let (have, cards) = long_term_reviews(logs);
    if have < MIN_LONG_TERM_REVIEWS {
        return Err(OptimizeError::NotEnough {
            need: MIN_LONG_TERM_REVIEWS,
            have,
            cards,
        });
    }
    let train_set = items(logs);
    check(&train_set)?;
    let fitted = guarded(FITTING, || {
        fsrs::compute_parameters(ComputeParametersInput {
            train_set,
            ..ComputeParametersInput::default()
        })
    })?;
    // The crate answers a log it cannot use with its defaults rather than an
    // error; saying "fitted" then would be a lie.
    if fitted == fsrs::DEFAULT_PARAMETERS {
        return Err(OptimizeError::NothingLeft { have, cards });
    }
    Ok(fitted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_later_review_is_an_item_with_its_history() {
        let logs = vec![vec![
            (5, Rating::Good),
            (0, Rating::Good),
            (3, Rating::Again),
        ]];
        let items = items(&logs);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].reviews[0].delta_t, 0, "first review starts at 0");
        assert_eq!(items[0].reviews.len(), 3);
        assert_eq!(items[0].reviews[2].rating, 1);
        assert_eq!(long_term_reviews(&logs), (1, 1));
    }

    /// Issue 24, item 1: the default steps `1m 10m` give every card two
    /// reviews on its first day, and an item of those alone made the crate
    /// panic (`at least one review with delta_t > 0 is required`).
    #[test]
    fn optimize_panicked_on_same_day_learning_steps() {
        // First day (new, then the 10m step), then 3 and 10 days later.
        let log = vec![
            (0, Rating::Good),
            (0, Rating::Good),
            (3, Rating::Good),
            (0, Rating::Again),
            (7, Rating::Good),
        ];
        let got: Vec<Vec<u32>> = items(std::slice::from_ref(&log))
            .iter()
            .map(|i| i.reviews.iter().map(|r| r.delta_t).collect())
            .collect();
        // One item per review a day or more after the previous one, the
        // same-day reviews kept in its history.
        assert_eq!(got, vec![vec![0, 0, 3], vec![0, 0, 3, 0, 7]]);
        // A card still in its first day gives no item at all.
        assert!(items(&[vec![(0, Rating::Good), (0, Rating::Good)]]).is_empty());
        // Enough such cards for the full fit: it runs, and does not panic.
        let logs: Vec<CardLog> = (0..80).map(|_| log.clone()).collect();
        assert_eq!(long_term_reviews(&logs), (160, 80));
        let items = items(&logs);
        check(&items).unwrap();
        match fit(&logs) {
            Ok(p) => assert_eq!(p.len(), fsrs::DEFAULT_PARAMETERS.len()),
            Err(e @ OptimizeError::NothingLeft { .. }) => panic!("not fitted: {e}"),
            Err(e) => panic!("{e}"),
        }
        evaluate(&fsrs::DEFAULT_PARAMETERS, &items).unwrap();
    }

    #[test]
    fn a_panic_inside_the_crate_is_an_error() {
        let err = guarded::<()>("testing", || panic!("boom {}", 1)).unwrap_err();
        assert!(
            matches!(&err, OptimizeError::Panicked { doing: "testing", message } if message == "boom 1"),
            "{err}"
        );
        assert!(!err.to_string().contains('\n'), "one line: {err}");
        // An item the crate would panic on is refused before it is called.
        let bad = vec![FSRSItem {
            reviews: vec![
                FSRSReview {
                    rating: 3,
                    delta_t: 0,
                },
                FSRSReview {
                    rating: 3,
                    delta_t: 0,
                },
            ],
        }];
        assert!(matches!(
            evaluate(&fsrs::DEFAULT_PARAMETERS, &bad),
            Err(OptimizeError::Fsrs(_))
        ));
    }

    fn review(card_id: i64, day: i64, minute: i64, rating: Rating, before: Phase) -> LoggedReview {
        LoggedReview {
            card_id,
            at: Timestamp(day * 86_400_000 + minute * 60_000),
            rating,
            before,
        }
    }

    #[test]
    fn histories_start_at_new_and_count_study_days() {
        use Phase::*;
        use Rating::*;
        let reviews = [
            // Card 1: learned on day 10, reviewed on day 13, reset, relearned.
            review(1, 10, 0, Good, New),
            review(1, 10, 10, Good, Learning),
            review(1, 13, 0, Again, Review),
            review(1, 13, 10, Good, Relearning),
            review(1, 20, 0, Good, New),
            review(1, 22, 0, Good, Learning),
            // Card 2: its first reviews are not in the log: left out.
            review(2, 5, 0, Good, Review),
            review(2, 9, 0, Good, Review),
            // Card 3: one review.
            review(3, 1, 0, Easy, New),
        ];
        let day = |t: Timestamp| t.0.div_euclid(86_400_000);
        assert_eq!(
            card_logs(reviews, day),
            vec![
                vec![(0, Good), (0, Good), (3, Again), (0, Good)],
                vec![(0, Good), (2, Good)],
                vec![(0, Easy)],
            ]
        );
    }

    /// `cards` histories drawn from FSRS with `parameters`: each card is
    /// learned on its first day (Good, then its 10m step), then reviewed at
    /// the interval those parameters give for 90% retention, recalled or
    /// not as their forgetting curve says.
    fn drawn_from(parameters: &[f32], cards: usize, reviews: usize) -> Vec<CardLog> {
        use chacha20::ChaCha8Rng;
        use chacha20::rand_core::{Rng, SeedableRng};
        let fsrs = FSRS::new(parameters).unwrap();
        let decay = parameters[20];
        let mut rng = ChaCha8Rng::seed_from_u64(24);
        (0..cards)
            .map(|_| {
                let mut log = vec![(0, Rating::Good), (0, Rating::Good)];
                let mut memory = fsrs.next_states(None, 0.9, 0).unwrap().good.memory;
                memory = fsrs.next_states(Some(memory), 0.9, 0).unwrap().good.memory;
                for _ in 0..reviews {
                    let days = fsrs
                        .next_interval(Some(memory.stability), 0.9, 3)
                        .round()
                        .max(1.0);
                    let recall = fsrs::current_retrievability(memory, days, decay);
                    let draw = (rng.next_u64() >> 11) as f32 / (1u64 << 53) as f32;
                    let rating = if draw < recall {
                        Rating::Good
                    } else {
                        Rating::Again
                    };
                    let next = fsrs.next_states(Some(memory), 0.9, days as u32).unwrap();
                    memory = match rating {
                        Rating::Again => next.again.memory,
                        _ => next.good.memory,
                    };
                    log.push((days as u32, rating));
                }
                log
            })
            .collect()
    }

    #[test]
    fn a_fit_to_a_log_drawn_from_known_parameters_lowers_the_log_loss() {
        // Memory that lasts three times as long as the defaults say at
        // first, and forgets more steeply.
        let mut truth = fsrs::DEFAULT_PARAMETERS.to_vec();
        for w in &mut truth[..4] {
            *w *= 3.0;
        }
        truth[20] = 0.5;
        let logs = drawn_from(&truth, 120, 5);
        let items = items(&logs);
        assert_eq!(items.len(), 600);
        let started = std::time::Instant::now();
        let fitted = fit(&logs).unwrap();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the fit took {:?}",
            started.elapsed()
        );
        assert_ne!(fitted, fsrs::DEFAULT_PARAMETERS);
        assert_ne!(
            fitted[4..],
            fsrs::DEFAULT_PARAMETERS[4..],
            "the full training ran"
        );
        let before = evaluate(&fsrs::DEFAULT_PARAMETERS, &items).unwrap();
        let after = evaluate(&fitted, &items).unwrap();
        assert!(after.log_loss < before.log_loss, "{before:?} -> {after:?}");
        // And it moved towards the truth: the first stability it found for
        // Good is nearer the true one than the default was.
        let default_gap = (fsrs::DEFAULT_PARAMETERS[2] - truth[2]).abs();
        assert!((fitted[2] - truth[2]).abs() < default_gap, "{fitted:?}");
    }

    #[test]
    fn a_small_log_is_refused_with_the_counts() {
        let logs = vec![vec![(0, Rating::Good), (1, Rating::Good)]; 3];
        let err = fit(&logs).unwrap_err();
        assert!(
            matches!(
                err,
                OptimizeError::NotEnough {
                    need: 64,
                    have: 3,
                    cards: 3
                }
            ),
            "{err}"
        );
    }

    /// A synthetic log: 40 cards, intervals growing, one lapse in five.
    fn synthetic() -> Vec<CardLog> {
        (0..40u32)
            .map(|card| {
                let mut log = vec![(0, Rating::Good)];
                for (i, days) in [1u32, 3, 8, 20].into_iter().enumerate() {
                    let lapse = (card + i as u32).is_multiple_of(5);
                    log.push((days, if lapse { Rating::Again } else { Rating::Good }));
                }
                log
            })
            .collect()
    }

    #[test]
    fn a_fit_predicts_its_own_log_no_worse_than_the_defaults() {
        let logs = synthetic();
        let fitted = fit(&logs).unwrap();
        assert_eq!(fitted.len(), fsrs::DEFAULT_PARAMETERS.len());
        // The full training ran: more than the first stabilities moved.
        assert_ne!(fitted[4..], fsrs::DEFAULT_PARAMETERS[4..]);
        let items = items(&logs);
        let before = evaluate(&fsrs::DEFAULT_PARAMETERS, &items).unwrap();
        let after = evaluate(&fitted, &items).unwrap();
        assert!(after.log_loss <= before.log_loss, "{before:?} -> {after:?}");
    }

    #[test]
    fn a_log_the_crate_sets_aside_is_not_called_fitted() {
        // 12 cards, 6 long-term reviews each: enough by count, but every
        // first-review group has fewer than 20 cards, so all are outliers.
        let logs: Vec<CardLog> = (0..12u32)
            .map(|card| {
                let mut log = vec![(0, Rating::Good)];
                for (i, days) in [1u32, 2, 5, 10, 17, 35].into_iter().enumerate() {
                    let lapse = (card + i as u32).is_multiple_of(4);
                    log.push((days, if lapse { Rating::Again } else { Rating::Good }));
                }
                log
            })
            .collect();
        assert_eq!(long_term_reviews(&logs), (72, 12));
        let err = fit(&logs).unwrap_err();
        assert!(
            matches!(
                err,
                OptimizeError::NothingLeft {
                    have: 72,
                    cards: 12
                }
            ),
            "{err}"
        );
    }
}
