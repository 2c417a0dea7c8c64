//! Big sections into cards a person can recall.
//!
//! A back longer than [`MAX_BACK_LINES`] non-blank lines is cut at its
//! natural split points, in this order of preference:
//! 1. sub-headings, bold lead lines (`**고정 세션**`) and quote headings
//!    (`> SSL 통신 과정`): each starts a part that runs to the next one;
//! 2. within what is still too long, list items with sub-lists of their
//!    own (one part per item) and numbered steps (one part per step).
//!
//! The parent keeps its own text before the first split point (the
//! overview), or, when it has none, the list of its parts. A title with no
//! text of its own under it (`**문제점**` right before `**첫째 문제**`) is
//! joined to the next part's title. Work is linear in the section's blocks.

use super::blocks::{Block, Kind};
use super::parse::join_blocks;
use crate::markdown::lines;

/// The most non-blank lines a card's back should have; longer backs are split.
pub const MAX_BACK_LINES: usize = 15;

/// Numbered steps are split only from this many on.
const MIN_STEPS: usize = 3;

/// The longest quote still read as a heading (`> SSL 통신 과정`).
const MAX_QUOTE_TITLE_CHARS: usize = 40;

/// One part of a split section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    /// The part's titles, outermost first (usually one).
    pub titles: Vec<String>,
    pub line: u32,
    pub back: String,
}

/// A section cut into its overview and parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Split {
    /// What the parent keeps: its text before the first part, or the list of its parts.
    pub overview: String,
    pub parts: Vec<Part>,
}

pub(super) fn non_blank_lines(text: &str) -> usize {
    lines(text).filter(|l| !l.trim().is_empty()).count()
}

/// Cuts the back made of `idxs` when it is too long to recall and has
/// somewhere to cut; `None` leaves it whole. `korean` chooses how numbered
/// steps are named (`2단계` or `step 2`).
pub(super) fn split(note: &str, blocks: &[Block], idxs: &[usize], korean: bool) -> Option<Split> {
    let total: usize = idxs
        .iter()
        .map(|&i| non_blank_lines(blocks[i].source(note)))
        .sum();
    if total <= MAX_BACK_LINES || one_table_or_code(blocks, idxs) {
        return None;
    }
    let (overview, mut parts) = cut(note, blocks, idxs, korean, Level::Titles)?;
    askable(&mut parts, korean);
    // A parent whose own text is nothing to recall (an image, a rule)
    // lists its parts after it: an overview, not an empty card.
    let overview = if overview.is_empty() {
        list_of(&parts)
    } else if super::recall::nothing_to_recall(&overview).is_some() {
        format!("{overview}\n\n{}", list_of(&parts))
    } else {
        overview
    };
    Some(Split { overview, parts })
}

/// The comment that asks for a section's lists to be one card per item.
pub(super) const SPLIT_MARKER: &str = "synack: split";

/// Whether block `b` is the `<!-- synack: split -->` comment.
pub(super) fn is_split_marker(note: &str, b: &Block) -> bool {
    b.kind == Kind::Html && {
        let s = b.source(note).trim();
        s.starts_with("<!--")
            && s.ends_with("-->")
            && s[4..s.len() - 3].trim().eq_ignore_ascii_case(SPLIT_MARKER)
    }
}

