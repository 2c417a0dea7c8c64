//! `synack suspend` and `synack unsuspend` (issue 24, item 2): a suspended
//! card, however it was suspended, can come back; `synack cards --suspended`
//! lists what is out of study.

use serde_json::Value;

use crate::util::{Env, quiz_deck};

fn stdout(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

/// The ids `cards --suspended --format json` lists.
fn suspended_ids(env: &Env) -> Vec<i64> {
    match env.json(&["cards", "--suspended", "--format", "json"]) {
        Value::Array(cards) => cards
            .iter()
            .map(|c| {
                assert_eq!(c["suspended"], true, "{c}");
                c["id"].as_i64().expect("id")
            })
            .collect(),
        other => panic!("not an array: {other}"),
    }
}

/// New cards the quiz would show today.
fn new_today(env: &Env) -> i64 {
    env.json(&["due", "--format", "json"])["today"]["new"]
        .as_i64()
        .expect("today.new")
}

fn ids(env: &Env) -> Vec<i64> {
    env.cards()
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect()
}

/// Regression: `:suspend` and `leech_suspend` suspended, and nothing
/// unsuspended, so a card suspended by a slip of the keyboard was lost.
#[test]
fn a_card_suspended_in_a_quiz_comes_back_with_unsuspend() {
    let env = quiz_deck(3);
    assert_eq!(new_today(&env), 3);
    let out = env
        .cmd()
        .args(["quiz", "--format", "json"])
        .write_stdin(":suspend\n:quit\n")
        .assert()
        .success();
    let events: Vec<Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let id = events
        .iter()
        .find(|e| e["event"] == "card")
        .and_then(|e| e["card_id"].as_i64())
        .expect("a card was shown");
    let said = events
        .iter()
        .find(|e| e["command"] == "suspend")
        .and_then(|e| e["text"].as_str())
        .expect("the suspend message")
        .to_string();
    assert!(said.contains(&format!("synack unsuspend {id}")), "{said}");
    assert_eq!(suspended_ids(&env), [id]);
    assert_eq!(new_today(&env), 2);

    let text = stdout(&env, &["unsuspend", &id.to_string()]);
    assert_eq!(text, format!("1 card unsuspended: #{id}\n"));
    assert!(suspended_ids(&env).is_empty());
    assert_eq!(new_today(&env), 3);
    // Again: nothing to change, and it says so.
    let text = stdout(&env, &["unsuspend", &id.to_string()]);
    assert!(
        text.starts_with("0 cards unsuspended\n1 card not suspended"),
        "{text}"
    );
}

#[test]
fn suspend_by_id_says_what_changed_and_cards_suspended_lists_them() {
    let env = quiz_deck(4);
    let all = ids(&env);
    let (a, b) = (all[0], all[2]);
    let text = stdout(&env, &["suspend", &a.to_string(), &b.to_string()]);
    assert!(
        text.starts_with(&format!("2 cards suspended: #{a}, #{b}\n")),
        "{text}"
    );
    assert_eq!(suspended_ids(&env), [a, b]);
    assert_eq!(new_today(&env), 2);
    // Named twice, or already suspended: counted once, and said.
    let text = stdout(&env, &["suspend", &a.to_string(), &a.to_string()]);
    assert!(
        text.starts_with("0 cards suspended\n1 card already suspended\n"),
        "{text}"
    );
    // The text listing marks them and counts them.
    let list = stdout(&env, &["cards", "--suspended"]);
    assert_eq!(list.matches("(suspended)").count(), 2, "{list}");
    assert!(
        list.ends_with("2 cards in 1 deck (2 suspended)\n"),
        "{list}"
    );
    let text = stdout(&env, &["unsuspend", &a.to_string(), &b.to_string()]);
    assert!(
        text.starts_with(&format!("2 cards unsuspended: #{a}, #{b}\n")),
        "{text}"
    );
    assert_eq!(new_today(&env), 4);
    assert_eq!(stdout(&env, &["cards", "--suspended"]), "No cards match.\n");
}

#[test]
fn an_unknown_id_is_one_line_and_nothing_changes() {
    let env = quiz_deck(2);
    let known = ids(&env)[0];
    for command in ["suspend", "unsuspend"] {
        let out = env
            .cmd()
            .args([command, &known.to_string(), "99999", "123456"])
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("#99999, #123456"), "{stderr}");
        assert!(stderr.contains("nothing changed"), "{stderr}");
        assert!(suspended_ids(&env).is_empty(), "{command} changed a card");
    }
    // Nothing selected at all is a usage error, not "everything".
    env.cmd().arg("suspend").assert().code(2);
    env.cmd()
        .args(["suspend", &known.to_string(), "--deck", "덱"])
        .assert()
        .code(2);
    assert!(suspended_ids(&env).is_empty());
}

