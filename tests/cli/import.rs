//! `synack import`: the card rules on fixture notes, re-import, identity.

use std::path::Path;

use serde_json::{Value, json};

use crate::util::{Env, file_report, fixtures_dir};

/// The fields of a card the rules decide, with the source as a path inside the fixtures.
fn project(cards: &[Value], root: &Path) -> Value {
    let root = root.canonicalize().expect("canonical root");
    let root = root.to_string_lossy();
    Value::Array(
        cards
            .iter()
            .map(|c| {
                let source = c["source"].as_str().unwrap_or("");
                json!({
                    "deck": c["deck"],
                    "kind": c["kind"],
                    "front": c["front"],
                    "back": c["back"],
                    "tags": c["tags"],
                    "heading_path": c["heading_path"],
                    "source": source.strip_prefix(&*root).unwrap_or(source).trim_start_matches('/'),
                    "line": c["line"],
                    "demos": c["demos"],
                })
            })
            .collect(),
    )
}

#[test]
fn fixture_notes_give_the_expected_cards() {
    let (env, notes) = Env::with_fixtures();
    let actual = project(&env.cards(), &notes);
    let golden_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixture-cards.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let text = serde_json::to_string_pretty(&actual).expect("json") + "\n";
        std::fs::write(&golden_path, text).expect("write golden");
    }
    let golden: Value =
        serde_json::from_str(&std::fs::read_to_string(&golden_path).expect("golden file"))
            .expect("golden json");
    assert_eq!(
        actual, golden,
        "cards differ from tests/golden/fixture-cards.json"
    );
}

#[test]
fn report_counts_each_file() {
    let env = Env::new();
    let notes = env.fixtures();
    let report = env.import_json(&[&notes]);
    let q = file_report(&report, "questions.md");
    assert_eq!(q["deck"], "테스트 네트워크");
    assert_eq!(q["added"], 8);
    assert_eq!(q["open"], 1);
    let inline = file_report(&report, "inline.md");
    assert_eq!(inline["added"], 12);
    assert_eq!(inline["open"], 2);
    assert_eq!(file_report(&report, "blog-index.txt")["added"], 3);
    assert_eq!(file_report(&report, "demos.md")["added"], 13);
    assert_eq!(report["totals"]["files"], 6, "ignored.json is not a note");
    assert_eq!(report["totals"]["added"], 41);
}

#[test]
fn reimporting_unchanged_notes_writes_nothing_and_says_so() {
    let (env, notes) = Env::with_fixtures();
    let before = env.cards();
    let out = env
        .cmd()
        .env("SYNACK_NOW", "2026-12-01T09:00:00+09:00")
        .arg("import")
        .arg(&notes)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stdout.contains("Nothing to import: 6 files are unchanged"),
        "{stdout}"
    );
    assert!(stdout.contains("unchanged, not re-parsed"), "{stdout}");
    assert_eq!(env.cards(), before, "cards (and their updated_at) changed");
    let conn = rusqlite::Connection::open(&env.db).expect("open");
    let imported_at: i64 = conn
        .query_row("SELECT max(imported_at) FROM sources", [], |r| r.get(0))
        .expect("sources");
    assert_eq!(imported_at, 1_795_219_200_000, "sources were rewritten");
}

