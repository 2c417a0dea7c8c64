//! One language at a time: `config set language`, else LC_ALL/LC_MESSAGES/
//! LANG, else English; every screen in the one chosen.

use crate::util::{C, Env, KO, assert_no_english, assert_no_korean};

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stderr.clone()).expect("utf-8")
}

#[test]
fn the_language_setting_wins_over_lang_and_auto_gives_it_back() {
    let env = Env::new();
    env.cmd()
        .args(["config", "set", "fuzz", "false"])
        .assert()
        .success();
    let bad = |lang: (&str, &str)| {
        let out = env
            .cmd()
            .env(lang.0, lang.1)
            .args(["config", "set", "language", "fr"])
            .assert()
            .failure();
        stderr_of(&out)
    };
    // LANG alone decides while the setting is auto.
    assert!(bad(KO).contains("ko, en, auto 중 하나"), "{}", bad(KO));
    assert!(bad(C).contains("expected ko, en or auto"), "{}", bad(C));
    // The stored setting overrides LANG in both directions.
    env.cmd()
        .env(C.0, C.1)
        .args(["config", "set", "language", "ko"])
        .assert()
        .success();
    assert!(bad(C).contains("ko, en, auto 중 하나"), "{}", bad(C));
    env.cmd()
        .args(["config", "set", "language", "en"])
        .assert()
        .success();
    assert!(bad(KO).contains("expected ko, en or auto"), "{}", bad(KO));
    env.cmd()
        .args(["config", "set", "language", "auto"])
        .assert()
        .success();
    assert!(bad(KO).contains("ko, en, auto 중 하나"), "{}", bad(KO));
    let out = env
        .cmd()
        .args(["config", "get", "language"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout).trim(),
        "auto"
    );
}

#[test]
fn lc_all_wins_over_lang() {
    let env = Env::new();
    let out = env
        .cmd()
        .env(KO.0, KO.1)
        .env("LC_ALL", "C")
        .args(["config", "set", "language", "fr"])
        .assert()
        .failure();
    let err = stderr_of(&out);
    assert_no_korean("config set language fr", &err);
    let out = env
        .cmd()
        .env(C.0, C.1)
        .env("LC_ALL", "ko_KR.UTF-8")
        .args(["config", "set", "language", "fr"])
        .assert()
        .failure();
    let err = stderr_of(&out);
    // The reason is the catalog's (the "error:" frame around it is the
    // error module's, translated with the rest of the messages).
    let reason = err.rsplit(": ").next().unwrap_or_default();
    assert_no_english("config set language fr", reason);
    assert!(reason.contains("ko, en, auto 중 하나"), "{err}");
}

#[test]
fn the_import_reports_why_it_skipped_a_passage_in_the_chosen_language() {
    let env = Env::new();
    let note = env.write(
        "notes/n.md",
        "# 덱\n\n## 그림\n\n![](a.png)\n\n## 같은 절\n\n하나\n\n## 같은 절\n\n둘\n",
    );
    let report = |lang: (&str, &str)| {
        let out = env
            .cmd()
            .env(lang.0, lang.1)
            .arg("import")
            .arg(&note)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
    };
    let ko = report(KO);
    assert!(ko.contains("이미지뿐"), "{ko}");
    assert!(ko.contains("행 카드와 앞면이 같습니다"), "{ko}");
    assert_no_english("import", &ko);
    // The second import finds nothing changed and reports no passages;
    // touch the note so it is read again, in English.
    std::fs::write(&note, std::fs::read_to_string(&note).unwrap() + "\n").unwrap();
    let en = report(C);
    assert!(en.contains("image only"), "{en}");
    assert!(en.contains("same front as the card at line"), "{en}");
}
