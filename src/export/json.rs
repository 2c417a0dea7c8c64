//! The JSON backup: every row of the database, ids kept, so that
//! `synack restore` can rebuild it exactly.
//!
//! The document is versioned by `synack_backup` (the layout of this file) and
//! `schema_version` (the database it came from). A backup of a `--deck` or
//! `--tag` selection says `"partial": true`; it can only be merged.
//!
//! [`write()`] streams the document: the cards and the reviews (a million in a
//! big deck, most of the file) are read in id ranges by two threads and
//! written in order, never held as a list or as one buffer. [`Document`] is the same file as a
//! value, for reading a backup back and for tests; both write the same bytes,
//! one record per line (`Layout`).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Write;
use std::str::FromStr;
use std::sync::{Condvar, Mutex};

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::deck::CardKind;
use crate::schedule::config::Config;
use crate::schedule::{Phase, Rating, Scheduler};
use crate::store::{
    BackupCard, BackupData, BackupReview, BackupReviewRow, BackupSession, BackupSource, Records,
    Store,
};

/// The layout version this build writes and reads.
pub const FORMAT_VERSION: i64 = 1;

/// A backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub synack_backup: i64,
    pub schema_version: i64,
    /// When it was written (RFC 3339); the only field that differs between
    /// two exports of the same database.
    pub exported_at: String,
    /// Only some cards (a `--deck` or `--tag` export).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    #[serde(flatten)]
    pub data: BackupData,
}

impl Document {
    pub fn new(data: BackupData, schema_version: i64, now: Timestamp, partial: bool) -> Self {
        Document {
            synack_backup: FORMAT_VERSION,
            schema_version,
            exported_at: now.to_rfc3339(),
            partial,
            data,
        }
    }

    /// The file, in the `Layout` that [`write()`] streams.
    pub fn to_bytes(&self) -> serde_json::Result<Vec<u8>> {
        let d = &self.data;
        let head = Head {
            synack_backup: self.synack_backup,
            schema_version: self.schema_version,
            exported_at: self.exported_at.clone(),
            partial: self.partial,
        };
        let mut doc = Layout::begin(Vec::new(), &head)?;
        doc.field("config", &d.config)?;
        doc.array("sources", &d.sources)?;
        doc.array("cards", &d.cards)?;
        doc.array("reviews", &d.reviews)?;
        doc.array("sessions", &d.sessions)?;
        doc.end()
    }

    /// Reads a backup, checking its versions before its contents so an old
    /// or foreign file gets a clear reason rather than a missing-field error.
    pub fn parse(text: &str, supported_schema: i64) -> Result<Document, BadBackup> {
        // Whether the rest can be read at all is decided first, from two
        // fields read in a pass that skips everything else; then the file is
        // read straight into its types. (Read as a `serde_json::Value` first,
        // a backup of 100k cards and 1M reviews took 3 GB and 18 s.)
        let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
            // JSON, but not an object.
            serde_json::error::Category::Data => BadBackup::NotABackup,
            _ => BadBackup::NotJson(e.to_string()),
        })?;
        match header.synack_backup.as_ref().and_then(|v| v.as_i64()) {
            None => return Err(BadBackup::NotABackup),
            Some(FORMAT_VERSION) => {}
            Some(v) => return Err(BadBackup::Version(v)),
        }
        let schema = header.schema_version.as_ref().and_then(|v| v.as_i64());
        if let Some(found) = schema.filter(|&s| s > supported_schema) {
            return Err(BadBackup::NewerSchema {
                found,
                supported: supported_schema,
            });
        }
        let wire: Wire =
            serde_json::from_str(text).map_err(|e| BadBackup::Invalid(e.to_string()))?;
        let doc = Document {
            synack_backup: wire.synack_backup,
            schema_version: wire.schema_version,
            exported_at: wire.exported_at,
            partial: wire.partial,
            data: BackupData {
                config: wire.config,
                sources: wire.sources,
                cards: wire.cards,
                reviews: wire.reviews,
                sessions: wire.sessions,
            },
        };
        doc.check().map_err(BadBackup::Invalid)?;
        Ok(doc)
    }

    /// What the database would refuse, found before anything is written, so
    /// the user reads which record is wrong rather than a constraint name.
    /// A partial backup may name sources and sessions it does not carry
    /// (merge drops such links); a full one may not.
    fn check(&self) -> Result<(), String> {
        let d = &self.data;
        check_settings(&d.config)?;
        let sources = unique_ids(
            &crate::tr!("export-kind-source"),
            d.sources.iter().map(|s| s.id),
        )?;
        let sessions = unique_ids(
            &crate::tr!("export-kind-session"),
            d.sessions.iter().map(|s| s.id),
        )?;
        let cards = unique_ids(
            &crate::tr!("export-kind-card"),
            d.cards.iter().map(|c| c.id),
        )?;
        unique_ids(
            &crate::tr!("export-kind-review"),
            d.reviews.iter().map(|r| r.id),
        )?;
        unique_ids(
            &crate::tr!("export-kind-revision"),
            d.cards
                .iter()
                .flat_map(|c| c.revisions.iter().map(|r| r.id)),
        )?;
        let mut paths = HashSet::new();
        if let Some(s) = d.sources.iter().find(|s| !paths.insert(s.path.as_str())) {
            return Err(crate::tr!(
                "export-bad-path-twice",
                id = s.id.to_string(),
                path = format!("{:?}", s.path)
            ));
        }
        for s in &d.sources {
            check_note_path(&s.path)
                .map_err(|why| crate::tr!("export-bad-source", id = s.id.to_string(), why = why))?;
        }
        for s in &d.sessions {
            let session = crate::tr!("export-record-session", id = s.id.to_string());
            for (field, n) in [
                ("seen", s.seen),
                ("again", s.again),
                ("hard", s.hard),
                ("good", s.good),
                ("easy", s.easy),
                ("active_ms", s.active_ms),
            ] {
                if n < 0 {
                    return Err(crate::tr!(
                        "export-bad-negative",
                        record = session.as_str(),
                        field = field,
                        value = n.to_string()
                    ));
                }
            }
        }
        let mut keys = HashSet::new();
        for c in &d.cards {
            let card = crate::tr!("export-record-card", id = c.id.to_string());
            if !keys.insert((c.deck.as_str(), c.key.as_str())) {
                return Err(crate::tr!(
                    "export-bad-key-twice",
                    record = card.as_str(),
                    deck = format!("{:?}", c.deck),
                    key = format!("{:?}", c.key)
                ));
            }
            if !CardKind::ALL.iter().any(|k| k.as_str() == c.kind) {
                return Err(crate::tr!(
                    "export-bad-kind",
                    record = card.as_str(),
                    kind = format!("{:?}", c.kind),
                    kinds = kinds()
                ));
            }
            Phase::from_str(&c.state.state).map_err(|e| format!("{card}: {e}"))?;
            check_count("line", c.line).map_err(|e| format!("{card}: {e}"))?;
            let st = &c.state;
            for (field, n) in [("step", st.step), ("reps", st.reps), ("lapses", st.lapses)] {
                check_count(field, n).map_err(|e| format!("{card}: {e}"))?;
            }
            check_memory(st.stability, st.difficulty).map_err(|e| format!("{card}: {e}"))?;
            let mut tags = HashSet::new();
            if let Some(t) = c.tags.iter().find(|t| !tags.insert(t.as_str())) {
                return Err(crate::tr!(
                    "export-bad-tag-twice",
                    record = card.as_str(),
                    tag = format!("{t:?}")
                ));
            }
            if let Some(s) = c
                .source_id
                .filter(|s| !self.partial && !sources.contains(s))
            {
                return Err(crate::tr!(
                    "export-bad-missing-source",
                    record = card.as_str(),
                    id = s.to_string()
                ));
            }
        }
        for r in &d.reviews {
            let review = crate::tr!("export-record-review", id = r.id.to_string());
            if Rating::from_number(r.rating).is_none() {
                return Err(crate::tr!(
                    "export-bad-rating",
                    record = review.as_str(),
                    rating = r.rating.to_string()
                ));
            }
            Phase::from_str(&r.state_before).map_err(|e| format!("{review}: {e}"))?;
            for (field, days) in [
                ("elapsed_days", r.elapsed_days),
                ("scheduled_days", r.scheduled_days),
            ] {
                if !(days.is_finite() && days >= 0.0) {
                    return Err(crate::tr!(
                        "export-bad-days",
                        record = review.as_str(),
                        field = field,
                        value = days.to_string()
                    ));
                }
            }
            if r.duration_ms < 0 {
                return Err(crate::tr!(
                    "export-bad-negative",
                    record = review.as_str(),
                    field = "duration_ms",
                    value = r.duration_ms.to_string()
                ));
            }
            check_memory(r.stability, r.difficulty).map_err(|e| format!("{review}: {e}"))?;
            if !cards.contains(&r.card_id) {
                return Err(crate::tr!(
                    "export-bad-missing-card",
                    record = review.as_str(),
                    id = r.card_id.to_string()
                ));
            }
            if let Some(s) = r
                .session_id
                .filter(|s| !self.partial && !sessions.contains(s))
            {
                return Err(crate::tr!(
                    "export-bad-missing-session",
                    record = review.as_str(),
                    id = s.to_string()
                ));
            }
        }
        Ok(())
    }
}

