//! The report as Markdown: the same sections as the HTML report, as tables,
//! with links to the notes the cards come from.

use std::fmt::Write;

use super::{Report, SHAKY_LAPSES, SHAKY_R, Source, WEAK_LAPSES, WEAK_R};

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

/// Renders `report` as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let o = &report.overview;
    let _ = writeln!(out, "# synack 학습 리포트\n");
    let _ = writeln!(
        out,
        "{} · {} 기준 (오늘 = {})\n",
        cell(&report.scope()),
        report.generated,
        report.today
    );

    let _ = writeln!(out, "## 요약 (overview)\n");
    let _ = writeln!(out, "| 항목 | 값 |\n|---|---:|");
    for (k, v) in [
        ("cards", o.cards.to_string()),
        ("new", o.new.to_string()),
        ("learning", o.learning.to_string()),
        ("review", o.review.to_string()),
        ("relearning", o.relearning.to_string()),
        ("suspended", o.suspended.to_string()),
        ("reviews", o.reviews.to_string()),
        ("study days", o.study_days.to_string()),
        ("streak (days)", o.streak.to_string()),
        ("true retention, young", o.retention.young.display()),
        ("true retention, mature", o.retention.mature.display()),
        ("true retention, all", o.retention.all.display()),
    ] {
        let _ = writeln!(out, "| {k} | {v} |");
    }
    let _ = writeln!(
        out,
        "\nTrue retention: review 상태 카드의 그날 첫 답만 셉니다 (Again = 실패, learning/relearning step 제외). \
         mature = 직전 interval ≥ 21일.\n"
    );

    let _ = writeln!(out, "## 주제별 (topics)\n");
    let _ = writeln!(
        out,
        "| topic | cards | new | young | mature | R | lapses | 판정 |\n|---|---:|---:|---:|---:|---:|---:|---|"
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
    let _ = writeln!(
        out,
        "\n판정: not started = 아직 복습 없음; weak = 평균 R < {:.0}% 또는 카드당 lapse ≥ {WEAK_LAPSES}; \
         shaky = R < {:.0}% 또는 lapse ≥ {SHAKY_LAPSES}; 그 외 solid.\n",
        WEAK_R * 100.0,
        SHAKY_R * 100.0
    );

    let _ = writeln!(out, "## 가장 약한 카드 (weakest)\n");
    table(
        &mut out,
        "아직 복습한 카드가 없습니다.",
        &[
            ("#", true),
            ("card", false),
            ("R", true),
            ("lapses", true),
            ("stability", true),
            ("source", false),
        ],
        report.weakest.iter().map(|c| {
            vec![
                c.id.to_string(),
                cell(&c.front),
                format!("{:.0}%", c.retrievability * 100.0),
                c.lapses.to_string(),
                c.stability.map_or("–".to_string(), |s| format!("{s:.1}d")),
                source(&c.source),
            ]
        }),
    );

    let _ = writeln!(out, "## 아직 답이 없는 질문 (open questions)\n");
    table(
        &mut out,
        "없습니다.",
        &[
            ("#", true),
            ("question", false),
            ("reviews", true),
            ("source", false),
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
        "## 최근 {}일 입력한 답 (typed answers)\n",
        super::TYPED_DAYS
    );
    table(
        &mut out,
        "없습니다.",
        &[
            ("when", false),
            ("card", false),
            ("typed", false),
            ("grade", false),
        ],
        report.typed_answers.iter().map(|a| {
            vec![
                a.at.clone(),
                cell(&a.front),
                cell(&a.typed),
                a.rating.to_string(),
            ]
        }),
    );

    let _ = writeln!(out, "## 앞으로 30일 due (forecast)\n");
    let _ = writeln!(out, "| date | due |\n|---|---:|");
    for d in report.forecast.iter().filter(|d| d.due > 0) {
        let _ = writeln!(out, "| {} | {} |", d.date, d.due);
    }
    if let Some(e) = &report.exam {
        let pct = |r: f64| format!("{:.0}%", r * 100.0);
        let _ = writeln!(
            out,
            "\n## {} 예상 기억률 (predicted recall): {}\n",
            e.date,
            pct(e.predicted_recall)
        );
        let _ = writeln!(out, "| topic | recall |\n|---|---:|");
        for t in &e.topics {
            let _ = writeln!(out, "| {} | {} |", cell(&t.topic), pct(t.predicted_recall));
        }
        let _ = writeln!(out, "\n| cards a day | recall on the day |\n|---:|---:|");
        for p in &e.plan {
            let _ = writeln!(out, "| {} | {} |", p.per_day, pct(p.predicted_recall));
        }
    }
    out
}

/// A Markdown table (columns named, `true` for right-aligned) and a blank
/// line; `empty` in its place when there are no rows.
fn table(
    out: &mut String,
    empty: &str,
    columns: &[(&str, bool)],
    rows: impl Iterator<Item = Vec<String>>,
) {
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        let _ = writeln!(out, "{empty}\n");
        return;
    }
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
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
