//! Cards that live inside a section's body rather than in its heading:
//! `Q:`/`A:` pairs, `question :: answer` lines, Obsidian-style `?` blocks,
//! a question paragraph or block quote followed by its answer, lists of
//! questions with no answers (open cards), and plain-text listings such as a
//! blog index (title, summary, `Category YYYY.MM.DD`).

use pulldown_cmark::{Event, Parser};

use super::blocks::{Block, Kind};
use super::cloze;
use super::parse::join_blocks;
use super::question::is_question;
use super::{CardKind, Skipped};
use crate::markdown::lines;

/// The longest text still read as an inline question; longer ones are prose.
const MAX_QUESTION_CHARS: usize = 200;

/// A card found inside a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub kind: CardKind,
    pub front: String,
    pub back: String,
    pub line: u32,
    pub extra_tags: Vec<String>,
}

/// What [`extract`] found, and which body blocks it used up.
#[derive(Debug, Default)]
pub(super) struct Extraction {
    pub found: Vec<Found>,
    /// Per position in the body: true when the block went into an inline card.
    pub consumed: Vec<bool>,
    pub skipped: Vec<Skipped>,
}

/// Finds the inline cards in `body` (indices into `blocks`).
///
/// `cloze_bold` makes each bold term of a list item a cloze gap
/// (`--cloze-bold`, front-matter `cloze: bold`).
pub(super) fn extract(
    note: &str,
    blocks: &[Block],
    body: &[usize],
    cloze_bold: bool,
) -> Extraction {
    let mut ex = Extraction {
        consumed: vec![false; body.len()],
        ..Extraction::default()
    };
    if extract_index(note, blocks, body, &mut ex) {
        return ex;
    }
    let mut pos = 0;
    while pos < body.len() {
        let b = &blocks[body[pos]];
        let used = match b.kind {
            Kind::Paragraph | Kind::List if has_clozes(note, b, cloze_bold) => {
                clozes(note, b, cloze_bold, &mut ex)
            }
            Kind::Paragraph => paragraph(note, blocks, body, pos, &mut ex),
            Kind::BlockQuote => quote(note, blocks, body, pos, &mut ex),
            Kind::List => list(note, blocks, body, pos, &mut ex),
            _ => 0,
        };
        for c in &mut ex.consumed[pos..pos + used] {
            *c = true;
        }
        pos += used.max(1);
    }
    ex
}

/// The syntax of gaps in block `b`: brackets only in a `C:` paragraph,
/// bold only in list items.
fn cloze_syntax(b: &Block, cloze_bold: bool) -> cloze::Syntax {
    cloze::Syntax {
        brackets: false,
        bold: cloze_bold && b.kind == Kind::List,
    }
}

fn has_clozes(note: &str, b: &Block, cloze_bold: bool) -> bool {
    let src = b.source(note);
    if b.kind == Kind::Paragraph && cloze::strip_c_label(src).is_some() {
        return true;
    }
    let maybe = src.contains("{{c")
        || src.contains("==")
        || (cloze_bold && b.kind == Kind::List && (src.contains("**") || src.contains("__")));
    maybe && cloze::has_gaps(src, cloze_syntax(b, cloze_bold))
}

/// Cloze cards of a paragraph or list: a `C:` paragraph is one sentence;
/// otherwise each line with a gap is one. The block leaves its section's
/// back (returns 1) only when every line of it went into a cloze card, so
/// prose beside the clozes is not lost.
fn clozes(note: &str, b: &Block, cloze_bold: bool, ex: &mut Extraction) -> usize {
    let src = b.source(note);
    if b.kind == Kind::Paragraph
        && let Some(rest) = cloze::strip_c_label(src)
    {
        let sentence = lines(rest).map(str::trim).collect::<Vec<_>>().join(" ");
        let syntax = cloze::Syntax {
            brackets: true,
            bold: false,
        };
        let made = cloze::cards(&sentence, syntax);
        if made.is_empty() {
            ex.skipped.push(Skipped {
                line: b.line,
                reason: crate::tr!("deck-skip-cloze-no-gap"),
            });
        }
        for c in made {
            push_cloze(ex, c, b.line);
        }
        return 1;
    }
    let syntax = cloze_syntax(b, cloze_bold);
    let mut all = true;
    for (i, line) in lines(src).enumerate() {
        let text = if b.kind == Kind::List {
            strip_marker(line.trim_start())
        } else {
            line
        };
        if text.trim().is_empty() {
            continue;
        }
        let made = cloze::cards(text, syntax);
        if made.is_empty() {
            all = false;
        }
        for c in made {
            push_cloze(ex, c, b.line + i as u32);
        }
    }
    usize::from(all)
}

