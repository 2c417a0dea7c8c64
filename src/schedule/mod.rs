//! Scheduling: when each card comes back.
//!
//! Memory is FSRS-6 from the `fsrs` crate (stability, difficulty,
//! retrievability, intervals); around it sit Anki's rules: learning and
//! relearning steps, graduation, interval fuzz ([`fuzz`]), leeches and the
//! study day that rolls over at 04:00 local time. Everything here is pure:
//! the current time and the card's state come in, the next state comes out.
//! No clock, no database, no global random numbers.

pub mod config;
pub mod exam;
pub mod fuzz;
pub mod optimize;
pub mod queue;

use std::fmt;
use std::str::FromStr;

use fsrs::{FSRS, MemoryState, NextStates};
use serde::Serialize;

use crate::clock::Timestamp;

const MS_PER_DAY: i64 = 86_400_000;

/// The four answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// The grade's name for people, in the current language (`good`,
    /// `알맞음`); [`Rating::as_str`] is the name in JSON and on the command line.
    pub fn word(self) -> String {
        match self {
            Rating::Again => crate::tr!("schedule-rating-again"),
            Rating::Hard => crate::tr!("schedule-rating-hard"),
            Rating::Good => crate::tr!("schedule-rating-good"),
            Rating::Easy => crate::tr!("schedule-rating-easy"),
        }
    }

    pub fn from_number(n: i64) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| *r as i64 == n)
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r as u8
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rating that is none of `again|hard|good|easy`, their first letters, or `1`–`4`.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("schedule-bad-rating", value = format!("{:?}", .0)))]
pub struct BadRating(pub String);

impl FromStr for Rating {
    type Err = BadRating;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "1" | "again" | "a" => Ok(Rating::Again),
            "2" | "hard" | "h" => Ok(Rating::Hard),
            "3" | "good" | "g" => Ok(Rating::Good),
            "4" | "easy" | "e" => Ok(Rating::Easy),
            _ => Err(BadRating(s.to_string())),
        }
    }
}

/// Where a card is in its life, as Anki names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::New => "new",
            Phase::Learning => "learning",
            Phase::Review => "review",
            Phase::Relearning => "relearning",
        }
    }

    /// The state's name for people, in the current language (`review`,
    /// `복습`); [`Phase::as_str`] is the name in JSON.
    pub fn word(self) -> String {
        match self {
            Phase::New => crate::tr!("schedule-phase-new"),
            Phase::Learning => crate::tr!("schedule-phase-learning"),
            Phase::Review => crate::tr!("schedule-phase-review"),
            Phase::Relearning => crate::tr!("schedule-phase-relearning"),
        }
    }
}

/// A phase name that is not one of the four.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("schedule-bad-phase", value = format!("{:?}", .0)))]
pub struct BadPhase(pub String);

impl FromStr for Phase {
    type Err = BadPhase;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Phase::New,
            Phase::Learning,
            Phase::Review,
            Phase::Relearning,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
        .ok_or_else(|| BadPhase(s.to_string()))
    }
}

/// FSRS memory: stability in days, difficulty in `1..=10`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Memory {
    pub stability: f32,
    pub difficulty: f32,
}

