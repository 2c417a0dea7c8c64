//! Command lines in the chosen language: every clap parser in synack (the
//! top-level `Cli` and each demo's options) goes through [`parse_from`],
//! which lays clap's own frame (headings, the help flag, defaults, error
//! messages) over the help texts the parsers take from the catalog.
//!
//! The frame's words come from `locales/*/clap.ftl` in both languages, so
//! English and Korean take the same path: clap's `Usage:` heading, its
//! `[default: X]` and `[possible values: …]` are hidden and written from the
//! catalog instead, and its error messages are rendered again from their
//! [`ErrorKind`] and context ([`error_line`]).

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory, FromArgMatches};

use crate::exit::{HelpShown, UsageError};

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
///
/// The command is built first (clap adds `-h/--help`, `-V/--version` and
/// the `help` subcommand then), so that those can be given their text too.
pub fn frame(mut cmd: clap::Command) -> clap::Command {
    cmd.build();
    let words = Words::new();
    frame_built(cmd, &words)
}

/// The frame's words, looked up once for a whole tree of commands.
struct Words {
    template: String,
    commands: String,
    arguments: String,
    options: String,
    help_short: String,
    help_long: String,
    help_plain: String,
    version: String,
    help_subcommand: String,
    help_subcommand_arg: String,
    possible_values: String,
}

impl Words {
    fn new() -> Words {
        // The layout of clap's default template, with the usage heading ours.
        let template = format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            crate::tr!("clap-usage-heading")
        );
        Words {
            template,
            commands: crate::tr!("clap-heading-commands"),
            arguments: crate::tr!("clap-heading-arguments"),
            options: crate::tr!("clap-heading-options"),
            help_short: crate::tr!("clap-help-flag-short"),
            help_long: crate::tr!("clap-help-flag-long"),
            help_plain: crate::tr!("clap-help-flag"),
            version: crate::tr!("clap-version-flag"),
            help_subcommand: crate::tr!("clap-help-subcommand"),
            help_subcommand_arg: crate::tr!("clap-help-subcommand-arg"),
            possible_values: crate::tr!("clap-possible-values-heading"),
        }
    }
}

// Built, the command maps each flag to its argument's place in the list:
// only the mutators that keep that order (`mut_args`, `mut_subcommands`) are
// used, never `mut_arg`, which moves the argument to the end.
fn frame_built(cmd: clap::Command, words: &Words) -> clap::Command {
    cmd.help_template(words.template.clone())
        .subcommand_help_heading(words.commands.clone())
        .mut_args(|a| frame_arg(a, words))
        .mut_subcommands(|s| {
            // `help` holds a copy of the tree (`synack help help`): framed too.
            let s = if s.get_name() == "help" {
                s.about(words.help_subcommand.clone()).mut_args(|a| {
                    if a.get_id() == "subcommand" {
                        a.help(words.help_subcommand_arg.clone())
                    } else {
                        a
                    }
                })
            } else {
                s
            };
            frame_built(s, words)
        })
}

fn frame_arg(a: Arg, words: &Words) -> Arg {
    match a.get_id().as_str() {
        "help" if matches!(a.get_action(), clap::ArgAction::Help) => {
            let a = a.help_heading(words.options.clone());
            return if a.get_long_help().is_some() {
                a.help(words.help_short.clone())
                    .long_help(words.help_long.clone())
            } else {
                a.help(words.help_plain.clone())
            };
        }
        "version" if matches!(a.get_action(), clap::ArgAction::Version) => {
            return a
                .help_heading(words.options.clone())
                .help(words.version.clone());
        }
        _ => {}
    }
    let heading = if a.is_positional() {
        &words.arguments
    } else {
        &words.options
    };
    let a = if a.get_help_heading().is_none() {
        a.help_heading(heading.clone())
    } else {
        a
    };
    let mut tail = String::new();
    let mut long_tail = String::new();
    if a.get_action().takes_values()
        && !a.is_hide_default_value_set()
        && !a.get_default_values().is_empty()
    {
        let values: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let _ = write!(
            tail,
            " {}",
            crate::tr!("clap-default", value = values.join(", "))
        );
        long_tail.clone_from(&tail);
    }
    let values: Vec<_> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let mut long_list = String::new();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let _ = write!(
            tail,
            " {}",
            crate::tr!("clap-possible-values", list = names.join(", "))
        );
        // With a help text per value, the long help lists them instead.
        if values.iter().all(|v| v.get_help().is_none()) {
            long_tail.push_str(&tail[long_tail.len()..]);
        } else {
            let _ = write!(long_list, "\n\n{}", words.possible_values);
            for v in &values {
                match v.get_help() {
                    Some(h) => {
                        let _ = write!(long_list, "\n- {}: {h}", v.get_name());
                    }
                    None => {
                        let _ = write!(long_list, "\n- {}", v.get_name());
                    }
                }
            }
        }
    }
    if tail.is_empty() {
        return a;
    }
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let long = a.get_long_help().map(ToString::to_string);
    let mut a = a
        .hide_default_value(true)
        .hide_possible_values(true)
        .help(format!("{help}{tail}"));
    if long.is_some() || !long_list.is_empty() {
        let long = long.unwrap_or(help);
        a = a.long_help(format!("{long}{long_tail}{long_list}"));
    }
    a
}

