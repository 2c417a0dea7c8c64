//! Links from cards to the protocol demos.
//!
//! A note links a card to a demo explicitly with a Markdown link whose target
//! is `demo:NAME?ARGS` (`[3-way handshake 실행](demo:handshake?scenario=open)`).
//! The link belongs to the card whose back holds it: the card of the section it
//! stands in, or the inline card (`Q:`/`A:`, `::`, …) whose answer it is part
//! of. A link in the text before the first heading belongs to the card made
//! of that text (the one whose front is the deck), and to no other card.
//!
//! A card with no explicit link may get one from its topic ([`by_topic`]):
//! each demo comes with keywords, and a card is about a demo's topic when a
//! keyword names its subject (its front; a topic card's own heading), or when
//! several distinct keywords run through its back. A word met in passing is
//! not enough. The keyword table is a parameter, so this module knows nothing
//! of the demos themselves; the importer passes the registry in.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use memchr::memmem;
use pulldown_cmark::{Event, Parser, Tag};
use serde::Serialize;

use super::{Card, CardKind, Note, key};

/// One demo link of a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The demo's name, as in `synack demo NAME`.
    pub name: String,
    /// The query as written after `?` (percent-encoded items), `""` if none.
    pub args: String,
    /// Written in the notes (true) or found by a topic rule (false).
    pub explicit: bool,
    /// 1-based line of the note the link is written on; 0 for a rule link.
    pub line: u32,
}

/// A demo's name and its keywords: what [`by_topic`] matches against.
pub type Table<'a> = [(&'a str, &'a [&'a str])];

/// An explicit link to a demo the table does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownDemo {
    pub line: u32,
    pub name: String,
}

/// The `demo:` links in a card's back (Markdown), in order. `note` and
/// `from_line` locate each link in the note, for warnings.
pub(super) fn explicit(back: &str, note: &str, from_line: u32) -> Vec<Link> {
    if !may_link_a_demo(back) {
        return Vec::new();
    }
    parse_explicit(back, note, from_line)
}

/// [`explicit`], always running the Markdown parser.
fn parse_explicit(back: &str, note: &str, from_line: u32) -> Vec<Link> {
    let mut links = Vec::new();
    // Lines are found by searching the note for each target after the card's
    // own line; the back is cut from the note, so every target is there.
    // The card's own line is looked up at the first link only: most cards
    // have none, and scanning the note from its start for every card made
    // parsing quadratic in the note's length.
    let mut offset = None;
    for event in Parser::new_ext(back, crate::markdown::options()) {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let Some(rest) = dest_url.trim().strip_prefix("demo:") else {
            continue;
        };
        let (name, args) = rest.split_once('?').unwrap_or((rest, ""));
        let from = *offset.get_or_insert_with(|| line_offset(note, from_line));
        let at = note[from..].find(&*dest_url).map_or(from, |i| from + i);
        let line = 1 + note[..at].matches('\n').count() as u32;
        offset = Some((at + dest_url.len()).min(note.len()));
        links.push(Link {
            name: name.to_string(),
            args: args.to_string(),
            explicit: true,
            line,
        });
    }
    links
}

/// Whether a `demo:` link target can be in `md` at all. A link's target is
/// the text as written except for entities (`&#58;`) and backslash escapes
/// (`demo\\:`), so without `demo:`, `&` or `\\` there is none, and the
/// Markdown parser need not run: most cards have no link, and this parse was
/// a sixth of parsing a note.
fn may_link_a_demo(md: &str) -> bool {
    // `contains` with a set of chars decodes every char; these read bytes.
    static DEMO: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("demo:"));
    memchr::memchr2(b'&', b'\\', md.as_bytes()).is_some() || DEMO.find(md.as_bytes()).is_some()
}

fn line_offset(note: &str, line: u32) -> usize {
    if line <= 1 {
        return 0;
    }
    memchr::memchr_iter(b'\n', note.as_bytes())
        .nth(line as usize - 2)
        .map_or(note.len(), |i| i + 1)
}

/// Settles the demo links of a parsed note against `table`: explicit links to
/// demos it does not know are left out and returned (a card that names a demo
/// still gets no rule links: its author chose), and, when `rules` is set,
/// every card with no explicit link gets the demos its topic calls for.
/// (The shipped decks are written with every link they need: no rules.)
/// An import settles many notes: it prepares the table once with [`Rules`].
pub fn settle(note: &mut Note, table: &Table<'_>, rules: bool) -> Vec<UnknownDemo> {
    Rules::new(table).settle(note, rules)
}

/// The demo table prepared for the topic rules: keywords normalized (`normalize`)
/// and one Aho–Corasick automaton over all of them, so each text is read once
/// instead of once per keyword (`str::match_indices` per keyword and card was
/// a sixth of a large import). Built once per import, shared by the threads
/// that parse.
#[derive(Debug)]
pub struct Rules<'t> {
    /// Each demo's name and its normalized keywords, in table order.
    table: Vec<(&'t str, Vec<String>)>,
    /// The distinct non-empty keywords, as patterns of `matcher`.
    patterns: Vec<String>,
    /// Per pattern: the (demo, keyword) positions in `table` it stands for.
    slots: Vec<Vec<(usize, usize)>>,
    matcher: Option<AhoCorasick>,
    /// What a text without keywords gets: per demo, per keyword, no hits.
    no_hits: Vec<Vec<Hits>>,
    /// The test a text passes before it is normalized and searched
    /// ([`Rules::may_hit`]); `None` searches every text.
    screen: Option<AhoCorasick>,
}

