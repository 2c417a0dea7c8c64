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
}

#[derive(Debug, Args)]
pub struct OptimizeArgs {
    #[arg(help = crate::tr!("cli-optimize-yes"), long)]
    pub yes: bool,
}

/// The report over the deck and tag asked for, at `ctx.now`.
fn build(ctx: &Ctx, deck: Option<&str>, tag: Option<&str>) -> Result<Report> {
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
    let exam = match (&config.exam_date, super::schedule::exam_date(ctx, &config)?) {
        (Some(date), Some(at)) if at > ctx.now => Some(super::schedule::exam_recall(
            ctx, &store, &sched, &filter, date, at,
        )?),
        _ => None,
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
    let report = build(ctx, args.deck.as_deref(), args.tag.as_deref())?;
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
    // Refuse before doing the work.
    super::refuse_overwrite(out, force)?;
    let report = build(ctx, deck, tag)?;
    let text = match format {
        ReportFormat::Md => report::md::render(&report),
        ReportFormat::Html => report::html::render(&report),
    };
    super::write_output(out, text.as_bytes())
}

pub(super) fn report_command(ctx: &Ctx, args: ReportArgs) -> Result<()> {
    report(
        ctx,
        args.format,
        args.out.as_deref(),
        args.deck.as_deref(),
        args.tag.as_deref(),
        args.force,
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
            writeln!(
                out,
                "지금은 FSRS-6 기본 parameters를 그대로 씁니다. 복습이 더 쌓이면 다시 실행하세요."
            )?;
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
        "리뷰 {} 개 (하루 이상 지난 복습 {have}개, 카드 {cards}장)로 FSRS-6 parameters를 맞췄습니다.",
        reviews.len()
    )?;
    writeln!(out, "{:<10}  {:>8}  {:>11}", "", "log loss", "RMSE (bins)")?;
    writeln!(
        out,
        "{:<10}  {:>8.4}  {:>11.4}",
        "current", before.log_loss, before.rmse_bins
    )?;
    writeln!(
        out,
        "{:<10}  {:>8.4}  {:>11.4}",
        "fitted", after.log_loss, after.rmse_bins
    )?;
    let text: Vec<String> = fitted.iter().map(|p| format!("{p:.4}")).collect();
    let text = text.join(", ");
    writeln!(out, "fitted parameters: {text}")?;
    let save = if args.yes {
        true
    } else if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        write!(out, "저장할까요? [y/N] ")?;
        out.flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        matches!(line.trim(), "y" | "Y" | "yes")
    } else {
        writeln!(
            out,
            "저장하지 않았습니다 (터미널이 아님). 저장하려면: synack optimize --yes"
        )?;
        return Ok(());
    };
    if save {
        config
            .set("parameters", &text)
            .context("the fitted parameters were rejected")?;
        let value = config.get("parameters")?;
        store.set_config("parameters", &value)?;
        writeln!(out, "저장했습니다: parameters = {value}")?;
    } else {
        writeln!(out, "저장하지 않았습니다.")?;
    }
    Ok(())
}
