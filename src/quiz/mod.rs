//! The quiz session as a state machine: [`Session::apply`] takes one input
//! (a line typed at the answer or grade prompt, Ctrl-C, or end of input) and
//! returns the [`Event`]s to show. It reads and writes cards through the
//! [`Store`] it is handed, but never touches the terminal or the clock: the
//! caller passes the time in a [`Tick`], and renders the events as text or
//! JSON (see `cli::quiz`, the thin rustyline adapter).
//!
//! Every grade is committed (state and log in one transaction) before the
//! next card is shown, so stopping at any point loses nothing.

pub mod interview;
pub mod plan;
pub mod recall;

use std::collections::{HashSet, VecDeque};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::clock::Timestamp;
use crate::schedule::config::{Config, SessionLimits};
use crate::schedule::queue::{Entry, Slot};
use crate::schedule::{Answer, CardState, Phase, Rating, Scheduler};
use crate::sim::DemoLink;
use crate::store::{CardRow, QueueQuery, Recorded, ReviewInput, Store};
use recall::RecallHint;

/// Learning cards due within this long are shown early once nothing else is
/// left, as Anki's learn-ahead limit does.
pub const LEARN_AHEAD_MS: i64 = 20 * 60_000;

/// Time spent on one card counts up to this, as Anki caps answer time, so a
/// card left on screen during a break does not distort the session's time.
pub const MAX_ANSWER_MS: i64 = 60_000;

/// The commands accepted at either prompt, for `:help` and tab completion.
pub const COMMANDS: &[&str] = &[
    ":demo", ":show", ":skip", ":bury", ":suspend", ":undo", ":edit", ":stats", ":help", ":quit",
];

/// What a command of [`COMMANDS`] does, in the current language.
pub fn command_about(command: &str) -> String {
    match command {
        ":demo" => crate::tr!("quiz-cmd-demo"),
        ":show" => crate::tr!("quiz-cmd-show"),
        ":skip" => crate::tr!("quiz-cmd-skip"),
        ":bury" => crate::tr!("quiz-cmd-bury"),
        ":suspend" => crate::tr!("quiz-cmd-suspend"),
        ":undo" => crate::tr!("quiz-cmd-undo"),
        ":edit" => crate::tr!("quiz-cmd-edit"),
        ":stats" => crate::tr!("quiz-cmd-stats"),
        ":help" => crate::tr!("quiz-cmd-help"),
        ":quit" => crate::tr!("quiz-cmd-quit"),
        _ => String::new(),
    }
}

/// One input from the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A line typed at the prompt (without its newline).
    Line(String),
    /// Ctrl-C.
    Interrupt,
    /// Ctrl-D, or the end of scripted input.
    Eof,
}

/// The time an input arrives: `now` for scheduling (`SYNACK_NOW` or the
/// clock), and a monotonic millisecond count for time spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub now: Timestamp,
    pub mono_ms: i64,
}

/// Which prompt the session waits at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Prompt {
    /// Type an answer (or nothing) to reveal the back.
    Answer,
    /// Grade 1–4.
    Grade,
    /// Interview mode: mark the key points covered (`1 3`, `all`, `none`).
    Points,
    /// Interview mode: a `follow-up:` question was asked aloud; could the
    /// learner answer it (`y`, `n`; Enter is yes)?
    #[serde(rename = "follow-up")]
    FollowUp,
}

/// What the session shows, in order. Serialized, one per line, by
/// `synack quiz --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Event {
    Card(CardShown),
    Reveal(Reveal),
    /// Interview mode: the points marked covered and the grade they propose.
    Covered(interview::Covered),
    Grade(Graded),
    /// Interview mode: a `follow-up:` question of the card just graded.
    #[serde(rename = "follow-up")]
    FollowUp(FollowUp),
    /// Interview mode: whether the learner could answer the follow-up question.
    #[serde(rename = "follow-up-answer")]
    FollowUpAnswer(FollowUpAnswer),
    Command(CommandDone),
    Summary(Summary),
}

/// Remaining cards by kind, the current one included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub new: usize,
    pub learn: usize,
    pub due: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardShown {
    pub card_id: i64,
    /// 1-based position in the session, and the total as it stands now.
    pub index: usize,
    pub total: usize,
    pub counts: Counts,
    pub slot: Slot,
    pub deck: String,
    /// Deck and headings: `네트워크 › TCP › 3-way handshake`.
    pub path: String,
    pub front: String,
    pub demos: usize,
    /// Interview mode: a follow-up (a card under the heading of the card
    /// just graded) asked although it is not due; see [`interview`].
    pub ahead: bool,
    /// An exercise card: the template and the parameters this review drew
    /// (the front is the question they make).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise: Option<ExerciseShown>,
}

/// What an exercise card asks at this review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExerciseShown {
    pub template: &'static str,
    pub seed: u64,
    pub params: serde_json::Value,
}

/// Past this long on screen, a right answer proposes Hard rather than Good.
pub const SLOW_ANSWER_MS: i64 = 30_000;

