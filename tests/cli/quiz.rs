//! `synack quiz` through the binary: script mode over several days, every
//! command, undo, a killed session, two sessions at once, and the real
//! interactive prompt in a pseudo-terminal.

use std::io::{BufRead, BufReader, Write};
use std::process::Command;

use serde_json::Value;

use crate::util::{Env, quiz_deck};

/// Runs a scripted quiz at `now`, returning its JSON events.
fn quiz_json(env: &Env, now: &str, script: &str, args: &[&str]) -> Vec<Value> {
    let out = env
        .cmd()
        .env("SYNACK_NOW", now)
        .args(["quiz", "--format", "json"])
        .args(args)
        .write_stdin(script)
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Runs a scripted quiz in text mode, returning stdout.
fn quiz_text(env: &Env, script: &str) -> String {
    let out = env.cmd().arg("quiz").write_stdin(script).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn events<'a>(all: &'a [Value], kind: &str) -> Vec<&'a Value> {
    all.iter().filter(|e| e["event"] == kind).collect()
}

fn summary(all: &[Value]) -> &Value {
    all.iter()
        .find(|e| e["event"] == "summary")
        .expect("a summary event")
}

fn count(env: &Env, sql: &str) -> i64 {
    env.conn().query_row(sql, [], |r| r.get(0)).expect(sql)
}

#[test]
fn a_session_across_three_days_follows_the_schedule() {
    let env = quiz_deck(3);
    // Day 1: three new cards, Good twice each (10-minute step, then graduate).
    let day1 = quiz_json(&env, "2026-11-21T09:00:00+09:00", &"\n3\n".repeat(6), &[]);
    let grades = events(&day1, "grade");
    assert_eq!(grades.len(), 6);
    assert_eq!(grades[0]["state"], "learning");
    assert_eq!(grades[0]["due"], "2026-11-21T00:10:00.000Z");
    assert_eq!(grades[0]["rating"], 3);
    // Graduated on Good: due in 1 day (FSRS-6 default Good stability ≈ 2.3 days,
    // but the first Good graduates to the Good interval of a same-day review).
    let graduated: Vec<&str> = grades[3..]
        .iter()
        .map(|g| g["state"].as_str().unwrap())
        .collect();
    assert_eq!(graduated, ["review", "review", "review"]);
    let s = summary(&day1);
    assert_eq!(s["reviewed"], 6);
    assert_eq!(s["new_learned"], 3);
    // A second run the same day finds nothing left.
    let again = quiz_json(&env, "2026-11-21T10:00:00+09:00", "", &[]);
    assert!(events(&again, "card").is_empty());
    // The day they fall due, they come back as reviews.
    let due: Vec<String> = grades[3..]
        .iter()
        .map(|g| g["due"].as_str().unwrap().to_string())
        .collect();
    let first_due = due.iter().min().unwrap();
    let day = chrono::DateTime::parse_from_rfc3339(first_due).unwrap();
    let when = (day + chrono::Duration::hours(1)).to_rfc3339();
    let later = quiz_json(&env, &when, "\n4\n".repeat(3).as_str(), &[]);
    let cards = events(&later, "card");
    assert!(!cards.is_empty());
    assert!(cards.iter().all(|c| c["slot"] == "review"), "{cards:?}");
    for g in events(&later, "grade") {
        assert_eq!(g["state"], "review");
        assert!(g["due"].as_str().unwrap() > when.as_str());
    }
    assert_eq!(
        count(&env, "SELECT count(*) FROM reviews"),
        6 + events(&later, "grade").len() as i64
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL"
        ),
        3
    );
}

#[test]
fn new_and_limit_override_the_daily_limits_for_one_session() {
    let env = quiz_deck(5);
    env.cmd()
        .args(["config", "set", "new_per_day", "2"])
        .assert()
        .success();
    let two = quiz_json(&env, "2026-11-21T09:00:00+09:00", "", &[]);
    assert_eq!(events(&two, "card")[0]["total"], 2);
    let four = quiz_json(&env, "2026-11-21T09:00:00+09:00", "", &["--new", "4"]);
    assert_eq!(events(&four, "card")[0]["total"], 4);
}

