//! `synack import`: notes on disk → cards in the store, in one transaction.
//!
//! Files are read and checked first ([`files`]), so bad input stops the import
//! before the database is touched. Then, inside one transaction, each file
//! whose content hash (and parser version) is unchanged is skipped unparsed;
//! the others are parsed and reconciled with what is stored:
//! - a card keeps its id while its deck and normalized front stay the same,
//!   so an edited answer keeps its schedule and history;
//! - a reworded front is matched to its old card by likeness within the same
//!   file ([`renames`]) and reported as renamed;
//! - a card whose text left the notes is suspended (marked missing), never
//!   deleted, and comes back when the text returns.
//!
//! The changed files are parsed on the other cores while the calling thread
//! writes them, in file order, and on its core too whenever the next file is
//! not parsed yet (`parse_in_order`); the parsing threads run a little
//! behind it, since the writer is the one they all wait for.
//!
//! A card's demo links follow its note: the `demo:` links written in it, or
//! those its topic calls for ([`deck::links`], with the keywords of
//! [`crate::sim::DEMOS`]); a link to a demo that does not exist is left out
//! with a warning naming the file and line.

pub mod files;
pub mod renames;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use serde::Serialize;

use crate::clock::Timestamp;
use crate::deck::{self, Card, CardKind, Skipped, links};
use crate::store::{ExistingCard, RowStrings, Store, StoreError, Tx};
pub use files::{FileError, NoteFile};

/// What happened to one file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FileReport {
    pub path: String,
    pub deck: String,
    /// False when the file's content was unchanged and it was not parsed again.
    pub parsed: bool,
    pub added: usize,
    pub updated: usize,
    pub renamed: usize,
    pub unchanged: usize,
    pub suspended: usize,
    pub restored: usize,
    /// Open questions (cards with no answer yet) in the file.
    pub open: usize,
    pub renames: Vec<Rename>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// A card whose front was reworded in the notes.
#[derive(Debug, Clone, Serialize)]
pub struct Rename {
    pub id: i64,
    pub from: String,
    pub to: String,
}

/// The whole import.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub totals: Totals,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub files: usize,
    pub parsed: usize,
    pub added: usize,
    pub updated: usize,
    pub renamed: usize,
    pub unchanged: usize,
    pub suspended: usize,
    pub restored: usize,
    pub open: usize,
    pub skipped: usize,
}

impl Report {
    /// True when no file had to be parsed, so nothing was written.
    pub fn wrote_nothing(&self) -> bool {
        self.totals.parsed == 0
    }

    fn total(&mut self) {
        let mut t = Totals {
            files: self.files.len(),
            ..Totals::default()
        };
        for f in &self.files {
            t.parsed += usize::from(f.parsed);
            t.added += f.added;
            t.updated += f.updated;
            t.renamed += f.renamed;
            t.unchanged += f.unchanged;
            t.suspended += f.suspended;
            t.restored += f.restored;
            t.open += f.open;
            t.skipped += f.skipped.len();
        }
        self.totals = t;
    }
}

/// A parsed file waiting to be written.
struct Parsed<'f> {
    file: &'f NoteFile,
    note: deck::Note,
    /// Per card of `note`: its row's other strings. Made on the parsing
    /// thread ([`RowStrings`]).
    rows: Vec<RowStrings>,
    source_id: Option<i64>,
    report: FileReport,
}

/// A file whose content changed (or is new): parsed, then written.
struct Job {
    file: NoteFile,
    /// The importer's flags (`--cloze-bold`, `--deck`).
    options: deck::Options,
    source_id: Option<i64>,
    report: FileReport,
}

/// Imports `notes` into `store` in one transaction; on any error nothing is written.
///
/// Changed files are parsed on every core while this thread writes what is
/// already parsed (and parses when it has nothing to write); results are
/// taken in file order, so ids and the report are the same as with one
/// thread.
pub fn import(
    store: &mut Store,
    notes: Vec<NoteFile>,
    now: Timestamp,
) -> Result<Report, StoreError> {
    import_with(store, notes, now, &deck::Options::default())
}

