//! Display width of text in a terminal: Hangul and other wide characters take
//! two columns, so alignment must count columns, not chars or bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `s` takes in a terminal (ANSI escapes excluded).
pub fn width(s: &str) -> usize {
    if !s.contains('\x1b') {
        return UnicodeWidthStr::width(s);
    }
    UnicodeWidthStr::width(strip_ansi(s).as_str())
}

/// `s` followed by spaces up to `columns` wide.
pub fn pad(s: &str, columns: usize) -> String {
    let w = width(s);
    let mut out = String::with_capacity(s.len() + columns.saturating_sub(w));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(w)));
    out
}

/// `s` cut to at most `columns` wide, ending in `…` when cut. Plain text only.
pub fn truncate(s: &str, columns: usize) -> String {
    if width(s) <= columns {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > columns {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` wrapped in `max` columns between words (never inside one: a word
/// wider than the line stands alone on it), the first line starting with
/// `first` and the others with `rest`.
pub fn wrap(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    wrap_words(text, max, first, rest, false)
}

/// As [`wrap`], but a word wider than the line is broken, so that every
/// line fits (the demos' output, where a line may be a long hex string).
pub fn wrap_fitting(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    wrap_words(text, max, first, rest, true)
}

fn wrap_words(text: &str, max: usize, first: &str, rest: &str, break_long: bool) -> Vec<String> {
    if text.trim().is_empty() {
        return vec![first.trim_end().to_string()];
    }
    let options = textwrap::Options::new(max.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(break_long)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        // `3-way` and URLs are words: no break after their hyphens.
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let lines: Vec<String> = textwrap::wrap(text, options)
        .iter()
        .map(|l| l.trim_end().to_string())
        .collect();
    if lines.is_empty() {
        vec![first.trim_end().to_string()]
    } else {
        lines
    }
}

/// Every line of `text` that is wider than `max` wrapped, its continuation
/// lines under its own indent and two more columns; the others unchanged.
pub fn fit(text: &str, max: usize) -> String {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if width(line) <= max {
            out.push(line.to_string());
            continue;
        }
        let body = line.trim_start_matches(' ');
        let indent = &line[..line.len() - body.len()];
        let hang = format!("{indent}  ");
        out.extend(wrap(body, max, indent, &hang));
    }
    out.join("\n")
}

/// A heading path (`deck › heading › sub`) in at most `max` columns: the
/// first parts go first, replaced by `…` (`… › 혼잡 제어 › slow start`),
/// and a last part still too wide is cut.
pub fn shorten_path(path: &str, max: usize) -> String {
    const SEP: &str = " › ";
    if width(path) <= max {
        return path.to_string();
    }
    let parts: Vec<&str> = path.split(SEP).collect();
    for skip in 1..parts.len() {
        let rest = format!("…{SEP}{}", parts[skip..].join(SEP));
        if width(&rest) <= max {
            return rest;
        }
    }
    let last = parts.last().copied().unwrap_or(path);
    if parts.len() > 1 && max > width(SEP) + 2 {
        format!("…{SEP}{}", truncate(last, max - width(SEP) - 1))
    } else {
        truncate(last, max)
    }
}

/// Removes ANSI SGR escape sequences.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_is_two_columns() {
        assert_eq!(width("소켓"), 4);
        assert_eq!(width("TCP 소켓"), 8);
        assert_eq!(pad("포트", 6), "포트  ");
        assert_eq!(width(&pad("포트", 6)), width(&pad("port", 6)));
    }

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(truncate("가나다라마", 7), "가나다…");
        assert_eq!(truncate("abc", 7), "abc");
    }

    #[test]
    fn paths_shorten_from_the_left() {
        let p = "네트워크 기초와 TCP › 혼잡 제어 › slow start";
        assert_eq!(shorten_path(p, 60), p);
        assert_eq!(shorten_path(p, 30), "… › 혼잡 제어 › slow start");
        assert_eq!(shorten_path(p, 16), "… › slow start");
        assert!(shorten_path(p, 10).starts_with("… › slow"));
        assert!(width(&shorten_path(p, 10)) <= 10);
    }

    #[test]
    fn long_lines_wrap_under_their_indent() {
        let out = fit("short\n  one two three four five six", 14);
        assert_eq!(out, "short\n  one two\n    three four\n    five six");
        assert_eq!(wrap("", 10, "- ", "  "), ["-"]);
    }

    #[test]
    fn ansi_is_invisible() {
        assert_eq!(width("\x1b[1m굵게\x1b[22m"), 4);
    }
}
