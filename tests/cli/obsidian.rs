//! An Obsidian vault (issue 27 §6): front matter, wikilinks, embeds,
//! callouts, tags, comments and clozes import with clean backs and the
//! right tags.

use crate::util::Env;

const TCP: &str = "---
tags: [network, \"#transport\"]
aliases:
  - 전송 제어
deck: 전송 계층
---
# TCP 노트

## 3-way handshake란 무엇인가요?

[[SYN]]을 보내고 [[SYN-ACK|응답]]을 받은 뒤 [[ACK#번호|ACK]]로 끝난다. #handshake

![[handshake.png]]

![[UDP 노트]]

%%나중에 고칠 것%%
<!-- 숨긴 메모 -->

> [!note] 핵심
> 연결 전에 순서 번호를 맞춘다.

## 상태

==TIME_WAIT==는 2MSL 동안 기다린다.
";

const UDP: &str = "# UDP 노트

## UDP 헤더는 몇 바이트인가요?

8바이트: 포트 둘, 길이, 체크섬. [[TCP 노트#3-way handshake란 무엇인가요?]]와 다르다.
";

#[test]
fn an_obsidian_vault_imports_with_clean_backs_and_tags() {
    let env = Env::new();
    env.write("vault/.obsidian/app.json", "{}");
    env.write("vault/tcp.md", TCP);
    env.write("vault/udp.md", UDP);
    env.import(&[&env.path("vault")]);
    let cards = env.cards();
    for c in &cards {
        let back = c["back"].as_str().expect("back");
        for raw in ["[[", "]]", "%%", "<!--", "[!note]", "=="] {
            assert!(!back.contains(raw), "{raw:?} in {c}");
        }
    }
    let hs = env.card("3-way handshake란 무엇인가요?");
    assert_eq!(hs["deck"], "전송 계층");
    let back = hs["back"].as_str().expect("back");
    assert!(back.contains("[응답](<SYN-ACK>)"), "{back}");
    assert!(back.contains("![handshake.png](<handshake.png>)"), "{back}");
    assert!(back.contains("↪ [UDP 노트](<UDP 노트>)"), "{back}");
    assert!(back.contains("> 핵심\n> 연결 전에"), "{back}");
    assert!(!back.contains("나중에") && !back.contains("숨긴"), "{back}");
    let tags: Vec<&str> = hs["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| t.as_str().expect("tag"))
        .collect();
    for want in ["network", "transport", "전송-제어", "handshake"] {
        assert!(tags.contains(&want), "{want} not in {tags:?}");
    }
    let cloze = env.card("[…]는 2MSL 동안 기다린다.");
    assert_eq!(cloze["kind"], "cloze");
    assert_eq!(cloze["deck"], "전송 계층");
    let udp = env.card("UDP 헤더는 몇 바이트인가요?");
    assert_eq!(udp["deck"], "UDP 노트");
    assert!(udp["back"].as_str().expect("back").contains(
        "[TCP 노트 › 3-way handshake란 무엇인가요?](<TCP 노트#3-way handshake란 무엇인가요?>)"
    ));
    // The heading of a topic card reads as text in the card list.
    let out = env.cmd().arg("cards").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!text.contains("[["), "{text}");
}