/// [`import`] with the flags of `synack import` (`--cloze-bold`, `--deck`).
pub fn import_with(
    store: &mut Store,
    notes: Vec<NoteFile>,
    now: Timestamp,
    options: &deck::Options,
) -> Result<Report, StoreError> {
    let tx = store.import_transaction()?;
    let mut report = Report::default();
    let mut jobs: Vec<Job> = Vec::new();

    for file in notes {
        let source = tx.source(&file.source_path)?;
        let mut fr = FileReport {
            path: file.display.clone(),
            warnings: file.warnings.clone(),
            ..FileReport::default()
        };
        if let Some(src) = &source
            && src.content_hash == file.hash
            && src.parser == deck::PARSER_VERSION
        {
            // Counted in SQL: reading every card of every unchanged file
            // made a no-op re-import of 100k cards take over a second.
            let summary = tx.source_summary(src.id)?;
            fr.deck = summary.deck;
            fr.unchanged = summary.cards;
            fr.open = summary.open;
            report.files.push(fr);
            continue;
        }
        jobs.push(Job {
            file,
            options: options.clone(),
            source_id: source.map(|s| s.id),
            report: fr,
        });
    }

    // A store with no cards has nothing to match, rename or suspend: each
    // file can be written as soon as it is parsed, without a lookup per card.
    let empty = !tx.has_cards()?;
    let rules = links::Rules::new(&demo_table());
    let mut claims = Claims::default();
    let mut claimed_files = Vec::new();
    parse_in_order(&jobs, &rules, |mut p| {
        let c = claim(&tx, &mut p, &mut claims, !empty)?;
        if empty {
            write(&tx, &mut p, &c, &mut claims, false, now)?;
            report.files.push(std::mem::take(&mut p.report));
            Ok(Some(Box::new((p, c, tx.take_written()))))
        } else {
            claimed_files.push((p, c));
            Ok(None)
        }
    })?;
    // Which stored cards every file claims must be known before any file's
    // leftovers are suspended: a card may have moved to a later file.
    for (mut p, c) in claimed_files {
        write(&tx, &mut p, &c, &mut claims, true, now)?;
        report.files.push(p.report);
    }

    report.total();
    if report.totals.parsed > 0 {
        tx.commit()?;
    }
    Ok(report)
}

/// The demos' names and keywords, as the topic rules read them.
fn demo_table() -> Vec<(&'static str, &'static [&'static str])> {
    crate::sim::DEMOS
        .iter()
        .map(|d| (d.name, d.keywords))
        .collect()
}

/// Parses one changed file and settles its demo links. Pure: runs on any thread.
fn parse_one<'f>(job: &'f Job, rules: &links::Rules<'_>) -> Parsed<'f> {
    let file = &job.file;
    let mut fr = job.report.clone();
    let mut note = deck::parse_note_with(&file.text, &deck_fallback(file), &job.options);
    let topic_rules = !file.source_path.starts_with(deck::shipped::SOURCE_PREFIX);
    for u in rules.settle(&mut note, topic_rules) {
        fr.warnings.push(crate::tr!(
            "import-warning-unknown-demo",
            path = file.display.as_str(),
            line = u.line.to_string(),
            name = format!("{:?}", u.name)
        ));
    }
    fr.parsed = true;
    fr.deck = note.deck.clone();
    fr.open = note
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Open)
        .count();
    fr.skipped = note.skipped.clone();
    let rows = note
        .cards
        .iter()
        .map(|card| RowStrings::new(&note.deck, card))
        .collect();
    Parsed {
        file,
        note,
        rows,
        source_id: job.source_id,
        report: fr,
    }
}

