//! `synack import`.

use std::io::Write;

use anyhow::Result;

use super::{Ctx, ImportArgs};
use crate::import::{self, FileReport, Report, files};
use crate::render::{count, visible};

pub(super) fn run(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    // Read and check every file before the database is opened: bad input
    // must leave nothing behind.
    let mut notes = files::collect(&args.paths, args.lossy)?;
    if args.builtin {
        notes.extend(files::shipped());
    }
    let mut store = super::open(ctx)?;
    // The shipped decks fill a database on its first use by a command that
    // reads cards, and only when it has no notes: an import as the first
    // command leaves them out for good, so it says so (once: the next
    // import finds notes there).
    let shipped_missing = !args.builtin && store.source_count()? == 0;
    if args.deck.as_deref().is_some_and(|d| d.trim().is_empty()) {
        anyhow::bail!("--deck: the deck name is empty");
    }
    let options = crate::deck::Options {
        cloze_bold: args.cloze_bold,
        deck: args.deck.clone(),
    };
    let report = import::import_with(&mut store, notes, ctx.now, &options)?;
    let json = ReportJson {
        report: &report,
        shipped_decks_notice: shipped_missing.then_some(SHIPPED_DECKS_NOTICE),
    };

    let mut err = std::io::stderr().lock();
    for file in &report.files {
        for w in &file.warnings {
            writeln!(err, "synack: warning: {}", visible(w))?;
        }
    }
    let mut out = super::buffered_stdout();
    if args.json {
        super::write_json(&mut out, &json)?;
    } else {
        let mut text = Vec::new();
        write_text(&mut text, &report)?;
        if let Some(notice) = json.shipped_decks_notice {
            writeln!(text, "{notice}")?;
        }
        let max = match ctx.style.width {
            0 => usize::MAX,
            w => w,
        };
        let text = String::from_utf8_lossy(&text);
        out.write_all(crate::render::width::fit(&text, max).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// What the import report says when the import was a new database's first
/// command and did not bring the shipped decks.
const SHIPPED_DECKS_NOTICE: &str = "The decks that ship with synack are not in this database; add them with `synack import --builtin`.";

/// The report in `--json`: the import's own fields, and what the command adds.
#[derive(Debug, serde::Serialize)]
struct ReportJson<'a> {
    #[serde(flatten)]
    report: &'a Report,
    /// [`SHIPPED_DECKS_NOTICE`] when it applies, else `null`.
    shipped_decks_notice: Option<&'static str>,
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for f in &report.files {
        write_file(out, f)?;
    }
    let t = &report.totals;
    if report.wrote_nothing() {
        writeln!(
            out,
            "Nothing to import: {} unchanged since the last import ({}).",
            count(t.files, "file is", "files are"),
            count(t.unchanged, "card", "cards")
        )
    } else {
        writeln!(
            out,
            "Total: {} ({} parsed): {}",
            count(t.files, "file", "files"),
            t.parsed,
            counts(
                t.added,
                t.updated,
                t.renamed,
                t.unchanged,
                t.suspended,
                t.restored,
                t.open
            )
        )?;
        if t.skipped > 0 {
            writeln!(
                out,
                "{} skipped (see above).",
                count(t.skipped, "passage", "passages")
            )?;
        }
        Ok(())
    }
}

fn write_file(out: &mut impl Write, f: &FileReport) -> std::io::Result<()> {
    if !f.parsed {
        return writeln!(
            out,
            "{}  [{}]: unchanged, not re-parsed ({})",
            visible(&f.path),
            visible(&f.deck),
            count(f.unchanged, "card", "cards")
        );
    }
    writeln!(
        out,
        "{}  [{}]: {}",
        visible(&f.path),
        visible(&f.deck),
        counts(
            f.added,
            f.updated,
            f.renamed,
            f.unchanged,
            f.suspended,
            f.restored,
            f.open
        )
    )?;
    for r in &f.renames {
        // Debug quoting shows control characters as escapes too.
        writeln!(out, "  renamed #{}: {:?} → {:?}", r.id, r.from, r.to)?;
    }
    for s in &f.skipped {
        writeln!(out, "  skipped line {}: {}", s.line, visible(&s.reason))?;
    }
    Ok(())
}

fn counts(
    added: usize,
    updated: usize,
    renamed: usize,
    unchanged: usize,
    suspended: usize,
    restored: usize,
    open: usize,
) -> String {
    let mut parts = vec![
        format!("{added} added"),
        format!("{updated} updated"),
        format!("{renamed} renamed"),
        format!("{unchanged} unchanged"),
        format!("{suspended} suspended"),
    ];
    if restored > 0 {
        parts.push(format!("{restored} restored"));
    }
    parts.push(format!("{open} open"));
    parts.join(", ")
}
