//! What the note parser and the terminal renderer agree on about Markdown:
//! the CommonMark extensions synack reads and the one HTML tag it understands.

use pulldown_cmark::Options;

/// CommonMark plus GitHub tables, strikethrough and task lists, and YAML
/// front matter (Obsidian notes start with it), which is never card text.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// Whether `text` has a byte that may open markup anywhere in a line (inline
/// markup, a heading, a quote, a table, a list item, a setext underline), an
/// entity or an escape. `\r` ends a line as `\n` does (notes are read with
/// `\n` only), and the parser reads NUL as U+FFFD in places.
pub fn has_markup_byte(text: &str) -> bool {
    const MARKUP: [bool; 256] = byte_set(b"*_`~[]!<>&\\#|=+\r\0");
    text.bytes().any(|b| MARKUP[usize::from(b)])
}

/// A table of the bytes in `bytes`, for scans that test every byte of a
/// text: a lookup is cheaper than a `matches!` of many bytes.
pub const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// `text.split('\n')`, with the line ends found by the memchr crate's
/// vectorized search rather than std's word-at-a-time one: splitting notes
/// into lines was a twentieth of parsing them.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain([text.len()])
        .map(move |end| {
            let line = &text[start..end];
            start = end + 1;
            line
        })
}

/// `text.lines()` on [`split_lines`]: a final line end ends no empty line,
/// and a `\r` before a line end goes with it.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let terminated = text.ends_with('\n');
    let body = if terminated {
        &text[..text.len() - 1]
    } else {
        text
    };
    let mut pieces = split_lines(body).peekable();
    if text.is_empty() {
        // `split` gives an empty text one empty piece; `lines` gives none.
        pieces.next();
    }
    std::iter::from_fn(move || {
        let line = pieces.next()?;
        let ended = terminated || pieces.peek().is_some();
        Some(if ended {
            line.strip_suffix('\r').unwrap_or(line)
        } else {
            line
        })
    })
}

/// Whether `line` (its indentation taken off) starts an ordered list item:
/// digits, then `.` or `)`.
pub fn starts_ordered_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
}

/// Whether the parser reads `md` as one paragraph of its text as written:
/// one line with no [markup byte](has_markup_byte), not starting like a list
/// item or a rule. Its plain text is then `md` trimmed.
pub fn is_literal_line(md: &str) -> bool {
    if md.contains('\n') || has_markup_byte(md) {
        return false;
    }
    let rest = md.trim_start_matches([' ', '\t']);
    !rest.starts_with('-') && !starts_ordered_item(rest)
}

/// `<br>`, `<br/>`, `<br />`, in any case: a line break, the only HTML that
/// means something in notes.
pub fn is_br(html: &str) -> bool {
    let h: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    h == "<br>" || h == "<br/>" || h == "</br>"
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{is_br, lines, split_lines};

    proptest::proptest! {
        #[test]
        fn lines_are_std_lines(
            text in proptest::collection::vec(
                proptest::sample::select(&["a", "\r", "\n", "가", " "][..]),
                0..10,
            ).prop_map(|v| v.concat())
        ) {
            let ours: Vec<&str> = lines(&text).collect();
            let std: Vec<&str> = text.lines().collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn split_lines_is_split_on_line_feeds() {
        for text in ["", "\n", "a", "a\n", "\na", "a\n\nb\r\n", "가\n나\n\n"] {
            let ours: Vec<&str> = split_lines(text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn br_variants() {
        assert!(is_br("<br />"));
        assert!(is_br("<BR>"));
        assert!(!is_br("<b>"));
    }
}
