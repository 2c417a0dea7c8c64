//! Crash safety (issue 7): `synack import` and `synack quiz` killed with
//! SIGKILL at seeded random moments. After every kill the database passes
//! `PRAGMA integrity_check`, an import is either fully applied or not at all,
//! and every grade the quiz acknowledged (its `grade` event) is in the log.
//!
//! Each test kills 50 times from a fixed seed. For a longer run by hand, set
//! `SYNACK_CRASH_ITERATIONS` (and `SYNACK_CRASH_SEED` for other moments):
//! `SYNACK_CRASH_ITERATIONS=1000 cargo test --test cli crash -- --nocapture`.
//! The delays are fractions of a clean run timed at the start, so the kills
//! land inside the command on a fast machine and a slow one alike.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{
    Env, below, corpus, deck_text, edited, integrity, quiz_deck, seeded, spawn_quiz, synack_on,
    write_notes,
};

/// How many kills each test makes, and from which seed.
fn iterations() -> (usize, u64) {
    let var = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .map(|v| v.parse().unwrap_or_else(|_| panic!("{name}={v:?}")))
            .unwrap_or(default)
    };
    (
        var("SYNACK_CRASH_ITERATIONS", 50) as usize,
        var("SYNACK_CRASH_SEED", 7),
    )
}

/// Waits `delay`, then kills `child` with SIGKILL unless it has already
/// exited, in which case it must have succeeded. Returns whether it was killed.
fn kill_after(mut child: Child, delay: Duration, what: &str) -> bool {
    std::thread::sleep(delay);
    if let Some(status) = child.try_wait().expect("try_wait") {
        assert!(status.success(), "{what} exited by itself with {status}");
        return false;
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
    true
}

// ---------------------------------------------------------------- import

/// The first line of `text` that `expected` does not have at that place.
fn first_difference(text: &str, expected: &str) -> String {
    let mut lines = expected.lines();
    text.lines()
        .enumerate()
        .find(|(_, line)| lines.next() != Some(*line))
        .map_or("(none: it ends early)".into(), |(n, line)| {
            format!("{}: {line}", n + 1)
        })
}

/// `synack import` of `notes` into `db` as a child process.
fn spawn_import(db: &Path, notes: &Path) -> Child {
    synack_on(db)
        .arg("import")
        .arg(notes)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn synack import")
}

/// Runs an import to the end, asserting success; returns how long it took.
fn import_to_end(db: &Path, notes: &Path) -> Duration {
    let start = Instant::now();
    let out = spawn_import(db, notes).wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "import into {}: {}",
        db.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

/// Removes a database and its journal files (a rollback journal while new, WAL after).
fn remove_db(db: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

/// One kind of import to interrupt: into `start` (none: a database that does
/// not exist yet), of `notes`, and the deck before and after it.
struct Case {
    name: &'static str,
    start: Option<std::path::PathBuf>,
    notes: std::path::PathBuf,
    before: String,
    after: String,
    typical: Duration,
}

#[test]
fn an_import_killed_at_any_moment_is_all_or_nothing() {
    let (iterations, seed) = iterations();
    let mut rng = seeded(seed);
    let env = Env::new();
    let first = corpus(&mut rng, 16, 8);
    let second = edited(&mut rng, &first);
    let (notes_a, notes_b) = (env.path("notes-a"), env.path("notes-b"));
    write_notes(&notes_a, &first);
    write_notes(&notes_b, &second);

    // Clean runs: the states to expect, and how long an import takes here.
    let only_a = env.path("only-a.db");
    let fresh_time = import_to_end(&only_a, &notes_a);
    let a_then_b = env.path("a-then-b.db");
    std::fs::copy(&only_a, &a_then_b).expect("copy");
    let edit_time = import_to_end(&a_then_b, &notes_b);
    let cases = [
        Case {
            name: "fresh import",
            start: None,
            notes: notes_a.clone(),
            before: String::new(),
            after: deck_text(&only_a),
            typical: fresh_time,
        },
        Case {
            name: "re-import of edited notes",
            start: Some(only_a.clone()),
            notes: notes_b.clone(),
            before: deck_text(&only_a),
            after: deck_text(&a_then_b),
            typical: edit_time,
        },
    ];
    assert_ne!(cases[1].before, cases[1].after, "the edit changes the deck");
    // 128 cards and 16 sources.
    assert_eq!(cases[0].after.lines().count(), 128 + 16);

    let db = env.path("killed.db");
    let (mut killed, mut applied) = (0, 0);
    for i in 0..iterations {
        let case = &cases[below(&mut rng, 2) as usize];
        remove_db(&db);
        if let Some(start) = &case.start {
            std::fs::copy(start, &db).expect("copy");
        }
        let delay = Duration::from_micros(below(&mut rng, case.typical.as_micros() as u64));
        let what = format!("iteration {i}: {} killed after {delay:?}", case.name);
        killed += usize::from(kill_after(spawn_import(&db, &case.notes), delay, &what));

        assert_eq!(integrity(&db), "ok", "{what}");
        let deck = deck_text(&db);
        if deck == case.after {
            applied += 1;
        } else if deck != case.before {
            panic!(
                "{what}: the deck is neither as before nor as after the import:\n\
                 first line unlike before: {}\nfirst line unlike after: {}",
                first_difference(&deck, &case.before),
                first_difference(&deck, &case.after),
            );
        }
        // And the next import finishes the job.
        import_to_end(&db, &case.notes);
        assert_eq!(deck_text(&db), case.after, "{what}: import after the kill");
    }
    eprintln!(
        "{iterations} imports: {killed} killed, {applied} found fully applied, the rest untouched"
    );
    assert!(killed > 0, "every import finished before its kill");
}

// ---------------------------------------------------------------- quiz

/// What a killed quiz printed: `(card_id, rating)` of each `grade` event.
type Acks = Vec<(i64, i64)>;

/// A quiz being fed and read: kill the child, then join the threads.
struct Fed {
    child: Child,
    /// Hands stdin back when done, so it stays open until joined: the
    /// session never ends on its own.
    writer: std::thread::JoinHandle<std::process::ChildStdin>,
    /// Collects the grade events until stdout closes.
    reader: std::thread::JoinHandle<Acks>,
}

/// Feeds `grades` (an empty answer line, then the grade) to a JSON quiz on
/// `db`, pausing `pause` after each card.
fn feed_quiz(db: &Path, grades: Vec<i64>, pause: Duration) -> Fed {
    let mut child = spawn_quiz(db);
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        for g in grades {
            // Fails once the quiz is killed; that is the point.
            if writeln!(stdin, "\n{g}")
                .and_then(|()| stdin.flush())
                .is_err()
            {
                break;
            }
            std::thread::sleep(pause);
        }
        stdin
    });
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut acks = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let event: Value =
                serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
            if event["event"] == "grade" {
                let field = |k: &str| event[k].as_i64().expect(k);
                acks.push((field("card_id"), field("rating")));
            }
        }
        acks
    });
    Fed {
        child,
        writer,
        reader,
    }
}

