//! Inline SVG charts for the HTML report, written by hand so the file needs
//! no script, font or image from anywhere: a review calendar, bar charts
//! (stacked or grouped) and a donut. Every bar chart has the same view-box
//! width, so with `width: 100%` they share their column's width and their
//! text stays one size; every axis has ticks and a title, as on Anki's
//! statistics screen.

use std::fmt::Write;

use super::DayReviews;
use super::html::escape;

const CELL: usize = 11;
const GAP: usize = 2;

/// The view-box width of every bar chart.
pub const WIDTH: usize = 480;
/// About how wide one character of axis text is, in view-box units.
const CHAR_W: f64 = 7.0;
/// The same for the smaller value labels.
const VALUE_CHAR_W: f64 = 6.2;

/// Colours of Again, Hard, Good, Easy.
pub const RATING_COLORS: [&str; 4] = ["#d9534f", "#f0ad4e", "#5cb85c", "#428bca"];
/// Calendar shades, from no reviews to the most.
const SHADES: [&str; 5] = ["#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127"];

/// Round tick values from 0 to at least `max`: a step of 1, 2 or 5 times a
/// power of ten, about `want` steps.
pub fn ticks(max: f64, want: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / want.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    // Counts are whole: a step below 1 would write 0.5 reviews.
    let step = if max >= 1.0 {
        step.max(1.0).round()
    } else {
        step
    };
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// The first day of each month among `days` (oldest first): its index and
/// the month's name.
pub fn month_starts(days: &[DayReviews]) -> Vec<(usize, String)> {
    days.iter()
        .enumerate()
        .filter(|(i, d)| *i == 0 || d.date.ends_with("-01"))
        .filter_map(|(i, d)| {
            let month: usize = d.date.get(5..7)?.parse().ok()?;
            Some((i, crate::tr!("report-month", month = month)))
        })
        .collect()
}

/// Where a calendar shade changes: the least count of each of shades 1–4.
fn shade_floors(max: usize) -> [usize; 4] {
    // Shade k + 1 is ceil(4n / max) = k + 1, i.e. from n = k·max/4 + 1.
    let max = max.max(1);
    [0, 1, 2, 3].map(|k| k * max / 4 + 1)
}

fn shade(n: usize, max: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n * 4).div_ceil(max.max(1)).clamp(1, 4)
    }
}

