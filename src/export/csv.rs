//! One row per card for spreadsheets: RFC 4180 quoting (by the `csv` crate),
//! UTF-8 without a byte-order mark, times in RFC 3339.
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) get a `'` in front, as OWASP's
//! CSV-injection advice says (<https://owasp.org/www-community/attacks/CSV_Injection>):
//! a note is untrusted text, and `=HYPERLINK(…)` in a front must not become a
//! live formula in Excel or LibreOffice. The `'` is part of the cell for
//! programs that read the file.
//!
//! No BOM because the file is also read by programs (pandas, `csv` readers),
//! which would take the BOM into the first column's name; Excel opens it
//! correctly through Data > From Text/CSV with UTF-8 chosen.

use std::collections::HashMap;
use std::io::Write;

use crate::clock::Timestamp;
use crate::schedule::{CardState, Memory, Scheduler};
use crate::store::{BackupData, BackupState};

/// The header row, in order.
pub const HEADER: [&str; 15] = [
    "deck",
    "front",
    "back",
    "kind",
    "tags",
    "state",
    "due",
    "stability",
    "difficulty",
    "retrievability",
    "reps",
    "lapses",
    "last_rating",
    "last_review",
    "demos",
];

/// Writes the cards of `data`, with retrievability at `now`.
pub fn write(
    out: impl Write,
    data: &BackupData,
    scheduler: &Scheduler,
    now: Timestamp,
) -> Result<(), csv::Error> {
    // The last rating of each card: reviews are in id order, which is time order.
    let mut last_rating: HashMap<i64, (i64, i64)> = HashMap::new();
    for r in &data.reviews {
        let e = last_rating
            .entry(r.card_id)
            .or_insert((r.reviewed_at, r.rating));
        if r.reviewed_at >= e.0 {
            *e = (r.reviewed_at, r.rating);
        }
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for c in &data.cards {
        let s = &c.state;
        let r = card_state(s).and_then(|cs| scheduler.retrievability(&cs, now));
        let demos: Vec<String> = c
            .demos
            .iter()
            .map(|d| match d.args.as_str() {
                "" => d.name.clone(),
                args => format!("{}?{args}", d.name),
            })
            .collect();
        w.write_record([
            inert(&c.deck),
            inert(&c.front),
            inert(&c.back),
            inert(&c.kind),
            inert(&super::joined_tags(&c.tags)),
            s.state.clone(),
            time(s.due),
            number(s.stability),
            number(s.difficulty),
            number(r.map(f64::from)),
            s.reps.to_string(),
            s.lapses.to_string(),
            last_rating
                .get(&c.id)
                .map_or(String::new(), |(_, r)| r.to_string()),
            time(s.last_review),
            inert(&demos.join(" ")),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Characters that make a spreadsheet read a cell as a formula when it
/// starts with one (OWASP, CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell a spreadsheet shows as text: `'` before a formula start.
pub fn inert(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn time(ms: Option<i64>) -> String {
    ms.map_or(String::new(), |t| Timestamp(t).to_rfc3339())
}

/// Four decimals: enough to read, and stable across platforms.
fn number(x: Option<f64>) -> String {
    x.map_or(String::new(), |x| format!("{x:.4}"))
}

/// The scheduler's view of a stored state; `None` if the row is not one it knows.
fn card_state(s: &BackupState) -> Option<CardState> {
    Some(CardState {
        phase: s.state.parse().ok()?,
        due: s.due.map(Timestamp),
        memory: s.stability.zip(s.difficulty).map(|(st, d)| Memory {
            stability: st as f32,
            difficulty: d as f32,
        }),
        step: u32::try_from(s.step).ok()?,
        reps: u32::try_from(s.reps).ok()?,
        lapses: u32::try_from(s.lapses).ok()?,
        last_review: s.last_review.map(Timestamp),
    })
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formula_starts_get_a_quote() {
        for cell in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"] {
            assert_eq!(inert(cell), format!("'{cell}"));
        }
        for cell in ["", "SYN", "a=b", " =1", "'=1", "한글"] {
            assert_eq!(inert(cell), cell);
        }
    }
}
