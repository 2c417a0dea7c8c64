//! Markdown → text for a terminal: headings, emphasis, lists, block quotes,
//! code, tables aligned by display width (so Korean lines up), and links and
//! images shown as text. Colour and width are parameters; the caller decides
//! from the terminal, `--width` and `NO_COLOR`.
//!
//! Within the width, paragraphs and list items wrap between words with
//! hanging indents (inline code and URLs stay whole); a table too wide wraps
//! inside its cells, or becomes one `key: value` block per row; a code line
//! too long is cut and ends in `…`.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::markdown::{is_br, options};

use super::visible;
use super::width::{width, wrap};

/// Nesting levels that still indent (see [`Writer::prefix`]).
const MAX_INDENT_DEPTH: usize = 16;

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Emit ANSI colour and emphasis.
    pub color: bool,
    /// Display columns to fit in; 0 lays nothing out (no wrapping).
    pub width: usize,
}

/// Stands in for a space that must not break a line (inside inline code)
/// until the text is laid out.
const KEEP: char = '\u{a0}';

/// Where a table's columns and a `key: value` block's keys start wrapping:
/// a key wider than this hangs its value under itself.
const MAX_KEY: usize = 16;

const BOLD: (&str, &str) = ("\x1b[1m", "\x1b[22m");
const ITALIC: (&str, &str) = ("\x1b[3m", "\x1b[23m");
const CODE: (&str, &str) = ("\x1b[36m", "\x1b[39m");
const DIM: (&str, &str) = ("\x1b[2m", "\x1b[22m");
const HEADING: (&str, &str) = ("\x1b[1;4m", "\x1b[22;24m");
const STRIKE: (&str, &str) = ("\x1b[9m", "\x1b[29m");

#[derive(Debug)]
struct Table {
    align: Vec<Alignment>,
    rows: Vec<Vec<String>>,
    header_rows: usize,
}

#[derive(Debug, Default)]
struct Writer {
    style: Style,
    out: String,
    /// Line prefixes for the open containers (quotes, list indents).
    prefixes: Vec<String>,
    /// Numbering of open lists (`None` = bullets).
    lists: Vec<Option<u64>>,
    at_line_start: bool,
    pending_blank: bool,
    links: Vec<String>,
    /// Inside a `demo:` link whose text has not started yet: it gets a `▶`
    /// unless it brings its own.
    demo_mark: bool,
    image_depth: usize,
    image_alt: String,
    table: Option<Table>,
    in_code: bool,
    /// The current line: where it starts in `out`, where its text starts
    /// after the container prefix and list marker, and the prefix of the
    /// lines it wraps onto.
    line_start: usize,
    body_start: usize,
    hang: String,
    /// The current line is code (cut, not wrapped) or already laid out.
    line_code: bool,
    line_fixed: bool,
}

impl Writer {
    fn on(&mut self, codes: (&str, &str)) {
        if self.style.color {
            self.raw(codes.0);
        }
    }

    fn off(&mut self, codes: (&str, &str)) {
        if self.style.color {
            self.raw(codes.1);
        }
    }

    /// Writes without touching line state (escape codes, table cells).
    fn raw(&mut self, s: &str) {
        if let Some(t) = self.table.as_mut() {
            if let Some(cell) = t.rows.last_mut().and_then(|r| r.last_mut()) {
                cell.push_str(s);
            }
            return;
        }
        if self.at_line_start && !s.starts_with('\x1b') {
            self.start_line();
        }
        self.out.push_str(s);
    }

    fn start_line(&mut self) {
        if self.pending_blank && !self.out.is_empty() {
            let prefix = self.prefix();
            self.out.push_str(prefix.trim_end());
            self.out.push('\n');
        }
        self.pending_blank = false;
        let prefix = self.prefix();
        self.line_start = self.out.len();
        self.out.push_str(&prefix);
        self.body_start = self.out.len();
        self.hang = prefix;
        self.line_code = false;
        self.line_fixed = false;
        self.at_line_start = false;
    }

