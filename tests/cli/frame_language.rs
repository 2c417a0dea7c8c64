//! The command line's frame in the chosen language: `--help` of every
//! command, clap's errors, the `synack: error:` line, the import report,
//! restore's messages and doctor, under `LANG=ko_KR.UTF-8` and `LANG=C`.

use crate::util::{C, Env, KO, assert_no_english, assert_no_korean};

/// Every command line whose `--help` the user can ask for.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["quiz"],
    &["import"],
    &["cards"],
    &["show"],
    &["suspend"],
    &["unsuspend"],
    &["answer"],
    &["simulate"],
    &["config"],
    &["config", "get"],
    &["config", "set"],
    &["config", "unset"],
    &["due"],
    &["demo"],
    &["exercise"],
    &["export"],
    &["restore"],
    &["stats"],
    &["report"],
    &["optimize"],
    &["doctor"],
];

fn stdout_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stderr.clone()).expect("utf-8")
}

fn help_in(env: &Env, lang: (&str, &str), command: &[&str], flag: &str) -> String {
    let out = env
        .cmd()
        .env(lang.0, lang.1)
        .args(command)
        .arg(flag)
        .assert()
        .success();
    stdout_of(&out)
}

#[test]
fn every_help_is_in_korean_under_ko_and_in_english_under_c() {
    let env = Env::new();
    for command in COMMANDS {
        let what = format!("synack {} --help", command.join(" "));
        for flag in ["--help", "-h"] {
            let ko = help_in(&env, KO, command, flag);
            assert_no_english(&what, &ko);
            assert!(ko.contains("사용법: synack"), "{what}: {ko}");
            assert!(ko.contains("옵션:"), "{what}: {ko}");
            assert!(ko.contains("도움말 출력"), "{what}: {ko}");
            for english in [
                "Usage:",
                "Options:",
                "Print help",
                "[default:",
                "[possible values:",
            ] {
                assert!(!ko.contains(english), "{what}: {english:?} in {ko}");
            }
            let c = help_in(&env, C, command, flag);
            assert_no_korean(&what, &c);
            assert!(c.contains("Usage: synack"), "{what}: {c}");
            assert!(c.contains("Print help"), "{what}: {c}");
        }
    }
    let ko = help_in(&env, KO, &["help"], "quiz");
    assert!(ko.contains("사용법: synack quiz"), "{ko}");
    let ko = help_in(&env, KO, &[], "help");
    assert!(
        ko.contains("이 도움말이나 주어진 명령의 도움말 출력"),
        "{ko}"
    );
    assert_no_english("synack help", &ko);
    let ko = help_in(&env, KO, &[], "--help");
    assert!(ko.contains("명령:"), "{ko}");
    assert!(ko.contains("환경 변수:"), "{ko}");
    // The long help lists the values with their help, the short one names them.
    assert!(ko.contains("가능한 값:\n"), "{ko}");
    assert!(
        ko.contains("- auto: 터미널에 쓰고 NO_COLOR가 없을 때"),
        "{ko}"
    );
    let short = help_in(&env, KO, &[], "-h");
    assert!(
        short.contains("[가능한 값: auto, always, never]"),
        "{short}"
    );
    let cards = help_in(&env, KO, &["cards"], "--help");
    assert!(cards.contains("[기본값: text]"), "{cards}");
    assert!(cards.contains("이 태그가 있는 카드만"), "{cards}");
}

#[test]
fn a_demo_help_has_the_frame_and_common_options_in_korean() {
    let env = Env::new();
    let ko = help_in(&env, KO, &["demo", "handshake"], "--help");
    assert!(ko.contains("사용법: synack demo handshake"), "{ko}");
    assert!(
        ko.contains("모든 무작위 선택(ISN, 포트)의 시드"),
        "the --seed of sim::Common: {ko}"
    );
    assert!(ko.contains("[기본값: 1]"), "{ko}");
    let list = help_in(&env, KO, &["demo", "list"], "--help");
    assert!(list.contains("데모 목록"), "{list}");
    assert_no_english("synack demo list --help", &list);
}

