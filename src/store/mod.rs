//! The SQLite store: the only module that speaks SQL.
//!
//! Opening a database turns on foreign keys (off only inside an import's
//! transaction: [`Store::import_transaction`]) and WAL (a new file after its
//! first write: `Journal`), refuses files that are not
//! SQLite or come from a newer synack, and applies pending migrations from
//! [`migrations`] in one transaction, after keeping a copy of the old file
//! (`synack.db.bak-vN`). Reads live on [`Store`]; writes happen inside a
//! [`Tx`], so a command either commits all it meant to or nothing.

mod backup;
mod cards;
mod column;
pub mod migrations;
mod queue;
mod review;
mod session;
#[cfg(test)]
mod sql_audit;
mod stats;
mod write;
mod writeback;

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};

pub use backup::{
    BackupCard, BackupData, BackupDemo, BackupReview, BackupReviewRow, BackupRevision,
    BackupSession, BackupSource, BackupState, MergeReport, Records, format_backup_time,
};
pub use cards::{CardDemo, CardFilter, CardRow, DeckSummary, Revision};
pub use queue::{Candidates, Caps, QueueQuery};
pub use review::{Recorded, ReviewInput, ReviewRow};
pub use session::SessionTally;
pub use stats::{StatsCard, StatsFilter, StatsReview};
pub use write::{ExistingCard, RowStrings, SourceRow, SourceSummary, Tx, Written};

/// Why the store could not do what was asked. Each names the database file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", crate::tr!("store-not-sqlite", path = path.display().to_string()))]
    NotSqlite { path: PathBuf },
    #[error("{}", crate::tr!("store-read-only", path = path.display().to_string()))]
    ReadOnly { path: PathBuf },
    #[error("{}", crate::tr!("store-newer-schema", path = path.display().to_string(), found = found.to_string(), supported = supported.to_string()))]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A `user_version` that no synack wrote, or one its tables contradict;
    /// the file is left as it is.
    #[error("{}", crate::tr!("store-unknown-schema", path = path.display().to_string(), found = found.to_string(), why = why.as_str()))]
    UnknownSchema {
        path: PathBuf,
        found: i64,
        why: String,
    },
    #[error("{}", crate::tr!("store-cannot-open", path = path.display().to_string(), reason = reason.as_str()))]
    CannotOpen { path: PathBuf, reason: String },
    #[error("{}", crate::tr!("store-busy", path = path.display().to_string()))]
    Busy { path: PathBuf },
    #[error("{}", crate::tr!("store-backup", path = path.display().to_string(), reason = reason.as_str()))]
    Backup { path: PathBuf, reason: String },
    /// A new card did not get the id its rows were written for; the
    /// transaction is rolled back. (SQLite numbers a row `max(id) + 1`
    /// unless the largest id is already `i64::MAX`.)
    #[error("{}", crate::tr!("store-unexpected-id", path = path.display().to_string(), got = got.to_string(), expected = expected.to_string()))]
    UnexpectedId {
        path: PathBuf,
        expected: i64,
        got: i64,
    },
    // Not a `#[source]`: rusqlite's message already holds its cause, and a
    // chain would print it twice.
    #[error("{}: {err}", path.display())]
    Sqlite { path: PathBuf, err: rusqlite::Error },
}

