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

    /// Found by the round-trip property: `config set max_interval` allows
    /// due dates past year 9999, which export wrote (`+10000-…`, `@…ms`) but
    /// restore refused as not RFC 3339.
    #[test]
    fn times_past_year_9999_restore() {
        for ms in [253_402_300_800_000, i64::MAX, i64::MIN] {
            let data = BackupData {
                sources: vec![crate::store::BackupSource {
                    id: 1,
                    path: "n.md".into(),
                    content_hash: String::new(),
                    parser: 1,
                    imported_at: ms,
                }],
                ..BackupData::default()
            };
            let doc = Document::new(data, 3, Timestamp(0), false);
            let text = String::from_utf8(doc.to_bytes().unwrap()).unwrap();
            assert_eq!(Document::parse(&text, 3).unwrap(), doc, "{text}");
        }
    }

    mod props {
        //! `export --format json` → `restore`, for any data the schema can
        //! hold: the document reads back as written, a restore gives back
        //! exactly those rows, and a restore that fails writes nothing. The
        //! `restore` cargo-fuzz target (FUZZING.md) throws raw bytes at it.

        use std::collections::BTreeMap;

        use proptest::prelude::*;

        use super::super::*;
        use crate::store::{
            BackupCard, BackupDemo, BackupReview, BackupRevision, BackupSession, BackupSource,
            BackupState, Store, migrations,
        };

        /// Any text, newlines, NULs and Hangul included.
        fn text() -> impl Strategy<Value = String> {
            prop_oneof!["(?s).{0,10}", "[가-힣 ]{0,6}"]
        }

        /// Milliseconds, mostly from year 1 to 9999 (what RFC 3339 can
        /// write), sometimes any at all: a due date a huge `max_interval`
        /// put past year 9999 must restore too.
        fn ms() -> impl Strategy<Value = i64> {
            prop_oneof![
                8 => -62_135_596_800_000i64..=253_402_300_799_999,
                1 => any::<i64>(),
            ]
        }

        fn real() -> impl Strategy<Value = f64> {
            prop_oneof![
                proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL,
                Just(0.0)
            ]
        }

        /// Strictly increasing ids, so the lists are in the order a backup lists them.
        fn ids(n: usize) -> impl Strategy<Value = Vec<i64>> {
            proptest::collection::vec(1i64..1000, n).prop_map(|gaps| {
                gaps.iter()
                    .scan(0i64, |id, gap| {
                        *id += gap;
                        Some(*id)
                    })
                    .collect()
            })
        }

        fn state() -> impl Strategy<Value = BackupState> {
            (
                prop_oneof![
                    Just("new"),
                    Just("learning"),
                    Just("review"),
                    Just("relearning")
                ],
                proptest::option::of(ms()),
                (proptest::option::of(real()), proptest::option::of(real())),
                (any::<i64>(), any::<i64>(), any::<i64>()),
                (proptest::option::of(ms()), proptest::option::of(ms())),
            )
                .prop_map(
                    |(
                        state,
                        due,
                        (stability, difficulty),
                        (step, reps, lapses),
                        (last_review, buried_until),
                    )| {
                        BackupState {
                            state: state.into(),
                            due,
                            stability,
                            difficulty,
                            step,
                            reps,
                            lapses,
                            last_review,
                            buried_until,
                        }
                    },
                )
        }

        #[allow(clippy::type_complexity)]
        fn card() -> impl Strategy<Value = (BackupCard, Vec<(BackupRevision, i64)>)> {
            (
                (text(), text(), text(), text()),
                prop_oneof![
                    Just("question"),
                    Just("topic"),
                    Just("qa"),
                    Just("open"),
                    Just("entry")
                ],
                proptest::collection::vec(text(), 0..3),
                (
                    any::<i64>(),
                    any::<bool>(),
                    proptest::option::of(ms()),
                    ms(),
                    ms(),
                ),
                proptest::collection::btree_set(text(), 0..3),
                proptest::collection::vec((text(), text(), any::<bool>()), 0..3),
                state(),
                proptest::collection::vec((text(), text(), ms(), 1i64..5), 0..3),
            )
                .prop_map(
                    |(
                        (deck, key, front, back),
                        kind,
                        heading_path,
                        (line, suspended, missing_since, created_at, updated_at),
                        tags,
                        demos,
                        state,
                        revisions,
                    )| {
                        let card = BackupCard {
                            id: 0,
                            deck,
                            key,
                            front,
                            back,
                            kind: kind.into(),
                            heading_path,
                            section: String::new(),
                            source_id: None,
                            line,
                            suspended,
                            missing_since,
                            created_at,
                            updated_at,
                            tags: tags.into_iter().collect(),
                            demos: demos
                                .into_iter()
                                .map(|(name, args, explicit)| BackupDemo {
                                    name,
                                    args,
                                    explicit,
                                })
                                .collect(),
                            state,
                            revisions: Vec::new(),
                        };
                        let revisions = revisions
                            .into_iter()
                            .map(|(front, back, replaced_at, gap)| {
                                (
                                    BackupRevision {
                                        id: 0,
                                        front,
                                        back,
                                        replaced_at,
                                    },
                                    gap,
                                )
                            })
                            .collect();
                        (card, revisions)
                    },
                )
        }

        /// A whole database's worth of rows that the schema accepts: unique
        /// ids, paths and (deck, key)s, and references that point at rows.
        fn data() -> impl Strategy<Value = BackupData> {
            (0usize..4, 0usize..4, 0usize..6)
                .prop_flat_map(|(n_sources, n_sessions, n_cards)| {
                    (
                        proptest::collection::btree_map("[a-z_]{1,8}", text(), 0..4),
                        ids(n_sources),
                        proptest::collection::vec((text(), text(), any::<i64>(), ms()), n_sources),
                        ids(n_sessions),
                        proptest::collection::vec(
                            (
                                ms(),
                                proptest::option::of(ms()),
                                any::<bool>(),
                                proptest::option::of(text()),
                                proptest::option::of(text()),
                                proptest::array::uniform6(any::<i64>()),
                            ),
                            n_sessions,
                        ),
                        ids(n_cards),
                        proptest::collection::vec(
                            (card(), any::<proptest::sample::Index>()),
                            n_cards,
                        ),
                        proptest::collection::vec(
                            (
                                any::<proptest::sample::Index>(),
                                any::<proptest::sample::Index>(),
                                any::<bool>(),
                                ms(),
                                1i64..=4,
                                text(),
                                (real(), real()),
                                (proptest::option::of(real()), proptest::option::of(real())),
                                any::<i64>(),
                                proptest::option::of(text()),
                            ),
                            if n_cards == 0 { 0..1 } else { 0..8 },
                        ),
                    )
                })
                .prop_map(
                    |(
                        config,
                        source_ids,
                        sources,
                        session_ids,
                        sessions,
                        card_ids,
                        cards,
                        reviews,
                    )| {
                        let sources: Vec<BackupSource> = source_ids
                            .iter()
                            .zip(sources)
                            .enumerate()
                            .map(|(n, (&id, (path, content_hash, parser, imported_at)))| {
                                BackupSource {
                                    id,
                                    // Paths are unique in the schema.
                                    path: format!("{n}/{path}"),
                                    content_hash,
                                    parser,
                                    imported_at,
                                }
                            })
                            .collect();
                        let sessions: Vec<BackupSession> = session_ids
                            .iter()
                            .zip(sessions)
                            .map(
                                |(
                                    &id,
                                    (
                                        started_at,
                                        ended_at,
                                        cram,
                                        deck,
                                        tag,
                                        [seen, again, hard, good, easy, active_ms],
                                    ),
                                )| BackupSession {
                                    id,
                                    started_at,
                                    ended_at,
                                    cram,
                                    deck,
                                    tag,
                                    seen,
                                    again,
                                    hard,
                                    good,
                                    easy,
                                    active_ms,
                                },
                            )
                            .collect();
                        let mut revision_id = 0;
                        let cards: Vec<BackupCard> = card_ids
                            .iter()
                            .zip(cards)
                            .enumerate()
                            .map(|(n, (&id, ((mut card, revisions), source)))| {
                                card.id = id;
                                // (deck, key) is unique in the schema.
                                card.key = format!("{n}{}", card.key);
                                card.source_id = (!sources.is_empty() && source.index(2) == 0)
                                    .then(|| sources[source.index(sources.len())].id);
                                card.revisions = revisions
                                    .into_iter()
                                    .map(|(mut r, gap)| {
                                        revision_id += gap;
                                        r.id = revision_id;
                                        r
                                    })
                                    .collect();
                                card
                            })
                            .collect();
                        let reviews = reviews
                            .into_iter()
                            .enumerate()
                            .filter(|_| !cards.is_empty())
                            .map(
                                |(
                                    n,
                                    (
                                        card,
                                        session,
                                        in_session,
                                        reviewed_at,
                                        rating,
                                        state_before,
                                        (elapsed_days, scheduled_days),
                                        (stability, difficulty),
                                        duration_ms,
                                        answer,
                                    ),
                                )| BackupReview {
                                    id: n as i64 + 1,
                                    card_id: cards[card.index(cards.len())].id,
                                    session_id: (in_session && !sessions.is_empty())
                                        .then(|| sessions[session.index(sessions.len())].id),
                                    reviewed_at,
                                    rating,
                                    state_before,
                                    elapsed_days,
                                    scheduled_days,
                                    stability,
                                    difficulty,
                                    duration_ms,
                                    answer,
                                },
                            )
                            .collect();
                        BackupData {
                            config: config.into_iter().collect::<BTreeMap<_, _>>(),
                            sources,
                            cards,
                            reviews,
                            sessions,
                        }
                    },
                )
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn a_backup_restores_to_the_rows_it_was_made_from(data in data()) {
                let schema = migrations::latest_version();
                let doc = Document::new(data.clone(), schema, Timestamp(0), false);
                let text = String::from_utf8(doc.to_bytes().unwrap()).unwrap();
                let read = Document::parse(&text, schema).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(&read, &doc);
                let mut store = Store::open_in_memory().unwrap();
                store.restore(&read.data).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(store.backup_data().unwrap(), data);
            }

            #[test]
            fn a_restore_that_fails_writes_nothing(data in data(), dangling in 1i64..1000) {
                // A review of a card the backup does not have breaks a foreign key,
                // after every other row has gone in.
                let mut data = data;
                let missing = data.cards.last().map_or(0, |c| c.id) + dangling;
                data.reviews.push(BackupReview {
                    id: data.reviews.last().map_or(0, |r| r.id) + 1,
                    card_id: missing,
                    session_id: None,
                    reviewed_at: 0,
                    rating: 3,
                    state_before: "new".into(),
                    elapsed_days: 0.0,
                    scheduled_days: 0.0,
                    stability: None,
                    difficulty: None,
                    duration_ms: 0,
                    answer: None,
                });
                let mut store = Store::open_in_memory().unwrap();
                prop_assert!(store.restore(&data).is_err());
                prop_assert!(store.is_empty().unwrap());
                prop_assert_eq!(store.backup_data().unwrap(), BackupData::default());
            }
        }
    }
}