impl<'t> Rules<'t> {
    pub fn new(table: &Table<'t>) -> Rules<'t> {
        let table: Vec<(&'t str, Vec<String>)> = table
            .iter()
            .map(|(name, keywords)| (*name, keywords.iter().map(|k| normalize(k)).collect()))
            .collect();
        let mut patterns: Vec<String> = Vec::new();
        let mut slots: Vec<Vec<(usize, usize)>> = Vec::new();
        for (d, (_, keywords)) in table.iter().enumerate() {
            for (k, keyword) in keywords.iter().enumerate() {
                if keyword.is_empty() {
                    continue;
                }
                match patterns.iter().position(|p| p == keyword) {
                    Some(at) => slots[at].push((d, k)),
                    None => {
                        patterns.push(keyword.clone());
                        slots.push(vec![(d, k)]);
                    }
                }
            }
        }
        // Standard match semantics: overlapping search reports every
        // occurrence of every keyword, as separate searches would.
        let matcher = (!patterns.is_empty())
            .then(|| AhoCorasick::new(&patterns).expect("a few short keywords fit an automaton"));
        let no_hits = table
            .iter()
            .map(|(_, keywords)| vec![Hits::default(); keywords.len()])
            .collect();
        let screen = screen(&patterns);
        Rules {
            table,
            patterns,
            slots,
            matcher,
            no_hits,
            screen,
        }
    }

    /// Whether `text` (as written, or normalized) may hold a keyword once
    /// normalized. Most cards name none: the screen spares them normalizing
    /// and the overlapping search, which were most of the topic rules' time
    /// (a fifth of parsing a note).
    fn may_hit(&self, text: &str) -> bool {
        match &self.screen {
            Some(screen) => screen.is_match(text),
            None => self.matcher.is_some(),
        }
    }

    /// [`Rules::may_hit`] for the plain text of Markdown `md`, judged from
    /// `md` as written: the markup that can join two pieces of text into one
    /// word is taken out first ([`without_joining_markup`]). Entities,
    /// escapes and HTML can spell a letter the text does not have: a back
    /// with any of them passes.
    fn may_hit_marked_up(&self, md: &str) -> bool {
        if !has_inline_markup(md) {
            return self.may_hit(md);
        }
        if memchr::memchr3(b'<', b'&', b'\\', md.as_bytes()).is_some() {
            return true;
        }
        self.may_hit(&without_joining_markup(md))
    }

    /// [`settle`] with this table.
    pub fn settle(&self, note: &mut Note, rules: bool) -> Vec<UnknownDemo> {
        let mut unknown = Vec::new();
        for card in &mut note.cards {
            if card.demos.is_empty() {
                if !rules {
                    continue;
                }
                card.demos = self
                    .topic_demos(subject(card), &card.back)
                    .into_iter()
                    .filter_map(|name| {
                        Some(Link {
                            name: name.to_string(),
                            args: topic_args(name, subject(card), &card.back)?,
                            explicit: false,
                            line: 0,
                        })
                    })
                    .collect();
                continue;
            }
            card.demos.retain(|l| {
                let known = self.table.iter().any(|(name, _)| *name == l.name);
                if !known {
                    unknown.push(UnknownDemo {
                        line: l.line,
                        name: l.name.clone(),
                    });
                }
                known
            });
        }
        unknown
    }

    /// [`by_topic`] with the prepared table.
    fn topic_demos(&self, subject: &str, back: &str) -> Vec<&'t str> {
        // Without a hit in the subject, whether it is short decides nothing.
        let subject_hits = self.may_hit(subject).then(|| {
            let subject = normalize(subject);
            (self.hits(&subject), subject.chars().count() <= TITLE_CHARS)
        });
        let short = subject_hits.as_ref().is_none_or(|(_, short)| *short);
        let in_subject = subject_hits
            .as_ref()
            .map_or(&self.no_hits, |(hits, _)| hits);
        // A short subject that names a demo decides alone (see `by_topic`):
        // the back need not be parsed.
        if short && in_subject.iter().any(|h| h.iter().any(|h| h.ours > 0)) {
            return self
                .table
                .iter()
                .zip(in_subject)
                .filter(|(_, hits)| hits.iter().any(|h| h.ours > 0))
                .map(|((name, _), _)| *name)
                .collect();
        }
        // A back is screened as written, its joining markup taken out
        // (`may_hit_marked_up`), before it is parsed and normalized; one
        // with an entity, escape or HTML is screened once normalized.
        let back = if reads_as_plain(back) {
            self.may_hit(back).then(|| normalize(back))
        } else if !self.may_hit_marked_up(back) {
            None
        } else {
            Some(parsed_normalized_plain_text(back)).filter(|back| self.may_hit(back))
        };
        let back_hits = back.map(|back| self.hits(&back));
        if subject_hits.is_none() && back_hits.is_none() {
            return Vec::new();
        }
        let in_back = back_hits.as_ref().unwrap_or(&self.no_hits);
        let judged =
            self.table.iter().zip(in_subject.iter().zip(in_back)).map(
                |((name, _), (in_subject, in_back))| (*name, judge(in_subject, in_back, short)),
            );
        chosen(judged)
    }

    /// Per demo, per keyword: its [`Hits`] in `text` (normalized), as
    /// [`hits`] counts them, in one pass over the text.
    fn hits(&self, text: &str) -> Vec<Vec<Hits>> {
        let mut out: Vec<Vec<Hits>> = self
            .table
            .iter()
            .map(|(_, keywords)| vec![Hits::default(); keywords.len()])
            .collect();
        let Some(matcher) = &self.matcher else {
            return out;
        };
        // `match_indices` does not overlap a keyword with itself: after a
        // match, it looks again from the match's end. Kept per pattern.
        let mut free_from = vec![0usize; self.patterns.len()];
        for m in matcher.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            let at = m.start();
            if at < free_from[p] {
                continue;
            }
            free_from[p] = m.end();
            let k = self.patterns[p].as_str();
            if !is_word(text, at, k) {
                continue;
            }
            let foreign = in_passing(text, at, k);
            for &(d, i) in &self.slots[p] {
                if foreign {
                    out[d][i].foreign += 1;
                } else {
                    out[d][i].ours += 1;
                }
            }
        }
        out
    }
}

/// The screen for the normalized keywords `patterns`: each one's longest
/// word, ASCII case ignored, anywhere in a text. A keyword is found in the
/// normalized text, which is the text lower-cased with each run of white
/// space, `-` and `_` made one space; so each of its words stands in the
/// text as written, letter for letter but for case, as long as each of those
/// letters lower-cases to itself alone. That holds for ASCII letters up to
/// their case and for Hangul syllables; of all other characters only `İ`
/// and the Kelvin sign `K` lower-case to ASCII, and the screen lets a text
/// with either through. A keyword of other letters (an `é`, whose capital
/// the screen would miss) turns the screen off: every text is searched.
fn screen(patterns: &[String]) -> Option<AhoCorasick> {
    let screens = !patterns.is_empty()
        && patterns.iter().all(|p| {
            p.chars()
                .all(|c| c.is_ascii() || key::is_hangul_syllable(c))
        });
    if !screens {
        return None;
    }
    let mut words: Vec<&str> = patterns
        .iter()
        .filter_map(|p| p.split(' ').max_by_key(|w| w.len()))
        .chain(["\u{130}", "\u{212A}"])
        .collect();
    words.sort_unstable();
    words.dedup();
    let screen = aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(&words)
        .expect("a few short words fit an automaton");
    Some(screen)
}

