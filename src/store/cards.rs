//! Reading cards.

use rusqlite::{Row, params};

use super::column::string_list;
use super::{Result, Store};
use crate::clock::Timestamp;
use crate::deck::CardKind;

/// A card as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    pub id: i64,
    pub deck: String,
    pub front: String,
    pub back: String,
    pub kind: CardKind,
    pub heading_path: Vec<String>,
    pub tags: Vec<String>,
    /// The note the card came from (`synack:decks/…` for shipped decks).
    pub source: Option<String>,
    pub line: u32,
    /// Suspended by the user.
    pub suspended: bool,
    /// Its text is no longer in the notes; kept with its history.
    pub missing: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The demos the card links to, in order.
    pub demos: Vec<CardDemo>,
}

/// A card's link to a demo, as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CardDemo {
    pub name: String,
    /// The query as written in the link (percent-encoded items), `""` if none.
    pub args: String,
    /// Written in the notes, rather than found by a topic rule.
    pub explicit: bool,
}

impl CardDemo {
    /// Whether this is the link `link` of a parsed card.
    pub fn is(&self, link: &crate::deck::links::Link) -> bool {
        self.name == link.name && self.args == link.args && self.explicit == link.explicit
    }
}

/// The card's demos as one JSON array, in order (`c` is the card).
pub(super) const DEMOS_COLUMN: &str = "
    (SELECT json_group_array(json_object('name', d.name, 'args', d.args,
            'explicit', json(CASE d.explicit WHEN 1 THEN 'true' ELSE 'false' END)) ORDER BY d.pos)
     FROM card_demos d WHERE d.card_id = c.id)";

/// Reads a column written by [`DEMOS_COLUMN`].
pub(super) fn demos_from(row: &Row<'_>, col: usize) -> rusqlite::Result<Vec<CardDemo>> {
    let text: String = row.get(col)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl CardRow {
    /// Out of the study queue, for either reason.
    pub fn is_suspended(&self) -> bool {
        self.suspended || self.missing
    }
}

/// Which cards to list. `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct CardFilter {
    /// Exact deck name (case-insensitive).
    pub deck: Option<String>,
    /// A tag the card carries (case-insensitive).
    pub tag: Option<String>,
    /// Text the front or back contains (case-insensitive for ASCII).
    pub search: Option<String>,
}

/// A deck and how many cards it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckSummary {
    pub name: String,
    pub cards: i64,
}

const CARD_COLUMNS: &str = "
    c.id, c.deck, c.front, c.back, c.kind, c.heading_path, s.path, c.line,
    c.suspended, c.missing_since IS NOT NULL, c.created_at, c.updated_at, c.tags";

fn card_from_row(row: &Row<'_>) -> rusqlite::Result<CardRow> {
    let kind: String = row.get(4)?;
    Ok(CardRow {
        id: row.get(0)?,
        deck: row.get(1)?,
        front: row.get(2)?,
        back: row.get(3)?,
        kind: kind.parse().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
        })?,
        heading_path: string_list(row, 5)?,
        source: row.get(6)?,
        line: row.get(7)?,
        suspended: row.get(8)?,
        missing: row.get(9)?,
        created_at: Timestamp(row.get(10)?),
        updated_at: Timestamp(row.get(11)?),
        tags: string_list(row, 12)?,
        demos: demos_from(row, 13)?,
    })
}

/// What a card said before an edit, and when the edit replaced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub front: String,
    pub back: String,
    pub replaced_at: Timestamp,
}

impl Store {
    /// Whether any card carries `tag` (case-insensitive, as [`CardFilter`]).
    pub fn has_tag(&self, tag: &str) -> Result<bool> {
        self.conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM cards c, json_each(c.tags) t
                                WHERE t.value = ?1 COLLATE NOCASE)",
            )
            .and_then(|mut s| s.query_row([tag], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// A card's earlier wordings, newest first.
    pub fn revisions_of(&self, card_id: i64) -> Result<Vec<Revision>> {
        self.rows(
            "SELECT front, back, replaced_at FROM card_revisions
             WHERE card_id = ?1 ORDER BY replaced_at DESC, id DESC",
            [card_id],
            |r| {
                Ok(Revision {
                    front: r.get(0)?,
                    back: r.get(1)?,
                    replaced_at: Timestamp(r.get(2)?),
                })
            },
        )
    }

    /// Cards matching `filter`, in reading order: deck, note, line.
    pub fn cards(&self, filter: &CardFilter) -> Result<Vec<CardRow>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS}, {DEMOS_COLUMN}
             FROM cards c LEFT JOIN sources s ON s.id = c.source_id
             WHERE (?1 IS NULL OR c.deck = ?1 COLLATE NOCASE)
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.tags) t
                                          WHERE t.value = ?2 COLLATE NOCASE))
               AND (?3 IS NULL OR instr(lower(c.front), lower(?3)) > 0
                               OR instr(lower(c.back), lower(?3)) > 0)
             ORDER BY c.deck, s.path, c.line, c.id"
        );
        self.rows(
            &sql,
            params![filter.deck, filter.tag, filter.search],
            card_from_row,
        )
    }

    /// One card by id.
    pub fn card(&self, id: i64) -> Result<Option<CardRow>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS}, {DEMOS_COLUMN} FROM cards c LEFT JOIN sources s ON s.id = c.source_id
             WHERE c.id = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query_map([id], card_from_row)
            .map_err(|e| self.err(e))?;
        rows.next().transpose().map_err(|e| self.err(e))
    }

    /// The other cards of `card_id`'s note that can be studied at `now` (not
    /// suspended, not buried, still in the notes), due or not, in note
    /// order: interview mode asks those under the card's heading next.
    pub fn note_cards_studyable(&self, card_id: i64, now: Timestamp) -> Result<Vec<CardRow>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS}, {DEMOS_COLUMN}
             FROM cards c LEFT JOIN sources s ON s.id = c.source_id
             LEFT JOIN card_state cs ON cs.card_id = c.id
             WHERE c.source_id = (SELECT source_id FROM cards WHERE id = ?1)
               AND c.id <> ?1 AND c.suspended = 0 AND c.missing_since IS NULL
               AND (cs.buried_until IS NULL OR cs.buried_until <= ?2)
             ORDER BY c.line, c.id"
        );
        self.rows(&sql, params![card_id, now.0], card_from_row)
    }

    /// Every deck with its number of cards still in the notes.
    pub fn decks(&self) -> Result<Vec<DeckSummary>> {
        self.rows(
            "SELECT deck, count(*) FROM cards WHERE missing_since IS NULL
             GROUP BY deck ORDER BY deck",
            [],
            |r| {
                Ok(DeckSummary {
                    name: r.get(0)?,
                    cards: r.get(1)?,
                })
            },
        )
    }

    /// How many notes have ever been imported.
    pub fn source_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// The stored hash of every source whose path starts with `prefix`.
    pub fn source_hashes(&self, prefix: &str) -> Result<Vec<(String, String)>> {
        self.rows(
            "SELECT path, content_hash FROM sources WHERE substr(path, 1, length(?1)) = ?1",
            [prefix],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}
