//! A small harness: each test gets its own folder, database and clock, and
//! none of the developer's SYNACK_* settings.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use assert_cmd::Command;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};
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
        serde_json::from_slice(&out.get_output().stdout).expect("json report")
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

/// `synack quiz --format json` on `db` at [`NOW`] as a child process, every
/// stream piped, for tests that feed it slowly, kill it or run two at once.
pub fn spawn_quiz(db: &Path) -> Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("synack"))
        .arg("--db")
        .arg(db)
        .args(["quiz", "--format", "json"])
        .env_remove("SYNACK_DB")
        .env("SYNACK_NOW", NOW)
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