impl From<MemoryState> for Memory {
    fn from(m: MemoryState) -> Self {
        Memory {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

impl From<Memory> for MemoryState {
    fn from(m: Memory) -> Self {
        MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

/// Everything the scheduler knows about one card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardState {
    pub phase: Phase,
    /// When it is next due; `None` for a new card.
    pub due: Option<Timestamp>,
    pub memory: Option<Memory>,
    /// Index into the (re)learning steps while learning.
    pub step: u32,
    pub reps: u32,
    pub lapses: u32,
    pub last_review: Option<Timestamp>,
}

impl Default for CardState {
    fn default() -> Self {
        CardState {
            phase: Phase::New,
            due: None,
            memory: None,
            step: 0,
            reps: 0,
            lapses: 0,
            last_review: None,
        }
    }
}

/// The scheduling settings, with Anki's and FSRS-6's defaults.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// The 21 FSRS-6 parameters.
    pub parameters: Vec<f32>,
    /// The probability of recall to aim for when a card comes back (0.70–0.97).
    pub desired_retention: f32,
    /// The longest interval, in days.
    pub max_interval: u32,
    /// Learning steps in minutes.
    pub learning_steps: Vec<u32>,
    /// Relearning steps in minutes (after Again on a review card).
    pub relearning_steps: Vec<u32>,
    pub fuzz: bool,
    /// Lapses that make a card a leech.
    pub leech_threshold: u32,
    /// Hour of the local day at which a new study day starts.
    pub rollover_hour: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            parameters: fsrs::DEFAULT_PARAMETERS.to_vec(),
            desired_retention: 0.9,
            max_interval: 36_500,
            learning_steps: vec![1, 10],
            relearning_steps: vec![10],
            fuzz: true,
            leech_threshold: 8,
            rollover_hour: 4,
        }
    }
}

/// Settings the scheduler cannot work with.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("{}", crate::tr!("schedule-error-retention", value = .0.to_string()))]
    Retention(f32),
    #[error("{}", crate::tr!("schedule-error-max-interval"))]
    MaxInterval,
    #[error("{}", crate::tr!("schedule-error-rollover", value = .0))]
    Rollover(u32),
    #[error("{}", crate::tr!("schedule-error-parameters", why = .0.as_str()))]
    Parameters(String),
    #[error("{}", crate::tr!("schedule-error-fsrs", why = .0.as_str()))]
    Fsrs(String),
}

/// The outcome of one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub rating: Rating,
    /// The card after the answer.
    pub state: CardState,
    /// Whole study days since the previous review (0 for the first or a same-day review).
    pub elapsed_days: u32,
    /// The time until it is due again, in days (fractions for learning steps).
    pub scheduled_days: f64,
    /// This answer made the card a leech.
    pub leech: bool,
}

/// One row of a what-if simulation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimStep {
    pub elapsed_days: u32,
    pub rating: Rating,
    pub stability: f32,
    pub difficulty: f32,
    /// At the moment of this review (1.0 for the first).
    pub retrievability: f32,
    /// The rounded interval that would follow.
    pub interval_days: u32,
}

/// FSRS plus Anki's rules, for one set of settings and one time zone.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    settings: Settings,
    /// Seconds east of UTC of the user's local time, for the day boundary.
    utc_offset: i64,
}

impl Scheduler {
    pub fn new(settings: Settings, utc_offset_secs: i32) -> Result<Scheduler, ScheduleError> {
        if !(0.70..=0.97).contains(&settings.desired_retention) {
            return Err(ScheduleError::Retention(settings.desired_retention));
        }
        if settings.max_interval < 1 {
            return Err(ScheduleError::MaxInterval);
        }
        if settings.rollover_hour > 23 {
            return Err(ScheduleError::Rollover(settings.rollover_hour));
        }
        let fsrs = FSRS::new(&settings.parameters)
            .map_err(|e| ScheduleError::Parameters(format!("{e:?}")))?;
        Ok(Scheduler {
            fsrs,
            settings,
            utc_offset: i64::from(utc_offset_secs),
        })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The study day `t` falls in: days since the epoch, counted from the rollover hour.
    pub fn study_day(&self, t: Timestamp) -> i64 {
        let shifted =
            t.0 + self.utc_offset * 1000 - i64::from(self.settings.rollover_hour) * 3_600_000;
        shifted.div_euclid(MS_PER_DAY)
    }

    /// When study day `day` begins.
    pub fn day_start(&self, day: i64) -> Timestamp {
        Timestamp(
            day * MS_PER_DAY + i64::from(self.settings.rollover_hour) * 3_600_000
                - self.utc_offset * 1000,
        )
    }

    fn decay(&self) -> f32 {
        self.settings
            .parameters
            .get(20)
            .copied()
            .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY)
    }

    /// Probability of recall at `now`, for a card that has been reviewed.
    pub fn retrievability(&self, card: &CardState, now: Timestamp) -> Option<f32> {
        let memory = card.memory?;
        let last = card.last_review?;
        let days = ((now.0 - last.0).max(0) as f64 / MS_PER_DAY as f64) as f32;
        Some(fsrs::current_retrievability(
            memory.into(),
            days,
            self.decay(),
        ))
    }

    fn next_states(
        &self,
        memory: Option<Memory>,
        elapsed: u32,
    ) -> Result<NextStates, ScheduleError> {
        self.fsrs
            .next_states(
                memory.map(Into::into),
                self.settings.desired_retention,
                elapsed,
            )
            .map_err(|e| ScheduleError::Fsrs(format!("{e:?}")))
    }

