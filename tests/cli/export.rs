//! `synack export` and `synack restore` through the binary, on a database built
//! by scripted quizzes over three simulated days.

use std::path::Path;

use serde_json::Value;

use crate::util::{Env, assert_golden};

const NOTE: &str = "# 네트워크

## TCP

### 3-way handshake란?
클라이언트가 **SYN**을 보내고, 서버가 SYN+ACK로 답한다.

```
SYN → SYN-ACK → ACK
```

### TIME_WAIT는 왜 필요한가요?
마지막 ACK가 사라지면 \"다시\" 보내야 하므로 2MSL 기다린다.

## UDP

### UDP 헤더 크기는?
8바이트
";

/// Three cards quizzed on three days with fixed grades and typed answers.
fn studied() -> Env {
    let env = Env::new();
    let note = env.write("notes/net.md", NOTE);
    env.import(&[&note]);
    env.cmd()
        .args(["config", "set", "fuzz", "false"])
        .assert()
        .success();
    for (now, script) in [
        (
            "2026-11-21T09:00:00+09:00",
            "SYN, SYN-ACK, ACK\n3\n\n1\n\n4\n\n3\n\n3\n",
        ),
        ("2026-11-22T09:00:00+09:00", "\n3\n\n2\n\n3\n"),
        ("2026-11-25T09:00:00+09:00", "\n3\n\n3\n\n1\n\n3\n"),
    ] {
        env.cmd()
            .env("SYNACK_NOW", now)
            .args(["quiz", "--format", "json"])
            .write_stdin(script)
            .assert()
            .success();
    }
    // The quiz times answers with the real monotonic clock even when SYNACK_NOW
    // stands still; fix the durations so the golden files do not depend on speed.
    db(&env)
        .execute_batch(
            "UPDATE reviews SET duration_ms = 1000 * (id + 2);
             UPDATE sessions SET active_ms =
                (SELECT coalesce(sum(duration_ms), 0) FROM reviews r WHERE r.session_id = sessions.id);",
        )
        .expect("fix durations");
    // An edit to a studied card keeps its history and records what it said before.
    let edited = NOTE.replace(
        "8바이트",
        "8바이트 (출발지 포트, 목적지 포트, 길이, 체크섬)",
    );
    env.write("notes/net.md", edited);
    env.cmd()
        .env("SYNACK_NOW", "2026-11-26T09:00:00+09:00")
        .arg("import")
        .arg(env.path("notes/net.md"))
        .assert()
        .success();
    env
}

/// When the exports below are taken: after all the studying.
const LATER: &str = "2026-11-30T09:00:00+09:00";

fn db(env: &Env) -> rusqlite::Connection {
    rusqlite::Connection::open(&env.db).expect("open db")
}

