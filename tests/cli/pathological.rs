//! Pathological notes through `synack import`: absurd nesting, a line of
//! 16 MiB, NUL bytes, every line-ending style, a BOM, Markdown that is all
//! HTML, broken UTF-8. Each imports (exit 0) or is refused with one line
//! naming the file (exit 1, nothing written), as the README documents; none
//! panics, and each run has a time limit so a hang fails instead of waiting.
//! Then the safety edges hostile input reaches: a note path from a restored
//! backup handed to `:edit`, and the socket demo's addresses. Fuzzing the
//! parser itself is FUZZING.md's business.

use std::time::Duration;

use serde_json::Value;

use crate::util::{Env, file_report};

/// Far more than any note needs; a hang shows up as a failure, not a stuck CI.
const LIMIT: Duration = Duration::from_secs(60);

/// `import --json PATH`, expecting success within [`LIMIT`].
fn import(env: &Env, rel: &str) -> Value {
    let out = env
        .cmd()
        .args(["import", "--json"])
        .arg(env.path(rel))
        .timeout(LIMIT)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_slice(&out.get_output().stdout).expect("json report")
}

/// `import PATH`, expecting exit 1 and one stderr line holding every needle.
fn refused(env: &Env, rel: &str, needles: &[&str]) {
    let out = env
        .cmd()
        .arg("import")
        .arg(env.path(rel))
        .timeout(LIMIT)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line, got:\n{stderr}");
    for n in needles {
        assert!(lines[0].contains(n), "{n:?} not in {:?}", lines[0]);
    }
}

/// The cards of `deck`, as `cards --format json` lists them.
fn deck(env: &Env, name: &str) -> Vec<Value> {
    env.cards()
        .into_iter()
        .filter(|c| c["deck"] == name)
        .collect()
}

#[test]
fn lists_and_quotes_nested_10000_deep_import() {
    let env = Env::new();
    // Nesting on one line keeps the files small (indenting each level on a
    // line of its own would take 100 MB for 10,000 levels).
    let notes = [
        ("bullets.md", "- ".repeat(10_000)),
        ("ordered.md", "1. ".repeat(10_000)),
        ("quotes.md", "> ".repeat(10_000)),
        ("mixed.md", "> - 1. ".repeat(3_334)),
    ];
    for (file, nesting) in &notes {
        env.write(
            &format!("deep/{file}"),
            format!("# 깊이\n\n## {file}\n{nesting}바닥\n"),
        );
    }
    let report = import(&env, "deep");
    assert_eq!(report["totals"]["files"], notes.len());
    let cards = deck(&env, "깊이");
    for (file, nesting) in &notes {
        assert_eq!(file_report(&report, file)["added"], 1, "{file}");
        let card = cards
            .iter()
            .find(|c| c["front"] == format!("깊이 › {file}"))
            .unwrap_or_else(|| panic!("no card for {file}"));
        // Compared as a bool: a failure should not print 20 kB of dashes.
        assert!(
            card["back"] == format!("{nesting}바닥"),
            "{file}: back differs"
        );
        // Shown in a terminal, the indent stops growing after a few levels:
        // a line per level, not 100 MB of spaces (quadratic) as before.
        let id = card["id"].to_string();
        let out = env.cmd().args(["show", &id]).assert().success();
        let shown = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(shown.contains("바닥"), "{file}: bottom not shown");
        assert!(
            shown.len() < 1_000_000,
            "{file}: show printed {} bytes",
            shown.len()
        );
    }
}

#[test]
fn a_16_mib_line_imports() {
    let env = Env::new();
    // A pasted image: the whole file, at the size limit, is one line after
    // the heading. Its caption on the line makes it something to recall (a
    // back of only an image is no card, issue 27).
    let head = "# 그림\n\n## 다이어그램\n![diagram](data:image/png;base64,";
    let tail = ") 구성도\n";
    let size = 16 * 1024 * 1024;
    let body: String = "iVBORw0KGgoAAAANSUhEUgAA"
        .chars()
        .cycle()
        .take(size - head.len() - tail.len())
        .collect();
    let path = env.write("big/image.md", format!("{head}{body}{tail}"));
    assert_eq!(std::fs::metadata(&path).expect("size").len(), size as u64);

    let report = import(&env, "big");
    assert_eq!(file_report(&report, "image.md")["added"], 1);
    let card = &deck(&env, "그림")[0];
    assert_eq!(card["front"], "그림 › 다이어그램");
    assert_eq!(
        card["back"].as_str().expect("back").len(),
        size - "# 그림\n\n## 다이어그램\n".len() - 1,
        "the back is the whole image line, without its newline"
    );
}