/// The deck of a note with no `#` heading: its file's name, unless that
/// name is an export's hash (`003_38884b69cd502adf`), which names nothing;
/// then its title line (`TCP 정리` standing alone on the first line), else
/// the folder it is in.
fn deck_fallback(file: &NoteFile) -> String {
    if !hash_like(&file.stem) {
        return file.stem.clone();
    }
    if let Some(title) = deck::parse::title_line(&file.text) {
        return title;
    }
    std::path::Path::new(&file.source_path)
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && !hash_like(n))
        .unwrap_or_else(|| file.stem.clone())
}

/// A name that is a run of at least 12 hex digits, mixing digits and
/// letters, after an optional number and `_`/`-`.
fn hash_like(stem: &str) -> bool {
    let after_number = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = after_number.strip_prefix(['_', '-']).unwrap_or(stem);
    rest.len() >= 12
        && rest.bytes().all(|b| b.is_ascii_hexdigit())
        && rest.bytes().any(|b| b.is_ascii_digit())
        && rest.bytes().any(|b| b.is_ascii_alphabetic())
}

/// What `take` is done with, to be dropped by the thread that parsed it.
type Garbage<'f> = Box<dyn Send + 'f>;

/// Parses `jobs` on every core and hands each result to `take` on this
/// thread, in the order of `jobs`. An error from `take` stops the workers
/// (their next send fails) and is returned.
///
/// This thread, which writes, is the one the others wait for: it takes a
/// core of its own, and the workers the rest. When the next file in order is
/// not parsed yet, it parses a file itself rather than wait. With one worker
/// per core besides, three threads shared two cores: the writer, preempted
/// by a worker, fell behind and wrote the last tenth of a fresh import alone
/// with a core idle. Fresh import of 100k cards, 16 interleaved pairs:
/// median wall time 0.825 → 0.665 s, user time 1.30 → 1.14 s (issue 7).
///
/// What `take` gives back goes back to the thread that parsed the file and
/// is dropped there: freeing memory another thread allocated is mimalloc's
/// slow path (a twentieth of writing a fresh import; issue 7).
fn parse_in_order<'f>(
    jobs: &'f [Job],
    rules: &links::Rules<'_>,
    mut take: impl FnMut(Parsed<'f>) -> Result<Option<Garbage<'f>>, StoreError>,
) -> Result<(), StoreError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    if threads <= 1 {
        return jobs
            .iter()
            .try_for_each(|job| take(parse_one(job, rules)).map(drop));
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (sender, results) = mpsc::channel::<(usize, ParsedBy, Parsed<'f>)>();
        let mut bins = Vec::with_capacity(threads - 1);
        for worker in 0..threads - 1 {
            let (sender, next) = (sender.clone(), &next);
            let (bin, garbage) = mpsc::channel::<Garbage<'f>>();
            bins.push(bin);
            scope.spawn(move || {
                behind_the_writer();
                loop {
                    garbage.try_iter().for_each(drop);
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let parsed = parse_one(job, rules);
                    if sender.send((i, ParsedBy::Worker(worker), parsed)).is_err() {
                        break;
                    }
                }
                // The rest as it comes, until this thread's bin is dropped.
                drop(sender);
                garbage.into_iter().for_each(drop);
            });
        }
        drop(sender);
        // Results arrive in any order; they are handed on in file order.
        let mut waiting: BTreeMap<usize, (ParsedBy, Parsed<'f>)> = BTreeMap::new();
        let mut want = 0;
        while want < jobs.len() {
            while let Some((by, p)) = waiting.remove(&want) {
                want += 1;
                let garbage = take(p)?;
                if let (Some(g), ParsedBy::Worker(worker)) = (garbage, by) {
                    // A worker that is gone takes nothing: dropped here.
                    let _ = bins[worker].send(g);
                }
            }
            if want == jobs.len() {
                break;
            }
            let ready = results.try_recv().ok().or_else(|| {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let job = jobs.get(i)?;
                Some((i, ParsedBy::Writer, parse_one(job, rules)))
            });
            // Nothing ready and every file taken: wait for a worker's.
            let Some((i, by, parsed)) = ready.or_else(|| results.recv().ok()) else {
                break;
            };
            waiting.insert(i, (by, parsed));
        }
        Ok(())
    })
}

