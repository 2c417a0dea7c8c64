//! A rough recall hint for a typed answer: which of the reference answer's key
//! terms the typed text contains. It is a hint beside the self-grade, not a
//! grade: wording differs, and only the person can judge meaning.
//!
//! Terms come from the answer's own text: not its table headers, code
//! blocks or markup, and not the words the question already gives away.
//! Korean particles and endings are cut (`세그먼트를` → `세그먼트`) only when
//! a real stem is left, and a term said in English or Korean counts either
//! way through the glossary in `data/glossary.tsv`.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// At most this many key terms are taken from a reference.
const MAX_TERMS: usize = 40;

/// A hint over this few terms says nothing a glance at the answer does not.
const MIN_TERMS: usize = 4;

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
    // Adverbs and the like whose last syllable looks like a particle
    // (`그대로` is not `그대` + `로`).
    "그대로",
    "스스로",
    "서로",
    "새로",
    "따로",
    "바로",
    "주로",
    "별로",
    "때로",
    "대로",
    "실제로",
    "이처럼",
    "이렇게",
    "그렇게",
    "다시",
    "먼저",
    "모두",
    "각각",
    "가장",
    "매우",
    "아주",
    "이미",
    "아직",
    "항상",
    "보통",
    "대부분",
    "반드시",
    "직접",
    "함께",
    "따라서",
    "그래서",
    "그러나",
    "또한",
    "다음",
    "이후",
    "이전",
    "동안",
    "여러",
    "모든",
    "어떤",
    "무엇",
    "무엇인가요",
    "그것",
    "이것",
    "각",
];

/// Particles and endings cut from the end of a Korean word, longest first,
/// so `핸드셰이크를` and `핸드셰이크` are the same term.
const JOSA: &[&str] = &[
    "에서부터",
    "으로부터",
    "이라는",
    "들에게",
    "에서도",
    "으로도",
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
    "에도",
    "로는",
    "로도",
    "와는",
    "과는",
    "이란",
    "라는",
    "이나",
    "마다",
    "만큼",
    "들은",
    "들이",
    "들을",
    "들의",
    "들",
    "란",
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

/// A key term: how it is shown, and the forms that count as saying it.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    shown: String,
    forms: Vec<String>,
}

/// The glossary's terms, each a list of normalized forms.
/// Longest first, so `인증서` is found before the `인증` inside it.
fn glossary() -> Vec<Vec<String>> {
    let mut terms: Vec<Vec<String>> = crate::deck::glossary::terms()
        .iter()
        .map(|forms| forms.iter().map(|f| normalize(f)).collect())
        .collect();
    terms.sort_by_key(|forms| std::cmp::Reverse(forms.iter().map(String::len).max()));
    terms
}

/// The text of an answer a reader is meant to recall: no code blocks, no
/// table headers (their labels are layout), no link targets.
fn content(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_code_block = false;
    let mut in_head = false;
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Text(t) | Event::Code(t) if !in_code_block && !in_head => {
                text.push_str(&t);
                text.push(' ');
            }
            _ => text.push(' '),
        }
    }
    normalize(&text)
}

/// The key terms of normalized `text`, in order of first appearance.
fn terms_of(text: &str) -> Vec<Term> {
    let mut text = text.to_string();
    let mut found: Vec<(usize, Term)> = Vec::new();
    // Glossary terms first, blanked out so their words are not terms again.
    for forms in glossary() {
        let mut first: Option<usize> = None;
        for form in &forms {
            while let Some(at) = find_word(&text, form) {
                first = Some(first.map_or(at, |f| f.min(at)));
                text.replace_range(at..at + form.len(), &" ".repeat(form.len()));
            }
        }
        if let Some(at) = first {
            found.push((
                at,
                Term {
                    shown: forms[0].clone(),
                    forms: forms.clone(),
                },
            ));
        }
    }
    let mut at = 0;
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let start = at;
        at += word.len() + 1;
        let Some(term) = term_of(word) else { continue };
        found.push((
            start,
            Term {
                shown: term.clone(),
                forms: vec![term],
            },
        ));
    }
    found.sort_by_key(|(at, _)| *at);
    let mut terms: Vec<Term> = Vec::new();
    for (_, term) in found {
        if !terms.iter().any(|t| t.shown == term.shown) {
            terms.push(term);
            if terms.len() == MAX_TERMS {
                break;
            }
        }
    }
    terms
}

/// Where `form` starts in `text` at the start of a word (so `port` is not
/// found in `support`); Korean forms may have a particle after them.
fn find_word(text: &str, form: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(form) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + form.len()..].chars().next();
        // A particle may follow an English word too: `handshake로`.
        let ascii = form.is_ascii();
        let starts = before.is_none_or(|c| !c.is_alphanumeric());
        let ends = !ascii || after.is_none_or(|c| !c.is_ascii_alphanumeric());
        if starts && ends {
            return Some(at);
        }
        from = at + form.len();
    }
    None
}