#[test]
fn deck_tag_and_search_select_the_cards_to_suspend() {
    let env = Env::new();
    let tcp = env.write(
        "notes/tcp.md",
        "# TCP\n## 연결\n### 핸드셰이크는 무엇인가요?\n세 번 주고받습니다.\n\
         ## 제어\n### 혼잡 제어는 무엇인가요?\n윈도우를 줄입니다.\n",
    );
    let udp = env.write(
        "notes/udp.md",
        "# UDP\n## UDP 헤더는 몇 바이트인가요?\n8바이트입니다.\n",
    );
    env.import(&[&tcp, &udp]);
    let text = stdout(&env, &["suspend", "--deck", "tcp"]);
    assert!(text.starts_with("2 cards suspended"), "{text}");
    assert_eq!(suspended_ids(&env).len(), 2);
    let text = stdout(&env, &["unsuspend", "--deck", "tcp", "--search", "혼잡"]);
    assert!(text.starts_with("1 card unsuspended"), "{text}");
    let left = env.json(&["cards", "--suspended", "--format", "json"]);
    assert_eq!(left.as_array().map(Vec::len), Some(1), "{left}");
    assert!(
        left[0]["front"]
            .as_str()
            .expect("front")
            .contains("핸드셰이크"),
        "{left}"
    );
    // By tag: the handshake card's own, which the other cards lack.
    let shake = env.card(left[0]["front"].as_str().expect("front"));
    let tag = shake["tags"]
        .as_array()
        .and_then(|t| t.last())
        .and_then(Value::as_str)
        .expect("the card has a tag")
        .to_string();
    let tagged = env.json(&["cards", "--tag", &tag, "--format", "json"]);
    assert_eq!(tagged.as_array().map(Vec::len), Some(1), "{tag}: {tagged}");
    let text = stdout(&env, &["unsuspend", "--tag", &tag]);
    assert!(
        text.starts_with(&format!("1 card unsuspended: #{}\n", shake["id"])),
        "{text}"
    );
    assert!(suspended_ids(&env).is_empty());
    let text = stdout(&env, &["suspend", "--search", "no such text anywhere"]);
    assert_eq!(text, "No cards match; nothing changed.\n");
}

/// A leech suspended by `leech_suspend` comes back with `--leeches`.
#[test]
fn unsuspend_leeches_brings_back_the_cards_leech_suspend_took_out() {
    let env = quiz_deck(2);
    for (key, value) in [
        ("learning_steps", ""),
        ("relearning_steps", ""),
        ("leech_threshold", "1"),
        ("leech_suspend", "true"),
    ] {
        env.cmd()
            .args(["config", "set", key, value])
            .assert()
            .success();
    }
    let id = ids(&env)[0].to_string();
    // Good graduates it (no steps), Again is its first lapse: a leech.
    env.cmd().args(["answer", &id, "good"]).assert().success();
    env.cmd().args(["answer", &id, "again"]).assert().success();
    let card = env.json(&["show", &id, "--format", "json"]);
    assert_eq!(card["suspended"], true, "{card}");
    assert!(
        card["tags"]
            .as_array()
            .expect("tags")
            .contains(&"leech".into())
    );
    let text = stdout(&env, &["unsuspend", "--leeches"]);
    assert_eq!(text, format!("1 card unsuspended: #{id}\n"));
    assert!(suspended_ids(&env).is_empty());
    // Suspending the leeches again takes out only that card.
    let text = stdout(&env, &["suspend", "--leeches"]);
    assert!(
        text.starts_with(&format!("1 card suspended: #{id}\n")),
        "{text}"
    );
}

/// A card whose text left the notes is out of study for that reason: an
/// unsuspend says so and does not put it back in the queue; the import that
/// finds its text again does.
#[test]
fn unsuspend_does_not_bring_back_a_card_whose_text_left_the_notes() {
    let env = Env::new();
    let both = "# 덱\n## 남는 질문은?\n답\n## 사라질 질문은?\n답\n";
    let note = env.write("notes/a.md", both);
    env.import(&[&note]);
    let gone = env.card("사라질 질문은?")["id"].as_i64().expect("id");
    env.cmd()
        .args(["suspend", &gone.to_string()])
        .assert()
        .success();
    env.write("notes/a.md", "# 덱\n## 남는 질문은?\n답\n");
    env.import(&[&note]);
    assert_eq!(new_today(&env), 1);

    let text = stdout(&env, &["unsuspend", &gone.to_string()]);
    assert!(text.starts_with("0 cards unsuspended\n"), "{text}");
    assert!(
        text.contains(&format!(
            "1 card stays out of study: #{gone}: its text is no longer in the notes"
        )),
        "{text}"
    );
    assert_eq!(new_today(&env), 1, "a card with no text came back");
    let list = stdout(&env, &["cards", "--suspended"]);
    assert!(list.contains("(not in notes)"), "{list}");

    // Its text comes back: it is back in study, its user suspension gone.
    env.write("notes/a.md", both);
    env.import(&[&note]);
    assert_eq!(new_today(&env), 2);
    assert!(suspended_ids(&env).is_empty());
}