/// Which thread parsed a file: where its garbage goes.
#[derive(Debug, Clone, Copy)]
enum ParsedBy {
    Writer,
    Worker(usize),
}

/// Lets the thread that writes run first whenever it can: a parsing thread
/// steps back to niceness 3 for the rest of its short life (Linux; never
/// up: a process started nicer keeps its own). The writer is the thread the
/// others wait for. When each worker had a core's share and the writer
/// none of its own (three threads on two cores, no priorities), it had a
/// third of the CPU while the workers ran, then wrote alone with a core
/// idle: fresh import of 100k cards, ten interleaved runs each, wall time
/// per CPU second 0.68 → 0.63 (issue 7). It now has a core of its own
/// ([`parse_in_order`]), and this still keeps a worker the scheduler puts
/// beside it from taking its time. A system that refuses leaves the thread
/// as it is.
#[cfg(target_os = "linux")]
fn behind_the_writer() {
    use thread_priority::{ThreadPriority, ThreadPriorityValue};
    // On `thread_priority`'s scale, 0 (lowest) to 99, a normal thread's
    // niceness on Linux is `⌊39 × (1 − p / 99)⌋ − 20`: 40 is niceness 3.
    // Niceness 5 did no better; the mildest that does leaves the most to
    // other programs.
    const NICENESS: i64 = 3;
    const PRIORITY: u8 = 40;
    if niceness().is_some_and(|n| n < NICENESS)
        && let Ok(value) = ThreadPriorityValue::try_from(PRIORITY)
    {
        let _ = thread_priority::set_current_thread_priority(ThreadPriority::Crossplatform(value));
    }
}

#[cfg(not(target_os = "linux"))]
fn behind_the_writer() {}

/// This thread's niceness: field 19 of its `stat`, counted after the name in
/// parentheses (which may hold spaces).
#[cfg(target_os = "linux")]
fn niceness() -> Option<i64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(16)?.parse().ok()
}

/// The claims' hasher: std's SipHash, which resists keys chosen to collide,
/// was most of claiming a card (3% of writing a fresh import); these keys
/// come from the user's own notes.
type Fast = foldhash::fast::RandomState;

/// What this import has claimed so far, across its files.
#[derive(Default)]
struct Claims {
    /// Existing cards matched by identity; each id claimed once.
    ids: HashSet<i64, Fast>,
    /// Identities of cards new to the store, so a second note of the same deck
    /// cannot add the same card again in this import: keys by deck, the
    /// deck's name stored and hashed once per note rather than per card.
    new_keys: HashMap<String, HashSet<String, Fast>, Fast>,
}

/// One file's cards, sorted by what the store already holds.
struct Claim {
    /// Cards that are stored cards, by identity: (index in the note, stored card).
    matched: Vec<(usize, ExistingCard)>,
    /// Cards new to the store (or renamed): indices in the note.
    fresh: Vec<usize>,
}

