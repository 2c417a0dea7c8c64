//! Reading every row for a backup, and writing a backup back: the SQL behind
//! `synack export --format json` and `synack restore`.
//!
//! A backup keeps row ids, so restoring into an empty database and exporting
//! again gives the same document. Merging into a database that already has
//! data matches rows by what they mean instead (a source by path, a card by
//! deck and key, a review by card, time and rating), because ids of two
//! databases say nothing about each other.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::RangeInclusive;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::column::{int, int_or_null, real, real_or_null, string_list, text, text_or_null};
use super::{Result, Store, StoreError, Tx};

/// Everything in a database that a backup carries. Times are milliseconds
/// since the epoch, as stored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BackupData {
    pub config: BTreeMap<String, String>,
    pub sources: Vec<BackupSource>,
    pub cards: Vec<BackupCard>,
    pub reviews: Vec<BackupReview>,
    pub sessions: Vec<BackupSession>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupSource {
    pub id: i64,
    pub path: String,
    pub content_hash: String,
    pub parser: i64,
    #[serde(with = "ms")]
    pub imported_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupCard {
    pub id: i64,
    pub deck: String,
    pub key: String,
    pub front: String,
    pub back: String,
    pub kind: String,
    pub heading_path: Vec<String>,
    pub source_id: Option<i64>,
    pub line: i64,
    pub suspended: bool,
    #[serde(with = "opt_ms")]
    pub missing_since: Option<i64>,
    #[serde(with = "ms")]
    pub created_at: i64,
    #[serde(with = "ms")]
    pub updated_at: i64,
    pub tags: Vec<String>,
    pub demos: Vec<BackupDemo>,
    pub state: BackupState,
    pub revisions: Vec<BackupRevision>,
}

/// A card's link to a demo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupDemo {
    pub name: String,
    pub args: String,
    pub explicit: bool,
}

/// A card's `card_state` row.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BackupState {
    pub state: String,
    #[serde(with = "opt_ms")]
    pub due: Option<i64>,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub step: i64,
    pub reps: i64,
    pub lapses: i64,
    #[serde(with = "opt_ms")]
    pub last_review: Option<i64>,
    #[serde(with = "opt_ms")]
    pub buried_until: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupRevision {
    pub id: i64,
    pub front: String,
    pub back: String,
    #[serde(with = "ms")]
    pub replaced_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupReview {
    pub id: i64,
    pub card_id: i64,
    pub session_id: Option<i64>,
    #[serde(with = "ms")]
    pub reviewed_at: i64,
    pub rating: i64,
    pub state_before: String,
    pub elapsed_days: f64,
    pub scheduled_days: f64,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub duration_ms: i64,
    /// What was typed, for typed-answer cards.
    pub answer: Option<String>,
}

/// A review as [`Store::each_backup_review`] hands it out: the fields of
/// [`BackupReview`] in the same order (so it serializes to the same JSON), but
/// borrowing its text from the database row, so that streaming a million
/// reviews allocates nothing per review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupReviewRow<'a> {
    pub id: i64,
    pub card_id: i64,
    pub session_id: Option<i64>,
    #[serde(serialize_with = "ms::serialize")]
    pub reviewed_at: i64,
    pub rating: i64,
    pub state_before: &'a str,
    pub elapsed_days: f64,
    pub scheduled_days: f64,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub duration_ms: i64,
    pub answer: Option<&'a str>,
}

