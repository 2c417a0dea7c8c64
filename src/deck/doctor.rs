//! `synack doctor`: which cards need their author's attention, and why.
//!
//! Pure: it reads cards as the store holds them ([`Subject`]) and returns
//! [`Problem`]s; the command finds the files and prints them.

use serde::Serialize;

use super::blocks::{self, Kind};
use super::{CardKind, question, recall};
use crate::import::renames::{self, Text};

/// A back longer than this many non-blank lines is too long to recall,
/// unless it is one table or one code block.
pub const MAX_BACK_LINES: usize = 15;

/// Cards at least this alike in two decks are near-duplicates.
pub const DUPLICATE_LIKENESS: f64 = 0.85;

/// One card, as the doctor reads it.
#[derive(Debug, Clone)]
pub struct Subject<'a> {
    pub id: i64,
    pub deck: &'a str,
    pub kind: CardKind,
    pub front: &'a str,
    pub back: &'a str,
    /// The note file the card comes from, as stored.
    pub path: &'a str,
    pub line: u32,
}

/// A card that needs attention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub card_id: i64,
    pub path: String,
    pub line: u32,
    pub deck: String,
    pub front: String,
    /// One of `too long`, `nothing to recall`, `open question`,
    /// `near-duplicate`, `self-talk`, `demo cannot run`, `parallel list`.
    pub reason: &'static str,
    /// What exactly: the line count, the other card, the demo's name.
    pub detail: String,
}

