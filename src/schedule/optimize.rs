//! Fitting FSRS-6 parameters to the user's own review log (`synack optimize`)
//! with the `fsrs` crate, and measuring how well a set of parameters predicts
//! that log (log loss, RMSE over bins), so the old and the new can be compared
//! on the same reviews.

use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview};

use super::Rating;

/// Reviews a day or more after the card's previous one that a full fit
/// needs: with fewer, the `fsrs` crate only estimates the first stabilities
/// (under 64) or returns its defaults (under 8).
pub const MIN_LONG_TERM_REVIEWS: usize = 64;

/// One card's log as FSRS reads it: (whole days since the previous review, rating).
pub type CardLog = Vec<(u32, Rating)>;

/// Why fitting or evaluating failed.
#[derive(Debug, thiserror::Error)]
pub enum OptimizeError {
    #[error(
        "not enough reviews to fit parameters: need at least {need} reviews made a day or more \
         after the card's previous review; you have {have} (from {cards} cards)"
    )]
    NotEnough {
        need: usize,
        have: usize,
        cards: usize,
    },
    #[error(
        "not enough reviews to fit parameters: FSRS sets aside groups of fewer than 20 cards \
         with the same first rating and the same days to the second review, and too little of \
         your {have} reviews (from {cards} cards) was left, so it kept its defaults"
    )]
    NothingLeft { have: usize, cards: usize },
    #[error("FSRS: {0}")]
    Fsrs(String),
}

/// The log as training items: for every review after a card's first, the
/// card's history up to and including it.
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
            out.push(FSRSItem {
                reviews: reviews[..end].to_vec(),
            });
        }
    }
    out
}

/// Reviews that count towards [`MIN_LONG_TERM_REVIEWS`], and the cards they are of.
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

/// How well `parameters` predict the log.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Fit {
    pub log_loss: f32,
    pub rmse_bins: f32,
}

pub fn evaluate(parameters: &[f32], items: &[FSRSItem]) -> Result<Fit, OptimizeError> {
    let fsrs = FSRS::new(parameters).map_err(|e| OptimizeError::Fsrs(format!("{e:?}")))?;
    let eval = fsrs
        .evaluate(items.to_vec(), |_| true)
        .map_err(|e| OptimizeError::Fsrs(format!("{e:?}")))?;
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
    let fitted = fsrs::compute_parameters(ComputeParametersInput {
        train_set: items(logs),
        ..ComputeParametersInput::default()
    })
    .map_err(|e| OptimizeError::Fsrs(format!("{e:?}")))?;
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
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].reviews[0].delta_t, 0, "first review starts at 0");
        assert_eq!(items[1].reviews.len(), 3);
        assert_eq!(items[1].reviews[2].rating, 1);
        assert_eq!(long_term_reviews(&logs), (1, 1));
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
