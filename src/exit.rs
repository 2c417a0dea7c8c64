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
            let message = format!("{err:#}");
            let _ = writeln!(
                io::stderr(),
                "synack: error: {}",
                crate::render::visible(&message)
            );
            ExitCode::from(code)
        }
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
