//! Issue 28 §2 for the quiz, cards and schedule screens: under
//! `LANG=ko_KR.UTF-8` no English sentence outside card content, under
//! `LANG=C` no Korean outside card content (the decks here are written in
//! the screen's language, so the whole screen can be checked).

use crate::util::{C, Env, KO, assert_no_english, assert_no_korean};

/// A deck written in English, fuzz off: under `LANG=C` every line of every
/// screen must then be free of Korean.
fn english_deck() -> Env {
    let env = Env::new();
    let note = env.write(
        "notes/deck.md",
        "# Basics\n## What does TCP give an application?\nA reliable, ordered byte stream.\n\
         ## What does UDP give an application?\nDatagrams, no more.\n\
         ## What names a socket?\nAn address and a port.\n",
    );
    env.import(&[&note]);
    env.cmd()
        .args(["config", "set", "fuzz", "false"])
        .assert()
        .success();
    env
}

/// The same in Korean, for `LANG=ko_KR.UTF-8`; the first back has enough
/// key terms for the recall hint.
fn korean_deck() -> Env {
    let env = Env::new();
    let note = env.write(
        "notes/deck.md",
        "# 기초\n## TCP는 어떤 프로토콜인가요?\n\
         연결 지향 프로토콜로, 순서 번호와 확인 응답, 재전송으로 신뢰성을 보장하고 \
         흐름 제어와 혼잡 제어를 합니다.\n\
         ## UDP는 무엇을 주나요?\n데이터그램만 줍니다.\n\
         ## 소켓은 무엇으로 구별하나요?\n주소와 포트로 구별합니다.\n",
    );
    env.import(&[&note]);
    env.cmd()
        .args(["config", "set", "fuzz", "false"])
        .assert()
        .success();
    env
}

