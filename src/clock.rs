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

/// An invalid `SYNACK_NOW`.
#[derive(Debug, thiserror::Error)]
#[error(
    "{NOW_VAR}={value:?} is not an RFC 3339 timestamp (e.g. 2026-11-21T09:00:00+09:00): {source}"
)]
pub struct BadNow {
    value: String,
    source: chrono::ParseError,
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
        Ok(value) if !value.trim().is_empty() => match DateTime::parse_from_rfc3339(value.trim()) {
            Ok(t) => Ok(Now {
                at: Timestamp(t.timestamp_millis()),
                utc_offset: t.offset().local_minus_utc(),
                fixed: true,
            }),
            Err(source) => Err(BadNow { value, source }),
        },
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
}
