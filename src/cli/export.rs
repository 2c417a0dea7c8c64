//! `synack export` and `synack restore`: the store written out in another
//! format, and a JSON backup read back in.

use std::collections::BTreeSet;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use super::Ctx;
use crate::export::{self, json::Document};
use crate::store::{CardFilter, migrations};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Anki,
    Revlog,
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(help = crate::tr!("cli-export-format"), long, value_enum, value_name = "FORMAT")]
    pub format: ExportFormat,
    #[arg(help = crate::tr!("cli-export-out"), long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[arg(help = crate::tr!("cli-export-deck"), long, value_name = "DECK")]
    pub deck: Option<String>,
    #[arg(help = crate::tr!("cli-export-tag"), long, value_name = "TAG")]
    pub tag: Option<String>,
    #[arg(help = crate::tr!("cli-export-force"), long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    #[arg(help = crate::tr!("cli-restore-file"), value_name = "FILE")]
    pub file: PathBuf,
    #[arg(help = crate::tr!("cli-restore-merge"), long)]
    pub merge: bool,
}

pub(super) fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    // The reports are `synack report`; `export` offers them beside the data formats.
    let report = match args.format {
        ExportFormat::Md => Some(super::stats::ReportFormat::Md),
        ExportFormat::Html => Some(super::stats::ReportFormat::Html),
        _ => None,
    };
    if let Some(format) = report {
        return super::stats::report(
            ctx,
            format,
            args.out.as_deref(),
            args.deck.as_deref(),
            args.tag.as_deref(),
            args.force,
        );
    }
    super::refuse_overwrite(args.out.as_deref(), args.force)?;
    let store = super::open_with_decks(ctx)?;
    let partial = args.deck.is_some() || args.tag.is_some();
    let ids = if partial {
        let deck = match &args.deck {
            Some(d) => Some(super::cards::resolve_deck(&store, d)?),
            None => None,
        };
        let filter = CardFilter {
            deck,
            tag: args.tag.clone(),
            search: None,
        };
        let ids: BTreeSet<i64> = store.cards(&filter)?.iter().map(|c| c.id).collect();
        Some(ids)
    } else {
        None
    };
    if args.format == ExportFormat::Json {
        // Streamed: a big deck's backup is half a gigabyte.
        let schema = store.schema_version()?;
        return super::write_output_with(args.out.as_deref(), |w| {
            Ok(export::json::write(
                w,
                &store,
                schema,
                ctx.now,
                ids.as_ref(),
            )?)
        });
    }
    let mut data = store.backup_data()?;
    if let Some(ids) = &ids {
        data = export::select(data, ids);
    }
    let mut bytes = Vec::new();
    match args.format {
        ExportFormat::Csv => {
            let config = super::schedule::load_config(&store)?;
            let scheduler = super::schedule::scheduler(ctx, &config)?;
            export::csv::write(&mut bytes, &data, &scheduler, ctx.now)?;
        }
        ExportFormat::Anki => export::anki::write(&mut bytes, &data)?,
        ExportFormat::Revlog => export::revlog::write(&mut bytes, &data)?,
        ExportFormat::Json | ExportFormat::Md | ExportFormat::Html => {
            unreachable!("written above")
        }
    }
    super::write_output(args.out.as_deref(), &bytes)
}

pub(super) fn restore(ctx: &Ctx, args: RestoreArgs) -> Result<()> {
    let file = args.file.display();
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| crate::tr!("export-cannot-read", path = file.to_string()))?;
    let doc =
        Document::parse(&text, migrations::latest_version()).with_context(|| format!("{file}"))?;
    if doc.partial && !args.merge {
        bail!(crate::tr!(
            "export-partial-needs-merge",
            path = file.to_string()
        ));
    }
    let mut store = super::open(ctx)?;
    let data = &doc.data;
    if args.merge {
        let m = store
            .merge(data)
            .with_context(|| crate::tr!("export-cannot-merge", path = file.to_string()))?;
        println!(
            "{}",
            crate::tr!(
                "export-merged",
                path = file.to_string(),
                cards = m.cards,
                reviews = m.reviews,
                sessions = m.sessions,
                sources = m.sources,
                states = m.states
            )
        );
        return Ok(());
    }
    if !store.is_empty()? {
        bail!(crate::tr!(
            "export-not-empty",
            path = ctx.db.display().to_string()
        ));
    }
    store
        .restore(data)
        .with_context(|| crate::tr!("export-cannot-restore", path = file.to_string()))?;
    println!(
        "{}",
        crate::tr!(
            "export-restored",
            path = file.to_string(),
            cards = data.cards.len(),
            reviews = data.reviews.len(),
            sessions = data.sessions.len(),
            sources = data.sources.len(),
            db = ctx.db.display().to_string()
        )
    );
    Ok(())
}