/// `(args, what the English line holds, what the Korean line holds)`.
const BAD_COMMAND_LINES: &[(&[&str], &str, &str)] = &[
    (
        &["cards", "--nope"],
        "synack: error: unexpected argument '--nope' found",
        "synack: 오류: 알 수 없는 인자 '--nope'입니다",
    ),
    (
        &["cards", "--dek", "x"],
        "(tip: a similar argument exists: '--deck')",
        "(힌트: 비슷한 인자: '--deck')",
    ),
    (
        &["qiuz"],
        "unrecognized subcommand 'qiuz' (tip: a similar subcommand exists: 'quiz')",
        "알 수 없는 명령 'qiuz'입니다 (힌트: 비슷한 명령: 'quiz')",
    ),
    (
        &["cards", "--format", "xml"],
        "[possible values: text, json]",
        "[가능한 값: text, json]",
    ),
    (
        &["--width", "5", "cards"],
        "invalid value '5' for '--width <N>': not in the range 20..=65535",
        "'--width <N>'의 값 '5'이(가) 잘못되었습니다: 20..=65535 범위 밖입니다",
    ),
    (
        &["demo", "handshake", "--nope"],
        "unexpected argument '--nope' found",
        "알 수 없는 인자 '--nope'입니다",
    ),
    (
        &["demo", "list", "--format", "xml"],
        "invalid value 'xml' for '--format <FORMAT>'",
        "'--format <FORMAT>'의 값 'xml'이(가) 잘못되었습니다",
    ),
];

#[test]
fn a_bad_command_line_is_one_line_in_the_chosen_language_and_exit_2() {
    let env = Env::new();
    for (args, en, ko) in BAD_COMMAND_LINES {
        let out = env.cmd().env(KO.0, KO.1).args(*args).assert().code(2);
        let err = stderr_of(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(ko), "{args:?}: {err}");
        assert_no_english(&format!("{args:?}"), &err);
        assert!(out.get_output().stdout.is_empty(), "{args:?}");
        let out = env.cmd().env(C.0, C.1).args(*args).assert().code(2);
        let err = stderr_of(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(en), "{args:?}: {err}");
        assert_no_korean(&format!("{args:?}"), &err);
    }
}

#[test]
fn the_error_frame_and_the_panic_line_are_in_korean_under_ko() {
    let env = Env::new();
    let missing = env.path("없음.md");
    let out = env
        .cmd()
        .env(KO.0, KO.1)
        .arg("import")
        .arg(&missing)
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert!(err.starts_with("synack: 오류: "), "{err}");
    assert!(err.contains("그런 파일이나 폴더가 없습니다"), "{err}");
    let out = env
        .cmd()
        .env(C.0, C.1)
        .arg("import")
        .arg(env.path("none.md"))
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert!(err.contains("synack: error: "), "{err}");
    assert!(err.contains("no such file or folder"), "{err}");
    assert_no_korean("import of a missing file", &err);

    // The system's words for an I/O error are said again in Korean.
    let out = env
        .cmd()
        .env(KO.0, KO.1)
        .arg("restore")
        .arg(env.path("없는 백업.json"))
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("을(를) 읽을 수 없습니다: 파일이나 폴더가 없습니다 (OS 오류 2)"),
        "{err}"
    );
    assert_no_english("restore of a missing file", &err);
    let out = env
        .cmd()
        .env(C.0, C.1)
        .arg("restore")
        .arg(env.path("missing.json"))
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert!(
        err.contains("missing.json: No such file or directory (os error 2)"),
        "{err}"
    );

    let out = env
        .cmd()
        .env(KO.0, KO.1)
        .env("SYNACK_TEST_PANIC", "1")
        .arg("due")
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("synack: 오류: 내부 오류입니다"), "{err}");
    assert!(err.contains("synack의 버그"), "{err}");
}