/// One grade button: what it would do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub rating: Rating,
    pub label: &'static str,
    /// `<10m` inside a learning step, `4d` for a review interval.
    pub interval: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reveal {
    pub card_id: i64,
    /// The reference answer, Markdown.
    pub back: String,
    pub typed: Option<String>,
    pub recall: Option<RecallHint>,
    pub choices: Vec<Choice>,
    /// Cramming: grades do not change the schedule.
    pub cram: bool,
    /// Another session answered the card since it was shown; `choices`
    /// are from the state it left.
    pub answered_elsewhere: bool,
    /// An exercise card: the model's verdict on the typed answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise: Option<crate::exercise::Checked>,
    /// The grade the verdict proposes (Enter takes it): Again when wrong,
    /// Good when right, Hard when right but slow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed: Option<Rating>,
    /// Interview mode: the timer and the key points to mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interview: Option<interview::Checklist>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graded {
    pub card_id: i64,
    pub rating: Rating,
    pub state: &'static str,
    /// RFC 3339; `None` only for a card never scheduled (cramming a new card).
    pub due: Option<String>,
    pub interval: String,
    pub leech: bool,
    pub cram: bool,
    /// Given by Enter (or space) at the grade prompt, which means Good.
    pub by_enter: bool,
}

/// A follow-up question to answer aloud (not a card: not graded, not
/// scheduled). `n` of `of` for the card it follows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub card_id: i64,
    pub question: String,
    pub n: usize,
    pub of: usize,
}

/// The learner's word on a follow-up question: answered or not. Kept for
/// the session's summary only, not written anywhere.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpAnswer {
    pub card_id: i64,
    pub question: String,
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommandDone {
    pub command: String,
    pub ok: bool,
    /// What to show: a message, or a demo's output.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub session_id: i64,
    pub seen: usize,
    pub reviewed: usize,
    /// Grades by rating, again to easy.
    pub ratings: [usize; 4],
    /// Share of grades that were Again, 0.0–1.0 (0 with no grades: see `reviewed`).
    pub again_rate: f64,
    /// Cards that left their learning steps for the review state in this
    /// session, never having been there before: learned, not just introduced.
    pub new_learned: usize,
    pub seconds: f64,
    /// When the session ended (RFC 3339).
    pub ended_at: String,
    /// When the next card (not new) is due (RFC 3339): the session's end
    /// when one already is, never a time already past; `None` when none will be.
    pub next_due: Option<String>,
    /// Cards of this session's queue not dealt with (the one on screen included).
    pub left: usize,
    pub cram: bool,
    /// Interview mode: `follow-up:` questions asked, and those the learner
    /// said they could answer.
    pub follow_ups_asked: usize,
    pub follow_ups_answered: usize,
}

/// What a session is made of.
#[derive(Debug, Clone)]
pub struct Plan {
    pub entries: Vec<Entry>,
    /// The daily limits to check each new card against before showing it
    /// (`None` when `--new` replaced them or when cramming).
    pub new_limits: Option<Config>,
    pub scheduler: Scheduler,
    pub suspend_leeches: bool,
    /// Grades leave the schedule alone.
    pub cram: bool,
    /// The study day and filters the queue came from (for the summary's next due).
    pub query: QueueQuery,
    /// The width `:demo` draws a demo at (the screen's, less the margin
    /// the quiz prints messages with).
    pub demo_width: usize,
    /// Interview mode: a checklist of key points after the reveal, and
    /// follow-up questions (children, `follow-up:` lines) after the grade.
    pub interview: bool,
}

/// A card on screen.
#[derive(Debug, Clone)]
struct Current {
    card: CardRow,
    demos: Vec<DemoLink>,
    slot: Slot,
    state: CardState,
    shown_ms: i64,
    /// What was typed at the answer prompt, once revealed.
    typed: Option<String>,
    revealed: bool,
    /// An exercise card's question for this review.
    exercise: Option<crate::exercise::Generated>,
    /// The grade its verdict proposed, once revealed.
    proposed: Option<Rating>,
    /// Interview mode, once revealed: the checklist, until its points are marked.
    checklist: Option<interview::Checklist>,
    /// Interview mode: the back's `follow-up:` questions, asked after the grade.
    follow_ups: Vec<String>,
}

/// A grade that `:undo` can take back.
#[derive(Debug, Clone)]
struct Undo {
    card_id: i64,
    slot: Slot,
    rating: Rating,
    duration_ms: i64,
    /// `None` when cramming (nothing was written but the tally).
    written: Option<(CardState, Recorded)>,
    /// The grade took the card out of its first learning steps.
    graduated: bool,
    /// It was a follow-up asked ahead of its due time.
    ahead: bool,
}

/// A quiz session in progress.
#[derive(Debug)]
pub struct Session {
    id: i64,
    plan: Plan,
    queue: VecDeque<Entry>,
    /// Cards in a learning step, waiting for their due time today.
    learning: Vec<(Timestamp, i64)>,
    current: Option<Current>,
    undo: Vec<Undo>,
    seen: usize,
    ratings: [usize; 4],
    new_learned: usize,
    active_ms: i64,
    finished: bool,
    /// Set by `:edit`; the caller runs the editor, re-imports, and calls
    /// [`Session::edited`].
    edit_request: Option<EditRequest>,
    /// The newest review when the session started: a card answered after
    /// it by another session is not shown here.
    start_review: i64,
    /// Said once that another session used up the day's new cards.
    said_new_limit: bool,
    /// Interview mode: follow-up cards in the queue that were not due
    /// (pulled in under their parent), until graded.
    ahead: HashSet<i64>,
    /// Cards graded in this session: not asked again as follow-ups.
    graded: HashSet<i64>,
    /// Interview mode: the `follow-up:` questions of the card just graded,
    /// the one asked now first.
    spoken: VecDeque<FollowUp>,
    /// Whether the first of `spoken` waits for its answer.
    spoken_open: bool,
    follow_ups_asked: usize,
    follow_ups_answered: usize,
}

/// The note to open for `:edit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    /// The card whose note it is: the editor opens only the note the card
    /// was imported from, as the store says right before.
    pub card_id: i64,
    pub path: String,
    pub line: u32,
}

