//! `synack demo tcp-vs-udp` through the binary, on real loopback sockets.

use crate::demo_encap::{demo_error, demo_json};
use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean, demo_text_in};

/// `synack demo ARGS` in Korean at `columns` (the goldens were read in
/// Korean); fails if a line is wider.
fn at_width(env: &Env, columns: usize, args: &[&str]) -> String {
    demo_text_in(env, KO, args[0], &args[1..], columns)
}

#[test]
fn three_sends_are_one_tcp_read_and_three_udp_datagrams() {
    let env = Env::new();
    let v = demo_json(&env, &["tcp-vs-udp"]);
    assert_eq!(v["tcp"]["recv_calls"], 1);
    assert_eq!(v["tcp"]["received"], serde_json::json!(["onetwothree"]));
    assert_eq!(v["tcp"]["handshake_segments"], 3);
    assert_eq!(v["udp"]["recv_calls"], 3);
    assert_eq!(
        v["udp"]["received"],
        serde_json::json!(["one", "two", "three"])
    );
    assert_eq!(v["udp"]["handshake_segments"], 0);
    assert_eq!(
        v["udp_lost"]["received"],
        serde_json::json!(["one", "three"])
    );
    assert_eq!(v["udp_lost"]["retransmissions"], 0);
    assert_eq!(
        v["udp_connect"]["unconnected_error"],
        serde_json::Value::Null
    );
    // Linux reports the ICMP port unreachable to a connected UDP socket.
    if cfg!(target_os = "linux") {
        assert_eq!(v["udp_connect"]["connected_error"], "ConnectionRefused");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn text_matches_golden_at_80_and_120() {
    let env = Env::new();
    let narrow = at_width(&env, 80, &["tcp-vs-udp"]);
    assert!(
        narrow.contains("recv() 1번: \"onetwothree\" (11 bytes)"),
        "{narrow}"
    );
    assert!(
        narrow.contains("recv() 3번째: \"three\" (5 bytes)"),
        "{narrow}"
    );
    assert!(narrow.contains("ECONNREFUSED"), "{narrow}");
    assert_golden("demo/tcp-vs-udp-80.txt", &narrow);
    assert_golden(
        "demo/tcp-vs-udp-120.txt",
        &at_width(&env, 120, &["tcp-vs-udp"]),
    );
    let drop3 = at_width(&env, 80, &["tcp-vs-udp", "--drop", "3"]);
    assert!(drop3.contains("recv() 2번: one, two"), "{drop3}");
    assert_golden("demo/tcp-vs-udp-drop3-80.txt", &drop3);
}

#[test]
fn runs_repeat_exactly() {
    let env = Env::new();
    let a = at_width(&env, 80, &["tcp-vs-udp", "--format", "json"]);
    let b = at_width(&env, 80, &["tcp-vs-udp", "--format", "json"]);
    assert_eq!(a, b, "no port number or time in the output");
    assert!(!a.contains("127.0.0.1:"), "ports are shown by role");
}

#[test]
fn drop_is_bounded() {
    let env = Env::new();
    demo_error(&env, &["tcp-vs-udp", "--drop", "4"], 2);
    demo_error(&env, &["tcp-vs-udp", "--drop", "0"], 2);
}

#[cfg(target_os = "linux")]
#[test]
fn the_default_run_in_english_matches_its_golden() {
    let env = Env::new();
    let text = demo_text_in(&env, C, "tcp-vs-udp", &[], 80);
    assert!(
        text.contains("recv() #1: \"onetwothree\" (11 bytes)"),
        "{text}"
    );
    assert!(text.contains("recv() #3: \"three\" (5 bytes)"), "{text}");
    assert_golden("demo/tcp-vs-udp-default-en-80.txt", &text);
}

/// Issue 28 §2: the demo speaks one language, whichever datagram is lost.
#[test]
fn every_run_speaks_english_under_c_and_korean_under_ko() {
    let env = Env::new();
    for k in ["1", "2", "3"] {
        let what = format!("tcp-vs-udp --drop {k}");
        assert_no_korean(
            &what,
            &demo_text_in(&env, C, "tcp-vs-udp", &["--drop", k], 80),
        );
        assert_no_english(
            &what,
            &demo_text_in(&env, KO, "tcp-vs-udp", &["--drop", k], 80),
        );
    }
    assert_no_korean(
        "tcp-vs-udp --help",
        &demo_text_in(&env, C, "tcp-vs-udp", &["--help"], 80),
    );
    let ko = at_width(&env, 80, &["tcp-vs-udp", "--drop", "3"]);
    assert!(
        ko.contains("UDP: 3번째 datagram을 잃으면 (시뮬레이션)"),
        "{ko}"
    );
}
