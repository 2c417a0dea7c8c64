//! The study report: every number `synack stats` and the Markdown and HTML
//! reports show, computed from the cards and the review log alone (the report
//! is a view; nothing here is stored). [`text`], [`md`] and [`html`] render
//! the same [`Report`]; [`svg`] draws the HTML charts by hand.
//!
//! Definitions, as the README states them:
//! - **True retention** (as Anki computes it): the share of reviews of cards
//!   in the review state that were not Again, counting only the first review
//!   of each card in a study day; learning and relearning steps are left out.
//!   *Mature* reviews are those whose scheduled interval before the review
//!   was at least [`MATURE_DAYS`]; the others are *young*.
//! - **Streak**: consecutive study days with at least one review, ending
//!   today (or yesterday, when today has none yet).
//! - **Verdict** of a topic (its deck and first heading), over its cards that
//!   are not suspended: *not started* when none has been reviewed; *weak* when
//!   the mean retrievability of its reviewed cards is below [`WEAK_R`] or it
//!   has [`WEAK_LAPSES`] lapses or more per reviewed card; *shaky* below
//!   [`SHAKY_R`] or from [`SHAKY_LAPSES`] lapses per reviewed card; *solid*
//!   otherwise.

pub mod html;
pub mod md;
pub mod svg;
pub mod text;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::clock::Timestamp;
use crate::deck::CardKind;
use crate::schedule::{CardState, Memory, Phase, Rating, Scheduler};
use crate::store::{StatsCard, StatsReview};

/// A review whose interval before it was at least this many days is mature.
pub const MATURE_DAYS: f64 = 21.0;
/// Mean retrievability below which a topic is weak.
pub const WEAK_R: f64 = 0.70;
/// Mean retrievability below which a topic is shaky.
pub const SHAKY_R: f64 = 0.85;
/// Lapses per reviewed card from which a topic is weak.
pub const WEAK_LAPSES: f64 = 1.0;
/// Lapses per reviewed card from which a topic is shaky.
pub const SHAKY_LAPSES: f64 = 0.5;
/// How many of the weakest cards are listed.
pub const WEAKEST: usize = 15;
/// Typed answers of this many days are shown.
pub const TYPED_DAYS: i64 = 14;
/// Days of the review calendar.
pub const CALENDAR_DAYS: i64 = 365;
/// Weeks of the retention-by-week chart.
pub const RETENTION_WEEKS: i64 = 12;

const MS_PER_DAY: i64 = 86_400_000;

/// Everything a report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Local time the report was made, `YYYY-MM-DD HH:MM`.
    pub generated: String,
    /// Today's study day, as a date.
    pub today: String,
    pub deck: Option<String>,
    pub tag: Option<String>,
    pub overview: Overview,
    pub topics: Vec<Topic>,
    pub weakest: Vec<WeakCard>,
    pub open_questions: Vec<OpenQuestion>,
    /// Newest first.
    pub typed_answers: Vec<TypedAnswer>,
    /// Reviews per study day by rating, the last [`CALENDAR_DAYS`] days, oldest first.
    pub days: Vec<DayReviews>,
    /// Cards due in each of the next 30 study days (overdue ones on the first).
    pub forecast: Vec<ForecastDay>,
    /// True retention per 7-day window, the last [`RETENTION_WEEKS`], oldest first.
    pub retention_weeks: Vec<WeekRetention>,
    /// The retention the scheduler aims at, 0–1.
    pub desired_retention: f64,
    /// The study day of the first review in the log, as a date.
    pub first_review: Option<String>,
    /// Answers by the card's state before each review: learning (new and
    /// learning), young, mature, relearning.
    pub buttons: Vec<StateButtons>,
    /// Reviews by local hour of day, 0–23.
    pub hours: Vec<HourReviews>,
    pub histograms: Histograms,
    /// With `exam_date` set (and not yet come): the predicted recall on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exam: Option<ExamRecall>,
}