impl Session {
    /// Opens the session record and shows the first card.
    pub fn start(store: &mut Store, plan: Plan, tick: Tick) -> Result<(Session, Vec<Event>)> {
        let id = store.start_session(
            tick.now,
            plan.cram,
            plan.query.deck.as_deref(),
            plan.query.tag.as_deref(),
        )?;
        let start_review = store.last_review_id()?;
        let mut session = Session {
            id,
            start_review,
            said_new_limit: false,
            ahead: HashSet::new(),
            graded: HashSet::new(),
            spoken: VecDeque::new(),
            spoken_open: false,
            follow_ups_asked: 0,
            follow_ups_answered: 0,
            queue: plan.entries.iter().copied().collect(),
            plan,
            learning: Vec::new(),
            current: None,
            undo: Vec::new(),
            seen: 0,
            ratings: [0; 4],
            new_learned: 0,
            active_ms: 0,
            finished: false,
            edit_request: None,
        };
        let events = session.advance(store, tick)?;
        Ok((session, events))
    }

    /// The session record's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The prompt to show next; `None` once the session has ended.
    pub fn prompt(&self) -> Option<Prompt> {
        match &self.current {
            _ if self.finished => None,
            _ if self.spoken_open => Some(Prompt::FollowUp),
            Some(c) if c.checklist.is_some() => Some(Prompt::Points),
            Some(c) if c.revealed => Some(Prompt::Grade),
            Some(_) => Some(Prompt::Answer),
            None => None,
        }
    }

    /// The grade Enter gives at the grade prompt: the one the verdict or
    /// the points covered proposed, else Good.
    pub fn enter_rating(&self) -> Rating {
        self.current
            .as_ref()
            .and_then(|c| c.proposed)
            .unwrap_or(Rating::Good)
    }

    /// The card on screen, if any.
    pub fn current_card(&self) -> Option<&CardRow> {
        self.current.as_ref().map(|c| &c.card)
    }

    /// Takes the pending `:edit` request, if the last input made one.
    pub fn take_edit_request(&mut self) -> Option<EditRequest> {
        self.edit_request.take()
    }

    /// Applies one input.
    pub fn apply(&mut self, store: &mut Store, input: Input, tick: Tick) -> Result<Vec<Event>> {
        if self.finished {
            return Ok(Vec::new());
        }
        match input {
            Input::Interrupt | Input::Eof => self.finish(store, tick),
            Input::Line(line) => {
                let line = line.trim();
                if let Some(command) = line.strip_prefix(':') {
                    return self.command(store, command, tick);
                }
                match self.prompt() {
                    Some(Prompt::Answer) => Ok(self.reveal(store, line, tick)?),
                    Some(Prompt::Points) => Ok(self.mark(line)),
                    Some(Prompt::FollowUp) => self.answer_spoken(store, line, tick),
                    // Enter (or space) takes the grade an exercise's verdict
                    // proposed, else Good, as in Anki.
                    Some(Prompt::Grade) if line.is_empty() => {
                        let rating = self
                            .current
                            .as_ref()
                            .and_then(|c| c.proposed)
                            .unwrap_or(Rating::Good);
                        let mut events = self.grade(store, rating, tick)?;
                        for e in &mut events {
                            if let Event::Grade(g) = e {
                                g.by_enter = true;
                            }
                        }
                        Ok(events)
                    }
                    Some(Prompt::Grade) => match parse_rating(line) {
                        Some(rating) => self.grade(store, rating, tick),
                        None => Ok(vec![message(
                            "grade",
                            false,
                            crate::tr!("quiz-not-a-grade", line = format!("{line:?}")),
                        )]),
                    },
                    None => Ok(Vec::new()),
                }
            }
        }
    }

    /// Called after the caller ran the editor and re-imported the note: shows
    /// the current card again as it now reads.
    pub fn edited(&mut self, store: &mut Store, outcome: &str, tick: Tick) -> Result<Vec<Event>> {
        let mut events = vec![message("edit", true, outcome.to_string())];
        if let Some(cur) = self.current.take() {
            self.queue.push_front(Entry {
                card_id: cur.card.id,
                slot: cur.slot,
            });
            events.extend(self.advance(store, tick)?);
        }
        Ok(events)
    }

