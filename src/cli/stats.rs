//! `synack stats`, `synack report` and `synack optimize`: what the review
//! log says about the user's memory, and FSRS parameters fitted to it.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::schedule::{load_config, scheduler};
use super::{Ctx, Format};
use crate::export::report::{self, Input, Report};
use crate::quiz::plan;
use crate::render::width::{pad, width};
use crate::schedule::optimize::{self, OptimizeError};
use crate::store::StatsFilter;

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(help = crate::tr!("cli-stats-deck"), long, value_name = "DECK")]
    pub deck: Option<String>,
    #[arg(help = crate::tr!("cli-stats-tag"), long, value_name = "TAG")]
    pub tag: Option<String>,
    #[arg(help = crate::tr!("cli-stats-format"), long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    #[value(help = crate::tr!("cli-report-format-md"))]
    Md,
    #[value(help = crate::tr!("cli-report-format-html"))]
    Html,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(help = crate::tr!("cli-report-format"), long, value_enum)]
    pub format: ReportFormat,
    #[arg(help = crate::tr!("cli-report-out"), long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[arg(help = crate::tr!("cli-report-force"), long, requires = "out")]
    pub force: bool,
    #[arg(help = crate::tr!("cli-report-deck"), long, value_name = "DECK")]
    pub deck: Option<String>,
    #[arg(help = crate::tr!("cli-report-tag"), long, value_name = "TAG")]
    pub tag: Option<String>,
    #[arg(long, value_name = "DATE", help = crate::tr!("report-opt-until"))]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct OptimizeArgs {
    #[arg(help = crate::tr!("cli-optimize-yes"), long)]
    pub yes: bool,
}

/// `--until DATE` as a time: a date (YYYY-MM-DD) after today, else a usage error.
fn until_date(ctx: &Ctx, date: &str) -> Result<crate::clock::Timestamp> {
    let at = super::schedule::parse_date(ctx, date)
        .map_err(|_| crate::exit::UsageError(crate::tr!("report-until-bad", date = date)))?;
    if at <= ctx.now {
        return Err(crate::exit::UsageError(crate::tr!("report-until-past", date = date)).into());
    }
    Ok(at)
}

/// The report over the deck and tag asked for, at `ctx.now`, with the
/// predicted recall on `until` (checked by [`until_date`]) or, without it,
/// on the `exam_date` setting.
fn build(
    ctx: &Ctx,
    deck: Option<&str>,
    tag: Option<&str>,
    until: Option<(&str, crate::clock::Timestamp)>,
) -> Result<Report> {
    let store = super::open_with_decks(ctx)?;
    let deck = match deck {
        Some(d) => Some(super::cards::resolve_deck(&store, d)?),
        None => None,
    };
    let tag = tag.map(str::to_string);
    let config = load_config(&store)?;
    let sched = scheduler(ctx, &config)?;
    let filter = StatsFilter {
        deck: deck.clone(),
        tag: tag.clone(),
    };
    let cards = store.stats_cards(&filter)?;
    let mut log = report::ReviewLog::new(&sched, ctx.now, ctx.utc_offset);
    store.each_stats_review(&filter, |r| log.add(r))?;
    let q = plan::query(
        &sched,
        &plan::Filter {
            deck: deck.clone(),
            tag: tag.clone(),
            ..plan::Filter::default()
        },
        ctx.now,
    );
    let forecast = store.forecast(&q, 30)?;
    // Studying toward a date that has not come: its predicted recall too.
    let exam = match until {
        Some((date, at)) => Some(super::schedule::exam_recall(
            ctx, &store, &sched, &filter, date, at,
        )?),
        None => match (&config.exam_date, super::schedule::exam_date(ctx, &config)?) {
            (Some(date), Some(at)) if at > ctx.now => Some(super::schedule::exam_recall(
                ctx, &store, &sched, &filter, date, at,
            )?),
            _ => None,
        },
    };
    let mut report = Report::build(&Input {
        cards: &cards,
        log: &log,
        forecast: &forecast,
        scheduler: &sched,
        now: ctx.now,
        utc_offset: ctx.utc_offset,
        deck,
        tag,
    });
    report.exam = exam;
    Ok(report)
}

pub(super) fn stats(ctx: &Ctx, args: StatsArgs) -> Result<()> {
    let report = build(ctx, args.deck.as_deref(), args.tag.as_deref(), None)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => super::write_json(&mut out, &report)?,
        Format::Text => {
            // Deck names, fronts and note paths in it are shown, not obeyed.
            let text = report::text::render(&report, ctx.style.width);
            let lines: Vec<_> = text.split('\n').map(crate::render::visible).collect();
            out.write_all(lines.join("\n").as_bytes())?;
        }
    }
    Ok(())
}

