//! The report as one self-contained HTML file: no script, font, image or
//! style sheet from anywhere else, charts as inline SVG ([`super::svg`]), a
//! system font stack with Korean fonts, and a print style. Every piece of
//! user text goes through [`escape`].

use std::fmt::Write;

use super::svg::{self, Bars, RATING_COLORS};
use super::{Report, Source};

/// Days of the reviews-per-day chart.
const RECENT_DAYS: usize = 90;

/// The fewest days the reviews-per-day chart shows.
const MIN_RECENT_DAYS: usize = 30;

/// Topics of the exam date listed before the rest fold away, weakest first.
const EXAM_TOPICS_SHOWN: usize = 10;

/// Typed answers listed, newest first.
const TYPED_SHOWN: usize = 50;

const STYLE: &str = r#"
body { font-family: system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; vertical-align: top; }
th { background: #f5f5f5; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.solid { color: #2e7d32; } .shaky { color: #b26a00; } .weak { color: #c62828; font-weight: bold; } .not_started { color: #777; }
.note { color: #555; font-size: 0.9em; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 440px), 1fr)); gap: 0.5em 2em; }
.chart { min-width: 0; margin: 0 0 1em; }
.chart.wide { grid-column: 1 / -1; }
.chart h3 { font-size: 1em; margin: 0.5em 0; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart svg.bars, .chart svg.donut { width: 100%; }
.empty { color: #777; font-style: italic; border: 1px dashed #ccc; border-radius: 6px; padding: 1.5em; text-align: center; margin: 0; }
.scroll { overflow-x: auto; }
td { overflow-wrap: anywhere; word-break: keep-all; }
td.n, td .badge { overflow-wrap: normal; white-space: nowrap; }
.badge { display: inline-block; padding: 0 0.5em; border-radius: 1em; font-size: 0.85em; color: #fff; white-space: nowrap; }
.badge.solid { background: #2e7d32; color: #fff; } .badge.shaky { background: #b26a00; color: #fff; } .badge.weak { background: #c62828; color: #fff; } .badge.not_started { background: #999; color: #fff; }
details summary { cursor: pointer; color: #555; margin: 0.5em 0; }
svg text { font-family: inherit; }
svg text.axis { font-size: 12px; fill: #555; }
svg text.axis-title { font-size: 12px; fill: #333; font-weight: 600; }
svg text.value { font-size: 11px; fill: #333; }
svg text.donut-total { font-size: 24px; font-weight: bold; fill: #333; }
svg line.grid { stroke: #e3e3e3; }
svg line.axis-line { stroke: #888; }
svg line.target { stroke: #c62828; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg text.value.inside { fill: #fff; }
svg text.legend { font-size: 12px; fill: #333; }
.chart svg.donut { max-width: 480px; }
.cards { display: flex; flex-wrap: wrap; gap: 0.6em; }
.cards div { border: 1px solid #ddd; border-radius: 6px; padding: 0.4em 0.8em; min-width: 7em; }
.cards b { display: block; font-size: 1.3em; }
.exam { display: flex; flex-wrap: wrap; gap: 0 2em; }
.exam section { min-width: 0; max-width: 100%; }
.exam h3 { font-size: 1em; margin: 0.5em 0; }
@media (max-width: 600px) {
  body { margin: 1em auto; padding: 0 0.6em; font-size: 15px; }
  th, td { padding: 0.2em 0.35em; }
  table { font-size: 0.9em; }
  .cards div { min-width: 0; flex: 1 1 6.5em; }
  .opt { display: none; }
}
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; } table, svg, .chart { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  .scroll { overflow: visible; }
  details > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: block; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Text safe in HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn source(s: &Source) -> String {
    match s.href() {
        Some(href) => format!(
            r#"<a href="file://{}">{}</a>"#,
            escape(&percent_path(&href)),
            escape(&s.display())
        ),
        None => escape(&s.display()),
    }
}

/// A file path as a `file://` URL path: unsafe bytes percent-encoded.
fn percent_path(path: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`');
    percent_encoding::utf8_percent_encode(path, SET).to_string()
}

fn percent(r: Option<f64>) -> String {
    r.map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0))
}

/// A table; the columns in `optional` are left out on a phone's screen,
/// where every column shown takes room from the text ones.
fn table(out: &mut String, headers: &[&str], rows: &[Vec<(String, bool)>], optional: &[usize]) {
    let opt = |i: usize| optional.contains(&i).then_some("opt");
    out.push_str("<div class=\"scroll\"><table><thead><tr>");
    for (i, h) in headers.iter().enumerate() {
        match opt(i) {
            Some(c) => _ = write!(out, "<th class=\"{c}\">{}</th>", escape(h)),
            None => _ = write!(out, "<th>{}</th>", escape(h)),
        }
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, (cell, numeric)) in row.iter().enumerate() {
            let class: Vec<&str> = [numeric.then_some("n"), opt(i)]
                .into_iter()
                .flatten()
                .collect();
            if class.is_empty() {
                let _ = write!(out, "<td>{cell}</td>");
            } else {
                let _ = write!(out, "<td class=\"{}\">{cell}</td>", class.join(" "));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

/// One chart in its own box (`class` is added to the box), or its title and
/// "no data yet" when there is nothing to draw.
fn chart_or_empty(
    out: &mut String,
    title: &str,
    class: &str,
    has_data: bool,
    svg: impl FnOnce() -> String,
) {
    let body = if has_data {
        svg()
    } else {
        format!(
            "<p class=\"empty\">{}</p>",
            escape(&crate::tr!("report-no-data"))
        )
    };
    let _ = write!(
        out,
        "<section class=\"chart {class}\"><h3>{}</h3>\n{body}</section>\n",
        escape(title)
    );
}

fn any_value(values: &[Vec<f64>]) -> bool {
    values.iter().flatten().any(|v| *v > 0.0)
}

/// Renders `report` as a complete HTML document, in the current language.
pub fn render(report: &Report) -> String {
    use crate::tr;
    let mut out = String::new();
    let o = &report.overview;
    let title = tr!("report-title");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — {scope}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"note\">{as_of}</p>\n",
        lang = crate::i18n::current().code(),
        title = escape(&title),
        scope = escape(&report.scope()),
        as_of = escape(&tr!(
            "report-as-of",
            scope = report.scope(),
            generated = report.generated.as_str(),
            today = report.today.as_str()
        )),
    );

    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<div class=\"cards\">",
        escape(&tr!("report-overview"))
    );
    for (label, value) in [
        (tr!("report-cards"), o.cards.to_string()),
        (tr!("report-new"), o.new.to_string()),
        (tr!("report-learning"), o.learning.to_string()),
        (tr!("report-review"), o.review.to_string()),
        (tr!("report-relearning"), o.relearning.to_string()),
        (tr!("report-suspended"), o.suspended.to_string()),
        (tr!("report-reviews"), o.reviews.to_string()),
        (tr!("report-study-days"), o.study_days.to_string()),
        (tr!("report-streak"), tr!("report-days", days = o.streak)),
        (tr!("report-retention-young"), o.retention.young.display()),
        (tr!("report-retention-mature"), o.retention.mature.display()),
    ] {
        let _ = writeln!(
            out,
            "<div><b>{}</b>{}</div>",
            escape(&value),
            escape(&label)
        );
    }
    let _ = writeln!(
        out,
        "</div>\n<p class=\"note\">{}</p>",
        escape(&tr!("report-retention-note", days = super::MATURE_DAYS))
    );

    // Studying toward a date: where the learner will stand on it comes
    // right after where they stand now.
    if let Some(e) = &report.exam {
        exam(&mut out, e);
    }

    // The charts come before the long tables: they answer "where do I
    // stand" at a glance, as Anki's statistics page opens with them.
    let _ = writeln!(out, "<h2>{}</h2>", escape(&tr!("report-charts")));
    charts(&mut out, report);

    let _ = writeln!(out, "<h2>{}</h2>", escape(&tr!("report-topics")));
    // Weak topics first; the ones not started fold away under one line.
    let (started, waiting): (Vec<&super::Topic>, Vec<&super::Topic>) =
        super::text::weakest_first(&report.topics)
            .into_iter()
            .partition(|t| t.verdict != super::Verdict::NotStarted);
    let labels = [
        super::Verdict::Solid,
        super::Verdict::Shaky,
        super::Verdict::Weak,
        super::Verdict::NotStarted,
    ]
    .map(|v| (v, v.label()));
    let row = |t: &super::Topic| -> Vec<(String, bool)> {
        let v = t.verdict;
        let label = labels
            .iter()
            .find(|(w, _)| *w == v)
            .map_or("", |(_, l)| l.as_str());
        vec![
            (escape(&t.name()), false),
            (t.cards.to_string(), true),
            (t.new.to_string(), true),
            (t.young.to_string(), true),
            (t.mature.to_string(), true),
            (percent(t.retrievability), true),
            (t.lapses.to_string(), true),
            (
                format!(
                    r#"<span class="badge {}">{}</span>"#,
                    serde_json::to_value(v)
                        .ok()
                        .and_then(|j| j.as_str().map(String::from))
                        .unwrap_or_default(),
                    escape(label)
                ),
                false,
            ),
        ]
    };
    let headers = super::topic_headers();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    if !started.is_empty() {
        let rows: Vec<Vec<(String, bool)>> = started.iter().map(|t| row(t)).collect();
        table(&mut out, &headers, &rows, &[2, 3, 4]);
    }
    if !waiting.is_empty() {
        let cards: usize = waiting.iter().map(|t| t.cards).sum();
        let _ = writeln!(
            out,
            "<details><summary>{}</summary>",
            escape(&tr!(
                "report-not-started",
                topics = waiting.len(),
                cards = cards
            ))
        );
        let rows: Vec<Vec<(String, bool)>> = waiting.iter().map(|t| row(t)).collect();
        table(&mut out, &headers, &rows, &[2, 3, 4]);
        out.push_str("</details>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        escape(&super::verdict_note())
    );

    let _ = writeln!(out, "<h2>{}</h2>", escape(&tr!("report-weakest")));
    if report.weakest.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&tr!("report-no-reviewed")));
    } else {
        let rows: Vec<Vec<(String, bool)>> = report
            .weakest
            .iter()
            .map(|c| {
                vec![
                    (c.id.to_string(), true),
                    (escape(&c.front), false),
                    (format!("{:.0}%", c.retrievability * 100.0), true),
                    (c.lapses.to_string(), true),
                    (
                        c.stability.map_or("–".to_string(), |s| {
                            escape(&tr!("report-stability-days", days = format!("{s:.1}")))
                        }),
                        true,
                    ),
                    (source(&c.source), false),
                ]
            })
            .collect();
        let headers = [
            tr!("report-col-id"),
            tr!("report-col-card"),
            tr!("report-col-r"),
            tr!("report-col-lapses"),
            tr!("report-col-stability"),
            tr!("report-col-source"),
        ];
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        table(&mut out, &headers, &rows, &[0, 4]);
    }

    let _ = writeln!(out, "<h2>{}</h2>", escape(&tr!("report-open-questions")));
    if report.open_questions.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&tr!("report-none")));
    } else {
        let rows: Vec<Vec<(String, bool)>> = report
            .open_questions
            .iter()
            .map(|q| {
                vec![
                    (q.id.to_string(), true),
                    (escape(&q.front), false),
                    (q.reviews.to_string(), true),
                    (source(&q.source), false),
                ]
            })
            .collect();
        let headers = [
            tr!("report-col-id"),
            tr!("report-col-question"),
            tr!("report-col-reviews"),
            tr!("report-col-source"),
        ];
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        table(&mut out, &headers, &rows, &[0]);
    }

    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        escape(&tr!("report-typed", days = super::TYPED_DAYS))
    );
    if report.typed_answers.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&tr!("report-none")));
    } else {
        let grades = super::rating_labels();
        let rows: Vec<Vec<(String, bool)>> = report
            .typed_answers
            .iter()
            .take(TYPED_SHOWN)
            .map(|a| {
                vec![
                    (escape(&a.at), false),
                    (escape(&a.front), false),
                    (escape(&a.typed), false),
                    (escape(&grades[a.rating as usize - 1]), false),
                ]
            })
            .collect();
        let headers = [
            tr!("report-col-when"),
            tr!("report-col-card"),
            tr!("report-col-typed"),
            tr!("report-col-grade"),
        ];
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        table(&mut out, &headers, &rows, &[]);
        let rest = report.typed_answers.len().saturating_sub(TYPED_SHOWN);
        if rest > 0 {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                escape(&tr!("report-typed-more", rest = rest, shown = TYPED_SHOWN))
            );
        }
    }

    out.push_str("</body>\n</html>\n");
    out
}

/// The exam date (`exam_date`): the predicted recall on it, per topic
/// (least likely recalled first) and for N cards a day studied toward it,
/// the numbers `due --until DATE --format json` gives.
fn exam(out: &mut String, e: &super::ExamRecall) {
    use crate::tr;
    let pct = super::percent;
    let _ = writeln!(
        out,
        "<h2 id=\"exam\">{}</h2>\n<div class=\"cards\"><div class=\"exam-recall\"><b>{}</b>{}</div></div>",
        escape(&tr!("report-exam-heading", date = e.date.as_str())),
        escape(&pct(e.predicted_recall)),
        escape(&tr!("report-exam-recall", date = e.date.as_str()))
    );
    out.push_str("<div class=\"exam\">\n<section>\n");
    let _ = writeln!(out, "<h3>{}</h3>", escape(&tr!("report-exam-plan")));
    let rows: Vec<Vec<(String, bool)>> = e
        .plan
        .iter()
        .map(|p| {
            vec![
                (p.per_day.to_string(), true),
                (pct(p.predicted_recall), true),
            ]
        })
        .collect();
    let headers = [
        tr!("report-exam-col-per-day"),
        tr!("report-exam-col-plan-recall"),
    ];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    table(out, &headers, &rows, &[]);
    out.push_str("</section>\n<section>\n");
    let _ = writeln!(out, "<h3>{}</h3>", escape(&tr!("report-exam-topics")));
    let rows: Vec<Vec<(String, bool)>> = super::exam_topics_weakest_first(e)
        .into_iter()
        .map(|t| vec![(escape(&t.topic), false), (pct(t.predicted_recall), true)])
        .collect();
    let headers = [tr!("report-col-topic"), tr!("report-exam-col-recall")];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    // The weakest are what to study; the others fold away, as a deck has
    // dozens of topics.
    let (first, rest) = rows.split_at(rows.len().min(EXAM_TOPICS_SHOWN));
    table(out, &headers, first, &[]);
    if !rest.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{}</summary>",
            escape(&tr!("report-exam-more", count = rest.len()))
        );
        table(out, &headers, rest, &[]);
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n</div>\n");
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        escape(&tr!("report-exam-note"))
    );
}

fn charts(out: &mut String, report: &Report) {
    use crate::tr;
    // The calendar starts at the first review when the log is younger
    // than the calendar's year: months of empty squares say nothing.
    let from = report.first_review.as_deref().map_or(0, |first| {
        report
            .days
            .iter()
            .position(|d| d.date.as_str() >= first)
            .unwrap_or(0)
    });
    let grades = super::rating_labels();
    let grades: Vec<&str> = grades.iter().map(String::as_str).collect();
    out.push_str("<div class=\"charts\">\n");
    let title = tr!("report-chart-calendar");
    chart_or_empty(
        out,
        &title,
        "wide",
        report.days.iter().any(|d| d.total() > 0),
        || svg::calendar(&title, &report.days[from..]),
    );

    let names = [
        tr!("report-new"),
        tr!("report-learning"),
        tr!("report-review"),
        tr!("report-relearning"),
        tr!("report-suspended"),
    ];
    let donut_parts = {
        let o = &report.overview;
        [
            (names[0].as_str(), o.new, "#6baed6"),
            (names[1].as_str(), o.learning, "#fd8d3c"),
            (names[2].as_str(), o.review, "#31a354"),
            (names[3].as_str(), o.relearning, "#e6550d"),
            (names[4].as_str(), o.suspended, "#bdbdbd"),
        ]
    };
    let title = tr!("report-chart-states");
    chart_or_empty(out, &title, "", report.overview.cards > 0, || {
        svg::donut(&title, &tr!("report-axis-cards"), &donut_parts)
    });

    // The last RECENT_DAYS days, or fewer from the first review, but a
    // month at least so that a first week does not fill the chart.
    let len = report.days.len();
    let start = len
        .saturating_sub(RECENT_DAYS)
        .max(from.min(len.saturating_sub(MIN_RECENT_DAYS)));
    let recent = &report.days[start..];
    let labels: Vec<String> = recent.iter().map(|d| d.date[5..].to_string()).collect();
    let values: Vec<Vec<f64>> = recent
        .iter()
        .map(|d| d.ratings.iter().map(|&n| n as f64).collect())
        .collect();
    let title = tr!("report-chart-per-day", days = recent.len());
    chart_or_empty(out, &title, "", any_value(&values), || {
        svg::bars(&Bars {
            title: &title,
            labels: &labels,
            values: &values,
            series: &grades,
            colors: &RATING_COLORS,
            x_title: &tr!("report-axis-day"),
            y_title: &tr!("report-axis-reviews"),
            ..Bars::default()
        })
    });

    let labels: Vec<String> = report
        .forecast
        .iter()
        .map(|d| d.date[5..].to_string())
        .collect();
    let values: Vec<Vec<f64>> = report.forecast.iter().map(|d| vec![d.due as f64]).collect();
    let title = tr!("report-chart-forecast");
    chart_or_empty(out, &title, "", any_value(&values), || {
        svg::bars(&Bars {
            title: &title,
            labels: &labels,
            values: &values,
            series: &[&tr!("report-series-due")],
            colors: &["#428bca"],
            x_title: &tr!("report-axis-day"),
            y_title: &tr!("report-axis-cards-due"),
            ..Bars::default()
        })
    });

    let labels: Vec<String> = report
        .retention_weeks
        .iter()
        .map(|w| w.from[5..].to_string())
        .collect();
    // A week without reviews of a kind has no bar rather than a 0% one.
    let values: Vec<Vec<f64>> = report
        .retention_weeks
        .iter()
        .map(|w| {
            [w.young.rate, w.mature.rate]
                .map(|r| r.map_or(f64::NAN, |r| r * 100.0))
                .to_vec()
        })
        .collect();
    let desired = report.desired_retention * 100.0;
    let title = tr!("report-chart-retention");
    chart_or_empty(
        out,
        &title,
        "",
        report
            .retention_weeks
            .iter()
            .any(|w| w.young.total + w.mature.total > 0),
        || {
            svg::bars(&Bars {
                title: &title,
                labels: &labels,
                values: &values,
                series: &[&tr!("report-state-young"), &tr!("report-state-mature")],
                colors: &["#7bc96f", "#196127"],
                grouped: true,
                max: Some(100.0),
                unit: "%",
                x_title: &tr!("report-axis-week"),
                y_title: &tr!("report-axis-passed"),
                value_labels: true,
                line: Some((
                    desired,
                    tr!("report-desired", percent = format!("{desired:.0}")),
                )),
            })
        },
    );

    let labels: Vec<String> = report
        .buttons
        .iter()
        .map(|b| {
            let n: usize = b.ratings.iter().sum();
            let state = super::state_label(b.state);
            match n {
                0 => state,
                n => format!(
                    "{state}\n{}",
                    tr!(
                        "report-state-passed",
                        percent = format!("{:.0}", (n - b.ratings[0]) as f64 / n as f64 * 100.0)
                    )
                ),
            }
        })
        .collect();
    let values: Vec<Vec<f64>> = report
        .buttons
        .iter()
        .map(|b| b.ratings.iter().map(|&n| n as f64).collect())
        .collect();
    let title = tr!("report-chart-buttons");
    chart_or_empty(out, &title, "", any_value(&values), || {
        svg::bars(&Bars {
            title: &title,
            labels: &labels,
            values: &values,
            series: &grades,
            colors: &RATING_COLORS,
            grouped: true,
            x_title: &tr!("report-axis-state-before"),
            y_title: &tr!("report-axis-answers"),
            value_labels: true,
            ..Bars::default()
        })
    });

    let labels: Vec<String> = report.hours.iter().map(|h| h.hour.to_string()).collect();
    let values: Vec<Vec<f64>> = report
        .hours
        .iter()
        .map(|h| vec![h.passed as f64, (h.reviews - h.passed) as f64])
        .collect();
    let title = tr!("report-chart-hours");
    chart_or_empty(out, &title, "", any_value(&values), || {
        svg::bars(&Bars {
            title: &title,
            labels: &labels,
            values: &values,
            series: &[&tr!("report-series-passed"), grades[0]],
            colors: &["#5cb85c", "#d9534f"],
            x_title: &tr!("report-axis-hour"),
            y_title: &tr!("report-axis-reviews"),
            ..Bars::default()
        })
    });

    let h = &report.histograms;
    let days = |bins: &[super::Bin]| -> Vec<String> {
        bins.iter().map(|b| super::days_label(&b.label)).collect()
    };
    let plain =
        |bins: &[super::Bin]| -> Vec<String> { bins.iter().map(|b| b.label.clone()).collect() };
    for (title, x_title, bins, labels) in [
        (
            tr!("report-chart-interval"),
            tr!("report-axis-interval"),
            &h.interval,
            days(&h.interval),
        ),
        (
            tr!("report-chart-stability"),
            tr!("report-axis-stability"),
            &h.stability,
            days(&h.stability),
        ),
        (
            tr!("report-chart-difficulty"),
            tr!("report-axis-difficulty"),
            &h.difficulty,
            plain(&h.difficulty),
        ),
        (
            tr!("report-chart-retrievability"),
            tr!("report-axis-retrievability"),
            &h.retrievability,
            plain(&h.retrievability),
        ),
    ] {
        let values: Vec<Vec<f64>> = bins.iter().map(|b| vec![b.count as f64]).collect();
        chart_or_empty(out, &title, "", any_value(&values), || {
            svg::bars(&Bars {
                title: &title,
                labels: &labels,
                values: &values,
                series: &[&tr!("report-series-cards")],
                colors: &["#888"],
                x_title: &x_title,
                y_title: &tr!("report-axis-cards"),
                ..Bars::default()
            })
        });
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("소켓 TIME-WAIT"), "소켓 TIME-WAIT");
    }
}
