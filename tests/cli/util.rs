//! A small harness: each test gets its own folder, database and clock, and
//! none of the developer's SYNACK_* settings.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use assert_cmd::Command;
use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use serde_json::Value;
use tempfile::TempDir;

/// Every `synack demo handshake --scenario`, as documented.
pub const HANDSHAKE_SCENARIOS: &[&str] = &[
    "open",
    "close",
    "close-piggyback",
    "simultaneous-open",
    "simultaneous-close",
    "syn-lost",
    "synack-lost",
    "final-ack-lost",
    "closed-port",
    "two-way",
    "half-close",
];

/// The fixed "now" every test runs at unless it says otherwise.
pub const NOW: &str = "2026-11-21T09:00:00+09:00";

pub struct Env {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("synack.db");
        Env { dir, db }
    }

    /// An Env with the fixture notes copied in and imported; returns the notes folder too.
    pub fn with_fixtures() -> (Env, PathBuf) {
        let env = Env::new();
        let notes = env.fixtures();
        env.import(&[&notes]);
        (env, notes)
    }

    /// Runs `synack ARGS` (expecting success) and parses its stdout as JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).assert().success();
        serde_json::from_slice(&out.get_output().stdout).expect("json output")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `synack` with `--db` pointing at this test's database.
    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare_cmd();
        cmd.arg("--db").arg(&self.db);
        cmd
    }

    /// `synack` with a clean environment and no `--db`.
    pub fn bare_cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("synack").expect("binary");
        cmd.env_remove("SYNACK_DB")
            .env_remove("COLUMNS")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env("SYNACK_NOW", NOW)
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"));
        cmd
    }

    /// Writes `text` to `rel` under the test folder, creating folders.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        path
    }

    /// Copies the fixture notes into `notes/` under the test folder.
    pub fn fixtures(&self) -> PathBuf {
        let dest = self.path("notes");
        copy_dir(&fixtures_dir(), &dest);
        dest
    }

    /// Runs `import` on `paths` and returns stdout, asserting success.
    pub fn import(&self, paths: &[&Path]) -> String {
        let out = self.cmd().arg("import").args(paths).assert().success();
        self.assert_no_dangling_rows();
        String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
    }

    /// Runs `import --json` and returns the report.
    pub fn import_json(&self, paths: &[&Path]) -> Value {
        let out = self
            .cmd()
            .arg("import")
            .arg("--json")
            .args(paths)
            .assert()
            .success();
        self.assert_no_dangling_rows();
        serde_json::from_slice(&out.get_output().stdout).expect("json report")
    }

    /// An import writes with foreign keys unchecked
    /// (`Store::import_transaction`): after every import through these
    /// helpers, no row refers to a card or note that is not there.
    pub fn assert_no_dangling_rows(&self) {
        let conn = self.conn();
        let dangling: Vec<String> = conn
            .prepare("SELECT \"table\" || ' row ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("check")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert!(dangling.is_empty(), "dangling rows: {dangling:?}");
    }

    /// `cards --format json`, parsed.
    pub fn cards(&self) -> Vec<Value> {
        match self.json(&["cards", "--format", "json"]) {
            Value::Array(cards) => cards,
            other => panic!("not an array: {other}"),
        }
    }

    /// One database connection for looking behind the binary's back.
    pub fn conn(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).expect("open db")
    }

    /// `PRAGMA integrity_check` of this test's database: "ok" when sound.
    pub fn integrity(&self) -> String {
        integrity(&self.db)
    }

    /// `synack quiz --format json` on this test's database (see [`spawn_quiz`]).
    pub fn spawn_quiz(&self) -> Child {
        spawn_quiz(&self.db)
    }

    /// The card whose front is `front`.
    pub fn card(&self, front: &str) -> Value {
        self.cards()
            .into_iter()
            .find(|c| c["front"] == front)
            .unwrap_or_else(|| panic!("no card with front {front:?}"))
    }
}

/// The environment of a user who reads Korean (`LANG=ko_KR.UTF-8`).
pub const KO: (&str, &str) = ("LANG", "ko_KR.UTF-8");
/// The environment of a user with no locale set (`LANG=C`): English.
pub const C: (&str, &str) = ("LANG", "C");

/// Fails if `text` (what `what` printed under `LANG=C`) has Korean in it.
/// Only for screens without card content: the cards are the user's own words.
pub fn assert_no_korean(what: &str, text: &str) {
    if let Some(line) = text
        .lines()
        .find(|l| l.chars().any(synack::i18n::is_hangul))
    {
        panic!("{what} printed Korean under LANG=C: {line:?}");
    }
}