impl BackupReviewRow<'_> {
    pub fn to_owned(&self) -> BackupReview {
        BackupReview {
            id: self.id,
            card_id: self.card_id,
            session_id: self.session_id,
            reviewed_at: self.reviewed_at,
            rating: self.rating,
            state_before: self.state_before.to_string(),
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            stability: self.stability,
            difficulty: self.difficulty,
            duration_ms: self.duration_ms,
            answer: self.answer.map(str::to_string),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupSession {
    pub id: i64,
    #[serde(with = "ms")]
    pub started_at: i64,
    #[serde(with = "opt_ms")]
    pub ended_at: Option<i64>,
    pub cram: bool,
    pub deck: Option<String>,
    pub tag: Option<String>,
    pub seen: i64,
    pub again: i64,
    pub hard: i64,
    pub good: i64,
    pub easy: i64,
    pub active_ms: i64,
}

pub use ms::format_utc_millis as format_backup_time;

/// The lists of a backup that are read in id ranges ([`Store::id_span`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Records {
    Cards,
    Reviews,
}

/// The values of the rows of card `id`, from rows in card order taken as the
/// cards go by in the same order. (A row of a card that is not there, which
/// the foreign keys rule out, is passed over rather than holding up the rest.)
fn take_run<T>(rows: &mut std::iter::Peekable<std::vec::IntoIter<(i64, T)>>, id: i64) -> Vec<T> {
    while rows.next_if(|(card, _)| *card < id).is_some() {}
    let mut run = Vec::new();
    while let Some((_, value)) = rows.next_if(|(card, _)| *card == id) {
        run.push(value);
    }
    run
}

/// Times in a backup are RFC 3339 with milliseconds, in UTC: readable, and
/// exact, since the store keeps milliseconds.
mod ms {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::clock::Timestamp;

    pub fn serialize<S: Serializer>(ms: &i64, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 24];
        match format_utc_millis(*ms, &mut buf) {
            Some(text) => s.serialize_str(text),
            None => s.serialize_str(&Timestamp(*ms).to_rfc3339()),
        }
    }

    /// `Timestamp::to_rfc3339` for the years 0000–9999, written into `buf`
    /// instead of a new `String` through chrono's formatter: a full backup
    /// writes a million of them, and that took a tenth of the export. Other
    /// years (`None`) go through chrono, so the text is the same for every
    /// value (a test compares the two).
    pub fn format_utc_millis(ms: i64, buf: &mut [u8; 24]) -> Option<&str> {
        let days = ms.div_euclid(86_400_000);
        let in_day = ms.rem_euclid(86_400_000);
        // Days to a civil date (Howard Hinnant's `civil_from_days`).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        if !(0..=9999).contains(&year) {
            return None;
        }
        let mut put = |at: usize, value: i64, width: u32| {
            let mut v = value;
            for i in (0..width as usize).rev() {
                buf[at + i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, year, 4);
        put(5, month, 2);
        put(8, day, 2);
        put(11, in_day / 3_600_000, 2);
        put(14, in_day / 60_000 % 60, 2);
        put(17, in_day / 1000 % 60, 2);
        put(20, in_day % 1000, 3);
        for (at, sep) in [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'.'),
        ] {
            buf[at] = sep;
        }
        buf[23] = b'Z';
        std::str::from_utf8(buf).ok()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse_rfc3339(&text)
            .map(|t| t.0)
            .or_else(|e| beyond_rfc3339(&text).ok_or(e))
            .map_err(|e| D::Error::custom(format!("{text:?} is not an RFC 3339 time: {e}")))
    }

    /// What `serialize` writes for a time RFC 3339 cannot hold, so every
    /// backup restores: a signed year past 9999 or before 1
    /// (`+10000-01-01T00:00:00.000Z`, reachable with a huge `max_interval`),
    /// or `@MSms` beyond the calendar's range.
    fn beyond_rfc3339(text: &str) -> Option<i64> {
        let text = text.trim();
        match text.strip_prefix('@') {
            Some(ms) => ms.strip_suffix("ms")?.parse().ok(),
            None => chrono::DateTime::parse_from_str(text, "%+")
                .ok()
                .map(|t| t.timestamp_millis()),
        }
    }
}

mod opt_ms {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ms: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
        match ms {
            Some(ms) => super::ms::serialize(ms, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::ms")] i64);
        Ok(Option::<Wrap>::deserialize(d)?.map(|Wrap(ms)| ms))
    }
}

/// What a merge added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub sources: usize,
    pub cards: usize,
    /// Existing cards whose state the backup replaced, being newer.
    pub states: usize,
    pub reviews: usize,
    pub sessions: usize,
}

