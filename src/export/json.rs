//! The JSON backup: every row of the database, ids kept, so that
//! `synack restore` can rebuild it exactly.
//!
//! The document is versioned by `synack_backup` (the layout of this file) and
//! `schema_version` (the database it came from). A backup of a `--deck` or
//! `--tag` selection says `"partial": true`; it can only be merged.

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::store::BackupData;

/// The layout version this build writes and reads.
pub const FORMAT_VERSION: i64 = 1;

/// A backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub synack_backup: i64,
    pub schema_version: i64,
    /// When it was written (RFC 3339); the only field that differs between
    /// two exports of the same database.
    pub exported_at: String,
    /// Only some cards (a `--deck` or `--tag` export).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    #[serde(flatten)]
    pub data: BackupData,
}

impl Document {
    pub fn new(data: BackupData, schema_version: i64, now: Timestamp, partial: bool) -> Self {
        Document {
            synack_backup: FORMAT_VERSION,
            schema_version,
            exported_at: now.to_rfc3339(),
            partial,
            data,
        }
    }

    /// Pretty JSON and a final newline.
    pub fn to_bytes(&self) -> serde_json::Result<Vec<u8>> {
        let mut out = serde_json::to_vec_pretty(self)?;
        out.push(b'\n');
        Ok(out)
    }

    /// Reads a backup, checking its versions before its contents so an old
    /// or foreign file gets a clear reason rather than a missing-field error.
    pub fn parse(text: &str, supported_schema: i64) -> Result<Document, BadBackup> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| BadBackup::NotJson(e.to_string()))?;
        let version = value.get("synack_backup").and_then(|v| v.as_i64());
        match version {
            None => return Err(BadBackup::NotABackup),
            Some(FORMAT_VERSION) => {}
            Some(v) => return Err(BadBackup::Version(v)),
        }
        let schema = value.get("schema_version").and_then(|v| v.as_i64());
        if let Some(found) = schema.filter(|&s| s > supported_schema) {
            return Err(BadBackup::NewerSchema {
                found,
                supported: supported_schema,
            });
        }
        serde_json::from_value(value).map_err(|e| BadBackup::Invalid(e.to_string()))
    }
}

/// Why a file cannot be restored.
#[derive(Debug, thiserror::Error)]
pub enum BadBackup {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("not a synack backup (no \"synack_backup\" field)")]
    NotABackup,
    #[error(
        "backup format version {0} is not one this synack reads ({FORMAT_VERSION}); upgrade synack"
    )]
    Version(i64),
    #[error(
        "backup is from schema version {found}, newer than this synack understands ({supported}); upgrade synack"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("invalid backup: {0}")]
    Invalid(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_it_cannot_read() {
        let bad = |text: &str| Document::parse(text, 3).unwrap_err().to_string();
        assert!(bad("nope").starts_with("not JSON"));
        assert!(bad("{}").starts_with("not a synack backup"));
        assert!(bad(r#"{"synack_backup": 2}"#).contains("version 2"));
        assert!(bad(r#"{"synack_backup": 1, "schema_version": 9}"#).contains("schema version 9"));
        assert!(bad(r#"{"synack_backup": 1, "schema_version": 3}"#).starts_with("invalid backup"));
    }

    #[test]
    fn an_empty_backup_reads_back() {
        let doc = Document::new(BackupData::default(), 3, Timestamp(0), false);
        let text = String::from_utf8(doc.to_bytes().unwrap()).unwrap();
        assert!(text.contains("\"exported_at\": \"1970-01-01T00:00:00.000Z\""));
        assert!(!text.contains("partial"));
        assert_eq!(Document::parse(&text, 3).unwrap(), doc);
    }
}
