//! Property tests for the note parser: whatever the text, parsing returns
//! (no panic), every card has a key and a line inside the note, and the
//! encoding details an editor chooses (line endings, a BOM) change nothing.
//! The long, unbounded runs are the `note_parser` cargo-fuzz target
//! (FUZZING.md); these stay small enough for every `cargo test`.

use proptest::prelude::*;

use super::{CardKind, key, parse_note};

/// Lines that exercise every card rule, so generated notes make cards.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "#{1,7} [a-zA-Z가-힣 ]{0,12}\\??",
        "## (TCP|UDP|소켓|URL)[a-z가-힣 ]{0,8}(인가요|나요|란)\\?",
        "(What|Why|How) [a-z ]{1,10}\\?",
        "(- |\\* |1\\. |  - |    - )[a-zA-Z가-힣 ]{0,12}\\??",
        "(Q|A): [a-zA-Z가-힣 ]{1,12}\\??",
        "[A-Za-z]{1,6} ?:{2,3} ?[a-z가-힣 ]{1,10}",
        "\\?\\??",
        "> [a-z가-힣 ]{1,10}\\??",
        "\\*\\*[a-z가-힣 ]{3,10}\\*\\*",
        "(---|\\*\\*\\*|```|~~~|\\| a \\| b \\||\\|---\\|---\\|)",
        "<(br/|div|/div|p)>[a-z ]{0,6}",
        "\\[(run|실행)\\]\\(demo:(handshake|uri|sockets|nope)(\\?[a-z]{1,5}=[a-z0-9]{1,4})?\\)",
        "[A-Za-z]{1,8} 20[0-9]{2}\\.[01][0-9]\\.[0-3][0-9]",
        "\\PC{0,20}",
    ]
}

fn lines() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(line(), 0..24)
}

/// Joins lines with the given line endings, cycled.
fn join(lines: &[String], endings: &[&str]) -> String {
    let mut text = String::new();
    for (n, l) in lines.iter().enumerate() {
        text.push_str(l);
        let mut ending = endings[n % endings.len()];
        if ending == "\n" && text.ends_with('\r') {
            // `\r` then `\n` would be one line break, not two.
            ending = "\r\n";
        }
        text.push_str(ending);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_parses_into_keyed_cards_on_real_lines(text in "\\PC{0,400}") {
        let note = parse_note(&text, "stem");
        let lines = text.replace("\r\n", "\n").matches(['\n', '\r']).count() as u32 + 1;
        let mut keys = std::collections::HashSet::new();
        for card in &note.cards {
            prop_assert!(!card.key.is_empty());
            prop_assert_eq!(&card.key, &key::normalize(&card.front));
            prop_assert!(keys.insert(card.key.clone()), "two cards keyed {:?}", card.key);
            prop_assert!((1..=lines).contains(&card.line), "line {} of {}", card.line, lines);
            prop_assert_eq!(card.kind == CardKind::Open, card.back.is_empty());
        }
    }

    #[test]
    fn line_endings_do_not_change_the_cards(
        lines in lines(),
        endings in proptest::collection::vec(prop_oneof![Just("\n"), Just("\r\n"), Just("\r")], 1..4),
    ) {
        let unix = parse_note(&join(&lines, &["\n"]), "stem");
        prop_assert_eq!(&parse_note(&join(&lines, &["\r\n"]), "stem"), &unix);
        prop_assert_eq!(&parse_note(&join(&lines, &["\r"]), "stem"), &unix);
        prop_assert_eq!(&parse_note(&join(&lines, &endings), "stem"), &unix);
    }

    #[test]
    fn a_bom_does_not_change_the_cards(lines in lines()) {
        let text = join(&lines, &["\n"]);
        prop_assert_eq!(parse_note(&format!("\u{feff}{text}"), "stem"), parse_note(&text, "stem"));
    }

    #[test]
    fn an_h1_names_the_deck_whatever_the_file(lines in lines(), title in "[a-zA-Z가-힣]{1,8}") {
        let text = format!("# {title}\n\n{}", join(&lines, &["\n"]));
        prop_assert_eq!(parse_note(&text, "one").deck, title.clone());
        prop_assert_eq!(parse_note(&text, "one"), parse_note(&text, "other"));
    }
}
