//! A note as a flat list of top-level Markdown blocks, each with its source
//! range, line and plain text: the shape the card rules work on.
//!
//! pulldown-cmark does the CommonMark parsing; this module only records where
//! each top-level block starts and ends and what it says without markup, so
//! the rules can cut the original Markdown at block boundaries.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub(crate) use crate::markdown::{is_br, options};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Heading(u8),
    Paragraph,
    BlockQuote,
    List,
    Code,
    Table,
    Html,
    Rule,
    Metadata,
    Other,
}

/// One item of a top-level list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// The item's first paragraph as plain text.
    pub text: String,
    /// The item holds more than one line of text: a sub-list, code, a second paragraph.
    pub nested: bool,
    pub line: u32,
    /// The item's Markdown in the note, marker and sub-lists included.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: Kind,
    pub range: Range<usize>,
    pub line: u32,
    /// Plain text with Markdown markers removed; line breaks kept as `\n`.
    pub text: String,
    pub items: Vec<Item>,
}

impl Block {
    pub fn source<'a>(&self, note: &'a str) -> &'a str {
        &note[self.range.clone()]
    }

    /// A paragraph that is nothing but bold text (`**Cookie**`): the way many
    /// notes write a sub-heading without a heading.
    pub fn is_bold_title(&self, note: &str) -> bool {
        let s = self.source(note).trim();
        self.kind == Kind::Paragraph
            && !s.contains('\n')
            && s.len() > 4
            && ((s.starts_with("**") && s.ends_with("**") && !s[2..s.len() - 2].contains("**"))
                || (s.starts_with("__") && s.ends_with("__") && !s[2..s.len() - 2].contains("__")))
    }
}

/// Maps byte offsets to 1-based line numbers.
#[derive(Debug)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Lines { starts }
    }

    pub fn line_of(&self, offset: usize) -> u32 {
        let idx = self.starts.partition_point(|&s| s <= offset);
        u32::try_from(idx.max(1)).unwrap_or(u32::MAX)
    }
}

/// Splits `note` into its top-level blocks.
pub(crate) fn blocks(note: &str) -> Vec<Block> {
    let lines = Lines::new(note);
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<Block> = None;
    // Inside a list: the depth of the current item, and whether its first
    // paragraph is over (text after that makes the item "nested").
    let mut item_first_done = false;
    let mut in_item_text = false;

    for (event, range) in Parser::new_ext(note, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    current = Some(Block {
                        kind: kind_of(&tag),
                        line: lines.line_of(range.start),
                        range: range.clone(),
                        text: String::new(),
                        items: Vec::new(),
                    });
                } else if let Some(block) = current.as_mut()
                    && block.kind == Kind::List
                {
                    match (&tag, depth) {
                        (Tag::Item, 1) => {
                            block.items.push(Item {
                                text: String::new(),
                                nested: false,
                                line: lines.line_of(range.start),
                                range: range.clone(),
                            });
                            item_first_done = false;
                            in_item_text = true;
                        }
                        (Tag::Paragraph, 2) => {
                            if item_first_done {
                                mark_nested(block);
                            }
                            in_item_text = !item_first_done;
                        }
                        (_, d) if d >= 2 => {
                            item_first_done = true;
                            in_item_text = false;
                            mark_nested(block);
                        }
                        _ => {}
                    }
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(mut block) = current.take() {
                        block.range.end = block.range.end.max(range.end);
                        trim_in_place(&mut block.text);
                        out.push(block);
                    }
                } else if let Some(block) = current.as_mut()
                    && block.kind == Kind::List
                    && ((matches!(end, TagEnd::Paragraph) && depth == 2)
                        || (matches!(end, TagEnd::Item) && depth == 1))
                {
                    item_first_done = true;
                    in_item_text = false;
                }
            }
            Event::Text(t) | Event::Code(t) => push_text(&mut current, &t, in_item_text),
            Event::SoftBreak | Event::HardBreak => push_text(&mut current, "\n", in_item_text),
            Event::InlineHtml(h) if is_br(&h) => push_text(&mut current, "\n", in_item_text),
            Event::Html(h) | Event::InlineHtml(h) if depth == 0 => {
                // An HTML block arrives as bare events at depth 0 in some cases.
                let start = range.start;
                out.push(Block {
                    kind: Kind::Html,
                    line: lines.line_of(start),
                    range,
                    text: h.trim().to_string(),
                    items: Vec::new(),
                });
            }
            Event::Rule if depth == 0 => out.push(Block {
                kind: Kind::Rule,
                line: lines.line_of(range.start),
                range,
                text: String::new(),
                items: Vec::new(),
            }),
            _ => {}
        }
    }
    out
}

