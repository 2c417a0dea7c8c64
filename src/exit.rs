//! Exit codes, defined in one place, and the mapping from a command's result to one.
//!
//! `0` success, `1` a failure (bad input, a database problem), `2` a usage error
//! (clap exits with 2 on its own for bad arguments).

use std::io::{self, Write};
use std::process::ExitCode;

/// The command did what was asked.
pub const SUCCESS: u8 = 0;
/// The command failed: bad input, an unreadable file, a database problem.
pub const FAILURE: u8 = 1;
/// The command line itself was wrong.
pub const USAGE: u8 = 2;

/// An error that knows it is a usage error rather than a failure.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Not a failure: help text the user asked for (`synack demo NAME --help`),
/// printed to stdout with exit code 0.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HelpShown(pub String);

/// Makes a panic print one line on stderr, naming it a bug and where it
/// happened, instead of Rust's message and the backtrace hint; `main` then
/// exits with [`FAILURE`].
pub fn on_panic_one_line() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| crate::tr!("error-panic-unknown"));
        let at = info
            .location()
            .map(|l| {
                crate::tr!(
                    "error-panic-at",
                    file = l.file(),
                    line = l.line().to_string()
                )
            })
            .unwrap_or_default();
        let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(
            io::stderr(),
            "{}",
            crate::tr!(
                "error-line",
                message = crate::tr!("error-panic", what = what, at = at)
            )
        );
    }));
}

/// Turns the result of [`crate::run`] into the process exit code, printing the
/// error (with its context chain on one line) to stderr.
pub fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(SUCCESS),
        // A closed pipe (`synack cards | head`) is how the reader says "enough", not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::from(SUCCESS),
        Err(err) if err.downcast_ref::<HelpShown>().is_some() => {
            let _ = write!(io::stdout(), "{err}");
            ExitCode::from(SUCCESS)
        }
        Err(err) => {
            let code = if err.downcast_ref::<UsageError>().is_some() {
                USAGE
            } else {
                FAILURE
            };
            // Error lines name files and quote notes: shown, never obeyed.
            let message = crate::render::visible(&one_line(&err)).into_owned();
            let _ = writeln!(
                io::stderr(),
                "{}",
                crate::tr!("error-line", message = message)
            );
            ExitCode::from(code)
        }
    }
}

/// The error and its causes on one line, `: ` between them, leaving out a
/// cause whose text is already there: a message that names its source
/// (`cannot open x: {source}`) and the source itself printed
/// `Permission denied (os error 13): Permission denied (os error 13)`.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = match cause.downcast_ref::<io::Error>() {
            Some(e) => io_error(e),
            None => cause.to_string(),
        };
        let text = text.trim();
        if text.is_empty() || line.contains(text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(text);
    }
    line
}

/// An I/O error as the user reads it: the system's own words in English
/// (`Permission denied (os error 13)`), the usual kinds said again from the
/// catalog in Korean.
pub fn io_error(e: &io::Error) -> String {
    use io::ErrorKind as K;
    if crate::i18n::current() == crate::i18n::Lang::En {
        return e.to_string();
    }
    let what = match e.kind() {
        K::NotFound => crate::tr!("error-io-not-found"),
        K::PermissionDenied => crate::tr!("error-io-permission-denied"),
        K::AlreadyExists => crate::tr!("error-io-already-exists"),
        K::IsADirectory => crate::tr!("error-io-is-a-directory"),
        K::NotADirectory => crate::tr!("error-io-not-a-directory"),
        K::StorageFull => crate::tr!("error-io-storage-full"),
        K::ReadOnlyFilesystem => crate::tr!("error-io-read-only"),
        K::InvalidData => crate::tr!("error-io-invalid-data"),
        K::BrokenPipe => crate::tr!("error-io-broken-pipe"),
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => crate::tr!("error-io-os", what = what, code = code),
        None => what,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<io::Error>().map(io::Error::kind);
        // serde_json keeps the io::Error inside its own error type.
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        // The backup's error is transparent: its chain goes on from the
        // serde_json error's own source, past the io::Error it holds.
        let backup = match cause.downcast_ref::<crate::export::json::WriteError>() {
            Some(crate::export::json::WriteError::Write(e)) => e.io_error_kind(),
            _ => None,
        };
        io.or(json).or(backup) == Some(io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    /// Issue 24, item 13: a message that quotes its source printed the
    /// source twice.
    #[test]
    fn an_error_line_repeated_its_cause() {
        #[derive(Debug, thiserror::Error)]
        #[error("{source}")]
        struct Transparentish {
            source: io::Error,
        }
        let denied = || io::Error::from(io::ErrorKind::PermissionDenied);
        let err =
            anyhow::Error::new(Transparentish { source: denied() }).context("opening /tmp/x.db");
        let text = one_line(&err);
        assert_eq!(text, format!("opening /tmp/x.db: {}", denied()));
        // A context that adds something keeps every part, in order.
        let err = Err::<(), _>(denied())
            .context("reading notes/a.md")
            .context("importing notes")
            .unwrap_err();
        assert_eq!(
            one_line(&err),
            format!("importing notes: reading notes/a.md: {}", denied())
        );
    }
}
