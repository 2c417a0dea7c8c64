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
//! A card's demo links follow its note: the `demo:` links written in it, or
//! those its topic calls for ([`deck::links`], with the keywords of
//! [`crate::sim::DEMOS`]); a link to a demo that does not exist is left out
//! with a warning naming the file and line.

pub mod files;
pub mod renames;

use std::collections::HashSet;

use serde::Serialize;

use crate::clock::Timestamp;
use crate::deck::{self, Card, CardKind, Skipped};
use crate::store::{ExistingCard, Store, StoreError, Tx};
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
struct Parsed {
    file: NoteFile,
    note: deck::Note,
    source_id: Option<i64>,
    report: FileReport,
}

/// Imports `notes` into `store` in one transaction; on any error nothing is written.
pub fn import(
    store: &mut Store,
    notes: Vec<NoteFile>,
    now: Timestamp,
) -> Result<Report, StoreError> {
    let tx = store.transaction()?;
    let mut report = Report::default();
    let mut changed: Vec<Parsed> = Vec::new();

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
        let mut note = deck::parse_note(&file.text, &file.stem);
        let rules = !file.source_path.starts_with(deck::shipped::SOURCE_PREFIX);
        for u in deck::links::settle(&mut note, &demo_table(), rules) {
            fr.warnings.push(format!(
                "{}:{}: unknown demo {:?} in a demo: link, left out (see `synack demo list`)",
                file.display, u.line, u.name
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
        changed.push(Parsed {
            source_id: source.map(|s| s.id),
            file,
            note,
            report: fr,
        });
    }

    reconcile(&tx, &mut changed, now)?;
    report.files.extend(changed.into_iter().map(|p| p.report));
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

/// Writes the parsed files: matches by key first (across all files of this
/// import), then renames within each file, then suspends what is left.
fn reconcile(tx: &Tx<'_>, changed: &mut [Parsed], now: Timestamp) -> Result<(), StoreError> {
    // Which existing card each parsed card is, by identity; ids claimed once.
    let mut claimed: HashSet<i64> = HashSet::new();
    // Identities of cards new to the store, so a second note of the same deck
    // cannot add the same card again in this import.
    let mut new_keys: HashSet<(String, String)> = HashSet::new();
    let mut matched: Vec<Vec<(usize, ExistingCard)>> = Vec::with_capacity(changed.len());
    let mut fresh: Vec<Vec<usize>> = Vec::with_capacity(changed.len());

    for p in changed.iter_mut() {
        let mut m = Vec::new();
        let mut f = Vec::new();
        let mut keep = vec![true; p.note.cards.len()];
        for (i, card) in p.note.cards.iter().enumerate() {
            let identity = (p.note.deck.clone(), card.key.clone());
            match tx.card_by_key(&p.note.deck, &card.key)? {
                Some(existing) if claimed.insert(existing.id) => m.push((i, existing)),
                Some(_) => keep[i] = false,
                None if new_keys.contains(&identity) => keep[i] = false,
                None => {
                    new_keys.insert(identity);
                    f.push(i);
                }
            }
            if !keep[i] {
                p.report.skipped.push(Skipped {
                    line: card.line,
                    reason: format!(
                        "same front as a card in another note of deck {:?}: {:?}",
                        p.note.deck, card.front
                    ),
                });
            }
        }
        matched.push(m);
        fresh.push(f);
    }

    for (n, p) in changed.iter_mut().enumerate() {
        let source_id =
            tx.upsert_source(&p.file.source_path, &p.file.hash, deck::PARSER_VERSION, now)?;
        for (i, existing) in &matched[n] {
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
            tx.update_card(existing, &p.note.deck, card, source_id, now)?;
        }

        // What this file used to hold and no longer names: renamed, or gone.
        let gone: Vec<ExistingCard> = match p.source_id {
            Some(id) => tx
                .cards_of_source(id)?
                .into_iter()
                .filter(|c| !c.missing && !claimed.contains(&c.id))
                .collect(),
            None => Vec::new(),
        };
        let old_texts: Vec<renames::Text<'_>> = gone
            .iter()
            .map(|c| renames::Text {
                front: &c.front,
                back: &c.back,
            })
            .collect();
        let new_texts: Vec<renames::Text<'_>> = fresh[n]
            .iter()
            .map(|&i| renames::Text {
                front: &p.note.cards[i].front,
                back: &p.note.cards[i].back,
            })
            .collect();
        let pairs = renames::pair(&old_texts, &new_texts);
        let mut renamed_new = vec![false; fresh[n].len()];
        let mut renamed_old = vec![false; gone.len()];
        for &(o, j) in &pairs {
            let card: &Card = &p.note.cards[fresh[n][j]];
            let old = &gone[o];
            tx.update_card(old, &p.note.deck, card, source_id, now)?;
            claimed.insert(old.id);
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
        for (j, &i) in fresh[n].iter().enumerate() {
            if !renamed_new[j] {
                tx.insert_card(&p.note.deck, &p.note.cards[i], source_id, now)?;
                p.report.added += 1;
            }
        }
    }
    Ok(())
}
