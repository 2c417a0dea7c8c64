//! Schema upgrades: databases written by earlier synack versions (kept in
//! `tests/fixtures/schema/`) open with this binary, migrate with nothing lost,
//! and leave a copy of the old file beside them.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;

use crate::util::Env;

/// Every row of every table the old file has, in the old file's columns, as
/// text: what "nothing lost" is checked against. `card_state` is read per
/// card, a missing row as the row's defaults: from schema 8 on, a card
/// never answered has none (migration 8 drops the rows that hold only the
/// defaults). From schema 9 on, `card_tags` is read from each card's `tags`
/// array, a tag's place in it as its `pos`. From schema 10 on, a card's
/// `section` is read as what it always held: its heading path joined with
/// ` › `.
fn contents(path: &Path, tables: &[(String, Vec<String>)]) -> BTreeMap<String, Vec<String>> {
    let conn = Connection::open(path).expect("open");
    let tag_table = schema_objects(&conn, "card_tags") == 1;
    let section_column: bool = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('cards') WHERE name = 'section'",
            [],
            |r| r.get(0),
        )
        .expect("columns");
    tables
        .iter()
        .map(|(table, columns)| {
            let states = table == "card_state";
            let cols = columns
                .iter()
                .map(|c| match (states, c.as_str()) {
                    (false, "section") if table == "cards" && !section_column => {
                        "quote(coalesce((SELECT group_concat(j.value, ' › ' ORDER BY j.key)
                                         FROM json_each(cards.heading_path) j), ''))"
                            .to_string()
                    }
                    (false, _) => format!("quote(\"{c}\")"),
                    (true, "card_id") => "quote(c.id)".to_string(),
                    (true, "state") => "quote(coalesce(t.state, 'new'))".to_string(),
                    (true, "step" | "reps" | "lapses") => format!("quote(coalesce(t.{c}, 0))"),
                    (true, _) => format!("quote(t.\"{c}\")"),
                })
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let from = if states {
                "cards c LEFT JOIN card_state t ON t.card_id = c.id".to_string()
            } else if table == "card_tags" && !tag_table {
                "(SELECT c.id AS card_id, t.value AS tag, t.key AS pos
                  FROM cards c, json_each(c.tags) t)"
                    .to_string()
            } else {
                format!("\"{table}\"")
            };
            let sql = format!("SELECT {cols} FROM {from} ORDER BY 1");
            let mut stmt = conn.prepare(&sql).expect("prepare");
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .expect("query")
                .collect::<rusqlite::Result<Vec<_>>>()
                .expect("rows");
            (table.clone(), rows)
        })
        .collect()
}

/// The tables of the file at `path` and their columns.
fn tables(path: &Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(path).expect("open");
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("names");
    names
        .into_iter()
        .map(|name| {
            let columns = conn
                .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
                .expect("prepare")
                .query_map([&name], |r| r.get(0))
                .expect("query")
                .collect::<rusqlite::Result<_>>()
                .expect("columns");
            (name, columns)
        })
        .collect()
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version")
}

/// Copies fixture `vN.db` in as the test's database and returns what it held.
fn old_database(env: &Env, version: i64) -> (Vec<(String, Vec<String>)>, Vec<u8>) {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema/v{version}.db"));
    std::fs::copy(&fixture, &env.db).expect("copy fixture");
    assert_eq!(user_version(&env.db), version, "fixture is not v{version}");
    (tables(&env.db), std::fs::read(&fixture).expect("read"))
}