    fn reveal(&mut self, store: &Store, typed: &str, tick: Tick) -> Result<Vec<Event>> {
        let Some(cur) = self.current.as_mut() else {
            return Ok(Vec::new());
        };
        // Another quiz on this database may have answered the card while it
        // was on screen here: the preview must come from the state it left.
        let now_state = store.card_state(cur.card.id)?;
        let answered_elsewhere = !self.plan.cram && now_state.as_ref() != Some(&cur.state);
        if answered_elsewhere && let Some(state) = now_state {
            cur.state = state;
        }
        cur.revealed = true;
        cur.typed = (!typed.is_empty()).then(|| typed.to_string());
        let checked = cur
            .exercise
            .as_ref()
            .map(|g| g.check(cur.typed.as_deref().unwrap_or_default()));
        let proposed = checked.as_ref().map(|c| {
            if !c.correct {
                Rating::Again
            } else if tick.mono_ms - cur.shown_ms > SLOW_ANSWER_MS {
                Rating::Hard
            } else {
                Rating::Good
            }
        });
        cur.proposed = proposed;
        let checklist = (self.plan.interview && checked.is_none()).then(|| interview::Checklist {
            seconds: ((tick.mono_ms - cur.shown_ms).max(0) / 1000) as u64,
            points: interview::key_points(&cur.card.back),
            follow_ups: interview::follow_ups(&cur.card.back),
        });
        // Nothing to tick off: straight to the grade.
        cur.checklist = checklist.clone().filter(|c| !c.points.is_empty());
        cur.follow_ups = checklist
            .as_ref()
            .map(|c| c.follow_ups.clone())
            .unwrap_or_default();
        let recall = match &checked {
            Some(_) => None,
            None => cur
                .typed
                .as_deref()
                .and_then(|t| recall::hint(&cur.card.front, &cur.card.back, t)),
        };
        let back = match &checked {
            Some(c) => format!("**{}**\n\n{}", c.expected, c.explanation),
            None => cur.card.back.clone(),
        };
        let choices = if self.plan.cram {
            Rating::ALL
                .iter()
                .map(|&rating| Choice {
                    rating,
                    label: rating.as_str(),
                    interval: "-".into(),
                })
                .collect()
        } else {
            let options = self
                .plan
                .scheduler
                .preview(cur.card.id, &cur.state, tick.now)?;
            options
                .iter()
                .map(|a| Choice {
                    rating: a.rating,
                    label: a.rating.as_str(),
                    interval: interval_label(a),
                })
                .collect()
        };
        Ok(vec![Event::Reveal(Reveal {
            card_id: cur.card.id,
            back,
            typed: cur.typed.clone(),
            recall,
            choices,
            cram: self.plan.cram,
            answered_elsewhere,
            exercise: checked,
            proposed,
            interview: checklist,
        })])
    }

    /// Interview mode: the points the learner covered, and the grade
    /// their share proposes.
    fn mark(&mut self, line: &str) -> Vec<Event> {
        let Some(cur) = self.current.as_mut() else {
            return Vec::new();
        };
        let Some(list) = &cur.checklist else {
            return Vec::new();
        };
        let total = list.points.len();
        match interview::parse_marks(line, total) {
            Ok(covered) => {
                let proposed = interview::propose(covered.len(), total);
                cur.proposed = Some(proposed);
                // The follow-ups stay for after the grade.
                cur.checklist = None;
                vec![Event::Covered(interview::Covered {
                    card_id: cur.card.id,
                    share: covered.len() as f64 / total as f64,
                    covered,
                    total,
                    proposed,
                })]
            }
            Err(why) => vec![message("points", false, why)],
        }
    }

    fn grade(&mut self, store: &mut Store, rating: Rating, tick: Tick) -> Result<Vec<Event>> {
        let Some(cur) = self.current.take() else {
            return Ok(Vec::new());
        };
        let duration_ms = (tick.mono_ms - cur.shown_ms).clamp(0, MAX_ANSWER_MS);
        let card_id = cur.card.id;
        let event = if self.plan.cram {
            if let Err(e) = store.tally_session(self.id, Some(rating), 1, duration_ms) {
                self.current = Some(cur);
                return Ok(vec![not_saved(&e.into())]);
            }
            if rating == Rating::Again {
                // Missed while cramming: see it again before the session ends.
                self.queue.push_back(Entry {
                    card_id,
                    slot: cur.slot,
                });
            }
            self.undo.push(Undo {
                card_id,
                slot: cur.slot,
                rating,
                duration_ms,
                written: None,
                graduated: false,
                ahead: false,
            });
            Graded {
                card_id,
                rating,
                state: cur.state.phase.as_str(),
                due: cur.state.due.map(|t| t.to_rfc3339()),
                interval: "-".into(),
                leech: false,
                cram: true,
                by_enter: false,
            }
        } else {
            let input = ReviewInput {
                duration_ms,
                typed: cur.typed.clone(),
                session_id: Some(self.id),
                suspend_leech: self.plan.suspend_leeches,
            };
            let scheduler = &self.plan.scheduler;
            let shown = &cur.state;
            let result = store.answer_with(card_id, tick.now, &input, |before| {
                // Answered by another session since the preview: saving would
                // grade it twice, from a state this grade was not given for.
                if before != shown {
                    return Err(anyhow::Error::new(AnsweredElsewhere));
                }
                scheduler
                    .answer(card_id, before, rating, tick.now)
                    .map_err(anyhow::Error::from)
            });
            let (before, answer, recorded) = match result {
                Ok(done) => done,
                Err(e) if e.is::<AnsweredElsewhere>() => {
                    let mut events = vec![message(
                        "grade",
                        false,
                        crate::tr!(
                            "quiz-answered-elsewhere",
                            id = card_id,
                            rating = rating.word()
                        ),
                    )];
                    events.extend(self.advance(store, tick)?);
                    return Ok(events);
                }
                Err(e) => {
                    // Not saved: keep the card on screen so the grade can be retried.
                    self.current = Some(cur);
                    return Ok(vec![not_saved(&e)]);
                }
            };
            let s = &answer.state;
            if matches!(s.phase, Phase::Learning | Phase::Relearning)
                && let Some(due) = s.due
                && due < self.plan.query.day_end
                && !(answer.leech && self.plan.suspend_leeches)
            {
                self.learning.push((due, card_id));
            }
            // Learned: out of the (first) learning steps into review. A
            // card only introduced is still learning; relearning is a lapse.
            let graduated =
                matches!(before.phase, Phase::New | Phase::Learning) && s.phase == Phase::Review;
            if graduated {
                self.new_learned += 1;
            }
            self.undo.push(Undo {
                card_id,
                slot: cur.slot,
                rating,
                duration_ms,
                written: Some((before, recorded)),
                graduated,
                ahead: self.ahead.remove(&card_id),
            });
            Graded {
                card_id,
                rating,
                state: s.phase.as_str(),
                due: s.due.map(|t| t.to_rfc3339()),
                interval: interval_label(&answer),
                leech: answer.leech,
                cram: false,
                by_enter: false,
            }
        };
        self.seen += 1;
        self.ratings[rating as usize - 1] += 1;
        self.active_ms += duration_ms;
        self.graded.insert(card_id);
        let mut events = vec![Event::Grade(event)];
        if self.plan.interview {
            self.children_next(store, &cur.card, tick.now)?;
            let of = cur.follow_ups.len();
            self.spoken = (cur.follow_ups.iter().enumerate())
                .map(|(i, q)| FollowUp {
                    card_id,
                    question: q.clone(),
                    n: i + 1,
                    of,
                })
                .collect();
            if let Some(first) = self.ask_spoken() {
                events.push(first);
                return Ok(events);
            }
        }
        events.extend(self.advance(store, tick)?);
        Ok(events)
    }

