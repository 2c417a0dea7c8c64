//! The report as Markdown: the same sections as the HTML report, as tables,
//! with links to the notes the cards come from.

use std::fmt::Write;

use super::{Report, Source};

/// Text safe inside a Markdown table cell: no pipes, no line breaks, no raw HTML.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace(['\n', '\r'], " ")
}

fn source(s: &Source) -> String {
    match s.href() {
        // Angle brackets let the target hold spaces.
        Some(href) => format!("[{}](<{}>)", cell(&s.display()), href.replace('>', "%3E")),
        None => cell(&s.display()),
    }
}

fn percent(r: Option<f64>) -> String {
    r.map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0))
}

/// Renders `report` as Markdown, in the current language.
pub fn render(report: &Report) -> String {
    use crate::tr;
    let mut out = String::new();
    let o = &report.overview;
    let _ = writeln!(out, "# {}\n", tr!("report-title"));
    let _ = writeln!(
        out,
        "{}\n",
        tr!(
            "report-as-of",
            scope = cell(&report.scope()),
            generated = report.generated.as_str(),
            today = report.today.as_str()
        )
    );

    let _ = writeln!(out, "## {}\n", tr!("report-overview"));
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---:|",
        tr!("report-item"),
        tr!("report-value")
    );
    for (k, v) in [
        (tr!("report-cards"), o.cards.to_string()),
        (tr!("report-new"), o.new.to_string()),
        (tr!("report-learning"), o.learning.to_string()),
        (tr!("report-review"), o.review.to_string()),
        (tr!("report-relearning"), o.relearning.to_string()),
        (tr!("report-suspended"), o.suspended.to_string()),
        (tr!("report-reviews"), o.reviews.to_string()),
        (tr!("report-study-days"), o.study_days.to_string()),
        (tr!("report-streak-days"), o.streak.to_string()),
        (tr!("report-retention-young"), o.retention.young.display()),
        (tr!("report-retention-mature"), o.retention.mature.display()),
        (tr!("report-retention-all"), o.retention.all.display()),
    ] {
        let _ = writeln!(out, "| {k} | {v} |");
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        tr!("report-retention-note", days = super::MATURE_DAYS)
    );

    let _ = writeln!(out, "## {}\n", tr!("report-topics"));
    let _ = writeln!(
        out,
        "| {} |\n|---|---:|---:|---:|---:|---:|---:|---|",
        super::topic_headers().join(" | ")
    );
    for t in &report.topics {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&t.name()),
            t.cards,
            t.new,
            t.young,
            t.mature,
            percent(t.retrievability),
            t.lapses,
            t.verdict.label()
        );
    }
    let _ = writeln!(out, "\n{}\n", super::verdict_note());

    let _ = writeln!(out, "## {}\n", tr!("report-weakest"));
    table(
        &mut out,
        &tr!("report-no-reviewed"),
        &[
            (tr!("report-col-id"), true),
            (tr!("report-col-card"), false),
            (tr!("report-col-r"), true),
            (tr!("report-col-lapses"), true),
            (tr!("report-col-stability"), true),
            (tr!("report-col-source"), false),
        ],
        report.weakest.iter().map(|c| {
            vec![
                c.id.to_string(),
                cell(&c.front),
                format!("{:.0}%", c.retrievability * 100.0),
                c.lapses.to_string(),
                c.stability.map_or("–".to_string(), |s| {
                    tr!("report-stability-days", days = format!("{s:.1}"))
                }),
                source(&c.source),
            ]
        }),
    );

    let _ = writeln!(out, "## {}\n", tr!("report-open-questions"));
    table(
        &mut out,
        &tr!("report-none"),
        &[
            (tr!("report-col-id"), true),
            (tr!("report-col-question"), false),
            (tr!("report-col-reviews"), true),
            (tr!("report-col-source"), false),
        ],
        report.open_questions.iter().map(|q| {
            vec![
                q.id.to_string(),
                cell(&q.front),
                q.reviews.to_string(),
                source(&q.source),
            ]
        }),
    );

    let _ = writeln!(
        out,
        "## {}\n",
        tr!("report-typed", days = super::TYPED_DAYS)
    );
    table(
        &mut out,
        &tr!("report-none"),
        &[
            (tr!("report-col-when"), false),
            (tr!("report-col-card"), false),
            (tr!("report-col-typed"), false),
            (tr!("report-col-grade"), false),
        ],
        report.typed_answers.iter().map(|a| {
            vec![
                a.at.clone(),
                cell(&a.front),
                cell(&a.typed),
                super::rating_label(a.rating),
            ]
        }),
    );

    let _ = writeln!(out, "## {}\n", tr!("report-forecast"));
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---:|",
        tr!("report-col-date"),
        tr!("report-col-due")
    );
    for d in report.forecast.iter().filter(|d| d.due > 0) {
        let _ = writeln!(out, "| {} | {} |", d.date, d.due);
    }
    if let Some(e) = &report.exam {
        let pct = super::percent;
        let _ = writeln!(
            out,
            "\n## {}\n",
            tr!(
                "report-exam-title",
                date = e.date.as_str(),
                recall = pct(e.predicted_recall)
            )
        );
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---:|",
            tr!("report-col-topic"),
            tr!("report-exam-col-recall")
        );
        for t in super::exam_topics_weakest_first(e) {
            let _ = writeln!(out, "| {} | {} |", cell(&t.topic), pct(t.predicted_recall));
        }
        let _ = writeln!(
            out,
            "\n{}:\n\n| {} | {} |\n|---:|---:|",
            tr!("report-exam-plan"),
            tr!("report-exam-col-per-day"),
            tr!("report-exam-col-plan-recall")
        );
        for p in &e.plan {
            let _ = writeln!(out, "| {} | {} |", p.per_day, pct(p.predicted_recall));
        }
        let _ = writeln!(out, "\n{}", tr!("report-exam-note"));
    }
    out
}

/// A Markdown table (columns named, `true` for right-aligned) and a blank
/// line; `empty` in its place when there are no rows.
fn table(
    out: &mut String,
    empty: &str,
    columns: &[(String, bool)],
    rows: impl Iterator<Item = Vec<String>>,
) {
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        let _ = writeln!(out, "{empty}\n");
        return;
    }
    let names: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
    let rules: Vec<&str> = columns
        .iter()
        .map(|&(_, right)| if right { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |\n|{}|", names.join(" | "), rules.join("|"));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    let _ = writeln!(out);
}