/// Opens the old file with today's binary and checks the upgrade as a whole:
/// the message, the version, every old row still there, the copy.
fn upgrades_with_nothing_lost(version: i64) -> Env {
    let env = Env::new();
    let (old_tables, _) = old_database(&env, version);
    let before = contents(&env.db, &old_tables);
    assert_eq!(before["cards"].len(), 6, "fixture has its cards");
    let latest = user_version_after_fresh_open();

    let out = env
        .cmd()
        .args(["cards", "--format", "json"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let backup = env.path(&format!("synack.db.bak-v{version}"));
    assert!(
        stderr.contains(&format!("from schema v{version} to v{latest}"))
            && stderr.contains(&backup.display().to_string()),
        "no upgrade message: {stderr}"
    );
    assert_eq!(user_version(&env.db), latest);
    assert_eq!(
        contents(&env.db, &old_tables),
        before,
        "rows changed in the upgrade"
    );

    // The copy is the old database, readable, at the old version, same rows.
    assert_eq!(user_version(&backup), version);
    assert_eq!(contents(&backup, &old_tables), before);

    // A second open is no upgrade: no message, no new copy.
    let out = env.cmd().args(["cards"]).assert().success();
    assert!(out.get_output().stderr.is_empty());
    let copies = std::fs::read_dir(env.dir.path())
        .expect("dir")
        .filter(|e| {
            e.as_ref()
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .contains(".bak-")
        })
        .count();
    assert_eq!(copies, 1);
    env
}

/// The schema version a new database gets from this binary.
fn user_version_after_fresh_open() -> i64 {
    let env = Env::new();
    env.cmd().args(["config"]).assert().success();
    user_version(&env.db)
}

#[test]
fn a_version_1_database_upgrades_and_studies_on() {
    let env = upgrades_with_nothing_lost(1);
    let cards = env.cards();
    assert_eq!(cards.len(), 6);
    assert_eq!(cards[2]["front"], "3-way handshake는 왜 세 번인가?");
    // The upgraded cards can be studied: a v1 file had no reviews yet.
    env.cmd().args(["answer", "3", "good"]).assert().success();
    let backup = env.json(&["export", "--format", "json"]);
    assert_eq!(backup["reviews"].as_array().expect("reviews").len(), 1);
}

#[test]
fn a_version_2_database_keeps_its_reviews_sessions_and_config() {
    let env = upgrades_with_nothing_lost(2);
    let backup = env.json(&["export", "--format", "json"]);
    assert_eq!(backup["cards"].as_array().expect("cards").len(), 6);
    assert_eq!(backup["reviews"].as_array().expect("reviews").len(), 9);
    assert_eq!(backup["sessions"].as_array().expect("sessions").len(), 2);
    for (key, value) in [("new_per_day", "4"), ("desired_retention", "0.85")] {
        let out = env.cmd().args(["config", "get", key]).assert().success();
        assert_eq!(
            String::from_utf8_lossy(&out.get_output().stdout).trim(),
            value
        );
    }
}

/// A file made as `v2.db` was, by a later schema: its reviews, sessions,
/// config and demo links come through, and it studies on.
fn keeps_what_a_v2_style_fixture_holds(version: i64) -> Env {
    let env = upgrades_with_nothing_lost(version);
    let backup = env.json(&["export", "--format", "json"]);
    assert_eq!(backup["reviews"].as_array().expect("reviews").len(), 9);
    assert_eq!(backup["sessions"].as_array().expect("sessions").len(), 2);
    let demos: usize = backup["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["demos"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(demos, 4, "the demo links the topic rules made");
    let out = env
        .cmd()
        .args(["config", "get", "new_per_day"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout).trim(),
        "4"
    );
    env.cmd().args(["answer", "3", "good"]).assert().success();
    let backup = env.json(&["export", "--format", "json"]);
    assert_eq!(backup["reviews"].as_array().expect("reviews").len(), 10);
    env
}

#[test]
fn a_version_3_database_keeps_its_demo_links() {
    keeps_what_a_v2_style_fixture_holds(3);
}

/// The `CREATE` statement of a table or index, as the schema keeps it.
fn schema_sql(conn: &Connection, name: &str) -> String {
    conn.query_row(
        "SELECT sql FROM sqlite_schema WHERE name = ?1",
        [name],
        |r| r.get(0),
    )
    .expect(name)
}

/// How many schema objects (tables, indexes) are called `name`.
fn schema_objects(conn: &Connection, name: &str) -> i64 {
    conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
        [name],
        |r| r.get(0),
    )
    .expect(name)
}

/// Rows whose foreign key points at nothing, with the keys turned on.
/// The (id, text) rows `sql` selects.
fn id_text_rows(conn: &Connection, sql: &str) -> Vec<(i64, String)> {
    conn.prepare(sql)
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

fn dangling_rows(conn: &Connection) -> i64 {
    conn.pragma_update(None, "foreign_keys", true)
        .expect("keys on");
    conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })
    .expect("check")
}

#[test]
fn a_version_4_database_gets_the_rebuilt_tables_with_their_rows_and_keys() {
    let env = keeps_what_a_v2_style_fixture_holds(4);
    let conn = Connection::open(&env.db).expect("open");
    let sql = |name: &str| schema_sql(&conn, name);
    // Migration 5: the word lists are checked one by one, the tables keep
    // their indexes, the tag-name index is gone.
    assert!(
        sql("cards").contains("kind = 'question' OR"),
        "{}",
        sql("cards")
    );
    assert!(sql("card_state").contains("state = 'new' OR"));
    for index in [
        "cards_source_line",
        "card_state_due",
        "sqlite_autoindex_cards_1",
    ] {
        assert_eq!(schema_objects(&conn, index), 1, "index {index}");
    }
    assert_eq!(schema_objects(&conn, "card_tags_tag"), 0);
    // The tables that refer to the rebuilt ones still do: nothing dangles,
    // and a row pointing at no card is refused.
    assert_eq!(dangling_rows(&conn), 0);
    assert!(
        conn.execute("INSERT INTO card_state (card_id) VALUES (999)", [])
            .is_err()
    );
    // And the check still refuses a word it does not know.
    assert!(
        conn.execute("UPDATE cards SET kind = 'essay' WHERE id = 1", [])
            .is_err()
    );
}

#[test]
fn a_database_from_a_newer_synack_is_refused_untouched() {
    let env = Env::new();
    let (_, _) = old_database(&env, 2);
    {
        let conn = Connection::open(&env.db).expect("open");
        conn.pragma_update(None, "user_version", 99)
            .expect("version");
    }
    let before = std::fs::read(&env.db).expect("read");
    let out = env.cmd().args(["cards"]).assert().failure().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("schema version 99 is newer"), "{stderr}");
    assert_eq!(std::fs::read(&env.db).expect("read"), before);
    assert!(!env.path("synack.db.bak-v99").exists());
}