/// The predicted recall on a date, overall and per topic, and with N cards
/// a day studied toward it (`due --until DATE --format json`, issue 30 §3).
#[derive(Debug, Clone, Serialize)]
pub struct ExamRecall {
    pub date: String,
    pub predicted_recall: f64,
    pub topics: Vec<TopicRecall>,
    pub plan: Vec<PlanRecall>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicRecall {
    pub topic: String,
    pub predicted_recall: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanRecall {
    pub per_day: usize,
    pub predicted_recall: f64,
}

/// The grades given to cards in one state.
#[derive(Debug, Clone, Serialize)]
pub struct StateButtons {
    pub state: &'static str,
    /// Again, Hard, Good, Easy.
    pub ratings: [usize; 4],
}

/// Reviews in one hour of the day, and how many were not Again.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct HourReviews {
    pub hour: u32,
    pub reviews: usize,
    pub passed: usize,
}

/// The states [`StateButtons`] tells apart, in order.
pub const BUTTON_STATES: [&str; 4] = ["learning", "young", "mature", "relearning"];

/// One of [`BUTTON_STATES`] in the current language.
pub fn state_label(state: &str) -> String {
    match state {
        "learning" => crate::tr!("report-learning"),
        "young" => crate::tr!("report-state-young"),
        "mature" => crate::tr!("report-state-mature"),
        "relearning" => crate::tr!("report-relearning"),
        other => other.to_string(),
    }
}

/// A grade in the current language (`again`; Korean `다시`).
pub fn rating_label(rating: Rating) -> String {
    match rating {
        Rating::Again => crate::tr!("report-rating-again"),
        Rating::Hard => crate::tr!("report-rating-hard"),
        Rating::Good => crate::tr!("report-rating-good"),
        Rating::Easy => crate::tr!("report-rating-easy"),
    }
}

/// The four grades in the current language, Again first.
pub fn rating_labels() -> [String; 4] {
    [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy].map(rating_label)
}

/// A histogram bin's label (`1–3d`, `<1d`, `365d+`, as the JSON keeps it)
/// with the day unit of the current language.
pub fn days_label(label: &str) -> String {
    match crate::i18n::current() {
        crate::i18n::Lang::En => label.to_string(),
        crate::i18n::Lang::Ko => label.replace('d', "일"),
    }
}

/// `0.8333` → `83%`.
pub fn percent(r: f64) -> String {
    format!("{:.0}%", r * 100.0)
}

/// The topic table's column names, as every renderer heads it.
pub fn topic_headers() -> [String; 8] {
    [
        crate::tr!("report-col-topic"),
        crate::tr!("report-col-cards"),
        crate::tr!("report-col-new"),
        crate::tr!("report-col-young"),
        crate::tr!("report-col-mature"),
        crate::tr!("report-col-r"),
        crate::tr!("report-col-lapses"),
        crate::tr!("report-col-verdict"),
    ]
}

/// The verdict thresholds explained, in the current language.
pub fn verdict_note() -> String {
    crate::tr!(
        "report-verdict-note",
        weak = format!("{:.0}", WEAK_R * 100.0),
        weak_lapses = WEAK_LAPSES.to_string(),
        shaky = format!("{:.0}", SHAKY_R * 100.0),
        shaky_lapses = SHAKY_LAPSES.to_string()
    )
}

/// The exam date's topics, least likely recalled first (the JSON keeps
/// them by name).
pub fn exam_topics_weakest_first(e: &ExamRecall) -> Vec<&TopicRecall> {
    let mut topics: Vec<&TopicRecall> = e.topics.iter().collect();
    topics.sort_by(|a, b| {
        a.predicted_recall
            .total_cmp(&b.predicted_recall)
            .then_with(|| a.topic.cmp(&b.topic))
    });
    topics
}

/// The headline numbers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Overview {
    pub cards: usize,
    /// By state; suspended cards (and cards gone from the notes) only under `suspended`.
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    pub relearning: usize,
    pub suspended: usize,
    pub reviews: usize,
    pub study_days: usize,
    pub streak: usize,
    pub retention: Retention,
}

/// True retention, young and mature apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Retention {
    pub young: Ratio,
    pub mature: Ratio,
    pub all: Ratio,
}

/// Passed out of counted, and the rate when anything was counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Ratio {
    pub passed: usize,
    pub total: usize,
    pub rate: Option<f64>,
}

impl Ratio {
    fn add(&mut self, passed: bool) {
        self.total += 1;
        self.passed += usize::from(passed);
        self.rate = Some(self.passed as f64 / self.total as f64);
    }

    /// `93.1% (27/29)`, or `–` when nothing was counted.
    pub fn display(&self) -> String {
        match self.rate {
            Some(r) => format!("{:.1}% ({}/{})", r * 100.0, self.passed, self.total),
            None => "–".to_string(),
        }
    }
}

/// How a topic stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Solid,
    Shaky,
    Weak,
    NotStarted,
}

