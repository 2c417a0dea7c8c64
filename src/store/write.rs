//! Writing inside one transaction: what an import needs to read and change.

use std::cell::RefCell;
use std::path::PathBuf;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, Transaction, params, params_from_iter};

use super::cards::{CardDemo, DEMOS_COLUMN, demos_from};
use super::column::string_list;
use super::writeback::{self, Writeback};
use super::{Journal, KeysOff, Result, StoreError};
use crate::clock::Timestamp;
use crate::deck::links::Link;
use crate::deck::{Card, CardKind};

/// A write transaction. Dropped without [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub struct Tx<'a> {
    pub(super) tx: Transaction<'a>,
    /// With `journal`: writes the new file out while this transaction is
    /// written. Dropped after `tx` (fields drop in order), when the
    /// connection holds no lock on the file ([`Writeback`]).
    writeback: Option<Writeback>,
    pub(super) path: PathBuf,
    /// Set when the database is still in its first journal mode
    /// ([`Journal`]), to be moved to WAL once this transaction commits.
    journal: Option<Journal<'a>>,
    /// Set for an import ([`super::Store::import_transaction`]): dropped
    /// after `tx` (fields drop in order), it turns foreign keys on again.
    _keys_off: Option<KeysOff<'a>>,
    /// New cards not yet written ([`Tx::insert_card`]).
    pending: RefCell<Pending>,
}

/// Rows per multi-row INSERT. One statement run per row pays SQLite's
/// per-run work (reset, the VDBE's set-up) for each card and demo. Measured
/// in instructions per card of a fresh import (when each statement still
/// kept a journal of its pages), 16 rows beat 1, 8, 32, 64 and 256 (issue 7).
///
/// The inserts say `OR FAIL` and leave the card's id to SQLite: a multi-row
/// statement that may stop half-way with `ABORT`, or that sets a rowid
/// itself, keeps a copy of every page it changes so that it can undo itself
/// alone (migration 6). A failed statement fails the whole transaction
/// here, so there is nothing for it to undo.
const BATCH: usize = 16;

/// One table's pending rows, as flat bound values, `width` per row.
#[derive(Debug)]
struct Rows {
    /// The INSERT of [`BATCH`] rows, and of one.
    batch_sql: String,
    one_sql: String,
    width: usize,
    values: Vec<Value>,
}

impl Rows {
    fn new(insert: &str, row: &str, width: usize) -> Self {
        Rows {
            batch_sql: format!("{insert}{}", vec![row; BATCH].join(", ")),
            one_sql: format!("{insert}{row}"),
            width,
            values: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.values.len() / self.width
    }
}

/// The values of rows already written ([`Tx::take_written`]): the strings of
/// new cards, to be dropped wherever the caller likes.
#[derive(Debug, Default)]
pub struct Written {
    _values: Vec<Vec<Value>>,
}

/// Cards added in this transaction and not yet written, with their demos;
/// written in batches, in that order (a demo refers to its card).
#[derive(Debug)]
struct Pending {
    /// The id the next new card gets: `max(id) + 1`, the id SQLite gives a
    /// row inserted without one (checked as each batch is written).
    next_id: Option<i64>,
    cards: Rows,
    demos: Rows,
    /// What the rows written since the last [`Tx::take_written`] were bound from.
    written: Vec<Vec<Value>>,
}

impl Default for Pending {
    fn default() -> Self {
        Pending {
            next_id: None,
            written: Vec::new(),
            cards: Rows::new(
                "INSERT OR FAIL INTO cards (deck, key, front, back, kind, heading_path,
                                            source_id, line, created_at, updated_at, tags) VALUES ",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                11,
            ),
            demos: Rows::new(
                "INSERT OR FAIL INTO card_demos (card_id, pos, name, args, explicit) VALUES ",
                "(?, ?, ?, ?, ?)",
                5,
            ),
        }
    }
}