#[test]
fn a_nul_byte_anywhere_refuses_the_note_by_name() {
    let env = Env::new();
    let mut bytes = "# 덱\n\n## 포트란?\n16비트 번호.\n".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend(b"\0\0tail\n");
    env.write("nul/note.md", &bytes);
    refused(
        &env,
        "nul",
        &[
            "note.md",
            &format!("binary file (NUL byte at offset {offset})"),
        ],
    );
    assert!(!env.db.exists(), "nothing is written for a refused import");
}

#[test]
fn line_endings_and_a_bom_give_the_same_cards() {
    let lines = [
        "# 전송 계층",
        "",
        "## TCP와 UDP의 차이는?",
        "TCP는 연결형, UDP는 비연결형.",
        "",
        "## 용어",
        "TCP::Transmission Control Protocol",
        "UDP 헤더 크기 ::: 8바이트",
        "",
        "Q: 포트 번호는 몇 비트인가요?",
        "A: 16비트",
        "",
        "- HTTP/2의 멀티플렉싱이란?",
    ];
    let fields = |env: &Env| -> Vec<Value> {
        deck(env, "전송 계층")
            .into_iter()
            .map(|c| serde_json::json!([c["kind"], c["front"], c["back"], c["tags"], c["line"]]))
            .collect()
    };
    let unix = Env::new();
    unix.write("n/note.md", lines.join("\n") + "\n");
    import(&unix, "n");
    let expected = fields(&unix);
    assert_eq!(expected.len(), 6, "{expected:#?}");

    // Mixed: each line ends the way the one before it did not. A `\r` ending
    // then an empty line ending in `\n` would read as one `\r\n`, so that
    // empty line ends in `\r\n` instead.
    let mut mixed = String::new();
    for (n, line) in lines.iter().enumerate() {
        let ending = ["\r\n", "\r", "\n"][n % 3];
        let ending = if ending == "\n" && line.is_empty() && mixed.ends_with('\r') {
            "\r\n"
        } else {
            ending
        };
        mixed.push_str(line);
        mixed.push_str(ending);
    }
    let lone = mixed.replace("\r\n", "");
    assert!(mixed.contains("\r\n") && lone.contains('\r') && lone.contains('\n'));
    for (what, text) in [
        ("CRLF", lines.join("\r\n") + "\r\n"),
        ("CR", lines.join("\r") + "\r"),
        ("mixed", mixed),
        ("BOM", format!("\u{feff}{}\n", lines.join("\n"))),
        (
            "BOM and CRLF",
            format!("\u{feff}{}\r\n", lines.join("\r\n")),
        ),
    ] {
        let env = Env::new();
        env.write("n/note.md", text);
        import(&env, "n");
        assert_eq!(fields(&env), expected, "{what}");
    }
}

#[test]
fn markdown_that_is_all_html_imports_as_one_card() {
    let env = Env::new();
    // No Markdown heading (an HTML <h1> is not one): the file names the deck,
    // and the text before any heading is that deck's card, as written.
    let html = "<html>\n<body>\n<h1>TCP</h1>\n<p>연결형 <b>전송</b></p>\n<ul><li>SYN</li></ul>\n</body>\n</html>";
    env.write("web/saved-page.md", format!("{html}\n"));
    let report = import(&env, "web");
    assert_eq!(file_report(&report, "saved-page.md")["added"], 1);
    let cards = deck(&env, "saved-page");
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0]["kind"], "topic");
    assert_eq!(cards[0]["front"], "saved-page");
    assert_eq!(cards[0]["back"], html);
}

