//! Finding and reading note files, and refusing bad ones before anything is
//! written: missing paths, folders with no notes, what is not a regular file
//! (a FIFO, a device, a socket), binary files, files over 16 MiB, text that
//! is not UTF-8, and file names that are not UTF-8.
//!
//! A note's path is stored as text, so a name that is not UTF-8 is refused:
//! stored lossily, `x\xff.md` and `x\xfe.md` would both be `x\u{fffd}.md`, one
//! source, and each import would suspend the other's cards.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Files larger than this are not notes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// File name endings read when a folder is imported.
pub const NOTE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Whether `path` ends in one of the [`NOTE_EXTENSIONS`] (any case).
pub fn has_note_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| NOTE_EXTENSIONS.iter().any(|n| ext.eq_ignore_ascii_case(n)))
}

/// A note file that cannot be imported. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}", crate::tr!("import-error-missing", path = path.display().to_string()))]
    Missing { path: PathBuf },
    #[error("{}", crate::tr!("import-error-no-notes", path = path.display().to_string()))]
    NoNotes { path: PathBuf },
    #[error("{}", crate::tr!("import-error-unreadable", path = path.display().to_string(), reason = crate::exit::io_error(source)))]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::tr!("import-error-binary", path = path.display().to_string(), offset = offset.to_string()))]
    Binary { path: PathBuf, offset: usize },
    #[error("{}", crate::tr!("import-error-too-large", path = path.display().to_string(), size = size.to_string()))]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}", crate::tr!("import-error-not-regular", path = path.display().to_string(), kind = kind.as_str()))]
    NotRegular { path: PathBuf, kind: String },
    #[error("{}", crate::tr!("import-error-name-not-utf8", name = name.as_str()))]
    NameNotUtf8 {
        /// The path with its bad bytes as `\xNN`.
        name: String,
    },
    #[error("{}", crate::tr!("import-error-not-utf8", path = path.display().to_string(), line = line.to_string(), column = column.to_string()))]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
}

/// One note, read and checked, ready to parse.
#[derive(Debug, Clone)]
pub struct NoteFile {
    /// Where it is recorded in the database: the absolute path, or
    /// `synack:decks/…` for a shipped deck.
    pub source_path: String,
    /// How to name it to the user: the path as given on the command line.
    pub display: String,
    /// The file name without its extension: the deck when the note has no H1.
    pub stem: String,
    pub text: String,
    /// The content hash: BLAKE3 of the bytes, hex. (SHA-256 until the import
    /// speed work: with no SHA instructions on common CPUs it was most of a
    /// re-import of unchanged notes; BLAKE3 runs at several GB/s with SIMD.
    /// A database with SHA-256 hashes re-parses each file once, finds its
    /// cards unchanged and stores the new hash.)
    pub hash: String,
    /// Non-fatal problems met while reading (lossy decoding).
    pub warnings: Vec<String>,
}

