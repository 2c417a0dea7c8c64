//! The one renderer of demo traces: draws each [`Block`] as text that fits a
//! given width, counted in display columns (Hangul is two). Demos never
//! format for the terminal themselves, so every demo fits an 80-column
//! terminal the same way: paragraphs wrap with hanging indents, sequence
//! diagrams shrink their lanes, tables that cannot fit become `key: value`
//! blocks, charts scale to the width, and preformatted lines are cut with a
//! visible mark.
//!
//! The renderer keeps one piece of state between blocks: the lanes of the
//! current sequence diagram, so that a live demo can emit its rows one at a
//! time.

use crate::render::width::{pad, truncate, width as cols};

use super::trace::{Bars, Block, Chart, Event, EventKind, Field, Table, Trace};

/// The narrowest width the renderer lays out for; narrower is drawn at this.
pub const MIN_WIDTH: usize = 40;

/// The width when nothing says otherwise (no terminal, no `COLUMNS`).
pub const DEFAULT_WIDTH: usize = 80;

/// Draws a whole trace at `width` columns.
pub fn text(trace: &Trace, width: usize) -> String {
    let mut r = Renderer::new(width);
    trace.blocks.iter().map(|b| r.block(b)).collect()
}

/// Draws blocks one at a time, remembering the current sequence diagram.
#[derive(Debug, Clone)]
pub struct Renderer {
    width: usize,
    lanes: Option<Lanes>,
}

/// Where each actor's lane runs in the current sequence diagram.
#[derive(Debug, Clone)]
struct Lanes {
    actors: Vec<String>,
    /// The column of each lane's line.
    x: Vec<usize>,
    /// The width of the state columns left of the first lane and right of
    /// the last; 0 when the diagram shows no states.
    state_w: usize,
    /// The states the last row left the middle lanes in: a middle lane's
    /// state is written only when it changes.
    shown: Vec<Option<String>>,
}

/// Columns of the time at the start of every diagram row: `  12.345s `.
const TIME_W: usize = 10;

/// The widest state column: `SYN-RECEIVED`, the longest of RFC 9293's
/// names; longer states are cut.
const STATE_W: usize = 12;

impl Renderer {
    pub fn new(width: usize) -> Renderer {
        Renderer {
            width: width.max(MIN_WIDTH),
            lanes: None,
        }
    }

    /// The text of one block, ending with a newline.
    pub fn block(&mut self, block: &Block) -> String {
        if !matches!(block, Block::Event(_)) {
            self.lanes = None;
        }
        match block {
            Block::Title { text } => wrap(text, self.width, "", "  ") + "\n",
            Block::Heading { text } => format!("\n{}", wrap(text, self.width, "", "  ")),
            Block::Text { text } => {
                let mut out = String::new();
                for para in text.split('\n') {
                    // A bulleted paragraph hangs under its first word.
                    let rest = if para.starts_with("• ") {
                        "    "
                    } else {
                        "  "
                    };
                    out += &wrap(para, self.width, "  ", rest);
                }
                out
            }
            Block::Note { label, text } => note(label, text, self.width, 2),
            Block::Lanes { actors, states } => {
                let lanes = Lanes::new(actors.clone(), self.width, *states);
                let out = lanes.header();
                self.lanes = Some(lanes);
                out
            }
            Block::Event(ev) => {
                let lanes = self
                    .lanes
                    .get_or_insert_with(|| Lanes::new(Vec::new(), self.width, false));
                lanes.event(ev, self.width)
            }
            Block::Table(t) => table(t, self.width),
            Block::Chart(c) => chart(c, self.width),
            Block::Bars(b) => bars(b, self.width),
            Block::Fields { title, fields } => self.fields(title, fields),
            Block::Pre { lines } => lines
                .iter()
                .map(|l| format!("{}\n", cut(&format!("  {l}"), self.width)))
                .collect(),
        }
    }

