//! Text from outside (notes, file names, backups) made safe to print on a
//! terminal: every control character is shown as an escape instead of being
//! sent to the terminal, which would obey it (`ESC]52` writes the clipboard,
//! `ESC[2J` clears the screen, a newline in a file name prints a fake line).
//! The only escape sequences synack prints are its own styling
//! ([`super::terminal`]); everything a user wrote goes through [`visible`].

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// `s` with control characters (C0, DEL, C1) and the bidirectional overrides
/// and isolates shown as Rust escapes (`\n`, `\t`, `\u{1b}`, `\u{202e}`);
/// everything else, backslashes included, as it is. Borrowed when there is
/// nothing to escape, which is nearly always.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path for a terminal: [`visible`], with bytes that are not UTF-8 shown as
/// `\xNN` (where `Path::display` would print U+FFFD and two names would look
/// the same).
pub fn path(p: &Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&visible(chunk.valid()));
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    // U+202A-202E and U+2066-2069 reorder what follows them on the screen
    // ("Trojan Source"); they are formatting, not control, characters.
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_and_newlines_are_shown_not_sent() {
        assert_eq!(visible("\x1b]52;c;aGk=\x07"), "\\u{1b}]52;c;aGk=\\u{7}");
        assert_eq!(visible("\x1b[2J"), "\\u{1b}[2J");
        assert_eq!(
            visible("a\nb\tc\rd\u{9b}e\u{7f}"),
            "a\\nb\\tc\\rd\\u{9b}e\\u{7f}"
        );
        assert_eq!(visible("x\u{202e}gpj.md"), "x\\u{202e}gpj.md");
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        for s in ["", "TCP와 UDP의 차이는?", "C:\\path", "→ ▶ ✓", "a\u{200d}b"] {
            assert!(matches!(visible(s), Cow::Borrowed(t) if t == s));
        }
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_keep_their_bytes_apart() {
        use std::os::unix::ffi::OsStrExt;
        let ff = Path::new(std::ffi::OsStr::from_bytes(b"x\xff.md"));
        let fe = Path::new(std::ffi::OsStr::from_bytes(b"x\xfe\n.md"));
        assert_eq!(path(ff), "x\\xff.md");
        assert_eq!(path(fe), "x\\xfe\\n.md");
    }
}