/// A calendar of the given days (oldest first): one column per week, Monday
/// on top, the months above and a legend of its shades below.
pub fn calendar(title: &str, days: &[DayReviews]) -> String {
    let first_weekday = days
        .first()
        .and_then(|d| super::Report::weekday(&d.date))
        .unwrap_or(0);
    let max = days.iter().map(DayReviews::total).max().unwrap_or(0).max(1);
    let weeks = (first_weekday + days.len()).div_ceil(7);
    let (left, top) = (24, 16);
    let pitch = CELL + GAP;
    let floors = shade_floors(max);
    let legend: Vec<(&str, String)> = SHADES
        .iter()
        .enumerate()
        .filter_map(|(k, &color)| {
            let label = match k {
                0 => "0".to_string(),
                _ => {
                    let lo = floors[k - 1];
                    let hi = if k == 4 { max } else { floors[k] - 1 };
                    match lo.cmp(&hi) {
                        std::cmp::Ordering::Greater => return None,
                        std::cmp::Ordering::Equal => lo.to_string(),
                        std::cmp::Ordering::Less => format!("{lo}–{hi}"),
                    }
                }
            };
            Some((color, label))
        })
        .collect();
    let legend_w: usize = 56
        + legend
            .iter()
            .map(|(_, l)| CELL + 10 + (l.chars().count() as f64 * CHAR_W) as usize)
            .sum::<usize>();
    // Wide enough for the legend however few the weeks.
    let w = (left + weeks * pitch).max(left + legend_w);
    let legend_y = top + 7 * pitch + 8;
    let h = legend_y + 16;
    let mut s = open(w, h, title, "calendar");
    // Shown half as large again as drawn (CSS still caps it at the column).
    s = s.replacen(
        &format!(r#"width="{w}" height="{h}""#),
        &format!(r#"width="{}" height="{}""#, w * 3 / 2, h * 3 / 2),
        1,
    );
    let mut last_x = None;
    for (i, name) in month_starts(days) {
        let x = left + (first_weekday + i) / 7 * pitch;
        // A month that starts at the calendar's end leaves no room for its
        // name beside the one before.
        if last_x.is_some_and(|l| x < l + 28) {
            continue;
        }
        last_x = Some(x);
        let _ = write!(
            s,
            r#"<text x="{x}" y="{}" class="axis month">{name}</text>"#,
            top - 4
        );
    }
    for row in (0..7).step_by(2) {
        // Monday, Wednesday, Friday, Sunday: every other row is named.
        let name = escape(&crate::tr!("report-weekday", day = row));
        let _ = write!(
            s,
            r#"<text x="0" y="{}" class="axis">{name}</text>"#,
            top + row * pitch + CELL - 1
        );
    }
    for (i, d) in days.iter().enumerate() {
        let slot = first_weekday + i;
        let (col, row) = (slot / 7, slot % 7);
        let n = d.total();
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{CELL}" height="{CELL}" rx="2" fill="{}"><title>{}</title></rect>"#,
            left + col * pitch,
            top + row * pitch,
            SHADES[shade(n, max)],
            escape(&crate::tr!(
                "report-calendar-day",
                date = d.date.as_str(),
                reviews = n
            ))
        );
    }
    // Legend: what each shade counts.
    let legend_title = crate::tr!("report-calendar-legend");
    let _ = write!(
        s,
        r#"<text x="{left}" y="{}" class="axis legend">{}</text>"#,
        legend_y + CELL - 1,
        escape(&legend_title)
    );
    let mut x = left + 56;
    for (color, label) in legend {
        let _ = write!(
            s,
            r#"<rect x="{x}" y="{legend_y}" width="{CELL}" height="{CELL}" rx="2" fill="{color}"/><text x="{}" y="{}" class="axis legend">{label}</text>"#,
            x + CELL + 3,
            legend_y + CELL - 1
        );
        x += CELL + 10 + (label.chars().count() as f64 * CHAR_W) as usize;
    }
    s.push_str("</svg>");
    s
}

/// One bar (or group of bars) per label.
#[derive(Debug, Default)]
pub struct Bars<'a> {
    pub title: &'a str,
    pub labels: &'a [String],
    /// One list of values per label, one value per series; NaN is "no
    /// value" (no bar, no label), unlike 0.
    pub values: &'a [Vec<f64>],
    pub series: &'a [&'a str],
    pub colors: &'a [&'a str],
    /// Series side by side rather than stacked.
    pub grouped: bool,
    /// The top of the scale; the largest bar (rounded up to a tick) when `None`.
    pub max: Option<f64>,
    /// Written after every tick and value label (e.g. `%`).
    pub unit: &'a str,
    pub x_title: &'a str,
    pub y_title: &'a str,
    /// Each bar's value written above it.
    pub value_labels: bool,
    /// A dashed line across the plot at this value, with its label.
    pub line: Option<(f64, String)>,
}

/// Every how many labels one is written so that none runs into the next.
pub fn label_every(labels: &[String], slot: f64) -> usize {
    let longest = labels
        .iter()
        .flat_map(|l| l.lines())
        .map(text_width)
        .fold(0.0, f64::max);
    let need = longest + 6.0;
    ((need / slot.max(1.0)).ceil() as usize).max(1)
}