    /// Lays the current line out in the width before it ends: text wraps
    /// between words onto `hang`, code is cut.
    fn finish_line(&mut self) {
        let max = self.style.width;
        if max == 0 || self.at_line_start || self.line_fixed {
            return;
        }
        let line = &self.out[self.line_start..];
        if width(line) <= max {
            return;
        }
        let laid = if self.line_code {
            cut(line, max)
        } else {
            let head = self.out[self.line_start..self.body_start].to_string();
            let body = self.out[self.body_start..].to_string();
            wrap(&body, max, &head, &self.hang).join("\n")
        };
        self.out.truncate(self.line_start);
        self.out.push_str(&laid);
    }

    /// The columns left inside the open containers.
    fn room(&self) -> usize {
        match self.style.width {
            0 => usize::MAX,
            w => w.saturating_sub(width(&self.prefix())).max(20),
        }
    }

    /// The prefix of a new line. Containers nested deeper than
    /// [`MAX_INDENT_DEPTH`] add no more indent: a pathological note nested
    /// 10,000 deep would otherwise print megabytes of spaces per line.
    fn prefix(&self) -> String {
        self.prefixes
            .iter()
            .take(MAX_INDENT_DEPTH)
            .map(String::as_str)
            .collect()
    }

    /// The note's own text: its control characters are shown, never sent
    /// (only [`Writer::on`] and [`Writer::off`] write escape codes).
    fn text(&mut self, s: &str) {
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            if !part.is_empty() {
                self.raw(&visible(part));
            }
        }
    }

    fn newline(&mut self) {
        if self.table.is_some() {
            self.raw(" ");
            return;
        }
        if self.at_line_start {
            self.start_line();
        }
        self.finish_line();
        self.out.push('\n');
        self.at_line_start = true;
    }

    fn end_block(&mut self) {
        if !self.at_line_start {
            self.finish_line();
            self.out.push('\n');
            self.at_line_start = true;
        }
        self.pending_blank = true;
    }

    fn flush_table(&mut self) {
        let Some(t) = self.table.take() else {
            return;
        };
        let lines = table_lines(&t, self.room(), self.style.color);
        for l in lines {
            self.raw(&l);
            self.line_fixed = true;
            self.newline();
        }
        self.end_block();
    }
}

/// A table's lines: boxed, its cells wrapped to fit `room` if need be, or
/// one `key: value` block per row when even that does not fit.
fn table_lines(t: &Table, room: usize, color: bool) -> Vec<String> {
    let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: &[String], c: usize| r.get(c).map_or(String::new(), |s| s.trim().to_string());
    let mut natural = vec![0; cols];
    let mut least = vec![1; cols];
    for row in &t.rows {
        for (c, text) in row.iter().enumerate() {
            natural[c] = natural[c].max(width(text.trim()));
            let longest = text.split(' ').map(width).max().unwrap_or(0);
            least[c] = least[c].max(longest);
        }
    }
    let Some(widths) = fit_columns(&natural, &least, room.saturating_sub(3 * cols + 1)) else {
        return key_value_lines(t, cols, room);
    };
    let rule = |l: &str, m: &str, r: &str| {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        format!("{l}{}{r}", parts.join(m))
    };
    let mut lines = vec![rule("┌", "┬", "┐")];
    for (n, row) in t.rows.iter().enumerate() {
        let wrapped: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(c, &w)| wrap(&cell(row, c), w, "", ""))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for i in 0..height {
            let mut s = String::from("│");
            for (c, w) in widths.iter().enumerate() {
                let text = wrapped[c].get(i).map_or("", String::as_str);
                let gap = w.saturating_sub(width(text));
                let (left, right) = match t.align.get(c) {
                    Some(Alignment::Right) => (gap, 0),
                    Some(Alignment::Center) => (gap / 2, gap - gap / 2),
                    _ => (0, gap),
                };
                let text = if n < t.header_rows && color && !text.is_empty() {
                    format!("{}{text}{}", BOLD.0, BOLD.1)
                } else {
                    text.to_string()
                };
                s.push_str(&format!(
                    " {}{text}{} │",
                    " ".repeat(left),
                    " ".repeat(right)
                ));
            }
            lines.push(s);
        }
        if n + 1 == t.header_rows {
            lines.push(rule("├", "┼", "┤"));
        }
    }
    lines.push(rule("└", "┴", "┘"));
    lines
}

