//! Scheduling data: settings, card states and the review log.

use rusqlite::{OptionalExtension, Row, params};

use super::{Result, Store, StoreError, Tx};
use crate::clock::Timestamp;
use crate::schedule::{Answer, CardState, Memory, Phase, Rating};

/// One row of the review log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub id: i64,
    pub card_id: i64,
    pub reviewed_at: Timestamp,
    pub rating: Rating,
    pub state_before: Phase,
    pub elapsed_days: f64,
    pub scheduled_days: f64,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub duration_ms: i64,
    pub answer: Option<String>,
}

/// What the person did, beside the scheduler's outcome.
#[derive(Debug, Clone, Default)]
pub struct ReviewInput {
    pub duration_ms: i64,
    /// What they typed before revealing the answer.
    pub typed: Option<String>,
    pub session_id: Option<i64>,
    /// Suspend the card if this answer made it a leech.
    pub suspend_leech: bool,
}

fn conversion(col: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
}

/// A card's scheduling state, read with [`state_from_row`]: no row if there
/// is no such card. A card never answered has no `card_state` row (an
/// import writes none: 13% of writing a new card, issue 7) and reads as
/// the row's defaults, state `new`.
const STATE_OF_CARD: &str = "SELECT coalesce(cs.state, 'new'), cs.due, cs.stability, cs.difficulty,
            coalesce(cs.step, 0), coalesce(cs.reps, 0), coalesce(cs.lapses, 0), cs.last_review
     FROM cards c LEFT JOIN card_state cs ON cs.card_id = c.id WHERE c.id = ?1";

fn state_from_row(row: &Row<'_>) -> rusqlite::Result<CardState> {
    let phase: String = row.get(0)?;
    let stability: Option<f64> = row.get(2)?;
    let difficulty: Option<f64> = row.get(3)?;
    Ok(CardState {
        phase: phase.parse().map_err(|e| conversion(0, e))?,
        due: row.get::<_, Option<i64>>(1)?.map(Timestamp),
        memory: stability.zip(difficulty).map(|(s, d)| Memory {
            stability: s as f32,
            difficulty: d as f32,
        }),
        step: row.get(4)?,
        reps: row.get(5)?,
        lapses: row.get(6)?,
        last_review: row.get::<_, Option<i64>>(7)?.map(Timestamp),
    })
}

#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("store-bad-rating", rating = .0.to_string()))]
struct BadStoredRating(i64);

pub(super) fn review_from_row(row: &Row<'_>) -> rusqlite::Result<ReviewRow> {
    let rating: i64 = row.get(3)?;
    let before: String = row.get(4)?;
    Ok(ReviewRow {
        id: row.get(0)?,
        card_id: row.get(1)?,
        reviewed_at: Timestamp(row.get(2)?),
        rating: Rating::from_number(rating)
            .ok_or_else(|| conversion(3, BadStoredRating(rating)))?,
        state_before: before.parse().map_err(|e| conversion(4, e))?,
        elapsed_days: row.get(5)?,
        scheduled_days: row.get(6)?,
        stability: row.get(7)?,
        difficulty: row.get(8)?,
        duration_ms: row.get(9)?,
        answer: row.get(10)?,
    })
}