#[test]
fn utf8_cut_off_at_the_end_is_refused_with_its_place() {
    let env = Env::new();
    // "답변" with its last byte missing, as a truncated download leaves it.
    let mut bytes = "# 덱\n## 질문인가요?\n".as_bytes().to_vec();
    bytes.extend(&"답변".as_bytes()[..5]);
    env.write("cut/note.md", &bytes);
    refused(&env, "cut", &["note.md:3:", "not valid UTF-8 (column 2)"]);
    assert!(!env.db.exists());

    let out = env
        .cmd()
        .args(["import", "--lossy"])
        .arg(env.path("cut"))
        .timeout(LIMIT)
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("note.md:3:"));
    assert_eq!(deck(&env, "덱")[0]["back"], "답\u{fffd}");
}

#[test]
fn edit_hands_a_restored_note_named_like_a_vi_command_to_the_editor_as_a_path() {
    let env = Env::new();
    env.write("notes/deck.md", "# 덱\n## 포트란?\n16비트 번호.\n");
    env.import(&[&env.path("notes")]);
    // A backup is any JSON file, so its note path can be anything: here a
    // relative name that vi would run as an Ex command if it came first. A
    // restore refuses what is not a path of a note file (issue 24, item 6).
    let mut backup = env.json(&["export", "--format", "json"]);
    backup["sources"][0]["path"] = "+:!touch pwned".into();
    let file = env.write("backup.json", backup.to_string());
    let restored = Env::new();
    let out = restored
        .cmd()
        .arg("restore")
        .arg(&file)
        .timeout(LIMIT)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("is not a note file"), "{stderr}");

    // A note file whose name starts like one, at the absolute path an
    // import records, restores, and reaches the editor as that path.
    let note = restored.write(
        "+:!touch pwned.md",
        "# 덱
## 포트란?
16비트 번호.
",
    );
    let note = note.canonicalize().expect("canonical");
    backup["sources"][0]["path"] = note.to_str().expect("utf-8").into();
    let file = env.write("backup.json", backup.to_string());
    restored
        .cmd()
        .arg("restore")
        .arg(&file)
        .timeout(LIMIT)
        .assert()
        .success();
    let editor = restored.write(
        "editor.sh",
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/editor-args\"\n",
    );
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    restored
        .cmd()
        .arg("quiz")
        .current_dir(restored.dir.path())
        .env("EDITOR", &editor)
        .env_remove("VISUAL")
        .write_stdin(":edit\n:quit\n")
        .timeout(LIMIT)
        .assert()
        .success();
    let args = std::fs::read_to_string(restored.path("editor-args")).expect("editor ran");
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args, ["+2", note.to_str().expect("utf-8")]);
    assert!(!restored.path("pwned").exists());
}

#[test]
fn the_socket_demo_takes_no_address_and_stays_on_loopback() {
    let env = Env::new();
    // No option chooses an address, so neither a command line nor a
    // `demo:sockets?bind=…` link can make it listen beyond loopback.
    for option in ["--bind", "--host", "--address", "--listen"] {
        env.cmd()
            .args(["demo", "sockets", option, "0.0.0.0"])
            .timeout(LIMIT)
            .assert()
            .code(2);
    }
    if let Err(e) = std::net::TcpListener::bind("127.0.0.1:0") {
        panic!("the live run needs 127.0.0.1, which cannot be bound here: {e}");
    }
    let report = env.json(&["demo", "sockets", "--format", "json", "--clients", "2"]);
    let mut addresses = Vec::new();
    collect_addresses(&report, &mut addresses);
    assert!(addresses.len() >= 9, "{report}");
    for a in addresses {
        assert!(a.ip().is_loopback(), "{a} is not a loopback address");
    }
}

/// Every string in `value` that is a socket address.
fn collect_addresses(value: &Value, out: &mut Vec<std::net::SocketAddr>) {
    match value {
        Value::String(s) => out.extend(s.parse::<std::net::SocketAddr>().ok()),
        Value::Array(items) => items.iter().for_each(|v| collect_addresses(v, out)),
        Value::Object(map) => map.values().for_each(|v| collect_addresses(v, out)),
        _ => {}
    }
}