/// Every file in the test's folder (the database, any copy or journal).
fn folder_files(env: &Env) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(env.dir.path())
        .expect("read_dir")
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().expect("type").is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

/// Regression (issue 24, item 4): a negative `user_version` panicked
/// (`range start index 18446744073709551615`), and a version lower than the
/// tables say had migrations run on tables they do not fit. Each now gets
/// one line, and the file (and its folder) is left exactly as it was.
#[test]
fn a_negative_or_understated_schema_version_is_refused_untouched() {
    let latest = user_version_after_fresh_open();
    for (version, says) in [
        (-1, "no synack writes a negative version"),
        (i64::from(i32::MIN), "no synack writes a negative version"),
        (0, "no schema version"),
        (2, "its tables are those of version"),
        (latest - 1, "its tables are those of version"),
    ] {
        let env = Env::new();
        env.cmd().arg("due").assert().success();
        {
            let conn = Connection::open(&env.db).expect("open");
            conn.pragma_update(None, "user_version", version)
                .expect("version");
        }
        let before = folder_files(&env);
        let out = env.cmd().arg("cards").assert().failure().code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "schema version {version} is not one synack can open"
            )),
            "{stderr}"
        );
        assert!(stderr.contains(says), "{stderr}");
        assert_eq!(folder_files(&env), before, "version {version}");
    }
}

