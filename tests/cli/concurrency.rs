//! Concurrency (issue 7): quiz sessions and an import on one database at the
//! same time. Nobody crashes, no review is lost, and a writer kept waiting
//! past the busy timeout says so in one clear line instead of a raw SQLite
//! error.

use std::io::{BufRead, BufReader, Lines, Write};
use std::process::{ChildStdout, Output};
use std::time::Duration;

use serde_json::Value;

use crate::util::{Env, corpus, deck_text, edited, seeded, spawn_quiz, write_notes};

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
    // Each session's log is exactly the grades it showed, in order.
    let conn = env.conn();
    for out in [&a, &b] {
        let events = events(out);
        let acked = grades(&events);
        assert_eq!(acked.len(), 15, "every grade was saved, none refused");
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
    assert_eq!(total, 30);
    // And the import did all it does alone.
    assert_eq!(deck_text(&env.db), deck_text(&alone));
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

/// Another program holds the write lock for longer than synack waits (5 s):
/// the import gives up with one line and writes nothing; the quiz says the
/// grade was not saved, keeps the card, and saves it when tried again.
#[test]
fn a_writer_kept_waiting_past_the_busy_timeout_says_so_and_loses_nothing() {
    let mut rng = seeded(12);
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
    let import = env.cmd().arg("import").arg(&notes).output().unwrap();
    let refused = until(&mut lines, "command");
    locker.execute_batch("COMMIT").unwrap();

    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("synack: error: ")
            && stderr.contains(&env.db.display().to_string())
            && stderr.contains("database is busy (another synack is writing); try again"),
        "{stderr}"
    );
    assert_eq!(
        deck_text(&env.db),
        before,
        "the refused import wrote nothing"
    );

    assert_eq!(refused["ok"], false, "{refused}");
    assert!(
        refused["text"]
            .as_str()
            .unwrap()
            .starts_with("not saved, try again: "),
        "{refused}"
    );
    // The same card waits for its grade; trying again saves it.
    writeln!(stdin, "3").unwrap();
    assert_eq!(until(&mut lines, "grade")["card_id"], card);
    drop(stdin);
    until(&mut lines, "summary");
    let status = quiz.wait().unwrap();
    assert!(status.success(), "{status}");
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
