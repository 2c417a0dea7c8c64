//! Inline SVG charts for the HTML report, written by hand so the file needs
//! no script, font or image from anywhere: a review calendar and bar charts
//! (stacked or grouped). Colours come from CSS classes where print matters.

use std::fmt::Write;

use super::DayReviews;
use super::html::escape;

const CELL: usize = 11;
const GAP: usize = 2;

/// Colours of Again, Hard, Good, Easy.
pub const RATING_COLORS: [&str; 4] = ["#d9534f", "#f0ad4e", "#5cb85c", "#428bca"];
/// Calendar shades, from no reviews to the most.
const SHADES: [&str; 5] = ["#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127"];

/// A calendar of the given days (oldest first): one column per week, Monday on top.
pub fn calendar(days: &[DayReviews]) -> String {
    let first_weekday = days
        .first()
        .and_then(|d| super::Report::weekday(&d.date))
        .unwrap_or(0);
    let max = days.iter().map(DayReviews::total).max().unwrap_or(0).max(1);
    let weeks = (first_weekday + days.len()).div_ceil(7);
    let left = 24;
    let w = left + weeks * (CELL + GAP);
    let h = 7 * (CELL + GAP) + 4;
    let mut s = open(w, h, "리뷰 달력 (review calendar)");
    for (row, name) in ["월", "", "수", "", "금", "", "일"].iter().enumerate() {
        if !name.is_empty() {
            let _ = write!(
                s,
                r#"<text x="0" y="{}" class="axis">{name}</text>"#,
                row * (CELL + GAP) + CELL - 1
            );
        }
    }
    for (i, d) in days.iter().enumerate() {
        let slot = first_weekday + i;
        let (col, row) = (slot / 7, slot % 7);
        let n = d.total();
        let shade = if n == 0 {
            0
        } else {
            ((n * 4).div_ceil(max)).clamp(1, 4)
        };
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{CELL}" height="{CELL}" rx="2" fill="{}"><title>{}: {n}</title></rect>"#,
            left + col * (CELL + GAP),
            row * (CELL + GAP),
            SHADES[shade],
            escape(&d.date)
        );
    }
    s.push_str("</svg>");
    s
}

/// One bar (or group of bars) per label.
#[derive(Debug)]
pub struct Bars<'a> {
    pub title: &'a str,
    pub labels: &'a [String],
    /// One list of values per label, one value per series.
    pub values: &'a [Vec<f64>],
    pub series: &'a [&'a str],
    pub colors: &'a [&'a str],
    /// Series side by side rather than stacked.
    pub grouped: bool,
    /// The top of the scale; the largest bar when `None`.
    pub max: Option<f64>,
    /// How the top of the scale is written (e.g. `100%`).
    pub top_label: Option<String>,
    /// Write every `label_every`-th label under the axis.
    pub label_every: usize,
}

/// A bar chart with a legend; values are assumed non-negative.
pub fn bars(b: &Bars<'_>) -> String {
    let n = b.labels.len().max(1);
    let per = if b.grouped { b.series.len().max(1) } else { 1 };
    let bar_w: usize = if n > 60 {
        6
    } else if n > 20 {
        12
    } else {
        28
    };
    // Where every label is written, a slot is at least as wide as the
    // longest one (about 7 px a character at the axis font size), and a
    // single bar fills it, so histogram labels never run into each other.
    let label_w = match b.label_every {
        1 => {
            b.labels
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
                * 7
                + 4
        }
        _ => 0,
    };
    let slot = (bar_w * per + 4).max(label_w);
    let bar_w = if per == 1 { slot - 4 } else { bar_w };
    let (left, top, plot_h) = (36, 22, 120);
    let w = left + n * slot + 8;
    let h = top + plot_h + 34;
    let largest = b
        .values
        .iter()
        .map(|v| {
            if b.grouped {
                v.iter().copied().fold(0.0, f64::max)
            } else {
                v.iter().sum()
            }
        })
        .fold(0.0, f64::max);
    let max = b.max.unwrap_or(largest).max(f64::MIN_POSITIVE);
    let mut s = open(w, h, b.title);
    // Legend.
    let mut x = left;
    for (name, color) in b.series.iter().zip(b.colors) {
        let _ = write!(
            s,
            r#"<rect x="{x}" y="4" width="10" height="10" fill="{color}"/><text x="{}" y="13" class="axis">{}</text>"#,
            x + 13,
            escape(name)
        );
        x += 20 + name.chars().count() * 7;
    }
    // Axis and scale.
    let base = top + plot_h;
    let top_label = b
        .top_label
        .clone()
        .unwrap_or_else(|| format!("{}", max.round()));
    let _ = write!(
        s,
        r#"<line x1="{left}" y1="{base}" x2="{}" y2="{base}" class="grid"/><line x1="{left}" y1="{top}" x2="{}" y2="{top}" class="grid"/><text x="0" y="{}" class="axis">{}</text><text x="0" y="{base}" class="axis">0</text>"#,
        w - 8,
        w - 8,
        top + 4,
        escape(&top_label)
    );
    for (i, (label, values)) in b.labels.iter().zip(b.values).enumerate() {
        let x0 = left + i * slot + 2;
        let mut y = base as f64;
        for (k, (&v, color)) in values.iter().zip(b.colors).enumerate() {
            let bh = (v / max * plot_h as f64).clamp(0.0, plot_h as f64);
            if bh <= 0.0 {
                continue;
            }
            let x = if b.grouped { x0 + k * bar_w } else { x0 };
            let y_top = if b.grouped { base as f64 - bh } else { y - bh };
            let _ = write!(
                s,
                r#"<rect x="{x}" y="{y_top:.1}" width="{bar_w}" height="{bh:.1}" fill="{color}"><title>{} {}: {}</title></rect>"#,
                escape(label),
                escape(b.series.get(k).copied().unwrap_or("")),
                trim(v)
            );
            if !b.grouped {
                y -= bh;
            }
        }
        if i % b.label_every.max(1) == 0 {
            let _ = write!(
                s,
                r#"<text x="{x0}" y="{}" class="axis">{}</text>"#,
                base + 14,
                escape(label)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// `3` rather than `3.0`; one decimal otherwise.
fn trim(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn open(w: usize, h: usize, title: &str) -> String {
    format!(
        r#"<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    )
}
