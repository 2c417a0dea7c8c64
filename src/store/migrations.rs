//! The schema, as an append-only list of migrations keyed on `PRAGMA user_version`.
//!
//! Migration `i` (0-based) takes a database from version `i` to `i + 1`. Once a
//! migration has shipped it is never edited or removed; a schema change is a new
//! entry at the end. All pending migrations run in one transaction, so a
//! database is either fully upgraded or untouched.

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
    // 2: the demos a card links to, in order: written in the note (explicit)
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
];

/// The schema version this build writes and understands.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}
