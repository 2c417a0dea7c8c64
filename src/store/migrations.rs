//! The schema, as an append-only list of migrations keyed on `PRAGMA user_version`.
//!
//! Migration `i` (0-based) takes a database from version `i` to `i + 1`. Once a
//! migration has shipped it is never edited or removed; a schema change is a new
//! entry at the end. All pending migrations run in one transaction, so a
//! database is either fully upgraded or untouched.

use rusqlite::Connection;

/// Every migration, in order. `MIGRATIONS.len()` is the current schema version.
pub const MIGRATIONS: &[&str] = &[
    // 1: notes, cards and the tables the scheduler and the quiz build on.
    r#"
    CREATE TABLE sources (
        id            INTEGER PRIMARY KEY,
        path          TEXT    NOT NULL UNIQUE,
        content_hash  TEXT    NOT NULL,
        parser        INTEGER NOT NULL,
        imported_at   INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE cards (
        id            INTEGER PRIMARY KEY,
        deck          TEXT    NOT NULL,
        key           TEXT    NOT NULL,
        front         TEXT    NOT NULL,
        back          TEXT    NOT NULL,
        kind          TEXT    NOT NULL
                      CHECK (kind IN ('question', 'topic', 'qa', 'open', 'entry')),
        heading_path  TEXT    NOT NULL CHECK (json_valid(heading_path)),
        section       TEXT    NOT NULL,
        source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        line          INTEGER NOT NULL,
        suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
        missing_since INTEGER,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        UNIQUE (deck, key)
    ) STRICT;
    CREATE INDEX cards_source ON cards(source_id);

    CREATE TABLE card_tags (
        card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        tag     TEXT    NOT NULL,
        pos     INTEGER NOT NULL,
        PRIMARY KEY (card_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX card_tags_tag ON card_tags(tag COLLATE NOCASE);

    -- What a card said before an edit, so history survives rewording.
    CREATE TABLE card_revisions (
        id          INTEGER PRIMARY KEY,
        card_id     INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        front       TEXT    NOT NULL,
        back        TEXT    NOT NULL,
        replaced_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX card_revisions_card ON card_revisions(card_id);

    -- The scheduler's view of a card; one row per card, 'new' until first answered.
    CREATE TABLE card_state (
        card_id      INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
        state        TEXT    NOT NULL DEFAULT 'new'
                     CHECK (state IN ('new', 'learning', 'review', 'relearning')),
        due          INTEGER,
        stability    REAL,
        difficulty   REAL,
        step         INTEGER NOT NULL DEFAULT 0,
        reps         INTEGER NOT NULL DEFAULT 0,
        lapses       INTEGER NOT NULL DEFAULT 0,
        last_review  INTEGER,
        buried_until INTEGER
    ) STRICT;
    CREATE INDEX card_state_due ON card_state(state, due);

    CREATE TABLE sessions (
        id         INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        ended_at   INTEGER,
        cram       INTEGER NOT NULL DEFAULT 0 CHECK (cram IN (0, 1))
    ) STRICT;

    -- The review log is the truth: a card's state can be recomputed from it.
    CREATE TABLE reviews (
        id             INTEGER PRIMARY KEY,
        card_id        INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        session_id     INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        reviewed_at    INTEGER NOT NULL,
        rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        state_before   TEXT    NOT NULL,
        elapsed_days   REAL    NOT NULL,
        scheduled_days REAL    NOT NULL,
        stability      REAL,
        difficulty     REAL,
        duration_ms    INTEGER NOT NULL,
        answer         TEXT
    ) STRICT;
    CREATE INDEX reviews_card ON reviews(card_id, reviewed_at);
    CREATE INDEX reviews_time ON reviews(reviewed_at);

    CREATE TABLE config (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    "#,
    // 2: what each quiz session did, kept as it goes so a killed session still counts.
    r#"
    ALTER TABLE sessions ADD COLUMN deck TEXT;
    ALTER TABLE sessions ADD COLUMN tag TEXT;
    ALTER TABLE sessions ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN again INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN hard INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN good INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN easy INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN active_ms INTEGER NOT NULL DEFAULT 0;
    "#,
    // 3: the demos a card links to, in order: written in the note (explicit)
    // or found by a topic rule.
    r#"
    CREATE TABLE card_demos (
        card_id  INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        pos      INTEGER NOT NULL,
        name     TEXT    NOT NULL,
        args     TEXT    NOT NULL,
        explicit INTEGER NOT NULL CHECK (explicit IN (0, 1)),
        PRIMARY KEY (card_id, pos)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX card_demos_name ON card_demos(name);
    "#,
    // 4: a note's cards in reading order, with what the importer counts for an
    // unchanged note, so a re-import summarizes it from the index without
    // reading the cards' text (issue 7). It serves every `source_id` lookup
    // the old index did.
    r#"
    CREATE INDEX cards_source_line ON cards(source_id, line, missing_since, kind);
    DROP INDEX cards_source;
    "#,
    // 5: checks that list a column's words compare them one by one instead
    // of `IN (…)`. For an `IN` list of more than two values SQLite builds a
    // temporary table each time a statement runs the check: a sixth of
    // writing a new card (issue 7). A constraint cannot change in place, so
    // `cards` and `card_state` are rebuilt by SQLite's documented steps (new
    // table, copy, drop, rename, indexes), foreign keys off while migrating
    // (see `migrate`). The index of tags by name goes: every tag lookup is
    // by card (`t.card_id = c.id`, the primary key's prefix), and keeping
    // it up was a tenth of writing a card.
    r#"
    CREATE TABLE cards_v5 (
        id            INTEGER PRIMARY KEY,
        deck          TEXT    NOT NULL,
        key           TEXT    NOT NULL,
        front         TEXT    NOT NULL,
        back          TEXT    NOT NULL,
        kind          TEXT    NOT NULL
                      CHECK (kind = 'question' OR kind = 'topic' OR kind = 'qa'
                             OR kind = 'open' OR kind = 'entry'),
        heading_path  TEXT    NOT NULL CHECK (json_valid(heading_path)),
        section       TEXT    NOT NULL,
        source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        line          INTEGER NOT NULL,
        suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
        missing_since INTEGER,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        UNIQUE (deck, key)
    ) STRICT;
    INSERT INTO cards_v5 (id, deck, key, front, back, kind, heading_path, section,
                          source_id, line, suspended, missing_since, created_at, updated_at)
        SELECT id, deck, key, front, back, kind, heading_path, section,
               source_id, line, suspended, missing_since, created_at, updated_at
        FROM cards;
    DROP TABLE cards;
    ALTER TABLE cards_v5 RENAME TO cards;
    CREATE INDEX cards_source_line ON cards(source_id, line, missing_since, kind);

    CREATE TABLE card_state_v5 (
        card_id      INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
        state        TEXT    NOT NULL DEFAULT 'new'
                     CHECK (state = 'new' OR state = 'learning' OR state = 'review'
                            OR state = 'relearning'),
        due          INTEGER,
        stability    REAL,
        difficulty   REAL,
        step         INTEGER NOT NULL DEFAULT 0,
        reps         INTEGER NOT NULL DEFAULT 0,
        lapses       INTEGER NOT NULL DEFAULT 0,
        last_review  INTEGER,
        buried_until INTEGER
    ) STRICT;
    INSERT INTO card_state_v5 (card_id, state, due, stability, difficulty, step, reps,
                               lapses, last_review, buried_until)
        SELECT card_id, state, due, stability, difficulty, step, reps,
               lapses, last_review, buried_until
        FROM card_state;
    DROP TABLE card_state;
    ALTER TABLE card_state_v5 RENAME TO card_state;
    CREATE INDEX card_state_due ON card_state(state, due);

    DROP INDEX card_tags_tag;
    "#,
    // 6: an import's multi-row INSERTs need no statement journal (issue 7).
    // A statement that writes many rows and may stop half-way keeps a copy
    // of every page it changes so that it can undo itself alone; SQLite
    // decides so when it compiles the statement, and any function call, an
    // explicit rowid, a default `ABORT` constraint or an immediate foreign
    // key is enough. An import is one transaction that is kept or rolled
    // back whole, so its inserts say `OR FAIL` and let SQLite number the
    // cards; this migration drops the `json_valid` check of `heading_path`
    // (synack writes it with serde_json and reads it back the same way) and
    // declares the keys of the tables an import writes `DEFERRABLE INITIALLY
    // DEFERRED`: checked at the commit, which no dangling row passes. The
    // copies and the check were a sixth of writing a card. Tables rebuilt
    // as in migration 5.
    r#"
    CREATE TABLE cards_v6 (
        id            INTEGER PRIMARY KEY,
        deck          TEXT    NOT NULL,
        key           TEXT    NOT NULL,
        front         TEXT    NOT NULL,
        back          TEXT    NOT NULL,
        kind          TEXT    NOT NULL
                      CHECK (kind = 'question' OR kind = 'topic' OR kind = 'qa'
                             OR kind = 'open' OR kind = 'entry'),
        heading_path  TEXT    NOT NULL,
        section       TEXT    NOT NULL,
        source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL
                              DEFERRABLE INITIALLY DEFERRED,
        line          INTEGER NOT NULL,
        suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
        missing_since INTEGER,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        UNIQUE (deck, key)
    ) STRICT;
    INSERT INTO cards_v6 (id, deck, key, front, back, kind, heading_path, section,
                          source_id, line, suspended, missing_since, created_at, updated_at)
        SELECT id, deck, key, front, back, kind, heading_path, section,
               source_id, line, suspended, missing_since, created_at, updated_at
        FROM cards;
    DROP TABLE cards;
    ALTER TABLE cards_v6 RENAME TO cards;
    CREATE INDEX cards_source_line ON cards(source_id, line, missing_since, kind);

    CREATE TABLE card_state_v6 (
        card_id      INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE
                             DEFERRABLE INITIALLY DEFERRED,
        state        TEXT    NOT NULL DEFAULT 'new'
                     CHECK (state = 'new' OR state = 'learning' OR state = 'review'
                            OR state = 'relearning'),
        due          INTEGER,
        stability    REAL,
        difficulty   REAL,
        step         INTEGER NOT NULL DEFAULT 0,
        reps         INTEGER NOT NULL DEFAULT 0,
        lapses       INTEGER NOT NULL DEFAULT 0,
        last_review  INTEGER,
        buried_until INTEGER
    ) STRICT;
    INSERT INTO card_state_v6 (card_id, state, due, stability, difficulty, step, reps,
                               lapses, last_review, buried_until)
        SELECT card_id, state, due, stability, difficulty, step, reps,
               lapses, last_review, buried_until
        FROM card_state;
    DROP TABLE card_state;
    ALTER TABLE card_state_v6 RENAME TO card_state;
    CREATE INDEX card_state_due ON card_state(state, due);

    CREATE TABLE card_tags_v6 (
        card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE
                        DEFERRABLE INITIALLY DEFERRED,
        tag     TEXT    NOT NULL,
        pos     INTEGER NOT NULL,
        PRIMARY KEY (card_id, tag)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO card_tags_v6 (card_id, tag, pos) SELECT card_id, tag, pos FROM card_tags;
    DROP TABLE card_tags;
    ALTER TABLE card_tags_v6 RENAME TO card_tags;

    CREATE TABLE card_demos_v6 (
        card_id  INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE
                         DEFERRABLE INITIALLY DEFERRED,
        pos      INTEGER NOT NULL,
        name     TEXT    NOT NULL,
        args     TEXT    NOT NULL,
        explicit INTEGER NOT NULL CHECK (explicit IN (0, 1)),
        PRIMARY KEY (card_id, pos)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO card_demos_v6 (card_id, pos, name, args, explicit)
        SELECT card_id, pos, name, args, explicit FROM card_demos;
    DROP TABLE card_demos;
    ALTER TABLE card_demos_v6 RENAME TO card_demos;
    CREATE INDEX card_demos_name ON card_demos(name);
    "#,
    // 7: two indexes a fresh import kept up for nothing (issue 7). A card's
    // identity is looked up only whole (`deck = ? AND key = ?`; the deck
    // filters compare without case, which this index cannot serve), so its
    // unique index leads with the key: two keys differ within a few bytes,
    // where two cards of a deck share its whole name, and every new card's
    // place in the index was found by comparing the deck first (a fifth of
    // the index's cost). The state index keeps only cards with a due time:
    // every query that reads it asks for a range of `due`, which SQLite
    // takes to imply `due IS NOT NULL`, and a new card has none, so a new
    // card no longer adds an entry (6% of writing a new card). `cards` is
    // rebuilt as in migration 5 for its constraint.
    r#"
    CREATE TABLE cards_v7 (
        id            INTEGER PRIMARY KEY,
        deck          TEXT    NOT NULL,
        key           TEXT    NOT NULL,
        front         TEXT    NOT NULL,
        back          TEXT    NOT NULL,
        kind          TEXT    NOT NULL
                      CHECK (kind = 'question' OR kind = 'topic' OR kind = 'qa'
                             OR kind = 'open' OR kind = 'entry'),
        heading_path  TEXT    NOT NULL,
        section       TEXT    NOT NULL,
        source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL
                              DEFERRABLE INITIALLY DEFERRED,
        line          INTEGER NOT NULL,
        suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
        missing_since INTEGER,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        UNIQUE (key, deck)
    ) STRICT;
    INSERT INTO cards_v7 (id, deck, key, front, back, kind, heading_path, section,
                          source_id, line, suspended, missing_since, created_at, updated_at)
        SELECT id, deck, key, front, back, kind, heading_path, section,
               source_id, line, suspended, missing_since, created_at, updated_at
        FROM cards;
    DROP TABLE cards;
    ALTER TABLE cards_v7 RENAME TO cards;
    CREATE INDEX cards_source_line ON cards(source_id, line, missing_since, kind);

    DROP INDEX card_state_due;
    CREATE INDEX card_state_due ON card_state(state, due) WHERE due IS NOT NULL;
    "#,
    // 8: a card never answered has no `card_state` row: its state is the
    // row's defaults, `new` (issue 7). Writing that row was 13% of
    // writing a new card in an import. Readers take a missing row as the
    // defaults, writers insert or update; the rows that hold nothing but the
    // defaults go, so that every database says it one way. The version
    // itself is what matters most: a synack of schema 7 would not see these
    // cards at all, and refuses a file of schema 8.
    r#"
    DELETE FROM card_state
    WHERE state = 'new' AND due IS NULL AND stability IS NULL AND difficulty IS NULL
      AND step = 0 AND reps = 0 AND lapses = 0 AND last_review IS NULL
      AND buried_until IS NULL;
    "#,
    // 9: a card's tags are a column of the card, a JSON array in the order
    // the notes give them, as Anki keeps a note's tags in the note's row
    // (issue 7). Their own table cost a fresh import a B-tree insert per
    // card and tag, and its key check: 15% of writing a new card. A tag
    // filter reads each candidate card's array (`json_each`) where it read
    // the table's rows by the card's id; reading a card's tags no longer
    // needs an aggregate with its own sort.
    r#"
    ALTER TABLE cards ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    UPDATE cards
    SET tags = (SELECT json_group_array(t.tag ORDER BY t.pos)
                FROM card_tags t WHERE t.card_id = cards.id)
    WHERE id IN (SELECT card_id FROM card_tags);
    DROP TABLE card_tags;
    "#,
    // 10: a card's section was its heading path joined with ` › `, stored
    // again in every row (issue 7): 102 of a row's 620 bytes, a seventh of
    // a fresh import's file, written and copied for nothing. Siblings are the
    // cards of one heading path, which the queue compares as it is stored.
    r#"
    ALTER TABLE cards DROP COLUMN section;
    "#,
    // 11: the reports read every review in card order, and through an index
    // of card and time alone each review was a look-up of its row: 2.2 G of
    // a 100k-card html report's 5.8 G instructions (issue 7). The index
    // now holds what the reports read (the `id` as a column, for their
    // order), so the walk never leaves it: −7% of the report's
    // instructions, and a fifth more file for a log of 1M reviews. The
    // queries of one card's reviews read it as before.
    r#"
    DROP INDEX reviews_card;
    CREATE INDEX reviews_card
        ON reviews(card_id, reviewed_at, id, rating, state_before, scheduled_days, answer);
    "#,
    // 12: two new card kinds (issue 27): `cloze` (a sentence with a part
    // hidden) and `exercise`. The kind's CHECK is part of the table, so
    // `cards` is rebuilt as in migration 7, with its columns, keys and
    // index as they are, in the transaction every migration runs in.
    r#"
    CREATE TABLE cards_v12 (
        id            INTEGER PRIMARY KEY,
        deck          TEXT    NOT NULL,
        key           TEXT    NOT NULL,
        front         TEXT    NOT NULL,
        back          TEXT    NOT NULL,
        kind          TEXT    NOT NULL
                      CHECK (kind = 'question' OR kind = 'topic' OR kind = 'qa'
                             OR kind = 'open' OR kind = 'entry' OR kind = 'cloze'
                             OR kind = 'exercise'),
        heading_path  TEXT    NOT NULL,
        source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL
                              DEFERRABLE INITIALLY DEFERRED,
        line          INTEGER NOT NULL,
        suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
        missing_since INTEGER,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        tags          TEXT    NOT NULL DEFAULT '[]',
        UNIQUE (key, deck)
    ) STRICT;
    INSERT INTO cards_v12 (id, deck, key, front, back, kind, heading_path, source_id,
                           line, suspended, missing_since, created_at, updated_at, tags)
        SELECT id, deck, key, front, back, kind, heading_path, source_id,
               line, suspended, missing_since, created_at, updated_at, tags
        FROM cards;
    DROP TABLE cards;
    ALTER TABLE cards_v12 RENAME TO cards;
    CREATE INDEX cards_source_line ON cards(source_id, line, missing_since, kind);
    "#,
];

/// The schema version this build writes and understands.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Whether the tables of `conn` are those of schema `version`: `None` when
/// they are, else what is wrong, in words. A file whose `user_version` is
/// lower than its tables (set by hand, or by a tool that copied the tables
/// but not the version) would have migrations applied that cannot apply to
/// it; it is refused instead, before anything is written.
///
/// Version 0 is a new file: it must have no tables at all. Any other
/// version is compared with a database built in memory by the first
/// `version` migrations: the same tables with the same columns, the same
/// indexes. Only an upgrade (or a new file) pays for this.
pub(crate) fn check_tables(conn: &Connection, version: i64) -> rusqlite::Result<Option<String>> {
    let found = shape(conn)?;
    // Another synack may have created or upgraded the file since `version`
    // was read (its tables and version commit together): then the tables
    // are newer, the version too, and the migrations see to it.
    let moved_on = || -> rusqlite::Result<bool> {
        let now: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(now != version)
    };
    if version == 0 {
        if found.is_empty() || moved_on()? {
            return Ok(None);
        }
        let tables: Vec<&str> = found
            .iter()
            .filter_map(|s| s.strip_prefix("table "))
            .map(|s| s.split(':').next().unwrap_or(s))
            .collect();
        return Ok(Some(crate::tr!(
            "store-tables-without-version",
            tables = tables.join(", ")
        )));
    }
    let Ok(upto) = usize::try_from(version) else {
        return Ok(Some(crate::tr!("store-a-negative-version")));
    };
    let reference = Connection::open_in_memory()?;
    let mut matches = None;
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        reference.execute_batch(sql)?;
        let v = i + 1;
        if v == upto && shape(&reference)? == found {
            return Ok(None);
        }
        if v > upto && matches.is_none() && shape(&reference)? == found {
            matches = Some(v);
        }
    }
    if moved_on()? {
        return Ok(None);
    }
    Ok(Some(match matches {
        Some(v) => crate::tr!("store-tables-of-version", version = v),
        None => crate::tr!("store-tables-not-of-version", version = version),
    }))
}

/// The tables, indexes, views and triggers of a database as comparable
/// lines: each one's type, name and `CREATE` statement as SQLite keeps it
/// (with its whitespace collapsed). Migration 11, say, changes only the
/// columns of an index, and 5 only the checks of two tables.
fn shape(conn: &Connection) -> rusqlite::Result<std::collections::BTreeSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite_%'",
    )?;
    let rows = stmt.query_map([], |r| {
        let (kind, name, sql): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let sql = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        Ok(format!("{kind} {name}: {sql}"))
    })?;
    rows.collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use rusqlite::Connection;

    use super::MIGRATIONS;
    use crate::store::{CardFilter, Store};

    /// A database left by a synack that knew only migration 1, with a card,
    /// its tags, its schedule and a review in it.
    pub(crate) fn version_1_database(path: &std::path::Path) {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "INSERT INTO sources (id, path, content_hash, parser, imported_at)
                 VALUES (1, '/notes/tcp.md', 'abc', 1, 100);
             INSERT INTO cards (id, deck, key, front, back, kind, heading_path, section,
                                source_id, line, created_at, updated_at)
                 VALUES (7, 'TCP', 'time wait', 'TIME-WAIT란?', '2MSL 대기', 'question',
                         '[\"TIME-WAIT란?\"]', 'TIME-WAIT란?', 1, 3, 100, 100);
             INSERT INTO card_tags (card_id, tag, pos) VALUES (7, '종료', 0);
             INSERT INTO card_state (card_id, state, due, stability, difficulty, reps)
                 VALUES (7, 'review', 900, 12.5, 4.2, 3);
             INSERT INTO reviews (card_id, reviewed_at, rating, state_before, elapsed_days,
                                  scheduled_days, duration_ms)
                 VALUES (7, 500, 3, 'learning', 0.0, 3.0, 1200);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }

    #[test]
    fn version_1_with_cards_migrates_to_the_latest_with_nothing_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        version_1_database(&path);

        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), super::latest_version());
        let cards = store.cards(&CardFilter::default()).unwrap();
        assert_eq!(cards.len(), 1);
        let card = &cards[0];
        assert_eq!(
            (card.id, card.front.as_str(), card.back.as_str()),
            (7, "TIME-WAIT란?", "2MSL 대기")
        );
        assert_eq!(card.tags, ["종료"]);
        assert!(card.demos.is_empty());
        let (state, reps, stability): (String, i64, f64) = store
            .conn
            .query_row(
                "SELECT state, reps, stability FROM card_state WHERE card_id = 7",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((state.as_str(), reps, stability), ("review", 3, 12.5));
        let reviews: i64 = store
            .conn
            .query_row("SELECT count(*) FROM reviews WHERE card_id = 7", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(reviews, 1);
        drop(store);

        // Opening again changes nothing.
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), super::latest_version());
        assert_eq!(store.cards(&CardFilter::default()).unwrap().len(), 1);
    }

    /// Migration 12: a database of version 11 keeps its cards, and then
    /// takes kinds `exercise` and `cloze` (and still refuses others).
    #[test]
    fn version_11_upgrades_to_kinds_cloze_and_exercise() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v11.db");
        version_1_database(&path);
        {
            let conn = Connection::open(&path).unwrap();
            for sql in &MIGRATIONS[1..11] {
                conn.execute_batch(sql).unwrap();
            }
            conn.execute_batch("PRAGMA user_version = 11; UPDATE cards SET tags = '[\"종료\"]';")
                .unwrap();
            let refused = conn.execute(
                "INSERT INTO cards (deck, key, front, back, kind, heading_path, line, created_at, updated_at)
                 VALUES ('TCP', 'x', 'x', '', 'exercise', '[]', 1, 1, 1)",
                [],
            );
            assert!(refused.is_err(), "version 11 already took kind exercise");
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 12);
        let cards = store.cards(&CardFilter::default()).unwrap();
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].tags, ["종료"]);
        for (i, kind) in ["exercise", "cloze"].iter().enumerate() {
            store
                .conn
                .execute(
                    "INSERT INTO cards (deck, key, front, back, kind, heading_path, line, created_at, updated_at)
                     VALUES ('TCP', ?1, 'x', '', ?2, '[]', 1, 1, 1)",
                    rusqlite::params![format!("k{i}"), kind],
                )
                .unwrap();
        }
        let other = store.conn.execute(
            "INSERT INTO cards (deck, key, front, back, kind, heading_path, line, created_at, updated_at)
             VALUES ('TCP', 'k9', 'x', '', 'nonsense', '[]', 1, 1, 1)",
            [],
        );
        assert!(other.is_err());
    }

    #[test]
    fn demo_links_go_with_their_card() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        version_1_database(&path);
        let store = Store::open(&path).unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO card_demos (card_id, pos, name, args, explicit)
                     VALUES (7, 0, 'handshake', 'scenario=close', 1),
                            (7, 1, 'sockets', '', 0);",
            )
            .unwrap();
        let card = store.card(7).unwrap().unwrap();
        let demos: Vec<(&str, &str, bool)> = card
            .demos
            .iter()
            .map(|d| (d.name.as_str(), d.args.as_str(), d.explicit))
            .collect();
        assert_eq!(
            demos,
            [
                ("handshake", "scenario=close", true),
                ("sockets", "", false)
            ]
        );
        // A link to a card that does not exist is refused; deleting the card takes its links.
        assert!(
            store
                .conn
                .execute(
                    "INSERT INTO card_demos (card_id, pos, name, args, explicit)
                     VALUES (99, 0, 'uri', '', 1)",
                    [],
                )
                .is_err()
        );
        store
            .conn
            .execute("DELETE FROM cards WHERE id = 7", [])
            .unwrap();
        let left: i64 = store
            .conn
            .query_row("SELECT count(*) FROM card_demos", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }
}
