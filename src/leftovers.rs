//! Temporary files a killed synack left behind: an export's
//! `.NAME.PID.tmp` beside its `--out`, an upgrade's `DB.bak-vN.tmp-PID`
//! beside the database. Each is named after the process writing it; the next
//! run removes those whose process is gone, and never one that a running
//! synack is still writing.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// A leftover whose process cannot be asked about (no `/proc`), or whose
/// process id now belongs to some other process, is removed once it has not
/// been written for this long: a live export or upgrade writes to its file
/// all the time.
pub const ABANDONED_AFTER: Duration = Duration::from_secs(7 * 24 * 3600);

/// Removes the files directly in `dir` for which `pid_of` finds the id of
/// the process that wrote them, when that process is not running (or the
/// file is older than [`ABANDONED_AFTER`]). The current process's own files
/// are left to the caller. Returns how many were removed; what cannot be
/// read or removed is left alone, as it was.
pub fn remove(dir: &Path, pid_of: impl Fn(&str) -> Option<u32>) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(&pid_of) else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let abandoned = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > ABANDONED_AFTER);
        if (running(pid) == Some(false) || abandoned) && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Whether a process `pid` is running: `None` where that cannot be told
/// without unsafe code (no `/proc`).
fn running(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    Some(proc.join(pid.to_string()).exists())
}

/// The PID in `name` if it is `prefix` + digits + `suffix`.
pub fn pid_between(name: &str, prefix: &str, suffix: &str) -> Option<u32> {
    let digits = name.strip_prefix(prefix)?.strip_suffix(suffix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pid_is_read_only_from_the_exact_pattern() {
        assert_eq!(pid_between(".a.csv.123.tmp", ".a.csv.", ".tmp"), Some(123));
        assert_eq!(pid_between(".a.csv.12x.tmp", ".a.csv.", ".tmp"), None);
        assert_eq!(pid_between(".a.csv..tmp", ".a.csv.", ".tmp"), None);
        assert_eq!(pid_between(".b.csv.123.tmp", ".a.csv.", ".tmp"), None);
    }

    /// Regression (issue 24, item 5): a killed export's temporary file was
    /// never removed. A dead process's file goes; a live one's stays.
    #[cfg(target_os = "linux")]
    #[test]
    fn only_files_of_processes_that_are_gone_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // A child that has exited and been waited for: its pid is free.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        // A child still running.
        let mut live = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let files = [
            format!(".out.csv.{dead}.tmp"),
            format!(".out.csv.{}.tmp", live.id()),
            format!(".out.csv.{}.tmp", std::process::id()),
            format!(".other.csv.{dead}.tmp"),
        ];
        for f in &files {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let removed = remove(dir.path(), |n| pid_between(n, ".out.csv.", ".tmp"));
        let _ = live.kill();
        let _ = live.wait();
        assert_eq!(removed, 1);
        let left: Vec<bool> = files.iter().map(|f| dir.path().join(f).exists()).collect();
        assert_eq!(left, [false, true, true, true]);
    }
}
