//! The card rules, applied to one note.
//!
//! A note is read as a tree of headings. In order of strength:
//! 1. a heading phrased as a question is a `question` card whose back is
//!    everything under it, sub-headings included, up to the next heading of
//!    the same or a higher level (a sub-heading that is itself a question
//!    becomes a card of its own instead);
//! 2. any other heading with a body of its own is a `topic` card whose front
//!    is the heading breadcrumb and whose back is that body;
//! 3. inline question/answer syntaxes inside a body become `qa` cards
//!    (`deck::inline`), and are taken out of the topic's back;
//! 4. questions with no answer are `open` cards with an empty back;
//! 5. plain-text listings give one `entry` card per entry.
//!
//! A card's deck is the note's first H1, else the file name; its tags come
//! from the headings above it.

use std::borrow::Cow;
use std::collections::HashMap;

use super::blocks::{self, Block, Kind, is_br};
use super::inline::{self, Found};
use super::key;
use super::links;
use super::question::{is_not_written, is_question};
use super::{Card, CardKind, Note, Skipped, recall, split};
use crate::markdown::split_lines;

/// How the headings of a breadcrumb are joined.
pub const BREADCRUMB_SEPARATOR: &str = " › ";

/// What the importer's flags ask of the card rules, over what a note says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `--cloze-bold`: each bold term in a list item is a cloze.
    pub cloze_bold: bool,
    /// `--deck NAME`: the deck of every note, over its front matter and H1.
    pub deck: Option<String>,
}

/// Parses `note` (the file's text) into cards. `file_stem` names the deck
/// when the note has no H1.
pub fn parse_note(note: &str, file_stem: &str) -> Note {
    parse_note_with(note, file_stem, &Options::default())
}

/// [`parse_note`] with the importer's [`Options`].
pub fn parse_note_with(note: &str, file_stem: &str, options: &Options) -> Note {
    let note = note.strip_prefix('\u{feff}').unwrap_or(note);
    let note = unix_line_endings(note);
    let note = super::obsidian::preprocess(note.as_ref());
    let note = note.as_ref();
    let blocks = blocks::blocks(note);
    let mut tree = build_tree(&blocks);
    super::halves::reattach(note, &blocks, &mut tree);
    let deck_heading = blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(1) && !b.text.trim().is_empty());
    let front_matter = super::front_matter::read(note);
    let deck = match (
        options.deck.as_ref().or(front_matter.deck.as_ref()),
        deck_heading,
    ) {
        (Some(d), _) => d.trim().to_string(),
        (None, Some(i)) => blocks[i].text.trim().to_string(),
        (None, None) => file_stem.trim().to_string(),
    };

    let headings = blocks
        .iter()
        .map(|b| match b.kind {
            Kind::Heading(_) => Heading::of(b.text.trim()),
            _ => Heading::default(),
        })
        .collect();
    let mut walker = Walker {
        note,
        blocks: &blocks,
        headings,
        deck_heading,
        deck: deck.clone(),
        cloze_bold: options.cloze_bold || front_matter.cloze_bold,
        split_list: front_matter.split_list,
        note_tags: front_matter
            .tags
            .iter()
            .cloned()
            .chain(front_matter.aliases.iter().map(|a| key::tag(a)))
            .collect(),
        cards: Vec::new(),
        skipped: Vec::new(),
    };
    walker.visit(&tree, &mut Vec::new());
    let mut cards = walker.cards;
    super::exercises::add(note, &mut cards, &mut walker.skipped);
    let (cards, mut skipped) = dedupe(cards);
    skipped.extend(walker.skipped);
    skipped.sort_by_key(|s| s.line);
    Note {
        deck,
        cards,
        skipped,
    }
}

/// A note's title line: its first line when that is a short plain line
/// standing alone (a blank line or the end after it), not a heading, list,
/// quote, question or sentence: `TCP 정리` over a text note. Front matter
/// and leading blank lines are passed over.
pub fn title_line(note: &str) -> Option<String> {
    let note = note.strip_prefix('\u{feff}').unwrap_or(note);
    let body = super::front_matter::body(note);
    let mut lines = body.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next()?.trim();
    let alone = lines.next().is_none_or(|l| l.trim().is_empty());
    let chars = first.chars().count();
    let marked = first.starts_with(['#', '-', '*', '+', '>', '|', '`', '!', '[', '<', '='])
        || first
            .split_once(". ")
            .is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()));
    let sentence = first.ends_with(['.', '다', ':', '?']) || is_question(first);
    (alone && !marked && !sentence && (2..=60).contains(&chars)).then(|| first.to_string())
}