/// The strings a card's row holds that are not the card's own: its deck's
/// name, and its heading path and tags as JSON ([`Tx::insert_card`],
/// [`Tx::update_card`]). Made by [`RowStrings::new`] on the thread that
/// parsed the card: on the one thread that writes, making them was a sixth
/// of its time (issue 7).
#[derive(Debug)]
pub struct RowStrings {
    deck: String,
    heading_path: String,
    tags: String,
}

impl RowStrings {
    pub fn new(deck: &str, card: &Card) -> RowStrings {
        RowStrings {
            deck: deck.to_owned(),
            heading_path: json(&card.heading_path),
            tags: json(&card.tags),
        }
    }
}

/// A note as last imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    pub id: i64,
    pub path: String,
    pub content_hash: String,
    pub parser: i64,
}

/// An unchanged note's cards, counted ([`Tx::source_summary`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSummary {
    /// The deck of its first card; empty when it has none.
    pub deck: String,
    /// Cards still in the notes.
    pub cards: usize,
    /// Of those, open questions.
    pub open: usize,
}

/// A stored card, as the importer compares it with the notes.
#[derive(Debug, Clone, PartialEq)]
pub struct ExistingCard {
    pub id: i64,
    pub deck: String,
    pub key: String,
    pub front: String,
    pub back: String,
    pub kind: CardKind,
    pub heading_path: Vec<String>,
    pub tags: Vec<String>,
    pub source_id: Option<i64>,
    pub line: u32,
    pub missing: bool,
    pub demos: Vec<CardDemo>,
}

impl ExistingCard {
    /// Whether the notes now say something different (a line move is not a change).
    pub fn content_differs(&self, card: &Card) -> bool {
        self.front != card.front
            || self.back != card.back
            || self.kind != card.kind
            || self.tags != card.tags
            || self.heading_path != card.heading_path
            || !self.same_demos(card)
    }

    fn same_demos(&self, card: &Card) -> bool {
        self.demos.len() == card.demos.len()
            && self.demos.iter().zip(&card.demos).all(|(a, b)| a.is(b))
    }
}

const EXISTING_COLUMNS: &str = "c.id, c.deck, c.key, c.front, c.back, c.kind, c.heading_path,
    c.source_id, c.line, c.missing_since IS NOT NULL, c.tags";

fn existing_from_row(row: &Row<'_>) -> rusqlite::Result<ExistingCard> {
    let conv = |col: usize, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, e)
    };
    let kind: String = row.get(5)?;
    Ok(ExistingCard {
        id: row.get(0)?,
        deck: row.get(1)?,
        key: row.get(2)?,
        front: row.get(3)?,
        back: row.get(4)?,
        kind: kind.parse().map_err(|e| conv(5, Box::new(e)))?,
        heading_path: string_list(row, 6)?,
        source_id: row.get(7)?,
        line: row.get(8)?,
        missing: row.get(9)?,
        tags: string_list(row, 10)?,
        demos: demos_from(row, 11)?,
    })
}

impl<'a> Tx<'a> {
    pub(super) fn new(
        tx: Transaction<'a>,
        path: PathBuf,
        journal: Option<Journal<'a>>,
        keys_off: Option<KeysOff<'a>>,
    ) -> Self {
        let writeback = journal.and_then(|_| Writeback::start(&path, writeback::EVERY));
        Tx {
            tx,
            writeback,
            path,
            journal,
            _keys_off: keys_off,
            pending: RefCell::new(Pending::default()),
        }
    }

    #[cfg(test)]
    pub(super) fn writes_back(&self) -> bool {
        self.writeback.is_some()
    }