/// One card per item of the lists among `idxs`, whatever their length, as
/// the note asks with `<!-- synack: split -->` or front matter `split:
/// list` (HTTP methods, the congestion-control algorithms): an item
/// `**GET**: 조회` or `GET: 조회` is titled by its term and answered by the
/// rest; an item with a sub-list by its first line. Items with no answer of
/// their own stay in the parent. `None` when fewer than two items split.
pub(super) fn split_items(
    note: &str,
    blocks: &[Block],
    idxs: &[usize],
    korean: bool,
) -> Option<Split> {
    let mut rest: Vec<String> = Vec::new();
    let mut parts = Vec::new();
    for &i in idxs {
        let b = &blocks[i];
        if b.kind != Kind::List {
            let text = join_blocks(note, blocks, &[i]);
            if !text.is_empty() {
                rest.push(text);
            }
            continue;
        }
        let mut flat: Vec<&str> = Vec::new();
        for item in &b.items {
            let src = note.get(item.range.clone()).unwrap_or("").trim_end();
            match item_term(src) {
                Some((title, back)) => parts.push(Part {
                    titles: vec![title],
                    line: item.line,
                    back,
                }),
                None => flat.push(src),
            }
        }
        if !flat.is_empty() {
            rest.push(flat.join("\n"));
        }
    }
    if parts.len() < 2 {
        return None;
    }
    askable(&mut parts, korean);
    let overview = rest.join("\n\n");
    let overview = if overview.trim().is_empty() {
        list_of(&parts)
    } else {
        overview
    };
    Some(Split { overview, parts })
}

/// An item's term and its answer: `**term** — answer`, `term: answer`, or
/// its first line over its sub-list.
fn item_term(src: &str) -> Option<(String, String)> {
    let first = strip_marker(lines(src).next().unwrap_or("")).trim();
    let below = dedent_after_first(src);
    let join = |head: &str| -> String {
        let head = head
            .trim()
            .trim_start_matches([':', '-', '–', '—', ' '])
            .trim();
        match (head.is_empty(), below.is_empty()) {
            (true, _) => below.clone(),
            (false, true) => head.to_string(),
            (false, false) => format!("{head}\n{below}"),
        }
    };
    let (title, answer) = if let Some(rest) = first.strip_prefix("**")
        && let Some((term, after)) = rest.split_once("**")
    {
        (term.trim().to_string(), join(after))
    } else if let Some((term, after)) = first.split_once(": ")
        && term.chars().count() <= 40
    {
        (term.trim().to_string(), join(after))
    } else {
        (first.to_string(), below.clone())
    };
    (!title.is_empty() && !answer.trim().is_empty()).then_some((title, answer))
}

/// The kinds of split point, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    /// Sub-headings, bold lead lines, quote headings.
    Titles,
    /// Numbered lead lines (`1. 요청`, `1-2. **Server Hello**`), at least two.
    Steps,
    /// Items with sub-lists, numbered lists.
    Lists,
}

/// Cuts at the strongest split points present from `level` on; a part
/// still too long is cut again at the weaker ones.
fn cut(
    note: &str,
    blocks: &[Block],
    idxs: &[usize],
    korean: bool,
    level: Level,
) -> Option<(String, Vec<Part>)> {
    for l in [Level::Titles, Level::Steps] {
        if l < level {
            continue;
        }
        let points: Vec<usize> = (0..idxs.len())
            .filter(|&p| is_split_point(note, &blocks[idxs[p]], l))
            .collect();
        if points.is_empty() || (l == Level::Steps && points.len() < 2) {
            continue;
        }
        return Some(cut_at(note, blocks, idxs, korean, l, &points));
    }
    let (rest, parts) = split_lists(note, blocks, idxs, korean);
    (!parts.is_empty()).then_some((rest, parts))
}

