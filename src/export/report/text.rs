//! The report for a terminal (`synack stats`): headline numbers, the topic
//! table aligned by display width (Hangul takes two columns) with the
//! weakest topics first, a 12-week review heatmap and the 30-day forecast as
//! a one-line bar chart, all in the width it is given.

use std::fmt::Write;

use super::{Report, SHAKY_LAPSES, SHAKY_R, Topic, Verdict, WEAK_LAPSES, WEAK_R};
use crate::render::width::{fit, pad, truncate, width};

/// Weeks in the heatmap.
const HEAT_WEEKS: usize = 12;
const TOPIC_COLUMNS: usize = 44;

/// Renders `report` as plain text in `max` columns (0: no limit).
pub fn render(report: &Report, max: usize) -> String {
    let max = if max == 0 { usize::MAX } else { max };
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
    topic_table(&mut out, report, max);

    let _ = writeln!(
        out,
        "\n최근 {HEAT_WEEKS}주 복습 (· 0  ░ ▒ ▓ █ 많을수록 진함):"
    );
    heatmap(&mut out, report);

    let _ = writeln!(out, "\n앞으로 30일 due:");
    forecast(&mut out, report);
    if let Some(e) = &report.exam {
        exam(&mut out, e);
    }
    fit(&out, max)
}

/// Topics weakest first: weak, shaky, then solid, each by recall now.
pub fn weakest_first(topics: &[Topic]) -> Vec<&Topic> {
    let rank = |v: Verdict| match v {
        Verdict::Weak => 0,
        Verdict::Shaky => 1,
        Verdict::Solid => 2,
        Verdict::NotStarted => 3,
    };
    let mut sorted: Vec<&Topic> = topics.iter().collect();
    sorted.sort_by(|a, b| {
        rank(a.verdict).cmp(&rank(b.verdict)).then(
            a.retrievability
                .unwrap_or(1.0)
                .total_cmp(&b.retrievability.unwrap_or(1.0)),
        )
    });
    sorted
}

fn topic_table(out: &mut String, report: &Report, max: usize) {
    let headers = [
        "topic", "cards", "new", "young", "mature", "R", "lapses", "판정",
    ];
    let sorted = weakest_first(&report.topics);
    let (started, waiting): (Vec<&Topic>, Vec<&Topic>) = sorted
        .into_iter()
        .partition(|t| t.verdict != Verdict::NotStarted);
    let cells = |t: &Topic, name: String| -> [String; 8] {
        [
            name,
            t.cards.to_string(),
            t.new.to_string(),
            t.young.to_string(),
            t.mature.to_string(),
            t.retrievability
                .map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0)),
            t.lapses.to_string(),
            t.verdict.label().to_string(),
        ]
    };
    // The numbers' columns, then what is left for the name.
    let mut widths = headers.map(width);
    for t in &started {
        for (w, cell) in widths.iter_mut().zip(cells(t, String::new())).skip(1) {
            *w = (*w).max(width(&cell));
        }
    }
    let numbers: usize = widths[1..].iter().map(|w| w + 2).sum::<usize>() + 1;
    let name_room = max.saturating_sub(numbers + 2).min(TOPIC_COLUMNS);
    // Too narrow for a name beside its numbers: the name gets its own line.
    let stacked = name_room < 16;
    let rows: Vec<[String; 8]> = started
        .iter()
        .map(|t| {
            let name = if stacked {
                String::new()
            } else {
                truncate(&t.name(), name_room)
            };
            cells(t, name)
        })
        .collect();
    if !stacked {
        for row in &rows {
            widths[0] = widths[0].max(width(&row[0]));
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
    if !rows.is_empty() {
        let mut head = headers.map(String::from);
        if stacked {
            head[0] = String::new();
        }
        let _ = writeln!(out, "{}", line(&head));
        for (t, row) in started.iter().zip(&rows) {
            if stacked {
                let _ = writeln!(out, "  {}", truncate(&t.name(), max.saturating_sub(2)));
            }
            let _ = writeln!(out, "{}", line(row));
        }
    }
    // Topics not started are many on a new deck and say one thing.
    if !waiting.is_empty() {
        let cards: usize = waiting.iter().map(|t| t.cards).sum();
        let _ = writeln!(
            out,
            "  not started: {} ({}, no reviews yet)",
            crate::render::count(waiting.len(), "topic", "topics"),
            crate::render::count(cards, "card", "cards")
        );
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

/// The predicted recall on the exam date, and what N cards a day would make it.
pub fn exam(out: &mut String, e: &super::ExamRecall) {
    let pct = |r: f64| format!("{:.0}%", r * 100.0);
    let _ = writeln!(
        out,
        "\n{} 예상 기억률 (predicted recall): {}",
        e.date,
        pct(e.predicted_recall)
    );
    for t in &e.topics {
        let _ = writeln!(out, "  {:>4}  {}", pct(t.predicted_recall), t.topic);
    }
    let plan: Vec<String> = e
        .plan
        .iter()
        .map(|p| format!("{}/day → {}", p.per_day, pct(p.predicted_recall)))
        .collect();
    let _ = writeln!(out, "  {}", plan.join(" · "));
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
