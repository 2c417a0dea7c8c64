//! `synack answer`, `synack simulate` and `synack config`.

use std::io::Write;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Ctx, Format};
use crate::exit::UsageError;
use crate::quiz::plan;
use crate::schedule::config::{Config, KEYS, key_about};
use crate::schedule::{Rating, Scheduler, queue};
use crate::store::{ReviewInput, Store};

#[derive(Debug, Args)]
pub struct AnswerArgs {
    #[arg(help = crate::tr!("cli-answer-id"), value_name = "CARD_ID")]
    pub id: i64,
    #[arg(help = crate::tr!("cli-answer-rating"), value_name = "RATING")]
    pub rating: Rating,
    #[arg(help = crate::tr!("cli-answer-typed"), long, value_name = "TEXT")]
    pub typed: Option<String>,
    #[arg(help = crate::tr!("cli-answer-seconds"), long, value_name = "SECONDS", default_value_t = 0.0)]
    pub seconds: f64,
    #[arg(help = crate::tr!("cli-answer-format"), long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    #[arg(help = crate::tr!("cli-simulate-reviews"), long, value_name = "LIST")]
    pub reviews: String,
    #[arg(help = crate::tr!("cli-simulate-retention"), long, value_name = "R")]
    pub retention: Option<f32>,
    #[arg(help = crate::tr!("cli-simulate-format"), long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    #[command(about = crate::tr!("cli-config-get-about"))]
    Get {
        #[arg(help = crate::tr!("cli-config-key"))]
        key: String,
        #[arg(help = crate::tr!("cli-config-get-deck"), long, value_name = "DECK")]
        deck: Option<String>,
    },
    #[command(about = crate::tr!("cli-config-set-about"), after_help = crate::tr!("cli-config-set-after-help"))]
    Set {
        #[arg(help = crate::tr!("cli-config-key"))]
        key: String,
        #[arg(help = crate::tr!("cli-config-value"))]
        value: String,
        #[arg(help = crate::tr!("cli-config-set-deck"), long, value_name = "DECK")]
        deck: Option<String>,
    },
    #[command(about = crate::tr!("cli-config-unset-about"))]
    Unset {
        #[arg(help = crate::tr!("cli-config-key"))]
        key: String,
        #[arg(help = crate::tr!("cli-config-unset-deck"), long, value_name = "DECK")]
        deck: Option<String>,
    },
}

/// The configuration stored in the database, over the defaults. A stored
/// setting this synack refuses is an error naming it and the way out.
pub(crate) fn load_config(store: &Store) -> Result<Config> {
    let (config, bad) = load_config_leniently(store)?;
    match bad.into_iter().next() {
        None => Ok(config),
        Some(bad) => bail!("{}", bad.advice()),
    }
}

/// A stored setting this synack refuses (a backup of another version, an
/// edit by hand), with why.
struct BadSetting {
    key: String,
    value: String,
    why: crate::schedule::config::ConfigError,
}

impl BadSetting {
    /// One line: the key, the value, why, and the command that fixes it.
    fn advice(&self) -> String {
        use crate::schedule::config::ConfigError;
        let (key, value) = (&self.key, &self.value);
        let value = format!("{value:?}");
        match &self.why {
            ConfigError::UnknownKey(_) | ConfigError::NotPerDeck(_) => {
                crate::tr!("schedule-stored-unknown", key = key.as_str(), value = value)
            }
            ConfigError::BadValue { why, .. } => crate::tr!(
                "schedule-stored-invalid",
                key = key.as_str(),
                value = value,
                why = why.as_str()
            ),
        }
    }
}

/// The stored configuration with every setting this synack refuses left at
/// its default, and those settings: `synack config` works whatever is
/// stored, so that it can fix what is.
fn load_config_leniently(store: &Store) -> Result<(Config, Vec<BadSetting>)> {
    let mut config = Config::default();
    let mut bad = Vec::new();
    for (key, value) in store.config_pairs()? {
        if let Err(why) = config.set(&key, &value) {
            bad.push(BadSetting { key, value, why });
        }
    }
    Ok((config, bad))
}

pub(crate) fn scheduler(ctx: &Ctx, config: &Config) -> Result<Scheduler> {
    Ok(Scheduler::new(config.settings.clone(), ctx.utc_offset)?)
}