#[test]
fn a_database_hashed_with_the_old_hash_reparses_once_and_changes_nothing() {
    // Content hashes were SHA-256 before they were BLAKE3: on the first
    // import after the upgrade every stored hash differs, so every file is
    // parsed again. Its cards must come out unchanged: same ids, no
    // updated_at, no revisions, history kept.
    let (env, notes) = Env::with_fixtures();
    let id = env.card("3-way handshake를 설명해 주세요.")["id"]
        .as_i64()
        .expect("id");
    let conn = env.conn();
    add_review(&conn, id);
    // The SHA-256 of each file, as the old importer stored it: any other
    // 64 hex digits do the same here.
    conn.execute("UPDATE sources SET content_hash = printf('%064x', id)", [])
        .expect("old hashes");
    drop(conn);
    let before = env.cards();

    let report = env
        .cmd()
        .env("SYNACK_NOW", "2026-12-01T09:00:00+09:00")
        .args(["import", "--json"])
        .arg(&notes)
        .assert()
        .success();
    let report: serde_json::Value =
        serde_json::from_slice(&report.get_output().stdout).expect("json report");
    let totals = &report["totals"];
    assert_eq!(totals["parsed"], 6, "{totals}");
    for field in ["added", "updated", "renamed", "suspended", "restored"] {
        assert_eq!(totals[field], 0, "{field}: {totals}");
    }
    assert_eq!(totals["unchanged"], before.len(), "{totals}");
    assert_eq!(env.cards(), before, "cards (and their updated_at) changed");
    let conn = env.conn();
    let (revisions, reviews, old_hashes): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM card_revisions),
                    (SELECT count(*) FROM reviews WHERE card_id = ?1),
                    (SELECT count(*) FROM sources WHERE content_hash LIKE '00000000%')",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("counts");
    assert_eq!((revisions, reviews, old_hashes), (0, 1, 0));
    drop(conn);

    let again = env.import(&[&notes]);
    assert!(
        again.contains("Nothing to import: 6 files are unchanged"),
        "{again}"
    );
}

/// One Good review of card `id`, so there is history for an import to keep.
fn add_review(conn: &rusqlite::Connection, id: i64) {
    conn.execute(
        "INSERT INTO reviews (card_id, reviewed_at, rating, state_before, elapsed_days,
                              scheduled_days, duration_ms)
         VALUES (?1, 1, 3, 'new', 0, 1, 5000)",
        [id],
    )
    .expect("review");
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).expect("write");
}