#[test]
fn every_command_works_in_script_mode() {
    let env = quiz_deck(5);
    let out = quiz_text(
        &env,
        ":help\n:show\n\n:stats\n2\n:skip\n:bury\n:suspend\n:demo\n:undo\n\nhard\n:nope\n:quit\n",
    );
    assert!(out.contains(":undo"), "help lists commands:\n{out}");
    assert!(out.contains("state:   new"), "{out}");
    assert!(out.contains("[1/5]  new 5 · learn 0 · due 0   덱"), "{out}");
    assert!(out.contains("#2 skipped"), "{out}");
    assert!(out.contains("#3 buried until tomorrow"), "{out}");
    assert!(out.contains("#4 suspended"), "{out}");
    assert!(out.contains("this card has no demo"), "{out}");
    assert!(out.contains("took back hard on #1"), "{out}");
    assert!(out.contains("! :nope is not a command"), "{out}");
    assert!(out.contains("Session over"), "{out}");
    // After the undo card 1 was graded again (hard), once: the log has one row.
    assert_eq!(
        count(&env, "SELECT count(*) FROM reviews WHERE card_id = 1"),
        1
    );
    assert_eq!(
        count(&env, "SELECT rating FROM reviews WHERE card_id = 1"),
        2
    );
    assert_eq!(count(&env, "SELECT suspended FROM cards WHERE id = 4"), 1);
    assert_eq!(
        count(
            &env,
            "SELECT buried_until IS NOT NULL FROM card_state WHERE card_id = 3"
        ),
        1
    );
}

#[test]
fn undo_of_each_grade_restores_the_card_exactly() {
    for rating in ["1", "2", "3", "4"] {
        let env = quiz_deck(2);
        let state = |env: &Env| -> String {
            env.conn()
                .query_row(
                    // A card never answered has no state row: its defaults.
                    "SELECT json_array(coalesce(state, 'new'), due, stability, difficulty,
                            coalesce(step, 0), coalesce(reps, 0), coalesce(lapses, 0),
                            last_review)
                     FROM cards c LEFT JOIN card_state cs ON cs.card_id = c.id WHERE c.id = 1",
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        let before = state(&env);
        let all = quiz_json(
            &env,
            "2026-11-21T09:00:00+09:00",
            &format!("typed\n{rating}\n:undo\n:quit\n"),
            &[],
        );
        let cards = events(&all, "card");
        assert_eq!(
            cards.len(),
            3,
            "{rating}: card 1, card 2, then card 1 again"
        );
        assert_eq!(cards[2]["card_id"], 1);
        assert_eq!(state(&env), before, "rating {rating}");
        assert_eq!(count(&env, "SELECT count(*) FROM reviews"), 0);
    }
}

#[test]
fn edit_opens_the_editor_on_the_note_and_reimports_it() {
    let env = quiz_deck(2);
    // An "editor" that rewrites the first answer, recording how it was called.
    let editor = env.write(
        "editor.sh",
        "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/editor-args\"\nsed -i 's/답 1:/답 1 (고침):/' \"$2\"\n",
    );
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = env
        .cmd()
        .arg("quiz")
        .env("EDITOR", &editor)
        .env_remove("VISUAL")
        .write_stdin(":edit\n\n")
        .assert()
        .success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(out.contains("1 updated"), "{out}");
    assert!(out.contains("답 1 (고침): TCP 연결을 맺습니다."), "{out}");
    let args = std::fs::read_to_string(env.path("editor-args")).unwrap();
    assert!(
        args.starts_with("+2 ") && args.trim_end().ends_with("deck.md"),
        "{args}"
    );
}

#[test]
fn edit_refuses_shipped_cards() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("quiz")
        .env("EDITOR", "false")
        .write_stdin(":edit\n:quit\n")
        .assert()
        .success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(out.contains("shipped inside synack"), "{out}");
}

