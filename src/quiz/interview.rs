//! Interview mode (`synack quiz --interview`, issue 30 §2): the back of a
//! card as a checklist of key points the learner ticks off after answering
//! aloud, the grade the share covered proposes, and the follow-up questions
//! an interviewer would ask next.
//!
//! Follow-ups come right after the card they follow, before anything else:
//! - the back's `follow-up:` lines first, asked aloud: each is shown as a
//!   question and the learner says whether they could answer it (`y`/`n`,
//!   Enter is yes). They are not cards: nothing is scheduled or written to
//!   the database; the answers are events (`follow-up`, `follow-up-answer`)
//!   and a count in the session's summary.
//! - then the card's children (the cards under its heading in the same
//!   note), in note order, whether due or not. A child that is not due is
//!   marked `ahead` and its schedule stays as it is unless it is graded
//!   (`:skip` leaves it, as does ending the session). A grade given to it
//!   is a real review, as in Anki's filtered decks with rescheduling on:
//!   FSRS updates the memory state from the days actually elapsed (an early
//!   review raises stability less), the review is logged, and `:undo` takes
//!   it back. A new child is asked even past today's new-card limit: the
//!   learner asked for it by answering its parent. Suspended and buried
//!   children, and those already graded in the session, are left out.

use serde::Serialize;

use crate::schedule::Rating;

/// Below this share of key points covered, the proposal is Again.
pub const AGAIN_BELOW: f64 = 0.5;
/// Below this share (and at least [`AGAIN_BELOW`]), Hard; from it up to
/// all but one point, Good; every point, Easy.
pub const HARD_BELOW: f64 = 0.75;

/// What the reveal shows in interview mode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checklist {
    /// Seconds from the front being shown to the reveal.
    pub seconds: u64,
    /// The key points, numbered from 1 in the order given.
    pub points: Vec<String>,
    /// `follow-up:` lines of the back, asked after the grade.
    pub follow_ups: Vec<String>,
}

/// The learner's marks on the checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Covered {
    pub card_id: i64,
    /// The points covered, 1-based, ascending.
    pub covered: Vec<usize>,
    pub total: usize,
    /// `covered / total`, 0.0–1.0.
    pub share: f64,
    /// The grade it proposes (Enter takes it).
    pub proposed: Rating,
}

/// A list marker at the start of `line` (`- `, `* `, `+ `, `1. `, `1) `),
/// and the text after it.
fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some(rest.trim());
        }
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim());
        }
    }
    None
}

/// The question of a `follow-up:` line (list marker allowed), if it is one.
fn follow_up(line: &str) -> Option<&str> {
    let t = list_item(line).unwrap_or(line.trim());
    let head = t.get(..10)?;
    head.eq_ignore_ascii_case("follow-up:")
        .then(|| t[10..].trim())
        .filter(|q| !q.is_empty())
}

/// The `follow-up:` questions in a back, in order.
pub fn follow_ups(back: &str) -> Vec<String> {
    back.lines()
        .filter_map(follow_up)
        .map(str::to_string)
        .collect()
}

