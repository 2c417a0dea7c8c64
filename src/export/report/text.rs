//! The report for a terminal (`synack stats`): headline numbers, the topic
//! table aligned by display width (Hangul takes two columns), a 12-week
//! review heatmap and the 30-day forecast as a one-line bar chart.

use std::fmt::Write;

use super::{Report, SHAKY_LAPSES, SHAKY_R, WEAK_LAPSES, WEAK_R};
use crate::render::width::{pad, truncate, width};

/// Weeks in the heatmap.
const HEAT_WEEKS: usize = 12;
const TOPIC_COLUMNS: usize = 44;

/// Renders `report` as plain text.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let o = &report.overview;
    let _ = writeln!(
        out,
        "synack stats — {} · {}\n",
        report.scope(),
        report.generated
    );
    let _ = writeln!(
        out,
        "카드 {}장: new {} · learning {} · review {} · relearning {} · suspended {}",
        o.cards, o.new, o.learning, o.review, o.relearning, o.suspended
    );
    let _ = writeln!(
        out,
        "복습 {}회 · 공부한 날 {}일 · 연속 학습(streak) {}일",
        o.reviews, o.study_days, o.streak
    );
    let _ = writeln!(
        out,
        "True retention (review 카드의 그날 첫 답, Again = 실패): young {} · mature {} · 전체 {}",
        o.retention.young.display(),
        o.retention.mature.display(),
        o.retention.all.display()
    );

    let _ = writeln!(out, "\n주제별 (topic):");
    topic_table(&mut out, report);

    let _ = writeln!(
        out,
        "\n최근 {HEAT_WEEKS}주 복습 (· 0  ░ ▒ ▓ █ 많을수록 진함):"
    );
    heatmap(&mut out, report);

    let _ = writeln!(out, "\n앞으로 30일 due:");
    forecast(&mut out, report);
    out
}

fn topic_table(out: &mut String, report: &Report) {
    let headers = [
        "topic", "cards", "new", "young", "mature", "R", "lapses", "판정",
    ];
    let rows: Vec<[String; 8]> = report
        .topics
        .iter()
        .map(|t| {
            [
                truncate(&t.name(), TOPIC_COLUMNS),
                t.cards.to_string(),
                t.new.to_string(),
                t.young.to_string(),
                t.mature.to_string(),
                t.retrievability
                    .map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0)),
                t.lapses.to_string(),
                t.verdict.label().to_string(),
            ]
        })
        .collect();
    let mut widths = headers.map(width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::from(" ");
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            s.push(' ');
            // Names and verdicts read left to right; numbers line up on the right.
            if i == 0 || i == 7 {
                s.push_str(&pad(cell, w));
            } else {
                s.push_str(&" ".repeat(w - width(cell)));
                s.push_str(cell);
            }
            s.push(' ');
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(&headers.map(String::from)));
    for row in &rows {
        let _ = writeln!(out, "{}", line(row));
    }
    let _ = writeln!(
        out,
        "  판정: not started = 아직 복습 없음 · weak = 평균 R < {:.0}% 또는 카드당 lapse ≥ {WEAK_LAPSES} \
         · shaky = R < {:.0}% 또는 lapse ≥ {SHAKY_LAPSES} · 그 외 solid",
        WEAK_R * 100.0,
        SHAKY_R * 100.0
    );
}

/// 7 rows (Monday to Sunday) × 12 columns (weeks, the last one this week).
fn heatmap(out: &mut String, report: &Report) {
    let Some(last) = report.days.last() else {
        return;
    };
    let today_weekday = Report::weekday(&last.date).unwrap_or(6);
    // The grid's last cell is this week's Sunday; `days` ends today.
    let cells = HEAT_WEEKS * 7;
    let after_today = 6 - today_weekday;
    let shown = cells - after_today;
    let start = report.days.len().saturating_sub(shown);
    let counts: Vec<Option<usize>> = std::iter::repeat_n(None, shown - (report.days.len() - start))
        .chain(report.days[start..].iter().map(|d| Some(d.total())))
        .chain(std::iter::repeat_n(None, after_today))
        .collect();
    let max = counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    for (row, name) in ["월", "화", "수", "목", "금", "토", "일"]
        .iter()
        .enumerate()
    {
        let mut line = format!("  {name} ");
        for week in 0..HEAT_WEEKS {
            line.push(match counts[week * 7 + row] {
                None => ' ',
                Some(0) => '·',
                Some(n) => ['░', '▒', '▓', '█'][((n * 4).div_ceil(max) - 1).min(3)],
            });
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(out, "     (가장 많은 날 {max}회, 오른쪽 끝이 이번 주)");
}

/// One column per day, eighths of a block by count.
fn forecast(out: &mut String, report: &Report) {
    let days = &report.forecast;
    let max = days.iter().map(|d| d.due).max().unwrap_or(0);
    let total: usize = days.iter().map(|d| d.due).sum();
    let bars: String =
        days.iter()
            .map(|d| match d.due {
                0 => '·',
                n => ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']
                    [((n * 8).div_ceil(max.max(1)) - 1).min(7)],
            })
            .collect();
    let _ = writeln!(out, "  {bars}");
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        let (a, b) = (&first.date[5..], &last.date[5..]);
        let gap = days.len().saturating_sub(a.len() + b.len());
        let _ = writeln!(out, "  {a}{}{b}", " ".repeat(gap));
    }
    let _ = writeln!(
        out,
        "  합계 {total}장, 하루 최대 {max}장 (오늘 {}장, 밀린 카드 포함)",
        days.first().map_or(0, |d| d.due)
    );
}
