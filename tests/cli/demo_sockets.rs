//! `synack demo sockets` through the binary.

use std::collections::HashSet;
use std::net::TcpListener;

use serde_json::Value;

use crate::demo_uri::{goldens_80_120, one_line_error, stdout};
use crate::util::{Env, assert_golden};

fn run(env: &Env, args: &[&str]) -> String {
    stdout(env, &[&["sockets"], args].concat())
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
        text.contains("#  client local     client peer      server local     server peer\n"),
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
    goldens_80_120(
        &env,
        "sockets-simulated",
        &text,
        &["sockets", "--simulate", "--seed", "42"],
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