    fn fields(&self, title: &str, fields: &[Field]) -> String {
        let mut out = wrap(title, self.width, "  ", "    ");
        for f in fields {
            let indent = "  ".repeat(f.depth + 2);
            let label = format!("{}: ", f.name);
            let hang = format!("{indent}{}", " ".repeat(cols(&label).min(12)));
            out += &wrap(&format!("{label}{}", f.value), self.width, &indent, &hang);
        }
        out
    }
}

/// `text` wrapped at `width` by display columns, never inside a word, each
/// line ending with a newline; an empty text is one empty line.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    if text.trim().is_empty() {
        return "\n".to_string();
    }
    crate::render::width::wrap_fitting(text, width, first, rest)
        .into_iter()
        .map(|l| l + "\n")
        .collect()
}

/// `label: text` with the text's continuation lines under its first word.
fn note(label: &str, text: &str, width: usize, indent: usize) -> String {
    let head = format!("{}{label}: ", " ".repeat(indent));
    // A long label would leave no room: hang under the label instead.
    let hang = if cols(&head) > width / 3 {
        " ".repeat(indent + 2)
    } else {
        " ".repeat(cols(&head))
    };
    let mut out = String::new();
    for (i, para) in text.split('\n').enumerate() {
        let first = if i == 0 { head.clone() } else { hang.clone() };
        out += &wrap(para, width, &first, &hang);
    }
    out
}

/// `s` cut to `width` with `…` as the mark.
fn cut(s: &str, width: usize) -> String {
    truncate(s, width)
}

impl Lanes {
    fn new(actors: Vec<String>, width: usize, states: bool) -> Lanes {
        let n = actors.len().max(1);
        // Room for half a name on either side of the outer lanes.
        let name_room = actors
            .iter()
            .map(|a| width_of(a))
            .max()
            .unwrap_or(0)
            .min(16);
        // State columns take what a state needs, but never more than a
        // sixth of the width each, so the arrows keep most of the row.
        let state_w = if states {
            STATE_W.min(width / 6).max(4)
        } else {
            0
        };
        let (left, right) = if states {
            (
                (TIME_W + state_w + 1).max(TIME_W + name_room / 2),
                width.saturating_sub((state_w + 2).max(name_room.div_ceil(2) + 1)),
            )
        } else {
            (
                TIME_W + name_room / 2,
                width.saturating_sub(name_room.div_ceil(2) + 1),
            )
        };
        let right = right.max(left + 1);
        let x = if n == 1 {
            vec![(left + right) / 2]
        } else {
            (0..n)
                .map(|i| left + (right - left) * i / (n - 1))
                .collect()
        };
        Lanes {
            shown: vec![None; actors.len()],
            actors,
            x,
            state_w,
        }
    }

    /// The actors' names centred over their lanes.
    fn header(&self) -> String {
        let mut line = Line::new();
        for (a, &x) in self.actors.iter().zip(&self.x) {
            let w = width_of(a);
            line.put(x.saturating_sub(w / 2), a);
        }
        let mut bars = Line::new();
        for &x in &self.x {
            bars.put(x, "│");
        }
        format!("\n{}\n{}\n", line.finish(), bars.finish())
    }

    fn bars(&self) -> Line {
        let mut line = Line::new();
        for &x in &self.x {
            line.put(x, "│");
        }
        line
    }