#[test]
fn an_edited_answer_keeps_the_card_and_its_history() {
    let (env, notes) = Env::with_fixtures();
    let card = env.card("3-way handshake를 설명해 주세요.");
    let id = card["id"].as_i64().expect("id");
    let conn = rusqlite::Connection::open(&env.db).expect("open");
    add_review(&conn, id);
    drop(conn);

    edit(
        &notes.join("questions.md"),
        "세 개의 세그먼트로 연결을 연다.",
        "세 개의 세그먼트로 연결을 열고 양쪽 ISN을 확인한다.",
    );
    let report = env.import_json(&[&notes]);
    let file = file_report(&report, "questions.md");
    assert_eq!(
        (file["updated"].as_u64(), file["added"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(file["unchanged"], 7);

    let after = env.card("3-way handshake를 설명해 주세요.");
    assert_eq!(after["id"], id);
    assert!(after["back"].as_str().unwrap_or("").contains("ISN"));
    let conn = rusqlite::Connection::open(&env.db).expect("open");
    let reviews: i64 = conn
        .query_row(
            "SELECT count(*) FROM reviews WHERE card_id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(reviews, 1, "the review log survived the edit");
    let old_back: String = conn
        .query_row(
            "SELECT back FROM card_revisions WHERE card_id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("revision");
    assert!(old_back.ends_with("연결을 연다."));
}

#[test]
fn a_reworded_heading_is_reported_renamed_with_the_same_id() {
    let (env, notes) = Env::with_fixtures();
    let id = env.card("3-way handshake를 설명해 주세요.")["id"].clone();
    edit(
        &notes.join("questions.md"),
        "## 3-way handshake를 설명해 주세요.",
        "## TCP 3-way handshake 과정은 어떻게 되나요?",
    );
    let report = env.import_json(&[&notes]);
    let file = file_report(&report, "questions.md");
    assert_eq!(file["renamed"], 1);
    assert_eq!(file["added"], 0);
    assert_eq!(file["suspended"], 0);
    assert_eq!(file["renames"][0]["id"], id);
    assert_eq!(
        file["renames"][0]["from"],
        "3-way handshake를 설명해 주세요."
    );
    assert_eq!(
        file["renames"][0]["to"],
        "TCP 3-way handshake 과정은 어떻게 되나요?"
    );
    assert_eq!(
        env.card("TCP 3-way handshake 과정은 어떻게 되나요?")["id"],
        id
    );

    // And back again: the text report names the card by its id.
    edit(
        &notes.join("questions.md"),
        "## TCP 3-way handshake 과정은 어떻게 되나요?",
        "## 3-way handshake를 설명해 주세요.",
    );
    let out = env.import(&[&notes]);
    assert!(out.contains(&format!("renamed #{id}:")), "{out}");
}

#[test]
fn a_removed_card_is_suspended_and_comes_back_when_its_text_returns() {
    let (env, notes) = Env::with_fixtures();
    let id = env.card("소켓이란")["id"].clone();
    let section = "## 소켓이란\nIP 주소, 포트, 프로토콜로 정해지는 통신의 끝점.\n";
    edit(&notes.join("questions.md"), section, "");

    let report = env.import_json(&[&notes]);
    assert_eq!(file_report(&report, "questions.md")["suspended"], 1);
    let gone = env.card("소켓이란");
    assert_eq!(gone["id"], id);
    assert_eq!(gone["suspended"], true);
    assert_eq!(gone["missing"], true);

    let text = std::fs::read_to_string(notes.join("questions.md")).expect("read");
    std::fs::write(notes.join("questions.md"), format!("{text}\n{section}")).expect("write");
    let report = env.import_json(&[&notes]);
    assert_eq!(file_report(&report, "questions.md")["restored"], 1);
    let back = env.card("소켓이란");
    assert_eq!(back["id"], id);
    assert_eq!(back["suspended"], false);
}

#[test]
fn a_card_moved_to_another_note_of_the_same_deck_keeps_its_id() {
    let env = Env::new();
    let a = env.write(
        "notes/a.md",
        "# 덱\n## 포트란?\n16비트 번호.\n## 소켓이란?\n끝점.\n",
    );
    let b = env.write("notes/b.md", "# 덱\n## ARP란?\nIP를 MAC으로.\n");
    env.import(&[&a, &b]);
    let id = env.card("포트란?")["id"].clone();
    std::fs::write(&a, "# 덱\n## 소켓이란?\n끝점.\n").expect("write");
    std::fs::write(
        &b,
        "# 덱\n## ARP란?\nIP를 MAC으로.\n## 포트란?\n16비트 번호.\n",
    )
    .expect("write");
    let report = env.import_json(&[&a, &b]);
    assert_eq!(report["totals"]["suspended"], 0);
    assert_eq!(report["totals"]["added"], 0);
    let moved = env.card("포트란?");
    assert_eq!(moved["id"], id);
    assert!(moved["source"].as_str().unwrap_or("").ends_with("b.md"));
}

#[test]
fn the_same_question_in_two_notes_of_one_deck_is_kept_from_both() {
    // Issue 27: the second note's card was dropped, and its answer lost.
    let env = Env::new();
    let a = env.write("a.md", "# 덱\n## 포트란?\n16비트 번호.\n");
    let b = env.write("b.md", "# 덱\n## 포트란?\n다른 답.\n");
    let report = env.import_json(&[&a, &b]);
    assert_eq!(report["totals"]["added"], 2);
    assert_eq!(file_report(&report, "b.md")["skipped"], json!([]));
    assert_eq!(env.card("포트란? (b)")["back"], "다른 답.");
}

#[test]
fn the_same_question_in_two_decks_is_two_cards() {
    let env = Env::new();
    let a = env.write("a.md", "# 네트워크\n## 포트란?\n16비트 번호.\n");
    let b = env.write("b.md", "# 운영체제\n## 포트란?\n다른 뜻.\n");
    let c = env.write("c.md", "# 네트워크\n## 포트란?\n또 같은 질문.\n");
    let report = env.import_json(&[&a, &b, &c]);
    assert_eq!(report["totals"]["added"], 3, "{report}");
    assert_eq!(env.card("포트란? (c)")["deck"], "네트워크");
    assert_eq!(env.card("포트란?")["back"], "16비트 번호.");
}

#[test]
fn import_reads_plain_text_files_named_directly_whatever_their_extension() {
    let env = Env::new();
    let note = env.write("memo.note", "## UDP는 왜 빠른가요?\n연결 설정이 없다.\n");
    env.import(&[&note]);
    let card = env.card("UDP는 왜 빠른가요?");
    assert_eq!(card["deck"], "memo");
    assert_eq!(card["kind"], "question");
}

#[test]
fn fixtures_are_read_in_place_too() {
    // The same rules hold on the checked-in folder (the harness copies it elsewhere).
    let env = Env::new();
    let report = env.import_json(&[&fixtures_dir()]);
    assert_eq!(report["totals"]["added"], 41);
}

/// A demo link as (name, args, explicit).
type Demo = (String, String, bool);

/// Every card with a demo: front → its demos in order.
fn demo_links(cards: &[Value]) -> Vec<(String, Vec<Demo>)> {
    cards
        .iter()
        .filter(|c| c["demos"].as_array().is_some_and(|d| !d.is_empty()))
        .map(|c| {
            let demos = c["demos"]
                .as_array()
                .expect("demos")
                .iter()
                .map(|d| {
                    (
                        d["name"].as_str().expect("name").to_string(),
                        d["args"].as_str().expect("args").to_string(),
                        d["explicit"].as_bool().expect("explicit"),
                    )
                })
                .collect();
            (c["front"].as_str().expect("front").to_string(), demos)
        })
        .collect()
}

/// A topic-rule link, with the arguments the rules chose from the card.
fn rule(name: &str, args: &str) -> Demo {
    (name.to_string(), args.to_string(), false)
}

fn written(name: &str, args: &str) -> Demo {
    (name.to_string(), args.to_string(), true)
}

#[test]
fn exactly_the_cards_about_a_demo_get_it() {
    let (env, _) = Env::with_fixtures();
    let mut actual = demo_links(&env.cards());
    actual.sort();
    let mut expected = vec![
        // demos.md: topics named in a heading or a question…
        (
            "면접 대비 메모 › TCP 연결 › 3 way handshake",
            vec![rule("handshake", "scenario=open")],
        ),
        ("소켓은 어떻게 구분하나요?", vec![rule("sockets", "")]),
        (
            "면접 대비 메모 › 포트와 소켓 › 포트 번호 범위",
            vec![rule("sockets", "")],
        ),
        // The DNS and TLS cards, by their topic words (issue 26).
        ("DNS 동작 원리", vec![rule("dns", "")]),
        (
            "면접 대비 메모 › HTTP › TLS 핸드셰이크",
            vec![rule("tls", "")],
        ),
        // CORS cards moved from uri to cors; HTTP/2 and WebSocket cards got theirs.
        ("면접 대비 메모 › HTTP › CORS", vec![rule("cors", "")]),
        (
            "면접 대비 메모 › HTTP › 웹 소켓",
            vec![rule("websocket", "")],
        ),
        ("HTTP/2의 멀티플렉싱이란?", vec![rule("http", "")]),
        // …or running through the back (FIN, FIN_WAIT_1, FIN_WAIT_2, FIN, TIME_WAIT)…
        (
            "면접 대비 메모 › TCP 연결 › 연결 해제 순서",
            vec![rule("handshake", "scenario=close")],
        ),
        // …and written links, in order, the unknown one left out.
        (
            "면접 대비 메모 › HTTP › 퓨니코드 정리",
            vec![written("uri", "https://한글.kr/")],
        ),
        (
            "면접 대비 메모 › 직접 단 링크 › 종료 시나리오 모음",
            vec![
                written("handshake", "scenario=close"),
                written("handshake", "scenario=simultaneous-close"),
            ],
        ),
        // The older fixtures.
        (
            "3-way handshake를 설명해 주세요.",
            vec![rule("handshake", "scenario=open")],
        ),
        (
            "TIME-WAIT 상태가 필요한 이유는?",
            vec![rule("handshake", "scenario=final-ack-lost")],
        ),
        (
            "왜 TIME-WAIT는 2MSL인가?",
            vec![rule("handshake", "scenario=final-ack-lost")],
        ),
        ("소켓이란", vec![rule("sockets", "")]),
        ("포트 번호는 몇 비트인가요?", vec![rule("sockets", "")]),
        ("What is a socket", vec![rule("sockets", "")]),
        // The newer demos' topics.
        ("MSS는 무엇의 약자인가요?", vec![rule("encap", "")]),
        ("테스트 네트워크 › OSI 7계층", vec![rule("encap", "")]),
        (
            "TCP와 UDP의 차이는 무엇인가요?",
            vec![rule("tcp-vs-udp", "")],
        ),
        ("UDP는 언제 쓰나요", vec![rule("tcp-vs-udp", "")]),
        ("UDP 헤더 크기", vec![rule("tcp-vs-udp", "")]),
        (
            "QUIC은 왜 UDP 위에서 동작하나요?",
            vec![rule("tcp-vs-udp", "")],
        ),
        // The flow and congestion demos' keywords (a heading or question
        // naming the topic).
        (
            "면접 대비 메모 › TCP 연결 › 흐름 제어",
            vec![rule("flow", "")],
        ),
        (
            "English Notes › Congestion control",
            vec![rule("congestion", "")],
        ),
        ("Explain slow start.", vec![rule("congestion", "")]),
        ("TCP 혼잡 제어 정리", vec![rule("congestion", "")]),
        ("Why is AIMD fair?", vec![rule("congestion", "")]),
        (
            "흐름 제어와 혼잡 제어의 차이는?",
            vec![rule("congestion", ""), rule("flow", "")],
        ),
    ]
    .into_iter()
    .map(|(f, d)| (f.to_string(), d))
    .collect::<Vec<_>>();
    expected.sort();
    // Not linked to handshake: 흐름 제어 (3-way handshake in passing, a 출처:
    // citation; it is the flow demo's topic). Not linked: Transport layer
    // support (report, supports, transport), HTTP 상태 코드 and HTTP 메서드
    // (one URL each, curl).
    assert_eq!(actual, expected);
}

#[test]
fn a_link_to_an_unknown_demo_is_left_out_with_a_warning() {
    let env = Env::new();
    let notes = env.fixtures();
    let report = env.import_json(&[&notes]);
    let warnings = &file_report(&report, "demos.md")["warnings"];
    let path = notes.join("demos.md");
    assert_eq!(
        warnings,
        &json!([format!(
            "{}:66: unknown demo \"handshak\" in a demo: link, left out (see `synack demo list`)",
            path.display()
        )])
    );

    let env = Env::new();
    let note = env.write(
        "n.md",
        "## 포트란?\n번호.\n\n[열기](demo:sokets?clients=2)\n",
    );
    let out = env.cmd().arg("import").arg(&note).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains(&format!(
            "synack: warning: {}:4: unknown demo \"sokets\"",
            note.display()
        )),
        "{stderr}"
    );
    // The card named a demo, so no topic rule second-guesses it.
    assert_eq!(env.card("포트란?")["demos"], json!([]));
}

#[test]
fn a_card_s_demo_links_follow_its_note() {
    let (env, notes) = Env::with_fixtures();
    let front = "면접 대비 메모 › 직접 단 링크 › 종료 시나리오 모음";
    let id = env.card(front)["id"].clone();
    let file = notes.join("demos.md");

    edit(&file, "scenario=simultaneous-close", "scenario=half-close");
    let report = env.import_json(&[&notes]);
    assert_eq!(file_report(&report, "demos.md")["updated"], 1);
    let card = env.card(front);
    assert_eq!(card["id"], id);
    assert_eq!(
        demo_links(&[card])[0].1,
        [
            written("handshake", "scenario=close"),
            written("handshake", "scenario=half-close")
        ]
    );

    // Links gone from the note are gone from the card.
    edit(&file, "[일반 종료](demo:handshake?scenario=close)\n", "");
    edit(
        &file,
        "[동시 종료](demo:handshake?scenario=half-close)\n",
        "",
    );
    edit(&file, "[오타 난 데모](demo:handshak?scenario=open)\n", "");
    env.import_json(&[&notes]);
    assert_eq!(env.card(front)["demos"], json!([]));

    // A rule link comes and goes with the words that call for it.
    edit(&file, "### 흐름 제어", "### 흐름 제어와 3-way handshake");
    env.import_json(&[&notes]);
    let card = env.card("면접 대비 메모 › TCP 연결 › 흐름 제어와 3-way handshake");
    assert_eq!(
        demo_links(&[card])[0].1,
        [rule("handshake", "scenario=open"), rule("flow", "")]
    );
}

/// A note is known by its real path however its folder was named (through a
/// link, with `..`, or twice over), and a linked note or folder inside is
/// skipped.
#[cfg(unix)]
#[test]
fn a_note_is_known_by_its_real_path() {
    use std::os::unix::fs::symlink;
    let env = Env::new();
    env.write("real/a.md", "# D\n## 소켓이란?\n소켓은 끝점이다.\n");
    env.write("real/sub/b.md", "# D\n## 포트란?\n포트는 번호다.\n");
    env.write("other/c.md", "# D\n## URI란?\nURI는 이름이다.\n");
    symlink(env.path("other/c.md"), env.path("real/linked.md")).expect("link a note");
    symlink(env.path("other"), env.path("real/linked")).expect("link a folder");
    symlink(env.path("real"), env.path("via")).expect("link the folder");
    env.cmd()
        .arg("import")
        .arg(env.path("via"))
        .arg(env.path("real/sub/../sub"))
        .assert()
        .success();
    let real = env.path("real").canonicalize().expect("real folder");
    let mut sources: Vec<String> = env
        .cards()
        .iter()
        .map(|c| c["source"].as_str().expect("source").to_string())
        .collect();
    sources.sort();
    let want = [real.join("a.md"), real.join("sub/b.md")].map(|p| p.to_string_lossy().into_owned());
    assert_eq!(sources, want);
}

/// Regression (issue 24, item 15): an import as a new database's first
/// command keeps the shipped decks out for good, and nothing said so. The
/// report says it once (text and JSON), and how to add them.
#[test]
fn an_import_on_a_new_database_says_once_that_the_shipped_decks_are_not_there() {
    let env = Env::new();
    let note = env.write("notes/a.md", "# 덱\n## 질문 하나는?\n답\n");
    // Wrapped to the width or not, the words are the notice's.
    let text = env
        .import(&[&note])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let notice = "add them with `synack import --builtin`";
    assert_eq!(text.matches(notice).count(), 1, "{text}");
    assert!(text.contains("not in this database"), "{text}");
    // The next import finds notes there: nothing more to say.
    let other = env.write("notes/b.md", "# 덱2\n## 질문 둘은?\n답\n");
    let json = env.import_json(&[&other]);
    assert_eq!(json["shipped_decks_notice"], serde_json::Value::Null);
    assert!(json["totals"]["added"].as_u64() == Some(1), "{json}");

    // In JSON, on another new database: the field holds the sentence, and
    // the report's other fields are as they were.
    let fresh = Env::new();
    let note = fresh.write("notes/a.md", "# 덱\n## 질문 하나는?\n답\n");
    let json = fresh.import_json(&[&note]);
    let said = json["shipped_decks_notice"].as_str().expect("a notice");
    assert!(said.contains(notice), "{said}");
    assert!(
        json["files"].is_array() && json["totals"].is_object(),
        "{json}"
    );

    // Not when the first import brings them, nor after a command that read
    // cards (which imported them).
    let with = Env::new();
    let note = with.write("notes/a.md", "# 덱\n## 질문 하나는?\n답\n");
    let out = with
        .cmd()
        .args(["import", "--builtin"])
        .arg(&note)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!text.contains(notice), "{text}");
    let after = Env::new();
    after.cmd().arg("cards").assert().success();
    let note = after.write("notes/a.md", "# 덱\n## 질문 하나는?\n답\n");
    assert!(!after.import(&[&note]).contains(notice));
}

/// Issue 27: two notes whose first heading is the same deck, each with a
/// question the other has: both answers are kept (the second told apart by
/// its file's name), and a re-import keeps both cards as they are.
#[test]
fn two_files_of_one_deck_with_the_same_question_keep_both_answers() {
    let env = Env::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/h9");
    let report = env.import_json(&[&dir]);
    assert_eq!(report["totals"]["added"], 2, "{report}");
    assert_eq!(report["totals"]["skipped"], 0, "{report}");
    let cards = env.cards();
    let fronts: Vec<&str> = cards.iter().map(|c| c["front"].as_str().unwrap()).collect();
    assert_eq!(fronts, ["TCP란 무엇인가요?", "TCP란 무엇인가요? (b)"]);
    assert!(cards[1]["back"].as_str().unwrap().contains("흐름 제어"));
    let again = env.import_json(&[&dir]);
    assert_eq!(again["totals"]["added"], 0, "{again}");
    assert_eq!(env.cards().len(), 2);
}
