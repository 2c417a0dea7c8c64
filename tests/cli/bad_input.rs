//! Bad input: one clear line on stderr naming the thing, exit code 1, no
//! panic, and the database exactly as it was.

use std::path::Path;

use assert_cmd::Command;

use crate::util::Env;

/// Runs `cmd`, expects failure with exactly one stderr line containing every
/// piece of `needles`, and returns that line.
fn fails_with_one_line(mut cmd: Command, needles: &[&str]) -> String {
    let out = cmd.assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line, got:\n{stderr}");
    for n in needles {
        assert!(lines[0].contains(n), "{n:?} not in {:?}", lines[0]);
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    lines[0].to_string()
}

/// An Env with the fixture notes imported, and a snapshot of its cards.
fn imported() -> (Env, Vec<serde_json::Value>) {
    let (env, _) = Env::with_fixtures();
    let cards = env.cards();
    (env, cards)
}

fn import_cmd(env: &Env, path: &Path) -> Command {
    let mut cmd = env.cmd();
    cmd.arg("import").arg(path);
    cmd
}

#[test]
fn a_missing_path() {
    let env = Env::new();
    let path = env.path("nope.md");
    fails_with_one_line(
        import_cmd(&env, &path),
        &["nope.md", "no such file or folder"],
    );
    assert!(!env.db.exists(), "the database was created for nothing");
}

#[test]
fn a_folder_with_no_notes() {
    let (env, before) = imported();
    env.write("empty/data.json", "{}");
    env.write("empty/.hidden/secret.md", "# 숨김\n## 질문?\n답\n");
    fails_with_one_line(
        import_cmd(&env, &env.path("empty")),
        &["empty", "no notes found"],
    );
    assert_eq!(env.cards(), before);
}

#[test]
fn a_binary_file() {
    let (env, before) = imported();
    let bin = env.write("image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    fails_with_one_line(import_cmd(&env, &bin), &["image.md", "binary file"]);
    assert_eq!(env.cards(), before);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_or_decoded_lossily_on_request() {
    let (env, before) = imported();
    // "## 포트란?" in CP949, the encoding old Korean Windows notes use.
    let cp949 = env.write(
        "cp949.md",
        b"# deck\n## \xc6\xf7\xc6\xae\xb6\xf5?\nanswer\n",
    );
    fails_with_one_line(
        import_cmd(&env, &cp949),
        &["cp949.md:2:", "not valid UTF-8", "--lossy"],
    );
    assert_eq!(env.cards(), before);

    let out = env
        .cmd()
        .args(["import", "--lossy"])
        .arg(&cp949)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("warning: ") && stderr.contains("cp949.md:2:"),
        "{stderr}"
    );
    assert_eq!(env.cards().len(), before.len() + 1);
}

#[test]
fn a_file_over_16_mib() {
    let (env, before) = imported();
    let big = env.path("big.md");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(16 * 1024 * 1024 + 1).expect("grow");
    fails_with_one_line(import_cmd(&env, &big), &["big.md", "over the 16 MiB limit"]);
    assert_eq!(env.cards(), before);
}

#[test]
fn one_bad_file_among_good_ones_imports_nothing() {
    let env = Env::new();
    let good = env.write("notes/a-good.md", "# 덱\n## 포트란?\n번호.\n");
    env.write("notes/b-bad.md", b"\0binary");
    fails_with_one_line(
        import_cmd(&env, &env.path("notes")),
        &["b-bad.md", "binary"],
    );
    assert!(!env.db.exists());
    env.import(&[&good]);
    assert_eq!(env.cards().len(), 1);
}

#[test]
fn a_database_that_is_not_sqlite() {
    let env = Env::new();
    let text = "이건 데이터베이스가 아니다. ".repeat(100);
    std::fs::write(&env.db, &text).expect("write");
    let note = env.write("n.md", "# 덱\n## 포트란?\n번호.\n");
    fails_with_one_line(
        import_cmd(&env, &note),
        &["synack.db", "not a SQLite database"],
    );
    fails_with_one_line(
        {
            let mut c = env.cmd();
            c.arg("cards");
            c
        },
        &["not a SQLite database"],
    );
    assert_eq!(std::fs::read_to_string(&env.db).expect("read"), text);
}

#[test]
fn a_database_from_a_newer_synack() {
    let (env, _) = imported();
    {
        let conn = rusqlite::Connection::open(&env.db).expect("open");
        conn.pragma_update(None, "user_version", 999)
            .expect("version");
    }
    let before = std::fs::read(&env.db).expect("read");
    let note = env.write("n.md", "# 덱\n## 포트란?\n번호.\n");
    fails_with_one_line(
        import_cmd(&env, &note),
        &["synack.db", "schema version 999 is newer"],
    );
    assert_eq!(
        std::fs::read(&env.db).expect("read"),
        before,
        "database was touched"
    );
}

#[test]
fn a_read_only_database() {
    let (env, before) = imported();
    // Checkpoint so the database is one file, then make it and its folder read-only.
    {
        let conn = rusqlite::Connection::open(&env.db).expect("open");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("journal");
    }
    let note = env.write("n.md", "# 덱\n## 포트란?\n번호.\n");
    let bytes = std::fs::read(&env.db).expect("read");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o555))
        .expect("chmod");

    // root ignores file modes, so run as `nobody` where we are root.
    let cmd = if is_root() {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(assert_cmd::cargo::cargo_bin("synack"))
            .env_remove("SYNACK_DB")
            .env("SYNACK_NOW", crate::util::NOW)
            .arg("--db")
            .arg(&env.db)
            .arg("import")
            .arg(&note);
        cmd
    } else {
        import_cmd(&env, &note)
    };
    fails_with_one_line(cmd, &["synack.db", "read-only"]);
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    assert_eq!(
        std::fs::read(&env.db).expect("read"),
        bytes,
        "database was touched"
    );
    assert_eq!(env.cards(), before);
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn a_bad_synack_now() {
    let env = Env::new();
    let mut cmd = env.cmd();
    cmd.env("SYNACK_NOW", "tomorrow").arg("cards");
    fails_with_one_line(cmd, &["SYNACK_NOW", "RFC 3339"]);
}

/// Issue 24, item 13: `SYNACK_NOW=tomorrow` printed chrono's reason twice
/// (`premature end of input: premature end of input`) and nothing to act on.
#[test]
fn synack_now_tomorrow_printed_premature_end_of_input() {
    let env = Env::new();
    for (value, why) in [
        ("tomorrow", "does not start with a year"),
        ("2026-11-21", "a date without a time and offset"),
    ] {
        let mut cmd = env.cmd();
        cmd.env("SYNACK_NOW", value).arg("cards");
        let line = fails_with_one_line(
            cmd,
            &["SYNACK_NOW", "RFC 3339", why, "2026-11-21T09:00:00+09:00"],
        );
        assert!(!line.contains("premature"), "{line}");
    }
}

/// Issue 24, item 13: a `SYNACK_NOW` that is not UTF-8 was ignored, and the
/// command ran at the system clock's time.
#[test]
fn an_invalid_utf8_synack_now_was_ignored() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let mut cmd = env.cmd();
    cmd.env(
        "SYNACK_NOW",
        std::ffi::OsStr::from_bytes(b"2026-11-21T09:00:00\xff"),
    )
    .arg("cards");
    fails_with_one_line(cmd, &["SYNACK_NOW", "not valid UTF-8"]);
    assert!(!env.db.exists(), "nothing written");
}

