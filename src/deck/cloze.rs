//! Cloze deletions: a sentence with parts hidden, one card per hidden part.
//!
//! Three syntaxes are read, the ones Anki, Obsidian and hashcards users
//! already write:
//! - Anki's `{{c1::answer}}` and `{{c1::answer::hint}}`: every gap of one
//!   number is hidden on the same card, so `c1`, `c2` give two cards;
//! - Obsidian's `==highlight==`: each highlight is a card of its own;
//! - hashcards' `C:` paragraphs, where each `[bracketed]` part is a gap.
//!
//! With `--cloze-bold` (or front-matter `cloze: bold`), each `**bold**` term
//! of a list item is a gap too. The front shows the sentence with the card's
//! gaps as `[…]` (or `[hint]`) and the others filled in; the back is the
//! whole sentence with the card's answers in bold. The cards of one sentence
//! share their heading path, so they are siblings and buried together.

/// A gap's group: Anki's numbered groups, or one group per gap of the other
/// syntaxes (numbered in order of appearance).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Numbered(u32),
    Own(usize),
}

#[derive(Debug)]
enum Seg<'a> {
    Text(&'a str),
    Gap {
        group: Group,
        answer: &'a str,
        hint: Option<&'a str>,
    },
}

/// Which syntaxes make gaps in a piece of text.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Syntax {
    /// A hashcards `C:` paragraph: `[…]` makes a gap.
    pub brackets: bool,
    /// `**bold**` makes a gap (list items under `--cloze-bold`).
    pub bold: bool,
}

/// One cloze card of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ClozeCard {
    pub front: String,
    pub back: String,
}

/// Stands for a hidden gap in the front while the sentence is made plain.
const GAP: char = '\u{E000}';
/// Mark the card's answers in the back while the sentence is made plain.
const OPEN: char = '\u{E001}';
const CLOSE: char = '\u{E002}';

/// A `C:` line (hashcards): the text after the label, if `line` is one.
pub(super) fn strip_c_label(line: &str) -> Option<&str> {
    let t = line.trim_start();
    t.strip_prefix("C:").map(str::trim_start)
}

/// Whether `text` holds a gap of `syntax` (and always Anki's and Obsidian's).
pub(super) fn has_gaps(text: &str, syntax: Syntax) -> bool {
    segments(text, syntax)
        .iter()
        .any(|s| matches!(s, Seg::Gap { .. }))
}

/// The cloze cards of `text` (Markdown, one sentence or paragraph), one per
/// group of gaps in order of first appearance; none when it has no gap.
pub(super) fn cards(text: &str, syntax: Syntax) -> Vec<ClozeCard> {
    let segs = segments(text, syntax);
    let mut groups: Vec<Group> = Vec::new();
    for s in &segs {
        if let Seg::Gap { group, .. } = s
            && !groups.contains(group)
        {
            groups.push(*group);
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let mut front = String::new();
            let mut back = String::new();
            let mut hints: Vec<Option<&str>> = Vec::new();
            for s in &segs {
                match s {
                    Seg::Text(t) => {
                        front.push_str(t);
                        back.push_str(t);
                    }
                    Seg::Gap {
                        group,
                        answer,
                        hint,
                    } if *group == g => {
                        front.push(GAP);
                        hints.push(*hint);
                        back.push(OPEN);
                        back.push_str(answer);
                        back.push(CLOSE);
                    }
                    Seg::Gap { answer, .. } => {
                        front.push_str(answer);
                        back.push_str(answer);
                    }
                }
            }
            let mut hints = hints.into_iter();
            let front: String = super::inline::plain(&front)
                .chars()
                .map(|c| match c {
                    GAP => match hints.next().flatten() {
                        Some(h) => format!("[{}]", h.trim()),
                        None => "[…]".to_string(),
                    },
                    c => c.to_string(),
                })
                .collect();
            let back: String = super::inline::plain(&back)
                .chars()
                .map(|c| match c {
                    OPEN | CLOSE => "**".to_string(),
                    c => c.to_string(),
                })
                .collect();
            ClozeCard { front, back }
        })
        .collect()
}

