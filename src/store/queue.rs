//! The queries behind today's queue and `synack due`: indexed lookups of due
//! learning and review cards, new cards, today's answers and the forecast.

use rusqlite::params;

use super::{Result, Store};
use crate::clock::Timestamp;
use crate::schedule::config::DoneToday;
use crate::schedule::queue::Candidate;

/// The window and filters of a queue query.
#[derive(Debug, Clone)]
pub struct QueueQuery {
    pub now: Timestamp,
    /// When the current study day began and the next begins.
    pub day_start: Timestamp,
    pub day_end: Timestamp,
    pub deck: Option<String>,
    pub tag: Option<String>,
}

/// Candidates for today, each list in queue order, with the deck each card
/// counts against.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub learning: Vec<i64>,
    pub reviews: Vec<Candidate>,
    pub new: Vec<Candidate>,
}

/// How many candidates to fetch at most; `None` for all of them (needed when
/// deck limits may skip some).
#[derive(Debug, Clone, Copy, Default)]
pub struct Caps {
    pub reviews: Option<usize>,
    pub new: Option<usize>,
}

/// Cards that can be studied at all: not suspended, not buried by hand, still
/// in the notes, in the deck and tag asked for.
pub(super) const STUDYABLE: &str = "c.suspended = 0 AND c.missing_since IS NULL
    AND (cs.buried_until IS NULL OR cs.buried_until <= ?2)
    AND (?3 IS NULL OR c.deck = ?3 COLLATE NOCASE)
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.tags) t
                               WHERE t.value = ?4 COLLATE NOCASE))";

/// Siblings of a card answered today are buried until tomorrow.
///
/// Siblings share a note and a heading path: the section of the note they
/// come from. The sections answered today (note id and heading path as
/// stored, one text key; a note id has no `:`, so the key is unambiguous)
/// are gathered once per query, as a non-correlated `IN` list SQLite
/// indexes, rather than walking every candidate's siblings and their
/// reviews: on a 100k-card deck that walk took a third of a second.
/// `coalesce(…, 0)` keeps `IS` semantics for cards without a note (ids
/// start at 1) and keeps NULL out of `NOT IN`.
const NOT_BURIED: &str = "(coalesce(c.source_id, 0) || ':' || c.heading_path) NOT IN (
    SELECT coalesce(sib.source_id, 0) || ':' || sib.heading_path
    FROM reviews r JOIN cards sib ON sib.id = r.card_id
    WHERE r.reviewed_at >= ?1)";

impl Store {
    /// Today's candidates: learning cards due by `now`, review cards due
    /// before the day ends (most overdue first, then least likely recalled),
    /// new cards in note order (notes as imported, cards as written); buried
    /// siblings left out.
    pub fn queue_candidates(&self, q: &QueueQuery, caps: Caps) -> Result<Candidates> {
        let limit = |cap: Option<usize>| cap.map_or(-1, |n| n.min(i64::MAX as usize) as i64);
        let learning = self.rows(
            &format!(
                "SELECT cs.card_id FROM card_state cs JOIN cards c ON c.id = cs.card_id
                 WHERE cs.state IN ('learning', 'relearning') AND cs.due <= ?2 AND {STUDYABLE}
                   AND ?5 IS NOT NULL
                 ORDER BY cs.due, cs.card_id"
            ),
            params![q.day_start.0, q.now.0, q.deck, q.tag, q.day_end.0],
            |r| r.get(0),
        )?;
        let with_deck = |sql: &str, cap: Option<usize>| -> Result<Vec<Candidate>> {
            self.rows(
                sql,
                params![
                    q.day_start.0,
                    q.now.0,
                    q.deck,
                    q.tag,
                    q.day_end.0,
                    limit(cap)
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
        };
        let reviews = with_deck(
            &format!(
                "SELECT cs.card_id, c.deck FROM card_state cs JOIN cards c ON c.id = cs.card_id
                 WHERE cs.state = 'review' AND cs.due < ?5 AND {STUDYABLE} AND {NOT_BURIED}
                 ORDER BY cs.due, (?2 - cs.last_review) / cs.stability DESC, cs.card_id
                 LIMIT ?6"
            ),
            caps.reviews,
        )?;
        let new = with_deck(
            &format!(
                // Cards are walked in note order (the `cards_source_line`
                // index) until the cap is met, so the cost follows the cards
                // already learned, not the whole deck (a freshly imported
                // 100k-card deck is almost all new). A card never answered
                // has no state row (`STATE_OF_CARD` in `review.rs`); the
                // LEFT JOIN also makes SQLite walk the cards first.
                "SELECT c.id, c.deck FROM cards c LEFT JOIN card_state cs ON cs.card_id = c.id
                 WHERE coalesce(cs.state, 'new') = 'new' AND {STUDYABLE} AND {NOT_BURIED}
                   AND ?5 IS NOT NULL
                 ORDER BY c.source_id, c.line, c.id
                 LIMIT ?6"
            ),
            caps.new,
        )?;
        Ok(Candidates {
            learning,
            reviews,
            new,
        })
    }

    /// Review cards not due today, within the filters, siblings of cards
    /// answered today left out: what studying toward a date may pull forward.
    pub fn ahead_candidates(&self, q: &QueueQuery) -> Result<Vec<Candidate>> {
        self.rows(
            &format!(
                "SELECT cs.card_id, c.deck FROM card_state cs JOIN cards c ON c.id = cs.card_id
                 WHERE cs.state = 'review' AND cs.due >= ?5 AND cs.stability > 0
                   AND {STUDYABLE} AND {NOT_BURIED}
                 ORDER BY cs.card_id"
            ),
            params![q.day_start.0, q.now.0, q.deck, q.tag, q.day_end.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// New cards and reviews answered in the study day, per deck (for the
    /// daily limits). Learning steps do not count, as in Anki.
    pub fn answered_today(&self, q: &QueueQuery) -> Result<Vec<DoneToday>> {
        self.rows(
            "SELECT c.deck, sum(r.state_before = 'new'), sum(r.state_before = 'review')
             FROM reviews r JOIN cards c ON c.id = r.card_id
             WHERE r.reviewed_at >= ?1 AND r.reviewed_at < ?2
             GROUP BY c.deck",
            params![q.day_start.0, q.day_end.0],
            |r| {
                Ok(DoneToday {
                    deck: r.get(0)?,
                    new: r.get::<_, i64>(1)? as usize,
                    reviews: r.get::<_, i64>(2)? as usize,
                })
            },
        )
    }

    /// Review, learning and relearning cards falling due in each of `days`
    /// study days from `q.day_start` (overdue ones count on the first day).
    pub fn forecast(&self, q: &QueueQuery, days: usize) -> Result<Vec<usize>> {
        let day_ms = q.day_end.0 - q.day_start.0;
        let end = q.day_start.0 + day_ms * days as i64;
        // The day's length is a parameter too: the text stays one cached
        // statement, even on a 23- or 25-hour day.
        let sql = format!(
            "SELECT max(0, (cs.due - ?1) / ?6) AS day, count(*)
             FROM card_state cs JOIN cards c ON c.id = cs.card_id
             WHERE cs.state != 'new' AND cs.due < ?5 AND {STUDYABLE} AND ?2 IS NOT NULL
             GROUP BY day"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![q.day_start.0, q.now.0, q.deck, q.tag, end, day_ms],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
            )
            .map_err(|e| self.err(e))?;
        let mut out = vec![0; days];
        for row in rows {
            let (day, count) = row.map_err(|e| self.err(e))?;
            if let Some(slot) = out.get_mut(day as usize) {
                *slot += count as usize;
            }
        }
        Ok(out)
    }
}