/// Issue 24, item 13: an error whose message quotes its cause printed the
/// cause twice (`cannot read: Too many levels of symbolic links (os error
/// 40): Too many levels of symbolic links (os error 40)`; as a user without
/// the permission, `Permission denied (os error 13)` twice).
#[test]
fn an_error_line_repeated_its_cause() {
    let env = Env::new();
    let looped = env.path("loop.md");
    std::os::unix::fs::symlink(&looped, &looped).expect("symlink");
    let line = fails_with_one_line(import_cmd(&env, &looped), &["loop.md", "(os error"]);
    assert_eq!(line.matches("(os error").count(), 1, "{line}");
}

/// A panic anywhere is a defect, but the user still sees one line naming it
/// a bug, never Rust's message and backtrace hint, and exit code 1.
#[test]
fn a_panic_printed_rusts_message_and_exit_101() {
    let env = Env::new();
    let mut cmd = env.cmd();
    cmd.arg("due").env("SYNACK_TEST_PANIC", "1");
    let line = fails_with_one_line(
        cmd,
        &[
            "internal error",
            "injected by SYNACK_TEST_PANIC second line",
            "bug",
        ],
    );
    assert!(!line.contains("RUST_BACKTRACE"), "{line}");
}

/// Regression (issue 24, item 10): `import /dev/zero` ran out of memory and
/// `import fifo.md` waited for a writer forever.
#[cfg(unix)]
#[test]
fn a_device_or_a_fifo_is_refused_at_once_without_being_read() {
    let (env, before) = imported();
    let fifo = env.path("fifo.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", fifo.display());
    for (path, kind) in [
        (Path::new("/dev/zero"), "a character device"),
        (fifo.as_path(), "a FIFO"),
    ] {
        let mut cmd = import_cmd(&env, path);
        cmd.timeout(std::time::Duration::from_secs(20));
        fails_with_one_line(
            cmd,
            &[&path.display().to_string(), "not a regular file", kind],
        );
    }
    assert_eq!(env.cards(), before);
}

/// Regression (issue 24, item 11): `x\xff.md` and `x\xfe.md` were both stored
/// as `x\u{fffd}.md`, so each import suspended the other's cards.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_refused_never_merged() {
    use std::os::unix::ffi::OsStrExt;
    let (env, before) = imported();
    let dir = env.path("latin1");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (name, q) in [(&b"x\xff.md"[..], "첫째"), (&b"x\xfe.md"[..], "둘째")] {
        let file = dir.join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(&file, format!("# 이름\n\n## {q} 질문은?\n답\n")).expect("write");
    }
    fails_with_one_line(
        import_cmd(&env, &dir.join(std::ffi::OsStr::from_bytes(b"x\xff.md"))),
        &["x\\xff.md", "file name is not valid UTF-8"],
    );
    fails_with_one_line(
        import_cmd(&env, &dir),
        &["x\\xfe.md", "file name is not valid UTF-8"],
    );
    assert_eq!(env.cards(), before);
}

/// Regression (issue 24, item 14): `--db /no/such/dir/x.db` made the
/// folders and a new database full of the shipped decks. A folder missing
/// from a path the user named is an error; only the default data folder is
/// made on first use.
#[test]
fn a_db_in_a_folder_that_does_not_exist_is_an_error_and_makes_no_folder() {
    let env = Env::new();
    let db = env.path("no/such/dir/x.db");
    let mut by_flag = env.bare_cmd();
    by_flag.arg("--db").arg(&db).arg("cards");
    fails_with_one_line(by_flag, &["no/such/dir", "does not exist"]);
    let mut by_env = env.bare_cmd();
    by_env.env("SYNACK_DB", &db).arg("cards");
    fails_with_one_line(by_env, &["no/such/dir", "does not exist"]);
    assert!(!env.path("no").exists(), "a folder was made");

    // The default path's folder is made, as before.
    env.bare_cmd().arg("cards").assert().success();
    assert!(env.path("xdg/synack/synack.db").is_file());
}