/// Fails if `text` (what `what` printed under `LANG=ko_KR.UTF-8`) has an
/// English sentence in it (four lowercase English words in a row; terms
/// such as `slow start` or `Set-Cookie` pass).
pub fn assert_no_english(what: &str, text: &str) {
    for line in text.lines() {
        if let Some(words) = synack::i18n::english_sentence(line) {
            panic!("{what} printed English under LANG=ko_KR.UTF-8: {words:?} in {line:?}");
        }
    }
}

/// Compares `actual` with `tests/golden/REL`; `UPDATE_GOLDEN=1` rewrites the
/// file instead (check the diff by hand before committing it).
pub fn assert_golden(rel: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(rel);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write golden");
    }
    let golden = std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 writes it)");
    assert_eq!(actual, golden, "output differs from tests/golden/{rel}");
}

/// A database with one note of `n` questions, each in its own section (no
/// burying between them), imported, and fuzz off so intervals are exact.
pub fn quiz_deck(n: usize) -> Env {
    let env = Env::new();
    let mut note = String::from("# 덱\n");
    for i in 1..=n {
        note.push_str(&format!(
            "## 질문 {i}번은 무엇인가요?\n답 {i}: TCP 연결을 맺습니다.\n"
        ));
    }
    let path = env.write("notes/deck.md", note);
    env.import(&[&path]);
    env.cmd()
        .args(["config", "set", "fuzz", "false"])
        .assert()
        .success();
    env
}

/// `synack --db DB` as a plain process at [`NOW`], for tests that spawn it and
/// go on meanwhile: kill it, feed it slowly, run several at once.
pub fn synack_on(db: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("synack"));
    cmd.arg("--db")
        .arg(db)
        .env_remove("SYNACK_DB")
        .env_remove("NO_COLOR")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("SYNACK_NOW", NOW);
    cmd
}

/// `synack quiz --format json` on `db` as a child process, every stream piped.
pub fn spawn_quiz(db: &Path) -> Child {
    synack_on(db)
        .args(["quiz", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn synack quiz")
}

/// `PRAGMA integrity_check` of the database at `db`.
pub fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open db");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

/// A seeded random source, so a failing run can be repeated exactly.
pub fn seeded(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// A number in `0..n` (n > 0) from `rng`; the slight modulo bias does not matter here.
pub fn below(rng: &mut ChaCha8Rng, n: u64) -> u64 {
    rng.next_u64() % n
}

// Seeded note collections, for tests that import a lot and edit it.

/// A note: its deck heading and (question, answer) pairs.
pub type Note = Vec<(String, String)>;

const WORDS: &[&str] = &[
    "TCP",
    "UDP",
    "패킷",
    "세그먼트",
    "윈도우",
    "혼잡",
    "재전송",
    "타임아웃",
    "포트",
    "소켓",
    "핸드셰이크",
    "암호화",
    "인증서",
    "캐시",
    "프록시",
    "라우팅",
];

fn words(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| WORDS[below(rng, WORDS.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

/// `files` notes of `cards` questions each, from `rng`.
pub fn corpus(rng: &mut ChaCha8Rng, files: usize, cards: usize) -> Vec<Note> {
    (0..files)
        .map(|f| {
            (0..cards)
                .map(|c| {
                    let q = format!("{f}-{c}번: {}은 무엇인가요?", words(rng, 3));
                    (q, format!("{}입니다.", words(rng, 8)))
                })
                .collect()
        })
        .collect()
}

/// The corpus after a round of editing: per note, nothing, a new answer, a
/// reworded question, a card dropped or a card added; and two new notes.
pub fn edited(rng: &mut ChaCha8Rng, notes: &[Note]) -> Vec<Note> {
    let mut out: Vec<Note> = notes.to_vec();
    for (f, note) in out.iter_mut().enumerate() {
        let c = below(rng, note.len() as u64) as usize;
        match below(rng, 5) {
            0 => {}
            1 => note[c].1 = format!("고친 답: {}.", words(rng, 6)),
            2 => note[c].0 = note[c].0.replace("무엇인가요", "무엇일까요"),
            3 => {
                note.remove(c);
            }
            _ => note.push((
                format!("{f}-새 질문: {}은 무엇인가요?", words(rng, 3)),
                words(rng, 5),
            )),
        }
    }
    let fresh = out.len();
    out.extend(corpus(rng, 2, 4).into_iter().map(|note| {
        note.into_iter()
            .map(|(q, a)| (format!("추가 {fresh} {q}"), a))
            .collect()
    }));
    out
}

/// Writes `notes` as `dir/note-NN.md`, replacing what was there.
pub fn write_notes(dir: &Path, notes: &[Note]) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("mkdir");
    for (f, note) in notes.iter().enumerate() {
        let mut text = format!("# 덱 {f}\n\n");
        for (q, a) in note {
            text += &format!("## {q}\n\n{a}\n\n");
        }
        std::fs::write(dir.join(format!("note-{f:02}.md")), text).expect("write note");
    }
}

/// Everything an import writes, one JSON row per line, in id order: two
/// databases with the same text hold the same deck. (An import writes no
/// card state: a card never answered has none.) Empty when the schema
/// was never created (a fresh import killed before it got that far).
pub fn deck_text(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let has_schema: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'cards'",
            [],
            |r| r.get(0),
        )
        .expect("schema");
    if has_schema == 0 {
        return String::new();
    }
    let tables = [
        "SELECT json_array(id, deck, key, front, back, kind, heading_path, source_id, line,
                suspended, missing_since) FROM cards ORDER BY id",
        "SELECT json_array(id, path, content_hash) FROM sources ORDER BY id",
        "SELECT json_array(card_id, front, back) FROM card_revisions ORDER BY id",
        "SELECT json_array(c.id, t.value, t.key) FROM cards c, json_each(c.tags) t
         ORDER BY c.id, t.key",
    ];
    let mut text = String::new();
    for sql in tables {
        let mut stmt = conn.prepare(sql).expect(sql);
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).expect(sql);
        for row in rows {
            text += &row.expect("row");
            text.push('\n');
        }
    }
    text
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let dest = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).expect("copy");
        }
    }
}

