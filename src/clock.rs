//! The current time, read once at the edge.
//!
//! Every command takes "now" from `SYNACK_NOW` (an RFC 3339 timestamp) when it
//! is set, so tests and users can look at any day; otherwise from the system
//! clock. Code below the CLI receives a [`Timestamp`] and never reads a clock.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

/// The environment variable that replaces the system clock.
pub const NOW_VAR: &str = "SYNACK_NOW";

/// Milliseconds since the Unix epoch, UTC: how every time is stored.
/// Serialized as RFC 3339.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl Timestamp {
    /// Renders as RFC 3339 in UTC with millisecond precision.
    pub fn to_rfc3339(self) -> String {
        match Utc.timestamp_millis_opt(self.0).single() {
            Some(t) => t.to_rfc3339_opts(SecondsFormat::Millis, true),
            None => format!("@{}ms", self.0),
        }
    }

    /// Parses an RFC 3339 timestamp such as `2026-11-21T09:00:00+09:00`.
    pub fn parse_rfc3339(text: &str) -> Result<Self, chrono::ParseError> {
        DateTime::parse_from_rfc3339(text.trim()).map(|t| Timestamp(t.timestamp_millis()))
    }
}

/// An invalid `SYNACK_NOW`: one line naming the value and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum BadNow {
    #[error(
        "{NOW_VAR}={value:?} is not an RFC 3339 timestamp ({reason}); \
         give a date, time and offset such as 2026-11-21T09:00:00+09:00"
    )]
    NotRfc3339 { value: String, reason: String },
    #[error(
        "{NOW_VAR} is not valid UTF-8 ({value:?}); give a timestamp such as 2026-11-21T09:00:00+09:00"
    )]
    NotUnicode { value: String },
}

/// What is wrong with a timestamp, in words a user can act on: chrono's own
/// (`premature end of input`) says nothing about `tomorrow` or a bare date.
fn reason(text: &str, e: chrono::ParseError) -> String {
    use chrono::format::ParseErrorKind;
    let date_only = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok();
    match e.kind() {
        _ if date_only => "a date without a time and offset".to_string(),
        _ if !text.starts_with(|c: char| c.is_ascii_digit()) => {
            "it does not start with a year".to_string()
        }
        ParseErrorKind::OutOfRange => "a field is out of range".to_string(),
        ParseErrorKind::Impossible => "no such date or time".to_string(),
        ParseErrorKind::TooShort => "it ends too early".to_string(),
        ParseErrorKind::TooLong => "something follows the offset".to_string(),
        _ => "it does not read as YYYY-MM-DDTHH:MM:SS+HH:MM".to_string(),
    }
}

/// Parses `SYNACK_NOW`'s value.
fn parse_now(value: &str) -> Result<Now, BadNow> {
    let text = value.trim();
    match DateTime::parse_from_rfc3339(text) {
        Ok(t) => Ok(Now {
            at: Timestamp(t.timestamp_millis()),
            utc_offset: t.offset().local_minus_utc(),
            fixed: true,
        }),
        Err(e) => Err(BadNow::NotRfc3339 {
            value: value.to_string(),
            reason: reason(text, e),
        }),
    }
}

/// "Now", and the local time zone it was read in (for the study day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub at: Timestamp,
    /// Seconds east of UTC: `SYNACK_NOW`'s offset, else the system's local offset.
    pub utc_offset: i32,
    /// Came from `SYNACK_NOW`: time stands still for the whole command.
    pub fixed: bool,
}

/// Reads "now": `SYNACK_NOW` if set and non-empty, else the system clock.
pub fn now_from_env() -> Result<Now, BadNow> {
    match std::env::var(NOW_VAR) {
        Ok(value) if !value.trim().is_empty() => parse_now(&value),
        // Set, but not text: an error, not a silent fall back to the clock.
        Err(std::env::VarError::NotUnicode(raw)) => Err(BadNow::NotUnicode {
            value: raw.to_string_lossy().into_owned(),
        }),
        _ => {
            let local = chrono::Local::now();
            Ok(Now {
                at: Timestamp(local.timestamp_millis()),
                utc_offset: local.offset().local_minus_utc(),
                fixed: false,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips_through_utc() {
        let t = Timestamp::parse_rfc3339("2026-11-21T09:00:00+09:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-21T00:00:00.000Z");
    }

    #[test]
    fn garbage_is_rejected() {
        assert!(Timestamp::parse_rfc3339("tomorrow").is_err());
    }

    /// Issue 24, item 13: `SYNACK_NOW=tomorrow` printed chrono's
    /// `premature end of input` twice and nothing a user could act on.
    #[test]
    fn synack_now_tomorrow_said_premature_end_of_input() {
        for (value, why) in [
            ("tomorrow", "it does not start with a year"),
            ("2026-11-21", "a date without a time and offset"),
            ("2026-11-21T09:00:00", "it ends too early"),
            ("2026-13-01T09:00:00Z", "a field is out of range"),
        ] {
            let err = parse_now(value).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(why), "{value}: {text}");
            assert!(text.contains(&format!("{value:?}")), "{text}");
            assert!(!text.contains("premature"), "{text}");
            assert!(
                std::error::Error::source(&err).is_none(),
                "no cause to repeat"
            );
        }
        assert_eq!(
            parse_now(" 2026-11-21T09:00:00+09:00 ").unwrap().utc_offset,
            9 * 3600
        );
    }
}