#[test]
fn a_killed_session_keeps_every_grade_already_shown() {
    let env = quiz_deck(6);
    let mut child = env.spawn_quiz();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut graded = Vec::new();
    for rating in ["3", "1", "4"] {
        writeln!(stdin, "\n{rating}").unwrap();
        stdin.flush().unwrap();
        // Wait until the grade is reported: it was committed before that.
        loop {
            let line = lines.next().expect("output").unwrap();
            let event: Value = serde_json::from_str(&line).unwrap();
            if event["event"] == "grade" {
                graded.push(event["card_id"].as_i64().unwrap());
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(env.integrity(), "ok");
    let conn = env.conn();
    let mut logged: Vec<i64> = conn
        .prepare("SELECT card_id FROM reviews ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    logged.dedup();
    assert_eq!(logged, graded);
    // The next run goes on from there: the three graded new cards are not new any more.
    let next = quiz_json(&env, "2026-11-21T09:00:00+09:00", "", &[]);
    assert_eq!(summary(&next)["reviewed"], 0);
    let first = &events(&next, "card")[0];
    assert_eq!(first["counts"]["new"], 3);
}

#[test]
fn two_sessions_at_once_both_save_everything() {
    let env = quiz_deck(8);
    let mut a = env.spawn_quiz();
    let mut b = env.spawn_quiz();
    let mut a_in = a.stdin.take().unwrap();
    let mut b_in = b.stdin.take().unwrap();
    // Interleave four grades each, then end both.
    for _ in 0..4 {
        writeln!(a_in, "\n3").unwrap();
        writeln!(b_in, "\n4").unwrap();
    }
    drop(a_in);
    drop(b_in);
    let a = a.wait_with_output().unwrap();
    let b = b.wait_with_output().unwrap();
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let grades = |out: &[u8]| {
        String::from_utf8_lossy(out)
            .lines()
            .filter(|l| l.contains("\"event\":\"grade\""))
            .count() as i64
    };
    let refused = |out: &[u8]| {
        String::from_utf8_lossy(out)
            .lines()
            .filter(|l| l.contains("answered in another session while it was on screen"))
            .count() as i64
    };
    // A grade of a card the other session answered after its preview is
    // refused, not saved a second time (issue 24, item 12).
    let total = grades(&a.stdout) + grades(&b.stdout);
    let lines = total + refused(&a.stdout) + refused(&b.stdout);
    assert!(
        total > 0 && lines <= 8,
        "{total} saved, {lines} grade lines"
    );
    assert_eq!(count(&env, "SELECT count(*) FROM reviews"), total);
    assert_eq!(env.integrity(), "ok");
}

#[test]
fn cram_studies_learned_cards_without_rescheduling() {
    let env = quiz_deck(3);
    quiz_json(&env, "2026-11-21T09:00:00+09:00", &"\n4\n".repeat(3), &[]);
    let before = count(&env, "SELECT count(*) FROM reviews");
    let dues: String = env
        .conn()
        .query_row("SELECT group_concat(due) FROM card_state", [], |r| r.get(0))
        .unwrap();
    let cram = quiz_json(
        &env,
        "2026-11-21T20:00:00+09:00",
        "\n1\n\n3\n\n3\n\n3\n",
        &["--cram"],
    );
    // Three cards, and the one missed (Again) once more.
    let shown: Vec<i64> = events(&cram, "card")
        .iter()
        .map(|c| c["card_id"].as_i64().unwrap())
        .collect();
    assert_eq!(shown.len(), 4);
    assert_eq!(shown[3], shown[0]);
    assert!(events(&cram, "grade").iter().all(|g| g["cram"] == true));
    assert_eq!(summary(&cram)["cram"], true);
    assert_eq!(count(&env, "SELECT count(*) FROM reviews"), before);
    let after: String = env
        .conn()
        .query_row("SELECT group_concat(due) FROM card_state", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, dues);
}

#[test]
fn bad_quiz_options_are_usage_errors() {
    let env = quiz_deck(1);
    let out = env
        .cmd()
        .args(["quiz", "--deck", "없는 덱"])
        .assert()
        .code(2);
    assert!(!out.get_output().stderr.is_empty());
    env.cmd()
        .args(["quiz", "--cram", "--new", "3"])
        .assert()
        .code(2);
}

/// The real rustyline prompt in a pseudo-terminal, with Korean typed in.
#[test]
fn the_interactive_prompt_takes_korean_input_and_ctrl_c() {
    use expectrl::{ControlCode, Expect};
    let env = quiz_deck(2);
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("synack"));
    cmd.arg("--db")
        .arg(&env.db)
        .arg("quiz")
        .env("SYNACK_NOW", "2026-11-21T09:00:00+09:00")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut p = match expectrl::Session::spawn(cmd) {
        Ok(p) => p,
        Err(e) => panic!("this test needs a pseudo-terminal, which cannot be opened here: {e}"),
    };
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    // Needles stay ASCII; the Korean is checked in what came before them.
    let upto = |p: &mut expectrl::session::OsSession, needle: &str| -> String {
        let found = p
            .expect(needle)
            .unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}"));
        String::from_utf8_lossy(found.before()).into_owned()
    };
    assert!(upto(&mut p, "answer").contains("질문 1번은 무엇인가요?"));
    p.send_line("TCP 연결을 맺습니다").unwrap();
    let revealed = upto(&mut p, "grade");
    assert!(
        revealed.contains("your answer: TCP 연결을 맺습니다"),
        "{revealed}"
    );
    assert!(revealed.contains("3 good <10m"), "{revealed}");
    p.send_line("3").unwrap();
    assert!(upto(&mut p, "answer").contains("질문 2번은 무엇인가요?"));
    p.send(ControlCode::EndOfText).unwrap();
    upto(&mut p, "Session over");
    p.expect(expectrl::Eof).unwrap();
    let status = p.get_process().wait().unwrap();
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 0)),
        "Ctrl-C ends the session cleanly, not by the signal: {status:?}"
    );
    let typed: String = env
        .conn()
        .query_row("SELECT answer FROM reviews WHERE card_id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(typed, "TCP 연결을 맺습니다");
}