/// Expands `paths` (files and folders, folders recursively) into note files,
/// reading each. `lossy` replaces invalid UTF-8 with U+FFFD and warns instead
/// of refusing the file.
pub fn collect(paths: &[PathBuf], lossy: bool) -> Result<Vec<NoteFile>, FileError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => FileError::Missing { path: path.clone() },
            _ => FileError::Unreadable {
                path: path.clone(),
                source: e,
            },
        })?;
        let canonical = |file: &PathBuf| {
            std::fs::canonicalize(file).map_err(|e| FileError::Unreadable {
                path: file.clone(),
                source: e,
            })
        };
        let files = if meta.is_dir() {
            let found = walk(path)?;
            if found.is_empty() {
                return Err(FileError::NoNotes { path: path.clone() });
            }
            // `walk` yields only real files under real folders (it follows
            // no link below `path`), so each one's canonical path is the
            // folder's and the rest as walked: one `realpath` instead of one
            // per file, each a system call per folder of its path.
            let root = canonical(path)?;
            found
                .into_iter()
                .map(|file| {
                    let under = file.strip_prefix(path).map(|rest| root.join(rest));
                    match under {
                        Ok(real) => Ok((file, real)),
                        Err(_) => canonical(&file).map(|real| (file, real)),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?
        } else {
            vec![(path.clone(), canonical(path)?)]
        };
        for (file, canonical) in files {
            if canonical.to_str().is_none() {
                return Err(FileError::NameNotUtf8 {
                    name: crate::render::visible::path(&file),
                });
            }
            if seen.insert(canonical.clone()) {
                out.push((file, canonical));
            }
        }
    }
    read_all(&out, lossy)
}

/// Reads and checks `files` in order, on every core: hashing is most of a
/// re-import of unchanged notes. The first bad file in order is the error,
/// as if they were read one by one.
fn read_all(files: &[(PathBuf, PathBuf)], lossy: bool) -> Result<Vec<NoteFile>, FileError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().div_ceil(16))
        .max(1);
    let chunk = files.len().div_ceil(threads).max(1);
    let read_chunk = |part: &[(PathBuf, PathBuf)]| {
        part.iter()
            .map(|(file, canonical)| read(file, canonical, lossy))
            .collect::<Vec<_>>()
    };
    let results: Vec<Result<NoteFile, FileError>> = if threads == 1 {
        read_chunk(files)
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = files
                .chunks(chunk)
                .map(|part| scope.spawn(move || read_chunk(part)))
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    results.into_iter().collect()
}

/// Note files under `dir`, sorted, skipping hidden folders (`.git`, `.obsidian`).
/// Links below `dir` are not followed: a linked note or folder is skipped.
fn walk(dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let mut files = Vec::new();
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| FileError::Unreadable {
            path: e.path().unwrap_or(dir).to_path_buf(),
            source: e.into(),
        })?;
        let is_note = entry.path().extension().is_some_and(|ext| {
            let ext = ext.to_string_lossy().to_ascii_lowercase();
            NOTE_EXTENSIONS.contains(&ext.as_str())
        });
        if entry.file_type().is_file() && is_note {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

fn read(path: &Path, canonical: &Path, lossy: bool) -> Result<NoteFile, FileError> {
    let unreadable = |source| FileError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |size| FileError::TooLarge {
        path: path.to_path_buf(),
        size,
    };
    // Checked before opening: opening a FIFO waits for a writer.
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    regular(path, &meta)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = open_without_waiting(path).map_err(unreadable)?;
    // And again on what was opened, in case the path changed in between.
    regular(path, &file.metadata().map_err(unreadable)?)?;
    // A file that grows while it is read is still read no further than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    decode(
        bytes,
        path,
        canonical.to_string_lossy().into_owned(),
        stem,
        lossy,
    )
}

/// Refuses what is not a regular file: `/dev/zero` never ends, a FIFO may
/// never send anything.
fn regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), FileError> {
    if meta.is_file() {
        return Ok(());
    }
    let kind = file_kind(&meta.file_type());
    Err(FileError::NotRegular {
        path: path.to_path_buf(),
        kind,
    })
}

/// What a file that is not a regular file is, in a word or two (also for
/// the export's `--force` check).
pub(crate) fn file_kind(t: &std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return crate::tr!("import-kind-fifo");
        }
        if t.is_char_device() {
            return crate::tr!("import-kind-char-device");
        }
        if t.is_block_device() {
            return crate::tr!("import-kind-block-device");
        }
        if t.is_socket() {
            return crate::tr!("import-kind-socket");
        }
    }
    if t.is_symlink() {
        crate::tr!("import-kind-symlink")
    } else if t.is_dir() {
        crate::tr!("import-kind-folder")
    } else {
        crate::tr!("import-kind-other")
    }
}

