//! The property that the splitting, cloze, question and self-talk rules
//! never lose text: every line of a note that says something is in exactly
//! one card's back, or is the front of a card (a `Q:` line, an open
//! question, the title of a split part), or is reported skipped. Notes are generated from the shapes
//! real notes use (Korean and English), each content line carrying a
//! unique marker `mNNN`, so a line can be found wherever it landed.

use proptest::prelude::*;

use super::parse_note;

/// One element of a generated section's body; `n` is its marker.
#[derive(Debug, Clone)]
enum Piece {
    Paragraph,
    Bold,
    Item {
        sub: bool,
    },
    Steps(u8),
    Qa,
    Cloze,
    SelfTalk,
    Image,
    Quote,
    /// `- **term**: answer`
    Term,
    /// `<!-- synack: split -->`
    SplitMarker,
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => Just(Piece::Paragraph),
        2 => Just(Piece::Bold),
        3 => any::<bool>().prop_map(|sub| Piece::Item { sub }),
        1 => (2u8..5).prop_map(Piece::Steps),
        1 => Just(Piece::Qa),
        1 => Just(Piece::Cloze),
        1 => Just(Piece::SelfTalk),
        1 => Just(Piece::Image),
        1 => Just(Piece::Quote),
        2 => Just(Piece::Term),
        1 => Just(Piece::SplitMarker),
    ]
}

/// A section: its heading is a question or a topic, its body pieces.
fn section() -> impl Strategy<Value = (bool, u8, Vec<Piece>)> {
    (any::<bool>(), 2u8..4, prop::collection::vec(piece(), 1..14))
}

/// A note and the markers of its content lines (headings and bold titles
/// are titles, not content: they become fronts).
fn note_of(sections: &[(bool, u8, Vec<Piece>)], english: bool) -> (String, Vec<String>) {
    let mut note = String::from("# 덱\n\n");
    let mut markers = Vec::new();
    let mut n = 0;
    let mut next = |markers: &mut Vec<String>, content: bool| {
        n += 1;
        let m = format!("m{n:03}");
        if content {
            markers.push(m.clone());
        }
        m
    };
    for (question, level, pieces) in sections {
        let h = next(&mut markers, false);
        let hashes = "#".repeat(usize::from(*level));
        let heading = match (question, english) {
            (true, false) => format!("{hashes} {h} 주제는 무엇인가요?"),
            (true, true) => format!("{hashes} What is {h}?"),
            (false, false) => format!("{hashes} {h} 정리"),
            (false, true) => format!("{hashes} Notes on {h}"),
        };
        note.push_str(&heading);
        note.push_str("\n\n");
        // Every section opens with text, so none is nothing but an image.
        let m = next(&mut markers, true);
        note.push_str(&format!("{m} 설명으로 시작합니다.\n\n"));
        for p in pieces {
            match p {
                Piece::Paragraph => {
                    let m = next(&mut markers, true);
                    note.push_str(&format!("{m} 내용을 한 문장으로 씁니다.\n\n"));
                }
                Piece::Bold => {
                    let m = next(&mut markers, false);
                    note.push_str(&format!("**{m} 소제목**\n\n"));
                    let m = next(&mut markers, true);
                    note.push_str(&format!("{m} 소제목 아래의 설명입니다.\n\n"));
                }
                Piece::Item { sub } => {
                    let m = next(&mut markers, true);
                    note.push_str(&format!("- {m} 항목입니다\n"));
                    if *sub {
                        for _ in 0..2 {
                            let m = next(&mut markers, true);
                            note.push_str(&format!("  - {m} 하위 항목\n"));
                        }
                    }
                    note.push('\n');
                }
                Piece::Steps(k) => {
                    for i in 1..=*k {
                        let m = next(&mut markers, true);
                        note.push_str(&format!("{i}. {m} 단계를 진행합니다\n"));
                    }
                    note.push('\n');
                }
                Piece::Qa => {
                    let q = next(&mut markers, true);
                    let a = next(&mut markers, true);
                    note.push_str(&format!("Q: {q} 질문은 무엇인가요?\nA: {a} 답입니다.\n\n"));
                }
                Piece::Cloze => {
                    let m = next(&mut markers, true);
                    note.push_str(&format!("{m} 문장에서 {{{{c1::핵심어}}}}를 가립니다.\n\n"));
                }
                Piece::SelfTalk => {
                    let m = next(&mut markers, true);
                    note.push_str(&format!("그러면 {m} 경우는 어떨까?\n\n"));
                }
                Piece::Image => {
                    let m = next(&mut markers, true);
                    note.push_str(&format!("![{m} 그림](img-{m}.png)\n\n"));
                }
                Piece::Term => {
                    let t = next(&mut markers, false);
                    let m = next(&mut markers, true);
                    note.push_str(&format!("- **{t}**: {m} 용어의 뜻입니다\n\n"));
                }
                Piece::SplitMarker => note.push_str("<!-- synack: split -->\n\n"),
                Piece::Quote => {
                    let m = next(&mut markers, true);
                    note.push_str(&format!(
                        "> {m} 인용한 설명이 여기 길게 이어지는 문장입니다.\n\n"
                    ));
                }
            }
        }
    }
    (note, markers)
}

fn contains_word(text: &str, marker: &str) -> bool {
    text.match_indices(marker).any(|(at, _)| {
        !text[at + marker.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_line_of_a_note_is_in_exactly_one_place(
        sections in prop::collection::vec(section(), 1..6),
        english in any::<bool>(),
    ) {
        let (note, markers) = note_of(&sections, english);
        let parsed = parse_note(&note, "deck");
        for m in &markers {
            let backs: Vec<&str> = parsed
                .cards
                .iter()
                .filter(|c| contains_word(&c.back, m))
                .map(|c| c.front.as_str())
                .collect();
            // A question (`Q:` line, open question) or a part's title
            // (a list item with a sub-list, a step) is the card's front.
            let asked = parsed.cards.iter().any(|c| contains_word(&c.front, m));
            let skipped = parsed.skipped.iter().any(|s| contains_word(&s.reason, m));
            prop_assert!(
                backs.len() == 1 || (backs.is_empty() && (asked || skipped)),
                "{m} is in {} backs ({backs:?}), asked: {asked}, skipped: {skipped}\n--- note ---\n{note}",
                backs.len()
            );
        }
    }
}
