//! Markdown → text for a terminal: headings, emphasis, lists, block quotes,
//! code, tables aligned by display width (so Korean lines up), and links and
//! images shown as text. Colour is a parameter; the caller decides from the
//! terminal and `NO_COLOR`.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::markdown::{is_br, options};

use super::visible;
use super::width::width;

/// Nesting levels that still indent (see [`Writer::prefix`]).
const MAX_INDENT_DEPTH: usize = 16;

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Emit ANSI colour and emphasis.
    pub color: bool,
}

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
        self.out.push_str(&prefix);
        self.at_line_start = false;
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
        self.out.push('\n');
        self.at_line_start = true;
    }

    fn end_block(&mut self) {
        if !self.at_line_start {
            self.out.push('\n');
            self.at_line_start = true;
        }
        self.pending_blank = true;
    }

    fn flush_table(&mut self) {
        let Some(t) = self.table.take() else {
            return;
        };
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; cols];
        for row in &t.rows {
            for (c, cell) in row.iter().enumerate() {
                widths[c] = widths[c].max(width(cell.trim()));
            }
        }
        let line = |l: &str, m: &str, r: &str| {
            let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
            format!("{l}{}{r}", parts.join(m))
        };
        let mut lines = vec![line("┌", "┬", "┐")];
        for (n, row) in t.rows.iter().enumerate() {
            let mut s = String::from("│");
            for (c, w) in widths.iter().enumerate() {
                let cell = row.get(c).map_or("", |s| s.trim());
                let gap = w.saturating_sub(width(cell));
                let (left, right) = match t.align.get(c) {
                    Some(Alignment::Right) => (gap, 0),
                    Some(Alignment::Center) => (gap / 2, gap - gap / 2),
                    _ => (0, gap),
                };
                let cell = if n < t.header_rows && self.style.color {
                    format!("{}{cell}{}", BOLD.0, BOLD.1)
                } else {
                    cell.to_string()
                };
                s.push_str(&format!(
                    " {}{cell}{} │",
                    " ".repeat(left),
                    " ".repeat(right)
                ));
            }
            lines.push(s);
            if n + 1 == t.header_rows {
                lines.push(line("├", "┼", "┤"));
            }
        }
        lines.push(line("└", "┴", "┘"));
        for l in lines {
            self.raw(&l);
            self.newline();
        }
        self.end_block();
    }
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
                w.raw(&visible(&t));
                w.off(CODE);
            }
            Event::SoftBreak | Event::HardBreak => w.newline(),
            Event::InlineHtml(h) | Event::Html(h) if is_br(&h) => w.newline(),
            Event::Rule => {
                w.raw(&"─".repeat(40));
                w.end_block();
            }
            Event::TaskListMarker(done) => w.raw(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    w.flush_table();
    w.out.trim_end().to_string()
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
                w.raw(&format!(" [demo {label}]"));
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
                "[이미지]".to_string()
            } else {
                format!("[이미지: {}]", visible(alt.trim()))
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
            self.out.push('\n');
            self.at_line_start = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> String {
        render(md, Style { color: false })
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
        let out = plain(
            "> 인용\n\n```text\nSYN seq=100\n```\n\n[RFC](https://x.y) ![그림](http://i/p.png)\n",
        );
        assert_eq!(
            out,
            "│ 인용\n\n    [text]\n    SYN seq=100\n\nRFC (https://x.y) [이미지: 그림] (http://i/p.png)"
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
            let out = render(md, Style { color });
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
        assert!(render("**a**", Style { color: true }).contains("\x1b[1m"));
    }
}
