//! Is this text a question? The test behind question headings, inline
//! question paragraphs and open-question lists.
//!
//! A text is a question when it ends with `?`, ends with a Korean question
//! ending (`…인가요`, `…나요`, `…까요`, `…인지`, `…란`), asks to explain
//! (`설명해 주세요`), or starts like an English question (`What`, `Why`,
//! `Explain`, …), unless it is the author talking to themselves
//! ([`is_self_talk`]).

/// Korean endings that make a sentence a question or a request to explain.
const KOREAN_ENDINGS: &[&str] = &[
    "까요",
    "나요",
    "가요",
    "인가",
    "는가",
    "은가",
    "인지",
    "일까",
    "을까",
    "할까",
    "뭘까",
    "설명해 주세요",
    "설명해주세요",
    "설명해 보세요",
    "설명해보세요",
    "설명하세요",
    "설명하시오",
    "말해 주세요",
    "말해주세요",
    "무엇인가요",
    "무엇인가",
    "뭔가요",
    "뭘까요",
];

/// English words that open a question even without a question mark.
const ENGLISH_STARTS: &[&str] = &[
    "what", "why", "how", "when", "where", "which", "who", "explain", "describe", "compare",
];

/// Words that open the author's own train of thought (`그러면 …?`, `즉 …란`):
/// a question the text goes on to answer, not one to recall.
const SELF_TALK_STARTS: &[&str] = &[
    "그러면",
    "그렇다면",
    "그런데",
    "그래서",
    "그럼",
    "즉",
    "근데",
    "아",
    "헐",
    "엥",
    "So",
    "Wait",
];

/// Endings of a question that carries its own answer (`…되지 않을까?`).
const SELF_ANSWERING_ENDINGS: &[&str] = &["지 않을까", "지않을까", "않을까 싶", "거 아닌가"];

/// True when `text` reads as the author thinking aloud rather than a
/// question to study: it opens with `그러면`/`그렇다면`/`그런데`/`그래서`/`즉`,
/// trails off in `?..` or `..?`, answers itself (`…되지 않을까?`), or is an
/// exclamation (`…떴네?!`). Such a line stays in the text of its card.
pub fn is_self_talk(text: &str) -> bool {
    let t = text.trim();
    // A whole word: `즉시 전송이란` asks something, `즉 REST란` does not.
    let opens = |w: &str| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.starts_with([' ', ',', '.', '…']))
    };
    if SELF_TALK_STARTS.iter().any(|w| opens(w)) {
        return true;
    }
    if t.ends_with("?..") || t.ends_with("..?") || t.ends_with("?…") || t.contains('!') {
        return true;
    }
    let bare = t.trim_end_matches(['?', '？', '.', ' ']);
    SELF_ANSWERING_ENDINGS.iter().any(|e| bare.ends_with(e))
}

/// Backs that only say the author has not written the answer yet: the
/// card is an open question, not one with this as its answer.
const NOT_WRITTEN: &[&str] = &[
    "안써봐서",
    "안 써봐서",
    "todo",
    "추후 작성",
    "작성 중",
    "작성중",
    "tbd",
];

/// True when `back` is nothing but a note that the answer is still to come.
pub fn is_not_written(back: &str) -> bool {
    let t = back.trim().to_lowercase();
    if t.is_empty() || t.lines().filter(|l| !l.trim().is_empty()).count() > 2 {
        return false;
    }
    let t = t.trim_start_matches(['-', '*', '>', ' ', '(', '[']);
    NOT_WRITTEN.iter().any(|w| t.starts_with(w))
}

/// True when `text` (already cleaned of Markdown markers) asks something.
pub fn is_question(text: &str) -> bool {
    if is_self_talk(text) {
        return false;
    }
    let t = text
        .trim()
        .trim_end_matches(['.', '!', '。', '~', ':', ' ', '\t'])
        .trim_end();
    if t.is_empty() {
        return false;
    }
    if t.ends_with('?') || t.ends_with('？') {
        return true;
    }
    if KOREAN_ENDINGS.iter().any(|e| t.ends_with(e)) {
        return true;
    }
    if ends_with_ran(t) {
        return true;
    }
    let first = t
        .split(|c: char| !super::key::is_alphanumeric(c))
        .next()
        .unwrap_or("");
    ENGLISH_STARTS.iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// `…란` ("what is …") after `이` or a syllable with no final consonant
/// (`소켓이란`, `프로토콜이란`, `포트란`), but not nouns such as `혼란`.
fn ends_with_ran(t: &str) -> bool {
    let Some(stem) = t.strip_suffix('란') else {
        return false;
    };
    match stem.chars().next_back() {
        Some('이') => true,
        Some(c) if ('\u{AC00}'..='\u{D7A3}').contains(&c) => (c as u32 - 0xAC00).is_multiple_of(28),
        Some(c) => c.is_ascii_alphanumeric() || c == ')',
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_question;

    #[test]
    fn question_marks() {
        assert!(is_question("TCP와 UDP의 차이는?"));
        assert!(is_question("Why three segments?"));
        assert!(is_question("전이중이란？"));
    }

    #[test]
    fn korean_endings() {
        for q in [
            "쿠키와 세션의 차이에 대해 설명해 주세요.",
            "웹 브라우저가 서버로 URL을 요청했을 때, 흐름을 설명해주세요",
            "webRTC란 무엇인가요",
            "세션을 어떻게 관리할 수 있을까요",
            "쿠키에 아이디와 비밀번호를 넣어도 되나요",
            "TCP는 왜 신뢰성이 있는가",
            "HTTPS가 안전한 이유가 무엇인지",
            "소켓이란",
            "포트란",
            "TCP(Transmission Control Protocol)란",
        ] {
            assert!(is_question(q), "{q}");
        }
    }

    #[test]
    fn statements_and_titles_are_not_questions() {
        for s in [
            "OSI 7계층",
            "Apache와 Nginx의 차이",
            "REST 구성 요소는",
            "1계층 - 물리계층(Physical Layer)",
            "네트워크 혼란",
            "HTTP VS HTTPS",
            "",
            "해결 방법",
        ] {
            assert!(!is_question(s), "{s}");
        }
    }

    #[test]
    fn self_talk_is_no_question() {
        for s in [
            "그러면 캐시를 서버마다 두면 되지 않을까?",
            "그런데 스레드가 하나라고 했는데?..",
            "즉 HTTP란",
            "그렇다면 왜 UDP를 쓰나요?",
            "아 또 타임아웃이네?",
            "So what now..?",
            "Wait, again?!",
        ] {
            assert!(super::is_self_talk(s), "{s}");
            assert!(!is_question(s), "{s}");
        }
        for q in [
            "세션이란 무엇인가요?",
            "Why three segments?",
            "즉시 전송이란",
            "Socket이란",
        ] {
            assert!(!super::is_self_talk(q), "{q}");
            assert!(is_question(q), "{q}");
        }
    }

    #[test]
    fn not_yet_written_backs() {
        for b in [
            "안써봐서 모름",
            "TODO",
            "- 추후 작성",
            "(작성 중)",
            "todo: 정리",
        ] {
            assert!(super::is_not_written(b), "{b}");
        }
        for b in ["TCP는 연결형이다", "", "토도독 소리"] {
            assert!(!super::is_not_written(b), "{b}");
        }
    }

    #[test]
    fn english_question_words() {
        assert!(is_question("What happens when you type a URL"));
        assert!(is_question("Explain slow start."));
        assert!(!is_question("Whatever works"));
        assert!(!is_question("TCP congestion control"));
    }
}
