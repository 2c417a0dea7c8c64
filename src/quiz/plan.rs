//! Which cards a session shows: today's queue as the scheduler orders it
//! (what `synack due` counts), or, when cramming, studied cards that are not
//! due, least likely recalled first.

use anyhow::Result;

use super::Plan;
use crate::clock::Timestamp;
use crate::schedule::Scheduler;
use crate::schedule::config::{Config, SessionLimits};
use crate::schedule::queue::{self, Entry, Slot};
use crate::store::{Caps, QueueQuery, Store};

/// Cards to cram when `--limit` does not say.
pub const CRAM_DEFAULT: usize = 50;

/// Which cards a queue is built from.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub deck: Option<String>,
    pub tag: Option<String>,
    /// `--new N` / `--limit N`, replacing the daily limits for one session.
    pub session: SessionLimits,
    /// Studying toward this date (`exam_date`, or `quiz --until`): today's
    /// reviews ordered by predicted recall then, weak ones pulled forward.
    /// Ignored once the date has come: the normal schedule resumes.
    pub until: Option<Timestamp>,
}

/// The study day around `now` and the filters, as the store's queries take them.
pub fn query(sched: &Scheduler, filter: &Filter, now: Timestamp) -> QueueQuery {
    let day = sched.study_day(now);
    QueueQuery {
        now,
        day_start: sched.day_start(day),
        day_end: sched.day_start(day + 1),
        deck: filter.deck.clone(),
        tag: filter.tag.clone(),
    }
}

/// Today's queue, limits applied.
pub fn today(
    store: &Store,
    config: &Config,
    sched: &Scheduler,
    filter: &Filter,
    now: Timestamp,
) -> Result<(Vec<Entry>, QueueQuery)> {
    let q = query(sched, filter, now);
    let allow = config.allowance(&store.answered_today(&q)?, filter.session);
    // Without deck limits the totals bound what is needed, so the store can
    // stop early; with them, cards of a full deck are skipped and more may be.
    let caps = if allow.per_deck.is_empty() {
        Caps {
            reviews: Some(allow.total.reviews),
            new: Some(allow.total.new),
        }
    } else {
        Caps::default()
    };
    if let Some(date) = filter.until.filter(|d| *d > now) {
        let mut c = store.queue_candidates(
            &q,
            Caps {
                new: caps.new,
                reviews: None,
            },
        )?;
        let at_date = |cands: Vec<queue::Candidate>| -> Result<Vec<(queue::Candidate, f32)>> {
            cands
                .into_iter()
                .map(|cand| {
                    let state = store.card_state(cand.0)?.unwrap_or_default();
                    Ok((cand, sched.retrievability(&state, date).unwrap_or(0.0)))
                })
                .collect()
        };
        let due = at_date(std::mem::take(&mut c.reviews))?;
        let ahead = at_date(store.ahead_candidates(&q)?)?;
        let target = queue::TOWARD_TARGET.max(config.settings.desired_retention);
        let reviews = queue::toward_date(&due, &ahead, target);
        return Ok((queue::build(&c.learning, &reviews, &c.new, &allow), q));
    }
    let c = store.queue_candidates(&q, caps)?;
    Ok((queue::build(&c.learning, &c.reviews, &c.new, &allow), q))
}

/// A session plan: today's queue, or cramming.
pub fn plan(
    store: &Store,
    config: &Config,
    sched: Scheduler,
    filter: &Filter,
    cram: bool,
    now: Timestamp,
) -> Result<Plan> {
    let (entries, query) = if cram {
        let q = query(&sched, filter, now);
        let limit = filter.session.reviews.unwrap_or(CRAM_DEFAULT);
        let ids = store.cram_candidates(&q, limit)?;
        let entries = ids
            .into_iter()
            .map(|card_id| Entry {
                card_id,
                slot: Slot::Review,
            })
            .collect();
        (entries, q)
    } else {
        today(store, config, &sched, filter, now)?
    };
    Ok(Plan {
        entries,
        // Overridden by `--new N`, the session has its own count; otherwise
        // the day's limits are read again before each new card, so that
        // sessions side by side share them.
        new_limits: (filter.session.new.is_none() && !cram).then(|| config.clone()),
        scheduler: sched,
        suspend_leeches: config.leech_suspend,
        cram,
        query,
        demo_width: crate::sim::render::DEFAULT_WIDTH,
        interview: false,
    })
}