/// Writes the backup of `store` to `out` in the `Layout`, byte for byte
/// what [`Document::to_bytes`] writes for the same data, keeping only the
/// cards in `only` and what they need when it is given (a partial backup, as
/// [`crate::export::select`] makes it).
///
/// The cards and the reviews, nearly all of the file, are read in `Part`s
/// (id ranges) by two readers on the same snapshot ([`Store::snapshot_twin`]):
/// this thread and a second one, each taking the next part not yet taken and
/// laying it out in memory. This thread writes the parts in file order as
/// they are done. A reader stays at most `AHEAD` parts ahead of the file,
/// so the document is never held whole. When there is no twin, this thread
/// reads every part itself.
pub fn write<W: Write + ?Sized>(
    out: &mut W,
    store: &Store,
    schema_version: i64,
    now: Timestamp,
    only: Option<&BTreeSet<i64>>,
) -> Result<(), WriteError> {
    write_in_parts(out, store, schema_version, now, only, PartSize::BACKUP)
}

/// [`write`] with parts of `size`.
fn write_in_parts<W: Write + ?Sized>(
    out: &mut W,
    store: &Store,
    schema_version: i64,
    now: Timestamp,
    only: Option<&BTreeSet<i64>>,
    size: PartSize,
) -> Result<(), WriteError> {
    let twin = store.snapshot_twin()?;
    let written = write_parts(out, store, twin, schema_version, now, only, size);
    // The read transaction ends either way; a failed write says why first.
    let ended = store.end_snapshot();
    written?;
    Ok(ended?)
}

fn write_parts<W: Write + ?Sized>(
    out: &mut W,
    store: &Store,
    twin: Option<Store>,
    schema_version: i64,
    now: Timestamp,
    only: Option<&BTreeSet<i64>>,
    size: PartSize,
) -> Result<(), WriteError> {
    let mut frame = store.backup_frame()?;
    if let Some(ids) = only {
        let sources = store.sources_of(ids)?;
        frame.sources.retain(|s| sources.contains(&s.id));
    }
    let cards = Part::split(Records::Cards, store.id_span(Records::Cards)?, size.cards);
    let reviews = Part::split(
        Records::Reviews,
        store.id_span(Records::Reviews)?,
        size.reviews,
    );
    let parts: Vec<Part> = cards.into_iter().chain(reviews).collect();
    let first_review = parts
        .iter()
        .position(|p| p.of == Records::Reviews)
        .unwrap_or(parts.len());

    let head = Head {
        synack_backup: FORMAT_VERSION,
        schema_version,
        exported_at: now.to_rfc3339(),
        partial: only.is_some(),
    };
    let mut doc = Layout::begin(std::io::BufWriter::with_capacity(1 << 16, &mut *out), &head)?;
    doc.field("config", &frame.config)?;
    doc.array("sources", &frame.sources)?;
    doc.begin_array("cards")?;

    let queue = Queue::new(parts.len());
    let mut kept_sessions = BTreeSet::new();
    std::thread::scope(|scope| -> Result<(), WriteError> {
        // A bug here must not leave the other reader waiting for its turn.
        let _stop = StopOnPanic(&queue);
        let helper = twin.map(|twin| {
            let (parts, queue) = (&parts, &queue);
            scope.spawn(move || {
                let _stop = StopOnPanic(queue);
                while let Some(i) = queue.claim(true) {
                    queue.deliver(i, parts[i].read(&twin, only, queue.buffer()));
                }
            })
        });
        let written = (|| -> Result<(), WriteError> {
            for i in 0..parts.len() {
                if i == first_review {
                    doc.end_array()?;
                    doc.begin_array("reviews")?;
                }
                // While the part to write next is still being read by the
                // other thread, this one reads the next part not yet taken.
                let laid_out = loop {
                    if let Some(done) = queue.take(i, helper.is_none()) {
                        break done;
                    }
                    if let Some(j) = queue.claim(false) {
                        queue.deliver(j, parts[j].read(store, only, queue.buffer()));
                    }
                };
                let laid_out = laid_out?;
                doc.lines(&laid_out.lines)?;
                kept_sessions.extend(laid_out.sessions);
                queue.recycle(laid_out.lines);
            }
            if first_review == parts.len() {
                doc.end_array()?;
                doc.begin_array("reviews")?;
            }
            Ok(doc.end_array()?)
        })();
        if written.is_err() {
            queue.stop();
        }
        if let Some(helper) = helper {
            helper
                .join()
                .expect("the backup's reading thread does not panic");
        }
        written
    })?;

    let sessions = frame
        .sessions
        .iter()
        .filter(|s| only.is_none() || kept_sessions.contains(&s.id));
    doc.array("sessions", sessions)?;
    doc.end()?.flush().map_err(serde_json::Error::io)?;
    Ok(())
}

/// How many parts the readers of [`write`] may run ahead of the file.
const AHEAD: usize = 8;

/// How many ids a [`Part`] of each list spans.
#[derive(Debug, Clone, Copy)]
struct PartSize {
    cards: i64,
    reviews: i64,
}

