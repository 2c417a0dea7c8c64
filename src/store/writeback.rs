//! Early writeback for a new database file's first write transaction.
//!
//! That transaction is nearly always a bulk load (the first import, a
//! restore) in the rollback journal a new file starts with ([`super::Journal`]):
//! its pages go into the file as SQLite's page cache spills them, and the
//! kernel holds them until the commit's `fsync`. For 100k cards that was
//! 87 MB and 55-80 ms of the import's wall time, spent with both cores idle
//! at the very end (issue 7). A thread that asks the kernel to write the
//! file out every [`EVERY`] while the cards are still being parsed leaves
//! the commit's `fsync` 4 ms.
//!
//! It changes nothing about what a crash can leave: the kernel may write
//! any dirty page back at any time of its own accord, and SQLite's journal
//! is made for exactly that.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How often the file is written out. 50 and 100 ms left the commit's
/// `fsync` the same 4-6 ms; the longer one makes fewer journal commits of
/// the file system.
pub(super) const EVERY: Duration = Duration::from_millis(100);

/// A thread that writes a database file out until this is dropped.
///
/// It reaches the file through a descriptor of its own, and closing any
/// descriptor of a file drops every POSIX lock the process holds on it,
/// SQLite's included. So this must be dropped only while its connection
/// holds none: after its transaction has committed or rolled back, and
/// before the file moves to WAL, where a connection keeps a shared lock for
/// as long as it is open. [`super::Tx`] drops it there.
#[derive(Debug)]
pub(super) struct Writeback {
    /// Dropping it ends the thread's wait at once.
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    /// How many times the file was asked to be written out.
    #[cfg_attr(not(test), expect(dead_code, reason = "the tests read it"))]
    syncs: Arc<AtomicUsize>,
}

impl Writeback {
    /// Starts writing out the file at `path` every `every`; `None` when it
    /// cannot be opened (nothing is lost but the head start) or a thread
    /// cannot be started.
    pub(super) fn start(path: &Path, every: Duration) -> Option<Writeback> {
        let file = File::open(path).ok()?;
        let (stop, stopped) = mpsc::channel::<()>();
        let syncs = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&syncs);
        let thread = std::thread::Builder::new()
            .name("synack-writeback".into())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
                    // A file system that cannot sync this way is left to the
                    // commit's own `fsync`, as without this thread.
                    let _ = file.sync_data();
                    counted.fetch_add(1, Ordering::Relaxed);
                }
            })
            .ok()?;
        Some(Writeback {
            stop: Some(stop),
            thread: Some(thread),
            syncs,
        })
    }

    #[cfg(test)]
    pub(super) fn syncs(&self) -> usize {
        self.syncs.load(Ordering::Relaxed)
    }
}

impl Drop for Writeback {
    /// Stops the thread and waits for it, so that its descriptor is closed
    /// when this returns (see the type's docs). After a commit, a sync in
    /// flight has nothing left to write.
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn writes_the_file_out_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.db");
        std::fs::write(&path, b"pages").unwrap();
        let writeback = Writeback::start(&path, Duration::from_millis(1)).unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        while writeback.syncs() < 3 {
            assert!(Instant::now() < deadline, "no sync in 30 s");
            std::thread::sleep(Duration::from_millis(1));
        }
        let syncs = Arc::clone(&writeback.syncs);
        drop(writeback);
        // The thread has ended, and with it its descriptor of the file.
        assert_eq!(Arc::strong_count(&syncs), 1);
    }

    #[test]
    fn a_file_that_cannot_be_opened_has_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Writeback::start(&dir.path().join("missing.db"), EVERY).is_none());
    }
}