/// The per-file entry of an import report.
pub fn file_report<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("no report for {name}"))
}

/// `synack demo NAME ARGS` at `columns` with no locale set (English),
/// expecting success; unless the output is JSON, no line may be wider than
/// `columns`.
pub fn demo_text(env: &Env, name: &str, args: &[&str], columns: usize) -> String {
    demo_text_in(env, C, name, args, columns)
}

/// [`demo_text`] with the locale variable `lang` set ([`KO`] or [`C`]).
pub fn demo_text_in(
    env: &Env,
    lang: (&str, &str),
    name: &str,
    args: &[&str],
    columns: usize,
) -> String {
    let out = env
        .bare_cmd()
        .env(lang.0, lang.1)
        .env("COLUMNS", columns.to_string())
        .args(["demo", name])
        .args(args)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    if !args.contains(&"json") {
        for line in text.lines() {
            assert!(
                synack::render::width::width(line) <= columns,
                "wider than {columns}: {line:?}"
            );
        }
    }
    text
}

/// `synack demo NAME --help` under the locale `lang` (clap's help is not
/// fitted to COLUMNS).
pub fn demo_help_in(env: &Env, lang: (&str, &str), name: &str) -> String {
    let out = env
        .bare_cmd()
        .env(lang.0, lang.1)
        .args(["demo", name, "--help"])
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

/// `synack demo NAME ARGS` under `LANG=C` and under Korean, each fitting 60,
/// 80 and 120 columns; the English asserted to have no Korean. Returns the
/// English and the Korean text at 80 columns (the Korean for the caller's
/// own English-sentence check).
pub fn demo_in_both(env: &Env, name: &str, args: &[&str]) -> (String, String) {
    for columns in [60, 120] {
        demo_text_in(env, C, name, args, columns);
        demo_text_in(env, KO, name, args, columns);
    }
    let en = demo_text_in(env, C, name, args, 80);
    assert_no_korean(&format!("{name} {args:?}"), &en);
    (en, demo_text_in(env, KO, name, args, 80))
}

/// `synack demo NAME ARGS` under the locale `lang` fails with one line on
/// stderr that contains `needle`.
pub fn demo_refuses_in(env: &Env, lang: (&str, &str), name: &str, args: &[&str], needle: &str) {
    let out = env
        .bare_cmd()
        .env(lang.0, lang.1)
        .args(["demo", name])
        .args(args)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains(needle), "{lang:?}: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
}

/// The example lines of `synack demo NAME --help` under `lang` (the lines
/// after its `Examples:` or `예:` heading), at least two, each asserted to
/// be a command indented as the help's other lines are.
pub fn demo_examples(env: &Env, lang: (&str, &str), name: &str) -> Vec<String> {
    let heading = if lang == KO { "예:" } else { "Examples:" };
    let out = env
        .bare_cmd()
        .env(lang.0, lang.1)
        .args(["demo", name, "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let examples: Vec<String> = help
        .lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    assert!(examples.len() >= 2, "{help}");
    let command = format!("  synack demo {name}");
    for line in &examples {
        assert!(line.starts_with(&command), "{line:?} in\n{help}");
    }
    examples
}

/// `synack demo NAME ARGS --format json`, parsed.
pub fn demo_json(env: &Env, name: &str, args: &[&str]) -> Value {
    let out = demo_text(env, name, &[args, &["--format", "json"]].concat(), 80);
    serde_json::from_str(&out).expect("json output")
}