/// What a card is about, in its own words: a topic card's front is the whole
/// heading path, whose outer headings speak for their other sections too.
fn subject(card: &Card) -> &str {
    match (card.kind, card.heading_path.last()) {
        (CardKind::Topic, Some(own)) => own,
        _ => &card.front,
    }
}

/// A subject longer than this is a sentence, and a keyword in it may be in
/// passing ("요청한 URL 캐시가 없으면 DNS 서버가…"): it counts only when the
/// back mentions the topic too.
const TITLE_CHARS: usize = 40;

/// The back alone makes a card about a demo when it names this many distinct
/// keywords of the demo…
const BACK_DISTINCT: usize = 2;
/// …this many times in all.
const BACK_HITS: usize = 5;

/// Words that, right before a keyword, make it another protocol's thing:
/// the TLS or WebSocket handshake is not the TCP one, a WebSocket is not a
/// socket. (Qualifiers, then the keywords they qualify.)
const FOREIGN: &[(&[&str], &[&str])] = &[
    (
        &[
            "tls",
            "ssl",
            "https",
            "websocket",
            "web socket",
            "웹 소켓",
            "웹소켓",
        ],
        &["handshake", "핸드셰이크", "핸드쉐이크"],
    ),
    (&["web", "웹"], &["socket", "소켓"]),
];

/// The demos (names from `table`, in table order) a card is about, judged by
/// its subject (front or own heading) and its back (Markdown):
/// - the demos whose keywords the subject names, when there are any (a long
///   subject, a sentence, also needs the back to mention the demo once);
/// - else the demos whose keywords run through the back, `BACK_DISTINCT`
///   distinct ones `BACK_HITS` times in all, except a demo the subject
///   names as another protocol's (`Web Socket HandShake` is not about TCP's).
pub fn by_topic<'t>(subject: &str, back: &str, table: &Table<'t>) -> Vec<&'t str> {
    Rules::new(table).topic_demos(subject, back)
}

/// The arguments a topic link runs its demo with, chosen from the card so
/// that the demo makes the card's point; `None` when the demo cannot run
/// from what the card says (then no link is made). A demo not named here
/// runs sensibly without arguments.
///
/// - `uri`: the first `http(s)://` URL in the card, else an origin
///   comparison (the card is about URIs, origins or CORS);
/// - `handshake`: the scenario the card is about, its subject first:
///   TIME-WAIT opens `final-ack-lost` (why TIME-WAIT exists), a 4-way close
///   `close`, anything else `open`;
/// - `ip`: `--nat` when the card speaks of NAT, else the first IPv4 CIDR
///   it writes, else the demo's own example;
/// - `websocket`: `--compare` (polling, long polling, SSE and WebSocket on
///   one schedule) when the card speaks of polling or SSE;
/// - `cors`: a `PUT`, which needs a preflight, when the card speaks of the
///   preflight; else the simple GET.
/// - `session`: the fix a card names on 3 servers (`--sticky`,
///   `--clustering`), `--kind jwt` for tokens, `--kind cookie` for a cookie
///   card that is not about sessions, `--servers 3` for a load balancer.
pub fn topic_args(name: &str, subject: &str, back: &str) -> Option<String> {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
    let raw_subject = subject;
    let (subject, back_text) = (normalize(subject), normalize(&plain_text(back)));
    let word = |text: &str, w: &str| text.match_indices(w).any(|(at, k)| is_word(text, at, k));
    let names = |text: &str, words: &[&str]| words.iter().any(|w| word(text, w));
    Some(match name {
        "uri" => match first_url(raw_subject).or_else(|| first_url(&plain_text(back))) {
            Some(url) => enc(&url),
            None => format!(
                "{}&compare={}",
                enc("https://example.com/"),
                enc("https://api.example.com/")
            ),
        },
        "handshake" => {
            let scenario = |text: &str| {
                if names(text, &["time wait", "timewait"]) {
                    Some("final-ack-lost")
                } else if names(
                    text,
                    &["4 way", "4way", "four way", "종료", "해제", "close", "fin"],
                ) {
                    Some("close")
                } else if names(text, &["3 way", "3way", "three way", "연결 설정"]) {
                    Some("open")
                } else {
                    None
                }
            };
            let chosen = scenario(&subject)
                .or_else(|| scenario(&back_text))
                .unwrap_or("open");
            format!("scenario={chosen}")
        }
        "ip" => {
            if word(&subject, "nat") || word(&back_text, "nat") {
                "nat=true".to_string()
            } else {
                first_cidr(&subject)
                    .or_else(|| first_cidr(&back_text))
                    .map(|c| enc(&c))
                    .unwrap_or_default()
            }
        }
        "cors" => {
            let words = ["preflight", "프리플라이트", "프리 플라이트", "options"];
            if names(&subject, &words) || names(&back_text, &words) {
                "method=PUT".to_string()
            } else {
                String::new()
            }
        }
        "session" => {
            // A card about a load balancer's fix runs that fix on 3 servers;
            // one about JWT or cookies shows that kind.
            let has = |words: &[&str]| names(&subject, words) || names(&back_text, words);
            if has(&["sticky", "스티키"]) {
                "servers=3&sticky=true".to_string()
            } else if has(&["클러스터링", "clustering"]) {
                "servers=3&clustering=true".to_string()
            } else if has(&["jwt", "토큰", "token"]) {
                "kind=jwt".to_string()
            } else if has(&["samesite", "쿠키", "cookie"]) && !has(&["세션", "session"]) {
                "kind=cookie".to_string()
            } else if has(&["로드 밸런서", "로드밸런서", "load balancer"]) {
                "servers=3".to_string()
            } else {
                String::new()
            }
        }
        "websocket" => {
            let words = [
                "polling",
                "폴링",
                "sse",
                "server sent events",
                "long polling",
            ];
            if names(&subject, &words) || names(&back_text, &words) {
                "compare=true".to_string()
            } else {
                String::new()
            }
        }
        _ => String::new(),
    })
}

/// The first `http://` or `https://` URL in `text`, without the markup or
/// punctuation that closes it.
fn first_url(text: &str) -> Option<String> {
    let at = [text.find("https://"), text.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    let url: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_graphic() && !matches!(c, ')' | '>' | ']' | '"' | '\'' | '`'))
        .collect();
    let url = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    (url.len() > "https://".len()).then(|| url.to_string())
}

/// The first `a.b.c.d/n` in `text` that parses as an IPv4 CIDR.
fn first_cidr(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/'))
        .filter(|w| w.contains('/'))
        .find(|w| {
            w.split_once('/').is_some_and(|(a, n)| {
                a.parse::<std::net::Ipv4Addr>().is_ok() && n.parse::<u8>().is_ok_and(|n| n <= 32)
            })
        })
        .map(str::to_string)
}

