//! A rough recall hint for a typed answer: which of the reference answer's key
//! terms the typed text contains. It is a hint beside the self-grade, not a
//! grade: wording differs, and only the person can judge meaning.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// At most this many key terms are taken from a reference.
const MAX_TERMS: usize = 40;

/// English words too common to say anything about recall.
const STOP_EN: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "has", "have",
    "if", "in", "is", "it", "its", "no", "not", "of", "on", "or", "so", "that", "the", "then",
    "this", "to", "was", "we", "when", "which", "with", "you",
];

/// Korean words that carry no content of their own.
const STOP_KO: &[&str] = &[
    "것",
    "수",
    "등",
    "때",
    "및",
    "즉",
    "더",
    "또",
    "그",
    "이",
    "저",
    "있다",
    "있습니다",
    "없다",
    "없습니다",
    "하다",
    "합니다",
    "한다",
    "된다",
    "됩니다",
    "그리고",
    "하지만",
    "또는",
    "경우",
    "위해",
    "통해",
    "대한",
    "같은",
    "이런",
    "때문",
    "때문에",
    "있는",
    "없는",
    "하는",
    "되는",
];

/// Particles and endings cut from the end of a Korean word, longest first,
/// so `핸드셰이크를` and `핸드셰이크` are the same term.
const JOSA: &[&str] = &[
    "이라고",
    "라고",
    "입니다",
    "합니다",
    "됩니다",
    "에서는",
    "으로는",
    "에서",
    "으로",
    "까지",
    "부터",
    "처럼",
    "보다",
    "에게",
    "이다",
    "하는",
    "하고",
    "한다",
    "에는",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "에",
    "의",
    "로",
    "와",
    "과",
    "도",
    "만",
];

/// Endings of predicates (`보내며`, `맺습니다`, `하면`): words that say what
/// happens rather than name a thing, so they are not key terms.
const PREDICATE_ENDINGS: &[&str] = &[
    "니다",
    "하며",
    "되며",
    "이며",
    "하면",
    "되면",
    "라면",
    "려면",
    "면서",
    "지만",
    "는데",
    "도록",
    "해요",
    "세요",
    "한다",
    "된다",
    "이다",
    "있다",
    "없다",
    "했다",
    "보내며",
];

/// How much of the reference a typed answer covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecallHint {
    /// Share of the key terms found, 0.0–1.0.
    pub share: f32,
    pub found: Vec<String>,
    pub missing: Vec<String>,
}

/// The key terms of a Markdown answer, in order of first appearance.
pub fn key_terms(markdown: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_code_block = false;
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(t) | Event::Code(t) if !in_code_block => {
                text.push_str(&t);
                text.push(' ');
            }
            _ => text.push(' '),
        }
    }
    let mut terms: Vec<String> = Vec::new();
    for word in normalize(&text).split(|c: char| !c.is_alphanumeric()) {
        let Some(term) = term_of(word) else { continue };
        if !terms.contains(&term) {
            terms.push(term);
            if terms.len() == MAX_TERMS {
                break;
            }
        }
    }
    terms
}

/// The hint for `typed` against the reference `back`; `None` when the
/// reference has no key terms to look for.
pub fn hint(back: &str, typed: &str) -> Option<RecallHint> {
    let terms = key_terms(back);
    if terms.is_empty() {
        return None;
    }
    let typed = normalize(typed);
    let (found, missing): (Vec<String>, Vec<String>) =
        terms.into_iter().partition(|t| typed.contains(t.as_str()));
    let share = found.len() as f32 / (found.len() + missing.len()) as f32;
    Some(RecallHint {
        share,
        found,
        missing,
    })
}

fn normalize(s: &str) -> String {
    s.nfc().collect::<String>().to_lowercase()
}

fn term_of(word: &str) -> Option<String> {
    if word.is_empty() {
        return None;
    }
    let hangul = word.chars().any(is_hangul);
    if !hangul {
        let long_enough = word.chars().count() >= 2 || word.chars().all(|c| c.is_ascii_digit());
        return (long_enough && !STOP_EN.contains(&word)).then(|| word.to_string());
    }
    if STOP_KO.contains(&word) || PREDICATE_ENDINGS.iter().any(|e| word.ends_with(e)) {
        return None;
    }
    let stem = match JOSA.iter().find_map(|j| word.strip_suffix(j)) {
        // `x를`, `y라고`: a variable name with a particle says nothing.
        Some(stem) if stem.chars().count() < 2 && !stem.chars().any(is_hangul) => return None,
        Some(stem) if stem.chars().count() >= 2 => stem,
        _ => word,
    };
    (stem.chars().count() >= 2 && !STOP_KO.contains(&stem)).then(|| stem.to_string())
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_particles_stop_words_and_markup() {
        let terms = key_terms(
            "**SYN**을 보내고 `SYN-SENT` 상태로 갑니다. 그리고 ACK를 기다립니다. x를 보면 차이가",
        );
        assert_eq!(
            terms,
            ["syn", "보내고", "sent", "상태", "ack", "보면", "차이"]
        );
    }

    #[test]
    fn code_blocks_are_not_terms() {
        assert_eq!(
            key_terms("포트 번호\n\n```\nlet x = 1;\n```\n"),
            ["포트", "번호"]
        );
    }

    #[test]
    fn hint_counts_terms_found_in_the_typed_answer() {
        let h = hint(
            "TCP는 3-way handshake로 연결을 맺습니다.",
            "tcp 연결은 핸드셰이크, 3번",
        )
        .unwrap();
        assert_eq!(h.found, ["tcp", "3", "연결"]);
        assert_eq!(h.missing, ["way", "handshake"]);
        assert!((h.share - 0.6).abs() < 1e-6);
    }

    #[test]
    fn nothing_to_check_gives_no_hint() {
        assert_eq!(hint("", "anything"), None);
        assert_eq!(hint("- a\n- 수", "x"), None);
    }
}