impl Store {
    /// Every stored setting, as text.
    pub fn config_pairs(&self) -> Result<Vec<(String, String)>> {
        self.rows("SELECT key, value FROM config ORDER BY key", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }

    /// Stores one setting (already checked by the caller).
    pub fn set_config(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO config (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Forgets one setting, so its default applies again.
    pub fn delete_config(&mut self, key: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM config WHERE key = ?1", params![key])
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The scheduler's view of a card; `None` if there is no such card.
    pub fn card_state(&self, card_id: i64) -> Result<Option<CardState>> {
        self.conn
            .prepare_cached(STATE_OF_CARD)
            .and_then(|mut s| s.query_row([card_id], state_from_row).optional())
            .map_err(|e| self.err(e))
    }

    /// A card's review log, oldest first.
    pub fn reviews_of(&self, card_id: i64) -> Result<Vec<ReviewRow>> {
        self.rows(
            "SELECT id, card_id, reviewed_at, rating, state_before, elapsed_days,
                        scheduled_days, stability, difficulty, duration_ms, answer
                 FROM reviews WHERE card_id = ?1 ORDER BY reviewed_at, id",
            [card_id],
            review_from_row,
        )
    }

    /// Every card id that has at least one review.
    pub fn reviewed_card_ids(&self) -> Result<Vec<i64>> {
        self.rows(
            "SELECT DISTINCT card_id FROM reviews ORDER BY card_id",
            [],
            |r| r.get(0),
        )
    }

    /// Records an answer: the new card state and a review log row, in one
    /// transaction, so the log and the state never disagree. Returns the log row id.
    pub fn record_answer(
        &mut self,
        card_id: i64,
        before: &CardState,
        answer: &Answer,
        now: Timestamp,
        input: &ReviewInput,
    ) -> Result<i64> {
        let tx = self.transaction()?;
        let recorded = write_answer(&tx, card_id, before, answer, now, input)?;
        tx.commit()?;
        Ok(recorded.review_id)
    }

    /// Reads the card's state, answers it with `decide` and records the
    /// answer, all in one write transaction: a second session answering the
    /// same card at the same moment waits, then answers the state this one left.
    pub fn answer_with<E: From<StoreError>>(
        &mut self,
        card_id: i64,
        now: Timestamp,
        input: &ReviewInput,
        decide: impl FnOnce(&CardState) -> std::result::Result<Answer, E>,
    ) -> std::result::Result<(CardState, Answer, Recorded), E> {
        let tx = self.transaction()?;
        let before = tx
            .tx
            .prepare_cached(STATE_OF_CARD)
            .and_then(|mut s| s.query_row([card_id], state_from_row))
            .map_err(|e| tx.err(e))?;
        let answer = decide(&before)?;
        let recorded = write_answer(&tx, card_id, &before, &answer, now, input)?;
        tx.commit()?;
        Ok((before, answer, recorded))
    }
}

/// What recording an answer changed besides the state and the log, so that
/// undoing it can put back exactly what was there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub review_id: i64,
    /// The answer added the `leech` tag (it was not there before).
    pub tagged_leech: bool,
    /// The answer suspended the card as a leech.
    pub suspended: bool,
}

fn write_answer(
    tx: &Tx<'_>,
    card_id: i64,
    before: &CardState,
    answer: &Answer,
    now: Timestamp,
    input: &ReviewInput,
) -> Result<Recorded> {
    let s = &answer.state;
    tx.write_state(card_id, s)?;
    let review_id: i64 = tx
        .tx
        .prepare_cached(
            "INSERT INTO reviews (card_id, session_id, reviewed_at, rating, state_before,
                    elapsed_days, scheduled_days, stability, difficulty, duration_ms, answer)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
        )
        .and_then(|mut st| {
            st.query_row(
                params![
                    card_id,
                    input.session_id,
                    now.0,
                    answer.rating as i64,
                    before.phase.as_str(),
                    f64::from(answer.elapsed_days),
                    answer.scheduled_days,
                    s.memory.map(|m| f64::from(m.stability)),
                    s.memory.map(|m| f64::from(m.difficulty)),
                    input.duration_ms,
                    input.typed,
                ],
                |r| r.get(0),
            )
        })
        .map_err(|e| tx.err(e))?;
    let mut recorded = Recorded {
        review_id,
        tagged_leech: false,
        suspended: false,
    };
    if answer.leech {
        recorded.tagged_leech = tx
            .tx
            .execute(
                "UPDATE cards SET tags = json_insert(tags, '$[#]', 'leech')
                 WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM json_each(tags) WHERE value = 'leech')",
                [card_id],
            )
            .map_err(|e| tx.err(e))?
            == 1;
        if input.suspend_leech {
            recorded.suspended = tx
                .tx
                .execute(
                    "UPDATE cards SET suspended = 1 WHERE id = ?1 AND suspended = 0",
                    [card_id],
                )
                .map_err(|e| tx.err(e))?
                == 1;
        }
    }
    if let Some(session) = input.session_id {
        tx.tally(session, Some(answer.rating), 1, input.duration_ms)?;
    }
    Ok(recorded)
}