fn push_cloze(ex: &mut Extraction, c: cloze::ClozeCard, line: u32) {
    ex.found.push(Found {
        kind: CardKind::Cloze,
        front: c.front,
        back: c.back,
        line,
        extra_tags: Vec::new(),
    });
}

/// Handles a paragraph at `pos`; returns how many body blocks it used (0 = none).
fn paragraph(
    note: &str,
    blocks: &[Block],
    body: &[usize],
    pos: usize,
    ex: &mut Extraction,
) -> usize {
    let b = &blocks[body[pos]];
    let src = b.source(note);
    let lines: Vec<&str> = lines(src).collect();

    // `question :: answer` lines (and `:::` for both directions).
    let pairs: Vec<(usize, &str, &str, bool)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| split_colons(l).map(|(q, a, both)| (i, q, a, both)))
        .collect();
    if !pairs.is_empty() {
        for &(i, q, a, both) in &pairs {
            let line = b.line + i as u32;
            push_qa(ex, plain(q), a.trim().to_string(), line);
            if both {
                push_qa(ex, plain(a), q.trim().to_string(), line);
            }
        }
        // Prose lines around the pairs stay in the section's own card.
        return usize::from(pairs.len() == lines.len());
    }

    // Obsidian multi-line card: question lines, a line `?` (or `??`), answer lines.
    if let Some(sep) = lines.iter().position(|l| matches!(l.trim(), "?" | "??")) {
        let both = lines[sep].trim() == "??";
        let question = lines[..sep].join("\n");
        let mut answer = lines[sep + 1..].join("\n");
        let mut used = 1;
        // A list right under the `?` line interrupts the paragraph but belongs to it.
        if answer.trim().is_empty()
            && let Some(&next) = body.get(pos + 1)
            && adjacent(note, b, &blocks[next])
        {
            answer = join_blocks(note, blocks, &[next]);
            used = 2;
        }
        if question.trim().is_empty() {
            return 0;
        }
        push_card(ex, plain(&question), answer.trim().to_string(), b.line);
        if both && !answer.trim().is_empty() {
            push_qa(ex, plain(&answer), question.trim().to_string(), b.line);
        }
        return used;
    }

    // `Q: …` / `A: …`, in one paragraph or in two.
    if let Some(first) = lines.first()
        && let Some(q_rest) = strip_label(first, &["Q:", "Q.", "Q)", "질문:"])
    {
        let a_at = lines
            .iter()
            .position(|l| strip_label(l, &["A:", "A.", "A)", "답:", "답변:"]).is_some());
        let (question, inline_answer) = match a_at {
            Some(i) => {
                let mut q = vec![q_rest];
                q.extend(&lines[1..i]);
                let a_first =
                    strip_label(lines[i], &["A:", "A.", "A)", "답:", "답변:"]).unwrap_or("");
                let mut a = vec![a_first];
                a.extend(&lines[i + 1..]);
                (q.join("\n"), Some(a.join("\n")))
            }
            None => {
                let mut q = vec![q_rest];
                q.extend(&lines[1..]);
                (q.join("\n"), None)
            }
        };
        let (answer, used) = match inline_answer {
            Some(a) => (a, 1),
            None => {
                let (end, mut answer) = answer_after(note, blocks, body, pos + 1);
                if let Some(rest) = strip_label(&answer, &["A:", "A.", "A)", "답:", "답변:"]) {
                    answer = rest.to_string();
                }
                (answer, end - pos)
            }
        };
        push_card(ex, plain(&question), answer.trim().to_string(), b.line);
        return used;
    }

    // A short paragraph that asks something, answered by what follows.
    if is_inline_question(b) {
        let (end, answer) = answer_after(note, blocks, body, pos + 1);
        push_card(ex, b.text.clone(), answer, b.line);
        return end - pos;
    }
    0
}