/// Column widths summing to at most `room`: each column's natural width if
/// they all fit, else at least its longest word, the rest shared out by how
/// much each still lacks; `None` if even the longest words do not fit.
fn fit_columns(natural: &[usize], least: &[usize], room: usize) -> Option<Vec<usize>> {
    if natural.iter().sum::<usize>() <= room {
        return Some(natural.to_vec());
    }
    let least: Vec<usize> = least.iter().zip(natural).map(|(l, n)| *l.min(n)).collect();
    let floor: usize = least.iter().sum();
    if floor > room {
        return None;
    }
    let mut widths = least.clone();
    let lacking: usize = natural.iter().zip(&least).map(|(n, l)| n - l).sum();
    let spare = room - floor;
    for (w, (n, l)) in widths.iter_mut().zip(natural.iter().zip(&least)) {
        *w += (n - l) * spare / lacking.max(1);
    }
    // Rounding leaves a few columns over: to the columns still short.
    let mut left = room - widths.iter().sum::<usize>();
    for (w, n) in widths.iter_mut().zip(natural) {
        let more = (n - *w).min(left);
        *w += more;
        left -= more;
    }
    Some(widths)
}

/// A table as one block per row: `header: cell` lines, wrapped in `room`.
fn key_value_lines(t: &Table, cols: usize, room: usize) -> Vec<String> {
    let header: Vec<String> = (0..cols)
        .map(|c| {
            t.rows
                .first()
                .filter(|_| t.header_rows > 0)
                .and_then(|r| r.get(c))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("{}", c + 1))
        })
        .collect();
    let key_w = header
        .iter()
        .map(|h| width(h))
        .max()
        .unwrap_or(0)
        .min(MAX_KEY);
    let mut lines = Vec::new();
    for row in t.rows.iter().skip(t.header_rows) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        for (c, key) in header.iter().enumerate() {
            let value = row.get(c).map_or("", |s| s.trim());
            let head = if width(key) <= key_w {
                format!("{}: ", super::width::pad(key, key_w))
            } else {
                format!("{key}: ")
            };
            let hang = " ".repeat(key_w + 2);
            let value = if value.is_empty() { "–" } else { value };
            lines.extend(wrap(value, room, &head, &hang));
        }
    }
    lines
}