#[test]
fn a_version_5_database_gets_deferred_keys_and_imports_on_from_its_last_id() {
    let env = keeps_what_a_v2_style_fixture_holds(5);
    let conn = Connection::open(&env.db).expect("open");
    let sql = |name: &str| schema_sql(&conn, name);
    // Migration 6: the keys of the tables an import writes are checked at
    // the commit, and `heading_path` has no function in its check.
    for table in ["cards", "card_state", "card_demos"] {
        assert!(
            sql(table).contains("DEFERRABLE INITIALLY DEFERRED"),
            "{}",
            sql(table)
        );
    }
    assert!(!sql("cards").contains("json_valid"), "{}", sql("cards"));
    assert!(sql("cards").contains("kind = 'question' OR"));
    for index in [
        "cards_source_line",
        "card_state_due",
        "card_demos_name",
        "sqlite_autoindex_cards_1",
    ] {
        assert_eq!(schema_objects(&conn, index), 1, "index {index}");
    }
    assert_eq!(dangling_rows(&conn), 0);
    // Deferred is still enforced: a row for no card fails at its commit.
    for insert in [
        "INSERT INTO card_state (card_id) VALUES (999)",
        "INSERT INTO card_demos (card_id, pos, name, args, explicit) VALUES (999, 0, 'uri', '', 0)",
    ] {
        assert!(conn.execute(insert, []).is_err(), "{insert}");
    }
    drop(conn);

    // New cards are numbered on from the file's largest id, with their
    // state, tags and demo link under that number.
    let max_before: i64 = env
        .conn()
        .query_row("SELECT max(id) FROM cards", [], |r| r.get(0))
        .expect("max");
    let note = env.write(
        "notes/udp.md",
        "# UDP\n\n## 전송 계층\n\n### UDP는 왜 연결이 없나?\n\n상태를 두지 않는다.\n\n\
         ### 포트 번호란?\n\n[소켓 실행](demo:sockets)\n",
    );
    env.import(&[&note]);
    let conn = env.conn();
    // Each new card as "id after the old largest | front | state | tags | demos".
    let rows: Vec<String> = conn
        .prepare(
            "SELECT (c.id - ?1) || '|' || c.front || '|' || coalesce(s.state, 'new') || '|'
                    || coalesce((SELECT group_concat(t.value) FROM json_each(c.tags) t), '')
                    || '|'
                    || coalesce((SELECT group_concat(name) FROM card_demos d WHERE d.card_id = c.id), '')
             FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
             WHERE c.id > ?1 ORDER BY c.id",
        )
        .expect("prepare")
        .query_map([max_before], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert_eq!(
        rows,
        [
            "1|UDP는 왜 연결이 없나?|new|전송-계층|tcp-vs-udp",
            "2|포트 번호란?|new|전송-계층|sockets",
        ]
    );
    assert_eq!(env.integrity(), "ok");
}

#[test]
fn a_version_6_database_gets_the_key_index_led_by_the_key_and_a_state_index_of_due_cards() {
    let env = keeps_what_a_v2_style_fixture_holds(6);
    let conn = Connection::open(&env.db).expect("open");
    let sql = |name: &str| schema_sql(&conn, name);
    // Migration 7: the identity's index leads with the key, the state index
    // holds only cards with a due time; the rebuilt `cards` keeps its checks
    // and deferred keys, and nothing dangles.
    assert!(
        sql("cards").contains("UNIQUE (key, deck)"),
        "{}",
        sql("cards")
    );
    assert!(sql("cards").contains("DEFERRABLE INITIALLY DEFERRED"));
    assert!(sql("cards").contains("kind = 'question' OR"));
    assert!(
        sql("card_state_due").contains("WHERE due IS NOT NULL"),
        "{}",
        sql("card_state_due")
    );
    assert_eq!(schema_objects(&conn, "cards_source_line"), 1);
    assert_eq!(dangling_rows(&conn), 0);
    // The identity is still unique.
    let copy = conn
        .execute(
            "INSERT INTO cards (deck, key, front, back, kind, heading_path,
                                line, created_at, updated_at)
             SELECT deck, key, front, back, kind, heading_path, line, 0, 0
             FROM cards LIMIT 1",
            [],
        )
        .expect_err("a second card of one identity");
    assert!(copy.to_string().contains("UNIQUE"), "{copy}");
    // The index holds exactly the cards that have a due time, and the
    // queries for due cards read it.
    let (indexed, due): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM card_state INDEXED BY card_state_due
                     WHERE state != 'new' AND due > -1),
                    (SELECT count(*) FROM card_state WHERE due IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    assert!(due > 0, "the fixture has studied cards");
    assert_eq!(indexed, due);
    let plan: Vec<String> = conn
        .prepare(
            "EXPLAIN QUERY PLAN
             SELECT card_id FROM card_state WHERE state = 'review' AND due < 5",
        )
        .expect("prepare")
        .query_map([], |r| r.get(3))
        .expect("plan")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert!(
        plan.iter().any(|step| step.contains("card_state_due")),
        "{plan:?}"
    );
    drop(conn);
    // And the day's learning cards are still found, through that index: the
    // fixture's four, less the one answered above.
    let out = env
        .cmd()
        .env("SYNACK_NOW", "2026-03-02T10:00:00+09:00")
        .args(["quiz"])
        .write_stdin("q\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("learn 3 · due 0"), "{stdout}");
}

#[test]
fn a_version_7_database_keeps_no_state_rows_for_cards_never_answered() {
    let env = keeps_what_a_v2_style_fixture_holds(7);
    // Migration 8: card 6, never answered, had a row of defaults; it goes,
    // and the answered cards keep theirs.
    let rows = id_text_rows(
        &env.conn(),
        "SELECT card_id, state FROM card_state ORDER BY card_id",
    );
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5], "{rows:?}");
    // Card 6 is still new: a later day's quiz deals it.
    let out = env
        .cmd()
        .env("SYNACK_NOW", "2026-03-20T10:00:00+09:00")
        .args(["quiz", "--deck", "TCP"])
        .write_stdin("q\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("new 1 ·"), "{stdout}");
}

