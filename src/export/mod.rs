//! Exports: views of the store in other formats, for backup and for other tools.
//!
//! Every format is built from one [`BackupData`] read in a single pass, so the
//! formats agree with each other: [`json`] (the lossless backup `synack restore`
//! reads), [`csv`] (one row per card, for spreadsheets), [`anki`] (Anki's
//! tab-separated import format) and [`revlog`] (the review log in the FSRS
//! optimizer's schema). [`report`] is the self-assessment (stats, Markdown
//! and HTML with charts), computed from the review log. Nothing here reads a
//! clock or writes to the store.

pub mod anki;
pub mod csv;
pub mod json;
pub mod report;
pub mod revlog;

use std::collections::BTreeSet;

use crate::store::BackupData;

/// Keeps the cards in `ids` and what they need: their reviews, the notes they
/// came from and the sessions those reviews were part of. Config is kept whole.
pub fn select(data: BackupData, ids: &BTreeSet<i64>) -> BackupData {
    let cards: Vec<_> = data
        .cards
        .into_iter()
        .filter(|c| ids.contains(&c.id))
        .collect();
    let reviews: Vec<_> = data
        .reviews
        .into_iter()
        .filter(|r| ids.contains(&r.card_id))
        .collect();
    let sources: BTreeSet<i64> = cards.iter().filter_map(|c| c.source_id).collect();
    let sessions: BTreeSet<i64> = reviews.iter().filter_map(|r| r.session_id).collect();
    BackupData {
        config: data.config,
        sources: data
            .sources
            .into_iter()
            .filter(|s| sources.contains(&s.id))
            .collect(),
        cards,
        reviews,
        sessions: data
            .sessions
            .into_iter()
            .filter(|s| sessions.contains(&s.id))
            .collect(),
    }
}

/// Tags as one space-separated field; a space inside a tag becomes `_`, so
/// the list splits back into the same tags.
pub fn joined_tags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
        .collect::<Vec<_>>()
        .join(" ")
}