/// `text.trim()`, without a second string for every block.
pub(crate) fn trim_in_place(text: &mut String) {
    text.truncate(text.trim_end().len());
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
}

fn mark_nested(block: &mut Block) {
    if let Some(item) = block.items.last_mut() {
        item.nested = true;
    }
}

fn push_text(current: &mut Option<Block>, text: &str, in_item_text: bool) {
    let Some(block) = current.as_mut() else {
        return;
    };
    match block.kind {
        Kind::List => {
            if in_item_text && let Some(item) = block.items.last_mut() {
                item.text.push_str(text);
            }
            block.text.push_str(text);
        }
        Kind::Code | Kind::Html | Kind::Metadata => {}
        _ => block.text.push_str(text),
    }
}

fn kind_of(tag: &Tag<'_>) -> Kind {
    match tag {
        Tag::Heading { level, .. } => Kind::Heading(*level as u8),
        Tag::Paragraph => Kind::Paragraph,
        Tag::BlockQuote(_) => Kind::BlockQuote,
        Tag::List(_) => Kind::List,
        Tag::CodeBlock(_) => Kind::Code,
        Tag::Table(_) => Kind::Table,
        Tag::HtmlBlock => Kind::Html,
        Tag::MetadataBlock(_) => Kind::Metadata,
        _ => Kind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_lines() {
        let note = "# 제목\n\n첫 문단\n둘째 줄\n\n## 소제목\n- 하나\n- 둘?\n";
        let b = blocks(note);
        let kinds: Vec<Kind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Heading(1),
                Kind::Paragraph,
                Kind::Heading(2),
                Kind::List
            ]
        );
        assert_eq!(b[1].text, "첫 문단\n둘째 줄");
        assert_eq!(b[2].line, 6);
        assert_eq!(b[3].items.len(), 2);
        assert_eq!(b[3].items[1].text, "둘?");
        assert_eq!(b[3].items[1].line, 8);
    }

    #[test]
    fn nested_list_items_are_marked() {
        let note = "- 질문?\n  - 답\n- 다른 질문?\n";
        let b = blocks(note);
        assert_eq!(b.len(), 1);
        assert!(b[0].items[0].nested);
        assert!(!b[0].items[1].nested);
        assert_eq!(b[0].items[0].text, "질문?");
    }

    #[test]
    fn lazy_blockquote_continuation_is_one_block() {
        let note = "> 왜 7계층인가?\n계층별로 나누면 장애 지점을 찾기 쉽다.\n";
        let b = blocks(note);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].kind, Kind::BlockQuote);
        assert_eq!(
            b[0].text,
            "왜 7계층인가?\n계층별로 나누면 장애 지점을 찾기 쉽다."
        );
    }

    #[test]
    fn br_tags_become_line_breaks_in_text() {
        let b = blocks("하나<br/>둘 <BR>\n");
        assert_eq!(b[0].text, "하나\n둘");
    }

    #[test]
    fn bold_title_paragraphs() {
        let note = "**Cookie**\n\n**굵게** 시작하는 문장\n";
        let b = blocks(note);
        assert!(b[0].is_bold_title(note));
        assert!(!b[1].is_bold_title(note));
    }
}