/// Writes the Markdown or HTML report to `out` (refusing to replace a file
/// unless `force`) or, without `out`, to standard output.
pub(super) fn report(
    ctx: &Ctx,
    format: ReportFormat,
    out: Option<&Path>,
    deck: Option<&str>,
    tag: Option<&str>,
    force: bool,
) -> Result<()> {
    report_until(ctx, format, out, deck, tag, force, None)
}

/// [`report`] with the predicted recall on `until` (`report --until DATE`).
fn report_until(
    ctx: &Ctx,
    format: ReportFormat,
    out: Option<&Path>,
    deck: Option<&str>,
    tag: Option<&str>,
    force: bool,
    until: Option<&str>,
) -> Result<()> {
    let until = match until {
        Some(date) => Some((date, until_date(ctx, date)?)),
        None => None,
    };
    // Refuse before doing the work.
    super::refuse_overwrite(out, force)?;
    let report = build(ctx, deck, tag, until)?;
    let text = match format {
        ReportFormat::Md => report::md::render(&report),
        ReportFormat::Html => report::html::render(&report),
    };
    super::write_output(out, text.as_bytes())
}

pub(super) fn report_command(ctx: &Ctx, args: ReportArgs) -> Result<()> {
    report_until(
        ctx,
        args.format,
        args.out.as_deref(),
        args.deck.as_deref(),
        args.tag.as_deref(),
        args.force,
        args.until.as_deref(),
    )
}

pub(super) fn optimize(ctx: &Ctx, args: OptimizeArgs) -> Result<()> {
    let mut store = super::open_with_decks(ctx)?;
    let mut config = load_config(&store)?;
    let reviews = store.stats_reviews(&StatsFilter::default())?;
    let sched = scheduler(ctx, &config)?;
    // Days between reviews in study days, as the scheduler counted them.
    let logs = optimize::card_logs(
        reviews.iter().map(|r| optimize::LoggedReview {
            card_id: r.card_id,
            at: r.reviewed_at,
            rating: r.rating,
            before: r.state_before,
        }),
        |t| sched.study_day(t),
    );
    let mut out = std::io::stdout().lock();
    let fitted = match optimize::fit(&logs) {
        Ok(p) => p,
        Err(e @ (OptimizeError::NotEnough { .. } | OptimizeError::NothingLeft { .. })) => {
            writeln!(out, "{e}")?;
            writeln!(out, "{}", crate::tr!("optimize-defaults-kept"))?;
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    let items = optimize::items(&logs);
    let before = optimize::evaluate(&config.settings.parameters, &items)?;
    let after = optimize::evaluate(&fitted, &items)?;
    let (have, cards) = optimize::long_term_reviews(&logs);
    writeln!(
        out,
        "{}",
        crate::tr!(
            "optimize-fitted",
            reviews = reviews.len(),
            long_term = have,
            cards = cards
        )
    )?;
    // Row names padded by display width: Korean takes two columns a letter.
    let names = [crate::tr!("optimize-current"), crate::tr!("optimize-new")];
    let name_w = names.iter().map(|n| width(n)).max().unwrap_or(0).max(10);
    writeln!(
        out,
        "{}  {:>8}  {:>11}",
        pad("", name_w),
        "log loss",
        "RMSE (bins)"
    )?;
    for (name, fit) in names.iter().zip([before, after]) {
        writeln!(
            out,
            "{}  {:>8.4}  {:>11.4}",
            pad(name, name_w),
            fit.log_loss,
            fit.rmse_bins
        )?;
    }
    let text: Vec<String> = fitted.iter().map(|p| format!("{p:.4}")).collect();
    let text = text.join(", ");
    writeln!(
        out,
        "{}",
        crate::tr!("optimize-parameters", parameters = text.as_str())
    )?;
    let save = if args.yes {
        true
    } else if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        write!(out, "{} ", crate::tr!("optimize-ask"))?;
        out.flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        // `ㅛ` is the y key under a Korean keyboard layout.
        matches!(
            line.trim(),
            "y" | "Y" | "yes" | "Yes" | "YES" | "ㅛ" | "예" | "네"
        )
    } else {
        writeln!(out, "{}", crate::tr!("optimize-not-a-terminal"))?;
        return Ok(());
    };
    if save {
        config
            .set("parameters", &text)
            .with_context(|| crate::tr!("optimize-rejected"))?;
        let value = config.get("parameters")?;
        store.set_config("parameters", &value)?;
        writeln!(
            out,
            "{}",
            crate::tr!("optimize-saved", value = value.as_str())
        )?;
    } else {
        writeln!(out, "{}", crate::tr!("optimize-not-saved"))?;
    }
    Ok(())
}