/// Issue 24, item 13: a session ended before any grade said `again rate 0%`
/// and `new learned 1` for a card only introduced; a card left due was
/// skipped by `next due`; `1 card(s) left`.
#[test]
fn the_summary_said_again_rate_0_with_no_reviews() {
    let env = quiz_deck(2);
    let out = quiz_text(&env, ":quit\n");
    assert!(out.contains("again rate   -"), "{out}");
    assert!(out.contains("2 cards left for today"), "{out}");
    // One card introduced (Again: its first step), the other on screen.
    let out = quiz_text(&env, "\n1\n:quit\n");
    assert!(out.contains("again rate   100%"), "{out}");
    assert!(out.contains("new learned  0"), "{out}");
    // Two minutes later the first card is due and left on screen: due now.
    let out = env
        .cmd()
        .env("SYNACK_NOW", "2026-11-21T09:02:00+09:00")
        .arg("quiz")
        .write_stdin(":quit\n")
        .assert()
        .success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(out.contains("next due     now"), "{out}");
    assert!(out.contains("2 cards left for today"), "{out}");
}

/// Regression (issue 24, item 6): `:edit` opened whatever path a card's
/// note had (a restored backup could name `/etc/passwd`). It opens only a
/// regular note file at the absolute path the card was imported from.
#[test]
fn edit_opens_only_the_note_file_the_card_was_imported_from() {
    let env = quiz_deck(1);
    let editor = env.write(
        "editor.sh",
        "#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/editor-args\"\n",
    );
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let note = env.path("notes/deck.md").canonicalize().expect("note");
    let secret = env.write("secret.conf", "password=1\n");
    let linked = env.path("notes/link.md");
    std::os::unix::fs::symlink(&secret, &linked).expect("symlink");
    // A folder on the way that is a link: the note reached through it.
    std::os::unix::fs::symlink(env.path("notes"), env.path("via")).expect("symlink");
    let folder = env.path("notes/folder.md");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let edit = |source: &str| -> String {
        env.conn()
            .execute("UPDATE sources SET path = ?1", [source])
            .expect("set the note's path");
        let out = env
            .cmd()
            .arg("quiz")
            .env("EDITOR", &editor)
            .env_remove("VISUAL")
            .write_stdin(":edit\n:quit\n")
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    for (source, says) in [
        (
            secret.to_string_lossy().into_owned(),
            "not the path of a note file",
        ),
        ("/etc/passwd".to_string(), "not the path of a note file"),
        (
            "../../etc/passwd.md".to_string(),
            "not the path of a note file",
        ),
        (
            linked.to_string_lossy().into_owned(),
            "a link, not the file",
        ),
        (
            env.path("via/deck.md").to_string_lossy().into_owned(),
            "through a link",
        ),
        (folder.to_string_lossy().into_owned(), "not a regular file"),
        (
            env.path("notes/gone.md").to_string_lossy().into_owned(),
            "no longer there",
        ),
    ] {
        // The message wraps in 80 columns; its words are what matters.
        let out = edit(&source)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(out.contains(says), "{source}: {out}");
        assert!(
            !env.path("editor-args").exists(),
            "{source} was opened: {out}"
        );
    }
    // The note itself still opens.
    let out = edit(&note.to_string_lossy());
    assert!(out.contains("re-imported"), "{out}");
    let args = std::fs::read_to_string(env.path("editor-args")).expect("editor ran");
    assert!(args.trim_end().ends_with("deck.md"), "{args}");
}

/// Issue 30 §2: `quiz --interview` through the binary: the checklist, the
/// grade the points covered propose (Enter takes it), the follow-up line
/// and then the sub-question, as JSON events and as text.
#[test]
fn quiz_interview_marks_points_and_asks_follow_ups() {
    let env = Env::new();
    let note = env.write(
        "notes/iv.md",
        "# 면접\n## What happens in a handshake?\n- SYN\n- SYN+ACK\n- ACK\n\
         follow-up: Why not two messages?\n\
         ### What if the SYN+ACK is lost?\nThe client resends the SYN. The server resends too.\n",
    );
    env.import(&[&note]);
    let events = quiz_json(
        &env,
        crate::util::NOW,
        "\n1 3\n\ny\n\nall\n\n",
        &["--interview"],
    );
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        // The first card, Hard, comes back from its learning step at the end.
        [
            "card",
            "reveal",
            "covered",
            "grade",
            "follow-up",
            "follow-up-answer",
            "card",
            "reveal",
            "covered",
            "grade",
            "card",
            "summary"
        ],
        "{events:?}"
    );
    assert_eq!(
        events[1]["interview"]["points"],
        serde_json::json!(["SYN", "SYN+ACK", "ACK"])
    );
    assert!(events[1]["interview"]["seconds"].is_u64());
    assert_eq!(events[2]["covered"], serde_json::json!([1, 3]));
    assert_eq!(events[2]["proposed"], 2);
    assert_eq!(
        (events[3]["rating"].clone(), events[3]["by_enter"].clone()),
        (2.into(), true.into())
    );
    assert_eq!(events[4]["question"], "Why not two messages?");
    assert_eq!(events[5]["answered"], true);
    assert_eq!(events[6]["front"], "What if the SYN+ACK is lost?");
    assert_eq!(events[8]["proposed"], 4);
    assert_eq!(events[9]["rating"], 4);

    let env = Env::new();
    let note = env.write("notes/iv.md", "# 면접\n## Q?\n- one\n- two\n");
    env.import(&[&note]);
    let out = env
        .cmd()
        .args(["quiz", "--interview"])
        .write_stdin("\n5\n2\n\n")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    for want in [
        "⏱ 0s",
        "1. one",
        "2. two",
        "\"5\" is not a point",
        "covered 1/2 (50%) · Enter grades 2 (hard)",
        "→ hard (Enter)",
    ] {
        assert!(text.contains(want), "{want:?} in\n{text}");
    }
}

