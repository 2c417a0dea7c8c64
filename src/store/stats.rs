//! The queries behind `synack stats` and the reports: every card with its
//! schedule, and the review log, for a deck and tag. The numbers themselves
//! are computed from these rows outside the store (`export::report`).
//!
//! A big deck has a million reviews, and the report only sums them up, so
//! [`Store::each_stats_review`] hands them out one at a time, borrowed from
//! the row being read, instead of as a list.

use std::collections::HashMap;

use rusqlite::{Row, params};

use super::column::{int, real, text, text_or_null};
use super::review::review_from_row;
use super::{Result, ReviewRow, Store};
use crate::clock::Timestamp;
use crate::deck::CardKind;
use crate::schedule::{Phase, Rating};

/// Which cards statistics cover. `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct StatsFilter {
    /// Exact deck name (case-insensitive).
    pub deck: Option<String>,
    /// A tag the card carries (case-insensitive).
    pub tag: Option<String>,
}

/// A card and its schedule, as statistics need them.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsCard {
    pub id: i64,
    pub deck: String,
    pub front: String,
    /// The back is empty or only whitespace: the notes do not answer it yet.
    pub unanswered: bool,
    pub kind: CardKind,
    /// The first heading of the card's path (its topic), `None` at the top of a note.
    pub topic: Option<String>,
    pub source: Option<String>,
    pub line: u32,
    /// Suspended by the user, or no longer in the notes.
    pub suspended: bool,
    pub phase: Phase,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub lapses: u32,
    pub last_review: Option<Timestamp>,
}

/// A review as the report reads it: what it counts, nothing it does not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatsReview<'a> {
    pub id: i64,
    pub card_id: i64,
    pub reviewed_at: Timestamp,
    pub rating: Rating,
    pub state_before: Phase,
    pub scheduled_days: f64,
    /// What was typed, for typed-answer cards.
    pub answer: Option<&'a str>,
}

const FILTER: &str = "(?1 IS NULL OR c.deck = ?1 COLLATE NOCASE)
    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.tags) t
                               WHERE t.value = ?2 COLLATE NOCASE))";

fn stats_card(row: &Row<'_>) -> rusqlite::Result<StatsCard> {
    let bad = |col: usize, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, e)
    };
    let deck: String = row.get(1)?;
    let front: String = row.get(2)?;
    let text = |col: usize| -> rusqlite::Result<&str> {
        row.get_ref(col)?
            .as_str()
            .map_err(|e| bad(col, Box::new(e)))
    };
    // Only whether the back is blank, without copying a hundred thousand backs.
    let unanswered = is_blank(row.get_ref(3)?.as_bytes()?).map_err(|e| bad(3, Box::new(e)))?;
    let kind: String = row.get(4)?;
    let path = text(5)?;
    // Borrowed when no heading has an escape in it, as is usual.
    let topic = match serde_json::from_str::<Vec<&str>>(path) {
        Ok(path) => topic(&path, &deck, &front).map(str::to_string),
        Err(_) => {
            let path: Vec<String> = serde_json::from_str(path).map_err(|e| bad(5, Box::new(e)))?;
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            topic(&path, &deck, &front).map(str::to_string)
        }
    };
    let phase: String = row.get(9)?;
    Ok(StatsCard {
        id: row.get(0)?,
        deck,
        front,
        unanswered,
        kind: kind.parse().map_err(|e| bad(4, Box::new(e)))?,
        topic,
        source: row.get(6)?,
        line: row.get(7)?,
        suspended: row.get(8)?,
        phase: phase.parse().map_err(|e| bad(9, Box::new(e)))?,
        stability: row.get(10)?,
        difficulty: row.get(11)?,
        lapses: row.get(12)?,
        last_review: row.get::<_, Option<i64>>(13)?.map(Timestamp),
    })
}

/// A card's topic: the first heading of its path that is neither the deck's
/// own H1 nor the card's question itself; failing that, the first heading.
/// (This was a `json_each` per card in SQL, most of a 100k-card report.)
fn topic<'a>(path: &[&'a str], deck: &str, front: &str) -> Option<&'a str> {
    path.iter()
        .find(|h| **h != deck && **h != front)
        .or(path.first())
        .copied()
}

/// Whether `text` (UTF-8) is empty or white space only, as `str::trim`
/// sees it. Read from its first byte that is not ASCII white space, which
/// in nearly every back is its first: checking whole backs as UTF-8 first
/// was a twentieth of a 100k-card report's `perf` samples, reading 23 MB
/// of backs for one bit each (issue 7).
fn is_blank(text: &[u8]) -> Result<bool, std::str::Utf8Error> {
    match text
        .iter()
        .position(|&b| !(b.is_ascii() && char::from(b).is_whitespace()))
    {
        None => Ok(true),
        Some(at) if text[at].is_ascii() => Ok(false),
        // After ASCII only, `at` starts a character.
        Some(at) => Ok(std::str::from_utf8(&text[at..])?.trim_start().is_empty()),
    }
}