/// Every problem of `cards`, ordered by file and line. `demos` are the
/// names `synack demo` knows.
pub fn check(cards: &[Subject<'_>], demos: &[&str]) -> Vec<Problem> {
    let mut out = Vec::new();
    let problem = |c: &Subject<'_>, reason, detail: String| Problem {
        card_id: c.id,
        path: c.path.to_string(),
        line: c.line,
        deck: c.deck.to_string(),
        front: c.front.to_string(),
        reason,
        detail,
    };
    for c in cards {
        if c.kind == CardKind::Open {
            out.push(problem(
                c,
                "open question",
                crate::tr!("doctor-detail-open-question"),
            ));
        }
        if question::is_self_talk(c.front) {
            out.push(problem(
                c,
                "self-talk",
                crate::tr!("doctor-detail-self-talk"),
            ));
        }
        if matches!(c.kind, CardKind::Exercise | CardKind::Open) {
            continue;
        }
        let lines = c.back.lines().filter(|l| !l.trim().is_empty()).count();
        if lines > MAX_BACK_LINES && !one_table_or_code(c.back) {
            out.push(problem(
                c,
                "too long",
                crate::tr!(
                    "doctor-detail-too-long",
                    lines = lines,
                    max = MAX_BACK_LINES
                ),
            ));
        }
        if let Some(terms) = parallel_items(c.back) {
            out.push(problem(
                c,
                "parallel list",
                crate::tr!(
                    "doctor-detail-parallel-list",
                    count = terms.len(),
                    terms = terms.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        if let Some(nothing) = recall::nothing_to_recall(c.back) {
            let detail = match nothing {
                recall::Nothing::Images => crate::tr!("doctor-detail-images-only"),
                recall::Nothing::Links => crate::tr!("doctor-detail-links-only"),
                recall::Nothing::ImagesAndLinks => {
                    crate::tr!("doctor-detail-images-and-links-only")
                }
            };
            out.push(problem(c, "nothing to recall", detail));
        }
        for name in demo_names(c.back) {
            if !demos.contains(&name) {
                out.push(problem(
                    c,
                    "demo cannot run",
                    crate::tr!("doctor-detail-unknown-demo", name = name),
                ));
            }
        }
    }
    for (i, a) in cards.iter().enumerate() {
        for b in &cards[i + 1..] {
            if a.deck == b.deck
                || a.kind == CardKind::Exercise
                || b.kind == CardKind::Exercise
                || !could_be_alike(a, b)
            {
                continue;
            }
            let likeness = renames::score(
                Text {
                    front: a.front,
                    back: a.back,
                },
                Text {
                    front: b.front,
                    back: b.back,
                },
            );
            if likeness >= DUPLICATE_LIKENESS {
                for (x, y) in [(a, b), (b, a)] {
                    out.push(problem(
                        x,
                        "near-duplicate",
                        crate::tr!(
                            "doctor-detail-near-duplicate",
                            percent = format!("{:.0}", likeness * 100.0),
                            path = y.path,
                            line = y.line,
                            deck = format!("{:?}", y.deck)
                        ),
                    ));
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.path, a.line, a.reason).cmp(&(&b.path, b.line, b.reason)));
    out
}

/// A cheap bound before the likeness (a Dice coefficient is at most
/// 2·min/(min+max) of the lengths): to reach 0.85 with the front weighing
/// 0.4, the fronts need a length ratio of at least 0.45 and two answers one
/// of at least 0.6; without answers the fronts alone need 0.74.
/// A list of named items in a back longer than this is suggested for
/// splitting.
const PARALLEL_LIST_LINES: usize = 10;

/// The terms of a back's list of named items (`- **GET**: …`, `- PUT: …`),
/// when the back is long, has at least three top-level items and each
/// names a term: one card per item would be easier to recall (`<!--
/// synack: split -->`).
fn parallel_items(back: &str) -> Option<Vec<String>> {
    let mut items = 0;
    let mut terms = Vec::new();
    for line in back.lines() {
        let Some(item) = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))
            .or_else(|| line.strip_prefix("+ "))
        else {
            continue;
        };
        items += 1;
        let item = item.trim();
        let term = if let Some(rest) = item.strip_prefix("**") {
            rest.split_once("**")
                .filter(|(_, after)| {
                    !after
                        .trim()
                        .trim_start_matches([':', '-', '–', '—'])
                        .trim()
                        .is_empty()
                })
                .map(|(t, _)| t)
        } else {
            item.split_once(": ").map(|(t, _)| t)
        };
        if let Some(t) = term
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.chars().count() <= 40)
        {
            terms.push(t.to_string());
        }
    }
    // A short list answers its question well as one card; a long one of
    // named items is several questions in one.
    let long = back.lines().filter(|l| !l.trim().is_empty()).count() > PARALLEL_LIST_LINES;
    (long && items >= 3 && terms.len() == items).then_some(terms)
}

fn could_be_alike(a: &Subject<'_>, b: &Subject<'_>) -> bool {
    let ratio = |x: &str, y: &str| {
        let (x, y) = (x.chars().count(), y.chars().count());
        if x.max(y) == 0 {
            1.0
        } else {
            x.min(y) as f64 / x.max(y) as f64
        }
    };
    let answered = !a.back.trim().is_empty() && !b.back.trim().is_empty();
    if answered {
        ratio(a.front, b.front) >= 0.45 && ratio(a.back, b.back) >= 0.6
    } else {
        ratio(a.front, b.front) >= 0.74
    }
}

fn one_table_or_code(back: &str) -> bool {
    let blocks = blocks::blocks(back);
    let real: Vec<_> = blocks
        .iter()
        .filter(|b| !matches!(b.kind, Kind::Rule | Kind::Metadata))
        .collect();
    matches!(real.as_slice(), [b] if matches!(b.kind, Kind::Table | Kind::Code))
}

/// The names of the `demo:NAME` links of a back.
fn demo_names(back: &str) -> Vec<&str> {
    back.match_indices("demo:")
        .filter(|&(at, _)| at == 0 || back[..at].ends_with(['(', '<', ' ', '\n']))
        .map(|(at, _)| {
            let rest = &back[at + 5..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject<'a>(
        id: i64,
        deck: &'a str,
        kind: CardKind,
        front: &'a str,
        back: &'a str,
    ) -> Subject<'a> {
        Subject {
            id,
            deck,
            kind,
            front,
            back,
            path: "n.md",
            line: u32::try_from(id).unwrap_or(0),
        }
    }

    #[test]
    fn a_list_of_named_items_is_suggested_for_splitting() {
        let methods = "메서드:\n\n- **GET**: 조회\n- **POST**: 생성\n- **DELETE**: 삭제\n\n\
                       자세히:\n\n하나\n둘\n셋\n넷\n다섯\n여섯\n일곱\n여덟\n";
        let short = "- **GET**: 조회\n- **POST**: 생성\n- **DELETE**: 삭제\n";
        let plain = "- 하나\n- 둘\n- 셋\n";
        let two = "- **GET**: 조회\n- **POST**: 생성\n";
        let colon =
            "- Tahoe: cwnd 1\n- Reno: cwnd 절반\n- CUBIC: 3차 함수\n1\n2\n3\n4\n5\n6\n7\n8\n";
        assert_eq!(
            parallel_items(methods),
            Some(vec!["GET".into(), "POST".into(), "DELETE".into()])
        );
        assert_eq!(parallel_items(colon).map(|t| t.len()), Some(3));
        assert_eq!(parallel_items(plain), None);
        assert_eq!(parallel_items(short), None, "a short list is one card");
        assert_eq!(
            parallel_items(two),
            None,
            "two items are a pair, not a list"
        );
        let cards = [subject(
            1,
            "A",
            CardKind::Question,
            "HTTP 메서드는?",
            methods,
        )];
        let problems = check(&cards, &[]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].reason, "parallel list");
        assert!(
            problems[0].detail.contains("GET, POST, DELETE"),
            "{}",
            problems[0].detail
        );
    }

    #[test]
    fn each_reason_is_found_and_nothing_else() {
        let long = (0..20).map(|i| format!("- 사실 {i}\n")).collect::<String>();
        let code = format!("```\n{long}```");
        let cards = [
            subject(1, "A", CardKind::Question, "TCP란 무엇인가요?", &long),
            subject(2, "A", CardKind::Question, "코드는?", &code),
            subject(3, "A", CardKind::Topic, "A › 그림", "![](x.png)"),
            subject(4, "A", CardKind::Open, "게이트웨이란?", ""),
            subject(
                5,
                "A",
                CardKind::Qa,
                "그러면 한 곳에 두면 되지 않을까?",
                "글",
            ),
            subject(
                6,
                "A",
                CardKind::Qa,
                "흐름은?",
                "세 단계로 흐른다 [보기](demo:nope) [좋음](demo:handshake)",
            ),
            subject(7, "B", CardKind::Question, "TCP란 무엇인가요?", &long),
            subject(8, "B", CardKind::Qa, "UDP란?", "비연결형"),
        ];
        let got: Vec<(i64, &str)> = check(&cards, &["handshake"])
            .iter()
            .map(|p| (p.card_id, p.reason))
            .collect();
        assert_eq!(
            got,
            [
                (1, "near-duplicate"),
                (1, "too long"),
                (3, "nothing to recall"),
                (4, "open question"),
                (5, "self-talk"),
                (6, "demo cannot run"),
                (7, "near-duplicate"),
                (7, "too long"),
            ]
        );
    }
}