    /// Interview mode: asks the next `follow-up:` question, if any is left.
    fn ask_spoken(&mut self) -> Option<Event> {
        let q = self.spoken.front()?.clone();
        self.spoken_open = true;
        self.follow_ups_asked += 1;
        Some(Event::FollowUp(q))
    }

    /// Interview mode: the learner's word on the follow-up question asked,
    /// then the next one, or the next card.
    fn answer_spoken(&mut self, store: &mut Store, line: &str, tick: Tick) -> Result<Vec<Event>> {
        let Some(answered) = interview::parse_yes_no(line) else {
            return Ok(vec![message(
                "follow-up",
                false,
                crate::tr!("quiz-spoken-yes-no"),
            )]);
        };
        self.spoken_open = false;
        let Some(q) = self.spoken.pop_front() else {
            return self.advance(store, tick);
        };
        self.follow_ups_answered += usize::from(answered);
        let mut events = vec![Event::FollowUpAnswer(FollowUpAnswer {
            card_id: q.card_id,
            question: q.question,
            answered,
        })];
        match self.ask_spoken() {
            Some(next) => events.push(next),
            None => events.extend(self.advance(store, tick)?),
        }
        Ok(events)
    }

    /// Interview mode: the cards under `card`'s heading (same note, a
    /// longer heading path starting with its own) come next, in note order,
    /// as an interviewer's follow-ups: those in this session's queue keep
    /// their place in line; those not due are pulled in ([`Session::ahead`]).
    /// Cards graded in this session, waiting for a learning step, suspended
    /// or buried are left out.
    fn children_next(&mut self, store: &Store, card: &CardRow, now: Timestamp) -> Result<()> {
        let children: Vec<CardRow> = store
            .note_cards_studyable(card.id, now)?
            .into_iter()
            .filter(|c| {
                c.heading_path.len() > card.heading_path.len()
                    && c.heading_path.starts_with(&card.heading_path)
                    && !self.graded.contains(&c.id)
                    && !self.learning.iter().any(|(_, id)| *id == c.id)
            })
            .collect();
        if children.is_empty() {
            return Ok(());
        }
        let ids: HashSet<i64> = children.iter().map(|c| c.id).collect();
        let mut queued = std::collections::HashMap::new();
        self.queue.retain(|e| {
            if ids.contains(&e.card_id) {
                queued.insert(e.card_id, *e);
                false
            } else {
                true
            }
        });
        for child in children.iter().rev() {
            let entry = match queued.get(&child.id) {
                Some(e) => *e,
                None => {
                    self.ahead.insert(child.id);
                    let state = store.card_state(child.id)?.unwrap_or_default();
                    Entry {
                        card_id: child.id,
                        slot: match state.phase {
                            Phase::New => Slot::New,
                            Phase::Learning | Phase::Relearning => Slot::Learning,
                            Phase::Review => Slot::Review,
                        },
                    }
                }
            };
            self.queue.push_front(entry);
        }
        Ok(())
    }

    fn command(&mut self, store: &mut Store, command: &str, tick: Tick) -> Result<Vec<Event>> {
        let (name, arg) = command
            .trim()
            .split_once(char::is_whitespace)
            .map_or((command.trim(), ""), |(n, a)| (n, a.trim()));
        let name = name.to_lowercase();
        let full = COMMANDS
            .iter()
            .map(|c| &c[1..])
            .find(|c| *c == name || (name.len() == 1 && c.starts_with(&name)));
        let Some(full) = full else {
            return Ok(vec![message(
                &name,
                false,
                crate::tr!("quiz-not-a-command", name = name.as_str()),
            )]);
        };
        match full {
            "quit" => self.finish(store, tick),
            "help" => {
                let rows: Vec<(String, String)> = COMMANDS
                    .iter()
                    .map(|c| (c.to_string(), command_about(c)))
                    .chain([(crate::tr!("quiz-help-grades"), grade_help())])
                    .collect();
                let w = rows
                    .iter()
                    .map(|(c, _)| crate::render::width::width(c))
                    .max()
                    .unwrap_or(0)
                    .max(9);
                let text = rows
                    .iter()
                    .map(|(c, about)| format!("{} {about}\n", crate::render::width::pad(c, w)))
                    .collect::<String>();
                Ok(vec![message("help", true, text)])
            }
            "stats" => Ok(vec![self.stats()]),
            "undo" => self.undo(store, tick),
            _ if self.current.is_none() => {
                Ok(vec![message(full, false, crate::tr!("quiz-no-card"))])
            }
            "show" => Ok(vec![self.show(tick)]),
            "demo" => Ok(vec![self.demo(arg)]),
            "edit" => Ok(vec![self.edit()]),
            "skip" | "bury" | "suspend" => self.set_aside(store, full, tick),
            _ => unreachable!("every command in COMMANDS has an arm"),
        }
    }