#[derive(Debug, Serialize)]
struct AnswerJson {
    card: i64,
    rating: Rating,
    review: i64,
    state: &'static str,
    due: Option<String>,
    scheduled_days: f64,
    stability: Option<f32>,
    difficulty: Option<f32>,
    leech: bool,
}

pub(super) fn answer(ctx: &Ctx, args: AnswerArgs) -> Result<()> {
    let mut store = super::open_with_decks(ctx)?;
    let Some(card) = store.card(args.id)? else {
        bail!("{}", crate::tr!("schedule-no-card", id = args.id));
    };
    let before = store
        .card_state(args.id)?
        .with_context(|| crate::tr!("quiz-no-state", id = args.id))?;
    let config = load_config(&store)?;
    let answer = scheduler(ctx, &config)?.answer(args.id, &before, args.rating, ctx.now)?;
    let input = ReviewInput {
        duration_ms: (args.seconds.max(0.0) * 1000.0) as i64,
        typed: args.typed.filter(|t| !t.trim().is_empty()),
        session_id: None,
        suspend_leech: config.leech_suspend,
    };
    let review = store.record_answer(args.id, &before, &answer, ctx.now, &input)?;
    let s = &answer.state;
    let json = AnswerJson {
        card: args.id,
        rating: answer.rating,
        review,
        state: s.phase.as_str(),
        due: s.due.map(|t| t.to_rfc3339()),
        scheduled_days: answer.scheduled_days,
        stability: s.memory.map(|m| m.stability),
        difficulty: s.memory.map(|m| m.difficulty),
        leech: answer.leech,
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            super::write_json(&mut out, &json)?;
        }
        Format::Text => {
            // The front is the user's text: shown, not obeyed.
            let line = crate::tr!(
                "schedule-answered",
                id = card.id,
                front = crate::render::visible(&card.front).into_owned(),
                rating = answer.rating.word(),
                state = s.phase.word(),
                interval = crate::render::interval_words(answer.scheduled_days)
            );
            let leech = if answer.leech {
                format!(" {}", crate::tr!("schedule-answered-leech"))
            } else {
                String::new()
            };
            writeln!(out, "{line}{leech}")?;
        }
    }
    Ok(())
}