/// A block quote whose first line asks something: the rest of the quote (or,
/// when the quote is only the question, the blocks after it) is the answer.
fn quote(note: &str, blocks: &[Block], body: &[usize], pos: usize, ex: &mut Extraction) -> usize {
    let b = &blocks[body[pos]];
    let first = lines(&b.text).next().unwrap_or("").trim();
    if first.chars().count() > MAX_QUESTION_CHARS || !is_question(first) {
        return 0;
    }
    let rest: Vec<String> = lines(b.source(note))
        .skip(1)
        .map(|l| {
            let t = l.trim_start();
            let t = t.strip_prefix('>').unwrap_or(t);
            t.strip_prefix(' ').unwrap_or(t).to_string()
        })
        .collect();
    let rest = rest.join("\n").trim().to_string();
    if !rest.is_empty() {
        push_card(ex, first.to_string(), rest, b.line);
        return 1;
    }
    let (end, answer) = answer_after(note, blocks, body, pos + 1);
    push_card(ex, first.to_string(), answer, b.line);
    end - pos
}

/// A list of questions and nothing else: each item is an open question,
/// except a lone question item followed by its answer (`+ 즉 REST란` and then
/// a numbered list). A list of `q :: a` items: each item is a card.
fn list(note: &str, blocks: &[Block], body: &[usize], pos: usize, ex: &mut Extraction) -> usize {
    let b = &blocks[body[pos]];
    if b.items.is_empty() || b.items.iter().any(|i| i.nested) {
        return 0;
    }
    let item_lines: Vec<&str> = lines(b.source(note))
        .map(|l| strip_marker(l.trim_start()))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let pairs: Vec<_> = item_lines.iter().filter_map(|l| split_colons(l)).collect();
    if pairs.len() == b.items.len() && item_lines.len() == b.items.len() {
        for (item, (q, a, both)) in b.items.iter().zip(pairs) {
            push_qa(ex, plain(q), a.trim().to_string(), item.line);
            if both {
                push_qa(ex, plain(a), q.trim().to_string(), item.line);
            }
        }
        return 1;
    }
    let all_questions = b.items.iter().all(|i| {
        let t = i.text.trim();
        !t.contains('\n') && t.chars().count() <= MAX_QUESTION_CHARS && is_question(t)
    });
    if !all_questions {
        return 0;
    }
    if let [item] = b.items.as_slice() {
        let (end, answer) = answer_after(note, blocks, body, pos + 1);
        push_card(ex, item.text.trim().to_string(), answer, item.line);
        return end - pos;
    }
    for item in &b.items {
        push_card(ex, item.text.trim().to_string(), String::new(), item.line);
    }
    1
}

/// The blocks from `start` that answer a question, up to the next thing that
/// starts something else. Returns the end position and the answer Markdown.
///
/// A bold line right after the question opens its answer rather than
/// ending it (`**정리**` and then the text): the question is answered by
/// what stands under it, not left open with the answer handed on.
fn answer_after(note: &str, blocks: &[Block], body: &[usize], start: usize) -> (usize, String) {
    let mut end = start;
    if let Some(&first) = body.get(start)
        && blocks[first].is_bold_title(note)
        && !is_question(&blocks[first].text)
        && body
            .get(start + 1)
            .is_some_and(|&next| !starts_something(note, &blocks[next]))
    {
        end += 1;
    }
    while end < body.len() && !starts_something(note, &blocks[body[end]]) {
        end += 1;
    }
    (end, join_blocks(note, blocks, &body[start..end]))
}