impl PartSize {
    /// About 2 and 4 MB of JSON in the benchmark's deck: a card is about
    /// ten times the size of a review.
    const BACKUP: PartSize = PartSize {
        cards: 2_000,
        reviews: 16_000,
    };
}

/// A range of ids of the cards or the reviews: the unit the readers of
/// [`write`] take.
#[derive(Debug, Clone, Copy)]
struct Part {
    of: Records,
    ids: (i64, i64),
}

/// A [`Part`] laid out: its records, each led by `,\n`, and the sessions
/// of its reviews when the backup is partial.
#[derive(Debug, Default)]
struct LaidOut {
    lines: Vec<u8>,
    sessions: BTreeSet<i64>,
}

impl Part {
    /// The parts of `size` ids that cover `span` (smallest and largest id),
    /// in order.
    fn split(of: Records, span: Option<(i64, i64)>, size: i64) -> Vec<Part> {
        let Some((first, last)) = span else {
            return Vec::new();
        };
        let mut parts = Vec::new();
        let mut from = first;
        loop {
            let to = from.saturating_add(size - 1).min(last);
            parts.push(Part {
                of,
                ids: (from, to),
            });
            if to == last {
                return parts;
            }
            from = to + 1;
        }
    }

    /// Reads the part from `store` and lays out the records `only` keeps
    /// in `buffer` (empty).
    fn read(
        &self,
        store: &Store,
        only: Option<&BTreeSet<i64>>,
        buffer: Vec<u8>,
    ) -> Result<LaidOut, WriteError> {
        let keep = |card: i64| only.is_none_or(|ids| ids.contains(&card));
        let ids = self.ids.0..=self.ids.1;
        let mut out = LaidOut {
            lines: buffer,
            sessions: BTreeSet::new(),
        };
        match self.of {
            Records::Cards => {
                for card in store.backup_cards(ids)?.iter().filter(|c| keep(c.id)) {
                    out.lines.extend_from_slice(b",\n");
                    serde_json::to_writer(&mut out.lines, card)?;
                }
            }
            Records::Reviews => {
                store.each_backup_review(ids, |r| {
                    if !keep(r.card_id) {
                        return Ok(());
                    }
                    if only.is_some() {
                        out.sessions.extend(r.session_id);
                    }
                    out.lines.extend_from_slice(b",\n");
                    put_review(&mut out.lines, r)
                })??;
            }
        }
        Ok(out)
    }
}

/// The parts of [`write`] between its readers and the file: which part is
/// the next to take, and those read but not yet written.
#[derive(Debug)]
struct Queue {
    state: Mutex<QueueState>,
    changed: Condvar,
}

#[derive(Debug)]
struct QueueState {
    parts: usize,
    next_to_take: usize,
    next_to_write: usize,
    done: BTreeMap<usize, Result<LaidOut, WriteError>>,
    /// Buffers of parts written, to be filled again: a new one grew by
    /// doubling and each of its pages was faulted in and zeroed afresh.
    spare: Vec<Vec<u8>>,
    stopped: bool,
}