#[test]
fn a_version_8_database_keeps_each_cards_tags_in_the_card() {
    let env = keeps_what_a_v2_style_fixture_holds(8);
    let conn = env.conn();
    // Migration 9: the tag table and its index are gone, their rows are in
    // the cards' `tags` arrays (checked row for row above), and a card
    // without tags holds an empty array.
    assert_eq!(schema_objects(&conn, "card_tags"), 0);
    assert_eq!(schema_objects(&conn, "card_tags_tag"), 0);
    let tags = id_text_rows(&conn, "SELECT id, tags FROM cards ORDER BY id");
    let tagged: Vec<i64> = tags
        .iter()
        .filter(|(_, t)| t == r#"["Port"]"#)
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(tagged, [5, 6], "{tags:?}");
    assert!(
        tags.iter().all(|(_, t)| t == "[]" || t == r#"["Port"]"#),
        "{tags:?}"
    );
    drop(conn);
    // The tag filter reads them, case aside, as it read the table.
    let cards = env.json(&["cards", "--tag", "port", "--format", "json"]);
    let ids: Vec<i64> = cards
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, [5, 6]);
}

#[test]
fn a_version_9_database_loses_only_the_section_and_still_buries_siblings() {
    // Its rows, `section` read as the heading path joined, checked above.
    let env = keeps_what_a_v2_style_fixture_holds(9);
    let conn = env.conn();
    let section: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('cards') WHERE name = 'section'",
            [],
            |r| r.get(0),
        )
        .expect("columns");
    assert_eq!(section, 0, "migration 10 drops the column");
    drop(conn);
    // Cards 5 and 6 share a heading path (`TCP › Port`): answering 5 buries
    // 6, which is new, until the next day.
    let new_today = |now: &str| {
        let out = env
            .cmd()
            .env("SYNACK_NOW", now)
            .args(["due", "--format", "json"])
            .assert()
            .success();
        let due: serde_json::Value =
            serde_json::from_slice(&out.get_output().stdout).expect("json");
        due["today"]["new"].as_u64().expect("new")
    };
    assert_eq!(new_today("2026-11-22T09:00:00+09:00"), 1);
    env.cmd()
        .env("SYNACK_NOW", "2026-11-22T09:00:00+09:00")
        .args(["answer", "5", "good"])
        .assert()
        .success();
    assert_eq!(new_today("2026-11-22T09:01:00+09:00"), 0);
    assert_eq!(new_today("2026-11-23T09:00:00+09:00"), 1);
}

#[test]
fn a_version_10_database_gets_the_review_index_the_reports_read() {
    let env = keeps_what_a_v2_style_fixture_holds(10);
    let conn = env.conn();
    // Migration 11: `reviews_card` holds what the reports read, in their
    // order, and still serves a card's own reviews.
    let sql = schema_sql(&conn, "reviews_card");
    assert!(
        sql.contains("(card_id, reviewed_at, id, rating, state_before, scheduled_days, answer)"),
        "{sql}"
    );
    let in_index: i64 = conn
        .query_row(
            "SELECT count(*) FROM reviews INDEXED BY reviews_card WHERE card_id > 0",
            [],
            |r| r.get(0),
        )
        .expect("count");
    let all: i64 = conn
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
        .expect("count");
    assert_eq!((in_index, all), (10, 10));
    drop(conn);
    assert_eq!(env.integrity(), "ok");
    // The report reads the log as before: its ten reviews, by card.
    let out = env
        .cmd()
        .args(["stats", "--format", "json"])
        .assert()
        .success();
    let stats: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("json");
    assert_eq!(stats["overview"]["reviews"], 10, "{stats}");
}

