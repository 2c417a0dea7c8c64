//! The quiz and card screens (issue 28 §3): grades in both languages and
//! Enter for Good, the coloured grade line, unknown tags, and `show` with
//! the card's schedule and history.

use crate::util::Env;

fn text(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

#[test]
fn enter_at_the_grade_prompt_means_good_and_says_so() {
    let env = Env::new();
    let out = env.cmd().arg("quiz").write_stdin("\n\n").assert().success();
    let shown = text(&out);
    assert!(shown.contains("→ good (Enter) · next in"), "{shown}");
    let json = env
        .cmd()
        .args(["quiz", "--format", "json"])
        .write_stdin("\n\n")
        .assert()
        .success();
    let grade = text(&json)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|e| e["event"] == "grade")
        .expect("a grade event");
    assert_eq!(grade["rating"], 3, "good: {grade}");
    assert_eq!(grade["by_enter"], true);
    // The grade was recorded as Good.
    let revlog = env.json(&["stats", "--format", "json"]);
    assert_eq!(revlog["overview"]["reviews"], 2, "{revlog}");
}

#[test]
fn korean_grades_and_ime_keys_are_grades() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("quiz")
        .write_stdin("\n다시\n\nㅎ\n\n쉬\n:quit\n")
        .assert()
        .success();
    let shown = text(&out);
    assert!(shown.contains("→ again · next in"), "{shown}");
    assert!(shown.contains("→ good · next in"), "{shown}");
    assert!(shown.contains("→ easy · next in"), "{shown}");
    assert!(!shown.contains("is not a grade"), "{shown}");
}

#[test]
fn the_grade_line_takes_its_buttons_colour() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--color", "always", "quiz"])
        .write_stdin("\n1\n\n3\n:quit\n")
        .assert()
        .success();
    let shown = text(&out);
    assert!(shown.contains("\x1b[31m→ again"), "{shown:?}");
    assert!(shown.contains("\x1b[32m→ good"), "{shown:?}");
    let plain = text(
        &env.cmd()
            .arg("quiz")
            .write_stdin("\n4\n")
            .assert()
            .success(),
    );
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

#[test]
fn quiz_with_an_unknown_tag_is_a_usage_error() {
    let env = Env::new();
    // The shipped decks are imported first, so that stderr has only the error.
    env.cmd().arg("cards").assert().success();
    let out = env
        .cmd()
        .args(["quiz", "--tag", "no-such-tag"])
        .write_stdin("\n")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no-such-tag"), "{err}");
    assert!(out.get_output().stdout.is_empty());
    // A tag some card has still works.
    env.cmd()
        .args(["quiz", "--tag", "TCP와-UDP"])
        .write_stdin("")
        .assert()
        .success();
}

#[test]
fn show_gives_the_schedule_earlier_wordings_and_last_reviews() {
    let env = Env::new();
    let note = env.write("notes/a.md", "# 덱\n## 첫 질문은?\n첫 답\n");
    env.import(&[&note]);
    let id = env.card("첫 질문은?")["id"].to_string();
    for (day, rating) in [("19", "good"), ("20", "again")] {
        env.cmd()
            .env("SYNACK_NOW", format!("2026-11-{day}T09:00:00+09:00"))
            .args(["answer", &id, rating, "--typed", "내 답"])
            .assert()
            .success();
    }
    env.write("notes/a.md", "# 덱\n## 첫 질문은?\n고친 답\n");
    env.import(&[&note]);

    let json = env.json(&["show", &id, "--format", "json"]);
    let s = &json["schedule"];
    for field in [
        "state",
        "due",
        "stability",
        "difficulty",
        "retrievability",
        "reps",
        "lapses",
    ] {
        assert!(!s[field].is_null(), "schedule.{field}: {json}");
    }
    assert_eq!(s["reps"], 2);
    assert_eq!(json["review_count"], 2);
    assert_eq!(
        json["reviews"][0]["rating"], "again",
        "newest first: {json}"
    );
    assert_eq!(json["reviews"][0]["answer"], "내 답");
    assert_eq!(json["revisions"][0]["back"], "첫 답", "{json}");
    // The fields `cards --format json` has are all still there.
    assert_eq!(json["back"], "고친 답");
    assert!(json["heading_path"].is_array());

    let shown = text(&env.cmd().args(["show", &id]).assert().success());
    for part in [
        "state:  ",
        "reps 2",
        "due:    ",
        "recall now",
        "Earlier wordings:",
        "Last reviews:",
        "again",
        "typed: 내 답",
    ] {
        assert!(shown.contains(part), "{part}: {shown}");
    }
}

#[test]
fn the_key_terms_hint_leaves_out_the_questions_words() {
    let env = Env::new();
    let note = env.write(
        "notes/a.md",
        "# 덱\n## TCP 혼잡 제어란?\n혼잡 윈도우를 줄이고 늘려서 네트워크가 감당할 만큼만 보내며 손실을 신호로 삼습니다.\n\n## 포트는?\n포트 번호\n",
    );
    env.import(&[&note]);
    let out = env
        .cmd()
        .args(["quiz", "--format", "json"])
        .write_stdin("cwnd로 조절\n3\n아무거나\n3\n")
        .assert()
        .success();
    let events: Vec<serde_json::Value> = text(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|e: &serde_json::Value| e["event"] == "reveal")
        .collect();
    assert_eq!(events.len(), 2);
    let recall = &events[0]["recall"];
    let terms: Vec<&str> = recall["found"]
        .as_array()
        .unwrap()
        .iter()
        .chain(recall["missing"].as_array().unwrap())
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(
        !terms.contains(&"tcp") && !terms.contains(&"혼잡 제어"),
        "{terms:?}"
    );
    assert_eq!(
        recall["found"][0], "혼잡 윈도우",
        "cwnd is its English form: {recall}"
    );
    // Two key terms say nothing: no hint.
    assert!(events[1]["recall"].is_null(), "{}", events[1]);
}