    fn event(&mut self, ev: &Event, width: usize) -> String {
        let time = ev.time_ms.map(seconds).unwrap_or_default();
        let mut line = self.bars();
        line.put(0, &pad(&format!("{time:>8}"), TIME_W));
        let mut above = None;
        match &ev.kind {
            EventKind::Message {
                from,
                to,
                label,
                lost,
            } => {
                let (a, b) = (self.lane(*from), self.lane(*to));
                let (lo, hi) = (a.min(b), a.max(b));
                let span = hi - lo;
                let mut arrow: Vec<String> = vec!["─".to_string(); span.saturating_sub(1)];
                if *lost {
                    // The message dies two thirds of the way.
                    let at = if a < b { span * 2 / 3 } else { span / 3 };
                    for (i, cell) in arrow.iter_mut().enumerate() {
                        let keep = if a < b { i < at } else { i >= at };
                        *cell = if i == at {
                            "✕".into()
                        } else if keep {
                            "─".into()
                        } else {
                            " ".into()
                        };
                    }
                } else if a < b {
                    if let Some(last) = arrow.last_mut() {
                        *last = "▶".into();
                    }
                } else if let Some(first) = arrow.first_mut() {
                    *first = "◀".into();
                }
                let text: String = arrow.concat();
                line.put(lo + 1, &text);
                let room = span.saturating_sub(5);
                let label_w = width_of(label);
                if label_w <= room {
                    let start = lo + 1 + (span - 1 - label_w) / 2;
                    line.put(start.saturating_sub(1), &format!(" {label} "));
                } else {
                    // On its own line above the arrow, from the arrow's
                    // start when it fits there.
                    let start = lo + 2;
                    above = Some(if start + label_w <= width {
                        let mut l = self.bars();
                        l.put(start, label);
                        l.finish() + "\n"
                    } else {
                        wrap(label, width, &" ".repeat(TIME_W), &" ".repeat(TIME_W + 2))
                    });
                }
            }
            EventKind::Action {
                actor,
                label,
                state,
            } => {
                let text = match state {
                    Some(s) if self.state_w == 0 => format!("● {label} → {s}"),
                    _ => format!("● {label}"),
                };
                above = self.place_text(&mut line, *actor, &text, width);
            }
            EventKind::State { actor, state } => {
                if self.state_w == 0 {
                    above = self.place_text(&mut line, *actor, &format!("→ {state}"), width);
                }
            }
        }
        let extra = self.put_states(&mut line, ev, width);
        let mut out = String::new();
        if let Some(label) = above {
            out += &label;
        }
        out += &cut(&line.finish(), width);
        out.push('\n');
        for n in extra.iter().chain(&ev.notes) {
            out += &note_lines(n, width);
        }
        out
    }

    /// The states of the row beside the outer lanes; a middle lane's state
    /// beside its lane when it changed (or under the row when there is no
    /// room). Returns what goes under the row.
    fn put_states(&mut self, line: &mut Line, ev: &Event, width: usize) -> Vec<String> {
        if self.state_w == 0 {
            return Vec::new();
        }
        let mut states = ev.states.clone();
        // A state change or an action's new state is the acting lane's state.
        match &ev.kind {
            EventKind::State { actor, state }
            | EventKind::Action {
                actor,
                state: Some(state),
                ..
            } => {
                if states.len() <= *actor {
                    states.resize(*actor + 1, None);
                }
                states[*actor].get_or_insert_with(|| state.clone());
            }
            _ => {}
        }
        let n = self.x.len();
        let mut under = Vec::new();
        for (i, state) in states.iter().enumerate().take(n) {
            let Some(state) = state else { continue };
            let text = truncate(state, self.state_w);
            if i == 0 {
                line.put(TIME_W, &pad(&text, self.state_w));
            } else if i + 1 == n {
                line.put(self.x[i] + 2, &text);
            } else if self.shown.get(i) != Some(&Some(state.clone())) {
                let text = format!("→ {state}");
                if self.place_text(line, i, &text, width).is_some() {
                    under.push(format!("{} {text}", self.actors[i]));
                }
            }
            if let Some(slot) = self.shown.get_mut(i) {
                *slot = Some(state.clone());
            }
        }
        under
    }

    /// Puts `text` beside the actor's lane (left of the last lane, right of
    /// the others); returns it instead when it does not fit there.
    fn place_text(
        &self,
        line: &mut Line,
        actor: usize,
        text: &str,
        width: usize,
    ) -> Option<String> {
        let x = self.lane(actor);
        let w = width_of(text);
        let last = actor + 1 == self.x.len() && self.x.len() > 1;
        let start = if last {
            x.checked_sub(w + 1)
        } else {
            Some(x + 2)
        };
        match start {
            Some(s) if s >= self.text_from() && s + w <= width && self.clear(s, s + w, actor) => {
                line.put(s, text);
                None
            }
            _ => Some(wrap(
                text,
                width,
                &" ".repeat(TIME_W),
                &" ".repeat(TIME_W + 2),
            )),
        }
    }

