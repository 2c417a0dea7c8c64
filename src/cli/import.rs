//! `synack import`.

use std::io::Write;

use anyhow::Result;

use super::{Ctx, ImportArgs};
use crate::import::{self, FileReport, Report, files};
use crate::render::visible;

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
        anyhow::bail!(crate::tr!("import-deck-empty"));
    }
    let options = crate::deck::Options {
        cloze_bold: args.cloze_bold,
        deck: args.deck.clone(),
    };
    let report = import::import_with(&mut store, notes, ctx.now, &options)?;
    let json = ReportJson {
        report: &report,
        shipped_decks_notice: shipped_missing.then(|| crate::tr!("import-shipped-decks-notice")),
    };

    let mut err = std::io::stderr().lock();
    for file in &report.files {
        for w in &file.warnings {
            writeln!(
                err,
                "{}",
                crate::tr!("import-warning-line", message = visible(w).into_owned())
            )?;
        }
    }
    let mut out = super::buffered_stdout();
    if args.json {
        super::write_json(&mut out, &json)?;
    } else {
        let mut text = Vec::new();
        write_text(&mut text, &report)?;
        if let Some(notice) = &json.shipped_decks_notice {
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

/// The report in `--json`: the import's own fields, and what the command adds.
#[derive(Debug, serde::Serialize)]
struct ReportJson<'a> {
    #[serde(flatten)]
    report: &'a Report,
    /// When the import was a new database's first command and did not
    /// bring the shipped decks: a sentence saying how to add them; else `null`.
    shipped_decks_notice: Option<String>,
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for f in &report.files {
        write_file(out, f)?;
    }
    let t = &report.totals;
    if report.wrote_nothing() {
        writeln!(
            out,
            "{}",
            crate::tr!("import-nothing", files = t.files, cards = t.unchanged)
        )
    } else {
        writeln!(
            out,
            "{}",
            crate::tr!(
                "import-total",
                files = t.files,
                parsed = t.parsed,
                counts = counts(
                    t.added,
                    t.updated,
                    t.renamed,
                    t.unchanged,
                    t.suspended,
                    t.restored,
                    t.open
                )
            )
        )?;
        if t.skipped > 0 {
            writeln!(
                out,
                "{}",
                crate::tr!("import-skipped-total", count = t.skipped)
            )?;
        }
        Ok(())
    }
}

fn write_file(out: &mut impl Write, f: &FileReport) -> std::io::Result<()> {
    if !f.parsed {
        return writeln!(
            out,
            "{}",
            crate::tr!(
                "import-file-unchanged",
                path = visible(&f.path).into_owned(),
                deck = visible(&f.deck).into_owned(),
                count = f.unchanged
            )
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
        writeln!(
            out,
            "  {}",
            crate::tr!(
                "import-renamed",
                id = r.id,
                from = format!("{:?}", r.from),
                to = format!("{:?}", r.to)
            )
        )?;
    }
    for s in &f.skipped {
        writeln!(
            out,
            "  {}",
            crate::tr!(
                "import-skipped-line",
                line = s.line,
                reason = visible(&s.reason).into_owned()
            )
        )?;
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
        crate::tr!("import-count-added", count = added),
        crate::tr!("import-count-updated", count = updated),
        crate::tr!("import-count-renamed", count = renamed),
        crate::tr!("import-count-unchanged", count = unchanged),
        crate::tr!("import-count-suspended", count = suspended),
    ];
    if restored > 0 {
        parts.push(crate::tr!("import-count-restored", count = restored));
    }
    parts.push(crate::tr!("import-count-open", count = open));
    parts.join(", ")
}