/// Lower case, `-` and `_` as spaces (`TIME_WAIT`, `time-wait`, `3 way`),
/// spaces collapsed.
fn normalize(text: &str) -> String {
    let mut out = Normalized::with_capacity(text.len());
    out.push(text);
    out.finish(|| text.to_string())
}

/// [`normalize`] fed in pieces (the text events of a note), so the plain
/// text is never built as a string of its own; with [`normalize`] this was
/// an eighth of a fresh import.
///
/// Lower case is `str::to_lowercase`'s: one character at a time (ASCII and
/// Hangul syllables, nearly every character of the notes, without the
/// Unicode tables) except that `Σ` lowers by its context (`ς` at the end of
/// a word), so a text with a `Σ` is normalized again as a whole.
struct Normalized {
    out: String,
    gap: bool,
    sigma: bool,
}

impl Normalized {
    fn with_capacity(capacity: usize) -> Normalized {
        Normalized {
            out: String::with_capacity(capacity),
            gap: false,
            sigma: false,
        }
    }

    fn push(&mut self, piece: &str) {
        let mut rest = piece;
        while !rest.is_empty() {
            // Most of a note is words: copied a run at a time, not a
            // character at a time (that loop was a ninth of parsing a note).
            let run = word_run(rest);
            if run > 0 {
                if self.gap && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.gap = false;
                let start = self.out.len();
                self.out.push_str(&rest[..run]);
                self.out[start..].make_ascii_lowercase();
                rest = &rest[run..];
                continue;
            }
            let c = rest.chars().next().expect("rest is not empty");
            rest = &rest[c.len_utf8()..];
            if c.is_ascii() {
                self.push_lower(c.to_ascii_lowercase());
            } else {
                self.sigma |= c == 'Σ';
                c.to_lowercase().for_each(|l| self.push_lower(l));
            }
        }
    }

    fn push_lower(&mut self, c: char) {
        if c == '-' || c == '_' || c.is_whitespace() {
            self.gap = true;
            return;
        }
        if self.gap && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.gap = false;
        self.out.push(c);
    }

    /// The normalized text; `whole` gives the text pushed so far in one
    /// piece, needed only when it has a `Σ`.
    fn finish(self, whole: impl FnOnce() -> String) -> String {
        if !self.sigma {
            return self.out;
        }
        let mut again = Normalized::with_capacity(self.out.len());
        for c in whole().to_lowercase().chars() {
            again.push_lower(c);
        }
        again.out
    }
}

/// The length of the run at the start of `text` that [`Normalized`] copies
/// as it is but for ASCII case: ASCII other than `-`, `_` and white space,
/// and Hangul syllables (which have no case).
fn word_run(text: &str) -> usize {
    key::kept_run(text, |b| {
        !matches!(
            b,
            b'-' | b'_' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' '
        )
    })
}

/// The text a reader sees: link targets, image addresses and HTML left out,
/// so `https://…/support/socket.png` says nothing.
fn plain_text(md: &str) -> String {
    let mut out = String::new();
    for_plain_text(md, |piece| out.push_str(piece));
    out
}

/// [`normalize`]`(`[`plain_text`]`(md))`, in one pass over the events. A
/// back that [reads as plain text](reads_as_plain) is normalized as it is
/// instead: parsing each back again was a sixth of parsing a note, and many
/// backs are plain sentences and `-` lists.
fn parsed_normalized_plain_text(md: &str) -> String {
    let mut out = Normalized::with_capacity(md.len());
    for_plain_text(md, |piece| out.push(piece));
    out.finish(|| plain_text(md))
}

/// Whether the Markdown parser would leave `md`'s words as they are: no
/// character that opens inline markup, a heading, a quote, a table, an entity
/// or an escape, and no line that starts an ordered list (after any `-`
/// bullets). What the parser still takes out then is white space, `-`
/// bullets and rules, which [`normalize`] reads as gaps anyway.
fn reads_as_plain(md: &str) -> bool {
    if crate::markdown::has_markup_byte(md) {
        return false;
    }
    !crate::markdown::split_lines(md)
        .any(|line| crate::markdown::starts_ordered_item(line.trim_start_matches([' ', '\t', '-'])))
}

/// Whether `md` has a character that opens inline markup (emphasis,
/// strikethrough, code, a link or image, HTML), an entity or an escape.
/// Without one, the parser takes block structure out of `md` (markers,
/// indentation, table pipes, fences' lines) and keeps the rest as written,
/// each block and line apart: every word of its plain text is a word of `md`.
fn has_inline_markup(md: &str) -> bool {
    const INLINE: [bool; 256] = crate::markdown::byte_set(b"*_`~[]<&\\");
    md.bytes().any(|b| INLINE[usize::from(b)])
}

/// `md` without the characters between which its plain text can join two
/// pieces into one word: the delimiters that open emphasis, strikethrough,
/// links and images (`* _ ~ [ !`, with `]`), and code spans' backticks with
/// the white space beside them (a code span loses a space at each edge, and
/// its line breaks). Every other inline element ends in a break of the plain
/// text ([`for_plain_text`]). What is left keeps every word of the plain
/// text of an `md` with no entity, escape or HTML, letter for letter; taking
/// a character out never splits a word, at worst it joins two that the
/// plain text keeps apart, which the screen may then pass.
fn without_joining_markup(md: &str) -> String {
    // Copied a run at a time between the markup bytes, all ASCII: the
    // character-at-a-time loop was a twentieth of parsing a note.
    const JOINING: [bool; 256] = crate::markdown::byte_set(b"*_~[]!");
    // Where a run of copied text ends: joining markup or a code span's tick.
    const STOPS: [bool; 256] = {
        let mut stops = JOINING;
        stops[b'`' as usize] = true;
        stops
    };
    let joining = |c: char| c.is_ascii() && JOINING[c as usize];
    let mut out = String::with_capacity(md.len());
    let mut rest = md;
    let mut after_tick = false;
    loop {
        if after_tick {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || joining(c));
        }
        let run = rest
            .bytes()
            .position(|b| STOPS[usize::from(b)])
            .unwrap_or(rest.len());
        if run > 0 {
            out.push_str(&rest[..run]);
            after_tick = false;
        }
        match rest.as_bytes().get(run) {
            None => return out,
            Some(b'`') => {
                out.truncate(out.trim_end().len());
                after_tick = true;
            }
            Some(_) => {}
        }
        rest = &rest[run + 1..];
    }
}