impl StoreError {
    fn classify(path: &Path, err: rusqlite::Error) -> Self {
        let path = path.to_path_buf();
        match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            _ if is_busy(&err) => StoreError::Busy { path },
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen {
                path,
                reason: err.to_string(),
            },
            _ => StoreError::Sqlite { path, err },
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How long a writer waits for another one to finish before giving up with
/// [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The page size of a file synack creates, in bytes; SQLite's default is
/// 4 KiB. A card's row is about 600 bytes, so a 4 KiB page holds six and a
/// bulk load splits pages and writes them out (one `pwrite` each) twice as
/// often. Fresh import of 100k cards, 8-10 interleaved runs each: wall
/// 1.23 s with 4 KiB pages, 1.08-1.11 s with 8 KiB, 1.08-1.11 s with
/// 16 KiB, 1.06 s with 32 KiB; system time 0.24-0.25 → 0.18-0.19 s at
/// 8 KiB, user time −6% (issue 7). The larger pages gained nothing more,
/// and each page an answer changes is written whole to the WAL.
/// A file keeps the size it was made with.
const PAGE_SIZE: i64 = 8192;

/// How long a write transaction waits before it says so through
/// [`Store::on_wait`]: short waits (another quiz answering) pass in silence.
const QUIET_WAIT: Duration = Duration::from_millis(500);

/// An open, migrated synack database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    upgrade: Option<Upgrade>,
    on_wait: Option<fn(&Path)>,
    /// Whether the file is still in the rollback journal it was created with.
    rollback_journal: Cell<bool>,
}

/// A new database file keeps SQLite's rollback journal until its first
/// write transaction has committed, and is in WAL from then on.
///
/// That first write is nearly always a bulk load (the first import, a
/// restore): with a rollback journal its pages go straight into the file,
/// where WAL writes them twice (into the log, then into the file at the
/// checkpoint) and checksums every frame. A fresh import of 100k cards:
/// median 2.5 → 1.96 s, system time 0.45-0.51 → 0.21-0.31 s. The journal is as
/// crash-safe (a killed import is rolled back from it); what it lacks is
/// WAL's readers during a write, which a deck being created has no use for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Journal<'a> {
    conn: &'a Connection,
    rollback: &'a Cell<bool>,
}

impl Journal<'_> {
    /// Switches to WAL, unless another connection is reading or writing the
    /// file right now: then the next [`Store::open`] does it.
    pub(crate) fn to_wal(self) {
        let switched = self.conn.busy_timeout(Duration::ZERO).is_ok()
            && self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
                .is_ok_and(|mode| mode.eq_ignore_ascii_case("wal"));
        let _ = self.conn.busy_timeout(BUSY_TIMEOUT);
        if switched {
            // As `Store::open` sets it for WAL.
            let _ = self.conn.pragma_update(None, "synchronous", "NORMAL");
        }
        self.rollback.set(!switched);
    }
}

/// Foreign keys turned off for one transaction ([`Store::import_transaction`]),
/// turned on again when it is dropped: a [`Tx`] drops it after its
/// transaction has committed or rolled back (the pragma does nothing inside
/// one), so it is declared after that field.
#[derive(Debug)]
pub(crate) struct KeysOff<'a> {
    conn: &'a Connection,
}

impl Drop for KeysOff<'_> {
    fn drop(&mut self) {
        // Cannot fail outside a transaction; a connection that kept its keys
        // off would only check less.
        let _ = self.conn.pragma_update(None, "foreign_keys", true);
    }
}

/// What opening an older database did: the schema it had, the one it has
/// now, and where the copy of the old file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    pub from: i64,
    pub to: i64,
    pub backup: PathBuf,
}

