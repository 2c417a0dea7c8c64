//! `synack demo websocket` through the binary: a real upgrade on loopback,
//! golden text at 80 and 120 columns, the JSON document, the issue's
//! acceptance line, determinism and bad options.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

const RFC_KEY: &str = "dGhlIHNhbXBsZSBub25jZQ==";
const RFC_ACCEPT: &str = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

/// `synack demo websocket ARGS` at `columns`, expecting success.
/// The demo's text in Korean: the golden files were written (and read) in it.
fn text(env: &Env, args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, KO, "websocket", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    crate::util::demo_json(env, "websocket", args)
}

/// Live demos need loopback; say so instead of passing silently elsewhere.
fn loopback() -> bool {
    std::net::TcpListener::bind("127.0.0.1:0").is_ok()
}

#[test]
fn the_rfc_sample_key_prints_the_rfc_accept() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let out = text(&env, &["--key", RFC_KEY], 80);
    assert!(out.contains(RFC_ACCEPT), "{out}");
    assert!(out.contains("HTTP/1.1 101 Switching Protocols"), "{out}");
    assert!(
        out.contains("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
        "{out}"
    );
    assert!(
        out.contains("RFC 8441") && out.contains("RFC 9220"),
        "{out}"
    );
}

#[test]
fn text_matches_golden_at_80_and_120_columns() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    for columns in [80, 120] {
        let out = text(&env, &["--key", RFC_KEY], columns);
        assert_golden(&format!("demo/websocket-rfc-key-{columns}.txt"), &out);
        let out = text(&env, &["--compare", "--seed", "7"], columns);
        assert_golden(&format!("demo/websocket-compare-{columns}.txt"), &out);
    }
}

#[test]
fn json_matches_golden_and_has_exactly_the_documented_keys() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let mut v = json(&env, &["--key", RFC_KEY]);
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["accept", "frames", "request", "response", "trace"]);
    assert_eq!(v["accept"], RFC_ACCEPT);
    assert!(
        v["response"]
            .as_str()
            .expect("response")
            .starts_with("HTTP/1.1 101 Switching Protocols\r\n")
    );
    assert!(
        v["request"]
            .as_str()
            .expect("request")
            .contains("Upgrade: websocket\r\n")
    );
    let frames = v["frames"].as_array().expect("frames");
    let summary: Vec<(&str, &str, bool)> = frames
        .iter()
        .map(|f| {
            (
                f["from"].as_str().expect("from"),
                f["opcode"].as_str().expect("opcode"),
                f["masked"].as_bool().expect("masked"),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("client", "text", true),
            ("server", "text", false),
            ("client", "ping", true),
            ("server", "pong", false),
            ("client", "close", true),
            ("server", "close", false),
        ]
    );
    for f in frames {
        let keys: Vec<&str> = f
            .as_object()
            .expect("frame")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["from", "hex", "masked", "opcode", "payload_len"]);
    }
    // The server's echo of "hello", byte for byte (RFC 6455 §5.7's shape).
    assert_eq!(frames[1]["hex"], "810568656c6c6f");
    assert_eq!(frames[5]["hex"], "880503e8627965");
    v.as_object_mut().expect("object").remove("trace");
    assert_golden(
        "demo/websocket-rfc-key.json",
        &(serde_json::to_string_pretty(&v).expect("json") + "\n"),
    );
}

#[test]
fn the_same_seed_gives_the_same_masks_and_another_seed_others() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let a = json(&env, &["--seed", "3"]);
    let b = json(&env, &["--seed", "3"]);
    let c = json(&env, &["--seed", "4"]);
    assert_eq!(a, b);
    assert_ne!(a["frames"][0]["hex"], c["frames"][0]["hex"]);
    assert_ne!(a["accept"], c["accept"]);
    // Server frames carry no mask, whatever the seed.
    assert_eq!(a["frames"][1]["hex"], c["frames"][1]["hex"]);
}

#[test]
fn bad_keys_and_messages_get_one_line() {
    let env = Env::new();
    for args in [
        &["--key", "aGVsbG8="][..],
        &["--key", "not base64"][..],
        &["--message", &"x".repeat(126)][..],
        &["--host", "0.0.0.0"][..],
    ] {
        let out = env
            .bare_cmd()
            .args(["demo", "websocket"])
            .args(args)
            .assert()
            .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(!err.contains("panicked"), "{err}");
        if !args[0].starts_with("--host") {
            assert_eq!(err.lines().count(), 1, "{err}");
        }
        assert!(out.get_output().stdout.is_empty());
    }
}

#[test]
fn websocket_speaks_english_by_default() {
    let env = Env::new();
    let out = crate::util::demo_text(&env, "websocket", &[], 80);
    assert_golden("demo/websocket-default-en-80.txt", &out);
    for needle in [
        "1. The HTTP/1.1 Upgrade request (client → server)",
        "Computing Sec-WebSocket-Accept",
        "Every frame a client sends must be masked",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    let help = crate::util::demo_help_in(&env, C, "websocket");
    assert_no_korean("websocket --help", &help);
    assert!(
        help.contains("The text message the client sends and the server echoes"),
        "{help}"
    );
}

#[test]
fn every_websocket_scenario_speaks_one_language() {
    let env = Env::new();
    for args in [
        &[][..],
        &["--key", "dGhlIHNhbXBsZSBub25jZQ=="],
        &["--message", "héllo", "--seed", "7"],
        &["--compare"],
    ] {
        let (_, ko) = crate::util::demo_in_both(&env, "websocket", args);
        assert_no_english(&format!("websocket {args:?}"), &ko);
    }
    let ko = crate::util::demo_text_in(&env, KO, "websocket", &[], 80);
    for needle in [
        "1. HTTP/1.1 Upgrade 요청 (클라이언트 → 서버)",
        "서버의 에코입니다.",
    ] {
        assert!(ko.contains(needle), "{needle:?} in\n{ko}");
    }
    let help = crate::util::demo_help_in(&env, KO, "websocket");
    assert!(
        help.contains("클라이언트가 보내고 서버가 되돌려 주는 텍스트 메시지"),
        "{help}"
    );
    // The shared options (--seed, --format, --step) are the registry's.
    assert!(
        !help.contains("The text message the client sends and the server echoes"),
        "{help}"
    );
}

#[test]
fn websocket_refuses_bad_input_in_the_chosen_language() {
    let env = Env::new();
    for (lang, needle) in [
        (C, "not base64; a Sec-WebSocket-Key is base64 of 16 bytes"),
        (
            KO,
            "base64가 아닙니다; Sec-WebSocket-Key 값은 16바이트의 base64 인코딩입니다",
        ),
    ] {
        crate::util::demo_refuses_in(&env, lang, "websocket", &["--key", "!!!"], needle);
    }
}

/// The examples are indented and the non-ASCII one speaks the reader's language.
#[test]
fn every_websocket_example_line_is_indented_in_both_languages() {
    let env = Env::new();
    for (lang, word) in [(C, "héllo"), (KO, "안녕")] {
        let examples = crate::util::demo_examples(&env, lang, "websocket");
        assert_eq!(examples.len(), 4, "{examples:?}");
        assert!(examples.iter().any(|l| l.contains(word)), "{examples:?}");
    }
}