fn next_group(numbered: Option<u32>, own: &mut usize) -> Group {
    match numbered {
        Some(n) => Group::Numbered(n),
        None => {
            *own += 1;
            Group::Own(*own)
        }
    }
}

/// Cuts `text` into plain runs and gaps. Inline code is never searched.
fn segments(text: &str, syntax: Syntax) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    let mut own = 0usize;
    let mut start = 0usize; // start of the current plain run
    let mut i = 0usize;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let rest = &text[i..];
        if bytes[i] == b'`' {
            // Skip the code span whole (or the lone backtick).
            let ticks = rest.bytes().take_while(|&b| b == b'`').count();
            let fence = &rest[..ticks];
            i += ticks;
            if let Some(end) = text[i..].find(fence) {
                i += end + ticks;
            }
            continue;
        }
        if let Some(after) = rest.strip_prefix("{{c")
            && let Some(colons) = after.find("::")
            && let Ok(n) = after[..colons].parse::<u32>()
            && let Some(close) = after[colons + 2..].find("}}")
        {
            let inner = &after[colons + 2..colons + 2 + close];
            let (answer, hint) = match inner.find("::") {
                Some(h) => (&inner[..h], Some(&inner[h + 2..])),
                None => (inner, None),
            };
            if !answer.trim().is_empty() {
                if start < i {
                    out.push(Seg::Text(&text[start..i]));
                }
                let group = next_group(Some(n), &mut own);
                out.push(Seg::Gap {
                    group,
                    answer,
                    hint: hint.filter(|h| !h.trim().is_empty()),
                });
                i += 3 + colons + 2 + close + 2;
                start = i;
                continue;
            }
        }
        let delim = if rest.starts_with("==") {
            Some("==")
        } else if syntax.bold && rest.starts_with("**") {
            Some("**")
        } else if syntax.bold && rest.starts_with("__") {
            Some("__")
        } else {
            None
        };
        if let Some(d) = delim
            && let Some(end) = rest[2..].find(d)
            && end > 0
            && !rest[2..2 + end].starts_with(char::is_whitespace)
            && !rest[2..2 + end].ends_with(char::is_whitespace)
        {
            if start < i {
                out.push(Seg::Text(&text[start..i]));
            }
            let group = next_group(None, &mut own);
            out.push(Seg::Gap {
                group,
                answer: &rest[2..2 + end],
                hint: None,
            });
            i += 2 + end + 2;
            start = i;
            continue;
        }
        if syntax.brackets
            && bytes[i] == b'['
            && (i == 0 || bytes[i - 1] != b'!')
            && let Some(end) = rest[1..].find(']')
            && end > 0
            && !matches!(rest.as_bytes().get(1 + end + 1), Some(b'(' | b'['))
        {
            if start < i {
                out.push(Seg::Text(&text[start..i]));
            }
            let group = next_group(None, &mut own);
            out.push(Seg::Gap {
                group,
                answer: &rest[1..1 + end],
                hint: None,
            });
            i += 1 + end + 1;
            start = i;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    if start < text.len() {
        out.push(Seg::Text(&text[start..]));
    }
    out
}

