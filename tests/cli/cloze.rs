//! Cloze cards (issue 27 §7): imported, listed with kind `cloze`, backed up,
//! and exported to Anki as Cloze notes.

use crate::util::Env;

const NOTE: &str = "# 전송\n\n## TCP\n\n연결형 프로토콜.\n\n{{c1::SYN}}, {{c2::SYN+ACK::응답}}, ACK 순서로 연결한다.\n\n- **ARP**는 IP로 MAC을 찾는다\n";

#[test]
fn cloze_cards_import_back_up_and_export_to_anki_as_cloze_notes() {
    let env = Env::new();
    let note = env.write("notes/tcp.md", NOTE);
    env.import(&[&note]);
    let cards = env.cards();
    let clozes: Vec<&str> = cards
        .iter()
        .filter(|c| c["kind"] == "cloze")
        .map(|c| c["front"].as_str().expect("front"))
        .collect();
    assert_eq!(
        clozes,
        [
            "[…], SYN+ACK, ACK 순서로 연결한다.",
            "SYN, [응답], ACK 순서로 연결한다."
        ]
    );
    let out = env
        .cmd()
        .args(["export", "--format", "anki"])
        .assert()
        .success();
    let anki = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    assert!(anki.lines().any(|l| l == "#notetype column:2"), "{anki}");
    let cloze_rows: Vec<&str> = anki.lines().filter(|l| l.contains("\tCloze\t")).collect();
    assert_eq!(cloze_rows.len(), 2, "{anki}");
    assert!(
        cloze_rows[0].contains("{{c1::SYN}}, SYN+ACK, ACK"),
        "{anki}"
    );
    assert!(
        cloze_rows[1].contains("SYN, {{c1::SYN+ACK::응답}}, ACK"),
        "{anki}"
    );
    assert!(anki.lines().any(|l| l.contains("\tBasic\t")), "{anki}");

    let backup = env.json(&["export", "--format", "json"]);
    let kinds: Vec<&str> = backup["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "cloze").count(), 2);
}

#[test]
fn import_cloze_bold_turns_bold_list_terms_into_clozes() {
    let env = Env::new();
    let note = env.write("notes/tcp.md", NOTE);
    env.cmd()
        .args(["import", "--cloze-bold"])
        .arg(&note)
        .assert()
        .success();
    let arp = env.card("[…]는 IP로 MAC을 찾는다");
    assert_eq!(arp["kind"], "cloze");
    assert_eq!(arp["back"], "**ARP**는 IP로 MAC을 찾는다");
}