/// What one command printed (stdout and stderr), under `lang`.
fn screen(env: &Env, lang: (&str, &str), args: &[&str], stdin: &str) -> String {
    let out = env
        .cmd()
        .env(lang.0, lang.1)
        .args(args)
        .write_stdin(stdin)
        .assert()
        .success();
    let o = out.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// One session touching every message a person meets: an answer with key
/// terms, a grade, :help, :show, :stats, a bad grade, Enter, :skip, :undo.
/// The first line is the typed answer (the user's own words: in the
/// screen's language here).
fn script(typed: &str) -> String {
    format!("{typed}\n1\n:help\n:show\n:stats\n\nmeh\n\n:skip\n:undo\n:bury\n:quit\n")
}

/// Every screen of this area, in `lang`, on `env` (card 1 exists).
fn every_screen(env: &Env, lang: (&str, &str)) -> Vec<(String, String)> {
    let mut screens = vec![(
        "quiz".to_string(),
        screen(
            env,
            lang,
            &["quiz"],
            &script(if lang == KO {
                "연결 지향 순서 번호"
            } else {
                "a reliable stream"
            }),
        ),
    )];
    for args in [
        &["cards"][..],
        &["show", "1"],
        &["due"],
        &["due", "--until", "2026-12-20"],
        &["config"],
        &["answer", "2", "good"],
        &["show", "2"],
        &["simulate", "--reviews", "0:good 3:good 8:again 9:easy"],
        &["suspend", "3"],
        &["cards", "--suspended"],
        &["unsuspend", "3"],
    ] {
        screens.push((args.join(" "), screen(env, lang, args, "")));
    }
    screens
}

#[test]
fn under_lang_c_the_quiz_cards_and_schedule_screens_have_no_korean() {
    let env = english_deck();
    for (what, text) in every_screen(&env, C) {
        assert!(!text.trim().is_empty(), "{what} printed nothing");
        assert_no_korean(&what, &text);
    }
}

#[test]
fn under_ko_the_quiz_cards_and_schedule_screens_have_no_english_sentences() {
    let env = korean_deck();
    let screens = every_screen(&env, KO);
    for (what, text) in &screens {
        assert!(!text.trim().is_empty(), "{what} printed nothing");
        assert_no_english(what, text);
    }
    let get = |what: &str| {
        &screens
            .iter()
            .find(|(w, _)| w == what)
            .unwrap_or_else(|| panic!("no screen {what}"))
            .1
    };
    let quiz = get("quiz");
    for want in [
        "답 › 연결 지향 순서 번호",
        "핵심 용어",
        "1 다시 ",
        "3 알맞음 ",
        "평가 (Enter = 알맞음) › 1",
        "→ 다시 · 다음 복습: <1분 후",
        "평가      1 다시 · 2 어려움 · 3 알맞음 · 4 쉬움 (a, h, g, e). Enter는 알맞음",
        ":bury     이 카드를 내일까지 숨김",
        "상태:  새 카드 · 복습 횟수 0 · 실패 0",
        "이번 세션: ",
        "\"meh\": 평가가 아닙니다",
        "→ 알맞음 (Enter) · 다음 복습: <10분 후",
        "카드를 넘겼습니다. 예정으로 남습니다",
        "평가를 되돌렸습니다",
        "카드를 내일까지 숨겼습니다",
        "세션 끝",
        "다시 비율",
    ] {
        assert!(quiz.contains(want), "{want:?} in\n{quiz}");
    }
    for (what, want) in [
        ("cards", "ID    종류"),
        ("cards", "덱 1개, 카드 3장"),
        ("show 1", "원본:   "),
        ("show 2", "최근 복습:"),
        ("show 2", "알맞음  새 카드 → 다음 복습: 10분 후"),
        ("due", "오늘: 새 카드"),
        ("due", "앞으로 30일 동안의 예정:"),
        ("due --until 2026-12-20", "2026-12-20의 예상 회상률:"),
        ("due --until 2026-12-20", "하루 10장"),
        ("config", "# 목표 기억 유지율, 0.70–0.97 (기본값 0.9)"),
        ("answer 2 good", ": 알맞음 → 학습 중, 10분 후 예정"),
        (
            "simulate --reviews 0:good 3:good 8:again 9:easy",
            "목표 기억 유지율 0.9",
        ),
        (
            "simulate --reviews 0:good 3:good 8:again 9:easy",
            "회상 확률",
        ),
        ("suspend 3", "카드 1장을 보류했습니다: #3"),
        ("cards --suspended", "(보류)"),
        ("unsuspend 3", "카드 1장의 보류를 풀었습니다: #3"),
    ] {
        assert!(
            get(what).contains(want),
            "{what}: {want:?} in\n{}",
            get(what)
        );
    }
}

/// Errors of this area are in the chosen language too.
#[test]
fn config_and_schedule_errors_follow_the_language() {
    let env = english_deck();
    let err = |lang: (&str, &str), args: &[&str]| {
        let out = env.cmd().env(lang.0, lang.1).args(args).assert().failure();
        String::from_utf8_lossy(&out.get_output().stderr).into_owned()
    };
    for args in [
        &["config", "set", "fuzz", "maybe"][..],
        &["config", "set", "nope", "1"],
        &["simulate", "--reviews", "x:good"],
        &["due", "--until", "2020-01-01"],
        &["cards", "--deck", "nope"],
        &["show", "999"],
        &["quiz", "--tag", "nope"],
    ] {
        let ko = err(KO, args);
        let reason = ko.split_once(": ").map_or(ko.as_str(), |(_, r)| r);
        assert_no_english(&args.join(" "), reason);
        assert!(ko.chars().any(synack::i18n::is_hangul), "{args:?}: {ko}");
        assert_no_korean(&args.join(" "), &err(C, args));
    }
    let ko = err(KO, &["config", "set", "fuzz", "maybe"]);
    assert!(ko.contains("true 또는 false여야 합니다"), "{ko}");
    let c = err(C, &["config", "set", "fuzz", "maybe"]);
    assert!(c.contains("expected true or false"), "{c}");
}