/// Sorts `cards` by deck, note, line and id, text bytewise and a card with
/// no note first. Each deck and note is ranked once, so that the sort
/// compares numbers: comparing their names at every step was a fortieth of
/// a 100k-card report (issue 7).
fn in_reading_order(cards: &mut [StatsCard]) {
    fn ranks<T: Ord + Clone + std::hash::Hash>(mut names: Vec<&T>) -> HashMap<T, u32> {
        names.sort_unstable();
        names.dedup();
        names.into_iter().cloned().zip(0..).collect()
    }
    let decks = ranks(cards.iter().map(|c| &c.deck).collect());
    let notes = ranks(cards.iter().map(|c| &c.source).collect());
    cards.sort_by_cached_key(|c| (decks[&c.deck], notes[&c.source], c.line, c.id));
}

impl Store {
    /// Cards matching `filter` with their schedule, in reading order.
    pub fn stats_cards(&self, filter: &StatsFilter) -> Result<Vec<StatsCard>> {
        // Sorted here rather than by SQLite, whose sorter would carry every
        // card's front, back and heading path (a fifth of a 100k-card
        // report). Text compares bytewise in both, and a missing path
        // (NULL, `None`) sorts first in both, so the order is the same.
        let mut cards = self.rows(
            &format!(
                "SELECT c.id, c.deck, c.front, c.back, c.kind, c.heading_path, s.path, c.line,
                        c.suspended OR c.missing_since IS NOT NULL,
                        coalesce(cs.state, 'new'), cs.stability, cs.difficulty,
                        coalesce(cs.lapses, 0), cs.last_review
                 FROM cards c LEFT JOIN sources s ON s.id = c.source_id
                      LEFT JOIN card_state cs ON cs.card_id = c.id
                 WHERE {FILTER}"
            ),
            params![filter.deck, filter.tag],
            stats_card,
        )?;
        in_reading_order(&mut cards);
        Ok(cards)
    }

    /// The review log of the cards matching `filter`, by card, oldest first.
    pub fn stats_reviews(&self, filter: &StatsFilter) -> Result<Vec<ReviewRow>> {
        // The filter is a list of card ids built once, and skipped without a
        // filter, rather than a join: reading the card row of each of 1M
        // reviews took a second of a 100k-card report.
        self.rows(
            &format!(
                "SELECT r.id, r.card_id, r.reviewed_at, r.rating, r.state_before, r.elapsed_days,
                        r.scheduled_days, r.stability, r.difficulty, r.duration_ms, r.answer
                 FROM reviews r
                 WHERE (?1 IS NULL AND ?2 IS NULL)
                    OR r.card_id IN (SELECT c.id FROM cards c WHERE {FILTER})
                 ORDER BY r.card_id, r.reviewed_at, r.id"
            ),
            params![filter.deck, filter.tag],
            review_from_row,
        )
    }

    /// Calls `f` with each review of the cards matching `filter`, in the
    /// order of [`Store::stats_reviews`] (by card, oldest first), without
    /// keeping them: the report needs only their sums.
    pub fn each_stats_review(
        &self,
        filter: &StatsFilter,
        mut f: impl FnMut(&StatsReview<'_>),
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(&stats_reviews_sql())
            .map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(params![filter.deck, filter.tag])
            .map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let review = stats_review(row).map_err(|e| self.err(e))?;
            f(&review);
        }
        Ok(())
    }
}

/// What [`Store::each_stats_review`] reads: only columns of the
/// `reviews_card` index (migration 11), so that SQLite never reads the rows.
fn stats_reviews_sql() -> String {
    format!(
        "SELECT r.id, r.card_id, r.reviewed_at, r.rating, r.state_before, r.scheduled_days,
                r.answer
         FROM reviews r
         WHERE (?1 IS NULL AND ?2 IS NULL)
            OR r.card_id IN (SELECT c.id FROM cards c WHERE {FILTER})
         ORDER BY r.card_id, r.reviewed_at, r.id"
    )
}

