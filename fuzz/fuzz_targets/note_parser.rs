//! The note parser on arbitrary bytes, as `synack import --lossy` feeds it:
//! bytes → UTF-8 (invalid sequences as U+FFFD) → cards → demo links settled
//! against the real demo registry. Beyond "no panic", it checks what the
//! store relies on: every card has a key and a line inside the note, and
//! every demo link left after settling names a real demo.

#![no_main]

use libfuzzer_sys::fuzz_target;
use synack::deck::{key, links, parse_note};
use synack::sim::{DEMOS, DemoLink};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut note = parse_note(&text, "fuzz");
    let table: Vec<(&str, &[&str])> = DEMOS.iter().map(|d| (d.name, d.keywords)).collect();
    links::settle(&mut note, &table, true);
    // `\r\n`, `\r` and `\n` each end a line; a note with none is one line.
    let lines = text.replace("\r\n", "\n").matches(['\n', '\r']).count() as u32 + 1;
    for card in &note.cards {
        assert!(!card.key.is_empty(), "a card with an empty key: {card:?}");
        assert_eq!(card.key, key::normalize(&card.front));
        assert!(
            (1..=lines).contains(&card.line),
            "card line {} outside 1..={lines}",
            card.line
        );
        for link in &card.demos {
            assert!(DEMOS.iter().any(|d| d.name == link.name));
            let target = if link.args.is_empty() {
                format!("demo:{}", link.name)
            } else {
                format!("demo:{}?{}", link.name, link.args)
            };
            let parsed = DemoLink::parse(&target);
            assert!(parsed.is_some(), "{target:?} does not parse back");
        }
    }
});