    /// The first column a row's text may take: after the time, and after
    /// the first lane's state column when there is one.
    fn text_from(&self) -> usize {
        if self.state_w == 0 {
            TIME_W
        } else {
            TIME_W + self.state_w + 1
        }
    }

    /// Whether columns `a..b` cross no lane but `actor`'s own.
    fn clear(&self, a: usize, b: usize, actor: usize) -> bool {
        self.x
            .iter()
            .enumerate()
            .all(|(i, &x)| i == actor || x < a || x >= b)
    }

    fn lane(&self, i: usize) -> usize {
        self.x.get(i).copied().unwrap_or(TIME_W)
    }
}

/// A note under a diagram row: `↳ ` and a hanging indent.
fn note_lines(text: &str, width: usize) -> String {
    let first = format!("{}↳ ", " ".repeat(TIME_W));
    let rest = " ".repeat(TIME_W + 2);
    let mut out = String::new();
    for (i, para) in text.split('\n').enumerate() {
        out += &wrap(para, width, if i == 0 { &first } else { &rest }, &rest);
    }
    out
}

/// `1234.5` ms → `1.235s`.
fn seconds(ms: f64) -> String {
    format!("{:.3}s", ms / 1000.0)
}

fn width_of(s: &str) -> usize {
    cols(s)
}

/// A line built by placing text at columns; later text overwrites earlier.
#[derive(Debug, Default)]
struct Line {
    cells: Vec<String>,
}

impl Line {
    fn new() -> Line {
        Line::default()
    }

    fn put(&mut self, col: usize, text: &str) {
        let mut c = col;
        for ch in text.chars() {
            let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if w == 0 {
                continue;
            }
            while self.cells.len() < c + w {
                self.cells.push(" ".into());
            }
            // A wide char covering half of another blanks the other half.
            if let Some(cell) = self.cells.get_mut(c) {
                *cell = ch.to_string();
            }
            for k in 1..w {
                self.cells[c + k] = String::new();
            }
            if c + w < self.cells.len() && self.cells[c + w].is_empty() {
                self.cells[c + w] = " ".into();
            }
            c += w;
        }
    }

    fn finish(self) -> String {
        self.cells.concat().trim_end().to_string()
    }
}