fn count(env: &Env, sql: &str) -> i64 {
    db(env).query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn export(env: &Env, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("SYNACK_NOW", LATER)
        .arg("export")
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

/// Compares with `tests/golden/export/NAME`, the test's folder written as `$TMP`.
fn golden(env: &Env, name: &str, actual: &str) {
    let actual = actual.replace(&env.dir.path().display().to_string(), "$TMP");
    assert_golden(&format!("export/{name}"), &actual);
}

/// `synack --db DB ARGS` at LATER.
fn at(env: &Env, db: &Path) -> assert_cmd::Command {
    let mut cmd = env.bare_cmd();
    cmd.env("SYNACK_NOW", LATER).arg("--db").arg(db);
    cmd
}

fn without_time(json: &str) -> Value {
    let mut v: Value = serde_json::from_str(json).expect("json");
    v["exported_at"] = Value::Null;
    v
}

#[test]
fn every_format_matches_its_golden_file() {
    let env = studied();
    golden(&env, "backup.json", &export(&env, &["--format", "json"]));
    golden(&env, "cards.csv", &export(&env, &["--format", "csv"]));
    golden(&env, "anki.txt", &export(&env, &["--format", "anki"]));
    golden(&env, "revlog.csv", &export(&env, &["--format", "revlog"]));
    golden(
        &env,
        "tcp-only.json",
        &export(&env, &["--format", "json", "--tag", "TCP"]),
    );
}

#[test]
fn backup_restore_export_gives_the_same_document() {
    let env = studied();
    let first = export(&env, &["--format", "json"]);
    let file = env.write("backup.json", &first);
    let copy = env.path("copy.db");
    at(&env, &copy)
        .env("SYNACK_NOW", "2027-01-01T00:00:00Z")
        .arg("restore")
        .arg(&file)
        .assert()
        .success();
    let out = at(&env, &copy)
        .env("SYNACK_NOW", "2027-01-01T00:00:00Z")
        .args(["export", "--format", "json"])
        .assert()
        .success();
    let second = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    assert!(second.contains("\"exported_at\":\"2027-01-01T00:00:00.000Z\""));
    let blank = |s: &str| {
        s.lines()
            .filter(|l| !l.trim_start().starts_with("\"exported_at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(blank(&first), blank(&second));
    // The restored copy studies like the original: same cards due.
    let doc = without_time(&first);
    assert_eq!(doc["cards"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["reviews"].as_array().map(Vec::len), Some(8));
    assert_eq!(doc["reviews"][0]["answer"], "SYN, SYN-ACK, ACK");
    assert_eq!(doc["cards"][2]["revisions"][0]["back"], "8바이트");
}

#[test]
fn restore_refuses_bad_files_and_full_databases_and_writes_nothing() {
    let env = studied();
    let backup = env.write("backup.json", export(&env, &["--format", "json"]));
    let before = export(&env, &["--format", "json"]);

    // Into the database it came from: it has data.
    let out = at(&env, &env.db)
        .arg("restore")
        .arg(&backup)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("already has data") && err.contains("--merge"),
        "{err}"
    );
    assert_eq!(export(&env, &["--format", "json"]), before);

    let fresh = env.path("fresh.db");
    // One field of the good backup changed, which must be there to change.
    let edit = |from: &str, to: &str| {
        assert!(before.contains(from), "the backup has no {from}");
        before.replace(from, to)
    };
    for (name, text, says) in [
        ("notjson.json", "synack\n".to_string(), "not JSON"),
        (
            "other.json",
            r#"{"cards": []}"#.to_string(),
            "not a synack backup",
        ),
        (
            "v2.json",
            edit("\"synack_backup\":1", "\"synack_backup\":2"),
            "format version 2",
        ),
        (
            "newer.json",
            edit(
                &format!(
                    "\"schema_version\":{}",
                    synack::store::migrations::latest_version()
                ),
                "\"schema_version\":99",
            ),
            "schema version 99",
        ),
        (
            "broken.json",
            edit("\"rating\":4", "\"rating\":9"),
            "rating 9 is not 1 to 4",
        ),
    ] {
        let file = env.write(name, text);
        let out = at(&env, &fresh).arg("restore").arg(&file).assert().code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(says) && err.contains(name), "{name}: {err}");
        if fresh.exists() {
            assert_eq!(
                rusqlite::Connection::open(&fresh)
                    .expect("open")
                    .query_row("SELECT count(*) FROM cards", [], |r| r.get::<_, i64>(0))
                    .expect("count"),
                0,
                "{name} left cards behind"
            );
        }
    }

    // A partial backup is only ever merged.
    let partial = env.write(
        "tcp.json",
        export(&env, &["--format", "json", "--tag", "TCP"]),
    );
    let out = at(&env, &env.path("p.db"))
        .arg("restore")
        .arg(&partial)
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("partial"));
}

#[test]
fn merge_adds_missing_reviews_only_and_keeps_newer_state() {
    let env = studied();
    let old = env.write("old.json", export(&env, &["--format", "json"]));
    let copy = env.path("copy.db");
    at(&env, &copy).arg("restore").arg(&old).assert().success();

    // The original studies one more day; the copy does not.
    env.cmd()
        .env("SYNACK_NOW", "2026-12-11T09:00:00+09:00")
        .args(["quiz", "--format", "json"])
        .write_stdin("\n3\n\n3\n\n3\n")
        .assert()
        .success();
    let new_reviews = count(&env, "SELECT count(*) FROM reviews") - 8;
    assert!(new_reviews > 0);
    let new = env.write("new.json", export(&env, &["--format", "json"]));

    let out = at(&env, &copy)
        .args(["restore", "--merge"])
        .arg(&new)
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(said.contains(&format!("reviews {new_reviews}")), "{said}");
    assert!(said.contains("cards 0"), "{said}");
    let copy_db = rusqlite::Connection::open(&copy).expect("open");
    let reviews: i64 = copy_db
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
        .expect("count");
    assert_eq!(reviews, 8 + new_reviews);
    assert_eq!(states(&copy_db), states(&db(&env)));

    // Merging the older backup again adds nothing and does not roll states back.
    let out = at(&env, &copy)
        .args(["restore", "--merge"])
        .arg(&old)
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        said.contains("reviews 0") && said.contains("schedules updated 0"),
        "{said}"
    );
    assert_eq!(states(&copy_db), states(&db(&env)));
}

/// Each card's id, last review and repetitions; a card never answered has
/// no state row and reads as its defaults.
fn states(c: &rusqlite::Connection) -> Vec<(i64, Option<i64>, i64)> {
    c.prepare(
        "SELECT c.id, cs.last_review, coalesce(cs.reps, 0)
         FROM cards c LEFT JOIN card_state cs ON cs.card_id = c.id ORDER BY c.id",
    )
    .expect("prepare")
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .expect("query")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

#[test]
fn merge_gives_cards_never_answered_here_the_backups_schedule() {
    let env = studied();
    let backup = env.write("backup.json", export(&env, &["--format", "json"]));
    // A second database with the same notes, imported and never studied:
    // its cards have no state rows.
    let copy = env.path("copy.db");
    at(&env, &copy)
        .arg("import")
        .arg(env.path("notes/net.md"))
        .assert()
        .success();
    let copy_db = rusqlite::Connection::open(&copy).expect("open");
    let rows: i64 = copy_db
        .query_row("SELECT count(*) FROM card_state", [], |r| r.get(0))
        .expect("count");
    assert_eq!(rows, 0, "an import writes no state");

    let out = at(&env, &copy)
        .args(["restore", "--merge"])
        .arg(&backup)
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let studied_cards = states(&db(&env)).iter().filter(|s| s.1.is_some()).count();
    assert!(studied_cards > 0);
    assert!(
        said.contains(&format!("schedules updated {studied_cards}")),
        "{said}"
    );
    assert_eq!(states(&copy_db), states(&db(&env)));
}

#[test]
fn csv_reads_back_to_the_same_values() {
    let env = studied();
    let text = export(&env, &["--format", "csv"]);
    assert!(!text.starts_with('\u{feff}'), "no byte-order mark");
    let backup = without_time(&export(&env, &["--format", "json"]));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "deck",
            "front",
            "back",
            "kind",
            "tags",
            "state",
            "due",
            "stability",
            "difficulty",
            "retrievability",
            "reps",
            "lapses",
            "last_rating",
            "last_review",
            "demos"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let cards = backup["cards"].as_array().expect("cards");
    assert_eq!(rows.len(), cards.len());
    for (row, card) in rows.iter().zip(cards) {
        assert_eq!(&row[0], card["deck"].as_str().expect("deck"));
        assert_eq!(&row[1], card["front"].as_str().expect("front"));
        assert_eq!(&row[2], card["back"].as_str().expect("back"));
        assert_eq!(&row[5], card["state"]["state"].as_str().expect("state"));
        assert_eq!(
            &row[13],
            card["state"]["last_review"].as_str().expect("last")
        );
        let r: f64 = row[9].parse().expect("retrievability");
        assert!(r > 0.0 && r < 1.0, "{r}");
    }
    assert_eq!(&rows[0][0], "네트워크");
    assert!(rows[0][2].contains("```\nSYN → SYN-ACK → ACK\n```"));
    assert!(rows[1][2].contains("\"다시\""));
}

#[test]
fn anki_file_has_headers_one_line_per_card_and_stable_guids() {
    let env = studied();
    let first = export(&env, &["--format", "anki"]);
    for header in [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#guid column:1",
        "#deck column:2",
        "#tags column:5",
    ] {
        assert!(first.lines().any(|l| l == header), "{header}");
    }
    let guids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(guids(&first), ["synack-1", "synack-2", "synack-3"]);
    for line in first.lines().filter(|l| !l.starts_with('#')) {
        assert_eq!(line.split('\t').count(), 5, "{line}");
    }
    // A reworded card keeps its GUID, so Anki updates the note instead of adding one.
    env.write("notes/net.md", NOTE.replace("8바이트", "8 bytes"));
    env.import(&[&env.path("notes/net.md")]);
    let second = export(&env, &["--format", "anki"]);
    assert_ne!(first, second);
    assert_eq!(guids(&first), guids(&second));
}

/// Runs `tests/anki/import.py`: Anki's own importer on `file` into `collection`.
fn anki_import(file: &Path, collection: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/anki/import.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(file)
        .arg(collection)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "Anki import failed (is `pip install anki` done?): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json from import.py")
}

/// The `anki` export through real Anki (its Rust backend, as File › Import
/// runs it): one note per card, in its deck, with its tags, and a second
/// export after an edit updates that note instead of adding one.
/// Needs `pip install anki`; run with `cargo test -- --ignored anki`.
#[test]
#[ignore = "needs Anki's Python package: pip install anki"]
fn anki_imports_one_note_per_card_and_updates_on_reimport() {
    let env = studied();
    let collection = env.path("anki/collection.anki2");
    std::fs::create_dir_all(collection.parent().expect("parent")).expect("mkdir");
    let first = env.write("first.txt", export(&env, &["--format", "anki"]));
    let got = anki_import(&first, &collection);
    assert_eq!(
        got["columns"],
        serde_json::json!(["guid", "deck", "Front", "Back", "tags"])
    );
    assert_eq!(
        (got["guid_column"].as_u64(), got["deck_column"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(got["is_html"], true);
    assert_eq!(
        (got["new"].as_u64(), got["rejected"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(
        (got["notes"].as_u64(), got["cards"].as_u64()),
        (Some(3), Some(3))
    );
    assert!(
        got["decks"]
            .as_array()
            .expect("decks")
            .contains(&Value::from("synack::네트워크"))
    );
    let udp = &got["by_guid"]["synack-3"];
    assert_eq!(udp["front"], "<p>UDP 헤더 크기는?</p>");
    assert!(udp["back"].as_str().expect("back").contains("8바이트"));

    env.write("notes/net.md", NOTE.replace("8바이트", "8 bytes"));
    env.import(&[&env.path("notes/net.md")]);
    let second = env.write("second.txt", export(&env, &["--format", "anki"]));
    let got = anki_import(&second, &collection);
    assert_eq!(
        (
            got["new"].as_u64(),
            got["updated"].as_u64(),
            got["duplicate"].as_u64()
        ),
        (Some(0), Some(1), Some(2))
    );
    assert_eq!(got["notes"].as_u64(), Some(3));
    assert!(
        got["by_guid"]["synack-3"]["back"]
            .as_str()
            .expect("back")
            .contains("8 bytes")
    );
}

#[test]
fn out_refuses_to_overwrite_without_force() {
    let env = studied();
    let path = env.path("out/cards.csv");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    export(
        &env,
        &["--format", "csv", "--out", path.to_str().expect("utf-8")],
    );
    let csv = std::fs::read_to_string(&path).expect("written");
    assert_eq!(csv, export(&env, &["--format", "csv"]));

    std::fs::write(&path, "mine").expect("write");
    let out = env
        .cmd()
        .args(["export", "--format", "revlog", "--out"])
        .arg(&path)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "mine");

    export(
        &env,
        &[
            "--format",
            "revlog",
            "--force",
            "--out",
            path.to_str().expect("utf-8"),
        ],
    );
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .starts_with("card_id,")
    );
    let left: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left.len(), 1, "temporary files left: {left:?}");
}

#[test]
fn export_md_and_html_are_the_report() {
    let env = Env::new();
    for format in ["md", "html"] {
        let report = env
            .cmd()
            .args(["report", "--format", format])
            .assert()
            .success();
        let export = env
            .cmd()
            .args(["export", "--format", format])
            .assert()
            .success();
        let text = &export.get_output().stdout;
        assert!(!text.is_empty(), "{format}");
        assert_eq!(text, &report.get_output().stdout, "{format}");
    }
}

/// A backup reads the reviews on a second thread from a second connection on
/// the same snapshot, which takes the write lock for a moment to line the two
/// up. While another program holds that lock, the backup neither waits nor
/// fails: it reads on one thread, and writes the very same bytes.
#[test]
fn a_backup_does_not_wait_for_a_writer_and_is_the_same_either_way() {
    let env = studied();
    let backup = || {
        let mut cmd = env.cmd();
        cmd.env("SYNACK_NOW", LATER)
            .args(["export", "--format", "json"]);
        cmd.output().unwrap()
    };
    let shared = backup();
    assert!(shared.status.success(), "{shared:?}");
    let locker = env.conn();
    locker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let alone = backup();
    let took = started.elapsed();
    locker.execute_batch("COMMIT").unwrap();
    assert!(alone.status.success(), "{alone:?}");
    assert!(
        alone.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&alone.stderr)
    );
    // Far less than the 5 s a writer would wait for the lock.
    assert!(took < std::time::Duration::from_secs(4), "{took:?}");
    assert_eq!(
        String::from_utf8(alone.stdout).unwrap(),
        String::from_utf8(shared.stdout).unwrap()
    );
    assert_eq!(env.integrity(), "ok");
}

/// `synack export --format json | head`: the reader closing the pipe early is
/// how it says "enough", as for `synack cards | head`.
#[test]
fn a_backup_piped_into_a_reader_that_stops_early_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;

    let env = Env::new();
    env.cmd().args(["import", "--builtin"]).assert().success();
    let mut export = crate::util::synack_on(&env.db)
        .args(["export", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    export
        .stdout
        .take()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    // The pipe is closed here, long before the shipped decks' backup (far
    // more than a pipe's 64 KiB) is written.
    let out = export.wait_with_output().unwrap();
    assert!(first.starts_with(b"{\n\"synack_backup\":1"));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{:?}", out.status);
}

/// Notes whose deck, tag, fronts and backs each start like a spreadsheet
/// formula (`=`, `+`, `-`, `@`; the note parser trims a leading tab or
/// carriage return, which `export::csv`'s unit test covers).
const FORMULA_NOTE: &str = "# =HYPERLINK(\"http://evil.example\",\"deck\")

## +SUM

Q: =1+1
A: -2+3

Q: @SUM(A1:A9)
A: =cmd|' /C calc'!A0

Q: 평범한 질문
A: 평범한 답 = 그대로
";

/// Regression (issue 24, item 7): a cell starting with a formula character
/// went into the CSV as it was, and Excel or LibreOffice ran it.
#[test]
fn csv_export_neutralizes_spreadsheet_formulas() {
    let env = Env::new();
    let note = env.write("notes/formula.md", FORMULA_NOTE);
    env.import(&[&note]);
    let text = export(&env, &["--format", "csv", "--deck", "HYPERLINK"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), 3, "{text}");
    let cell = |front: &str, col: usize| -> String {
        let row = rows
            .iter()
            .find(|r| r[1].contains(front))
            .unwrap_or_else(|| panic!("no row for {front:?} in {text}"));
        row[col].to_string()
    };
    // deck, front, back, tags of each row.
    assert_eq!(
        cell("1+1", 0),
        "'=HYPERLINK(\"http://evil.example\",\"deck\")"
    );
    assert_eq!(cell("1+1", 1), "'=1+1");
    assert_eq!(cell("1+1", 2), "'-2+3");
    assert_eq!(cell("1+1", 4), "'+SUM");
    assert_eq!(cell("SUM(A1", 1), "'@SUM(A1:A9)");
    assert_eq!(cell("SUM(A1", 2), "'=cmd|' /C calc'!A0");
    assert_eq!(cell("평범한", 1), "평범한 질문");
    assert_eq!(cell("평범한", 2), "평범한 답 = 그대로");
    // No cell of the file starts with a formula character.
    for row in &rows {
        for (i, value) in row.iter().enumerate() {
            assert!(
                !value.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "column {i} starts a formula: {value:?}"
            );
        }
    }
}

/// Regression (issue 24, item 8): raw HTML and JavaScript in a note reached
/// Anki as live HTML.
#[test]
fn anki_export_removes_scripts_handlers_and_javascript_urls() {
    let env = Env::new();
    let note = env.write(
        "notes/xss.md",
        "# XSS\n\n## 스크립트는?\n<script>alert(1)</script>\n\n**굵게**\n\n\
         ## 이미지는?\n<img src=x onerror=alert(2)>\n\n\
         ## 본문은?\n<body onload=alert(3)>text</body>\n\n\
         ## 링크는?\n[click](javascript:alert(4)) <a href=\"javascript:alert(5)\">a</a>\n\n\
         ## 프레임은?\n<iframe src=\"https://evil.example/\"></iframe> 끝\n",
    );
    env.import(&[&note]);
    let text = export(&env, &["--format", "anki", "--deck", "XSS"]);
    let cards: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(cards.len(), 5, "{text}");
    let lower = text.to_lowercase();
    for bad in [
        "<script",
        "onerror",
        "onload",
        "javascript:",
        "<iframe",
        "alert(",
    ] {
        assert!(!lower.contains(bad), "{bad} survived: {text}");
    }
    assert!(text.contains("<strong>굵게</strong>"), "{text}");
    assert!(text.contains("끝"), "{text}");
}

/// `synack export --format csv --force --out PATH` at LATER, as a command to finish.
fn export_over(env: &Env, path: &Path) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env("SYNACK_NOW", LATER)
        .args(["export", "--format", "csv", "--force", "--out"])
        .arg(path);
    cmd
}

/// Regression (issue 24, item 5): `--force` renamed the export over a FIFO,
/// a symbolic link or a device (as root, `--out /dev/null --force` made
/// /dev/null a regular file). Only a regular file is replaced; anything else
/// is refused with one line and left as it was.
#[cfg(unix)]
#[test]
fn force_replaces_only_a_regular_file() {
    use std::os::unix::fs::FileTypeExt;
    let env = studied();
    let fifo = env.path("fifo.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let target = env.write("kept.csv", "mine");
    let link = env.path("link.csv");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let dangling = env.path("dangling.csv");
    std::os::unix::fs::symlink(env.path("nowhere.csv"), &dangling).expect("symlink");
    let folder = env.path("folder.csv");
    std::fs::create_dir(&folder).expect("mkdir");
    for (path, kind) in [
        (&fifo, "a FIFO"),
        (&link, "a symbolic link"),
        (&dangling, "a symbolic link"),
        (&folder, "a folder"),
    ] {
        let out = export_over(&env, path).assert().code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("is {kind}, not a regular file"))
                && err.contains("--force replaces only regular files"),
            "{err}"
        );
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!env.path("nowhere.csv").exists());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
    assert!(folder.is_dir());
    // Nothing was left beside them.
    let tmp: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(tmp.is_empty(), "{tmp:?}");
}

/// Regression (issue 24, item 5): the replaced file took the new file's
/// permissions (a 0600 backup became world-readable 0644).
#[cfg(unix)]
#[test]
fn force_keeps_the_replaced_files_permission_bits() {
    use std::os::unix::fs::PermissionsExt;
    let env = studied();
    for mode in [0o600, 0o640, 0o664] {
        let path = env.write("backup.csv", "old");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        export_over(&env, &path).assert().success();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(meta.permissions().mode() & 0o7777, mode);
        assert!(std::fs::read_to_string(&path).unwrap().starts_with("deck,"));
    }
}

/// Regression (issue 24, item 5): the temporary file of a killed export
/// (`.NAME.PID.tmp`) was left beside `--out` for good. The next export to
/// that path removes those of processes that are gone, never a running one's.
#[cfg(target_os = "linux")]
#[test]
fn an_export_removes_temporary_files_that_killed_exports_left() {
    let env = studied();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let mut live = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let dead_tmp = env.write(&format!(".cards.csv.{dead}.tmp"), "half");
    let live_tmp = env.write(&format!(".cards.csv.{}.tmp", live.id()), "being written");
    let other_tmp = env.write(&format!(".other.csv.{dead}.tmp"), "not ours");
    export_over(&env, &env.path("cards.csv")).assert().success();
    let _ = live.kill();
    let _ = live.wait();
    assert!(
        !dead_tmp.exists(),
        "a dead export's temporary file is still there"
    );
    assert!(
        live_tmp.exists(),
        "a running export's temporary file was removed"
    );
    assert!(
        other_tmp.exists(),
        "another path's temporary file was removed"
    );
    assert!(env.path("cards.csv").exists());
}

/// `studied()`'s backup as a JSON value, and a fresh database's path to
/// restore it into.
fn backup_value(env: &Env) -> Value {
    let out = env
        .cmd()
        .env("SYNACK_NOW", LATER)
        .args(["export", "--format", "json"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("backup json")
}

/// Restores `doc` (with `--merge` into `env`'s own database when `merge`,
/// else into a new file), expecting one error line with every needle, and
/// checks that nothing was written.
fn restore_refused(env: &Env, doc: &Value, merge: bool, needles: &[&str]) {
    let file = env.path("changed.json");
    std::fs::write(&file, doc.to_string()).expect("write backup");
    let target = if merge {
        env.db.clone()
    } else {
        env.path("fresh.db")
    };
    let before = (target.exists()).then(|| crate::util::deck_text(&target));
    let config = |db: &Path| -> Vec<(String, String)> {
        if !db.exists() {
            return Vec::new();
        }
        let conn = rusqlite::Connection::open(db).expect("open");
        let mut stmt = conn
            .prepare("SELECT key, value FROM config ORDER BY key")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    };
    let config_before = config(&target);
    let mut cmd = env.bare_cmd();
    cmd.arg("--db").arg(&target).arg("restore").arg(&file);
    if merge {
        cmd.arg("--merge");
    }
    let out = cmd.assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "{n:?} not in {stderr}");
    }
    match before {
        Some(before) => {
            assert_eq!(crate::util::deck_text(&target), before);
            assert_eq!(config(&target), config_before, "a restore wrote settings");
        }
        // Refused before the database is opened: not even the file is made.
        None => assert!(
            !target.exists(),
            "a refused restore made {}",
            target.display()
        ),
    }
}

/// Regression (issue 24, item 3): a backup whose settings hold
/// `desired_retention: "5"`, an unknown key, `max_interval: -1` or
/// `rollover_hour: 99` restored (even with --merge), and then every command
/// failed, `config set` and `config unset` included. Values the store's own
/// readers refuse (`reps: -1`, a line past `u32`) restored too.
#[test]
fn a_backup_with_settings_or_numbers_synack_refuses_is_not_restored() {
    let env = studied();
    let good = backup_value(&env);
    for (key, value) in [
        ("desired_retention", "5"),
        ("no_such_setting", "1"),
        ("max_interval", "-1"),
        ("rollover_hour", "99"),
    ] {
        let mut doc = good.clone();
        doc["config"][key] = value.into();
        for merge in [false, true] {
            restore_refused(&env, &doc, merge, &["changed.json", "setting", key]);
        }
    }
    type Change<'a> = &'a dyn Fn(&mut Value);
    let changes: [(Change, &str); 4] = [
        (&|d| d["cards"][0]["state"]["reps"] = (-1).into(), "reps -1"),
        (
            &|d| d["cards"][0]["line"] = i64::MAX.into(),
            "line 9223372036854775807",
        ),
        (
            &|d| d["cards"][0]["state"]["stability"] = 1e300.into(),
            "stability",
        ),
        (
            &|d| d["reviews"][0]["scheduled_days"] = (-3.0).into(),
            "scheduled_days",
        ),
    ];
    for (change, says) in changes {
        let mut doc = good.clone();
        change(&mut doc);
        restore_refused(&env, &doc, false, &["changed.json", says]);
        restore_refused(&env, &doc, true, &[says]);
    }
    // The untouched backup still restores.
    let file = env.path("good.json");
    std::fs::write(&file, good.to_string()).expect("write");
    env.bare_cmd()
        .arg("--db")
        .arg(env.path("copy.db"))
        .arg("restore")
        .arg(&file)
        .assert()
        .success();
}

/// Regression (issue 24, item 3): with a bad setting stored (as a restore
/// by an older synack left it), `config set` and `config unset` failed
/// too, so the fix the error suggested was impossible.
#[test]
fn config_set_and_unset_work_whatever_else_is_stored() {
    let env = studied();
    env.conn()
        .execute_batch(
            "INSERT INTO config (key, value) VALUES ('rollover_hour', '99'),
                 ('no_such_setting', '1'), ('max_interval', '-1')",
        )
        .expect("store bad settings");
    let out = env.cmd().arg("due").assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("synack config"), "{stderr}");

    let out = env
        .cmd()
        .args(["config", "set", "rollover_hour", "5"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "rollover_hour = 5\n"
    );
    // What is still wrong is said, on stderr.
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("no_such_setting") && stderr.contains("max_interval"),
        "{stderr}"
    );
    assert!(!stderr.contains("rollover_hour"), "{stderr}");
    env.cmd()
        .args(["config", "unset", "no_such_setting"])
        .assert()
        .success();
    env.cmd()
        .args(["config", "unset", "max_interval"])
        .assert()
        .success();
    let out = env.cmd().arg("due").assert().success();
    assert!(out.get_output().stderr.is_empty());
    assert_eq!(
        env.json(&["config", "get", "rollover_hour"]).as_i64(),
        Some(5),
        "the setting kept"
    );
}

/// Regression (issue 24, item 6): a backup naming `../../etc/passwd` or
/// `/etc/passwd` as a note restored, and `:edit` opened that file.
#[test]
fn a_backup_naming_a_path_that_is_not_a_note_file_is_not_restored() {
    let env = studied();
    let good = backup_value(&env);
    for path in [
        "../../etc/passwd",
        "/etc/passwd",
        "/notes/../../etc/shadow.md",
        "notes/.ssh",
    ] {
        let mut doc = good.clone();
        doc["sources"][0]["path"] = path.into();
        restore_refused(&env, &doc, false, &["changed.json", "source", path]);
        restore_refused(&env, &doc, true, &["source", path]);
    }
}