/// A clap error as synack reports it: `--help` and `--version` are
/// [`HelpShown`] (printed to stdout, exit 0), anything else a [`UsageError`]
/// of one line in the current language (exit 2).
pub fn error(e: clap::Error) -> anyhow::Error {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            HelpShown(e.render().to_string()).into()
        }
        _ => UsageError(error_line(&e)).into(),
    }
}

fn context_string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn quoted_list(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(format!("'{s}'")),
        ContextValue::Strings(v) if !v.is_empty() => Some(
            v.iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// What a clap error says, on one line in the current language, with
/// clap's tip (a similar argument, subcommand or value) after it.
pub fn error_line(e: &clap::Error) -> String {
    use ContextKind as K;
    // A message the program wrote itself (`Error::raw`, a demo's check of
    // its options) has no context to render from: it is already in the
    // current language, and is taken as it is.
    if e.context().next().is_none() {
        let text = e.to_string();
        let first = text.lines().next().unwrap_or_default();
        return first.strip_prefix("error: ").unwrap_or(first).to_string();
    }
    let arg = context_string(e, K::InvalidArg).unwrap_or_default();
    let value = context_string(e, K::InvalidValue).unwrap_or_default();
    let mut line = match e.kind() {
        ErrorKind::UnknownArgument => crate::tr!("clap-unknown-argument", arg = arg.as_str()),
        ErrorKind::InvalidSubcommand => crate::tr!(
            "clap-invalid-subcommand",
            name = context_string(e, K::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            crate::tr!("clap-value-required", arg = arg.as_str())
        }
        ErrorKind::InvalidValue => {
            let mut line = crate::tr!(
                "clap-invalid-value",
                value = value.as_str(),
                arg = arg.as_str()
            );
            if let Some(list) = context_string(e, K::ValidValue).filter(|l| !l.is_empty()) {
                let _ = write!(line, " {}", crate::tr!("clap-possible-values", list = list));
            }
            line
        }
        ErrorKind::ValueValidation => {
            let mut line = crate::tr!(
                "clap-invalid-value",
                value = value.as_str(),
                arg = arg.as_str()
            );
            if let Some(source) = std::error::Error::source(e) {
                let _ = write!(line, ": {}", source_text(source));
            }
            line
        }
        ErrorKind::MissingRequiredArgument => crate::tr!(
            "clap-missing-required",
            list = context_string(e, K::InvalidArg).unwrap_or_default()
        ),
        ErrorKind::MissingSubcommand => {
            let mut line = crate::tr!(
                "clap-missing-subcommand",
                name = context_string(e, K::InvalidSubcommand).unwrap_or_default()
            );
            if let Some(list) = context_string(e, K::ValidSubcommand) {
                let _ = write!(line, " {}", crate::tr!("clap-subcommands", list = list));
            }
            line
        }
        ErrorKind::ArgumentConflict => {
            let prior = e.get(K::PriorArg);
            let subject = context_string(e, K::InvalidArg)
                .or_else(|| context_string(e, K::InvalidSubcommand))
                .unwrap_or_default();
            match prior {
                Some(ContextValue::String(p)) if *p == subject => {
                    crate::tr!("clap-used-twice", arg = subject)
                }
                Some(ContextValue::String(_)) | Some(ContextValue::Strings(_)) => crate::tr!(
                    "clap-conflict",
                    arg = subject,
                    other = quoted_list(e, K::PriorArg).unwrap_or_default()
                ),
                _ => crate::tr!("clap-conflict-other", arg = subject),
            }
        }
        ErrorKind::NoEquals => crate::tr!("clap-no-equals", arg = arg.as_str()),
        ErrorKind::TooManyValues => crate::tr!(
            "clap-too-many-values",
            value = value.as_str(),
            arg = arg.as_str()
        ),
        ErrorKind::TooFewValues => crate::tr!(
            "clap-too-few-values",
            arg = arg.as_str(),
            min = number(e, K::MinValues).unwrap_or(0) as f64,
            actual = number(e, K::ActualNumValues).unwrap_or(0) as f64
        ),
        ErrorKind::WrongNumberOfValues => crate::tr!(
            "clap-wrong-number-of-values",
            arg = arg.as_str(),
            expected = number(e, K::ExpectedNumValues).unwrap_or(0) as f64,
            actual = number(e, K::ActualNumValues).unwrap_or(0) as f64
        ),
        ErrorKind::InvalidUtf8 => crate::tr!("clap-invalid-utf8"),
        // A message the program wrote itself (`Error::raw`), or an I/O error.
        _ => match std::error::Error::source(e) {
            Some(source) => source_text(source),
            None => crate::tr!("clap-bad-command-line"),
        },
    };
    for (kind, id) in [
        (K::SuggestedSubcommand, "subcommand"),
        (K::SuggestedArg, "argument"),
        (K::SuggestedValue, "value"),
    ] {
        let Some(list) = quoted_list(e, kind) else {
            continue;
        };
        let tip = match id {
            "subcommand" => crate::tr!("clap-tip-similar-subcommand", list = list),
            "argument" => crate::tr!("clap-tip-similar-argument", list = list),
            _ => crate::tr!("clap-tip-similar-value", list = list),
        };
        let _ = write!(line, " ({tip})");
    }
    // clap's other tip, for an unknown argument that looks like a flag but
    // may be meant as a value.
    if e.kind() == ErrorKind::UnknownArgument
        && e.get(K::Suggested).is_some()
        && e.get(K::SuggestedArg).is_none()
    {
        let _ = write!(
            line,
            " ({})",
            crate::tr!("clap-tip-as-value", arg = arg.as_str())
        );
    }
    line
}

/// The text of a value parser's error. Rust's own number parsers and
/// clap's range check write English; those are said again from the
/// catalog. A parser of synack's writes in the current language already.
fn source_text(source: &(dyn std::error::Error + 'static)) -> String {
    use std::num::IntErrorKind;
    if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
        return match e.kind() {
            IntErrorKind::Empty => crate::tr!("clap-number-empty"),
            IntErrorKind::PosOverflow => crate::tr!("clap-number-too-large"),
            IntErrorKind::NegOverflow => crate::tr!("clap-number-too-small"),
            _ => crate::tr!("clap-number-not-integer"),
        };
    }
    if source.downcast_ref::<std::num::ParseFloatError>().is_some() {
        return crate::tr!("clap-number-not-number");
    }
    let text = source.to_string();
    // clap's ranged integer parser: "5 is not in 20..=65535".
    if let Some((number, range)) = text.split_once(" is not in ")
        && number.trim().parse::<i128>().is_ok()
    {
        return crate::tr!("clap-number-out-of-range", range = range.trim());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};
    use clap::Command;

    /// Every command, every argument and every possible value of `cmd`:
    /// its help is there, in `lang`.
    fn walk(cmd: &Command, path: &str, lang: Lang, seen: &mut usize) {
        let name = format!("{path} {}", cmd.get_name());
        if cmd.get_name() != "synack" {
            let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
            assert!(!about.trim().is_empty(), "{lang:?}: {name} has no about");
        }
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(
                !help.trim().is_empty(),
                "{lang:?}: {name} {} has no help",
                arg.get_id()
            );
            check_language(lang, &format!("{name} {}", arg.get_id()), &help);
            for value in arg.get_possible_values() {
                if let Some(h) = value.get_help() {
                    check_language(
                        lang,
                        &format!("{name} {}", value.get_name()),
                        &h.to_string(),
                    );
                }
            }
            *seen += 1;
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &name, lang, seen);
        }
    }

    fn check_language(lang: Lang, what: &str, text: &str) {
        match lang {
            Lang::Ko => assert!(
                crate::i18n::english_sentence(text).is_none(),
                "{what}: English in Korean help: {text:?}"
            ),
            Lang::En => assert!(
                !text.chars().any(crate::i18n::is_hangul),
                "{what}: Korean in English help: {text:?}"
            ),
        }
    }

    #[test]
    fn every_command_argument_and_value_has_help_in_both_languages() {
        for lang in Lang::ALL {
            with_lang(lang, || {
                let cmd = frame(crate::cli::Cli::command());
                let mut seen = 0;
                walk(&cmd, "", lang, &mut seen);
                assert!(seen > 60, "only {seen} arguments walked");
                // Every demo's own options too.
                for demo in crate::sim::DEMOS {
                    let err = match crate::sim::run(&[demo.name.to_string(), "--help".into()]) {
                        Err(crate::sim::SimError::Args(e)) => e,
                        _ => panic!("{}: --help did not stop the demo", demo.name),
                    };
                    assert_eq!(err.kind(), ErrorKind::DisplayHelp, "{}", demo.name);
                }
            });
        }
    }

    #[test]
    fn korean_help_has_the_frame_in_korean() {
        with_lang(Lang::Ko, || {
            let mut cmd = frame(crate::cli::Cli::command());
            let help = cmd.render_help().to_string();
            assert!(help.contains("사용법: synack"), "{help}");
            assert!(help.contains("명령:"), "{help}");
            assert!(help.contains("옵션:"), "{help}");
            assert!(help.contains("도움말"), "{help}");
            assert!(!help.contains("[default:"), "{help}");
            assert!(help.contains("[기본값: auto]"), "{help}");
            assert!(help.contains("[가능한 값: auto, always, never]"), "{help}");
            assert!(
                !help.contains("Usage:") && !help.contains("Options:"),
                "{help}"
            );
            assert!(!help.contains("Print this message"), "{help}");
        });
        with_lang(Lang::En, || {
            let mut cmd = frame(crate::cli::Cli::command());
            let help = cmd.render_help().to_string();
            assert!(help.contains("Usage: synack"), "{help}");
            assert!(help.contains("[default: auto]"), "{help}");
            assert!(help.contains("Print help"), "{help}");
        });
    }

    fn parse_error(lang: Lang, argv: &[&str]) -> String {
        with_lang(lang, || {
            match parse_from::<crate::cli::Cli, _, _>(argv.iter().copied()) {
                Ok(_) => panic!("{argv:?} parsed"),
                Err(e) => {
                    assert_eq!(e.exit_code(), 2, "{argv:?}");
                    error_line(&e)
                }
            }
        })
    }

    #[test]
    fn clap_errors_are_one_line_in_the_chosen_language() {
        let cases: &[(&[&str], &str, &str)] = &[
            (
                &["synack", "cards", "--nope"],
                "unexpected argument '--nope' found",
                "알 수 없는 인자 '--nope'",
            ),
            (
                &["synack", "cards", "--dek", "x"],
                "tip: a similar argument exists: '--deck'",
                "비슷한 인자: '--deck'",
            ),
            (
                &["synack", "qiuz"],
                "tip: a similar subcommand exists: 'quiz'",
                "비슷한 명령: 'quiz'",
            ),
            (
                &["synack", "cards", "--format", "xml"],
                "invalid value 'xml' for '--format <FORMAT>' [possible values: text, json]",
                "[가능한 값: text, json]",
            ),
            (
                &["synack", "cards", "--deck"],
                "a value is required for '--deck <DECK>' but none was supplied",
                "'--deck <DECK>'에 값이 필요합니다",
            ),
            (
                &["synack", "show", "abc"],
                "invalid value 'abc' for '<CARD_ID>': not an integer",
                "정수가 아닙니다",
            ),
            (
                &["synack", "--width", "5", "cards"],
                "not in the range 20..=65535",
                "20..=65535 범위",
            ),
            (
                &["synack", "answer"],
                "the following required arguments were not provided: <CARD_ID>",
                "필수 인자가 없습니다: <CARD_ID>",
            ),
        ];
        for (argv, en, ko) in cases {
            let line = parse_error(Lang::En, argv);
            assert!(line.contains(en), "{argv:?}: {line}");
            assert!(!line.contains('\n'), "{argv:?}: {line}");
            let line = parse_error(Lang::Ko, argv);
            assert!(line.contains(ko), "{argv:?}: {line}");
            assert!(!line.contains('\n'), "{argv:?}: {line}");
            assert!(
                crate::i18n::english_sentence(&line).is_none(),
                "{argv:?}: {line}"
            );
        }
    }
}
