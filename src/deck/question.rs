//! Is this text a question? The test behind question headings, inline
//! question paragraphs and open-question lists.
//!
//! A text is a question when it ends with `?`, ends with a Korean question
//! ending (`…인가요`, `…나요`, `…까요`, `…인지`, `…란`), asks to explain
//! (`설명해 주세요`), or starts like an English question (`What`, `Why`,
//! `Explain`, …).

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

/// True when `text` (already cleaned of Markdown markers) asks something.
pub fn is_question(text: &str) -> bool {
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
    fn english_question_words() {
        assert!(is_question("What happens when you type a URL"));
        assert!(is_question("Explain slow start."));
        assert!(!is_question("Whatever works"));
        assert!(!is_question("TCP congestion control"));
    }
}