/// A table: aligned when it fits, wrapped within its cells when that is
/// enough, else one `key: value` block per row.
fn table(t: &Table, width: usize) -> String {
    let mut out = String::new();
    if let Some(title) = &t.title {
        out += &wrap(title, width, "  ", "  ");
    }
    let n = t
        .headers
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    if n == 0 {
        return out;
    }
    let cell = |row: &[String], i: usize| row.get(i).cloned().unwrap_or_default();
    let mut widths: Vec<usize> = (0..n)
        .map(|i| {
            t.rows
                .iter()
                .map(|r| cols(&cell(r, i)))
                .chain([cols(&cell(&t.headers, i))])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let gap = 2;
    let indent = 2;
    let room = width.saturating_sub(indent + gap * (n - 1));
    // Shrink the widest column until the table fits, down to a floor that
    // still shows a word per line.
    const FLOOR: usize = 8;
    while widths.iter().sum::<usize>() > room {
        let (i, &w) = widths
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| **w)
            .expect("n > 0");
        if w <= FLOOR {
            return out + &key_values(t, width);
        }
        widths[i] = w - 1;
    }
    let draw_row = |row: &[String]| -> String {
        let cells: Vec<Vec<String>> = (0..n)
            .map(|i| {
                wrap(&cell(row, i), widths[i], "", "")
                    .lines()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        let mut s = String::new();
        for k in 0..height {
            let parts: Vec<String> = (0..n)
                .map(|i| pad(cells[i].get(k).map(String::as_str).unwrap_or(""), widths[i]))
                .collect();
            let line = format!("{}{}", " ".repeat(indent), parts.join(&" ".repeat(gap)));
            s += line.trim_end();
            s.push('\n');
        }
        s
    };
    if !t.headers.is_empty() {
        out += &draw_row(&t.headers);
        let total = widths.iter().sum::<usize>() + gap * (n - 1);
        out += &format!("{}{}\n", " ".repeat(indent), "─".repeat(total));
    }
    for r in &t.rows {
        out += &draw_row(r);
    }
    out
}

/// A table as one `header: value` block per row.
fn key_values(t: &Table, width: usize) -> String {
    let mut out = String::new();
    for (k, row) in t.rows.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        for (i, value) in row.iter().enumerate() {
            let key = t
                .headers
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("{}", i + 1));
            out += &note(&key, value, width, 2);
        }
    }
    out
}

/// A line chart scaled to the width: y axis with ticks on the left, x axis
/// with ticks below, one mark per series, a legend.
fn chart(c: &Chart, width: usize) -> String {
    const HEIGHT: usize = 12;
    let mut out = wrap(&c.title, width, "  ", "  ");
    let points: Vec<(f64, f64)> = c
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|(x, y)| y.map(|y| (*x, y))))
        .collect();
    if points.is_empty() {
        return out + "  " + &crate::tr!("demo-no-data") + "\n";
    }
    let (xmin, xmax) = min_max(points.iter().map(|p| p.0));
    let (_, ymax) = min_max(points.iter().map(|p| p.1));
    let ymin = 0.0_f64.min(min_max(points.iter().map(|p| p.1)).0);
    let ymax = if ymax <= ymin { ymin + 1.0 } else { ymax };
    let tick_at = |r: usize| ymax - (ymax - ymin) * r as f64 / (HEIGHT - 1) as f64;
    let label_w = [0, (HEIGHT - 1) / 2, HEIGHT - 1]
        .iter()
        .map(|&r| number(tick_at(r)).len())
        .max()
        .unwrap_or(1);
    let plot_w = width.saturating_sub(2 + label_w + 2).max(10);
    let mut grid = vec![vec![' '; plot_w]; HEIGHT];
    for s in &c.series {
        // A step look: each point's value holds until the next point's
        // column, so sparse series (one point per RTT) read as lines.
        for (i, (x, y)) in s.points.iter().enumerate() {
            let Some(y) = y else { continue };
            let col = scale(*x, xmin, xmax, plot_w - 1);
            let end = match s.points.get(i + 1) {
                Some((nx, Some(_))) => scale(*nx, xmin, xmax, plot_w - 1).max(col + 1),
                _ => col + 1,
            };
            let row = HEIGHT - 1 - scale(*y, ymin, ymax, HEIGHT - 1);
            for cell in &mut grid[row][col..end.min(plot_w)] {
                *cell = s.mark;
            }
        }
    }
    out += &format!("  {}\n", c.y_label);
    for (r, cells) in grid.iter().enumerate() {
        let value = tick_at(r);
        let tick = if r == 0 || r == HEIGHT - 1 || r == (HEIGHT - 1) / 2 {
            number(value)
        } else {
            String::new()
        };
        let row: String = cells.iter().collect();
        out += &format!("  {tick:>label_w$} ┤{}\n", row.trim_end());
    }
    out += &format!("  {} └{}\n", " ".repeat(label_w), "─".repeat(plot_w));
    // Ticks at both ends and the middle of the x axis.
    let mut ticks = Line::new();
    let base = 2 + label_w + 2;
    for (k, v) in [xmin, (xmin + xmax) / 2.0, xmax].iter().enumerate() {
        let t = number(*v);
        let col = base + scale(*v, xmin, xmax, plot_w - 1);
        let start = match k {
            0 => col,
            1 => col.saturating_sub(t.len() / 2),
            _ => col.saturating_sub(t.len() - 1),
        };
        ticks.put(start, &t);
    }
    out += &format!("{}\n", ticks.finish());
    out += &wrap(&c.x_label, width, &" ".repeat(base), &" ".repeat(base));
    let legend: Vec<String> = c
        .series
        .iter()
        .map(|s| format!("{} {}", s.mark, s.name))
        .collect();
    out += &wrap(&legend.join("   "), width, "  ", "  ");
    out
}