    /// What each of the four answers would do, in rating order.
    pub fn preview(
        &self,
        card_id: i64,
        card: &CardState,
        now: Timestamp,
    ) -> Result<[Answer; 4], ScheduleError> {
        Ok([
            self.answer(card_id, card, Rating::Again, now)?,
            self.answer(card_id, card, Rating::Hard, now)?,
            self.answer(card_id, card, Rating::Good, now)?,
            self.answer(card_id, card, Rating::Easy, now)?,
        ])
    }

    /// The card after answering `rating` at `now`.
    pub fn answer(
        &self,
        card_id: i64,
        card: &CardState,
        rating: Rating,
        now: Timestamp,
    ) -> Result<Answer, ScheduleError> {
        let elapsed = match card.last_review {
            Some(last) => (self.study_day(now) - self.study_day(last)).max(0) as u32,
            None => 0,
        };
        let states = self.next_states(card.memory, elapsed)?;
        let memory: Memory = pick(&states, rating).memory.into();
        let reps = card.reps + 1;
        let intervals = Intervals::new(self, &states, card_id, reps);
        let mut next = CardState {
            phase: card.phase,
            due: None,
            memory: Some(memory),
            step: 0,
            reps,
            lapses: card.lapses,
            last_review: Some(now),
        };
        let mut leech = false;
        let plan = match card.phase {
            Phase::New => step_plan(
                Phase::Learning,
                &self.settings.learning_steps,
                0,
                rating,
                &intervals,
            ),
            Phase::Learning => step_plan(
                Phase::Learning,
                &self.settings.learning_steps,
                card.step,
                rating,
                &intervals,
            ),
            Phase::Relearning => step_plan(
                Phase::Relearning,
                &self.settings.relearning_steps,
                card.step,
                rating,
                &intervals,
            ),
            Phase::Review if rating == Rating::Again => {
                next.lapses += 1;
                let t = self.settings.leech_threshold.max(1);
                leech = next.lapses >= t && (next.lapses - t).is_multiple_of((t / 2).max(1));
                match self.settings.relearning_steps.first() {
                    Some(&minutes) => Plan::Step {
                        phase: Phase::Relearning,
                        step: 0,
                        seconds: minutes * 60,
                    },
                    None => Plan::Days(intervals.again),
                }
            }
            Phase::Review => Plan::Days(intervals.get(rating)),
        };
        let scheduled_days = match plan {
            Plan::Step {
                phase,
                step,
                seconds,
            } => {
                next.phase = phase;
                next.step = step;
                next.due = Some(Timestamp(now.0 + i64::from(seconds) * 1000));
                f64::from(seconds) / 86_400.0
            }
            Plan::Days(days) => {
                next.phase = Phase::Review;
                next.due = Some(self.day_start(self.study_day(now) + i64::from(days)));
                f64::from(days)
            }
        };
        Ok(Answer {
            rating,
            state: next,
            elapsed_days: elapsed,
            scheduled_days,
            leech,
        })
    }

    /// Recomputes a card's state from its review log (time and rating of each
    /// answer, oldest first): the log is the truth, the stored state a cache.
    pub fn replay(
        &self,
        card_id: i64,
        log: impl IntoIterator<Item = (Timestamp, Rating)>,
    ) -> Result<CardState, ScheduleError> {
        let mut state = CardState::default();
        for (at, rating) in log {
            state = self.answer(card_id, &state, rating, at)?.state;
        }
        Ok(state)
    }

    /// Pure FSRS from a new card through `reviews` (days since the previous
    /// review, rating): no learning steps, no fuzz. The first item's days are ignored.
    pub fn simulate(&self, reviews: &[(u32, Rating)]) -> Result<Vec<SimStep>, ScheduleError> {
        let mut memory: Option<Memory> = None;
        let mut out = Vec::with_capacity(reviews.len());
        for (n, &(days, rating)) in reviews.iter().enumerate() {
            let days = if n == 0 { 0 } else { days };
            let retrievability = match memory {
                Some(m) => fsrs::current_retrievability(m.into(), days as f32, self.decay()),
                None => 1.0,
            };
            let states = self.next_states(memory, days)?;
            let m: Memory = pick(&states, rating).memory.into();
            let interval = self.fsrs.next_interval(
                Some(m.stability),
                self.settings.desired_retention,
                rating as u32,
            );
            out.push(SimStep {
                elapsed_days: days,
                rating,
                stability: m.stability,
                difficulty: m.difficulty,
                retrievability,
                interval_days: (interval.round() as u32).clamp(1, self.settings.max_interval),
            });
            memory = Some(m);
        }
        Ok(out)
    }
}

