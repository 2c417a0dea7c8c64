//! `cargo bench --bench synack [-- 1k|10k|100k]`: the figures of issue 7
//! ("Speed"), measured on a synthetic corpus and printed as one table.
//!
//! Whole-process figures run the release binary (`CARGO_BIN_EXE_synack`,
//! built by `cargo bench` with the release settings) with `SYNACK_DB` and
//! `SYNACK_NOW` set, several times, and report the median and the minimum.
//! In-process figures (today's queue, one answer) call the library in a loop.
//! The corpus and the study database (with its review log) are cached under
//! `target/bench/`, keyed on the generator version, so a second run only
//! measures. See BENCHMARKS.md.

mod corpus;
mod study;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use synack::store::Store;

/// The fixed "now" of every measurement.
const NOW: &str = "2026-11-21T09:00:00+09:00";

fn main() {
    let size = size_from_args();
    let reps: usize = std::env::var("SYNACK_BENCH_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let cards = size.cards();
    let files = cards / corpus::CARDS_PER_FILE;
    let root = target_dir().join("bench");
    let corpus_dir = root.join(format!(
        "corpus-{}-g{}",
        size.label(),
        corpus::GENERATOR_VERSION
    ));
    let scratch = root.join(format!("scratch-{}", size.label()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("scratch folder");

    eprintln!(
        "synack bench: {} cards in {files} files, {reps} runs per process figure",
        size.label()
    );
    ensure_corpus(&corpus_dir, files);
    let mut table = Table::default();

    let groups = std::env::var("SYNACK_BENCH_ONLY").unwrap_or_default();
    let run = |group: &str| groups.is_empty() || groups.split(',').any(|g| g.trim() == group);
    if run("import") {
        import_figures(&mut table, &corpus_dir, &scratch, cards, files, reps);
    }
    let study_db = study::ensure(&root, &corpus_dir, size, NOW);
    let deck = scratch.join("study.db");
    if run("study") {
        copy_db(&study_db, &deck);
        let (queue_ms, queue_len) = study::queue_build(&deck, NOW, 50);
        table.row(
            &format!(
                "today's queue ({queue_len} cards), {} reviews",
                study::reviews_for(size)
            ),
            queue_ms,
            10.0,
        );
        let answer_ms = study::record_answers(&deck, NOW, 200);
        table.row("record one answer (committed)", answer_ms, 2.0);
    }
    if run("process") {
        copy_db(&study_db, &deck);
        process_figures(&mut table, &deck, &scratch, reps);
    }
    table.print(size);
    let _ = std::fs::remove_dir_all(&scratch);
}

/// Import into an empty database, then again unchanged, then after an edit.
fn import_figures(
    table: &mut Table,
    corpus_dir: &Path,
    scratch: &Path,
    cards: usize,
    files: usize,
    reps: usize,
) {
    let work = scratch.join("notes");
    copy_dir(corpus_dir, &work);
    let db = scratch.join("import.db");
    let import = measure(reps, |_| {
        remove_db(&db);
        run_ok(synack(&db).arg("import").arg(&work))
    });
    let imported = card_count(&db);
    assert_eq!(
        imported, cards,
        "importing the corpus should yield exactly {cards} cards"
    );
    table.row(
        &format!("import {cards} cards / {files} files, empty db"),
        import,
        1000.0,
    );
    let again = measure(reps, |_| {
        let out = run_ok(synack(&db).arg("import").arg(&work));
        assert!(
            String::from_utf8_lossy(&out.1).contains("Nothing to import"),
            "an unchanged re-import must write nothing"
        );
        out
    });
    table.row("re-import, unchanged", again, 300.0);
    let edited = corpus::edited_files(files);
    let edit = measure(reps, |rep| {
        for &i in &edited {
            std::fs::write(corpus::file_path(&work, i), corpus::note(i, rep as u32 + 1))
                .expect("edit a note");
        }
        let out = run_ok(synack(&db).arg("import").arg(&work));
        let text = String::from_utf8_lossy(&out.1);
        assert!(
            text.contains(&format!("Total: {files} files ({} parsed)", edited.len())),
            "the edit should re-parse exactly the edited files: {}",
            text.lines().last().unwrap_or_default()
        );
        out
    });
    table.row(
        &format!("re-import, {} files edited (1%)", edited.len()),
        edit,
        300.0,
    );
}

/// The whole-process figures on the study deck.
fn process_figures(table: &mut Table, deck: &Path, scratch: &Path, reps: usize) {
    let quiz = measure(reps, |_| first_card(deck));
    table.row("quiz: process start → first card", quiz, 100.0);
    // Each run writes a new file: replacing the last run's 300 MB backup
    // would time the file system freeing it (0.6 s on this VM's `discard`
    // mount, BENCHMARKS.md), not the export.
    let json_out = scratch.join("export.json");
    let json = measure(reps, |_| {
        let _ = std::fs::remove_file(&json_out);
        run_ok(
            synack(deck)
                .args(["export", "--format", "json", "--out"])
                .arg(&json_out),
        )
    });
    let _ = std::fs::remove_file(&json_out);
    table.row("export --format json", json, 2000.0);
    let html_out = scratch.join("report.html");
    let html = measure(reps, |_| {
        run_ok(
            synack(deck)
                .args(["export", "--format", "html", "--force", "--out"])
                .arg(&html_out),
        )
    });
    table.row("export --format html", html, 2000.0);
    let demo_reps = reps.max(10);
    let handshake = measure(demo_reps, |_| {
        run_ok(synack(deck).args(["demo", "handshake"]))
    });
    table.row("demo handshake (whole process)", handshake, 20.0);
    let uri = measure(demo_reps, |_| {
        run_ok(synack(deck).args(["demo", "uri", "https://user@例え.jp:8443/a/../b?q=1#frag"]))
    });
    table.row("demo uri (whole process)", uri, 20.0);
}

/// How big a run is: `1k`, `10k` or `100k` cards (the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    K1,
    K10,
    K100,
}

impl Size {
    pub fn cards(self) -> usize {
        match self {
            Size::K1 => 1_000,
            Size::K10 => 10_000,
            Size::K100 => 100_000,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Size::K1 => "1k",
            Size::K10 => "10k",
            Size::K100 => "100k",
        }
    }
}

/// The size from the first argument that names one (cargo passes `--bench`
/// too), else `SYNACK_BENCH_SIZE`, else 100k.
fn size_from_args() -> Size {
    let parse = |s: &str| match s {
        "1k" => Some(Size::K1),
        "10k" => Some(Size::K10),
        "100k" => Some(Size::K100),
        _ => None,
    };
    std::env::args()
        .skip(1)
        .find_map(|a| parse(&a))
        .or_else(|| {
            std::env::var("SYNACK_BENCH_SIZE")
                .ok()
                .and_then(|v| parse(&v))
        })
        .unwrap_or(Size::K100)
}

/// `target/`, wherever cargo put it.
fn target_dir() -> PathBuf {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_synack"));
    // target/<profile>/synack
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
}

fn ensure_corpus(dir: &Path, files: usize) {
    let done = dir.with_extension("complete");
    if done.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    let t = Instant::now();
    corpus::write(dir, files).expect("write the corpus");
    std::fs::write(&done, b"").expect("mark the corpus complete");
    eprintln!(
        "  generated {files} notes in {:.1} s",
        t.elapsed().as_secs_f64()
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk the corpus");
        let dest = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy note");
        }
    }
}

/// A database file and its journal files (rollback journal, WAL).
fn db_files(db: &Path) -> [PathBuf; 4] {
    let with = |suffix: &str| {
        let mut s = db.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    [
        db.to_path_buf(),
        with("-journal"),
        with("-wal"),
        with("-shm"),
    ]
}

fn remove_db(db: &Path) {
    for f in db_files(db) {
        let _ = std::fs::remove_file(f);
    }
}

/// Copies a checkpointed database (no WAL) to `to`.
fn copy_db(from: &Path, to: &Path) {
    remove_db(to);
    std::fs::copy(from, to).expect("copy the study database");
}

fn card_count(db: &Path) -> usize {
    let store = Store::open(db).expect("open the imported database");
    let decks = store.decks().expect("list decks");
    decks.iter().map(|d| d.cards as usize).sum()
}

/// The release binary with the database and the clock set, and nothing of
/// the developer's environment that could change its behaviour.
fn synack(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_synack"));
    cmd.env("SYNACK_DB", db)
        .env("SYNACK_NOW", NOW)
        .env("NO_COLOR", "1")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .stdin(Stdio::null());
    cmd
}

/// Runs a command to completion; panics with its stderr if it fails.
/// Returns its wall time and stdout.
fn run_ok(cmd: &mut Command) -> (Duration, Vec<u8>) {
    let t = Instant::now();
    let out = cmd.output().expect("run synack");
    let took = t.elapsed();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (took, out.stdout)
}

/// Wall time from spawning `synack quiz --format json` (script mode: stdin is
/// a pipe) to reading its first `card` event.
fn first_card(db: &Path) -> (Duration, Vec<u8>) {
    let t = Instant::now();
    let mut child = synack(db)
        .args(["quiz", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start synack quiz");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    let took = loop {
        line.clear();
        let n = stdout.read_line(&mut line).expect("read quiz output");
        assert!(n > 0, "the quiz ended without showing a card");
        if line.starts_with("{\"event\":\"card\"") {
            break t.elapsed();
        }
    };
    // End the session: an empty stdin is Ctrl-D.
    drop(child.stdin.take());
    let mut rest = Vec::new();
    let _ = std::io::Read::read_to_end(&mut stdout, &mut rest);
    let status = child.wait().expect("wait for synack quiz");
    assert!(status.success(), "synack quiz failed");
    (took, line.into_bytes())
}

/// Median and minimum, in milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    pub median: f64,
    pub min: f64,
    pub runs: usize,
}

impl Figure {
    pub fn from_samples(mut ms: Vec<f64>) -> Figure {
        assert!(!ms.is_empty(), "no samples");
        ms.sort_by(f64::total_cmp);
        Figure {
            median: ms[ms.len() / 2],
            min: ms[0],
            runs: ms.len(),
        }
    }
}

fn measure(reps: usize, mut run: impl FnMut(usize) -> (Duration, Vec<u8>)) -> Figure {
    Figure::from_samples(
        (0..reps)
            .map(|rep| run(rep).0.as_secs_f64() * 1000.0)
            .collect(),
    )
}

#[derive(Default)]
struct Table {
    rows: Vec<(String, Figure, f64)>,
}

impl Table {
    fn row(&mut self, name: &str, fig: Figure, target_ms: f64) {
        eprintln!("  {name}: median {:.2} ms", fig.median);
        self.rows.push((name.to_string(), fig, target_ms));
    }

    fn print(&self, size: Size) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "\nsynack benchmarks, {} cards ({})", size.label(), NOW);
        let _ = writeln!(
            out,
            "| figure | median | min | runs | target | |\n|---|---:|---:|---:|---:|---|"
        );
        for (name, fig, t) in &self.rows {
            let ok = if fig.median <= *t { "ok" } else { "MISS" };
            let _ = writeln!(
                out,
                "| {name} | {} | {} | {} | ≤ {} | {ok} |",
                ms(fig.median),
                ms(fig.min),
                fig.runs,
                ms(*t)
            );
        }
    }
}

fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 10.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.2} ms")
    }
}
