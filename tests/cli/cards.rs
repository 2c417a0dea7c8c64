//! `synack cards` and `synack show`, and the shipped deck on first use.

use crate::util::Env;

#[test]
fn first_use_lists_the_shipped_deck_with_no_set_up() {
    let env = Env::new();
    let out = env.cmd().arg("cards").assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("first use: imported"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(stdout.contains("TIME-WAIT"), "{stdout}");

    let cards = env.cards();
    assert!(cards.len() >= 150, "only {} shipped cards", cards.len());
    for card in &cards {
        for field in [
            "id",
            "deck",
            "front",
            "back",
            "kind",
            "tags",
            "source",
            "line",
            "suspended",
        ] {
            assert!(card.get(field).is_some(), "card without {field}: {card}");
        }
        assert!(
            card["source"]
                .as_str()
                .unwrap_or("")
                .starts_with("synack:decks/")
        );
        assert_ne!(
            card["back"], "",
            "shipped card without an answer: {}",
            card["front"]
        );
    }
    // The second run finds the deck in place and says nothing more.
    let again = env.cmd().arg("cards").assert().success();
    assert!(again.get_output().stderr.is_empty());
}

#[test]
fn default_database_lives_in_the_xdg_data_folder() {
    let env = Env::new();
    env.bare_cmd().arg("cards").assert().success();
    assert!(env.path("xdg/synack/synack.db").is_file());
}

#[test]
fn synack_db_environment_variable_names_the_database() {
    let env = Env::new();
    let db = env.path("elsewhere/my.db");
    env.bare_cmd()
        .env("SYNACK_DB", &db)
        .arg("cards")
        .assert()
        .success();
    assert!(db.is_file());
    assert!(!env.path("xdg/synack/synack.db").exists());
}

#[test]
fn filters_by_deck_tag_and_text() {
    let (env, _) = Env::with_fixtures();
    let cards = env.json(&["cards", "--deck", "inline", "--format", "json"]);
    let cards = cards.as_array().expect("array");
    assert_eq!(cards.len(), 12);
    assert!(cards.iter().all(|c| c["deck"] == "Inline Cards"));

    let cards = env.json(&["cards", "--tag", "osi-7계층", "--format", "json"]);
    assert_eq!(cards.as_array().map(Vec::len), Some(3));

    let out = env
        .cmd()
        .args(["cards", "--search", "ssthresh"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(text.contains("Explain slow start."), "{text}");
    assert!(text.trim_end().ends_with("1 cards in 1 deck"), "{text}");
}

#[test]
fn an_unknown_deck_is_a_usage_error_that_lists_the_decks() {
    let (env, _) = Env::with_fixtures();
    let out = env
        .cmd()
        .args(["cards", "--deck", "없는 덱"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("no deck matches \"없는 덱\""), "{stderr}");
    assert!(stderr.contains("테스트 네트워크"), "{stderr}");
}

#[test]
fn text_list_aligns_korean_decks_by_display_width() {
    let env = Env::new();
    let a = env.write("a.md", "# 한글 덱\n## 포트란?\n번호.\n");
    let b = env.write("b.md", "# ASCII deck\n## What is ARP?\nIP to MAC.\n");
    env.import(&[&a, &b]);
    let out = env.cmd().arg("cards").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let columns: Vec<usize> = text
        .lines()
        .filter(|l| l.contains("question"))
        .map(|l| {
            let before = &l[..l.find(['포', 'W']).expect("front")];
            unicode_width::UnicodeWidthStr::width(before)
        })
        .collect();
    assert_eq!(columns.len(), 2, "{text}");
    assert_eq!(columns[0], columns[1], "fronts do not line up:\n{text}");
}

#[test]
fn show_prints_front_back_source_and_tags() {
    let (env, _) = Env::with_fixtures();
    let card = env.card("테스트 네트워크 › OSI 7계층 › 1계층 - 물리 계층(Physical Layer)");
    let id = card["id"].to_string();
    let out = env.cmd().args(["show", &id]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(text.contains("questions.md:8"), "{text}");
    assert!(
        text.contains("tags:   OSI-7계층, 1계층-물리-계층-Physical-Layer"),
        "{text}"
    );
    assert!(text.contains("• 비트(bit)를 전기 신호로 보낸다."), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");

    let out = env
        .cmd()
        .args(["show", &id, "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["id"], card["id"]);
    assert_eq!(json["kind"], "topic");
}

#[test]
fn show_renders_tables_aligned() {
    let (env, _) = Env::with_fixtures();
    let id = env.card("TCP와 UDP의 차이는 무엇인가요?")["id"].to_string();
    let out = env.cmd().args(["show", &id]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('│')).collect();
    assert_eq!(rows.len(), 2, "{text}");
    let w: Vec<usize> = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(*r))
        .collect();
    assert_eq!(w[0], w[1], "{text}");
    assert!(
        text.contains("[이미지: 비교] (https://example.com/tcp-udp.png)"),
        "{text}"
    );
}

#[test]
fn show_of_an_unknown_card_fails_clearly() {
    let env = Env::new();
    let out = env.cmd().args(["show", "99999"]).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("card 99999 not found"), "{stderr}");
}