/// A line cut to `max` columns with `…` at the end; escape codes are kept,
/// so colour is still switched off.
fn cut(line: &str, max: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    let mut chars = line.chars();
    let mut cutting = false;
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            out.push(c);
            for c in chars.by_ref() {
                out.push(c);
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        if cutting {
            continue;
        }
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            out.push('…');
            cutting = true;
            continue;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Renders Markdown for a terminal.
pub fn render(markdown: &str, style: Style) -> String {
    let mut w = Writer {
        style,
        at_line_start: true,
        ..Writer::default()
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(tag) => start(&mut w, tag),
            Event::End(tag) => end(&mut w, tag),
            Event::Text(t) => {
                if w.image_depth == 0 {
                    if w.in_code {
                        let body = t.trim_end_matches('\n');
                        for (i, line) in body.split('\n').enumerate() {
                            if i > 0 {
                                w.newline();
                            }
                            // A tab is layout in code, not something to show.
                            let line = line.replace('\t', "    ");
                            w.on(CODE);
                            w.raw(&format!("    {}", visible(&line)));
                            w.line_code = true;
                            w.off(CODE);
                        }
                    } else {
                        if std::mem::take(&mut w.demo_mark) && !t.starts_with('▶') {
                            w.raw("▶ ");
                        }
                        w.text(&t);
                    }
                } else {
                    w.image_alt.push_str(&t);
                }
            }
            Event::Code(t) => {
                w.on(CODE);
                // Whole, unless it is wider than a line: then at its spaces.
                let code = visible(&t);
                if width(&code) < w.room() {
                    w.raw(&code.replace(' ', &KEEP.to_string()));
                } else {
                    w.raw(&code);
                }
                w.off(CODE);
            }
            Event::SoftBreak | Event::HardBreak => w.newline(),
            Event::InlineHtml(h) | Event::Html(h) if is_br(&h) => w.newline(),
            Event::Rule => {
                w.raw(&"─".repeat(w.room().min(40)));
                w.end_block();
            }
            Event::TaskListMarker(done) => w.raw(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    w.flush_table();
    w.finish_line();
    w.out.trim_end().replace(KEEP, " ")
}

fn start(w: &mut Writer, tag: Tag<'_>) {
    match tag {
        Tag::Heading { level, .. } => {
            let marks = match level {
                HeadingLevel::H1 => "■ ",
                HeadingLevel::H2 => "▌ ",
                _ => "▸ ",
            };
            w.raw(marks);
            w.body_start = w.out.len();
            w.hang = format!("{}{}", w.prefix(), " ".repeat(width(marks)));
            w.on(HEADING);
        }
        Tag::BlockQuote(_) => {
            w.end_block_soft();
            w.prefixes.push(if w.style.color {
                format!("{}│{} ", DIM.0, DIM.1)
            } else {
                "│ ".to_string()
            });
        }
        Tag::CodeBlock(kind) => {
            w.in_code = true;
            if let CodeBlockKind::Fenced(lang) = kind
                && !lang.is_empty()
            {
                w.on(DIM);
                w.raw(&format!("    [{}]", visible(&lang)));
                w.off(DIM);
                w.newline();
            }
        }
        Tag::List(first) => {
            if !w.lists.is_empty() && !w.at_line_start {
                w.newline();
            }
            w.lists.push(first);
        }
        Tag::Item => {
            let marker = match w.lists.last_mut() {
                Some(Some(n)) => {
                    let m = format!("{n}. ");
                    *n += 1;
                    m
                }
                _ => "• ".to_string(),
            };
            if !w.at_line_start {
                w.newline();
            }
            w.raw(&marker);
            w.prefixes.push(" ".repeat(width(&marker)));
            w.body_start = w.out.len();
            w.hang = w.prefix();
        }
        Tag::Emphasis => w.on(ITALIC),
        Tag::Strong => w.on(BOLD),
        Tag::Strikethrough => w.on(STRIKE),
        Tag::Link { dest_url, .. } => {
            // A demo link reads as something to run, not as an address.
            w.demo_mark = dest_url.trim().starts_with("demo:");
            w.links.push(dest_url.to_string());
        }
        Tag::Image { dest_url, .. } => {
            w.image_depth += 1;
            w.image_alt.clear();
            w.links.push(dest_url.to_string());
        }
        Tag::Table(align) => {
            w.flush_table();
            w.table = Some(Table {
                align,
                rows: Vec::new(),
                header_rows: 0,
            });
        }
        Tag::TableHead | Tag::TableRow => {
            if let Some(t) = w.table.as_mut() {
                t.rows.push(Vec::new());
            }
        }
        Tag::TableCell => {
            if let Some(row) = w.table.as_mut().and_then(|t| t.rows.last_mut()) {
                row.push(String::new());
            }
        }
        _ => {}
    }
}

fn end(w: &mut Writer, tag: TagEnd) {
    match tag {
        TagEnd::Heading(_) => {
            w.off(HEADING);
            w.end_block();
        }
        TagEnd::Paragraph => {
            if w.lists.is_empty() || w.prefixes.is_empty() {
                w.end_block();
            } else if !w.at_line_start {
                w.newline();
            }
        }
        TagEnd::BlockQuote(_) => {
            if !w.at_line_start {
                w.newline();
            }
            w.prefixes.pop();
            w.pending_blank = true;
        }
        TagEnd::CodeBlock => {
            w.in_code = false;
            w.end_block();
        }
        TagEnd::List(_) => {
            w.lists.pop();
            if w.lists.is_empty() {
                w.end_block();
            }
        }
        TagEnd::Item => {
            w.prefixes.pop();
            if !w.at_line_start {
                w.newline();
            }
            w.pending_blank = false;
        }
        TagEnd::Emphasis => w.off(ITALIC),
        TagEnd::Strong => w.off(BOLD),
        TagEnd::Strikethrough => w.off(STRIKE),
        TagEnd::Link => {
            if let Some(label) = w.links.last().and_then(|url| demo_label(url)) {
                w.links.pop();
                w.on(DIM);
                w.raw(&format!(
                    " {}",
                    crate::tr!("render-demo-link", label = label)
                ));
                w.off(DIM);
            } else if let Some(url) = w.links.pop()
                && !url.is_empty()
            {
                w.on(DIM);
                w.raw(&format!(" ({})", visible(&url)));
                w.off(DIM);
            }
        }
        TagEnd::Image => {
            w.image_depth = w.image_depth.saturating_sub(1);
            let url = w.links.pop().unwrap_or_default();
            let alt = std::mem::take(&mut w.image_alt);
            let label = if alt.trim().is_empty() {
                crate::tr!("render-image")
            } else {
                crate::tr!("render-image-alt", alt = visible(alt.trim()).into_owned())
            };
            w.raw(&label);
            w.on(DIM);
            w.raw(&format!(" ({})", visible(&url)));
            w.off(DIM);
        }
        TagEnd::TableHead => {
            if let Some(t) = w.table.as_mut() {
                t.header_rows = t.rows.len();
            }
        }
        TagEnd::Table => w.flush_table(),
        _ => {}
    }
}

/// A `demo:` link target for people: the demo's name and its arguments
/// decoded (`uri https://긴급재난지원금.kr/ compare=https://example.kr`),
/// control characters shown (decoding can make `%1b` an ESC);
/// `None` for any other target.
pub fn demo_label(target: &str) -> Option<String> {
    let link = crate::sim::DemoLink::parse(target)?;
    let mut label = link.name.clone();
    for item in link.args.split('&').filter(|s| !s.is_empty()) {
        label.push(' ');
        label.push_str(&percent_encoding::percent_decode_str(item).decode_utf8_lossy());
    }
    Some(visible(&label).into_owned())
}

impl Writer {
    /// Before a container: finish the current line, keep block spacing.
    fn end_block_soft(&mut self) {
        if !self.at_line_start {
            self.finish_line();
            self.out.push('\n');
            self.at_line_start = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> String {
        render(md, Style::default())
    }

    fn at(md: &str, width: usize) -> String {
        render(
            md,
            Style {
                color: false,
                width,
            },
        )
    }

    fn widest(out: &str) -> usize {
        out.lines().map(width).max().unwrap_or(0)
    }

    #[test]
    fn paragraphs_wrap_between_words_by_display_width() {
        let md = "TCP는 연결 지향 프로토콜로, 3-way 핸드셰이크로 연결을 맺은 뒤 순서 번호와 확인 응답으로 신뢰성 있는 전달을 보장합니다.";
        let out = at(md, 30);
        assert!(widest(&out) <= 30, "{out}");
        assert!(out.lines().count() > 2, "{out}");
        // Every word of the note is still there, whole.
        let words: Vec<&str> = out.split_whitespace().collect();
        assert_eq!(words, md.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let out = at(
            "- 첫째 항목은 아주 길어서 한 줄에 들어가지 않는 설명을 담고 있습니다\n  - 안쪽 항목도 마찬가지로 길게 이어지는 설명입니다\n",
            32,
        );
        assert!(widest(&out) <= 32, "{out}");
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("• "), "{out}");
        assert!(
            lines[1].starts_with("  ") && !lines[1].starts_with("   "),
            "{out}"
        );
        let inner = lines.iter().position(|l| l.starts_with("  • ")).unwrap();
        assert!(lines[inner + 1].starts_with("    "), "{out}");
    }

    #[test]
    fn inline_code_and_urls_are_kept_whole() {
        let out = at(
            "보내는 쪽은 `cwnd = min(cwnd * 2, ssthresh)` 로 늘리며 [RFC 5681](https://www.rfc-editor.org/rfc/rfc5681) 를 따릅니다",
            36,
        );
        assert!(out.contains("cwnd = min(cwnd * 2, ssthresh)"), "{out}");
        assert!(
            out.contains("(https://www.rfc-editor.org/rfc/rfc5681)"),
            "{out}"
        );
    }

    #[test]
    fn inline_code_wider_than_a_line_breaks_at_its_spaces() {
        let out = at(
            "서버가 `Strict-Transport-Security: max-age=31536000; includeSubDomains` 헤더를 보내면",
            40,
        );
        assert!(widest(&out) <= 40, "{out}");
        assert!(out.contains("max-age=31536000;"), "{out}");
    }

    #[test]
    fn code_lines_are_cut_and_marked_not_wrapped() {
        let out = at(
            "```\nshort\nabcdefghij abcdefghij abcdefghij abcdefghij\n```\n",
            30,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines, ["    short", "    abcdefghij abcdefghij abc…"]);
    }

    #[test]
    fn a_table_too_wide_wraps_inside_its_cells() {
        let md = "| 계층 | 역할 |\n|---|---|\n| 전송 계층 | 프로세스 간 전달과 신뢰성, 흐름 제어와 혼잡 제어 |\n";
        let wide = at(md, 120);
        assert_eq!(wide.lines().count(), 5, "{wide}");
        let out = at(md, 30);
        assert!(widest(&out) <= 30, "{out}");
        assert!(out.lines().count() > 5, "{out}");
        let widths: Vec<usize> = out.lines().map(width).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{out}");
        assert!(out.starts_with('┌'), "{out}");
    }

    #[test]
    fn a_table_that_cannot_fit_becomes_key_value_blocks() {
        let md = "| 이름 | 설명 | 예시 |\n|---|---|---|\n| 물리(Physical) | 신호로-비트-전송 | 케이블 |\n| 링크 | 프레임 | 스위치 |\n";
        let out = at(md, 24);
        assert!(widest(&out) <= 24, "{out}");
        assert!(!out.contains('┌'), "{out}");
        assert!(out.starts_with("이름: 물리(Physical)"), "{out}");
        assert!(
            out.contains("\n\n이름: 링크\n설명: 프레임\n예시: 스위치"),
            "{out}"
        );
    }

    #[test]
    fn columns_share_the_room_by_what_they_lack() {
        assert_eq!(fit_columns(&[5, 10], &[2, 3], 20), Some(vec![5, 10]));
        assert_eq!(fit_columns(&[10, 30], &[4, 6], 20), Some(vec![6, 14]));
        assert_eq!(fit_columns(&[10, 30], &[12, 12], 20), None);
        let w = fit_columns(&[7, 9, 40], &[3, 3, 5], 31).unwrap();
        assert_eq!(w.iter().sum::<usize>(), 31, "{w:?}");
    }

    #[test]
    fn lists_and_emphasis() {
        assert_eq!(plain("- **굵게** 하나\n- 둘\n"), "• 굵게 하나\n• 둘");
        assert_eq!(plain("1. 첫째\n2. 둘째\n"), "1. 첫째\n2. 둘째");
    }

    #[test]
    fn korean_table_columns_line_up() {
        let out = plain("| 계층 | PDU |\n|---|---|\n| 전송 계층 | segment |\n| 물리 | bit |\n");
        let lines: Vec<&str> = out.lines().collect();
        let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{out}");
        assert!(out.contains("│ 전송 계층 │ segment │"), "{out}");
    }

    #[test]
    fn quotes_code_links_and_images() {
        use crate::i18n::{Lang, with_lang};
        let md =
            "> 인용\n\n```text\nSYN seq=100\n```\n\n[RFC](https://x.y) ![그림](http://i/p.png)\n";
        assert_eq!(
            with_lang(Lang::Ko, || plain(md)),
            "│ 인용\n\n    [text]\n    SYN seq=100\n\nRFC (https://x.y) [이미지: 그림] (http://i/p.png)"
        );
        // The image's label is the screen's, in the screen's language.
        assert!(
            with_lang(Lang::En, || plain(md)).ends_with("[image: 그림] (http://i/p.png)"),
            "{}",
            with_lang(Lang::En, || plain(md))
        );
    }

    #[test]
    fn demo_links_read_as_something_to_run() {
        assert_eq!(
            plain("[3-way handshake 실행](demo:handshake?scenario=open)"),
            "▶ 3-way handshake 실행 [demo handshake scenario=open]"
        );
        assert_eq!(
            plain(
                "[퓨니코드 보기](demo:uri?https%3A%2F%2F%EA%B8%B4%EA%B8%89.kr%2F&compare=https://a.kr)"
            ),
            "▶ 퓨니코드 보기 [demo uri https://긴급.kr/ compare=https://a.kr]"
        );
        assert_eq!(plain("[소켓](demo:sockets)"), "▶ 소켓 [demo sockets]");
        assert_eq!(
            plain("[▶ 닫기](demo:handshake?scenario=close)"),
            "▶ 닫기 [demo handshake scenario=close]"
        );
    }

    /// Regression (issue 24, item 9): a note's escape sequences reached the
    /// terminal (`ESC]52` writes the clipboard, `ESC[2J` clears the screen).
    #[test]
    fn a_notes_escape_sequences_are_shown_not_sent() {
        let md = "clip \x1b]52;c;cm0gLXJm\x07 **b\x1b[2J** `c\x1b[31m`\n\n\
                  ```\nx\x1bc\ty\n```\n\n[l](http://a/\x1b[0m) ![a\x1b[5m](http://i/)\n\n\
                  | \x1b[2J |\n|---|\n| \x1b]8;;x\x07 |\n\n[d](demo:uri?%1b%5b2J)";
        for color in [false, true] {
            let out = render(md, Style { color, width: 0 });
            let ours = ["\x1b[1m", "\x1b[22m", "\x1b[36m", "\x1b[39m", "\x1b[2m"];
            let mut rest = out.clone();
            for code in ours {
                rest = rest.replace(code, "");
            }
            assert!(!rest.contains('\x1b'), "{out:?}");
            assert!(!out.contains('\x07'), "{out:?}");
            assert!(out.contains("\\u{1b}]52;c;cm0gLXJm\\u{7}"), "{out:?}");
            assert!(out.contains("\\u{1b}[2J"), "{out:?}");
            assert!(out.contains("    x\\u{1b}c    y"), "{out:?}");
        }
        assert!(!plain(md).contains('\x1b'));
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(!plain("**a**").contains('\x1b'));
        assert!(
            render(
                "**a**",
                Style {
                    color: true,
                    width: 0
                }
            )
            .contains("\x1b[1m")
        );
    }
}