impl Store {
    /// Every row a backup carries, each list in id order.
    pub fn backup_data(&self) -> Result<BackupData> {
        let mut data = self.backup_data_but_reviews()?;
        self.each_backup_review(i64::MIN..=i64::MAX, |r| {
            data.reviews.push(r.to_owned());
            Ok::<_, std::convert::Infallible>(())
        })?
        .unwrap_or_else(|never| match never {});
        Ok(data)
    }

    /// Starts a read transaction on this connection, which
    /// [`Store::end_snapshot`] ends, and returns a second connection that
    /// reads the very same snapshot, so that two threads can read one
    /// consistent backup. While the two snapshots are taken (a few
    /// statements), a third connection holds the write lock so that no
    /// commit falls between them.
    ///
    /// No second connection when that lock cannot be had at once (an import
    /// or an answer is being written, or the file is read-only: a backup
    /// does not wait, it reads on one thread), nor for an in-memory database;
    /// this connection's snapshot is taken all the same.
    pub fn snapshot_twin(&self) -> Result<Option<Store>> {
        let fail = |e| StoreError::classify(&self.path, e);
        let begin_read = |conn: &Connection| {
            conn.execute_batch("BEGIN")?;
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        };
        let alone = || begin_read(&self.conn).map_err(fail).map(|()| None);
        if self.path.as_os_str() == ":memory:" {
            return alone();
        }
        let open = || {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            Connection::open_with_flags(&self.path, flags).map_err(fail)
        };
        let lock = open()?;
        lock.busy_timeout(std::time::Duration::ZERO).map_err(fail)?;
        if lock.execute_batch("BEGIN IMMEDIATE").is_err() {
            return alone();
        }
        begin_read(&self.conn).map_err(fail)?;
        let twin = Store::setup(open()?, self.path.clone())
            .and_then(|twin| begin_read(&twin.conn).map_err(fail).map(|()| twin));
        let twin = match twin {
            Ok(twin) => twin,
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        };
        lock.execute_batch("ROLLBACK").map_err(fail)?;
        Ok(Some(twin))
    }

