//! Card identity and likeness: the normalized front that keys a card within
//! its deck, the tag form of a heading, and the similarity used to match a
//! reworded question to the card it used to be.

use unicode_normalization::UnicodeNormalization;

/// The key of a front: NFC, lower case, letters and digits only (plus `+`
/// and `#`), so that spacing, punctuation and Markdown do not change a
/// card's identity (`TCP 와 UDP 의 차이는?` and `TCP와 UDP의 차이는` are one card).
pub fn normalize(front: &str) -> String {
    // Text of ASCII and precomposed Hangul syllables alone is already NFC;
    // composing it anyway (decompose, reorder, recompose) was a tenth of a
    // fresh import.
    // Sized once: collected from a filter the key grew from nothing, five
    // reallocations for a typical front. One pass that gives up at the
    // first character that may compose: reading the front twice (test, then
    // key) was a third of keying it.
    //
    // Kept characters are copied a run at a time (a key is mostly words):
    // a character at a time, keys and tags were a tenth of parsing a note.
    let mut key = String::with_capacity(front.len());
    let mut rest = front;
    while !rest.is_empty() {
        let run = kept_run(rest, |b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'#')
        });
        if run > 0 {
            let start = key.len();
            key.push_str(&rest[..run]);
            key[start..].make_ascii_lowercase();
            rest = &rest[run..];
            continue;
        }
        let c = rest.chars().next().expect("rest is not empty");
        if !needs_no_composing(c) {
            return front
                .nfc()
                .flat_map(char::to_lowercase)
                .filter(|&c| is_alphanumeric(c) || matches!(c, '+' | '#'))
                .collect();
        }
        rest = &rest[c.len_utf8()..];
    }
    key
}

/// The length of the run at the start of `text` of ASCII bytes that `keep`
/// accepts and Hangul syllables: what a key, a tag or the topic rules'
/// normalized text copies as it is (but for ASCII case).
pub(crate) fn kept_run(text: &str, keep: impl Fn(u8) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            0..=0x7F if keep(b) => at += 1,
            // A Hangul syllable (U+AC00..=U+D7A3) is three bytes, led by 0xEA..=0xED.
            0xEA..=0xED => match text[at..].chars().next() {
                Some(c) if is_hangul_syllable(c) => at += 3,
                _ => break,
            },
            _ => break,
        }
    }
    at
}

/// Whether a key or tag can read `c` without composing the text first:
/// ASCII and Hangul syllables are NFC already, and so is the punctuation
/// notes put between words (a breadcrumb's `›`, `·`, quotes, dashes),
/// which composes with nothing (unlike `→`, which a combining slash
/// makes `↛`) and which keys and tags drop. A
/// topic card's front is a breadcrumb: without these, every one of them was
/// composed (a tenth of keying a note's cards).
fn needs_no_composing(c: char) -> bool {
    c.is_ascii() || is_hangul_syllable(c) || INERT_PUNCTUATION.contains(&c)
}

const INERT_PUNCTUATION: [char; 15] = [
    '·', '›', '‹', '…', '–', '—', '‘', '’', '“', '”', '•', '「', '」', '『', '』',
];

#[inline]
pub(crate) fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// [`char::is_alphanumeric`], answering ASCII and Hangul syllables (nearly
/// every character of the notes) without the Unicode tables, whose lookups
/// were 7% of the instructions of a fresh import.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // Every Hangul syllable is a letter (category Lo).
        is_hangul_syllable(c) || c.is_alphanumeric()
    }
}

/// A heading as a tag: words joined by `-`, punctuation dropped
/// (`1계층 - 물리계층(Physical Layer)` → `1계층-물리계층-Physical-Layer`).
pub fn tag(heading: &str) -> String {
    // As in `normalize`: ASCII and Hangul syllables are NFC already, and one
    // pass starts over composed at the first character that may compose.
    let mut tag = Tag::with_capacity(heading.len());
    let mut rest = heading;
    while !rest.is_empty() {
        let run = kept_run(rest, |b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'#' | b'.' | b'_' | b'/')
        });
        if run > 0 {
            tag.push_word(&rest[..run]);
            rest = &rest[run..];
            continue;
        }
        let c = rest.chars().next().expect("rest is not empty");
        if !needs_no_composing(c) {
            return tag_of(heading.nfc());
        }
        tag.push(c);
        rest = &rest[c.len_utf8()..];
    }
    tag.finish()
}

fn tag_of(chars: impl Iterator<Item = char>) -> String {
    let mut tag = Tag::with_capacity(0);
    chars.for_each(|c| tag.push(c));
    tag.finish()
}