/// A process id no process has: a child that ran and was waited for.
#[cfg(target_os = "linux")]
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().expect("true");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

/// Regression (issue 24, item 5): the copy of an upgrade that was killed
/// (`NAME.bak-vN.tmp-PID`) stayed beside the database for good. The next
/// upgrade removes it, and leaves a running process's copy alone.
#[cfg(target_os = "linux")]
#[test]
fn an_upgrade_removes_copies_that_killed_upgrades_left() {
    let env = Env::new();
    old_database(&env, 1);
    let dead = env.path(&format!("synack.db.bak-v1.tmp-{}", dead_pid()));
    std::fs::write(&dead, "half a copy").expect("write");
    let mut live = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .expect("sleep");
    let running = env.path(&format!("synack.db.bak-v1.tmp-{}", live.id()));
    std::fs::write(&running, "being written").expect("write");
    env.cmd().args(["cards"]).assert().success();
    let _ = live.kill();
    let _ = live.wait();
    assert!(!dead.exists(), "the dead upgrade's copy is still there");
    assert!(running.exists(), "a running process's copy was removed");
    assert!(env.path("synack.db.bak-v1").exists());
}

/// Issue 27: a deck imported and studied with the old card rules (big
/// sections as one card), upgraded, then imported again with the new ones
/// (split sections, open questions, no image-only cards): every reviewed
/// card keeps its id, front and reviews, and the parts are new cards.
#[test]
fn a_version_11_deck_studied_with_the_old_rules_keeps_its_history_through_the_new_ones() {
    let env = Env::new();
    let (_, _) = old_database(&env, 11);
    let notes = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema/notes-v11");
    let before = env.json(&["export", "--format", "json"]);
    assert_eq!(user_version(&env.db), user_version_after_fresh_open());
    let reviewed = |backup: &serde_json::Value| -> BTreeMap<i64, (String, usize)> {
        let mut out = BTreeMap::new();
        for r in backup["reviews"].as_array().expect("reviews") {
            let id = r["card_id"].as_i64().expect("card id");
            let card = backup["cards"]
                .as_array()
                .expect("cards")
                .iter()
                .find(|c| c["id"].as_i64() == Some(id))
                .expect("the reviewed card");
            let entry = out
                .entry(id)
                .or_insert((card["front"].as_str().expect("front").to_string(), 0));
            entry.1 += 1;
        }
        out
    };
    let old = reviewed(&before);
    assert_eq!(old.len(), 5, "fixture: five cards reviewed, {old:?}");

    let report = env.import_json(&[&notes]);
    assert_eq!(report["totals"]["parsed"], 2, "{report}");
    let after = env.json(&["export", "--format", "json"]);
    assert_eq!(reviewed(&after), old, "a reviewed card lost its history");
    let cards = env.cards();
    for (id, (front, _)) in &old {
        let card = cards
            .iter()
            .find(|c| c["id"].as_i64() == Some(*id))
            .expect("card still there");
        assert_eq!(card["front"], front.as_str());
        assert_eq!(card["missing"], false, "{card}");
    }
    // The big session question is split: its parts are new cards beside it.
    let parts = cards
        .iter()
        .filter(|c| {
            c["front"].as_str().is_some_and(|f| {
                f.starts_with("서버가 여러 대라면 로그인 상태는 어떻게 유지하나요? › ")
            })
        })
        .count();
    assert_eq!(parts, 3);
    // `안써봐서 모름` was its answer; now it is an open question, same card.
    let open = cards.iter().find(|c| c["id"] == 8).expect("card 8");
    assert_eq!(open["kind"], "open");
    assert_eq!(
        report["totals"]["skipped"], 2,
        "image-only and links-only: {report}"
    );
    assert_eq!(env.integrity(), "ok");
}