/// The card as Anki's Cloze note text: the front's gaps become
/// `{{c1::answer}}` (`{{c1::answer::hint}}` when the front showed a hint),
/// with the answers read from the bold runs of the back. `None` when the two
/// do not line up (a card edited by hand), and the export falls back to a
/// Basic note.
pub fn anki_text(front: &str, back: &str) -> Option<String> {
    // The back is plain text with only the card's answers in bold: its
    // pieces alternate text, answer, text, … .
    let pieces: Vec<&str> = back.split("**").collect();
    if pieces.len() < 3 || pieces.len().is_multiple_of(2) {
        return None;
    }
    let mut out = String::new();
    let mut rest = front.strip_prefix(pieces[0])?;
    out.push_str(pieces[0]);
    for pair in pieces[1..].chunks(2) {
        let (answer, after) = (pair[0], pair[1]);
        let body = rest.strip_prefix('[')?;
        // The gap ends at the first `]` after which the front goes on as the
        // back does.
        let mut found = None;
        for (at, _) in body.match_indices(']') {
            let tail = &body[at + 1..];
            if tail.starts_with(after) {
                found = Some((&body[..at], tail));
                break;
            }
        }
        let (shown, tail) = found?;
        out.push_str("{{c1::");
        out.push_str(answer);
        if shown != "…" {
            out.push_str("::");
            out.push_str(shown);
        }
        out.push_str("}}");
        out.push_str(after);
        rest = tail.strip_prefix(after)?;
    }
    rest.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fronts_backs(text: &str, syntax: Syntax) -> Vec<(String, String)> {
        cards(text, syntax)
            .into_iter()
            .map(|c| (c.front, c.back))
            .collect()
    }

    #[test]
    fn anki_groups_make_one_card_per_number() {
        let got = fronts_backs(
            "{{c1::TCP}} is {{c2::connection-oriented::kind}}, and {{c1::TCP}} retransmits.",
            Syntax::default(),
        );
        assert_eq!(
            got,
            [
                (
                    "[…] is connection-oriented, and […] retransmits.".to_string(),
                    "**TCP** is connection-oriented, and **TCP** retransmits.".to_string()
                ),
                (
                    "TCP is [kind], and TCP retransmits.".to_string(),
                    "TCP is **connection-oriented**, and TCP retransmits.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn highlights_are_one_card_each_and_code_is_left_alone() {
        let got = fronts_backs(
            "==3-way handshake==로 연결하고 ==4-way==로 끊는다 `a==b==c`",
            Syntax::default(),
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "[…]로 연결하고 4-way로 끊는다 a==b==c");
        assert_eq!(
            got[1].1,
            "3-way handshake로 연결하고 **4-way**로 끊는다 a==b==c"
        );
    }

    #[test]
    fn hashcards_brackets_only_in_c_paragraphs_and_not_links_or_images() {
        let c = Syntax {
            brackets: true,
            bold: false,
        };
        let got = fronts_backs("[DNS] uses port [53] ![x](y.png) [link](z)", c);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, "DNS uses port […] x link");
        assert!(cards("[DNS] uses port [53]", Syntax::default()).is_empty());
    }

    #[test]
    fn bold_terms_are_gaps_only_when_asked() {
        let bold = Syntax {
            brackets: false,
            bold: true,
        };
        assert_eq!(cards("**ARP** maps IP to MAC", bold).len(), 1);
        assert!(cards("**ARP** maps IP to MAC", Syntax::default()).is_empty());
        assert!(!has_gaps("a ** b ** c", bold));
    }

    #[test]
    fn anki_text_rebuilds_the_gaps_from_front_and_back() {
        for (text, want) in [
            (
                "{{c1::TCP}} is [reliable] {{c1::TCP}}.",
                "{{c1::TCP}} is [reliable] {{c1::TCP}}.",
            ),
            (
                "DNS uses {{c2::53::port}} and UDP",
                "DNS uses {{c1::53::port}} and UDP",
            ),
        ] {
            let card = &cards(text, Syntax::default())[0];
            assert_eq!(
                anki_text(&card.front, &card.back).as_deref(),
                Some(want),
                "{card:?}"
            );
        }
        assert_eq!(anki_text("no gap", "no gap"), None);
    }

    #[test]
    fn an_empty_anki_answer_is_text() {
        assert!(cards("{{c1::}} and ====", Syntax::default()).is_empty());
    }
}