/// A bar chart with a legend, ticks and axis titles; values are assumed non-negative.
pub fn bars(b: &Bars<'_>) -> String {
    let n = b.labels.len().max(1);
    let per = if b.grouped { b.series.len().max(1) } else { 1 };
    let (left, right, top, plot_h) = (48.0, 8.0, 26.0, 150.0);
    let plot_w = WIDTH as f64 - left - right;
    let slot = plot_w / n as f64;
    let pad = (slot * 0.15).min(6.0);
    let bar_w = (slot - 2.0 * pad) / per as f64;
    let base = top + plot_h;
    let lines = b
        .labels
        .iter()
        .map(|l| l.lines().count())
        .max()
        .unwrap_or(1)
        .max(1);
    let h = base + 44.0 + 13.0 * (lines - 1) as f64;
    let value = |v: &f64| if v.is_nan() { 0.0 } else { *v };
    let largest = b
        .values
        .iter()
        .map(|v| {
            if b.grouped {
                v.iter().map(value).fold(0.0, f64::max)
            } else {
                v.iter().map(value).sum()
            }
        })
        .fold(0.0, f64::max);
    let ticks = match b.max {
        Some(max) => ticks(max, 4),
        None => ticks(largest, 4),
    };
    let max = ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let y_of = |v: f64| base - (v / max * plot_h).clamp(0.0, plot_h);
    let mut s = open(WIDTH, h as usize, b.title, "bars");
    // Legend, unless one series says nothing the y title does not.
    let mut x = left;
    if b.series.len() > 1 {
        for (name, color) in b.series.iter().zip(b.colors) {
            let _ = write!(
                s,
                r#"<rect x="{x}" y="4" width="10" height="10" fill="{color}"/><text x="{}" y="13" class="axis legend">{}</text>"#,
                x + 13.0,
                escape(name)
            );
            x += 22.0 + text_width(name);
        }
    }
    if let Some((_, label)) = &b.line {
        let _ = write!(
            s,
            r#"<line x1="{x}" y1="9" x2="{}" y2="9" class="target"/><text x="{}" y="13" class="axis legend">{}</text>"#,
            x + 16.0,
            x + 20.0,
            escape(label)
        );
    }
    // The y axis: a grid line and a label at every tick.
    for t in &ticks {
        let y = y_of(*t);
        let _ = write!(
            s,
            r#"<line x1="{left}" y1="{y:.1}" x2="{}" y2="{y:.1}" class="grid"/><text x="{}" y="{:.1}" class="axis tick y" text-anchor="end">{}{}</text>"#,
            WIDTH as f64 - right,
            left - 4.0,
            y + 3.5,
            trim(*t),
            escape(b.unit)
        );
    }
    let _ = write!(
        s,
        r#"<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" class="axis-line"/><line x1="{left}" y1="{base}" x2="{}" y2="{base}" class="axis-line"/>"#,
        WIDTH as f64 - right
    );
    let every = label_every(b.labels, slot);
    for (i, (label, values)) in b.labels.iter().zip(b.values).enumerate() {
        let x0 = left + i as f64 * slot + pad;
        let mut y = base;
        for (k, (&v, color)) in values.iter().zip(b.colors).enumerate() {
            if v.is_nan() {
                continue;
            }
            let bh = (v / max * plot_h).clamp(0.0, plot_h);
            let x = if b.grouped { x0 + k as f64 * bar_w } else { x0 };
            let y_top = if b.grouped { base - bh } else { y - bh };
            if bh > 0.0 {
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{y_top:.1}" width="{bar_w:.1}" height="{bh:.1}" fill="{color}"><title>{} {}: {}{}</title></rect>"#,
                    escape(&label.replace('\n', " ")),
                    escape(b.series.get(k).copied().unwrap_or("")),
                    trim(v),
                    escape(b.unit)
                );
            }
            // A zero is written only where a bar would be expected alone
            // (a stack's total); in a group the missing bar says it.
            if b.value_labels && (b.grouped || k + 1 == values.len()) && !(b.grouped && v == 0.0) {
                let shown = if b.grouped {
                    v
                } else {
                    values.iter().map(value).sum()
                };
                let (cx, w) = if b.grouped {
                    (x, bar_w)
                } else {
                    (x0, slot - 2.0 * pad)
                };
                let text = format!("{}{}", trim(shown.round()), b.unit);
                let text_w = text.chars().count() as f64 * VALUE_CHAR_W;
                let (mid, bar_top) = (cx + w / 2.0, y_top);
                if text_w + 2.0 <= w {
                    let _ = write!(
                        s,
                        r#"<text x="{mid:.1}" y="{:.1}" class="axis value" text-anchor="middle">{}</text>"#,
                        bar_top - 3.0,
                        escape(&text)
                    );
                } else {
                    // Too narrow to write across: up the bar, inside it
                    // when it is tall enough, above it otherwise.
                    let inside = base - bar_top >= text_w + 6.0;
                    let (y0, anchor, class) = if inside {
                        (bar_top + 3.0, "end", "axis value inside")
                    } else {
                        (bar_top - 3.0, "start", "axis value")
                    };
                    let _ = write!(
                        s,
                        r#"<text x="{:.1}" y="{y0:.1}" class="{class}" text-anchor="{anchor}" transform="rotate(-90 {:.1} {y0:.1})">{}</text>"#,
                        mid + 4.0,
                        mid + 4.0,
                        escape(&text)
                    );
                }
            }
            if !b.grouped {
                y -= bh;
            }
        }
        if i % every == 0 {
            let cx = left + (i as f64 + 0.5) * slot;
            let _ = write!(
                s,
                r#"<line x1="{cx:.1}" y1="{base}" x2="{cx:.1}" y2="{}" class="axis-line"/><text x="{cx:.1}" y="{}" class="axis tick x" text-anchor="middle">"#,
                base + 4.0,
                base + 15.0,
            );
            // A label of two lines (`state\nshare`) is written as two.
            if !label.contains('\n') {
                s.push_str(&escape(label));
            }
            for (k, line) in label.lines().enumerate().filter(|_| label.contains('\n')) {
                let _ = write!(
                    s,
                    r#"<tspan x="{cx:.1}" dy="{}">{}</tspan>"#,
                    if k == 0 { 0 } else { 13 },
                    escape(line)
                );
            }
            s.push_str("</text>");
        }
    }
    if let Some((v, _)) = &b.line {
        let y = y_of(*v);
        let _ = write!(
            s,
            r#"<line x1="{left}" y1="{y:.1}" x2="{}" y2="{y:.1}" class="target"/>"#,
            WIDTH as f64 - right,
        );
    }
    axis_titles(
        &mut s,
        b.x_title,
        b.y_title,
        left + plot_w / 2.0,
        h,
        top + plot_h / 2.0,
    );
    s.push_str("</svg>");
    s
}