fn cut_at(
    note: &str,
    blocks: &[Block],
    idxs: &[usize],
    korean: bool,
    level: Level,
    points: &[usize],
) -> (String, Vec<Part>) {
    let mut overview = join_blocks(note, blocks, &idxs[..points[0]]);
    let mut parts = Vec::new();
    let mut pending: Vec<(String, u32)> = Vec::new();
    let weaker = match level {
        Level::Titles => Level::Steps,
        _ => Level::Lists,
    };
    for (n, &p) in points.iter().enumerate() {
        let end = points.get(n + 1).copied().unwrap_or(idxs.len());
        let title_block = &blocks[idxs[p]];
        let content = &idxs[p + 1..end];
        let back = join_blocks(note, blocks, content);
        pending.push((title_of(note, title_block, level), title_block.line));
        if back.is_empty() {
            continue;
        }
        let line = pending[0].1;
        let titles: Vec<String> = pending.drain(..).map(|(t, _)| t).collect();
        if non_blank_lines(&back) > MAX_BACK_LINES
            && let Some((rest, sub)) = cut(note, blocks, content, korean, weaker)
        {
            let rest = if rest.is_empty() { list_of(&sub) } else { rest };
            parts.push(Part {
                titles: titles.clone(),
                line,
                back: rest,
            });
            for mut s in sub {
                let mut t = titles.clone();
                t.append(&mut s.titles);
                s.titles = t;
                parts.push(s);
            }
            continue;
        }
        parts.push(Part { titles, line, back });
    }
    if !pending.is_empty() {
        // Titles at the very end with nothing under them: the parent's text.
        let tail: Vec<String> = pending.into_iter().map(|(t, _)| t).collect();
        if !overview.is_empty() {
            overview.push_str("\n\n");
        }
        overview.push_str(&tail.join("\n\n"));
    }
    (overview, parts)
}

/// Titles that are whole statements give their answer away as fronts
/// ("2. 도메인의 IP 주소를 찾으려고 DNS 조회를 한다."): such a title
/// becomes what it is about (the words before its first topic marker,
/// `Go-Back-N에서는 …` → `Go-Back-N`), its step number (`2단계`, `step
/// 2`) or its place (`2번째 항목`), and the statement opens the part's
/// back, so nothing is lost.
fn askable(parts: &mut [Part], korean: bool) {
    for (n, part) in parts.iter_mut().enumerate() {
        let last = part.titles.len().saturating_sub(1);
        for (i, title) in part.titles.iter_mut().enumerate() {
            let Some(short) = short_title(title, Some(n + 1), korean) else {
                continue;
            };
            let statement = std::mem::replace(title, short);
            if i == last {
                part.back = format!("{statement}\n\n{}", part.back);
            }
        }
    }
}

/// The title to show for `title` when it is a whole statement (`None`
/// when it is not, or has nothing shorter to be): what it is about, else
/// its step number (`2단계`), else its place among its siblings `n`
/// (`2번째 항목`).
pub(super) fn short_title(title: &str, n: Option<usize>, korean: bool) -> Option<String> {
    if !is_statement(title) {
        return None;
    }
    if let Some(subject) = subject_of(title) {
        return Some(subject);
    }
    match (step_number(title), n, korean) {
        (Some(k), _, true) => Some(format!("{k}단계")),
        (Some(k), _, false) => Some(format!("step {k}")),
        (None, Some(k), true) => Some(format!("{k}번째 항목")),
        (None, Some(k), false) => Some(format!("item {k}")),
        (None, None, _) => None,
    }
}

/// A title that is a sentence: Korean ending in `다`/`다.`, or English of
/// six words or more ending in a full stop.
fn is_statement(title: &str) -> bool {
    let t = title.trim();
    let korean_sentence = {
        let u = t.trim_end_matches(['.', '!']);
        u.ends_with('다') && u.split_whitespace().count() >= 3
    };
    let english_sentence = t.ends_with('.')
        && t.split_whitespace().count() >= 6
        && !t.chars().any(super::key::is_hangul_syllable);
    korean_sentence || english_sentence
}