pub(super) fn simulate(ctx: &Ctx, args: SimulateArgs) -> Result<()> {
    let reviews = parse_reviews(&args.reviews)?;
    let store = super::open(ctx)?;
    let mut config = load_config(&store)?;
    if let Some(r) = args.retention {
        config
            .set("desired_retention", &r.to_string())
            .map_err(|e| UsageError(format!("--retention: {e}")))?;
    }
    let steps = scheduler(ctx, &config)?.simulate(&reviews)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            super::write_json(&mut out, &steps)?;
        }
        Format::Text => {
            use crate::render::width::{pad, width};
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "schedule-simulate-retention",
                    retention = config.settings.desired_retention.to_string()
                )
            )?;
            let heads = [
                "#".to_string(),
                crate::tr!("schedule-simulate-days"),
                crate::tr!("schedule-simulate-rating"),
                crate::tr!("schedule-simulate-stability"),
                crate::tr!("schedule-simulate-difficulty"),
                crate::tr!("schedule-simulate-retrievability"),
                crate::tr!("schedule-simulate-next"),
            ];
            let rows: Vec<[String; 7]> = steps
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    [
                        (n + 1).to_string(),
                        s.elapsed_days.to_string(),
                        s.rating.word(),
                        format!("{:.4}", s.stability),
                        format!("{:.4}", s.difficulty),
                        format!("{:.4}", s.retrievability),
                        crate::tr!("schedule-simulate-days-value", n = s.interval_days),
                    ]
                })
                .collect();
            // Each column as wide as its widest cell, so the table fits 60
            // columns in either language.
            let w: Vec<usize> = (0..7)
                .map(|c| {
                    rows.iter()
                        .map(|r| width(&r[c]))
                        .chain([width(&heads[c])])
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let line = |cells: &[String; 7]| {
                cells
                    .iter()
                    .enumerate()
                    .map(|(c, t)| {
                        if c == 2 {
                            pad(t, w[c])
                        } else {
                            pad_left(t, w[c])
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("  ")
            };
            writeln!(out, "{}", line(&heads))?;
            for r in &rows {
                writeln!(out, "{}", line(r))?;
            }
        }
    }
    Ok(())
}

/// `"0:good 3:3"` → `[(0, Good), (3, Good)]`.
fn parse_reviews(text: &str) -> Result<Vec<(u32, Rating)>> {
    let items: Vec<&str> = text.split([' ', ',']).filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        return Err(UsageError(crate::tr!("schedule-reviews-empty")).into());
    }
    items
        .into_iter()
        .map(|item| {
            let bad = |why: String| UsageError(format!("--reviews: {item:?}: {why}"));
            let (days, rating) = item
                .split_once(':')
                .ok_or_else(|| bad(crate::tr!("schedule-reviews-item")))?;
            let days: u32 = days.parse().map_err(|_| {
                bad(crate::tr!(
                    "schedule-reviews-days",
                    days = format!("{days:?}")
                ))
            })?;
            let rating: Rating = rating
                .parse()
                .map_err(|e: crate::schedule::BadRating| bad(e.to_string()))?;
            Ok((days, rating))
        })
        .collect::<Result<_, UsageError>>()
        .map_err(Into::into)
}

pub(super) fn config(ctx: &Ctx, args: ConfigArgs) -> Result<()> {
    let mut store = super::open_with_decks(ctx)?;
    let (mut config, bad) = load_config_leniently(&store)?;
    let usage = |e: crate::schedule::config::ConfigError| UsageError(e.to_string());
    // Said after the command's own output, leaving out the key it just fixed.
    let warn_bad = |fixed: Option<&str>| {
        for b in bad.iter().filter(|b| Some(b.key.as_str()) != fixed) {
            eprintln!(
                "synack: {}",
                crate::tr!("schedule-warning", text = b.advice())
            );
        }
    };
    // `--deck` names a deck the way every other command does; the stored key
    // is `KEY@DECK` with the deck's full name.
    let scoped = |key: String, deck: Option<String>| -> Result<String> {
        Ok(match deck {
            Some(d) => format!("{key}@{}", super::cards::resolve_deck(&store, &d)?),
            None => key,
        })
    };
    let mut out = std::io::stdout().lock();
    match args.action {
        None => {
            let width = KEYS.iter().map(|k| k.len()).max().unwrap_or(0);
            let columns = super::output_width().max(width + 24);
            for key in KEYS {
                let about = key_about(key);
                let value = config.get(key)?;
                let value = if value.is_empty() {
                    "\"\"".to_string()
                } else {
                    value
                };
                // The 21 parameters are one value: they wrap at their
                // commas, and the meaning under them at its words.
                let hang = " ".repeat(width + 2);
                let value = value.replace(',', ", ");
                for line in
                    crate::render::width::wrap(&value, columns, &format!("{key:<width$}  "), &hang)
                {
                    writeln!(out, "{}", line.replace(", ", ","))?;
                }
                for line in crate::render::width::wrap(
                    &about,
                    columns,
                    &format!("{hang}# "),
                    &format!("{hang}  "),
                ) {
                    writeln!(out, "{line}")?;
                }
            }
            let decks = config.deck_limit_pairs();
            if !decks.is_empty() {
                writeln!(out, "\n{}", crate::tr!("schedule-deck-limits"))?;
                for (key, value) in decks {
                    writeln!(out, "{key}  {value}")?;
                }
            }
            drop(out);
            warn_bad(None);
        }
        Some(ConfigAction::Get { key, deck }) => {
            let key = scoped(key, deck)?;
            writeln!(out, "{}", config.get(&key).map_err(usage)?)?;
            drop(out);
            warn_bad(None);
        }
        Some(ConfigAction::Set { key, value, deck }) => {
            let key = scoped(key, deck)?;
            config.set(&key, &value).map_err(usage)?;
            let value = config.get(&key)?;
            store.set_config(&key, &value)?;
            writeln!(out, "{key} = {value}")?;
            drop(out);
            warn_bad(Some(&key));
        }
        Some(ConfigAction::Unset { key, deck }) => {
            let key = scoped(key, deck)?;
            // A stored key this synack does not know can always be removed.
            let stored_bad = bad.iter().any(|b| b.key == key);
            if !stored_bad {
                if key.contains('@') {
                    config.unset_deck_limit(&key).map_err(usage)?;
                } else {
                    config.get(&key).map_err(usage)?;
                }
            }
            store.delete_config(&key)?;
            let shown = match key.split_once('@') {
                Some(_) if stored_bad => crate::tr!("schedule-unset-removed", key = key.as_str()),
                Some((name, _)) => crate::tr!(
                    "schedule-unset-follows",
                    key = key.as_str(),
                    name = name,
                    value = config.get(&key)?
                ),
                None => match Config::default().get(&key) {
                    Ok(default) if default.is_empty() => {
                        crate::tr!("schedule-unset-default", key = key.as_str(), value = "\"\"")
                    }
                    Ok(default) => crate::tr!(
                        "schedule-unset-default",
                        key = key.as_str(),
                        value = default
                    ),
                    Err(_) => crate::tr!("schedule-unset-unknown", key = key.as_str()),
                },
            };
            writeln!(out, "{shown}")?;
            drop(out);
            warn_bad(Some(&key));
        }
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct DueArgs {
    #[arg(help = crate::tr!("cli-due-deck"), long, value_name = "DECK")]
    pub deck: Option<String>,
    #[arg(help = crate::tr!("cli-due-until"), long, value_name = "DATE")]
    pub until: Option<String>,
    #[arg(help = crate::tr!("cli-due-format"), long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

use crate::export::report::{ExamRecall, PlanRecall, TopicRecall};

/// The cards a day the plan of `due --until` simulates.
const PLAN_PER_DAY: [usize; 4] = [0, 10, 20, 50];

/// Midnight at the start of `date` (YYYY-MM-DD) in the local offset.
pub(super) fn parse_date(ctx: &Ctx, date: &str) -> Result<crate::clock::Timestamp> {
    let day = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .with_context(|| crate::tr!("schedule-not-a-date", date = format!("{date:?}")))?;
    let offset = chrono::FixedOffset::east_opt(ctx.utc_offset)
        .with_context(|| crate::tr!("schedule-bad-offset"))?;
    let at = day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(offset).single())
        .with_context(|| crate::tr!("schedule-no-midnight", date = format!("{date:?}")))?;
    Ok(crate::clock::Timestamp(at.timestamp_millis()))
}

/// The `exam_date` setting as a time, if set (the queue studies toward it).
pub(super) fn exam_date(ctx: &Ctx, config: &Config) -> Result<Option<crate::clock::Timestamp>> {
    config
        .exam_date
        .as_deref()
        .map(|d| parse_date(ctx, d).with_context(|| crate::tr!("schedule-exam-date-setting")))
        .transpose()
}

/// The predicted recall on `date` (midnight `at`) of the cards `filter`
/// selects, suspended ones left out: overall, per topic (or deck), and with
/// N cards a day studied toward it (seeded, so it repeats).
pub(super) fn exam_recall(
    ctx: &Ctx,
    store: &Store,
    sched: &Scheduler,
    filter: &crate::store::StatsFilter,
    date: &str,
    at: crate::clock::Timestamp,
) -> Result<ExamRecall> {
    use crate::schedule::exam;
    let mut by_topic: std::collections::BTreeMap<String, Vec<crate::schedule::CardState>> =
        Default::default();
    let mut all = Vec::new();
    for card in store
        .stats_cards(filter)?
        .into_iter()
        .filter(|c| !c.suspended)
    {
        let state = store.card_state(card.id)?.unwrap_or_default();
        by_topic
            .entry(card.topic.clone().unwrap_or_else(|| card.deck.clone()))
            .or_default()
            .push(state.clone());
        all.push(state);
    }
    let round = |r: f64| (r * 1000.0).round() / 1000.0;
    let mut plan = Vec::new();
    for per_day in PLAN_PER_DAY {
        let r = exam::simulate(
            sched,
            &all,
            ctx.now,
            at,
            per_day,
            exam::Order::TowardDate,
            1,
        )?;
        plan.push(PlanRecall {
            per_day,
            predicted_recall: round(r),
        });
    }
    Ok(ExamRecall {
        date: date.trim().to_string(),
        predicted_recall: round(exam::recall_at(sched, &all, at)),
        topics: by_topic
            .iter()
            .map(|(topic, cards)| TopicRecall {
                topic: topic.clone(),
                predicted_recall: round(exam::recall_at(sched, cards, at)),
            })
            .collect(),
        plan,
    })
}

fn until(ctx: &Ctx, args: &DueArgs, date: &str) -> Result<()> {
    let at = parse_date(ctx, date)?;
    if at.0 <= ctx.now.0 {
        anyhow::bail!(
            "{}",
            crate::tr!(
                "quiz-until-not-after-today",
                date = crate::render::visible(date).into_owned()
            )
        );
    }
    let store = super::open_with_decks(ctx)?;
    let deck = match &args.deck {
        Some(d) => Some(super::cards::resolve_deck(&store, d)?),
        None => None,
    };
    let config = load_config(&store)?;
    let sched = scheduler(ctx, &config)?;
    let filter = crate::store::StatsFilter { deck, tag: None };
    let report = exam_recall(ctx, &store, &sched, &filter, date, at)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => super::write_json(&mut out, &report)?,
        Format::Text => {
            let pct = |r: f64| format!("{:.0}%", r * 100.0);
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "schedule-until-recall",
                    date = report.date.as_str(),
                    recall = pct(report.predicted_recall)
                )
            )?;
            let width = super::output_width();
            writeln!(out, "{}", crate::tr!("schedule-until-by-topic"))?;
            for t in &report.topics {
                let name = crate::render::width::truncate(
                    &crate::render::visible(&t.topic),
                    width.saturating_sub(8).max(10),
                );
                writeln!(out, "  {:>4}  {name}", pct(t.predicted_recall))?;
            }
            let plan = crate::tr!("schedule-until-plan");
            writeln!(out, "{}", crate::render::width::fit(&plan, width))?;
            let per_day: Vec<String> = (report.plan.iter())
                .map(|p| crate::tr!("schedule-until-per-day", count = p.per_day))
                .collect();
            let w = per_day
                .iter()
                .map(|d| crate::render::width::width(d))
                .max()
                .unwrap_or(0)
                .max(7);
            for (p, d) in report.plan.iter().zip(&per_day) {
                writeln!(out, "  {}  {}", pad_left(d, w), pct(p.predicted_recall))?;
            }
        }
    }
    Ok(())
}