    fn set_aside(&mut self, store: &mut Store, how: &str, tick: Tick) -> Result<Vec<Event>> {
        let Some(cur) = self.current.take() else {
            return Ok(Vec::new());
        };
        let id = cur.card.id;
        let result = match how {
            "bury" => store.bury(id, self.plan.query.day_end),
            "suspend" => store.set_suspended(id, true),
            _ => Ok(()),
        }
        .and_then(|()| store.tally_session(self.id, None, 1, 0));
        if let Err(e) = result {
            self.current = Some(cur);
            return Ok(vec![not_saved(&e.into())]);
        }
        self.seen += 1;
        let text = match how {
            "bury" => crate::tr!("quiz-buried", id = id),
            "suspend" => crate::tr!("quiz-suspended", id = id),
            _ if self.ahead.contains(&id) => crate::tr!("quiz-skipped-ahead", id = id),
            _ => crate::tr!("quiz-skipped", id = id),
        };
        let mut events = vec![message(how, true, text)];
        events.extend(self.advance(store, tick)?);
        Ok(events)
    }

    fn undo(&mut self, store: &mut Store, tick: Tick) -> Result<Vec<Event>> {
        let Some(last) = self.undo.pop() else {
            return Ok(vec![message(
                "undo",
                false,
                crate::tr!("quiz-nothing-to-undo"),
            )]);
        };
        let restored = match &last.written {
            Some((before, recorded)) => store.undo_answer(
                last.card_id,
                before,
                recorded,
                Some((self.id, last.rating, last.duration_ms)),
            ),
            None => store.tally_session(self.id, Some(last.rating), -1, last.duration_ms),
        };
        if let Err(e) = restored {
            self.undo.push(last);
            return Ok(vec![not_saved(&e.into())]);
        }
        self.learning.retain(|(_, id)| *id != last.card_id);
        self.graded.remove(&last.card_id);
        if last.ahead {
            self.ahead.insert(last.card_id);
        }
        // The grade's follow-up questions are asked again after the next one.
        self.spoken.clear();
        self.spoken_open = false;
        if self.plan.cram && last.rating == Rating::Again {
            // Take back the extra showing the Again queued.
            if let Some(pos) = self.queue.iter().rposition(|e| e.card_id == last.card_id) {
                self.queue.remove(pos);
            }
        }
        self.seen -= 1;
        self.ratings[last.rating as usize - 1] -= 1;
        if last.graduated {
            self.new_learned -= 1;
        }
        self.active_ms -= last.duration_ms;
        if let Some(cur) = self.current.take() {
            self.queue.push_front(Entry {
                card_id: cur.card.id,
                slot: cur.slot,
            });
        }
        self.queue.push_front(Entry {
            card_id: last.card_id,
            slot: last.slot,
        });
        let mut events = vec![message(
            "undo",
            true,
            crate::tr!(
                "quiz-undone",
                rating = last.rating.word(),
                id = last.card_id
            ),
        )];
        events.extend(self.advance(store, tick)?);
        Ok(events)
    }

    fn show(&self, tick: Tick) -> Event {
        let Some(cur) = &self.current else {
            return message("show", false, crate::tr!("quiz-no-card"));
        };
        let c = &cur.card;
        let s = &cur.state;
        // One line each: a newline in a deck, path or tag is shown, not kept.
        let shown = crate::render::visible;
        let mut text = format!("#{} · {} · {}\n", c.id, c.kind, shown(&c.deck));
        if let Some(source) = &c.source {
            let place = format!("{}:{}", shown(source), c.line);
            text += &crate::tr!("quiz-show-source", place = place);
            text.push('\n');
        }
        if !c.tags.is_empty() {
            let tags = shown(&c.tags.join(", ")).into_owned();
            text += &crate::tr!("quiz-show-tags", tags = tags);
            text.push('\n');
        }
        text += &crate::tr!(
            "quiz-show-state",
            state = s.phase.word(),
            reps = s.reps,
            lapses = s.lapses
        );
        text.push('\n');
        if let Some(due) = s.due {
            text += &crate::tr!("quiz-show-due", due = due.to_rfc3339());
            text.push('\n');
        }
        if let Some(m) = s.memory {
            let r = self.plan.scheduler.retrievability(s, tick.now);
            text += &crate::tr!(
                "quiz-show-memory",
                stability = format!("{:.2}", m.stability),
                difficulty = format!("{:.2}", m.difficulty),
                recall = r.map_or("-".to_string(), |r| format!("{:.0}%", r * 100.0))
            );
            text.push('\n');
        }
        for (i, d) in cur.demos.iter().enumerate() {
            text += &crate::tr!("quiz-show-demo", n = i + 1, label = d.label());
            text.push('\n');
        }
        message("show", true, text)
    }

