//! Every link from a card to a demo runs: the explicit ones in the shipped
//! decks, and those the topic rules make on the user's notes.
//!
//! The decks link to every demo the issue names (`arq`, `congestion` and
//! `flow` included), so this passes once all of them are in the registry.

use std::path::{Path, PathBuf};

use synack::sim::DemoLink;

use crate::demo_encap::at_width;
use crate::util::Env;

/// Every `demo:` link target in `text`, as written.
fn demo_targets(text: &str) -> Vec<String> {
    text.match_indices("](demo:")
        .filter_map(|(at, _)| {
            let rest = &text[at + 2..];
            rest.find(')').map(|end| rest[..end].to_string())
        })
        .collect()
}

fn runs(env: &Env, link: &DemoLink, whence: &str) {
    let argv = link.argv();
    let args: Vec<&str> = argv.iter().map(String::as_str).collect();
    // `at_width` asserts exit 0 and that the text fits 80 columns.
    let out = std::panic::catch_unwind(|| at_width(env, 80, &args));
    assert!(
        out.is_ok(),
        "{whence}: demo:{} {} does not run",
        link.name,
        link.args
    );
}

#[test]
fn every_link_in_the_shipped_decks_runs() {
    let env = Env::new();
    let decks = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let mut seen = 0;
    for entry in std::fs::read_dir(&decks).expect("decks/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("deck");
        for target in demo_targets(&text) {
            let link = DemoLink::parse(&target).expect("a demo: link");
            assert!(
                synack::sim::find(&link.name).is_some(),
                "{}: demo:{target} names no demo",
                path.display()
            );
            runs(&env, &link, &path.display().to_string());
            seen += 1;
        }
    }
    assert!(seen > 40, "only {seen} links found in decks/");
}

fn seeds() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    assert!(
        dir.is_dir(),
        "{} is missing: the user's notes are needed for this test",
        dir.display()
    );
    dir
}

#[test]
fn every_card_the_rules_link_in_the_users_notes_runs_its_demo() {
    let env = Env::new();
    env.import(&[&seeds()]);
    let mut linked = 0;
    for card in env.cards() {
        for demo in card["demos"].as_array().expect("demos") {
            let link = DemoLink {
                name: demo["name"].as_str().expect("name").to_string(),
                args: demo["args"].as_str().expect("args").to_string(),
            };
            runs(&env, &link, card["front"].as_str().unwrap_or_default());
            linked += 1;
        }
    }
    assert!(linked > 20, "only {linked} links made on the seeds");
}

#[test]
fn topic_links_carry_the_arguments_that_make_the_cards_point() {
    let env = Env::new();
    env.import(&[&seeds()]);
    let cards = env.cards();
    let links_of = |front_part: &str| -> Vec<String> {
        cards
            .iter()
            .filter(|c| c["front"].as_str().is_some_and(|f| f.contains(front_part)))
            .flat_map(|c| c["demos"].as_array().cloned().unwrap_or_default())
            .map(|d| {
                format!(
                    "{} {}",
                    d["name"].as_str().unwrap(),
                    d["args"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        links_of("TCP › TCP 4 way handshake"),
        ["handshake scenario=close"]
    );
    assert_eq!(
        links_of("TCP › TCP 3 way handshake"),
        ["handshake scenario=open"]
    );
    // The polling section before WebSocket is not about sockets: it runs
    // the WebSocket demo's comparison of polling, long polling and SSE.
    let polling = links_of("Socket 이전 실시간 통신 기술들");
    assert!(!polling.is_empty(), "no link on the polling section");
    assert!(
        polling.iter().all(|l| l == "websocket compare=true"),
        "{polling:?}"
    );
    // A uri link always has a URI to take apart.
    for card in &cards {
        for d in card["demos"].as_array().unwrap() {
            if d["name"] == "uri" {
                assert!(!d["args"].as_str().unwrap().is_empty(), "{card}");
            }
        }
    }
}
