//! Notes → cards: the rules that turn a Markdown note into flashcards.
//!
//! [`parse::parse_note`] reads one note and returns its [`Note`]: the deck it
//! belongs to and its [`Card`]s. Nothing here touches the database or the file
//! system; [`crate::import`] feeds text in and the store keeps what comes out.
//! [`links`] finds the demos a card links to.

#[cfg(test)]
mod accounting;
mod blocks;
pub mod cloze;
pub mod doctor;
pub mod exercises;
pub mod front_matter;
pub mod glossary;
mod halves;
mod inline;
pub mod key;
pub mod links;
mod obsidian;
pub mod parse;
#[cfg(test)]
mod props;
pub mod question;
pub mod recall;
pub mod shipped;
mod split;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use parse::{Options, parse_note, parse_note_with};

/// Bumped whenever the card rules change, so unchanged files are parsed again
/// with the new rules instead of being skipped by their content hash.
pub const PARSER_VERSION: i64 = 6;

/// How a card came out of the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    /// A heading phrased as a question; the back is what stands under it.
    Question,
    /// A heading that is not a question but has a body; the front is its breadcrumb.
    Topic,
    /// An inline question/answer pair (`Q:`/`A:`, `::`, `?` blocks, a question paragraph).
    Qa,
    /// A question with no answer in the notes yet.
    Open,
    /// One entry of a plain-text listing (a blog index): title and summary.
    Entry,
    /// An exercise template (`exercise:handshake/next-state` in a note): the
    /// front is the template's name; each review asks a fresh question.
    Exercise,
    /// A sentence with a part hidden (`{{c1::…}}`, `==…==`, a `C:` line):
    /// the front shows `[…]` where the part was, the back the whole sentence.
    Cloze,
}

impl CardKind {
    pub const ALL: [CardKind; 7] = [
        CardKind::Question,
        CardKind::Topic,
        CardKind::Qa,
        CardKind::Open,
        CardKind::Entry,
        CardKind::Exercise,
        CardKind::Cloze,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Question => "question",
            CardKind::Topic => "topic",
            CardKind::Qa => "qa",
            CardKind::Open => "open",
            CardKind::Entry => "entry",
            CardKind::Exercise => "exercise",
            CardKind::Cloze => "cloze",
        }
    }

    /// How strongly a card claims its front when two cards in a deck share one:
    /// an answered card beats an open one, a question heading beats the rest.
    fn strength(self) -> u8 {
        match self {
            CardKind::Exercise => 5,
            CardKind::Cloze => 3,
            CardKind::Question => 4,
            CardKind::Qa => 3,
            CardKind::Entry => 2,
            CardKind::Topic => 1,
            CardKind::Open => 0,
        }
    }
}

impl fmt::Display for CardKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind name that is not one of [`CardKind::ALL`].
#[derive(Debug, thiserror::Error)]
#[error("unknown card kind {0:?} (expected question, topic, qa, open, entry, exercise or cloze)")]
pub struct UnknownKind(pub String);

impl FromStr for CardKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CardKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

/// One card as the notes define it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Card {
    pub kind: CardKind,
    /// The prompt, plain text (Markdown markers removed).
    pub front: String,
    /// The answer, Markdown as written in the notes (empty for open questions).
    pub back: String,
    /// The headings above the card, outermost first, the card's own heading
    /// last. Cards of one heading path in a note are siblings (buried
    /// together).
    pub heading_path: Vec<String>,
    pub tags: Vec<String>,
    /// 1-based line in the note where the card starts.
    pub line: u32,
    /// The normalized front: with the deck, the card's identity across edits.
    pub key: String,
    /// Its demos, in order: the `demo:` links in its back, or (once the
    /// importer has [settled](links::settle) them) those its topic calls for.
    pub demos: Vec<links::Link>,
}

/// Something in a note that looked like a card but was not made into one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub line: u32,
    pub reason: String,
}

/// A parsed note: its deck, its cards (unique by key) and what was passed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub deck: String,
    pub cards: Vec<Card>,
    pub skipped: Vec<Skipped>,
}