/// Opens `path` for reading without waiting: with `O_NONBLOCK`, a FIFO that
/// took the place of a note after it was checked opens at once (and is then
/// refused) instead of waiting for a writer. Reads of a regular file ignore
/// the flag.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Checks and decodes a note's bytes.
pub fn decode(
    bytes: Vec<u8>,
    path: &Path,
    source_path: String,
    stem: String,
    lossy: bool,
) -> Result<NoteFile, FileError> {
    // The memchr crate's search is vectorized; a `position` loop went byte by
    // byte over all 25 MB of a 100k-card corpus on every import, and std's
    // `contains` a word at a time.
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(FileError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let hash = content_hash(&bytes);
    let mut warnings = Vec::new();
    // simdutf8 checks a valid note with vector instructions and the copy is
    // a memcpy; std's check went a byte at a time through Korean text (a
    // twenty-fifth of parsing a note). An invalid one is checked again by std
    // for where it goes wrong.
    let valid = simdutf8::basic::from_utf8(&bytes).map(str::to_owned);
    let text = match valid.map_or_else(|_| String::from_utf8(bytes), Ok) {
        Ok(text) => text,
        Err(err) => {
            let bad = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = bytes[..bad]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&bytes[line_start..bad])
                .chars()
                .count()
                + 1;
            if !lossy {
                return Err(FileError::NotUtf8 {
                    path: path.to_path_buf(),
                    line,
                    column,
                });
            }
            warnings.push(crate::tr!(
                "import-warning-lossy",
                path = path.display().to_string(),
                line = line.to_string(),
                column = column.to_string()
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    Ok(NoteFile {
        source_path,
        display: path.display().to_string(),
        stem,
        text,
        hash,
        warnings,
    })
}

/// The hash that decides whether a note changed since its last import.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The shipped decks as note files.
pub fn shipped() -> Vec<NoteFile> {
    crate::deck::shipped::notes()
        .into_iter()
        .map(|n| {
            let bytes = n.text.as_bytes();
            NoteFile {
                source_path: n.source_path(),
                display: n.source_path(),
                stem: n
                    .name
                    .rsplit_once('.')
                    .map_or(n.name, |(s, _)| s)
                    .to_string(),
                text: n.text.to_string(),
                hash: content_hash(bytes),
                warnings: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let bytes = b"ok\nab\xff\n".to_vec();
        let err = decode(bytes, Path::new("n.md"), "n".into(), "n".into(), false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "n.md:2: not valid UTF-8 (column 3); convert it (e.g. iconv -f cp949 -t utf-8) or pass --lossy"
        );
    }

    #[test]
    fn lossy_decoding_warns() {
        let bytes = b"ok\nab\xff\n".to_vec();
        let note = decode(bytes, Path::new("n.md"), "n".into(), "n".into(), true).unwrap();
        assert_eq!(note.text, "ok\nab\u{fffd}\n");
        assert_eq!(note.warnings.len(), 1);
    }

    #[test]
    fn the_content_hash_is_blake3_hex() {
        // The BLAKE3 test vector for no input.
        assert_eq!(
            content_hash(b""),
            "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"
        );
    }

    /// Regression (issue 24, item 10): `import /dev/zero` read until memory
    /// ran out, and `import fifo.md` waited forever for a writer.
    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        for (path, kind) in [
            (Path::new("/dev/zero"), "a character device"),
            (fifo.as_path(), "a FIFO"),
        ] {
            let err = collect(&[path.to_path_buf()], false).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "{}: not a regular file ({kind}); notes are read only from regular files",
                    path.display()
                )
            );
        }
    }

    /// Regression (issue 24, item 11): `x\xff.md` and `x\xfe.md` were both
    /// stored as `x\u{fffd}.md`.
    #[cfg(unix)]
    #[test]
    fn file_names_that_are_not_utf8_are_refused() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"x\xff.md");
        let file = dir.path().join(name);
        std::fs::write(&file, "# X\n\n## Q?\nA\n")
            .expect("a file system that takes non-UTF-8 names (Linux)");
        for path in [file.clone(), dir.path().to_path_buf()] {
            let err = collect(&[path], false).unwrap_err();
            let shown = err.to_string();
            assert!(shown.ends_with("x\\xff.md: the file name is not valid UTF-8; rename it (synack stores note paths as text)"), "{shown}");
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(
            b"PK\0\x03".to_vec(),
            Path::new("x.md"),
            "x".into(),
            "x".into(),
            false,
        )
        .unwrap_err();
        assert!(matches!(err, FileError::Binary { offset: 2, .. }));
    }
}