    pub(super) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::classify(&self.path, e)
    }

    /// Makes every change of this transaction durable, or none of them.
    pub fn commit(self) -> Result<()> {
        self.flush()?;
        let path = self.path;
        self.tx
            .commit()
            .map_err(|e| StoreError::classify(&path, e))?;
        // Before WAL's lasting shared lock (see `Writeback`).
        drop(self.writeback);
        if let Some(journal) = self.journal {
            journal.to_wal();
        }
        Ok(())
    }

    pub fn source(&self, path: &str) -> Result<Option<SourceRow>> {
        self.tx
            .prepare_cached("SELECT id, path, content_hash, parser FROM sources WHERE path = ?1")
            .and_then(|mut s| {
                s.query_row([path], |r| {
                    Ok(SourceRow {
                        id: r.get(0)?,
                        path: r.get(1)?,
                        content_hash: r.get(2)?,
                        parser: r.get(3)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Records that `path` was imported with this content; returns its id.
    pub fn upsert_source(
        &self,
        path: &str,
        content_hash: &str,
        parser: i64,
        now: Timestamp,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO sources (path, content_hash, parser, imported_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (path) DO UPDATE SET
                    content_hash = excluded.content_hash,
                    parser = excluded.parser,
                    imported_at = excluded.imported_at
                 RETURNING id",
            )
            .and_then(|mut s| s.query_row(params![path, content_hash, parser, now.0], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// Every card that came from the source `source_id`.
    pub fn cards_of_source(&self, source_id: i64) -> Result<Vec<ExistingCard>> {
        self.flush()?;
        let sql = format!(
            "SELECT {EXISTING_COLUMNS}, {DEMOS_COLUMN} FROM cards c WHERE c.source_id = ?1 ORDER BY c.line, c.id"
        );
        let mut stmt = self.tx.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([source_id], existing_from_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// What an unchanged note holds, without reading its cards: the deck of
    /// its first card, its cards still in the notes and how many are open.
    pub fn source_summary(&self, source_id: i64) -> Result<SourceSummary> {
        self.flush()?;
        self.tx
            .prepare_cached(
                // The first card is the smallest id on the smallest line, found
                // as two `min`s over the index: `ORDER BY line, id LIMIT 1`
                // sorted the note's cards in a temporary B-tree per note.
                "SELECT (SELECT deck FROM cards WHERE id =
                            (SELECT min(id) FROM cards WHERE source_id = ?1 AND line =
                                (SELECT min(line) FROM cards WHERE source_id = ?1))),
                        count(*) FILTER (WHERE missing_since IS NULL),
                        count(*) FILTER (WHERE missing_since IS NULL AND kind = 'open')
                 FROM cards WHERE source_id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([source_id], |r| {
                    Ok(SourceSummary {
                        deck: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                        cards: r.get::<_, i64>(1)? as usize,
                        open: r.get::<_, i64>(2)? as usize,
                    })
                })
            })
            .map_err(|e| self.err(e))
    }

    /// Whether the store holds any card at all. An import into a store with
    /// none can skip looking each card up by its identity.
    pub fn has_cards(&self) -> Result<bool> {
        self.flush()?;
        self.tx
            .query_row("SELECT EXISTS (SELECT 1 FROM cards)", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// The card with this identity, wherever it came from.
    pub fn card_by_key(&self, deck: &str, key: &str) -> Result<Option<ExistingCard>> {
        self.flush()?;
        let sql = format!(
            "SELECT {EXISTING_COLUMNS}, {DEMOS_COLUMN} FROM cards c WHERE c.deck = ?1 AND c.key = ?2"
        );
        self.tx
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row([deck, key], existing_from_row).optional())
            .map_err(|e| self.err(e))
    }

    /// Adds a new card, with the rest of its row in `row` (made from the
    /// same card), and returns its id. Its state is `new` until it is
    /// answered: it has no `card_state` row (see `STATE_OF_CARD` in
    /// `review.rs`). The rows are written in batches (`BATCH`); every read
    /// of cards and the commit write what is pending first, so callers see
    /// no difference.
    pub fn insert_card(
        &self,
        row: RowStrings,
        card: Card,
        source_id: i64,
        now: Timestamp,
    ) -> Result<i64> {
        let next = self.pending.borrow().next_id;
        let id = match next {
            Some(id) => id,
            None => self
                .tx
                .query_row("SELECT coalesce(max(id), 0) + 1 FROM cards", [], |r| {
                    r.get(0)
                })
                .map_err(|e| self.err(e))?,
        };
        let full = {
            let mut p = self.pending.borrow_mut();
            p.next_id = Some(id + 1);
            p.cards.values.extend([
                Value::Text(row.deck),
                Value::Text(card.key),
                Value::Text(card.front),
                Value::Text(card.back),
                Value::Text(card.kind.as_str().to_owned()),
                Value::Text(row.heading_path),
                Value::Integer(source_id),
                Value::Integer(i64::from(card.line)),
                Value::Integer(now.0),
                Value::Integer(now.0),
                Value::Text(row.tags),
            ]);
            for (pos, d) in card.demos.into_iter().enumerate() {
                p.demos.values.extend([
                    Value::Integer(id),
                    Value::Integer(pos as i64),
                    Value::Text(d.name),
                    Value::Text(d.args),
                    Value::Integer(i64::from(d.explicit)),
                ]);
            }
            p.cards.len() >= BATCH
        };
        if full {
            self.write_pending(false)?;
        }
        Ok(id)
    }

    /// Writes every pending row.
    fn flush(&self) -> Result<()> {
        self.write_pending(true)
    }

    /// Writes pending rows table by table, cards first (the others refer to
    /// them): whole batches, and with `all` the rest one row per statement, so
    /// that only two statements per table are ever compiled.
    fn write_pending(&self, all: bool) -> Result<()> {
        let mut p = self.pending.borrow_mut();
        let Pending {
            next_id,
            cards,
            demos,
            written: spent,
        } = &mut *p;
        let first = next_id.map_or(0, |next| next - cards.len() as i64);
        let written = self.write_rows(cards, all, spent)?;
        if written > 0 {
            let expected = first + written as i64 - 1;
            let got = self.tx.last_insert_rowid();
            if got != expected {
                return Err(StoreError::UnexpectedId {
                    path: self.path.clone(),
                    expected,
                    got,
                });
            }
        }
        self.write_rows(demos, all, spent)?;
        Ok(())
    }

    /// The values new cards' rows were bound from since the last call, for
    /// the caller to drop. An import's cards are parsed on other threads:
    /// freeing their strings there is mimalloc's fast path, and here, on the
    /// one thread that writes, it was a twentieth of the work (issue 7).
    /// What is not taken is dropped with the transaction.
    pub fn take_written(&self) -> Written {
        Written {
            _values: std::mem::take(&mut self.pending.borrow_mut().written),
        }
    }

    /// Writes whole batches of `rows` (and with `all` the rest), moving the
    /// values written to `spent`; returns how many rows it wrote.
    fn write_rows(&self, rows: &mut Rows, all: bool, spent: &mut Vec<Vec<Value>>) -> Result<usize> {
        let batch_values = BATCH * rows.width;
        let mut done = 0;
        while rows.values.len() - done >= batch_values || (all && rows.values.len() > done) {
            let (n, sql) = if rows.values.len() - done >= batch_values {
                (BATCH, &rows.batch_sql)
            } else {
                (1, &rows.one_sql)
            };
            let end = done + n * rows.width;
            self.tx
                .prepare_cached(sql)
                .and_then(|mut s| s.execute(params_from_iter(&rows.values[done..end])))
                .map_err(|e| self.err(e))?;
            done = end;
        }
        if done > 0 {
            // The written values go whole, in the buffer they were bound
            // from; what is left of a batch starts a new one.
            let mut rest = Vec::with_capacity(batch_values.max(rows.values.len() - done));
            rest.extend(rows.values.drain(done..));
            spent.push(std::mem::replace(&mut rows.values, rest));
        }
        Ok(done / rows.width)
    }

    /// Rewrites a card from the notes, with the rest of its row in `row`
    /// (made from the same card), keeping its id, schedule and history.
    /// A changed front or back is kept in `card_revisions`; a missing card comes back.
    pub fn update_card(
        &self,
        old: &ExistingCard,
        row: &RowStrings,
        card: &Card,
        source_id: i64,
        now: Timestamp,
    ) -> Result<()> {
        let content_changed = old.content_differs(card) || old.deck != row.deck;
        if old.front != card.front || old.back != card.back {
            self.tx
                .prepare_cached(
                    "INSERT INTO card_revisions (card_id, front, back, replaced_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .and_then(|mut s| s.execute(params![old.id, old.front, old.back, now.0]))
                .map_err(|e| self.err(e))?;
        }
        self.tx
            .prepare_cached(
                "UPDATE cards SET key = ?2, front = ?3, back = ?4, kind = ?5, heading_path = ?6,
                    source_id = ?7, line = ?8, missing_since = NULL,
                    updated_at = CASE WHEN ?10 THEN ?9 ELSE updated_at END, deck = ?11,
                    tags = ?12
                 WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.execute(params![
                    old.id,
                    card.key,
                    card.front,
                    card.back,
                    card.kind.as_str(),
                    row.heading_path,
                    source_id,
                    card.line,
                    now.0,
                    content_changed || old.missing,
                    row.deck,
                    row.tags,
                ])
            })
            .map_err(|e| self.err(e))?;
        if !old.same_demos(card) {
            self.set_demos(old.id, &card.demos)?;
        }
        Ok(())
    }

    /// The card's text left the notes: keep it and its history, out of study.
    pub fn mark_missing(&self, id: i64, now: Timestamp) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE cards SET missing_since = ?2, updated_at = ?2
                 WHERE id = ?1 AND missing_since IS NULL",
            )
            .and_then(|mut s| s.execute(params![id, now.0]))
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Replaces a card's demo links with `demos`, in their order.
    fn set_demos(&self, id: i64, demos: &[Link]) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM card_demos WHERE card_id = ?1")
            .and_then(|mut s| s.execute([id]))
            .map_err(|e| self.err(e))?;
        self.insert_demos(id, demos)
    }

    fn insert_demos(&self, id: i64, demos: &[Link]) -> Result<()> {
        if demos.is_empty() {
            return Ok(());
        }
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT INTO card_demos (card_id, pos, name, args, explicit)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(|e| self.err(e))?;
        for (pos, d) in demos.iter().enumerate() {
            stmt.execute(params![id, pos as i64, d.name, d.args, d.explicit])
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}

/// A list of strings (a heading path, tags) as the JSON array `heading_path`
/// and `tags` hold, byte for byte as serde_json writes it. A heading or tag
/// seldom holds a byte that JSON escapes, so a list without one is copied
/// between quotes: serde_json's escaping, a byte at a time, was 3% of
/// writing a new card.
pub(super) fn json(list: &[String]) -> String {
    if list.iter().any(|s| needs_escape(s)) {
        return serde_json::to_string(list).unwrap_or_else(|_| "[]".into());
    }
    let mut out = String::with_capacity(2 + list.iter().map(|s| s.len() + 3).sum::<usize>());
    out.push('[');
    for (i, item) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(item);
        out.push('"');
    }
    out.push(']');
    out
}

/// Whether serde_json escapes a byte of `s`: a quote, a backslash or a
/// control character (nothing else: not `/`, DEL or any non-ASCII text).
/// Without an early exit, so that the compiler reads whole vectors.
fn needs_escape(s: &str) -> bool {
    s.bytes().fold(false, |found, b| {
        found | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::json;

    #[test]
    fn each_byte_serde_json_escapes_is_escaped() {
        for c in (0u8..0x20).map(char::from).chain(['"', '\\']) {
            let path = vec!["TCP".to_string(), format!("왜 {c} 필요한가")];
            assert_eq!(json(&path), serde_json::to_string(&path).unwrap(), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn a_heading_path_is_written_as_serde_json_writes_it(
            path in prop::collection::vec(
                prop_oneof![any::<String>(), "[a-z가-힣 /\"\\\\\\x00-\\x1f\\x7f›·]{0,12}"],
                0..4,
            )
        ) {
            prop_assert_eq!(json(&path), serde_json::to_string(&path).unwrap());
        }
    }
}