/// Two notes of one deck, and a third file that is not valid UTF-8 (read
/// with --lossy, a warning).
fn notes(env: &Env) -> Vec<std::path::PathBuf> {
    vec![
        env.write(
            "notes/a.md",
            "# 네트워크\n\n## TCP란?\n\n연결형 프로토콜\n\n## 열린 질문은?\n",
        ),
        env.write("notes/b.md", "# 네트워크\n\n## TCP란?\n\n바이트 스트림\n"),
        env.write(
            "notes/c.md",
            b"# \xeb\x8d\xb1\n\n## UDP\xff?\n\n\xeb\x8b\xb5\n",
        ),
    ]
}

fn import_in(env: &Env, lang: (&str, &str), paths: &[std::path::PathBuf]) -> (String, String) {
    let out = env
        .cmd()
        .env(lang.0, lang.1)
        .arg("import")
        .arg("--lossy")
        .args(paths)
        .assert()
        .success();
    (stdout_of(&out), stderr_of(&out))
}

#[test]
fn the_import_report_is_in_the_chosen_language() {
    let env = Env::new();
    let paths = notes(&env);
    let (out, err) = import_in(&env, KO, &paths);
    assert_no_english("import report", &out);
    assert_no_english("import warnings", &err);
    assert!(out.contains("합계: 파일 3개 (파싱 3개): 추가 "), "{out}");
    assert!(
        out.contains("synack에 들어 있는 덱이 이 데이터베이스에 없습니다"),
        "{out}"
    );
    assert!(err.starts_with("synack: 경고: "), "{err}");
    assert!(err.contains("U+FFFD로 바꿨습니다"), "{err}");
    let (out, _) = import_in(&env, KO, &paths);
    assert!(out.contains("가져올 것이 없습니다: 파일 3개가"), "{out}");
    assert!(out.contains("바뀌지 않아 다시 파싱하지 않음"), "{out}");

    let env = Env::new();
    let paths = notes(&env);
    let (out, err) = import_in(&env, C, &paths);
    assert!(out.contains("Total: 3 files (3 parsed): "), "{out}");
    assert!(err.contains("synack: warning: "), "{err}");
    // The card content (the deck 네트워크, the fronts) is the user's; the
    // rest of each line is not Korean.
    for line in out.lines().chain(err.lines()) {
        let without_content = line
            .replace("네트워크", "")
            .replace("TCP란?", "")
            .replace("덱", "");
        assert_no_korean("import report", &without_content);
    }
    let (out, _) = import_in(&env, C, &paths);
    assert!(
        out.contains("Nothing to import: 3 files are unchanged"),
        "{out}"
    );
}

#[test]
fn restore_and_merge_say_what_they_did_in_the_chosen_language() {
    let env = Env::new();
    env.cmd()
        .args(["import"])
        .arg(env.write("notes/a.md", "# 네트워크\n\n## TCP란?\n\n연결형\n"))
        .assert()
        .success();
    let backup = env.path("backup.json");
    env.cmd()
        .args(["export", "--format", "json", "--out"])
        .arg(&backup)
        .assert()
        .success();
    let fresh = env.path("fresh.db");
    let restore = |lang: (&str, &str), db: &std::path::Path, merge: bool| {
        let mut cmd = env.bare_cmd();
        cmd.env(lang.0, lang.1)
            .arg("--db")
            .arg(db)
            .arg("restore")
            .arg(&backup);
        if merge {
            cmd.arg("--merge");
        }
        cmd.assert()
    };
    let out = restore(KO, &fresh, false).success();
    let text = stdout_of(&out);
    assert!(
        text.contains("에 복원했습니다: 카드 1장, 복습 0건"),
        "{text}"
    );
    assert_no_english("restore", &text);
    let out = restore(KO, &fresh, false).code(1);
    let err = stderr_of(&out);
    assert!(err.contains("이미 데이터가 있습니다"), "{err}");
    assert_no_english("restore into a full database", &err);
    let out = restore(KO, &fresh, true).success();
    let text = stdout_of(&out);
    assert!(text.contains("병합했습니다: 카드 0장"), "{text}");

    let other = env.path("other.db");
    let out = restore(C, &other, false).success();
    let text = stdout_of(&out);
    assert!(text.contains("Restored "), "{text}");
    assert!(text.contains(": cards 1, reviews 0, "), "{text}");
    assert_no_korean("restore", &text);
    let out = restore(C, &other, true).success();
    let text = stdout_of(&out);
    assert!(text.contains("Merged "), "{text}");
    assert_no_korean("merge", &text);
    let out = restore(C, &other, false).code(1);
    let err = stderr_of(&out);
    assert!(err.contains("already has data"), "{err}");
    assert_no_korean("restore into a full database", &err);

    let not_json = env.write("bad.json", "{ nope");
    let mut cmd = env.bare_cmd();
    let out = cmd
        .env(KO.0, KO.1)
        .arg("--db")
        .arg(env.path("third.db"))
        .arg("restore")
        .arg(&not_json)
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert!(err.contains("JSON이 아닙니다"), "{err}");
}