/// Calls `f` with each piece of [`plain_text`], in order. Every block ends
/// and starts with a line break, so the words of a tight list item and of
/// the list nested in it stay apart (`- TCP` over `  - 연결` is not `TCP연결`);
/// inline markup ends with one too.
fn for_plain_text(md: &str, mut f: impl FnMut(&str)) {
    for event in Parser::new_ext(md, crate::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => f(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => f("\n"),
            Event::Start(tag) if !is_inline(&tag) => f("\n"),
            _ => {}
        }
    }
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// The topic rule for one demo, from its keyword hits: whether the subject
/// names it (a short subject alone, a long one with some support in the
/// back), and whether the back alone is about it (enough distinct keywords
/// and hits, and no other protocol's keyword in the subject).
fn judge(in_subject: &[Hits], in_back: &[Hits], short: bool) -> (bool, bool) {
    let back_distinct = in_back.iter().filter(|h| h.ours > 0).count();
    let back_total: usize = in_back.iter().map(|h| h.ours).sum();
    let named = in_subject.iter().any(|h| h.ours > 0) && (short || back_total > 0);
    let foreign = in_subject.iter().any(|h| h.foreign > 0);
    let in_back = !foreign && back_distinct >= BACK_DISTINCT && back_total >= BACK_HITS;
    (named, in_back)
}

/// The demos a card gets: those its subject names if any does, else those
/// its back is about.
fn chosen<'t>(judged: impl Iterator<Item = (&'t str, (bool, bool))>) -> Vec<&'t str> {
    let judged: Vec<_> = judged.collect();
    let any_named = judged.iter().any(|(_, (named, _))| *named);
    judged
        .into_iter()
        .filter(|(_, (named, in_back))| if any_named { *named } else { *in_back })
        .map(|(name, _)| name)
        .collect()
}

/// How often a keyword occurs as a word: as itself, and as another
/// protocol's thing ([`FOREIGN`]) or a citation.
#[derive(Debug, Clone, Copy, Default)]
struct Hits {
    ours: usize,
    foreign: usize,
}

