//! Scheduling through the binary: answers, the due counts day by day,
//! simulate, config, and replaying the log.

use serde_json::Value;

use crate::util::Env;

fn at(env: &Env, now: &str, args: &[&str]) -> Value {
    let out = env
        .cmd()
        .env("SYNACK_NOW", now)
        .args(args)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("json")
}

fn today(env: &Env, now: &str) -> (u64, u64, u64) {
    let due = at(env, now, &["due", "--format", "json"]);
    let t = &due["today"];
    (
        t["new"].as_u64().unwrap_or(99),
        t["learning"].as_u64().unwrap_or(99),
        t["review"].as_u64().unwrap_or(99),
    )
}

/// Ten cards, each in its own section (no burying between them).
fn ten_cards() -> Env {
    let env = Env::new();
    let mut note = String::from("# 덱\n");
    for i in 1..=10 {
        note.push_str(&format!("## 질문 {i}번은 무엇인가요?\n답 {i}.\n"));
    }
    let path = env.write("deck.md", note);
    env.import(&[&path]);
    env
}

#[test]
fn good_on_the_first_learning_step_is_due_again_after_ten_minutes_not_tomorrow() {
    let env = ten_cards();
    let a = at(
        &env,
        "2026-11-21T09:00:00+09:00",
        &["answer", "1", "good", "--format", "json"],
    );
    assert_eq!(a["state"], "learning");
    assert_eq!(a["due"], "2026-11-21T00:10:00.000Z");
    assert_eq!(today(&env, "2026-11-21T09:09:00+09:00"), (9, 0, 0));
    assert_eq!(today(&env, "2026-11-21T09:10:00+09:00"), (9, 1, 0));
}

#[test]
fn due_counts_follow_the_limits_and_the_states_day_by_day() {
    let env = ten_cards();
    env.cmd()
        .args(["config", "set", "new_per_day", "4"])
        .assert()
        .success();
    env.cmd()
        .args(["config", "set", "fuzz", "false"])
        .assert()
        .success();
    // Day 1: four new cards allowed.
    assert_eq!(today(&env, "2026-11-21T09:00:00+09:00"), (4, 0, 0));
    for id in ["1", "2", "3"] {
        at(
            &env,
            "2026-11-21T09:00:00+09:00",
            &["answer", id, "easy", "--format", "json"],
        );
    }
    at(
        &env,
        "2026-11-21T09:00:00+09:00",
        &["answer", "4", "good", "--format", "json"],
    );
    // The limit is spent; card 4 is learning and due in 10 minutes.
    assert_eq!(today(&env, "2026-11-21T09:05:00+09:00"), (0, 0, 0));
    assert_eq!(today(&env, "2026-11-21T09:15:00+09:00"), (0, 1, 0));
    let a = at(
        &env,
        "2026-11-21T09:15:00+09:00",
        &["answer", "4", "good", "--format", "json"],
    );
    assert_eq!(a["state"], "review");
    // Before 04:00 it is still the same study day.
    assert_eq!(today(&env, "2026-11-22T03:59:00+09:00"), (0, 0, 0));
    // Day 2 from 04:00: four more new cards; nothing due yet.
    assert_eq!(today(&env, "2026-11-22T04:00:00+09:00"), (4, 0, 0));
    // Card 4 graduated at Good (2 days without fuzz); the easy ones at 8 days.
    assert_eq!(today(&env, "2026-11-23T09:00:00+09:00"), (4, 0, 1));
    assert_eq!(today(&env, "2026-11-29T09:00:00+09:00"), (4, 0, 4));
    let forecast = at(
        &env,
        "2026-11-21T09:30:00+09:00",
        &["due", "--format", "json"],
    );
    let f = forecast["forecast"].as_array().expect("forecast");
    assert_eq!(f.len(), 30);
    assert_eq!(f[0]["date"], "2026-11-21");
    assert_eq!(f[2]["due"], 1, "{forecast}");
    assert_eq!(f[8]["due"], 3, "{forecast}");
}