impl Store {
    /// Opens (creating the file if needed) and migrates the database at
    /// `path`. Its folder must exist: making folders is the caller's choice.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            let reason = if dir.exists() {
                crate::tr!("store-not-a-folder", path = dir.display().to_string())
            } else {
                crate::tr!("store-no-folder", path = dir.display().to_string())
            };
            return Err(StoreError::CannotOpen {
                path: path.to_path_buf(),
                reason,
            });
        }
        if path.is_dir() {
            return Err(StoreError::CannotOpen {
                path: path.to_path_buf(),
                reason: crate::tr!("store-is-a-folder"),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::classify(path, e))?;
        Self::setup(conn, path.to_path_buf())
    }

    /// One stored setting of the database at `path`, read before anything
    /// else opens it (the message language is needed before arguments are
    /// parsed). Never creates, migrates or writes; `None` on any trouble,
    /// since the command proper reports that.
    pub fn peek_config(path: &Path, key: &str) -> Option<String> {
        if !path.is_file() {
            return None;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).ok()?;
        conn.query_row("SELECT value FROM config WHERE key = ?1", [key], |r| {
            r.get::<_, String>(0)
        })
        .ok()
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
        if version < 0 {
            return Err(StoreError::UnknownSchema {
                path,
                found: version,
                why: crate::tr!("store-negative-version"),
            });
        }
        // Before anything that writes (the journal mode, the copy, the
        // migrations): a file whose version says less than its tables would
        // be "upgraded" by migrations that cannot apply to it.
        if version < latest {
            migrations::check_tables(&conn, version)
                .map_err(fail)?
                .map_or(Ok(()), |why| {
                    Err(StoreError::UnknownSchema {
                        path: path.clone(),
                        found: version,
                        why,
                    })
                })?;
        }
        if version == 0 {
            // Before the first write, which fixes a file's page size for good;
            // on a file that has its pages already, this does nothing.
            conn.pragma_update(None, "page_size", PAGE_SIZE)
                .map_err(fail)?;
        }
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(fail)?;
        // Plans that do not depend on bound values (SQLite's query planner
        // stability guarantee). Without it SQLite marks a statement such as
        // `… WHERE source_id = ?1` to be planned again when `?1` is rebound,
        // and rusqlite clears the bindings of every statement it puts back
        // in its cache, which expires such a statement: each cached one was
        // compiled again on every use (1,980 times in a re-import of 2,000
        // notes, 40% of its main thread). Bound values only improve a plan
        // for a bound LIKE pattern or an ANALYZEd database; synack has neither.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(fail)?;
        // An import keeps about twenty statements in use (the batched inserts
        // add two per table); rusqlite's default cache holds sixteen, and an
        // evicted statement is compiled again on its next use.
        conn.set_prepared_statement_cache_capacity(32);
        // A multi-row INSERT that could fail half-way keeps a journal of the
        // pages it changes, to undo itself alone; past 64 KiB SQLite moves
        // that journal to a temporary file. An import's batches went there:
        // 300,000 writes (620 MB, rewritten in place) for 100k cards, where
        // memory does the same with no system call.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(fail)?;
        let mut rollback_journal = false;
        if path.as_os_str() != ":memory:" {
            let mode: String = conn
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .map_err(fail)?;
            if version == 0 && !mode.eq_ignore_ascii_case("wal") {
                // A new file, in WAL after its first write (`Journal`).
                rollback_journal = true;
            } else if !mode.eq_ignore_ascii_case("wal") {
                conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
                    .map_err(fail)?;
            }
            // WAL makes NORMAL durable across application crashes; only power loss
            // can roll back the last commits, never corrupt the file. A rollback
            // journal needs FULL for that.
            let sync = if rollback_journal { "FULL" } else { "NORMAL" };
            conn.pragma_update(None, "synchronous", sync)
                .map_err(fail)?;
        }
        // Version 0 is a new, empty file: nothing to keep. A database
        // already at the latest version is opened without the write lock, so
        // that no command waits at the door for a writer (an import).
        let mut upgrade = None;
        if version < latest {
            if version > 0 && path.as_os_str() != ":memory:" {
                upgrade = Some(Upgrade {
                    from: version,
                    to: latest,
                    backup: keep_copy(&conn, &path, version)?,
                });
            }
            // Another synack may have migrated the file between our reads.
            if !migrate(&mut conn).map_err(fail)? {
                upgrade = None;
            }
        }
        Ok(Store {
            conn,
            path,
            upgrade,
            on_wait: None,
            rollback_journal: Cell::new(rollback_journal),
        })
    }

    /// The schema upgrade this open did, if the file was from an older synack.
    pub fn upgrade(&self) -> Option<&Upgrade> {
        self.upgrade.as_ref()
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

    /// Has `notice` called with the database's path when a write transaction
    /// has waited a moment for another writer (an import, say) and goes on
    /// waiting, so that the person knows why nothing happens.
    pub fn on_wait(&mut self, notice: fn(&Path)) {
        self.on_wait = Some(notice);
    }

    /// Starts a write transaction that takes the write lock at once, so two
    /// writers queue (up to [`BUSY_TIMEOUT`]) instead of failing half-way.
    pub fn transaction(&mut self) -> Result<Tx<'_>> {
        self.begin(true)
    }

    /// [`Store::transaction`] for an import, with foreign keys not checked
    /// until it ends (committed or rolled back; then they are on again).
    ///
    /// With the keys on, SQLite looks up the card of every tag and demo row
    /// an import adds (and the note of every card): a tenth of writing a
    /// fresh import. The import refers only to cards and notes it has just
    /// written, with the ids SQLite gave them (checked batch by batch), or
    /// read in the same transaction, and deletes no card or note, so no
    /// `ON DELETE` action is skipped; the tests check every import's
    /// result with `PRAGMA foreign_key_check`.
    pub fn import_transaction(&mut self) -> Result<Tx<'_>> {
        self.begin(false)
    }

    fn begin(&mut self, keys: bool) -> Result<Tx<'_>> {
        let fail = |e| StoreError::classify(&self.path, e);
        // The guard only for an import: one made and dropped at once (as
        // `then_some` would) runs its pragma on every transaction, twice the
        // time of an answer.
        let keys_off = if keys {
            None
        } else {
            // Outside a transaction: inside one the pragma does nothing.
            self.conn
                .pragma_update(None, "foreign_keys", false)
                .map_err(fail)?;
            Some(KeysOff { conn: &self.conn })
        };
        // `&mut self` guarantees no other transaction is open on this
        // connection, which is all `new_unchecked` leaves to the caller.
        let begin = || Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate);
        let tx = match self.on_wait {
            None => begin(),
            Some(notice) => {
                self.conn.busy_timeout(QUIET_WAIT).map_err(fail)?;
                let tx = match begin() {
                    Err(e) if is_busy(&e) => {
                        notice(&self.path);
                        self.conn
                            .busy_timeout(BUSY_TIMEOUT.saturating_sub(QUIET_WAIT))
                            .map_err(fail)?;
                        begin()
                    }
                    other => other,
                };
                self.conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
                tx
            }
        }
        .map_err(fail)?;
        let journal = self.rollback_journal.get().then_some(Journal {
            conn: &self.conn,
            rollback: &self.rollback_journal,
        });
        Ok(Tx::new(tx, self.path.clone(), journal, keys_off))
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

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Applies every migration after the database's `user_version`, in one
/// transaction. Returns whether there was anything to apply.
///
/// Foreign keys are off while it runs, as SQLite's procedure for schema
/// changes asks: a migration that rebuilds a table drops the old one, and
/// with keys enforced that drop would first delete every row referring to
/// it (`ON DELETE CASCADE`). Instead the keys are checked as a whole before
/// the commit. The pragma is a no-op inside a transaction, hence out here.
fn migrate(conn: &mut Connection) -> rusqlite::Result<bool> {
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = migrate_with_keys_off(conn);
    conn.pragma_update(None, "foreign_keys", true)?;
    migrated
}