/// English keywords match whole words (`port` is not in `report`, `url` not
/// in `curl`), allowing a plural `s`; Korean ones match inside words, since
/// particles attach to them (`소켓은`, `포트를`).
fn is_word(text: &str, at: usize, k: &str) -> bool {
    if !k.is_ascii() {
        return true;
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let before = text[..at].chars().next_back();
    let mut after = text[at + k.len()..].chars();
    let mut next = after.next();
    if next == Some('s') {
        let following = after.next();
        if !alnum(following) {
            next = following;
        }
    }
    !alnum(before) && !alnum(next)
}

/// A keyword that is another protocol's thing (`TLS handshake`, `웹 소켓`,
/// `Web Socket handshake`), or `출처:` citing where a note came from.
fn in_passing(text: &str, at: usize, k: &str) -> bool {
    if k == "출처" && text[at + k.len()..].trim_start().starts_with(':') {
        return true;
    }
    // "소켓 이전의 기술": what came before a thing is not about the thing.
    if text[at + k.len()..].trim_start().starts_with("이전") {
        return true;
    }
    // A version between the name and the keyword still qualifies it (`TLS 1.3 핸드셰이크`).
    let before = text[..at].trim_end();
    let before = before
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_end();
    FOREIGN
        .iter()
        .filter(|(_, keywords)| keywords.contains(&k))
        .flat_map(|(qualifiers, _)| qualifiers.iter())
        .any(|q| {
            before.strip_suffix(q).is_some_and(|rest| {
                !q.is_ascii() || !rest.ends_with(|c: char| c.is_ascii_alphanumeric())
            })
        })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The search the [`Rules`] matcher replaced, kept as the reference the
    /// tests compare it with: keyword by keyword, `str::match_indices`.
    mod reference {
        use super::super::*;

        /// The table with its keywords [normalized](normalize).
        pub fn normalize_table<'t>(table: &Table<'t>) -> Vec<(&'t str, Vec<String>)> {
            table
                .iter()
                .map(|(name, keywords)| (*name, keywords.iter().map(|k| normalize(k)).collect()))
                .collect()
        }

        /// [`by_topic`] with the keywords already normalized.
        pub fn topic_demos<'t>(
            subject: &str,
            back: &str,
            table: &[(&'t str, Vec<String>)],
        ) -> Vec<&'t str> {
            let subject = normalize(subject);
            let back = normalize(&plain_text(back));
            let short = subject.chars().count() <= TITLE_CHARS;
            let judged = table.iter().map(|(name, keywords)| {
                let verdict = judge(&hits(&subject, keywords), &hits(&back, keywords), short);
                (*name, verdict)
            });
            chosen(judged)
        }

        /// [`without_joining_markup`] a character at a time.
        pub fn without_joining_markup(md: &str) -> String {
            let mut out = String::with_capacity(md.len());
            let mut after_tick = false;
            for c in md.chars() {
                match c {
                    '*' | '_' | '~' | '[' | ']' | '!' => {}
                    '`' => {
                        out.truncate(out.trim_end().len());
                        after_tick = true;
                    }
                    c if after_tick && c.is_whitespace() => {}
                    c => {
                        after_tick = false;
                        out.push(c);
                    }
                }
            }
            out
        }

        /// Lower case, `-` and `_` as spaces (`TIME_WAIT`, `time-wait`, `3 way`),
        /// spaces collapsed.
        pub fn normalize(text: &str) -> String {
            let mapped: String = text
                .to_lowercase()
                .chars()
                .map(|c| if c == '-' || c == '_' { ' ' } else { c })
                .collect();
            mapped.split_whitespace().collect::<Vec<_>>().join(" ")
        }

        /// Each keyword's [`Hits`] in `text` (both normalized).
        pub fn hits(text: &str, keywords: &[String]) -> Vec<Hits> {
            keywords
                .iter()
                .map(|k| {
                    let mut h = Hits::default();
                    if k.is_empty() {
                        return h;
                    }
                    for (at, _) in text.match_indices(k.as_str()) {
                        if !is_word(text, at, k) {
                            continue;
                        }
                        if in_passing(text, at, k) {
                            h.foreign += 1;
                        } else {
                            h.ours += 1;
                        }
                    }
                    h
                })
                .collect()
        }
    }

    const TABLE: &Table<'static> = &[
        (
            "handshake",
            &[
                "handshake",
                "3-way",
                "4-way",
                "syn",
                "fin",
                "time_wait",
                "핸드쉐이크",
                "핸드셰이크",
            ],
        ),
        ("sockets", &["소켓", "포트", "socket", "port", "4-tuple"]),
        (
            "uri",
            &[
                "uri",
                "url",
                "urn",
                "퓨니코드",
                "punycode",
                "origin",
                "출처",
            ],
        ),
    ];

    fn topic(subject: &str, back: &str) -> Vec<&'static str> {
        by_topic(subject, back, TABLE)
    }

    #[test]
    fn a_keyword_in_the_front_names_the_topic() {
        assert_eq!(topic("3-way handshake를 설명해 주세요.", ""), ["handshake"]);
        assert_eq!(topic("TCP 3 way handshake", "연결을 연다."), ["handshake"]);
        assert_eq!(topic("TIME-WAIT 상태가 필요한 이유는?", ""), ["handshake"]);
        assert_eq!(topic("소켓과 포트의 차이가 무엇인가요?", "…"), ["sockets"]);
        assert_eq!(topic("What are ports for?", "…"), ["sockets"]);
        assert_eq!(topic("URL,URI,URN은 어떤 차이가 있나요?", "…"), ["uri"]);
        assert_eq!(topic("퓨니코드(Punycode)란?", "…"), ["uri"]);
        assert_eq!(topic("cross-origin", "…"), ["uri"]);
    }

    #[test]
    fn english_keywords_are_whole_words() {
        for front in [
            "Transport layer",
            "Customer support",
            "An error report",
            "curl로 요청 보내기",
            "Synchronous와 Asynchronous",
            "Finally",
            "Security",
            "Original design",
            "WebSocket이란?",
            "HttpSocket",
        ] {
            assert_eq!(topic(front, ""), Vec::<&str>::new(), "{front}");
        }
    }

    #[test]
    fn another_protocols_handshake_or_socket_is_not_ours() {
        assert!(topic("HTTPS HandShake", "인증서를 주고받는다.").is_empty());
        assert!(topic("TLS 핸드셰이크", "").is_empty());
        assert!(topic("TLS 1.3 핸드셰이크는 1.2와 무엇이 다른가요?", "").is_empty());
        assert!(topic("웹 소켓의 특징", "양방향 통신.").is_empty());
        assert!(topic("웹소켓", "").is_empty());
        assert!(topic("Web Socket HandShake 및 실행 흐름", "Upgrade 헤더").is_empty());
        // The TCP handshake named beside TLS is still ours.
        assert_eq!(topic("TCP handshake와 TLS handshake", ""), ["handshake"]);
    }

    #[test]
    fn a_word_in_passing_in_the_back_links_nothing() {
        // HTTP methods that mention a URL once.
        assert!(
            topic(
                "HTTP 메서드",
                "GET은 리소스를 조회한다. 데이터는 URL의 쿼리 스트링으로 보낸다.\n\nPOST는 본문에 담는다."
            )
            .is_empty()
        );
        // Status codes: nothing to do with any demo.
        assert!(
            topic(
                "응답 상태 코드",
                "- 200 OK\n- 301 Moved Permanently: Location 헤더의 URL로\n- 404 Not Found"
            )
            .is_empty()
        );
        // Two distinct words, once each: still in passing.
        assert!(topic("5계층 - 세션 계층", "- 포트번호로 세션 구성\n- API, Socket").is_empty());
        // Citing a source is not about origins.
        assert!(
            topic(
                "HTTP 캐시",
                "출처: https://example.com/cache\n\n출처 : 블로그"
            )
            .is_empty()
        );
        // Addresses of links and images are not text.
        assert!(
            topic(
                "그림",
                "![](https://x.kr/socket-port-4-tuple.png) [글](https://x.kr/port/socket)"
            )
            .is_empty()
        );
    }

    #[test]
    fn several_keywords_in_the_back_name_the_topic() {
        let back = "클라이언트가 SYN을 보내고, 서버가 SYN+ACK로 답하고, 클라이언트가 ACK를 보낸다. \
                    닫을 때는 FIN을 보내고, 상대도 FIN을 보낸다. 여는 쪽을 3-way라 부른다.";
        assert_eq!(topic("연결 수립 과정", back), ["handshake"]);
        let back = "서버 소켓은 80번 포트에서 listen하고, 연결마다 새 소켓이 생긴다. \
                    소켓은 4-tuple로 구분된다.";
        assert_eq!(topic("동시 접속 처리", back), ["sockets"]);
    }

    #[test]
    fn an_item_over_a_nested_list_keeps_its_words_apart() {
        // A tight item's text runs straight into the list nested under it;
        // read as `synsyn+ack…` the keywords were not words.
        let back = "- SYN\n  - 클라이언트가 보낸다\n- SYN+ACK\n  - 서버가 답한다\n\
                    - ACK\n  - 3-way의 끝\n- FIN\n  - 닫기\n- FIN\n  - 상대도";
        assert_eq!(topic("연결 수립 과정", back), ["handshake"]);
        assert_eq!(
            parsed_normalized_plain_text(back),
            normalize(&back.replace(['-', '\n'], " "))
        );
    }

    #[test]
    fn the_front_decides_when_it_names_a_topic() {
        // An origin is scheme, host and port: that does not make it a card about ports.
        let back = "Origin은 scheme, host, port를 합친 것이다. 포트가 다르면 다른 출처다. \
                    http://a.kr:80 과 http://a.kr:8080 은 포트가 달라 다른 origin이다. port!";
        assert_eq!(topic("출처(Origin)란?", back), ["uri"]);
        // A TCP overview that names the handshake and its flags once each.
        let back = "- 특징: 연결 (3 way-handshake)\n- 헤더에는 ACK, SYN, FIN 같은 플래그가 있다.";
        assert!(topic("TCP (Transmission Control Protocol)", back).is_empty());
        // The WebSocket opening handshake, however often it says handshake.
        let back = "Opening handshake는 HTTP Upgrade로 한다. handshake가 끝나면 프레임을 주고받는다. \
                    Closing handshake도 있다. 핸드쉐이크 핸드쉐이크";
        assert!(topic("Web Socket HandShake 및 실행 흐름", back).is_empty());
    }

    #[test]
    fn a_long_front_needs_the_back_to_agree() {
        let front =
            "3. 요청한 URL 캐시가 없으면 ISP의 DNS 서버가 IP 주소를 찾기 위해 DNS query를 날린다.";
        assert!(topic(front, "재귀적으로 루트, TLD, 권한 있는 서버에 묻는다.").is_empty());
        assert_eq!(topic(front, "URL의 호스트 이름으로 묻는다."), ["uri"]);
    }

    #[test]
    fn a_card_can_be_about_two_demos() {
        assert_eq!(
            topic("소켓의 3-way handshake", ""),
            ["handshake", "sockets"]
        );
    }

    #[test]
    fn a_link_belongs_to_the_card_whose_back_holds_it() {
        let note = crate::deck::parse_note(
            "머리말 [소켓](demo:sockets)\n\n# D\n## 종료\n본문\n\nQ: 왜 TIME-WAIT?\nA: 마지막 ACK [닫기](demo:handshake?scenario=final-ack-lost)\n",
            "x",
        );
        let links: Vec<(&str, Vec<&str>)> = note
            .cards
            .iter()
            .map(|c| {
                (
                    c.front.as_str(),
                    c.demos.iter().map(|l| l.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            links,
            [
                ("D", vec!["sockets"]),
                ("D › 종료", vec![]),
                ("왜 TIME-WAIT?", vec!["handshake"]),
            ]
        );
        assert_eq!(note.cards[2].demos[0].line, 8);
    }

    #[test]
    fn explicit_links_keep_their_order_and_lines() {
        let note = "# D\n## TCP\n본문\n\n[닫기](demo:handshake?scenario=close)\n[열기](demo:handshake?scenario=open) [웹](https://x)\n[소켓](demo:sockets)\n";
        let back = "본문\n\n[닫기](demo:handshake?scenario=close)\n[열기](demo:handshake?scenario=open) [웹](https://x)\n[소켓](demo:sockets)";
        let links = explicit(back, note, 2);
        let got: Vec<(&str, &str, u32)> = links
            .iter()
            .map(|l| (l.name.as_str(), l.args.as_str(), l.line))
            .collect();
        assert_eq!(
            got,
            [
                ("handshake", "scenario=close", 5),
                ("handshake", "scenario=open", 6),
                ("sockets", "", 7)
            ]
        );
        assert!(links.iter().all(|l| l.explicit));
    }

    /// Pieces of text the topic rules care about: keywords in every spelling,
    /// their qualifiers, word boundaries, Markdown that hides or joins text.
    const PIECES: &[&str] = &[
        "handshake",
        "HandShake",
        "3-way",
        "3 way",
        "4-way",
        "syn",
        "SYN",
        "fin",
        "Fin",
        "time_wait",
        "TIME-WAIT",
        "핸드셰이크",
        "핸드쉐이크",
        "소켓",
        "socket",
        "Sockets",
        "port",
        "ports",
        "report",
        "4-tuple",
        "uri",
        "URL",
        "curl",
        "urn",
        "origin",
        "출처",
        "출처:",
        ":",
        "tls",
        "TLS 1.3 ",
        "web",
        "웹 ",
        "웹",
        "websocket",
        "Web Socket",
        "웹소켓",
        "https",
        " ",
        "  ",
        "\n",
        "\n\n",
        "-",
        "_",
        "**",
        "`",
        "[",
        "](http://x/port)",
        "](demo:sockets)",
        "<br>",
        "&amp;",
        "\\",
        "- ",
        "# ",
        "> ",
        "1. ",
        "|",
        "\n| a | b |\n|---|---|\n| ",
        "~~",
        "S",
        "YN",
        "ha",
        "ndshake",
        "&#83;",
        "<b>",
        "```\n",
        "    ",
        "\t",
        "\n===\n",
        "s",
        "a",
        "é",
        "Σ",
        "ΑΣ",
        "&Sigma;",
        "İ",
        "ǅ",
        "\u{3000}",
        "Ｓ",
        "\u{212A}",
        "handsha\u{212A}e",
        "URİ",
        "WAY",
        "ς",
        "은",
        "를",
        "ss",
        "synsyn",
        "portport",
        "\u{0B}",
        "\r\n",
        "ㄱ",
        "\u{D7B0}",
        "가Σ",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
    }

    /// Words, white space and the line starts Markdown reads as structure,
    /// with now and then a piece that makes the text not plain.
    const PLAIN_PIECES: &[&str] = &[
        "TCP",
        "handshake",
        "소켓",
        "포트",
        "3",
        "way",
        "Σ",
        "ΑΣ",
        "İ",
        "\u{212A}",
        "é",
        ".",
        ")",
        ",",
        "?",
        ":",
        "(",
        "'",
        "\"",
        "/",
        "%",
        "@",
        " ",
        "  ",
        "    ",
        "\t",
        "\n",
        "\n\n",
        "\n    ",
        "\n\t",
        "- ",
        "\n- ",
        "\n  - ",
        "-",
        "--",
        "---",
        "\n---\n",
        "---\n",
        "\n1. ",
        "\n- 2) ",
        "1.",
        "10)",
        "\n\n    code",
        "\u{3000}",
        "\u{0B}",
        "\u{C}",
        "\r",
        "\u{FFFD}",
        "\u{A0}",
        "\n===",
        "\n=",
        "*",
        "_",
        "`",
        "#",
        ">",
        "<br>",
        "&amp;",
        "\\",
        "|",
        "~",
        "[",
        "]",
        "+ ",
        "\0",
        "{",
        "}",
        "$",
        "^",
        "\n+++\n",
    ];

    fn mostly_plain() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PLAIN_PIECES), 0..24)
            .prop_map(|v| v.concat())
    }

    /// Keywords in pieces, the markup that could join or spell them, and
    /// block structure: text the screen, read as written, mostly passes over.
    const FRAGMENTS: &[&str] = &[
        "S", "YN", "ha", "ndshake", "&#83;", "<b>", "**", "`", "~~", "[", "](x)", "_", "\\", " ",
        "\n", "- ", "# ", "> ", "|", "```\n", "    ", "연결", "!", "![", "``", " `", "` ", "\n`",
        "`\n", "\t", "1. ", "[^1]", "^",
    ];

    fn fragments() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..8)
            .prop_map(|v| v.concat())
    }

    /// A keyword's two halves and the markup that may stand between them.
    const JOINS: &[&str] = &[
        "ha", "ndshake", "`", " ", "\n", "!", "[", "](x)", "**", "~~", "_",
    ];

    /// Markup, words and the white space a code span's edge may swallow.
    fn marked_up() -> impl Strategy<Value = String> {
        let pieces: Vec<&str> = [JOINS, FRAGMENTS, &["\u{3000}", "`\u{a0} ", "é", "*_"]].concat();
        proptest::collection::vec(proptest::sample::select(pieces), 0..12).prop_map(|v| v.concat())
    }

    fn joins() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(JOINS), 0..7).prop_map(|v| v.concat())
    }

    #[test]
    fn inline_markup_joins_or_spells_what_the_screen_cannot_see() {
        let rules = Rules::new(TABLE);
        for back in [
            "ha**ndshake**",
            "ha<b>ndshake",
            "&#83;YN",
            "ha`ndshake`",
            "ha~~ndshake~~",
            "ha[ndshake](x)",
        ] {
            assert!(has_inline_markup(back), "{back}");
            assert!(!rules.may_hit(back), "{back}");
            let plain = parsed_normalized_plain_text(back);
            assert!(rules.may_hit(&plain), "{back}: {plain:?}");
            assert!(rules.may_hit_marked_up(back), "{back}");
        }
    }

    #[test]
    fn a_code_span_joins_across_the_space_at_its_edge() {
        let rules = Rules::new(TABLE);
        for back in ["ha` ndshake `", "ha`\nndshake\n`", "ha![ndshake](x.png)"] {
            let plain = parsed_normalized_plain_text(back);
            assert!(rules.may_hit(&plain), "{back}: {plain:?}");
            assert!(rules.may_hit_marked_up(back), "{back}");
        }
        // Markup that joins nothing: the parse is spared.
        assert!(!rules.may_hit_marked_up("**연결**은 `ack`로 끝난다"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_matcher_links_what_the_keyword_search_linked(subject in text(), back in text()) {
            let rules = Rules::new(TABLE);
            let old = reference::topic_demos(&subject, &back, &reference::normalize_table(TABLE));
            prop_assert_eq!(rules.topic_demos(&subject, &back), old);
        }

        #[test]
        fn the_matcher_counts_what_the_keyword_search_counted(text in text()) {
            let rules = Rules::new(TABLE);
            let text = normalize(&text);
            let new = rules.hits(&text);
            for (d, (_, keywords)) in reference::normalize_table(TABLE).iter().enumerate() {
                let old = reference::hits(&text, keywords);
                let got: Vec<(usize, usize)> = new[d].iter().map(|h| (h.ours, h.foreign)).collect();
                let want: Vec<(usize, usize)> = old.iter().map(|h| (h.ours, h.foreign)).collect();
                prop_assert_eq!(got, want);
            }
        }

        #[test]
        fn one_pass_normalize_is_the_old_normalize(text in text()) {
            prop_assert_eq!(normalize(&text), reference::normalize(&text));
        }

        #[test]
        fn runs_between_markup_are_taken_out_as_one_character_at_a_time(back in marked_up()) {
            prop_assert_eq!(without_joining_markup(&back), reference::without_joining_markup(&back));
        }

        #[test]
        fn what_reads_as_plain_normalizes_as_its_parse_does(back in mostly_plain()) {
            if reads_as_plain(&back) {
                prop_assert_eq!(normalize(&back), parsed_normalized_plain_text(&back));
            }
        }

        #[test]
        fn what_the_screen_passes_over_as_written_has_no_keyword(back in fragments()) {
            let rules = Rules::new(TABLE);
            if !rules.may_hit_marked_up(&back) {
                let plain = parsed_normalized_plain_text(&back);
                let hits = rules.hits(&plain);
                prop_assert!(hits.iter().flatten().all(|h| h.ours == 0 && h.foreign == 0), "{plain:?}");
            }
        }

        #[test]
        fn what_the_screen_passes_over_between_markup_has_no_keyword(back in joins()) {
            let rules = Rules::new(TABLE);
            if !rules.may_hit_marked_up(&back) {
                let plain = parsed_normalized_plain_text(&back);
                prop_assert!(!rules.may_hit(&plain), "{plain:?}");
            }
        }

        #[test]
        fn no_demo_link_where_the_prefilter_sees_none(back in text()) {
            if !may_link_a_demo(&back) {
                prop_assert!(parse_explicit(&back, &back, 1).is_empty());
            }
        }
    }

    #[test]
    fn the_prefilter_lets_encoded_targets_through() {
        for back in [
            "[a](demo&#58;sockets)",
            "[a](demo\\:sockets)",
            "[a](demo:sockets)",
        ] {
            assert!(may_link_a_demo(back), "{back}");
            assert_eq!(explicit(back, back, 1).len(), 1, "{back}");
        }
    }

    /// What [`screen`] rests on: apart from ASCII capitals, `İ` and `K`, no
    /// character lower-cases to ASCII, and none but a Hangul syllable itself
    /// to a Hangul syllable.
    #[test]
    fn only_ascii_capitals_and_two_others_lower_case_to_what_the_screen_seeks() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if c.is_ascii() || key::is_hangul_syllable(c) || c == '\u{130}' || c == '\u{212A}' {
                continue;
            }
            assert!(
                !c.to_lowercase()
                    .any(|l| l.is_ascii() || key::is_hangul_syllable(l)),
                "{c:?} lower-cases to {:?}",
                c.to_lowercase().to_string()
            );
        }
    }

    #[test]
    fn a_keyword_outside_ascii_and_hangul_turns_the_screen_off() {
        let rules = Rules::new(&[("uri", &["café", "url"])]);
        assert!(rules.screen.is_none());
        assert_eq!(rules.topic_demos("CAFÉ 란?", ""), ["uri"]);
    }

    #[test]
    fn the_real_table_has_distinct_lower_case_keywords_the_matcher_takes() {
        let table: Vec<(&str, &[&str])> = crate::sim::DEMOS
            .iter()
            .map(|d| (d.name, d.keywords))
            .collect();
        let rules = Rules::new(&table);
        assert!(rules.matcher.is_some());
        assert!(rules.screen.is_some(), "every text would be searched");
        let slots: usize = rules.slots.iter().map(Vec::len).sum();
        let keywords: usize = table.iter().map(|(_, k)| k.len()).sum();
        assert_eq!(slots, keywords);
    }
}

#[cfg(test)]
mod session_args {
    use super::topic_args;

    #[test]
    fn session_cards_run_the_fix_or_kind_they_name() {
        let args = |subject: &str| topic_args("session", subject, "").expect("session args");
        assert_eq!(args("sticky session이란?"), "servers=3&sticky=true");
        assert_eq!(args("세션 클러스터링의 비용"), "servers=3&clustering=true");
        assert_eq!(args("JWT의 구조"), "kind=jwt");
        assert_eq!(args("쿠키의 SameSite 속성"), "kind=cookie");
        assert_eq!(args("로드 밸런서와 세션"), "servers=3");
        assert_eq!(args("세션이란?"), "");
    }
}