/// A horizontal bar chart: labels padded to the widest, bars of `█` scaled
/// so the largest fills what the width leaves, each value after its bar.
fn bars(b: &Bars, width: usize) -> String {
    let mut out = wrap(&b.title, width, "  ", "  ");
    if b.bars.is_empty() {
        return out + "  " + &crate::tr!("demo-no-data") + "\n";
    }
    let label_w = b.bars.iter().map(|(l, _)| width_of(l)).max().unwrap_or(0);
    let values: Vec<String> = b
        .bars
        .iter()
        .map(|(_, v)| format!("{} {}", number(*v), b.unit).trim_end().to_string())
        .collect();
    let value_w = values.iter().map(|v| width_of(v)).max().unwrap_or(0);
    let max = b.bars.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
    // "  label │bar value": 2 + label + 2 + bar + 1 + value.
    let room = width.saturating_sub(2 + label_w + 2 + 1 + value_w).max(1);
    for ((label, v), value) in b.bars.iter().zip(&values) {
        let len = if max > 0.0 {
            scale(v.max(0.0), 0.0, max, room)
        } else {
            0
        };
        let pad = label_w.saturating_sub(width_of(label));
        out += &format!(
            "  {label}{} │{} {value}\n",
            " ".repeat(pad),
            "█".repeat(len)
        );
    }
    out
}