/// A tag being written: its words joined by `-`.
struct Tag {
    out: String,
    gap: bool,
}

impl Tag {
    fn with_capacity(n: usize) -> Tag {
        Tag {
            out: String::with_capacity(n),
            gap: false,
        }
    }

    fn push(&mut self, c: char) {
        if is_alphanumeric(c) || matches!(c, '+' | '#' | '.' | '_' | '/') {
            if self.gap && !self.out.is_empty() {
                self.out.push('-');
            }
            self.gap = false;
            self.out.push(c);
        } else {
            self.gap = true;
        }
    }

    /// Characters that [`Tag::push`] keeps, all at once.
    fn push_word(&mut self, word: &str) {
        if self.gap && !self.out.is_empty() {
            self.out.push('-');
        }
        self.gap = false;
        self.out.push_str(word);
    }

    fn finish(mut self) -> String {
        let kept = self.out.trim_end_matches(['.', '/']).len();
        self.out.truncate(kept);
        self.out
    }
}

/// Likeness of two texts in `0.0..=1.0` (1 - normalized edit distance over
/// characters), on their normalized forms and at most the first 600
/// characters of each, which is plenty to recognise a reworded text.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: String = normalize(a).chars().take(600).collect();
    let b: String = normalize(b).chars().take(600).collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    strsim::normalized_levenshtein(&a, &b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_alphanumeric_test_agrees_with_std_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn inert_punctuation_is_nfc_caseless_and_no_letter() {
        for c in INERT_PUNCTUATION {
            assert!(
                !c.is_alphanumeric() && !matches!(c, '+' | '#' | '.' | '_' | '/'),
                "{c:?}"
            );
            assert_eq!(c.to_lowercase().to_string(), c.to_string(), "{c:?}");
            assert_eq!(c.to_string().nfc().to_string(), c.to_string(), "{c:?}");
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            assert!(
                (0..=0x10FFFF)
                    .filter_map(char::from_u32)
                    .all(|m| unicode_normalization::char::compose(c, m).is_none()
                        && unicode_normalization::char::compose(m, c).is_none()),
                "{c:?} composes"
            );
        }
    }

    #[test]
    fn spacing_and_punctuation_do_not_change_the_key() {
        assert_eq!(
            normalize("TCP 와 UDP 의 차이는?"),
            normalize("TCP와 UDP의 차이는")
        );
        assert_eq!(
            normalize("**Apache와 Nginx의 차이**"),
            "apache와nginx의차이"
        );
    }

    #[test]
    fn decomposed_hangul_matches_composed() {
        let nfd: String = "소켓".nfd().collect();
        assert_ne!(nfd, "소켓");
        assert_eq!(normalize(&nfd), normalize("소켓"));
    }

    #[test]
    fn tags_join_words() {
        assert_eq!(
            tag("1계층 - 물리계층(Physical Layer)"),
            "1계층-물리계층-Physical-Layer"
        );
        assert_eq!(tag("OSI 7계층"), "OSI-7계층");
        assert_eq!(tag("HTTP/2와 HTTP/3"), "HTTP/2와-HTTP/3");
    }

    proptest::proptest! {
        /// The ASCII and Hangul shortcut keys a front (and tags a heading) as
        /// composing it would.
        #[test]
        fn the_shortcut_keys_as_nfc_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "TCP", "udp", " ", "?", "+", "#", "_", "-", "소켓", "의", "ㄱ", "\u{1100}",
                    "\u{1161}", "\u{11A8}", "e\u{301}", "É", "Σ", "İ", "Ｓ", "1", "\u{3000}", ".", "/",
                    " › ", "·", "…", "“", "」", "\u{301}", "\u{3099}", "HTTP/2", "Ab",
                    "x.y", "—", "‹", "(", "가각",
                ][..]),
                0..12,
            )
        ) {
            let front = pieces.concat();
            let slow: String = front
                .nfc()
                .flat_map(char::to_lowercase)
                .filter(|&c| is_alphanumeric(c) || matches!(c, '+' | '#'))
                .collect();
            proptest::prop_assert_eq!(normalize(&front), slow);
            proptest::prop_assert_eq!(tag(&front), tag_of(front.nfc()));
        }
    }

    #[test]
    fn similarity_bounds() {
        assert_eq!(similarity("같은 문장", "같은 문장"), 1.0);
        assert!(similarity("쿠키와 세션의 차이는?", "쿠키와 세션은 어떻게 다른가요?") > 0.3);
        assert!(similarity("TCP", "완전히 다른 질문입니다") < 0.2);
    }
}