fn migrate_with_keys_off(conn: &mut Connection) -> rusqlite::Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = migrations::latest_version();
    if version >= latest {
        return Ok(false);
    }
    // Checked by `Store::setup`; another process could have changed it since.
    let Ok(from) = usize::try_from(version) else {
        return Err(rusqlite::Error::IntegralValueOutOfRange(0, version));
    };
    for sql in &migrations::MIGRATIONS[from..] {
        tx.execute_batch(sql)?;
    }
    let dangling: Option<String> = tx
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()?;
    if let Some(table) = dangling {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!(
                "the upgrade would leave rows of {table} referring to nothing"
            )),
        ));
    }
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(true)
}

/// Writes a consistent copy of the database at schema `version` beside it, as
/// `NAME.bak-vN` (or `NAME.bak-vN.2`, … when that exists: an older copy is
/// never replaced), and returns its path.
///
/// `VACUUM INTO` reads one snapshot, WAL included, so the copy is whole even
/// while another synack writes. It goes to a temporary name first and is
/// linked into place, so a crash never leaves a half-written backup under
/// the final name.
fn keep_copy(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let fail = |reason: String| StoreError::Backup {
        path: path.to_path_buf(),
        reason,
    };
    let base = format!("{}.bak-v{version}", path.display());
    // Copies of upgrades that were killed (`NAME.bak-vN.tmp-PID`, any N).
    if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let prefix = format!("{name}.bak-v");
        crate::leftovers::remove(dir, |n| {
            let (v, pid) = n.strip_prefix(&prefix)?.split_once(".tmp-")?;
            v.bytes().all(|b| b.is_ascii_digit()).then_some(())?;
            crate::leftovers::pid_between(pid, "", "")
        });
    }
    let tmp = PathBuf::from(format!("{base}.tmp-{}", std::process::id()));
    // A leftover from a crash of this same process id is ours to replace.
    let _ = std::fs::remove_file(&tmp);
    let tmp_str = tmp
        .to_str()
        .ok_or_else(|| fail(format!("{} is not valid UTF-8", tmp.display())))?;
    conn.execute("VACUUM INTO ?1", [tmp_str])
        .map_err(|e| fail(e.to_string()))?;
    let mut n = 1;
    let result = loop {
        let candidate = match n {
            1 => PathBuf::from(&base),
            _ => PathBuf::from(format!("{base}.{n}")),
        };
        match std::fs::hard_link(&tmp, &candidate) {
            Ok(()) => break Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            // A file system without hard links: a rename is as atomic, only
            // not exclusive, which matters only to two upgrades racing.
            Err(_) if !candidate.exists() => {
                break std::fs::rename(&tmp, &candidate)
                    .map(|()| candidate.clone())
                    .map_err(|e| fail(format!("{}: {e}", candidate.display())));
            }
            Err(e) => break Err(fail(format!("{}: {e}", candidate.display()))),
        }
    };
    let _ = std::fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `.cargo/config.toml` builds the bundled SQLite without extension
    /// loading and the modules synack does not use; the JSON functions stay
    /// (queries aggregate tags with them, and schemas before 6 check
    /// `heading_path` with `json_valid`).
    #[test]
    fn sqlite_is_built_with_the_options_of_cargo_config() {
        let store = Store::open_in_memory().unwrap();
        let used = |option: &str| -> bool {
            store
                .conn
                .query_row("SELECT sqlite_compileoption_used(?1)", [option], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        assert!(used("OMIT_LOAD_EXTENSION"));
        assert!(used("DEFAULT_MEMSTATUS=0"));
        for left_out in ["ENABLE_FTS3", "ENABLE_FTS5", "ENABLE_RTREE", "ENABLE_STAT4"] {
            assert!(!used(left_out), "{left_out}");
        }
        let valid: bool = store
            .conn
            .query_row("SELECT json_valid('[1]')", [], |r| r.get(0))
            .unwrap();
        assert!(valid);
    }

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

    fn pragma<T: rusqlite::types::FromSql>(store: &Store, name: &str) -> T {
        store
            .conn
            .pragma_query_value(None, name, |r| r.get(0))
            .unwrap()
    }

    fn journal_mode(store: &Store) -> String {
        pragma(store, "journal_mode")
    }

    fn synchronous(store: &Store) -> i64 {
        pragma(store, "synchronous")
    }

    fn keys_on(store: &Store) -> bool {
        pragma(store, "foreign_keys")
    }

    fn page_size(store: &Store) -> i64 {
        pragma(store, "page_size")
    }

    #[test]
    fn the_next_due_card_is_the_earliest_studyable_one_of_any_state() {
        let store = Store::open_in_memory().unwrap();
        // (id, deck, tags, suspended, state, due, buried_until)
        let cards = [
            (1, "TCP", "[]", 0, "review", 500, None),
            (2, "TCP", "[]", 1, "review", 150, None), // suspended
            (3, "TCP", "[]", 0, "relearning", 400, None),
            (4, "TCP", "[]", 0, "review", 120, Some(200)), // buried by hand
            (5, "UDP", r#"["port"]"#, 0, "learning", 300, None),
            (6, "TCP", "[]", 0, "review", 90, None), // due before now
            (7, "TCP", "[]", 0, "new", 110, None),
        ];
        for (id, deck, tags, suspended, state, due, buried) in cards {
            store
                .conn
                .execute(
                    "INSERT INTO cards (id, deck, key, front, back, kind, heading_path,
                                        line, created_at, updated_at, tags, suspended)
                     VALUES (?1, ?2, ?1, 'f', 'b', 'question', '[]', 1, 0, 0, ?3, ?4)",
                    rusqlite::params![id, deck, tags, suspended],
                )
                .unwrap();
            store
                .conn
                .execute(
                    "INSERT INTO card_state (card_id, state, due, buried_until)
                     VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![id, state, due, buried],
                )
                .unwrap();
        }
        let next = |deck: Option<&str>, tag: Option<&str>| {
            let q = QueueQuery {
                now: crate::clock::Timestamp(100),
                day_start: crate::clock::Timestamp(0),
                day_end: crate::clock::Timestamp(1000),
                deck: deck.map(str::to_string),
                tag: tag.map(str::to_string),
            };
            store.next_due(&q).unwrap().map(|t| t.0)
        };
        // Card 6 is due already: the next due is now, not card 5's time
        // (issue 24, item 13: the summary skipped a card already due).
        assert_eq!(next(None, None), Some(100));
        assert_eq!(next(Some("tcp"), None), Some(100));
        assert_eq!(next(Some("udp"), None), Some(300));
        assert_eq!(next(None, Some("PORT")), Some(300));
        assert_eq!(next(Some("TCP"), Some("port")), None);
        store
            .conn
            .execute("UPDATE cards SET suspended = 1 WHERE id = 6", [])
            .unwrap();
        assert_eq!(next(None, None), Some(300));
        assert_eq!(next(Some("tcp"), None), Some(400));
    }

    #[test]
    fn a_leech_tag_goes_after_the_cards_tags_and_its_undo_takes_back_only_it() {
        use crate::clock::Timestamp;
        use crate::schedule::{Answer, Rating};
        let mut store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute(
                "INSERT INTO cards (id, deck, key, front, back, kind, heading_path, line,
                                    created_at, updated_at, tags)
                 VALUES (1, 'TCP', 'k', 'f', 'b', 'question', '[]', 1, 0, 0, ?1)",
                [r#"["TCP","연결 종료"]"#],
            )
            .unwrap();
        let tags = |store: &Store| store.card(1).unwrap().unwrap().tags;
        let lapse = |store: &mut Store| {
            store
                .answer_with(1, Timestamp(0), &ReviewInput::default(), |before| {
                    Ok::<_, StoreError>(Answer {
                        rating: Rating::Again,
                        state: before.clone(),
                        elapsed_days: 0,
                        scheduled_days: 0.0,
                        leech: true,
                    })
                })
                .unwrap()
        };
        let (before, _, first) = lapse(&mut store);
        assert!(first.tagged_leech);
        assert_eq!(tags(&store), ["TCP", "연결 종료", "leech"]);
        // A card that is a leech already is not tagged twice.
        let (again_before, _, second) = lapse(&mut store);
        assert!(!second.tagged_leech);
        assert_eq!(tags(&store), ["TCP", "연결 종료", "leech"]);
        store.undo_answer(1, &again_before, &second, None).unwrap();
        assert_eq!(tags(&store), ["TCP", "연결 종료", "leech"]);
        store.undo_answer(1, &before, &first, None).unwrap();
        assert_eq!(tags(&store), ["TCP", "연결 종료"]);
    }

    #[test]
    fn an_import_transaction_checks_no_keys_and_turns_them_on_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        assert!(keys_on(&store));
        let orphan = "INSERT INTO card_demos (card_id, pos, name, args, explicit)
                      VALUES (999, 0, 'uri', '', 1)";
        // Committed: the orphan goes in unchecked, and the keys are on again.
        let tx = store.import_transaction().unwrap();
        let inside: bool = tx
            .tx
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert!(!inside);
        tx.tx.execute(orphan, []).unwrap();
        tx.commit().unwrap();
        assert!(keys_on(&store));
        // Rolled back (dropped): on again too.
        let tx = store.import_transaction().unwrap();
        drop(tx);
        assert!(keys_on(&store));
        // A plain transaction checks them: the same row fails at the commit.
        let tx = store.transaction().unwrap();
        tx.tx
            .execute(orphan.replace("999, 0", "999, 1").as_str(), [])
            .unwrap();
        assert!(tx.commit().is_err());
        assert!(keys_on(&store));
    }

    #[test]
    fn a_new_file_has_larger_pages_and_an_old_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        drop(Store::open(&path).unwrap());
        assert_eq!(page_size(&Store::open(&path).unwrap()), PAGE_SIZE);

        // A file an earlier synack made, with SQLite's default pages.
        let old = dir.path().join("v1.db");
        migrations::tests::version_1_database(&old);
        let store = Store::open(&old).unwrap();
        assert_eq!(page_size(&store), 4096);
        assert_eq!(store.cards(&CardFilter::default()).unwrap().len(), 1);
    }

    #[test]
    fn a_new_file_is_in_wal_after_its_first_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let mut store = Store::open(&path).unwrap();
        assert_eq!(journal_mode(&store), "delete");
        assert_eq!(
            synchronous(&store),
            2,
            "FULL while the journal is a rollback journal"
        );
        let tx = store.transaction().unwrap();
        tx.upsert_source("notes.md", "hash", 1, crate::clock::Timestamp(0))
            .unwrap();
        tx.commit().unwrap();
        assert_eq!(journal_mode(&store), "wal");
        assert_eq!(synchronous(&store), 1, "NORMAL in WAL");
        drop(store);
        assert_eq!(journal_mode(&Store::open(&path).unwrap()), "wal");
    }

    #[test]
    fn a_new_file_is_written_out_during_its_first_write_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("new.db")).unwrap();
        let tx = store.import_transaction().unwrap();
        assert!(tx.writes_back());
        drop(tx);
        // Rolled back: the next one is still the first write.
        let tx = store.import_transaction().unwrap();
        assert!(tx.writes_back());
        tx.upsert_source("notes.md", "hash", 1, crate::clock::Timestamp(0))
            .unwrap();
        tx.commit().unwrap();
        assert!(!store.import_transaction().unwrap().writes_back());
        assert!(!store.transaction().unwrap().writes_back());
        // Nor does a database in memory, which has no file.
        let mut store = Store::open_in_memory().unwrap();
        assert!(!store.import_transaction().unwrap().writes_back());
    }

    #[test]
    fn a_new_file_read_by_another_connection_is_in_wal_from_its_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let store = Store::open(&path).unwrap();
        let reader = Connection::open(&path).unwrap();
        reader.execute_batch("BEGIN").unwrap();
        let _: i64 = reader
            .query_row("SELECT count(*) FROM cards", [], |r| r.get(0))
            .unwrap();
        // What a commit does after its write, while the other connection
        // reads: the switch would have to wait, so it is left for later.
        let journal = Journal {
            conn: &store.conn,
            rollback: &store.rollback_journal,
        };
        journal.to_wal();
        assert!(store.rollback_journal.get());
        assert_eq!(journal_mode(&store), "delete");
        reader.execute_batch("COMMIT").unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(journal_mode(&store), "wal");
        assert!(!store.rollback_journal.get());
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

    /// Every file in `dir`, by name, with its bytes.
    fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    /// Regression (issue 24, item 4): a negative `user_version` panicked in
    /// the migrations (`range start index 18446744073709551615`), after the
    /// journal mode was switched and a copy made.
    #[test]
    fn a_negative_schema_version_is_refused_and_the_file_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("neg.db");
        {
            let store = Store::open(&path).unwrap();
            store.conn.pragma_update(None, "user_version", -1).unwrap();
        }
        let before = files_in(dir.path());
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::UnknownSchema { found: -1, .. }),
            "{err}"
        );
        let text = err.to_string();
        assert!(text.contains("schema version -1"), "{text}");
        assert!(!text.contains('\n'), "{text}");
        assert_eq!(files_in(dir.path()), before);
    }

    /// Regression (issue 24, item 4): a version lower than the tables say
    /// had migrations applied that cannot apply (and a copy kept first).
    #[test]
    fn a_schema_version_lower_than_the_tables_is_refused_and_the_file_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        for (set, says) in [
            (0, "no schema version"),
            (3, "its tables are those of version"),
            (latest_minus_one(), "its tables are those of version"),
        ] {
            let path = dir.path().join(format!("v{set}.db"));
            {
                let store = Store::open(&path).unwrap();
                store.conn.pragma_update(None, "user_version", set).unwrap();
            }
            let before = files_in(dir.path());
            let err = Store::open(&path).unwrap_err();
            assert!(
                matches!(err, StoreError::UnknownSchema { found, .. } if found == set),
                "{err}"
            );
            assert!(err.to_string().contains(says), "{err}");
            assert_eq!(files_in(dir.path()), before, "version {set}");
        }
        // A real old file still upgrades: the check passes the tables of its version.
        let old = dir.path().join("old.db");
        migrations::tests::version_1_database(&old);
        assert!(Store::open(&old).unwrap().upgrade().is_some());
    }

    fn latest_minus_one() -> i64 {
        migrations::latest_version() - 1
    }

    /// Regression (issue 24, item 14): a database in a folder that does not
    /// exist made the folders; the store opens files only where they can be.
    #[test]
    fn a_database_in_a_missing_folder_is_an_error_and_no_folder_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/x.db");
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::CannotOpen { .. }), "{err}");
        assert!(err.to_string().contains("does not exist"), "{err}");
        assert!(!dir.path().join("no").exists());
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

    fn version_of(path: &Path) -> (i64, i64) {
        let conn = Connection::open(path).unwrap();
        let version = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        let cards = conn
            .query_row("SELECT count(*) FROM cards", [], |r| r.get(0))
            .unwrap();
        (version, cards)
    }

    #[test]
    fn an_upgrade_keeps_a_copy_of_the_old_file_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("synack.db");
        migrations::tests::version_1_database(&path);

        let store = Store::open(&path).unwrap();
        let backup = dir.path().join("synack.db.bak-v1");
        assert_eq!(
            store.upgrade(),
            Some(&Upgrade {
                from: 1,
                to: migrations::latest_version(),
                backup: backup.clone(),
            })
        );
        drop(store);
        assert_eq!(version_of(&backup), (1, 1));
        assert_eq!(version_of(&path), (migrations::latest_version(), 1));
        // No temporary file is left beside them.
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("bak"))
            .collect();
        names.sort();
        assert_eq!(names, ["synack.db.bak-v1"]);

        // Opening the upgraded file again is not an upgrade and copies nothing.
        assert_eq!(Store::open(&path).unwrap().upgrade(), None);
    }

    #[test]
    fn an_older_copy_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("synack.db");
        let first = dir.path().join("synack.db.bak-v1");
        std::fs::write(&first, "an earlier copy").unwrap();
        migrations::tests::version_1_database(&path);

        let store = Store::open(&path).unwrap();
        let second = dir.path().join("synack.db.bak-v1.2");
        assert_eq!(store.upgrade().map(|u| &u.backup), Some(&second));
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "an earlier copy");
        assert_eq!(version_of(&second), (1, 1));
    }

    #[test]
    fn new_files_and_memory_databases_are_not_upgrades() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.db");
        assert_eq!(Store::open(&path).unwrap().upgrade(), None);
        assert_eq!(Store::open_in_memory().unwrap().upgrade(), None);
        let copies = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("bak")
            })
            .count();
        assert_eq!(copies, 0);
    }
}
