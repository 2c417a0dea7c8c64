//! A small harness: each test gets its own folder, database and clock, and
//! none of the developer's SYNACK_* settings.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
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
