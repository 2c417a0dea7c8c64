//! The decks that ship inside the binary (`decks/` at build time), so an
//! installed `synack` works with no set-up.

use include_dir::{Dir, include_dir};

static DECKS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/decks");

/// The prefix of a shipped deck's source path in the database.
pub const SOURCE_PREFIX: &str = "synack:decks/";

/// One shipped note file.
#[derive(Debug, Clone, Copy)]
pub struct ShippedNote {
    /// File name inside `decks/`, e.g. `01-transport.md`.
    pub name: &'static str,
    pub text: &'static str,
}

impl ShippedNote {
    /// The source path recorded for this note: `synack:decks/<name>`.
    pub fn source_path(&self) -> String {
        format!("{SOURCE_PREFIX}{}", self.name)
    }
}

/// Every shipped note, sorted by file name.
pub fn notes() -> Vec<ShippedNote> {
    let mut notes: Vec<ShippedNote> = DECKS
        .files()
        .filter(|f| {
            f.path()
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown" || e == "txt")
        })
        .filter_map(|f| {
            Some(ShippedNote {
                name: f.path().file_name()?.to_str()?,
                text: f.contents_utf8()?,
            })
        })
        .collect();
    notes.sort_by_key(|n| n.name);
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{CardKind, parse_note};

    #[test]
    fn shipped_decks_parse_into_answered_cards() {
        let notes = notes();
        assert!(notes.len() >= 3);
        let mut total = 0;
        for n in &notes {
            let note = parse_note(n.text, n.name);
            assert!(note.skipped.is_empty(), "{}: {:?}", n.name, note.skipped);
            // Exercise cards sit beside the cards they drill; cloze
            // sentences ask for one term (issue 29 §3).
            for card in note.cards.iter().filter(|c| c.kind != CardKind::Exercise) {
                assert!(
                    matches!(card.kind, CardKind::Question | CardKind::Cloze),
                    "{}:{} {:?} {}",
                    n.name,
                    card.line,
                    card.kind,
                    card.front
                );
                assert!(
                    !card.back.is_empty(),
                    "{}:{} has no answer",
                    n.name,
                    card.line
                );
            }
            total += note.cards.len();
        }
        assert!(total >= 150, "only {total} shipped cards");
    }
}
