//! Is there anything to recall in a back? A back of nothing but images,
//! links or a reference list gives a learner nothing to answer from memory:
//! such a card is an open question when its front asks something, and no
//! card otherwise (the import report lists it).

use crate::markdown::lines;

/// What a back holds when it holds nothing to recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nothing {
    Images,
    Links,
    ImagesAndLinks,
}

impl Nothing {
    /// The reason as the import report words it.
    /// [`Nothing::reason`] in the current language, for the import report.
    pub fn reason_text(self) -> String {
        match self {
            Nothing::Images => crate::tr!("deck-skip-image-only"),
            Nothing::Links => crate::tr!("deck-skip-links-only"),
            Nothing::ImagesAndLinks => crate::tr!("deck-skip-images-and-links-only"),
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Nothing::Images => "image only",
            Nothing::Links => "links only",
            Nothing::ImagesAndLinks => "images and links only",
        }
    }
}

/// `Some` when `back` has lines but none with text of its own.
pub fn nothing_to_recall(back: &str) -> Option<Nothing> {
    let (mut images, mut links) = (false, false);
    for line in lines(back) {
        let t = strip_markers(line);
        if t.is_empty() || is_rule(t) || is_reference_label(t) {
            continue;
        }
        match what(t) {
            Line::Image => images = true,
            Line::Link => links = true,
            Line::Text => return None,
        }
    }
    match (images, links) {
        (true, false) => Some(Nothing::Images),
        (false, true) => Some(Nothing::Links),
        (true, true) => Some(Nothing::ImagesAndLinks),
        (false, false) => None,
    }
}

enum Line {
    Image,
    Link,
    Text,
}

/// A line made only of images (`![](…)`, `![[…]]`, `<img …>`), else only
/// of links (`[…](…)`, `[[…]]`, bare URLs), else text.
fn what(t: &str) -> Line {
    let mut rest = t;
    let mut image = false;
    let mut link = false;
    while !rest.is_empty() {
        rest = rest.trim_start_matches([' ', ',', '|', '·', '-']);
        if rest.is_empty() {
            break;
        }
        if let Some(r) = rest.strip_prefix("![[").and_then(|r| r.split_once("]]")) {
            image = true;
            rest = r.1;
        } else if let Some(r) = rest.strip_prefix("[[").and_then(|r| r.split_once("]]")) {
            link = true;
            rest = r.1;
        } else if let Some(r) = markdown_link(rest.strip_prefix('!').unwrap_or("\u{0}")) {
            image = true;
            rest = r;
        } else if let Some(r) = markdown_link(rest) {
            link = true;
            rest = r;
        } else if rest
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("<img"))
        {
            image = true;
            rest = rest.split_once('>').map_or("", |(_, r)| r);
        } else if rest.starts_with("http://")
            || rest.starts_with("https://")
            || (rest.starts_with('<') && rest.contains("://"))
        {
            link = true;
            rest = rest.split_once(char::is_whitespace).map_or("", |(_, r)| r);
        } else {
            return Line::Text;
        }
    }
    if link {
        Line::Link
    } else if image {
        Line::Image
    } else {
        Line::Text
    }
}

/// `[text](target)` at the start of `s`: what follows it.
fn markdown_link(s: &str) -> Option<&str> {
    let r = s.strip_prefix('[')?;
    let (_, r) = r.split_once("](")?;
    let (_, r) = r.split_once(')')?;
    Some(r)
}

fn strip_markers(line: &str) -> &str {
    let mut t = line.trim();
    loop {
        let before = t;
        t = t.trim_start_matches('>').trim_start();
        for m in ["- ", "* ", "+ "] {
            if let Some(r) = t.strip_prefix(m) {
                t = r.trim_start();
            }
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && let Some(r) = t[digits..]
                .strip_prefix(". ")
                .or_else(|| t[digits..].strip_prefix(") "))
        {
            t = r.trim_start();
        }
        if t == before {
            return t;
        }
    }
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '))
}

/// A line that only announces the references under it (`참고`, `출처:`, `**References**`).
fn is_reference_label(t: &str) -> bool {
    let t = t
        .trim_matches(['*', '_', '#', ':', ' ', '[', ']'])
        .to_lowercase();
    [
        "참고",
        "참고 자료",
        "참고자료",
        "출처",
        "reference",
        "references",
        "see also",
        "링크",
        "관련 링크",
    ]
    .contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_links_and_references_are_nothing_to_recall() {
        assert_eq!(nothing_to_recall("![](a.png)"), Some(Nothing::Images));
        assert_eq!(
            nothing_to_recall("![[diagram.png]]\n\n<img src=\"x.png\">"),
            Some(Nothing::Images)
        );
        assert_eq!(
            nothing_to_recall(
                "**참고**\n- [가이드](https://example.com/a)\n- https://example.com/b"
            ),
            Some(Nothing::Links)
        );
        assert_eq!(
            nothing_to_recall("[[세션]] · [[쿠키]]"),
            Some(Nothing::Links)
        );
        assert_eq!(
            nothing_to_recall("![](a.png)\n\n[출처](https://example.com)"),
            Some(Nothing::ImagesAndLinks)
        );
    }

    #[test]
    fn any_line_of_text_is_something_to_recall() {
        assert_eq!(nothing_to_recall("![](a.png)\n세 단계로 연결한다."), None);
        assert_eq!(
            nothing_to_recall("See [RFC 9293](https://example.com) for this."),
            None
        );
        assert_eq!(nothing_to_recall("TCP"), None);
        assert_eq!(nothing_to_recall(""), None);
    }
}