/// Blocks that end an answer: a rule, a bold pseudo-heading, another question.
fn starts_something(note: &str, b: &Block) -> bool {
    match b.kind {
        Kind::Rule | Kind::Heading(_) | Kind::Metadata => true,
        Kind::Paragraph => {
            let first = lines(b.source(note)).next().unwrap_or("");
            b.is_bold_title(note)
                || is_inline_question(b)
                || strip_label(first, &["Q:", "Q.", "Q)", "질문:"]).is_some()
                || lines(b.source(note)).any(|l| split_colons(l).is_some())
        }
        Kind::BlockQuote => {
            let first = lines(&b.text).next().unwrap_or("");
            first.chars().count() <= MAX_QUESTION_CHARS && is_question(first)
        }
        _ => false,
    }
}

fn is_inline_question(b: &Block) -> bool {
    b.kind == Kind::Paragraph
        && !b.text.contains('\n')
        && b.text.chars().count() <= MAX_QUESTION_CHARS
        && is_question(&b.text)
}

/// Records a card: answered → `qa`, unanswered → `open`.
fn push_card(ex: &mut Extraction, front: String, back: String, line: u32) {
    let kind = if back.trim().is_empty() {
        CardKind::Open
    } else {
        CardKind::Qa
    };
    ex.found.push(Found {
        kind,
        front,
        back,
        line,
        extra_tags: Vec::new(),
    });
}

fn push_qa(ex: &mut Extraction, front: String, back: String, line: u32) {
    if back.is_empty() {
        ex.skipped.push(Skipped {
            line,
            reason: crate::tr!("deck-skip-no-answer", front = format!("{front:?}")),
        });
        return;
    }
    push_card(ex, front, back, line);
}