impl Verdict {
    /// The verdict in the current language (the JSON keeps the snake_case value).
    pub fn label(self) -> String {
        match self {
            Verdict::Solid => crate::tr!("report-verdict-solid"),
            Verdict::Shaky => crate::tr!("report-verdict-shaky"),
            Verdict::Weak => crate::tr!("report-verdict-weak"),
            Verdict::NotStarted => crate::tr!("report-verdict-not-started"),
        }
    }
}

/// One row of the per-topic table.
#[derive(Debug, Clone, Serialize)]
pub struct Topic {
    pub deck: String,
    /// The first heading of its cards; `None` for cards above any heading.
    pub topic: Option<String>,
    pub cards: usize,
    pub new: usize,
    pub young: usize,
    pub mature: usize,
    /// Mean probability of recall now, over its reviewed cards.
    pub retrievability: Option<f64>,
    pub lapses: u32,
    pub verdict: Verdict,
}

impl Topic {
    /// `deck › topic`, the way every renderer names it.
    pub fn name(&self) -> String {
        match &self.topic {
            Some(t) => format!("{} › {t}", self.deck),
            None => self.deck.clone(),
        }
    }
}

/// Where a card came from, for links.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub path: Option<String>,
    pub line: u32,
}

impl Source {
    fn of(card: &StatsCard) -> Source {
        Source {
            path: card.source.clone(),
            line: card.line,
        }
    }

    /// `path:line`, or `–` for a card with no note.
    pub fn display(&self) -> String {
        match &self.path {
            Some(p) => format!("{p}:{}", self.line),
            None => "–".to_string(),
        }
    }

    /// A link target for the note, when it is a file on disk.
    pub fn href(&self) -> Option<String> {
        let path = self.path.as_deref()?;
        (!path.starts_with("synack:")).then(|| path.to_string())
    }
}

/// One of the cards least likely to be recalled now.
#[derive(Debug, Clone, Serialize)]
pub struct WeakCard {
    pub id: i64,
    pub deck: String,
    pub front: String,
    pub retrievability: f64,
    pub lapses: u32,
    pub stability: Option<f64>,
    pub source: Source,
}

/// A question the notes do not answer yet.
#[derive(Debug, Clone, Serialize)]
pub struct OpenQuestion {
    pub id: i64,
    pub deck: String,
    pub front: String,
    pub reviews: usize,
    pub source: Source,
}

/// What was typed before revealing an answer, with its grade.
#[derive(Debug, Clone, Serialize)]
pub struct TypedAnswer {
    /// Local time, `YYYY-MM-DD HH:MM`.
    pub at: String,
    pub card: i64,
    pub front: String,
    pub typed: String,
    pub rating: Rating,
}

/// Reviews of one study day.
#[derive(Debug, Clone, Serialize)]
pub struct DayReviews {
    pub date: String,
    /// Again, Hard, Good, Easy.
    pub ratings: [usize; 4],
}

