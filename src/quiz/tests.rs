//! Session tests on a real (in-memory) store: no terminal needed.

use super::plan::{self, Filter};
use super::*;
use crate::import::files::NoteFile;
use crate::schedule::config::Config;

/// 2026-11-21 09:00 KST.
const NOW: Timestamp = Timestamp(1_795_219_200_000);
const KST: i32 = 9 * 3600;

fn store_with(n: usize) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut text = String::from("# 덱\n");
    for i in 1..=n {
        text.push_str(&format!("## 질문 {i}번은 무엇인가요?\n답 {i}: TCP 연결.\n"));
    }
    let note = NoteFile {
        source_path: "/notes/deck.md".into(),
        display: "deck.md".into(),
        stem: "deck".into(),
        hash: format!("{n}"),
        text,
        warnings: Vec::new(),
    };
    crate::import::import(&mut store, vec![note], NOW).unwrap();
    store
}

fn config() -> Config {
    let mut c = Config::default();
    c.set("fuzz", "false").unwrap();
    c
}

fn start(store: &mut Store, cram: bool) -> (Session, Vec<Event>) {
    let config = config();
    let sched = Scheduler::new(config.settings.clone(), KST).unwrap();
    let plan = plan::plan(store, &config, sched, &Filter::default(), cram, NOW).unwrap();
    Session::start(store, plan, tick(0)).unwrap()
}

fn tick(mono_ms: i64) -> Tick {
    Tick { now: NOW, mono_ms }
}

fn line(s: &mut Session, store: &mut Store, text: &str) -> Vec<Event> {
    s.apply(store, Input::Line(text.into()), tick(5_000))
        .unwrap()
}

fn shown(events: &[Event]) -> Option<i64> {
    events.iter().find_map(|e| match e {
        Event::Card(c) => Some(c.card_id),
        _ => None,
    })
}

fn summary(events: &[Event]) -> Option<&Summary> {
    events.iter().find_map(|e| match e {
        Event::Summary(s) => Some(s),
        _ => None,
    })
}