#[test]
fn answered_siblings_are_buried_until_tomorrow() {
    let env = Env::new();
    let note = env.write(
        "n.md",
        "# 덱\n## 흐름 제어\nQ: rwnd는?\nA: 수신 윈도우\n\nQ: 제로 윈도우는?\nA: 수신 버퍼가 가득 참\n\n## 다른 질문은 무엇인가요?\n답.\n",
    );
    env.import(&[&note]);
    let cards = env.cards();
    let id =
        |front: &str| cards.iter().find(|c| c["front"] == front).expect(front)["id"].to_string();
    assert_eq!(today(&env, "2026-11-21T09:00:00+09:00").0, 3);
    at(
        &env,
        "2026-11-21T09:00:00+09:00",
        &["answer", &id("rwnd는?"), "good", "--format", "json"],
    );
    // Its sibling from the same section waits for tomorrow; the other card does not.
    assert_eq!(today(&env, "2026-11-21T09:01:00+09:00"), (1, 0, 0));
    assert_eq!(today(&env, "2026-11-22T09:00:00+09:00").0, 2);
}

#[test]
fn replaying_the_log_reproduces_every_stored_state() {
    let env = ten_cards();
    let plan: &[(&str, &str, &str)] = &[
        ("2026-11-21T09:00:00+09:00", "1", "good"),
        ("2026-11-21T09:00:30+09:00", "2", "again"),
        ("2026-11-21T09:01:00+09:00", "3", "hard"),
        ("2026-11-21T09:02:00+09:00", "2", "good"),
        ("2026-11-21T09:11:00+09:00", "1", "good"),
        ("2026-11-21T09:12:00+09:00", "2", "good"),
        ("2026-11-21T09:20:00+09:00", "3", "easy"),
        ("2026-11-23T21:00:00+09:00", "1", "good"),
        ("2026-11-24T08:00:00+09:00", "2", "again"),
        ("2026-11-24T08:10:00+09:00", "2", "good"),
        ("2026-12-05T07:00:00+09:00", "3", "hard"),
        ("2026-12-20T07:00:00+09:00", "1", "easy"),
    ];
    for (now, id, rating) in plan {
        at(&env, now, &["answer", id, rating, "--format", "json"]);
    }
    let store = synack::store::Store::open(&env.db).expect("open");
    let config = synack::schedule::config::Config::from_pairs(
        store
            .config_pairs()
            .expect("config")
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str())),
    )
    .expect("config");
    let sched = synack::schedule::Scheduler::new(config.settings, 9 * 3600).expect("scheduler");
    let ids = store.reviewed_card_ids().expect("ids");
    assert_eq!(ids, [1, 2, 3]);
    for id in ids {
        let log = store.reviews_of(id).expect("log");
        let replayed = sched
            .replay(id, log.iter().map(|r| (r.reviewed_at, r.rating)))
            .expect("replay");
        let stored = store.card_state(id).expect("state").expect("exists");
        assert_eq!(replayed, stored, "card {id}");
        assert_eq!(stored.reps as usize, log.len());
    }
}