/// A note for interview follow-ups: a parent with a `follow-up:` line and
/// two children, then another question. Both children are answered a day
/// before [`crate::util::NOW`], so at NOW they are not due.
fn interview_note_with_children_not_due() -> (Env, [String; 4]) {
    let env = Env::new();
    let note = env.write(
        "notes/iv.md",
        "# Interview\n## What happens in a handshake?\n- SYN\n- SYN+ACK\n- ACK\n\
         follow-up: Why not two messages?\n\
         ### What if the SYN+ACK is lost?\nThe client resends the SYN.\n\
         ### What if the final ACK is lost?\nThe server resends the SYN+ACK.\n\
         ## What is a port?\nA number naming a socket.\n",
    );
    env.import(&[&note]);
    let id = |front: &str| env.card(front)["id"].to_string();
    let ids = [
        id("What happens in a handshake?"),
        id("What if the SYN+ACK is lost?"),
        id("What if the final ACK is lost?"),
        id("What is a port?"),
    ];
    for child in &ids[1..3] {
        env.cmd()
            .env("SYNACK_NOW", "2026-11-20T09:00:00+09:00")
            .args(["answer", child, "easy"])
            .assert()
            .success();
    }
    (env, ids)
}

/// Issue 30 §2: in interview mode the parent's `follow-up:` line is asked
/// aloud (the learner says whether they could answer), then both children
/// come right after it although neither is due, in note order; grading one
/// is a real (early) review, skipping the other leaves its schedule alone.
#[test]
fn interview_follow_ups_come_after_their_parent_whether_or_not_due() {
    let (env, [parent, first, second, port]) = interview_note_with_children_not_due();
    let show = |id: &str| env.json(&["show", id, "--format", "json"]);
    let second_before = show(&second)["schedule"].clone();
    assert_eq!(show(&first)["review_count"], 1);
    let all = quiz_json(
        &env,
        crate::util::NOW,
        "\nall\n3\nn\n\nall\n4\n:skip\n:quit\n",
        &["--interview"],
    );
    let cards = events(&all, "card");
    let shown: Vec<(String, bool)> = cards
        .iter()
        .map(|c| (c["card_id"].to_string(), c["ahead"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        shown,
        [
            (parent.clone(), false),
            (first.clone(), true),
            (second.clone(), true),
            (port.clone(), false)
        ],
        "{all:?}"
    );
    let asked = events(&all, "follow-up");
    assert_eq!(asked.len(), 1, "{all:?}");
    assert_eq!(asked[0]["question"], "Why not two messages?");
    assert_eq!(asked[0]["card_id"].to_string(), parent);
    let said = events(&all, "follow-up-answer");
    assert_eq!(said.len(), 1, "{all:?}");
    assert_eq!(said[0]["answered"], false);
    // The follow-up line comes before the first child.
    let pos = |kind: &str, id: &str| {
        all.iter()
            .position(|e| e["event"] == kind && e["card_id"].as_i64() == id.parse::<i64>().ok())
            .unwrap_or_else(|| panic!("no {kind} of {id}: {all:?}"))
    };
    assert!(pos("follow-up-answer", &parent) < pos("card", &first));
    let sum = summary(&all);
    assert_eq!(
        (
            sum["follow_ups_asked"].clone(),
            sum["follow_ups_answered"].clone()
        ),
        (1.into(), 0.into())
    );
    // Graded: a review like any, from the state it had (not due yet).
    let first_after = show(&first);
    assert_eq!(first_after["review_count"], 2);
    assert_eq!(first_after["reviews"][0]["rating"], "easy");
    assert_eq!(first_after["reviews"][0]["state_before"], "review");
    // Skipped: nothing changed.
    assert_eq!(show(&second)["schedule"], second_before);
    assert_eq!(show(&second)["review_count"], 1);
}

/// The same session as text, in both languages: the follow-up line as a
/// question, the note on a follow-up that is not due, the summary's count.
#[test]
fn interview_follow_ups_read_in_the_chosen_language() {
    for (lang, wants) in [
        (
            crate::util::C,
            [
                "Follow-up (answer aloud): Why not two messages?",
                "answered? (y/n) › y",
                "→ answered",
                "(a follow-up, not due: the schedule stays as it is unless you grade it)",
                "skipped; its schedule is unchanged",
                "follow-ups   1/1 answered",
            ],
        ),
        (
            crate::util::KO,
            [
                "꼬리 질문 (말로 답하기): Why not two messages?",
                "답했습니까? (y/n) › y",
                "→ 답함",
                "(예정 전의 꼬리 질문: 평가하지 않으면 일정은 그대로입니다)",
                "넘겼습니다. 일정은 그대로입니다",
                "꼬리 질문       1개 중 1개 답함",
            ],
        ),
    ] {
        let (env, _) = interview_note_with_children_not_due();
        let out = env
            .cmd()
            .env(lang.0, lang.1)
            .args(["quiz", "--interview"])
            .write_stdin("\nall\n3\ny\n\nall\n4\n:skip\n:quit\n")
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout);
        for want in wants {
            assert!(text.contains(want), "{lang:?}: {want:?} in\n{text}");
        }
    }
}
