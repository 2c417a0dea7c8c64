//! The report for a terminal (`synack stats`): headline numbers, the topic
//! table aligned by display width (Hangul takes two columns) with the
//! weakest topics first, a 12-week review heatmap and the 30-day forecast as
//! a one-line bar chart, all in the width it is given.

use std::fmt::Write;

use super::{Report, Topic, Verdict};
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
        "{}\n",
        crate::tr!(
            "stats-header",
            scope = report.scope(),
            generated = report.generated.as_str()
        )
    );
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            "stats-cards",
            cards = o.cards,
            new = o.new,
            learning = o.learning,
            review = o.review,
            relearning = o.relearning,
            suspended = o.suspended
        )
    );
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            "stats-reviews",
            reviews = o.reviews,
            days = o.study_days,
            streak = o.streak
        )
    );
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            "stats-retention",
            young = o.retention.young.display(),
            mature = o.retention.mature.display(),
            all = o.retention.all.display()
        )
    );

    let _ = writeln!(out, "\n{}", crate::tr!("stats-topics"));
    topic_table(&mut out, report, max);

    let _ = writeln!(out, "\n{}", crate::tr!("stats-heatmap", weeks = HEAT_WEEKS));
    heatmap(&mut out, report);

    let _ = writeln!(out, "\n{}", crate::tr!("stats-forecast"));
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
    let headers = super::topic_headers();
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
            t.verdict.label(),
        ]
    };
    // The numbers' columns, then what is left for the name.
    let mut widths = headers.clone().map(|h| width(&h));
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
        let mut head = headers.clone();
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
            "  {}",
            crate::tr!("report-not-started", topics = waiting.len(), cards = cards)
        );
    }
    let _ = writeln!(out, "  {}", super::verdict_note());
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
    for row in 0..7 {
        let name = crate::tr!("report-weekday", day = row);
        let mut line = format!("  {} ", pad(&name, 2));
        for week in 0..HEAT_WEEKS {
            line.push(match counts[week * 7 + row] {
                None => ' ',
                Some(0) => '·',
                Some(n) => ['░', '▒', '▓', '█'][((n * 4).div_ceil(max) - 1).min(3)],
            });
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(out, "     {}", crate::tr!("stats-heatmap-note", max = max));
}

/// The predicted recall on the exam date (topics least likely recalled
/// first), and what N cards a day would make it.
pub fn exam(out: &mut String, e: &super::ExamRecall) {
    let pct = super::percent;
    let _ = writeln!(
        out,
        "\n{}",
        crate::tr!(
            "report-exam-title",
            date = e.date.as_str(),
            recall = pct(e.predicted_recall)
        )
    );
    for t in super::exam_topics_weakest_first(e) {
        let _ = writeln!(out, "  {:>4}  {}", pct(t.predicted_recall), t.topic);
    }
    let plan: Vec<String> = e
        .plan
        .iter()
        .map(|p| {
            crate::tr!(
                "report-exam-plan-item",
                per_day = p.per_day,
                recall = pct(p.predicted_recall)
            )
        })
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
        "  {}",
        crate::tr!(
            "stats-forecast-total",
            total = total,
            max = max,
            today = days.first().map_or(0, |d| d.due)
        )
    );
}