#[derive(Debug, Serialize)]
struct DueJson {
    today: TodayJson,
    forecast: Vec<ForecastJson>,
}

#[derive(Debug, Serialize)]
struct TodayJson {
    new: usize,
    learning: usize,
    review: usize,
}

#[derive(Debug, Serialize)]
struct ForecastJson {
    date: String,
    due: usize,
}

pub(super) fn due(ctx: &Ctx, args: DueArgs) -> Result<()> {
    if let Some(date) = &args.until {
        return until(ctx, &args, date);
    }
    let store = super::open_with_decks(ctx)?;
    let deck = match &args.deck {
        Some(d) => Some(super::cards::resolve_deck(&store, d)?),
        None => None,
    };
    let config = load_config(&store)?;
    let filter = plan::Filter {
        deck,
        until: exam_date(ctx, &config)?,
        ..plan::Filter::default()
    };
    let sched = scheduler(ctx, &config)?;
    let (entries, q) = plan::today(&store, &config, &sched, &filter, ctx.now)?;
    let count = |slot| entries.iter().filter(|e| e.slot == slot).count();
    let today = TodayJson {
        new: count(queue::Slot::New),
        learning: count(queue::Slot::Learning),
        review: count(queue::Slot::Review),
    };
    let days = store.forecast(&q, 30)?;
    let offset = chrono::FixedOffset::east_opt(ctx.utc_offset)
        .with_context(|| crate::tr!("schedule-bad-offset"))?;
    let forecast: Vec<ForecastJson> = days
        .iter()
        .enumerate()
        .map(|(i, &due)| {
            let start = q.day_start.0 + i as i64 * (q.day_end.0 - q.day_start.0);
            let date = chrono::DateTime::from_timestamp_millis(start)
                .map(|t| t.with_timezone(&offset).format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            ForecastJson { date, due }
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            super::write_json(&mut out, &DueJson { today, forecast })?;
        }
        Format::Text => {
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "schedule-due-today",
                    new = today.new,
                    learning = today.learning,
                    review = today.review
                )
            )?;
            let max = forecast.iter().map(|f| f.due).max().unwrap_or(0).max(1);
            // `  2026-11-21  1234  ` comes before the bar.
            let bar_room = ctx.style.width.saturating_sub(20).clamp(10, 40);
            writeln!(out, "{}", crate::tr!("schedule-due-forecast", days = 30))?;
            for f in &forecast {
                let bar = "█".repeat((f.due * bar_room).div_ceil(max));
                writeln!(out, "  {}  {:>4}  {bar}", f.date, f.due)?;
            }
        }
    }
    Ok(())
}

/// `s` right-aligned in `columns` display columns.
fn pad_left(s: &str, columns: usize) -> String {
    let w = crate::render::width::width(s);
    format!("{}{s}", " ".repeat(columns.saturating_sub(w)))
}