#[test]
fn doctor_speaks_the_chosen_language_and_its_json_keeps_the_codes() {
    let env = Env::new();
    env.cmd()
        .args(["import"])
        .arg(env.write(
            "notes/a.md",
            "# 네트워크\n\n- 열린 질문은?\n- 다른 질문은?\n",
        ))
        .assert()
        .success();
    let out = env
        .cmd()
        .env(KO.0, KO.1)
        .args(["doctor", "--width", "200"])
        .assert()
        .success();
    let text = stdout_of(&out);
    assert!(text.contains(": 열린 질문: "), "{text}");
    assert!(text.contains("(노트에 아직 답이 없습니다)"), "{text}");
    assert!(text.contains("문제 2건"), "{text}");
    assert_no_english("doctor", &text);
    let out = env
        .cmd()
        .env(C.0, C.1)
        .args(["doctor", "--width", "200"])
        .assert()
        .success();
    let text = stdout_of(&out);
    assert!(text.contains(": open question: "), "{text}");
    assert!(text.contains("2 problems"), "{text}");
    for line in text.lines() {
        // The front is the user's card text.
        let message = line.split(": ").take(2).collect::<Vec<_>>().join(": ");
        assert_no_korean("doctor", &message);
    }
    let json = env.json(&["doctor", "--format", "json"]);
    let reasons: Vec<&str> = json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["reason"].as_str().expect("reason"))
        .collect();
    assert_eq!(reasons, ["open question", "open question"]);
    let json: serde_json::Value = serde_json::from_slice(
        &env.cmd()
            .env(KO.0, KO.1)
            .args(["doctor", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .expect("json");
    assert_eq!(json["problems"][0]["reason"], "open question");
    assert_eq!(json["problems"][0]["detail"], "노트에 아직 답이 없습니다");
}

/// Korean is two columns a letter: clap measures help by display width (its
/// `unicode` feature), so a Korean help wraps where an English one does.
#[test]
fn every_help_fits_60_and_100_columns_in_both_languages() {
    use unicode_width::UnicodeWidthStr;
    let env = Env::new();
    for columns in [60, 100] {
        for lang in [KO, C] {
            for command in COMMANDS {
                let out = env
                    .cmd()
                    .env(lang.0, lang.1)
                    .env("COLUMNS", columns.to_string())
                    .args(*command)
                    .arg("--help")
                    .assert()
                    .success();
                let help = stdout_of(&out);
                // clap never wraps the usage line (in English either).
                let usage = ["Usage: ", "사용법: "];
                for line in help
                    .lines()
                    .filter(|l| !usage.iter().any(|u| l.starts_with(u)))
                {
                    assert!(
                        line.width() <= columns,
                        "synack {} --help under {lang:?} at {columns} columns: {line:?} is {} wide",
                        command.join(" "),
                        line.width()
                    );
                }
            }
        }
    }
}