fn min_max(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

fn scale(v: f64, lo: f64, hi: f64, steps: usize) -> usize {
    if hi <= lo {
        return 0;
    }
    (((v - lo) / (hi - lo)) * steps as f64)
        .round()
        .clamp(0.0, steps as f64) as usize
}

/// A tick label: whole numbers without decimals.
fn number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod bars_tests {
    use super::*;

    /// The renderer's own words follow the language; the demo's do not
    /// pass through it.
    #[test]
    fn an_empty_chart_says_so_in_the_current_language() {
        use crate::i18n::{Lang, with_lang};
        let empty = Chart {
            title: "cwnd".into(),
            x_label: "RTT".into(),
            y_label: "segments".into(),
            series: vec![crate::sim::trace::Series {
                name: "cwnd".into(),
                mark: '*',
                points: vec![(1.0, None)],
            }],
        };
        let bars = Bars {
            title: "spread".into(),
            unit: "req".into(),
            bars: Vec::new(),
        };
        with_lang(Lang::En, || {
            assert_eq!(chart(&empty, 80), "  cwnd\n  (no data)\n");
            assert!(super::bars(&bars, 80).ends_with("  (no data)\n"));
        });
        with_lang(Lang::Ko, || {
            assert_eq!(chart(&empty, 80), "  cwnd\n  (데이터 없음)\n");
            assert!(super::bars(&bars, 80).ends_with("  (데이터 없음)\n"));
        });
    }

    #[test]
    fn bars_scale_to_the_largest_and_fit_the_width() {
        let b = Bars {
            title: "spread".into(),
            unit: "req".into(),
            bars: vec![
                ("s1".into(), 10.0),
                ("server 2".into(), 5.0),
                ("s3".into(), 0.0),
            ],
        };
        for w in [40, 80] {
            let out = bars(&b, w);
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.len(), 4, "{out}");
            assert!(lines.iter().all(|l| width_of(l) <= w), "{out}");
            let full = lines[1].matches('█').count();
            // The largest fills the room: 2 + 8 + 2 + bar + 1 + "10 req".
            assert_eq!(full, w - 2 - 8 - 2 - 1 - 6);
            assert_eq!(
                lines[2].matches('█').count(),
                (full as f64 / 2.0).round() as usize
            );
            assert!(lines[2].starts_with("  server 2 │"), "{out}");
            assert!(lines[3].ends_with("│ 0 req"), "{out}");
        }
        let empty = Bars { bars: vec![], ..b };
        assert!(bars(&empty, 80).contains("(no data)"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::trace::{Series, Trace};

    fn widest(s: &str) -> usize {
        s.lines().map(cols).max().unwrap_or(0)
    }

    fn sample() -> Trace {
        let mut t = Table::new(["상태", "ss가 보여 주는 이름", "설명"]);
        t.row([
            "SYN-RECEIVED",
            "SYN-RECV",
            "SYN을 받고 SYN+ACK을 보낸 뒤 마지막 ACK을 기다리는 상태",
        ]);
        t.row([
            "TIME-WAIT",
            "TIME-WAIT",
            "마지막 ACK이 잃어버려졌을 때를 대비해 2MSL 동안 기다립니다",
        ]);
        Trace {
            blocks: vec![
                Block::Title {
                    text: "TCP 연결 설정과 해제 (RFC 9293): 아주 긴 제목이 있어도 줄을 넘기지 않아야 합니다".into(),
                },
                Block::Text {
                    text: "3-way handshake: SYN → SYN+ACK → ACK. 양쪽이 서로의 ISN을 확인해야 두 방향의 sequence number가 동기화됩니다.".into(),
                },
                Block::Lanes {
                    actors: vec!["client".into(), "server".into()],
                    states: false,
                },
                Block::Event(
                    Event::message(0.0, 0, 1, "SYN seq=0")
                        .note("active OPEN: connect()가 ISN으로 SYN을 보내고 SYN-SENT로 들어갑니다. [RFC 9293 3.10.1]"),
                ),
                Block::Event(Event::message(50.0, 1, 0, "SYN+ACK seq=0 ack=1 win=65535 이 라벨은 너무 길어서 화살표 위에 따로 놓입니다 정말로요")),
                Block::Event(Event::message(100.0, 0, 1, "ACK").lost()),
                Block::Event(Event::action(100.0, 0, "connect() returns").then("ESTABLISHED")),
                Block::Event(Event::state(150.0, 1, "ESTABLISHED")),
                Block::Table(t),
                Block::Chart(Chart {
                    title: "cwnd".into(),
                    x_label: "RTT".into(),
                    y_label: "segments".into(),
                    series: vec![Series {
                        name: "cwnd".into(),
                        mark: '*',
                        points: (0..20).map(|i| (i as f64, Some((1 << (i.min(5))) as f64))).collect(),
                    }],
                }),
                Block::Fields {
                    title: "Internet Protocol Version 4".into(),
                    fields: vec![
                        Field::new(0, "Header Checksum", "0xb1e6 [correct]"),
                        Field::new(1, "Flags", "0x40, Don't fragment: 아주 긴 설명이 붙어도 다음 줄로 넘어갑니다 그렇죠"),
                    ],
                },
                Block::Pre {
                    lines: vec!["0000  45 00 00 3c 1c 46 40 00 40 06 b1 e6 ac 10 0a 63 ac 10 0a 0c  a very long dump line".into()],
                },
            ],
        }
    }

    #[test]
    fn every_line_fits_every_width() {
        for w in [40, 60, 80, 120] {
            let s = text(&sample(), w);
            assert!(widest(&s) <= w, "width {w}:\n{s}");
        }
    }

    #[test]
    fn a_table_too_wide_for_its_cells_becomes_key_values() {
        let mut t = Table::new(["a", "b", "c", "d", "e", "f"]);
        t.row([
            "aaaaaaaaaaaa",
            "bbbbbbbbbbbb",
            "cccccccccccc",
            "dddddddddddd",
            "eeeeeeeeeee",
            "ffffffffff",
        ]);
        let s = table(&t, 40);
        assert!(s.contains("a: aaaaaaaaaaaa"), "{s}");
        let s = table(&t, 120);
        assert!(s.contains("aaaaaaaaaaaa  bbbbbbbbbbbb"), "{s}");
    }

    #[test]
    fn arrows_point_the_way_the_message_goes() {
        let mut lanes = Lanes::new(vec!["c".into(), "s".into()], 80, false);
        let right = lanes.event(&Event::message(0.0, 0, 1, "SYN"), 80);
        let left = lanes.event(&Event::message(0.0, 1, 0, "SYN"), 80);
        assert!(right.contains("▶") && !right.contains("◀"), "{right}");
        assert!(left.contains("◀") && !left.contains("▶"), "{left}");
        let lost = lanes.event(&Event::message(0.0, 0, 1, "SYN").lost(), 80);
        assert!(lost.contains("✕") && !lost.contains("▶"), "{lost}");
    }

    #[test]
    fn state_columns_show_each_lanes_state_beside_the_row() {
        let mut r = Renderer::new(80);
        let mut out = r.block(&Block::Lanes {
            actors: vec!["client".into(), "server".into()],
            states: true,
        });
        out += &r.block(&Block::Event(
            Event::message(0.0, 0, 1, "<SEQ=5000><ACK=1001><CTL=SYN,ACK>")
                .states([Some("SYN-RECEIVED"), Some("ESTABLISHED")])
                .note("RFC 9293 3.10.7.3에 따라 아주 긴 설명이 붙어도 다음 줄로 넘어가며 화살표 아래의 들여쓰기를 지킵니다"),
        ));
        out += &r.block(&Block::Event(
            Event::message(
                0.0,
                0,
                1,
                "<SEQ=4294967295><ACK=4294967295><CTL=SYN,ACK><LEN=100>",
            )
            .states([Some("A"), Some("B")]),
        ));
        out += &r.block(&Block::Event(
            Event::action(1.0, 1, "RTO fired").states([Some("A"), Some("B")]),
        ));
        assert!(widest(&out) <= 80, "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let row = lines.iter().find(|l| l.contains("SYN,ACK")).expect("row");
        assert!(row.contains("SYN-RECEIVED"), "{out}");
        assert!(row.trim_end().ends_with("ESTABLISHED"), "{out}");
        assert!(row.contains("▶"), "the label fits on the arrow: {out}");
        // The note wraps with a hanging indent under its first word.
        let note = lines.iter().position(|l| l.contains("↳")).expect("note");
        assert!(
            lines[note + 1].starts_with(&" ".repeat(TIME_W + 2)),
            "{out}"
        );
        // The long label stands on its own line above its arrow.
        let long = lines
            .iter()
            .position(|l| l.contains("4294967295"))
            .expect("long");
        assert!(
            !lines[long].contains('▶') && lines[long + 1].contains('▶'),
            "{out}"
        );
        assert!(lines[long + 1].trim_end().ends_with('B'), "{out}");
        let timer = lines
            .iter()
            .find(|l| l.contains("RTO fired"))
            .expect("timer");
        assert!(timer.starts_with("  0.001s  A"), "{out}");
        for w in [40, 60, 120] {
            let mut r = Renderer::new(w);
            let mut s = r.block(&Block::Lanes {
                actors: vec!["client".into(), "server".into()],
                states: true,
            });
            s += &r.block(&Block::Event(
                Event::message(0.0, 1, 0, "<SEQ=5000><ACK=1001><CTL=SYN,ACK>")
                    .states([Some("SYN-RECEIVED"), Some("ESTABLISHED")]),
            ));
            assert!(widest(&s) <= w, "{w}: {s}");
        }
    }

    #[test]
    fn chart_ticks_align_and_points_hold_until_the_next() {
        let c = Chart {
            title: "t".into(),
            x_label: "x".into(),
            y_label: "y".into(),
            series: vec![Series {
                name: "s".into(),
                mark: '*',
                points: vec![(1.0, Some(0.0)), (2.0, Some(128.0)), (3.0, Some(64.0))],
            }],
        };
        let s = chart(&c, 40);
        // Every axis line starts at the same column, whatever the tick's length.
        let axis: Vec<usize> = s
            .lines()
            .filter_map(|l| l.find('┤').map(|i| cols(&l[..i])))
            .collect();
        assert_eq!(axis.len(), 12, "{s}");
        assert!(axis.iter().all(|&a| a == axis[0]), "{s}");
        // 128 holds from x = 2 up to x = 3: a run of marks, not one dot.
        let top = s.lines().find(|l| l.contains("128")).expect("top tick");
        assert!(top.contains("*****"), "{s}");
    }

    #[test]
    fn wrapping_never_splits_a_word_that_fits() {
        let s = wrap("충돌 도메인 collision domain", 10, "", "");
        assert_eq!(s, "충돌\n도메인\ncollision\ndomain\n");
    }
}
