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
    fn ansi_is_invisible() {
        assert_eq!(width("\x1b[1m굵게\x1b[22m"), 4);
    }
}
