//! Concurrency (issue 7): quiz sessions and an import on one database at the
//! same time. Nobody crashes, no review is lost, and a writer kept waiting
//! past the busy timeout says so in one clear line instead of a raw SQLite
//! error.

use std::io::{BufRead, BufReader, Lines, Write};
use std::process::{Child, ChildStdin, ChildStdout, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::util::{Env, corpus, deck_text, edited, seeded, spawn_quiz, synack_on, write_notes};

/// The JSON events in a quiz's stdout.
fn events(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// `(card_id, rating)` of each `grade` event.
fn grades(events: &[Value]) -> Vec<(i64, i64)> {
    events
        .iter()
        .filter(|e| e["event"] == "grade")
        .map(|e| {
            (
                e["card_id"].as_i64().unwrap(),
                e["rating"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn two_quizzes_and_an_import_at_once_lose_no_review() {
    let mut rng = seeded(11);
    let env = Env::new();
    let first = corpus(&mut rng, 24, 8);
    let second = edited(&mut rng, &first);
    let (notes_a, notes_b) = (env.path("notes-a"), env.path("notes-b"));
    write_notes(&notes_a, &first);
    write_notes(&notes_b, &second);
    env.import(&[&notes_a]);
    // What the import alone makes of the deck, on a copy.
    let alone = env.path("alone.db");
    std::fs::copy(&env.db, &alone).unwrap();
    env.bare_cmd()
        .arg("--db")
        .arg(&alone)
        .arg("import")
        .arg(&notes_b)
        .assert()
        .success();

    // Two sessions typing a card every few ms, and the import in the middle.
    let quiz = |ratings: [i64; 3]| {
        let mut child = spawn_quiz(&env.db);
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            for r in ratings.iter().cycle().take(15) {
                writeln!(stdin, "\n{r}").unwrap();
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        (child, writer)
    };
    let (a, a_writer) = quiz([3, 4, 2]);
    let (b, b_writer) = quiz([4, 2, 3]);
    std::thread::sleep(Duration::from_millis(100));
    let import = env.cmd().arg("import").arg(&notes_b).output().unwrap();
    a_writer.join().unwrap();
    b_writer.join().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());

    for (name, out) in [("quiz a", &a), ("quiz b", &b), ("import", &import)] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {}: {stderr}", out.status);
        assert!(
            stderr.lines().all(|l| l.contains("waiting")),
            "{name}: {stderr}"
        );
    }
    assert_eq!(env.integrity(), "ok");
    // Each session's log is exactly the grades it showed, in order. A grade
    // of a card the other session answered while it was on screen is
    // refused, and said so (issue 24, item 12: it used to be saved too,
    // grading the card twice); cards the other took are not shown.
    let conn = env.conn();
    let mut saved = 0;
    for out in [&a, &b] {
        let events = events(out);
        let acked = grades(&events);
        let refused = events
            .iter()
            .filter(|e| {
                e["event"] == "command"
                    && e["ok"] == false
                    && e["text"]
                        .as_str()
                        .is_some_and(|t| t.contains("answered in another session"))
            })
            .count();
        assert!(!acked.is_empty());
        assert!(acked.len() + refused <= 15, "one grade line each");
        saved += acked.len() as i64;
        let session = events.last().unwrap()["session_id"].as_i64().unwrap();
        let logged: Vec<(i64, i64)> = conn
            .prepare("SELECT card_id, rating FROM reviews WHERE session_id = ?1 ORDER BY id")
            .unwrap()
            .query_map([session], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(logged, acked);
    }
    let total: i64 = conn
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
        .unwrap();
    assert_eq!(total, saved);
    // And the import did all it does alone.
    assert_eq!(deck_text(&env.db), deck_text(&alone));
}

/// The line a writer prints when it has to wait.
fn waiting(env: &Env) -> String {
    format!(
        "synack: {}: another synack is writing; waiting for it (up to 5 s)\n",
        env.db.display()
    )
}

/// Reads JSON events up to the first one of `kind`.
fn until(lines: &mut Lines<BufReader<ChildStdout>>, kind: &str) -> Value {
    for line in lines.by_ref() {
        let event: Value = serde_json::from_str(&line.unwrap()).unwrap();
        if event["event"] == kind {
            return event;
        }
    }
    panic!("no {kind} event before the end of output");
}

/// A quiz whose first grade was just typed while another program holds the
/// write lock, and an edited note waiting to be imported.
struct Locked {
    env: Env,
    notes: std::path::PathBuf,
    /// The deck before the edit.
    before: String,
    quiz: Child,
    stdin: ChildStdin,
    lines: Lines<BufReader<ChildStdout>>,
    /// The card being graded.
    card: i64,
    /// Holds the lock until `COMMIT`.
    locker: rusqlite::Connection,
}

fn locked_while_grading(seed: u64) -> Locked {
    let mut rng = seeded(seed);
    let env = Env::new();
    let notes = env.path("notes");
    write_notes(&notes, &corpus(&mut rng, 2, 3));
    env.import(&[&notes]);
    let before = deck_text(&env.db);
    write_notes(&notes, &corpus(&mut rng, 3, 3));
    let mut quiz = spawn_quiz(&env.db);
    let mut stdin = quiz.stdin.take().unwrap();
    let mut lines = BufReader::new(quiz.stdout.take().unwrap()).lines();
    let card = until(&mut lines, "card")["card_id"].as_i64().unwrap();
    let locker = env.conn();
    locker.execute_batch("BEGIN IMMEDIATE").unwrap();
    writeln!(stdin, "\n3").unwrap();
    Locked {
        env,
        notes,
        before,
        quiz,
        stdin,
        lines,
        card,
        locker,
    }
}

/// Another program holds the write lock for longer than synack waits (5 s):
/// the import gives up with one line and writes nothing; the scripted quiz,
/// which has no one to try its grade again, tries it again itself, says that
/// it is waiting, and saves the grade once the lock is free.
#[test]
fn a_writer_kept_waiting_past_the_busy_timeout_says_so_and_loses_nothing() {
    let Locked {
        env,
        notes,
        before,
        quiz,
        stdin,
        mut lines,
        card,
        locker,
    } = locked_while_grading(12);
    let import = env.cmd().arg("import").arg(&notes).output().unwrap();
    // Reading needs no lock: listing the cards meanwhile neither waits nor fails.
    let listed = env.cmd().arg("cards").output().unwrap();
    locker.execute_batch("COMMIT").unwrap();

    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(1), "{stderr}");
    let db = env.db.display();
    assert_eq!(
        stderr,
        format!(
            "{}synack: error: {db}: database is busy (another synack is writing); try again\n",
            waiting(&env)
        )
    );
    assert_eq!(
        deck_text(&env.db),
        before,
        "the refused import wrote nothing"
    );
    assert!(listed.status.success(), "{listed:?}");
    assert!(listed.stderr.is_empty(), "{listed:?}");

    // After the answer's reveal comes the grade, of the same card: no
    // "not saved" in between.
    let next: Vec<Value> = (0..2)
        .map(|_| serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap())
        .collect();
    assert_eq!(
        [&next[0]["event"], &next[1]["event"]],
        ["reveal", "grade"],
        "{next:?}"
    );
    assert_eq!(next[1]["card_id"], card);
    drop(stdin);
    until(&mut lines, "summary");
    let quiz = quiz.wait_with_output().unwrap();
    assert!(quiz.status.success(), "{}", quiz.status);
    // Its first try waited and gave up, the second saved (after saying it
    // waits too, when the lock was not free within a moment).
    let stderr = String::from_utf8_lossy(&quiz.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        (1..=2).contains(&lines.len()) && lines.iter().all(|l| *l == waiting(&env).trim_end()),
        "{stderr}"
    );
    let logged: Vec<i64> = env
        .conn()
        .prepare("SELECT card_id FROM reviews")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(logged, [card]);
}

/// A writer that has to wait a while (here for another program holding the
/// lock for 1.5 s) says so once on stderr, then carries on when it can.
#[test]
fn a_writer_that_must_wait_says_so_then_carries_on() {
    let Locked {
        env,
        notes,
        quiz,
        stdin,
        mut lines,
        card,
        locker,
        ..
    } = locked_while_grading(13);
    let import = synack_on(&env.db)
        .arg("import")
        .arg(&notes)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    locker.execute_batch("COMMIT").unwrap();
    let import = import.wait_with_output().unwrap();
    assert_eq!(until(&mut lines, "grade")["card_id"], card);
    drop(stdin);
    let quiz = quiz.wait_with_output().unwrap();

    for (name, status, stderr) in [
        ("import", import.status, &import.stderr),
        ("quiz", quiz.status, &quiz.stderr),
    ] {
        assert!(status.success(), "{name}: {status}");
        assert_eq!(String::from_utf8_lossy(stderr), waiting(&env), "{name}");
    }
    let current: i64 = env
        .conn()
        .query_row(
            "SELECT count(*) FROM cards WHERE missing_since IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(current, 9, "the import went through: 3 notes of 3 cards");
}

/// A scripted quiz whose grade cannot be saved in three tries (15 s) stops
/// with one error line and exit 1, instead of reading its next lines at the
/// wrong prompt. Slow, so run by hand: `cargo test --test cli -- --ignored`.
#[test]
#[ignore = "waits 15 s for three busy timeouts"]
fn a_scripted_quiz_that_cannot_save_stops_with_one_error_line() {
    let Locked {
        env,
        quiz,
        stdin,
        lines,
        locker,
        ..
    } = locked_while_grading(14);
    let events: Vec<Value> = lines
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let quiz = quiz.wait_with_output().unwrap();
    locker.execute_batch("COMMIT").unwrap();
    drop(stdin);
    assert_eq!(quiz.status.code(), Some(1));
    // The JSON stream ends with the grade not saved.
    let last = events.last().unwrap();
    assert_eq!(
        (&last["event"], &last["ok"]),
        (&"command".into(), &false.into())
    );
    let stderr = String::from_utf8_lossy(&quiz.stderr);
    let last = stderr.lines().last().unwrap();
    assert!(
        last.starts_with("synack: error: not saved, try again: ")
            && last.contains("database is busy")
            && last.ends_with("tried 3 times; stopping the scripted session, whose next lines would be read at the wrong prompt)"),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().filter(|l| l.contains("waiting")).count(),
        3,
        "{stderr}"
    );
    let reviews: i64 = env
        .conn()
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reviews, 0);
}
