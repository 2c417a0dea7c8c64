//! The study deck: the imported corpus with a review log of ten reviews per
//! card (1M for 100k cards) and matching card states, built once and cached
//! under `target/bench/`; and the in-process figures measured on it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use rusqlite::{Connection, params};
use synack::clock::Timestamp;
use synack::quiz::plan::{self, Filter};
use synack::schedule::config::Config;
use synack::schedule::{Rating, Scheduler};
use synack::store::{ReviewInput, Store};

use crate::{Figure, Size, corpus};

const DAY_MS: i64 = 86_400_000;
/// Korea, as `NOW` says.
const UTC_OFFSET: i32 = 9 * 3600;

/// Bumped whenever the review log below changes, so a cached study
/// database from an older harness is rebuilt.
const STUDY_VERSION: u32 = 2;

/// Reviews in the log: ten per card.
pub fn reviews_for(size: Size) -> usize {
    size.cards() * 10
}

/// The cached study database for `size`, built if missing.
pub fn ensure(root: &Path, corpus_dir: &Path, size: Size, now: &str) -> PathBuf {
    let path = root.join(format!(
        "study-{}-g{}-s{STUDY_VERSION}-v{}.db",
        size.label(),
        corpus::GENERATOR_VERSION,
        // Built at the current schema, so no measurement includes a migration.
        synack::store::migrations::latest_version()
    ));
    if path.exists() {
        return path;
    }
    let t = Instant::now();
    let building = path.with_extension("building");
    crate::remove_db(&building);
    let now = Timestamp::parse_rfc3339(now).expect("NOW");
    {
        let mut store = Store::open(&building).expect("create the study database");
        let notes = synack::import::files::collect(&[corpus_dir.to_path_buf()], false)
            .expect("read the corpus");
        synack::import::import(&mut store, notes, now).expect("import the corpus");
    }
    let mut conn = Connection::open(&building).expect("open the study database");
    add_review_log(&mut conn, size, now.0);
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;")
        .expect("checkpoint");
    drop(conn);
    std::fs::rename(&building, &path).expect("keep the study database");
    eprintln!(
        "  built the study database ({} reviews) in {:.1} s",
        reviews_for(size),
        t.elapsed().as_secs_f64()
    );
    path
}