impl DayReviews {
    pub fn total(&self) -> usize {
        self.ratings.iter().sum()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ForecastDay {
    pub date: String,
    pub due: usize,
}

/// True retention of one 7-day window.
#[derive(Debug, Clone, Serialize)]
pub struct WeekRetention {
    /// The window's first day.
    pub from: String,
    pub young: Ratio,
    pub mature: Ratio,
}

#[derive(Debug, Clone, Serialize)]
pub struct Histograms {
    /// Stability in days.
    pub stability: Vec<Bin>,
    /// Difficulty, 1 (easy) to 10 (hard).
    pub difficulty: Vec<Bin>,
    /// Probability of recall now.
    pub retrievability: Vec<Bin>,
    /// The interval the last review scheduled, in days.
    pub interval: Vec<Bin>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bin {
    pub label: String,
    pub count: usize,
}

/// What a report is made from: plain rows the caller read from the store.
#[derive(Debug)]
pub struct Input<'a> {
    pub cards: &'a [StatsCard],
    /// The review log, summed up.
    pub log: &'a ReviewLog,
    /// Due counts of the next 30 study days (`Store::forecast`).
    pub forecast: &'a [usize],
    pub scheduler: &'a Scheduler,
    pub now: Timestamp,
    pub utc_offset: i32,
    pub deck: Option<String>,
    pub tag: Option<String>,
}

/// The first `n` of `items` in `order`, a total order, sorted; the rest
/// are neither sorted nor kept.
fn first_sorted<T>(
    mut items: Vec<T>,
    n: usize,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    if items.len() > n {
        items.select_nth_unstable_by(n, &order);
        items.truncate(n);
    }
    items.sort_unstable_by(order);
    items
}

/// The calendar date of study day `day` (its local date at the rollover hour).
fn date_of(day: i64) -> NaiveDate {
    DateTime::from_timestamp(day * 86_400, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

fn local(t: Timestamp, offset: FixedOffset) -> String {
    DateTime::from_timestamp_millis(t.0)
        .map(|t| {
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// Per-card facts gathered from its log.
#[derive(Debug, Default, Clone, Copy)]
struct CardLog {
    reviews: usize,
    /// The interval the last review scheduled, in days.
    interval: f64,
}

/// What the report takes from the review log, gathered one review at a
/// time: a big deck has a million reviews, and keeping them all to walk them
/// once took a third of a report.
#[derive(Debug)]
pub struct ReviewLog {
    today: i64,
    first_week: i64,
    now: Timestamp,
    offset: FixedOffset,
    scheduler_day: DayClock,
    reviews: usize,
    /// Every card's log but the one being read, which is `current`.
    logs: HashMap<i64, CardLog>,
    current: Option<(i64, CardLog)>,
    per_day: BTreeMap<i64, [usize; 4]>,
    retention: Retention,
    weeks: Vec<(Ratio, Ratio)>,
    /// The card and study day of the previous review, to tell a card's first
    /// review of a day.
    last: Option<(i64, i64)>,
    /// (when, review id, card, typed text, rating)
    typed: Vec<(Timestamp, i64, i64, String, Rating)>,
    first_day: Option<i64>,
    /// By [`BUTTON_STATES`], then rating.
    buttons: [[usize; 4]; 4],
    /// Reviews and passes by local hour.
    hours: [[usize; 2]; 24],
}

/// The scheduler's study day, copied out so the log does not borrow it.
#[derive(Debug, Clone, Copy)]
struct DayClock {
    shift_ms: i64,
}

impl DayClock {
    fn new(sched: &Scheduler) -> Self {
        // `Scheduler::study_day` is `(t - day_start(0)) / day`, floored.
        DayClock {
            shift_ms: sched.day_start(0).0,
        }
    }

    fn day(self, t: Timestamp) -> i64 {
        (t.0 - self.shift_ms).div_euclid(MS_PER_DAY)
    }
}

impl ReviewLog {
    pub fn new(sched: &Scheduler, now: Timestamp, utc_offset: i32) -> Self {
        let today = sched.study_day(now);
        ReviewLog {
            today,
            first_week: today - RETENTION_WEEKS * 7 + 1,
            now,
            offset: FixedOffset::east_opt(utc_offset)
                .unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC")),
            scheduler_day: DayClock::new(sched),
            reviews: 0,
            logs: HashMap::new(),
            current: None,
            per_day: BTreeMap::new(),
            retention: Retention::default(),
            weeks: vec![(Ratio::default(), Ratio::default()); RETENTION_WEEKS as usize],
            last: None,
            typed: Vec::new(),
            first_day: None,
            buttons: [[0; 4]; 4],
            hours: [[0; 2]; 24],
        }
    }

    /// Counts one review. Reviews must come by card, oldest first (as
    /// `Store::each_stats_review` gives them): a card's first review of a
    /// day is told from the one before it.
    pub fn add(&mut self, r: &StatsReview<'_>) {
        self.reviews += 1;
        let day = self.scheduler_day.day(r.reviewed_at);
        self.per_day.entry(day).or_default()[r.rating as usize - 1] += 1;
        // The log of one card at a time: a million map look-ups cost more
        // than all the arithmetic here.
        let log = match &mut self.current {
            Some((card, log)) if *card == r.card_id => log,
            current => {
                if let Some((card, log)) = current.take() {
                    self.logs.insert(card, log);
                }
                let log = self.logs.remove(&r.card_id).unwrap_or_default();
                &mut current.insert((r.card_id, log)).1
            }
        };
        let interval_before = log.interval;
        let state = match r.state_before {
            Phase::New | Phase::Learning => 0,
            Phase::Review if interval_before >= MATURE_DAYS => 2,
            Phase::Review => 1,
            Phase::Relearning => 3,
        };
        self.buttons[state][r.rating as usize - 1] += 1;
        let local_secs =
            r.reviewed_at.0.div_euclid(1000) + i64::from(self.offset.local_minus_utc());
        let hour = &mut self.hours[local_secs.div_euclid(3600).rem_euclid(24) as usize];
        hour[0] += 1;
        hour[1] += usize::from(r.rating != Rating::Again);
        self.first_day = Some(self.first_day.map_or(day, |f| f.min(day)));
        log.reviews += 1;
        log.interval = r.scheduled_days;
        let first_today = self.last != Some((r.card_id, day));
        self.last = Some((r.card_id, day));
        if first_today && r.state_before == Phase::Review {
            let passed = r.rating != Rating::Again;
            let mature = interval_before >= MATURE_DAYS;
            self.retention.all.add(passed);
            let week = (day >= self.first_week && day <= self.today)
                .then(|| &mut self.weeks[((day - self.first_week) / 7) as usize]);
            if mature {
                self.retention.mature.add(passed);
                if let Some(w) = week {
                    w.1.add(passed);
                }
            } else {
                self.retention.young.add(passed);
                if let Some(w) = week {
                    w.0.add(passed);
                }
            }
        }
        if let Some(text) = r.answer.filter(|t| !t.trim().is_empty())
            && (self.now.0 - TYPED_DAYS * MS_PER_DAY..=self.now.0).contains(&r.reviewed_at.0)
        {
            self.typed
                .push((r.reviewed_at, r.id, r.card_id, text.to_string(), r.rating));
        }
    }

    /// What the log says about one card.
    fn card(&self, id: i64) -> CardLog {
        match self.current {
            Some((card, log)) if card == id => log,
            _ => self.logs.get(&id).copied().unwrap_or_default(),
        }
    }
}

impl Report {
    pub fn build(input: &Input<'_>) -> Report {
        let sched = input.scheduler;
        let offset = FixedOffset::east_opt(input.utc_offset)
            .unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC"));
        let today = sched.study_day(input.now);
        let log = input.log;
        let (per_day, first_week) = (&log.per_day, log.first_week);

        let fronts: HashMap<i64, &StatsCard> = input.cards.iter().map(|c| (c.id, c)).collect();
        let mut typed: Vec<_> = log.typed.iter().collect();
        // Newest first: the last days are what the user wants to look back on.
        typed.sort_by_key(|t| std::cmp::Reverse((t.0, t.1)));
        let typed: Vec<TypedAnswer> = typed
            .into_iter()
            .map(|(at, _, card, text, rating)| TypedAnswer {
                at: local(*at, log.offset),
                card: *card,
                front: fronts
                    .get(card)
                    .map(|c| c.front.clone())
                    .unwrap_or_default(),
                typed: text.clone(),
                rating: *rating,
            })
            .collect();

        let retrievability = |c: &StatsCard| -> Option<f64> {
            let state = CardState {
                phase: c.phase,
                memory: c.stability.zip(c.difficulty).map(|(s, d)| Memory {
                    stability: s as f32,
                    difficulty: d as f32,
                }),
                last_review: c.last_review,
                ..CardState::default()
            };
            sched
                .retrievability(&state, input.now)
                .map(|r| f64::from(r).clamp(0.0, 1.0))
        };

        let mut overview = Overview {
            cards: input.cards.len(),
            reviews: log.reviews,
            study_days: per_day.len(),
            streak: streak(per_day, today),
            retention: log.retention,
            ..Overview::default()
        };
        // In reading order: the order their first card appears in.
        let mut topics: Vec<((String, Option<String>), TopicAcc)> = Vec::new();
        // Where each topic is in `topics` (kept in first-seen order): a
        // linear search made a 100k-card report take seconds.
        let mut topic_at: HashMap<(String, Option<String>), usize> = HashMap::new();
        let mut weakest = Vec::new();
        let mut open_questions = Vec::new();
        let mut stabilities = Vec::new();
        let mut difficulties = Vec::new();
        let mut rs = Vec::new();
        let mut intervals = Vec::new();
        for (i, c) in input.cards.iter().enumerate() {
            let log = input.log.card(c.id);
            if c.suspended {
                overview.suspended += 1;
                continue;
            }
            match c.phase {
                Phase::New => overview.new += 1,
                Phase::Learning => overview.learning += 1,
                Phase::Review => overview.review += 1,
                Phase::Relearning => overview.relearning += 1,
            }
            if c.kind == CardKind::Open || c.unanswered {
                open_questions.push(OpenQuestion {
                    id: c.id,
                    deck: c.deck.clone(),
                    front: c.front.clone(),
                    reviews: log.reviews,
                    source: Source::of(c),
                });
            }
            let key = (c.deck.clone(), c.topic.clone());
            let at = *topic_at.entry(key).or_insert_with_key(|key| {
                topics.push((key.clone(), TopicAcc::default()));
                topics.len() - 1
            });
            let acc = &mut topics[at].1;
            acc.cards += 1;
            acc.lapses += c.lapses;
            let r = (c.phase != Phase::New).then(|| retrievability(c)).flatten();
            match (c.phase, r) {
                (Phase::New, _) | (_, None) => acc.new += 1,
                (_, Some(r)) => {
                    if c.phase == Phase::Review && log.interval >= MATURE_DAYS {
                        acc.mature += 1;
                    } else {
                        acc.young += 1;
                    }
                    acc.r_sum += r;
                    acc.reviewed += 1;
                    rs.push(r);
                    stabilities.extend(c.stability);
                    difficulties.extend(c.difficulty);
                    intervals.push(log.interval);
                    weakest.push((r, c.lapses, c.id, i));
                }
            }
        }
        // Least likely recalled first; among equals, the most lapses. Only
        // the first `WEAKEST` of all reviewed cards are sorted and copied:
        // sorting every one of them, each with its deck and front copied,
        // was a fiftieth of a 100k-card report (issue 7).
        let order = |a: &(f64, u32, i64, usize), b: &(f64, u32, i64, usize)| {
            a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
        };
        let weakest = first_sorted(weakest, WEAKEST, order)
            .into_iter()
            .map(|(retrievability, lapses, id, i)| {
                let c = &input.cards[i];
                WeakCard {
                    id,
                    deck: c.deck.clone(),
                    front: c.front.clone(),
                    retrievability,
                    lapses,
                    stability: c.stability,
                    source: Source::of(c),
                }
            })
            .collect();

        let days = (today - CALENDAR_DAYS + 1..=today)
            .map(|d| DayReviews {
                date: date_of(d).to_string(),
                ratings: per_day.get(&d).copied().unwrap_or_default(),
            })
            .collect();
        let forecast = input
            .forecast
            .iter()
            .enumerate()
            .map(|(i, &due)| ForecastDay {
                date: date_of(today + i as i64).to_string(),
                due,
            })
            .collect();
        let retention_weeks = log
            .weeks
            .iter()
            .copied()
            .enumerate()
            .map(|(i, (young, mature))| WeekRetention {
                from: date_of(first_week + i as i64 * 7).to_string(),
                young,
                mature,
            })
            .collect();

        Report {
            generated: local(input.now, offset),
            today: date_of(today).to_string(),
            deck: input.deck.clone(),
            tag: input.tag.clone(),
            overview,
            topics: topics
                .into_iter()
                .map(|((deck, topic), acc)| acc.finish(deck, topic))
                .collect(),
            weakest,
            open_questions,
            typed_answers: typed,
            days,
            forecast,
            retention_weeks,
            desired_retention: f64::from(sched.settings().desired_retention),
            first_review: log.first_day.map(|d| date_of(d).to_string()),
            buttons: BUTTON_STATES
                .iter()
                .zip(log.buttons)
                .map(|(&state, ratings)| StateButtons { state, ratings })
                .collect(),
            hours: (0..24)
                .zip(log.hours)
                .map(|(hour, [reviews, passed])| HourReviews {
                    hour,
                    reviews,
                    passed,
                })
                .collect(),
            exam: None,
            histograms: Histograms {
                stability: histogram(
                    &stabilities,
                    &[1.0, 3.0, 7.0, 14.0, 30.0, 90.0, 180.0, 365.0],
                    |lo, hi| match hi {
                        Some(hi) => format!("{lo}–{hi}d"),
                        None => format!("{lo}d+"),
                    },
                ),
                difficulty: difficulty_bins(&difficulties),
                retrievability: histogram(
                    &rs,
                    &[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
                    |lo, hi| match hi {
                        Some(hi) => format!("{:.0}–{:.0}%", lo * 100.0, hi * 100.0),
                        None => format!("{:.0}–100%", lo * 100.0),
                    },
                ),
                interval: interval_bins(&intervals),
            },
        }
    }

    /// The weekday (0 = Monday) of `date` as the report writes dates.
    pub fn weekday(date: &str) -> Option<usize> {
        NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .map(|d| d.weekday().num_days_from_monday() as usize)
    }

    /// What the report covers: `all decks`, or the deck and tag asked for.
    pub fn scope(&self) -> String {
        match (&self.deck, &self.tag) {
            (None, None) => crate::tr!("report-scope-all"),
            (Some(d), None) => crate::tr!("report-scope-deck", deck = d.as_str()),
            (None, Some(t)) => crate::tr!("report-scope-tag", tag = t.as_str()),
            (Some(d), Some(t)) => {
                crate::tr!("report-scope-deck-tag", deck = d.as_str(), tag = t.as_str())
            }
        }
    }
}

#[derive(Debug, Default)]
struct TopicAcc {
    cards: usize,
    new: usize,
    young: usize,
    mature: usize,
    reviewed: usize,
    r_sum: f64,
    lapses: u32,
}

impl TopicAcc {
    fn finish(self, deck: String, topic: Option<String>) -> Topic {
        let retrievability = (self.reviewed > 0).then(|| self.r_sum / self.reviewed as f64);
        let lapse_rate = f64::from(self.lapses) / self.reviewed.max(1) as f64;
        let verdict = match retrievability {
            None => Verdict::NotStarted,
            Some(r) if r < WEAK_R || lapse_rate >= WEAK_LAPSES => Verdict::Weak,
            Some(r) if r < SHAKY_R || lapse_rate >= SHAKY_LAPSES => Verdict::Shaky,
            Some(_) => Verdict::Solid,
        };
        Topic {
            deck,
            topic,
            cards: self.cards,
            new: self.new,
            young: self.young,
            mature: self.mature,
            retrievability,
            lapses: self.lapses,
            verdict,
        }
    }
}

/// Consecutive study days with reviews, ending today or, if today has none
/// yet, yesterday: a streak is not broken before the day is over.
fn streak(per_day: &BTreeMap<i64, [usize; 4]>, today: i64) -> usize {
    let mut day = if per_day.contains_key(&today) {
        today
    } else {
        today - 1
    };
    let mut n = 0;
    while per_day.contains_key(&day) {
        n += 1;
        day -= 1;
    }
    n
}

/// FSRS difficulty, 1 to 10, in nine bins of width 1 (the last holds 10).
fn difficulty_bins(values: &[f64]) -> Vec<Bin> {
    let mut bins: Vec<Bin> = (1..10)
        .map(|lo| Bin {
            label: format!("{lo}–{}", lo + 1),
            count: 0,
        })
        .collect();
    for v in values {
        let i = (v.clamp(1.0, 10.0).floor() as usize).clamp(1, 9) - 1;
        bins[i].count += 1;
    }
    bins
}

/// Intervals in days, finer where the learner starts out.
fn interval_bins(values: &[f64]) -> Vec<Bin> {
    histogram(
        values,
        &[
            1.0, 2.0, 4.0, 7.0, 14.0, 21.0, 30.0, 60.0, 90.0, 180.0, 365.0,
        ],
        |lo, hi| match hi {
            Some(1.0) => "<1d".to_string(),
            Some(hi) => format!("{lo}–{hi}d"),
            None => format!("{lo}d+"),
        },
    )
}

/// Counts `values` into bins split at `edges` (each bin is `[lo, hi)`; the
/// first starts at the lowest value, the last is open).
fn histogram(
    values: &[f64],
    edges: &[f64],
    label: impl Fn(f64, Option<f64>) -> String,
) -> Vec<Bin> {
    let mut bins: Vec<Bin> = Vec::with_capacity(edges.len() + 1);
    let lows = std::iter::once(0.0).chain(edges.iter().copied());
    let highs = edges.iter().copied().map(Some).chain(std::iter::once(None));
    for (lo, hi) in lows.zip(highs) {
        let count = values
            .iter()
            .filter(|&&v| v >= lo && hi.is_none_or(|h| v < h))
            .count();
        bins.push(Bin {
            label: label(lo, hi),
            count,
        });
    }
    // Values below the first edge's floor (negative ones cannot occur) still land in bin 0.
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_first_n_are_those_a_whole_sort_puts_first(
            items in proptest::collection::vec((0..5u8, 0..1000i64), 0..60),
            n in 0..20usize,
        ) {
            let order = |a: &(u8, i64), b: &(u8, i64)| a.cmp(b);
            let mut all = items.clone();
            all.sort_by(order);
            all.truncate(n);
            proptest::prop_assert_eq!(first_sorted(items, n, order), all);
        }
    }

    #[test]
    fn streak_survives_until_the_day_is_over() {
        let days: BTreeMap<i64, [usize; 4]> =
            [(8, [1, 0, 0, 0]), (9, [0, 1, 0, 0]), (10, [0, 0, 1, 0])].into();
        assert_eq!(streak(&days, 10), 3);
        assert_eq!(streak(&days, 11), 3);
        assert_eq!(streak(&days, 12), 0);
    }

    #[test]
    fn histogram_bins_are_half_open() {
        let bins = histogram(&[0.5, 1.0, 2.9, 3.0, 400.0], &[1.0, 3.0], |lo, hi| {
            format!("{lo}-{hi:?}")
        });
        let counts: Vec<usize> = bins.iter().map(|b| b.count).collect();
        assert_eq!(counts, [1, 2, 2]);
    }

    #[test]
    fn difficulty_has_nine_equal_bins_from_1_to_10() {
        let bins = difficulty_bins(&[1.0, 1.99, 2.0, 5.5, 9.99, 10.0, 0.5, 11.0]);
        let labels: Vec<&str> = bins.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "1–2", "2–3", "3–4", "4–5", "5–6", "6–7", "7–8", "8–9", "9–10"
            ]
        );
        let counts: Vec<usize> = bins.iter().map(|b| b.count).collect();
        // Out-of-range values (which FSRS never gives) land in the end bins.
        assert_eq!(counts, [3, 1, 0, 0, 1, 0, 0, 0, 3]);
    }

    #[test]
    fn interval_bins_start_under_a_day_and_end_open() {
        let bins = interval_bins(&[0.01, 0.9, 1.0, 3.0, 21.0, 400.0]);
        assert_eq!(
            bins.first().map(|b| (b.label.as_str(), b.count)),
            Some(("<1d", 2))
        );
        assert_eq!(
            bins.last().map(|b| (b.label.as_str(), b.count)),
            Some(("365d+", 1))
        );
        assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 6);
        let labels: Vec<&str> = bins.iter().map(|b| b.label.as_str()).collect();
        assert!(labels.contains(&"21–30d"), "{labels:?}");
    }

    #[test]
    fn buttons_by_state_and_hours_in_local_time() {
        use crate::schedule::Settings;
        const KST: i32 = 9 * 3600;
        let sched = Scheduler::new(Settings::default(), KST).unwrap();
        // 2026-08-01 00:30 UTC is 09:30 in Seoul.
        let t0 = 1_785_544_200_000;
        let now = Timestamp(t0 + 40 * MS_PER_DAY);
        let mut log = ReviewLog::new(&sched, now, KST);
        let review = |id, card, days: i64, rating, state_before, scheduled_days| StatsReview {
            id,
            card_id: card,
            reviewed_at: Timestamp(t0 + days * MS_PER_DAY),
            rating,
            state_before,
            scheduled_days,
            answer: None,
        };
        for r in [
            review(1, 1, 0, Rating::Good, Phase::New, 3.0),
            review(2, 1, 3, Rating::Again, Phase::Review, 0.0),
            review(3, 1, 4, Rating::Good, Phase::Relearning, 25.0),
            review(4, 1, 30, Rating::Easy, Phase::Review, 60.0),
            review(5, 2, 1, Rating::Hard, Phase::Learning, 1.0),
        ] {
            log.add(&r);
        }
        assert_eq!(log.buttons[0], [0, 1, 1, 0], "learning");
        assert_eq!(log.buttons[1], [1, 0, 0, 0], "young: 3 days before");
        assert_eq!(log.buttons[2], [0, 0, 0, 1], "mature: 25 days before");
        assert_eq!(log.buttons[3], [0, 0, 1, 0], "relearning");
        assert_eq!(log.hours[9], [5, 4]);
        assert_eq!(log.hours.iter().map(|h| h[0]).sum::<usize>(), 5);
        assert_eq!(log.first_day, Some(sched.study_day(Timestamp(t0))));
    }

    #[test]
    fn verdicts_follow_the_thresholds() {
        let topic = |reviewed, r_sum, lapses| {
            TopicAcc {
                cards: 4,
                reviewed,
                r_sum,
                lapses,
                ..TopicAcc::default()
            }
            .finish("d".into(), None)
            .verdict
        };
        assert_eq!(topic(0, 0.0, 0), Verdict::NotStarted);
        assert_eq!(topic(2, 1.9, 0), Verdict::Solid);
        assert_eq!(topic(2, 1.6, 0), Verdict::Shaky);
        assert_eq!(topic(2, 1.9, 1), Verdict::Shaky);
        assert_eq!(topic(2, 1.2, 0), Verdict::Weak);
        assert_eq!(topic(2, 1.9, 2), Verdict::Weak);
    }
}