    fn demo(&self, arg: &str) -> Event {
        let Some(cur) = &self.current else {
            return message("demo", false, crate::tr!("quiz-no-card"));
        };
        // An exercise's demo is the one run with exactly its parameters.
        if let Some(g) = &cur.exercise {
            if !arg.is_empty() && arg != "1" {
                return message(
                    "demo",
                    false,
                    crate::tr!("quiz-demo-one", arg = format!("{arg:?}")),
                );
            }
            return match crate::sim::run(&g.solved.demo) {
                Ok(run) => message("demo", true, run.report.text(self.plan.demo_width)),
                Err(e) => message(
                    "demo",
                    false,
                    format!("demo {}: {e}", g.solved.demo.join(" ")),
                ),
            };
        }
        if cur.demos.is_empty() {
            return message("demo", false, crate::tr!("quiz-demo-none"));
        }
        let n = if arg.is_empty() {
            if cur.demos.len() > 1 {
                let list: String = cur
                    .demos
                    .iter()
                    .enumerate()
                    .map(|(i, d)| format!("  :demo {}  {}\n", i + 1, d.label()))
                    .collect();
                return message(
                    "demo",
                    true,
                    format!("{}\n{list}", crate::tr!("quiz-demo-several")),
                );
            }
            1
        } else {
            match arg.parse::<usize>() {
                Ok(n) if (1..=cur.demos.len()).contains(&n) => n,
                _ => {
                    return message(
                        "demo",
                        false,
                        crate::tr!(
                            "quiz-demo-pick",
                            arg = format!("{arg:?}"),
                            count = cur.demos.len()
                        ),
                    );
                }
            }
        };
        let link = &cur.demos[n - 1];
        match crate::sim::run(&link.argv()) {
            Ok(run) => message("demo", true, run.report.text(self.plan.demo_width)),
            Err(e) => message("demo", false, format!("demo {}: {e}", link.label())),
        }
    }

    fn edit(&mut self) -> Event {
        let Some(cur) = &self.current else {
            return message("edit", false, crate::tr!("quiz-no-card"));
        };
        match &cur.card.source {
            Some(path) if !path.starts_with(crate::deck::shipped::SOURCE_PREFIX) => {
                // An import records a note by its absolute path; anything
                // else (a restored backup's) is not a file this card came from.
                let note = std::path::Path::new(path);
                if !note.is_absolute() || !crate::import::files::has_note_extension(note) {
                    return message(
                        "edit",
                        false,
                        crate::tr!("quiz-edit-not-a-note", path = format!("{path:?}")),
                    );
                }
                self.edit_request = Some(EditRequest {
                    card_id: cur.card.id,
                    path: path.clone(),
                    line: cur.card.line,
                });
                let shown = crate::render::visible(path);
                message(
                    "edit",
                    true,
                    crate::tr!(
                        "quiz-edit-opening",
                        path = shown.into_owned(),
                        line = cur.card.line
                    ),
                )
            }
            _ => message("edit", false, crate::tr!("quiz-edit-shipped")),
        }
    }

    fn stats(&self) -> Event {
        let counts = self.counts();
        let graded: usize = self.ratings.iter().sum();
        let text = format!(
            "{}\n{}\n",
            crate::tr!(
                "quiz-stats-session",
                seen = self.seen,
                graded = graded,
                again = self.ratings[0],
                hard = self.ratings[1],
                good = self.ratings[2],
                easy = self.ratings[3],
                learned = self.new_learned,
                time = minutes(self.active_ms)
            ),
            crate::tr!(
                "quiz-stats-left",
                new = counts.new,
                learn = counts.learn,
                due = counts.due
            )
        );
        message("stats", true, text)
    }

    /// Remaining cards by kind, the current one included.
    fn counts(&self) -> Counts {
        let mut c = Counts {
            learn: self.learning.len(),
            ..Counts::default()
        };
        let current = self.current.as_ref().map(|cur| cur.slot);
        for slot in self.queue.iter().map(|e| e.slot).chain(current) {
            match slot {
                Slot::New => c.new += 1,
                Slot::Learning => c.learn += 1,
                Slot::Review => c.due += 1,
            }
        }
        c
    }

    /// Whether the day's limits still allow a new card of `deck`, counting
    /// the new cards every session introduced today.
    fn new_card_allowed(&self, store: &Store, deck: &str, now: Timestamp) -> Result<bool> {
        let Some(config) = &self.plan.new_limits else {
            return Ok(true);
        };
        let mut q = self.plan.query.clone();
        q.now = now;
        let allow = config.allowance(&store.answered_today(&q)?, SessionLimits::default());
        Ok(allow.total.new > 0 && allow.per_deck.get(deck).is_none_or(|r| r.new > 0))
    }

    /// Shows the next card, or ends the session when none is left.
    fn advance(&mut self, store: &mut Store, tick: Tick) -> Result<Vec<Event>> {
        let mut said = Vec::new();
        while let Some(entry) = self.next_entry(tick.now) {
            let Some(card) = store.card(entry.card_id)? else {
                continue;
            };
            if card.is_suspended() {
                continue;
            }
            // Another quiz on this database took it since this one began.
            if !self.plan.cram && store.answered_elsewhere(card.id, self.start_review, self.id)? {
                continue;
            }
            // A follow-up is asked whatever today's new-card limit says: the
            // learner asked for it by answering its parent.
            let ahead = self.ahead.contains(&card.id);
            if entry.slot == Slot::New
                && !ahead
                && !self.new_card_allowed(store, &card.deck, tick.now)?
            {
                if !self.said_new_limit {
                    self.said_new_limit = true;
                    said.push(message("new", true, crate::tr!("quiz-new-limit")));
                }
                continue;
            }
            let state = store
                .card_state(card.id)?
                .with_context(|| crate::tr!("quiz-no-state", id = card.id))?;
            let demos = card
                .demos
                .iter()
                .map(|d| DemoLink {
                    name: d.name.clone(),
                    args: d.args.clone(),
                })
                .collect();
            let mut path = vec![card.deck.clone()];
            path.extend(card.heading_path.iter().cloned());
            path.dedup();
            // A question heading is the front itself; the place is above it.
            if path.len() > 1 && path.last() == Some(&card.front) {
                path.pop();
            }
            let exercise = exercise_for(&card, &state);
            self.current = Some(Current {
                card,
                demos,
                slot: entry.slot,
                state,
                shown_ms: tick.mono_ms,
                typed: None,
                revealed: false,
                exercise,
                proposed: None,
                checklist: None,
                follow_ups: Vec::new(),
            });
            let cur = self.current.as_ref().expect("just set");
            let counts = self.counts();
            let index = self.seen + 1;
            let total = self.seen + counts.new + counts.learn + counts.due;
            said.push(Event::Card(CardShown {
                card_id: cur.card.id,
                index,
                total,
                counts,
                slot: cur.slot,
                deck: cur.card.deck.clone(),
                path: path.join(" › "),
                front: cur
                    .exercise
                    .as_ref()
                    .map_or_else(|| cur.card.front.clone(), |g| g.question.clone()),
                demos: if cur.exercise.is_some() {
                    1
                } else {
                    cur.demos.len()
                },
                ahead,
                exercise: cur.exercise.as_ref().map(|g| ExerciseShown {
                    template: g.template,
                    seed: g.seed,
                    params: g.params.clone(),
                }),
            }));
            return Ok(said);
        }
        said.extend(self.finish(store, tick)?);
        Ok(said)
    }