/// Benchmark fixture data written straight into the tables, in one
/// transaction: one card in ten stays new; the others get 11 or 12 reviews
/// spread over the past year, so the log holds exactly ten per card. Most
/// are in review, due from a few days ago to four months ahead; one in a
/// thousand is learning, due this morning; a hundred were answered today.
fn add_review_log(conn: &mut Connection, size: Size, now: i64) {
    let cards = size.cards() as i64;
    let mut rng = ChaCha8Rng::seed_from_u64(0x5ee0_0001);
    let tx = conn.transaction().expect("transaction");
    {
        let mut review = tx
            .prepare(
                "INSERT INTO reviews (card_id, reviewed_at, rating, state_before, elapsed_days,
                                      scheduled_days, stability, difficulty, duration_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .expect("prepare");
        let mut state = tx
            .prepare(
                // A card never answered has no state row.
                "INSERT INTO card_state (card_id, state, due, stability, difficulty, reps,
                                         lapses, last_review)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .expect("prepare");
        let reviewed = cards - cards / 10;
        // Every reviewed card gets `base` reviews, the first `extra` one more.
        let total = cards * 10;
        let base = total / reviewed;
        let extra = total - base * reviewed;
        let mut nth_reviewed = 0;
        let mut written = 0;
        for id in 1..=cards {
            if id % 10 == 0 {
                continue;
            }
            let n = base + i64::from(nth_reviewed < extra);
            nth_reviewed += 1;
            let mut t = now - 365 * DAY_MS + (rng.next_u32() % 30) as i64 * DAY_MS;
            let mut stability = 1.0_f64;
            let difficulty = 3.0 + f64::from(rng.next_u32() % 50) / 10.0;
            let mut lapses = 0;
            for k in 0..n {
                let rating = if rng.next_u32() % 8 == 0 { 1 } else { 3 };
                lapses += i64::from(rating == 1 && k > 0);
                let gap = 1 + i64::from(rng.next_u32() % 25);
                review
                    .execute(params![
                        id,
                        t,
                        rating,
                        if k == 0 { "new" } else { "review" },
                        if k == 0 { 0.0 } else { gap as f64 },
                        gap as f64,
                        stability,
                        difficulty,
                        3000 + i64::from(rng.next_u32() % 20_000),
                    ])
                    .expect("insert review");
                written += 1;
                stability *= if rating == 1 { 0.5 } else { 1.8 };
                t += gap * DAY_MS;
            }
            let last = t.min(now - DAY_MS);
            let (phase, due) = if id % 1000 == 1 {
                ("learning", now - 3_600_000)
            } else {
                let days = i64::from(rng.next_u32() % 125) - 5;
                ("review", now + days * DAY_MS)
            };
            state
                .execute(params![
                    id,
                    phase,
                    due,
                    stability.min(3650.0),
                    difficulty,
                    n,
                    lapses,
                    last
                ])
                .expect("insert card state");
        }
        // Answered this morning: today's counts and buried siblings.
        let mut today = tx
            .prepare("UPDATE reviews SET reviewed_at = ?2 WHERE id = ?1")
            .expect("prepare");
        for k in 0..100 {
            let id = 1 + i64::from(rng.next_u32()) % written;
            today
                .execute(params![id, now - 3_600_000 - k * 60_000])
                .expect("move a review to today");
        }
        assert_eq!(written, total, "the log should hold ten reviews per card");
    }
    tx.commit().expect("commit the review log");
}

fn open(db: &Path) -> (Store, Config, Scheduler) {
    let store = Store::open(db).expect("open the study database");
    let pairs = store.config_pairs().expect("config");
    let config = Config::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .expect("valid config");
    let sched = Scheduler::new(config.settings.clone(), UTC_OFFSET).expect("scheduler");
    (store, config, sched)
}

/// Builds today's queue `runs` times (after one warm-up); returns the
/// figure and the queue's length.
pub fn queue_build(db: &Path, now: &str, runs: usize) -> (Figure, usize) {
    let now = Timestamp::parse_rfc3339(now).expect("NOW");
    let (store, config, sched) = open(db);
    let filter = Filter::default();
    let (first, _) = plan::today(&store, &config, &sched, &filter, now).expect("queue");
    assert!(
        !first.is_empty(),
        "the study deck should have cards due today"
    );
    let samples = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let (entries, _) = plan::today(&store, &config, &sched, &filter, now).expect("queue");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(entries.len(), first.len(), "the queue should not change");
            ms
        })
        .collect();
    (Figure::from_samples(samples), first.len())
}

/// Answers `runs` different cards "good", one committed transaction each,
/// as the quiz does.
pub fn record_answers(db: &Path, now: &str, runs: usize) -> Figure {
    let now = Timestamp::parse_rfc3339(now).expect("NOW");
    let (mut store, _, sched) = open(db);
    let session = store
        .start_session(now, false, None, None)
        .expect("start a session");
    let input = ReviewInput {
        duration_ms: 4000,
        typed: Some("SYN, SYN-ACK, ACK".into()),
        session_id: Some(session),
        suspend_leech: false,
    };
    let cards = store
        .decks()
        .expect("decks")
        .iter()
        .map(|d| d.cards)
        .sum::<i64>();
    let samples = (0..runs as i64)
        .map(|i| {
            let id = 1 + (i * 7919) % cards;
            let t = Instant::now();
            store
                .answer_with::<anyhow::Error>(id, now, &input, |before| {
                    Ok(sched.answer(id, before, Rating::Good, now)?)
                })
                .expect("record an answer");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    Figure::from_samples(samples)
}