/// Splits `question :: answer` (`:::` = both directions). The separator must
/// not sit inside inline code or look like a path, so `std::vec::Vec` and
/// `a::b` in code are left alone.
fn split_colons(line: &str) -> Option<(&str, &str, bool)> {
    let bytes = line.as_bytes();
    let mut in_code = false;
    let mut i = 0;
    // Only backticks and colons matter: jump from one to the next.
    while let Some(k) = memchr::memchr2(b'`', b':', &bytes[i..]) {
        i += k;
        if i + 1 >= bytes.len() {
            break;
        }
        match bytes[i] {
            b'`' => in_code = !in_code,
            b':' if !in_code && bytes[i + 1] == b':' => {
                let mut j = i;
                while j < bytes.len() && bytes[j] == b':' {
                    j += 1;
                }
                let run = j - i;
                let before = line[..i].chars().next_back();
                let after = line[j..].chars().next();
                let wordy =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                let q = line[..i].trim();
                let a = line[j..].trim();
                // Between two word characters `::` is a path (`std::vec`) unless
                // the question is one word and the answer no path (`TCP::전송 계층`).
                let path_like = wordy(before)
                    && wordy(after)
                    && (q.contains(char::is_whitespace) || q.contains("::") || a.contains("::"));
                if (run == 2 || run == 3) && !path_like && !q.is_empty() && !q.starts_with("http") {
                    return Some((q, a, run == 3));
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Strips a `Q:`-style label (also bold, `**Q:**`), returning the rest.
fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let t = line.trim_start();
    let (t, bold) = match t.strip_prefix("**") {
        Some(rest) => (rest, true),
        None => (t, false),
    };
    for label in labels {
        if let Some(rest) = t.strip_prefix(label) {
            // `**Q:** text` and `**Q. text**` both carry the label in bold.
            let rest = if bold {
                match rest.strip_prefix("**") {
                    Some(r) => r,
                    None => rest.trim_end().strip_suffix("**").unwrap_or(rest),
                }
            } else {
                rest
            };
            return Some(rest.trim_start());
        }
    }
    None
}

fn strip_marker(line: &str) -> &str {
    let t = line.trim_start();
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(m) {
            return rest;
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return r;
        }
    }
    t
}

/// True when nothing but a single line break separates `a` from `b`.
fn adjacent(note: &str, a: &Block, b: &Block) -> bool {
    note.get(a.range.end..b.range.start)
        .is_some_and(|gap| gap.matches('\n').count() <= 1)
}

/// Inline Markdown to plain text, for fronts.
pub(super) fn plain(md: &str) -> String {
    // Most fronts are a line of words, which the parser hands back as they are.
    if crate::markdown::is_literal_line(md) {
        return md.trim().to_string();
    }
    parsed_plain(md)
}

/// [`plain`], always running the parser.
fn parsed_plain(md: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(md, super::blocks::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    let out = out.trim().to_string();
    if out.is_empty() {
        md.trim().to_string()
    } else {
        out
    }
}

/// A plain-text listing: entries of a title line, summary lines and a
/// `Category YYYY.MM.DD` line. Needs two date lines to be taken for one, and
/// a body of nothing but paragraphs.
fn extract_index(note: &str, blocks: &[Block], body: &[usize], ex: &mut Extraction) -> bool {
    if body.is_empty() || body.iter().any(|&i| blocks[i].kind != Kind::Paragraph) {
        return false;
    }
    let lines: Vec<(u32, &str)> = body
        .iter()
        .flat_map(|&i| {
            let b = &blocks[i];
            lines(b.source(note))
                .enumerate()
                .map(move |(n, l)| (b.line + n as u32, l.trim()))
        })
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.iter().filter(|(_, l)| date_line(l).is_some()).count() < 2 {
        return false;
    }
    let mut pending: Vec<(u32, &str)> = Vec::new();
    for &(line, text) in &lines {
        match date_line(text) {
            Some(category) => {
                if let Some((&(title_line, title), summary)) = pending.split_first() {
                    let summary: Vec<&str> = summary.iter().map(|(_, l)| *l).collect();
                    ex.found.push(Found {
                        kind: CardKind::Entry,
                        front: plain(title),
                        back: summary.join("\n"),
                        line: title_line,
                        extra_tags: category
                            .map(|c| vec![super::key::tag(c)])
                            .unwrap_or_default(),
                    });
                } else {
                    ex.skipped.push(Skipped {
                        line,
                        reason: crate::tr!("deck-skip-date-alone"),
                    });
                }
                pending.clear();
            }
            None => pending.push((line, text)),
        }
    }
    if let Some(&(line, _)) = pending.first() {
        ex.skipped.push(Skipped {
            line,
            reason: crate::tr!("deck-skip-after-last-date"),
        });
    }
    ex.consumed.iter_mut().for_each(|c| *c = true);
    true
}

/// `Network 2023.02.14` → `Some(Some("Network"))`; `2023.02.14` → `Some(None)`.
fn date_line(line: &str) -> Option<Option<&str>> {
    // The date is the last word, at most 14 characters (`YYYY.MM.DD`) once
    // trailing dots are gone. Checking that first spares a long line (a
    // pasted `data:` URI) a search for its last space.
    let last_word = line
        .trim_end_matches('.')
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .take(15)
        .count();
    if last_word > 14 {
        return None;
    }
    let (head, date) = match line.rsplit_once(char::is_whitespace) {
        Some((h, d)) => (Some(h.trim()), d),
        None => (None, line),
    };
    let date = date.trim_end_matches('.');
    let parts: Vec<&str> = date.split(['.', '-']).collect();
    let ok = parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()));
    if !ok {
        return None;
    }
    let head = head.filter(|h| !h.is_empty());
    // A long head is a sentence that ends in a date, not a category.
    if head.is_some_and(|h| h.chars().nth(40).is_some()) {
        return None;
    }
    Some(head)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// [`split_colons`] as it was before it jumped from one colon or
    /// backtick to the next: the reference it is checked against.
    fn split_colons_byte_by_byte(line: &str) -> Option<(&str, &str, bool)> {
        let bytes = line.as_bytes();
        let mut in_code = false;
        let mut i = 0;
        while i + 1 < bytes.len() {
            match bytes[i] {
                b'`' => in_code = !in_code,
                b':' if !in_code && bytes[i + 1] == b':' => {
                    let mut j = i;
                    while j < bytes.len() && bytes[j] == b':' {
                        j += 1;
                    }
                    let run = j - i;
                    let before = line[..i].chars().next_back();
                    let after = line[j..].chars().next();
                    let wordy =
                        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                    let q = line[..i].trim();
                    let a = line[j..].trim();
                    let path_like = wordy(before)
                        && wordy(after)
                        && (q.contains(char::is_whitespace)
                            || q.contains("::")
                            || a.contains("::"));
                    if (run == 2 || run == 3)
                        && !path_like
                        && !q.is_empty()
                        && !q.starts_with("http")
                    {
                        return Some((q, a, run == 3));
                    }
                    i = j;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Pieces of a line that fronts and `::` lines are made of.
    const PIECES: &[&str] = &[
        "a",
        "TCP",
        "가",
        "전송 계층",
        " ",
        "  ",
        "\t",
        ":",
        "::",
        ":::",
        "::::",
        "`",
        "_",
        "http",
        "std",
        "-",
        "- ",
        "1. ",
        "2)",
        "*",
        "**",
        "#",
        ">",
        "|",
        "&amp;",
        "\\",
        "<b>",
        "[",
        "]",
        "!",
        "~",
        "=",
        "+",
        "\n",
        "\r",
        "\0",
        "\u{3000}",
        "\u{A0}",
        "?",
        ".",
        "    ",
    ];

    fn line() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..10).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn colons_split_as_they_did_byte_by_byte(line in line()) {
            prop_assert_eq!(split_colons(&line), split_colons_byte_by_byte(&line));
        }

        #[test]
        fn a_literal_line_is_its_own_plain_text(md in line()) {
            if crate::markdown::is_literal_line(&md) {
                prop_assert_eq!(md.trim(), parsed_plain(&md));
            }
        }
    }

    #[test]
    fn colons_split_only_as_separators() {
        assert_eq!(
            split_colons("TCP::전송 계층"),
            Some(("TCP", "전송 계층", false))
        );
        assert_eq!(split_colons("질문 ::: 답"), Some(("질문", "답", true)));
        assert_eq!(split_colons("Rust의 std::vec::Vec 타입"), None);
        assert_eq!(split_colons("std::vec::Vec"), None);
        assert_eq!(
            split_colons("TCP::Transmission Control Protocol"),
            Some(("TCP", "Transmission Control Protocol", false))
        );
        assert_eq!(split_colons("코드 `a::b` 예시"), None);
        assert_eq!(split_colons("https://example.com"), None);
    }

    #[test]
    fn date_lines() {
        assert_eq!(date_line("Network 2023.02.14"), Some(Some("Network")));
        assert_eq!(date_line("2023.2.4."), Some(None));
        assert_eq!(date_line("버전 1.2.3"), None);
        assert_eq!(date_line("오늘은 2023.01.01"), Some(Some("오늘은")));
        assert_eq!(date_line("Network 2023.02.14...."), Some(Some("Network")));
        assert_eq!(date_line("x 2023.1234.1234"), Some(Some("x")));
        assert_eq!(date_line("x 2023.1234.12345"), None);
        assert_eq!(date_line(&"a".repeat(41)), None);
        assert_eq!(
            date_line(&format!("{} 2023.02.14", "가".repeat(40))),
            Some(Some(&*"가".repeat(40)))
        );
        assert_eq!(date_line(&format!("{} 2023.02.14", "가".repeat(41))), None);
    }

    #[test]
    fn labels() {
        assert_eq!(strip_label("**Q:** 무엇?", &["Q:"]), Some("무엇?"));
        assert_eq!(strip_label("Q: 무엇?", &["Q:"]), Some("무엇?"));
        assert_eq!(
            strip_label("**Q.소켓은 몇 개?**", &["Q."]),
            Some("소켓은 몇 개?")
        );
        assert_eq!(strip_label("Query", &["Q:"]), None);
    }
}