impl Fed {
    /// Kills the quiz after `delay` (see [`kill_after`]); returns whether it
    /// was killed and the grades it acknowledged. They are read after the
    /// kill: whatever it printed, it printed before dying.
    fn kill_after(self, delay: Duration, what: &str) -> (bool, Acks) {
        let killed = kill_after(self.child, delay, what);
        drop(self.writer.join().expect("writer"));
        (killed, self.reader.join().expect("reader"))
    }
}

/// The review log, `(card_id, rating)` in the order written.
fn logged(db: &Path) -> Acks {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let mut stmt = conn
        .prepare("SELECT card_id, rating FROM reviews ORDER BY id")
        .expect("reviews");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("reviews")
        .map(|r| r.expect("row"))
        .collect()
}

#[test]
fn a_quiz_killed_at_any_moment_keeps_every_acknowledged_grade() {
    let (iterations, seed) = iterations();
    let mut rng = seeded(seed);
    let base = quiz_deck(30);
    const MOST: u64 = 16;

    // A clean run: how long MOST grades take here, from the start.
    let db = base.path("timed.db");
    std::fs::copy(&base.db, &db).expect("copy");
    let start = Instant::now();
    let fed = feed_quiz(&db, vec![3; MOST as usize], Duration::ZERO);
    let timed = loop {
        let done = logged(&db).len() as u64;
        if done == MOST {
            break start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{done} grades in 30 s"
        );
        std::thread::sleep(Duration::from_millis(2));
    };
    // The last grade may be committed and not yet printed.
    let (_, acked) = fed.kill_after(Duration::ZERO, "the timed run");
    assert!(acked.len() as u64 >= MOST - 1, "{acked:?}");

    let (mut killed, mut total_acked, mut unreported) = (0, 0, 0);
    for i in 0..iterations {
        let run = Env::new();
        std::fs::copy(&base.db, &run.db).expect("copy");
        let grades: Vec<i64> = (0..=below(&mut rng, MOST))
            .map(|_| 1 + below(&mut rng, 4) as i64)
            .collect();
        // Half the runs type everything at once, half a card every few ms.
        let pause = Duration::from_millis(below(&mut rng, 2) * below(&mut rng, 6));
        let delay = Duration::from_micros(below(&mut rng, timed.as_micros() as u64));
        let what = format!("iteration {i}: {grades:?}, pause {pause:?}, killed after {delay:?}");
        let (was_killed, acked) = feed_quiz(&run.db, grades, pause).kill_after(delay, &what);
        killed += usize::from(was_killed);

        assert_eq!(run.integrity(), "ok", "{what}");
        let log = logged(&run.db);
        assert!(
            log.starts_with(&acked) && log.len() <= acked.len() + 1,
            "{what}: acknowledged {acked:?}, logged {log:?}"
        );
        // The state, the log and the session's counts were written together.
        let conn = run.conn();
        let (reps, tallied): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT coalesce(sum(reps), 0) FROM card_state),
                        (SELECT coalesce(sum(again + hard + good + easy), 0) FROM sessions)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("counts");
        assert_eq!(
            (reps, tallied),
            (log.len() as i64, log.len() as i64),
            "{what}"
        );
        total_acked += acked.len();
        unreported += log.len() - acked.len();
    }
    eprintln!(
        "{iterations} quizzes: {killed} killed; {total_acked} grades acknowledged, \
         {unreported} more committed but not yet shown"
    );
    assert!(killed > 0, "every quiz ended before its kill");
}
