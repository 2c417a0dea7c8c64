//! The review log in the schema the FSRS optimizer reads
//! (`card_id,review_time,review_rating,review_state,review_duration`), so a
//! user can fit their own parameters from their history.

use std::io::Write;

use crate::store::BackupData;

pub const HEADER: [&str; 5] = [
    "card_id",
    "review_time",
    "review_rating",
    "review_state",
    "review_duration",
];

/// The optimizer's state numbers, for the state a card was in before the review.
fn state_number(state: &str) -> Option<u8> {
    match state {
        "new" => Some(0),
        "learning" => Some(1),
        "review" => Some(2),
        "relearning" => Some(3),
        _ => None,
    }
}

/// Writes one row per review, by card and then time, as the optimizer groups them.
/// Times are milliseconds since the epoch, durations milliseconds.
pub fn write(out: impl Write, data: &BackupData) -> Result<(), csv::Error> {
    let mut reviews: Vec<_> = data.reviews.iter().collect();
    reviews.sort_by_key(|r| (r.card_id, r.reviewed_at, r.id));
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in reviews {
        // A state the optimizer has no number for would poison the fit; leave it out.
        let Some(state) = state_number(&r.state_before) else {
            continue;
        };
        w.write_record([
            r.card_id.to_string(),
            r.reviewed_at.to_string(),
            r.rating.to_string(),
            state.to_string(),
            r.duration_ms.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