    /// Learning cards that are due come first; then the queue; then, with
    /// nothing else left, learning cards due within the learn-ahead limit.
    fn next_entry(&mut self, now: Timestamp) -> Option<Entry> {
        self.learning.sort();
        let learning = |s: &mut Self| {
            let (_, card_id) = s.learning.remove(0);
            Some(Entry {
                card_id,
                slot: Slot::Learning,
            })
        };
        match self.learning.first() {
            Some((due, _)) if *due <= now => learning(self),
            _ => match self.queue.pop_front() {
                Some(e) => Some(e),
                None => match self.learning.first() {
                    Some((due, _)) if due.0 <= now.0 + LEARN_AHEAD_MS => learning(self),
                    _ => None,
                },
            },
        }
    }

    fn finish(&mut self, store: &mut Store, tick: Tick) -> Result<Vec<Event>> {
        let counts = self.counts();
        self.finished = true;
        self.current = None;
        store.end_session(self.id, tick.now)?;
        let mut q = self.plan.query.clone();
        q.now = tick.now;
        let graded: usize = self.ratings.iter().sum();
        Ok(vec![Event::Summary(Summary {
            session_id: self.id,
            seen: self.seen,
            reviewed: graded,
            ratings: self.ratings,
            again_rate: if graded == 0 {
                0.0
            } else {
                self.ratings[0] as f64 / graded as f64
            },
            new_learned: self.new_learned,
            seconds: self.active_ms as f64 / 1000.0,
            ended_at: tick.now.to_rfc3339(),
            next_due: store.next_due(&q)?.map(|t| t.to_rfc3339()),
            left: counts.new + counts.learn + counts.due,
            cram: self.plan.cram,
            follow_ups_asked: self.follow_ups_asked,
            follow_ups_answered: self.follow_ups_answered,
        })])
    }
}

/// An exercise card's question for its next review: drawn from the card's
/// id and its review count, so it repeats until the card is answered. A
/// template this synack does not know leaves the card as written.
fn exercise_for(card: &CardRow, state: &CardState) -> Option<crate::exercise::Generated> {
    if card.kind != crate::deck::CardKind::Exercise {
        return None;
    }
    let template = crate::exercise::find(&card.front)?;
    template
        .generate(crate::exercise::review_seed(card.id, state.reps))
        .ok()
}

/// `1`–`4`, the names in English or Korean, their first letters or
/// syllables, and what a Korean keyboard layout types for a/h/g/e (`ㅁ`,
/// `ㅗ`, `ㅎ`, `ㄷ`: the IME left on Hangul).
pub fn parse_rating(s: &str) -> Option<Rating> {
    match s.trim().to_lowercase().as_str() {
        "1" | "a" | "again" | "다시" | "다" | "ㅁ" => Some(Rating::Again),
        "2" | "h" | "hard" | "어려움" | "어" | "ㅗ" => Some(Rating::Hard),
        "3" | "g" | "good" | "알맞음" | "알" | "ㅎ" => Some(Rating::Good),
        "4" | "e" | "easy" | "쉬움" | "쉬" | "ㄷ" => Some(Rating::Easy),
        _ => None,
    }
}

/// `<10m` for a learning step (it comes back today), else the interval.
fn interval_label(a: &Answer) -> String {
    let text = crate::render::interval_words(a.scheduled_days);
    if a.scheduled_days < 1.0 {
        format!("<{text}")
    } else {
        text
    }
}

/// `1m 05s` (`1분 05초`): time spent, to the second.
pub fn minutes(ms: i64) -> String {
    let secs = ms / 1000;
    crate::tr!(
        "quiz-minutes",
        m = secs / 60,
        s = format!("{:02}", secs % 60)
    )
}

/// The grade words of `:help` and the grade prompt's note.
fn grade_help() -> String {
    crate::tr!(
        "quiz-help-grades-about",
        again = Rating::Again.word(),
        hard = Rating::Hard.word(),
        good = Rating::Good.word(),
        easy = Rating::Easy.word()
    )
}

fn message(command: &str, ok: bool, text: impl Into<String>) -> Event {
    Event::Command(CommandDone {
        command: command.to_string(),
        ok,
        text: text.into(),
    })
}

/// A grade refused because another session answered the card first.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("quiz-answered-elsewhere-short"))]
struct AnsweredElsewhere;

fn not_saved(e: &anyhow::Error) -> Event {
    message(
        "save",
        false,
        crate::tr!("quiz-not-saved", why = crate::exit::one_line(e)),
    )
}

#[cfg(test)]
mod tests;