fn axis_titles(s: &mut String, x_title: &str, y_title: &str, x_mid: f64, h: f64, y_mid: f64) {
    let _ = write!(
        s,
        r#"<text x="{x_mid:.1}" y="{:.1}" class="axis-title" text-anchor="middle">{}</text><text x="12" y="{y_mid:.1}" class="axis-title" text-anchor="middle" transform="rotate(-90 12 {y_mid:.1})">{}</text>"#,
        h - 6.0,
        escape(x_title),
        escape(y_title)
    );
}

/// A donut of `parts` (name, count, colour) with a legend of counts and shares.
pub fn donut(title: &str, unit: &str, parts: &[(&str, usize, &str)]) -> String {
    let total: usize = parts.iter().map(|p| p.1).sum();
    let (cx, cy, r) = (90.0, 90.0, 62.0);
    let circumference = 2.0 * std::f64::consts::PI * r;
    let mut s = open(380, 180, title, "donut");
    let _ = write!(
        s,
        r##"<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="#eee" stroke-width="26"/>"##
    );
    let mut done = 0.0;
    for (name, n, color) in parts {
        if *n == 0 || total == 0 {
            continue;
        }
        let len = *n as f64 / total as f64 * circumference;
        // Dash offsets run clockwise from 3 o'clock; start at 12.
        let _ = write!(
            s,
            r#"<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="{color}" stroke-width="26" stroke-dasharray="{len:.2} {:.2}" stroke-dashoffset="{:.2}" transform="rotate(-90 {cx} {cy})"><title>{}: {n}</title></circle>"#,
            circumference - len,
            -done,
            escape(name)
        );
        done += len;
    }
    let _ = write!(
        s,
        r#"<text x="{cx}" y="{}" class="donut-total" text-anchor="middle">{total}</text><text x="{cx}" y="{}" class="axis" text-anchor="middle">{}</text>"#,
        cy + 4.0,
        cy + 18.0,
        escape(unit)
    );
    for (i, (name, n, color)) in parts.iter().enumerate() {
        let y = 30 + i * 24;
        let share = if total == 0 {
            0.0
        } else {
            *n as f64 / total as f64 * 100.0
        };
        let _ = write!(
            s,
            r#"<rect x="180" y="{}" width="12" height="12" fill="{color}"/><text x="198" y="{}" class="legend">{}: {n} ({share:.0}%)</text>"#,
            y - 11,
            y,
            escape(name)
        );
    }
    s.push_str("</svg>");
    s
}

