//! The SQLite store: the only module that speaks SQL.
//!
//! Opening a database turns on foreign keys and WAL, refuses files that are not
//! SQLite or come from a newer synack, and applies pending migrations from
//! [`migrations`] in one transaction. Reads live on [`Store`]; writes happen
//! inside a [`Tx`], so a command either commits all it meant to or nothing.

mod backup;
mod cards;
pub mod migrations;
mod queue;
mod review;
mod session;
#[cfg(test)]
mod sql_audit;
mod stats;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

pub use backup::{
    BackupCard, BackupData, BackupDemo, BackupReview, BackupRevision, BackupSession, BackupSource,
    BackupState, MergeReport,
};
pub use cards::{CardDemo, CardFilter, CardRow, DeckSummary};
pub use queue::{Candidates, Caps, QueueQuery};
pub use review::{Recorded, ReviewInput, ReviewRow};
pub use session::SessionTally;
pub use stats::{StatsCard, StatsFilter};
pub use write::{ExistingCard, SourceRow, Tx};

/// Why the store could not do what was asked. Each names the database file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: not a SQLite database", path.display())]
    NotSqlite { path: PathBuf },
    #[error("{}: database is read-only", path.display())]
    ReadOnly { path: PathBuf },
    #[error(
        "{}: schema version {found} is newer than this synack understands ({supported}); upgrade synack",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{}: cannot open database: {reason}", path.display())]
    CannotOpen { path: PathBuf, reason: String },
    #[error("{}: database is busy (another synack is writing); try again", path.display())]
    Busy { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

impl StoreError {
    fn classify(path: &Path, err: rusqlite::Error) -> Self {
        let path = path.to_path_buf();
        match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen {
                path,
                reason: err.to_string(),
            },
            _ => StoreError::Sqlite { path, source: err },
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open, migrated synack database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed, with its folder) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::CannotOpen {
                path: path.to_path_buf(),
                reason: format!("cannot create folder {}: {e}", dir.display()),
            })?;
        }
        if path.is_dir() {
            return Err(StoreError::CannotOpen {
                path: path.to_path_buf(),
                reason: "is a folder, not a file".into(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::classify(path, e))?;
        Self::setup(conn, path.to_path_buf())
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::classify(&path, e))?;
        Self::setup(conn, path)
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let fail = |e| StoreError::classify(&path, e);
        // Reading the version first is what detects a file that is not SQLite,
        // and it must come before anything that could write to a newer database.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        let latest = migrations::latest_version();
        if version > latest {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                supported: latest,
            });
        }
        conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(fail)?;
        if path.as_os_str() != ":memory:" {
            let mode: String = conn
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .map_err(fail)?;
            if !mode.eq_ignore_ascii_case("wal") {
                conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
                    .map_err(fail)?;
            }
            // WAL makes NORMAL durable across application crashes; only power loss
            // can roll back the last commits, never corrupt the file.
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(fail)?;
        }
        migrate(&mut conn).map_err(fail)?;
        Ok(Store { conn, path })
    }

    /// Where this database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Starts a write transaction that takes the write lock at once, so two
    /// writers queue (up to the busy timeout) instead of failing half-way.
    pub fn transaction(&mut self) -> Result<Tx<'_>> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::classify(&path, e))?;
        Ok(Tx::new(tx, path))
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::classify(&self.path, e)
    }

    /// Runs a cached query and collects one value per row.
    fn rows<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params, row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}

/// Applies every migration after the database's `user_version`, in one transaction.
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = migrations::latest_version();
    if version >= latest {
        return Ok(());
    }
    for sql in &migrations::MIGRATIONS[version as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_database_is_at_latest_version() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            migrations::latest_version()
        );
    }

    #[test]
    fn migrating_twice_is_a_no_op() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twice.db");
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            migrations::latest_version()
        );
        let tables: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'cards'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 1);
    }

    #[test]
    fn every_table_is_strict() {
        let store = Store::open_in_memory().unwrap();
        let loose: Vec<String> = store
            .conn
            .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 0 AND name NOT LIKE 'sqlite_%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(loose.is_empty(), "non-STRICT tables: {loose:?}");
    }

    #[test]
    fn newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerSchema { found: 999, .. }),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_text_file_is_not_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(
            &path,
            "this is not sqlite, just some text that is long enough\n".repeat(20),
        )
        .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotSqlite { .. }), "{err}");
    }
}
