//! What a quiz session writes besides answers: the session record, undo,
//! bury and suspend, and the queries behind cramming and the summary.

use rusqlite::{OptionalExtension, params};

use super::queue::STUDYABLE;
use super::review::Recorded;
use super::{QueueQuery, Result, Store, Tx};
use crate::clock::Timestamp;
use crate::schedule::{CardState, Rating};

/// A stored session's totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionTally {
    /// Cards dealt with: graded, skipped, buried or suspended.
    pub seen: i64,
    /// Grades by rating, again to easy.
    pub ratings: [i64; 4],
    pub active_ms: i64,
}

impl Tx<'_> {
    /// Overwrites a card's scheduling state (a card never answered has no
    /// row yet: see [`super::review`]'s `STATE_OF_CARD`).
    pub(super) fn write_state(&self, card_id: i64, s: &CardState) -> Result<()> {
        let changed = self
            .tx
            .prepare_cached(
                // `WHERE EXISTS`: a card that does not exist changes nothing
                // and is an error here, as it was when every card had a row.
                "INSERT INTO card_state (card_id, state, due, stability, difficulty, step, reps,
                                         lapses, last_review)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
                 WHERE EXISTS (SELECT 1 FROM cards WHERE id = ?1)
                 ON CONFLICT (card_id) DO UPDATE SET
                    state = excluded.state, due = excluded.due, stability = excluded.stability,
                    difficulty = excluded.difficulty, step = excluded.step, reps = excluded.reps,
                    lapses = excluded.lapses, last_review = excluded.last_review",
            )
            .and_then(|mut st| {
                st.execute(params![
                    card_id,
                    s.phase.as_str(),
                    s.due.map(|t| t.0),
                    s.memory.map(|m| f64::from(m.stability)),
                    s.memory.map(|m| f64::from(m.difficulty)),
                    s.step,
                    s.reps,
                    s.lapses,
                    s.last_review.map(|t| t.0),
                ])
            })
            .map_err(|e| self.err(e))?;
        if changed != 1 {
            return Err(self.err(rusqlite::Error::QueryReturnedNoRows));
        }
        Ok(())
    }

    /// Adds `delta` (1 or -1) to a session's counts: one card seen, the
    /// rating if there was one, and the time spent.
    pub(super) fn tally(
        &self,
        session: i64,
        rating: Option<Rating>,
        delta: i64,
        duration_ms: i64,
    ) -> Result<()> {
        let rating = rating.map_or("", |r| match r {
            Rating::Again => ", again = again + ?2",
            Rating::Hard => ", hard = hard + ?2",
            Rating::Good => ", good = good + ?2",
            Rating::Easy => ", easy = easy + ?2",
        });
        // `rating` is one of four fixed strings, never user text.
        let sql = format!(
            "UPDATE sessions SET seen = seen + ?2, active_ms = max(0, active_ms + ?2 * ?3) {rating}
             WHERE id = ?1"
        );
        self.tx
            .prepare_cached(&sql)
            .and_then(|mut st| st.execute(params![session, delta, duration_ms]))
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

impl Store {
    /// Opens a session record; returns its id.
    pub fn start_session(
        &mut self,
        now: Timestamp,
        cram: bool,
        deck: Option<&str>,
        tag: Option<&str>,
    ) -> Result<i64> {
        // Through a transaction, like every write, so that waiting for
        // another writer is announced.
        let tx = self.transaction()?;
        let id = tx
            .tx
            .prepare_cached(
                "INSERT INTO sessions (started_at, cram, deck, tag) VALUES (?1, ?2, ?3, ?4)
                 RETURNING id",
            )
            .and_then(|mut s| s.query_row(params![now.0, cram, deck, tag], |r| r.get(0)))
            .map_err(|e| tx.err(e))?;
        tx.commit()?;
        Ok(id)
    }

    /// Closes a session record.
    pub fn end_session(&mut self, session: i64, now: Timestamp) -> Result<()> {
        let tx = self.transaction()?;
        tx.tx
            .execute(
                "UPDATE sessions SET ended_at = ?2 WHERE id = ?1",
                params![session, now.0],
            )
            .map_err(|e| tx.err(e))?;
        tx.commit()
    }

    /// A session's stored totals.
    pub fn session_tally(&self, session: i64) -> Result<Option<SessionTally>> {
        self.conn
            .prepare_cached(
                "SELECT seen, again, hard, good, easy, active_ms FROM sessions WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([session], |r| {
                    Ok(SessionTally {
                        seen: r.get(0)?,
                        ratings: [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
                        active_ms: r.get(5)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Counts a card dealt with in a session without a review written for it
    /// (a cram grade, a skip, bury or suspend); `delta` -1 takes it back.
    pub fn tally_session(
        &mut self,
        session: i64,
        rating: Option<Rating>,
        delta: i64,
        duration_ms: i64,
    ) -> Result<()> {
        let tx = self.transaction()?;
        tx.tally(session, rating, delta, duration_ms)?;
        tx.commit()
    }

    /// Takes back an answer: deletes its log row, puts the card's state back
    /// to `before`, and undoes the leech tag and suspension it caused.
    pub fn undo_answer(
        &mut self,
        card_id: i64,
        before: &CardState,
        recorded: &Recorded,
        session: Option<(i64, Rating, i64)>,
    ) -> Result<()> {
        let tx = self.transaction()?;
        tx.tx
            .execute(
                "DELETE FROM reviews WHERE id = ?1 AND card_id = ?2",
                params![recorded.review_id, card_id],
            )
            .map_err(|e| tx.err(e))?;
        tx.write_state(card_id, before)?;
        if recorded.tagged_leech {
            tx.tx
                .execute(
                    "UPDATE cards
                     SET tags = (SELECT json_group_array(t.value ORDER BY t.key)
                                 FROM json_each(cards.tags) t WHERE t.value <> 'leech')
                     WHERE id = ?1",
                    [card_id],
                )
                .map_err(|e| tx.err(e))?;
        }
        if recorded.suspended {
            tx.tx
                .execute("UPDATE cards SET suspended = 0 WHERE id = ?1", [card_id])
                .map_err(|e| tx.err(e))?;
        }
        if let Some((id, rating, duration_ms)) = session {
            tx.tally(id, Some(rating), -1, duration_ms)?;
        }
        tx.commit()
    }

    /// The newest review's id (0 with none): a mark to ask
    /// [`Store::answered_elsewhere`] about later.
    pub fn last_review_id(&self) -> Result<i64> {
        self.conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM reviews")
            .and_then(|mut s| s.query_row([], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// Whether the card was answered after review `after` (a mark from
    /// [`Store::last_review_id`]) outside session `session`: by another
    /// quiz on the same database, or `synack answer`.
    pub fn answered_elsewhere(&self, card_id: i64, after: i64, session: i64) -> Result<bool> {
        self.conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM reviews
                                WHERE card_id = ?1 AND id > ?2 AND session_id IS NOT ?3)",
            )
            .and_then(|mut s| s.query_row(params![card_id, after, session], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// Keeps a card out of the queue until `until` (the next study day).
    pub fn bury(&mut self, card_id: i64, until: Timestamp) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO card_state (card_id, buried_until)
                 SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM cards WHERE id = ?1)
                 ON CONFLICT (card_id) DO UPDATE SET buried_until = excluded.buried_until",
                params![card_id, until.0],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Suspends or unsuspends a card.
    pub fn set_suspended(&mut self, card_id: i64, suspended: bool) -> Result<()> {
        self.conn
            .execute(
                "UPDATE cards SET suspended = ?2 WHERE id = ?1",
                params![card_id, suspended],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Sets the suspended flag of every card in `ids` (`synack suspend`,
    /// `synack unsuspend`), in one transaction, and returns the ids whose
    /// flag changed. Refuses the whole list, changing nothing, when a card
    /// is not there: [`Store::missing_cards`] says which first.
    pub fn set_suspended_all(&mut self, ids: &[i64], suspended: bool) -> Result<Vec<i64>> {
        let tx = self.transaction()?;
        let mut changed = Vec::new();
        {
            let mut update = tx
                .tx
                .prepare_cached("UPDATE cards SET suspended = ?2 WHERE id = ?1 AND suspended != ?2")
                .map_err(|e| tx.err(e))?;
            for &id in ids {
                if update
                    .execute(params![id, suspended])
                    .map_err(|e| tx.err(e))?
                    > 0
                {
                    changed.push(id);
                }
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// The ids in `ids` that name no card, in the order given.
    pub fn missing_cards(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM cards WHERE id = ?1)")
            .map_err(|e| self.err(e))?;
        let mut missing = Vec::new();
        for &id in ids {
            let there: bool = stmt
                .query_row([id], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            if !there {
                missing.push(id);
            }
        }
        Ok(missing)
    }

    /// Cards to cram: studied before, not due today, least likely recalled
    /// first. FSRS retrievability falls as elapsed time over stability grows,
    /// so ordering by that ratio orders by retrievability without computing it.
    pub fn cram_candidates(&self, q: &QueueQuery, limit: usize) -> Result<Vec<i64>> {
        self.rows(
            &format!(
                "SELECT cs.card_id FROM card_state cs JOIN cards c ON c.id = cs.card_id
                 WHERE cs.state != 'new' AND cs.due >= ?5 AND cs.stability > 0
                   AND {STUDYABLE} AND ?1 IS NOT NULL
                 ORDER BY (?2 - cs.last_review) / cs.stability DESC, cs.card_id
                 LIMIT ?6"
            ),
            params![
                q.day_start.0,
                q.now.0,
                q.deck,
                q.tag,
                q.day_end.0,
                limit.min(i64::MAX as usize) as i64
            ],
            |r| r.get(0),
        )
    }

    /// When the next card (not new) is due, within the filters: `q.now`
    /// when one already is (a card skipped or left in the queue is due now,
    /// not at the next one's time), else the earliest time one falls due.
    ///
    /// Each state's cards are read in due order from the state index until
    /// one is studyable, and the earliest of those wins: `min(due)` over all
    /// states read every due card and its row, 0.2 s at the end of every
    /// session on a 100k-card deck.
    pub fn next_due(&self, q: &QueueQuery) -> Result<Option<Timestamp>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT min(due) FROM (
                     SELECT (SELECT cs.due FROM card_state cs JOIN cards c ON c.id = cs.card_id
                             WHERE cs.state = s.state AND cs.due IS NOT NULL AND {STUDYABLE}
                             ORDER BY cs.due LIMIT 1) AS due
                     FROM (SELECT 'learning' AS state UNION ALL SELECT 'review'
                           UNION ALL SELECT 'relearning') s)
                 WHERE ?1 IS NOT NULL AND ?5 IS NOT NULL"
            ))
            .and_then(|mut s| {
                s.query_row(
                    params![q.day_start.0, q.now.0, q.deck, q.tag, q.day_end.0],
                    |r| r.get::<_, Option<i64>>(0),
                )
            })
            .map(|t| t.map(|t| Timestamp(t.max(q.now.0))))
            .map_err(|e| self.err(e))
    }
}