/// A back's key points: its list items if it has any, else its sentences;
/// `follow-up:` lines are questions, not points.
pub fn key_points(back: &str) -> Vec<String> {
    let lines: Vec<&str> = back.lines().filter(|l| follow_up(l).is_none()).collect();
    let items: Vec<String> = lines
        .iter()
        .filter_map(|l| list_item(l))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    if !items.is_empty() {
        return items;
    }
    let text = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("```"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let end_of_sentence = matches!(c, '.' | '?' | '!' | '。')
            && chars.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if end_of_sentence {
            let s = text[start..i + c.len_utf8()].trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
            start = i + c.len_utf8();
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// The grade a share of points covered proposes: under half Again, under
/// three quarters Hard, short of all Good, all of them Easy.
pub fn propose(covered: usize, total: usize) -> Rating {
    if total == 0 {
        return Rating::Good;
    }
    let share = covered as f64 / total as f64;
    if share < AGAIN_BELOW {
        Rating::Again
    } else if share < HARD_BELOW {
        Rating::Hard
    } else if covered < total {
        Rating::Good
    } else {
        Rating::Easy
    }
}

/// The learner's word on a spoken follow-up: `y`/`yes`/`네`/`예` (and Enter)
/// for answered, `n`/`no`/`아니요` for not; what a Korean keyboard layout
/// types for y and n (`ㅛ`, `ㅜ`) too.
pub fn parse_yes_no(line: &str) -> Option<bool> {
    match line.trim().to_lowercase().as_str() {
        "" | "y" | "yes" | "ㅛ" | "예" | "네" | "응" => Some(true),
        "n" | "no" | "ㅜ" | "아니요" | "아니오" | "아니" => Some(false),
        _ => None,
    }
}

/// Reads the marks typed for a checklist of `total` points: numbers
/// (`1 3 4`, `1,3`, ranges `2-4`), `all` or `none` (Korean `전부`, `없음`).
pub fn parse_marks(line: &str, total: usize) -> Result<Vec<usize>, String> {
    let t = line.trim().to_lowercase();
    match t.as_str() {
        "all" | "a" | "전부" | "모두" => return Ok((1..=total).collect()),
        "none" | "n" | "0" | "없음" => return Ok(Vec::new()),
        "" => {
            return Err(crate::tr!("quiz-marks-empty", total = total));
        }
        _ => {}
    }
    let mut out = Vec::new();
    for item in t.split([' ', ',']).filter(|s| !s.is_empty()) {
        let bad = || crate::tr!("quiz-marks-bad", item = format!("{item:?}"), total = total);
        let (a, b) = match item.split_once('-') {
            Some((a, b)) => (a, b),
            None => (item, item),
        };
        let a: usize = a.parse().map_err(|_| bad())?;
        let b: usize = b.parse().map_err(|_| bad())?;
        if a == 0 || b > total || a > b {
            return Err(bad());
        }
        out.extend(a..=b);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_are_the_points_and_follow_ups_are_not() {
        let back = "Three steps:\n- SYN\n- SYN+ACK\n1. ACK\nfollow-up: What if the SYN+ACK is lost?\n- Follow-Up: And the final ACK?";
        assert_eq!(key_points(back), ["SYN", "SYN+ACK", "ACK"]);
        assert_eq!(
            follow_ups(back),
            ["What if the SYN+ACK is lost?", "And the final ACK?"]
        );
    }

    #[test]
    fn without_a_list_the_sentences_are_the_points() {
        let back = "연결을 맺습니다. 순서 번호를 맞춥니다.\nIt costs one RTT! v1.1 is fine";
        assert_eq!(
            key_points(back),
            [
                "연결을 맺습니다.",
                "순서 번호를 맞춥니다.",
                "It costs one RTT!",
                "v1.1 is fine"
            ]
        );
        assert!(key_points("").is_empty());
    }

    #[test]
    fn the_share_covered_proposes_the_grade() {
        assert_eq!(propose(0, 4), Rating::Again);
        assert_eq!(propose(1, 3), Rating::Again);
        assert_eq!(propose(2, 4), Rating::Hard);
        assert_eq!(propose(3, 4), Rating::Good);
        assert_eq!(propose(9, 10), Rating::Good);
        assert_eq!(propose(4, 4), Rating::Easy);
        assert_eq!(propose(0, 0), Rating::Good);
    }

    #[test]
    fn yes_no_takes_both_languages_and_enter_is_yes() {
        for y in ["", "y", "YES", "네", "예", "ㅛ"] {
            assert_eq!(parse_yes_no(y), Some(true), "{y:?}");
        }
        for n in ["n", "No", "아니요", "ㅜ"] {
            assert_eq!(parse_yes_no(n), Some(false), "{n:?}");
        }
        assert_eq!(parse_yes_no("maybe"), None);
    }

    #[test]
    fn marks_take_numbers_ranges_all_and_none() {
        assert_eq!(parse_marks("1 3 4", 4).unwrap(), [1, 3, 4]);
        assert_eq!(parse_marks("3,1,1", 4).unwrap(), [1, 3]);
        assert_eq!(parse_marks("2-4", 5).unwrap(), [2, 3, 4]);
        assert_eq!(parse_marks("ALL", 3).unwrap(), [1, 2, 3]);
        assert!(parse_marks("none", 3).unwrap().is_empty());
        assert!(parse_marks("5", 4).is_err());
        assert!(parse_marks("0 1", 4).is_err());
        assert!(parse_marks("x", 4).is_err());
        assert!(parse_marks("", 4).is_err());
    }
}