#[test]
fn simulate_prints_the_fsrs_steps_as_json() {
    let env = Env::new();
    let out = env.json(&[
        "simulate",
        "--reviews",
        "0:good 3:good 8:again 9:good",
        "--format",
        "json",
    ]);
    let steps = out.as_array().expect("array");
    let days: Vec<u64> = steps
        .iter()
        .map(|s| s["interval_days"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(days, [2, 14, 2, 9]);
    assert_eq!(steps[2]["rating"], 1);
    for key in [
        "elapsed_days",
        "rating",
        "stability",
        "difficulty",
        "retrievability",
        "interval_days",
    ] {
        assert!(steps[0].get(key).is_some(), "missing {key}");
    }
    let low = env.json(&[
        "simulate",
        "--reviews",
        "0:3 3:3 8:1 9:3",
        "--retention",
        "0.8",
        "--format",
        "json",
    ]);
    let days: Vec<u64> = low
        .as_array()
        .expect("array")
        .iter()
        .map(|s| s["interval_days"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(days, [8, 46, 5, 31]);
}

#[test]
fn bad_simulate_input_is_a_usage_error() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["simulate", "--reviews", "0:good 3:meh"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("\"3:meh\"") && stderr.contains("not a rating"),
        "{stderr}"
    );
    env.cmd()
        .args(["simulate", "--reviews", "0:good", "--retention", "0.5"])
        .assert()
        .code(2);
}

#[test]
fn config_round_trips_and_rejects_bad_values() {
    let env = Env::new();
    env.cmd()
        .args(["config", "set", "learning_steps", "2m 15m 1h"])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["config", "get", "learning_steps"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout).trim(),
        "2m 15m 1h"
    );
    let out = env
        .cmd()
        .args(["config", "set", "desired_retention", "0.99"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("between 0.70 and 0.97"), "{stderr}");
    let out = env.cmd().arg("config").assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("2m 15m 1h"));
}

#[test]
fn a_leech_is_tagged_and_suspended_when_configured() {
    let env = ten_cards();
    for (k, v) in [
        ("leech_threshold", "2"),
        ("relearning_steps", ""),
        ("leech_suspend", "true"),
    ] {
        env.cmd().args(["config", "set", k, v]).assert().success();
    }
    at(
        &env,
        "2026-11-21T09:00:00+09:00",
        &["answer", "5", "easy", "--format", "json"],
    );
    let first = at(
        &env,
        "2026-12-01T09:00:00+09:00",
        &["answer", "5", "again", "--format", "json"],
    );
    assert_eq!(first["leech"], false);
    let second = at(
        &env,
        "2026-12-03T09:00:00+09:00",
        &["answer", "5", "again", "--format", "json"],
    );
    assert_eq!(second["leech"], true);
    let card = env.card("질문 5번은 무엇인가요?");
    assert_eq!(card["tags"], serde_json::json!(["leech"]));
    assert_eq!(card["suspended"], true);
    assert_eq!(
        today(&env, "2026-12-10T09:00:00+09:00").2,
        0,
        "a suspended leech is not due"
    );
}

#[test]
fn a_deck_limit_applies_with_the_global_one() {
    let env = ten_cards();
    let mut other = String::from("# 다른 덱\n");
    for i in 1..=5 {
        other.push_str(&format!("## 다른 질문 {i}번은?\n답.\n"));
    }
    let path = env.write("other.md", other);
    env.import(&[&path]);
    assert_eq!(today(&env, "2026-11-21T09:00:00+09:00"), (15, 0, 0));
    // "다른" is a unique part of the deck name, as with --deck elsewhere.
    let out = env
        .cmd()
        .args(["config", "set", "new_per_day", "2", "--deck", "다른"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout).trim(),
        "new_per_day@다른 덱 = 2"
    );
    assert_eq!(today(&env, "2026-11-21T09:00:00+09:00"), (12, 0, 0));
    env.cmd()
        .args(["config", "set", "new_per_day", "11"])
        .assert()
        .success();
    assert_eq!(today(&env, "2026-11-21T09:00:00+09:00"), (11, 0, 0));
    let listing = env.cmd().arg("config").assert().success();
    assert!(
        String::from_utf8_lossy(&listing.get_output().stdout).contains("new_per_day@다른 덱  2")
    );
    env.cmd()
        .args(["config", "unset", "new_per_day", "--deck", "다른 덱"])
        .assert()
        .success();
    env.cmd()
        .args(["config", "unset", "new_per_day"])
        .assert()
        .success();
    assert_eq!(today(&env, "2026-11-21T09:00:00+09:00"), (15, 0, 0));
    let out = env
        .cmd()
        .args(["config", "set", "fuzz", "true", "--deck", "다른"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("cannot be set per deck"));
}

/// Runs a scripted quiz at `now` answering every card Good (Enter at both
/// prompts), with `args`; returns the cards graded.
fn quiz_all_good(env: &Env, now: &str, args: &[&str]) -> usize {
    let out = env
        .cmd()
        .env("SYNACK_NOW", now)
        .args(["quiz", "--format", "json"])
        .args(args)
        .write_stdin("\n".repeat(400))
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .filter(|l| l.contains("\"event\":\"grade\""))
        .count()
}

/// Issue 30 §3: the same 10 days, the same answers, once on the normal
/// schedule and once with `exam_date` set: the predicted recall on the
/// date is higher with it, and after the date the normal schedule resumes.
#[test]
fn studying_with_exam_date_raises_predicted_recall_on_the_date() {
    let date = "2026-12-01";
    let mut recall = Vec::new();
    let mut graded = Vec::new();
    for with_date in [false, true] {
        let env = crate::util::quiz_deck(20);
        env.cmd()
            .args(["config", "set", "learning_steps", ""])
            .assert()
            .success();
        if with_date {
            let out = env
                .cmd()
                .args(["config", "set", "exam_date", date])
                .assert()
                .success();
            assert_eq!(
                String::from_utf8_lossy(&out.get_output().stdout),
                "exam_date = 2026-12-01\n"
            );
        }
        let mut n = 0;
        for day in 0..10 {
            let now = format!("2026-{}T09:00:00+09:00", day_after("11-21", day));
            n += quiz_all_good(&env, &now, &[]);
        }
        let v = env.json(&["due", "--until", date, "--format", "json"]);
        recall.push(v["predicted_recall"].as_f64().unwrap());
        graded.push(n);
        if with_date {
            // On and after the date, the queue is the normal one again.
            let normal = env
                .cmd()
                .env("SYNACK_NOW", "2026-12-01T09:00:00+09:00")
                .args(["config", "unset", "exam_date"])
                .assert()
                .success();
            assert!(String::from_utf8_lossy(&normal.get_output().stdout).starts_with("exam_date"));
            let without = env
                .cmd()
                .env("SYNACK_NOW", "2026-12-02T09:00:00+09:00")
                .args(["due", "--format", "json"])
                .output()
                .unwrap();
            env.cmd()
                .args(["config", "set", "exam_date", date])
                .assert()
                .success();
            let with = env
                .cmd()
                .env("SYNACK_NOW", "2026-12-02T09:00:00+09:00")
                .args(["due", "--format", "json"])
                .output()
                .unwrap();
            assert_eq!(with.stdout, without.stdout);
        }
    }
    assert!(
        recall[1] > recall[0],
        "with exam_date {} vs without {} (cards graded {graded:?})",
        recall[1],
        recall[0]
    );
    assert!(graded[1] > graded[0], "{graded:?}");
}

/// `11-21` plus `days`, as `MM-DD` (November and December only).
fn day_after(start: &str, days: u32) -> String {
    let (m, d) = start.split_once('-').unwrap();
    let (m, d): (u32, u32) = (m.parse().unwrap(), d.parse().unwrap());
    let d = d + days;
    if m == 11 && d > 30 {
        format!("12-{:02}", d - 30)
    } else {
        format!("{m:02}-{d:02}")
    }
}

#[test]
fn exam_date_and_quiz_until_reject_bad_dates_in_one_line() {
    let env = crate::util::quiz_deck(2);
    for (args, want) in [
        (
            &["config", "set", "exam_date", "2027-02-30"][..],
            "synack: error: exam_date: \"2027-02-30\" is not valid: expected a date such as 2027-01-15\n",
        ),
        (
            &["quiz", "--until", "2020-01-01"][..],
            "synack: error: --until 2020-01-01: the date is not after today\n",
        ),
    ] {
        let out = env.cmd().args(args).write_stdin("").assert().code(2);
        assert_eq!(String::from_utf8_lossy(&out.get_output().stderr), want);
    }
    env.cmd()
        .args(["config", "set", "exam_date", "2027-01-15"])
        .assert()
        .success();
    let got = env
        .cmd()
        .args(["config", "get", "exam_date"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&got.stdout), "2027-01-15\n");
}

/// Issue 30 §3: with `exam_date` set, `stats` and `report` show the
/// predicted recall on it, the same as `due --until` does.
#[test]
fn stats_and_report_show_predicted_recall_on_the_exam_date() {
    let env = crate::util::quiz_deck(4);
    quiz_all_good(&env, crate::util::NOW, &[]);
    let before = env.json(&["stats", "--format", "json"]);
    assert!(before.get("exam").is_none(), "{before}");
    env.cmd()
        .args(["config", "set", "exam_date", "2026-12-20"])
        .assert()
        .success();
    let stats = env.json(&["stats", "--format", "json"]);
    let due = env.json(&["due", "--until", "2026-12-20", "--format", "json"]);
    assert_eq!(stats["exam"], due, "{stats}");
    assert!(due["predicted_recall"].as_f64().unwrap() > 0.0);
    let text = env.cmd().arg("stats").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Predicted recall on 2026-12-20:"), "{text}");
    let md = env
        .cmd()
        .args(["report", "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains("| cards a day | predicted recall on the day |"),
        "{md}"
    );
}