/// The step number a title opens with (`2.`, `1-3.`: the first).
fn step_number(title: &str) -> Option<usize> {
    let digits: String = title
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// What a Korean statement is about: the words before its first topic
/// marker (`은`, `는`, `에서는`, `이란`) when they are short; `None` else.
fn subject_of(statement: &str) -> Option<String> {
    let t = strip_marker(statement.trim());
    if step_number(statement).is_some() {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    for (i, w) in words.iter().enumerate().take(4) {
        for marker in ["에서는", "이란", "은", "는"] {
            if let Some(stem) = w.strip_suffix(marker) {
                let mut subject: Vec<&str> = words[..i].to_vec();
                if !stem.is_empty() {
                    subject.push(stem);
                }
                let subject = subject.join(" ");
                let long_enough = subject.chars().count() >= 2;
                if long_enough && subject.chars().count() <= 30 {
                    return Some(subject);
                }
                return None;
            }
        }
    }
    None
}

/// The parts as a list of their titles: the overview of a parent with no
/// text of its own.
fn list_of(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| format!("- {}", p.titles.join(" › ")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_table_or_code(blocks: &[Block], idxs: &[usize]) -> bool {
    let mut content = idxs
        .iter()
        .filter(|&&i| !matches!(blocks[i].kind, Kind::Rule | Kind::Metadata));
    matches!(
        (content.next(), content.next()),
        (Some(&i), None) if matches!(blocks[i].kind, Kind::Table | Kind::Code)
    )
}

/// Whether `b` is a split point of `level`.
fn is_split_point(note: &str, b: &Block, level: Level) -> bool {
    match (level, b.kind) {
        (Level::Titles, Kind::Heading(_)) => !b.text.trim().is_empty(),
        (Level::Titles, Kind::Paragraph) => b.is_bold_title(note),
        (Level::Titles, Kind::BlockQuote) => is_quote_heading(b),
        (Level::Steps, Kind::Paragraph | Kind::List) => step_lead(note, b).is_some(),
        _ => false,
    }
}

/// The longest numbered lead line still read as the title of a step.
const MAX_STEP_TITLE_CHARS: usize = 50;

/// A numbered lead line on its own (`1. URL을 파싱`, `1-1. **Client Hello**`):
/// its title, number included.
fn step_lead(note: &str, b: &Block) -> Option<String> {
    let src = b.source(note).trim();
    if src.contains('\n') || (b.kind == Kind::List && (b.items.len() != 1 || b.items[0].nested)) {
        return None;
    }
    let number_len = src
        .bytes()
        .take_while(|c| c.is_ascii_digit() || *c == b'-')
        .count();
    let rest = src.get(number_len..)?.strip_prefix(['.', ')'])?;
    if number_len == 0 || !src.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let title = super::inline::plain(rest.trim());
    let n = title.chars().count();
    (n > 0 && n <= MAX_STEP_TITLE_CHARS).then(|| format!("{}. {title}", &src[..number_len]))
}

/// A one-line quote that names something rather than says it: short, and
/// not ending like a sentence (`> SSL 통신 과정`, not `> 대표적으로 ELB가 있다.`).
fn is_quote_heading(b: &Block) -> bool {
    let t = b.text.trim();
    !t.is_empty()
        && !t.contains('\n')
        && t.chars().count() <= MAX_QUOTE_TITLE_CHARS
        && !t.ends_with(['.', '다', '요', '음', '함', '!', '?', ':', '。'])
        && !t.contains("](")
}

fn title_of(note: &str, b: &Block, level: Level) -> String {
    if level == Level::Steps
        && let Some(title) = step_lead(note, b)
    {
        return title;
    }
    let t = b.text.trim();
    if t.is_empty() {
        super::inline::plain(b.source(note))
    } else {
        t.to_string()
    }
}

/// Splits the lists among `idxs`: items with sub-lists of their own become
/// parts, and so do the steps of a numbered list. Returns what stays (the
/// other blocks and items, as Markdown) and the parts.
fn split_lists(note: &str, blocks: &[Block], idxs: &[usize], korean: bool) -> (String, Vec<Part>) {
    let mut rest: Vec<String> = Vec::new();
    let mut parts = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, rest: &mut Vec<String>| {
        let text = join_blocks(note, blocks, run);
        if !text.is_empty() {
            rest.push(text);
        }
        run.clear();
    };
    let is_steps = |b: &Block| {
        b.kind == Kind::List
            && ordered(b.source(note))
            && b.items.iter().all(|it| !it.nested)
            && b.items.len() >= MIN_STEPS
    };
    // Two numbered lists would both have a "1단계": the parts' fronts
    // would collide and one list would be dropped as a duplicate.
    let step_lists = idxs.iter().filter(|&&i| is_steps(&blocks[i])).count();
    let mut step_list = 0;
    for &i in idxs {
        let b = &blocks[i];
        if b.kind != Kind::List {
            run.push(i);
            continue;
        }
        let nested = b.items.iter().filter(|it| it.nested).count();
        let steps = is_steps(b);
        step_list += usize::from(steps);
        if nested == 0 && !steps {
            run.push(i);
            continue;
        }
        flush(&mut run, &mut rest);
        let mut flat: Vec<&str> = Vec::new();
        for (n, item) in b.items.iter().enumerate() {
            let src = note.get(item.range.clone()).unwrap_or("").trim_end();
            if steps {
                let label = match (korean, step_lists > 1) {
                    (true, false) => format!("{}단계", n + 1),
                    (true, true) => format!("{step_list}번째 목록 {}단계", n + 1),
                    (false, false) => format!("step {}", n + 1),
                    (false, true) => format!("list {step_list}, step {}", n + 1),
                };
                parts.push(Part {
                    titles: vec![label],
                    line: item.line,
                    back: strip_marker(src).trim().to_string(),
                });
            } else if item.nested {
                let title = item.text.lines().next().unwrap_or("").trim().to_string();
                let back = dedent_after_first(src);
                if title.is_empty() || back.is_empty() {
                    flat.push(src);
                    continue;
                }
                parts.push(Part {
                    titles: vec![title],
                    line: item.line,
                    back,
                });
            } else {
                flat.push(src);
            }
        }
        if !flat.is_empty() {
            rest.push(flat.join("\n"));
        }
    }
    flush(&mut run, &mut rest);
    (rest.join("\n\n"), parts)
}

fn ordered(src: &str) -> bool {
    let t = src.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
}

fn strip_marker(src: &str) -> &str {
    let t = src.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t[digits..];
    let rest = rest.strip_prefix(['.', ')', '-', '*', '+']).unwrap_or(rest);
    rest.strip_prefix(' ').unwrap_or(rest)
}

/// An item's Markdown after its first line, shifted left by the indent its
/// lines share.
fn dedent_after_first(src: &str) -> String {
    let body: Vec<&str> = lines(src).skip(1).collect();
    let indent = body
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let out: Vec<&str> = body
        .iter()
        .map(|l| l.get(indent..).unwrap_or_else(|| l.trim_start()))
        .collect();
    out.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::blocks::blocks;

    fn split_all(note: &str) -> Option<Split> {
        let b = blocks(note);
        let idxs: Vec<usize> = (0..b.len()).collect();
        split(note, &b, &idxs, true)
    }

    fn titles(s: &Split) -> Vec<String> {
        s.parts.iter().map(|p| p.titles.join(" › ")).collect()
    }

    #[test]
    fn a_short_back_is_left_whole() {
        assert_eq!(split_all("**굵게**\n\n짧은 답\n"), None);
    }

    #[test]
    fn bold_lead_lines_cut_a_long_back_and_the_parent_keeps_its_overview() {
        let mut note = String::from("개요 한 줄.\n\n**첫째**\n\n");
        for n in 0..8 {
            note.push_str(&format!("- 첫째 사실 {n}\n"));
        }
        note.push_str("\n**둘째 묶음**\n\n**둘째**\n\n");
        for n in 0..8 {
            note.push_str(&format!("- 둘째 사실 {n}\n"));
        }
        let s = split_all(&note).expect("split");
        assert_eq!(s.overview, "개요 한 줄.");
        assert_eq!(titles(&s), ["첫째", "둘째 묶음 › 둘째"]);
        assert!(s.parts[1].back.starts_with("- 둘째 사실 0"));
        assert!(!s.parts[0].back.contains("둘째"));
        assert_eq!(s.parts[0].line, 3);
    }

    #[test]
    fn items_with_sub_lists_become_parts_and_the_parent_lists_them() {
        let mut note = String::new();
        for name in ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"] {
            note.push_str(&format!("- {name}\n  - one fact\n  - two facts\n"));
        }
        let s = split_all(&note).expect("split");
        assert_eq!(titles(&s).len(), 6);
        assert_eq!(s.parts[0].back, "- one fact\n- two facts");
        assert_eq!(s.overview.lines().next(), Some("- Alpha"));
    }

    #[test]
    fn numbered_steps_become_one_part_each() {
        let mut note = String::from("Intro.\n\n");
        for n in 1..=16 {
            note.push_str(&format!("{n}. do thing {n}\n"));
        }
        let b = blocks(&note);
        let idxs: Vec<usize> = (0..b.len()).collect();
        let s = split(&note, &b, &idxs, false).expect("split");
        assert_eq!(s.overview, "Intro.");
        assert_eq!(s.parts.len(), 16);
        assert_eq!(s.parts[1].titles, ["step 2"]);
        assert_eq!(s.parts[1].back, "do thing 2");
    }

    #[test]
    fn a_statement_title_becomes_what_it_is_about_or_its_number() {
        let t = |s: &str, n| short_title(s, n, true);
        assert_eq!(
            t("Go-Back-N에서는 오류가 난 데이터부터 다시 보낸다.", Some(1)).as_deref(),
            Some("Go-Back-N")
        );
        assert_eq!(
            t("2. 도메인의 IP 주소를 찾으려고 DNS 조회를 한다.", None).as_deref(),
            Some("2단계")
        );
        assert_eq!(
            t("오류가 난 데이터만 골라 다시 보내는 방식이다.", Some(2)).as_deref(),
            Some("2번째 항목")
        );
        assert_eq!(
            t("오류가 난 데이터만 골라 다시 보내는 방식이다.", None),
            None
        );
        // Titles that name something are left alone.
        assert_eq!(t("1. 웹 브라우저가 URL을 파싱", None), None);
        assert_eq!(t("슬라이딩 윈도우", Some(1)), None);
        assert_eq!(
            short_title(
                "The sender resends every frame after the lost one.",
                Some(3),
                false
            )
            .as_deref(),
            Some("item 3")
        );
    }

    #[test]
    fn an_item_is_titled_by_its_term_and_answered_by_the_rest() {
        let t = |s: &str| item_term(s).map(|(a, b)| format!("{a}|{b}"));
        assert_eq!(t("- **GET**: 자원 조회").as_deref(), Some("GET|자원 조회"));
        assert_eq!(t("- **PUT** — 전체 교체").as_deref(), Some("PUT|전체 교체"));
        assert_eq!(
            t("- Tahoe: 손실이면 cwnd 1").as_deref(),
            Some("Tahoe|손실이면 cwnd 1")
        );
        assert_eq!(
            t("- host 후보\n  - 로컬 주소\n  - 같은 망").as_deref(),
            Some("host 후보|- 로컬 주소\n- 같은 망")
        );
        assert_eq!(t("- 그냥 한 줄"), None);
    }

    #[test]
    fn the_split_marker_makes_a_card_per_item_of_a_short_list() {
        let note = "# 웹\n\n## HTTP 메서드\n\n<!-- synack: split -->\n\n메서드마다 뜻이 있다.\n\n\
                    - **GET**: 조회\n- **POST**: 생성\n- **DELETE**: 삭제\n\n## 다른 절\n\n- **A**: 그대로\n- **B**: 둔다\n";
        let parsed = crate::deck::parse::parse_note(note, "web");
        let fronts: Vec<&str> = parsed.cards.iter().map(|c| c.front.as_str()).collect();
        assert!(fronts.contains(&"웹 › HTTP 메서드 › GET"), "{fronts:?}");
        assert!(fronts.contains(&"웹 › HTTP 메서드 › DELETE"), "{fronts:?}");
        let parent = parsed
            .cards
            .iter()
            .find(|c| c.front == "웹 › HTTP 메서드")
            .expect("parent");
        assert_eq!(parent.back, "메서드마다 뜻이 있다.");
        assert!(
            !parent.back.contains("synack"),
            "the marker is not card text"
        );
        // A section without the marker keeps its short list whole.
        assert!(fronts.contains(&"웹 › 다른 절"), "{fronts:?}");
        assert!(!fronts.iter().any(|f| f.ends_with("› A")), "{fronts:?}");
        // Front matter `split: list` asks it of every section.
        let all = format!(
            "---\nsplit: list\n---\n{}",
            note.replace("<!-- synack: split -->\n\n", "")
        );
        let parsed = crate::deck::parse::parse_note(&all, "web");
        let fronts: Vec<&str> = parsed.cards.iter().map(|c| c.front.as_str()).collect();
        assert!(fronts.contains(&"웹 › HTTP 메서드 › POST"), "{fronts:?}");
        assert!(fronts.contains(&"웹 › 다른 절 › B"), "{fronts:?}");
    }

    #[test]
    fn two_numbered_lists_in_one_section_have_parts_of_their_own() {
        // Both lists were titled "1단계", "2단계"…: the second list's parts
        // had the first's fronts and were dropped as duplicates.
        let mut note = String::from("요약.\n\n");
        for list in ["가", "나"] {
            note.push_str(&format!("{list} 과정:\n\n"));
            for n in 1..=8 {
                note.push_str(&format!("{n}. {list} 과정의 {n}번째 일\n"));
            }
            note.push('\n');
        }
        let s = split_all(&note).expect("split");
        let titles: Vec<String> = s.parts.iter().map(|p| p.titles.join(" ")).collect();
        assert_eq!(s.parts.len(), 16, "{titles:?}");
        assert_eq!(titles[0], "1번째 목록 1단계");
        assert_eq!(titles[8], "2번째 목록 1단계");
        let unique: std::collections::BTreeSet<&String> = titles.iter().collect();
        assert_eq!(unique.len(), 16, "{titles:?}");
    }

    #[test]
    fn numbered_lead_lines_cut_a_long_back_into_steps() {
        let mut note = String::from("요약 한 줄.\n\n");
        for (n, step) in ["1. 주소를 해석", "1-1. **이름 찾기**", "2. 연결"]
            .iter()
            .enumerate()
        {
            note.push_str(&format!("{step}\n\n"));
            for k in 0..6 {
                note.push_str(&format!("- 단계 {n} 설명 {k}\n"));
            }
            note.push('\n');
        }
        let s = split_all(&note).expect("split");
        assert_eq!(s.overview, "요약 한 줄.");
        assert_eq!(titles(&s), ["1. 주소를 해석", "1-1. 이름 찾기", "2. 연결"]);
        assert!(s.parts[1].back.starts_with("- 단계 1 설명 0"));
    }

    #[test]
    fn one_long_code_block_is_left_whole() {
        let mut note = String::from("```\n");
        for n in 0..30 {
            note.push_str(&format!("line {n}\n"));
        }
        note.push_str("```\n");
        assert_eq!(split_all(&note), None);
    }

    #[test]
    fn quote_headings_are_titles_but_quoted_sentences_are_not() {
        let b = blocks("> SSL 통신 과정\n\n> 대표적으로 ELB가 있다.\n");
        assert!(is_quote_heading(&b[0]));
        assert!(!is_quote_heading(&b[1]));
    }
}