/// Matches a file's cards by identity (across all files of this import, in
/// order). With `lookup` off (a store with no cards) nothing can match.
fn claim(
    tx: &Tx<'_>,
    p: &mut Parsed<'_>,
    claims: &mut Claims,
    lookup: bool,
) -> Result<Claim, StoreError> {
    let mut matched = Vec::new();
    let mut fresh = Vec::new();
    let new_keys = claims.new_keys.entry(p.note.deck.clone()).or_default();
    for i in 0..p.note.cards.len() {
        // A front another note of the deck already holds is told apart by
        // this note's name rather than dropped (issue 27: the second
        // note's facts were lost); the same name each import, so it keeps
        // its identity.
        for attempt in 0..2 {
            let card = &p.note.cards[i];
            let existing = if lookup {
                tx.card_by_key(&p.note.deck, &card.key)?
            } else {
                None
            };
            let keep = match existing {
                Some(existing) if claims.ids.insert(existing.id) => {
                    matched.push((i, existing));
                    true
                }
                Some(_) => false,
                None => {
                    if new_keys.insert(card.key.clone()) {
                        fresh.push(i);
                        true
                    } else {
                        false
                    }
                }
            };
            if keep {
                break;
            }
            if attempt == 0 {
                let card = &mut p.note.cards[i];
                card.front = format!("{} ({})", card.front, p.file.stem);
                card.key = deck::key::normalize(&card.front);
                continue;
            }
            p.report.skipped.push(Skipped {
                line: card.line,
                reason: crate::tr!(
                    "import-skipped-same-front",
                    deck = format!("{:?}", p.note.deck),
                    front = format!("{:?}", card.front)
                ),
            });
        }
    }
    Ok(Claim { matched, fresh })
}