/// Anki's step rules: Again → first step; Hard → repeat the step (on the
/// first, the average of the first two: 5.5 minutes for `1m 10m`, to the
/// second as Anki has it); Good → next step or graduate; Easy → graduate.
/// No steps: graduate at once.
fn step_plan(phase: Phase, steps: &[u32], step: u32, rating: Rating, iv: &Intervals) -> Plan {
    let i = (step as usize).min(steps.len().saturating_sub(1));
    if steps.is_empty() {
        return Plan::Days(iv.graduate(rating));
    }
    let seconds = |minutes: u32| minutes.saturating_mul(60);
    match rating {
        Rating::Again => Plan::Step {
            phase,
            step: 0,
            seconds: seconds(steps[0]),
        },
        Rating::Hard => {
            let seconds = match (i, steps.get(1)) {
                (0, Some(&second)) => seconds(steps[0]).saturating_add(seconds(second)) / 2,
                // One step: half as long again, but at most a day more.
                (0, None) => (seconds(steps[0]) / 2 * 3).min(seconds(steps[0]) + 86_400),
                _ => seconds(steps[i]),
            };
            Plan::Step {
                phase,
                step: i as u32,
                seconds,
            }
        }
        Rating::Good if i + 1 < steps.len() => Plan::Step {
            phase,
            step: i as u32 + 1,
            seconds: seconds(steps[i + 1]),
        },
        Rating::Good | Rating::Easy => Plan::Days(iv.graduate(rating)),
    }
}

enum Plan {
    Step {
        phase: Phase,
        step: u32,
        seconds: u32,
    },
    Days(u32),
}

fn pick(states: &NextStates, rating: Rating) -> &fsrs::ItemState {
    match rating {
        Rating::Again => &states.again,
        Rating::Hard => &states.hard,
        Rating::Good => &states.good,
        Rating::Easy => &states.easy,
    }
}

/// The whole-day intervals for each answer, fuzzed. A review card gets
/// Hard < Good < Easy; a card leaving (re)learning is only held to Good < Easy,
/// since Hard keeps it in its steps.
struct Intervals {
    again: u32,
    hard: u32,
    good: u32,
    easy: u32,
    graduate_good: u32,
    graduate_easy: u32,
}

impl Intervals {
    fn new(s: &Scheduler, states: &NextStates, card_id: i64, reps: u32) -> Intervals {
        let max = s.settings.max_interval;
        let factor = s.settings.fuzz.then(|| fuzz::factor(card_id, reps));
        let days = |interval: f32, minimum: u32| match factor {
            Some(f) => fuzz::apply(interval, f, minimum, max),
            None => (interval.round() as u32).clamp(minimum.min(max), max),
        };
        let again = days(states.again.interval, 1);
        let hard = days(states.hard.interval, 1);
        let good = days(states.good.interval.max(hard as f32 + 1.0), hard + 1);
        let easy = days(states.easy.interval.max(good as f32 + 1.0), good + 1);
        let graduate_good = days(states.good.interval, 1);
        let graduate_easy = days(
            states.easy.interval.max(graduate_good as f32 + 1.0),
            graduate_good + 1,
        );
        Intervals {
            again,
            hard,
            good,
            easy,
            graduate_good,
            graduate_easy,
        }
    }

    /// For a review card.
    fn get(&self, rating: Rating) -> u32 {
        match rating {
            Rating::Again => self.again,
            Rating::Hard => self.hard,
            Rating::Good => self.good,
            Rating::Easy => self.easy,
        }
    }

    /// For a card leaving its (re)learning steps.
    fn graduate(&self, rating: Rating) -> u32 {
        match rating {
            Rating::Again => self.again,
            Rating::Hard => self.hard,
            Rating::Good => self.graduate_good,
            Rating::Easy => self.graduate_easy,
        }
    }
}

#[cfg(test)]
mod tests;