    /// Ends the read transaction [`Store::snapshot_twin`] started.
    pub fn end_snapshot(&self) -> Result<()> {
        self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))
    }

    /// What [`Store::backup_data`] returns, but with no reviews: the JSON
    /// backup streams those with [`Store::each_backup_review`] instead of
    /// holding a million of them.
    pub fn backup_data_but_reviews(&self) -> Result<BackupData> {
        let mut data = self.backup_frame()?;
        data.cards = self.backup_cards(i64::MIN..=i64::MAX)?;
        Ok(data)
    }

    /// The smallest and largest id of the cards or of the reviews, `None`
    /// when there are none: the ranges a backup is read in.
    pub fn id_span(&self, of: Records) -> Result<Option<(i64, i64)>> {
        let sql = match of {
            // One aggregate per query: SQLite reads `min(id), max(id)`
            // together by scanning the whole table.
            Records::Cards => "SELECT (SELECT min(id) FROM cards), (SELECT max(id) FROM cards)",
            Records::Reviews => {
                "SELECT (SELECT min(id) FROM reviews), (SELECT max(id) FROM reviews)"
            }
        };
        let span: (Option<i64>, Option<i64>) = self
            .conn
            .query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        Ok(span.0.zip(span.1))
    }

    /// The notes the cards in `ids` came from.
    pub fn sources_of(&self, ids: &BTreeSet<i64>) -> Result<BTreeSet<i64>> {
        // The index on (source_id, line, …) holds both columns: no card text is read.
        let pairs = self.rows(
            "SELECT id, source_id FROM cards WHERE source_id IS NOT NULL",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )?;
        Ok(pairs
            .into_iter()
            .filter(|(id, _)| ids.contains(id))
            .map(|(_, source)| source)
            .collect())
    }

    /// A backup's small lists, whole: config, sources and sessions (no cards,
    /// no reviews).
    pub fn backup_frame(&self) -> Result<BackupData> {
        let config = self.config_pairs()?.into_iter().collect();
        let sources = self.rows(
            "SELECT id, path, content_hash, parser, imported_at FROM sources ORDER BY id",
            [],
            |r| {
                Ok(BackupSource {
                    id: r.get(0)?,
                    path: r.get(1)?,
                    content_hash: r.get(2)?,
                    parser: r.get(3)?,
                    imported_at: r.get(4)?,
                })
            },
        )?;
        let sessions = self.rows(
            "SELECT id, started_at, ended_at, cram, deck, tag, seen, again, hard, good, easy,
                    active_ms
             FROM sessions ORDER BY id",
            [],
            |r| {
                Ok(BackupSession {
                    id: r.get(0)?,
                    started_at: r.get(1)?,
                    ended_at: r.get(2)?,
                    cram: r.get(3)?,
                    deck: r.get(4)?,
                    tag: r.get(5)?,
                    seen: r.get(6)?,
                    again: r.get(7)?,
                    hard: r.get(8)?,
                    good: r.get(9)?,
                    easy: r.get(10)?,
                    active_ms: r.get(11)?,
                })
            },
        )?;
        Ok(BackupData {
            config,
            sources,
            cards: Vec::new(),
            reviews: Vec::new(),
            sessions,
        })
    }

    /// The cards whose ids are in `ids`, in id order, each with its state,
    /// tags, demos and earlier wordings.
    pub fn backup_cards(&self, ids: RangeInclusive<i64>) -> Result<Vec<BackupCard>> {
        let range = [*ids.start(), *ids.end()];
        // A card's demos and earlier wordings come from one query each, in
        // card order, and are taken as the cards go by: a JSON aggregate per
        // card (each with its own sort) was a fifth of reading them.
        let mut demos = self
            .rows(
                "SELECT card_id, name, args, explicit FROM card_demos WHERE card_id BETWEEN ?1 AND ?2
                 ORDER BY card_id, pos",
                range,
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        BackupDemo {
                            name: r.get(1)?,
                            args: r.get(2)?,
                            explicit: r.get(3)?,
                        },
                    ))
                },
            )?
            .into_iter()
            .peekable();
        let mut revisions = self
            .rows(
                "SELECT card_id, id, front, back, replaced_at FROM card_revisions
                 WHERE card_id BETWEEN ?1 AND ?2 ORDER BY card_id, id",
                range,
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        BackupRevision {
                            id: r.get(1)?,
                            front: r.get(2)?,
                            back: r.get(3)?,
                            replaced_at: r.get(4)?,
                        },
                    ))
                },
            )?
            .into_iter()
            .peekable();
        self.rows(
            "SELECT c.id, c.deck, c.key, c.front, c.back, c.kind, c.heading_path,
                    c.source_id, c.line, c.suspended, c.missing_since, c.created_at, c.updated_at,
                    s.state, s.due, s.stability, s.difficulty, s.step, s.reps, s.lapses,
                    s.last_review, s.buried_until, c.tags
             FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
             WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id",
            range,
            |r| {
                let id = r.get(0)?;
                Ok(BackupCard {
                    id,
                    deck: r.get(1)?,
                    key: r.get(2)?,
                    front: r.get(3)?,
                    back: r.get(4)?,
                    kind: r.get(5)?,
                    heading_path: string_list(r, 6)?,
                    source_id: r.get(7)?,
                    line: r.get(8)?,
                    suspended: r.get(9)?,
                    missing_since: r.get(10)?,
                    created_at: r.get(11)?,
                    updated_at: r.get(12)?,
                    tags: string_list(r, 22)?,
                    demos: take_run(&mut demos, id),
                    state: BackupState {
                        state: r
                            .get::<_, Option<String>>(13)?
                            .unwrap_or_else(|| "new".into()),
                        due: r.get(14)?,
                        stability: r.get(15)?,
                        difficulty: r.get(16)?,
                        step: r.get::<_, Option<i64>>(17)?.unwrap_or(0),
                        reps: r.get::<_, Option<i64>>(18)?.unwrap_or(0),
                        lapses: r.get::<_, Option<i64>>(19)?.unwrap_or(0),
                        last_review: r.get(20)?,
                        buried_until: r.get(21)?,
                    },
                    revisions: take_run(&mut revisions, id),
                })
            },
        )
    }

    /// Calls `f` with every review whose id is in `ids`, in id order,
    /// borrowed from the row being read. The first error `f` returns stops
    /// the walk and comes back as the inner `Err`; the outer one is the
    /// database's.
    pub fn each_backup_review<E>(
        &self,
        ids: RangeInclusive<i64>,
        mut f: impl FnMut(&BackupReviewRow<'_>) -> std::result::Result<(), E>,
    ) -> Result<std::result::Result<(), E>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, card_id, session_id, reviewed_at, rating, state_before, elapsed_days,
                        scheduled_days, stability, difficulty, duration_ms, answer
                 FROM reviews WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query([*ids.start(), *ids.end()])
            .map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let row = (|| {
                Ok(BackupReviewRow {
                    id: int(r, 0)?,
                    card_id: int(r, 1)?,
                    session_id: int_or_null(r, 2)?,
                    reviewed_at: int(r, 3)?,
                    rating: int(r, 4)?,
                    state_before: text(r, 5)?,
                    elapsed_days: real(r, 6)?,
                    scheduled_days: real(r, 7)?,
                    stability: real_or_null(r, 8)?,
                    difficulty: real_or_null(r, 9)?,
                    duration_ms: int(r, 10)?,
                    answer: text_or_null(r, 11)?,
                })
            })()
            .map_err(|e: rusqlite::Error| self.err(e))?;
            if let Err(e) = f(&row) {
                return Ok(Err(e));
            }
        }
        Ok(Ok(()))
    }

    /// Whether the database holds nothing a restore could overwrite.
    pub fn is_empty(&self) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM sources) AND NOT EXISTS (SELECT 1 FROM cards)
                    AND NOT EXISTS (SELECT 1 FROM reviews) AND NOT EXISTS (SELECT 1 FROM sessions)
                    AND NOT EXISTS (SELECT 1 FROM config)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Writes a backup into an empty database, ids kept, in one transaction.
    pub fn restore(&mut self, data: &BackupData) -> Result<()> {
        let tx = self.transaction()?;
        for (key, value) in &data.config {
            tx.exec(
                "INSERT INTO config (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
        }
        for s in &data.sources {
            tx.insert_source(s, true)?;
        }
        for s in &data.sessions {
            tx.insert_session(s, true)?;
        }
        for c in &data.cards {
            tx.insert_card_backup(c, true, c.source_id)?;
        }
        for r in &data.reviews {
            tx.insert_review(r, Some(r.id), r.card_id, r.session_id)?;
        }
        tx.commit()
    }

    /// Adds what the database lacks from a backup, never overwriting newer
    /// state: a card's schedule is taken only when the backup reviewed it later.
    pub fn merge(&mut self, data: &BackupData) -> Result<MergeReport> {
        let mut report = MergeReport::default();
        let tx = self.transaction()?;
        for (key, value) in &data.config {
            tx.exec(
                "INSERT OR IGNORE INTO config (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
        }
        let mut sources = HashMap::new();
        for s in &data.sources {
            let id = match tx.id_of("SELECT id FROM sources WHERE path = ?1", params![s.path])? {
                Some(id) => id,
                None => {
                    report.sources += 1;
                    tx.insert_source(s, false)?
                }
            };
            sources.insert(s.id, id);
        }
        let mut sessions = HashMap::new();
        for s in &data.sessions {
            let id = match tx.id_of(
                "SELECT id FROM sessions WHERE started_at = ?1",
                params![s.started_at],
            )? {
                Some(id) => id,
                None => {
                    report.sessions += 1;
                    tx.insert_session(s, false)?
                }
            };
            sessions.insert(s.id, id);
        }
        let mut cards = HashMap::new();
        for c in &data.cards {
            let existing = tx.id_of(
                "SELECT id FROM cards WHERE deck = ?1 AND key = ?2",
                params![c.deck, c.key],
            )?;
            let id = match existing {
                Some(id) => {
                    let ours: Option<i64> = tx
                        .tx
                        .query_row(
                            "SELECT last_review FROM card_state WHERE card_id = ?1",
                            [id],
                            |r| r.get(0),
                        )
                        .optional()
                        .map_err(|e| tx.err(e))?
                        .flatten();
                    if c.state.last_review.is_some() && c.state.last_review > ours {
                        tx.write_backup_state(id, &c.state)?;
                        report.states += 1;
                    }
                    id
                }
                None => {
                    report.cards += 1;
                    let source = c.source_id.and_then(|s| sources.get(&s).copied());
                    tx.insert_card_backup(c, false, source)?
                }
            };
            cards.insert(c.id, id);
        }
        for r in &data.reviews {
            let Some(&card) = cards.get(&r.card_id) else {
                continue;
            };
            let known = tx.id_of(
                "SELECT id FROM reviews WHERE card_id = ?1 AND reviewed_at = ?2 AND rating = ?3",
                params![card, r.reviewed_at, r.rating],
            )?;
            if known.is_none() {
                let session = r.session_id.and_then(|s| sessions.get(&s).copied());
                tx.insert_review(r, None, card, session)?;
                report.reviews += 1;
            }
        }
        tx.commit()?;
        Ok(report)
    }
}

impl Tx<'_> {
    fn exec<P: rusqlite::Params>(&self, sql: &str, params: P) -> Result<()> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| s.execute(params))
            .map(drop)
            .map_err(|e| self.err(e))
    }

    fn id_of<P: rusqlite::Params>(&self, sql: &str, params: P) -> Result<Option<i64>> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| s.query_row(params, |r| r.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    /// Inserts and returns the new row's id; `keep_id` writes the backup's id.
    fn insert_returning<P: rusqlite::Params>(&self, sql: &str, params: P) -> Result<i64> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| s.query_row(params, |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    fn insert_source(&self, s: &BackupSource, keep_id: bool) -> Result<i64> {
        self.insert_returning(
            "INSERT INTO sources (id, path, content_hash, parser, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            params![
                keep_id.then_some(s.id),
                s.path,
                s.content_hash,
                s.parser,
                s.imported_at
            ],
        )
    }

    fn insert_session(&self, s: &BackupSession, keep_id: bool) -> Result<i64> {
        self.insert_returning(
            "INSERT INTO sessions (id, started_at, ended_at, cram, deck, tag, seen, again, hard,
                                   good, easy, active_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
            params![
                keep_id.then_some(s.id),
                s.started_at,
                s.ended_at,
                s.cram,
                s.deck,
                s.tag,
                s.seen,
                s.again,
                s.hard,
                s.good,
                s.easy,
                s.active_ms
            ],
        )
    }

    fn insert_card_backup(
        &self,
        c: &BackupCard,
        keep_ids: bool,
        source_id: Option<i64>,
    ) -> Result<i64> {
        let heading = super::write::json(&c.heading_path);
        // A tag named twice (a backup edited by hand) is kept once, where it
        // comes first, as the notes' tags are.
        let mut tags: Vec<String> = Vec::with_capacity(c.tags.len());
        for tag in &c.tags {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        let id = self.insert_returning(
            "INSERT INTO cards (id, deck, key, front, back, kind, heading_path, source_id,
                                line, suspended, missing_since, created_at, updated_at, tags)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             RETURNING id",
            params![
                keep_ids.then_some(c.id),
                c.deck,
                c.key,
                c.front,
                c.back,
                c.kind,
                heading,
                source_id,
                c.line,
                c.suspended,
                c.missing_since,
                c.created_at,
                c.updated_at,
                super::write::json(&tags)
            ],
        )?;
        self.write_backup_state(id, &c.state)?;
        for (pos, d) in c.demos.iter().enumerate() {
            self.exec(
                "INSERT INTO card_demos (card_id, pos, name, args, explicit)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, pos as i64, d.name, d.args, d.explicit],
            )?;
        }
        for r in &c.revisions {
            // A merged card's revisions get new ids: the backup's may be taken.
            self.exec(
                "INSERT INTO card_revisions (id, card_id, front, back, replaced_at)
                 VALUES (CASE WHEN ?6 THEN ?1 END, ?2, ?3, ?4, ?5)",
                params![r.id, id, r.front, r.back, r.replaced_at, keep_ids],
            )?;
        }
        Ok(id)
    }

    /// Writes a card's state row, which a card never answered may not have.
    fn write_backup_state(&self, card_id: i64, s: &BackupState) -> Result<()> {
        self.exec(
            "INSERT INTO card_state (card_id, state, due, stability, difficulty, step, reps,
                                     lapses, last_review, buried_until)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (card_id) DO UPDATE SET
                state = excluded.state, due = excluded.due, stability = excluded.stability,
                difficulty = excluded.difficulty, step = excluded.step, reps = excluded.reps,
                lapses = excluded.lapses, last_review = excluded.last_review,
                buried_until = excluded.buried_until",
            params![
                card_id,
                s.state,
                s.due,
                s.stability,
                s.difficulty,
                s.step,
                s.reps,
                s.lapses,
                s.last_review,
                s.buried_until
            ],
        )
    }

    fn insert_review(
        &self,
        r: &BackupReview,
        id: Option<i64>,
        card_id: i64,
        session_id: Option<i64>,
    ) -> Result<i64> {
        self.insert_returning(
            "INSERT INTO reviews (id, card_id, session_id, reviewed_at, rating, state_before,
                    elapsed_days, scheduled_days, stability, difficulty, duration_ms, answer)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
            params![
                id,
                card_id,
                session_id,
                r.reviewed_at,
                r.rating,
                r.state_before,
                r.elapsed_days,
                r.scheduled_days,
                r.stability,
                r.difficulty,
                r.duration_ms,
                r.answer
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Timestamp;

    #[test]
    fn backup_times_read_as_chrono_writes_them() {
        let mut values = vec![
            0,
            -1,
            1,
            999,
            -86_400_000,
            951_782_400_000,     // 2000-02-29
            1_795_219_200_123,   // 2026-11-21
            253_402_300_799_999, // 9999-12-31T23:59:59.999
            253_402_300_800_000, // year 10000: chrono's way
            -62_167_219_200_000, // 0000-01-01
            -62_167_219_200_001, // year -1: chrono's way
            i64::MAX / 1_000_000,
        ];
        // Every day of a few leap cycles, at an odd time of day.
        values.extend((-800..2_000).map(|d| d * 86_400_000 * 17 + 45_296_789));
        for ms in values {
            let mut buf = [0u8; 24];
            let chrono = Timestamp(ms).to_rfc3339();
            match ms::format_utc_millis(ms, &mut buf) {
                Some(fast) => assert_eq!(fast, chrono, "{ms}"),
                None => {
                    assert!(!chrono.starts_with(|c: char| c.is_ascii_digit()) || chrono.len() != 24)
                }
            }
        }
    }

    #[test]
    fn a_borrowed_review_serializes_like_an_owned_one() {
        let row = BackupReviewRow {
            id: 1,
            card_id: 2,
            session_id: None,
            reviewed_at: 1_795_219_200_123,
            rating: 3,
            state_before: "review",
            elapsed_days: 1.5,
            scheduled_days: 3.0,
            stability: Some(2.25),
            difficulty: None,
            duration_ms: 900,
            answer: Some("답"),
        };
        assert_eq!(
            serde_json::to_string_pretty(&row).unwrap(),
            serde_json::to_string_pretty(&row.to_owned()).unwrap()
        );
    }
}