/// Writes one claimed file: updates its matched cards, pairs what it used to
/// hold and no longer names with its new cards (renames), suspends the rest
/// and adds what is new. `stored` is off when the store held no card at all
/// when the import began, so the file can have nothing to rename or suspend.
fn write(
    tx: &Tx<'_>,
    p: &mut Parsed<'_>,
    c: &Claim,
    claims: &mut Claims,
    stored: bool,
    now: Timestamp,
) -> Result<(), StoreError> {
    let source_id =
        tx.upsert_source(&p.file.source_path, &p.file.hash, deck::PARSER_VERSION, now)?;
    for (i, existing) in &c.matched {
        let card = &p.note.cards[*i];
        let moved = existing.source_id != Some(source_id) || existing.line != card.line;
        if existing.missing {
            p.report.restored += 1;
        } else if existing.content_differs(card) || existing.deck != p.note.deck {
            p.report.updated += 1;
        } else {
            p.report.unchanged += 1;
            if !moved {
                continue;
            }
        }
        tx.update_card(existing, &p.rows[*i], card, source_id, now)?;
    }

    // What this file used to hold and no longer names: renamed, or gone.
    let gone: Vec<ExistingCard> = match p.source_id {
        Some(id) if stored => tx
            .cards_of_source(id)?
            .into_iter()
            .filter(|c| !c.missing && !claims.ids.contains(&c.id))
            .collect(),
        _ => Vec::new(),
    };
    let old_texts: Vec<renames::Text<'_>> = gone
        .iter()
        .map(|c| renames::Text {
            front: &c.front,
            back: &c.back,
        })
        .collect();
    let new_texts: Vec<renames::Text<'_>> = c
        .fresh
        .iter()
        .map(|&i| renames::Text {
            front: &p.note.cards[i].front,
            back: &p.note.cards[i].back,
        })
        .collect();
    let pairs = renames::pair(&old_texts, &new_texts);
    let mut renamed_new = vec![false; c.fresh.len()];
    let mut renamed_old = vec![false; gone.len()];
    for &(o, j) in &pairs {
        let card: &Card = &p.note.cards[c.fresh[j]];
        let old = &gone[o];
        tx.update_card(old, &p.rows[c.fresh[j]], card, source_id, now)?;
        claims.ids.insert(old.id);
        renamed_old[o] = true;
        renamed_new[j] = true;
        p.report.renamed += 1;
        p.report.renames.push(Rename {
            id: old.id,
            from: old.front.clone(),
            to: card.front.clone(),
        });
    }
    for (o, old) in gone.iter().enumerate() {
        if !renamed_old[o] {
            tx.mark_missing(old.id, now)?;
            p.report.suspended += 1;
        }
    }
    // The rest are new: their cards are moved into the store, not copied
    // (`fresh` is in note order).
    let mut added = c
        .fresh
        .iter()
        .zip(&renamed_new)
        .filter(|(_, renamed)| !**renamed)
        .map(|(&i, _)| i)
        .peekable();
    let rows = std::mem::take(&mut p.rows);
    for (i, (card, row)) in std::mem::take(&mut p.note.cards)
        .into_iter()
        .zip(rows)
        .enumerate()
    {
        if added.next_if_eq(&i).is_some() {
            tx.insert_card(row, card, source_id, now)?;
            p.report.added += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(i: usize) -> Job {
        let text = format!("# 덱 {i}\n\n## 질문 {i}은 무엇인가요?\n\n- 답 {i}\n");
        Job {
            file: NoteFile {
                source_path: format!("/notes/{i}.md"),
                display: format!("{i}.md"),
                stem: i.to_string(),
                hash: String::new(),
                text,
                warnings: Vec::new(),
            },
            options: deck::Options::default(),
            source_id: None,
            report: FileReport::default(),
        }
    }

    /// Whoever parses a file (a worker, or the writer while it has nothing
    /// to write), each is handed on once, in file order; a slow writer lets
    /// the workers run ahead, a fast one parses files itself.
    #[test]
    fn parsed_files_are_taken_once_each_in_file_order() {
        let jobs: Vec<Job> = (0..64).map(job).collect();
        let rules = links::Rules::new(&demo_table());
        for slow_every in [0, 3] {
            let mut taken = Vec::new();
            parse_in_order(&jobs, &rules, |p| {
                taken.push(p.file.stem.clone());
                assert_eq!(p.note.deck, format!("덱 {}", p.file.stem));
                if slow_every > 0 && taken.len() % slow_every == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                Ok(Some(Box::new(p)))
            })
            .unwrap();
            let expected: Vec<String> = (0..64).map(|i| i.to_string()).collect();
            assert_eq!(taken, expected, "slow_every {slow_every}");
        }
    }

    /// An error from the writer stops the import there: nothing after it is
    /// taken, and no thread is left waiting.
    #[test]
    fn an_error_from_the_writer_stops_the_parsing() {
        let jobs: Vec<Job> = (0..64).map(job).collect();
        let rules = links::Rules::new(&demo_table());
        let mut taken = 0;
        let result = parse_in_order(&jobs, &rules, |_| {
            taken += 1;
            if taken == 10 {
                return Err(StoreError::Busy {
                    path: "test.db".into(),
                });
            }
            Ok(None)
        });
        assert!(result.is_err());
        assert_eq!(taken, 10);
    }

    #[test]
    fn a_hash_named_file_takes_its_deck_from_its_folder() {
        for stem in [
            "003_38884b69cd502adf",
            "38884b69cd502adf1234",
            "a1b2c3d4e5f60718",
        ] {
            assert!(hash_like(stem), "{stem}");
        }
        for stem in [
            "tcp",
            "2024-notes",
            "deadbeef",
            "003_네트워크",
            "facade",
            "1234567890123",
        ] {
            assert!(!hash_like(stem), "{stem}");
        }
        let mut file = job(1).file;
        file.stem = "003_38884b69cd502adf".into();
        file.source_path = "/notes/면접 준비/003_38884b69cd502adf.txt".into();
        assert_eq!(deck_fallback(&file), "면접 준비");
        // A title line names the deck better than the folder.
        file.text = "네트워크 정리\n\n본문\n".into();
        assert_eq!(deck_fallback(&file), "네트워크 정리");
        file.stem = "tcp".into();
        assert_eq!(deck_fallback(&file), "tcp");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_parsing_thread_runs_behind_the_writer_and_the_writer_keeps_its_place() {
        use super::{behind_the_writer, niceness};
        let writer = niceness().unwrap();
        let parser = std::thread::spawn(|| {
            behind_the_writer();
            niceness().unwrap()
        })
        .join()
        .unwrap();
        assert_eq!(parser, writer.max(3));
        assert_eq!(niceness().unwrap(), writer);
    }
}