/// `\r\n` and a lone `\r` as `\n`. CommonMark takes all three as line
/// endings, but the card rules split lines on `\n` and line numbers count
/// `\n`s, so a note saved with Windows or old Mac line endings would
/// otherwise run its `Q:`/`::` lines together and keep `\r`s in its backs.
fn unix_line_endings(note: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', note.as_bytes()).is_some() {
        Cow::Owned(note.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(note)
    }
}

/// A heading and what stands under it.
#[derive(Debug)]
pub(super) struct Node {
    /// Index of the heading block; `None` for the text before the first heading.
    pub heading: Option<usize>,
    /// The body of this heading alone (indices into the blocks).
    pub body: Vec<usize>,
    pub children: Vec<Node>,
}

fn build_tree(blocks: &[Block]) -> Node {
    // Stack of open nodes with their levels; the root (level 0) holds the preamble.
    let mut stack: Vec<(u8, Node)> = vec![(
        0,
        Node {
            heading: None,
            body: Vec::new(),
            children: Vec::new(),
        },
    )];
    for (i, b) in blocks.iter().enumerate() {
        if let Kind::Heading(level) = b.kind {
            while stack.len() > 1 && stack.last().is_some_and(|(l, _)| *l >= level) {
                close_top(&mut stack);
            }
            stack.push((
                level,
                Node {
                    heading: Some(i),
                    body: Vec::new(),
                    children: Vec::new(),
                },
            ));
        } else if let Some((_, node)) = stack.last_mut() {
            node.body.push(i);
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().map(|(_, n)| n).unwrap_or(Node {
        heading: None,
        body: Vec::new(),
        children: Vec::new(),
    })
}

fn close_top(stack: &mut Vec<(u8, Node)>) {
    if let Some((_, node)) = stack.pop()
        && let Some((_, parent)) = stack.last_mut()
    {
        parent.children.push(node);
    }
}

/// What the card rules ask of a heading, worked out once per heading: every
/// card asks it of each heading above it, and a note's cards share them.
#[derive(Default)]
struct Heading {
    question: bool,
    tag: String,
}

impl Heading {
    fn of(text: &str) -> Heading {
        Heading {
            question: is_question(text),
            tag: key::tag(text),
        }
    }
}

struct Walker<'a> {
    note: &'a str,
    blocks: &'a [Block],
    /// Per block, as [`Heading`]; meaningful for headings only.
    headings: Vec<Heading>,
    deck_heading: Option<usize>,
    deck: String,
    /// Bold terms in list items are clozes.
    cloze_bold: bool,
    /// Front matter `split: list`: every list is one card per item.
    split_list: bool,
    /// Tags of every card: the front matter's `tags:`.
    note_tags: Vec<String>,
    cards: Vec<Card>,
    skipped: Vec<Skipped>,
}

impl Walker<'_> {
    fn is_question(&self, node: &Node) -> bool {
        node.heading.is_some_and(|i| self.headings[i].question)
    }

    fn visit(&mut self, node: &Node, path: &mut Vec<usize>) {
        if let Some(h) = node.heading {
            path.push(h);
        }
        if self.is_question(node) {
            self.question(node, path);
        } else {
            self.topic(node, path);
            for child in &node.children {
                self.visit(child, path);
            }
        }
        if node.heading.is_some() {
            path.pop();
        }
    }

    /// Rule 1: a question heading; its back is its whole subtree except
    /// sub-questions, which are visited as cards of their own, and the
    /// inline cards inside it, which leave the back for cards of their own
    /// (a parent never shows a child's answer). A back too long to recall is
    /// split into parts ([`split`]).
    fn question(&mut self, node: &Node, path: &mut Vec<usize>) {
        let h = node.heading.expect("a question node has a heading");
        let mut back_blocks = node.body.clone();
        let mut inner_bodies = vec![node.body.clone()];
        let mut sub_questions = Vec::new();
        for child in &node.children {
            self.absorb(
                child,
                &mut back_blocks,
                &mut inner_bodies,
                &mut sub_questions,
            );
        }
        let mut found = Vec::new();
        let mut consumed: Vec<usize> = Vec::new();
        for body in inner_bodies {
            let ex = inline::extract(self.note, self.blocks, &body, self.cloze_bold);
            consumed.extend(
                body.iter()
                    .zip(&ex.consumed)
                    .filter(|(_, used)| **used)
                    .map(|(&i, _)| i),
            );
            found.extend(ex.found);
            self.skipped.extend(ex.skipped);
        }
        if !consumed.is_empty() {
            consumed.sort_unstable();
            back_blocks.retain(|i| consumed.binary_search(i).is_err());
        }
        let front = self.blocks[h].text.trim().to_string();
        let line = self.blocks[h].line;
        self.push_split(
            CardKind::Question,
            front,
            &back_blocks,
            line,
            path,
            false,
            None,
        );
        self.push_found(found, path, false);
        for sub in sub_questions {
            self.visit(sub, path);
        }
    }

    /// Pushes a card made of `back_blocks`, split into parts when it is too
    /// long to recall: the parent keeps its overview, each part is a card of
    /// the same kind and heading path (siblings, buried together).
    #[allow(clippy::too_many_arguments)]
    fn push_split(
        &mut self,
        kind: CardKind,
        front: String,
        back_blocks: &[usize],
        line: u32,
        path: &[usize],
        own_heading_is_tag: bool,
        lead: Option<String>,
    ) {
        // `lead` (a statement the front no longer shows) opens the back.
        // A statement heading with nothing under it is still a step one
        // can recall ("7. 서버가 응답을 보낸다."): it is the back.
        let with_lead = |back: String| match &lead {
            Some(l) if back.is_empty() => l.clone(),
            Some(l) => format!("{l}\n\n{back}"),
            None => back,
        };
        let korean = front.chars().any(key::is_hangul_syllable);
        let marked = back_blocks
            .iter()
            .any(|&i| split::is_split_marker(self.note, &self.blocks[i]));
        let kept: Vec<usize>;
        let back_blocks = if marked {
            kept = back_blocks
                .iter()
                .copied()
                .filter(|&i| !split::is_split_marker(self.note, &self.blocks[i]))
                .collect();
            &kept[..]
        } else {
            back_blocks
        };
        let by_item = (marked || self.split_list)
            .then(|| split::split_items(self.note, self.blocks, back_blocks, korean))
            .flatten();
        let Some(s) = by_item.or_else(|| split::split(self.note, self.blocks, back_blocks, korean))
        else {
            let back = with_lead(join_blocks(self.note, self.blocks, back_blocks));
            let kind = if back.is_empty() && kind == CardKind::Question {
                CardKind::Open
            } else {
                kind
            };
            if back.is_empty() && kind == CardKind::Topic {
                return;
            }
            self.push(
                kind,
                front,
                back,
                line,
                path,
                Vec::new(),
                own_heading_is_tag,
            );
            return;
        };
        self.push(
            kind,
            front.clone(),
            with_lead(s.overview),
            line,
            path,
            Vec::new(),
            own_heading_is_tag,
        );
        for part in s.parts {
            let part_front = format!(
                "{front}{BREADCRUMB_SEPARATOR}{}",
                part.titles.join(BREADCRUMB_SEPARATOR)
            );
            self.push(
                kind,
                part_front,
                part.back,
                part.line,
                path,
                Vec::new(),
                own_heading_is_tag,
            );
        }
    }

    /// A sub-section of a question: part of its back unless it asks its own question.
    fn absorb<'n>(
        &self,
        node: &'n Node,
        back: &mut Vec<usize>,
        bodies: &mut Vec<Vec<usize>>,
        sub_questions: &mut Vec<&'n Node>,
    ) {
        if self.is_question(node) {
            sub_questions.push(node);
            return;
        }
        back.extend(node.heading);
        back.extend(&node.body);
        bodies.push(node.body.clone());
        for child in &node.children {
            self.absorb(child, back, bodies, sub_questions);
        }
    }

    /// Rules 2–5 for a non-question heading (or the text before any heading).
    fn topic(&mut self, node: &Node, path: &[usize]) {
        let ex = inline::extract(self.note, self.blocks, &node.body, self.cloze_bold);
        let remaining: Vec<usize> = node
            .body
            .iter()
            .zip(&ex.consumed)
            .filter(|(_, used)| !**used)
            .map(|(&i, _)| i)
            .collect();
        self.skipped.extend(ex.skipped);
        // A heading that is a whole statement gives its answer away as a
        // front: the front shows it shortened and the back opens with it.
        let statement = node.heading.and_then(|h| {
            let text = self.blocks[h].text.trim();
            split::short_title(text, None, text.chars().any(key::is_hangul_syllable))
                .map(|_| text.to_string())
        });
        let (front, line) = match node.heading {
            Some(h) => (self.breadcrumb(path), self.blocks[h].line),
            // Text before the first heading (or a note with none) speaks for the deck.
            None => (
                self.deck.clone(),
                remaining.first().map_or(1, |&i| self.blocks[i].line),
            ),
        };
        self.push_split(
            CardKind::Topic,
            front,
            &remaining,
            line,
            path,
            true,
            statement,
        );
        self.push_found(ex.found, path, true);
    }

    fn push_found(&mut self, found: Vec<Found>, path: &[usize], own_heading_is_tag: bool) {
        for f in found {
            self.push(
                f.kind,
                f.front,
                f.back,
                f.line,
                path,
                f.extra_tags,
                own_heading_is_tag,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: CardKind,
        front: String,
        back: String,
        line: u32,
        path: &[usize],
        extra_tags: Vec<String>,
        own_heading_is_tag: bool,
    ) {
        let front = squash_whitespace(front);
        let (kind, back) = match kind {
            CardKind::Question | CardKind::Topic | CardKind::Qa if is_not_written(&back) => {
                (CardKind::Open, String::new())
            }
            CardKind::Question | CardKind::Topic | CardKind::Qa => {
                match recall::nothing_to_recall(&back) {
                    Some(_) if is_question(&front) => (CardKind::Open, String::new()),
                    Some(nothing) => {
                        self.skipped.push(Skipped {
                            line,
                            reason: format!("{}: {front:?}", nothing.reason_text()),
                        });
                        return;
                    }
                    None => (kind, back),
                }
            }
            _ => (kind, back),
        };
        let key = key::normalize(&front);
        if key.is_empty() {
            self.skipped.push(Skipped {
                line,
                reason: crate::tr!("deck-skip-no-letters", front = format!("{front:?}")),
            });
            return;
        }
        let heading_path: Vec<String> = path
            .iter()
            .map(|&i| self.blocks[i].text.trim().to_string())
            .collect();
        let mut tags: Vec<String> = Vec::new();
        for (n, &i) in path.iter().enumerate() {
            let heading = &self.headings[i];
            let own = n + 1 == path.len();
            if Some(i) == self.deck_heading || heading.question || (own && !own_heading_is_tag) {
                continue;
            }
            if !heading.tag.is_empty() && !tags.contains(&heading.tag) {
                tags.push(heading.tag.clone());
            }
        }
        let inline_tags = super::obsidian::inline_tags(&back);
        for t in extra_tags
            .into_iter()
            .chain(self.note_tags.iter().cloned())
            .chain(inline_tags)
        {
            if !t.is_empty() && !tags.contains(&t) {
                tags.push(t);
            }
        }
        let demos = links::explicit(&back, self.note, line);
        self.cards.push(Card {
            kind,
            front,
            back,
            demos,
            heading_path,
            tags,
            line,
            key,
        });
    }

    fn breadcrumb(&self, path: &[usize]) -> String {
        path.iter()
            .map(|&i| {
                let text = self.blocks[i].text.trim();
                let korean = text.chars().any(key::is_hangul_syllable);
                split::short_title(text, None, korean).unwrap_or_else(|| text.to_string())
            })
            .collect::<Vec<_>>()
            .join(BREADCRUMB_SEPARATOR)
    }
}

/// `text` with each run of white space made one space and none at the ends.
fn squash_whitespace(text: String) -> String {
    // Nearly every front is tidy already: single ASCII spaces between words.
    // A byte that may start non-ASCII white space (U+0085 and U+00A0 start
    // with 0xC2, U+1680 with 0xE1, U+2000-U+205F with 0xE2, U+3000 with
    // 0xE3) sends the text the slow way.
    let bytes = text.as_bytes();
    let tidy = bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes.iter().any(|b| {
            matches!(
                b,
                b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3
            )
        });
    if tidy {
        return text;
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps one card per key: the stronger kind wins (an answered question over
/// an open one), else the first. The others are reported as skipped.
fn dedupe(cards: Vec<Card>) -> (Vec<Card>, Vec<Skipped>) {
    // Keys come from the note itself: no need for a hasher that resists
    // chosen collisions (SipHash was 1% of parsing a note).
    let mut by_key: HashMap<String, usize, foldhash::fast::RandomState> = HashMap::default();
    let mut kept: Vec<Card> = Vec::new();
    let mut skipped = Vec::new();
    for card in cards {
        let Some(&at) = by_key.get(&card.key) else {
            by_key.insert(card.key.clone(), kept.len());
            kept.push(card);
            continue;
        };
        let loser = if card.kind.strength() > kept[at].kind.strength() {
            std::mem::replace(&mut kept[at], card)
        } else {
            card
        };
        skipped.push(Skipped {
            line: loser.line,
            reason: crate::tr!(
                "deck-skip-same-front",
                line = kept[at].line,
                front = format!("{:?}", loser.front)
            ),
        });
    }
    (kept, skipped)
}

/// Joins blocks into a back: the Markdown as written, minus decoration that
/// means nothing on a card (`[toc]`, rules at the edges, `<br>` tags).
pub(super) fn join_blocks(note: &str, blocks: &[Block], idxs: &[usize]) -> String {
    let mut parts: Vec<(Kind, String)> = Vec::new();
    for &i in idxs {
        let b = &blocks[i];
        let src = b.source(note).trim_end();
        match b.kind {
            Kind::Metadata => continue,
            Kind::Paragraph if is_toc(&b.text) => continue,
            Kind::Html if split_lines(src).all(only_br) => continue,
            Kind::Paragraph | Kind::List | Kind::BlockQuote | Kind::Table | Kind::Html => {
                let cleaned = strip_br(src);
                if !cleaned.trim().is_empty() {
                    parts.push((b.kind, cleaned));
                }
            }
            _ => parts.push((b.kind, src.to_string())),
        }
    }
    while parts.first().is_some_and(|(k, _)| *k == Kind::Rule) {
        parts.remove(0);
    }
    while parts.last().is_some_and(|(k, _)| *k == Kind::Rule) {
        parts.pop();
    }
    let mut joined = parts
        .into_iter()
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join("\n\n");
    blocks::trim_in_place(&mut joined);
    joined
}

fn is_toc(text: &str) -> bool {
    let t = text.trim();
    ["[toc]", "[[toc]]", "[[_toc_]]", "${toc}"]
        .iter()
        .any(|toc| t.eq_ignore_ascii_case(toc))
}

fn only_br(line: &str) -> bool {
    let mut rest = line.trim();
    while !rest.is_empty() {
        let Some(end) = rest.find('>') else {
            return false;
        };
        if !rest.starts_with('<') || !is_br(&rest[..=end]) {
            return false;
        }
        rest = rest[end + 1..].trim_start();
    }
    true
}

/// Removes `<br>` tags: at the end of a line they go, inside a line they
/// become a line break.
fn strip_br(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    // Most blocks have no tag at all: their lines are only trimmed.
    let tags = memchr::memchr(b'<', src.as_bytes()).is_some();
    for (n, line) in split_lines(src).enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if !tags || memchr::memchr(b'<', line.as_bytes()).is_none() {
            out.push_str(line.trim_end());
            continue;
        }
        let mut rest = line;
        let mut piece = String::new();
        while let Some(start) = rest.find('<') {
            let Some(len) = rest[start..].find('>') else {
                break;
            };
            let tag = &rest[start..=start + len];
            piece.push_str(&rest[..start]);
            if is_br(tag) {
                let after = rest[start + len + 1..].trim_start();
                if !after.is_empty() && !piece.trim().is_empty() && !after.starts_with('<') {
                    piece.push('\n');
                }
            } else {
                piece.push_str(tag);
            }
            rest = &rest[start + len + 1..];
        }
        piece.push_str(rest);
        out.push_str(piece.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn squashing_white_space_is_splitting_and_joining(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "a", "가", "TCP", " ", "  ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}",
                    "\u{A0}", "\u{1680}", "\u{2009}", "\u{3000}", "·", "→", "\u{1C}",
                ][..]),
                0..10,
            )
        ) {
            let text = pieces.concat();
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squash_whitespace(text), joined);
        }
    }

    fn fronts(note: &Note) -> Vec<(CardKind, &str)> {
        note.cards
            .iter()
            .map(|c| (c.kind, c.front.as_str()))
            .collect()
    }

    #[test]
    fn question_heading_takes_everything_under_it() {
        let note = parse_note(
            "# 네트워크\n\n## TCP란 무엇인가요?\n\n---\n\n연결형 프로토콜.\n\n### 특징\n- 신뢰성\n\n## 다음\n본문\n",
            "f",
        );
        assert_eq!(note.deck, "네트워크");
        let q = &note.cards[0];
        assert_eq!(q.kind, CardKind::Question);
        assert_eq!(q.front, "TCP란 무엇인가요?");
        assert_eq!(q.back, "연결형 프로토콜.\n\n### 특징\n\n- 신뢰성");
        assert_eq!(q.line, 3);
        assert_eq!(note.cards[1].front, "네트워크 › 다음");
        assert_eq!(note.cards.len(), 2);
    }

    #[test]
    fn sub_question_is_its_own_card_not_part_of_the_parent() {
        let note = parse_note(
            "### API Gateway란 무엇인가요?\n\n---\n\n짧은 답\n\n#### webRTC란 무엇인가요\n\n긴 답\n",
            "seed",
        );
        assert_eq!(note.deck, "seed");
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Question, "API Gateway란 무엇인가요?"),
                (CardKind::Question, "webRTC란 무엇인가요")
            ]
        );
        assert_eq!(note.cards[0].back, "짧은 답");
    }

    #[test]
    fn topic_cards_use_the_breadcrumb_and_only_their_own_body() {
        let note = parse_note(
            "# 네트워크\n## OSI 7계층\n개요\n### 1계층 - 물리계층\n- 비트\n### 빈 제목\n#### 깊은 곳\n내용\n",
            "x",
        );
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Topic, "네트워크 › OSI 7계층"),
                (CardKind::Topic, "네트워크 › OSI 7계층 › 1계층 - 물리계층"),
                (CardKind::Topic, "네트워크 › OSI 7계층 › 빈 제목 › 깊은 곳"),
            ]
        );
        assert_eq!(note.cards[0].back, "개요");
        assert_eq!(note.cards[1].tags, ["OSI-7계층", "1계층-물리계층"]);
    }

    #[test]
    fn blockquote_question_with_lazy_answer_is_taken_out_of_the_topic() {
        let note = parse_note(
            "# N\n## OSI\n소개 문장.\n\n> 왜 나누나요?\n장애 지점을 좁힐 수 있다.\n\n![](http://x/y.png)\n",
            "x",
        );
        assert_eq!(
            fronts(&note),
            [(CardKind::Topic, "N › OSI"), (CardKind::Qa, "왜 나누나요?")]
        );
        assert_eq!(note.cards[1].back, "장애 지점을 좁힐 수 있다.");
        assert_eq!(note.cards[0].back, "소개 문장.\n\n![](http://x/y.png)");
    }

    #[test]
    fn toc_rules_and_br_are_dropped_but_tables_and_images_stay() {
        let note = parse_note(
            "# D\n## T\n[toc]\n\n---\n\n줄 하나<br/>\n줄<br>둘\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<br/><br/>\n\n---\n",
            "x",
        );
        assert_eq!(
            note.cards[0].back,
            "줄 하나\n줄\n둘\n\n| a | b |\n|---|---|\n| 1 | 2 |"
        );
    }

    #[test]
    fn a_table_of_contents_marker_is_known_in_any_case() {
        for toc in ["[toc]", "[TOC]", " [[Toc]] ", "[[_TOC_]]", "${toc}"] {
            assert!(is_toc(toc), "{toc:?}");
        }
        for text in ["[toc] 목차", "toc", "[목차]", ""] {
            assert!(!is_toc(text), "{text:?}");
        }
    }

    #[test]
    fn open_question_list() {
        let note = parse_note("# D\n## 예상 질문\n- TCP란?\n- UDP는 언제 쓰나요\n", "x");
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Open, "TCP란?"),
                (CardKind::Open, "UDP는 언제 쓰나요")
            ]
        );
        assert!(note.cards.iter().all(|c| c.back.is_empty()));
    }

    #[test]
    fn a_lone_question_item_takes_the_list_after_it_as_its_answer() {
        let note = parse_note(
            "# D\n## REST\n+ REST란\n1. 자원을 URI로\n2. 행위를 메서드로\n",
            "x",
        );
        assert_eq!(fronts(&note), [(CardKind::Qa, "REST란")]);
        assert_eq!(note.cards[0].back, "1. 자원을 URI로\n2. 행위를 메서드로");
    }

    #[test]
    fn self_talk_stays_in_the_text_of_its_card() {
        // Issue 27: `즉 REST란` and `그러면 …되지 않을까?` were cards.
        let note = parse_note(
            "# D\n## REST\n+ 즉 REST란\n1. 자원을 URI로\n\n## 캐시는 어디에 두나요?\n\n서버마다 둔다.\n\n그러면 한 곳에 두면 되지 않을까?\n\nWait, is it the same thing?!\n",
            "x",
        );
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Topic, "D › REST"),
                (CardKind::Question, "캐시는 어디에 두나요?")
            ]
        );
        assert!(note.cards[0].back.contains("즉 REST란"));
        assert!(note.cards[1].back.contains("되지 않을까?"));
        assert!(note.cards[1].back.contains("same thing?!"));
    }

    #[test]
    fn a_parent_never_shows_a_childs_answer() {
        let note = parse_note(
            "# D\n## 세션은 어디에 저장되나요?\n\n서버 메모리에 둔다.\n\n> 서버가 죽으면 어떻게 되나요?\n세션이 사라진다.\n\nTTL :: 세션이 살아 있는 시간\n",
            "x",
        );
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Question, "세션은 어디에 저장되나요?"),
                (CardKind::Qa, "서버가 죽으면 어떻게 되나요?"),
                (CardKind::Qa, "TTL"),
            ]
        );
        assert_eq!(note.cards[0].back, "서버 메모리에 둔다.");
    }

    #[test]
    fn an_answer_after_a_bold_line_belongs_to_the_question_above() {
        let note = parse_note(
            "# D\n## 포트\n\n**Q. 한 포트에 소켓이 여럿일 수 있나요?**\n\n**정리**\n\n연결마다 소켓이 따로 생긴다.\n\n**다음 주제**\n\n딴 이야기.\n",
            "x",
        );
        let qa = note
            .cards
            .iter()
            .find(|c| c.front.starts_with("한 포트에"))
            .expect("the question");
        assert_eq!(qa.kind, CardKind::Qa);
        assert!(qa.back.contains("연결마다 소켓이"), "{:?}", qa.back);
        assert!(!qa.back.contains("딴 이야기"));
    }

    #[test]
    fn a_back_that_says_it_is_not_written_yet_is_an_open_question() {
        for back in ["안써봐서 모름", "TODO", "추후 작성", "(작성 중)"] {
            let note = parse_note(
                &format!("# D\n## 게이트웨이란 무엇인가요?\n\n{back}\n"),
                "x",
            );
            assert_eq!(
                fronts(&note),
                [(CardKind::Open, "게이트웨이란 무엇인가요?")],
                "{back}"
            );
        }
    }

    #[test]
    fn nothing_to_recall_is_open_when_asked_else_skipped_and_reported() {
        let note = parse_note(
            "# D\n## 흐름 그림\n\n![](flow.png)\n\n## What does the flow look like?\n\n![](flow.png)\n\n## 참고\n\n- [가이드](https://example.com/g)\n- https://example.com/h\n\n## 그림과 글\n\n![](a.png)\n\n세 단계로 흐른다.\n",
            "x",
        );
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Open, "What does the flow look like?"),
                (CardKind::Topic, "D › 그림과 글"),
            ]
        );
        // Images stay in a back that has text.
        assert!(note.cards[1].back.contains("![](a.png)"));
        let reasons: Vec<&str> = note.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(reasons[0].starts_with("image only"), "{reasons:?}");
        assert!(reasons[1].starts_with("links only"), "{reasons:?}");
        assert_eq!((note.skipped[0].line, note.skipped[1].line), (2, 10));
    }

    #[test]
    fn a_long_question_is_split_at_its_bold_lines_and_keeps_its_front_for_the_overview() {
        let mut text = String::from(
            "# D\n## 세션을 여러 서버에서 어떻게 공유하나요?\n\n세 가지 방법이 있다.\n\n",
        );
        for name in ["고정 세션", "세션 복제", "세션 저장소"] {
            text.push_str(&format!("**{name}**\n\n"));
            for k in 0..6 {
                text.push_str(&format!("- {name} 사실 {k}\n"));
            }
            text.push('\n');
        }
        let note = parse_note(&text, "x");
        let q = "세션을 여러 서버에서 어떻게 공유하나요?";
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Question, q),
                (CardKind::Question, &*format!("{q} › 고정 세션")),
                (CardKind::Question, &*format!("{q} › 세션 복제")),
                (CardKind::Question, &*format!("{q} › 세션 저장소")),
            ]
        );
        assert_eq!(note.cards[0].back, "세 가지 방법이 있다.");
        assert!(
            note.cards[1..]
                .iter()
                .all(|c| c.heading_path == note.cards[0].heading_path)
        );
        assert!(!note.cards[1].back.contains("세션 복제"));
        assert_eq!(note.cards[2].line, 15);
    }

    #[test]
    fn answered_card_beats_open_duplicate() {
        let note = parse_note(
            "# D\n## 질문\n- TCP란?\n\n## TCP란?\n신뢰성 있는 전송\n",
            "x",
        );
        assert_eq!(fronts(&note), [(CardKind::Question, "TCP란?")]);
        assert_eq!(note.skipped.len(), 1);
    }

    #[test]
    fn empty_question_heading_is_open() {
        let note = parse_note("# D\n## 왜 그런가요?\n## 다음\n본문\n", "x");
        assert_eq!(note.cards[0].kind, CardKind::Open);
    }

    #[test]
    fn old_mac_and_windows_line_endings_split_lines() {
        // Found while seeding the fuzzer: with `\r` alone between them, two
        // `::` cards ran together into one card with a garbled front.
        let note = parse_note("# D\r\rTCP::전송 제어\rUDP ::: 8바이트\r\n", "x");
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Qa, "TCP"),
                (CardKind::Qa, "UDP"),
                (CardKind::Qa, "8바이트")
            ]
        );
        assert_eq!(note.cards[1].line, 4);
        assert!(note.cards.iter().all(|c| !c.back.contains('\r')));
    }

    #[test]
    fn cloze_lines_are_cards_of_their_own_and_leave_the_parent() {
        let note = parse_note(
            "# D\n## TCP\n\n연결형이다.\n\n{{c1::SYN}} 다음 {{c2::SYN+ACK::응답}}\n\n- ==ACK==로 끝난다\n- ==FIN==으로 끊는다\n\nC: DNS는 [53]번 포트를 쓴다\n",
            "x",
        );
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Topic, "D › TCP"),
                (CardKind::Cloze, "[…] 다음 SYN+ACK"),
                (CardKind::Cloze, "SYN 다음 [응답]"),
                (CardKind::Cloze, "[…]로 끝난다"),
                (CardKind::Cloze, "[…]으로 끊는다"),
                (CardKind::Cloze, "DNS는 […]번 포트를 쓴다"),
            ]
        );
        assert_eq!(note.cards[0].back, "연결형이다.");
        assert_eq!(note.cards[2].back, "SYN 다음 **SYN+ACK**");
        assert_eq!(note.cards[1].line, 6);
        assert_eq!(note.cards[4].line, 9);
        // The clozes of one sentence are siblings: one heading path.
        assert!(note.cards.iter().all(|c| c.heading_path == ["D", "TCP"]));
    }

    #[test]
    fn bold_list_terms_are_clozes_only_when_asked() {
        let text = "# D\n## 계층\n\n- **ARP**는 IP로 MAC을 찾는다\n- **ICMP**는 오류를 알린다\n";
        assert!(
            parse_note(text, "x")
                .cards
                .iter()
                .all(|c| c.kind != CardKind::Cloze)
        );
        let asked = Options {
            cloze_bold: true,
            ..Options::default()
        };
        let note = parse_note_with(text, "x", &asked);
        assert_eq!(
            fronts(&note),
            [
                (CardKind::Cloze, "[…]는 IP로 MAC을 찾는다"),
                (CardKind::Cloze, "[…]는 오류를 알린다"),
            ]
        );
        let by_front_matter = parse_note(&format!("---\ncloze: bold\n---\n{text}"), "x");
        assert_eq!(fronts(&by_front_matter), fronts(&note));
    }

    #[test]
    fn a_title_line_is_a_short_plain_line_standing_alone() {
        assert_eq!(
            title_line("TCP 정리\n\n본문이다.\n").as_deref(),
            Some("TCP 정리")
        );
        assert_eq!(
            title_line("---\ntags: [a]\n---\n\n네트워크 노트\n").as_deref(),
            Some("네트워크 노트")
        );
        assert_eq!(title_line("# 제목\n"), None);
        assert_eq!(title_line("- 목록\n"), None);
        assert_eq!(title_line("TCP는 연결형이다.\n"), None);
        assert_eq!(title_line("TCP란 무엇인가요?\n\n답\n"), None);
        assert_eq!(title_line("첫 줄\n바로 이어지는 줄\n"), None);
        assert_eq!(title_line("\n\n"), None);
    }

    #[test]
    fn bom_and_no_headings() {
        let note = parse_note("\u{feff}그냥 메모 한 줄.\n", "메모");
        assert_eq!(fronts(&note), [(CardKind::Topic, "메모")]);
    }
}
