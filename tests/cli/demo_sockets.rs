//! `synack demo sockets` through the binary.

use std::collections::HashSet;
use std::net::TcpListener;

use serde_json::Value;

use crate::demo_uri::one_line_error;
use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean, demo_text_in};

/// The demo in Korean at 80 columns (the goldens were read in Korean).
fn run(env: &Env, args: &[&str]) -> String {
    demo_text_in(env, KO, "sockets", args, 80)
}

/// Live tests need 127.0.0.1; where it cannot be bound they fail, saying
/// why, rather than pass without checking anything.
fn loopback_available() -> bool {
    if let Err(e) = TcpListener::bind("127.0.0.1:0") {
        panic!("the live demo tests need 127.0.0.1, which cannot be bound here: {e}");
    }
    true
}

#[test]
fn live_connections_share_one_server_port() {
    if !loopback_available() {
        return;
    }
    let env = Env::new();
    let v: Value =
        serde_json::from_str(&run(&env, &["--clients", "3", "--format", "json"])).expect("json");
    assert_eq!(v["mode"], "live");
    let listener = v["listener"].as_str().expect("listener");
    assert!(listener.starts_with("127.0.0.1:"), "{listener}");
    let conns = v["connections"].as_array().expect("connections");
    assert_eq!(conns.len(), 3);
    let mut client_ports = HashSet::new();
    for c in conns {
        assert_eq!(c["server_local"], listener, "{c}");
        assert_eq!(c["client_peer"], listener, "{c}");
        assert_eq!(c["client_local"], c["server_peer"], "{c}");
        client_ports.insert(
            c["client_local"]
                .as_str()
                .expect("client_local")
                .to_string(),
        );
    }
    assert_eq!(client_ports.len(), 3, "three different client ports");
    assert_eq!(v["second_tcp_bind"]["ok"], false);
    let error = v["second_tcp_bind"]["error"].as_str().expect("error text");
    assert!(error.contains("Address already in use"), "{error}");
    assert_eq!(v["udp_same_port"]["ok"], true);
    assert_eq!(v["udp_same_port"]["error"], Value::Null);
    if cfg!(target_os = "linux") {
        assert_eq!(v["other_address_same_port"]["ok"], true);
        assert_eq!(v["ephemeral_range"].as_array().map(Vec::len), Some(2));
    }
}

#[test]
fn live_text_shows_the_table_and_the_os_error() {
    if !loopback_available() {
        return;
    }
    let env = Env::new();
    let text = run(&env, &[]);
    assert!(
        text.contains("#  client 로컬      client 상대      server 로컬      server 상대\n"),
        "{text}"
    );
    assert!(text.contains("Address already in use"), "{text}");
    assert!(text.contains("서로 다른 client port의 수: 3 "), "{text}");
}

#[test]
fn simulated_text_matches_golden_and_repeats() {
    let env = Env::new();
    let text = run(&env, &["--simulate", "--seed", "42"]);
    assert_eq!(text, run(&env, &["--simulate", "--seed", "42"]));
    assert_golden("demo/sockets-simulated-80.txt", &text);
    assert_golden(
        "demo/sockets-simulated-120.txt",
        &demo_text_in(&env, KO, "sockets", &["--simulate", "--seed", "42"], 120),
    );
}

#[test]
fn simulated_text_in_english_matches_its_golden() {
    let env = Env::new();
    let text = demo_text_in(&env, C, "sockets", &["--simulate", "--seed", "42"], 80);
    assert_golden("demo/sockets-default-en-80.txt", &text);
    assert!(text.contains("Distinct client ports: 3 "), "{text}");
    assert!(
        text.contains("Step 3  binding the same port again"),
        "{text}"
    );
}

/// Issue 28 §2: live and simulated, the demo speaks one language.
#[test]
fn every_mode_speaks_english_under_c_and_korean_under_ko() {
    if !loopback_available() {
        return;
    }
    let env = Env::new();
    for args in [&["--simulate", "--seed", "7"][..], &["--clients", "2"][..]] {
        let what = format!("demo sockets {}", args.join(" "));
        assert_no_korean(&what, &demo_text_in(&env, C, "sockets", args, 80));
        assert_no_english(&what, &demo_text_in(&env, KO, "sockets", args, 80));
    }
    let ko = run(&env, &["--simulate"]);
    assert!(ko.contains("3단계  같은 port에 다시 bind 해 보기"), "{ko}");
    assert_no_korean(
        "demo sockets --help",
        &demo_text_in(&env, C, "sockets", &["--help"], 80),
    );
}

#[test]
fn simulated_json_matches_golden() {
    let env = Env::new();
    let text = run(
        &env,
        &[
            "--simulate",
            "--seed",
            "42",
            "--clients",
            "2",
            "--format",
            "json",
        ],
    );
    assert_golden("demo/sockets-simulated.json", &text);
    let v: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["mode"], "simulated");
    assert_eq!(
        v["second_tcp_bind"]["error"],
        "Address already in use (os error 98)"
    );
}

#[test]
fn zero_clients_is_a_one_line_usage_error() {
    let env = Env::new();
    let err = one_line_error(&env, &["demo", "sockets", "--clients", "0"], 2);
    assert!(err.contains("--clients"), "{err}");
}