fn stats_review<'r>(row: &'r Row<'_>) -> rusqlite::Result<StatsReview<'r>> {
    let bad = |col: usize, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, e)
    };
    let rating = int(row, 3)?;
    Ok(StatsReview {
        id: int(row, 0)?,
        card_id: int(row, 1)?,
        reviewed_at: Timestamp(int(row, 2)?),
        rating: Rating::from_number(rating)
            .ok_or_else(|| bad(3, format!("rating {rating} is not 1 to 4").into()))?,
        state_before: text(row, 4)?.parse().map_err(|e| bad(4, Box::new(e)))?,
        scheduled_days: real(row, 5)?,
        answer: text_or_null(row, 6)?,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::import::{self, files};
    use crate::schedule::{CardState, Rating, Scheduler, Settings};
    use crate::store::ReviewInput;

    #[test]
    fn the_reports_read_the_review_log_from_its_index_alone() {
        let store = Store::open_in_memory().unwrap();
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", stats_reviews_sql()))
            .unwrap()
            .query_map(params![None::<String>, None::<String>], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|step| step == "SCAN r USING COVERING INDEX reviews_card"),
            "{plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.contains("TEMP B-TREE")),
            "{plan:?}"
        );
    }

    #[test]
    fn a_blank_back_is_white_space_only_as_trim_sees_it() {
        for text in [
            "",
            " ",
            "\n\t\r\x0B\x0C ",
            "\u{3000}",
            " \n\u{00A0}\u{2003}\n",
            "가",
            " 가",
            "\n- 답",
            "\u{3000}답",
            "\u{200B}",
        ] {
            assert_eq!(
                is_blank(text.as_bytes()),
                Ok(text.trim().is_empty()),
                "{text:?}"
            );
        }
        assert!(is_blank(b"  \xff").is_err());
        assert_eq!(is_blank(b"a\xff"), Ok(false));
    }

    fn card_at(id: i64, deck: &str, source: Option<&str>, line: u32) -> StatsCard {
        StatsCard {
            id,
            deck: deck.to_string(),
            front: String::new(),
            unanswered: false,
            kind: CardKind::Question,
            topic: None,
            source: source.map(str::to_string),
            line,
            suspended: false,
            phase: Phase::New,
            stability: None,
            difficulty: None,
            lapses: 0,
            last_review: None,
        }
    }

    proptest::proptest! {
        #[test]
        fn reading_order_is_deck_note_line_id_as_text_sorts(
            rows in proptest::collection::vec(
                (0..4usize, proptest::option::of(0..4usize), 0..5u32),
                0..40,
            )
        ) {
            const DECKS: [&str; 4] = ["TCP", "tcp", "네트워크", "HTTP"];
            const NOTES: [&str; 4] = ["b/1.md", "a/2.md", "a/10.md", "노트.md"];
            let mut cards: Vec<StatsCard> = rows
                .iter()
                .zip(0..)
                .map(|(&(d, n, line), id)| card_at(id, DECKS[d], n.map(|n| NOTES[n]), line))
                .collect();
            let mut expected = cards.clone();
            expected.sort_by(|a, b| {
                (&a.deck, &a.source, a.line, a.id).cmp(&(&b.deck, &b.source, b.line, b.id))
            });
            in_reading_order(&mut cards);
            proptest::prop_assert_eq!(cards, expected);
        }

        #[test]
        fn blank_is_what_trim_leaves_empty(
            text in "[ \t\n\r\x0B\x0C\u{85}\u{A0}\u{2000}-\u{200D}\u{2028}\u{3000}a가]{0,8}"
        ) {
            proptest::prop_assert_eq!(is_blank(text.as_bytes()), Ok(text.trim().is_empty()));
        }
    }

    /// Two decks of one card each, both answered once.
    fn answered_decks() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let notes = [
            "# A\n\n## 무엇인가요?\n\n가\n",
            "# B\n\n## 왜 필요한가요?\n\n나\n",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let name = format!("{i}.md");
            files::decode(
                text.as_bytes().to_vec(),
                Path::new(&name),
                format!("/notes/{name}"),
                i.to_string(),
                false,
            )
            .unwrap()
        })
        .collect();
        import::import(&mut store, notes, Timestamp(0)).unwrap();
        let sched = Scheduler::new(Settings::default(), 0).unwrap();
        for id in [1, 2] {
            let before = CardState::default();
            let answer = sched
                .answer(id, &before, Rating::Good, Timestamp(1000))
                .unwrap();
            store
                .record_answer(
                    id,
                    &before,
                    &answer,
                    Timestamp(1000),
                    &ReviewInput::default(),
                )
                .unwrap();
        }
        store
    }

    #[test]
    fn reviews_follow_the_card_filter() {
        let store = answered_decks();
        let cards = |filter: &StatsFilter| -> Vec<i64> {
            let rows = store.stats_reviews(filter).unwrap();
            rows.iter().map(|r| r.card_id).collect()
        };
        assert_eq!(cards(&StatsFilter::default()), [1, 2]);
        let deck_b = StatsFilter {
            deck: Some("b".into()),
            tag: None,
        };
        assert_eq!(cards(&deck_b), [2]);
        let no_such_tag = StatsFilter {
            deck: None,
            tag: Some("없는 태그".into()),
        };
        assert!(cards(&no_such_tag).is_empty());
    }

    #[test]
    fn streamed_reviews_are_the_listed_ones() {
        let store = answered_decks();
        for deck in [None, Some("b".to_string())] {
            let filter = StatsFilter { deck, tag: None };
            let mut streamed = Vec::new();
            store
                .each_stats_review(&filter, |r| streamed.push((r.id, r.card_id, r.rating)))
                .unwrap();
            let listed: Vec<_> = store
                .stats_reviews(&filter)
                .unwrap()
                .iter()
                .map(|r| (r.id, r.card_id, r.rating))
                .collect();
            assert_eq!(streamed, listed);
        }
    }

    #[test]
    fn a_topic_is_the_first_heading_that_is_not_the_deck_or_the_question() {
        let tcp = ["TCP", "연결", "3-way handshake란?"];
        assert_eq!(topic(&tcp, "TCP", "3-way handshake란?"), Some("연결"));
        assert_eq!(topic(&["TCP", "왜?"], "TCP", "왜?"), Some("TCP"));
        assert_eq!(topic(&[], "TCP", "왜?"), None);
    }
}