fn command_text(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Command(c) => Some(c.text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_whole_session_learns_new_cards_through_both_steps() {
    let mut store = store_with(3);
    let (mut s, events) = start(&mut store, false);
    let Some(Event::Card(first)) = events.first() else {
        panic!("{events:?}")
    };
    assert_eq!((first.index, first.total), (1, 3));
    assert_eq!(first.counts.new, 3);
    assert_eq!(first.path, "덱");
    let mut graded = 0;
    let mut events = events;
    while s.prompt().is_some() {
        assert_eq!(s.prompt(), Some(Prompt::Answer));
        let reveal = line(&mut s, &mut store, "");
        let Some(Event::Reveal(r)) = reveal.first() else {
            panic!("{reveal:?}")
        };
        let intervals: Vec<&str> = r.choices.iter().map(|c| c.interval.as_str()).collect();
        assert_eq!(s.prompt(), Some(Prompt::Grade));
        events = line(&mut s, &mut store, "good");
        graded += 1;
        if graded <= 3 {
            // New card: Good moves to the 10-minute step.
            assert_eq!(intervals[2], "<10m");
        }
        assert!(graded <= 6, "the session should end");
    }
    // Three new cards, each shown again ten minutes later (learn-ahead) and graduated.
    assert_eq!(graded, 6);
    let sum = summary(&events).unwrap();
    assert_eq!(sum.reviewed, 6);
    assert_eq!(sum.new_learned, 3);
    assert_eq!(sum.ratings, [0, 0, 6, 0]);
    for id in 1..=3 {
        assert_eq!(store.card_state(id).unwrap().unwrap().phase, Phase::Review);
    }
    let tally = store.session_tally(s.id()).unwrap().unwrap();
    assert_eq!(tally.ratings, [0, 0, 6, 0]);
    assert_eq!(tally.seen, 6);
}

#[test]
fn undo_puts_back_state_and_log_exactly_for_every_grade() {
    for rating in ["again", "hard", "good", "easy"] {
        let mut store = store_with(2);
        let before = store.card_state(1).unwrap().unwrap();
        let (mut s, _) = start(&mut store, false);
        line(&mut s, &mut store, "TCP 연결");
        let after = line(&mut s, &mut store, rating);
        assert_eq!(shown(&after), Some(2));
        assert_eq!(store.reviews_of(1).unwrap().len(), 1);
        let undone = line(&mut s, &mut store, ":undo");
        assert_eq!(shown(&undone), Some(1), "{rating}: the card comes back");
        assert_eq!(store.card_state(1).unwrap().unwrap(), before, "{rating}");
        assert!(store.reviews_of(1).unwrap().is_empty(), "{rating}");
        assert_eq!(
            store.session_tally(s.id()).unwrap().unwrap().seen,
            0,
            "{rating}"
        );
        // Card 2, pushed back behind it, still follows.
        line(&mut s, &mut store, "");
        assert_eq!(shown(&line(&mut s, &mut store, "easy")), Some(2));
    }
}

#[test]
fn typed_answers_are_kept_with_the_review_and_hinted() {
    let mut store = store_with(1);
    let (mut s, _) = start(&mut store, false);
    let reveal = line(&mut s, &mut store, "tcp 연결입니다");
    let Some(Event::Reveal(r)) = reveal.first() else {
        panic!()
    };
    let hint = r.recall.as_ref().unwrap();
    assert!(hint.found.contains(&"tcp".to_string()), "{hint:?}");
    line(&mut s, &mut store, "3");
    let log = store.reviews_of(1).unwrap();
    assert_eq!(log[0].answer.as_deref(), Some("tcp 연결입니다"));
}

#[test]
fn skip_bury_and_suspend_set_cards_aside() {
    let mut store = store_with(3);
    let (mut s, _) = start(&mut store, false);
    assert_eq!(shown(&line(&mut s, &mut store, ":skip")), Some(2));
    assert_eq!(shown(&line(&mut s, &mut store, ":bury")), Some(3));
    let end = line(&mut s, &mut store, ":suspend");
    assert_eq!(summary(&end).unwrap().seen, 3);
    assert!(store.card(3).unwrap().unwrap().suspended);
    // A new session today: card 1 was only skipped, card 2 is buried.
    let (_, events) = start(&mut store, false);
    assert_eq!(shown(&events), Some(1));
    let (entries, _) = {
        let config = config();
        let sched = Scheduler::new(config.settings.clone(), KST).unwrap();
        plan::today(&store, &config, &sched, &Filter::default(), NOW).unwrap()
    };
    assert_eq!(entries.iter().map(|e| e.card_id).collect::<Vec<_>>(), [1]);
}

#[test]
fn bad_grades_and_unknown_commands_say_so_and_change_nothing() {
    let mut store = store_with(1);
    let (mut s, _) = start(&mut store, false);
    line(&mut s, &mut store, "");
    let bad = line(&mut s, &mut store, "7");
    assert!(command_text(&bad).contains("not a grade"), "{bad:?}");
    assert_eq!(s.prompt(), Some(Prompt::Grade));
    let unknown = line(&mut s, &mut store, ":fly");
    assert!(command_text(&unknown).contains(":fly is not a command"));
    let help = line(&mut s, &mut store, ":help");
    assert!(command_text(&help).contains(":undo"));
    let nothing = line(&mut s, &mut store, ":undo");
    assert!(command_text(&nothing).contains("nothing to undo"));
    assert!(store.reviews_of(1).unwrap().is_empty());
}

#[test]
fn show_and_stats_describe_the_card_and_the_session() {
    let mut store = store_with(2);
    let (mut s, _) = start(&mut store, false);
    let show = command_text(&line(&mut s, &mut store, ":show"));
    assert!(show.contains("source:  /notes/deck.md:2"), "{show}");
    assert!(show.contains("state:   new"), "{show}");
    let demo = command_text(&line(&mut s, &mut store, ":demo"));
    assert!(demo.contains("no demo"), "{demo}");
    line(&mut s, &mut store, "");
    line(&mut s, &mut store, "again");
    let stats = command_text(&line(&mut s, &mut store, ":stats"));
    assert!(stats.contains("1 graded (again 1"), "{stats}");
    assert!(stats.contains("left: 1 new · 1 learning"), "{stats}");
}

#[test]
fn interrupt_ends_the_session_and_keeps_what_was_graded() {
    let mut store = store_with(3);
    let (mut s, _) = start(&mut store, false);
    line(&mut s, &mut store, "");
    line(&mut s, &mut store, "easy");
    let end = s.apply(&mut store, Input::Interrupt, tick(9_000)).unwrap();
    assert_eq!(summary(&end).unwrap().reviewed, 1);
    // Card 2 was on screen, card 3 still queued.
    assert_eq!(summary(&end).unwrap().left, 2);
    assert_eq!(s.prompt(), None);
    assert_eq!(store.reviews_of(1).unwrap().len(), 1);
    assert!(
        s.apply(&mut store, Input::Eof, tick(9_000))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn cramming_leaves_the_schedule_alone() {
    let mut store = store_with(2);
    // Learn both cards first.
    let (mut s, _) = start(&mut store, false);
    for _ in 0..2 {
        line(&mut s, &mut store, "");
        line(&mut s, &mut store, "easy");
    }
    let states: Vec<_> = (1..=2)
        .map(|id| store.card_state(id).unwrap().unwrap())
        .collect();
    let logged = store.reviews_of(1).unwrap().len() + store.reviews_of(2).unwrap().len();
    let (mut cram, events) = start(&mut store, true);
    assert!(shown(&events).is_some(), "{events:?}");
    line(&mut cram, &mut store, "");
    let again = line(&mut cram, &mut store, "again");
    let Some(Event::Grade(g)) = again.first() else {
        panic!()
    };
    assert!(g.cram);
    line(&mut cram, &mut store, "");
    line(&mut cram, &mut store, "good");
    // The card missed comes back once more.
    assert_eq!(cram.prompt(), Some(Prompt::Answer));
    line(&mut cram, &mut store, "");
    let end = line(&mut cram, &mut store, "good");
    assert_eq!(summary(&end).unwrap().reviewed, 3);
    let after: Vec<_> = (1..=2)
        .map(|id| store.card_state(id).unwrap().unwrap())
        .collect();
    assert_eq!(after, states);
    let logged_after = store.reviews_of(1).unwrap().len() + store.reviews_of(2).unwrap().len();
    assert_eq!(logged_after, logged);
}

#[test]
fn ratings_parse_from_numbers_names_and_letters() {
    assert_eq!(parse_rating("1"), Some(Rating::Again));
    assert_eq!(parse_rating(" Hard "), Some(Rating::Hard));
    assert_eq!(parse_rating("g"), Some(Rating::Good));
    assert_eq!(parse_rating("e"), Some(Rating::Easy));
    assert_eq!(parse_rating("5"), None);
    assert_eq!(parse_rating(""), None);
}