/// The key terms of a Markdown answer, in order of first appearance.
pub fn key_terms(markdown: &str) -> Vec<String> {
    terms_of(&content(markdown))
        .into_iter()
        .map(|t| t.shown)
        .collect()
}

/// The hint for `typed` against the reference `back` of a card asking
/// `front`; `None` when it would say nothing: fewer than four key terms
/// once the question's own words are left out.
pub fn hint(front: &str, back: &str, typed: &str) -> Option<RecallHint> {
    let asked: Vec<Term> = terms_of(&content(front));
    let terms: Vec<Term> = terms_of(&content(back))
        .into_iter()
        .filter(|t| !asked.iter().any(|a| a.shown == t.shown))
        .collect();
    if terms.len() < MIN_TERMS {
        return None;
    }
    let typed = normalize(typed);
    let (found, missing): (Vec<Term>, Vec<Term>) = terms
        .into_iter()
        .partition(|t| t.forms.iter().any(|f| typed.contains(f.as_str())));
    let share = found.len() as f32 / (found.len() + missing.len()) as f32;
    Some(RecallHint {
        share,
        found: found.into_iter().map(|t| t.shown).collect(),
        missing: missing.into_iter().map(|t| t.shown).collect(),
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
        // `x를`, `측은`: a letter or one syllable and a particle is no term,
        // and neither is the word with its particle.
        Some(stem) if stem.chars().count() < 2 => return None,
        Some(stem) => stem,
        None => word,
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
            "연결은 어떻게 맺나요?",
            "TCP는 3-way handshake로 연결을 맺고 순서 번호를 교환합니다.",
            "tcp는 핸드셰이크, 3번",
        )
        .unwrap();
        assert_eq!(h.found, ["tcp", "3", "핸드셰이크"]);
        assert_eq!(h.missing, ["way", "맺고", "순서 번호"]);
        assert!((h.share - 0.5).abs() < 1e-6);
    }

    #[test]
    fn particles_and_endings_leave_the_stem() {
        assert_eq!(term_of("세그먼트는").as_deref(), Some("세그먼트"));
        assert_eq!(term_of("세그먼트를").as_deref(), Some("세그먼트"));
        assert_eq!(term_of("패킷들을").as_deref(), Some("패킷"));
        // Never a chopped stem.
        assert_eq!(term_of("그대로"), None);
        assert_eq!(term_of("측은"), None);
        assert_eq!(term_of("스스로"), None);
    }

    #[test]
    fn table_headers_and_the_questions_words_are_not_terms() {
        let terms = key_terms("| 계층 | 역할 |\n|---|---|\n| 전송 | 프로세스 전달 |\n");
        assert_eq!(terms, ["전송", "프로세스", "전달"]);
        let h = hint(
            "TCP 혼잡 제어의 slow start란?",
            "혼잡 윈도우를 RTT마다 두 배로 늘리다가 임계값에 이르면 선형 증가로 바꿉니다. TCP 혼잡 제어의 시작 단계.",
            "cwnd를 두 배씩",
        )
        .unwrap();
        for asked in ["tcp", "혼잡 제어", "slow", "start"] {
            assert!(
                !h.found.iter().chain(&h.missing).any(|t| t == asked),
                "{h:?}"
            );
        }
        // `cwnd` is the glossary's other form of 혼잡 윈도우.
        assert!(h.found.contains(&"혼잡 윈도우".to_string()), "{h:?}");
    }

    #[test]
    fn english_and_korean_forms_are_one_term() {
        let back = "흐름 제어는 수신자를, congestion control은 네트워크를 보호하고 재전송을 줄이며 손실을 막습니다";
        let h = hint("무엇이 다른가요?", back, "혼잡 제어와 flow control").unwrap();
        assert!(h.found.contains(&"혼잡 제어".to_string()), "{h:?}");
        assert!(h.found.contains(&"흐름 제어".to_string()), "{h:?}");
        assert!(h.missing.contains(&"재전송".to_string()), "{h:?}");
    }

    #[test]
    fn three_terms_or_fewer_give_no_hint() {
        assert_eq!(hint("?", "포트 번호와 소켓", "포트"), None);
        assert!(hint("?", "포트 번호와 소켓 주소를 묶습니다", "포트").is_some());
    }

    #[test]
    fn nothing_to_check_gives_no_hint() {
        assert_eq!(hint("", "", "anything"), None);
        assert_eq!(hint("", "- a\n- 수", "x"), None);
    }
}