/// About how wide `text` is drawn, in view-box units: a Korean syllable
/// takes two columns, as wide as two Latin letters.
fn text_width(text: &str) -> f64 {
    crate::render::width::width(text) as f64 * CHAR_W
}

/// `3` rather than `3.0`; one decimal otherwise.
fn trim(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn open(w: usize, h: usize, title: &str, kind: &str) -> String {
    format!(
        r#"<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" class="{kind}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: &str, n: usize) -> DayReviews {
        DayReviews {
            date: date.to_string(),
            ratings: [0, 0, n, 0],
        }
    }

    #[test]
    fn ticks_are_round_and_reach_the_largest_value() {
        assert_eq!(ticks(7.0, 4), [0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(100.0, 4), [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(1.0, 4), [0.0, 1.0]);
        assert_eq!(ticks(0.0, 4), [0.0, 1.0]);
        assert_eq!(ticks(1234.0, 4), [0.0, 500.0, 1000.0, 1500.0]);
        for max in [3.0, 17.0, 99.0, 250.0, 100_000.0] {
            let t = ticks(max, 4);
            assert!(*t.last().unwrap() >= max, "{max}: {t:?}");
            assert!(t.len() <= 7, "{max}: {t:?}");
        }
    }

    #[test]
    fn labels_thin_out_only_when_they_would_collide() {
        let short: Vec<String> = (0..10).map(|i| i.to_string()).collect();
        assert_eq!(label_every(&short, 40.0), 1);
        let dates: Vec<String> = (0..90).map(|_| "08-01".to_string()).collect();
        let every = label_every(&dates, 424.0 / 90.0);
        assert!((8..=10).contains(&every), "{every}");
    }

    #[test]
    fn month_labels_fall_on_the_first_of_each_month() {
        let days = [
            day("2026-07-30", 0),
            day("2026-07-31", 1),
            day("2026-08-01", 0),
            day("2026-08-02", 2),
        ];
        use crate::i18n::{Lang, with_lang};
        assert_eq!(
            with_lang(Lang::Ko, || month_starts(&days)),
            [(0, "7월".to_string()), (2, "8월".to_string())]
        );
        assert_eq!(
            with_lang(Lang::En, || month_starts(&days)),
            [(0, "Jul".to_string()), (2, "Aug".to_string())]
        );
    }

    #[test]
    fn the_calendar_legend_covers_every_count() {
        for max in 1..40 {
            let floors = shade_floors(max);
            for n in 1..=max {
                let k = shade(n, max);
                assert!(
                    n >= floors[k - 1],
                    "max {max}, n {n}: shade {k}, {floors:?}"
                );
                if k < 4 {
                    assert!(n < floors[k], "max {max}, n {n}: shade {k}, {floors:?}");
                }
            }
        }
    }

    #[test]
    fn a_bar_chart_has_ticks_titles_and_its_target_line() {
        let labels: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let svg = bars(&Bars {
            title: "t",
            labels: &labels,
            values: &[vec![50.0, f64::NAN], vec![90.0, 80.0]],
            series: &["young", "mature"],
            colors: &["#111", "#222"],
            grouped: true,
            max: Some(100.0),
            unit: "%",
            x_title: "week",
            y_title: "retention",
            value_labels: true,
            line: Some((90.0, "desired 90%".into())),
        });
        assert!(svg.contains(">week</text>") && svg.contains(">retention</text>"));
        for tick in ["0%", "25%", "50%", "75%", "100%"] {
            assert!(svg.contains(&format!(">{tick}</text>")), "{tick}");
        }
        assert!(svg.contains(r#"class="target""#) && svg.contains(">desired 90%</text>"));
        // Three values have labels; the missing one has neither bar nor label.
        assert_eq!(svg.matches(r#"class="axis value""#).count(), 3);
        assert_eq!(svg.matches("<rect").count(), 2 + 3);
    }
}