impl Queue {
    fn new(parts: usize) -> Queue {
        Queue {
            state: Mutex::new(QueueState {
                parts,
                next_to_take: 0,
                next_to_write: 0,
                done: BTreeMap::new(),
                spare: Vec::new(),
                stopped: false,
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, QueueState> {
        // A reader that panicked has left nothing half-changed behind a
        // lock: each change under it is a single field or map operation.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The next part to read; `None` when every part is taken or the
    /// writing stopped. While the readers are [`AHEAD`] parts ahead of the
    /// file, waits if `wait` (the second reader), else returns `None` (the
    /// thread that writes, which is what the wait is for).
    fn claim(&self, wait: bool) -> Option<usize> {
        let mut state = self.lock();
        loop {
            if state.stopped || state.next_to_take == state.parts || !wait {
                if !state.stopped
                    && state.next_to_take < state.parts.min(state.next_to_write + AHEAD)
                {
                    state.next_to_take += 1;
                    return Some(state.next_to_take - 1);
                }
                return None;
            }
            if state.next_to_take < state.next_to_write + AHEAD {
                state.next_to_take += 1;
                return Some(state.next_to_take - 1);
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// An empty buffer to lay a part out in.
    fn buffer(&self) -> Vec<u8> {
        self.lock().spare.pop().unwrap_or_default()
    }

    /// Takes back the buffer of a part written.
    fn recycle(&self, mut buffer: Vec<u8>) {
        buffer.clear();
        self.lock().spare.push(buffer);
    }

    fn deliver(&self, part: usize, laid_out: Result<LaidOut, WriteError>) {
        self.lock().done.insert(part, laid_out);
        self.changed.notify_all();
    }

    /// Part `part`, the next to write, once it is read. `None` while it is
    /// not, if there is a part this thread may read meanwhile, or at once if
    /// it reads `alone`; otherwise waits for the other reader to deliver it.
    fn take(&self, part: usize, alone: bool) -> Option<Result<LaidOut, WriteError>> {
        let mut state = self.lock();
        loop {
            if let Some(done) = state.done.remove(&part) {
                state.next_to_write = part + 1;
                self.changed.notify_all();
                return Some(done);
            }
            if state.stopped {
                let gone = std::io::Error::other("the backup's second reader stopped");
                return Some(Err(serde_json::Error::io(gone).into()));
            }
            let can_read = state.next_to_take < state.parts
                && state.next_to_take < state.next_to_write + AHEAD;
            if can_read || alone {
                return None;
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// Tells the readers to take no more parts.
    fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }
}

/// Stops the [`Queue`] when the thread holding it panics, so that the
/// other does not wait for ever.
struct StopOnPanic<'q>(&'q Queue);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// The fields of a backup that say whether this synack can read the rest,
/// whatever their type ([`Document::parse`]). Only an object has them (a
/// derived struct would also take an array, field by position), and every
/// other field is skipped unread.
#[derive(Debug, Default)]
struct Header {
    synack_backup: Option<serde_json::Value>,
    schema_version: Option<serde_json::Value>,
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Header, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Header;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Header, A::Error> {
                let mut header = Header::default();
                // As a `serde_json::Value` reads it: a field given twice is
                // the last one.
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "synack_backup" => header.synack_backup = Some(map.next_value()?),
                        "schema_version" => header.schema_version = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(header)
            }
        }
        d.deserialize_map(Fields)
    }
}

/// A [`Document`] as it is read: the same fields, without the `flatten`
/// that made serde hold the whole file as a tree of values first.
#[derive(Debug, Deserialize)]
struct Wire {
    synack_backup: i64,
    schema_version: i64,
    exported_at: String,
    #[serde(default)]
    partial: bool,
    config: std::collections::BTreeMap<String, String>,
    sources: Vec<BackupSource>,
    cards: Vec<BackupCard>,
    reviews: Vec<BackupReview>,
    sessions: Vec<BackupSession>,
}

/// The fields a backup starts with.
#[derive(Debug)]
struct Head {
    synack_backup: i64,
    schema_version: i64,
    exported_at: String,
    partial: bool,
}

/// How a backup file is laid out: one JSON object whose fields are each on a
/// line, and whose arrays (notes, cards, reviews, sessions) have one record
/// per line, in compact JSON:
///
/// ```text
/// {
/// "synack_backup":1,
/// …
/// "cards":[
/// {"id":1,"deck":"네트워크",…},
/// {"id":2,…}
/// ],
/// …
/// }
/// ```
///
/// Any JSON reader reads it, and a line is a record for `grep`, `diff` and
/// `wc -l`. (Pretty-printed, a review spent a third of its bytes on
/// indentation: the 100k-card backup was 486 MB and took longer to write
/// than BENCHMARKS.md allows.)
struct Layout<W> {
    out: W,
    /// Whether the array being written has an element yet.
    filled: bool,
}

impl<W: Write> Layout<W> {
    /// Opens the document with the fields every backup starts with.
    fn begin(out: W, head: &Head) -> serde_json::Result<Layout<W>> {
        let mut doc = Layout { out, filled: false };
        doc.raw(b"{\n")?;
        doc.key("synack_backup")?;
        serde_json::to_writer(&mut doc.out, &head.synack_backup)?;
        doc.field("schema_version", &head.schema_version)?;
        doc.field("exported_at", &head.exported_at)?;
        if head.partial {
            doc.field("partial", &true)?;
        }
        Ok(doc)
    }

    fn raw(&mut self, bytes: &[u8]) -> serde_json::Result<()> {
        self.out.write_all(bytes).map_err(serde_json::Error::io)
    }

    fn key(&mut self, key: &str) -> serde_json::Result<()> {
        serde_json::to_writer(&mut self.out, key)?;
        self.raw(b":")
    }

    /// A field after the first.
    fn field(&mut self, key: &str, value: &(impl Serialize + ?Sized)) -> serde_json::Result<()> {
        self.raw(b",\n")?;
        self.key(key)?;
        serde_json::to_writer(&mut self.out, value)
    }

    /// An array field whose elements serde_json writes.
    fn array<T: Serialize>(
        &mut self,
        key: &str,
        elements: impl IntoIterator<Item = T>,
    ) -> serde_json::Result<()> {
        self.begin_array(key)?;
        for e in elements {
            self.element(|out| serde_json::to_writer(out, &e))?;
        }
        self.end_array()
    }

    fn begin_array(&mut self, key: &str) -> serde_json::Result<()> {
        self.raw(b",\n")?;
        self.key(key)?;
        self.filled = false;
        self.raw(b"[")
    }

    /// One element of the open array, on its own line, written by `put`.
    fn element(
        &mut self,
        put: impl FnOnce(&mut W) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        self.raw(if self.filled { b",\n" } else { b"\n" })?;
        self.filled = true;
        put(&mut self.out)
    }

    /// Elements already laid out, each led by `,\n` ([`LaidOut`]).
    fn lines(&mut self, lines: &[u8]) -> serde_json::Result<()> {
        let Some(rest) = lines.strip_prefix(b",") else {
            return Ok(());
        };
        // The first element of the array is led by a line break alone.
        self.raw(if self.filled { lines } else { rest })?;
        self.filled = true;
        Ok(())
    }

    fn end_array(&mut self) -> serde_json::Result<()> {
        self.raw(if self.filled { b"\n]" } else { b"]" })
    }

    /// Closes the document (and its last line) and gives the writer back.
    fn end(mut self) -> serde_json::Result<W> {
        self.raw(b"\n}\n")?;
        Ok(self.out)
    }
}

/// A review as [`Layout`] writes it, the same bytes serde_json writes for
/// [`crate::store::BackupReview`] (a test compares them), from the borrowed
/// row. Numbers and strings still go through serde_json, so they are written
/// (and escaped) exactly as it writes them.
fn put_review(out: &mut Vec<u8>, r: &BackupReviewRow<'_>) -> serde_json::Result<()> {
    fn value(out: &mut Vec<u8>, key: &[u8], v: &impl Serialize) -> serde_json::Result<()> {
        out.extend_from_slice(key);
        serde_json::to_writer(&mut *out, v)
    }
    let mut at = [0u8; 24];
    value(out, b"{\"id\":", &r.id)?;
    value(out, b",\"card_id\":", &r.card_id)?;
    value(out, b",\"session_id\":", &r.session_id)?;
    out.extend_from_slice(b",\"reviewed_at\":");
    match crate::store::format_backup_time(r.reviewed_at, &mut at) {
        Some(text) => {
            out.push(b'"');
            out.extend_from_slice(text.as_bytes());
            out.push(b'"');
        }
        None => serde_json::to_writer(&mut *out, &Timestamp(r.reviewed_at).to_rfc3339())?,
    }
    value(out, b",\"rating\":", &r.rating)?;
    value(out, b",\"state_before\":", &r.state_before)?;
    value(out, b",\"elapsed_days\":", &r.elapsed_days)?;
    value(out, b",\"scheduled_days\":", &r.scheduled_days)?;
    value(out, b",\"stability\":", &r.stability)?;
    value(out, b",\"difficulty\":", &r.difficulty)?;
    value(out, b",\"duration_ms\":", &r.duration_ms)?;
    value(out, b",\"answer\":", &r.answer)?;
    out.push(b'}');
    Ok(())
}

/// Why [`write()`] stopped.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// Writing failed (serde_json keeps the `io::Error`, a broken pipe included).
    #[error(transparent)]
    Write(#[from] serde_json::Error),
}

/// The settings a backup carries, as `synack config` and the scheduler
/// read them: a value they refuse, restored, made every command fail.
fn check_settings(config: &BTreeMap<String, String>) -> Result<(), String> {
    let mut checked = Config::default();
    for (key, value) in config {
        checked.set(key, value).map_err(|e| {
            crate::tr!(
                "export-bad-setting",
                key = format!("{key:?}"),
                why = e.to_string()
            )
        })?;
    }
    Scheduler::new(checked.settings, 0)
        .map_err(|e| crate::tr!("export-bad-settings", why = e.to_string()))?;
    Ok(())
}

/// A note's path as a backup may carry it: a shipped deck's
/// (`synack:decks/NAME.md`), or a plain path of a note file (`:edit` opens
/// it, and an import reads it): an absolute or relative path ending in a
/// note extension, with no `..`, no empty or `.` parts and no control
/// characters. A backup naming `../../etc/passwd` is refused.
fn check_note_path(path: &str) -> Result<(), String> {
    let shown = format!("{path:?}");
    if path.chars().any(char::is_control) {
        return Err(crate::tr!("export-bad-path-control", path = shown));
    }
    let plain = path
        .strip_prefix(crate::deck::shipped::SOURCE_PREFIX)
        .unwrap_or(path);
    if !crate::import::files::has_note_extension(std::path::Path::new(plain)) {
        return Err(crate::tr!(
            "export-bad-path-not-note",
            path = shown,
            extensions = crate::import::files::NOTE_EXTENSIONS.join(", .")
        ));
    }
    let relative = plain.strip_prefix('/').unwrap_or(plain);
    if relative
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(crate::tr!("export-bad-path-not-plain", path = shown));
    }
    Ok(())
}

/// A count or a line number as the store reads it back (a `u32`).
fn check_count(field: &str, n: i64) -> Result<(), String> {
    if u32::try_from(n).is_err() {
        return Err(crate::tr!(
            "export-bad-count",
            field = field,
            // As text: Fluent's numbers are f64, and this one may be huge.
            value = n.to_string(),
            max = u32::MAX.to_string()
        ));
    }
    Ok(())
}

/// A memory state as the scheduler reads it back (each an `f32`, finite).
fn check_memory(stability: Option<f64>, difficulty: Option<f64>) -> Result<(), String> {
    for (field, value) in [("stability", stability), ("difficulty", difficulty)] {
        if let Some(v) = value
            && !(v.is_finite() && v >= 0.0 && v <= f64::from(f32::MAX))
        {
            return Err(crate::tr!(
                "export-bad-memory",
                field = field,
                value = v.to_string()
            ));
        }
    }
    Ok(())
}

/// The ids of one kind of record, refusing a repeated one.
fn unique_ids(what: &str, ids: impl Iterator<Item = i64>) -> Result<HashSet<i64>, String> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(crate::tr!(
                "export-bad-id-twice",
                what = what,
                id = id.to_string()
            ));
        }
    }
    Ok(seen)
}

fn kinds() -> String {
    CardKind::ALL.map(CardKind::as_str).join(", ")
}

/// Why a file cannot be restored.
#[derive(Debug, thiserror::Error)]
pub enum BadBackup {
    #[error("{}", crate::tr!("export-error-not-json", reason = .0.as_str()))]
    NotJson(String),
    #[error("{}", crate::tr!("export-error-not-a-backup"))]
    NotABackup,
    #[error("{}", crate::tr!("export-error-format-version", found = .0.to_string(), supported = FORMAT_VERSION.to_string()))]
    Version(i64),
    #[error("{}", crate::tr!("export-error-newer-schema", found = found.to_string(), supported = supported.to_string()))]
    NewerSchema { found: i64, supported: i64 },
    #[error("{}", crate::tr!("export-error-invalid", reason = .0.as_str()))]
    Invalid(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_it_cannot_read() {
        let bad = |text: &str| Document::parse(text, 3).unwrap_err().to_string();
        assert!(bad("nope").starts_with("not JSON"));
        assert!(bad("{}").starts_with("not a synack backup"));
        assert!(bad(r#"{"synack_backup": 2}"#).contains("version 2"));
        assert!(bad(r#"{"synack_backup": 1, "schema_version": 9}"#).contains("schema version 9"));
        assert!(bad(r#"{"synack_backup": 1, "schema_version": 3}"#).starts_with("invalid backup"));
        // JSON that is not an object, or whose version is not a number.
        assert!(bad("[1, 2]").starts_with("not a synack backup"));
        assert!(bad(r#"{"synack_backup": "1"}"#).starts_with("not a synack backup"));
        // Cut short: not JSON, whatever it started as.
        assert!(bad(r#"{"synack_backup": 1, "cards": ["#).starts_with("not JSON"));
    }

    #[test]
    fn a_backup_with_a_field_this_synack_does_not_know_still_reads() {
        let doc = Document::new(BackupData::default(), 3, Timestamp(0), false);
        let text = String::from_utf8(doc.to_bytes().unwrap()).unwrap();
        let later = text.replacen("{\n", "{\n\"written_by\":\"synack 9\",\n", 1);
        assert_ne!(later, text);
        assert_eq!(Document::parse(&later, 3).unwrap(), doc);
    }

    #[test]
    fn an_empty_backup_reads_back() {
        let doc = Document::new(BackupData::default(), 3, Timestamp(0), false);
        let text = String::from_utf8(doc.to_bytes().unwrap()).unwrap();
        assert!(text.contains("\n\"exported_at\":\"1970-01-01T00:00:00.000Z\",\n"));
        assert!(!text.contains("partial"));
        assert_eq!(Document::parse(&text, 3).unwrap(), doc);
    }

    #[test]
    fn a_review_is_written_as_serde_json_writes_it() {
        let rows = [
            BackupReviewRow {
                id: 7,
                card_id: -2,
                session_id: Some(3),
                reviewed_at: 1_795_219_200_123,
                rating: 1,
                state_before: "review",
                elapsed_days: 0.1 + 0.2,
                scheduled_days: 1e21,
                stability: Some(f64::INFINITY),
                difficulty: Some(-0.0),
                duration_ms: i64::MIN,
                answer: Some("줄\n\"바꿈\"\t\u{1}\\ é"),
            },
            BackupReviewRow {
                id: i64::MAX,
                card_id: 0,
                session_id: None,
                reviewed_at: 253_402_300_800_000, // year 10000
                rating: 4,
                state_before: "new",
                elapsed_days: 0.0,
                scheduled_days: 3.0,
                stability: None,
                difficulty: None,
                duration_ms: 0,
                answer: None,
            },
        ];
        for r in rows {
            let mut ours = Vec::new();
            put_review(&mut ours, &r).unwrap();
            let expected = serde_json::to_string(&r.to_owned()).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), expected);
        }
    }

    /// A small valid backup: one source, session, card and review, as a
    /// synack of schema 3 wrote it (its card's `section` is read and left
    /// out: schema 10 keeps the heading path alone).
    fn valid() -> serde_json::Value {
        serde_json::json!({
            "synack_backup": 1, "schema_version": 3, "exported_at": "2026-11-21T00:00:00.000Z",
            "config": {},
            "sources": [{"id": 1, "path": "/n/tcp.md", "content_hash": "h", "parser": 2,
                         "imported_at": "2026-11-20T00:00:00.000Z"}],
            "sessions": [{"id": 1, "started_at": "2026-11-20T00:00:00.000Z", "ended_at": null,
                          "cram": false, "deck": null, "tag": null, "seen": 1, "again": 0,
                          "hard": 0, "good": 1, "easy": 0, "active_ms": 0}],
            "cards": [{"id": 5, "deck": "TCP", "key": "port", "front": "포트란?", "back": "번호",
                       "kind": "question", "heading_path": ["포트란?"], "section": "포트란?",
                       "source_id": 1, "line": 2, "suspended": false, "missing_since": null,
                       "created_at": "2026-11-20T00:00:00.000Z",
                       "updated_at": "2026-11-20T00:00:00.000Z",
                       "tags": ["포트"], "demos": [], "revisions": [],
                       "state": {"state": "review", "due": null, "stability": 3.0,
                                 "difficulty": 5.0, "step": 0, "reps": 1, "lapses": 0,
                                 "last_review": null, "buried_until": null}}],
            "reviews": [{"id": 9, "card_id": 5, "session_id": 1,
                         "reviewed_at": "2026-11-20T00:00:00.000Z", "rating": 3,
                         "state_before": "new", "elapsed_days": 0.0, "scheduled_days": 3.0,
                         "stability": 3.0, "difficulty": 5.0, "duration_ms": 1000,
                         "answer": "번호"}]
        })
    }

    #[test]
    fn names_the_record_the_database_would_refuse() {
        let check = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut doc = valid();
            change(&mut doc);
            match Document::parse(&doc.to_string(), 3) {
                Ok(_) => "ok".to_string(),
                Err(e) => e.to_string(),
            }
        };
        assert_eq!(check(&|_| {}), "ok");
        type Change<'a> = &'a dyn Fn(&mut serde_json::Value);
        let cases: [(Change, &str); 11] = [
            (
                &|d| d["cards"][0]["kind"] = "weird".into(),
                "card 5: kind \"weird\" is not one of question, topic, qa, open, entry, exercise, cloze",
            ),
            (
                &|d| d["cards"][0]["state"]["state"] = "done".into(),
                "card 5: unknown card state \"done\"",
            ),
            (
                &|d| d["cards"][0]["tags"] = serde_json::json!(["a", "a"]),
                "card 5: tag \"a\" appears twice",
            ),
            (
                &|d| d["cards"][0]["source_id"] = 7.into(),
                "card 5: source 7 is not in the backup",
            ),
            (
                &|d| d["reviews"][0]["rating"] = 0.into(),
                "review 9: rating 0 is not 1 to 4",
            ),
            (
                &|d| d["reviews"][0]["state_before"] = "".into(),
                "review 9: unknown card state \"\"",
            ),
            (
                &|d| d["reviews"][0]["card_id"] = 6.into(),
                "review 9: card 6 is not in the backup",
            ),
            (
                &|d| d["reviews"][0]["session_id"] = 2.into(),
                "review 9: session 2 is not in the backup",
            ),
            (
                &|d| {
                    let c = d["cards"][0].clone();
                    d["cards"].as_array_mut().unwrap().push(c)
                },
                "card id 5 appears twice",
            ),
            (
                &|d| {
                    let mut c = d["cards"][0].clone();
                    c["id"] = 6.into();
                    d["cards"].as_array_mut().unwrap().push(c)
                },
                "card 6: deck \"TCP\" has key \"port\" twice",
            ),
            (
                &|d| {
                    let mut s = d["sources"][0].clone();
                    s["id"] = 2.into();
                    d["sources"].as_array_mut().unwrap().push(s)
                },
                "source 2: path \"/n/tcp.md\" appears twice",
            ),
        ];
        for (change, reason) in cases {
            assert_eq!(check(change), format!("invalid backup: {reason}"));
        }
        // A partial backup may leave out the sources and sessions it names.
        let partial = |d: &mut serde_json::Value| {
            d["partial"] = true.into();
            d["sources"] = serde_json::json!([]);
            d["sessions"] = serde_json::json!([]);
        };
        assert_eq!(check(&partial), "ok");
    }

    /// Regression (issue 24, items 3 and 6): a backup whose settings, note
    /// paths or numbers this synack's own readers refuse was restored, and
    /// then every command failed (`config set` included), or `:edit` opened
    /// whatever file it named. Each is refused, naming the key or record.
    #[test]
    fn refuses_settings_paths_and_numbers_its_readers_reject() {
        let check = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut doc = valid();
            change(&mut doc);
            match Document::parse(&doc.to_string(), 3) {
                Ok(_) => "ok".to_string(),
                Err(e) => e.to_string(),
            }
        };
        let setting = |key: &'static str, value: &'static str| {
            move |d: &mut serde_json::Value| d["config"][key] = value.into()
        };
        let refused: Vec<(String, &str)> = vec![
            (
                check(&setting("desired_retention", "5")),
                "setting \"desired_retention\"",
            ),
            (
                check(&setting("bogus_key", "1")),
                "setting \"bogus_key\": unknown setting",
            ),
            (
                check(&setting("max_interval", "-1")),
                "setting \"max_interval\"",
            ),
            (
                check(&setting("rollover_hour", "99")),
                "setting \"rollover_hour\"",
            ),
            (
                check(&setting("learning_steps", "inf")),
                "setting \"learning_steps\"",
            ),
            (
                check(&setting("fuzz@deck", "true")),
                "setting \"fuzz@deck\"",
            ),
            (
                check(&|d| d["cards"][0]["state"]["reps"] = (-1).into()),
                "card 5: reps -1",
            ),
            (
                check(&|d| d["cards"][0]["state"]["lapses"] = (1i64 << 40).into()),
                "card 5: lapses",
            ),
            (
                check(&|d| d["cards"][0]["line"] = i64::MAX.into()),
                "card 5: line 9223372036854775807",
            ),
            (
                check(&|d| d["cards"][0]["state"]["stability"] = 1e39.into()),
                "card 5: stability",
            ),
            (
                check(&|d| d["reviews"][0]["difficulty"] = (-2.0).into()),
                "review 9: difficulty",
            ),
            (
                check(&|d| d["reviews"][0]["elapsed_days"] = (-1.0).into()),
                "review 9: elapsed_days",
            ),
            (
                check(&|d| d["reviews"][0]["duration_ms"] = (-5).into()),
                "review 9: duration_ms -5",
            ),
            (
                check(&|d| d["sessions"][0]["seen"] = (-1).into()),
                "session 1: seen -1",
            ),
            (
                check(&|d| d["sources"][0]["path"] = "../../etc/passwd".into()),
                "source 1: path",
            ),
            (
                check(&|d| d["sources"][0]["path"] = "/etc/passwd".into()),
                "is not a note file",
            ),
            (
                check(&|d| d["sources"][0]["path"] = "/n/../../etc/x.md".into()),
                "`..` part",
            ),
            (
                check(&|d| d["sources"][0]["path"] = "notes//a.md".into()),
                "not a plain path",
            ),
            (
                check(&|d| d["sources"][0]["path"] = "/n/a\u{1b}[2J.md".into()),
                "control character",
            ),
            (
                check(&|d| d["sources"][0]["path"] = "synack:decks/../x.md".into()),
                "`..` part",
            ),
        ];
        for (got, wanted) in refused {
            assert!(got.starts_with("invalid backup: "), "{got}");
            assert!(got.contains(wanted), "{wanted:?} not in {got:?}");
            assert!(!got.contains('\n'), "{got}");
        }
        // What synack itself writes still reads.
        for path in [
            "/data/notes/tcp.md",
            "notes/a.MARKDOWN",
            "synack:decks/01-transport.md",
            "/n/x.txt",
        ] {
            assert_eq!(
                check(&|d| d["sources"][0]["path"] = path.into()),
                "ok",
                "{path}"
            );
        }
        assert_eq!(
            check(&|d| {
                d["config"] =
                    serde_json::json!({"desired_retention": "0.85", "new_per_day@TCP": "5"})
            }),
            "ok"
        );
        // JSON cannot say infinity: a number too large for an f64 is refused as it is read.
        let mut doc = valid().to_string();
        doc = doc.replace("\"elapsed_days\":0.0", "\"elapsed_days\":1e999");
        assert!(doc.contains("1e999"));
        assert!(Document::parse(&doc, 3).is_err());
    }

    /// Found by the round-trip property: `config set max_interval` allows
    /// due dates past year 9999, which export wrote (`+10000-…`, `@…ms`) but
    /// restore refused as not RFC 3339.
    #[test]
    fn times_past_year_9999_restore() {
        for ms in [253_402_300_800_000, i64::MAX, i64::MIN] {
            let data = BackupData {
                sources: vec![crate::store::BackupSource {
                    id: 1,
                    path: "n.md".into(),
                    content_hash: String::new(),
                    parser: 1,
                    imported_at: ms,
                }],
                ..BackupData::default()
            };
            let doc = Document::new(data, 3, Timestamp(0), false);
            let text = String::from_utf8(doc.to_bytes().unwrap()).unwrap();
            assert_eq!(Document::parse(&text, 3).unwrap(), doc, "{text}");
        }
    }

    mod props {
        //! `export --format json` → `restore`, for any data the schema can
        //! hold: the document reads back as written, a restore gives back
        //! exactly those rows, and a restore that fails writes nothing. The
        //! `restore` cargo-fuzz target (FUZZING.md) throws raw bytes at it.

        use std::collections::BTreeMap;

        use proptest::prelude::*;

        use super::super::*;
        use crate::store::{
            BackupCard, BackupDemo, BackupReview, BackupRevision, BackupSession, BackupSource,
            BackupState, Store, migrations,
        };

        /// Any text, newlines, NULs and Hangul included.
        fn text() -> impl Strategy<Value = String> {
            prop_oneof!["(?s).{0,10}", "[가-힣 ]{0,6}"]
        }

        /// Milliseconds, mostly from year 1 to 9999 (what RFC 3339 can
        /// write), sometimes any at all: a due date a huge `max_interval`
        /// put past year 9999 must restore too.
        fn ms() -> impl Strategy<Value = i64> {
            prop_oneof![
                8 => -62_135_596_800_000i64..=253_402_300_799_999,
                1 => any::<i64>(),
            ]
        }

        fn real() -> impl Strategy<Value = f64> {
            prop_oneof![
                proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL,
                Just(0.0)
            ]
        }

        /// What a restore takes for a count, a line number or a duration:
        /// not negative, and for a count or a line a `u32`.
        fn count() -> impl Strategy<Value = i64> {
            prop_oneof![0i64..100, 0..=i64::from(u32::MAX)]
        }

        /// A memory state's stability or difficulty: finite, not negative,
        /// an `f32` once read.
        fn memory() -> impl Strategy<Value = f64> {
            prop_oneof![Just(0.0), 0.0f64..20.0, 0.0..=f64::from(f32::MAX)]
        }

        /// Settings `synack config` accepts, as a backup carries them.
        fn settings() -> impl Strategy<Value = Vec<(String, String)>> {
            let pairs: Vec<(String, String)> = [
                ("desired_retention", "0.85"),
                ("max_interval", "365"),
                ("learning_steps", "1m 10m"),
                ("relearning_steps", ""),
                ("rollover_hour", "23"),
                ("fuzz", "false"),
                ("leech_suspend", "true"),
                ("new_per_day@덱 하나", "5"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
            proptest::sample::subsequence(pairs, 0..4)
        }

        /// Strictly increasing ids, so the lists are in the order a backup lists them.
        fn ids(n: usize) -> impl Strategy<Value = Vec<i64>> {
            proptest::collection::vec(1i64..1000, n).prop_map(|gaps| {
                gaps.iter()
                    .scan(0i64, |id, gap| {
                        *id += gap;
                        Some(*id)
                    })
                    .collect()
            })
        }

        /// A phase name: what a card's state and a review's `state_before` hold.
        fn phase() -> impl Strategy<Value = &'static str> {
            prop_oneof![
                Just("new"),
                Just("learning"),
                Just("review"),
                Just("relearning")
            ]
        }

        fn state() -> impl Strategy<Value = BackupState> {
            (
                phase(),
                proptest::option::of(ms()),
                (
                    proptest::option::of(memory()),
                    proptest::option::of(memory()),
                ),
                (count(), count(), count()),
                (proptest::option::of(ms()), proptest::option::of(ms())),
            )
                .prop_map(
                    |(
                        state,
                        due,
                        (stability, difficulty),
                        (step, reps, lapses),
                        (last_review, buried_until),
                    )| {
                        BackupState {
                            state: state.into(),
                            due,
                            stability,
                            difficulty,
                            step,
                            reps,
                            lapses,
                            last_review,
                            buried_until,
                        }
                    },
                )
        }

        #[allow(clippy::type_complexity)]
        fn card() -> impl Strategy<Value = (BackupCard, Vec<(BackupRevision, i64)>)> {
            (
                (text(), text(), text(), text()),
                prop_oneof![
                    Just("question"),
                    Just("topic"),
                    Just("qa"),
                    Just("open"),
                    Just("entry")
                ],
                proptest::collection::vec(text(), 0..3),
                (
                    count(),
                    any::<bool>(),
                    proptest::option::of(ms()),
                    ms(),
                    ms(),
                ),
                proptest::collection::btree_set(text(), 0..3),
                proptest::collection::vec((text(), text(), any::<bool>()), 0..3),
                state(),
                proptest::collection::vec((text(), text(), ms(), 1i64..5), 0..3),
            )
                .prop_map(
                    |(
                        (deck, key, front, back),
                        kind,
                        heading_path,
                        (line, suspended, missing_since, created_at, updated_at),
                        tags,
                        demos,
                        state,
                        revisions,
                    )| {
                        let card = BackupCard {
                            id: 0,
                            deck,
                            key,
                            front,
                            back,
                            kind: kind.into(),
                            heading_path,
                            source_id: None,
                            line,
                            suspended,
                            missing_since,
                            created_at,
                            updated_at,
                            tags: tags.into_iter().collect(),
                            demos: demos
                                .into_iter()
                                .map(|(name, args, explicit)| BackupDemo {
                                    name,
                                    args,
                                    explicit,
                                })
                                .collect(),
                            state,
                            revisions: Vec::new(),
                        };
                        let revisions = revisions
                            .into_iter()
                            .map(|(front, back, replaced_at, gap)| {
                                (
                                    BackupRevision {
                                        id: 0,
                                        front,
                                        back,
                                        replaced_at,
                                    },
                                    gap,
                                )
                            })
                            .collect();
                        (card, revisions)
                    },
                )
        }

        /// A whole database's worth of rows that the schema accepts: unique
        /// ids, paths and (deck, key)s, and references that point at rows.
        fn data() -> impl Strategy<Value = BackupData> {
            (0usize..4, 0usize..4, 0usize..6)
                .prop_flat_map(|(n_sources, n_sessions, n_cards)| {
                    (
                        settings(),
                        ids(n_sources),
                        proptest::collection::vec(
                            (
                                prop_oneof![
                                    "(/[가-힣a-z][가-힣a-z ._-]{0,5})?",
                                    "([가-힣a-z][가-힣a-z ._-]{0,5})?",
                                    Just("synack:decks/".to_string())
                                ],
                                prop_oneof![Just("md"), Just("markdown"), Just("TXT")],
                                text(),
                                any::<i64>(),
                                ms(),
                            ),
                            n_sources,
                        ),
                        ids(n_sessions),
                        proptest::collection::vec(
                            (
                                ms(),
                                proptest::option::of(ms()),
                                any::<bool>(),
                                proptest::option::of(text()),
                                proptest::option::of(text()),
                                proptest::array::uniform6(0..=i64::MAX),
                            ),
                            n_sessions,
                        ),
                        ids(n_cards),
                        proptest::collection::vec(
                            (card(), any::<proptest::sample::Index>()),
                            n_cards,
                        ),
                        proptest::collection::vec(
                            (
                                any::<proptest::sample::Index>(),
                                any::<proptest::sample::Index>(),
                                any::<bool>(),
                                ms(),
                                1i64..=4,
                                phase().prop_map(String::from),
                                (real().prop_map(f64::abs), real().prop_map(f64::abs)),
                                (
                                    proptest::option::of(memory()),
                                    proptest::option::of(memory()),
                                ),
                                0..=i64::MAX,
                                proptest::option::of(text()),
                            ),
                            if n_cards == 0 { 0..1 } else { 0..8 },
                        ),
                    )
                })
                .prop_map(
                    |(
                        config,
                        source_ids,
                        sources,
                        session_ids,
                        sessions,
                        card_ids,
                        cards,
                        reviews,
                    )| {
                        let sources: Vec<BackupSource> = source_ids
                            .iter()
                            .zip(sources)
                            .enumerate()
                            .map(
                                |(n, (&id, (dir, ext, content_hash, parser, imported_at)))| {
                                    BackupSource {
                                        id,
                                        // Paths are unique in the schema, and
                                        // plain paths of notes in a backup.
                                        path: format!(
                                            "{dir}{}{n}-note.{ext}",
                                            if dir.is_empty() || dir.ends_with('/') {
                                                ""
                                            } else {
                                                "/"
                                            }
                                        ),
                                        content_hash,
                                        parser,
                                        imported_at,
                                    }
                                },
                            )
                            .collect();
                        let sessions: Vec<BackupSession> = session_ids
                            .iter()
                            .zip(sessions)
                            .map(
                                |(
                                    &id,
                                    (
                                        started_at,
                                        ended_at,
                                        cram,
                                        deck,
                                        tag,
                                        [seen, again, hard, good, easy, active_ms],
                                    ),
                                )| BackupSession {
                                    id,
                                    started_at,
                                    ended_at,
                                    cram,
                                    deck,
                                    tag,
                                    seen,
                                    again,
                                    hard,
                                    good,
                                    easy,
                                    active_ms,
                                },
                            )
                            .collect();
                        let mut revision_id = 0;
                        let cards: Vec<BackupCard> = card_ids
                            .iter()
                            .zip(cards)
                            .enumerate()
                            .map(|(n, (&id, ((mut card, revisions), source)))| {
                                card.id = id;
                                // (deck, key) is unique in the schema.
                                card.key = format!("{n}{}", card.key);
                                card.source_id = (!sources.is_empty() && source.index(2) == 0)
                                    .then(|| sources[source.index(sources.len())].id);
                                card.revisions = revisions
                                    .into_iter()
                                    .map(|(mut r, gap)| {
                                        revision_id += gap;
                                        r.id = revision_id;
                                        r
                                    })
                                    .collect();
                                card
                            })
                            .collect();
                        let reviews = reviews
                            .into_iter()
                            .enumerate()
                            .filter(|_| !cards.is_empty())
                            .map(
                                |(
                                    n,
                                    (
                                        card,
                                        session,
                                        in_session,
                                        reviewed_at,
                                        rating,
                                        state_before,
                                        (elapsed_days, scheduled_days),
                                        (stability, difficulty),
                                        duration_ms,
                                        answer,
                                    ),
                                )| BackupReview {
                                    id: n as i64 + 1,
                                    card_id: cards[card.index(cards.len())].id,
                                    session_id: (in_session && !sessions.is_empty())
                                        .then(|| sessions[session.index(sessions.len())].id),
                                    reviewed_at,
                                    rating,
                                    state_before,
                                    elapsed_days,
                                    scheduled_days,
                                    stability,
                                    difficulty,
                                    duration_ms,
                                    answer,
                                },
                            )
                            .collect();
                        BackupData {
                            config: config.into_iter().collect::<BTreeMap<_, _>>(),
                            sources,
                            cards,
                            reviews,
                            sessions,
                        }
                    },
                )
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn a_backup_restores_to_the_rows_it_was_made_from(data in data()) {
                let schema = migrations::latest_version();
                let doc = Document::new(data.clone(), schema, Timestamp(0), false);
                let text = String::from_utf8(doc.to_bytes().unwrap()).unwrap();
                let read = Document::parse(&text, schema).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(&read, &doc);
                // Earlier synacks wrote the same document pretty-printed.
                let pretty = serde_json::to_string_pretty(&doc).unwrap();
                prop_assert_eq!(&Document::parse(&pretty, schema).unwrap(), &doc);
                let mut store = Store::open_in_memory().unwrap();
                store.restore(&read.data).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(store.backup_data().unwrap(), data);
                // Streamed from the database, the file is the document's bytes,
                // one line per record.
                let mut streamed = Vec::new();
                write(&mut streamed, &store, schema, Timestamp(0), None).unwrap();
                prop_assert_eq!(String::from_utf8(streamed).unwrap(), text.clone());
                let d = &doc.data;
                let arrays = [d.sources.len(), d.cards.len(), d.reviews.len(), d.sessions.len()];
                let records: usize = arrays.iter().sum();
                let closed = arrays.iter().filter(|&&n| n > 0).count();
                // `{`, four fields and four array openers, the records, a `]` per
                // array with any, `}`.
                prop_assert_eq!(text.lines().count(), 1 + 8 + records + closed + 1);
            }

            #[test]
            fn a_backup_read_in_parts_by_two_threads_is_the_documents_bytes(
                data in data(),
                size in (1i64..4, 1i64..6),
                keep in proptest::collection::vec(any::<bool>(), 0..12),
            ) {
                // A file, so that a second connection reads half the parts.
                let dir = tempfile::tempdir().unwrap();
                let mut store = Store::open(&dir.path().join("synack.db")).unwrap();
                store.restore(&data).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let schema = migrations::latest_version();
                let size = PartSize { cards: size.0, reviews: size.1 };
                let whole = Document::new(data.clone(), schema, Timestamp(0), false);
                let mut streamed = Vec::new();
                write_in_parts(&mut streamed, &store, schema, Timestamp(0), None, size).unwrap();
                prop_assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    String::from_utf8(whole.to_bytes().unwrap()).unwrap()
                );
                let ids: BTreeSet<i64> = data
                    .cards
                    .iter()
                    .zip(keep.iter().cycle())
                    .filter(|&(_, &kept)| kept)
                    .map(|(c, _)| c.id)
                    .collect();
                let part = Document::new(crate::export::select(data, &ids), schema, Timestamp(0), true);
                let mut streamed = Vec::new();
                write_in_parts(&mut streamed, &store, schema, Timestamp(0), Some(&ids), size).unwrap();
                prop_assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    String::from_utf8(part.to_bytes().unwrap()).unwrap()
                );
            }

            #[test]
            fn a_restore_that_fails_writes_nothing(data in data(), dangling in 1i64..1000) {
                // A review of a card the backup does not have breaks a foreign key,
                // after every other row has gone in.
                let mut data = data;
                let missing = data.cards.last().map_or(0, |c| c.id) + dangling;
                data.reviews.push(BackupReview {
                    id: data.reviews.last().map_or(0, |r| r.id) + 1,
                    card_id: missing,
                    session_id: None,
                    reviewed_at: 0,
                    rating: 3,
                    state_before: "new".into(),
                    elapsed_days: 0.0,
                    scheduled_days: 0.0,
                    stability: None,
                    difficulty: None,
                    duration_ms: 0,
                    answer: None,
                });
                let mut store = Store::open_in_memory().unwrap();
                prop_assert!(store.restore(&data).is_err());
                prop_assert!(store.is_empty().unwrap());
                prop_assert_eq!(store.backup_data().unwrap(), BackupData::default());
            }
        }
    }
}
